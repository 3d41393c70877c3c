"""The ontology, the vocabulary and every serialiser of kg.export.rdf / kg.export.formats."""

from __future__ import annotations

import copy
import csv
import json
import os
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.export import formats as F
from kg.export import jsonld, terms
from kg.export import rdf as R
from kg.iri import DEFAULT_BASE, ONTOLOGY_NS, entity_iri
from kg.vocab import KG, ONTOLOGY_PATH, SHAPES_PATH

ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCT = Namespace("http://purl.org/dc/terms/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
ID = Namespace(DEFAULT_BASE)

#: suffix → (rdflib parser, has named graphs)
RDF_FORMATS = {
    "ttl": ("turtle", False),
    "nt": ("nt", False),
    "trig": ("trig", True),
    "nq": ("nquads", True),
    "jsonld": ("json-ld", True),
}


def _kg_terms(g: Graph) -> set[str]:
    declared = set()
    kinds = {
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
        OWL.SymmetricProperty,
        RDFS.Datatype,
    }
    for kind in kinds:
        for s in g.subjects(RDF.type, kind):
            if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS):
                declared.add(str(s)[len(ONTOLOGY_NS) :])
    return declared


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


# --------------------------------------------------------------------------- ontology


def test_vocab_and_ontology_declare_the_same_terms(ontology: Graph) -> None:
    in_vocab = {str(t)[len(ONTOLOGY_NS) :] for t in dir(KG)}
    assert in_vocab == _kg_terms(ontology)


def test_vocab_is_closed() -> None:
    assert KG.issued == URIRef(ONTOLOGY_NS + "issued")
    with pytest.raises(AttributeError):
        _ = KG.isued


def test_every_term_has_labels_and_comment(ontology: Graph) -> None:
    for local in _kg_terms(ontology):
        term = URIRef(ONTOLOGY_NS + local)
        langs = {o.language for o in ontology.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, local
        assert len(list(ontology.objects(term, RDFS.comment))) == 1, local


def test_ontology_alignment(ontology: Graph) -> None:
    sub = set(ontology.triples((None, RDFS.subClassOf, None)))
    assert (KG.Ministry, RDFS.subClassOf, KG.GovernmentBody) in sub
    assert (KG.GovernmentBody, RDFS.subClassOf, ORG.FormalOrganization) in sub
    assert (KG.Organization, RDFS.subClassOf, ORG.Organization) in sub
    assert (KG.Post, RDFS.subClassOf, ORG.Post) in sub
    assert (KG.Law, RDFS.subClassOf, URIRef("http://schema.org/Legislation")) in sub
    assert (KG.cooperatesWith, RDF.type, OWL.SymmetricProperty) in ontology
    for p in ("holdsPost", "issued", "implements", "initiated", "participatesIn", "hosted"):
        assert ontology.value(KG[p], RDFS.domain) is not None, p
        assert ontology.value(KG[p], RDFS.range) is not None, p


@pytest.mark.parametrize("path", [ONTOLOGY_PATH, SHAPES_PATH], ids=lambda p: p.name)
def test_ttl_parses_the_same_in_rdflib_and_oxigraph(path: Path) -> None:
    g = Graph().parse(path, format="turtle")
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(g) == len(quads) > 0


# --------------------------------------------------------------------------- the model


@pytest.fixture
def rdf(kg_graph: nx.MultiDiGraph) -> Graph:
    """The graph's RDF as one rdflib graph (union of the named graphs)."""
    return _union(R.graph_to_rdf(kg_graph))


def _entity(key: str) -> URIRef:
    return URIRef(DEFAULT_BASE + key)


def test_entities_have_one_type_and_one_zh_preflabel(kg_graph, rdf: Graph) -> None:
    for key, d in kg_graph.nodes(data=True):
        if d.get("kind") != "entity":
            continue
        e = _entity(key)
        assert list(rdf.objects(e, RDF.type)) == [KG[d["type"]]]
        zh = [o for o in rdf.objects(e, SKOS.prefLabel) if o.language == "zh"]
        assert zh == [Literal(d["label"], lang="zh")]
        assert set(rdf.objects(e, RDFS.label)) == set(rdf.objects(e, SKOS.prefLabel))
        alts = {str(o) for o in rdf.objects(e, SKOS.altLabel)}
        assert alts == set(d.get("aliases") or ()) - {d["label"]}


def test_sample_entity_details(sample_nx_graph) -> None:
    g = _union(R.graph_to_rdf(sample_nx_graph))
    miit, china = _entity("gov/miit"), _entity("country/CHN")
    assert (miit, RDF.type, KG.Ministry) in g  # no explicit GovernmentBody type
    assert (miit, RDF.type, KG.GovernmentBody) not in g
    assert (miit, SKOS.altLabel, Literal("工信部", lang="zh")) in g
    assert (china, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q148")) in g
    assert (china, KG.isoCode, Literal("CHN")) in g
    assert (china, SKOS.notation, Literal("CHN", datatype=KG.ISO3166Alpha3)) in g
    assert (china, SKOS.prefLabel, Literal("China", lang="en")) in g


def test_relations_have_plain_triple_and_evidence(kg_graph, rdf: Graph) -> None:
    for u, v, _, d in kg_graph.edges(keys=True, data=True):
        if d.get("kind") != "relation":
            continue
        s, p, o = _entity(u), KG[d["predicate"]], _entity(v)
        assert (s, p, o) in rdf
        evidence = [
            e
            for e in rdf.subjects(RDF.subject, s)
            if (e, RDF.predicate, p) in rdf and (e, RDF.object, o) in rdf
        ]
        assert len(evidence) == len(d["evidence"])
        for e in evidence:
            assert (e, RDF.type, KG.Evidence) in rdf
            assert (rdf.value(e, PROV.wasDerivedFrom), RDF.type, KG.Document) in rdf
            start, end = rdf.value(e, KG.charStart), rdf.value(e, KG.charEnd)
            assert start.datatype == XSD.integer and start.toPython() < end.toPython()
            assert rdf.value(e, KG.sentence).language == "zh"
            assert rdf.value(e, KG.confidence).datatype == XSD.decimal
            assert rdf.value(e, KG.implicit).datatype == XSD.boolean
            assert str(rdf.value(e, KG.modality)) in ("asserted", "planned", "ongoing")
            rule = rdf.value(e, PROV.wasGeneratedBy)
            assert (rule, RDF.type, KG.ExtractionRule) in rdf
            assert str(rdf.value(rule, RDFS.label)) == str(rdf.value(e, KG.rule))


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    return g


def test_sample_evidence_offsets_point_at_the_sentence(sample_nx_graph) -> None:
    rdf = _union(R.graph_to_rdf(sample_nx_graph))
    root = Path(__file__).resolve().parents[2]
    n = 0
    for e in rdf.subjects(RDF.type, KG.Evidence):
        doc = rdf.value(e, PROV.wasDerivedFrom)
        text = (root / str(rdf.value(doc, KG.sourcePath))).read_text(encoding="utf-8")
        start, end = rdf.value(e, KG.charStart).toPython(), rdf.value(e, KG.charEnd).toPython()
        assert text[start:end] == str(rdf.value(e, KG.sentence))
        n += 1
    assert n == 12


def test_hold_post_makes_an_org_post(sample_nx_graph) -> None:
    g = _union(R.graph_to_rdf(sample_nx_graph))
    person, miit = _entity("person/许科敏"), _entity("gov/miit")
    posts = list(g.objects(person, ORG.holds))
    assert len(posts) == 1
    post = posts[0]
    assert set(g.objects(post, RDF.type)) == {ORG.Post, KG.Post}
    assert g.value(post, ORG.postIn) == miit
    assert g.value(post, ORG.heldBy) == person
    assert g.value(post, RDFS.label) == Literal("总经济师", lang="zh")
    assert (person, KG.holdsPost, miit) in g


def test_documents_mentions_and_observations(sample_nx_graph) -> None:
    g = _union(R.graph_to_rdf(sample_nx_graph))
    news = _entity("doc/000_79559e53e2614f5a")
    assert (news, RDF.type, KG.Document) in g
    date = g.value(news, DCT.date)
    assert date == Literal("2022-07-24T04:17:24Z", datatype=XSD.dateTime)
    assert g.value(news, KG.charCount).datatype == XSD.integer
    miit = _entity("gov/miit")
    assert (miit, KG.mentionedIn, news) in g
    stats = next(g.subjects(KG.entity, miit))
    counts = {
        g.value(s, KG.document): g.value(s, KG.count).toPython()
        for s in g.subjects(RDF.type, KG.MentionStats)
        if g.value(s, KG.entity) == miit
    }
    assert counts == {news: sample_nx_graph.nodes["gov/miit"]["docs"]["000_79559e53e2614f5a"]}
    assert stats is not None
    observations = list(g.subjects(RDF.type, KG.Observation))
    assert len(observations) == 3
    by_indicator = {str(g.value(o, KG.indicator)): o for o in observations}
    users = by_indicator["网民规模"]
    assert g.value(users, KG.value).toPython() == 1051000000
    assert g.value(users, KG.value).datatype == XSD.decimal
    assert g.value(users, KG.date) == Literal("2022-06", datatype=XSD.gYearMonth)
    assert g.value(users, KG.subject) == _entity("country/CHN")
    assert g.value(users, PROV.wasDerivedFrom) == _entity("doc/004_fb18030615153122")


def test_named_graph_per_document(sample_nx_graph) -> None:
    ds = R.graph_to_rdf(sample_nx_graph)
    paper = _entity("doc/004_fb18030615153122")
    news = _entity("doc/000_79559e53e2614f5a")
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)} - {"urn:x-rdflib:default"}
    assert graphs == {str(paper), str(news)}
    china, plan = _entity("country/CHN"), _entity("program/网络扶贫行动计划")
    assert (china, KG.issued, plan, paper) in ds
    assert (china, KG.issued, plan, news) not in ds
    default = ds.default_graph
    assert (china, SKOS.prefLabel, Literal("中国", lang="zh")) in default
    assert (china, KG.issued, plan) not in default
    for e in ds.graph(paper).subjects(RDF.type, KG.Evidence):
        assert ds.graph(paper).value(e, PROV.wasDerivedFrom) == paper


def test_every_kg_term_used_is_declared(kg_graph, ontology: Graph) -> None:
    declared = {ONTOLOGY_NS + t for t in _kg_terms(ontology)}
    used = set()
    for _s, p, o, _ in R.iter_statements(kg_graph):
        for term in (p, o):
            if term.startswith(f"<{ONTOLOGY_NS}"):
                used.add(term[1:-1])
            elif term.endswith(f"^^<{ONTOLOGY_NS}ISO3166Alpha3>"):
                used.add(ONTOLOGY_NS + "ISO3166Alpha3")
    assert used and used <= declared, used - declared


def test_literal_encoding() -> None:
    G = nx.MultiDiGraph()
    G.add_node('event/a"b', kind="entity", type="Event", label='引号"\\和\n换行\x00', aliases=[])
    text = "".join(R.iter_ntriples(G))
    g = Graph().parse(data=text, format="nt")
    assert Literal('引号"\\和\n换行\x00', lang="zh") in set(g.objects())
    assert len(list(ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES))) == len(g)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-06", ("2022-06", "gYearMonth")),
        ("2022", ("2022", "gYear")),
        ("2022-07-24", ("2022-07-24", "date")),
        ("2022年6月", ("2022-06", "gYearMonth")),
        ("2022年7月3日", ("2022-07-03", "date")),
        ("2022-07-24T10:00:00+08:00", ("2022-07-24T02:00:00Z", "dateTime")),
        ("Sun, 24 Jul 2022 04:17:24 GMT", ("2022-07-24T04:17:24Z", "dateTime")),
        ("近年来", None),
        ("", None),
    ],
)
def test_date_literal(value, expected) -> None:
    got = terms.date_literal(value)
    if expected is None:
        assert got is None
    else:
        lexical, dt = expected
        assert got == f'"{lexical}"^^<http://www.w3.org/2001/XMLSchema#{dt}>'


def test_numbers_are_exact_decimals() -> None:
    assert terms.number_literal(0.1) == '"0.1"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert terms.number_literal(1e-05) == '"0.00001"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert (
        terms.number_literal(45.5e12)
        == '"45500000000000.0"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    )
    assert terms.number_literal(float("nan")) == '"NaN"^^<http://www.w3.org/2001/XMLSchema#double>'
    assert terms.number_literal(True) is None


def test_base_iri_override(sample_nx_graph) -> None:
    base = "https://example.com/kg/"
    subjects = {s for s, _, _, _ in R.iter_statements(sample_nx_graph, base)}
    assert all(s.startswith(f"<{base}") for s in subjects)


# --------------------------------------------------------------------------- serialisers


def _expected_counts(G) -> tuple[int, int]:
    """(distinct triples of the union, distinct quads) the writers must produce."""
    triples = {(s, p, o) for s, p, o, _ in R.iter_statements(G, named_graphs=False)}
    quads = set(R.iter_statements(G, named_graphs=True))
    return len(triples), len(quads)


def _entities(triples) -> set[str]:
    pref = "http://www.w3.org/2004/02/skos/core#prefLabel"
    return {str(s) for s, p, _ in triples if str(p) == pref}


@pytest.mark.parametrize("suffix", list(RDF_FORMATS))
def test_rdf_round_trip(kg_graph, tmp_path: Path, suffix: str) -> None:
    rdflib_format, named = RDF_FORMATS[suffix]
    path = F.write(kg_graph, tmp_path / f"graph.{suffix}")
    assert path.exists() and path.stat().st_size > 0
    n_triples, n_quads = _expected_counts(kg_graph)
    expected = n_quads if named else n_triples

    ds = Dataset()
    ds.parse(path, format=rdflib_format)
    rdflib_quads = list(ds.quads())
    assert len(rdflib_quads) == expected

    oxi = list(ox.parse(path=str(path)))
    assert len(set(oxi)) == len(oxi) == expected

    want = {entity_iri(k) for k, d in kg_graph.nodes(data=True) if d.get("kind") == "entity"}
    assert _entities((s, p, o) for s, p, o, _ in rdflib_quads) == want
    assert _entities((q.subject.value, q.predicate.value, None) for q in oxi) == want
    assert len({(s, p, o) for s, p, o, _ in rdflib_quads}) == n_triples
    if named:
        graphs = {str(g) for *_, g in rdflib_quads} - {"urn:x-rdflib:default"}
        docs = {
            DEFAULT_BASE + k for k, d in kg_graph.nodes(data=True) if d.get("kind") == "document"
        }
        assert graphs == docs


def test_turtle_uses_prefixes(sample_nx_graph, tmp_path: Path) -> None:
    text = F.write(sample_nx_graph, tmp_path / "g.ttl").read_text(encoding="utf-8")
    for prefix in ("kg", "skos", "rdfs", "owl", "dcterms", "prov", "org", "schema", "xsd", "id"):
        assert f"@prefix {prefix}: " in text
    assert "gov:miit a kg:Ministry" in text


def test_ntriples_streams_without_rdflib(sample_nx_graph, tmp_path: Path, monkeypatch) -> None:
    import rdflib

    def boom(*a, **k):
        raise AssertionError("write_ntriples must not build an rdflib graph")

    monkeypatch.setattr(rdflib.Graph, "__init__", boom)
    monkeypatch.setattr(rdflib.Dataset, "__init__", boom)
    path = R.write_ntriples(sample_nx_graph, tmp_path / "g.nt")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == _expected_counts(sample_nx_graph)[0]


def test_jsonld_has_context(sample_nx_graph, tmp_path: Path) -> None:
    doc = json.loads(F.write(sample_nx_graph, tmp_path / "g.jsonld").read_text("utf-8"))
    ctx = doc["@context"]
    assert ctx["kg"] == ONTOLOGY_NS
    assert ctx["issued"] == {"@id": "kg:issued", "@type": "@id"}
    miit = next(n for n in doc["@graph"] if n.get("@id") == "id:gov/miit")
    assert miit["@type"] == "kg:Ministry"
    assert {"@value": "工信部", "@language": "zh"} in miit["altLabel"]
    named = [n for n in doc["@graph"] if "@graph" in n]
    assert {n["@id"] for n in named} == {
        "id:doc/000_79559e53e2614f5a",
        "id:doc/004_fb18030615153122",
    }
    ctx_path = jsonld.write_jsonld_context(tmp_path / "context.jsonld")
    assert json.loads(ctx_path.read_text("utf-8"))["@context"] == ctx


def test_graphml_round_trip(kg_graph, tmp_path: Path) -> None:
    path = F.write(kg_graph, tmp_path / "g.graphml")
    H = nx.read_graphml(path)
    assert H.number_of_nodes() == kg_graph.number_of_nodes()
    assert H.number_of_edges() == kg_graph.number_of_edges()
    assert set(H.nodes) == {str(n) for n in kg_graph.nodes}
    for n, d in kg_graph.nodes(data=True):
        h = H.nodes[str(n)]
        assert h["label"] == d["label"]
        if d.get("aliases"):
            assert h["aliases"].split(F.LIST_SEP) == list(d["aliases"])
        if d.get("docs"):
            assert json.loads(h["docs"]) == d["docs"]
    for u, v, _k, d in kg_graph.edges(keys=True, data=True):
        if d.get("kind") == "relation":
            (h,) = [e for e in H.get_edge_data(str(u), str(v)).values()
                    if e.get("predicate") == d["predicate"]]  # fmt: skip
            assert json.loads(h["evidence"]) == json.loads(json.dumps(d["evidence"]))


def test_csv(kg_graph, tmp_path: Path) -> None:
    out = F.write_csv(kg_graph, tmp_path / "csv")
    with open(out / "nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(out / "edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert list(nodes[0])[:4] == ["id", "kind", "type", "label"]
    assert list(edges[0])[:3] == ["source", "target", "key"]
    assert len(nodes) == kg_graph.number_of_nodes()
    assert len(edges) == kg_graph.number_of_edges()
    row = next(r for r in nodes if r["id"] == "gov/miit")
    assert "工信部" in row["aliases"].split(F.LIST_SEP)
    rel = next(r for r in edges if r["kind"] == "relation")
    assert int(rel["evidence_count"]) == len(json.loads(rel["evidence"])) >= 1
    if kg_graph.graph.get("observations"):
        with open(out / "observations.csv", encoding="utf-8", newline="") as f:
            assert len(list(csv.DictReader(f))) == len(kg_graph.graph["observations"])


def test_export_rdf_all_formats(sample_nx_graph, tmp_path: Path) -> None:
    written = R.export_rdf(
        sample_nx_graph, tmp_path, ["ttl", "trig", "nt", "nq", "jsonld", "graphml", "csv"]
    )
    names = sorted(p.name for p in written)
    assert names == sorted(
        ["graph.ttl", "graph.trig", "graph.nt", "graph.nq", "graph.jsonld", "graph.graphml",
         tmp_path.name]
    )  # fmt: skip
    assert (tmp_path / "nodes.csv").exists()
    with pytest.raises(ValueError, match="unknown export format"):
        F.write(sample_nx_graph, tmp_path / "g.xyz")


# --------------------------------------------------------------------------- atomicity


class Boom(RuntimeError):
    pass


class _Poisoned(list):
    """An entity's aliases that raise once they have been read."""

    def __iter__(self):
        yield from super().__iter__()
        raise Boom("serialiser failed mid-way")


def _exploding(G):
    """A copy of ``G`` whose last entity with aliases raises when the walk reaches it,
    after the walk has produced statements (mid-serialisation). (The walk makes a block
    whole before it yields its statements: the raising node comes after others.)"""
    G = copy.deepcopy(G)
    last = [n for n, d in G.nodes(data=True) if d.get("kind") == "entity" and d.get("aliases")][-1]
    G.nodes[last]["aliases"] = _Poisoned(G.nodes[last]["aliases"])
    produced = 0
    with pytest.raises(Boom):
        for _ in R.iter_statements(G):
            produced += 1
    assert produced > 0
    return G


@pytest.mark.parametrize("suffix", ["ttl", "trig", "nt", "nq", "jsonld"])
def test_rdf_writes_are_atomic(sample_nx_graph, tmp_path: Path, suffix) -> None:
    target = tmp_path / f"graph.{suffix}"
    target.write_text("previous version\n", encoding="utf-8")
    G = _exploding(sample_nx_graph)
    with pytest.raises(Boom):
        F.write(G, target)
    assert target.read_text(encoding="utf-8") == "previous version\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    fresh = tmp_path / f"new.{suffix}"
    with pytest.raises(Boom):
        F.write(G, fresh)
    assert not fresh.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_graphml_write_is_atomic(sample_nx_graph, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "g.graphml"
    target.write_text("old", encoding="utf-8")

    def half(G, f, **kwargs):
        f.write(b"<?xml version='1.0'?><graphml>")
        raise Boom("half written")

    monkeypatch.setattr(nx, "write_graphml", half)
    with pytest.raises(Boom):
        F.write_graphml(sample_nx_graph, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.graphml"]


def test_csv_write_is_atomic(sample_nx_graph, tmp_path: Path) -> None:
    (tmp_path / "nodes.csv").write_text("old nodes", encoding="utf-8")
    (tmp_path / "edges.csv").write_text("old edges", encoding="utf-8")

    class Unprintable:  # a value CSV cannot write: fails on the last edge's row
        def __str__(self) -> str:
            raise Boom("failed while writing edges")

    G = copy.deepcopy(sample_nx_graph)
    *_, (u, v, key) = G.edges(keys=True)
    G.edges[u, v, key]["note"] = Unprintable()
    with pytest.raises(Boom):
        F.write_csv(G, tmp_path)
    assert (tmp_path / "nodes.csv").read_text(encoding="utf-8") == "old nodes"
    assert (tmp_path / "edges.csv").read_text(encoding="utf-8") == "old edges"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv", "nodes.csv"]


def test_atomic_open_keeps_permissions(tmp_path: Path) -> None:
    from kg.io import atomic_write

    with atomic_write(tmp_path / "x.txt", "w", encoding="utf-8") as f:
        f.write("ok")
    umask = os.umask(0)
    os.umask(umask)
    mode = (tmp_path / "x.txt").stat().st_mode & 0o777
    assert mode == 0o666 & ~umask  # as open() would create it, not mkstemp's 0600
