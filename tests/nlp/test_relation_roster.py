"""A body's roster: each listed person holds the role in the body (relations/posts.py)."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract

BODY = "全国山地步道建设领导小组"
TITLE = "国务院办公厅关于调整" + BODY + "组成人员的通知\n"


def roster(text: str) -> set[tuple[str, str, str | None, bool]]:
    res = extract(Document("t", text))
    lab = {k: e.label for k, e in res.entities.items()}
    return {
        (lab.get(r.subj, r.subj), lab.get(r.obj, r.obj), r.post, r.implicit)
        for r in res.relations
        if r.rule == "holdsPost:roster"
    }


def test_roles_with_spaces_and_the_home_post_after_the_name():
    text = TITLE + "组　长：陶某川　国务院副秘书长\n副组长：贺某　体育总局局长\n"
    got = roster(text)
    assert ("陶某川", BODY, "组长", True) in got
    assert ("贺某", BODY, "副组长", True) in got


def test_names_no_recogniser_knew_one_a_line():
    text = (
        TITLE
        + "成　员：\n（甲）中央单位成员\n鲁　某　自然资源部副司长\n柏某某　水利部副司长\n"
        + "地方成员\n"
    )
    got = roster(text)
    assert ("鲁某", BODY, "成员", True) in got
    assert ("柏某某", BODY, "成员", True) in got
    assert not any(p == "地方成员" for p, _, _, _ in got)  # a sub-heading, no name


def test_the_list_ends_at_prose():
    text = (
        TITLE
        + "组长：陶某川　国务院副秘书长\n"
        + "领导小组的日常工作由体育总局承担，具体事务由体育总局群体司负责人贺某某牵头办理，"
        + "成员单位按职责分工配合。\n"
    )
    got = roster(text)
    assert ("陶某川", BODY, "组长", True) in got
    assert not any(p == "贺某某" for p, _, _, _ in got)


def test_no_roster_without_a_body_named_for_it():
    assert not roster("通知\n组长：陶某川　国务院副秘书长\n副组长：贺某　体育总局局长\n")
