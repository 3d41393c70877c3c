"""The view as an overview of a real corpus: the work and congress reports of
/work/shared/corpus/reports (one document per report, the government reports dated by their
year), built once by ``kg build`` in a temporary folder and opened in Debian's headless
Chromium at 1400×900 with the network blocked.

The opening view reads at first sight (at least 20 labels on screen, none overlapping, no
node without a relation drawn; those are listed by type beside it); the entity table sorts
and its selected rows filter the drawing, so do the document table's; the date range
changes what is drawn; the "mentioned together" layer toggles; the panel pages through every
sentence of an entity with more than 50; no console error, no request. It writes
docs/corpus-overview.png, the README's picture of the overview.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import browser as chromium
import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT.parent / "shared" / "corpus" / "reports"
OVERVIEW = ROOT / "docs" / "corpus-overview.png"

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="session")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``kg build`` of the reports, one JSONL record per report; a government work report's
    ``year`` becomes its ``date`` (the congress reports stay undated)."""
    if not REPORTS.is_dir():
        pytest.skip(f"no corpus at {REPORTS}")
    tmp = tmp_path_factory.mktemp("reports")
    src = tmp / "reports.jsonl"
    with src.open("w", encoding="utf-8") as out:
        for path in sorted(REPORTS.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                if rec.get("year"):
                    rec["date"] = str(rec["year"])
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(tmp / "out"),
         "--format", "html", "--workers", "2", "--quiet"],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return tmp / "out" / "graph.html"


@pytest.fixture(scope="module")
def session():
    if not chromium.available():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(chromium.MISSING)
        pytest.skip(chromium.MISSING)
    with chromium.launch(width=1400, height=900) as b:
        yield b


@pytest.fixture
def view(session: chromium.Browser, corpus_page: Path) -> chromium.Browser:
    """The corpus page, freshly opened and laid out; clean at the end of the test."""
    b = session
    b.blocked.clear()
    b.errors.clear()
    b.requests.clear()
    b.open(corpus_page)
    b.wait_stable(timeout_ms=60_000)
    b.page.wait_for_function("() => kg.labels().length > 0")
    yield b
    assert b.outside_requests() == [], f"the page tried to fetch {b.outside_requests()}"
    assert b.errors == [], f"console errors: {b.errors}"


def _visible(b: chromium.Browser) -> set[str]:
    return set(b.page.evaluate("kg.visibleNodeIds()"))


def _next_frame(b: chromium.Browser) -> None:
    b.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def test_opening_view_reads_and_lists_the_unrelated(
    view: chromium.Browser, corpus_page: Path
) -> None:
    b = view
    labels: list[dict[str, Any]] = b.page.evaluate("kg.labels()")
    box = b.page.evaluate(
        "(() => { const r = document.getElementById('network').getBoundingClientRect();"
        " return { w: r.width, h: r.height }; })()"
    )
    assert len(labels) >= 20, labels
    for a in labels:  # on screen, and no two overlap
        assert 0 <= a["x"] and a["x"] + a["w"] <= box["w"] and 0 <= a["y"] <= box["h"] - a["h"]
    for i, a in enumerate(labels):
        for c in labels[i + 1 :]:
            assert not (
                a["x"] < c["x"] + c["w"] and c["x"] < a["x"] + a["w"]
                and a["y"] < c["y"] + c["h"] and c["y"] < a["y"] + a["h"]
            ), (a, c)  # fmt: skip
    # the most central entity is labelled
    top = b.page.evaluate("kgData.nodes[0].label")
    assert top in {a["text"] for a in labels}
    # no isolated node drawn: every drawn node has an edge drawn
    lonely = b.page.evaluate(
        "kg.visibleNodeIds().filter(id => network.getConnectedEdges(id).length === 0)"
    )
    assert lonely == []
    # the unrelated entities are in the side list, by type, with their counts
    data = b.page.evaluate("kgData.nodes.filter(x => !x.drawn).map(x => [x.id, x.type, x.degree])")
    unrelated = [d for d in data if d[2] == 0]
    assert len(unrelated) > 100
    assert f"({len(data)})" in b.page.inner_text("#isolated-head")
    person = next(d for d in unrelated if d[1] in ("Law", "Program", "Location"))
    counts = b.page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#isolated details')].map(
             d => [d.dataset.type, +d.querySelector('summary .count').textContent]))"""
    )
    assert sum(counts.values()) == len(data)
    assert counts[person[1]] == sum(1 for d in data if d[1] == person[1])
    # the list is searchable, and an item adds its entity to the drawing
    label = b.page.evaluate(f"kgData.nodes.find(x => x.id === {json.dumps(person[0])}).label")
    b.page.fill("#isolated-search", label)
    item = b.page.locator(f'#isolated li[data-id="{person[0]}"] a')
    item.click()
    b.page.wait_for_function("id => window.kgFocused === id", arg=person[0])
    assert person[0] in _visible(b)
    assert b.page.inner_text("#panel h2") == label
    # the README's picture of the overview, from a fresh opening view
    b.open(corpus_page)
    b.wait_stable(timeout_ms=60_000)
    b.page.wait_for_function("() => kg.labels().length >= 20")
    b.page.mouse.move(5, 895)  # no hover tooltip
    _next_frame(b)
    OVERVIEW.parent.mkdir(parents=True, exist_ok=True)
    tmp = OVERVIEW.with_name(".corpus-overview.png.tmp")
    b.page.screenshot(path=str(tmp), type="png")
    os.replace(tmp, OVERVIEW)
    png = OVERVIEW.read_bytes()
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1400, 900)


def test_tables_sort_and_selection_filters(view: chromium.Browser) -> None:
    b = view
    b.page.click('#tabs button[data-tab="ent-table"]')
    b.page.click('#ent-table th[data-key="degree"]')
    first = b.page.locator("#ent-table tbody tr").first
    top = b.page.evaluate("Math.max(...kgData.nodes.map(x => x.degree))")
    assert int(first.locator("td").nth(4).inner_text()) == top
    b.page.click('#ent-table th[data-key="mentions"]')
    b.page.click('#ent-table th[data-key="mentions"]')  # twice: ascending
    assert "asc" in (b.page.get_attribute('#ent-table th[data-key="mentions"]', "class") or "")
    b.page.click('#ent-table th[data-key="mentions"]')  # descending again
    mentions = [
        int(t) for t in b.page.locator("#ent-table tbody tr td:nth-child(3)").all_inner_texts()
    ]
    assert mentions == sorted(mentions, reverse=True) and len(mentions) == 100
    # selecting a row: the drawing shows that entity and its neighbours only
    before = _visible(b)
    row = b.page.locator("#ent-table tbody tr").first
    key = int(row.get_attribute("data-key"))
    row.locator("td").nth(1).click()
    ent = b.page.evaluate(f"kgData.nodes[{key}].id")
    neighbours = set(b.page.evaluate(f"network.getConnectedNodes({json.dumps(ent)})"))
    after = _visible(b)
    assert ent in after and after <= neighbours | {ent} and len(after) < len(before)
    assert "1 selected" in b.page.inner_text("#ent-table .table-bar")
    b.page.click("#ent-table button.clear")
    assert _visible(b) == before
    # the documents table: a selected report keeps what it mentions
    b.page.click('#tabs button[data-tab="doc-table"]')
    b.page.click('#doc-table th[data-key="rels"]')
    row = b.page.locator("#doc-table tbody tr").first
    di = int(row.get_attribute("data-key"))
    row.locator("td").nth(1).click()
    after = _visible(b)
    in_doc = set(
        b.page.evaluate(
            f"""kgData.mentions.filter(m => m[1] === {di}).map(m => kgData.nodes[m[0]].id)
                 .concat(kgData.edges.filter(e => e.docs.includes({di}))
                                     .flatMap(e => [e.from, e.to]))"""
        )
    )
    assert after and after <= in_doc and len(after) < len(before)
    b.page.click("#doc-table button.clear")
    assert _visible(b) == before


def test_date_range_filters(view: chromium.Browser) -> None:
    b = view
    assert b.page.is_visible("#time")
    dates = b.page.evaluate("kg.dates")
    assert len(dates) > 30 and dates == sorted(dates)
    before = _visible(b)
    # the slider: the last ten years only
    lo = len(dates) - 10
    b.page.evaluate(
        """lo => { const i = document.getElementById('date-lo'); i.value = String(lo);
                   i.dispatchEvent(new Event('input', { bubbles: true })); }""",
        lo,
    )
    assert b.page.inner_text("#date-from") == dates[lo]
    after = _visible(b)
    assert after and len(after) < len(before)
    # every entity still drawn is mentioned in a report of those years, or related there
    bad = b.page.evaluate(
        """lo => { const ok = new Set(kgData.docs.map((d, i) => [d, i])
                     .filter(([d]) => d.date && d.date >= kg.dates[lo]).map(([, i]) => i));
                   const by = new Map(kgData.nodes.map(x => [x.id, x.i]));
                   return kg.visibleNodeIds().filter(id =>
                     !kgData.mentions.some(m => m[0] === by.get(id) && ok.has(m[1])) &&
                     !kgData.edges.some(e => (e.from === id || e.to === id) &&
                                             e.docs.some(d => ok.has(d)))); }""",
        lo,
    )
    assert bad == []
    # the panel: first and last mention dates; evidence only from the range
    top = b.page.evaluate(
        "kgData.nodes.find(x => kg.visibleNodeIds().includes(x.id)).id"  # ranked by PageRank
    )
    b.page.evaluate(f"kg.showNode({json.dumps(top)})")
    text = b.page.inner_text("#panel")
    assert "First mention" in text and "Last mention" in text
    assert "outside the selected documents or dates" in text
    b.page.evaluate("kg.setDateRange(0, kg.dates.length - 1)")
    assert _visible(b) == before


def test_comention_layer_toggles(view: chromium.Browser) -> None:
    b = view
    n = b.page.evaluate("kgData.comention.length")
    assert n > 0
    count = "network.body.data.edges.get({ filter: e => String(e.id).startsWith('c') }).length"
    assert b.page.evaluate(count) == 0  # off by default
    b.page.check("#comention-filter input")
    assert b.page.evaluate(count) == n
    edge = b.page.evaluate(
        "network.body.data.edges.get({ filter: e => String(e.id).startsWith('c') })[0]"
    )
    assert edge["physics"] is False and "mentioned together" in edge["title"]
    b.page.evaluate(f"kg.showEdge({json.dumps(edge['id'])})")
    assert "not a relation the text states" in b.page.inner_text("#panel")
    b.page.uncheck("#comention-filter input")
    assert b.page.evaluate(count) == 0


def test_evidence_pages_through_every_sentence(view: chromium.Browser) -> None:
    b = view
    # the entity with the most sentences in the page's text table
    i, n = b.page.evaluate(
        """() => { const t = kgText(); let best = 0;
                   t.ent.forEach((r, k) => { if (r.length > t.ent[best].length) best = k; });
                   return [best, t.ent[best].length / 2]; }"""
    )
    assert n > 50
    ent = b.page.evaluate(f"kgData.nodes[{i}].id")
    b.page.evaluate(f"kg.showNode({json.dumps(ent)})")
    pager = b.page.locator("#mentions .pager")
    info = pager.locator(".pager-info").inner_text()
    pages = int(re.search(r"of (\d+)", info).group(1))
    assert f"{n} sentence(s)" in info and pages == -(-n // 20)
    seen = 0
    for p in range(pages):
        assert pager.locator(".pager-info").inner_text().startswith(f"Page {p + 1} of")
        seen += pager.locator(".row").count()  # a sentence, or the place of one
        if p < pages - 1:
            pager.locator("button.next").click()
    assert seen == n
    assert pager.locator("button.next").is_disabled()
