"""dev2 scores by document kind and by split (8 documents to develop on, 4 held out).

    python bench/eval_dev2.py [--json out.json]

Builds the twelve dev2 documents once and prints entity and relation P/R/F1 for: all, each
kind (news, report, State Council page), the development part and the held-out part. The
held-out four were chosen before any rule work of issues #14/#15 and are not read while
writing rules; their figures show whether a change generalises.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.eval.score import PRF

DEV2 = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev2"
HELD_OUT = {
    "cctv_xwlb_20240905.md",
    "cctv_xwlb_20260305.md",
    "heilongjiang_2026_work_report.txt",
    "sc_2018_vocational_education_joint_meeting.html",
}


def kind(doc: str) -> str:
    """news / report / sc, by the file name's convention in dev2."""
    if doc.startswith("cctv_"):
        return "news"
    if doc.startswith("sc_"):
        return "sc"
    return "report"


def _sum(docs: list[dict], key: str) -> PRF:
    total = PRF()
    for d in docs:
        if key == "entities":
            for v in d["entities"].values():
                total.add(PRF(v["tp"], v["fp"], v["fn"]))
        else:
            v = d[key]
            total.add(PRF(v["tp"], v["fp"], v["fn"]))
    return total


def report(docs: list[dict]) -> dict[str, dict[str, float]]:
    groups = {
        "all": docs,
        "news": [d for d in docs if kind(d["doc"]) == "news"],
        "report": [d for d in docs if kind(d["doc"]) == "report"],
        "sc": [d for d in docs if kind(d["doc"]) == "sc"],
        "dev (8)": [d for d in docs if d["doc"] not in HELD_OUT],
        "held-out (4)": [d for d in docs if d["doc"] in HELD_OUT],
    }
    out = {}
    for name, ds in groups.items():
        e, rx, ra = (_sum(ds, k) for k in ("entities", "relations_explicit", "relations_all"))
        out[name] = {"entity_f1": e.f1, "rel_explicit_f1": rx.f1, "rel_all_f1": ra.f1,
                     "entity_p": e.precision, "entity_r": e.recall}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    from kg.eval import evaluate

    rep = evaluate(DEV2 / "gold", DEV2 / "docs").as_dict()
    figs = report(rep["docs"])
    print(f"{'group':14} {'ent P':>6} {'ent R':>6} {'ent F1':>7} {'rel F1':>7} {'+impl':>7}")
    for name, f in figs.items():
        print(f"{name:14} {f['entity_p']:6.3f} {f['entity_r']:6.3f} {f['entity_f1']:7.3f} "
              f"{f['rel_explicit_f1']:7.3f} {f['rel_all_f1']:7.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps(figs, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
