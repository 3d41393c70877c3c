"""One Turtle path (issue #16): every Turtle and TriG kg writes comes from the hand writer
(kg.export.turtle.Turtle) over the statement generator's blocks — a build's, whatever its
size, from the resolution's fragments; a graph's (write_turtle, write_trig) from the walk.
Proved by parsing: rdflib's (and pyoxigraph's) parse of the written text equals, as a set,
the walk's statements, on invented graphs with awkward terms and on real documents."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.build import build
from kg.export import rdf as R
from kg.export.fast import write_fast
from kg.export.turtle import Turtle
from kg.graph import build_graph
from kg.ingest import iter_documents
from kg.model import Document
from kg.nlp import extract
from kg.resolve import resolve
from kg.runtime.build import SAMPLE_DIR

EXPORT = Path(__file__).resolve().parents[2] / "kg" / "export"
DEV_DOCS = Path("/work/split/dev/docs")  # the development split, read where it exists
BASE = "http://kg.example.org/id/"

# Awkward strings (own): quotes, a backslash, newlines, a tab, a control character, a
# triple quote, a string ending in a backslash, non-BMP characters.
AWKWARD = [
    'he said "yes"',
    "a\\b",
    "line one\nline two\r\n",
    "tab\there",
    "bell\x07 del\x7f",
    '"""triple"""',
    "ends with \\",
    "𠀀 and 𝔘",
    "",
]


def awkward_graph() -> nx.MultiDiGraph:
    """A graph of the kg.graph schema whose keys and values need every escape."""
    G = nx.MultiDiGraph()
    G.graph["base_iri"] = BASE
    entities = {
        "person/约翰·史密斯": "Person",  # the middle dot: no prefixed name, <…>
        "event/a b<c>": "Event",  # percent-encoded by the IRI maker
        "law/条例.": "Law",  # ends in "." (escaped in a prefixed name)
        "place/-x": "Location",
        "organization/a:b(c)": "Organization",
        "program/100%": "Program",
        "gov/miit": "Ministry",
        "thing/no folder": "Organization",  # a folder no prefix names
    }
    for i, (key, typ) in enumerate(entities.items()):
        G.add_node(key, kind="entity", type=typ, label=AWKWARD[i % len(AWKWARD)],
                   aliases=AWKWARD[:3], en=AWKWARD[(i + 1) % len(AWKWARD)],
                   category=AWKWARD[(i + 2) % len(AWKWARD)], mentions=i + 1,
                   docs={"d1": i + 1})  # fmt: skip
    G.add_node("country/CHN", kind="entity", type="Country", label="中国", aliases=["中华"],
               iso="CHN", wikidata="Q148")  # fmt: skip
    # a node's own IRI outside the base, and one with characters no local name may hold
    G.add_node("org/other", kind="entity", type="Organization", label="x",
               iri="https://example.com/a~b/c?d=1&e#f")  # fmt: skip
    G.add_node("org/star", kind="entity", type="Organization", label="y",
               iri="urn:x-kg:a*b!c")  # fmt: skip
    G.add_node("doc/d1", kind="document", label='标题 "甲"\n第二行', date="2024年5月",
               source="https://example.com/p?q=1", issuer="gov/miit",
               sentences={0: AWKWARD[0], 40: AWKWARD[2], 80: "𠀀\\"})  # fmt: skip
    G.add_node("doc/laws/a b.txt", kind="document", label="b", date="2023-01-02")
    for i, key in enumerate(entities):
        G.add_edge(key, "doc/d1", kind="mention", count=i + 1)
    ev = [
        dict(doc="d1", sentence=AWKWARD[j], sent_start=40 * j, sent_end=40 * j + 9,
             rule=r"rule/a\b \"x\"", confidence=0.9, modality="asserted", implicit=j % 2 == 0)
        for j in range(3)
    ]  # fmt: skip
    ev.append({"doc": "laws/a b.txt", "sentence": AWKWARD[5], "sent_start": 0,
               "sent_end": 5, "rule": "r2", "confidence": 1, "implicit": True})  # fmt: skip
    G.add_edge("gov/miit", "law/条例.", key="issued", predicate="issued", evidence=ev)
    G.add_edge("person/约翰·史密斯", "gov/miit", key="holdsPost", predicate="holdsPost",
               post="主任", evidence=ev[:1])  # fmt: skip
    G.add_edge("org/other", "org/star", key="cooperatesWith", predicate="cooperatesWith")
    G.graph["observations"] = [
        {"subject": "country/CHN", "metric": 'GDP "real"', "value": v, "unit": AWKWARD[1],
         "date": "2022-06", "doc": "d1", "sentence": AWKWARD[2], "rule": "obs-rule"}
        for v in (6.95e8, -1.5, 3, 0.000001, float("nan"), float("inf"))
    ]  # fmt: skip
    return G


def walk_triples(G: nx.MultiDiGraph) -> Graph:
    g = Graph()
    g.parse(data="".join(R.iter_ntriples(G)), format="nt")
    return g


def walk_quads(G: nx.MultiDiGraph) -> set[tuple[str, ...]]:
    data = "".join(R.iter_nquads(G)).encode()
    return {tuple(map(str, q)) for q in ox.parse(io.BytesIO(data), ox.RdfFormat.N_QUADS)}


def turtle_triples(path: Path) -> Graph:
    g = Graph()
    g.parse(path, format="turtle")
    return g


def ox_triples(path: Path, fmt: ox.RdfFormat) -> set[tuple[str, ...]]:
    return {tuple(map(str, q)) for q in ox.parse(path=str(path), format=fmt)}


def test_awkward_graph_turtle_parses_to_the_walk(tmp_path: Path) -> None:
    G = awkward_graph()
    path = R.write_turtle(G, tmp_path / "g.ttl")
    got, want = turtle_triples(path), walk_triples(G)
    assert len(want) > 150
    assert set(got) == set(want) and isomorphic(got, want)
    # pyoxigraph reads it the same way (it is strict on the grammar)
    nt = tmp_path / "g.nt"
    nt.write_text("".join(R.iter_ntriples(G)), encoding="utf-8")
    assert ox_triples(path, ox.RdfFormat.TURTLE) == ox_triples(nt, ox.RdfFormat.N_TRIPLES)
    text = path.read_text(encoding="utf-8")
    # the forms the writer chose: <…> where no prefixed name can hold the IRI, prefixed
    # names (escaped) and short numbers elsewhere
    assert "<http://kg.example.org/id/person/约翰·史密斯>" in text
    assert "<https://example.com/a~b/c?d=1&e#f>" in text
    assert "<http://kg.example.org/id/law/条例.>" in text  # rdflib reads no law:条例\\.
    assert "place:\\-x" in text and "gov:miit a kg:Ministry" in text
    assert "kg:implicit true" in text and "kg:confidence 0.9" in text


def test_awkward_graph_trig_parses_to_the_walk(tmp_path: Path) -> None:
    G = awkward_graph()
    path = R.write_trig(G, tmp_path / "g.trig")
    got = ox_triples(path, ox.RdfFormat.TRIG)
    assert got == walk_quads(G)
    assert len({q[3] for q in got}) == 3  # the default graph and the two documents'
    ds, nq = Dataset(), Dataset()
    ds.parse(path, format="trig")
    nq.parse(data="".join(R.iter_nquads(G)), format="nquads")
    assert _rdflib_quads(ds) == _rdflib_quads(nq) and len(_rdflib_quads(ds)) == len(got)


def _rdflib_quads(ds: Dataset) -> set[tuple[str, ...]]:
    return {(s, p, o, str(getattr(g, "identifier", g))) for s, p, o, g in ds.quads()}


def test_graph_turtle_and_trig_use_no_other_serialiser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args, **kw):
        raise AssertionError("pyoxigraph's serialiser was asked to write")

    monkeypatch.setattr(ox, "serialize", refuse)
    G = awkward_graph()
    R.write_turtle(G, tmp_path / "g.ttl")
    R.write_trig(G, tmp_path / "g.trig")
    head = Turtle(BASE).header()
    assert (tmp_path / "g.ttl").read_text(encoding="utf-8").startswith(head)


def test_boolean_short_form_only_for_the_canonical_lexical_forms() -> None:
    t = Turtle(BASE)
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert t.term(f'"true"^^<{xsd}boolean>') == "true"
    assert t.term(f'"1"^^<{xsd}boolean>') == '"1"^^xsd:boolean'  # a bare 1 is an integer


def _resolution(inputs: list[Path]):
    return resolve([extract(d) for d in iter_documents(inputs) if isinstance(d, Document)])


def _both_ways_equal_the_walk(res, tmp_path: Path) -> None:
    G = build_graph(res)
    want = walk_triples(G)
    fast = write_fast(res, tmp_path / "fast.ttl", "ttl")
    walk = R.write_turtle(G, tmp_path / "walk.ttl")
    for path in (fast, walk):
        got = turtle_triples(path)
        assert set(got) == set(want), path.name
    nt = write_fast(res, tmp_path / "fast.nt", "nt")
    assert ox_triples(nt, ox.RdfFormat.N_TRIPLES) == ox_triples(walk, ox.RdfFormat.TURTLE)


def test_sample_turtle_both_ways_equals_the_walk(tmp_path: Path) -> None:
    _both_ways_equal_the_walk(_resolution([SAMPLE_DIR]), tmp_path)


@pytest.mark.skipif(not DEV_DOCS.is_dir(), reason="no development split here")
def test_dev_docs_turtle_both_ways_equals_the_walk(tmp_path: Path) -> None:
    _both_ways_equal_the_walk(_resolution([DEV_DOCS]), tmp_path)


def test_a_small_build_writes_turtle_from_its_fragments(tmp_path: Path) -> None:
    """No document count chooses the writer: the two-document sample's Turtle is
    rendered from per-document fragments (main took the graph's pyoxigraph path below
    100 documents), and it equals the walk of the build's own graph."""
    report = build(out_dir=tmp_path / "out", workers=1, quiet=True, formats=("ttl",))
    assert report.fragments.get("document_fragments_built") == report.docs_read == 2
    ttl = tmp_path / "out" / "graph.ttl"
    assert ttl.read_text(encoding="utf-8").startswith(Turtle(BASE).header())
    res = _resolution([SAMPLE_DIR])
    assert set(turtle_triples(ttl)) == set(walk_triples(build_graph(res)))


def test_export_modules_stay_short() -> None:
    for path in sorted(EXPORT.glob("*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, path.name


def test_rdf_type_is_written_a_only_as_a_predicate() -> None:
    """``a`` is Turtle's keyword for rdf:type in the predicate position only: as a subject
    or an object rdf:type is written as an IRI (review: ``<s> <p> a .`` does not parse)."""
    import rdflib

    from kg.export.turtle import A, Turtle

    t = Turtle("http://x/")
    blocks = [
        ("<http://x/s>", [("<http://x/p>", A), (A, "<http://x/o>")]),
        (A, [("<http://x/p>", '"x"')]),
    ]
    g = rdflib.Graph().parse(data=t.header() + t.render(blocks), format="turtle")
    rtype = rdflib.RDF.type
    x = rdflib.Namespace("http://x/")
    assert set(g) == {
        (x.s, x.p, rtype),
        (x.s, rtype, x.o),
        (rtype, x.p, rdflib.Literal("x")),
    }
