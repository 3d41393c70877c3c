"""kg.nlp.regex_cache keeps what its table held for other processes when it saves: two
processes that compile different expressions (two versions of the code) do not replace
each other's table, and the first one finds all of its expressions again after the
second has saved."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import re, sys
from kg.nlp import regex_cache as R
with R.compiling_from_table():
    for i in range(20):  # enough new expressions to be worth a save
        re.compile(f"{sys.argv[1]}{i}(y|z)+(?P<n{i}>a)")
print(R.pending(), R.save())
"""


def run(table: Path, tag: str) -> list[str]:
    env = {**os.environ, "KG_REGEX_CACHE": str(table)}
    out = subprocess.run([sys.executable, "-c", SCRIPT, tag], env=env, check=True,
                         capture_output=True, text=True)  # fmt: skip
    return out.stdout.split()


def test_two_processes_keep_each_others_expressions(tmp_path: Path) -> None:
    table = tmp_path / "regex.bin"
    assert run(table, "first") == ["20", "True"]  # all new: saved
    assert run(table, "second") == ["20", "True"]  # its own new ones: saved beside
    assert run(table, "first") == ["0", "False"]  # still there: nothing to save
    assert run(table, "second") == ["0", "False"]
