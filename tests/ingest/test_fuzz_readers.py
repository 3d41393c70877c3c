"""Fuzzing the readers (issue #17): whatever the bytes, a reader gives a Document or a
catalogued InputError, never a traceback.

Hypothesis generates random bytes, text in GBK/UTF-16/UTF-32 with and without BOMs,
truncated HTML, front matter, PDF/DOCX look-alikes and JSONL of any JSON. ``make test``
runs a few thousand examples a test, derandomized (the same inputs on every run, so CI is
not flaky); ``make fuzz`` (``KG_FUZZ=1``) runs many more, with fresh randomness.
"""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KGError
from kg.ingest.clean import clean_text
from kg.ingest.decode import decode_bytes
from kg.ingest.readers import document_from_bytes, iter_jsonl, split_front_matter
from kg.model import Document

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

FUZZ = os.environ.get("KG_FUZZ") == "1"
#: Hypothesis examples per test; most examples hold a batch of inputs, so ``make test``
#: reads more than 10,000 generated inputs in all (``test_zz_inputs_read`` counts them)
N = int(os.environ.get("KG_FUZZ_EXAMPLES", "20000" if FUZZ else "150"))
#: inputs read, by test
READ: dict[str, int] = {}
BATCH = st.integers(1, 12)
settings.register_profile(
    "readers",
    max_examples=N,
    deadline=None,
    derandomize=not FUZZ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
fuzz = settings.get_profile("readers")

#: characters readers meet: ASCII, CJK and its punctuation, full-width forms, controls,
#: zero-width and bidi marks, BOMs, markup and YAML/JSON syntax
ALPHABET = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x7F),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
    st.sampled_from("。，、；：？！“”‘’《》〈〉（）【】…—　\u200b\ufeff\u2028\xa0\r\n\t\x00\x0c"),
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),
    st.characters(codec="utf-8"),
)
TEXT = st.text(ALPHABET, max_size=120)
ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030", "big5", "utf-16", "utf-16-le",
             "utf-16-be", "utf-32", "utf-32-le", "latin-1", "shift_jis")  # fmt: skip
BOMS = (b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
FORMATS = ("txt", "md", "html")


def _count(test: str, n: int = 1) -> None:
    READ[test] = READ.get(test, 0) + n


def _read(data: bytes, fmt: str) -> None:
    """The contract: a Document with text, or a catalogued error."""
    try:
        doc = document_from_bytes(data, f"fuzz.{fmt}", fmt, "fuzz")
    except KGError as e:
        assert e.code.startswith("E") and e.code != "E000", e
        return
    assert isinstance(doc, Document) and doc.text.strip()
    doc.text.encode("utf-8")  # no lone surrogate reaches the hash or the outputs
    json.dumps(doc.meta, ensure_ascii=False, default=str).encode("utf-8")


@st.composite
def encoded_text(draw: st.DrawFn) -> bytes:
    enc = draw(st.sampled_from(ENCODINGS))
    data = draw(TEXT).encode(enc, errors="replace")
    if draw(st.booleans()):
        data = draw(st.sampled_from(BOMS)) + data
    if data and draw(st.booleans()):  # a cut in the middle of a character
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def html_doc(draw: st.DrawFn) -> bytes:
    tags = ("p", "div", "span", "h1", "h2", "table", "tr", "td", "li", "ul", "br", "a",
            "script", "style", "meta", "title", "head", "body", "!--", "![CDATA[",
            "?xml")  # fmt: skip
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        tag = draw(st.sampled_from(tags))
        attrs = draw(st.sampled_from(
            ["", ' class="x"', " name='description' content=\"国务院\"",
             ' href="/a?b=1&amp;c"', " charset=gbk", " =", ' a="']
        ))  # fmt: skip
        parts.append(f"<{tag}{attrs}>{draw(TEXT)}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(["&nbsp;", "&#12288;", "&#x4e2d;", "&bogus;",
                                               "&#99999999;", "&", "<", ">"])))  # fmt: skip
    text = draw(st.sampled_from(["", "<!DOCTYPE html>", "<html>"])) + "".join(parts)
    data = text.encode(draw(st.sampled_from(("utf-8", "gb18030", "utf-16"))), "replace")
    return data[: draw(st.integers(0, len(data)))]


@st.composite
def front_matter(draw: st.DrawFn) -> bytes:
    keys = st.sampled_from(
        ["title", "date", "author", "categories", "url", "id", "发文机关", "text", "extra",
         "- x", "? y", "&a", "*a", "!!python/object"]
    )  # fmt: skip
    values = st.one_of(TEXT.map(json.dumps), TEXT, st.sampled_from(
        ["2024-02-30", "[1, [2", "{a: 1}", "|", ">-", "!!binary x", "0x1F", "~", "2024-01-01T25:00"]
    ))  # fmt: skip
    lines = [f"{draw(keys)}: {draw(values)}" for _ in range(draw(st.integers(0, 6)))]
    close = draw(st.sampled_from(["---\n", "...\n", "", "--- \n"]))
    body = draw(TEXT)
    return ("---\n" + "\n".join(lines) + "\n" + close + body).encode("utf-8", "replace")


@fuzz
@given(st.lists(st.tuples(st.binary(max_size=600), st.sampled_from(FORMATS)), max_size=24))
def test_random_bytes(batch: list[tuple[bytes, str]]) -> None:
    for data, fmt in batch:
        _read(data, fmt)
    _count("bytes", len(batch))


@fuzz
@given(st.lists(st.tuples(encoded_text(), st.sampled_from(FORMATS)), max_size=12))
def test_text_in_any_encoding_with_or_without_bom(batch: list[tuple[bytes, str]]) -> None:
    for data, fmt in batch:
        _read(data, fmt)
    _count("encodings", len(batch))


@fuzz
@given(st.lists(st.tuples(html_doc(), st.sampled_from(("html", "txt", "md"))), max_size=8))
def test_truncated_and_malformed_html(batch: list[tuple[bytes, str]]) -> None:
    for data, fmt in batch:
        _read(data, fmt)
    _count("html", len(batch))


@fuzz
@given(st.lists(st.tuples(front_matter(), st.sampled_from(("md", "txt", "html"))), max_size=8))
def test_front_matter(batch: list[tuple[bytes, str]]) -> None:
    for data, fmt in batch:
        _read(data, fmt)
        try:
            meta, _ = split_front_matter(data.decode("utf-8"))
        except KGError:
            continue
        assert meta is None or isinstance(meta, dict)
    _count("front matter", len(batch))


@fuzz
@given(st.lists(st.tuples(TEXT, st.sampled_from(("txt", "md", "html", "auto"))), max_size=16))
def test_cleaning_any_text(batch: list[tuple[str, str]]) -> None:
    for text, fmt in batch:
        out = clean_text(text, fmt)
        assert isinstance(out, str) and "\n\n\n" not in out
    _count("cleaning", len(batch))


@fuzz
@given(st.lists(st.binary(max_size=400), max_size=24))
def test_decoding_any_bytes(batch: list[bytes]) -> None:
    for data in batch:
        try:
            text = decode_bytes(data, "x.txt")
        except KGError as e:
            assert e.code in ("E002", "E003", "E004"), e
            continue
        assert isinstance(text, str)
    _count("decoding", len(batch))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=8,
)
RECORD = st.fixed_dictionaries(
    {},
    optional={k: JSON for k in ("id", "text", "content", "title", "date", "url", "categories")},
)
LINE = st.one_of(
    RECORD.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    RECORD.map(lambda r: json.dumps(r).encode()),  # \\u escapes, lone surrogates too
    JSON.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=80),
)


@pytest.fixture(scope="module")
def jsonl_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "records.jsonl"


@settings(fuzz, max_examples=max(N // 2, 20))
@given(st.lists(LINE, max_size=16), st.sampled_from([b"\n", b"\r\n"]), st.sampled_from(BOMS[:3]))
def test_jsonl_of_any_json(jsonl_path: Path, lines: list[bytes], nl: bytes, bom: bytes) -> None:
    _count("jsonl lines", len(lines))
    jsonl_path.write_bytes(bom + nl.join(lines))
    for item in iter_jsonl(jsonl_path, text_field=None):
        if isinstance(item, KGError):
            assert item.code != "E000", item
            continue
        assert isinstance(item, Document) and item.text.strip()
        item.text.encode("utf-8")
        item.id.encode("utf-8")
        json.dumps(item.meta, ensure_ascii=False, default=str).encode("utf-8")


def _docx_bytes(text: str) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@settings(fuzz, max_examples=max(N // 2, 100))
@given(st.binary(max_size=400), st.sampled_from(["pdf", "docx"]), st.integers(0, 2))
def test_pdf_and_docx_look_alikes(data: bytes, fmt: str, how: int) -> None:
    _count("pdf/docx")
    if how == 1:  # the right magic, then garbage
        data = (b"%PDF-1.7\n" if fmt == "pdf" else b"PK\x03\x04") + data
    elif how == 2 and fmt == "docx":  # a real zip without the parts a DOCX needs
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("[Content_Types].xml", data)
            z.writestr("word/document.xml", data[::-1])
        data = buf.getvalue()
    _read(data, fmt)


@settings(fuzz, max_examples=max(N // 5, 50))
@given(st.integers(0, 10_000), st.binary(min_size=1, max_size=8))
def test_damaged_docx(at: int, junk: bytes) -> None:
    _count("damaged docx")
    data = bytearray(_DOCX)
    at %= len(data)
    data[at : at + len(junk)] = junk
    _read(bytes(data), "docx")


_DOCX = _docx_bytes("第一条　为了规范行政行为，制定本办法。")


#: Seed documents for mutation: one of each kind a reader meets.
SEEDS: tuple[tuple[bytes, str], ...] = (
    ("<html><head><meta charset='gbk'><title>国务院关于印发方案的通知</title>"
     "<meta name='description' content='通知'></head><body><div class='TRS_Editor'>"
     "<p>　　各省、自治区、直辖市人民政府：</p><table><tr><td>发文机关：</td><td>国务院</td>"
     "</tr></table><p>现将方案印发给你们。&nbsp;&#12288;</p><!-- c --></div></body></html>"
     .encode("gbk"), "html"),
    ("---\ntitle: 关于加强管理的意见\ndate: 2024-01-05\ncategories: [政策, 解读]\n---\n\n"
     "# 一、总体要求\n\n[链接](http://x)坚持**问题导向**。\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n"
     .encode(), "md"),
    ("第一条　为了规范行政行为，制定本法。\r\n\r\n（上接第三版）第二条　本法适用于……\r\n"
     .encode("utf-16"), "txt"),
    (b"\xef\xbb\xbf" + "财政部发布公告。\n\n二、主要任务\n".encode(), "txt"),
    ("中华人民共和国主席令\n\n第十号\n".encode("gb18030") * 4, "txt"),
)  # fmt: skip


def _mutate(rnd: random.Random, data: bytes) -> bytes:
    """A few byte-level changes: flips, cuts, splices of another seed, repeats."""
    b = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        op = rnd.randrange(5)
        at = rnd.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(at, len(b) - 1)] ^= 1 << rnd.randrange(8)
        elif op == 1:
            del b[at : at + rnd.randint(1, 64)]
        elif op == 2:
            b[at:at] = rnd.randbytes(rnd.randint(1, 16))
        elif op == 3:
            other = rnd.choice(SEEDS)[0]
            start = rnd.randrange(len(other))
            b[at:at] = other[start : start + rnd.randint(1, 80)]
        else:
            b[at:at] = bytes(b[at : at + rnd.randint(1, 16)]) * rnd.randint(2, 8)
    return bytes(b)


@fuzz
@given(st.randoms(use_true_random=False))
def test_mutated_seed_documents(rnd: random.Random) -> None:
    for _ in range(40):
        data, fmt = rnd.choice(SEEDS)
        _read(_mutate(rnd, data), rnd.choice((fmt, fmt, "txt", "md", "html")))
    _count("mutated seeds", 40)


def test_zz_inputs_read(request: pytest.FixtureRequest) -> None:
    """Last in the file: more than 10,000 generated inputs were read (when all ran)."""
    if len(READ) < 10:
        pytest.skip(f"only {sorted(READ)} ran")
    assert sum(READ.values()) >= (10_000 if N >= 150 else 0), READ
