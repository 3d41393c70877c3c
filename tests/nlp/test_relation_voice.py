"""The national voice (我国/我们国家 → China in a national document) and the story actor
(他/她 → the Person who opened a news story): kg/nlp/relations/subject.py."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def _rels(text: str) -> set[tuple[str, str, str, bool]]:
    doc = extract(Document("t", text))
    label = {m.key: m.label for m in doc.mentions}
    return {
        (label.get(r.subj, r.subj), r.pred, label.get(r.obj, r.obj), r.implicit)
        for r in doc.relations
    }


def test_wo_guo_is_china_in_a_national_document():
    got = _rels("中国是世界上最大的发展中国家。我国积极实施《全民健身计划》。")
    assert ("中国", "implements", "全民健身计划", False) in got


def test_wo_men_guo_jia_too_and_a_later_clause_is_implicit():
    got = _rels("中国经济稳中向好。我们国家认真实施《全民健身计划》，深入推进“一带一路”建设。")
    assert ("中国", "implements", "全民健身计划", False) in got
    assert ("中国", "implements", "一带一路", True) in got


def test_wo_guo_needs_china_named_and_a_subject_position():
    assert not _rels("我国积极实施《全民健身计划》。")
    got = _rels("中国经济稳中向好。我国企业积极实施《全民健身计划》。")
    assert not any(s == "中国" for s, *_ in got)
    # 经 is a preposition only as a word: 我国经济… is the economy, here and as a topic
    got = _rels("中国经济。我国经济部门实施《全民健身计划》。我国经济稳定，推进“一带一路”建设。")
    assert not any(s == "中国" for s, *_ in got)


def test_wo_guo_is_not_china_in_a_provincial_work_report():
    text = (
        "政府工作报告\n现在，我代表四川省人民政府，向大会报告工作。\n"
        "中国经济稳中向好。我国积极实施《全民健身计划》。"
    )
    assert not any(s == "中国" for s, *_ in _rels(text))


_STORY = (
    "国家主席会见外宾\n"
    "国家主席王大明3月2日在北京会见法国总统。王大明表示，两国关系良好。"
    "他还出席了2030年世界青年发展论坛开幕式。\n"
)


def test_he_in_a_story_is_the_person_who_opens_it():
    got = _rels(_STORY)
    assert ("王大明", "participatesIn", "世界青年发展论坛", True) in got


def test_he_never_reaches_across_a_heading():
    got = _rels(_STORY + "其他新闻\n他出席了2031年世界青年发展论坛开幕式。\n")
    assert len([r for r in got if r[1] == "participatesIn"]) == 1


def test_he_only_for_personal_verbs_and_not_past_another_person():
    got = _rels(_STORY.replace("他还出席了", "他还推进了“一带一路”建设，出席了"))
    assert not any(r[2] == "一带一路" for r in got)
    got = _rels(_STORY.replace("王大明表示", "外交部部长李小华表示"))
    assert not any(r[1] == "participatesIn" for r in got)


def test_a_dateline_before_the_first_sentence_is_skipped():
    text = _STORY.replace("国家主席王大明3月2日", "本台消息（新闻）：国家主席王大明3月2日")
    assert ("王大明", "participatesIn", "世界青年发展论坛", True) in _rels(text)


def test_the_countries_of_a_region_are_no_regional_partner():
    got = _rels("中国经济稳中向好。我国同俄罗斯和中亚四国共同建立合作机制。")
    assert ("中国", "cooperatesWith", "俄罗斯", False) in got
    assert not any(r[1] == "cooperatesWith" and r[2] == "中亚" for r in got)
