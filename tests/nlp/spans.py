"""What the pipeline names of one type in a sentence, for the recogniser tests.

>>> "国家海洋产业投资基金" in names_of("将设立国家海洋产业投资基金。", "Program")
True
>>> names_of("国务院总理李强在北京主持会议。", "Person", "Location")
['李强', '北京']
"""

from __future__ import annotations

from kg.spans import entity_spans


def names_of(text: str, *types: str) -> list[str]:
    """The texts of the named (not nominal) spans of one of ``types`` kg finds in
    ``text``, in text order."""
    return [s["text"] for s in next(entity_spans([text], nominal=False)) if s["type"] in types]
