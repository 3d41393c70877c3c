"""implements on a work report's and a diplomat's phrasing (round impl12); invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _impl(text: str) -> set[tuple[str, str]]:
    r = extract(Document("t", text, {}))
    return {(x.subj, x.obj) for x in r.relations if x.pred == "implements"}


def test_partners_that_name_no_entity_leave_the_act_to_the_subject() -> None:
    # 同国际社会一道 / 与各方共同: the partners are no entity, the subject acts
    for text in (
        "泰国愿同国际社会一道实施《海岛兴农计划》。",
        "泰国愿与各方共同推进《海岛兴农计划》。",
        "泰国同周边国家一起落实《海岛兴农计划》。",
    ):
        assert {s for s, _ in _impl(text)} == {"country/THA"}, text


def test_a_longer_phrase_or_a_clause_break_is_no_partner() -> None:
    # more than a few words between 同 and 一道, or a comma: not the subject's own act
    assert not _impl("泰国同所有愿意参与的国家和地区的企业一道实施《海岛兴农计划》。")
    assert not _impl("泰国愿同各方加强沟通，各国一道实施《海岛兴农计划》。")


_REPORT = "政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告工作。\n"


def test_a_count_the_text_quotes_is_a_programme_name() -> None:
    # 实施两项X: a count of things, no name; 实施“两项X”: the name of one programme
    quoted = _impl(_REPORT + "我们实施“两项海岛行动”。")
    assert {o for _, o in quoted} == {"program/两项海岛行动"}
    assert not _impl(_REPORT + "我们实施两项海岛行动。")


def test_a_group_named_by_its_noun_closes_the_partner_list() -> None:
    # 同乙国及某联盟各国一道: 乙国 acts with the subject; the union only names whose
    # member states the others are
    text = "泰国愿同越南及东盟各国一道推进《海岛兴农计划》。"
    assert {s for s, _ in _impl(text)} == {"country/THA", "country/VNM"}


def test_docking_a_programme_with_another() -> None:
    # 推进甲计划同乙倡议对接: the subject carries out its own programme; the other one's
    # owner is not said
    text = "泰国愿推进《海岛兴农计划》同《山地步道纲要》对接。"
    assert _impl(text) == {("country/THA", "program/海岛兴农计划")}
    # another noun after the docking phrase: not the clause's end
    assert not _impl("泰国愿推进《海岛兴农计划》同《山地步道纲要》对接机制。")


def test_quoted_names_in_a_row_are_a_list() -> None:
    # 开展“甲”“乙”等活动: two names, each whole in its marks (X“Y” stays one name split
    # in two)
    text = "泰国持续开展“海岛兴农行动”“山地步道行动”等活动。"
    objs = {o for _, o in _impl(text)}
    assert len(objs) == 2, objs
