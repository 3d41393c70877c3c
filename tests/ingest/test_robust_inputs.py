"""What a user may feed kg by mistake (issue #17): every row gives a catalogued message
and never stops the files beside it."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError, Skipped
from kg.ingest import iter_documents
from kg.model import Document
from kg.runtime.extract import doc_hash

runner = CliRunner()
GOOD = "国务院办公厅印发通知，要求财政部会同有关部门抓好落实。"


def _cli(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def _err(result) -> str:
    try:
        return result.stderr
    except ValueError:  # an older runner that mixes the streams
        return result.output


def _pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` (ASCII) in Helvetica, xref table and all."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _docx(*paragraphs: str) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "牵头单位", "教育部"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# --- file names the OS gives -------------------------------------------------------------


def test_file_names_that_are_not_utf8_are_read_and_reported_on_their_own(
    tmp_path: Path,
) -> None:
    folder = os.fsencode(tmp_path)
    gbk_name = folder + b"/" + "国务院通知".encode("gbk") + b".txt"
    with open(gbk_name, "wb") as f:
        f.write(GOOD.encode("utf-8"))
    with open(folder + b"/bad\xff\xfe.png", "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
    with open(folder + b"/broken\xff.md", "wb") as f:
        f.write(b"")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    docs = [d for d in items if isinstance(d, Document)]
    assert sorted(d.text for d in docs) == [GOOD, GOOD]
    for d in docs:  # ids and sources are text any codec writes; the hash works
        d.id.encode("utf-8")
        d.meta["source"].encode("utf-8")
        doc_hash(d)
    assert any("\\xb9\\xfa" in d.id for d in docs)  # the GBK bytes, written \xNN
    errors = [e for e in items if isinstance(e, InputError)]
    assert sorted(e.code for e in errors) == ["E003", "E005"]
    assert all("\\xff" in str(e) for e in errors)
    str(errors[0]).encode("utf-8")


@pytest.mark.slow  # runs kg build
def test_a_build_with_a_non_utf8_file_name_builds_the_rest(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    with open(os.fsencode(src) + b"/\xb9\xfa\xce\xf1.txt", "wb") as f:
        f.write(GOOD.encode("utf-8"))
    (src / "ok.txt").write_text("教育部发布通知。", encoding="utf-8")
    r = _cli("build", src, "--out", tmp_path / "out", "--workers", "1", "-f", "ttl",
             "-f", "jsonld")  # fmt: skip
    assert r.exit_code == 0, _err(r)
    assert "documents read: 2, failed: 0" in _err(r)
    import pyoxigraph as ox

    ttl = ox.parse(path=str(tmp_path / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert any("%5Cxb9%5Cxfa" in q.subject.value for q in ttl)  # the document's IRI
    again = _cli("build", src, "--out", tmp_path / "out", "--workers", "1", "-f", "ttl")
    assert again.exit_code == 0 and "from cache: 2" in _err(again), _err(again)


# --- PDF, DOCX and files without a reader ------------------------------------------------


def test_pdf_and_docx_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(_pdf("The State Council issued the plan."))
    (tmp_path / "b.docx").write_bytes(_docx("国务院关于加强监管的意见", GOOD))
    pdf, docx_doc = iter_documents([tmp_path])
    assert "The State Council issued the plan." in pdf.text and pdf.meta["format"] == "pdf"
    assert docx_doc.text == f"国务院关于加强监管的意见\n\n{GOOD}\n\n牵头单位 教育部"
    assert docx_doc.meta["format"] == "docx" and docx_doc.meta["markup"] == "txt"


def test_a_damaged_pdf_or_docx_is_an_error_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    (tmp_path / "b.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    (tmp_path / "c.txt").write_text(GOOD, encoding="utf-8")
    a, b, c = iter_documents([tmp_path])
    assert (a.code, b.code) == ("E152", "E152") and "PDF" in str(a) and "DOCX" in str(b)
    assert isinstance(c, Document)


@pytest.mark.slow  # runs kg build
def test_the_summary_counts_skipped_files_by_type_and_names_ten(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        (src / f"scan{i:02d}.tif").write_bytes(b"II*\x00")
    (src / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (src / "ok.txt").write_text(GOOD, encoding="utf-8")
    r = _cli("build", src, "--out", tmp_path / "out", "--workers", "1", "-f", "ttl")
    assert r.exit_code == 0, _err(r)
    err = _err(r)
    assert "documents read: 1, failed: 0" in err
    line = next(x for x in err.splitlines() if x.startswith("skipped files"))
    assert "(13: .tif 12, .doc 1)" in line and "--verbose lists all 13" in line
    assert line.count(str(src)) == 10 and "error:" not in err
    r = _cli("build", src, "--out", tmp_path / "out", "--workers", "1", "-f", "ttl", "-v")
    line = next(x for x in _err(r).splitlines() if x.startswith("skipped files"))
    assert line.count(str(src)) == 13


@pytest.mark.slow  # runs kg build
def test_a_folder_of_only_unreadable_files_says_why(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.wps").write_bytes(b"\xd0\xcf\x11\xe0")
    (src / "b.pdf").write_bytes(b"%PDF-1.7 damaged")
    r = _cli("build", src, "--out", tmp_path / "out", "--workers", "1")
    assert r.exit_code == 1
    err = _err(r)
    assert "[E020] no document could be read" in err
    assert "1 failed (E152 1" in err and "(1: .wps 1)" in err and "a.wps" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _cli("build", empty, "--out", tmp_path / "out", "--workers", "1")
    assert r.exit_code == 1 and "no file with a suffix kg reads" in _err(r)


def test_skipped_files_are_skipped_not_failed_in_iter_documents(tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "Makefile").write_text("all:", encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    assert all(isinstance(e, Skipped) for e in items)
    assert sorted(e.suffix for e in items) == ["(no suffix)", ".xlsx"]


# --- JSONL field types -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind"),
    [("42", "a number"), ("3.5", "a number"), ("[1, 2]", "a list of non-strings"),
     ('{"a": "b"}', "an object"), ("true", "a boolean"), ("[]", "an empty list")],
)  # fmt: skip
def test_jsonl_text_of_the_wrong_type_says_the_field_is_not_text(
    tmp_path: Path, value: str, kind: str
) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(f'{{"id": 1, "text": {value}}}\n{{"id": 2, "text": "{GOOD}"}}\n')
    err, doc = iter_documents([path])
    assert err.code == "E150" and "'text'" in str(err) and f"is {kind}, not text" in str(err)
    assert "line 1" in str(err) and doc.text == GOOD


def test_jsonl_lone_surrogates_do_not_reach_the_hash(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"text": "国务院\\ud800通知", "title": "\\udfff"}\n', encoding="utf-8")
    (doc,) = iter_documents([path])
    assert doc.text == "国务院\ufffd通知" and doc.meta["title"] == "\ufffd"
    doc_hash(doc)


# --- command line ------------------------------------------------------------------------


def test_kg_eval_without_a_gold_folder_fails_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent"
    r = _cli("eval", "--gold", missing)
    assert r.exit_code != 0
    assert "[E160]" in _err(r) and str(missing) in _err(r)
    (tmp_path / "empty").mkdir()
    r = _cli("eval", "--gold", tmp_path / "empty")
    assert r.exit_code != 0 and "[E161]" in _err(r) and "empty" in _err(r)


@pytest.mark.parametrize("n", ["-1", "-8"])
def test_negative_workers_are_refused(tmp_path: Path, n: str) -> None:
    r = _cli("build", "--out", tmp_path / "out", "--workers", n)
    assert r.exit_code == 1 and "[E170]" in _err(r) and n in _err(r)
    assert not (tmp_path / "out").exists()


def test_kg_extract_reports_bad_lines_and_extracts_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": 1, "text": 42}\n'
        + '{"id": 2, "text": "\\ud800国务院印发通知"}\n'.encode()
        + b"\xff\xfe\x00\n"
        + '{"id": 3, "text": "财政部发布公告"}\n'.encode()
    )
    out = tmp_path / "out.jsonl"
    r = _cli("extract", path, "--out", out)
    assert r.exit_code == 0, _err(r)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert "the field 'text' is a number, not text" in rows[0]["error"]
    assert [e["text"] for e in rows[1]["entities"]] == ["国务院"]
    assert "not UTF-8" in rows[2]["error"]
    assert [e["text"] for e in rows[3]["entities"]] == ["财政部"]
