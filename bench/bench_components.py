"""CPU seconds of each pipeline component, and a hash of the pipeline's output.

Runs the build's pipeline (:data:`kg.nlp.pipeline.DEFAULT_COMPONENTS`, lean, as graph
builds do: the entity components, then relations, quantities and document facts) over
2 million characters of the law corpus (``../shared/corpus/laws``, files in sorted order)
and 0.5 million of the work reports (``../shared/corpus/reports``), one document at a
time, timing each component's ``__call__`` with :func:`time.process_time`; also the
hot helpers inside them (``NameWindows.reduce``, ``OrganFinder.find``).

The hash covers every document's entity mentions and nominal references (text, start,
end, type, key, rule) and relations (every field): a speed change must leave it as it is.

``--snapshot DIR``: the pipeline restored from its snapshot in ``DIR`` (built and saved
there first when there is none), as a build's workers have it: jieba's dictionary then
comes from :mod:`kg.nlp.word_table`'s tables; the hash must be the same.

Usage: ``.venv/bin/python bench/bench_components.py [--laws N] [--reports N] [--snapshot DIR]``
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus"

from bench.bench_entities import load_reports  # noqa: E402
from bench.bench_entities import load_texts as load_laws  # noqa: E402


def load_texts(max_laws: int, max_reports: int) -> list[str]:
    """``max_laws`` characters of laws, then ``max_reports`` of reports."""
    return load_laws(CORPUS / "laws", max_laws) + load_reports(CORPUS / "reports", max_reports)


def _timed(owner, attr: str, acc: dict[str, float], label: str) -> None:
    """Wrap ``owner.attr`` so that its CPU time adds up in ``acc[label]``."""
    fn = getattr(owner, attr)

    def wrapper(*a, **kw):
        t0 = time.process_time()
        try:
            return fn(*a, **kw)
        finally:
            acc[label] += time.process_time() - t0

    setattr(owner, attr, wrapper)


def _row(m) -> tuple:
    return (m.text, m.start, m.end, m.type, m.key, m.rule)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--laws", type=int, default=2_000_000, help="characters of laws")
    ap.add_argument("--reports", type=int, default=500_000, help="characters of reports")
    ap.add_argument("--snapshot", help="restore the pipeline from its snapshot in this folder")
    args = ap.parse_args()

    from kg.nlp.gazetteer import NameWindows
    from kg.nlp.organs import OrganFinder
    from kg.nlp.pipeline import DEFAULT_COMPONENTS, get_nlp, make_nlp, warm_up

    texts = load_texts(args.laws, args.reports)
    chars = sum(len(t) for t in texts)
    if args.snapshot:
        nlp = get_nlp(DEFAULT_COMPONENTS, lean=True, snapshot_dir=args.snapshot)
    else:
        nlp = make_nlp(DEFAULT_COMPONENTS, lean=True)
        warm_up(nlp)
    acc: dict[str, float] = defaultdict(float)
    _timed(NameWindows, "reduce", acc, "  NameWindows.reduce")
    _timed(OrganFinder, "find", acc, "  OrganFinder.find")
    h = hashlib.sha256()
    mentions = relations = 0
    t_all = time.process_time()
    for text in texts:
        t0 = time.process_time()
        doc = nlp.make_doc(text)
        acc["tokenizer"] += time.process_time() - t0
        for name, proc in nlp.pipeline:
            t0 = time.process_time()
            doc = proc(doc)
            acc[name] += time.process_time() - t0
        st = doc._.kg
        rows = [*sorted(map(_row, st.mentions)), ("~",), *sorted(map(_row, st.nominals))]
        rels = sorted(repr(dataclasses.astuple(r)) for r in st.relations)
        h.update(repr((rows, rels)).encode("utf-8"))
        mentions += len(st.mentions)
        relations += len(st.relations)
    total = time.process_time() - t_all
    print(f"corpus: {len(texts)} texts, {chars:,} characters")
    for name in ["tokenizer", *(n for n, _ in nlp.pipeline)]:
        print(f"{name:24s} {acc[name]:8.2f} s")
    for name in sorted(k for k in acc if k.startswith("  ")):
        print(f"{name:24s} {acc[name]:8.2f} s")
    print(f"{'total':24s} {total:8.2f} s  ({mentions:,} mentions, {relations:,} relations)")
    print(f"hash {h.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
