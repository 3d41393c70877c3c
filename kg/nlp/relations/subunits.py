"""partOf from sub-units: a body whose canonical name is another body's plus a sub-unit
head is a component of it (GUIDELINES: partOf, 下设).

The organ rules key a sub-unit by its parent's canonical name: a commission's, leading
group's or joint meeting's 办公室/秘书处, and the special committees of a congress or
CPPCC (keyed under the parent even when a list names them bare: 设立民族委员会、
外事委员会…). A local CPPCC (政协江苏省委员会) is no committee of the national one.
When both the sub-unit and its parent are
entities of the document, partOf(sub-unit, parent) is stated by the sentence where
the sub-unit is first named. An organ's general office (国务院办公厅), a congress's standing
committee and other heads (国务院新闻办公室, a ministry's 司/局) are left out: the gold
does not count an organ's own departments as components the text states.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = "国家禁毒委员会召开会议。国家禁毒委员会办公室设在公安部。"
>>> [(r.subj, r.pred, r.obj) for r in extract(Document("t", text)).relations
...  if r.pred == "partOf"]
[('gov/国家禁毒委员会办公室', 'partOf', 'gov/国家禁毒委员会')]
"""

from __future__ import annotations

from kg.nlp.relations.state import DocState

_BODIES = ("GovernmentBody", "Ministry")
#: the working office of a commission, leading group or joint meeting (as organs.subunits
#: names them); an organ's general office (国务院办公厅) is one of its departments,
#: not a component the text states
_UNIT_HEADS = ("办公室", "秘书处")
_OFFICE_OWNERS = ("委员会", "领导小组", "工作小组", "联席会议")
#: a congress or CPPCC (national or local): the X委员会 it sets up are its own
_CONGRESS = ("人民代表大会", "政治协商会议", "全国委员会")
_MAX_DOMAIN = 12
_PLACE_ENDS = tuple("省市区县州旗盟")


def _sub_head(rest: str, parent: str) -> bool:
    """``rest`` (the sub-unit's name after its parent's) is a sub-unit head of ``parent``."""
    if rest in _UNIT_HEADS:
        return parent.endswith(_OFFICE_OWNERS)
    if not parent.endswith(_CONGRESS) or not rest.endswith("委员会"):
        return False
    dom = rest[:-3]
    # one special committee by its domain (no second body inside); the standing
    # committee is the congress's permanent organ, not a committee it sets up
    return (
        0 < len(dom) <= _MAX_DOMAIN
        and dom not in ("常务", "专门")
        and not dom.endswith(_PLACE_ENDS)  # 政协江苏省委员会: a local CPPCC of its own
        and "委员会" not in dom
        and "会议" not in dom
    )


def subunit_relations(ds: DocState) -> None:
    """partOf(sub-unit, parent) for the document's bodies (see the module docstring)."""
    st = ds.st
    names = {
        e.label: k for k, e in st.entities.items() if e.type in _BODIES and e.label
    }
    if len(names) < 2:
        return
    found = []
    for label, key in names.items():
        # the longest parent name inside it is the one to test
        for cut in range(len(label) - 2, 1, -1):
            parent = names.get(label[:cut])
            if parent is not None:
                if _sub_head(label[cut:], label[:cut]):
                    found.append((key, parent))
                break
    if not found:
        return
    first: dict[str, tuple[int, int]] = {}
    want = {k for k, _ in found}
    for m in st.mentions:
        if m.key in want and m.key not in first:
            first[m.key] = (m.start, m.end)
    for key, parent in found:
        pos = first.get(key)
        if pos is None:
            continue
        s, e = st.sent_of(pos[0])
        if s == e:
            s, e = pos
        ds.add(key, "partOf", parent, s, e, "partOf:subunit", 0.8)
