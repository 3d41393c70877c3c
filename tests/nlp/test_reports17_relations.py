"""Programmes, gatherings and their relations in the national work reports (round
reports17). The quoted sentences are from the public-domain national work reports (1955,
1958, 1959, 2007, 2010, 2016, 2023, 2024) and congress reports (2002, 2007, 2022); the
others are invented."""

from kg.model import Document
from kg.nlp import extract

REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


def _edges(text: str, pred: str) -> set[tuple[str, str]]:
    r = extract(Document("t", REPORT + text, {}))
    label = {m.key: m.text for m in r.mentions}
    return {(x.subj, label.get(x.obj, x.obj)) for x in r.relations if x.pred == pred}


def test_an_unnamed_measure_before_a_named_programme_leaves_the_verb_to_it() -> None:
    # 2023, 2010: an act (扩招, 改造) coordinated before the programme the verb carries out
    assert ("gov/state-council", "职业技能提升三年行动") in _edges(
        "实施高职扩招和职业技能提升三年行动，累计扩招413万人。", "implements"
    )
    assert ("gov/state-council", "全国中小学校舍安全工程") in _edges(
        "加快推进中西部地区初中校舍改造和全国中小学校舍安全工程。", "implements"
    )


def test_a_noun_shared_by_both_sides_of_和_is_no_measure_of_its_own() -> None:
    # a noun before 和, no act (农村和|…): the field of one name, not a measure of its own:
    # the whole is the name (round programs18: joined_field), never its cut second half
    text = "推进农村和全国中小学校舍安全工程。"
    assert {o for _, o in _edges(text, "implements")} == {"农村和全国中小学校舍安全工程"}
    assert _edges(text.replace("农村", "农村校舍改造"), "implements")


def test_unnamed_items_of_a_list_do_not_end_it() -> None:
    # 2016: summits the recognisers do not know between known ones
    text = (
        "习近平主席等国家领导人出访多国，出席亚太经合组织领导人非正式会议、上海合作组织峰会、"
        "金砖国家领导人会晤、核安全峰会、联大系列高级别会议、亚欧首脑会议、"
        "东亚合作领导人系列会议等重大活动。"
    )
    attended = {o for _, o in _edges(text, "participatesIn")}
    assert {"亚欧首脑会议", "东亚合作领导人系列会议"} <= attended
    # 2022 congress report: a strategy of no name between named ones
    assert ("gov/state-council", "主体功能区战略") in _edges(
        "深入实施区域协调发展战略、区域重大战略、主体功能区战略。", "implements"
    )
    # an item with a verb of its own ends the list
    text = "习近平主席出席亚太经合组织领导人非正式会议、召开甲乙峰会、亚欧首脑会议。"
    assert {o for _, o in _edges(text, "participatesIn")} == {"亚太经合组织领导人非正式会议"}


def test_a_count_of_editions_before_the_event_held() -> None:
    # 2023: 连续举办N届X
    assert ("gov/state-council", "全国双创活动周") in _edges(
        "连续举办8届全国双创活动周、超过5.2亿人次参与。", "hosted"
    )


def test_games_dated_in_numerals_are_one_event() -> None:
    # 2002 and 2007 congress reports: the year in numerals, alone or mixed with digits
    assert {o for _, o in _edges("努力办好二００八年奥运会。", "hosted")} == {"二００八年奥运会"}
    assert {o for _, o in _edges("办好二〇〇八年奥运会、残奥会和二〇一〇年世博会。", "hosted")} == {
        "二〇〇八年奥运会", "残奥会", "二〇一〇年世博会"}  # fmt: skip
    # an annual plan so dated stays no name (the heads do not name 某年计划)
    r = extract(Document("t", REPORT + "完成一九五九年计划。", {}))
    assert not [m for m in r.mentions if m.type == "Program"]


def test_a_programmes_five_year_plan_is_one_plan() -> None:
    # 2016, 2007: the programme's plan for the period, not the national five-year plan
    assert _edges("编制西部大开发“十三五”规划，实施新一轮东北振兴战略。", "issued") == {
        ("gov/state-council", "西部大开发“十三五”规划")}  # fmt: skip
    assert _edges("认真落实西部大开发“十一五”规划，重点是加强基础设施。", "implements") == {
        ("gov/state-council", "西部大开发“十一五”规划")}  # fmt: skip
    # the national plan alone keeps its name
    assert _edges("实施“十三五”规划。", "implements") == {("gov/state-council", "“十三五”规划")}


def test_the_delegate_line_of_the_1950s_reports_names_the_reporter() -> None:
    # 1955, 1958, 1959: 我现在代表X…, 我代表X向某会议，提出…的报告, 我现在根据X的决定…
    body = "\n我们实施《全民健身计划》。"
    lines = (
        "我现在代表国务院向本次大会作关于第一个五年计划的报告。",
        "我代表国务院向第一届全国人民代表大会第五次会议，提出关于国民经济计划的报告。",
        "我现在根据国务院的决定，向第二届全国人民代表大会第一次会议作政府工作报告。",
    )
    for line in lines:
        r = extract(Document("t", "各位代表：\n" + line + body, {}))
        assert [(x.subj, x.pred) for x in r.relations if x.pred == "implements"] == [
            ("gov/state-council", "implements")], line  # fmt: skip
