"""Document metadata from a government page's head table, through graph, RDF and queries.

The page is written for the tests (a fictional notice in the layout of gov.cn's policy
library: a table of labelled cells above the text).
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.export import rdf as R
from kg.export.fast import write_fast
from kg.graph import build_graph
from kg.ingest.header import read_header
from kg.ingest.readers import read_document
from kg.nlp import extract
from kg.query import QUERIES_DIR, run_query
from kg.resolve import resolve
from kg.resolve.merge import parse_spans

TITLE = "国务院办公厅关于做好某某示范项目管理工作的通知"
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><table><tbody>
<tr><td><b>索 引 号：</b></td><td>0001/2031-0042</td>
    <td><b>主题分类：</b></td><td>科技、教育\\教育</td></tr>
<tr><td><b>发文机关：</b></td><td>国务院办公厅</td>
    <td><b>成文日期：</b></td><td>2031年02月03日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">{TITLE}</td></tr>
<tr><td><b>发文字号：</b></td><td>国办发〔2031〕9号</td>
    <td><b>发布日期：</b></td><td>2031年02月10日</td></tr>
<tr><td><b>主 题 词：</b></td><td></td></tr>
</tbody></table>
<div><p>国务院办公厅关于做好</p><p>某某示范项目管理工作的通知</p><p>国办发〔2031〕9号</p>
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p>为做好某某示范项目管理工作，财政部、商务部要加强协调。</p></div>
</body></html>"""


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("gov") / "notice.html"
    p.write_text(PAGE, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def res(page: Path):
    return resolve([extract(read_document(page))])


def test_the_reader_takes_the_head_table_into_the_metadata(page: Path) -> None:
    m = read_document(page).meta
    assert m["issuer"] == "国务院办公厅"
    assert m["number"] == "国办发〔2031〕9号"
    assert m["index_number"] == "0001/2031-0042"
    assert (m["created"], m["issued"], m["date"]) == ("2031-02-03", "2031-02-10", "2031-02-10")
    assert m["categories"] == ["科技、教育", "教育"]
    assert m["title"] == TITLE
    assert "keywords" not in m  # an empty cell gives nothing


@pytest.mark.parametrize(
    "text",
    [
        "财政部发布通知。\n\n标题：某某工作要点",  # a label in prose, one label only
        "会议纪要\n\n" + "正文。" * 400 + "\n\n发文机关： 某部 成文日期： 2031年1月1日",  # too deep
    ],
)
def test_no_table_no_fields(text: str) -> None:
    assert read_header(text) == {}


def test_the_resolution_links_the_document_to_its_issuer_and_instrument(res) -> None:
    meta = res.documents["notice"]
    assert meta["issued_by"] == ["gov/gov-office"]
    assert meta["instruments"] == [f"program/{TITLE}"]
    G = build_graph(res)
    d = G.nodes["doc/notice"]
    assert (d["issuer"], d["number"], d["created"], d["issued"]) == (
        "国务院办公厅",
        "国办发〔2031〕9号",
        "2031-02-03",
        "2031-02-10",
    )
    assert d["issued_by"] == ["gov/gov-office"]


def test_every_mention_is_in_the_graph_with_its_sentence(page: Path, res) -> None:
    text = read_document(page).text
    G = build_graph(res)
    node = G.nodes["gov/mof"]
    spans = parse_spans(node["spans"]["notice"])
    assert len(spans) == node["docs"]["notice"] >= 1
    for start, end, s0, s1 in spans:
        assert text[start:end] == "财政部" and s0 <= start < end <= s1
        assert text[s0:s1].endswith("。")


def _triples(statements) -> set[tuple[str, str, str]]:
    text = "".join(f"{s} {p} {o} .\n" for s, p, o, *_ in statements)
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES)
    }


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_both_generators_write_the_same_document_triples(res, tmp_path: Path, fmt: str) -> None:
    reference = _triples(R.iter_statements(build_graph(res), named_graphs=False))
    path = write_fast(res, tmp_path / f"g.{fmt}", fmt)
    kind = ox.RdfFormat.TURTLE if fmt == "ttl" else ox.RdfFormat.N_TRIPLES
    fast = {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(path=str(path), format=kind)
    }
    assert fast == reference
    preds = {p for _, p, _ in reference}
    for local in ("issuedBy", "instrument", "documentNumber", "issuerName", "spans"):
        assert f"<http://kg.example.org/ontology#{local}>" in preds
    assert "<http://purl.org/dc/terms/issued>" in preds


def test_the_graph_conforms_to_the_shapes(res, tmp_path: Path) -> None:
    from kg.validate import validate

    path = R.write_turtle(build_graph(res), tmp_path / "g.ttl")
    conforms, report = validate(path)
    assert conforms, report


def test_who_issued_this_document_and_when(res, tmp_path: Path) -> None:
    path = R.write_turtle(build_graph(res), tmp_path / "g.ttl")
    rows = json.loads(run_query(path, QUERIES_DIR / "document_issuer.rq", "json"))
    got = [{k: v["value"] for k, v in b.items()} for b in rows["results"]["bindings"]]
    assert len(got) == 1
    row = got[0]
    assert row["issuerLabel"] == "国务院办公厅" and row["number"] == "国办发〔2031〕9号"
    assert (row["created"], row["issued"]) == ("2031-02-03", "2031-02-10")
    assert row["instrumentLabel"] == TITLE


def test_an_entitys_mentions_per_document(res, tmp_path: Path) -> None:
    path = R.write_turtle(build_graph(res), tmp_path / "g.ttl")
    query = (QUERIES_DIR / "mention_spans.rq").read_text(encoding="utf-8")
    query = query.replace('"工业和信息化部"@zh', '"财政部"@zh')
    rows = json.loads(run_query(path, query, "json"))["results"]["bindings"]
    assert [(r["count"]["value"], len(r["spans"]["value"].split())) for r in rows] == [("1", 1)]


def test_without_a_table_the_sign_off_gives_issuer_and_date(tmp_path: Path) -> None:
    p = tmp_path / "reply.txt"
    p.write_text(
        "关于某某事项的复函\n\n某某省人民政府：\n\n你省来函收悉。现函复如下。\n\n"
        "财政部\n\n二〇三一年十月五日\n\n（此件公开发布）",
        encoding="utf-8",
    )
    m = read_document(p).meta
    assert (m["issuer"], m["created"]) == ("财政部", "2031-10-05")
    assert "number" not in m and m["date"] is None  # a signing date is no publication date


@pytest.mark.parametrize(
    "tail",
    [
        "会议指出，要抓好落实。\n\n2031年10月5日",  # a sentence above the date signs nothing
        "财政部\n\n2031年13月5日",  # no such date
        "财政部\n\n某某事项说明",  # no date
    ],
)
def test_no_sign_off(tail: str) -> None:
    from kg.ingest.header import read_signoff

    assert read_signoff("正文。\n\n" + tail) == {}


def test_front_matter_fields_land_in_the_same_metadata(tmp_path: Path) -> None:
    p = tmp_path / "notice.md"
    p.write_text(
        "---\ntitle: 关于某某工作的通知\n发文机关: 财政部\n发文字号: 财办〔2031〕2号\n"
        "发布日期: 2031-04-01\n---\n\n正文。",
        encoding="utf-8",
    )
    m = read_document(p).meta
    assert (m["issuer"], m["number"], m["issued"], m["date"]) == (
        "财政部",
        "财办〔2031〕2号",
        "2031-04-01",
        "2031-04-01",
    )
    assert m["extra"] == {}
