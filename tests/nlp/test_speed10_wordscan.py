"""kg.nlp.wordscan.cued_finditer finds what ``regex.finditer`` finds: on laws and work
reports with the persons' clause-subject scan, and where the cue that makes a match
starts inside another match of the cue expression."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.nlp.wordscan import cued_finditer

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def spans(matches) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in matches]


def test_a_cue_inside_another_cue_match_counts() -> None:
    # 召开 three characters after the comma; the cue scan reports 主持召开 only
    regex = re.compile("[，。](?=.{2}召开)")
    cue = re.compile("主持召开|召开")
    text = "会上，主持召开会议。又召开"
    assert spans(cued_finditer(regex, text, cue, range(3, 4))) == spans(regex.finditer(text))
    assert [m.start() for m in cued_finditer(regex, text, cue, range(3, 4))] == [2]


def test_no_cue_no_match() -> None:
    regex = re.compile("[，](?=.{2}表示)")
    assert cued_finditer(regex, "，某某说，某某讲", re.compile("表示"), range(3, 4)) == []


def _texts() -> list[str]:
    out = []
    laws = sorted((CORPUS / "laws").rglob("*.md"))[::60]
    out += [p.read_text(encoding="utf-8") for p in laws]
    for p in sorted((CORPUS / "reports").glob("*.jsonl")):
        with p.open(encoding="utf-8") as f:
            for _, line in zip(range(15), f, strict=False):
                record = json.loads(line)
                out.append(record.get("content") or record.get("text") or "")
    return [t for t in out if t]


@pytest.mark.skipif(not CORPUS.exists(), reason="no shared corpus")
def test_the_clause_subject_scan_on_laws_and_reports() -> None:
    from kg.nlp.components.persons.component import Persons
    from kg.nlp.pipeline import get_nlp
    from kg.nlp.text import norm_text

    persons = next(p for _, p in get_nlp(lean=True).pipeline if isinstance(p, Persons))
    res = persons.resources
    found = 0
    for text in _texts():
        norm = norm_text(text)
        ours = cued_finditer(res.strong_scan, norm, res.strong_cue, range(3, 6))
        assert spans(ours) == spans(res.strong_scan.finditer(norm))
        found += len(ours)
    assert found > 10
