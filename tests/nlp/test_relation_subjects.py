"""Who does it: pivot verbs, a post after a person's name, relative agents of a group,
pronouns that are no subject, places before an object, and the story's event."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract
from kg.nlp.relations import load_lexicon, load_openers, load_posts
from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.masking import CODE, FILL


def rels(text: str) -> set[tuple[str, str, str, str]]:
    res = extract(Document("t", text))
    lab = {k: e.label for k, e in res.entities.items()}
    return {
        (lab.get(r.subj, r.subj), r.pred, lab.get(r.obj, r.obj), r.modality) for r in res.relations
    }


def preds(text: str) -> set[tuple[str, str, str]]:
    return {(s, p, o) for s, p, o, _ in rels(text)}


# ----------------------------------------------------------------- pivot verbs


def test_pivot_support_makes_the_next_agent_the_host():
    got = rels("国务院支持泰国举办2031年亚洲文化论坛。")
    assert ("泰国", "hosted", "亚洲文化论坛", "asserted") in got
    assert not any(s == "国务院" and p == "hosted" for s, p, _, _ in got)


def test_pivot_congratulate():
    assert ("泰国", "hosted", "亚洲文化论坛") in preds("国务院祝贺泰国成功举办2031年亚洲文化论坛。")


def test_pivot_wish_is_planned():
    got = rels("国务院希望泰国积极参与全球山地治理倡议。")
    assert ("泰国", "participatesIn", "全球山地治理倡议", "planned") in got


def test_negated_pivot_states_nothing():
    assert not any(p == "hosted" for _, p, _ in preds("国务院未支持泰国举办2031年亚洲文化论坛。"))


# ----------------------------------------------------------------- relative agents


def test_relative_agent_of_a_group_of_departments():
    got = preds("自然资源部等三部门联合制定的《某某林地管理办法》自下月起执行。")
    assert ("自然资源部", "issued", "某某林地管理办法") in got


def test_variant_zhiding():
    got = preds("财政部制订了《某某资金管理办法》。")
    assert ("财政部", "issued", "某某资金管理办法") in got


# ----------------------------------------------------------------- work reports


HEAD = "政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告工作。\n"


def test_battle_trigger_and_manner_adverb():
    got = preds(HEAD + "纵深推进《全民健身计划》，打好“蓝天保卫”攻坚战。")
    assert ("国务院", "implements", "全民健身计划") in got


def test_a_pronoun_that_is_no_subject_does_not_take_over():
    # 国家 opens a name no recogniser knows: it is no subject, the report's "we" stays
    text = HEAD + "国家某某技术创新中心获批建设。深入实施《全民健身计划》。"
    assert ("国务院", "implements", "全民健身计划") in preds(text)


def test_a_pronoun_subject_still_takes_over():
    text = HEAD + "各地积极推进改革。深入实施《全民健身计划》。"
    assert ("国务院", "implements", "全民健身计划") not in preds(text)


# ----------------------------------------------------------------- objects


def test_places_of_a_zai_phrase_before_the_object():
    got = preds("外交部部长苗立新出席在北京和上海举行的2030年中国—北欧林业博览会。")
    assert any(s == "苗立新" and p == "participatesIn" for s, p, _ in got)


def test_heading_mark_opens_the_clause():
    got = preds("### 外交部部长苗立新主持召开2030年中国—北欧林业博览会\n\n正文。")
    assert any(s == "苗立新" and p == "participatesIn" for s, p, _ in got)


# ----------------------------------------------------------------- the grammar


def grammar() -> Grammar:
    return Grammar(load_lexicon(), load_openers(), load_posts())


def test_post_after_a_person_in_a_subject_run():
    g = grammar()
    person = CODE["Person"] + FILL * 2
    ms = person + "主席在北京首倡"
    m = g.agrun.match(ms)
    assert m is not None and ms[m.end() :].startswith("在")


def test_partners_named_by_their_persons_before_gongtong():
    g = grammar()
    org = CODE["Organization"] + FILL
    assert g.pre.fullmatch("将同" + org + "两位代表共同")
    assert not g.pre.fullmatch("将同" + org + "两位代表讨论")


# ----------------------------------------------------------------- causative triggers


def test_tuidong_a_programme_is_implementing_it():
    got = preds(HEAD + "推动《全民健身计划》取得新成效。")
    assert ("国务院", "implements", "全民健身计划") in got


def test_tuidong_a_causee_is_not_implementing_it():
    # 推动X造福各方: X is the causee of another verb
    got = preds(HEAD + "推动《全民健身计划》造福各方。")
    assert ("国务院", "implements", "全民健身计划") not in got


def test_parts_listed_after_baokuo_are_not_acts():
    text = HEAD + "五是实施《某某工程》，包括开展培训，推动《全民健身计划》。"
    got = preds(text)
    assert ("国务院", "implements", "某某工程") in got
    assert ("国务院", "implements", "全民健身计划") not in got


# ----------------------------------------------------------------- posts before a name


def test_posts_listed_before_the_person():
    g = grammar()
    body = CODE["GovernmentBody"] + FILL * 3
    person = CODE["Person"] + FILL * 2
    ms = body + "常委、国务委员、" + person + "出席"
    kind, _, after = g.classify(ms, 0, len(ms), {len(body) + 8: _unit("Person", len(body) + 8)})
    assert kind == "agent" and ms[after:] == "出席"


def _unit(type_: str, start: int):
    from kg.model import Mention

    return Mention(start, start + 3, "某某某", type_, "person/某某某", "某某某", "person")


def test_the_work_of_holding_an_event():
    got = rels(HEAD + "继续做好2032年全球山地旅游大会的筹办工作。")
    assert ("国务院", "hosted", "全球山地旅游大会", "planned") in got
    # 做好X alone says nothing about who holds X
    assert not any(p == "hosted" for _, p, _, _ in rels(HEAD + "做好2032年全球山地旅游大会宣传。"))


# ----------------------------------------------------------------- composition


def test_bare_head_names_the_body_named_before():
    text = "国务院海岸带保护委员会统筹海岸带保护工作。委员会由自然资源部、生态环境部等部门组成。"
    got = preds(text)
    assert ("自然资源部", "partOf", "国务院海岸带保护委员会") in got
    assert ("生态环境部", "partOf", "国务院海岸带保护委员会") in got
