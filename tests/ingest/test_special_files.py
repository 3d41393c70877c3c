"""Names in an input folder that are not plain documents (issue #16): FIFOs, link loops,
links to a folder above, pages nested past the parser's limit. Each is reported with its
path and a code, never waits for ever, and the documents beside it are read."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import iter_documents
from kg.ingest.clean import clean_with_meta
from kg.ingest.readers import read_document
from kg.model import Document

GOOD = "国务院办公厅印发通知，要求财政部会同有关部门抓好落实。"


@pytest.fixture
def alarm():
    """Fail instead of hanging: reading a FIFO with no writer waits for ever."""

    def boom(*_: object) -> None:
        raise TimeoutError("the read waited on a FIFO")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _split(items: list) -> tuple[list[str], dict[str, InputError]]:
    docs = [d.id for d in items if isinstance(d, Document)]
    errors = {Path(str(e.path)).name: e for e in items if isinstance(e, InputError)}
    return docs, errors


def test_a_fifo_is_reported_not_opened(tmp_path: Path, alarm: None) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    docs, errors = _split(list(iter_documents([tmp_path])))  # found in a folder
    assert docs == ["a"]
    assert errors["pipe.txt"].code == "E001" and "FIFO" in str(errors["pipe.txt"])
    docs, errors = _split(list(iter_documents([tmp_path / "pipe.txt", tmp_path / "a.txt"])))
    assert docs == ["a"] and errors["pipe.txt"].code == "E001"  # named on the command line
    with pytest.raises(InputError, match=r"\[E001\].*pipe\.txt.*FIFO"):
        read_document(tmp_path / "pipe.txt")


def test_link_loops_and_dangling_links_say_which(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "one.txt").symlink_to(tmp_path / "two.txt")
    (tmp_path / "two.txt").symlink_to(tmp_path / "one.txt")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    docs, errors = _split(list(iter_documents([tmp_path])))
    assert docs == ["a"]
    assert errors["one.txt"].code == "E001" and "loop" in str(errors["one.txt"])
    assert errors["gone.md"].code == "E010"
    _, errors = _split(list(iter_documents([tmp_path / "one.txt"])))
    assert errors["one.txt"].code == "E001" and "loop" in str(errors["one.txt"])


def test_a_link_to_a_folder_above_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "beside.txt").write_text("输入之外的文件。", encoding="utf-8")
    docs_dir = tmp_path / "docs"
    docs_dir.mkdir()
    (docs_dir / "a.txt").write_text(GOOD, encoding="utf-8")
    (docs_dir / "up").symlink_to(tmp_path, target_is_directory=True)
    other = tmp_path / "other"  # a link to a folder beside the input is followed
    other.mkdir()
    (other / "b.txt").write_text(GOOD, encoding="utf-8")
    (docs_dir / "side").symlink_to(other, target_is_directory=True)
    docs, errors = _split(list(iter_documents([docs_dir])))
    assert docs == ["a", "side/b"]  # nothing from beside the input
    assert errors["up"].code == "E001" and "loop" in str(errors["up"])


@pytest.mark.parametrize("depth", [300, 3000])
def test_text_nested_deeper_than_the_parser_goes_is_kept(depth: int) -> None:
    page = (
        "<html><head><title>标题</title></head><body><p>第一段。</p>"
        + "<div>" * depth
        + "<p>深处的段落。</p>"
        + "</div>" * depth
        + "<p>最后一段。</p><script>var x = 1;</script></body></html>"
    )
    text, meta = clean_with_meta(page, "html")
    assert text.split() == ["第一段。", "深处的段落。", "最后一段。"]
    assert meta["title"] == "标题"


def test_a_paragraph_over_ten_megabytes_is_kept() -> None:
    body = "国务院发布通知。" * 450_000  # 10.8 MB of UTF-8 in one text node
    text, _ = clean_with_meta(f"<html><body><p>{body}</p></body></html>", "html")
    assert len(text) == len(body)
