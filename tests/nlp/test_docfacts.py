"""kg_docfacts: the document's own instrument and issuer, decrees, task notes, mention spans.

Every text here is written for the tests (fictional documents, bodies the gazetteer knows).
"""

from __future__ import annotations

import pytest

from kg.model import DOCUMENT_RULE, Document
from kg.nlp import extract

HEADER = (
    "索 引 号： 0001/2031-0042 主题分类： 科技\\教育\n\n"
    "发文机关： 国务院办公厅 成文日期： 2031年02月03日\n\n"
    "标　　题： {title}\n\n"
    "发文字号： 国办发〔2031〕9号 发布日期： 2031年02月10日\n\n"
    "主 题 词：\n\n"
)


def _rels(text: str, rule: str | None = None) -> set[tuple[str, str, str]]:
    r = extract(Document("t", text))
    return {(x.subj, x.pred, x.obj) for x in r.relations if rule is None or x.rule == rule}


def test_the_head_table_issuer_issued_the_documents_own_title() -> None:
    title = "国务院办公厅关于加强某某示范基地建设的意见"
    text = HEADER.format(title=title) + "各省、自治区、直辖市人民政府：\n\n现提出以下意见。"
    r = extract(Document("t", text))
    issued = [x for x in r.relations if x.rule == DOCUMENT_RULE]
    assert [(x.subj, x.pred, x.obj) for x in issued] == [
        ("gov/gov-office", "issued", f"program/{title}")
    ]
    # the evidence is the title line of the table
    assert issued[0].sentence == f"标　　题： {title}"
    e = r.entities[f"program/{title}"]
    assert e.type == "Program" and "关于加强某某示范基地建设的意见" in e.aliases


def test_a_decision_is_a_law_by_its_head_word() -> None:
    title = "国务院关于修改某某管理规定的决定"
    text = f"{title}\n\n国发〔2031〕3号\n\n各省、自治区、直辖市人民政府：\n\n国务院决定修改。"
    assert _rels(text, DOCUMENT_RULE) == {("gov/state-council", "issued", f"law/{title}")}


def test_a_title_over_two_lines_and_joint_issuers() -> None:
    text = (
        "国务院办公厅 财政部关于做好\n\n某某补助资金管理工作的通知\n\n"
        "各省、自治区、直辖市人民政府：\n\n现就有关事项通知如下。"
    )
    key = "program/国务院办公厅财政部关于做好某某补助资金管理工作的通知"
    assert _rels(text, DOCUMENT_RULE) == {
        ("gov/gov-office", "issued", key),
        ("gov/mof", "issued", key),
    }


def test_a_notice_that_issues_a_plan_issues_the_plan() -> None:
    title = "国务院关于印发《某某产业发展规划（2031—2035年）》的通知"
    text = HEADER.format(title=title).replace("国务院办公厅 成文", "国务院 成文") + "现印发给你们。"
    rels = _rels(text, DOCUMENT_RULE)
    assert rels == {("gov/state-council", "issued", "program/某某产业发展规划（2031—2035年）")}


@pytest.mark.parametrize(
    "text",
    [
        # passing on another body's document issues nothing
        "国务院办公厅转发财政部关于某某资金管理办法的通知\n\n各省人民政府：\n\n现转发给你们。",
        # a news story opens with no document title
        "财政部召开会议\n\n会议强调，要做好某某工作。",
        # a sentence, not a title
        "国务院关于某某工作的意见已经印发。\n\n各地要抓好落实。",
    ],
)
def test_no_document_instrument(text: str) -> None:
    assert _rels(text, DOCUMENT_RULE) == set()


def test_task_notes_name_the_bodies_that_implement() -> None:
    title = "国务院关于推进某某示范区建设的意见"
    text = (
        f"{title}\n\n各省、自治区、直辖市人民政府：\n\n"
        "一、重点任务\n\n"
        "1.扩大试点。在某某示范区推广《某某服务标准化行动计划》。（商务部、财政部负责）\n\n"
        "2.优化服务。简化审批手续。（海关总署牵头，财政部、税务总局按职责分工负责）\n\n"
        "3.加强保障。完善配套措施。（某某研究会负责）"
    )
    r = extract(Document("t", text))
    rels = {(x.subj, x.obj) for x in r.relations if x.rule == "implements:task"}
    own = f"program/{title}"
    plan = "program/某某服务标准化行动计划"
    assert rels == {
        ("gov/mofcom", plan), ("gov/mof", plan), ("gov/mofcom", own), ("gov/mof", own),
        ("gov/gacc", own), ("gov/mof", own), ("gov/sat", own),
    }  # fmt: skip
    assert all(x.implicit for x in r.relations if x.rule == "implements:task")


def test_a_decree_names_the_issuer_not_the_signer() -> None:
    text = "国务院总理日前签署国务院令，公布《某某设施保护条例》，自2031年1月1日起施行。"
    assert _rels(text, "issued:decree") == {("gov/state-council", "issued", "law/某某设施保护条例")}
    # 令 without publication is no decree
    assert _rels("财政部令第5号的有关规定继续有效。", "issued:decree") == set()


def test_every_mention_keeps_its_offsets_and_sentence() -> None:
    text = "财政部发布通知。\n\n会议指出，财政部和商务部要加强合作。财政部表示支持。"
    r = extract(Document("t", text))
    e = r.entities["gov/mof"]
    assert e.count == len(e.spans) == 3
    for start, end, s0, s1 in e.spans:
        assert text[start:end] == "财政部"
        assert s0 <= start < end <= s1 and text[s0:s1].startswith(text[s0])
    assert [text[s0:s1] for _, _, s0, s1 in e.spans] == [
        "财政部发布通知。",
        "会议指出，财政部和商务部要加强合作。",
        "财政部表示支持。",
    ]


def test_a_title_without_its_issuer_takes_the_bodies_that_sign() -> None:
    text = (
        "关于某某补贴发放工作的通知\n\n各省、自治区、直辖市财政厅（局）：\n\n现就有关事项通知如下。\n\n"
        "财政部 商务部\n\n2031年3月2日"
    )
    key = "program/关于某某补贴发放工作的通知"
    assert _rels(text, DOCUMENT_RULE) == {
        ("gov/mof", "issued", key),
        ("gov/mofcom", "issued", key),
    }


@pytest.mark.parametrize(
    ("note", "bodies"),
    [
        ("（财政部、某某管理局负责）", {"gov/mof"}),  # a body no rule knows is left out
        ("（具体办法由财政部另行负责）", set()),  # prose, not a list of bodies
        ("（地方各级人民政府负责）", set()),
    ],
)
def test_which_notes_list_bodies(note: str, bodies: set[str]) -> None:
    text = f"国务院关于推进某某工作的意见\n\n一、重点任务\n\n1.扩大试点。完善配套措施。{note}"
    r = extract(Document("t", text))
    assert {x.subj for x in r.relations if x.rule == "implements:task"} == bodies


def test_a_head_table_title_may_be_any_instrument() -> None:
    text = HEADER.format(title="某某设施保护条例").replace("国务院办公厅 成文", "国务院 成文")
    assert _rels(text + "第一条 为了保护某某设施，制定本条例。", DOCUMENT_RULE) == {
        ("gov/state-council", "issued", "law/某某设施保护条例")
    }
    # an opening line must be an official document's title: a decree's heading is none
    assert (
        _rels("中华人民共和国国务院令\n\n第999号\n\n现公布《某某设施保护条例》。", DOCUMENT_RULE)
        == set()
    )
