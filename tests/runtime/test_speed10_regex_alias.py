"""kg.nlp.regex_cache: an expression a module compiled (``re.compile(p)``, flags 0) is
found in the table again when a pickled pattern of it is loaded (compiled with the flags
its object has: ``re.UNICODE`` and the inline ones), as a restored pipeline does; and
``re`` makes the same pattern from both keys for every expression of the pipeline."""

from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

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


ALIASES = """
import json, re, sys
from kg.nlp import regex_cache as R
pairs = json.loads(open(sys.argv[1], encoding="utf-8").read())
if sys.argv[2] == "given":  # as the modules compile them: under the flags given
    with R.compiling_from_table():
        for pattern, given, _ in pairs:
            re.compile(pattern, given)
    print(R.save())
else:  # as a restored pipeline's unpickled patterns: under the flags they have
    with R.compiling_from_table():
        ours = [re.compile(pattern, flags) for pattern, _, flags in pairs]
        missed = R.pending()
    re.purge()
    made = [re.compile(pattern, flags) for pattern, _, flags in pairs]
    same = [a == b and dict(a.groupindex) == dict(b.groupindex) for a, b in zip(ours, made)]
    print(missed, json.dumps([p for (p, _, _), ok in zip(pairs, same) if not ok]))
"""


def test_re_makes_the_same_pattern_under_both_keys(tmp_path: Path) -> None:
    """For every ``str`` expression alive once the pipeline is loaded (its modules' and
    its components'), compiled under flags other than those its pattern has (0, as
    ``re.compile(p)``): the table gives under the pattern's own flags what ``re`` makes."""
    from kg.nlp.pipeline import get_nlp

    get_nlp(lean=True)
    patterns = {(p.pattern, p.flags) for p in gc.get_objects() if type(p) is re.Pattern}
    gc.unfreeze()  # (objects a worker froze are not listed above)
    patterns |= {(p.pattern, p.flags) for p in gc.get_objects() if type(p) is re.Pattern}
    pairs = [
        (pattern, given, flags)
        for pattern, flags in sorted(patterns, key=repr)
        if type(pattern) is str and not flags & re.DEBUG
        for given in sorted({0, flags & ~re.UNICODE} - {flags})
    ]
    listed = tmp_path / "pairs.json"
    listed.write_text(json.dumps(pairs), encoding="utf-8")
    table = tmp_path / "regex.bin"
    env = {**os.environ, "KG_REGEX_CACHE": str(table)}

    def run(step: str) -> list[str]:
        out = subprocess.run([sys.executable, "-c", ALIASES, str(listed), step], env=env,
                             check=True, capture_output=True, text=True)  # fmt: skip
        return out.stdout.split(maxsplit=1)

    assert run("given") == ["True"]
    missed, differ = run("flags")
    assert json.loads(differ) == []
    assert len({(p, f) for p, _, f in pairs}) - int(missed) > 300  # found under an alias
