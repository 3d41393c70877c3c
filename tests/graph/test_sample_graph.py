"""The bundled sample, built by the real CLI, answers the questions issue #2 asks of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

KG = "http://kg.example.org/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "--out", str(out), "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "documents read: 2, failed: 0" in proc.stderr
    return out


def test_build_writes_turtle_and_html(built: Path) -> None:
    assert (built / "graph.ttl").stat().st_size > 10_000
    html = (built / "graph.html").read_text(encoding="utf-8")
    assert "工业和信息化部" in html and "<script src=" not in html


def test_turtle_parses_identically_in_rdflib_and_pyoxigraph(built: Path) -> None:
    g = rdflib.Graph().parse(built / "graph.ttl", format="turtle")
    store = ox.Store()
    store.load(path=str(built / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(g) == len(store) > 1000


def test_ministry_query_returns_miit_once_with_its_short_form(built: Path) -> None:
    store = ox.Store()
    store.load(path=str(built / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    rows = list(
        store.query(f"""
        PREFIX kg: <{KG}> PREFIX skos: <{SKOS}>
        SELECT ?x ?label WHERE {{
            ?x a kg:Ministry ; skos:prefLabel ?label . FILTER(lang(?label) = "zh") }}""")
    )
    miit = [r["x"] for r in rows if r["label"].value == "工业和信息化部"]
    assert len(miit) == 1
    alts = {
        r["a"].value for r in store.query(f"SELECT ?a WHERE {{ {miit[0]} <{SKOS}altLabel> ?a }}")
    }
    assert {"工信部", "中华人民共和国工业和信息化部"} <= alts
    # one node for it: no other node is named 工信部 or 工业和信息化部
    named = {
        r["x"]
        for r in store.query(f"""SELECT DISTINCT ?x WHERE {{
            {{ ?x <{SKOS}prefLabel> ?l }} UNION {{ ?x <{SKOS}altLabel> ?l }}
            FILTER(str(?l) IN ("工信部", "工业和信息化部")) }}""")
    }
    assert named == {miit[0]}
