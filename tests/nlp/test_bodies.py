"""Government bodies: derived short forms of central bodies and provincial organs named
without their province."""

from __future__ import annotations

from kg.nlp.gazetteer import load_gazetteer
from tests.nlp.spans import bodies_of
from tests.scripts import load_script


def _shorts_module():
    return load_script("build_gov_shorts")


def test_short_form_convention() -> None:
    cands = _shorts_module().candidates
    assert "药监局" in cands("国家药品监督管理局")
    assert "环保总局" in cands("国家环境保护总局")
    assert "扶贫办" in cands("国务院扶贫开发领导小组办公室")
    assert "标准委" in cands("国家标准化管理委员会")
    # 总局 stays 总局: 税务局 is a local bureau, not 国家税务总局
    assert "税务局" not in cands("国家税务总局")


def test_derived_short_forms_resolve_to_the_central_body() -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("疾控局").name == "国家疾病预防控制局"
    assert gaz.lookup("标准委").name == "国家标准化管理委员会"


def test_bare_provincial_organs_take_the_documents_province() -> None:
    text = (
        "湖南省人民政府工作报告。过去一年，在省委坚强领导下，在省人大常委会和省政协"
        "监督支持下，湖南省经济稳中向好。"
    )
    found = dict(bodies_of(text))
    assert found["省委"] == "gov/hunan-cpc"
    assert found["省人大常委会"] == "gov/hunan-pcsc"
    assert found["省政协"] == "gov/hunan-cppcc"


def test_bare_provincial_organs_need_one_province() -> None:
    assert bodies_of("在省委坚强领导下，全省上下团结奋斗。") == []
    # two provinces as often as each other: no document province
    text = "湖南省和湖北省的代表在省委会议室座谈，湖南省和湖北省签署协议。"
    assert "省委" not in dict(bodies_of(text))


def test_bare_form_inside_a_word_is_no_organ() -> None:
    assert bodies_of("湖南省各地湖南省节省委托代理费用。") == []


def test_a_congress_named_by_its_term_is_the_provinces_congress() -> None:
    found = bodies_of("湖南省第十四届人民代表大会第三次会议在长沙开幕。")
    assert ("湖南省第十四届人民代表大会", "gov/hunan-pc") in found


def test_shared_short_forms_name_the_central_body_beside_another() -> None:
    found = dict(bodies_of("完善出入境管理（公安部、宗教局负责）。"))
    assert found["宗教局"] == "gov/sara"
    found = dict(bodies_of("民政部会同扶贫办制定实施细则。"))
    assert found["扶贫办"] == "gov/cpad"
    # a local bureau's list: no central body beside it
    assert "林业局" not in dict(bodies_of("县财政局会同林业局研究。"))


def test_a_standing_committee_named_by_its_term() -> None:
    found = bodies_of("湖南省第十三届人民代表大会常务委员会第五次会议通过。")
    assert ("湖南省第十三届人民代表大会常务委员会", "gov/hunan-pcsc") in found


def test_a_foreign_agency_whose_name_opens_with_zhu() -> None:
    # 主 opens posts (主席, 主任) but also names (主权)
    assert "苏丹主权委员会" in dict(bodies_of("苏丹主权委员会发表声明。"))
    assert dict(bodies_of("财政部主要负责人出席。")) == {"财政部": "gov/mof"}
