"""kg.nlp.regex_cache: within its scope, expressions compiled by an earlier process come
from a sealed table, equal to what ``re`` compiles; ``re`` is itself again outside it;
only expressions compiled within it are written; a table this user did not write is
never read. (tests/conftest.py turns the table off for every other test.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.nlp import regex_cache

PROBE = r"(?P<head>国务院|人民政府)(?:办公厅)?(?i:x)?\d{2,}$"
OUTSIDE = r"outside(?P<only>[0-9])+"
WARNS = r"[[]warn(x)"  # FutureWarning: possible nested set

SCRIPT = """
import re, sys, warnings
from kg.nlp import regex_cache as R
warnings.simplefilter("always")
outside = re.compile(sys.argv[2])  # never noted, never written
with R.compiling_from_table():
    p = re.compile(sys.argv[1])
    for i in range(20):  # enough new expressions to be worth a save
        re.compile(f"x{i}(y|z)+(?P<n{i}>a)")
    with warnings.catch_warnings(record=True) as caught:
        re.compile(sys.argv[3])
    missed = R.pending()
    inside = re.compile(sys.argv[2])
restored = re._compiler.compile.__module__ == "re._compiler" and not R.active()
re.purge()
ref = re.compile(sys.argv[1])
same = p == ref and p.groupindex == ref.groupindex and p.pattern == sys.argv[1]
print(missed, int(bool(caught)), int(restored), int(same), R.pending(), R.save())
"""


def run(table: Path, pattern: str = PROBE) -> list[str]:
    env = {**os.environ, "KG_REGEX_CACHE": str(table)}
    out = subprocess.run([sys.executable, "-c", SCRIPT, pattern, OUTSIDE, WARNS], env=env,
                         check=True, capture_output=True, text=True)  # fmt: skip
    return out.stdout.split()


def test_the_next_process_finds_what_this_one_compiled(tmp_path: Path) -> None:
    table = tmp_path / "regex.bin"
    # missed: PROBE, 20, WARNS (OUTSIDE, compiled outside the scope first, came from
    # re's own cache within it); warned; re restored; equal; saved
    assert run(table) == ["22", "1", "1", "1", "22", "True"]
    assert table.exists()
    # found: all but WARNS (never kept: its warning would be lost)
    missed, warned, restored, same, _, _ = run(table)
    assert (missed, warned, restored, same) == ("1", "1", "1", "1")


def test_a_forged_table_is_not_read(tmp_path: Path) -> None:
    table = tmp_path / "regex.bin"
    run(table)
    data = bytearray(table.read_bytes())
    data[-1] ^= 1  # one bit of the marshalled table changed: the seal no longer holds
    table.write_bytes(bytes(data))
    assert run(table)[0] == "22"


def test_a_table_of_another_python_is_not_read(tmp_path: Path) -> None:
    import marshal

    from kg.sealed import seal

    table = tmp_path / "regex.bin"
    args = (0, [1], 0, {}, (None,))
    table.write_bytes(seal(marshal.dumps(("another python", {(PROBE, 0): args}))))
    assert run(table)[0] == "22"


def test_re_is_itself_again_after_an_error_and_nothing_is_noted_outside() -> None:
    before = re._compiler.compile  # type: ignore[attr-defined]
    with pytest.raises(KeyError), regex_cache.compiling_from_table(None):
        assert regex_cache.active()
        raise KeyError
    assert re._compiler.compile is before and not regex_cache.active()  # type: ignore[attr-defined]
    n = regex_cache.pending()
    re.compile(r"nothing(noted)here\d")
    assert regex_cache.pending() == n


def test_no_home_folder_means_no_table(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv(regex_cache.CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", no_home)
    assert regex_cache.cache_path() is None
    monkeypatch.setenv(regex_cache.CACHE_ENV, "off")
    assert regex_cache.cache_path() is None


def test_importing_the_pipeline_leaves_re_alone() -> None:
    code = "import kg.nlp.pipeline, re; print(re._compiler.compile.__module__)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "re._compiler"
