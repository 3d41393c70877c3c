"""Law mentions on whole news days the rules have never seen (issue #14, round laws22).

``draw`` takes ``--n`` days of ``../shared/news/cctv_xwlb_sample.jsonl`` by ``random.Random(seed)``
among the days that are neither dev2's nor held out (``relation_recall_sample.dev2_days``),
leaving out the days an earlier seed of the same file drew, and writes their ids to
``--labels`` (``OUT/laws_*.jsonl``; the days of the other ``laws_*`` files there are
not drawn again) as ``{"doc": day, "entities": []}``, to be labelled by hand
(GUIDELINES.md) *before* kg runs on them: every Law the day mentions, once a day::

    {"name": ..., "type": "Law", "aliases": [...], "optional"?: true}

News text is CCTV's: OUT is outside the repository (default ``/work/news_labels``), and so
are the labels. ``score`` runs kg on each day and compares its Law entities (every label
and mention text of an entity typed Law) with the labels, as ``kg eval`` does: a label
matching the name or an alias is a hit, a second entity matching the same label a duplicate
(false positive); an entity that matches an optional label counts neither way. ``count``
prints kg's Law entities over every day outside dev2 and the held-out days (``--save`` a
JSON of ``[day, name]`` pairs, ``--diff`` against a saved one: what was added or lost).

    python bench/laws_news_sample.py draw --seed 2222 --labels /work/news_labels/laws_222.jsonl
    python bench/laws_news_sample.py score --labels /work/news_labels/laws_222.jsonl [-v]
    python bench/laws_news_sample.py count [--save a.json] [--diff a.json]

Figures: docs/development-rounds.md, Round laws22.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import relation_recall_sample as rrs  # noqa: E402

OUT = Path("/work/news_labels")


def eligible_days() -> list:
    """The news days (kg ``Document``s) outside dev2 and the held-out days, by id."""
    held = rrs.dev2_days()
    return sorted((d for d in rrs.read_docs(rrs.NEWS) if d.id.split("#")[-1] not in held),
                  key=lambda d: d.id)  # fmt: skip


def draw(seed: int, n: int, path: Path) -> Path:
    if path.exists():
        raise SystemExit(f"{path} exists (it may hold labels): not overwritten")
    taken = {json.loads(x)["doc"] for p in path.parent.glob("laws_*.jsonl") for x in p.open()}
    ids = [d.id.split("#")[-1] for d in eligible_days()]
    days = sorted(random.Random(seed).sample([i for i in ids if i not in taken], n))
    path.write_text("".join(json.dumps({"doc": d, "entities": []}) + "\n" for d in days))
    return path


def law_names(result) -> list[set[str]]:
    """Every Law entity of a kg ``DocResult``: the set of its names (label, aliases,
    mention texts), normalised as the scorer does."""
    names: dict[str, set[str]] = {}
    for k, e in result.entities.items():
        if e.type == "Law":
            names[k] = {rrs.norm(e.label), *map(rrs.norm, e.aliases)}
    for m in result.mentions:
        if m.key in names:
            names[m.key].add(rrs.norm(m.text))
    return list(names.values())


def kg_laws(days: list[str]) -> dict[str, list[set[str]]]:
    from kg.model import Document
    from kg.nlp import extract

    want = set(days)
    return {d.id.split("#")[-1]: law_names(extract(Document(d.id, d.text, d.meta)))
            for d in rrs.read_docs(rrs.NEWS) if d.id.split("#")[-1] in want}  # fmt: skip


def match(labels: list[dict], pred: list[set[str]]) -> tuple[int, int, int, list, list]:
    """(tp, fp, fn, misses, false positives) of one day."""
    gold = [({rrs.norm(g["name"]), *map(rrs.norm, g.get("aliases", []))}, g) for g in labels]
    used: set[int] = set()
    tp = fp = 0
    fps = []
    for p in pred:
        hit = [i for i, (names, _) in enumerate(gold) if names & p]
        if not hit:
            fp += 1
            fps.append(sorted(p))
            continue
        i = hit[0]
        if gold[i][1].get("optional"):
            continue
        if i in used:
            fp += 1
            fps.append(sorted(p))
        else:
            used.add(i)
            tp += 1
    misses = [g["name"] for i, (_, g) in enumerate(gold) if i not in used and not g.get("optional")]
    return tp, fp, len(misses), misses, fps


def score(path: Path, verbose: bool) -> None:
    rows = [json.loads(x) for x in path.open()]
    pred = kg_laws([r["doc"] for r in rows])
    tp = fp = fn = 0
    for r in rows:
        a, b, c, misses, fps = match(r["entities"], pred.get(r["doc"], []))
        tp, fp, fn = tp + a, fp + b, fn + c
        if verbose and (misses or fps):
            print(r["doc"], "miss:", misses, "fp:", fps)
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * rc / (p + rc) if p + rc else 0.0
    print(f"{path.name}: Law P {p:.3f} R {rc:.3f} F1 {f:.3f} (tp {tp} fp {fp} fn {fn})")


def count(save: Path | None, diff: Path | None) -> None:
    days = [d.id.split("#")[-1] for d in eligible_days()]
    pred = kg_laws(days)
    pairs = sorted({(d, min(n, key=lambda s: (-len(s), s))) for d, ps in pred.items() for n in ps})
    print(f"{len(days)} days: {len(pairs)} Law entities (distinct per day)")
    if save:
        save.write_text(json.dumps(pairs, ensure_ascii=False))
    if diff:
        old = {tuple(x) for x in json.loads(diff.read_text())}
        new = set(pairs)
        print(f"added {len(new - old)}, lost {len(old - new)}")
        by = Counter(n[-1] for _, n in new - old)
        print("added by last character:", dict(by.most_common()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("draw", "score"):
        s = sub.add_parser(name)
        s.add_argument("--seed", type=int, default=0)
        s.add_argument("--labels", type=Path, required=True)
        s.add_argument("--n", type=int, default=30)
        s.add_argument("-v", action="store_true")
    c = sub.add_parser("count")
    c.add_argument("--save", type=Path)
    c.add_argument("--diff", type=Path)
    a = ap.parse_args()
    if a.cmd == "draw":
        print(draw(a.seed, a.n, a.labels))
    elif a.cmd == "score":
        score(a.labels, a.v)
    else:
        count(a.save, a.diff)


if __name__ == "__main__":
    main()
