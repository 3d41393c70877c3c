"""The characters that end transliterated names (``PersonResources.nrt_last``) are made
with the pipeline and come back with its snapshot: a restored pipeline reads a cut
transliteration whole without walking jieba's tags again (``nrt_ends``); and the field
has no default, so that a construction that leaves it out fails instead of reading no
transliteration past a cut."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.nlp.components.persons.resources import PersonResources

ROOT = Path(__file__).resolve().parents[2]

#: argv: the snapshots' folder; builds (and saves) or restores the lean pipeline there
SCRIPT = """
import json, sys
from kg.model import Document
from kg.nlp import extract_many
from kg.nlp.components.persons.resources import nrt_ends
from kg.nlp.pipeline import get_nlp

nlp = get_nlp(lean=True, snapshot_dir=sys.argv[1])
(r,) = extract_many([Document("a", "依靠桑德雷斯和门将的发挥打平。")], nlp=nlp)
walks = nrt_ends.cache_info().misses
last = nlp.get_pipe("kg_persons").resources.nrt_last
print(json.dumps({
    "persons": [m.text for m in r.mentions if m.type == "Person"],
    "walks": walks,
    "same": last == nrt_ends(),
}))
"""


def _run(folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(folder)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT), "KG_PIPELINE_SHARED": "off"},
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_a_restored_pipeline_reads_a_cut_transliteration_without_walking_the_tags(
    tmp_path: Path,
) -> None:
    built = _run(tmp_path)  # builds the pipeline: the walk is made once, with it
    assert built == {"persons": ["桑德雷斯"], "walks": 1, "same": True}
    assert any(tmp_path.glob("pipeline-*.pkl"))
    restored = _run(tmp_path)  # a new process, the snapshot restored
    assert restored == {"persons": ["桑德雷斯"], "walks": 0, "same": True}


def test_the_characters_that_end_transliterations_have_no_default() -> None:
    field = next(f for f in dataclasses.fields(PersonResources) if f.name == "nrt_last")
    assert field.default is dataclasses.MISSING
    assert field.default_factory is dataclasses.MISSING
