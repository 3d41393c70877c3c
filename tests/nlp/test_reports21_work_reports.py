"""Work reports, round reports21: a programme's targets reached carry it out, and so does
an act that 把 joins with another (把实施X同Y结合起来); a mining bureau named by its place is
an organisation; a river's works named by the river are a programme. The sentences marked
with a year are from the public-domain national work reports; the others are invented."""

import pytest

from kg.model import Document
from kg.nlp import extract

REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


def _implemented(text: str) -> set[str]:
    r = extract(Document("t", REPORT + text, {}))
    label = {m.key: m.text for m in r.mentions}
    return {
        label.get(x.obj, x.obj)
        for x in r.relations
        if x.pred == "implements" and x.subj == "gov/state-council"
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("加大扶贫工作力度，努力实现“八七”扶贫攻坚计划的目标。", "“八七”扶贫攻坚计划"),  # 2000
        # 1999
        ("开展社区卫生服务，争取基本实现农村初级卫生保健规划目标。", "农村初级卫生保健规划"),
        ("经过未来五年努力，实现“十二五”规划的各项目标。", "“十二五”规划"),  # 2011
        ("今年要实现“乡村教师支持计划”的主要任务。", "乡村教师支持计划"),
    ],
)
def test_reaching_a_programmes_targets_carries_it_out(text: str, name: str) -> None:
    assert _implemented(text) == {name}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("努力实现乡村振兴战略和健康中国行动的各项目标。", {"乡村振兴战略", "健康中国行动"}),
        ("今年要实现“乡村教师支持计划”、“八七”扶贫攻坚计划的主要任务。",
         {"乡村教师支持计划", "“八七”扶贫攻坚计划"}),
    ],
)  # fmt: skip
def test_the_targets_of_listed_programmes_carry_out_each(text: str, names: set[str]) -> None:
    assert _implemented(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "努力实现“八七”扶贫攻坚计划。",  # 实现X alone: an aim, not an act on X
        "今年要实现“乡村教师支持计划”提出的增长。",
    ],
)
def test_reaching_without_the_targets_is_no_edge(text: str) -> None:
    assert _implemented(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # 2021
        ("把实施扩大内需战略同深化供给侧结构性改革有机结合起来，以创新驱动、高质量供给引领"
         "和创造新需求。", "扩大内需战略"),
        ("我们要把实施乡村振兴战略同推进新型城镇化结合起来。", "乡村振兴战略"),
    ],
)  # fmt: skip
def test_an_act_joined_with_another_by_ba_is_the_subjects(text: str, name: str) -> None:
    assert _implemented(text) == {name}  # the verb is no part of the programme's name


def _orgs(text: str) -> set[str]:
    r = extract(Document("t", text, {}))
    return {m.text for m in r.mentions if m.type == "Organization"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # both shortened from the 1958 report
        ("拿北京京西矿务局来说，原定的煤炭产量指标已经是比较先进的了。", "北京京西矿务局"),
        ("今年可以建设完工的有十四个，例如安徽铜官山矿务局，等等。", "安徽铜官山矿务局"),
    ],
)
def test_a_mining_bureau_named_by_its_place_is_an_organisation(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_mining_bureaus_as_a_class_are_no_name() -> None:
    assert not any("矿务局" in o for o in _orgs("各矿务局要加强安全生产管理。"))


def _programmes(text: str) -> set[str]:
    r = extract(Document("t", REPORT + text, {}))
    return {m.text for m in r.mentions if m.type == "Program"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 1958
        ("淮河流域的梅山水库、响洪甸水库、磨子潭水库、西淝河治理工程和濉河治理工程；",
         {"西淝河治理工程", "濉河治理工程"}),
        # 1956 (南湾: a site the gazetteer lacks, no longer enough for its reservoir)
        ("举办了汉水下游分洪工程，基本上完成了淮河的南湾水库工程。", {"汉水下游分洪工程"}),
        ("今年开工建设丹江口水库工程。", {"丹江口水库工程"}),  # a county names it
        ("今年完成了颍河节制闸工程。", {"颍河节制闸工程"}),
    ],
)  # fmt: skip
def test_a_rivers_works_named_by_it_are_a_programme(text: str, names: set[str]) -> None:
    assert names <= _programmes(text)


@pytest.mark.parametrize(
    "text",
    ["加固江河堤防工程。", "建设长江等内河航运工程。", "加强大中型水库工程建设。",
     "有依法保护黄河防洪工程的义务。",
     # a pronoun or a quantifier and 河: a river named before, or every river
     "此河治理工程和本河治理工程进展顺利。", "完成此河治理工程和本河治理工程。",
     # a site that is no county or smaller place: a region, a class of places
     "江南水库工程和山区水库工程进展顺利。"],
)  # fmt: skip
def test_waters_as_a_class_and_standing_works_are_no_name(text: str) -> None:
    assert not _programmes(text)
