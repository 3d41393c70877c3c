"""People's Daily sixth round, places: territories of JioNLP's world list, county short forms
placed by a list or by the document (invented sentences)."""

from __future__ import annotations

from kg.nlp.gazetteer import load_gazetteer
from tests.nlp.extraction import places


def test_a_territory_of_the_world_list_is_a_location():
    assert places("科索沃局势再度紧张。") == ["科索沃"]
    gaz = load_gazetteer()
    kinds = {e.type for e in gaz.entries.values() if e.name == "科索沃"}
    assert kinds == {"Location"}


def test_a_spelling_of_a_country_lends_its_capital_the_country_code():
    gaz = load_gazetteer()
    ids = {e.id for e in gaz.entries.values() if e.name in ("弗里敦", "班吉")}
    assert ids and all(i.startswith(("place/sle-", "place/caf-")) for i in ids)
    assert not any(e.name in ("中非", "塞拉里昂") for e in gaz.entries.values())


def test_a_county_listed_beside_a_sibling_county():
    # 闻喜 and 绛县 are counties of one prefecture (运城)
    assert places("会议由闻喜、绛县两县的干部参加。") == ["闻喜", "绛县"]


def test_a_county_alone_stays_unplaced():
    assert places("闻喜的干部参加了会议。") == []


def test_a_county_named_in_full_is_the_county_in_its_short_form_too():
    # 寿光市 named: 寿光 alone is that county
    assert places("寿光人说，寿光市的大棚蔬菜远近闻名。") == ["寿光", "寿光市"]


def test_a_county_placed_once_is_placed_elsewhere_in_the_document():
    assert places("寿光的蔬菜多。山东潍坊寿光的大棚也多。") == ["寿光", "山东", "潍坊", "寿光"]


def test_a_county_listed_beside_a_county_of_another_prefecture_stays_unplaced():
    # 沛县 is a county of 徐州, 闻喜 one of 运城: the list places neither short form
    assert places("会议由闻喜、沛县两地的干部参加。") == ["沛县"]


def test_a_team_is_no_mention_of_its_place():
    # a team's place goes even where the document names the place nowhere else
    assert places("决赛中，某某省队以3比1战胜四川队和巴西女队。") == []


def test_a_team_of_another_place_keeps_the_place_before_it():
    assert places("小组赛里他们遇上了亚洲劲旅日本队。") == ["亚洲"]


def test_a_group_of_people_is_no_team():
    assert places("恢复内地居民赴香港、澳门团队旅游业务。") == ["香港", "澳门"]


def test_a_world_city_and_a_province_unit_is_the_province():
    assert places("去年，他们一家搬到蒙得维的亚省养牛。") == ["蒙得维的亚省"]


def test_a_world_city_at_the_end_of_a_longer_name_makes_no_province():
    assert "罗马州" not in places("部队打击了科斯特罗马州一处仓库。")


def test_a_facility_named_after_a_city():
    # the city is a mention too where the document names it nowhere else
    assert places("代表团抵达成都天府国际机场。") == ["成都", "成都天府国际机场"]
    text = "代表团抵达成都机场，又从杭州火车站返程。成都和杭州都很美。"
    assert places(text) == ["成都机场", "杭州火车站", "成都", "杭州"]


def test_no_facility_from_a_description():
    assert places("巴黎主要机场关闭，某市最大车站停运。") == ["巴黎"]


def test_a_nationality_as_one_word_mentions_the_country():
    assert places("德国人做事认真，瑞典人也一样。") == ["德国", "瑞典"]


def test_a_list_of_teams_is_no_list_of_places():
    assert places("小组赛中他们将对阵巴西、德国、日本等强队。") == []
    assert places("中国、美国、日本等国代表出席。") == ["中国", "美国", "日本"]
