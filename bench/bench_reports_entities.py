"""The entity stage against plain jieba on the work and congress reports.

``bench/bench_entities.py`` measures the laws; the person rules' uncertain candidates
(:mod:`kg.nlp.components.lac_names`) are commoner in narrative text, so a change to
them is measured on the reports too (``../shared/corpus/reports/*.jsonl``: 88 reports,
about 1.5 million characters; ``--max-chars`` takes reports in file order until N).

Usage: ``PYTHONPATH=$PWD .venv/bin/python bench/bench_reports_entities.py [--max-chars N]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_entities import time_entities, time_jieba  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "reports"


def load_reports(corpus: Path, max_chars: int | None) -> list[str]:
    """The reports' texts (``content``), in file and line order."""
    texts: list[str] = []
    total = 0
    for p in sorted(corpus.glob("*.jsonl")):
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("content") or ""
                texts.append(text)
                total += len(text)
                if max_chars and total >= max_chars:
                    return texts
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--max-chars", type=int, default=None)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus}: not found", file=sys.stderr)
        return 2
    texts = load_reports(args.corpus, args.max_chars)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} reports, {chars:,} characters ({args.corpus})")
    tj = time_jieba(texts)
    te, mentions = time_entities(texts)
    print(f"jieba.cut      {tj:8.2f} s  {chars / tj:12,.0f} chars/s")
    print(f"entity stage   {te:8.2f} s  {chars / te:12,.0f} chars/s  ({mentions:,} mentions)")
    print(f"ratio entity/jieba: {te / tj:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
