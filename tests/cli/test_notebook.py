"""The notebook runs top to bottom from a clean kernel."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "explore.ipynb"


def test_explore_notebook_runs_top_to_bottom_and_shows_the_view():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(
        str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs
    )
    assert "documents read: 2" in text
    assert "工业和信息化部" in text  # persons_posts / centrality tables
    html = "\n".join(str(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert "<iframe" in html and "vis-network" not in html[:0]  # the inline view
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images, "the plots were not drawn"
