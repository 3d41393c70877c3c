"""A company's short name after its full name, for ``kg_patterns``: a text that names a
company in full (某地某某科技有限公司) goes on with a shorter form, the name without its
legal form (某地某某科技), without the place that opens it too (某某科技), or the proper
name alone (某某). Each later occurrence of such a form, as whole words in no other
candidate, is a mention of the same company (rule ``short_org``): aliases of one company
resolve to one node. A form that is a dictionary word (航空集团, 科技) names a class, not
the company, and is left out.

>>> short_forms("某市星河芯光科技有限公司", 2)
['某市星河芯光科技', '星河芯光科技', '星河芯光']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.heads.words import HAN, segmenter_freq

# the legal forms a company's full name ends in, longest first (集团 stays: 某某集团 is
# the usual short form of 某某集团有限公司)
LEGAL = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)\Z")
# the trade a name states after its proper name (某某|科技): the proper name alone is
# the shortest form
TRADE = re.compile(r"(?:信息技术|网络技术|科技|技术|实业|控股|股份)\Z")
MIN_FORM = 3  # a shorter form is as often a word of something else


def short_forms(name: str, place_len: int = 0) -> list[str]:
    """The short forms of a company's full ``name`` (``place_len``: the length of the
    place that opens it, 0 if none), longest first; [] when the name has no legal form."""
    m = LEGAL.search(name)
    if m is None:
        return []
    forms = [name[: m.start()]]
    if place_len:
        forms.append(forms[0][place_len:])
    t = TRADE.search(forms[-1])
    if t is not None:
        forms.append(forms[-1][: t.start()])
    freq = segmenter_freq()
    return [
        f
        for f in dict.fromkeys(forms)
        if len(f) >= MIN_FORM and HAN.fullmatch(f) and not freq.get(f)
    ]


def company_short_forms(st, norm: str, starts, ends) -> None:
    """Add the later occurrences of the short forms of the companies named in full (see
    the module docstring)."""
    if "公司" not in norm:
        return
    cands = st.candidates
    places = {c.start: c.end for c in cands if c.type == "Location"}
    spans = sorted((c.start, c.end) for c in cands)
    found: list[Mention] = []
    seen: set[str] = set()
    for c in list(cands):
        if c.type != "Organization" or not LEGAL.search(c.text) or c.label in seen:
            continue
        seen.add(c.label)
        pe = places.get(c.start, c.start)
        for form in short_forms(norm[c.start : c.end], pe - c.start):
            p = norm.find(form, c.end)
            while p >= 0:
                q = p + len(form)
                if starts[p] and (q == len(norm) or ends[q]) and not _covered(spans, p, q):
                    found.append(Mention(p, q, st.text[p:q], c.type, c.key, c.label, "short_org"))
                    spans.append((p, q))
                p = norm.find(form, q)
    cands.extend(found)


def _covered(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and e > a for s, e in spans)
