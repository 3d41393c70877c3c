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


_NATIONAL = "政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告工作。\n"
_PROVINCE = "2030年海南省人民政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n"


def _rels(text: str, pred: str) -> set[tuple[str, str]]:
    r = extract(Document("t", text, {}))
    return {(x.subj, x.obj) for x in r.relations if x.pred == pred}


def test_the_speaker_as_the_agent_of_a_relative_clause() -> None:
    # 由我省承办的X: the reporting government hosted X; 由我国主办的X: China did
    fair = ("gov/hainan-gov", "event/中国—中亚商品博览会")
    assert fair in _rels(_PROVINCE + f"由我省承办的{_FAIR}圆满成功。", "hosted")
    china = ("country/CHN", "event/中国—中亚商品博览会")
    assert china in _rels(_NATIONAL + f"由我国主办的{_FAIR}圆满成功。", "hosted")
    # no report, no speaker: 我省 is nobody
    assert not _rels(f"由我省承办的{_FAIR}圆满成功。", "hosted")


def test_an_unnamed_class_before_a_named_programme_of_the_same_head() -> None:
    # 实施某类重大战略和某某战略: the named strategy is implemented; a cut name
    # (重大湿地保护和修复工程) or a counted class (一批重大工程和…) is not a list
    got = _rels(_NATIONAL + "深入实施海岛重大战略和区域协调发展战略。", "implements")
    assert ("gov/state-council", "program/regional-coordination") in got
    assert not _rels(_NATIONAL + "实施一批重大战略和区域协调发展战略。", "implements")
