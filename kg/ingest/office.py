"""PDF and DOCX → plain text, with the well-kept pure-Python readers ``pypdf`` (BSD-3)
and ``python-docx`` (MIT), both dependencies of kg.

The text goes on to the same cleaning as a ``.txt`` file (:func:`kg.ingest.clean.finish`
rejoins lines a page or column break cut). A reader that is not installed gives
``E151`` (the file is named, the build goes on); a file the reader cannot open (damaged,
encrypted, not a PDF/DOCX inside) gives ``E152``; a scanned PDF without a text layer gives
``E009`` later, like any document with no text.

>>> import io, docx
>>> d = docx.Document(); _ = d.add_paragraph("第一条　为了规范行政行为，制定本法。")
>>> buf = io.BytesIO(); d.save(buf)
>>> office_text(buf.getvalue(), "docx", "a.docx")
'第一条\\u3000为了规范行政行为，制定本法。'
"""

from __future__ import annotations

import io
import logging
from typing import Any

from kg.errors import Errors, InputError

#: The formats read here and the module that reads each (``pip install`` name).
OFFICE_FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("pypdf", "pypdf"),
    "docx": ("docx", "python-docx"),
}

#: Largest number of PDF pages read: a bound on time and memory for one file.
MAX_PDF_PAGES = 5000


def _pdf_text(data: bytes) -> str:
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings on every odd object
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            reader.decrypt("")  # many "protected" PDFs open with the empty password
        except Exception as e:
            raise ValueError(f"the PDF is encrypted ({e})") from None
    pages = []
    for i, page in enumerate(reader.pages):
        if i >= MAX_PDF_PAGES:
            break
        pages.append(page.extract_text() or "")
    return "\n".join(pages)


def _cell_text(cell: Any) -> str:
    return " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def _docx_text(data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines = []
    for block in document.iter_inner_content():  # paragraphs and tables in reading order
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append(" ".join(t for c in row.cells if (t := _cell_text(c))))
    return "\n".join(lines)


_READERS = {"pdf": _pdf_text, "docx": _docx_text}


def office_text(data: bytes, fmt: str, path: str) -> str:
    """The text of a PDF or DOCX file's bytes; raises :class:`InputError` (``E151``,
    ``E152``)."""
    module, package = OFFICE_FORMATS[fmt]
    try:
        __import__(module)
    except ImportError as e:
        raise InputError(
            Errors.E151, path=path, suffix="." + fmt, reason=f"pip install {package}: {e}"
        ) from None
    try:
        return _READERS[fmt](data)
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as e:  # any parser failure on a damaged file: that file only
        reason = f"{type(e).__name__}: {e}".strip().splitlines()[0][:300]
        raise InputError(Errors.E152, path=path, kind=fmt.upper(), reason=reason) from None
