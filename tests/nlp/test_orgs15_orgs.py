"""Organisations and their units on unseen text (round orgs15): an institution named after
a foreign person (a dotted name before its head), a demonstrative before a head (an
anaphor, no name), and partOf for a unit named after its organisation. Sentences invented."""

import pytest

from kg.model import Document
from kg.nlp import extract
from tests.nlp.extraction import mention_entities as _ents
from tests.nlp.extraction import part_of as _part_of


@pytest.mark.parametrize(
    "text, name",
    [
        # a transliteration, a dot and the name's last part before the head
        ("当天，萨米尔·哈达德医院再次遭到袭击。", "萨米尔·哈达德医院"),
        # a first part jieba tags as a person's name, the rest one dictionary word
        ("美国亚当斯·威尔逊大学发布数据。", "亚当斯·威尔逊大学"),
        # three parts
        ("穆罕默德·本·阿卜杜勒医院开始接诊。", "穆罕默德·本·阿卜杜勒医院"),
    ],
)
def test_institution_named_after_a_person(text: str, name: str) -> None:
    ents = _ents(text)
    assert (name, "Organization") in ents
    assert not any(t == "Person" for _, t in ents)


@pytest.mark.parametrize(
    "text, bad",
    [
        ("某国卫生部门称该医院已停止运转。", "称该医院"),
        ("记者来到此大学的实验楼。", "此大学"),
    ],
)
def test_demonstrative_names_no_organisation(text: str, bad: str) -> None:
    assert all(bad not in n for n, _ in _ents(text))


@pytest.mark.parametrize(
    "text, pair",
    [
        # an academy's institute, by the academy's short form
        ("会上，中科院沙漠与绿洲研究所的一位研究员介绍了成果。",
         ("中科院沙漠与绿洲研究所", "中国科学院")),
        # a university's hospital and an international organisation's office
        ("他在浙江大学眼科医院就诊。", ("浙江大学眼科医院", "浙江大学")),
        ("联合国内罗毕办事处举行活动。", ("联合国内罗毕办事处", "联合国")),
    ],
)  # fmt: skip
def test_unit_part_of_its_organisation(text: str, pair: tuple[str, str]) -> None:
    assert pair in _part_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # a centre that studies a grouping belongs to no grouping (its university runs it)
        "二十国集团峰会后，二十国集团能源研究中心发布报告。",
        # a clause after the organisation's name, not its unit
        "世卫组织表示，世卫组织称某某医院已停止运转。",
    ],
)
def test_no_unit(text: str) -> None:
    assert not _part_of(text)


@pytest.mark.parametrize(
    "text, name",
    [
        # a medium that opens a clause as the subject of 报道说/报道称/援引
        ("某国总统当天发表讲话。法新社报道说，讲话持续一小时。", "法新社"),
        ("路透社援引知情人士的话说，谈判仍在继续。", "路透社"),
        # a dictionary name whose head follows 和 inside the word (某和|医院)
        ("专家来自武汉协和医院。", "武汉协和医院"),
    ],
)
def test_medium_and_hospital(text: str, name: str) -> None:
    assert (name, "Organization") in _ents(text)


def test_class_of_media_as_subject_names_none() -> None:
    assert not any(t == "Organization" for _, t in _ents("当地电视台报道称，当天发生爆炸。"))


def test_mass_organisations_listed_before_their_class_noun() -> None:
    # from the 2018 government work report (public domain): 工会 is a common noun there
    ents = _ents("支持工会、共青团、妇联等群团组织更好发挥作用。")
    assert ("妇联", "Organization") in ents and ("共青团", "Organization") in ents
    assert ("工会", "Organization") not in ents
    # no list before the class noun: nothing
    assert not _ents("各类群团组织要发挥作用。")


def test_a_named_partys_congress_is_its_own() -> None:
    # 某某党|N大 after a party the rules know: that party's congress, not the CPC's
    r = extract(Document("t", "中国致公党召开会议。致公党十六大将于明年召开。"))
    events = {e.label for e in r.entities.values() if e.type == "Event"}
    assert events == {"中国致公党第十六次全国代表大会"}
    # the CPC's under the gazetteer's key, as 党的十七大 is
    r = extract(Document("t", "中国共产党十七大以来，党的十七大精神深入人心。"))
    assert [e.label for e in r.entities.values() if e.type == "Event"] == [
        "中国共产党第十七次全国代表大会"
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        ("国际泳联官员当天表示满意。", True),
        ("国际篮联宣布了新规则。", True),
        # 联 opening the next word, a function word inside: no federation
        ("国际公铁联运班列开行。", False),
        ("遵守国际法和联合国宪章。", False),
    ],
)
def test_federation_short_forms(text: str, found: bool) -> None:
    assert any(t == "Organization" and n.endswith("联") for n, t in _ents(text)) is found


def test_no_federation_in_a_verb() -> None:
    assert not any(n.endswith("联") for n, _ in _ents("加强对国际关联企业的监管。"))
