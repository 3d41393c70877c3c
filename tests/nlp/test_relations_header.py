"""A law text's promulgation lines name who passed or published it (issued, header rule)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import iter_documents
from kg.nlp import extract

LAWS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "laws"

CASES = [
    # (file, issuer key, law key)
    ("行政法规/森林病虫害防治条例(1989-12-18).md", "gov/state-council", "law/森林病虫害防治条例"),
    (
        "宪法相关法/国家勋章和国家荣誉称号法(2015-12-27).md",
        "gov/npcsc",
        "law/中华人民共和国国家勋章和国家荣誉称号法",
    ),
    (
        "DLC/山东地方法规/地方性法规/山东/山东省燃气管理条例(2016-03-30).md",
        "gov/shandong-pcsc",
        "law/山东省燃气管理条例",
    ),
]


@pytest.mark.parametrize(("name", "issuer", "law"), CASES)
def test_header_lines_give_the_issuer_of_the_law(name: str, issuer: str, law: str) -> None:
    path = LAWS / name
    if not path.exists():
        pytest.skip(f"{path}: the shared corpus is not beside the checkout")
    (doc,) = list(iter_documents([path]))
    rels = [r for r in extract(doc).relations if r.rule == "issued:header"]
    assert (issuer, "issued", law) in {(r.subj, r.pred, r.obj) for r in rels}
    for r in rels:
        # the evidence is the header line itself (通过 / 公布 / 发布)
        assert doc.text[r.sent_start : r.sent_end] == r.sentence
        assert any(v in r.sentence for v in ("通过", "公布", "发布"))


def test_a_body_text_that_merely_cites_a_law_gets_no_header_relation() -> None:
    text = "各地区要认真贯彻《中华人民共和国网络安全法》。\n2016年11月7日 通过的决定另行公布。"
    from kg.model import Document

    rels = extract(Document("t", text)).relations
    assert not [r for r in rels if r.rule == "issued:header"]
