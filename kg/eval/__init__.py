"""``kg eval``: score kg's graph against gold annotations (see ``score``)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.errors import Errors, KGError
from kg.eval.score import EvalReport, gold_files, load_gold, norm, score_graph

__all__ = [
    "EvalReport",
    "default_gold_dir",
    "evaluate",
    "gold_files",
    "load_gold",
    "norm",
    "score_graph",
]

REPO_DIR = Path(__file__).resolve().parents[2]


def default_gold_dir() -> Path:
    """``../shared/eval/dev`` beside the checkout."""
    return REPO_DIR.parent / "shared" / "eval" / "dev"


def find_docs(gold_dir: Path, docs_dir: Path | None) -> list[Path]:
    """The documents the gold files are about, looked up by file name."""
    from kg.build import SAMPLE_DIR

    golds = [(p, load_gold(p)["doc"]) for p in gold_files(gold_dir)]
    roots = (
        [docs_dir]
        if docs_dir
        else [gold_dir, gold_dir.parent, SAMPLE_DIR, REPO_DIR.parent / "shared" / "seeds"]
    )
    found = []
    for path, name in golds:
        for root in roots:
            hits = sorted(root.rglob(name)) if root and root.exists() else []
            if hits:
                found.append(hits[0])
                break
        else:
            raise KGError(Errors.E162, path=path, doc=name, roots=", ".join(map(str, roots)))
    return found


def evaluate(
    gold_dir: str | Path | None = None,
    docs_dir: str | Path | None = None,
    graph: nx.MultiDiGraph | None = None,
) -> EvalReport:
    """Build the gold documents (unless ``graph`` is given) and score the graph."""
    from kg.build import extract_graph

    gdir = Path(gold_dir) if gold_dir else default_gold_dir()
    if graph is None:
        docs = find_docs(gdir, Path(docs_dir) if docs_dir else None)
        graph = extract_graph(docs, workers=1)
    return score_graph(graph, gdir)
