"""Attendance in a work report's diplomatic record (round reports14); invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _attends(text: str) -> set[tuple[str, str]]:
    r = extract(Document("t", text, {}))
    return {(x.subj, x.obj) for x in r.relations if x.pred == "participatesIn"}


_FAIR = "2030年中国—中亚商品博览会"


def test_a_leader_named_before_his_group_attends() -> None:
    # 某某主席等党和国家领导人出席X: the group's named leader attends; a group of no
    # named member (等部门 alone) or another noun after 等 names no one more
    for group in ("等党和国家领导人", "等国家领导人", "等领导同志", "等中央领导同志"):
        text = f"商务部部长刘振华{group}出席{_FAIR}。"
        assert ("person/刘振华", "event/中国—中亚商品博览会") in _attends(text), text
    assert not _attends(f"商务部部长刘振华等领导干部的家属出席{_FAIR}。")


def test_a_body_named_for_its_session_does_not_end_the_list() -> None:
    # 出席某组织大会、X: the organisation heads the list of what he attended, X is in it
    text = f"商务部部长刘振华出席联合国大会、{_FAIR}。"
    assert ("person/刘振华", "event/中国—中亚商品博览会") in _attends(text)
    # a body alone is still no event attended
    assert not _attends("商务部部长刘振华出席联合国大会。")
