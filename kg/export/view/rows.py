"""The view's rows as the page reads them: the data names a document by its stable number
(``docAt``: its index in ``docs``) and a sentence by its number within its document (the
text table holds each document's ``n`` sentences, in stable order); the page
(``static/view.js``) makes them into document and sentence indexes, as these functions do.

>>> data = {"docAt": [1, 0], "mentionDocs": [[1, 2, 0, 1], [0, 3]]}
>>> mention_rows(data)
[[0, 0, 2], [0, 1, 1], [1, 1, 3]]
>>> sentence_rows(data, {"n": [2, 1], "ent": [[1, 0, 0, 1], []]})
[[0, 2, 1, 1], []]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["mention_rows", "sentence_rows"]


def mention_rows(data: Mapping[str, Any]) -> list[list[int]]:
    """``[entity, document, count]`` of every mention count (``mentionDocs``: each
    entity's ``[stable document, count, …]``), by entity, document and count."""
    at = data["docAt"]
    out: list[list[int]] = []
    for ei, flat in enumerate(data["mentionDocs"]):
        out += sorted([ei, at[d], c] for d, c in zip(flat[0::2], flat[1::2], strict=True))
    return out


def sentence_rows(data: Mapping[str, Any], text: Mapping[str, Any]) -> list[list[int]]:
    """Each entity's mention sentences as ``[document, sentence, …]`` indexes of ``docs``
    and of the text table (``text["ent"]``: ``[stable document, sentence in it, …]``)."""
    at, first, k = data["docAt"], [], 0
    for n in text["n"]:
        first.append(k)
        k += n
    out = []
    for flat in text["ent"]:
        row: list[int] = []
        for d, li in zip(flat[0::2], flat[1::2], strict=True):
            row += (at[d], first[d] + li)
        out.append(row)
    return out
