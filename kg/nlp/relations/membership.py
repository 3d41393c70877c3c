"""participatesIn from membership: the member states of an organisation.

- X成员国A、B、C (each may be followed by its leader: X成员国A总统甲、B总理乙) and
  A、B等X成员国 → A, B, C participatesIn X;
- A作为X(的)成员国, A是X(的)成员国 → A participatesIn X (not 成为: 反对A成为X成员国).

Only countries are members here, only organisations have them.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> res = extract(Document("t", "上海合作组织成员国哈萨克斯坦、吉尔吉斯斯坦派员参加。"))
>>> sorted((r.subj, r.pred, r.obj) for r in res.relations)[0]
('country/KAZ', 'participatesIn', 'org/sco')
"""

from __future__ import annotations

import re

from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.lexicon import alt
from kg.nlp.relations.masking import END, MASKED, SEP
from kg.nlp.relations.sentence import Sentence

_C = "\ue012\ue01f*"  # a country
_O = "\ue011\ue01f*"  # an organisation
_P = "\ue013\ue01f*"  # a person


class Membership:
    """The membership family (see the module docstring)."""

    CUE = "成员"

    def __init__(self, g: Grammar, posts: frozenset[str] = frozenset()) -> None:
        self.g = g
        post = f"(?:{alt(posts)})?" if posts else ""
        # a member with its leader: A总统甲 (甲 recognised or not: names end at 、)
        member = (
            f"{_C}(?:{post}(?:{_P}|[^{SEP}{END}、和及{MASKED}]{{1,10}}?(?=[、和及{SEP}{END}])))?"
        )
        self._after = re.compile(
            f"(?P<org>{_O})成员国(?P<run>{member}(?:(?:、|和|及|以及){member})*)"
        )
        self._before = re.compile(
            f"(?P<run>{_C}(?:(?:、|和|及|以及){_C})*)(?:等|等国|等国家)?(?:其他)?"
            f"(?P<org>{_O})(?:的)?(?:其他)?成员国"
        )
        self._as = re.compile(
            f"(?P<run>{_C})(?:{g.adv_alt})*(?:作为|是)(?P<org>{_O})(?:的)?(?:创始|正式)?成员国"
        )

    def __call__(self, sen: Sentence) -> None:
        ms = sen.ms
        if self.CUE not in ms:
            return
        for rx, how in ((self._after, "list"), (self._before, "list"), (self._as, "subject")):
            for m in rx.finditer(ms):
                org = sen.umap.get(m.start("org"))
                if org is None:
                    continue
                for c in sen.units_in(m.start("run"), m.end("run")):
                    if c.type == "Country":
                        sen.ds.add(
                            c.key,
                            "participatesIn",
                            org.key,
                            sen.s,
                            sen.e,
                            f"participatesIn:成员国:{how}",
                            0.75,
                        )
