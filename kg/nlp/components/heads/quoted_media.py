"""A newspaper or a magazine named by its title in 《》, for ``kg_patterns``: a title that
ends in 报 (《某某日报》, 《某某时报》, 《某某邮报》) is a newspaper, a title followed by
杂志, 周刊, 月刊 or 画报 is a magazine (《某某》杂志): the medium, an organisation
(GUIDELINES: media), named by its title without the marks. Not the titles ending in a
report's 报 (公报, 通报, 简报, 年报: documents) nor a title with digits (a dated report).

>>> norm = "某国《某某时报》称，《某某》杂志刊文。"
>>> [norm[a:b] for a, b in media_spans(norm)]
['某某时报', '某某']
>>> list(media_spans("《某某状况公报》发布；《2031年某某报》"))
[]
"""

from __future__ import annotations

import re

from kg.nlp.components.heads.named_part import organisation_mention

MEDIA = re.compile(
    r"《(?P<paper>[^《》\n\d]{1,14}?报)》"
    r"|《(?P<magazine>[^《》\n\d]{1,14}?)》(?:杂志|周刊|半月刊|月刊|画报)(?!社)"
)
# the 报 of documents and notices, not of newspapers
NOT_PAPER = re.compile(r"(?:公|通|简|情|年|季|月|汇|预|警|举|电|海|捷|喜|申|填|上)报\Z")


def media_spans(norm: str):
    """The spans of the media titles in ``norm`` (inside the marks)."""
    for m in MEDIA.finditer(norm):
        g = "paper" if m.group("paper") else "magazine"
        a, b = m.span(g)
        if g == "paper" and NOT_PAPER.search(norm, a, b):
            continue
        yield a, b


def quoted_media(st, norm: str, gaz) -> None:
    """Add the newspapers and magazines named by their titles (see the module docstring),
    the gazetteer's entry where it holds the title; nothing where a candidate of another
    type has the same span (a law or programme the title names)."""
    if "《" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for a, b in media_spans(norm):
        if any(x.start == a and x.end == b for x in cands[:n]):
            continue  # known already (《人民日报》), or read as another type
        m = organisation_mention(st, gaz, a, b, "media")
        if m is not None:
            cands.append(m)
