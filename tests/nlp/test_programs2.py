"""Programmes and events, round 2: short forms of games and fairs, names joined by 暨."""

import pytest

from kg.model import Document
from kg.nlp import extract


def _events(text: str) -> set[str]:
    r = extract(Document("t", text))
    return {m.label for m in r.mentions if m.type == "Event"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("本省运动员在农运会、特奥会上取得佳绩。", "农运会"),
        ("本省运动员在农运会、特奥会上取得佳绩。", "特奥会"),
        ("办好农博会，扩大对外交流。", "农博会"),
        ("第五届文博会在深圳举行。", "文博会"),
        ("组团参加亚残运会。", "亚残运会"),
    ],
)
def test_short_forms(text: str, name: str) -> None:
    assert name in _events(text)


@pytest.mark.parametrize(
    "text",
    ["飞船完成交会对接。", "两个航天器自主快速交会。", "太空交会成功。"],
)
def test_rendezvous_is_no_event(text: str) -> None:
    assert not _events(text)


def test_one_name_across_ji() -> None:
    names = _events("上午举行中国人民抗日战争暨世界反法西斯战争胜利纪念大会。")
    assert names == {"中国人民抗日战争暨世界反法西斯战争胜利纪念大会"}


def test_two_names_across_ji() -> None:
    names = _events("第二届美食文化节暨旅游文化节在此开幕。")
    assert "美食文化节" in names and "旅游文化节" in names


def test_no_name_before_ji() -> None:
    names = _events("双方签署战略合作暨2030年运动会合作协议。")
    assert not any("战略合作" in n for n in names)


def _programs(text: str) -> set[str]:
    r = extract(Document("t", text))
    return {m.label for m in r.mentions if m.type == "Program"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("全面落实“双减”政策。", "双减"),
        ("用好中央“三保”“两补”政策资金。", "三保"),
        ("用好中央“三保”“两补”政策资金。", "两补"),
        ("持续推进“四好农村路”建设。", "四好农村路"),
        ("深入实施“三支一扶”等计划。", "三支一扶"),
    ],
)
def test_governed_shorthand(text: str, name: str) -> None:
    assert name in _programs(text)


@pytest.mark.parametrize(
    "text",
    [
        "增强“四个意识”、坚定“四个自信”。",  # ideological verbs, counted slogans
        "深入推进“三农”工作。",  # a field, not a policy
        "全面实施“一企一策”。",  # a per-unit method
        "认真落实“五项要求”。",  # counted
        "大家都知道“两新”这个说法。",  # no implementing verb
    ],
)
def test_not_a_shorthand_programme(text: str) -> None:
    assert not {n for n in _programs(text) if len(n) <= 6}


def test_whole_quoted_name_with_short_body() -> None:
    assert "云端共享计划" in _programs("全面实施“云端共享计划”，惠及学校。")


def test_quoted_set_phrase_is_no_programme() -> None:
    assert "形象工程" not in _programs("坚决反对搞“形象工程”。")


def test_anniversary_commemoration_is_an_event() -> None:
    name = "中国工农红军长征胜利90周年纪念活动"
    assert name in _events(f"我们举办{name}。")


def test_commemorations_in_general_are_no_event() -> None:
    assert not _events("各地举办各种纪念活动。")
