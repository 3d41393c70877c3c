"""A worker that restores the pipeline snapshot gets jieba's word → tag table from it
instead of reading jieba's dictionary file again (the table the components read on first
use), and the table is the one the file gives, in the same order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
import kg.nlp.text as text
from kg.nlp.pipeline import get_nlp

def no_read():
    raise AssertionError("jieba's dictionary file read although the snapshot has the table")

text._read_jieba_tags = no_read
nlp = get_nlp(lean=True, snapshot_dir=sys.argv[1])
doc = nlp("第三条 国务院有关部门依照本法履行职责，省人民政府负责组织实施。")
print(len(text.jieba_tags()), list(text.jieba_tags().items())[:3])
"""


def test_a_restored_pipeline_takes_the_tag_table_from_the_snapshot(tmp_path: Path) -> None:
    from kg.nlp.pipeline import DEFAULT_COMPONENTS, make_nlp, save_snapshot, snapshot_key, warm_up
    from kg.nlp.text import jieba_tags

    nlp = make_nlp(lean=True)
    warm_up(nlp)
    path = tmp_path / f"pipeline-{snapshot_key(DEFAULT_COMPONENTS, True)}.pkl"
    assert save_snapshot(nlp, path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True,
                       text=True, env=env, cwd=ROOT)  # fmt: skip
    assert r.returncode == 0, r.stderr[-2000:]
    tags = jieba_tags()
    assert len(tags) > 300_000
    assert r.stdout.strip() == f"{len(tags)} {list(tags.items())[:3]}"


LEAN = """
import sys
import kg.nlp.pipeline
loaded = sorted(m for m in ("spacy.cli", "jinja2", "weasel") if m in sys.modules)
import spacy
print(loaded, callable(spacy.info), hasattr(spacy.cli, "download"), "spacy.cli" in sys.modules)
"""


def test_the_pipeline_imports_spacy_without_its_command_line() -> None:
    """A worker imports spaCy without ``spacy.cli`` (jinja2, weasel, …); the command line
    is still there for whoever asks for it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", LEAN], capture_output=True, text=True, env=env,
                       cwd=ROOT)  # fmt: skip
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "[] True True True"
