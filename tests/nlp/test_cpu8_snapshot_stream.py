"""The pipeline snapshot is pickled straight into its file (:func:`kg.sealed.sealing`):
the file is what :func:`kg.sealed.seal` gives for the same pickle, it restores, and a
byte changed anywhere keeps it from being unpickled."""

from __future__ import annotations

import io
import pickle

import pytest

from kg.nlp.pipeline import make_nlp, restore_snapshot, save_snapshot
from kg.sealed import seal, sealing, unseal

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow


def test_streamed_seal_is_seal():
    data = pickle.dumps({"a": list(range(100_000)), "b": "国务院" * 50_000}, protocol=5)
    f = io.BytesIO(b"prefix")
    f.seek(len(b"prefix"))
    with sealing(f) as out:
        for i in range(0, len(data), 65_536):
            out.write(memoryview(data)[i : i + 65_536])
    assert f.getvalue() == b"prefix" + seal(data)
    assert bytes(unseal(f.getvalue()[len(b"prefix") :])) == data


def test_snapshot_written_as_it_is_pickled(tmp_path):
    nlp = make_nlp(lean=True)
    path = tmp_path / "pipeline-test.pkl"
    assert save_snapshot(nlp, path)
    blob = path.read_bytes()
    body = unseal(blob)
    assert body is not None and pickle.loads(body)["components"]
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed
    names = tuple(n for n, _ in nlp.pipeline)
    again = restore_snapshot(path, names, lean=True)
    text = "国务院办公厅印发《关于加强某某工作的通知》，应急管理部负责实施。"
    assert [(m.text, m.type) for m in again(text)._.kg.mentions] == [
        (m.text, m.type) for m in nlp(text)._.kg.mentions
    ]
    damaged = bytearray(blob)
    damaged[len(blob) // 2] ^= 1
    assert unseal(bytes(damaged)) is None
