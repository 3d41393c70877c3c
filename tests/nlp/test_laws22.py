"""Round laws22: bills under review named bare (某某法修订草案 → 某某法), a law quoted inside a
title (《…〈某某法〉…》), another state's constitution (某国宪法, 和平宪法) and the NPC
committee named bare (宪法法律委) not read as the PRC's constitution.

Sentences invented, in the wording of the NPC's agendas and the State Council's notices."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp

PRC_CONSTITUTION = "law/中华人民共和国宪法"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def laws(nlp, text: str) -> dict[str, str]:
    return {m.text: m.key for m in nlp(text)._.kg.mentions if m.type == "Law"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "会议审议了海岛保护促进法修订草案、湿地管理法草案和数据产权法草案。",
            {"海岛保护促进法", "湿地管理法", "数据产权法"},
        ),
        ("常委会第九次会议将审议城乡规划与建设法修正草案。", {"城乡规划与建设法"}),
        ("全国人大常委会就海洋观测法（草案）公开征求意见。", {"海洋观测法"}),
        ("委员长会议提出了关于提请审议农业机械化促进法修订草案的议案。", {"农业机械化促进法"}),
    ],
)
def test_bill_under_review_names_the_law(nlp, text, names):
    assert set(laws(nlp, text)) == names


def test_bill_of_a_known_law_is_that_law(nlp):
    found = laws(nlp, "国务院提出了关于提请审议就业促进法修正草案的议案。")
    assert found == {"就业促进法": "law/中华人民共和国就业促进法"}


def test_a_bill_is_its_law_in_the_document(nlp):
    text = "会议审议了湿地管理法草案。湿地管理法草案共七章。"
    assert {m.key for m in nlp(text)._.kg.mentions if m.type == "Law"} == {"law/湿地管理法"}


@pytest.mark.parametrize(
    "text",
    [
        "会议听取了关于某项决定草案的说明。",  # no 法 before the draft
        "依法审议预算草案。",  # 依法 is no law's name
        "该草案获得通过。",
    ],
)
def test_no_law_without_a_bills_name(nlp, text):
    assert not laws(nlp, text)


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("中央军委发布《军队实施〈中华人民共和国兵役法〉办法》。", "law/中华人民共和国兵役法"),
        ("国务院公布《关于实施〈某某港口管理条例〉的若干规定》。", "law/某某港口管理条例"),
        ("某部印发《贯彻实施〈中华人民共和国标准化法〉行动计划》。", "law/中华人民共和国标准化法"),
    ],
)
def test_law_quoted_inside_a_title(nlp, text, inner):
    assert inner in set(laws(nlp, text).values())


def test_programme_quoted_inside_a_title_is_no_law(nlp):
    text = "某部印发《贯彻实施〈国家标准化发展纲要〉行动计划》。"
    assert not laws(nlp, text)


def test_decree_issues_the_outer_title_not_the_quoted_law(nlp):
    st = nlp("中央军委发布《军队实施〈中华人民共和国兵役法〉办法》。")._.kg
    assert "law/中华人民共和国兵役法" not in {r.obj for r in st.relations}


@pytest.mark.parametrize(
    "text",
    [
        "有议员提议修改日本宪法。",
        "民众集会要求捍卫和平宪法。",
        "法国宪法委员会作出裁决。",
    ],
)
def test_another_states_constitution_is_not_the_prcs(nlp, text):
    assert PRC_CONSTITUTION not in set(laws(nlp, text).values())


@pytest.mark.parametrize(
    "text", ["我国宪法规定，公民有受教育的权利。", "中国宪法和法律保障公民权利。"]
)
def test_chinas_constitution_stays(nlp, text):
    assert PRC_CONSTITUTION in set(laws(nlp, text).values())


def test_committee_named_bare_is_not_the_constitution(nlp):
    text = "会议听取了宪法法律委副主任委员作的审议结果的报告。"
    assert PRC_CONSTITUTION not in set(laws(nlp, text).values())


def test_bill_listed_after_a_report(nlp):
    text = "代表们赞成政府工作报告和海岛保护促进法修正草案。"
    assert set(laws(nlp, text)) == {"海岛保护促进法"}


def test_measures_under_review_are_no_bill(nlp):
    assert not laws(nlp, "会议对决定草案和选举办法草案进行了审议。")


def test_new_draft_of_a_known_law_is_that_law(nlp):
    found = laws(nlp, "全民讨论新宪法草案。")
    assert found == {"宪法": PRC_CONSTITUTION}
