"""implements on text the rules have never seen: sentences of the national government work
reports with an implementing verb followed, in its clause, by a programme kg finds.

``draw`` runs kg's recognisers on every national work report
(``../shared/corpus/reports/government_work_reports.jsonl``, public domain), keeps the
sentences where a verb of the implements triggers (``relation_triggers.tsv``) is followed
within its clause (no ，；：。 in between) by a Program or Law mention, and writes a seeded
draw of ``N`` of them to ``bench/implements_sample_SEED.jsonl``. They are labelled by hand
in ``bench/implements_labels.tsv`` *before* ``score`` is run (GUIDELINES.md: a work report's
"we" is the State Council, implicit), one relation a line::

    seed<TAB>unit<TAB>subject<TAB>implements<TAB>object[<TAB>opt|imp]

``score`` runs kg on each whole report, keeps the implements relations whose evidence
sentence is a drawn one, and prints recall and precision with every miss and false
positive (matching as in ``relation_recall_sample.py``).

    python bench/implements_sample.py draw --seed 1
    python bench/implements_sample.py score --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from held_out import held_out_ids  # noqa: E402
from relation_recall_sample import REPORTS, match_relation, norm, read_docs  # noqa: E402

N = 30
LABELS = ROOT / "bench" / "implements_labels.tsv"


def _verbs() -> list[str]:
    from kg.nlp.relations.lexicon import load_lexicon

    lex = load_lexicon()
    return sorted(
        (w for w, rows in lex.triggers.items() if any(r.pred == "implements" for r in rows)),
        key=len,
        reverse=True,
    )


def candidates() -> list[dict]:
    """Every sentence of the reports with an implementing verb before a Program/Law
    mention in the same clause; none of the held-out reports (``held_out.py``)."""
    from kg.model import Document
    from kg.nlp import extract

    verb = re.compile("|".join(map(re.escape, _verbs())))
    out = []
    docs = read_docs(REPORTS)
    held = held_out_ids(docs)
    for d in docs:
        if d.id in held:
            continue
        r = extract(Document(d.id, d.text, d.meta))
        progs = [m for m in r.mentions if m.type in ("Program", "Law")]
        for m in progs:
            s = max(d.text.rfind(c, 0, m.start) for c in "。！？\n") + 1
            clause = max(d.text.rfind(c, s, m.start) for c in "，；：,;:")
            cs = max(s, clause + 1)
            if verb.search(d.text, cs, m.start) is None:
                continue
            e = min((x for x in (d.text.find(c, m.end) for c in "。！？\n") if x >= 0),
                    default=len(d.text))  # fmt: skip
            out.append({"doc": d.id, "start": s, "end": e + 1})
    uniq = {(u["doc"], u["start"]): u for u in out}
    return sorted(uniq.values(), key=lambda u: (u["doc"], u["start"]))


def draw(seed: int) -> Path:
    units = random.Random(seed).sample(candidates(), N)
    texts = {d.id: d.text for d in read_docs(REPORTS)}
    path = ROOT / "bench" / f"implements_sample_{seed}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, u in enumerate(units):
            u["unit"] = f"i{i:02d}"
            u["text"] = texts[u["doc"]][u["start"] : u["end"]]
            fh.write(json.dumps(u, ensure_ascii=False) + "\n")
    return path


def read_labels(seed: int) -> list[tuple[str, frozenset, str, frozenset, str]]:
    rows = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        c = line.split("\t")
        if not line.strip() or line.startswith("#") or c[0] != str(seed):
            continue
        flag = c[5].strip() if len(c) > 5 else ""
        rows.append((c[1], frozenset(norm(x) for x in c[2].split("|")), c[3].strip(),
                     frozenset(norm(x) for x in c[4].split("|")), flag))  # fmt: skip
    return rows


def predict(units: list[dict]) -> dict[str, list[tuple[frozenset, str, frozenset, str]]]:
    """kg's implements relations per unit: (subject names, predicate, object names, rule)."""
    from kg.model import Document
    from kg.nlp import extract

    docs = {d.id: d for d in read_docs(REPORTS)}
    out: dict[str, list] = {}
    for did in sorted({u["doc"] for u in units}):
        d = docs[did]
        r = extract(Document(d.id, d.text, d.meta))
        names: dict[str, set[str]] = {}
        for m in r.mentions:
            names.setdefault(m.key, set()).add(norm(m.text))
        for k, e in r.entities.items():
            names.setdefault(k, set()).add(norm(e.label))
        for rel in r.relations:
            if rel.pred != "implements":
                continue
            for u in units:
                if u["doc"] == did and u["start"] <= rel.sent_start < u["end"]:
                    subj = frozenset(names.get(rel.subj, {rel.subj}))
                    obj = frozenset(names.get(rel.obj, {rel.obj}))
                    out.setdefault(u["unit"], []).append((subj, rel.pred, obj, rel.rule))
    return out


def score(seed: int) -> None:
    path = ROOT / "bench" / f"implements_sample_{seed}.jsonl"
    units = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    held = held_out_ids(read_docs(REPORTS))
    units = [u for u in units if u["doc"] not in held]
    labels = read_labels(seed)
    pred = predict(units)
    tp = fp = fn = 0
    lines = []
    for u in units:
        gold = [g for g in labels if g[0] == u["unit"]]
        ps = list(dict.fromkeys(pred.get(u["unit"], [])))
        for p in ps:
            if not any(match_relation(g, p) for g in gold):
                fp += 1
                lines.append(f"  {u['unit']} FP {'|'.join(sorted(p[0]))} -> "
                             f"{'|'.join(sorted(p[2]))}  [{p[3]}]")  # fmt: skip
        for g in gold:
            if g[4] == "opt":
                continue
            if any(match_relation(g, p) for p in ps):
                tp += 1
            else:
                fn += 1
                lines.append(f"  {u['unit']} MISS {'|'.join(sorted(g[1]))} -> "
                             f"{'|'.join(sorted(g[3]))}")  # fmt: skip
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"implements sample seed {seed}: {len(units)} sentences, {len(labels)} labels")
    print(f"  P {p:.3f}  R {r:.3f}  (tp {tp} fp {fp} fn {fn})")
    print("\n".join(lines))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("cmd", choices=("draw", "score", "show"))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.cmd == "draw":
        print(draw(a.seed))
    elif a.cmd == "show":
        path = ROOT / "bench" / f"implements_sample_{a.seed}.jsonl"
        for x in path.read_text(encoding="utf-8").splitlines():
            u = json.loads(x)
            print(f"=== {u['unit']} {u['doc']}\n{u['text']}\n")
    else:
        score(a.seed)


if __name__ == "__main__":
    main()
