"""People's Daily 1998 organisation spans (``ORG``) against kg's GovernmentBody, Ministry and
Organization spans, on the even- or odd-numbered sentences (development on the even half,
checking on the odd).

The data set is for research use only: it is read here at run time from
``../shared/eval/external/peoples_daily_dev.bio`` and nothing of it is written anywhere but
the terminal.

    PYTHONPATH=$PWD python bench/pd_orgs.py --half even [--errors 40] [--classes] [--guidelines]

``--errors N`` prints N sentences' misses and false positives (the half's own); ``--classes``
counts the misses and false positives by their head (last character, and last two).

``--guidelines`` scores only the gold spans GUIDELINES.md counts as named organisations
(:func:`counted`); a prediction exactly on a gold span left out is neither right nor wrong.
Left out, by class:

- bare and generic organs (:func:`kg.eval.external.is_bare_organ`): an organ word alone or
  after a bare unit character (省委, 市政府, 法院), …部门/机关/机构, 警方, 当局;
- bare units with no proper left part: a generic unit word alone or after a bare unit
  character (分局, 代表团, 市委员会, 公司, 总部…: :data:`GENERIC_HEADS`), or a demonstrative or
  本/我/各 + a word of up to three characters (本报, 我厂, 该公司);
- party congresses and sessions (中共某大, 党的某大, 某届某中全会): named meetings are
  Events in the guidelines, not organisations (:func:`is_congress`).

- a prediction inside a gold span that kg predicts whole is a nested name (某报 of
  某报出版社), counted by GUIDELINES when it is an entity: neither right nor wrong.

Named sports teams (某市某某队, 某国女排) are organisations in the guidelines (Organization: any
other organisation) and stay gold.

Baseline (commit 2a753fa, before the orgs19 rules), P / R / F1 (tp fp fn):

| half | PD's ORG spans | guidelines' spans |
|---|---|---|
| even | 0.726 / 0.349 / 0.472 (175 66 326) | 0.742 / 0.372 / 0.496 (175 61 295) |
| odd | 0.758 / 0.338 / 0.467 (163 52 320) | 0.765 / 0.364 / 0.493 (163 50 285) |

After round orgs19 (sports teams, fleets, 某县|县委, 中国|central body, schools after a place,
left-boundary fixes; developed on the even half, the odd half run once at the end):

| half | PD's ORG spans | guidelines' spans |
|---|---|---|
| even | 0.792 / 0.433 / 0.560 (217 57 284) | 0.807 / 0.462 / 0.587 (217 52 253) |
| odd | 0.808 / 0.445 / 0.574 (215 51 268) | 0.814 / 0.480 / 0.604 (215 49 233) |

Most misses left are names no rule reads: companies and brands named alone (a list would
be needed), a university's two-character short form, a body's unit after a post-like word,
and PD's own conventions (某国某部 inside 某国某部长, which kg reads as a post; 某国政府,
which PD leaves untagged and kg counts as a body: most of the false positives).
"""

from __future__ import annotations

import re

from pd_half import Tally, arguments, half_data

from kg.eval.external import is_bare_organ, prf
from kg.spans import entity_spans

ORG_TYPES = ("GovernmentBody", "Ministry", "Organization")

#: unit words that name no organisation without a proper left part (a lone 分局, 代表团)
GENERIC_HEADS = (
    "分局",
    "代表团",
    "委员会",
    "公司",
    "总公司",
    "集团",
    "总部",
    "工厂",
    "厂",
    "学校",
    "医院",
    "银行",
    "支行",
    "分行",
    "协会",
    "中心",
    "研究所",
    "党委",
    "支部",
    "党支部",
    "总支",
)

_DEICTIC = ("本", "该", "我", "此", "这", "那", "各")
_CONGRESS = re.compile(r"(十[一二三四五六七八九]?|[一二三四五六七八九])(大|届.*全会|次.*大会)$")


def is_congress(name: str) -> bool:
    """Whether an ORG string is a party congress or plenary session (an Event).

    >>> is_congress("中共二十大"), is_congress("党的二十届三中全会"), is_congress("中共中央")
    (True, True, False)
    """
    return bool(_CONGRESS.search(name)) or name.endswith(("全会", "党代会"))


def counted(name: str) -> bool:
    """Whether GUIDELINES.md counts the ORG string as a named organisation (see the module
    doc).

    >>> counted("某某大学"), counted("分局"), counted("该公司"), counted("中共二十大")
    (True, False, False, False)
    """
    if is_bare_organ(name) or is_congress(name):
        return False
    if name.startswith(_DEICTIC) and len(name) <= 4:
        return False
    bare = name[1:] if name[:1] in "省市县区乡镇" else name
    return bare not in GENERIC_HEADS


def score(
    half: str,
    errors: int = 0,
    classes: bool = False,
    shared: str | None = None,
    guidelines: bool = False,
) -> dict:
    """P/R/F1 of the half (``even``, ``odd`` or ``all``)."""
    data = half_data(half, shared)
    texts = [t for t, _ in data]
    inside = 0
    tally = Tally(fn_pairs=True)
    for (text, spans), pred in zip(data, entity_spans(texts, nominal=False), strict=True):
        g = {(s, e) for ty, s, e in spans if ty == "ORG"}
        p = {(x["start"], x["end"]) for x in pred if x["type"] in ORG_TYPES}
        if guidelines:
            dropped = {(s, e) for s, e in g if not counted(text[s:e])}
            g -= dropped
            p -= dropped
            # a name inside a gold name kg finds whole is a nested mention (某报 of
            # 某报出版社): GUIDELINES count it when it is itself an entity
            found = g & p
            p = {
                (a, b)
                for a, b in p
                if (a, b) in g or not any(s <= a and b <= e for s, e in found)
            }
        inside += sum(
            1 for a, b in p - g if any(s <= a and b <= e for ty, s, e in spans if ty == "ORG")
        )
        tally.add(text, g, p)
    res = prf(tally.tp, tally.fp, tally.fn)
    res["fp_inside_org"] = inside
    tally.show(errors, classes, "head", most_fn=60)
    return res


def main() -> None:
    args = arguments(
        __doc__.split("\n", 1)[0],
        "score only the gold spans GUIDELINES.md counts as named organisations",
    )
    r = score(args.half, args.errors, args.classes, args.shared, args.guidelines)
    print(
        f"PD ORG ({args.half}{', guidelines' if args.guidelines else ''}): P {r['precision']:.3f} "
        f"R {r['recall']:.3f} F1 {r['f1']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']}; "
        f"fp inside an ORG span {r['fp_inside_org']})"
    )


if __name__ == "__main__":
    main()
