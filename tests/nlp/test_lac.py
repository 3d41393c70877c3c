"""The optional LAC tagger (``kg_lac``): organs no rule knows, on real law text.

The sentences are read at test time from ``../shared/corpus/laws`` (never copied in bulk).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KGError
from kg.spans import entity_components, entity_spans, extract_jsonl

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "laws"


def _law_sentence(title_part: str, needle: str) -> str:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} not present (the shared corpus sits beside the checkout)")
    path = next(p for p in sorted(CORPUS.rglob("*.md")) if title_part in p.name)
    text = path.read_text(encoding="utf-8")
    i = text.index(needle)
    s = max(text.rfind("。", 0, i), text.rfind("\n", 0, i)) + 1
    return text[s : text.index("。", i) + 1]


def _organs(text: str, tagger: str | None) -> set[str]:
    spans = next(entity_spans([text], nominal=False, tagger=tagger))
    return {s["text"] for s in spans if s["type"] in ("GovernmentBody", "Ministry")}


def test_lac_finds_a_local_committee_no_rule_knows() -> None:
    text = _law_sentence("胶州湾保护条例", "胶州湾保护委员会")
    assert "胶州湾保护委员会" not in _organs(text, None)
    assert "胶州湾保护委员会" in _organs(text, "lac")


def test_lac_keeps_the_rules_names_and_keys() -> None:
    text = _law_sentence("胶州湾保护条例", "胶州湾保护委员会")
    plain = next(entity_spans([text], nominal=False))
    with_lac = next(entity_spans([text], nominal=False, tagger="lac"))
    assert {(s["start"], s["end"], s["iri"]) for s in plain} <= {
        (s["start"], s["end"], s["iri"]) for s in with_lac
    }


def test_lac_leaves_out_generic_courts_of_law_texts() -> None:
    # 定居国法院, 户籍所在地人民法院: the court of wherever that is, no one court
    text = _law_sentence("适用《民事诉讼法》的解释", "定居国法院")
    found = _organs(text, "lac")
    assert not any("定居国" in x or "所在地" in x for x in found), found


def test_lac_organ_test_rejects_companies_and_bare_forms() -> None:
    from kg.nlp.components.lac import LacOrgans
    from kg.nlp.gazetteer import ONTOLOGY_DIR, load_gazetteer

    f = LacOrgans(load_gazetteer(), ONTOLOGY_DIR)
    assert f.is_organ("新加坡媒体发展管理局")
    assert not f.is_organ("建设银行东四支行信贷部")
    assert not f.is_organ("自治区人民政府")
    assert not f.is_organ("区统计局")


def test_unknown_tagger_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KGError) as e:
        entity_components("crf")
    assert e.value.code == "E091" and "lac" in str(e.value)
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "国务院"}\n', encoding="utf-8")
    with pytest.raises(KGError):
        extract_jsonl(src, tmp_path / "out.jsonl", tagger="crf")
    assert not (tmp_path / "out.jsonl").exists()


def test_cli_extract_with_lac_writes_its_spans(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    text = _law_sentence("胶州湾保护条例", "胶州湾保护委员会")
    src = tmp_path / "in.jsonl"
    import json

    src.write_text(json.dumps({"id": "q", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(app, ["extract", str(src), "--out", str(out), "--tagger", "lac"])
    assert r.exit_code == 0, r.output
    row = json.loads(out.read_text(encoding="utf-8"))
    assert any(e["text"] == "胶州湾保护委员会" for e in row["entities"])
