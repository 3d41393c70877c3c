"""What the People's Daily span benchmarks share (``pd_places.py``, ``pd_orgs.py``): the
half of the sentences scored (rules are written on the even ones, checked on the odd), the
tally of gold against kg's spans with the sentences that differ, and the command line.

The data set is for research use only: it is read at run time and nothing of it is written
anywhere but the terminal.

>>> t = Tally()
>>> t.add("某某大学和某市", {(0, 4), (5, 7)}, {(0, 4)})
>>> t.tp, t.fp, t.fn, t.wrong[0]["fn"]
(1, 0, 1, ['某市'])
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from kg.eval.external import default_shared_dir, read_bio

Spans = set[tuple[int, int]]


def half_data(half: str, shared: str | None = None) -> list:
    """The (text, spans) of the data set's sentences of ``half`` (even, odd or all)."""
    path = Path(shared or default_shared_dir()) / "eval" / "external" / "peoples_daily_dev.bio"
    data = list(read_bio(path))
    return data if half == "all" else data[(0 if half == "even" else 1) :: 2]


class Tally:
    """Counts of gold spans ``g`` against kg's ``p``, sentence by sentence; the sentences
    that differ, and the misses' and false positives' last characters (``fn_pairs``: the
    misses' last two too)."""

    def __init__(self, fn_pairs: bool = False) -> None:
        self.tp = self.fp = self.fn = 0
        self.wrong: list[dict] = []
        self.fp_c: Counter[str] = Counter()
        self.fn_c: Counter[str] = Counter()
        self.fn_pairs = fn_pairs

    def add(self, text: str, g: Spans, p: Spans) -> None:
        self.tp += len(g & p)
        self.fp += len(p - g)
        self.fn += len(g - p)
        if g != p:
            self.wrong.append(
                {
                    "text": text,
                    "fp": [text[s:e] for s, e in sorted(p - g)],
                    "fn": [text[s:e] for s, e in sorted(g - p)],
                }
            )
            self.fp_c.update(text[e - 1] for s, e in p - g)
            self.fn_c.update(text[e - 1] for s, e in g - p)
            if self.fn_pairs:
                self.fn_c.update(text[e - 2 : e] for s, e in g - p if e - s > 2)

    def show(self, errors: int, classes: bool, by: str, most_fn: int = 40) -> None:
        """Print ``errors`` differing sentences, and with ``classes`` the counts ``by``
        their last characters."""
        for w in self.wrong[:errors]:
            print(json.dumps(w, ensure_ascii=False))
        if classes:
            print(f"fp by {by}:", self.fp_c.most_common(40))
            print(f"fn by {by}:", self.fn_c.most_common(most_fn))


def arguments(description: str, guidelines_help: str) -> argparse.Namespace:
    """The benchmarks' command line: ``--half``, ``--errors``, ``--classes``, ``--shared``,
    ``--guidelines``."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--half", choices=("even", "odd", "all"), default="even")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--classes", action="store_true")
    ap.add_argument("--shared", default=None)
    ap.add_argument("--guidelines", action="store_true", help=guidelines_help)
    return ap.parse_args()
