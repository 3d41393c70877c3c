"""Publishing a build's outputs (:func:`kg.runtime.outputs.write_outputs`): a failed move
names the output, not the staging file gone afterwards; Ctrl-C and SIGTERM wait until
every output is in place."""

from __future__ import annotations

import signal
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import KGError
from kg.runtime.outputs import PUBLISH_HELD, write_outputs


def test_a_failed_publish_names_the_output(tmp_path: Path) -> None:
    (tmp_path / "graph.ttl" / "x").mkdir(parents=True)  # a folder where the file goes
    with pytest.raises(KGError) as caught:
        write_outputs(nx.MultiDiGraph, tmp_path, ["ttl"], 10)
    message = str(caught.value)
    assert "E080" in message and str(tmp_path / "graph.ttl") in message
    assert ".kg-staging-" not in message  # (the staging file it named before)


class _Interrupting(list):
    """``moved`` of a publish: at the first file moved, the signals it should hold are
    sent, and whether they are held is noted."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[bool] = []

    def append(self, name: str) -> None:
        super().append(name)
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, [])
        self.held.append(all(s in mask for s in PUBLISH_HELD))
        if len(self) == 1:
            signal.raise_signal(signal.SIGINT)


@pytest.mark.usefixtures("terminal_signals")
def test_ctrl_c_during_the_publish_waits_for_every_output(tmp_path: Path) -> None:
    moved = _Interrupting()
    with pytest.raises(KeyboardInterrupt):
        write_outputs(nx.MultiDiGraph, tmp_path, ["ttl", "nt"], 10, moved=moved)
    assert moved == ["graph.nt", "graph.ttl"] and moved.held == [True, True]
    assert (tmp_path / "graph.ttl").exists() and (tmp_path / "graph.nt").exists()
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    assert not any(s in mask for s in PUBLISH_HELD)  # as it was
