"""Draw the hand-checked relation sample: ``tests/data/relations_sample.jsonl``.

Runs the pipeline on the government work reports (``../shared/corpus/reports``, field
``content``), lists every extracted relation (one per evidence sentence), and draws a
fixed-seed random sample. Each line holds the subject label, predicate, object label,
the evidence sentence, the document (title and line number in the JSONL) and the
reviewer's ``verdict`` (true/false) with a ``note``. The sample is the 50 relations with
the lowest seeded hash (a fixed-seed random draw that stays put when the extraction
gains or loses a few relations). Verdicts already recorded for the
same (doc, sentence, subject, predicate, object) are kept when the sample is redrawn;
new lines get ``verdict: null`` until someone reads the sentence and fills it in.

    .venv/bin/python bench/sample_relations.py            # write the sample
    .venv/bin/python bench/sample_relations.py --stats    # counts only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "reports" / "government_work_reports.jsonl"
OUT = ROOT / "tests" / "data" / "relations_sample.jsonl"
SEED = 20240611
SIZE = 50


def relation_key(r: dict) -> tuple:
    return (r["line"], r["sentence"], r["subject"], r["predicate"], r["object"])


def rank(r: dict) -> str:
    """A seeded pseudo-random rank per relation: the sample is the SIZE lowest ranks, so a
    relation added to or dropped from the extraction changes at most one sampled line."""
    return hashlib.sha256(f"{SEED}|{relation_key(r)}".encode()).hexdigest()


def extract_all(corpus: Path = CORPUS, lines: set[int] | None = None) -> list[dict]:
    """Every relation the pipeline extracts from the corpus, as sample records (no verdict)."""
    from kg.nlp import get_nlp

    nlp = get_nlp()
    out = []
    with corpus.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if lines is not None and i not in lines:
                continue
            d = json.loads(line)
            st = nlp(d["content"])._.kg
            label = {k: e.label for k, e in st.entities.items()}
            for r in st.relations:
                out.append(
                    {
                        "subject": label.get(r.subj, r.subj),
                        "predicate": r.pred,
                        "object": label.get(r.obj, r.obj),
                        "sentence": r.sentence.strip(),
                        "doc": d.get("title", ""),
                        "line": i,
                        "rule": r.rule,
                        "confidence": r.confidence,
                        "implicit": r.implicit,
                        "modality": r.modality,
                    }
                )
    out.sort(key=lambda r: (r["line"], r["sentence"], r["subject"], r["predicate"], r["object"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args()
    rels = extract_all()
    # one record per (doc, sentence, s, p, o)
    uniq = list({relation_key(r): r for r in rels}.values())
    uniq.sort(key=relation_key)
    print(f"{len(uniq)} relations in {len({r['line'] for r in uniq})} documents", file=sys.stderr)
    if args.stats:
        return
    old = {}
    if OUT.exists():
        for line in OUT.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                old[relation_key(r)] = r
    sample = sorted(uniq, key=rank)[:SIZE]
    sample.sort(key=relation_key)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for r in sample:
            prev = old.get(relation_key(r), {})
            rec = {
                k: r[k]
                for k in ("subject", "predicate", "object", "sentence", "doc", "line", "rule")
            }
            rec["verdict"] = prev.get("verdict")
            rec["note"] = prev.get("note", "")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    todo = sum(1 for r in sample if old.get(relation_key(r), {}).get("verdict") is None)
    print(f"wrote {len(sample)} to {OUT} ({todo} without a verdict)", file=sys.stderr)


if __name__ == "__main__":
    main()
