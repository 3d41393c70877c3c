"""kg_relations: predicates, structures, evidence.

The structure tests run the whole pipeline on short texts built from well-known names
(countries, ministries, 《》 titles), so they exercise the relation rules rather than one
recogniser's coverage. The hand-checked corpus sample is ``bench/relation_sample.jsonl``
(``bench/hand_sample.py``, tested in ``tests/eval/test_hand_samples.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import ENTITY_TYPES, PREDICATES, Document
from kg.nlp import extract
from kg.nlp.components.relations import load_lexicon

ROOT = Path(__file__).resolve().parents[2]


def rels(text: str) -> list:
    return extract(Document("t", text)).relations


def labelled(text: str) -> list[tuple[str, str, str]]:
    """(subject label, predicate, object label) of every relation."""
    res = extract(Document("t", text))
    lab = {k: e.label for k, e in res.entities.items()}
    return [(lab.get(r.subj, r.subj), r.pred, lab.get(r.obj, r.obj)) for r in res.relations]


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(r.subj, r.pred, r.obj) for r in rels(text)}


def find(text: str, subj: str, pred: str, obj_part: str):
    """The relation subj-pred-obj whose object key contains ``obj_part``."""
    for r in rels(text):
        if r.subj == subj and r.pred == pred and obj_part in r.obj:
            return r
    return None


# ----------------------------------------------------------------------------- lexicon


def test_lexicon_rows_are_valid():
    lex = load_lexicon()
    assert len(lex.triggers) > 50
    types = set(ENTITY_TYPES)
    flags = {"titled", "container", "topical", "nocause", "explicit", "planned", "personal"}
    flags |= {"bare", "work", "goal"}
    for word, rows in lex.triggers.items():
        for r in rows:
            assert r.pred in PREDICATES, word
            assert r.types and r.types <= types, word
            assert r.flags <= flags, word
    # every predicate of the issue has triggers (holdsPost comes from posts, cooperatesWith
    # from 与/同 + cooperation cues)
    preds = {r.pred for rows in lex.triggers.values() for r in rows}
    assert {"issued", "implements", "initiated", "participatesIn", "hosted", "partOf"} <= preds
    assert {"合作", "签署", "协议"} <= lex.kind("coop")


# ----------------------------------------------------------------------------- predicates


@pytest.mark.parametrize(
    ("text", "pred", "obj"),
    [
        ("2023年，工业和信息化部印发《元宇宙产业创新发展三年行动计划》。", "issued", "元宇宙"),
        ("国务院颁布《关键信息基础设施安全保护条例》。", "issued", "关键信息基础设施安全保护条例"),
        ("全国人大常委会审议通过《中华人民共和国数据安全法》。", "issued", "数据安全法"),
        ("工业和信息化部深入贯彻落实《中华人民共和国网络安全法》。", "implements", "网络安全法"),
        ("商务部开展“数商兴农”专项行动。", "implements", "数商兴农"),
        ("中国首倡《全球数据安全倡议》。", "initiated", "全球数据安全倡议"),
        ("中国加入世界贸易组织。", "participatesIn", "世界贸易组织"),
        ("工业和信息化部主办2023世界数字经济大会。", "hosted", "世界数字经济大会"),
    ],
)
def test_trigger_predicates(text, pred, obj):
    got = labelled(text)
    assert any(p == pred and (obj in o or obj in o.lower()) for _, p, o in got), got


def test_predicate_depends_on_object_type():
    # 开展 a programme → implements; 开展 an event → hosted
    t = triples("自2014年起，中国每年开展国家网络安全宣传周活动。")
    assert any(p == "hosted" and s == "country/CHN" for s, p, _ in t)
    assert not any(p == "implements" for _, p, _ in t)


# ----------------------------------------------------------------------------- structures


def test_coordinated_partners_each_cooperate():
    t = triples("中国与泰国、以色列开展合作。")
    assert ("country/CHN", "cooperatesWith", "country/THA") in t
    assert ("country/CHN", "cooperatesWith", "country/ISR") in t


def test_coordinated_titles_one_relation_each():
    text = (
        "中国制定出台《中华人民共和国电子商务法》《中华人民共和国电子签名法》、"
        "《中华人民共和国网络安全法》等法律。"
    )
    objs = {r.obj for r in rels(text) if r.pred == "issued" and r.subj == "country/CHN"}
    assert len(objs) == 3


def test_coordinated_verbs_share_objects():
    got = labelled("中国倡议发起并加入《全球数据安全倡议》。")
    assert ("中国", "initiated", "全球数据安全倡议") in got
    assert ("中国", "participatesIn", "全球数据安全倡议") in got


def test_paragraph_subject_is_implicit_and_less_confident():
    text = (
        "中国始终把依法治国作为基础性手段，制定《网络交易监督管理办法》。"
        "健全网络法律体系。制定出台《关键信息基础设施安全保护条例》。"
    )
    same = find(text, "country/CHN", "issued", "网络交易监督管理办法")
    carried = find(text, "country/CHN", "issued", "关键信息基础设施安全保护条例")
    assert same is not None and carried is not None
    assert not same.implicit and carried.implicit
    assert carried.confidence < same.confidence


def test_enumeration_under_a_stated_subject():
    text = (
        "中国充分发挥互联网在助推脱贫攻坚中的重要作用，制定《网络扶贫行动计划》。"
        "《行动计划》包括五大工程：一是实施网络覆盖工程，包括推进贫困地区网络覆盖。"
        "二是实施农村电商工程，包括大力发展农村电子商务。"
    )
    rs = rels(text)
    parts = {r.subj for r in rs if r.pred == "partOf" and "网络扶贫行动计划" in r.obj}
    assert {"program/网络覆盖工程", "program/农村电商工程"} <= parts
    impl = [r for r in rs if r.pred == "implements" and r.subj == "country/CHN" and "工程" in r.obj]
    assert {r.obj for r in impl} >= {"program/网络覆盖工程", "program/农村电商工程"}
    assert all(r.implicit for r in impl)


def test_list_paragraphs_continue_the_stated_subject():
    text = (
        "许科敏表示，近年来，中国工业和信息化部深入贯彻落实“一带一路”倡议，取得了积极的成效。\n"
        "一是牵头承担G20数字经济部长会议，打造合作平台。\n"
        "二是推进数字基础设施互联互通。"
    )
    r = find(text, "gov/miit", "hosted", "")
    assert r is not None and r.implicit


def test_posts():
    t = triples("工信部总经济师许科敏表示。外交部部长王毅出席会议。国务院总理李强指出。")
    assert ("person/许科敏", "holdsPost", "gov/miit") in t
    assert ("person/王毅", "holdsPost", "gov/mfa") in t
    assert any(
        s == "person/李强" and p == "holdsPost" and o == "gov/state-council" for s, p, o in t
    )
    posts = {r.post for r in rels("外交部部长王毅出席会议。") if r.pred == "holdsPost"}
    assert posts == {"部长"}


def test_spoke_at_forum_is_participation():
    text = "7月23日，工业和信息化部总经济师许科敏在2022世界青年发展论坛上表示，数字经济是未来。"
    assert any(r.pred == "participatesIn" and r.subj == "person/许科敏" for r in rels(text))


def test_spoke_at_event_named_in_an_opening_clause():
    text = "在中国—东盟博览会开幕式上，外交部部长王毅表示，中方愿同东盟加强合作。"
    assert any(p == "participatesIn" and s == "person/王毅" for s, p, _ in triples(text))


def test_named_member_of_a_group_of_issuers():
    text = "近日，工业和信息化部等十部门联合印发《关于推进5G轻量化技术演进和应用创新发展的通知》。"
    assert any(s == "gov/miit" and p == "issued" for s, p, _ in triples(text))


def test_passive_with_you():
    got = labelled("《数字中国建设整体布局规划》由中共中央、国务院印发实施。")
    assert ("国务院", "issued", "数字中国建设整体布局规划") in got


def test_issuer_named_in_the_title():
    got = labelled("制定《国务院反垄断委员会关于平台经济领域的反垄断指南》等政策法规。")
    assert ("国务院反垄断委员会", "issued", "国务院反垄断委员会关于平台经济领域的反垄断指南") in got


def test_cooperation_partners_are_co_hosts():
    t = triples("2015年5月，中国与联合国教科文组织合作在青岛举办国际教育信息化大会。")
    hosts = {s for s, p, _ in t if p == "hosted"}
    assert hosts == {"country/CHN", "org/unesco"}
    assert ("country/CHN", "cooperatesWith", "org/unesco") in t


def test_relative_clause_agent():
    t = triples("1984年1月6日国务院发布的《中华人民共和国民用爆炸物品管理条例》同时废止。")
    assert any(p == "issued" and "民用爆炸物品管理条例" in o for _, p, o in t)


def test_composition():
    t = triples("国务院反垄断委员会由国家发展改革委、商务部和国家市场监督管理总局组成。")
    assert sum(1 for _, p, _ in t if p == "partOf") == 3


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("工信部将于明年举办世界互联网大会。", "planned"),
        ("国家发展改革委拟出台《数据要素市场化配置方案》。", "planned"),
        ("商务部计划实施《数字商务三年行动计划》。", "planned"),
        ("工信部正在推进《新一代人工智能发展规划》。", "ongoing"),
        ("工信部印发《新一代人工智能发展规划》。", "asserted"),
    ],
)
def test_modality(text, modality):
    rs = [r for r in rels(text) if r.pred != "holdsPost"]
    assert rs and {r.modality for r in rs} == {modality}


def test_no_relation_when_negated_causative_or_modifier():
    assert not rels("工业和信息化部没有出台《人工智能法》。")
    # 推动印发: someone else issued it
    assert not any(r.pred == "issued" for r in rels("工信部推动印发《数字经济发展规划》。"))
    # 中国企业…: 中国 modifies 企业, it is not the subject
    assert not any(
        r.subj == "country/CHN" for r in rels("中国企业积极参与《数字丝绸之路合作倡议》。")
    )
    # mentioned together, nothing stated
    assert not rels("中国和《联合国宪章》。")


def test_evidence_on_every_relation():
    text = "中国制定《网络扶贫行动计划》。外交部部长王毅出席会议。"
    rs = rels(text)
    assert rs
    for r in rs:
        assert text[r.sent_start : r.sent_end] == r.sentence
        assert r.rule and 0 < r.confidence <= 1
        assert r.modality in ("asserted", "planned", "ongoing")


def test_dev_documents_reach_the_targets():
    from kg.eval import default_gold_dir, evaluate

    if not default_gold_dir().exists():
        pytest.skip("no gold files")
    report = evaluate()
    assert report.relations(False).f1 >= 0.75
    assert report.relations(True).f1 >= 0.60
