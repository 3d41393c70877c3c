"""Pipeline snapshots (:mod:`kg.nlp.pipeline`): a pipeline restored from its snapshot
extracts exactly what a freshly built one extracts, and the snapshot key changes with the
code and data it was built from."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import kg.fingerprint as fingerprint
import kg.nlp.pipeline as P
from kg.build import SAMPLE_DIR
from kg.ingest import iter_documents
from kg.model import Document
from kg.nlp import extract_many
from kg.runtime.codec import encode_result

ROOT = Path(__file__).resolve().parents[2]

EXTRACT = """
import pickle, sys
from kg.ingest import iter_documents
from kg.model import Document
from kg.runtime.codec import encode_result
from kg.nlp.pipeline import get_nlp
SNAPSHOT = sys.argv[1]
nlp = get_nlp(lean=True, snapshot_dir=SNAPSHOT)
from kg.nlp import extract_many
docs = [d for d in iter_documents([sys.argv[2]]) if isinstance(d, Document)]
sys.stdout.buffer.write(pickle.dumps([encode_result(r, True) for r in extract_many(docs)]))
"""


def _extract_in_new_process(snapshots: Path) -> list[bytes]:
    import pickle

    r = subprocess.run(
        [sys.executable, "-c", EXTRACT, str(snapshots), str(SAMPLE_DIR)],
        capture_output=True,
        cwd=ROOT,
        check=True,
    )
    return pickle.loads(r.stdout)


def test_restored_pipeline_extracts_what_a_fresh_pipeline_extracts(tmp_path: Path) -> None:
    docs = [d for d in iter_documents([SAMPLE_DIR]) if isinstance(d, Document)]
    fresh = [encode_result(r, True) for r in extract_many(docs)]
    snapshots = tmp_path / "pipeline"
    first = _extract_in_new_process(snapshots)  # builds the pipeline and saves it
    saved = list(snapshots.glob("pipeline-*.pkl"))
    assert len(saved) == 1
    stamp = saved[0].stat().st_mtime_ns
    second = _extract_in_new_process(snapshots)  # restores it
    assert saved[0].stat().st_mtime_ns == stamp  # read, not written again
    assert first == fresh
    assert second == fresh


def test_damaged_snapshot_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / f"pipeline-{P.snapshot_key(P.DEFAULT_COMPONENTS, True)}.pkl"
    path.write_bytes(b"\x80\x05 not a pickle")
    assert P.restore_snapshot(path, P.DEFAULT_COMPONENTS) is None
    assert not path.exists()


def test_snapshot_key_changes_with_a_gazetteer_file(tmp_path: Path, monkeypatch) -> None:
    onto = tmp_path / "ontology"
    (onto / "gazetteers").mkdir(parents=True)
    gaz = onto / "gazetteers" / "government.jsonl"
    gaz.write_text('{"id": "gov/miit", "type": "Ministry", "name": "工业和信息化部"}\n',
                   encoding="utf-8")
    monkeypatch.setattr(fingerprint, "ONTOLOGY_DIR", onto)
    fingerprint.pipeline_key.cache_clear()
    try:
        before = P.snapshot_key(P.DEFAULT_COMPONENTS, True)
        gaz.write_text(gaz.read_text(encoding="utf-8").replace("工业和信息化部", "工信部"),
                       encoding="utf-8")
        fingerprint.pipeline_key.cache_clear()
        after = P.snapshot_key(P.DEFAULT_COMPONENTS, True)
        assert before != after
        fingerprint.pipeline_key.cache_clear()
        assert P.snapshot_key(P.DEFAULT_COMPONENTS, False) != after  # and with the options
    finally:
        fingerprint.pipeline_key.cache_clear()


def test_snapshot_key_changes_with_kg_code(tmp_path: Path, monkeypatch) -> None:
    pkg = tmp_path / "kg"
    (pkg / "export").mkdir(parents=True)
    mod = pkg / "export" / "rdf.py"
    mod.write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "PACKAGE_DIR", pkg)
    fingerprint.pipeline_key.cache_clear()
    try:
        before = P.snapshot_key(P.DEFAULT_COMPONENTS, True)
        mod.write_text("X = 2\n", encoding="utf-8")
        fingerprint.pipeline_key.cache_clear()
        assert P.snapshot_key(P.DEFAULT_COMPONENTS, True) != before
    finally:
        fingerprint.pipeline_key.cache_clear()
