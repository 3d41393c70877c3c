"""Plain values the view reads from the graph's attributes, made safe for the page:
text (stripped, optionally cut), optional text, lists of text, numbers, document ids.

>>> text_value("  甲部 "), optional_text(""), str_list(["a", " ", None]), doc_id("doc/laws/a")
('甲部', None, ['a'], 'laws/a')
"""

from __future__ import annotations

import math
from typing import Any

__all__ = [
    "EXACT_INT",
    "as_list",
    "doc_id",
    "integer",
    "number",
    "optional_text",
    "str_list",
    "text_value",
]

#: Up to this size ``int(float(n)) == n``.
EXACT_INT = 2**53


def text_value(value: Any, limit: int | None = None) -> str:
    """``value`` as stripped text ("" for None), cut to ``limit`` characters with "…"."""
    s = value.strip() if type(value) is str else ("" if value is None else str(value).strip())
    if limit is not None and len(s) > limit:
        s = s[: limit - 1] + "…"
    return s


def optional_text(value: Any) -> str | None:
    """:func:`text_value`, None when empty."""
    if value is None:
        return None
    return text_value(value) or None


def str_list(value: Any) -> list[str]:
    """The non-empty texts of a list (a lone string: itself)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    try:
        return [s for s in map(text_value, value) if s]
    except TypeError:
        return [text_value(value)] if text_value(value) else []


def number(value: Any, default: float | None = None) -> float | None:
    """A finite float, else ``default``."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        return default
    return f if math.isfinite(f) else default


def integer(value: Any) -> int:
    """An int (0 for what is not a number)."""
    if type(value) is int and -EXACT_INT <= value <= EXACT_INT:
        return value
    return int(number(value, 0.0) or 0.0)


def doc_id(value: Any) -> str:
    """A document's id from its node name or id (``doc/`` dropped)."""
    s = value.strip() if type(value) is str else text_value(value)
    return s[4:] if s.startswith("doc/") else s


def as_list(value: Any) -> list[Any]:
    """A list as it is, a tuple as a list, anything else as ``[]``."""
    if isinstance(value, list):
        return value
    return list(value) if isinstance(value, tuple) else []
