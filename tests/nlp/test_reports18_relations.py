"""Programmes and their relations in the national work reports (round reports18). The
quoted sentences are from the public-domain national work reports (2016–2025) and the
2022 congress report; the others are invented."""

import pytest

from kg.model import Document
from kg.nlp import extract

REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


def _run(text: str):
    r = extract(Document("t", REPORT + text, {}))
    label = {m.key: m.text for m in r.mentions}
    return r, label


def _edges(text: str, pred: str) -> set[tuple[str, str]]:
    r, label = _run(text)
    return {(x.subj, label.get(x.obj, x.obj)) for x in r.relations if x.pred == pred}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # 2021, 2022 congress report: the programme's own progress after the verb's object
        ("推动西部大开发形成新格局，推动东北振兴取得新突破。", "西部大开发"),
        # 2025
        ("推动成渝地区双城经济圈建设走深走实。", "成渝地区双城经济圈建设"),
        ("推动高质量共建“一带一路”走深走实。", "一带一路"),
        # invented
        ("推进南水北调工程迈上新台阶。", "南水北调工程"),
    ],
)
def test_the_programmes_own_progress_after_its_verb(text: str, name: str) -> None:
    assert any(name in o for _, o in _edges(text, "implements"))


def test_another_noun_after_the_object_still_makes_it_a_modifier() -> None:
    # 推动X造福各方: X is the causee of another verb, no progress of its own
    assert not _edges("推动西部大开发造福各族群众。", "implements")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # 2018, 2019, 2022
        ("深入推进“互联网+政务服务”，使更多事项在网上办理。", "互联网+政务服务"),
        ("压减和规范督查检查考核事项，实施“互联网+督查”。", "互联网+督查"),
        ("深入推进“互联网+农业”，多渠道增加农民收入。", "互联网+农业"),
        # 2021: the full-width plus
        ("健全跨部门综合监管制度，大力推行“互联网＋监管”，提升监管能力。", "互联网＋监管"),
    ],
)
def test_a_known_plus_programme_applied_to_a_field_is_a_programme(text: str, name: str) -> None:
    r, _ = _run(text)
    assert any(m.type == "Program" and m.text == name for m in r.mentions)
    assert ("gov/state-council", name) in _edges(text, "implements")


def test_a_plus_between_unknown_fields_is_no_programme() -> None:
    # a way of working as often (实施“甲+乙”), and the plus programme alone stays itself
    r, _ = _run("实施“林草固沙+生态修复”。开展“互联网+”行动。")
    assert not any("林草" in m.text for m in r.mentions)
    assert {m.text for m in r.mentions if "+" in m.text} == {"“互联网+”行动"}


def test_an_action_programme_named_by_its_plan() -> None:
    # 2021, 2019: the recognisers read the action, its plan (方案) stays outside the name
    assert ("gov/state-council", "国企改革三年行动") in _edges(
        "出台国企改革三年行动方案。支持民营企业发展。", "issued"
    )
    text = "制定并有序实施三大攻坚战三年行动方案。稳步推进结构性去杠杆。"
    assert ("gov/state-council", "三大攻坚战三年行动") in _edges(text, "issued")
    assert ("gov/state-council", "三大攻坚战三年行动") in _edges(text, "implements")


def test_the_plan_of_a_programme_that_is_no_action_is_not_the_programme() -> None:
    # invented: 出台X方案 issues the 方案, not X (X is no action the plan names)
    assert not _edges("出台西部大开发方案。", "issued")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # 2021, 2022: the campaign a programme is waged as
        ("完善社会治安防控体系，常态化开展扫黑除恶斗争，防范打击各类犯罪。", "扫黑除恶"),
        # 2018: the cooperation it is carried out in
        ("推进“一带一路”国际合作。坚持共商共建共享。", "一带一路"),
    ],
)
def test_the_campaign_or_cooperation_a_programme_is_carried_out_in(text: str, name: str) -> None:
    assert ("gov/state-council", name) in _edges(text, "implements")


def test_a_list_closed_by_its_count_and_class_noun() -> None:
    # 2017: 实施A、B、C三大战略: the names are the members of the class
    text = "深入实施“一带一路”建设、京津冀协同发展、长江经济带发展三大战略，启动建设一批重点项目。"
    got = {o for _, o in _edges(text, "implements")}
    assert {"京津冀协同发展", "长江经济带发展"} <= got and any("一带一路" in o for o in got)
    # a longer noun is no class of programmes
    assert not _edges("实施西部大开发三大工程师。", "implements")


@pytest.mark.parametrize(
    "text",
    [
        # 2023, 2019: a reform named by a quote and 改革
        "改革商事制度，推行“证照分离”改革，企业开办时间从一个月以上压缩到目前的平均4个工作日以内。",
        "今年，要对所有涉企经营许可事项实行“证照分离”改革，使企业更便捷拿到营业执照。",
    ],
)
def test_a_quoted_reform_is_a_programme(text: str) -> None:
    assert ("gov/state-council", "“证照分离”改革") in _edges(text, "implements")


def test_a_quoted_demand_to_reform_is_no_programme() -> None:
    # invented: a theme or demand in quotes that ends in 改革 names nothing
    r, _ = _run("会议要求“深化甲乙丙丁体制改革”，推动各项工作。")
    assert not any(m.type == "Program" for m in r.mentions)


def test_words_before_a_quoted_programme_do_not_cut_it_from_its_verb() -> None:
    # 2005, 2006: the region between the verb and the quote; the corpus names the
    # programme with it as a unit (curated/program_names.tsv), so the edge takes that name
    for text in (
        "继续实施西部地区“两基”攻坚计划。",
        "今年要启动西部地区“两基”攻坚计划，到2007年使西部地区基本普及九年义务教育。",
    ):
        assert ("gov/state-council", "西部地区“两基”攻坚计划") in _edges(text, "implements")
    # invented: the quote marks where the name starts, so any short description between
    # (grammar._described) leaves it the verb's object; a clause mark between does not
    edges = _edges("实施提升“两基”攻坚计划。", "implements")
    assert ("gov/state-council", "“两基”攻坚计划") in edges
    assert not _edges("实施提升，“两基”攻坚计划进展顺利。", "implements")


def test_governments_at_all_levels_include_the_reporting_one() -> None:
    # 2023, 1994: 各级政府 in a work report speaks for the reporting government too
    for text in (
        "各级政府要大力支持国防和军队建设，深入开展“双拥”活动，合力谱写军政军民团结新篇章。",
        "各级政府要有长远眼光和紧迫感，认真落实《中国教育改革和发展纲要》，把教育放在优先发展的地位。",
    ):
        assert any(s == "gov/state-council" for s, _ in _edges(text, "implements"))
    # outside a report no government speaks: the generic subject names no one
    r = extract(Document("t", "各级政府要深入开展“双拥”活动。", {}))
    assert not [x for x in r.relations if x.pred == "implements"]
