"""Round news18 on unseen news: the frequent general shapes of relation statements. Invented
sentences."""

from kg.model import Document
from kg.nlp import extract


def _edges(text: str) -> set[tuple[str, str, str]]:
    res = extract(Document("t", text, {}))
    return {(r.subj, r.pred, r.obj) for r in res.relations if r.pred != "holdsPost"}


_SESSION = "十四届全国人大常委会第九十次会议10日在北京举行。委员长柳青山主持。"


def test_the_reporters_a_meeting_heard_took_part_in_it() -> None:
    text = _SESSION + (
        "会议听取了全国人大某某委员会主任委员周海波作的关于某某法草案审议结果的报告，"
        "财政部部长王立新受国务院委托作的关于某某情况的报告。"
        "会议还听取了副主任委员赵东升、副主任委员钱南山分别作的关于某某的汇报。"
    )
    ev = "event/十四届全国人大常委会第九十次会议"
    edges = _edges(text)
    for name in ("周海波", "王立新", "赵东升", "钱南山"):
        assert (f"person/{name}", "participatesIn", ev) in edges


def test_who_heard_the_speeches_is_no_reporter() -> None:
    text = _SESSION + "在听取代表发言后，周海波说，完全赞成某某总理所作的政府工作报告。"
    edges = _edges(text)
    assert not any(s == "person/周海波" and p == "participatesIn" for s, p, _ in edges)


def _took_part(edges: set, person: str, event: str) -> bool:
    return any(
        s == f"person/{person}" and p == "participatesIn" and event in o for s, p, o in edges
    )


def test_one_who_proposes_at_an_event_took_part_in_it() -> None:
    text = "2031年5月，国家主席柳青山在第九届东海和平论坛开幕式上郑重提出东海合作倡议。"
    assert _took_part(_edges(text), "柳青山", "东海和平论坛")


def test_the_body_that_held_the_event_of_a_relative_clause_hosted_it() -> None:
    text = (
        "在国务院新闻办公室今天（5月13日）举行的“东海新征程”系列主题新闻发布会上，"
        "民政部部长柳青山表示，工作取得进展。"
    )
    edges = _edges(text)
    assert ("gov/scio", "hosted", "event/东海新征程系列主题新闻发布会") in edges
    assert _took_part(edges, "柳青山", "东海新征程系列主题新闻发布会")


def test_a_country_where_an_event_was_held_did_not_host_it() -> None:
    text = "在泰国今天举行的第九届东海和平论坛上，民政部部长柳青山表示，各方应加强合作。"
    edges = _edges(text)
    assert _took_part(edges, "柳青山", "东海和平论坛")
    assert not any(p == "hosted" for _, p, _ in edges)


def test_the_guest_who_came_to_an_events_opening_took_part_in_it() -> None:
    text = "国家主席柳青山在京会见来华出席第九届东海运动会开幕式并访华的泰国总理巴颂猜。"
    edges = _edges(text)
    assert _took_part(edges, "巴颂猜", "东海运动会")
    assert not _took_part(edges, "柳青山", "东海运动会")


def test_the_one_who_sends_his_envoy_did_not_attend() -> None:
    text = "应邀出席第九届东海运动会开幕式的国家主席柳青山特别代表、副主席周海波会见泰国总理。"
    assert not _took_part(_edges(text), "柳青山", "东海运动会")


def test_the_traveller_leaving_or_invited_attends_the_event_of_his_trip() -> None:
    for text in (
        "国家主席柳青山乘专机离开北京，应泰国总理巴颂猜邀请，赴曼谷出席第九届东海合作峰会。",
        "国务院总理柳青山5日下午乘包机离开北京，应邀赴曼谷出席第九届东海合作峰会。",
    ):
        edges = _edges(text)
        assert _took_part(edges, "柳青山", "东海合作峰会")
        assert not _took_part(edges, "巴颂猜", "东海合作峰会")


def test_the_hosts_named_with_yu_hosted_the_event() -> None:
    edges = _edges("第十届东海论坛由民政部与中国科学院共同主办，主题为合作。")
    hosts = {s for s, p, o in edges if p == "hosted" and "东海论坛" in o}
    assert len(hosts) == 2


def test_the_body_a_heading_names_as_holder_hosted_the_storys_event() -> None:
    text = (
        "全国政协召开协商座谈会 就东海合作建言\n"
        "第二十次全国政协协商座谈会7日召开。全国政协主席柳青山主持会议。\n"
    )
    hosts = {s for s, p, o in _edges(text) if p == "hosted" and "协商座谈会" in o}
    assert any(s.startswith("gov/") for s in hosts)


def test_a_heading_that_names_another_head_gives_no_host() -> None:
    text = (
        "全国政协召开远程协商会 围绕东海合作协商议政\n"
        "十四届全国政协第九十次双周协商座谈会5日在京召开。全国政协主席柳青山主持会议。\n"
    )
    assert not any(p == "hosted" and s.startswith("gov/") for s, p, _ in _edges(text))
