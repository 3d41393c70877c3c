"""A resident build process (``--watch``) keeps the manifest it wrote instead of reading
it back at its next build; a manifest written by anyone else is read."""

from __future__ import annotations

from pathlib import Path

import kg.runtime.manifest as manifest
from kg.runtime.manifest import MANIFEST_NAME, BuildState
from kg.runtime.store import dump_checked, load_checked


def test_the_manifest_written_by_this_process_is_not_read_back(tmp_path: Path, monkeypatch) -> None:
    reads: list[Path] = []

    def counting(path):  # type: ignore[no-untyped-def]
        reads.append(Path(path))
        return load_checked(path)

    monkeypatch.setattr(manifest, "load_checked", counting)
    memo: dict = {}
    a = BuildState(tmp_path, "fp", memo=memo)
    a.new_files["x.txt"] = [3, 7, []]
    a.close()
    assert len(reads) == 1  # the first build reads (there is nothing yet)
    b = BuildState(tmp_path, "fp", memo=memo)
    assert len(reads) == 1 and b.files == {"x.txt": [3, 7, []]}
    b.close(complete=False)
    head, _ = load_checked(tmp_path / MANIFEST_NAME)
    dump_checked(tmp_path / MANIFEST_NAME, {**head, "files": {"y.txt": [1, 2, []]}})  # another
    c = BuildState(tmp_path, "fp", memo=memo)
    assert len(reads) == 2 and c.files == {"y.txt": [1, 2, []]}
    c.close()
