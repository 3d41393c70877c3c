"""Documents over spaCy's max_length (issue #17: E088 refused them): cut into sections at
paragraph breaks (kg.nlp.sections), extracted, joined with offsets into the whole text."""

from __future__ import annotations

import itertools
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from kg.model import Document
from kg.nlp.sections import sections
from tests.corpus import CORPUS

REPO = Path(__file__).resolve().parents[2]
LAWS = CORPUS / "laws"
needs_laws = pytest.mark.skipif(not LAWS.is_dir(), reason="shared corpus not mounted")


def _law_texts(total: int) -> list[str]:
    """Clean texts of corpus laws, in a fixed order, until ``total`` characters."""
    from kg.ingest import iter_documents

    out, n = [], 0
    for d in iter_documents([LAWS]):
        if isinstance(d, Document):
            out.append(d.text)
            n += len(d.text) + 2
            if n >= total:
                break
    return out


@pytest.mark.parametrize("limit", [2, 3, 7, 50])
def test_sections_cover_the_text_within_the_limit(limit: int) -> None:
    text = "第一条　本法所称的行政机关。\n\n第二条　国务院负责。\n\n" * 9 + "无标点的一长行" * 30
    spans = sections(text, limit)
    assert all(0 < b - a <= limit for a, b in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, b), (a, _) in itertools.pairwise(spans):
        assert text[b:a] in ("", "\n\n")  # nothing but a paragraph break is left out
    assert sections("", limit) == [] and sections("短", limit) == [(0, 1)]


def test_cuts_fall_at_paragraph_breaks_then_sentence_ends() -> None:
    para = "国务院印发了意见。" * 3  # 27 characters
    text = "\n\n".join([para] * 4)
    assert sections(text, 60) == [(0, 56), (58, 114)]  # two paragraphs a section
    one_line = "财政部发布通知，自发布之日起施行。" * 10  # 17 characters a sentence
    assert [b - a for a, b in sections(one_line, 40)][:4] == [34, 34, 34, 34]
    with pytest.raises(ValueError):
        sections(text, 1)


@pytest.mark.slow  # reads the corpus
@needs_laws
def test_a_long_document_is_extracted_in_sections_with_offsets_into_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kg.nlp import extract, extract_many, get_nlp

    whole = Document("whole", "\n\n".join(_law_texts(120_000)))
    nlp = get_nlp(lean=True)
    one_pass = extract(whole)
    monkeypatch.setattr(nlp, "max_length", 30_000)
    cut = sections(whole.text, 30_000)
    assert len(cut) >= 4
    (split,) = extract_many([whole])  # what a worker runs
    assert split.chars == len(whole.text) and split.doc_id == "whole"
    assert all(whole.text[m.start : m.end] == m.text for m in split.mentions)
    assert all(whole.text[r.sent_start : r.sent_end] == r.sentence for r in split.relations)
    assert all(whole.text[s:t] == x for e in split.entities.values() for s, t, x in e.examples)
    # the same as the sections read as documents of their own, shifted
    parts = extract_many([Document(f"s{i}", whole.text[a:b]) for i, (a, b) in enumerate(cut)])
    want = [(m.start + a, m.key) for (a, _), r in zip(cut, parts, strict=True) for m in r.mentions]
    assert [(m.start, m.key) for m in split.mentions] == want
    counts: dict[str, int] = {}
    for r in parts:
        for k, e in r.entities.items():
            counts[k] = counts.get(k, 0) + e.count
    assert {k: e.count for k, e in split.entities.items()} == counts
    # and, with no entity depending on a neighbour across a cut, the one-pass entities
    assert {(k, e.type) for k, e in split.entities.items()} == {
        (k, e.type) for k, e in one_pass.entities.items()
    }


def _greedy_files(text: str, limit: int, folder: Path) -> list[str]:
    """``text`` split by hand at paragraph breaks into files of at most ``limit``
    characters (what a user would do to get under spaCy's limit)."""
    folder.mkdir()
    pieces, cur = [], ""
    for para in text.split("\n\n"):
        if cur and len(cur) + 2 + len(para) > limit:
            pieces.append(cur)
            cur = para
        else:
            cur = f"{cur}\n\n{para}" if cur else para
    pieces.append(cur)
    for i, p in enumerate(pieces):
        (folder / f"part{i:03d}.txt").write_text(p, encoding="utf-8")
    return pieces


@pytest.mark.slow
@needs_laws
def test_a_5m_character_law_compilation_builds_like_its_parts_as_files(tmp_path: Path) -> None:
    from kg.build import extract_graph
    from kg.graph import entity_nodes, relation_edges
    from kg.ingest import iter_documents

    (tmp_path / "whole").mkdir()
    whole = tmp_path / "whole" / "compilation.txt"
    whole.write_text("\n\n".join(_law_texts(5_200_000)), encoding="utf-8")
    (doc,) = iter_documents([whole])  # what the build reads (repeats dropped, …)
    assert len(doc.text) > 5_000_000
    pieces = _greedy_files(doc.text, 1_000_000, tmp_path / "parts")
    assert len(pieces) >= 5
    g_whole = extract_graph([whole.parent], workers=1)
    g_parts = extract_graph([tmp_path / "parts"], workers=1)

    def ents(G):
        return {(d["type"], d["label"], d["mentions"]) for _, d in entity_nodes(G)}

    assert ents(g_whole) == ents(g_parts)
    assert set(relation_edges(g_whole)) == set(relation_edges(g_parts))


@pytest.mark.slow
def test_a_30mb_one_line_document_builds_in_bounded_memory(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    sentence = "国务院办公厅印发实施方案，财政部、教育部按职责分工负责，自发布之日起施行。"
    data = (sentence * (30_000_000 // len(sentence.encode()) + 1)).encode()
    (src / "one_line.txt").write_bytes(data)
    assert len(data) >= 30_000_000 and b"\n" not in data
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out),
         "--workers", "1", "--no-cache", "-f", "ttl"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "documents read: 1, failed: 0" in done.stderr
    assert "Ministry" in done.stderr and (out / "graph.ttl").stat().st_size > 0
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 2048, peak_mb


def test_the_span_api_takes_texts_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.nlp import get_nlp
    from kg.spans import entity_components, entity_spans

    para = "国务院办公厅印发通知，财政部、教育部负责落实。\n\n法院和警方依法处理。"
    long = "\n\n".join([para] * 40)
    texts = ["工信部表示", long, "", "中国与泰国开展合作。"]
    whole = list(entity_spans(texts))
    monkeypatch.setattr(get_nlp(entity_components(None)), "max_length", 200)
    cut = list(entity_spans(texts))
    assert len(cut) == len(texts)
    assert cut == whole  # the paragraphs hold no entity that needs a neighbour
    assert all(long[s["start"] : s["end"]] == s["text"] for s in cut[1])
    first = [s for s in whole[1] if s["end"] <= len(para)]
    assert first and len(cut[1]) == 40 * len(first)
