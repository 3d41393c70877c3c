"""Benchmark of the entity stage against plain jieba segmentation of the same text.

Reads the law corpus (``../shared/corpus/laws``, 3,500 Markdown files, ~20 million
characters), then measures in one run, on the same texts:

* ``jieba``: ``list(jieba.cut(text))`` for every text (the plain jieba module, HMM on, its
  default dictionary; the dictionary is loaded before timing starts);
* ``entities``: the span API's pipeline (``kg.spans.ENTITY_COMPONENTS``: sentences,
  gazetteer, titles, patterns, persons, resolver) over every text with ``nlp.pipe``; the
  pipeline is built before timing starts.

Prints characters per second of each and the ratio entity time / jieba time (target ≤ 2).

Usage: ``.venv/bin/python bench/bench_entities.py [--reports] [--max-chars N] [--check]``
(``--reports``: the 88 work and congress reports, ~1.5M characters, where the person rules'
uncertain candidates are commoner than in the laws)
(``--max-chars`` takes files in sorted order until N characters; ``--check`` exits 1 when
the ratio is above the target).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 2.0
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "laws"
REPORTS = ROOT.parent / "shared" / "corpus" / "reports"


def load_texts(corpus: Path, max_chars: int | None) -> list[str]:
    """The Markdown files' texts under ``corpus``, in sorted order, until ``max_chars``."""
    texts: list[str] = []
    total = 0
    for p in sorted(corpus.rglob("*.md")):
        t = p.read_text(encoding="utf-8", errors="replace")
        texts.append(t)
        total += len(t)
        if max_chars and total >= max_chars:
            break
    return texts


def load_reports(corpus: Path, max_chars: int | None) -> list[str]:
    """The non-empty reports' texts (``content`` of ``*.jsonl``), in file and line order,
    until ``max_chars``."""
    texts: list[str] = []
    total = 0
    for p in sorted(corpus.glob("*.jsonl")):
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("content") or ""
                if not text:
                    continue
                texts.append(text)
                total += len(text)
                if max_chars and total >= max_chars:
                    return texts
    return texts


def time_jieba(texts: list[str]) -> float:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    t0 = time.perf_counter()
    for t in texts:
        for _ in jieba.cut(t):
            pass
    return time.perf_counter() - t0


def time_entities(texts: list[str]) -> tuple[float, int]:
    from kg.nlp import get_nlp
    from kg.spans import ENTITY_COMPONENTS

    nlp = get_nlp(ENTITY_COMPONENTS)
    nlp("国务院")  # warm up (dictionaries, automata)
    n = 0
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts):
        n += len(doc._.kg.mentions)
    return time.perf_counter() - t0, n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--reports", action="store_true",
                    help="the work and congress reports (*.jsonl) instead of the laws")
    ap.add_argument("--max-chars", type=int, default=None)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    corpus = args.corpus or (REPORTS if args.reports else DEFAULT_CORPUS)
    if not corpus.exists():
        print(f"{corpus}: not found", file=sys.stderr)
        return 2
    load = load_reports if args.reports else load_texts
    texts = load(corpus, args.max_chars)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} texts, {chars:,} characters ({corpus})")
    tj = time_jieba(texts)
    te, mentions = time_entities(texts)
    ratio = te / tj
    print(f"jieba.cut      {tj:8.2f} s  {chars / tj:12,.0f} chars/s")
    print(f"entity stage   {te:8.2f} s  {chars / te:12,.0f} chars/s  ({mentions:,} mentions)")
    print(f"ratio entity/jieba: {ratio:.2f} (target ≤ {TARGET_RATIO})")
    return 1 if args.check and ratio > TARGET_RATIO else 0


if __name__ == "__main__":
    sys.exit(main())
