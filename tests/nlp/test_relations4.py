"""Relations round 4: 会同 partners, 我国 in work reports, hypothetical cooperation and a
verb read as a foreign agency (invented sentences only)."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def rels(text: str, pred: str) -> set[tuple[str, str]]:
    """(subject key, object key) of the ``pred`` relations of ``text``."""
    return {(r.subj, r.obj) for r in extract(Document("t", text)).relations if r.pred == pred}


# ----------------------------------------------------------------- 会同: co-agents


def test_huitong_partner_shares_an_issuing_verb():
    text = "财政部会同教育部印发《关于加强乡村图书室建设的意见》。"
    assert {s for s, _ in rels(text, "issued")} == {"gov/mof", "gov/moe"}


def test_huitong_partners_listed_share_the_verb():
    text = "财政部会同教育部、退役军人事务部联合制定《关于加强乡村图书室建设的意见》。"
    assert {s for s, _ in rels(text, "issued")} == {"gov/mof", "gov/moe", "gov/mva"}


def test_huitong_before_a_verb_of_no_relation_is_cooperation():
    text = "财政部会同教育部下达学生资助补助资金十亿元。"
    assert rels(text, "cooperatesWith") == {("gov/mof", "gov/moe")}


def test_huitong_before_a_modifier_is_no_partner():
    text = "财政部会同教育部相关司局下达学生资助补助资金十亿元。"
    assert rels(text, "cooperatesWith") == set()
    text = "财政部会同国务院授权的部门下达学生资助补助资金十亿元。"
    assert rels(text, "cooperatesWith") == set()


# ----------------------------------------------------------------- 我国 in a work report

_REPORT = (
    "政府工作报告\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请予审议。\n\n"
    "一年来，我们扎实推进乡村书屋提质行动，中国经济稳中向好。"
    "我国与周边国家的友好合作关系深入发展。同新西兰巩固了互利合作。同东盟的对话与合作不断深化。"
)


def test_work_report_cooperation_abroad_is_the_country():
    got = rels(_REPORT, "cooperatesWith")
    assert got == {("country/CHN", "country/NZL"), ("country/CHN", "org/asean")}


# ----------------------------------------------------------------- hypothetical cooperation


def test_cooperation_could_or_should_is_not_stated():
    assert rels("中国同法国合作可以实现共赢。", "cooperatesWith") == set()
    assert rels("中国和法国合作应该更加紧密。", "cooperatesWith") == set()
    assert rels("中法合作可以造福两国人民。", "cooperatesWith") == set()


def test_a_condition_is_not_stated_cooperation():
    assert rels("如果中国同法国加强合作，两国都将受益。", "cooperatesWith") == set()
    assert rels("只要中法合作，就能应对挑战。", "cooperatesWith") == set()


def test_what_cooperation_will_do_is_a_plan():
    rs = [
        r
        for r in extract(Document("t", "中法合作将进一步深化。")).relations
        if r.pred == "cooperatesWith"
    ]
    assert [r.modality for r in rs] == ["planned"]


def test_stated_cooperation_stays():
    # 应对 is a verb of its own, not 应 (should)
    assert rels("中国同法国合作应对气候变化。", "cooperatesWith") == {
        ("country/CHN", "country/FRA")
    }


# ----------------------------------------------------------------- a verb is no agency


def _bodies(text: str) -> set[str]:
    doc = extract(Document("t", text))
    return {m.text for m in doc.mentions if m.type in ("GovernmentBody", "Ministry")}


def test_signing_verb_is_no_foreign_agency():
    assert _bodies("美国今天签署一项法案。") == set()
    assert _bodies("美国近日部署导弹防御系统。") == set()


def test_foreign_agencies_ending_in_shu_stay():
    assert _bodies("美国联邦渔业署发布报告。") == {"美国联邦渔业署"}
    assert _bodies("澳大利亚联邦警察署表示。") == {"澳大利亚联邦警察署"}


# ----------------------------------------------------------------- a subject before an unknown verb


def test_subject_carries_over_a_clause_of_an_unknown_verb():
    text = "国务院高度重视乡村学校图书室建设，印发《关于加强乡村图书室建设的意见》。"
    assert {s for s, _ in rels(text, "issued")} == {"gov/state-council"}


def test_causative_of_the_topic_clause_does_not_reach_a_later_verb():
    text = "国务院统筹推进城乡融合发展，出台《关于加强乡村图书室建设的意见》。"
    assert {s for s, _ in rels(text, "issued")} == {"gov/state-council"}


def test_no_carry_over_past_another_agent():
    text = "国务院高度重视乡村学校图书室建设，与教育部联合印发《关于加强乡村图书室建设的意见》。"
    assert rels(text, "issued") == set()
    text = "国务院高度重视乡村学校图书室建设，教育部印发《关于加强乡村图书室建设的意见》。"
    assert {s for s, _ in rels(text, "issued")} == {"gov/moe"}


def test_willing_cooperation_is_planned():
    rs = [
        r
        for r in extract(Document("t", "中国愿同法国加强合作。")).relations
        if r.pred == "cooperatesWith"
    ]
    assert [r.modality for r in rs] == ["planned"]


# ----------------------------------------------------------------- quoted names in a row


def test_quoted_names_in_a_row_before_the_tail():
    text = "教育部联合多个部门在各省份普遍开展“墨香课堂”“诗词进家庭”等特色活动，覆盖人群广。"
    assert ("gov/moe", "program/墨香课堂") in rels(text, "implements")


def test_a_noun_after_the_quoted_names_still_blocks():
    text = "教育部开展“墨香课堂”“诗词进家庭”工作经验交流。"
    assert rels(text, "implements") == set()
