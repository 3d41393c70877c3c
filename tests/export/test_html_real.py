"""The page ``kg build`` writes for the bundled sample, in Debian's headless Chromium with
the network blocked: it renders every entity, search by alias focuses the node, a type
filter hides nodes, a click shows evidence; no console error, no request. It also makes the
README's screenshot (docs/screenshot.png)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import browser as chromium
import pytest

from kg.build import extract_graph

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "screenshot.png"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``kg build --out DIR`` of the bundled sample, through the real CLI."""
    out = tmp_path_factory.mktemp("out")
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "--out", str(out), "--workers", "1"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return out / "graph.html"


@pytest.fixture(scope="module")
def entities() -> dict[str, str]:
    """key → type of every entity node of the sample's graph."""
    G = extract_graph(None, workers=1)
    return {n: d["type"] for n, d in G.nodes(data=True) if d.get("kind") == "entity"}


@pytest.fixture(scope="module")
def related() -> set[str]:
    """The entities of the sample's graph with a relation to another (the ones drawn)."""
    G = extract_graph(None, workers=1)
    return {
        x
        for u, v, a in G.edges(data=True)
        if a.get("kind") == "relation" and u != v
        for x in (u, v)
    }


@pytest.fixture(scope="module")
def page(built: Path):
    if not chromium.available():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(chromium.MISSING)
        pytest.skip(chromium.MISSING)
    with chromium.launch() as b:
        b.open(built)
        b.wait_stable()
        yield b


def _next_frame(b: chromium.Browser) -> None:
    """Wait until the page has painted once more (after a view change)."""
    b.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def _clean(b: chromium.Browser) -> None:
    assert b.outside_requests() == [], f"the page tried to fetch {b.outside_requests()}"
    assert b.errors == [], f"console errors: {b.errors}"


@pytest.mark.browser
def test_built_page_draws_every_related_entity(page, related: set[str]) -> None:
    drawn = page.page.evaluate(
        "() => ({ n: network.body.nodeIndices.length, ids: network.body.data.nodes.getIds() })"
    )
    assert drawn["n"] == len(related)
    assert set(drawn["ids"]) == related
    _clean(page)


@pytest.mark.browser
def test_built_page_search_by_short_form_focuses_the_ministry(page) -> None:
    page.page.fill("#search", "工信部")
    page.page.press("#search", "Enter")
    page.page.wait_for_function("id => window.kgFocused === id", arg="gov/miit")
    state = page.page.evaluate(
        """() => { const p = network.getPositions(['gov/miit'])['gov/miit'];
                   const v = network.getViewPosition();
                   return { sel: network.getSelectedNodes(), dx: Math.abs(p.x - v.x),
                            dy: Math.abs(p.y - v.y) }; }"""
    )
    assert state["sel"] == ["gov/miit"]
    assert state["dx"] < 2 and state["dy"] < 2, state
    assert "工业和信息化部" in page.page.inner_text("#panel h2")
    # the side panel shows its relations with evidence from the article
    panel = page.page.inner_text("#panel")
    assert "holdsPost" in panel and "许科敏" in panel
    assert "总经济师许科敏在2022世界青年发展论坛" in panel
    _clean(page)


@pytest.mark.browser
def test_built_page_type_filter_hides_programmes(
    page, entities: dict[str, str], related: set[str]
) -> None:
    programmes = sorted(k for k, t in entities.items() if t == "Program" and k in related)
    assert programmes
    page.page.uncheck('#type-filters input[data-name="Program"]')
    state = page.page.evaluate(
        """ids => ({ visible: network.body.nodeIndices.length,
                     drawn: ids.filter(id => network.body.nodeIndices.includes(id)) })""",
        programmes,
    )
    assert state["drawn"] == []
    assert state["visible"] == len(related) - len(programmes)
    page.page.check('#type-filters input[data-name="Program"]')
    assert page.page.evaluate("network.body.nodeIndices.length") == len(related)
    _clean(page)


@pytest.mark.browser
def test_built_page_click_on_china_shows_evidence_and_makes_the_screenshot(page) -> None:
    # bring 中国 to the centre, zoomed in so no neighbour overlaps it, then click it
    page.page.evaluate("network.focus('country/CHN', {scale: 2.0, animation: false})")
    _next_frame(page)
    xy = page.page.evaluate(
        """id => { const p = network.getPositions([id])[id]; const d = network.canvasToDOM(p);
                   const r = document.getElementById('network').getBoundingClientRect();
                   return [r.left + d.x, r.top + d.y]; }""",
        "country/CHN",
    )
    page.page.mouse.click(*xy)
    panel = page.page.inner_text("#panel")
    assert page.page.inner_text("#panel h2").startswith("中国")
    assert "制定《网络扶贫行动计划》" in panel  # an evidence sentence of the white paper
    # the README screenshot: the ministry found by its short form, its evidence open
    page.page.fill("#search", "工信部")
    page.page.press("#search", "Enter")
    page.page.wait_for_function("id => window.kgFocused === id", arg="gov/miit")
    page.page.evaluate("network.focus('gov/miit', {scale: 1.3, animation: false})")
    page.page.mouse.move(300, 860)  # an empty corner of the canvas: no tooltip
    _next_frame(page)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000
    _clean(page)
