"""The fast exporter's footer kept between the builds of one process (``--watch``): taken
again only when its input is the same, so the file is always what a fresh write gives
(a document added, changed or removed; a post's title changed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.export import fast
from kg.export.fragments import Plan, footer_input
from kg.model import Document
from kg.nlp import extract
from kg.resolve import resolve

# invented sentences
TEXTS = {
    "a": "工信部总经济师周明远表示，财政部会同审计署制定本办法。",
    "a2": "工信部副部长周明远表示，财政部会同审计署制定本办法。",
    "b": "教育部会同人力资源社会保障部制定《职业教育条例》。",
    "c": "国务院办公厅印发通知。商务部负责组织实施。",  # no relation
}


def _res(*names: str) -> Any:
    return resolve([extract(Document(f"doc-{n[0]}", TEXTS[n])) for n in names])


def _fresh(res: Any, path: Path) -> bytes:
    return fast.write_fast(res, path, "ttl").read_bytes()


@pytest.fixture
def footers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made: list[int] = []
    real = fast.footer_blocks

    def counted(*args: Any) -> Any:
        made.append(1)
        return real(*args)

    monkeypatch.setattr(fast, "footer_blocks", counted)
    return made


def test_the_footer_is_kept_only_while_its_input_is_the_same(
    tmp_path: Path, footers: list[int]
) -> None:
    memo: dict[Any, Any] = {}
    steps = [("a", "b"), ("a", "b"), ("a2", "b"), ("a2", "b", "c"), ("a2", "c"), ("a2", "c")]
    kept = []
    for i, names in enumerate(steps):
        res = _res(*names)
        before = len(footers)
        got = fast.start_fast(res, tmp_path / f"w{i}.ttl", "ttl", memo=memo)()
        kept.append(len(footers) == before)
        assert got.read_bytes() == _fresh(res, tmp_path / f"f{i}.ttl"), names
    # the same input: kept (a document without relations added too); a post's title
    # changed, a document with relations removed: made again
    assert kept == [False, True, False, True, False, True]


def test_a_post_changes_the_footer(tmp_path: Path) -> None:
    one, two = _fresh(_res("a"), tmp_path / "1.ttl"), _fresh(_res("a2"), tmp_path / "2.ttl")
    assert one != two
    assert footer_input(Plan(_res("a"), "b"), set()) != footer_input(Plan(_res("a2"), "b"), set())
