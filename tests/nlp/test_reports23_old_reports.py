"""Work reports of 1954–2000, round reports23: the industry ministries of the planned
economy (冶金工业部), a leader called by surname and post (毛主席) and a county's short form
in a list of places. The sentences marked with a year are from the public-domain national
work reports; the others are invented."""

import pytest

from kg.model import Document
from kg.nlp import extract
from kg.spans import entity_spans


def _spans(text: str, type_: str) -> list[str]:
    return [s["text"] for s in next(entity_spans([text])) if s["type"] == type_]


def _bodies(text: str) -> list[str]:
    return [
        s["text"] for s in next(entity_spans([text])) if s["type"] in ("GovernmentBody", "Ministry")
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # 1956
            "只就煤炭工业部、电力工业部、石油工业部、重工业部、第一机械工业部统计，",
            ["煤炭工业部", "电力工业部", "石油工业部", "重工业部", "第一机械工业部"],
        ),
        (
            "建筑材料工业部和森林工业部共有三十三个建设项目。",
            ["建筑材料工业部", "森林工业部"],
        ),  # 1958
        ("化学工业部有二十三个建设项目。", ["化学工业部"]),  # 1958: jieba's 化学工业|部
        ("石油化学工业部和机械电子工业部联合发文。", ["石油化学工业部", "机械电子工业部"]),
    ],
)
def test_an_industry_and_its_ministry(text: str, names: list[str]) -> None:
    assert _bodies(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "化学工业和机械工业部门，应当帮助地方解决设备问题。",  # 1958: a sector
        "中央各工业部在制定工业生产计划的时候，",  # 1955: a class of ministries
        "同时协同有关工业部，来分工管理公私合营企业。",  # 1955
        "据中央八个工业部的统计，",  # 1956
    ],
)
def test_no_ministry_in_a_sector_or_a_class(text: str) -> None:
    assert _bodies(text) == []


def _persons(text: str) -> list[tuple[str, str]]:
    r = extract(Document("t", text, {}))
    return [(m.text, m.key) for m in r.mentions if m.type == "Person"]


def test_a_leader_by_surname_and_post_is_the_documents_one_person_of_that_surname() -> None:
    text = (
        "毛泽东同志指出，要发展生产。毛主席号召全国人民厉行节约。"
        "我们敬爱的周恩来总理说过，周总理一再强调。"
    )
    found = _persons(text)
    assert ("毛主席", "person/毛泽东") in found
    assert ("周总理", "person/周恩来") in found


@pytest.mark.parametrize(
    "text",
    [
        "毛主席号召全国人民厉行节约。",  # no full name of that surname in the document
        "王小明和王大力都发了言。王部长最后指出，要抓好落实。",  # two persons of one surname
        "韩光明发表讲话。韩总统宣布了一项决定。",  # 韩 of 韩国 before 总统
        "张光明发表讲话。代表们和秘书长进行了交流。",  # 和 a conjunction
    ],
)
def test_no_person_when_the_surname_is_unclear(text: str) -> None:
    found = _persons(text)
    assert all(len(t) != 3 or t[1:] not in ("主席", "部长", "总统", "秘书长") for t, _ in found)
    assert not any(t in ("毛主席", "王部长", "韩总统", "和秘书长") for t, _ in found)


def test_a_county_between_two_places_of_a_list() -> None:
    text = "重要的有太原、石景山、重庆、昆明、大冶、马鞍山等钢铁厂。"  # 1958
    assert "大冶" in _spans(text, "Location")
    assert "大冶" not in _spans("大冶、包括其他的在内，", "Location")


def test_no_county_between_foreign_places() -> None:
    # 万荣 is a county of Shanxi and a town of Laos; 万象 and 琅勃拉邦 are Lao places
    assert "万荣" not in _spans("旅行团游览了万象、万荣、琅勃拉邦三地。", "Location")


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("要特别注意发挥沿海城市在扩大对外经济技术交流中的作用。", "海城市", None),  # 1982
        ("一座新兴城市正在崛起。", "兴城市", None),
        ("这些政策适应城市发展的需要。", "应城市", None),
        ("山东省肥城市和辽宁省海城市都在北方。", None, "海城市"),
    ],
)
def test_the_noun_city_after_a_word_is_no_city_of_that_name(
    text: str, absent: str | None, present: str | None
) -> None:
    places = _spans(text, "Location")
    assert absent is None or absent not in places
    assert present is None or present in places
