"""kg.nlp.regex_cache: a checkout with no table of its own yet (a new one, a copy of the
code) starts from the newest table of another checkout of the same Python, and writes
what it adds to its own; a table named by KG_REGEX_CACHE is read alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kg.nlp import regex_cache

SCRIPT = """
import importlib.util, re, sys
spec = importlib.util.spec_from_file_location("regex_cache_copy", sys.argv[1])
R = importlib.util.module_from_spec(spec)
spec.loader.exec_module(R)
with R.compiling_from_table():
    for i in range(int(sys.argv[2])):
        re.compile(f"seed{i}(y|z)+(?P<n{i}>a)")
seeded = R.seeded()
print(R.pending(), R.save(), seeded)
"""


def checkout(root: Path) -> Path:
    """A copy of the module where a checkout at ``root`` has it."""
    f = root / "kg" / "nlp" / "regex_cache.py"
    f.parent.mkdir(parents=True)
    f.write_bytes(Path(regex_cache.__file__).read_bytes())
    return f


def run(module: Path, cache: Path, n: int = 20, table: Path | None = None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != regex_cache.CACHE_ENV}
    env["XDG_CACHE_HOME"] = str(cache)
    if table is not None:
        env[regex_cache.CACHE_ENV] = str(table)
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(module), str(n)], env=env,
                         check=True, capture_output=True, text=True)  # fmt: skip
    return out.stdout.split()


def test_a_new_checkout_starts_from_another_checkouts_table(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    a, b = checkout(tmp_path / "a"), checkout(tmp_path / "b")
    assert run(a, cache) == ["20", "True", "False"]
    (a_table,) = (cache / "kg").glob("regex-*.bin")
    before = a_table.read_bytes()
    # b has no table: a's gives it all 20 (before: all missed), which b writes to its
    # own table once (test_fix10a_regex_seed.py)
    assert run(b, cache) == ["20", "True", "True"]
    # twenty more (enough for a save): b writes its own table again (a's stays as it
    # was), then finds them there
    assert run(b, cache, 40) == ["20", "True", "False"]
    assert a_table.read_bytes() == before
    assert len(list((cache / "kg").glob("regex-*.bin"))) == 2
    assert run(b, cache, 40) == ["0", "False", "False"]


def test_a_named_table_is_read_alone(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    a = checkout(tmp_path / "a")
    run(a, cache)
    assert run(a, cache, table=tmp_path / "named.bin") == ["20", "True", "False"]


def test_an_unreadable_newest_table_is_passed_over(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    a, b = checkout(tmp_path / "a"), checkout(tmp_path / "b")
    run(a, cache)
    table = next((cache / "kg").glob("regex-*.bin"))
    forged = table.with_name(table.name.rsplit("-", 1)[0] + "-ffffffffffff.bin")
    forged.write_bytes(b"not a sealed table")  # newer than a's: never read, a's is
    assert run(b, cache) == ["20", "True", "True"]
