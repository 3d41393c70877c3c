"""Draw the hand-checked samples: 60 entities and 60 relations from documents outside dev2.

The documents are the national government work reports and CPC congress reports of
``../shared/corpus/reports`` (official documents; none of them is in ``eval/dev2``), read
as ``kg build`` reads them. The pipeline runs on each; every entity mention (one per
document, text and type) and every relation (one per document, sentence, subject,
predicate, object) is listed; a fixed-seed random draw takes the SIZE lowest seeded
hashes (a draw that stays put when the extraction gains or loses a few items). Each
record carries its sentence, document and the reviewer's ``verdict`` (true/false) and
``note``; verdicts already recorded for the same key are kept when the sample is drawn
again, new records get ``verdict: null`` until someone reads the sentence.

    .venv/bin/python bench/hand_sample.py                 # (re)draw both samples
    .venv/bin/python bench/hand_sample.py --stats         # counts and current precision
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from held_out import held_out_report  # noqa: E402

REPORTS = ROOT.parent / "shared" / "corpus" / "reports"
FILES = ("government_work_reports.jsonl", "cpc_congress_reports.jsonl")
OUT = {"entities": ROOT / "bench" / "entity_sample.jsonl",
       "relations": ROOT / "bench" / "relation_sample.jsonl"}  # fmt: skip
SEED = 20261205
SIZE = 60
KEYS = {
    "entities": ("file", "line", "text", "type"),
    "relations": ("file", "line", "sentence", "subject", "predicate", "object"),
}


def key(kind: str, r: dict) -> tuple:
    return tuple(r[k] for k in KEYS[kind])


def rank(kind: str, r: dict) -> str:
    return hashlib.sha256(f"{SEED}|{kind}|{key(kind, r)}".encode()).hexdigest()


def _sentence(sents: list[tuple[int, int]], text: str, start: int) -> str:
    for s, e in sents:
        if s <= start < e:
            return text[s:e].strip()
    return ""


def documents(reports: Path = REPORTS) -> Iterator[tuple[str, int, Any]]:
    """The reports as kg reads them (readers and cleaning: no page chrome), with their file
    name and 0-based line; not the held-out ones (``held_out.py``)."""
    from kg.ingest import iter_documents
    from kg.model import Document

    for name in FILES:
        for d in iter_documents([reports / name]):
            if isinstance(d, Document) and not held_out_report(d.meta.get("title")):
                yield name, d.meta["line"] - 1, d


def extract_all(reports: Path = REPORTS) -> dict[str, list[dict]]:
    """Every entity mention and relation the pipeline finds in the reports."""
    from kg.nlp import get_nlp

    nlp = get_nlp()
    out: dict[str, dict[tuple, dict]] = {"entities": {}, "relations": {}}
    for name, i, d in documents(reports):
        text = d.text
        st = nlp(text)._.kg
        label = {k: e.label for k, e in st.entities.items()}
        where = {"file": name, "line": i, "doc": d.meta.get("title") or ""}
        for m in st.mentions:
            r = {**where, "text": m.text, "type": m.type, "key": m.key,
                 "sentence": _sentence(st.sents, text, m.start)}  # fmt: skip
            out["entities"].setdefault(key("entities", r), r)
        for rel in st.relations:
            r = {**where, "subject": label.get(rel.subj, rel.subj), "predicate": rel.pred,
                 "object": label.get(rel.obj, rel.obj), "sentence": rel.sentence.strip(),
                 "rule": rel.rule, "implicit": rel.implicit}  # fmt: skip
            out["relations"].setdefault(key("relations", r), r)
    return {k: list(v.values()) for k, v in out.items()}


def draw(kind: str, items: list[dict]) -> list[dict]:
    """The sample of ``kind``, with the verdicts already recorded for the same keys."""
    old = {}
    if OUT[kind].exists():
        for line in OUT[kind].read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                old[key(kind, r)] = r
    sample = sorted(items, key=lambda r: rank(kind, r))[:SIZE]
    sample.sort(key=lambda r: key(kind, r))
    for r in sample:
        prev = old.get(key(kind, r), {})
        r["verdict"] = prev.get("verdict")
        r["note"] = prev.get("note", "")
    return sample


def precision(kind: str) -> tuple[int, int, int]:
    """(correct, judged, drawn) of the recorded sample."""
    rows = [json.loads(x) for x in OUT[kind].read_text(encoding="utf-8").splitlines() if x]
    judged = [r for r in rows if r["verdict"] is not None]
    return sum(bool(r["verdict"]) for r in judged), len(judged), len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stats", action="store_true", help="print the recorded precision only")
    args = ap.parse_args()
    if not args.stats:
        found = extract_all()
        for kind, items in found.items():
            sample = draw(kind, items)
            with OUT[kind].open("w", encoding="utf-8") as fh:
                for r in sample:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            print(f"{kind}: {len(items)} found, {len(sample)} drawn to {OUT[kind].name}",
                  file=sys.stderr)  # fmt: skip
    for kind in OUT:
        if OUT[kind].exists():
            ok, judged, n = precision(kind)
            print(f"{kind}: {ok}/{judged} correct of {n} drawn"
                  + (f" = precision {ok / judged:.3f}" if judged else ""))  # fmt: skip


if __name__ == "__main__":
    main()
