"""Persons on news sentences the rules have never seen: foreign leaders and dotted names.

Two seeded draws of sentences of 新闻联播 (``../shared/news/cctv_xwlb_sample.jsonl``, no
dev2 day), the same number from each year, among the sentences that hold a title a
foreign leader takes (总统, 总理, 首相, 议长, 国王, 外长…) or a middle dot between Chinese
characters (``CUE``: a cue for drawing, not a rule of kg). News text is CCTV's: the
sentences and their labels stay outside the repository, in ``OUT/persons_SEED.jsonl`` and
``OUT/persons_SEED.tsv`` (default ``/work/news_labels``)::

    unit<TAB>name

one line per person a sentence names (its fullest form there; GUIDELINES.md: no by-line),
labelled by hand *before* kg is run on them. ``score`` runs kg on each whole document and
prints precision and recall of the distinct Person names kg finds inside each sentence,
with every miss and false positive.

    python bench/persons_sample.py draw --seed 141
    python bench/persons_sample.py score --seed 141

Figures (P/R; tp/fp/fn), main fcf5a53 → branch persons14 (2026-12-06), labels written
before kg was run:

    P1 (seed 141, development)  0.969/0.886 (31/1/4) → 1.000/0.943 (33/0/2)
    P2 (seed 142, blind, scored once at the end)
                                0.903/0.903 (28/3/3) → 0.935/0.935 (29/2/2)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import relation_recall_sample as rrs  # noqa: E402

OUT = Path("/work/news_labels")
#: a sentence is drawn when it holds one of these (a cue, not a rule of kg)
CUE = re.compile(
    r"总统|总理|首相|议长|国王|女王|王储|外长|国务卿|秘书长|[\u4e00-\u9fff]·[\u4e00-\u9fff]"
)
#: sentence ends
_END = re.compile(r"[。！？\n]")
#: the longest sentence drawn (a list of a hundred names is no sentence to label)
CAP = 200


def sentences() -> list[dict]:
    """Every cued sentence of the news file outside dev2's days."""
    days = rrs.dev2_days()
    out = []
    for d in rrs.read_docs(rrs.NEWS):
        if d.id.split("#")[-1] in days:
            continue
        t, s = d.text, 0
        for m in _END.finditer(t + "\n"):
            e = m.end()
            piece = t[s:e]
            if 10 <= len(piece.strip()) <= CAP and CUE.search(piece):
                out.append({"doc": d.id, "start": s, "end": e, "text": piece.strip()})
            s = e
    return out


def draw(seed: int, n: int, out: Path) -> Path:
    rng = random.Random(seed)
    picked = rrs.year_balanced(sentences(), n, rng)
    path = out / f"persons_{seed}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, u in enumerate(picked):
            u["unit"] = f"p{i:02d}"
            fh.write(json.dumps(u, ensure_ascii=False) + "\n")
    return path


def score(seed: int, out: Path) -> None:
    from kg.eval.external import prf
    from kg.spans import entity_spans

    units = [json.loads(x) for x in (out / f"persons_{seed}.jsonl").open(encoding="utf-8")]
    gold = set()
    for line in (out / f"persons_{seed}.tsv").open(encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            unit, name = line.rstrip("\n").split("\t")[:2]
            gold.add((unit, name))
    docs = {d.id: d.text for d in rrs.read_docs(rrs.NEWS)}
    ids = sorted({u["doc"] for u in units})
    spans = dict(zip(ids, entity_spans([docs[i] for i in ids], nominal=False), strict=True))
    pred = set()
    for u in units:
        for s in spans[u["doc"]]:
            if s["type"] == "Person" and u["start"] <= s["start"] and s["end"] <= u["end"]:
                pred.add((u["unit"], "".join(s["text"].split())))
    res = prf(len(gold & pred), len(pred - gold), len(gold - pred))
    print(f"persons_{seed}: " + " ".join(f"{k} {v}" for k, v in res.items()))
    for name, items in (("missed", gold - pred), ("false", pred - gold)):
        for unit, text in sorted(items):
            print(f"  {name}\t{unit}\t{text}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("action", choices=("draw", "score"))
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if args.action == "draw":
        print(draw(args.seed, args.n, args.out))
    else:
        score(args.seed, args.out)


if __name__ == "__main__":
    main()
