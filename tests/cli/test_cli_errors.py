"""Every error the command line shows a user comes from the catalogue (``kg.errors``): a
code and its message, exit status 1, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def _failed_with(result, code: str) -> bool:
    return result.exit_code == 1 and f"[{code}]" in result.output and result.exception is not None


def test_extract_from_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.jsonl"
    result = _run("extract", str(missing), "--out", str(tmp_path / "out.jsonl"))
    assert _failed_with(result, "E010") and str(missing) in result.output


def test_query_in_an_unknown_format(tmp_path: Path) -> None:
    result = _run("query", str(tmp_path / "graph.ttl"), "SELECT * WHERE { ?s ?p ?o }", "-f", "xml")
    assert _failed_with(result, "E033") and "'xml'" in result.output


def test_eval_of_a_gold_file_whose_document_is_missing(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    path = gold / "a.gold.json"
    path.write_text(json.dumps({"doc": "某文件.txt", "entities": []}), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    result = _run("eval", "--gold", str(gold), "--docs", str(docs))
    assert _failed_with(result, "E162") and "某文件.txt" in result.output
    assert str(path) in result.output


def _blocker(tmp_path: Path) -> Path:
    """A file where an output folder should be made (root may write anywhere else)."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    return blocker


def test_watch_into_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("国务院印发通知。", encoding="utf-8")
    out = _blocker(tmp_path) / "out"
    result = _run("build", str(doc), "--watch", "--out", str(out))
    assert _failed_with(result, "E080") and str(out) in result.output


@pytest.mark.slow  # builds a document
def test_eval_report_that_cannot_be_written(tmp_path: Path) -> None:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    (gold / "a.gold.json").write_text(json.dumps({"doc": "a.txt", "entities": []}))
    (docs / "a.txt").write_text("国务院印发通知。", encoding="utf-8")
    report = _blocker(tmp_path) / "report.json"
    result = _run("eval", "--gold", str(gold), "--docs", str(docs), "--json", str(report))
    assert _failed_with(result, "E080") and str(report.parent) in result.output


def test_validate_of_a_cut_turtle_file_names_the_line(tmp_path: Path) -> None:
    """rdflib fails on a Turtle file cut in the middle with a bare IndexError."""
    path = tmp_path / "graph.ttl"
    path.write_text(
        "@prefix ex: <http://example.org/> .\n\nex:a ex:b ex:c .\nex:d ex:e \"cut",
        encoding="utf-8",
    )
    result = _run("validate", str(path))
    assert _failed_with(result, "E030") and str(path) in result.output
    assert "line 4" in result.output and "IndexError" not in result.output


def test_a_cache_folder_that_is_a_file_is_built_without(tmp_path: Path) -> None:
    """``OUT/.cache`` a file (or on a read-only file system) while OUT can be written: the
    outputs are built without a cache, with warning E109 (was E080 "File exists", nothing
    built); the file is left as it was."""
    import os
    import subprocess
    import sys

    doc = tmp_path / "a.txt"
    doc.write_text("国务院办公厅印发通知，要求各地区加强安全生产工作。", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".cache").write_text("not a folder")
    repo = Path(__file__).resolve().parents[2]
    r = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(doc), "--out", str(out), "-f", "ttl"],
        env={**os.environ, "PYTHONPATH": str(repo)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert "[E109]" in r.stderr and "it is a file, not a folder" in r.stderr
    assert (out / "graph.ttl").stat().st_size > 0
    assert (out / ".cache").read_text() == "not a folder"
