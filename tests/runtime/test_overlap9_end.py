"""The end of a full parallel build overlaps its parts: the view is written by a forked
child while this process writes Turtle and the workers render its fragments, and the
fast exporter sends each render task as soon as its parts are planned. Outputs are byte
for byte those of one process."""

from __future__ import annotations

import pickle
from concurrent.futures import Future
from pathlib import Path

import pytest

from kg.build import build
from kg.export import fast
from kg.export.fragments import Plan, entity_rows
from kg.model import Document
from kg.nlp import extract
from kg.resolve import resolve

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

# invented sentences
TEXTS = (
    "国务院办公厅印发通知。工业和信息化部负责组织实施。",
    "财政部会同审计署制定本办法。本办法由商务部负责说明。",
    "省人民政府与教育部签署合作协议。",
)


def _corpus(root: Path, n: int) -> Path:
    root.mkdir()
    for i in range(n):
        (root / f"d{i:03d}.txt").write_text(TEXTS[i % 3] + f"第{i + 1}条。", encoding="utf-8")
    return root


def test_a_full_parallel_build_writes_the_view_in_a_forked_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many documents extracted by two workers (they stay to render Turtle's fragments):
    the view is still written by a forked child (main wrote it here, after starting
    Turtle); the page and Turtle are those of a one-process build."""
    import kg.runtime.build as B
    import kg.runtime.outputs as O

    corpus = _corpus(tmp_path / "c", B.FEW_EXTRACTED + 15)
    forks: list[tuple[str, ...]] = []
    real = O.fork_writer

    def spy(fmts, *a):
        forks.append(tuple(fmts))
        return real(fmts, *a)

    monkeypatch.setattr(O, "fork_writer", spy)
    monkeypatch.setattr(O, "fork_safe", lambda: True)  # (threads other tests left)

    def run(out: Path, workers: int):
        return build([corpus], out, cache_dir=out / ".cache", quiet=True,
                     formats=("ttl", "html"), fast_export=True, workers=workers)  # fmt: skip

    r = run(tmp_path / "two", 2)
    assert r.docs_extracted >= B.FEW_EXTRACTED
    assert forks == [("html",)]
    monkeypatch.setattr(O, "fork_safe", lambda: False)
    run(tmp_path / "one", 1)  # written in this process
    for name in ("graph.html", "graph.ttl"):
        assert (tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()


class _Recorder:
    """An executor that runs a task at once on a pickled copy of its arguments and notes
    how many documents were planned when it came."""

    def __init__(self, planned: list[int]) -> None:
        self.planned = planned
        self.at: list[int] = []
        self.sizes: list[int] = []

    def submit(self, fn, *args):
        self.at.append(len(self.planned))
        self.sizes.append(len(args[-1]))
        fut: Future = Future()
        fut.set_result(fn(*pickle.loads(pickle.dumps(args))))
        return fut


def test_render_tasks_are_sent_while_the_rest_is_planned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fast, "RENDER_TASK_PARTS", 8)
    docs = [Document(f"d{i:03d}", TEXTS[i % 3] + f"第{i + 1}条。") for i in range(21)]
    res = resolve([extract(d) for d in docs])
    here = tmp_path / "here.ttl"
    fast.start_fast(res, here, "ttl")()
    planned: list[int] = []
    real = Plan.doc_input

    def doc_input(self, doc_id):
        planned.append(1)
        return real(self, doc_id)

    monkeypatch.setattr(Plan, "doc_input", doc_input)
    ex = _Recorder(planned)
    there = tmp_path / "there.ttl"
    fast.start_fast(res, there, "ttl", executor=ex)()
    parts = sum(ex.sizes)
    assert parts == len(planned) + -(-len(entity_rows(res)) // fast.ENTITY_CHUNK)
    # the parts split as one list is (full tasks, then the rest), the first sent early
    assert ex.sizes == [8] * (parts // 8) + ([parts % 8] if parts % 8 else [])
    assert ex.at[0] < len(docs)
    assert there.read_bytes() == here.read_bytes()


def test_few_parts_are_rendered_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No more than a quarter of a task's parts: no task is sent (as before)."""
    monkeypatch.setattr(fast, "RENDER_TASK_PARTS", 400)
    res = resolve([extract(Document("d000", TEXTS[0]))])
    ex = _Recorder([])
    fast.start_fast(res, tmp_path / "x.ttl", "ttl", executor=ex)()
    assert ex.sizes == []


class _Late:
    """A render task's future whose result is asked for later: notes how many fragments
    the build had written (stored) by then."""

    def __init__(self, value, puts: list[str], asked: list[int]) -> None:
        self.value, self.puts, self.asked = value, puts, asked

    def result(self):
        self.asked.append(len(self.puts))
        return self.value


class _Store(dict):
    def __init__(self) -> None:
        super().__init__()
        self.puts: list[str] = []

    def put(self, key, data) -> None:
        self.puts.append(key)
        self[key] = data

    def touch(self, key) -> None:
        pass


def test_fragments_are_written_while_later_tasks_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Turtle's writing does not wait for every task: a task's fragments are written (and
    stored) before the next task's result is asked for; the file is the same."""
    monkeypatch.setattr(fast, "RENDER_TASK_PARTS", 8)
    docs = [Document(f"d{i:03d}", TEXTS[i % 3] + f"第{i + 1}条。") for i in range(21)]
    res = resolve([extract(d) for d in docs])
    here = tmp_path / "here.ttl"
    fast.start_fast(res, here, "ttl")()
    store = _Store()
    asked: list[int] = []

    class Ex:
        def submit(self, fn, *args):
            return _Late(fn(*pickle.loads(pickle.dumps(args))), store.puts, asked)

    there = tmp_path / "there.ttl"
    fast.start_fast(res, there, "ttl", executor=Ex(), store=store)()
    assert len(asked) >= 3
    assert asked[0] == 0 and asked == sorted(asked) and asked[-1] > 0
    assert there.read_bytes() == here.read_bytes()
