"""kg.nlp.regex_cache: an expression that is one of the table's with its alternatives in
another order (joined from a set: the order changes from process to process) is not
counted as new, so that it does not make every build write the table again; a new
expression still is, and both are compiled by ``re`` as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import re, sys
from kg.nlp import regex_cache as R
words = ["甲乙", "丙丁", "戊己", "庚辛", "壬癸"]
if sys.argv[1] == "reversed":
    words.reverse()
with R.compiling_from_table():
    ps = [re.compile(f"(?:{'|'.join(words)})第{i}条") for i in range(20)]
    if sys.argv[1] == "new":
        ps += [re.compile(f"(?:{'|'.join(words)})第{i}款") for i in range(20)]
ok = all(p.match(f"丙丁第{i}条") for i, p in enumerate(ps[:20]))
print(R.pending(), int(ok), R.save())
"""


def run(table: Path, order: str) -> list[str]:
    env = {**os.environ, "KG_REGEX_CACHE": str(table)}
    out = subprocess.run([sys.executable, "-c", SCRIPT, order], env=env, check=True,
                         capture_output=True, text=True)  # fmt: skip
    return out.stdout.split()


def test_reordered_alternatives_are_not_counted_as_new(tmp_path: Path) -> None:
    table = tmp_path / "regex.bin"
    assert run(table, "first") == ["20", "1", "True"]  # all new: saved
    assert run(table, "first") == ["0", "1", "False"]  # all found
    # the same alternatives in another order: missed, matched as before, not counted
    assert run(table, "reversed") == ["0", "1", "False"]
    # new expressions still count (the reordered ones are not among them)
    assert run(table, "new") == ["20", "1", "True"]
