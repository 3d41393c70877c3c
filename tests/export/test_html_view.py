"""The interactive HTML view (kg.export.view) of the real pipeline output: the payload, the
file, and the page itself in headless Chromium (marker ``browser``; network blocked, every
attempted request recorded; console errors fail the test).

The page under test is ``graph.html`` as ``kg build`` writes it for the bundled sample
(data/sample): once through :func:`kg.build.build` (session fixture) and once through the
real command line. The entity counts are checked against the pipeline's own graph
(``built_sample_graph`` of conftest: ``kg.build.extract_graph(None)``). Hand-built graphs
remain only for what the sample cannot show: hostile text (XSS) and a graph big enough to
be cut. ``test_screenshot`` writes docs/screenshot.png, the picture in the README.

Without Chromium the browser tests skip, or fail with the install hint when ``CI`` is set.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import browser as chromium
import networkx as nx
import pytest

from kg.build import BuildReport, build
from kg.export.view import html_for_notebook, render_html, show, view_data, write_html
from kg.export.view.rows import sentence_rows
from kg.model import ENTITY_TYPES

ROOT = Path(__file__).resolve().parents[2]
NEWS = "000_79559e53e2614f5a"
NEWS_TITLE = "工信部总经济师许科敏：鼓励中国产品和解决方案对外服务"
#: Evidence of 许科敏 holdsPost 工业和信息化部 (a sentence of the news article).
MIIT_SENTENCE = "7月23日，工业和信息化部总经济师许科敏在2022世界青年发展论坛"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
MIIT, CHINA, XU = "gov/miit", "country/CHN", "person/许科敏"


# --------------------------------------------------------------------------- the graph


def random_graph(n: int, m: int, seed: int = 0) -> nx.MultiDiGraph:
    """A graph of the schema's shape with ``n`` entities and about ``m`` relations."""
    import random

    rnd = random.Random(seed)
    types = ["Ministry", "GovernmentBody", "Organization", "Country", "Person", "Program"]
    G = nx.MultiDiGraph()
    G.add_node("doc/d0", kind="document", label="文档0", title="文档0")
    for i in range(n):
        G.add_node(
            f"e/{i}", kind="entity", type=types[i % len(types)], label=f"实体{i}",
            aliases=[f"别名{i}"], mentions=rnd.randint(1, 20), docs={"d0": 1}, examples=[],
        )  # fmt: skip
    preds = ["partOf", "cooperatesWith", "participatesIn"]
    for _ in range(m):
        u, v = f"e/{rnd.randrange(n)}", f"e/{min(n - 1, int(rnd.paretovariate(1.2)) - 1)}"
        p = rnd.choice(preds)
        G.add_edge(u, v, key=p, kind="relation", predicate=p, confidence=0.5,
                   modality="asserted", implicit=False, post=None,
                   evidence=[{"doc": "d0", "sentence": f"{u}与{v}的句子。"}])  # fmt: skip
    return G


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """``kg build`` of the bundled sample (Turtle and HTML) into a fresh folder."""
    out = tmp_path_factory.mktemp("out")
    report = build(None, out_dir=out, workers=1, quiet=True, formats=("ttl", "html"))
    assert report.docs_read == 2 and report.docs_failed == 0, report.summary()
    return out, report


@pytest.fixture(scope="session")
def page_file(built: tuple[Path, BuildReport]) -> Path:
    """``graph.html`` as ``kg build`` wrote it for the sample."""
    out, report = built
    assert report.outputs["html"] == str(out / "graph.html")
    return out / "graph.html"


@pytest.fixture(scope="session")
def graph(built_sample_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The pipeline's networkx graph of the sample (conftest; shared, do not mutate)."""
    return built_sample_graph


def _payload(page: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "no kg-data payload in the page"
    data = json.loads(m.group(1))
    t = re.search(r'<script type="application/json" id="kg-text">(.*?)</script>', page, re.S)
    assert t, "no kg-text table in the page"
    data["text"] = json.loads(t.group(1))
    return data


@pytest.fixture(scope="session")
def page_data(page_file: Path) -> dict[str, Any]:
    """The page's own payload (``kgData``), parsed from the file."""
    return _payload(page_file.read_text(encoding="utf-8"))


def _entities(G: nx.MultiDiGraph) -> list[str]:
    return [n for n, a in G.nodes(data=True) if a.get("kind") == "entity"]


def _relations(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any]]:
    return [(u, v, k) for u, v, k, a in G.edges(keys=True, data=True) if a["kind"] == "relation"]


def _related(G: nx.MultiDiGraph) -> set[str]:
    """The entities with a relation to another entity (the ones the view draws)."""
    return {x for u, v, _ in _relations(G) if u != v for x in (u, v)}


def _of_type(data: dict[str, Any], type_: str) -> list[str]:
    return sorted(n["id"] for n in data["nodes"] if n["type"] == type_ and n["drawn"])


# --------------------------------------------------------------------------- no browser


def test_built_page_file(
    built: tuple[Path, BuildReport], graph: nx.MultiDiGraph, page_data: dict[str, Any]
) -> None:
    out, report = built
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl"]  # no temp left
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<title>kg</title>" in page
    # self-contained: nothing to fetch
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", page)
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", page)
    assert "default-src 'none'" in page  # and the CSP forbids any fetch anyway
    assert "工业和信息化部" in page  # the Chinese as is, not \u-escaped
    # every entity of the pipeline's graph is in the page, and nothing else
    meta = page_data["meta"]
    n_entities = len(_entities(graph))
    assert n_entities == sum(report.entities_by_type.values()) > 50
    assert meta["nodes_total"] == n_entities
    assert meta["nodes_shown"] + meta["isolated"] == n_entities  # nothing cut: drawn or listed
    assert meta["nodes_shown"] == len(_related(graph))
    assert {n["id"] for n in page_data["nodes"]} == set(_entities(graph))
    assert {n["id"] for n in page_data["nodes"] if n["drawn"]} == _related(graph)
    assert meta["edges_total"] == meta["edges_shown"] == len(page_data["edges"])
    assert len(page_data["edges"]) == len(_relations(graph))
    assert meta["omitted"] is None and meta["documents"] == 2
    counts = Counter(n["type"] for n in page_data["nodes"])
    assert counts == Counter(report.entities_by_type)


def test_payload(page_data: dict[str, Any], graph: nx.MultiDiGraph) -> None:
    nodes = {n["id"]: n for n in page_data["nodes"]}
    miit = nodes[MIIT]
    assert miit["label"] == "工业和信息化部" and miit["type"] == "Ministry"
    assert "工信部" in miit["aliases"] and "中国工业和信息化部" in miit["aliases"]
    china = nodes[CHINA]
    assert (china["label"], china["wikidata"], china["iso"]) == ("中国", "Q148", "CHN")
    assert max(nodes.values(), key=lambda n: n["pr"])["id"] == CHINA  # the hub of the sample
    assert china["value"] == 1.0  # sizes are relative to the hub
    hold = next(e for e in page_data["edges"] if e["predicate"] == "holdsPost")
    assert (hold["from"], hold["to"], hold["post"]) == (XU, MIIT, "总经济师")
    text = page_data["text"]
    doc, sent = text["edge"][page_data["edges"].index(hold)][0][:2]
    assert MIIT_SENTENCE in text["sentences"][sent]
    assert page_data["docs"][doc]["id"] == NEWS and page_data["docs"][doc]["title"] == NEWS_TITLE
    # every sentence the graph keeps that names it is in the table, once
    i = next(k for k, n in enumerate(page_data["nodes"]) if n["id"] == MIIT)
    kept = {(ex["doc"], ex["sentence"]) for ex in graph.nodes[MIIT]["examples"]}
    rows = sentence_rows(page_data, text)[i]
    docs = page_data["docs"]
    got = {(docs[rows[k]]["id"], text["sentences"][rows[k + 1]]) for k in range(0, len(rows), 2)}
    evidence = {
        (ev["doc"], ev["sentence"])
        for u, v, a in graph.edges(data=True)
        if a.get("kind") == "relation" and MIIT in (u, v) and u != v
        for ev in a["evidence"]
    }
    assert got == kept | evidence  # its kept examples and the evidence of its relations
    types = [t["name"] for t in page_data["types"]]
    assert types == [t for t in ENTITY_TYPES if t in types]  # the ontology's order
    assert sum(t["count"] for t in page_data["types"]) == len(nodes)


def test_escaping() -> None:
    G = nx.MultiDiGraph()
    bad = "</script><script>alert(1)</script><!--"
    G.add_node("org/x", kind="entity", type="Organization", label=bad, aliases=["\u2028x"])
    page, _ = render_html(G, title="<b>t</b>")
    assert bad not in page and "<b>t</b>" not in page
    assert page.count("</script>") == 4  # data, text, vis-network, ours
    assert _payload(page)["nodes"][0]["label"] == bad


def test_truncation() -> None:
    G = random_graph(200, 600)
    data, stats = view_data(G, max_nodes=50)
    related = len(_related(G))
    assert stats["nodes_total"] == len(data["nodes"]) == 200 and stats["nodes_shown"] == 50
    assert stats["edges_shown"] == len(data["edges"]) < stats["edges_total"] == len(_relations(G))
    assert stats["nodes_omitted"] == related - 50 and f"{related - 50} entities" in stats["omitted"]
    assert "PageRank" in stats["omitted"]
    shown = {n["id"] for n in data["nodes"] if n["drawn"]}
    assert len(shown) == 50
    assert "e/0" in shown  # the Pareto hub
    assert all(e["from"] in shown and e["to"] in shown for e in data["edges"])
    with pytest.raises(ValueError):
        view_data(G, max_nodes=0)


def test_atomic_write(tmp_path: Path, graph: nx.MultiDiGraph) -> None:
    target = tmp_path / "out" / "graph.html"
    stats = write_html(graph, target)
    assert stats["path"] == str(target) and stats["nodes_total"] == len(_entities(graph))
    first = target.read_bytes()
    write_html(graph, target, title="again")
    assert target.read_bytes() != first
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.html"]
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)


def test_notebook(graph: nx.MultiDiGraph) -> None:
    frame = html_for_notebook(graph, height=500)
    assert frame.startswith("<iframe srcdoc=") and "height:500px" in frame
    m = re.match(r'<iframe srcdoc="([^"]*)"', frame)
    assert m, "srcdoc must be one attribute with its quotes escaped"
    inner = html.unescape(m.group(1))
    assert inner.startswith("<!DOCTYPE html>") and "工业和信息化部" in inner
    shown = show(graph, height=500)
    assert frame in shown.data


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def session():
    if not chromium.available():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(chromium.MISSING)
        pytest.skip(chromium.MISSING)
    with chromium.launch(width=1400, height=900) as b:
        dialogs: list[str] = []
        b.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        b.dialogs = dialogs  # type: ignore[attr-defined]
        yield b


def _open(b: chromium.Browser, path: Path) -> chromium.Browser:
    b.blocked.clear()
    b.errors.clear()
    b.requests.clear()
    b.dialogs.clear()  # type: ignore[attr-defined]
    b.open(path)
    b.wait_stable()
    return b


def _assert_clean(b: chromium.Browser) -> None:
    assert b.outside_requests() == [], f"the page tried to fetch {b.outside_requests()}"
    assert b.requests == [b.page_url] * len(b.requests), b.requests  # only the page itself
    assert b.errors == [], f"console errors: {b.errors}"
    assert getattr(b, "dialogs", []) == []


def _drawn(b: chromium.Browser) -> dict[str, Any]:
    return b.page.evaluate(
        """() => ({ data: network.body.data.nodes.length,
                    visible: network.body.nodeIndices.length,
                    positions: Object.keys(network.getPositions()).length,
                    kgData: kgData.nodes.length, physics: network.physics.options.enabled })"""
    )


def _screen_xy(b: chromium.Browser, point: str, arg: Any) -> tuple[float, float]:
    """Viewport coordinates of a canvas point, after centring the view on it at scale 1.2
    (so that the target is not hidden under a neighbour): ``point`` is a JS function of
    ``arg`` returning ``{x, y}`` in canvas space."""
    xy = b.page.evaluate(
        f"""arg => {{ const p = ({point})(arg);
                     network.moveTo({{ position: p, scale: 1.2, animation: false }});
                     const d = network.canvasToDOM(p);
                     const r = document.getElementById('network').getBoundingClientRect();
                     return [r.left + d.x, r.top + d.y]; }}""",
        arg,
    )
    return xy[0], xy[1]


def _next_frame(b: chromium.Browser) -> None:
    """Wait until the page has painted once more (after a view change)."""
    b.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def _click_node(b: chromium.Browser, node_id: str) -> None:
    """Click the node where it is drawn on the canvas."""
    x, y = _screen_xy(b, "id => network.getPositions([id])[id]", node_id)
    b.page.mouse.click(x, y)


def _click_edge(b: chromium.Browser, edge_id: str) -> None:
    """Click the middle of a straight edge."""
    x, y = _screen_xy(
        b,
        """eid => { const e = network.body.data.edges.get(eid);
                    const p = network.getPositions([e.from, e.to]);
                    return { x: (p[e.from].x + p[e.to].x) / 2,
                             y: (p[e.from].y + p[e.to].y) / 2 }; }""",
        edge_id,
    )
    b.page.mouse.click(x, y)


@pytest.mark.browser
def test_page_renders(
    session: chromium.Browser, page_file: Path, graph: nx.MultiDiGraph, page_data: dict[str, Any]
) -> None:
    b = _open(session, page_file)
    drawn = _drawn(b)
    n_entities, related = len(_entities(graph)), _related(graph)
    assert drawn["data"] == drawn["visible"] == drawn["positions"] == len(related)
    assert drawn["kgData"] == n_entities  # every entity is in the page: drawn or listed
    assert set(b.page.evaluate("kg.visibleNodeIds()")) == related  # the related are drawn
    assert b.page.evaluate("network.body.edgeIndices.length") == len(_relations(graph))
    assert drawn["physics"] is False  # the layout was frozen once stable
    header = b.page.inner_text("#stats")
    assert f"{len(related)} of {n_entities} entities drawn" in header
    # the others are listed by type, with their counts
    listed = b.page.evaluate("[...document.querySelectorAll('#isolated li[data-id]')].length")
    assert 0 < listed <= n_entities - len(related)
    assert f"({n_entities - len(related)})" in b.page.inner_text("#isolated-head")
    assert b.page.is_hidden("#note")  # nothing left out
    assert b.page.is_hidden("#progress")
    # the legend lists the types present, with their counts
    legend = b.page.inner_text("#type-filters")
    for t in page_data["types"]:
        assert re.search(rf"{t['name']}\s+{t['count']}\b", legend), (t, legend)
    _assert_clean(b)


@pytest.mark.browser
def test_search_alias_focuses(session: chromium.Browser, page_file: Path) -> None:
    b = _open(session, page_file)
    b.page.fill("#search", "工信部")
    first = b.page.locator("#results li").first
    assert first.get_attribute("data-id") == MIIT
    assert first.inner_text().strip().startswith("工业和信息化部(工信部)")
    b.page.press("#search", "Enter")
    b.page.wait_for_function("id => window.kgFocused === id", arg=MIIT)  # focus animation done
    state = b.page.evaluate(
        """id => { const p = network.getPositions([id])[id];
                   const v = network.getViewPosition();
                   return { sel: network.getSelectedNodes(), dx: Math.abs(p.x - v.x),
                            dy: Math.abs(p.y - v.y), scale: network.getScale() }; }""",
        MIIT,
    )
    assert state["sel"] == [MIIT]
    assert state["dx"] < 2 and state["dy"] < 2, state  # the view is centred on it
    assert state["scale"] > 0.95, state  # and zoomed in far enough to read labels
    assert b.page.inner_text("#panel h2") == "工业和信息化部"
    assert b.page.is_hidden("#results li")  # the list closed
    # another alias, a substring, an ASCII alias, no match
    assert b.page.evaluate("kg.search('中华人民共和国工业和信息化部')")[0]["id"] == MIIT
    assert b.page.evaluate("kg.search('信息化部')")[0]["id"] == MIIT
    assert b.page.evaluate("kg.search('g20')")[0]["id"] == "org/g20"
    assert b.page.evaluate("kg.search('不存在的名字')") == []
    _assert_clean(b)


@pytest.mark.browser
def test_type_filter(session: chromium.Browser, page_file: Path, page_data: dict[str, Any]) -> None:
    b = _open(session, page_file)
    total = sum(1 for n in page_data["nodes"] if n["drawn"])
    programs = _of_type(page_data, "Program")
    assert len(programs) > 10
    b.page.uncheck('#type-filters input[data-name="Program"]')
    state = b.page.evaluate(
        """ids => ({ visible: network.body.nodeIndices.length,
                     hidden: ids.filter(id => network.body.data.nodes.get(id).hidden).length,
                     drawn: ids.filter(id => network.body.nodeIndices.includes(id)),
                     apiVisible: kg.visibleNodeIds().length })""",
        programs,
    )
    assert state["hidden"] == len(programs) and state["drawn"] == []
    assert state["visible"] == state["apiVisible"] == total - len(programs)
    assert "visible after filters" in b.page.inner_text("#stats")
    # a predicate filter hides edges
    b.page.check('#type-filters input[data-name="Program"]')
    b.page.uncheck('#pred-filters input[data-name="participatesIn"]')
    hidden_edges = b.page.evaluate("network.body.data.edges.get({filter: e => e.hidden}).length")
    assert hidden_edges == sum(1 for e in page_data["edges"] if e["predicate"] == "participatesIn")
    # searching a hidden entity brings its type back
    b.page.check('#pred-filters input[data-name="participatesIn"]')
    b.page.uncheck('#type-filters input[data-name="Program"]')
    b.page.evaluate("kg.focusNode('program/belt-and-road')")
    assert b.page.is_checked('#type-filters input[data-name="Program"]')
    assert b.page.evaluate("network.body.nodeIndices.length") == total
    _assert_clean(b)


@pytest.mark.browser
def test_click_node_shows_evidence(session: chromium.Browser, page_file: Path) -> None:
    b = _open(session, page_file)
    _click_node(b, MIIT)
    assert b.page.evaluate("network.getSelectedNodes()") == [MIIT]
    panel = b.page.locator("#panel")
    assert panel.locator("h2").inner_text() == "工业和信息化部"
    text = panel.inner_text()
    assert "holdsPost (总经济师)" in text and "implements" in text
    assert MIIT_SENTENCE in text  # an evidence sentence of the document
    assert NEWS_TITLE in text  # and the document it comes from
    holds = panel.locator('.rel[data-direction="in"]', has_text="holdsPost")
    assert holds.locator("mark", has_text="许科敏").count() >= 1  # names are highlighted
    # Wikidata and ISO codes are shown, the Wikidata id as a link (never loaded by itself)
    _click_node(b, CHINA)
    assert b.page.evaluate("network.getSelectedNodes()") == [CHINA]
    link = b.page.locator("#panel a", has_text="Q148")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q148"
    assert "CHN" in b.page.inner_text("#panel")
    assert b.page.locator('#panel .rel[data-direction="out"]').count() > 20
    # the other end of a relation is a link that focuses it
    _click_node(b, XU)
    assert panel.locator("h2").inner_text() == "许科敏"
    assert panel.locator('.rel[data-direction="out"]').count() == 2
    panel.locator("a.ent", has_text="工业和信息化部").first.click()
    assert panel.locator("h2").inner_text() == "工业和信息化部"
    assert b.page.evaluate("network.getSelectedNodes()") == [MIIT]
    _assert_clean(b)


@pytest.mark.browser
def test_click_edge_shows_evidence(session: chromium.Browser, page_file: Path) -> None:
    b = _open(session, page_file)
    eid = b.page.evaluate(
        "kgData.edges.find(e => e.from === 'gov/miit' && e.predicate === 'implements').id"
    )
    _click_edge(b, eid)
    assert b.page.evaluate("network.getSelectedEdges()") == [eid]
    text = b.page.inner_text("#panel")
    assert "implements" in text and "一带一路" in text and "工业和信息化部" in text
    assert "深入贯彻落实“一带一路”发展战略" in text
    _assert_clean(b)


@pytest.mark.browser
def test_documents_toggle(
    session: chromium.Browser, page_file: Path, page_data: dict[str, Any]
) -> None:
    b = _open(session, page_file)
    total = sum(1 for n in page_data["nodes"] if n["drawn"])
    b.page.check("#doc-filter input")
    assert b.page.evaluate("network.body.nodeIndices.length") == total + 2
    b.page.evaluate(f"kg.showNode('doc/{NEWS}')")
    assert b.page.inner_text("#panel h2") == NEWS_TITLE
    assert "工业和信息化部" in b.page.inner_text("#panel")
    b.page.uncheck("#doc-filter input")
    assert b.page.evaluate("network.body.nodeIndices.length") == total
    _assert_clean(b)


#: Centre the view on a node and its neighbourhood (its neighbours, and theirs when they
#: are not hubs) at a scale where the labels stay readable (0.85-1.0).
_FRAME_NEIGHBOURHOOD = """id => {
  const near = network.getConnectedNodes(id);
  const ids = [...new Set([id, ...near, ...near.flatMap(m => {
    const nb = network.getConnectedNodes(m); return nb.length <= 4 ? nb : []; })])];
  const pos = network.getPositions(ids);
  const xs = ids.map(i => pos[i].x), ys = ids.map(i => pos[i].y);
  const box = document.getElementById("network").getBoundingClientRect();
  const w = Math.max(...xs) - Math.min(...xs), h = Math.max(...ys) - Math.min(...ys);
  const scale = Math.max(0.85, Math.min(1.0, (box.width - 360) / Math.max(w, 1),
                                         (box.height - 140) / Math.max(h, 1)));
  network.moveTo({ position: { x: (Math.max(...xs) + Math.min(...xs)) / 2,
                               y: (Math.max(...ys) + Math.min(...ys)) / 2 + 10 / scale },
                   scale: scale, animation: false });
  return scale; }"""


@pytest.mark.browser
def test_screenshot(session: chromium.Browser, page_file: Path) -> None:
    """docs/screenshot.png (the README's picture): the sample's view after searching 工信部,
    工业和信息化部 focused and its relations with their evidence in the side panel."""
    b = _open(session, page_file)
    b.page.fill("#search", "工信部")
    b.page.press("#search", "Enter")
    b.page.wait_for_function("id => window.kgFocused === id", arg=MIIT)  # focus animation done
    b.page.mouse.move(700, 890)  # no hover tooltip
    assert b.page.evaluate("network.getSelectedNodes()") == [MIIT]
    assert b.page.inner_text("#panel h2") == "工业和信息化部"
    b.page.evaluate(_FRAME_NEIGHBOURHOOD, MIIT)
    _next_frame(b)
    assert b.page.evaluate("network.getSelectedNodes()") == [MIIT]
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    tmp = SCREENSHOT.with_name(".screenshot.png.tmp")
    b.page.screenshot(path=str(tmp), type="png")
    os.replace(tmp, SCREENSHOT)
    png = SCREENSHOT.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1400, 900)
    assert len(png) > 50_000
    _assert_clean(b)


@pytest.mark.browser
def test_cli_build_page(
    session: chromium.Browser, tmp_path: Path, page_data: dict[str, Any]
) -> None:
    """The real command line, `kg build --out DIR`, and the page it writes."""
    out = tmp_path / "output"
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "--out", str(out), "--workers", "1"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "documents read: 2" in proc.stdout + proc.stderr
    path = out / "graph.html"
    data = _payload(path.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == {n["id"] for n in page_data["nodes"]}
    b = _open(session, path)
    assert _drawn(b)["visible"] == sum(1 for n in page_data["nodes"] if n["drawn"])
    b.page.fill("#search", "工信部")
    b.page.press("#search", "Enter")
    assert b.page.evaluate("network.getSelectedNodes()") == [MIIT]
    assert b.page.inner_text("#panel h2") == "工业和信息化部"
    _assert_clean(b)


@pytest.mark.browser
def test_hostile_text_is_inert(session: chromium.Browser, tmp_path: Path) -> None:
    """Labels, aliases, sentences and titles come from documents: none may become markup."""
    x = '<img src="https://evil.example/x.png" onerror="alert(1)">'
    G = nx.MultiDiGraph()
    G.add_node("doc/d", kind="document", label=x, title=x, url="javascript:alert(1)")
    G.add_node(
        "org/a",
        kind="entity",
        type="Organization",
        label="甲" + x,
        aliases=[x],
        mentions=1,
        examples=[{"doc": "d", "sentence": x}],
        wikidata="javascript:1",
    )
    G.add_node("org/b", kind="entity", type=x, label="</script><script>alert(2)</script>")
    G.add_edge("org/a", "org/b", key=x, kind="relation", predicate=x, post=x,
               evidence=[{"doc": "d", "sentence": "甲" + x, "rule": x}])  # fmt: skip
    path = tmp_path / "x.html"
    write_html(G, path)
    b = _open(session, path)
    b.page.evaluate("kg.focusNode('org/a')")
    b.page.evaluate("kg.showEdge(kgData.edges[0].id)")
    b.page.check("#doc-filter input")
    b.page.evaluate("kg.showNode('doc/d')")
    b.page.fill("#search", "img")
    assert b.page.locator("img").count() == 0
    assert b.page.locator("#panel a[href^='javascript']").count() == 0
    assert x in b.page.inner_text("#panel")
    _assert_clean(b)


@pytest.mark.browser
def test_big_graph_is_cut_and_settles(session: chromium.Browser, tmp_path: Path) -> None:
    G = random_graph(1200, 4000)
    path = tmp_path / "big.html"
    stats = write_html(G, path, max_nodes=500)
    b = _open(session, path)
    assert b.page.evaluate("network.body.nodeIndices.length") == stats["nodes_shown"] == 500
    note = b.page.inner_text("#note")
    assert "Drawing the 500 most central of" in note and "left out of the drawing" in note
    assert stats["nodes_shown"] + stats["nodes_omitted"] + stats["isolated"] == 1200
    assert b.page.evaluate("network.physics.options.enabled") is False
    _assert_clean(b)


@pytest.mark.browser
def test_notebook_iframe_renders(
    session: chromium.Browser, graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    """html_for_notebook's iframe (what Jupyter shows) runs the same page, offline."""
    host = tmp_path / "notebook.html"
    host.write_text(
        "<!DOCTYPE html><meta charset=utf-8><body>" + html_for_notebook(graph) + "</body>",
        encoding="utf-8",
    )
    session.blocked.clear()
    session.errors.clear()
    session.requests.clear()
    session.open(host)
    frame = session.page.frame_locator("iframe")
    inner = next(f for f in session.page.frames if f != session.page.main_frame)
    inner.wait_for_function("() => window.kgStable === true", timeout=30_000)
    assert inner.evaluate("network.body.nodeIndices.length") == len(_related(graph))
    frame.locator("#search").fill("工信部")
    frame.locator("#search").press("Enter")
    assert inner.evaluate("network.getSelectedNodes()") == [MIIT]
    assert "工业和信息化部" in frame.locator("#panel h2").inner_text()
    assert session.outside_requests() == [] and session.errors == []
