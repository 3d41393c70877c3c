"""A body's roster: each listed person holds the role in the body (relations/posts.py)."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract

TITLE = "国务院办公厅关于调整国务院反垄断委员会组成人员的通知\n"


def roster(text: str) -> set[tuple[str, str, str | None, bool]]:
    res = extract(Document("t", text))
    lab = {k: e.label for k, e in res.entities.items()}
    return {
        (lab.get(r.subj, r.subj), lab.get(r.obj, r.obj), r.post, r.implicit)
        for r in res.relations
        if r.rule == "holdsPost:roster"
    }


def test_roles_with_spaces_and_the_home_post_after_the_name():
    text = TITLE + "主 任：王某明　国务院副总理\n副主任：赵某　财政部部长\n"
    got = roster(text)
    assert ("王某明", "国务院反垄断委员会", "主任", True) in got
    assert ("赵某", "国务院反垄断委员会", "副主任", True) in got


def test_names_no_recogniser_knew_one_a_line():
    text = TITLE + "委 员：\n（一）部门委员\n孙　某　商务部副部长\n钱某某　财政部副部长\n部门委员\n"
    got = roster(text)
    assert ("孙某", "国务院反垄断委员会", "委员", True) in got
    assert ("钱某某", "国务院反垄断委员会", "委员", True) in got
    assert not any(p == "部门委员" for p, _, _, _ in got)  # a sub-heading, no name


def test_the_list_ends_at_prose():
    text = (
        TITLE
        + "主任：王某明　国务院副总理\n"
        + "委员会办公室设在市场监管总局，办公室主任由市场监管总局副局长赵某兼任，"
        + "今后人员变动不再发文。\n"
    )
    got = roster(text)
    assert ("王某明", "国务院反垄断委员会", "主任", True) in got
    assert not any(p == "赵某" for p, _, _, _ in got)


def test_no_roster_without_a_body_named_for_it():
    assert not roster("通知\n主任：王某明　国务院副总理\n副主任：赵某　财政部部长\n")
