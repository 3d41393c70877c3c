"""kg.serve: Oxigraph's SPARQL server on loopback, queried with a real HTTP client."""

from __future__ import annotations

import json
import socket
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.export import formats as F
from kg.serve import oxigraph_binary, start_server

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

try:
    oxigraph_binary()
except FileNotFoundError:  # pragma: no cover
    pytest.skip("the oxigraph CLI is not installed", allow_module_level=True)

ISSUED = """
PREFIX kg: <http://kg.example.org/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?law WHERE {
  ?body kg:issued ?x ; skos:prefLabel "国务院反垄断委员会"@zh .
  ?x skos:prefLabel ?law .
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, query: str) -> dict:
    request = urllib.request.Request(
        url + "?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        return json.loads(response.read())


@pytest.mark.parametrize("suffix", ["ttl", "trig"])
def test_serve_query_stop(kg_graph, tmp_path: Path, suffix: str) -> None:
    graph = F.write(kg_graph, tmp_path / f"graph.{suffix}")
    port = _free_port()
    t0 = time.monotonic()
    server = start_server(graph, port=port, timeout=30)
    try:
        assert server.url == f"http://127.0.0.1:{port}"
        answer = _get(server.query_url, ISSUED)
        laws = {b["law"]["value"] for b in answer["results"]["bindings"]}
        assert laws == {"国务院反垄断委员会关于平台经济领域的反垄断指南"}
        # named graphs (TriG) are visible without GRAPH: the default graph is their union
        n = _get(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t }")
        assert int(n["results"]["bindings"][0]["n"]["value"]) > 0
        # read-only: updates are refused
        with pytest.raises(urllib.error.HTTPError):
            request = urllib.request.Request(
                server.url + "/update",
                data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                headers={"Content-Type": "application/sparql-update"},
            )
            urllib.request.urlopen(request, timeout=10)
        assert server.location.exists()
    finally:
        server.stop(timeout=10)
    assert time.monotonic() - t0 < 60
    assert not server.running()
    assert not server.location.exists()  # the temporary store is removed
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(server.query_url + "?query=ASK%7B%7D", timeout=2)


def test_serve_writable_and_persistent_location(kg_graph, tmp_path: Path) -> None:
    graph = F.write(kg_graph, tmp_path / "graph.nt")
    store = tmp_path / "store"
    with start_server(graph, port=_free_port(), read_only=False, location=store) as server:
        server.query("ASK {}")
        request = urllib.request.Request(
            server.url + "/update",
            data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
            headers={"Content-Type": "application/sparql-update"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status in (200, 204)
        answer = json.loads(server.query("ASK { <urn:a> <urn:b> <urn:c> }"))
        assert answer["boolean"] is True
    assert store.exists()  # a given location is kept
    # and can be served again as an existing store directory
    with start_server(store, port=_free_port()) as server:
        assert json.loads(server.query("ASK { <urn:a> <urn:b> <urn:c> }"))["boolean"] is True


def _temp_stores() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("kg-serve-*")}


def test_port_in_use_is_reported(kg_graph, tmp_path: Path, monkeypatch) -> None:
    graph = F.write(kg_graph, tmp_path / "graph.ttl")
    # a temporary folder of this test's own: other kg serve runs on the machine (a parallel
    # test run) make and remove their stores in the shared one meanwhile
    own_tmp = tmp_path / "tmp"
    own_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own_tmp))
    before = _temp_stores()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        with pytest.raises(KGError) as e:
            start_server(graph, port=port, timeout=15)
    assert e.value.code == "E070" and "graph.ttl" in str(e.value)
    assert _temp_stores() <= before  # the temporary store was removed


def test_missing_or_bad_graph(tmp_path: Path) -> None:
    with pytest.raises(KGError) as e:
        start_server(tmp_path / "nope.ttl", port=_free_port())
    assert e.value.code == "E010"
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(KGError) as e:
        start_server(bad, port=_free_port())
    assert e.value.code == "E030" and "bad.ttl" in str(e.value)
