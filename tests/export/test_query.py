"""kg.query.run_query and the ready queries of queries/."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.export import formats as F
from kg.query import QUERIES_DIR, display_width, format_table, run_query

READY = sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))

#: Rows each ready query must return on the sample graph (a subset: more rows are fine),
#: as tuples of the listed columns' values (IRIs shortened like the table shows them).
EXPECTED: dict[str, tuple[tuple[str, ...], set[tuple[str, ...]]]] = {
    "bodies_issued_laws": (
        ("bodyLabel", "lawLabel"),
        {
            ("中国", "中华人民共和国网络安全法"),
            ("国务院反垄断委员会", "国务院反垄断委员会关于平台经济领域的反垄断指南"),
        },
    ),
    "programmes_by_body": (
        ("bodyLabel", "programmeLabel"),
        {("中国", "网络扶贫行动计划"), ("工业和信息化部", "一带一路")},
    ),
    "china_cooperation": (
        ("partnerLabel",),
        # cooperation stated in either direction (中国与…合作, 与阿盟、东盟…开展合作)
        {("联合国教科文组织",), ("阿拉伯国家联盟",), ("东盟",), ("泰国",), ("以色列",)},
    ),
    "mentions": (
        ("entity", "doc"),
        {("gov:miit", "doc:000_79559e53e2614f5a")},
    ),
    "mention_spans": (
        ("entity", "doc"),
        {("gov:miit", "doc:000_79559e53e2614f5a")},
    ),
    "mention_sentences": (
        ("entity", "doc", "start", "end"),
        {("gov:miit", "doc:000_79559e53e2614f5a", "11", "107")},
    ),
    # the sample has no government page: tests/ingest/test_document_meta.py runs it on one
    "document_issuer": (("doc", "issuer"), set()),
    "persons_posts": (
        ("personLabel", "title", "bodyLabel"),
        {("许科敏", "总经济师", "工业和信息化部")},
    ),
    "observations": (
        ("subjectLabel", "indicator", "value", "unit", "date"),
        {
            ("中国", "网民规模", "1051000000", "人", "2022-06"),
            ("中国", "互联网普及率", "74.4", "%", "2022-06"),
        },
    ),
    "evidence": (
        ("subjectLabel", "predicate", "objectLabel", "sentence"),
        {
            (
                "中国",
                "issued",
                "网络扶贫行动计划",
                "中国充分发挥互联网在助推脱贫攻坚中的重要作用，制定《网络扶贫行动计划》，"
                "统筹推进网络扶贫工作。",
            ),
            (
                "许科敏",
                "holdsPost",
                "工业和信息化部",
                "7月23日，工业和信息化部总经济师许科敏在2022世界青年发展论坛——数字经济主题论坛上表示，"
                "数字经济是世界经济的未来，正在成为重组全球要素资源、重塑全球经济结构、改变全球竞争格局的关键力量。",
            ),
        },
    ),
}


@pytest.fixture(scope="module")
def graph_files(kg_graph, tmp_path_factory) -> dict[str, Path]:
    """The graph under test (conftest ``kg_graph``) in every RDF format."""
    out = tmp_path_factory.mktemp("graph")
    return {s: F.write(kg_graph, out / f"graph.{s}") for s in ("ttl", "trig", "nt", "nq", "jsonld")}


def _rows(answer_json: str, columns: tuple[str, ...]) -> set[tuple[str, ...]]:
    data = json.loads(answer_json)
    rows = set()
    for b in data["results"]["bindings"]:
        values = []
        for c in columns:
            term = b.get(c)
            if term is None:
                values.append("")
            elif term["type"] == "uri":
                values.append(_short(term["value"]))
            else:
                values.append(term["value"])
        rows.add(tuple(values))
    return rows


def _short(iri: str) -> str:
    from kg.vocab import prefixes

    best = max(
        ((p, ns) for p, ns in prefixes(folders=True).items() if iri.startswith(ns)),
        key=lambda x: len(x[1]),
    )
    return f"{best[0]}:{iri[len(best[1]) :]}"


def test_all_ready_queries_are_covered() -> None:
    assert set(READY) == set(EXPECTED)


@pytest.mark.parametrize("name", READY)
def test_ready_query_has_a_header_comment(name: str) -> None:
    lines = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and len(lines[0]) > 10
    assert any(line.startswith("# Run: kg query") for line in lines)


@pytest.mark.parametrize("suffix", ["ttl", "trig", "nt", "nq", "jsonld"])
@pytest.mark.parametrize("name", READY)
def test_ready_query_returns_expected_rows(graph_files, name: str, suffix: str) -> None:
    columns, expected = EXPECTED[name]
    answer = run_query(graph_files[suffix], QUERIES_DIR / f"{name}.rq", "json")
    rows = _rows(answer, columns)
    assert expected <= rows, expected - rows


@pytest.mark.parametrize("name", READY)
def test_same_answer_from_turtle_and_trig(graph_files, name: str) -> None:
    a = json.loads(run_query(graph_files["ttl"], name, "json"))
    b = json.loads(run_query(graph_files["trig"], name, "json"))
    key = json.dumps  # bindings as comparable strings
    assert sorted(map(key, a["results"]["bindings"])) == sorted(map(key, b["results"]["bindings"]))


def test_china_cooperation_is_symmetric_and_typed(graph_files) -> None:
    answer = run_query(graph_files["ttl"], "china_cooperation", "json")
    rows = _rows(answer, ("partnerLabel", "partnerType"))
    assert rows >= {
        ("东盟", "kg:Organization"),
        ("阿拉伯国家联盟", "kg:Organization"),
        ("联合国教科文组织", "kg:Organization"),
        ("泰国", "kg:Country"),
        ("以色列", "kg:Country"),
    }
    assert {t for _, t in rows} <= {
        "kg:Organization",
        "kg:Country",
        "kg:Location",
        "kg:GovernmentBody",
        "kg:Ministry",
    }


def test_mentions_finds_an_entity_by_alias(graph_files) -> None:
    text = (QUERIES_DIR / "mentions.rq").read_text(encoding="utf-8")
    by_alias = text.replace('"工业和信息化部"@zh', '"工信部"@zh')
    rows = _rows(run_query(graph_files["ttl"], by_alias, "json"), ("entity", "count"))
    # 工业和信息化部 and 中国工业和信息化部 in the text of 000 (工信部 only in its title)
    assert ("gov:miit", "2") in rows


def test_table_format(graph_files) -> None:
    out = run_query(graph_files["ttl"], "persons_posts")
    lines = out.splitlines()
    assert lines[0].split() == ["person", "personLabel", "title", "body", "bodyLabel"]
    assert set(lines[1]) <= {"-", " "}
    assert "person:许科敏" in lines[2] and "总经济师" in lines[2]
    assert lines[-1] == "(1 row)"
    # columns line up on screen: CJK characters are two columns wide
    column = display_width(lines[0][: lines[0].index("bodyLabel")])
    assert display_width(lines[2][: lines[2].index("工业和信息化部")]) == column


def test_csv_format_has_header(graph_files) -> None:
    out = run_query(graph_files["trig"], "bodies_issued_laws", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["body", "bodyLabel", "bodyType", "law", "lawLabel", "documents"]
    assert ["中国", "中华人民共和国网络安全法"] in [[r[1], r[4]] for r in rows[1:]]
    assert rows[1][0].startswith("http://kg.example.org/id/")


def test_json_format_is_sparql_results(graph_files) -> None:
    data = json.loads(run_query(graph_files["ttl"], "observations", "json"))
    assert data["head"]["vars"][:3] == ["subject", "subjectLabel", "indicator"]
    values = {b["indicator"]["value"]: b["value"] for b in data["results"]["bindings"]}
    assert values["网民规模"]["datatype"] == "http://www.w3.org/2001/XMLSchema#decimal"


def test_prefixes_are_predefined_and_ask_construct_work(graph_files) -> None:
    ttl = graph_files["ttl"]
    assert run_query(ttl, "ASK { gov:miit a kg:Ministry }") == "true\n"
    assert run_query(ttl, "ASK { gov:miit a kg:Law }") == "false\n"
    assert json.loads(run_query(ttl, "ASK { ?s kg:issued ?o }", "json"))["boolean"] is True
    out = run_query(ttl, "CONSTRUCT { ?s kg:issued ?o } WHERE { ?s kg:issued ?o }")
    assert "kg:issued" in out
    two_hop = """
        SELECT ?body (COUNT(?p) AS ?n) WHERE {
          ?person kg:holdsPost ?body . ?body kg:implements ?p .
        } GROUP BY ?body"""
    assert "gov:miit" in run_query(ttl, two_hop)


def test_format_table_and_width() -> None:
    assert display_width("工信部ab") == 8
    out = format_table(["x", "y"], [["中国", "1"], ["a", "22"]])
    assert out.splitlines() == ["x     y", "----  --", "中国  1", "a     22", "(2 rows)"]


# --------------------------------------------------------------------------- errors


def test_missing_graph_is_E010(tmp_path: Path) -> None:
    with pytest.raises(KGError) as e:
        run_query(tmp_path / "nope.ttl", "ASK {}")
    assert e.value.code == "E010" and "nope.ttl" in str(e.value)


def test_bad_graph_is_E030(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(KGError) as e:
        run_query(bad, "ASK {}")
    assert e.value.code == "E030" and "bad.ttl" in str(e.value)
    odd = tmp_path / "graph.xyz"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(KGError) as e:
        run_query(odd, "ASK {}")
    assert e.value.code == "E030"


def test_bad_query_is_E031_naming_the_file(graph_files, tmp_path: Path) -> None:
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT ?x WHERE { ?x kg:issued }\n", encoding="utf-8")
    with pytest.raises(KGError) as e:
        run_query(graph_files["ttl"], rq)
    assert e.value.code == "E031" and "broken.rq" in str(e.value)
    with pytest.raises(KGError) as e:
        run_query(graph_files["ttl"], str(tmp_path / "missing.rq"))
    assert e.value.code == "E031" and "missing.rq" in str(e.value)
    with pytest.raises(KGError) as e:
        run_query(graph_files["ttl"], "no_such_ready_query")
    assert e.value.code == "E031"
    empty = tmp_path / "empty.rq"
    empty.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(KGError) as e:
        run_query(graph_files["ttl"], empty)
    assert e.value.code == "E031"


def test_failing_evaluation_is_E032(graph_files) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(KGError) as e:
        run_query(graph_files["ttl"], query)
    assert e.value.code == "E032"


def test_unknown_result_format(graph_files) -> None:
    with pytest.raises(KGError, match="E033"):
        run_query(graph_files["ttl"], "ASK {}", "xml")
