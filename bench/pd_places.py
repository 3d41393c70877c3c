"""People's Daily 1998 place spans (``LOC``) against kg's Location + Country spans, on the
even- or odd-numbered sentences (development on one half, checking on the other).

The data set is for research use only: it is read here at run time from
``../shared/eval/external/peoples_daily_dev.bio`` and nothing of it is written anywhere but
the terminal.

    PYTHONPATH=$PWD python bench/pd_places.py --half even [--errors 40] [--classes] [--guidelines]

``--errors N`` prints N sentences' misses and false positives (the half's own); ``--classes``
counts the misses and false positives by their last character (the head word class).
"""

from __future__ import annotations

from pd_half import Tally, arguments, half_data

from kg.eval.external import prf
from kg.spans import entity_spans

PLACE_TYPES = ("Location", "Country")


def score(
    half: str,
    errors: int = 0,
    classes: bool = False,
    shared: str | None = None,
    guidelines: bool = False,
) -> dict:
    """P/R/F1 of the half (``even``, ``odd`` or ``all``). ``guidelines``: a place inside
    one of the data set's organisation (ORG) names is not counted against kg (GUIDELINES.md: "A
    place inside an organisation or project name is optional")."""
    data = half_data(half, shared)
    texts = [t for t, _ in data]
    nested = in_org = 0
    tally = Tally()
    for (text, spans), pred in zip(data, entity_spans(texts, nominal=False), strict=True):
        g = {(s, e) for ty, s, e in spans if ty == "LOC"}
        p = {(x["start"], x["end"]) for x in pred if x["type"] in PLACE_TYPES}
        orgs = [(s, e) for ty, s, e in spans if ty in ("ORG", "PER")]
        nested += sum(1 for a, b in p - g if any(s <= a and b <= e for s, e in orgs))
        in_org += sum(
            1 for a, b in p - g if any(s <= a and b <= e for ty, s, e in spans if ty == "ORG")
        )
        tally.add(text, g, p)
    res = prf(tally.tp, tally.fp - in_org if guidelines else tally.fp, tally.fn)
    # false positives inside a data set's ORG or PER span (中国 of 中国某某学院): kg's
    # guidelines count a place inside an organisation's name as an (optional) mention
    res["fp_inside_org"] = nested
    tally.show(errors, classes, "last char")
    return res


def main() -> None:
    args = arguments(
        __doc__.split("\n", 1)[0],
        "a place inside the data set's ORG span is optional, as GUIDELINES.md has it, "
        "and not counted against kg",
    )
    r = score(args.half, args.errors, args.classes, args.shared, args.guidelines)
    print(
        f"PD LOC ({args.half}): P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
        f"(tp {r['tp']} fp {r['fp']} fn {r['fn']}; fp inside an ORG/PER span {r['fp_inside_org']})"
    )


if __name__ == "__main__":
    main()
