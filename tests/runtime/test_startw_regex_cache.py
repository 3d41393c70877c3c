"""kg.nlp.regex_cache: expressions compiled by an earlier process come from a sealed
table, equal to what ``re`` compiles; a table this user did not write is never read."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from kg.nlp import regex_cache

PROBE = r"(?P<head>国务院|人民政府)(?:办公厅)?(?i:x)?\d{2,}$"

SCRIPT = """
import re, sys
from kg.nlp import regex_cache as R
before = dict(R._TABLE)
p = re.compile(sys.argv[1])
for i in range(20):  # enough new expressions to be worth a save
    re.compile(f"x{i}(y|z)+")
print(int(tuple((sys.argv[1], 0)) in before), R.save(), p.pattern == sys.argv[1])
"""


def run(table: Path, pattern: str = PROBE) -> str:
    env = {**os.environ, "KG_REGEX_CACHE": str(table)}
    out = subprocess.run([sys.executable, "-c", SCRIPT, pattern], env=env, check=True,
                         capture_output=True, text=True)  # fmt: skip
    return out.stdout.split()


def test_a_pattern_from_the_table_equals_the_compiled_one() -> None:
    assert regex_cache.install()
    for pattern, flags in ((PROBE, 0), (r"^\s*第(\d+)条", re.M), ("(a)(?P<b>b)\\2", re.I)):
        made = re.compile(pattern, flags)
        assert made == regex_cache._compile_uncached(pattern, flags)
        again = regex_cache._compile(pattern, flags)  # from the table now
        assert again == made and again.groupindex == made.groupindex
    assert regex_cache._compile(PROBE, 0).match("国务院办公厅12").group("head") == "国务院"


def test_the_next_process_finds_what_this_one_compiled(tmp_path: Path) -> None:
    table = tmp_path / "regex.bin"
    assert run(table) == ["0", "True", "True"]  # compiled, then saved
    assert table.exists()
    assert run(table)[0] == "1"  # found in the table


def test_a_forged_table_is_not_read(tmp_path: Path) -> None:
    table = tmp_path / "regex.bin"
    run(table)
    data = bytearray(table.read_bytes())
    data[-1] ^= 1  # one bit of the marshalled table changed: the seal no longer holds
    table.write_bytes(bytes(data))
    assert run(table)[0] == "0"


def test_a_table_of_another_python_is_not_read(tmp_path: Path) -> None:
    import marshal

    from kg.sealed import seal

    table = tmp_path / "regex.bin"
    args = regex_cache._arguments(PROBE, 0)
    table.write_bytes(seal(marshal.dumps(("another python", {(PROBE, 0): args}))))
    assert run(table)[0] == "0"
    table.write_bytes(seal(marshal.dumps((regex_cache._VERSION, {(PROBE, 0): args}))))
    assert run(table)[0] == "1"
