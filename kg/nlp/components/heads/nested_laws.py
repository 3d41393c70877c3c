"""A law named inside the title of the rules that carry it out, for ``kg_patterns``: 某某法
实施条例 / 实施细则 / 实施办法 names the law 某某法 too (GUIDELINES.md: a name nested inside
another counts when it is itself an entity), the gazetteer's law under its own key, with
or without 中华人民共和国. A title quoted inside a title (《关于实施〈某某条例〉的规定》, 《某部实施
〈某某法〉办法》) is a mention too when its head is a law's: its marks delimit it, so a law the
gazetteer does not know is a new one. The inner marks are written 〈〉, ‹> or ＜＞ as well
(the law corpus: 《关于修改‹某某法>的决定》).

>>> [m.group("law") for m in INNER.finditer("外商投资法实施条例；某某法实施细则")]
['外商投资法', '某某法']
>>> [m.group(1) for m in QUOTED_INNER.finditer("《关于实施〈某某条例〉的规定》")]
['某某条例']
>>> [m.group(1) for m in QUOTED_INNER.finditer("《关于修改‹某某管理法>和＜某某条例＞的决定》")]
['某某管理法', '某某条例']
"""

from __future__ import annotations

import re

from kg.model import PRC_NAME, Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

INNER = re.compile(r"(?P<law>[\u4e00-\u9fff]{2,30}?法)(?:实施条例|实施细则|实施办法)")
#: a title inside a title, in the inner book-title marks (〈〉, or ‹> and ＜＞ for them)
QUOTED_INNER = re.compile(r"[〈‹＜<]([^〈〉‹›＜＞<>《》\n]{4,60})[〉>＞›]")
#: the characters that open an inner title
INNER_OPENERS = "〈‹＜<"


def nested_laws(st, gaz) -> None:
    """Add the law a Law candidate's title carries out (某某法|实施条例 → 某某法)."""
    found = []
    for c in st.candidates:
        if c.type in ("Law", "Program") and any(ch in c.text for ch in INNER_OPENERS):
            found += quoted_inner_laws(st, gaz, c)
        if c.type != "Law" or "法实施" not in c.text:
            continue
        m = INNER.search(c.text)
        if m is None:
            continue
        law = m.group("law")
        e = gaz.lookup(law)
        if e is None and not law.startswith(PRC_NAME):
            e = gaz.lookup(PRC_NAME + law)
        if e is not None and e.type == "Law":
            a, b = c.start + m.start("law"), c.start + m.end("law")
            found.append(Mention(a, b, st.text[a:b], e.type, e.id, e.name, "nested"))
    st.candidates.extend(found)


def quoted_inner_laws(st, gaz, c: Mention) -> list[Mention]:
    """The laws quoted in 〈〉 (‹>, ＜＞) inside the title ``c`` (a law's head word ends them)."""
    out = []
    for m in QUOTED_INNER.finditer(c.text):
        name = norm_name(m.group(1))
        head = gaz.head_type(name)
        if head is None or head[1] != "Law":
            continue
        e = gaz.lookup(name)
        key, label = (e.id, e.name) if e is not None and e.type == "Law" else (
            open_key("Law", name), name)  # fmt: skip
        a, b = c.start + m.start(1), c.start + m.end(1)
        out.append(Mention(a, b, st.text[a:b], "Law", key, label, "nested"))
    return out
