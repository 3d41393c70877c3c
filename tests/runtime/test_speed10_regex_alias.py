"""kg.nlp.regex_cache: an expression a module compiled (``re.compile(p)``, flags 0) is
found in the table again when a pickled pattern of it is loaded (compiled with the flags
its object has: ``re.UNICODE`` and the inline ones), as a restored pipeline does; and
``re`` makes the same pattern from both keys for every expression of the pipeline."""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.nlp import regex_cache

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

SCRIPT = """
import pickle, re, sys
from kg.nlp import regex_cache as R
blob = bytes.fromhex(sys.argv[1]) if len(sys.argv) > 1 else None
with R.compiling_from_table():
    if blob is None:  # the first process: a module's expressions, then saved
        ps = [re.compile(f"(?m)^x{i}(y|z)+(?P<n{i}>a)") for i in range(20)]
        ps += [re.compile(f"w{i}[甲乙]+") for i in range(20)]
        missed = R.pending()
        print(missed, R.save(), pickle.dumps(ps).hex())
    else:  # the next: the same expressions, unpickled as a restored snapshot's
        ps = pickle.loads(blob)
        print(R.pending(), len(ps))
"""


def run(table: Path, *args: str) -> list[str]:
    env = {**os.environ, "KG_REGEX_CACHE": str(table)}
    out = subprocess.run([sys.executable, "-c", SCRIPT, *args], env=env, check=True,
                         capture_output=True, text=True)  # fmt: skip
    return out.stdout.split()


def test_unpickled_patterns_come_from_the_table(tmp_path: Path) -> None:
    table = tmp_path / "regex.bin"
    missed, saved, blob = run(table)
    assert (missed, saved) == ("40", "True")
    # before: all 40 missed (keys with flags 40 and 32, the table had them under 0)
    assert run(table, blob) == ["0", "40"]


def test_re_makes_the_same_pattern_under_both_keys() -> None:
    """For every ``str`` expression alive once the pipeline is loaded (its modules' and
    its components'): compiled with its final flags, ``re`` makes the pattern the table
    gives under that alias."""
    from kg.nlp.pipeline import get_nlp

    get_nlp(lean=True)
    patterns = {(p.pattern, p.flags) for p in gc.get_objects() if type(p) is re.Pattern}
    gc.unfreeze()  # (objects a worker froze are not listed above)
    patterns |= {(p.pattern, p.flags) for p in gc.get_objects() if type(p) is re.Pattern}
    checked = 0
    for pattern, flags in sorted(patterns, key=repr):
        if type(pattern) is not str or flags & re.DEBUG:
            continue
        for given in {0, flags & ~re.UNICODE, flags}:
            args = regex_cache._checked(pattern, given)
            if args is None or args[0] != flags:
                continue  # not what a module compiled it with
            alias = regex_cache._alias_keys({(pattern, given): args})
            key = (pattern, flags)
            assert alias in ({}, {key: (pattern, given)})
            made = regex_cache._ORIGINAL(pattern, flags)
            ours = re._compiler._sre.compile(pattern, *args)
            assert ours == made and dict(ours.groupindex) == dict(made.groupindex), pattern
            checked += 1
    assert checked > 300
