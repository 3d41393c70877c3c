"""``python -m kg`` runs the same command line as the ``kg`` script."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_python_dash_m_kg_prints_the_commands() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "kg", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "build" in out and "eval" in out and "query" in out
