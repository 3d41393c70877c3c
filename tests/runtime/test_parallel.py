"""Parallel extraction, the result store and the fast RDF path give the same graph.

- ``workers=2`` (forked worker processes) builds exactly the triples ``workers=1`` does, on
  the sample and on a slice of ``../shared/corpus/laws``;
- results come back in input order, also when cached and fresh documents interleave;
- :mod:`kg.export.fast` writes the triples :mod:`kg.export.rdf` writes for the same
  graph (Turtle parsed back by pyoxigraph and rdflib), with and without its cache;
- the compact result records and the pack store round-trip.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import SAMPLE_DIR, build, extract_graph
from kg.export import rdf as R
from kg.export.fast import write_fast
from kg.export.turtle import Turtle
from kg.graph import build_graph
from kg.iri import DEFAULT_BASE
from kg.model import Document
from kg.resolve import Resolver
from kg.runtime.codec import decode_result, encode_result
from kg.runtime.extract import doc_hash, extract_keyed, extract_stream
from kg.runtime.store import PackStore

LAWS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "laws"


def law_slice(dst: Path, n: int) -> Path:
    """The first ``n`` law files (sorted), copied under ``dst`` with their folders."""
    if not LAWS.is_dir():
        pytest.skip("../shared/corpus is not there")
    files = sorted(p for p in LAWS.rglob("*.md"))[:n]
    for p in files:
        q = dst / p.relative_to(LAWS)
        q.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, q)
    return dst


def triples_of_graph(G) -> set[tuple[str, str, str]]:
    return {(s, p, o) for s, p, o, _ in R.iter_statements(G, named_graphs=False)}


def triples_of_file(path: Path) -> set[tuple[str, str, str]]:
    fmt = ox.RdfFormat.TURTLE if path.suffix == ".ttl" else ox.RdfFormat.N_TRIPLES
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(path=str(path), format=fmt)
    }


def canonical(triples: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """Through pyoxigraph, so that both sides spell terms the same way."""
    text = "".join(f"{s} {p} {o} .\n" for s, p, o in triples)
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES)
    }


@pytest.fixture(scope="module")
def slice_dir(tmp_path_factory) -> Path:
    return law_slice(tmp_path_factory.mktemp("laws"), 40)


@pytest.mark.parametrize("which", ["sample", "slice"])
def test_two_workers_build_the_triples_one_worker_builds(which: str, slice_dir: Path) -> None:
    inputs = [SAMPLE_DIR] if which == "sample" else [slice_dir]
    one = extract_graph(inputs, workers=1)
    two = extract_graph(inputs, workers=2)
    assert triples_of_graph(one) == triples_of_graph(two)
    assert list(one.nodes) == list(two.nodes)  # same order too: results come back in order


def test_results_come_back_in_input_order_when_cached_and_new_interleave(tmp_path: Path) -> None:
    docs = [
        Document(f"d{i}", f"工业和信息化部第{i}次会议在北京召开。" * (1 + i % 3)) for i in range(12)
    ]
    store = PackStore(tmp_path / "r.pack")
    first = [r.doc_id for _, r, _ in extract_keyed(docs[::2], store=store)]
    assert first == [d.id for d in docs[::2]]
    out = list(extract_keyed(docs, store=store, workers=2, batch_chars=40))
    assert [r.doc_id for _, r, _ in out] == [d.id for d in docs]
    assert [cached for _, _, cached in out] == [i % 2 == 0 for i in range(12)]
    store.close()


def test_extract_stream_keeps_mentions_and_its_cache_works(tmp_path: Path) -> None:
    docs = [Document("a", "工信部表示。"), Document("b", "中国与泰国开展合作。")]
    fresh = list(extract_stream(docs, cache_dir=tmp_path))
    again = list(extract_stream(docs, cache_dir=tmp_path))
    assert [len(r.mentions) for r in fresh] == [len(r.mentions) for r in again] != [0, 0]
    assert [r.to_dict() for r in fresh] == [r.to_dict() for r in again]


def test_result_records_round_trip() -> None:
    from kg.nlp import extract

    r = extract(
        Document("x", "2015年5月，中国与联合国教科文组织合作在青岛举办国际教育信息化大会。")
    )
    back = decode_result(encode_result(r, keep_mentions=True), need_mentions=True)
    assert back is not None and back.to_dict() == r.to_dict()
    lean = decode_result(encode_result(r))
    assert lean is not None and lean.mentions == [] and lean.entities == r.entities
    assert decode_result(encode_result(r), need_mentions=True) is None  # no mentions kept
    assert decode_result(b"garbage") is None


def test_doc_hash_ignores_the_path_but_not_the_text() -> None:
    a = Document("a", "文本", {"source": "/x/a.md", "title": "T"})
    b = Document("a", "文本", {"source": "/y/a.md", "title": "T"})
    c = Document("a", "文本。", {"source": "/x/a.md", "title": "T"})
    assert doc_hash(a) == doc_hash(b) != doc_hash(c)


def test_pack_store_appends_reopens_and_compacts(tmp_path: Path) -> None:
    s = PackStore(tmp_path / "p.pack")
    for i in range(50):
        s.put(f"k{i}", bytes([i]) * 100_000)
    s.close()
    s = PackStore(tmp_path / "p.pack")
    assert s.get("k7") == bytes([7]) * 100_000
    s.get("k1")
    s.close(keep_untouched=False)  # only k1 and k7 survive: the pack is compacted
    s = PackStore(tmp_path / "p.pack")
    assert set(s.index) == {"k1", "k7"} and (tmp_path / "p.pack").stat().st_size == 200_000
    assert s.get("k1") == bytes([1]) * 100_000 and s.get("k2") is None
    s.close()


def test_pack_store_ignores_a_torn_tail(tmp_path: Path) -> None:
    s = PackStore(tmp_path / "p.pack")
    s.put("a", b"alpha")
    s.close()
    with (tmp_path / "p.pack").open("ab") as f:  # a crashed build appended, index not saved
        f.write(b"half a record")
    s = PackStore(tmp_path / "p.pack")
    s.put("b", b"beta")
    s.close()
    s = PackStore(tmp_path / "p.pack")
    assert (s.get("a"), s.get("b")) == (b"alpha", b"beta")
    s.close()


# --------------------------------------------------------------------------- fast RDF


def _resolution(inputs: list[Path]):
    r = Resolver()
    for _, x, _ in extract_keyed(_docs(inputs)):
        r.add(x)
    return r.finish()


def _docs(inputs: list[Path]):
    from kg.ingest import iter_documents

    return [d for d in iter_documents(inputs) if isinstance(d, Document)]


@pytest.mark.parametrize("which", ["sample", "slice"])
@pytest.mark.parametrize("fmt", ["nt", "ttl"])
def test_fast_export_writes_the_triples_of_the_rdf_module(
    which: str, fmt: str, slice_dir: Path, tmp_path: Path
) -> None:
    res = _resolution([SAMPLE_DIR] if which == "sample" else [slice_dir])
    reference = canonical(triples_of_graph(build_graph(res)))
    store = PackStore(tmp_path / "frag.pack")
    stats: dict[str, int] = {}
    write_fast(res, tmp_path / f"cold.{fmt}", fmt, store=store, stats=stats)
    assert stats["fragments_cached"] == 0
    write_fast(res, tmp_path / f"warm.{fmt}", fmt, store=store, stats=stats)
    assert stats["fragments_built"] == stats["fragments_cached"] > 0
    store.close()
    assert triples_of_file(tmp_path / f"cold.{fmt}") == reference
    assert (tmp_path / f"warm.{fmt}").read_bytes() == (tmp_path / f"cold.{fmt}").read_bytes()


def test_fragments_rendered_by_worker_processes_are_the_same(
    slice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.export.fast as fast
    from kg.runtime.workers import Pools

    monkeypatch.setattr(fast, "RENDER_TASK_PARTS", 8)
    res = _resolution([slice_dir])
    pools = Pools(2)
    pools.prestart()
    try:
        for fmt in ("ttl", "nt"):
            write_fast(res, tmp_path / f"here.{fmt}", fmt)
            write_fast(res, tmp_path / f"there.{fmt}", fmt, executor=pools)
            assert (tmp_path / f"here.{fmt}").read_bytes() == (
                tmp_path / f"there.{fmt}"
            ).read_bytes()
    finally:
        pools.shutdown(kill=True)


def test_fast_turtle_parses_with_rdflib_too(tmp_path: Path) -> None:
    from rdflib import Graph

    res = _resolution([SAMPLE_DIR])
    write_fast(res, tmp_path / "g.ttl", "ttl")
    write_fast(res, tmp_path / "g.nt", "nt")
    a, b = Graph(), Graph()
    a.parse(tmp_path / "g.ttl", format="turtle")
    b.parse(tmp_path / "g.nt", format="nt")
    assert len(a) == len(b) > 0 and set(a) == set(b)


def test_awkward_iris_survive_the_hand_written_turtle(tmp_path: Path) -> None:
    import networkx as nx

    from kg.resolve.merge import Entity, Resolution

    keys = [
        "law/a(1)/b.c",
        "org/x-y",
        "program/①计划",
        "event/2022—论坛",
        "place/a%20b",
        "person/-x.",
        "org/50%",
        "gov/a:b",
        "event/“引号”",
    ]
    res = Resolution(
        entities={
            k: Entity(k, "Organization", k.split("/", 1)[1], docs={"d/1 (a)": 1}) for k in keys
        },
        redirect={},
        relations=[],
        observations=[],
        documents={"d/1 (a)": {"title": "T", "chars": 3}},
        merge_log=[],
    )
    write_fast(res, tmp_path / "g.ttl", "ttl")
    G = build_graph(res)
    assert isinstance(G, nx.MultiDiGraph)
    assert triples_of_file(tmp_path / "g.ttl") == canonical(triples_of_graph(G))
    ttl, law = Turtle(DEFAULT_BASE), DEFAULT_BASE + "law/"  # local names as Turtle writes them
    assert ttl.term(f"<{law}中华人民共和国网络安全法>") == "law:中华人民共和国网络安全法"
    assert ttl.term(f"<{law}laws/a(1)>") == "law:laws\\/a\\(1\\)"
    for name in ("a b", "50%", "a."):  # no local name: the whole IRI
        assert ttl.term(f"<{law}{name}>") == f"<{law}{name}>"


def test_build_with_two_workers_writes_the_files_one_worker_writes(
    tmp_path: Path, slice_dir: Path
) -> None:
    a = build(
        [slice_dir], tmp_path / "a", workers=1, quiet=True, formats=("ttl", "nt"), fast_export=True
    )
    b = build(
        [slice_dir], tmp_path / "b", workers=2, quiet=True, formats=("ttl", "nt"), fast_export=False
    )
    assert a.docs_read == b.docs_read > 30
    for fmt in ("ttl", "nt"):
        assert triples_of_file(tmp_path / "a" / f"graph.{fmt}") == triples_of_file(
            tmp_path / "b" / f"graph.{fmt}"
        )
