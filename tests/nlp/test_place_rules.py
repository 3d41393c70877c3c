"""Places on text the gazetteers do not list: country abbreviations, China's regions,
towns and villages, foreign divisions (kg/nlp/abbreviations.py, kg/nlp/localities.py,
the region and county rules of the gazetteer matcher). Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.spans import entity_spans


def _places(text: str) -> list[tuple[str, str]]:
    return [
        (s["text"], s["iri"].rsplit("/", 1)[-1] if s["type"] == "Country" else s["type"])
        for s in next(entity_spans([text], nominal=False))
        if s["type"] in ("Country", "Location")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pair before a relation word, one word with it, or three in a row
        ("双方同意推动中美关系健康发展。", [("中", "CHN"), ("美", "USA")]),
        ("这是中日韩合作的新阶段。", [("中", "CHN"), ("日", "JPN"), ("韩", "KOR")]),
        ("会议讨论了美俄之间的分歧。", [("美", "USA"), ("俄", "RUS")]),
        # after a verb of going or being somewhere
        ("总统将于下月访华。", [("华", "CHN")]),
        ("代表团抵达后将赴美考察。", [("美", "USA")]),
        ("他多次来华访问。", [("华", "CHN")]),
        # a character of a country the text names in full
        (
            "巴基斯坦和印度都表示，印巴两国应当对话。",
            [("巴基斯坦", "PAK"), ("印度", "IND"), ("印", "IND"), ("巴", "PAK")],
        ),
    ],
)
def test_country_abbreviations(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "尊老爱幼是中华民族的传统美德。",  # 美德: a virtue
        "他在比赛中以三比一获胜。",  # 中|以: a locative and a preposition
        "其中以农业为主。",
        "文件中印发了新的办法。",
        "他说中文和英文。",
        "我们在华盛顿。",  # 华 of 华盛顿
        "这里的风景很美。",
    ],
)
def test_no_country_abbreviation(text):
    assert all(len(t) > 1 for t, _ in _places(text)), _places(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before a word of the state's government or leaders
        ("英首相今天发表讲话。", [("英", "GBR")]),
        ("会谈后日外长表示赞同。", [("日", "JPN")]),
        ("法总统今天出席了仪式。", [("法", "FRA")]),
    ],
)
def test_abbreviation_before_a_state_word(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "会谈后日方表示赞同。",  # X方: a unit of the relation rules, no mention
        "5月4日政府宣布了新措施。",  # a date's day
        "我们以方便群众为原则。",  # 以: a preposition
        "中政府工作报告提出。",  # 中 only in 中方
    ],
)
def test_no_abbreviation_before_a_state_word(text):
    assert all(len(t) > 1 for t, _ in _places(text)), _places(text)


def test_organ_abbreviation_mentions_its_country():
    spans = next(entity_spans(["俄政府昨日宣布新措施。"], nominal=False))
    assert ("俄", "Country") in [(s["text"], s["type"]) for s in spans]


def test_regions():
    assert _places("货物销往西北、华东和华南。") == [
        ("西北", "Location"),
        ("华东", "Location"),
        ("华南", "Location"),
    ]
    assert _places("华北地区将有降雨。") == [("华北地区", "Location")]
    # a direction, not a region
    assert _places("台风向西北方向移动。") == []
    assert _places("城市的西北部是山区。") == []


def test_county_full_name_of_two_characters():
    assert _places("莒县的西瓜丰收了。") == [("莒县", "Location")]
    assert _places("实行省和县两级管理。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他在武宁县槐坪镇工作。", ["武宁县", "槐坪镇"]),
        ("槐坪镇新修了一座水库。", ["槐坪镇"]),
        ("记者来到杏坪村采访。", ["杏坪村"]),
        # jieba glues the name's last character to the unit (石榴|营镇)
        ("他到了石榴营镇。", ["石榴营镇"]),
        ("总书记来到岗村看望群众。", []),  # 来到|岗村: a verb before the glued character
        ("培育一批农业强镇。", []),  # 强镇: a quality and the unit
        # a place the gazetteer knows and the unit (上甘岭|乡)
        ("他出生在上甘岭乡。", ["上甘岭乡"]),
    ],
)
def test_towns_and_villages(text, expected):
    assert [t for t, ty in _places(text) if ty == "Location"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "他家住城镇，常去农村。",
        "建设美丽乡村和示范村。",
        "全县有三个贫困村。",
        "加快城中村整治。",
        "壮大农村集体经济。",
        "运动员入住冬奥村。",
    ],
)
def test_no_town_or_village(text):
    assert _places(text) == [], _places(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("暴雨袭击了马拉科邦。", [("马拉科邦", "Location")]),
        ("他曾在布达佩斯市工作。", [("布达佩斯市", "Location")]),
        ("美佛蒙特州发生山火。", [("美", "USA"), ("佛蒙特州", "Location")]),
        ("大雪覆盖了莫尔顿郡。", [("莫尔顿郡", "Location")]),
    ],
)
def test_foreign_divisions(text, expected):
    assert _places(text) == expected


def test_foreign_city_with_unit_is_the_city():
    spans = next(entity_spans(["他曾在布达佩斯市和布达佩斯工作。"], nominal=False))
    iris = {s["iri"] for s in spans if s["type"] == "Location"}
    assert len(iris) == 1


@pytest.mark.parametrize(
    "text",
    [
        # a common word in the name (土地|普查|省): the guard of ForeignDivisions._common_word
        "开展土地普查省、市两级验收。",
        # a name that ends in a unit (卡列夫省|市): the guard on the name's last character
        "推进卡列夫省市合作。",
    ],
)
def test_no_foreign_division(text):
    assert _places(text) == []


def test_former_county_names():
    # counties renamed since (the gazetteer holds today's divisions), by jieba's place words
    assert _places("他出生在上虞县。") == [("上虞县", "Location")]
    assert _places("本省百强县榜单出炉。") == []
    assert _places("设立自治州和自治县。") == []
    # one character and 县, a place word jieba counts often; no number, direction, unit
    assert _places("他早年在巩县教书。") == [("巩县", "Location")]
    assert _places("本县和外县的干部都来了。") == []
    assert ("兴县", "Location") not in _places("实施旅游兴县战略。")  # 兴: a verb
    assert _places("建设一批旅游名县。") == []  # a common word before the unit
    # a former province
    assert _places("他早年在察哈尔省工作。") == [("察哈尔省", "Location")]
    # a name's word before the province: the name starts there
    assert ("哥伦比亚省", "Location") not in _places("他住在不列颠哥伦比亚省。")


def test_currency_time_zone_and_country_before_a_word():
    assert _places("预算减少了三亿瑞典克朗。") == []
    assert _places("比赛在北京时间凌晨开始。") == []
    assert _places("美元兑欧元的汇率走低。") == []
    assert _places("这项技术在挪威国内外引起反响。") == [("挪威", "NOR")]
    assert _places("德国马克思主义研究者来访。") == [("德国", "DEU")]


def test_country_abbreviation_before_a_state_short_form():
    assert _places("美加州出台节水新规。") == [("美", "USA"), ("加州", "Location")]


def test_foreign_subdivisions_of_iso_3166_2():
    # the list of scripts/build_subdivisions.py: full names with their unit, and a
    # name jieba's dictionary tags as a place
    assert _places("暴雨袭击了昆士兰州北部。") == [("昆士兰州", "Location")]
    assert ("北海道", "Location") in _places("代表团访问了日本北海道。")


def test_foreign_subdivision_inside_a_longer_transliteration():
    # a transliteration character right after a name without its unit: a longer name
    assert ("内华达", "Location") not in _places("内华达斯基先生发表了讲话。")


def test_foreign_subdivisions_stay_out_of_jiebas_dictionary():
    from kg.nlp.gazetteer import FOREIGN_SUBDIVISION, load_gazetteer

    gaz = load_gazetteer()
    words = set(gaz.jieba_words())
    subs = [e for e in gaz.entries.values() if e.id.startswith(FOREIGN_SUBDIVISION)]
    assert len(subs) > 500 and not any(e.name in words for e in subs)


def test_foreign_division_after_a_prefix_of_dictionary_words():
    # jieba's dictionary holds 某某 of 某某县 as a prefix only (count 0): no common word
    assert ("格林伍德县", "Location") in _places("法院对格林伍德县官员展开调查。")


def test_foreign_division_whose_name_opens_with_a_common_word():
    # 马里兰 is a name of jieba's dictionary (nr) although 马里 is a measure word (q)
    assert _places("他住在马里兰州。") == [("马里兰州", "Location")]


def test_cldr_cities():
    # the list of scripts/build_cldr_cities.py: the cities CLDR names time zones after
    assert _places("代表团访问了俄罗斯萨拉托夫。") == [("俄罗斯", "RUS"), ("萨拉托夫", "Location")]
    assert ("坎昆", "Location") in _places("下一届会议将在坎昆举行。")
    # matched anywhere but inside a longer word or transliteration
    assert _places("今年要增加沙发等家具的供给。") == []
    assert ("萨拉托夫", "Location") not in _places("萨拉托夫斯基先生发表了讲话。")


def test_cldr_cities_stay_out_of_jiebas_dictionary():
    from kg.nlp.gazetteer import FOREIGN_CITY, load_gazetteer

    gaz = load_gazetteer()
    words = set(gaz.jieba_words())
    cities = [e for e in gaz.entries.values() if e.id.startswith(FOREIGN_CITY)]
    assert len(cities) > 50 and not any(e.name in words for e in cities)
