"""Round 14 on unseen news: a list of places that holds or carries out something (each
place acts). Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _rels(text: str, pred: str) -> set[tuple[str, str]]:
    r = extract(Document("t", text, {}))
    return {(x.subj, x.obj) for x in r.relations if x.pred == pred}


def _subjects(text: str, pred: str) -> set[str]:
    return {s for s, _ in _rels(text, pred)}


def test_places_in_a_list_each_hold_the_event() -> None:
    text = "上周，山西省、江苏省和湖南省分别举行“乡村新貌”主题新闻发布会，讲述变化。"
    assert _subjects(text, "hosted") == {"place/shanxi", "place/jiangsu", "place/hunan"}


def test_the_smallest_place_of_each_item_acts() -> None:
    text = "近日，四川省成都市和湖北省武汉市举办2031年“乡村新貌”主题新闻发布会。"
    assert _subjects(text, "hosted") == {"place/chengdu", "place/wuhan"}


def test_a_single_place_still_acts_alone() -> None:
    text = "近日，山西省举行“乡村新貌”主题新闻发布会。"
    assert _subjects(text, "hosted") == {"place/shanxi"}


def test_places_after_zai_are_where_not_who() -> None:
    text = "“乡村新貌”主题新闻发布会近日在山西省、江苏省举行。"
    assert not ({"place/shanxi", "place/jiangsu"} & _subjects(text, "hosted"))


def test_an_occasion_phrase_names_the_event_its_actor_attends() -> None:
    text = (
        "在抵达曼谷出席2031年中泰农业合作论坛、2031年东亚农业峰会并访问泰国之际，"
        "国家主席苗立新在泰国媒体发表署名文章。"
    )
    assert _rels(text, "participatesIn") == {
        ("person/苗立新", "event/中泰农业合作论坛"),
        ("person/苗立新", "event/东亚农业峰会"),
    }


def test_the_person_the_occasion_names_attends_not_the_next_subject() -> None:
    text = (
        "在中国国家主席苗立新赴曼谷出席2031年中泰农业合作论坛之际，当地时间5月8日，"
        "中央广播电视总台在曼谷启动农业影像展播活动。"
    )
    assert _subjects(text, "participatesIn") == {"person/苗立新"}


def test_an_occasion_without_attending_gives_nothing() -> None:
    text = "在2031年中泰农业合作论坛召开之际，国家主席苗立新发表署名文章。"
    assert _subjects(text, "participatesIn") == set()


def _events(text: str) -> set[str]:
    r = extract(Document("t", text, {}))
    return {e.label for e in r.entities.values() if e.type == "Event"}


def test_a_show_a_body_hosts_is_an_event_it_hosted() -> None:
    text = "由国家文物局主办的“山河锦绣文物展”正在某地博物馆展出。"
    assert "山河锦绣文物展" in _events(text)
    assert _rels(text, "hosted") == {("gov/ncha", "event/山河锦绣文物展")}


def test_an_activity_named_after_a_hosting_clause() -> None:
    text = "由国家文物局举行的“中外媒体看高原”采访活动昨天落幕。"
    assert "中外媒体看高原采访活动" in _events(text)
    assert _subjects(text, "hosted") == {"gov/ncha"}


def test_no_name_after_a_demonstrative_or_without_a_head() -> None:
    assert not _events("由国家文物局主办的此次活动在北京举行。")
    assert not _events("由国家文物局举办的培训班今天结束。")


def test_a_slogan_theme_with_a_comma_opens_an_event_name() -> None:
    text = "当地时间1日晚，“山海同心，万家灯火”主题新春音乐会于里约上演。"
    assert "山海同心，万家灯火主题新春音乐会" in _events(text)


def test_an_event_name_ends_before_its_session_in_a_place() -> None:
    assert "丝路上的友谊全球对话会" in _events("“丝路上的友谊”全球对话会泰国专场在曼谷举行。")
    text = "“乡村新貌”系列主题新闻发布会山西、江苏专场近日分别在太原和南京举行。"
    assert "乡村新貌系列主题新闻发布会" in _events(text)


_VISIT = "### 苗立新同泰国总理会谈\n\n中国国家主席苗立新在北京同泰国总理阿努蒂举行会谈。\n\n"


def test_leaders_witnessing_a_signing_state_their_countries_cooperation() -> None:
    text = _VISIT + "会谈后，苗立新和阿努蒂共同见证签署农业、海关等领域合作文件。"
    assert ("country/CHN", "country/THA") in _rels(text, "cooperatesWith")
    text = _VISIT + "随后，两人共同宣布启动友好年，并见证了若干份合作文件的签署过程。"
    assert ("country/CHN", "country/THA") in _rels(text, "cooperatesWith")


def test_a_witnessed_signing_with_no_story_pair_gives_nothing() -> None:
    text = "会谈后，苗立新和阿努蒂共同见证签署农业、海关等领域合作文件。"
    assert not _rels(text, "cooperatesWith")


def test_a_concept_before_the_named_initiatives_does_not_cut_them() -> None:
    text = "塔方支持苗立新主席提出构建开放包容世界理念和全球安全倡议、全球发展倡议。"
    assert _rels(text, "initiated") == {
        ("person/苗立新", "program/gdi"),
        ("person/苗立新", "program/gsi"),
    }
    # a name cut at its conjunction stays no object
    assert not _rels("推进重大湿地保护和修复工程。", "implements")


def test_a_signing_the_leaders_will_witness_is_planned() -> None:
    text = _VISIT + "会谈后，苗立新和阿努蒂将共同见证签署农业、海关等领域合作文件。"
    r = extract(Document("t", text, {}))
    moods = {x.modality for x in r.relations if x.rule == "cooperatesWith:witnessed:story"}
    assert moods == {"planned"}
