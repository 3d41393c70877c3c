"""Round news17 on unseen news: a seminar named by its topic after 召开, the activities of a
designated period its year names, a mission named by its craft and the events named after
it, a send-off ceremony; attendees listed with their posts before 出席 + the bare head of
the story's event, speakers after 会上，. Invented sentences."""

from kg.model import Document
from kg.nlp import extract
from tests.nlp.extraction import event_keys, mention_types


def _result(text: str):
    return extract(Document("t", text, {}))


def _edges(text: str) -> set[tuple[str, str, str]]:
    return {(r.subj, r.pred, r.obj) for r in _result(text).relations if r.pred != "holdsPost"}


def test_a_seminar_named_by_its_topic_keeps_its_verbs() -> None:
    text = "国家主席柳青山在某市主持召开深入推进某某协同发展座谈会，听取各方意见。"
    ev = "深入推进某某协同发展座谈会"
    assert ev in event_keys(text)
    assert ("person/柳青山", "participatesIn", f"event/{ev}") in _edges(text)


def test_a_seminar_of_a_class_of_persons_is_no_name() -> None:
    assert event_keys("国务院总理柳青山主持召开企业家座谈会。") == {}
    assert event_keys("他先后12次召开城乡发展座谈会。") == {}


def test_a_particle_after_the_verb_is_no_part_of_the_seminars_name() -> None:
    for text in ("某地召开了村振兴座谈会。", "国务院召开的乡振兴座谈会上，各方发言。"):
        assert not any(name[0] in "了的" for name in event_keys(text))


def test_the_short_reference_to_a_numbered_seminar_is_no_second_name() -> None:
    text = "十四届全国政协第九十次专题协商座谈会5日召开。全国政协召开专题协商座谈会，听取意见。"
    assert "专题协商座谈会" not in event_keys(text)


def test_the_activities_of_a_designated_period_its_year_names() -> None:
    text = "2031年全国某某招聘月活动今天启动。某某部在全国开展2031年某某招聘月活动。"
    events = event_keys(text)
    assert "2031年全国某某招聘月活动" in events
    assert events["2031年全国某某招聘月活动"] == events["2031年某某招聘月活动"]
    assert "2031年某某遗产日主场城市活动" in event_keys("2031年某某遗产日主场城市活动在某市开幕。")


def test_a_known_week_keeps_its_own_name() -> None:
    events = event_keys("2031年全国护河宣传周活动今天启动。")
    assert "2031年全国护河宣传周" in events
    assert "2031年全国护河宣传周活动" not in events


def test_a_mission_named_by_its_craft_and_its_send_off() -> None:
    types = mention_types("青云九号载人飞行任务进展顺利。")
    assert types.get("青云九号载人飞行任务") == "Program"
    text = "青云九号载人飞行任务航天员乘组出征仪式于清晨在某基地进行。"
    assert "青云九号载人飞行任务航天员乘组出征仪式" in event_keys(text)
    r = _result("青云六号发射任务圆满成功。青云六号飞行任务是空间站建造的一步。")
    assert len({m.key for m in r.mentions if m.text.startswith("青云六号")}) == 1


def test_a_count_before_a_mission_is_no_craft() -> None:
    assert "Program" not in mention_types("他执行过第十号飞行任务。").values()


def test_a_teams_send_off_ceremony_after_a_known_event() -> None:
    text = "某省电视台举行2031年亚运会记者团出征仪式。"
    assert "2031年亚运会记者团出征仪式" in event_keys(text)


STORY = (
    "### 某某座谈会召开\n\n**某网消息**：国家主席柳青山23日在某市主持召开"
    "新时代推动某某振兴座谈会，就下一步工作提出要求。\n\n国务院总理白海涛，"
    "国务院副总理石远江出席座谈会。\n\n座谈会上，某某部部长周海川、"
    "某省委书记吴清河先后发言。"
)


def test_attendees_with_their_posts_before_the_bare_head_of_the_story() -> None:
    ev = "event/新时代推动某某振兴座谈会"
    edges = _edges(STORY)
    assert ("person/白海涛", "participatesIn", ev) in edges
    assert ("person/石远江", "participatesIn", ev) in edges


def test_speakers_after_the_phrase_that_places_them_at_the_gathering() -> None:
    ev = "event/新时代推动某某振兴座谈会"
    edges = _edges(STORY)
    assert ("person/周海川", "participatesIn", ev) in edges
    assert ("person/吴清河", "participatesIn", ev) in edges


def test_a_designated_period_named_in_quotes() -> None:
    assert "某某遗产日" in event_keys("多彩活动迎“某某遗产日”\n\n各地举办活动。")
    assert "某某购物节" in event_keys("第三届某市“某某购物节”昨晚启动。")


def test_a_quoted_word_that_only_ends_like_a_period_is_no_event() -> None:
    assert event_keys("以“青山望明月”为名，抓住“三个重要环节”。") == {}
    assert "某某春节" not in event_keys("澳门举行主题为“某某春节”的晚会。")


def test_an_exhibition_named_by_its_quoted_theme_or_its_title() -> None:
    text = "由某某博物馆主办的“星河揽胜——某某工程20年”展览开展。"
    assert "“星河揽胜——某某工程20年”展览" in event_keys(text)
    text = "某某纪念馆举办的《为了和平——纪念某某胜利80周年》主题展今天开展。"
    assert "《为了和平——纪念某某胜利80周年》主题展" in event_keys(text)


def test_a_body_that_launches_a_campaigns_activities_holds_them() -> None:
    text = "今天，教育部在某市启动2031年全国护河宣传周活动。"
    assert ("gov/moe", "hosted", "event/全国护河宣传周") in _edges(text)



def test_a_designated_year_named_in_quotes() -> None:
    assert "2031电影某某促进年" in event_keys("某某局启动“2031电影某某促进年”。")
    assert event_keys("这是“开局之年”，“腊月忙如年”。") == {}


def _cooperates(text: str) -> bool:
    return any(p == "cooperatesWith" for _, p, _ in _edges(text))


def test_a_truce_is_no_cooperation() -> None:
    assert not _cooperates("巴西同阿根廷的停火协议目前依旧有效。")
    assert not _cooperates("秘鲁和智利于昨日达成停火协议。")
    assert _cooperates("中国与泰国签署合作协议。")
