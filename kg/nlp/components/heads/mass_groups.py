"""Mass organisations in a list before their class noun, for ``kg_patterns``: in
A、B和C等群团组织 (等人民团体) each item that jieba's dictionary holds as a proper name or an
abbreviation (tags ``j``, ``nt``, ``nz``: 共青团, a federation's short form) or the gazetteer
as an organisation names one organisation (GUIDELINES: associations); a common noun there
(工会, 有关部门) names a kind.

>>> norm = "支持某某、共青团和科协等群团组织更好发挥作用"
>>> [norm[a:b] for a, b in listed_spans(norm)]
['共青团', '科协']
"""

from __future__ import annotations

import re

from kg.nlp.components.heads.named_part import organisation_mention
from kg.nlp.text import jieba_tags

# the class nouns, found as words first (a regex from every position costs)
CLASS = re.compile("等(?:群团组织|人民团体)")
# the list right before one: up to nine items of two to fourteen characters
LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,14}(?:、|和|及)){0,8}[\u4e00-\u9fff]{2,14}\Z")
RUN = re.compile(r"[\u4e00-\u9fff、]+\Z")
ITEM_SPLIT = re.compile("、|和|及")
# jieba's tags of a proper name or an abbreviation
NAME_TAGS = frozenset({"j", "nt", "nz"})


def listed_spans(norm: str, known=lambda w: False):
    """The spans of the organisations a list before 等群团组织/等人民团体 names: from the
    last item back to the first that is no tagged word of jieba's nor ``known`` (工会, or
    the words of a list before it: 某某主管部门和|工会、…); a verb may open the first item
    (支持|共青团)."""
    tags = jieba_tags()
    for c in CLASS.finditer(norm):
        lo = max(0, c.start() - 134)
        # the run: the stretch of characters and separators before the noun
        m = RUN.search(norm, lo, c.start())
        if m is None:
            continue
        lm = LIST.search(m.group())
        if lm is None:
            continue
        run, end = lm.group(), c.start()
        items = ITEM_SPLIT.split(run)
        found = []
        for i in range(len(items) - 1, -1, -1):
            item = items[i]
            b = end
            end -= len(item) + 1
            a = b - len(item)
            k = 0
            if i == 0 and not _name(item, tags, known):
                # a verb that governs the list opens it (支持|某某)
                k = next((k for k in range(1, len(item) - 1)
                          if tags.get(item[:k], "x")[0] in "vdp" and _name(item[k:], tags, known)),
                         0)  # fmt: skip
            if "等" in item or not _name(item[k:], tags, known):
                break
            found.append((a + k, b))
        yield from reversed(found)


def _name(w: str, tags, known) -> bool:
    """Whether ``w`` is a proper name or an abbreviation of jieba's, or a known one."""
    return tags.get(w) in NAME_TAGS or known(w)


def mass_groups(st, norm: str, gaz) -> None:
    """Add the organisations listed before 等群团组织/等人民团体 (module docstring)."""
    if "等群团组织" not in norm and "等人民团体" not in norm:
        return

    def known(w: str) -> bool:
        e = gaz.lookup(w)
        return e is not None and e.type == "Organization"

    for a, b in listed_spans(norm, known):
        m = organisation_mention(st, gaz, a, b, "listed")
        if m is not None:
            st.candidates.append(m)
