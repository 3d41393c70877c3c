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
        "由各国防工业部、各军兵种分别组织审查。",  # a class marker before a widened stem
        "这家工厂生产汽车工业部件。",  # a part
        "新疆工业部件制造基地建成投产。",  # a place's name and a part
        "市委工业部召开了座谈会。",  # a party committee's department
        "印度重工业部发布了一项公告。",  # a foreign state's ministry
        "上海市工业部召开了座谈会。",  # a place's name, tagged ns
        "国家工业部门和中央工业部都要配合。",  # GENERIC: whose ministries, not which
    ],
)
def test_no_ministry_in_a_sector_or_a_class(text: str) -> None:
    assert not any(b.endswith("工业部") and len(b) > 3 for b in _bodies(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("原纺织工业部副部长出席了会议。", "纺织工业部"),  # 原: the former, no industry
        ("此项工程须经航空工业部同意后实施。", "航空工业部"),  # 须经: a verb
        ("第二轻工业部成立于一九六五年。", "第二轻工业部"),  # an ordinal before any stem
        ("第三机械工业部负责此事。", "第三机械工业部"),
    ],
)
def test_the_ministry_is_the_industry_and_its_ordinal_only(text: str, name: str) -> None:
    assert [b for b in _bodies(text) if b.endswith("工业部")] == [name]


def _persons(text: str) -> list[tuple[str, str]]:
    r = extract(Document("t", text, {}))
    return [(m.text, m.key) for m in r.mentions if m.type == "Person"]


@pytest.mark.parametrize(
    ("text", "short", "key"),
    [
        ("国务院总理周恩来出席会议。周总理一再强调，要发展生产。", "周总理", "person/周恩来"),
        ("毛泽东主席指出，要发展生产。毛主席号召全国人民厉行节约。", "毛主席", "person/毛泽东"),
        (  # two persons of one surname: the one named with the post
            "国家主席习近平出席纪念习仲勋同志诞辰大会。习主席指出，要继承优良传统。",
            "习主席",
            "person/习近平",
        ),
        (  # 韩 of 韩国 is no ban on the surname: the post beside the name decides
            "国家副主席韩光明到会讲话。韩副主席强调，要抓好落实。",
            "韩副主席",
            "person/韩光明",
        ),
    ],
)
def test_a_leader_by_surname_and_post_is_the_one_named_with_that_post(
    text: str, short: str, key: str
) -> None:
    assert (short, key) in _persons(text)


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("毛主席号召全国人民厉行节约。", "毛主席"),  # no full name of that surname
        ("毛泽东同志指出，要发展生产。毛主席号召厉行节约。", "毛主席"),  # named with no post
        ("王小明部长和王大力部长都发了言。王部长最后指出，要抓好落实。", "王部长"),  # two
        ("韩光明部长发表讲话。韩总统宣布了一项决定。", "韩总统"),  # another post
        # a function character inside a clause: 和, 向 no surname there
        ("大会秘书长和晓光主持会议。代表们和秘书长进行了交流。", "和秘书长"),
        ("联合国秘书长向明德发表讲话。代表们向秘书长致意。", "向秘书长"),
        ("李强总理出席会议。李书记在村里走访群众。", "李书记"),  # another post
        ("国务院总理李强出席会议。会议由全国人大常委会李委员长主持。", "李委员长"),
        ("国务院副总理张光明出席会议。张总理表示欢迎。", "张总理"),  # 副总理 is not 总理
        # a name after the post: the surname is a country's short form
        ("马光明总理出席会议。马总理安瓦尔表示欢迎。", "马总理"),
        ("白光明总统出席会议。白总统卢卡申科表示欢迎。", "白总统"),
        # a country the document names opens with the surname
        ("孟加拉国代表团来访。孟光明总理出席会议。孟总理表示欢迎。", "孟总理"),
        # a foreign state's leader: no surname
        ("俄罗斯总统普京出席会议。普总统表示欢迎。", "普总统"),
        # 任 the verb after a person, a pronoun, any word or a comma
        ("国家副主席任光明出席活动。王岐山任副主席。", "任副主席"),
        ("市长任光明出席活动。会议决定由他任市长。", "任市长"),
        ("国家副主席任光明出席活动。张光明，男，任副主席。", "任副主席"),
        # a foreign state's post beside the name, a transliteration tagged as one
        ("韩国总统尹光明出席会议。尹总统表示欢迎。", "尹总统"),
        ("普京总统出席会议。普总统表示欢迎。", "普总统"),
    ],
)
def test_no_person_when_the_surname_or_the_post_is_unclear(text: str, short: str) -> None:
    assert not any(t == short for t, _ in _persons(text))


@pytest.mark.parametrize(
    ("text", "county"),
    [
        ("重要的有太原、石景山、重庆、昆明、大冶、马鞍山等钢铁厂。", "大冶"),  # 1958
        ("新建的糖厂分布在南宁、横县、柳州等地。", "横县"),
        ("这批水泥厂建在唐山、滦县、秦皇岛三处。", "滦县"),
    ],
)
def test_a_county_between_two_places_of_a_list(text: str, county: str) -> None:
    assert county in _spans(text, "Location")


def test_a_county_alone_is_not_kept() -> None:
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
        ("记者来到山西晋城市的一家煤矿。", None, "晋城市"),  # a province right before
        ("山东聊城市的企业开工了。", None, "聊城市"),
        ("湖北孝感应城市的企业开工了。", None, "应城市"),
    ],
)
def test_the_noun_city_after_a_word_is_no_city_of_that_name(
    text: str, absent: str | None, present: str | None
) -> None:
    places = _spans(text, "Location")
    assert absent is None or absent not in places
    assert present is None or present in places
