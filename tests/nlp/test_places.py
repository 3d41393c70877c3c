"""Places: China's prefectures and counties, world cities, short forms and their guards."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.nlp.gazetteer import load_gazetteer
from kg.spans import entity_spans

CURATED = Path(__file__).resolve().parents[2] / "ontology" / "gazetteers" / "curated"


def _spans(text: str) -> list[tuple[str, str, str]]:
    return [
        (s["text"], s["type"], (s["iri"] or "").rsplit("/id/", 1)[-1])
        for s in next(entity_spans([text]))
    ]


def _of_type(text: str, type_: str) -> list[str]:
    return [t for t, ty, _ in _spans(text) if ty == type_]


def test_prefectures_full_and_short_forms_are_one_place() -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("荆州").id == gaz.lookup("荆州市").id == "place/cn-421000"
    found = _of_type("湖北省荆州市和孝感、黄冈两市联合开展防汛演练。", "Location")
    assert {"荆州市", "孝感", "黄冈"} <= set(found)


def test_county_full_names_are_places() -> None:
    assert "通道侗族自治县" in _of_type("通道侗族自治县位于湖南省西南部。", "Location")


def test_short_forms_that_are_common_words_are_withheld() -> None:
    # 合作市, 通道侗族自治县, 和平县, 南部县: their short forms are everyday words
    text = "双方同意加强合作，保障物流通道畅通，共同维护地区和平，支持南部地区发展。"
    assert _of_type(text, "Location") == []
    withheld = {
        line.split("\t")[5].split(":")[0]
        for line in (CURATED / "cn_divisions.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#") and line.split("\t")[5]
    }
    assert {"合作", "通道", "和平", "南部"} <= withheld


def test_a_shared_short_form_goes_to_the_higher_division() -> None:
    # 长沙 abbreviates both 长沙市 and its 长沙县
    assert load_gazetteer().lookup("长沙").name == "长沙市"


def test_division_rows_are_well_formed() -> None:
    rows = [
        line.split("\t")
        for line in (CURATED / "cn_divisions.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(rows) > 3000
    shorts = [r[3] for r in rows if r[3]]
    assert len(shorts) == len(set(shorts))
    assert all(len(r) == 6 and r[0].isdigit() and r[1] in "012" for r in rows)


def test_world_capitals_are_places() -> None:
    found = _of_type("代表团先后访问了内罗毕、河内和布宜诺斯艾利斯。", "Location")
    assert {"内罗毕", "河内", "布宜诺斯艾利斯"} <= set(found)
    # a capital that is its country's name stays the country
    assert load_gazetteer().lookup("新加坡").type == "Country"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("广东德庆县的柑橘远销各地。", "民主德国"),
        ("欧美国家的市场需求下降。", "美国"),
    ],
)
def test_a_country_name_inside_a_longer_word_is_no_country(text: str, absent: str) -> None:
    gaz = load_gazetteer()
    keys = {k for _, ty, k in _spans(text) if ty == "Country"}
    assert gaz.lookup(absent).id not in keys


def test_country_names_as_words_are_still_found() -> None:
    assert {"美国", "德国"} <= set(_of_type("他先后访问了美国和德国。", "Country"))


def test_two_character_county_names_jieba_does_not_know_are_not_added() -> None:
    words = set(load_gazetteer().jieba_words())
    assert "礼县" not in words
    assert {"荆州市", "美国"} <= words


def test_a_country_name_ending_a_longer_name_is_no_country() -> None:
    # the 乌东德 dam is no 东德 (民主德国)
    assert _of_type("建成乌东德、白鹤滩等水电站。", "Country") == []
    assert "伊朗" in _of_type("对伊朗核设施进行核查。", "Country")


def test_a_county_short_form_needs_its_parent_named_before_it() -> None:
    assert "永丰" in _of_type("江西永丰的脐橙今年又丰收了。", "Location")
    assert _of_type("张永丰同志在会上发言。", "Location") == []


def test_a_place_opening_a_longer_word_is_found_but_not_in_an_idiom() -> None:
    assert "长江" in _of_type("要持续改善长江上游水环境质量。", "Location")
    assert _of_type("确保社会长治久安。", "Location") == []


def test_a_foreign_state_after_its_country_is_a_place() -> None:
    assert "俄亥俄州" in _of_type("美国俄亥俄州发生暴雨。", "Location")
    assert "福岛县" in _of_type("日本福岛县的渔民表示反对。", "Location")
    assert _of_type("美国一些州提高了最低工资。", "Location") == []
    assert _of_type("日本外务省发表声明。", "Location") == []


def test_rivers_lakes_mountains_and_ports_are_places() -> None:
    found = _of_type("鄱阳湖水位下降，金沙江流域和太行山区降雨偏少，天津港运行正常。", "Location")
    assert {"鄱阳湖", "金沙江", "太行山", "天津港"} <= set(found)
    # a description with a feature head is none (避风港, 信口开河)
    assert _of_type("这里是资本的避风港，不能信口开河。", "Location") == []


def test_a_municipalitys_one_character_abbreviation_after_a_verb_of_place() -> None:
    gaz = load_gazetteer()
    keys = {k for t, ty, k in _spans("部长会议今天在京召开。") if ty == "Location"}
    assert gaz.lookup("北京").id in keys
    # not inside a longer word: 京东 is a company, 京津冀 a region
    assert "京" not in _of_type("他在京东工作，常去京津冀各地。", "Location")
