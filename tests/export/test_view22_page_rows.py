"""The page reads the rows that name a document by its stable number and a sentence by its
number within its document (kg.export.view.rows states how): in headless Chromium every
entity's mention counts and mention sentences, and a document's entities, are what the
graph gives (marker ``browser``)."""

from __future__ import annotations

import random
from pathlib import Path

import browser as chromium
import pytest

from kg.export.view import view_data, write_html
from kg.export.view.rows import mention_rows, sentence_rows
from tests.export.test_view22_kept_rows import graph, sentence_text

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def session():
    if not chromium.available():
        pytest.skip(chromium.MISSING)
    with chromium.launch(width=1200, height=800) as b:
        yield b


def test_page_reads_each_entitys_documents_and_sentences(
    session: chromium.Browser, tmp_path: Path
) -> None:
    G = graph(random.Random(3))
    page = tmp_path / "graph.html"
    write_html(G, page)
    data, _ = view_data(G)
    ids, docs = [n["id"] for n in data["nodes"]], [d["id"] for d in data["docs"]]
    t = data["text"]
    session.open(page)
    b = session.page
    got = b.evaluate(
        "kgData.mentions.map(m => [kgData.nodes[m[0]].id, kgData.docs[m[1]].id, m[2]])"
    )
    assert got == [[ids[e], docs[d], c] for e, d, c in mention_rows(data)]
    assert {(k, d, c) for k, d, c in got} == {
        (k, d, c) for k in ids for d, c in G.nodes[k]["docs"].items()
    }
    got = b.evaluate("""() => { const t = kgText();
        return t.ent.map(f => { const out = [];
          for (let k = 0; k < f.length; k += 2)
            out.push([kgData.docs[f[k]].id, t.sentences[f[k + 1]]]);
          return out; }); }""")
    want = [
        [[docs[f[k]], t["sentences"][f[k + 1]]] for k in range(0, len(f), 2)]
        for f in sentence_rows(data, t)
    ]
    assert got == want
    # the panel lists an entity's mention sentences, and a document its entities
    key = max(ids, key=lambda k: len(G.nodes[k]["spans"]))
    b.evaluate(f"kg.showNode({key!r})")
    text = b.inner_text("#mentions")
    for d, sp in G.nodes[key]["spans"].items():
        for x in sp.split():
            assert sentence_text(d, int(x.split("@")[1].split("-")[0])) in text
    di = docs.index("d3")
    b.evaluate(f"kg.showDoc({di})")
    named = sum(1 for k in ids if "d3" in G.nodes[k]["docs"])
    assert f"Entities mentioned ({named})" in b.inner_text("#panel")
    assert not session.errors
