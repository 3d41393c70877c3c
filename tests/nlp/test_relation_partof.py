"""partOf from sub-units (kg/nlp/relations/subunits.py): a body keyed under another
body of the document as its office or as a committee its congress sets up."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def _part_of(text: str) -> set[tuple[str, str]]:
    doc = extract(Document("t", text))
    label = {m.key: m.label for m in doc.mentions}
    return {(label[r.subj], label[r.obj]) for r in doc.relations if r.pred == "partOf"}


def test_a_commissions_office_is_part_of_the_commission():
    got = _part_of("国务院决定对国家禁毒委员会组成人员进行调整。国家禁毒委员会办公室设在公安部。")
    assert got == {("国家禁毒委员会办公室", "国家禁毒委员会")}


def test_a_leading_groups_office_needs_the_group_in_the_document():
    assert not _part_of("国务院扶贫开发领导小组办公室发布通知。")
    got = _part_of("国务院扶贫开发领导小组召开全体会议。国务院扶贫开发领导小组办公室发布通知。")
    assert len(got) == 1


def test_committees_a_congress_sets_up_are_part_of_it():
    # 全国人民代表大会组织法 (2021), art. 34, abridged
    got = _part_of(
        "全国人民代表大会设立民族委员会、宪法和法律委员会、财政经济委员会、外事委员会、"
        "华侨委员会和全国人民代表大会认为需要设立的其他专门委员会。"
    )
    assert ("全国人民代表大会外事委员会", "全国人民代表大会") in got
    assert ("全国人民代表大会华侨委员会", "全国人民代表大会") in got
    assert all(parent == "全国人民代表大会" for _, parent in got)


def test_a_general_office_or_standing_committee_is_no_stated_component():
    assert not _part_of("国务院办公厅印发通知，国务院常务会议审议通过。")
    assert not _part_of("全国人民代表大会常务委员会是全国人民代表大会的常设机关。")


def test_a_local_cppcc_is_no_committee_of_the_national_one():
    got = _part_of("全国政协主席看望了江苏省政协机关干部。")
    assert not got
