"""Programmes and their relations in the national work reports (round reports16). The
quoted sentences are from the public-domain national work reports (2015, 2016)."""

import json
from pathlib import Path

from kg.model import Document
from kg.nlp import extract
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]


def _build_gazetteers():
    return load_script("build_gazetteers")


def test_a_coordination_of_two_programmes_is_no_third_ones_alias() -> None:
    bg = _build_gazetteers()
    ents = [{"id": f"program/{k}", "type": "Program"} for k in "abc"]
    owner = {"甲计划": "program/a", "乙工程": "program/b"}
    assert bg.coordinates_programmes("甲计划和乙工程", {"program/c"}, owner, ents)
    assert bg.coordinates_programmes("甲计划、乙工程", {"program/c"}, owner, ents)
    assert not bg.coordinates_programmes("甲计划和丙工程", {"program/c"}, owner, ents)
    # a region named by two places stays one place
    places = [{"id": "place/x", "type": "Location"}, {"id": "place/y", "type": "Location"},
              {"id": "place/xy", "type": "Location"}]  # fmt: skip
    assert not bg.coordinates_programmes(
        "甲地和乙地", {"place/xy"}, {"甲地": "place/x", "乙地": "place/y"}, places)
    # the shipped data follows the rule
    rows = [json.loads(x) for x in (ROOT / "ontology/gazetteers/programs.jsonl").open()]
    owner = {bg.norm_name(n): r["id"] for r in rows for n in [r["name"]]}
    for r in rows:
        for a in r["aliases"]:
            assert not bg.coordinates_programmes(bg.norm_name(a), {r["id"]}, owner, rows), a


def test_both_programmes_of_a_coordination_are_implemented() -> None:
    # 2015: the two routes, each a programme of its own, not the initiative's alias
    text = ("政府工作报告\n现在，我代表国务院，向大会报告工作。\n"
            "推进丝绸之路经济带和21世纪海上丝绸之路建设。")
    r = extract(Document("t", text, {}))
    assert {m.text for m in r.mentions if m.type == "Program"} >= {
        "丝绸之路经济带", "21世纪海上丝绸之路"}  # fmt: skip
    assert {x.obj for x in r.relations if x.pred == "implements"} == {
        "program/silk-road-economic-belt", "program/maritime-silk-road"}  # fmt: skip


def _programmes(text: str) -> set[str]:
    return {m.text for m in extract(Document("t", text, {})).mentions if m.type == "Program"}


def test_a_strong_country_to_build_is_a_goal_not_a_programme() -> None:
    # 2014, 2018: the country to be built; its strategy or plan is the programme
    assert not _programmes("坚决维护国家海洋权益，大力建设海洋强国。")
    assert not _programmes("加快建设制造强国。")
    # its building is carried out (bench/hand_sample judged 推进教育强国建设 so)
    assert "教育强国建设" in _programmes("推进教育强国建设。")
    assert "人才强国战略" in _programmes("深入实施人才强国战略。")
    assert "教育强国建设规划纲要" in _programmes("制定实施教育强国建设规划纲要。")
    # a quoted name stays a name
    assert _programmes("推广“学习强国”学习平台。")


def test_a_report_delivered_on_a_bodys_behalf_speaks_for_it() -> None:
    # 1987, 1979: 我受X(的)委托 is the delegate line of 我代表X
    text = "报告\n同志们：\n我受十二届中央委员会委托，向大会作报告。\n继续实施“星火”计划。"
    r = extract(Document("t", text, {}))
    assert [(x.subj, x.pred) for x in r.relations] == [
        ("gov/cpc-central-committee", "implements")]  # fmt: skip
    text = ("政府工作报告\n现在，我受国务院的委托，向全国人民代表大会报告政府工作。\n"
            "要继续开展爱国卫生运动。")
    r = extract(Document("t", text, {}))
    assert [(x.subj, x.pred) for x in r.relations] == [("gov/state-council", "implements")]
    # entrusted by two bodies: no one subject
    text = "报告\n我受某某委员会和国务院的委托，向大会作报告。\n继续实施“星火”计划。"
    assert not any(x.implicit for x in extract(Document("t", text, {})).relations)


def test_a_plan_carried_out_with_luoshi_is_named_and_implemented() -> None:
    # 2016, 1995: 落实(好) governs a named plan as 实施 does
    head = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"
    text = head + "要落实好就业促进计划和创业引领计划，促进多渠道就业创业。"
    r = extract(Document("t", text, {}))
    assert {m.text for m in r.mentions if m.type == "Program"} == {"就业促进计划", "创业引领计划"}
    assert sum(x.pred == "implements" for x in r.relations) == 2
    text = "落实农村初级卫生保健规划，推行多种形式的农村医疗保障制度。"
    assert "农村初级卫生保健规划" in _programmes(text)
    # a class of plans is no name
    assert not _programmes("落实各项计划。")


def test_a_free_trade_area_named_by_its_parties_is_a_programme() -> None:
    # 2010, 2003, 2015: two parties joined by a dash, or a run of one-character countries
    assert "中国－东盟自贸区" in _programmes("紧紧抓住中国－东盟自贸区全面建成的契机。")
    assert "中国—东盟自由贸易区" in _programmes("中国—东盟自由贸易区进程启动。")
    assert "中国—东盟自贸区" in _programmes("推进中国—东盟自贸区3.0版谈判。")
    assert "中日韩自贸区" in _programmes("加快中日韩自贸区谈判。")
    # no parties before the head: a class or a place's pilot zone
    assert not _programmes("构建高标准自贸区网络。")
    assert not _programmes("推进上海自贸区建设。")


def test_what_a_verb_speeds_up_as_a_negotiation_is_not_yet_implemented() -> None:
    # 2015: 加快X等谈判 negotiates X; 加快X建设 carries it out
    head = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"
    r = extract(Document("t", head + "加快中日韩自贸区等谈判。", {}))
    assert not [x for x in r.relations if x.pred == "implements"]
    r = extract(Document("t", head + "加快中日韩自贸区等建设。", {}))
    assert [x.pred for x in r.relations] == ["implements"]


def test_readying_an_event_is_hosting_it() -> None:
    # 2005, 1998: 做好X的(前期)准备工作, as 做好X的筹办工作
    head = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"
    text = head + "做好1999年将在昆明举办的世界园艺博览会的准备工作。"
    r = extract(Document("t", text, {}))
    assert [(x.pred, x.modality) for x in r.relations] == [("hosted", "planned")]
    r = extract(Document("t", head + "认真做好2040年世界园艺博览会的前期准备工作。", {}))
    assert [x.pred for x in r.relations] == ["hosted"]
    # the preparation of something else is no hosting
    r = extract(Document("t", head + "做好发展重工业的各项前期准备工作。", {}))
    assert not r.relations
