"""The interactive HTML view (kg.export.html): payload, file writing, and the page itself in
headless Chromium (marker ``browser``; network blocked, every attempted request recorded).

These tests use a graph built by hand from the bundled sample article following the schema
of :mod:`kg.graph`, so their expectations are exact; ``test_html_real.py`` drives the page
that ``kg build`` writes for the whole sample.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

import browser as chromium
import networkx as nx
import pytest

from kg.export.html import html_for_notebook, render_html, show, view_data, write_html

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample" / "000_79559e53e2614f5a.txt"
DOC_ID = "000_79559e53e2614f5a"


# --------------------------------------------------------------------------- the graph


def _clean(raw: str) -> tuple[dict[str, str], str]:
    """Front matter and the text of the article (tags stripped, page furniture cut)."""
    meta: dict[str, str] = {}
    body = raw
    m = re.match(r"\s*---\n(.*?)\n---\n", raw, re.S)
    if m:
        for line in m.group(1).splitlines():
            k, sep, v = line.partition(":")
            if sep and v.strip():
                meta[k.strip()] = v.strip().strip("'")
        body = raw[m.end() :]
    body = html.unescape(re.sub(r"<[^>]+>", "", body))
    body = body.split(".appendQr_wrap")[0]
    lines = [ln.strip().strip("\u3000") for ln in body.splitlines()]
    return meta, "\n".join(ln for ln in lines if ln)


def _sentences(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^。！？\n]+[。！？]?", text)]


# key: (type, label, aliases, wikidata, iso)
ENTITIES: dict[str, tuple[str, str, list[str], str | None, str | None]] = {
    "gov/miit": ("Ministry", "工业和信息化部", ["中国工业和信息化部", "工信部"], None, None),
    "person/许科敏": ("Person", "许科敏", [], None, None),
    "event/2022世界青年发展论坛": ("Event", "2022世界青年发展论坛", [], None, None),
    "event/G20数字经济部长会议": ("Event", "G20数字经济部长会议", [], None, None),
    "program/一带一路": ("Program", "一带一路", [], None, None),
    "program/十四五数字经济发展规划": ("Program", "“十四五”数字经济发展规划", [], None, None),
    "program/G20数字经济发展与合作倡议": ("Program", "G20数字经济发展与合作倡议", [], None, None),
    "org/G20": ("Organization", "二十国集团", ["G20"], None, None),
    "org/BRICS": ("Organization", "金砖国家", ["金砖"], None, None),
    "org/ASEAN": ("Organization", "东盟", [], None, None),
    "country/CHN": ("Country", "中国", ["中华人民共和国"], "Q148", "CHN"),
}

# (subject, predicate, object, a phrase of the evidence sentence, post, confidence, implicit)
RELATIONS = [
    (
        "person/许科敏",
        "holdsPost",
        "gov/miit",
        "工业和信息化部总经济师许科敏",
        "总经济师",
        0.95,
        False,
    ),
    (
        "person/许科敏",
        "participatesIn",
        "event/2022世界青年发展论坛",
        "在2022世界青年发展论坛",
        None,
        0.8,
        False,
    ),
    ("gov/miit", "implements", "program/一带一路", "深入贯彻落实“一带一路”", None, 0.85, False),
    ("gov/miit", "participatesIn", "org/G20", "通过G20、金砖等多边机制", None, 0.7, False),
    ("gov/miit", "participatesIn", "org/BRICS", "通过G20、金砖等多边机制", None, 0.7, False),
    ("gov/miit", "issued", "program/十四五数字经济发展规划", "推动印发“十四五”", None, 0.6, True),
    (
        "gov/miit",
        "hosted",
        "event/G20数字经济部长会议",
        "牵头承担G20数字经济部长会议",
        None,
        0.75,
        True,
    ),
    (
        "event/G20数字经济部长会议",
        "partOf",
        "org/G20",
        "牵头承担G20数字经济部长会议",
        None,
        0.6,
        True,
    ),
    ("country/CHN", "cooperatesWith", "org/ASEAN", "中国—东盟数字经济合作年", None, 0.7, False),
    (
        "gov/miit",
        "initiated",
        "program/G20数字经济发展与合作倡议",
        "倡议发起并加入G20",
        None,
        0.8,
        True,
    ),
]


def sample_graph() -> nx.MultiDiGraph:
    """The sample article as a kg graph (schema of kg.graph), built by hand."""
    meta, text = _clean(SAMPLE.read_text(encoding="utf-8"))
    sents = _sentences(text)
    G = nx.MultiDiGraph(base_iri="https://example.org/kg/", observations=[], merge_log=[])
    G.add_node(
        f"doc/{DOC_ID}",
        kind="document",
        label=meta.get("title", DOC_ID),
        title=meta.get("title"),
        date="2022-07-24",
        author=meta.get("author"),
        url=None,
        publisher=meta.get("author"),
        source=str(SAMPLE.relative_to(ROOT)),
        categories=["金融", "新浪财经", "新浪财经－国內"],
        chars=len(text),
        iri=f"https://example.org/kg/doc/{DOC_ID}",
    )
    for key, (type_, label, aliases, qid, iso) in ENTITIES.items():
        names = sorted({label.strip("“”"), *aliases}, key=len, reverse=True)
        spans = []
        for name in names:
            for m in re.finditer(re.escape(name), text):
                if not any(s <= m.start() < e for s, e in spans):
                    spans.append((m.start(), m.end()))
        assert spans, f"{label} is not in the sample"
        examples = []
        for s, e in sorted(spans)[:3]:
            ss, se, sentence = next(t for t in sents if t[0] <= s < t[1])
            examples.append({"doc": DOC_ID, "start": s, "end": e, "sentence": sentence})
        G.add_node(
            key,
            kind="entity",
            type=type_,
            label=label,
            aliases=sorted(aliases),
            iri=f"https://example.org/kg/{key}",
            wikidata=qid,
            iso=iso,
            en=None,
            category=None,
            mentions=len(spans),
            docs={DOC_ID: len(spans)},
            examples=examples,
        )
        G.add_edge(key, f"doc/{DOC_ID}", key="mentionedIn", kind="mention", count=len(spans))
    for subj, pred, obj, phrase, post, conf, implicit in RELATIONS:
        ss, se, sentence = next(t for t in sents if phrase in t[2])
        ev = {
            "doc": DOC_ID,
            "sent_start": ss,
            "sent_end": se,
            "sentence": sentence,
            "rule": f"test.{pred}",
            "confidence": conf,
            "modality": "asserted",
            "implicit": implicit,
            "post": post,
        }
        G.add_edge(
            subj,
            obj,
            key=pred,
            kind="relation",
            predicate=pred,
            confidence=conf,
            modality="asserted",
            implicit=implicit,
            post=post,
            evidence=[ev],
        )
    return G


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


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return sample_graph()


@pytest.fixture(scope="module")
def page_file(graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory):
    """The page of the sample graph and its stats. (Later: output/graph.html of `kg build`.)"""
    path = tmp_path_factory.mktemp("html") / "graph.html"
    stats = write_html(graph, path, title="kg sample")
    return path, stats


def _entities(G: nx.MultiDiGraph) -> list[str]:
    return [n for n, a in G.nodes(data=True) if a.get("kind") == "entity"]


def _relations(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any]]:
    return [(u, v, k) for u, v, k, a in G.edges(keys=True, data=True) if a["kind"] == "relation"]


# --------------------------------------------------------------------------- no browser


def test_stats_and_file(graph: nx.MultiDiGraph, page_file: tuple[Path, dict]) -> None:
    path, stats = page_file
    assert stats["nodes_total"] == stats["nodes_shown"] == len(_entities(graph)) == len(ENTITIES)
    assert stats["edges_total"] == stats["edges_shown"] == len(_relations(graph))
    assert stats["omitted"] is None and stats["documents"] == 1
    assert [p.name for p in path.parent.iterdir()] == ["graph.html"]  # no temp file left
    page = path.read_text(encoding="utf-8")
    assert "<title>kg sample</title>" in page
    # self-contained: nothing to fetch
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=[\"']?(https?:)?//", page)
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", page)
    assert "default-src 'none'" in page  # and the CSP forbids any fetch anyway
    # the payload is valid JSON, with the Chinese as is
    payload = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert payload and "工业和信息化部" in payload.group(1)
    data = json.loads(payload.group(1))
    assert {n["id"] for n in data["nodes"]} == set(ENTITIES)


def test_payload(graph: nx.MultiDiGraph) -> None:
    data, _ = view_data(graph)
    nodes = {n["id"]: n for n in data["nodes"]}
    miit = nodes["gov/miit"]
    assert miit["type"] == "Ministry" and miit["aliases"] == ["中国工业和信息化部", "工信部"]
    assert max(nodes.values(), key=lambda n: n["pr"])["id"] == "gov/miit"  # the hub
    assert nodes["country/CHN"]["wikidata"] == "Q148" and nodes["country/CHN"]["iso"] == "CHN"
    hold = next(e for e in data["edges"] if e["predicate"] == "holdsPost")
    assert (hold["from"], hold["to"], hold["post"]) == ("person/许科敏", "gov/miit", "总经济师")
    assert "许科敏" in hold["evidence"][0]["sentence"]
    assert data["docs"][DOC_ID]["title"].startswith("工信部总经济师许科敏")
    assert [t["name"] for t in data["types"]] == [
        "Ministry", "Organization", "Country", "Person", "Program", "Event",
    ]  # fmt: skip


def test_escaping() -> None:
    G = nx.MultiDiGraph()
    bad = "</script><script>alert(1)</script><!--"
    G.add_node("org/x", kind="entity", type="Organization", label=bad, aliases=["\u2028x"])
    page, _ = render_html(G, title="<b>t</b>")
    assert bad not in page and "<b>t</b>" not in page
    assert page.count("</script>") == 3  # data, vis-network, ours


def test_truncation() -> None:
    G = random_graph(200, 600)
    data, stats = view_data(G, max_nodes=50)
    assert stats["nodes_total"] == 200 and stats["nodes_shown"] == len(data["nodes"]) == 50
    assert stats["edges_shown"] == len(data["edges"]) < stats["edges_total"] == len(_relations(G))
    assert stats["nodes_omitted"] == 150 and "150 entities" in stats["omitted"]
    assert "PageRank" in stats["omitted"]
    shown = {n["id"] for n in data["nodes"]}
    assert "e/0" in shown  # the Pareto hub
    assert all(e["from"] in shown and e["to"] in shown for e in data["edges"])
    with pytest.raises(ValueError):
        view_data(G, max_nodes=0)


def test_atomic_write(tmp_path: Path, graph: nx.MultiDiGraph) -> None:
    target = tmp_path / "out" / "graph.html"
    write_html(graph, target)
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
    with chromium.launch() as b:
        dialogs: list[str] = []
        b.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        b.dialogs = dialogs  # type: ignore[attr-defined]
        yield b


def _open(b: chromium.Browser, path: Path) -> chromium.Browser:
    b.blocked.clear()
    b.errors.clear()
    b.requests.clear()
    b.open(path)
    b.wait_stable()
    return b


def _assert_clean(b: chromium.Browser) -> None:
    assert b.outside_requests() == [], f"the page tried to fetch {b.outside_requests()}"
    assert b.errors == [], f"console errors: {b.errors}"
    assert getattr(b, "dialogs", []) == []


def _click_node(b: chromium.Browser, node_id: str) -> None:
    """Click the node where it is drawn on the canvas."""
    xy = b.page.evaluate(
        """id => { const p = network.getPositions([id])[id];
                   const d = network.canvasToDOM(p);
                   const r = document.getElementById('network').getBoundingClientRect();
                   return [r.left + d.x, r.top + d.y]; }""",
        node_id,
    )
    b.page.mouse.click(xy[0], xy[1])


@pytest.mark.browser
def test_page_renders(session: chromium.Browser, page_file: tuple[Path, dict]) -> None:
    path, stats = page_file
    b = _open(session, path)
    drawn = b.page.evaluate(
        """() => ({ data: network.body.data.nodes.length,
                    visible: network.body.nodeIndices.length,
                    positions: Object.keys(network.getPositions()).length,
                    kgData: kgData.nodes.length, physics: network.physics.options.enabled })"""
    )
    assert drawn["data"] == drawn["visible"] == drawn["positions"] == drawn["kgData"]
    assert drawn["visible"] == stats["nodes_shown"] == len(ENTITIES)  # every entity is shown
    assert b.page.evaluate("kgData.meta.nodes_shown") == drawn["visible"]
    assert drawn["physics"] is False  # the layout was frozen once stable
    header = b.page.inner_text("#stats")
    assert f"{stats['nodes_shown']} of {stats['nodes_total']} entities" in header
    assert b.page.is_hidden("#note")  # nothing left out
    # the legend lists the types present, with their colours
    legend = b.page.inner_text("#type-filters")
    for t in ("Ministry", "Person", "Organization", "Country", "Program", "Event"):
        assert t in legend
    _assert_clean(b)


@pytest.mark.browser
def test_search_alias_focuses(session: chromium.Browser, page_file: tuple[Path, dict]) -> None:
    b = _open(session, page_file[0])
    b.page.fill("#search", "工信部")
    assert "工业和信息化部" in b.page.inner_text("#results")
    b.page.press("#search", "Enter")
    b.page.wait_for_timeout(700)  # focus animation
    state = b.page.evaluate(
        """() => { const p = network.getPositions(['gov/miit'])['gov/miit'];
                   const v = network.getViewPosition();
                   return { sel: network.getSelectedNodes(), dx: Math.abs(p.x - v.x),
                            dy: Math.abs(p.y - v.y) }; }"""
    )
    assert state["sel"] == ["gov/miit"]
    assert state["dx"] < 2 and state["dy"] < 2, state  # the view is centred on it
    assert "工业和信息化部" in b.page.inner_text("#panel h2")
    # substring of another alias, and no match
    assert [h["id"] for h in b.page.evaluate("kg.search('信息化')")][:1] == ["gov/miit"]
    assert b.page.evaluate("kg.search('G20')")[0]["id"] == "org/G20"
    assert b.page.evaluate("kg.search('不存在的名字')") == []
    _assert_clean(b)


@pytest.mark.browser
def test_type_filter(session: chromium.Browser, page_file: tuple[Path, dict]) -> None:
    b = _open(session, page_file[0])
    persons = sorted(k for k, v in ENTITIES.items() if v[0] == "Person")
    b.page.uncheck('#type-filters input[data-name="Person"]')
    state = b.page.evaluate(
        """ids => ({ visible: network.body.nodeIndices.length,
                     hidden: ids.map(id => network.body.data.nodes.get(id).hidden),
                     drawn: ids.filter(id => network.body.nodeIndices.includes(id)) })""",
        persons,
    )
    assert state["hidden"] == [True] * len(persons) and state["drawn"] == []
    assert state["visible"] == len(ENTITIES) - len(persons)
    assert "visible after filters" in b.page.inner_text("#stats")
    # a predicate filter hides edges
    b.page.uncheck('#pred-filters input[data-name="participatesIn"]')
    hidden_edges = b.page.evaluate("network.body.data.edges.get({filter: e => e.hidden}).length")
    assert hidden_edges == sum(1 for r in RELATIONS if r[1] == "participatesIn")
    b.page.check('#type-filters input[data-name="Person"]')
    assert b.page.evaluate("network.body.nodeIndices.length") == len(ENTITIES)
    _assert_clean(b)


@pytest.mark.browser
def test_click_node_shows_evidence(session: chromium.Browser, page_file: tuple[Path, dict]) -> None:
    b = _open(session, page_file[0])
    _click_node(b, "person/许科敏")
    panel = b.page.locator("#panel")
    assert panel.locator("h2").inner_text() == "许科敏"
    text = panel.inner_text()
    assert "holdsPost (总经济师)" in text and "participatesIn" in text
    assert "工业和信息化部总经济师许科敏在2022世界青年发展论坛" in text  # the evidence sentence
    assert "工信部总经济师许科敏：鼓励中国产品和解决方案对外服务" in text  # its document
    assert b.page.evaluate("network.getSelectedNodes()") == ["person/许科敏"]
    out = panel.locator('.rel[data-direction="out"]').count()
    assert out == 2
    # Wikidata and ISO codes are shown, the Wikidata id as a link (never loaded by itself)
    _click_node(b, "country/CHN")
    link = b.page.locator("#panel a", has_text="Q148")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q148"
    assert "CHN" in b.page.inner_text("#panel")
    _click_node(b, "person/许科敏")
    # the other end is a link that focuses it
    panel.locator("a.ent", has_text="工业和信息化部").first.click()
    assert b.page.locator("#panel h2").inner_text() == "工业和信息化部"
    assert b.page.locator('#panel .rel[data-direction="in"]').count() == 1
    _assert_clean(b)


@pytest.mark.browser
def test_click_edge_shows_evidence(session: chromium.Browser, page_file: tuple[Path, dict]) -> None:
    b = _open(session, page_file[0])
    eid = b.page.evaluate("kgData.edges.find(e => e.predicate === 'implements').id")
    xy = b.page.evaluate(
        """eid => { const e = network.body.data.edges.get(eid);
                    const p = network.getPositions([e.from, e.to]);
                    const d = network.canvasToDOM({ x: (p[e.from].x + p[e.to].x) / 2,
                                                    y: (p[e.from].y + p[e.to].y) / 2 });
                    const r = document.getElementById('network').getBoundingClientRect();
                    return [r.left + d.x, r.top + d.y]; }""",
        eid,
    )
    b.page.mouse.click(*xy)
    text = b.page.inner_text("#panel")
    assert "implements" in text and "一带一路" in text
    assert "深入贯彻落实“一带一路”发展战略" in text
    _assert_clean(b)


@pytest.mark.browser
def test_documents_toggle(session: chromium.Browser, page_file: tuple[Path, dict]) -> None:
    b = _open(session, page_file[0])
    b.page.check("#doc-filter input")
    n = b.page.evaluate("network.body.nodeIndices.length")
    assert n == len(ENTITIES) + 1
    b.page.uncheck("#doc-filter input")
    assert b.page.evaluate("network.body.nodeIndices.length") == len(ENTITIES)
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
    assert "500 most central of 1,200 entities" in note and "700 entities" in note
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
    assert inner.evaluate("network.body.nodeIndices.length") == len(ENTITIES)
    frame.locator("#search").fill("工信部")
    frame.locator("#search").press("Enter")
    assert inner.evaluate("network.getSelectedNodes()") == ["gov/miit"]
    assert "工业和信息化部" in frame.locator("#panel h2").inner_text()
    _assert_clean(session)
