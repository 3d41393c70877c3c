"""One file → :class:`~kg.model.Document` (or, for JSONL, a stream of them).

Front matter (``---`` YAML ``---``) is read for every text format, the body is sniffed
(HTML whatever the suffix when it looks like HTML), cleaned by :mod:`kg.ingest.clean`,
and the metadata normalised: ``title``, ``date`` (``YYYY-MM-DD`` when parseable),
``author``, ``url``, ``categories`` (list), ``publisher`` (publisher, source or author),
``source`` (the path), ``format`` (txt|md|html|jsonl, from the suffix), ``markup`` (what
the body was: html|md|txt), ``sha1`` (of the raw bytes; of the line for JSONL), ``line``
(JSONL) and ``extra`` (other scalar fields). A document whose text opens with the
metadata table of a government page (发文机关, 发文字号, 成文日期, 发布日期…:
:mod:`kg.ingest.header`) adds ``issuer``, ``number``, ``created`` and ``issued`` (ISO
dates), ``index_number``, its topics to ``categories``, and ``title``/``date`` (the
publication date) when nothing else gave them; without a table, the sign-off under the
last paragraph (国务院办公厅 / 2018年11月20日) gives ``issuer`` and ``created``.

>>> normalize_date("Sun, 24 Jul 2022 04:17:24 GMT")
'2022-07-24'
>>> normalize_date("2022年7月4日"), normalize_date("n.d.")
('2022-07-04', 'n.d.')
"""

from __future__ import annotations

import codecs
import datetime as _dt
import email.utils
import hashlib
import html as _html
import io
import json
import os
import re
from collections.abc import Iterator, Mapping
from os import PathLike
from pathlib import Path
from typing import Any

import yaml

from kg.errors import Errors, InputError
from kg.ingest.clean import clean_with_meta, sniff_markup
from kg.ingest.decode import decode_bytes, decode_line, detect_encoding
from kg.ingest.header import LABELS, read_header, read_signoff
from kg.ingest.names import shown, special_kind
from kg.ingest.office import OFFICE_FORMATS, office_text
from kg.model import Document

#: Supported suffixes (lower case) and the ``format`` they give.
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".pdf": "pdf",  # kg.ingest.office
    ".docx": "docx",
}

#: JSONL fields tried for the text when no ``text_field`` is given.
TEXT_FIELDS: tuple[str, ...] = ("text", "content")

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT = re.compile(r"---[ \t]*\n(?:(.*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_LEADING_BLANK = re.compile(r"[\n\r\t ]*")
_MD_H1 = re.compile(r"\A\s*#(?!#)[ \t]*(.+?)[ \t#]*$", re.M)
_DATE_YMD = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_DATE_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*$")
_MAX_EXTRA_LEN = 500

_TITLE_KEYS = ("title", "name", "headline")
_DATE_KEYS = (
    "date",
    "pubdate",
    "pub_date",
    "publish_date",
    "published",
    "publishdate",
    "created",
    "time",
    "datetime",
)
_AUTHOR_KEYS = ("author", "authors", "byline")
_URL_KEYS = ("url", "link", "permalink", "source_url", "canonical", "href")
_PUBLISHER_KEYS = ("publisher", "source", "author")
_CATEGORY_KEYS = ("categories", "category")
#: Front-matter / JSONL keys of the head-table fields (:data:`kg.model.ISSUE_FIELDS`):
#: the English name or any label of :data:`kg.ingest.header.LABELS`.
_ISSUE_KEYS: dict[str, tuple[str, ...]] = {
    "issuer": ("issuer", *LABELS["issuer"]),
    "number": ("number", "doc_number", "document_number", *LABELS["number"]),
    "index_number": ("index_number", *LABELS["index"]),
    "created": LABELS["created"],
    "issued": ("issued", *LABELS["issued"]),
}
_NOT_EXTRA = frozenset(
    (
        *(k for keys in _ISSUE_KEYS.values() for k in keys),
        *("source", "format", "markup", "sha1", "line", "extra", "id", "text", "content"),
        *_TITLE_KEYS,
        *_DATE_KEYS,
        *_AUTHOR_KEYS,
        *_URL_KEYS,
        *_PUBLISHER_KEYS,
        *_CATEGORY_KEYS,
    )
)


def format_for(path: str | PathLike[str]) -> str | None:
    """``txt``/``md``/``html``/``jsonl`` for a supported suffix, else ``None``.

    >>> format_for("laws/网络安全法.MD"), format_for("a.b/README"), format_for(".md")
    ('md', None, None)
    """
    name = os.path.basename(os.fspath(path))  # not Path(path).suffix: 10× slower
    dot = name.rfind(".")
    return SUFFIX_FORMATS.get(name[dot:].lower()) if dot > 0 else None


def normalize_date(value: Any) -> str | None:
    """ISO ``YYYY-MM-DD`` when ``value`` parses as a date, else the value as a string."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = str(value).strip()
    if not s:
        return None
    m = _DATE_YMD.match(s) or _DATE_COMPACT.match(s)
    if m:
        try:
            return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    if "," in s or " " in s:
        try:
            return email.utils.parsedate_to_datetime(s).date().isoformat()
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    return s


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, bool | dict):
        return None
    if isinstance(value, list | tuple):
        items = [t for v in value if (t := _text(v))]
        return "、".join(items) or None
    if isinstance(value, _dt.date):
        return value.isoformat()
    s = " ".join(str(value).split())
    return s or None


def _categories(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [t for v in value if (t := _text(v))]
    t = _text(value)
    return [t] if t else []


def _unescape(value: Any) -> Any:
    """HTML entities in front-matter strings (``&#123;`` → ``{``), recursively."""
    if isinstance(value, str):
        return _html.unescape(value) if "&" in value else value
    if isinstance(value, list):
        return [_unescape(v) for v in value]
    if isinstance(value, dict):
        return {k: _unescape(v) for k, v in value.items()}
    return value


def _first(d: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        v = d.get(k)
        if v not in (None, "", [], {}):
            return v
    return None


def meta_from_mapping(d: Mapping[str, Any]) -> dict[str, Any]:
    """The normalised metadata of front matter or a JSONL record (keys lower-cased); the
    head-table fields under their English names or their Chinese labels.

    >>> m = meta_from_mapping({"title": "某某通知", "发文机关": "某部", "发布日期": "2001年3月9日"})
    >>> m["issuer"], m["issued"], m["extra"]
    ('某部', '2001-03-09', {})
    """
    low = {str(k).strip().lower(): v for k, v in d.items()}
    cats: list[str] = []
    for k in _CATEGORY_KEYS:
        cats += [c for c in _categories(low.get(k)) if c not in cats]
    extra = {}
    for k, v in d.items():
        key = str(k)
        if key.lower() in _NOT_EXTRA:
            continue
        if isinstance(v, _dt.date):
            v = v.isoformat()
        if isinstance(v, str) and len(v) > _MAX_EXTRA_LEN:
            continue
        if v is None or isinstance(v, str | int | float | bool):
            extra[key] = v
        elif isinstance(v, list) and all(isinstance(x, str | int | float) for x in v):
            extra[key] = list(v)
    return {
        "title": _text(_first(low, _TITLE_KEYS)),
        "date": normalize_date(_first(low, _DATE_KEYS)),
        "author": _text(_first(low, _AUTHOR_KEYS)),
        "url": _text(_first(low, _URL_KEYS)),
        "categories": cats,
        "publisher": _text(_first(low, _PUBLISHER_KEYS)),
        "extra": extra,
        **{
            k: normalize_date(v) if k in ("created", "issued") else _text(v)
            for k, keys in _ISSUE_KEYS.items()
            if (v := _first(low, keys)) is not None
        },
    }


def split_front_matter(text: str, path: str = "<text>") -> tuple[dict[str, Any] | None, str]:
    """``(front matter, body)``; ``(None, text)`` when the text has no front matter.

    The front matter must be the first thing in the file (blank lines before it are
    allowed); invalid YAML, a non-mapping or a missing closing ``---`` raise ``E008``.
    String values have their HTML entities decoded.
    """
    start = _LEADING_BLANK.match(text).end()  # not text.lstrip(): no copy of the text
    if not _FRONT_OPEN.match(text, start):
        return None, text
    m = _FRONT.match(text, start)
    if m is None:
        raise InputError(Errors.E008, path=path, reason="no closing '---' line")
    try:
        data = yaml.load(m.group(1) or "", Loader=_YAML_LOADER)  # a safe loader
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2 + text.count(chr(10), 0, start)})" if mark else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise InputError(Errors.E008, path=path, reason=f"{problem}{where}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as e:  # 0000-00-00, …
        reason = f"{type(e).__name__}: {e}"
        raise InputError(Errors.E008, path=path, reason=reason) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(
            Errors.E008, path=path, reason=f"a {type(data).__name__}, not a mapping of fields"
        )
    return _unescape(data), text[m.end() :]


def _read_bytes(path: Path) -> bytes:
    try:
        if kind := special_kind(os.stat(path).st_mode):  # opening a FIFO waits for ever
            raise InputError(Errors.E001, path=str(path), reason=f"it is {kind}")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(Errors.E010, path=str(path)) from None
    except IsADirectoryError:
        raise InputError(Errors.E001, path=str(path), reason="it is a directory") from None
    except PermissionError:
        raise InputError(Errors.E001, path=str(path), reason="permission denied") from None
    except OSError as e:
        raise InputError(Errors.E001, path=str(path), reason=e.strerror or str(e)) from None


def _base_meta(source: str, fmt: str) -> dict[str, Any]:
    return {
        "source": source,
        "format": fmt,
        "markup": None,
        "title": None,
        "date": None,
        "author": None,
        "url": None,
        "categories": [],
        "publisher": None,
        "sha1": None,
        "extra": {},
    }


def header_meta(text: str) -> dict[str, Any]:
    """The metadata the head table of a government page gives, else the issuer and date
    of its sign-off (``{}`` with neither).

    >>> m = header_meta("发文机关： 某部 成文日期： 2001年3月2日\\n\\n"
    ...                 "发文字号： X发〔2001〕7号 发布日期： 2001年03月09日\\n\\n正文")
    >>> m["issuer"], m["number"], m["created"], m["issued"]
    ('某部', 'X发〔2001〕7号', '2001-03-02', '2001-03-09')
    """
    h = read_header(text)
    if not h:
        sign = read_signoff(text)  # 落款: the issuer and the date under the last paragraph
        if not sign:
            return {}
        return {"issuer": sign["issuer"].value, "created": sign["created"].value}
    out: dict[str, Any] = {}
    for name, key in (("issuer", "issuer"), ("number", "number"), ("index", "index_number")):
        if name in h:
            out[key] = h[name].value
    for name in ("created", "issued"):
        if name in h:
            out[name] = normalize_date(h[name].value)
    if "title" in h:
        out["title"] = h["title"].value
    if "topics" in h:  # 科技、教育\\教育: a path in the site's topic tree
        out["categories"] = [t for t in re.split(r"[\\\\/]", h["topics"].value) if t.strip()]
    if "keywords" in h:
        out["keywords"] = h["keywords"].value
    return out


def _publication_date(meta: dict[str, Any]) -> None:
    """``date`` is the publication date (发布日期) when nothing else gave one."""
    if meta.get("date") is None and meta.get("issued"):
        meta["date"] = meta["issued"]


def _merge(meta: dict[str, Any], found: Mapping[str, Any]) -> None:
    for k, v in found.items():
        if k == "date":
            v = normalize_date(v)
        if v not in (None, "", [], {}) and meta.get(k) in (None, "", [], {}):
            meta[k] = v


#: What an empty document may hold.
_BLANK = " \t\n\r\u3000\ufeff\u200b\xa0"


def document_from_bytes(data: bytes, path: str | PathLike[str], fmt: str, doc_id: str) -> Document:
    """Decode, split front matter, sniff, clean; raises :class:`InputError`."""
    source = shown(path)
    if not data or data.isspace():  # not data.strip(): no copy of the file
        raise InputError(Errors.E003, path=source)
    office = fmt in OFFICE_FORMATS
    text = office_text(data, fmt, source) if office else decode_bytes(data, source)
    if not text or (text[0] in _BLANK and not text.strip(_BLANK)):  # no copy when text[0] is not
        raise InputError(Errors.E003, path=source)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # the text of a PDF/DOCX is plain text: no front matter, no markup
    front, body = (None, text) if office else split_front_matter(text, source)
    markup = "txt" if office else sniff_markup(body, fmt)
    clean, head_meta = clean_with_meta(body, markup)
    meta = _base_meta(source, fmt)
    meta["markup"] = markup
    meta["sha1"] = hashlib.sha1(data).hexdigest()
    if front:
        _merge(meta, meta_from_mapping(front))
    _merge(meta, head_meta)
    _merge(meta, header_meta(clean))
    _publication_date(meta)
    if meta["publisher"] is None:
        meta["publisher"] = meta["author"]
    if meta["title"] is None and markup == "md" and (m := _MD_H1.match(body)):
        title, _ = clean_with_meta(m.group(1), "md")
        meta["title"] = title or None
    if not clean:
        raise InputError(
            Errors.E009, path=source, front_matter_only=front is not None and not body.strip()
        )
    return Document(id=doc_id, text=clean, meta=meta)


def read_document(path: str | PathLike[str], doc_id: str | None = None) -> Document:
    """Read and clean one ``.txt``/``.md``/``.markdown``/``.html``/``.htm`` file.

    ``doc_id`` defaults to the file name without its extension. Raises
    :class:`InputError`: ``E010`` missing, ``E001`` unreadable or a directory, ``E005``
    unsupported suffix, ``E002``/``E003``/``E004`` decoding, ``E008`` front matter,
    ``E009`` nothing left after cleaning. JSONL files hold many documents: use
    :func:`iter_jsonl`.
    """
    p = Path(path)
    fmt = format_for(p)
    if fmt is None:
        if not p.exists() and not p.is_symlink():
            raise InputError(Errors.E010, path=str(path))
        if p.is_dir():
            raise InputError(Errors.E001, path=str(path), reason="it is a directory")
        raise InputError(Errors.E005, path=str(path), suffix=p.suffix)
    if fmt == "jsonl":
        raise ValueError(f"{path}: a JSONL file holds many documents; use iter_jsonl()")
    data = _read_bytes(p)
    return document_from_bytes(data, path, fmt, doc_id if doc_id is not None else p.stem)


# --- JSONL -------------------------------------------------------------------------------


def _jsonl_lines(f: Any, enc: str | None) -> Iterator[tuple[int, str | None, bytes]]:
    """``(line number, decoded text or None, raw bytes)`` for each line, streaming."""
    if enc is None or enc == "utf-8-sig":
        for n, raw in enumerate(f, 1):
            line = raw.rstrip(b"\r\n")
            if n == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            yield n, decode_line(line), line
        return
    wrapper = io.TextIOWrapper(f, encoding=enc, errors="strict", newline=None)
    for n, line in enumerate(wrapper, 1):
        line = line.rstrip("\n").removeprefix("\ufeff") if n == 1 else line.rstrip("\n")
        yield n, line, line.encode("utf-8")


def _record_text(rec: Mapping[str, Any], fields: tuple[str, ...]) -> tuple[str | None, str]:
    """``(text, field)``; ``(None, field)`` when the first field present is not text
    (a number, an object…), ``(None, "")`` when none is present."""
    wrong = ""
    for k in fields:
        v = rec.get(k)
        if isinstance(v, str):
            return v, k
        if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
            return "\n\n".join(v), k
        if k in rec and v is not None and not wrong:
            wrong = k
    return None, wrong


def json_kind(v: Any) -> str:
    """``a number``, ``a list``… (what a JSON value is, for a message)."""
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, int | float):
        return "a number"
    if isinstance(v, list):
        return "a list of non-strings" if v else "an empty list"
    return "an object" if isinstance(v, dict) else f"a {type(v).__name__}"


#: E006's reason for a JSONL line that is not UTF-8.
NOT_UTF8 = "the line is not UTF-8 text"


def json_error(exc: ValueError | RecursionError) -> str:
    """E006's reason for a JSONL line :func:`json.loads` refused.

    >>> try:
    ...     json.loads("{not json")
    ... except ValueError as exc:
    ...     json_error(exc)
    'invalid JSON: Expecting property name enclosed in double quotes (column 2)'
    """
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON: {exc.msg} (column {exc.colno})"
    if isinstance(exc, RecursionError):
        return "invalid JSON: nested too deeply"
    return f"invalid JSON: {exc}"


def not_an_object(value: Any) -> str:
    """E006's reason for a JSONL line holding valid JSON that is not an object.

    >>> not_an_object([1, 2]), not_an_object(None)
    ('a JSON list, not an object', 'a JSON null, not an object')
    """
    if value is None:
        kind = "null"
    elif isinstance(value, bool):
        kind = "boolean"
    elif isinstance(value, int | float):
        kind = "number"
    else:
        kind = "string" if isinstance(value, str) else "list"
    return f"a JSON {kind}, not an object"


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(v: Any) -> Any:
    """Lone surrogates (``"\\ud800"`` in JSON) → U+FFFD, recursively."""
    if isinstance(v, str):
        return _LONE_SURROGATE.sub("\ufffd", v)
    if isinstance(v, list):
        return [no_surrogates(x) for x in v]
    if isinstance(v, dict):
        return {no_surrogates(k): no_surrogates(x) for k, x in v.items()}
    return v


def iter_jsonl(
    path: str | PathLike[str], doc_prefix: str | None = None, text_field: str | None = None
) -> Iterator[Document | InputError]:
    """One :class:`Document` per JSONL line, read line by line (never the whole file).

    The text is ``text_field`` when given, else ``text`` or ``content``; the id is
    ``f"{doc_prefix}#{record id or line number}"``. A bad line yields an
    :class:`InputError` (``E006`` no JSON object, ``E007`` no text field, ``E012`` no text
    after cleaning) and the rest of the file is read.
    """
    p = Path(path)
    source = shown(path)
    prefix = doc_prefix if doc_prefix is not None else shown(p.stem)
    fields = (text_field,) if text_field else TEXT_FIELDS
    try:
        f = p.open("rb")
    except FileNotFoundError:
        yield InputError(Errors.E010, path=source)
        return
    except IsADirectoryError:
        yield InputError(Errors.E001, path=source, reason="it is a directory")
        return
    except OSError as e:
        yield InputError(Errors.E001, path=source, reason=e.strerror or str(e))
        return
    with f:
        try:
            head = f.read(4096)
        except OSError as e:
            yield InputError(Errors.E001, path=source, reason=e.strerror or str(e))
            return
        try:
            enc = detect_encoding(head)
        except ValueError as e:
            yield InputError(Errors.E004, path=source, reason=str(e))
            return
        f.seek(0)
        records = 0
        try:
            for n, text, raw in _jsonl_lines(f, enc):
                if text is None:
                    yield InputError(Errors.E006, path=source, line=n, reason=NOT_UTF8)
                    continue
                if not text.strip():
                    continue
                records += 1
                item = _jsonl_record(text, raw, n, source, prefix, fields)
                yield item
        except UnicodeDecodeError:
            yield InputError(Errors.E002, path=source, encoding=enc)
            return
        except OSError as e:
            yield InputError(Errors.E001, path=source, reason=e.strerror or str(e))
            return
        if records == 0:
            yield InputError(Errors.E003, path=source)


def _jsonl_record(
    text: str, raw: bytes, n: int, source: str, prefix: str, fields: tuple[str, ...]
) -> Document | InputError:
    try:
        rec = json.loads(text)
    except (ValueError, RecursionError) as e:
        return InputError(Errors.E006, path=source, line=n, reason=json_error(e))
    if not isinstance(rec, dict):
        return InputError(Errors.E006, path=source, line=n, reason=not_an_object(rec))
    if "\\ud" in text or "\\uD" in text:  # a surrogate escape: a lone one gives a str no
        rec = no_surrogates(rec)  # codec can write (substring tests: no regex per line)
    body, field = _record_text(rec, fields)
    if body is None and field:
        kind = json_kind(rec[field])
        return InputError(Errors.E150, path=source, line=n, field=field, kind=kind)
    if body is None:
        return InputError(Errors.E007, path=source, line=n, fields=", ".join(fields))
    clean, head_meta = clean_with_meta(body, "auto")
    if not clean:
        return InputError(Errors.E012, path=source, line=n)
    rid = rec.get("id")
    key = str(rid).strip() if isinstance(rid, str | int) and not isinstance(rid, bool) else ""
    meta = _base_meta(source, "jsonl")
    meta["markup"] = sniff_markup(body, "auto")
    meta["line"] = n
    meta["sha1"] = hashlib.sha1(raw).hexdigest()
    _merge(meta, meta_from_mapping({k: v for k, v in rec.items() if k != field}))
    _merge(meta, head_meta)
    _merge(meta, header_meta(clean))
    _publication_date(meta)
    return Document(id=f"{prefix}#{key or n}", text=clean, meta=meta)
