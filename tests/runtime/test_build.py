"""``kg build`` from the command line: the summary, ``--quiet``, exit codes, bad inputs
reported (with their path) while the rest is built, and all-or-nothing outputs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import kg.export.fast
import kg.export.view
from kg.build import SAMPLE_DIR, build
from kg.cli import app
from kg.errors import KGError

runner = CliRunner()


def kg_build(*args: str | Path):
    return runner.invoke(app, ["build", *map(str, args)])


def stderr(result) -> str:
    try:
        return result.stderr
    except ValueError:  # an older runner that mixes the streams
        return result.output


@pytest.fixture
def mixed(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    """The sample plus a binary file, an undecodable file and an empty file."""
    root = tmp_path / "in"
    shutil.copytree(SAMPLE_DIR, root)
    bad = {
        "E004": root / "image.txt",
        "E002": root / "garbled.md",
        "E003": root / "empty.txt",
    }
    bad["E004"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    bad["E002"].write_bytes(bytes(range(0x80, 0x100)) * 40)
    bad["E003"].write_bytes(b"")
    return root, bad


def triples(path: Path) -> set[tuple[str, str, str]]:
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    }


def test_summary_on_stderr_and_outputs_written(tmp_path: Path) -> None:
    r = kg_build("--out", tmp_path, "--workers", "1")
    assert r.exit_code == 0, stderr(r)
    err = stderr(r)
    assert "documents read: 2, failed: 0" in err
    assert "characters: 11," in err and "entities: " in err and "chars/s" in err
    assert f"wrote: {tmp_path / 'graph.ttl'}, {tmp_path / 'graph.html'}" in err
    assert (tmp_path / "graph.ttl").stat().st_size > 0 and (tmp_path / "graph.html").exists()
    again = kg_build("--out", tmp_path, "--workers", "1")
    assert "from cache: 2" in stderr(again)


def test_quiet_prints_nothing_but_writes(tmp_path: Path) -> None:
    r = kg_build("--out", tmp_path, "--workers", "1", "--quiet")
    assert r.exit_code == 0
    assert stderr(r) == "" and r.stdout == ""
    assert (tmp_path / "graph.ttl").exists()


@pytest.mark.parametrize("quiet", [False, True])
def test_bad_files_are_reported_with_their_path_and_the_rest_is_built(
    mixed: tuple[Path, dict[str, Path]], tmp_path: Path, quiet: bool
) -> None:
    root, bad = mixed
    out = tmp_path / "out"
    r = kg_build(root, "--out", out, "--workers", "1", *(["-q"] if quiet else []))
    assert r.exit_code == 0, stderr(r)
    err = stderr(r)
    for code, path in bad.items():
        assert f"[{code}] {path}" in err  # errors are reported even with --quiet
    if not quiet:
        assert "documents read: 2, failed: 3" in err
    good = build([SAMPLE_DIR], tmp_path / "good", workers=1, quiet=True, formats=("ttl",))
    assert good.docs_read == 2
    got = triples(out / "graph.ttl")
    want = triples(tmp_path / "good" / "graph.ttl")
    # the same facts (only kg:sourcePath differs: the files live in another folder)
    drop = {t for t in want | got if t[1].endswith("#sourcePath>")}
    assert got - drop == want - drop


def test_build_report_lists_the_failures(
    mixed: tuple[Path, dict[str, Path]], tmp_path: Path
) -> None:
    root, bad = mixed
    report = build([root], tmp_path / "out", workers=2, quiet=True, formats=("ttl",))
    assert (report.docs_read, report.docs_failed) == (2, 3)
    assert sorted(e.split("]")[0] + "]" for e in report.errors) == ["[E002]", "[E003]", "[E004]"]
    assert all(any(str(p) in e for e in report.errors) for p in bad.values())


def test_nothing_readable_exits_non_zero(
    mixed: tuple[Path, dict[str, Path]], tmp_path: Path
) -> None:
    _, bad = mixed
    r = kg_build(
        *bad.values(), tmp_path / "missing.txt", "--out", tmp_path / "out", "--workers", "1"
    )
    assert r.exit_code == 1
    err = stderr(r)
    assert "[E020] no document could be read" in err
    assert f"[E010] {tmp_path / 'missing.txt'}" in err
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_missing_input_among_good_ones_is_reported_and_exit_is_zero(tmp_path: Path) -> None:
    r = kg_build(SAMPLE_DIR, tmp_path / "nope", "--out", tmp_path / "out", "--workers", "1")
    assert r.exit_code == 0
    assert f"[E010] {tmp_path / 'nope'}" in stderr(r)


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".cache")


@pytest.mark.parametrize("fast", [False, True])
def test_failing_exporter_leaves_the_previous_outputs_intact(
    tmp_path: Path, fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = build(out_dir=out, workers=1, quiet=True, formats=("ttl", "html"), fast_export=fast)
    assert first.outputs
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html")}

    def broken_html(G, path, **kw):
        Path(path).write_text("<html>half a page")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.export.view, "write_html", broken_html)
    with pytest.raises(KGError, match="E080"):
        build(out_dir=out, workers=1, quiet=True, formats=("ttl", "html"), fast_export=fast)
    assert {name: (out / name).read_bytes() for name in before} == before
    assert _leftovers(out) == []


def test_failing_turtle_writer_leaves_no_partial_graph_ttl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(out_dir=out, workers=1, quiet=True, formats=("ttl",), fast_export=True)
    before = (out / "graph.ttl").read_bytes()
    real = kg.export.fast.document_blocks
    calls = []

    def dying(*args, **kw):
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("exporter crashed half way")
        return real(*args, **kw)

    monkeypatch.setattr(kg.export.fast, "document_blocks", dying)
    with pytest.raises(RuntimeError):
        build(out_dir=out, workers=1, quiet=True, formats=("ttl",), fast_export=True)
    assert (out / "graph.ttl").read_bytes() == before
    assert _leftovers(out) == []
    r = kg_build("--out", out, "--workers", "1", "-f", "ttl")
    assert r.exit_code != 0 and (out / "graph.ttl").read_bytes() == before


def test_cli_exit_codes_in_a_real_process(
    tmp_path: Path, mixed: tuple[Path, dict[str, Path]]
) -> None:
    root, bad = mixed
    kg = [sys.executable, "-m", "kg.cli", "build", "--workers", "1", "-q", "-f", "ttl"]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    ok = subprocess.run(
        [*kg, str(root), "--out", str(tmp_path / "a")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert ok.returncode == 0, ok.stderr
    assert all(str(p) in ok.stderr for p in bad.values())
    assert (tmp_path / "a" / "graph.ttl").exists()
    nothing = subprocess.run(
        [*kg, str(bad["E003"]), "--out", str(tmp_path / "b")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert nothing.returncode == 1 and "[E020]" in nothing.stderr


def test_pipeline_crash_on_one_document_is_reported_and_the_rest_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.nlp

    real = kg.nlp.extract_many

    def fragile(docs, **kw):
        if any("炸" in d.text for d in docs):
            raise ValueError("the pipeline fell over")
        return real(docs, **kw)

    monkeypatch.setattr(kg.nlp, "extract_many", fragile)
    root = tmp_path / "in"
    shutil.copytree(SAMPLE_DIR, root)
    (root / "boom.txt").write_text("这一段会让流水线崩溃：炸。", encoding="utf-8")
    report = build([root], tmp_path / "out", workers=1, quiet=True, formats=("ttl",),
                   cache_dir=tmp_path / "out" / ".cache")
    assert (report.docs_read, report.docs_failed) == (2, 1)
    assert "[E011]" in report.errors[0] and "boom.txt" in report.errors[0]
    assert "the pipeline fell over" in report.errors[0]


def test_an_output_folder_that_cannot_be_written_is_a_clear_error(tmp_path) -> None:
    import subprocess
    import sys

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "--out", str(blocker / "out"), "-q"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "[E080]" in proc.stderr and str(blocker) in proc.stderr
    assert "Traceback" not in proc.stderr


def test_watch_with_a_dask_scheduler_is_refused_not_silently_run_locally(tmp_path: Path) -> None:
    r = kg_build("--watch", "--scheduler", "tcp://127.0.0.1:1", "--out", tmp_path / "o")
    assert r.exit_code == 1
    assert "--scheduler" in stderr(r) and not (tmp_path / "o" / "graph.ttl").exists()
