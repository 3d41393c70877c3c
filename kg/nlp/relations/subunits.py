"""partOf from sub-units: a body whose canonical name is another body's plus a sub-unit
head is a component of it (GUIDELINES: partOf, 下设).

The organ rules key a sub-unit by its parent's canonical name: a commission's, leading
group's or joint meeting's 办公室/秘书处, and the special committees of a congress or
CPPCC (keyed under the parent even when a list names them bare: 设立民族委员会、
外事委员会…). A local CPPCC (政协江苏省委员会) is no committee of the national one.
An organisation's unit named after it, its own name before a unit's head (某科学院|某某
研究所, 某大学|口腔医院, 某组织|某地办事处), is a component of it too, by any form of
its name the document uses (某科学院's short form); an institute, school or hospital only
of an institution (an academy, a university, a state organ: 某组织|研究中心 is a centre
that studies it), a firm's companies never (某集团|某某公司), and a unit's unit
(某大学某医院|某地医院) not of the first name. When both the sub-unit and its parent are
entities of the document, partOf(sub-unit, parent) is stated by the sentence where the
sub-unit is first named. An organ's general office (国务院办公厅), a congress's standing
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
#: the heads of an organisation's offices and branches: any organisation's units
_OFFICE_HEADS = ("代表处", "办事处", "办公室", "秘书处", "分行", "支行", "分社", "分会")
#: the heads of institutes, schools and hospitals: units only of an institution (an
#: academy, a university, a firm, a state organ); after another organisation's name they
#: name a centre that studies it (某组织|研究中心 of a university)
_INSTITUTE_HEADS = ("研究所", "研究院", "研究中心", "研究室", "实验室", "学院", "研究生院",
                    "医院", "分院")  # fmt: skip
_INSTITUTION_ENDS = ("院", "大学", "公司")  # not 集团: 某某国集团, a grouping
#: a word that opens a clause, not a unit's name, right after the parent's name (某党愿以|
#: 某学院, 某组织称|某医院, 某大学共建|某学院)
_CLAUSE_OPENERS = tuple("称愿将共")
_PARENTS = ("Organization", *_BODIES)
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
    found = []
    for label, key in names.items():
        # the longest parent name inside it is the one to test
        for cut in range(len(label) - 2, 1, -1):
            parent = names.get(label[:cut])
            if parent is not None:
                if _sub_head(label[cut:], label[:cut]):
                    found.append((key, parent))
                break
    found += _org_units(st)
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


def _org_units(st) -> list[tuple[str, str]]:
    """(unit, parent) for the organisations named as a known organisation's or organ's
    unit: the parent's form, then two characters or more ending in a unit head."""
    forms: dict[str, dict[str, str]] = {t: {} for t in ("unit", "parent")}
    organ = set()
    for m in st.mentions:
        e = st.entities.get(m.key)
        if e is None:
            continue
        for f in {m.text, e.label}:
            if e.type == "Organization":
                forms["unit"].setdefault(f, m.key)
            if e.type in _PARENTS and len(f) >= 2:
                forms["parent"].setdefault(f, m.key)
                if e.type != "Organization":
                    organ.add(m.key)
    found = []
    for form, key in forms["unit"].items():
        office = form.endswith(_OFFICE_HEADS)
        if not office and not form.endswith(_INSTITUTE_HEADS):
            continue
        for cut in range(len(form) - 3, 1, -1):
            parent = forms["parent"].get(form[:cut])
            if parent is None or parent == key:
                continue
            rest = form[cut:]
            if (
                (office or parent in organ or form[:cut].endswith(_INSTITUTION_ENDS))
                and not rest.startswith(_CLAUSE_OPENERS)
                and "、" not in rest
                and not any(f in rest for f in forms["parent"])  # one unit, not 某院和某大学…
                # a unit's unit (某大学某医院|某地医院): its whole is the unit between
                and not any(h in rest[:-2] for h in (*_OFFICE_HEADS, *_INSTITUTE_HEADS))
                and (key, parent) not in found
            ):
                found.append((key, parent))
            break
    return found
