"""Round laws22: bills under review named bare (某某法修订草案 → 某某法), a law quoted inside a
title (《…〈某某法〉…》), another state's constitution (某国宪法) and the NPC
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
        ("委员长会议向常委会提请审议农业机械化促进法修订草案。", {"农业机械化促进法"}),
    ],
)
def test_bill_under_review_names_the_law(nlp, text, names):
    assert set(laws(nlp, text)) == names


def test_bill_of_a_known_law_is_that_law(nlp):
    found = laws(nlp, "国务院向常委会提请审议就业促进法修正草案。")
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
        ("某省公布《某省实施〈中华人民共和国兵役法〉办法》。", "law/中华人民共和国兵役法"),
        ("国务院公布《关于实施〈某某港口管理条例〉的若干规定》。", "law/某某港口管理条例"),
        ("某部制定《贯彻落实〈中华人民共和国标准化法〉工作计划》。", "law/中华人民共和国标准化法"),
    ],
)
def test_law_quoted_inside_a_title(nlp, text, inner):
    assert inner in set(laws(nlp, text).values())


def test_programme_quoted_inside_a_title_is_no_law(nlp):
    text = "某部制定《贯彻落实〈国家标准化发展纲要〉工作计划》。"
    assert not laws(nlp, text)


def test_decree_issues_the_outer_title_not_the_quoted_law(nlp):
    st = nlp("某省公布《某省实施〈中华人民共和国兵役法〉办法》。")._.kg
    assert "law/中华人民共和国兵役法" not in {r.obj for r in st.relations}


@pytest.mark.parametrize(
    "text",
    [
        "有议员提议修改日本宪法。",
        "法国宪法规定总统由直接选举产生。",  # (no organ covers 法国宪法)
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
    text = "宪法法律委副主任委员向全体会议作审议结果的报告。"
    assert PRC_CONSTITUTION not in set(laws(nlp, text).values())


def test_bill_listed_after_a_report(nlp):
    text = "代表们赞成政府工作报告和海岛保护促进法修正草案。"
    assert set(laws(nlp, text)) == {"海岛保护促进法"}


def test_measures_under_review_are_no_bill(nlp):
    assert not laws(nlp, "会议对决定草案和选举办法草案进行了审议。")


def test_new_draft_of_a_known_law_is_that_law(nlp):
    found = laws(nlp, "全民讨论新宪法草案。")
    assert found == {"宪法": PRC_CONSTITUTION}


# Mend of review22 (C): the reviewer's sentences and our own, in the NPC's wording.


@pytest.mark.parametrize(
    "text",
    [
        "委员们认为湿地管理法草案总体可行。",
        "常委会组成人员普遍赞成湿地管理法草案。",
        "法工委负责人介绍湿地管理法草案的主要内容。",
        "全国人大常委会法工委发言人表示湿地管理法草案已经形成。",
        "各方面普遍关注湿地管理法修订草案。",
        "代表们一致认为湿地管理法草案结构合理。",
    ],
)
def test_the_clause_before_a_bill_is_no_part_of_its_name(nlp, text):
    assert laws(nlp, text) == {"湿地管理法": "law/湿地管理法"}


@pytest.mark.parametrize("text", ["会议审议了有关立法草案。", "这份执法草案需要修改。"])
def test_an_activity_ending_in_fa_is_no_bill(nlp, text):
    assert not laws(nlp, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("会议审议了继续教育法草案。", {"继续教育法": "law/继续教育法"}),  # not 教育法
        ("常委会继续审议湿地管理法草案。", {"湿地管理法": "law/湿地管理法"}),
    ],
)
def test_continue_opens_no_name_of_a_bill(nlp, text, found):
    assert laws(nlp, text) == found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("会议审议了监督法修正草案。", "law/中华人民共和国各级人民代表大会常务委员会监督法"),
        (
            "常委会分组审议代表法修正草案。",
            "law/中华人民共和国全国人民代表大会和地方各级人民代表大会代表法",
        ),
    ],
)
def test_a_bill_named_by_the_end_of_a_known_title_is_that_law(nlp, text, key):
    assert set(laws(nlp, text).values()) == {key}


def test_a_quoted_bill_is_the_bare_bills_law(nlp):
    text = "会议审议了湿地管理法草案和《湿地管理法（草案）》的说明。"
    assert {m.key for m in nlp(text)._.kg.mentions if m.type == "Law"} == {"law/湿地管理法"}


@pytest.mark.parametrize("marks", ["〈〉", "‹>", "＜＞", "<>"])
def test_an_inner_title_in_any_marks_is_the_law(nlp, marks):
    text = f"《某市贯彻{marks[0]}中华人民共和国行政诉讼法{marks[1]}的规定》自公布之日起施行。"
    found = nlp(text)._.kg.mentions
    assert "law/中华人民共和国行政诉讼法" in {m.key for m in found}
    assert "country/CHN" not in {m.key for m in found}  # the nested law's jurisdiction


@pytest.mark.parametrize("text", ["宪法和法律委员会召开全体会议。", "宪法法律委召开全体会议。"])
def test_the_npc_committee_named_bare_is_the_committee(nlp, text):
    assert {m.key for m in nlp(text)._.kg.mentions} == {"gov/npc-clc"}


class CountedStarts:
    """The word starts of 审议|甲乙|法|草案|和 repeated, a mask that fails once read more
    often than a bill's walk needs."""

    def __init__(self, limit: int) -> None:
        self.n, self.limit = 0, limit

    def __getitem__(self, i: int) -> int:
        self.n += 1
        assert self.n <= self.limit, "the walk reads the whole run of characters"
        return int(i % 8 in (0, 2, 4, 5, 7))


def test_a_long_run_of_characters_is_walked_once_per_bill():
    from types import SimpleNamespace

    from kg.nlp.components.heads.draft_laws import MAX_LEN, draft_laws
    from kg.nlp.gazetteer import Gazetteer

    bills = 4000
    text = "审议甲乙法草案和" * bills  # no punctuation: one run of 32,000 characters
    st = SimpleNamespace(text=text, candidates=[])
    draft_laws(st, text, Gazetteer(), CountedStarts(bills * 3 * (MAX_LEN + 4)))
    assert {c.label for c in st.candidates} == {"甲乙法"}
