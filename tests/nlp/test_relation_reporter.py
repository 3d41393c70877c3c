"""Work reports: 我们/全省 and subject-less clauses are the reporting government."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract

HEAD = "政府工作报告\n现在，我代表国务院，向大会报告工作，请予审议。\n"
PROVINCE = "2030年浙江省人民政府工作报告\n现在，我代表省人民政府，向大会报告工作。\n"


def labelled(text: str) -> set[tuple[str, str, str, bool]]:
    res = extract(Document("t", text))
    lab = {k: e.label for k, e in res.entities.items()}
    return {
        (lab.get(r.subj, r.subj), r.pred, lab.get(r.obj, r.obj), r.implicit) for r in res.relations
    }


def test_we_is_the_reporting_government():
    got = labelled(HEAD + "我们深入实施《全民健身计划》。")
    assert ("国务院", "implements", "全民健身计划", True) in got


def test_nominal_delegate_takes_the_title_government():
    got = labelled(PROVINCE + "一年来，全省深入实施《全民健身计划》。")
    assert ("浙江省人民政府", "implements", "全民健身计划", True) in got


def test_subjectless_clause_after_a_topic_clause():
    got = labelled(HEAD + "基础设施建设明显加快，成功举办2030年世界互联网大会。")
    assert ("国务院", "hosted", "世界互联网大会", True) in got


def test_no_reporter_outside_a_work_report():
    assert not labelled("我们深入实施《全民健身计划》。")


def test_the_reporter_does_not_attend():
    # 出席 is done by persons: a government carried over as the subject did not attend
    got = labelled(HEAD + "基础设施建设明显加快，出席2030年世界互联网大会。")
    assert not {r for r in got if r[1] == "participatesIn"}


def test_someone_else_opening_the_sentence_blocks_the_reporter():
    got = labelled(HEAD + "各地区积极行动，深入实施《全民健身计划》。")
    assert not got
