"""The page: ``static/page.html`` with the view's CSS and JS, vis-network (from the installed
pyvis package) and the data inlined, so that it opens from ``file://``, inside a Jupyter
``iframe srcdoc`` or offline. The data is two JSON elements: what the page draws and lists
(parsed at once) and the text table (sentences, parsed when the panel first needs them).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("gov/miit", kind="entity", type="Ministry", label="工业和信息化部",
...            aliases=["工信部"], mentions=2)
>>> G.add_node("person/x", kind="entity", type="Person", label="</script><b>x", mentions=1)
>>> _ = G.add_edge("person/x", "gov/miit", key="holdsPost", kind="relation",
...                predicate="holdsPost", evidence=[])
>>> page, stats = render_html(G)
>>> stats["nodes_shown"], stats["edges_shown"], stats["omitted"]
(2, 1, None)
>>> "</script><b>" in page
False
"""

from __future__ import annotations

import contextlib
import html as _html
import importlib.resources
import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export.view.data import view_data
from kg.export.view.entities import NodeList
from kg.export.view.text import TextPieces, inert_json_bytes, text_json
from kg.io import atomic_write

__all__ = ["html_for_notebook", "render_html", "show", "write_html"]

_VIS_DIR = ("templates", "lib", "vis-9.1.2")
_SLOT = re.compile(r"@@KG_([A-Z_]+)@@")


def _static(name: str) -> str:
    return importlib.resources.files("kg.export.view").joinpath("static", name).read_text("utf-8")


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and CSS, read from the installed pyvis package."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; it provides vis-network for the HTML view")
    base = Path(next(iter(spec.submodule_search_locations))).joinpath(*_VIS_DIR)
    js = (base / "vis-network.min.js").read_text(encoding="utf-8")
    css = (base / "vis-network.css").read_text(encoding="utf-8")
    return _inert(js, "script"), _inert(css, "style")


def _inert(code: str, element: str) -> str:
    """Nothing in inlined code may close its element early."""
    return re.sub(rf"</({element})", r"<\\/\1", code, flags=re.IGNORECASE)


def _script_json(obj: Any) -> bytes:
    """JSON for a ``<script type="application/json">`` element (UTF-8): ``<`` is escaped
    so no ``</script>`` or ``<!--`` in the data can end or confuse the element."""
    return inert_json_bytes(
        json.dumps(obj, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    )


def data_json(data: dict[str, Any]) -> bytes:
    """:func:`_script_json` of the page's data, each list that carries its items' JSON
    (:class:`~kg.export.view.entities.NodeList`: the nodes, the entities' rows) written
    from it: the other values are encoded as ``json.dumps`` encodes a dict's items.

    >>> nodes = NodeList([{"id": "<a>"}]); nodes.parts = [_script_json({"id": "<a>"})]
    >>> data_json({"meta": {"t": "</x>"}, "nodes": nodes}) == _script_json(
    ...     {"meta": {"t": "</x>"}, "nodes": [{"id": "<a>"}]})
    True
    """
    items = []
    for k, v in data.items():
        parts = v.parts if isinstance(v, NodeList) else None
        value = _script_json(v) if parts is None else b"[" + b",".join(parts) + b"]"
        items.append(_script_json(k) + b":" + value)
    return b"{" + b",".join(items) + b"}"


@lru_cache(maxsize=1)
def _template() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``page.html`` cut at its ``@@KG_…@@`` slots, the fixed parts (CSS, JS) already in:
    ``(texts, slots)``, the page being ``texts[0] + value(slots[0]) + texts[1] + …``."""
    vis_js, vis_css = _vis_assets()
    fixed = {
        "VIS_CSS": vis_css,
        "VIS_JS": vis_js,
        "CSS": _inert(_static("view.css"), "style"),
        "JS": _inert(_static("view.js"), "script"),
    }
    source = _static("page.html")
    texts, slots = [""], []
    pos = 0
    for m in _SLOT.finditer(source):
        texts[-1] += source[pos : m.start()]
        name = m.group(1)
        if name in fixed:
            texts[-1] += fixed[name]
        else:
            slots.append(name)
            texts.append("")
        pos = m.end()
    texts[-1] += source[pos:]
    return tuple(texts), tuple(slots)


@lru_cache(maxsize=1)
def _template_bytes() -> tuple[bytes, ...]:
    return tuple(t.encode("utf-8") for t in _template()[0])


def _slot_values(
    G: nx.MultiDiGraph, *, max_nodes: int | None, title: str, pieces: TextPieces | None = None
) -> tuple[dict[str, str | bytes], dict[str, Any]]:
    """The slots' values: text, or UTF-8 bytes (the text table, assembled from its pieces'
    encoded JSON)."""
    data, stats = view_data(G, max_nodes=max_nodes, title=title, pieces=pieces)
    text = data.pop("text")
    return {
        "TITLE": _html.escape(title, quote=True),
        "DATA": data_json(data),
        "TEXT": text_json(text),
    }, stats


def render_html(
    G: nx.MultiDiGraph, *, max_nodes: int | None = 1500, title: str = "kg"
) -> tuple[str, dict[str, Any]]:
    """The whole page as a string, and the stats (see :func:`~kg.export.view.view_data`)."""
    values, stats = _slot_values(G, max_nodes=max_nodes, title=title)
    texts, slots = _template()
    out = [texts[0]]
    for name, text in zip(slots, texts[1:], strict=True):
        value = values[name]
        out += (value.decode("utf-8") if isinstance(value, bytes) else value, text)
    return "".join(out), stats


def write_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    max_nodes: int | None = 1500,
    title: str = "kg",
    pieces: TextPieces | None = None,
) -> dict[str, Any]:
    """Write the interactive view of ``G`` to ``path`` (atomically) and return the stats
    (those of :func:`~kg.export.view.view_data` and ``path``). ``pieces``: the text
    table's pieces kept from the last build (:class:`~kg.export.view.text.TextPieces`)."""
    values, stats = _slot_values(G, max_nodes=max_nodes, title=title, pieces=pieces)
    # Bytes: the template is encoded once, only the slots per page.
    texts = _template_bytes()
    chunks = [texts[0]]
    for name, text in zip(_template()[1], texts[1:], strict=True):
        value = values[name]
        chunks += (value if isinstance(value, bytes) else value.encode("utf-8"), text)
    with atomic_write(path, "wb") as fh:
        fh.writelines(chunks)
    return {**stats, "path": str(path)}


def html_for_notebook(
    G: nx.MultiDiGraph, *, max_nodes: int | None = 1500, title: str = "kg", height: int = 720
) -> str:
    """The same page in an ``<iframe srcdoc>`` (sandboxed: scripts and link pop-ups only),
    for Jupyter or any HTML host."""
    page, _ = render_html(G, max_nodes=max_nodes, title=title)
    return (
        f'<iframe srcdoc="{_html.escape(page, quote=True)}" title="{_html.escape(title)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
    )


def show(G: nx.MultiDiGraph, **kwargs: Any) -> Any:
    """An ``IPython.display.HTML`` of :func:`html_for_notebook` (the last expression of a
    cell displays it)."""
    try:
        from IPython.display import HTML
    except ImportError as exc:  # pragma: no cover - IPython comes with Jupyter
        raise RuntimeError("show() needs IPython (pip install ipython)") from exc
    return HTML(f'<div class="kg-view">{html_for_notebook(G, **kwargs)}</div>')


# Read and encode the fixed parts now: a build imports this module ahead of time (while it
# waits for its workers), so that a forked view writer finds them ready.
with contextlib.suppress(RuntimeError, OSError):
    _template_bytes()
