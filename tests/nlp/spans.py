"""What the pipeline names of one type in a sentence, for the recogniser tests.

>>> "国家海洋产业投资基金" in names_of("将设立国家海洋产业投资基金。", "Program")
True
"""

from __future__ import annotations

from kg.spans import entity_spans


def names_of(text: str, type_: str) -> list[str]:
    """The texts of the named (not nominal) spans of ``type_`` kg finds in ``text``."""
    return [s["text"] for s in next(entity_spans([text], nominal=False)) if s["type"] == type_]
