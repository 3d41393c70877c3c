"""The fast exporter's document fragments keyed by the document's result key: a fragment
is found again in the store whatever the bytes of its sentences (a function of that key),
another result key is another fragment, and a rebuild in a new process after one changed
document renders only that document's fragment (counted, not timed)."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from kg.build import build
from kg.export import fast
from kg.model import Document
from kg.nlp import extract
from kg.resolve import resolve
from kg.runtime.store import PackStore
from tests.corpus import law_sample

FORMATS = ("ttl", "nt", "html")


def _res():
    docs = [
        Document("a", "国务院办公厅印发通知。工业和信息化部负责组织实施。"),
        Document("b", "财政部会同审计署制定本办法。国家发展改革委负责解释。"),
    ]
    return resolve([extract(d) for d in docs])


def _write(res, path: Path, store: PackStore, keys: dict[str, str]) -> dict[str, int]:
    stats: dict[str, int] = {}
    fast.start_fast(res, path, "ttl", store=store, stats=stats, doc_keys=keys)()
    return stats


def test_a_fragment_is_keyed_by_its_documents_result_key(tmp_path: Path) -> None:
    res = _res()
    store = PackStore(tmp_path / "f.pack")
    keys = {"a": "k-a", "b": "k-b"}
    first = _write(res, tmp_path / "1.ttl", store, keys)
    assert first["document_fragments_built"] == 2
    # the same result keys: every document fragment is found in the store
    again = _write(res, tmp_path / "2.ttl", store, keys)
    assert again["document_fragments_built"] == 0 and again["document_fragments_cached"] == 2
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes()
    # another result key for "b": its fragment is rendered again, "a"'s is not
    other = _write(res, tmp_path / "3.ttl", store, {"a": "k-a", "b": "k-b2"})
    assert other["document_fragments_built"] == 1
    # without result keys the fragments are keyed by their whole input (another key form)
    plain = _write(res, tmp_path / "4.ttl", store, {})
    assert plain["document_fragments_built"] == 2
    assert (tmp_path / "4.ttl").read_bytes() == (tmp_path / "1.ttl").read_bytes()
    store.close()


def test_the_result_key_form_renders_the_same_bytes_in_a_worker(tmp_path: Path) -> None:
    """A part sent with the split input (its head as canonical bytes, its sentences as
    they are) renders what the input itself renders."""
    res = _res()
    plan = fast._Plan(res, fast.DEFAULT_BASE)
    inputs = [plan.doc_input(d) for d in res.documents]
    whole = fast.render_parts("ttl", fast.DEFAULT_BASE, [(b"D", i) for i in inputs])
    split = [fast._sent(b"D", i, (fast._canonical(i[:-1]), i[-1])) for i in inputs]
    assert all(kind == b"d" for kind, _ in split)
    assert fast.render_parts("ttl", fast.DEFAULT_BASE, split) == whole


def test_a_rebuild_after_one_change_renders_that_documents_fragment_only(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, 450)
    out = tmp_path / "out"

    def again():
        return build([corpus], out, workers=1, cache_dir=out / ".cache", formats=FORMATS,
                     fast_export=True, quiet=True)  # fmt: skip

    first = again()
    n = first.docs_read
    assert first.fragments["document_fragments_built"] == 2 * n  # ttl and nt
    with laws[len(laws) // 2].open("a", encoding="utf-8") as f:
        f.write("\n\n第九十九条　本办法由国务院负责解释，财政部会同审计署组织实施。\n")
    r = again()
    assert r.docs_extracted == 1
    # the changed document's fragment (per format), and at most a few whose kept
    # examples or merged entities changed with it
    assert 2 <= r.fragments["document_fragments_built"] <= 6
    assert r.fragments["document_fragments_cached"] == 2 * n - r.fragments[
        "document_fragments_built"
    ]
    ref = tmp_path / "ref"
    shutil.rmtree(ref, ignore_errors=True)
    build([corpus], ref, workers=1, formats=FORMATS, fast_export=True, quiet=True)
    for name in ("graph.ttl", "graph.nt", "graph.html"):
        assert filecmp.cmp(out / name, ref / name, shallow=False), name
