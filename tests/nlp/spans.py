"""What the pipeline names of one type in a sentence, for the recogniser tests.

>>> "国家海洋产业投资基金" in names_of("将设立国家海洋产业投资基金。", "Program")
True
>>> names_of("国务院总理李强在北京主持会议。", "Person", "Location")
['李强', '北京']
>>> bodies_of("国务院常务会议通过了条例。")
[('国务院', 'gov/state-council')]
"""

from __future__ import annotations

from kg.spans import entity_spans


def names_of(text: str, *types: str) -> list[str]:
    """The texts of the named (not nominal) spans of one of ``types`` (one at least:
    with none, ``assert not names_of(text)`` could never fail) kg finds in ``text``, in
    text order."""
    if not types:
        raise TypeError("names_of: name one type or more")
    return [s["text"] for s in next(entity_spans([text], nominal=False)) if s["type"] in types]


def bodies_of(text: str) -> list[tuple[str, str]]:
    """``(text, key)`` of the named government bodies and ministries kg finds in
    ``text``: the key is what follows ``/id/`` in the entity's IRI."""
    return [
        (s["text"], (s["iri"] or "").rsplit("/id/", 1)[-1])
        for s in next(entity_spans([text]))
        if s["type"] in ("GovernmentBody", "Ministry") and not s["nominal"]
    ]
