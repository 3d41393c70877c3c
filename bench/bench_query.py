"""SPARQL on ~1,000,000 triples: kg.query (pyoxigraph) against rdflib's own engine.

Builds a synthetic networkx graph with the schema of ``kg.graph`` (government bodies, laws,
programmes, persons, countries, documents; relations with one evidence node each, mention
statistics and examples), exports it with ``kg.export.rdf.write_ntriples`` and runs a
two-hop query with GROUP BY:

    person --holdsPost--> body --issued--> law      grouped by person

through ``kg.query.run_query`` (load + query, end to end) and on a loaded store, then through
rdflib (parse, then query in a child process killed after ``--timeout`` seconds). Prints the
times side by side with the speed-up.

Run: ``.venv/bin/python bench/bench_query.py`` (``--triples 200000`` for a quick run).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.export.rdf import iter_statements, write_ntriples
from kg.query import load_store, query_store, run_query

QUERIES = {
    # two hops (person → body → law) and GROUP BY: the benchmark the brief asks for
    "two-hop GROUP BY": """
PREFIX kg:   <http://kg.example.org/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?person ?name (COUNT(DISTINCT ?law) AS ?laws) (COUNT(DISTINCT ?body) AS ?bodies)
WHERE {
  ?person kg:holdsPost ?body .
  ?body kg:issued ?law .
  ?law a kg:Law .
  ?person skos:prefLabel ?name .
}
GROUP BY ?person ?name
ORDER BY DESC(?laws) ?name
LIMIT 20
""",
    # through the evidence statements: which bodies issue laws in the most documents
    "evidence GROUP BY": """
PREFIX kg:   <http://kg.example.org/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?body ?name (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(?ev) AS ?statements)
WHERE {
  ?ev rdf:predicate kg:issued ;
      rdf:subject ?body ;
      prov:wasDerivedFrom ?doc .
  ?body a kg:GovernmentBody ;
        skos:prefLabel ?name .
}
GROUP BY ?body ?name
ORDER BY DESC(?documents) ?name
LIMIT 20
""",
}

CHARS = (
    "国家网络安全数据信息产业发展改革委员会办公厅关于促进推动加快建设管理条例办法规定意见通知计划"
)


def _name(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(CHARS) for _ in range(n))


def synthetic_graph(scale: float, seed: int = 7) -> nx.MultiDiGraph:
    """A graph shaped like kg's export; ``scale=1`` gives about a million triples."""
    rng = random.Random(seed)
    n_docs, n_bodies, n_persons = int(2000 * scale), int(1500 * scale), int(3000 * scale)
    n_laws, n_programs, n_rel = int(9000 * scale), int(6000 * scale), int(50000 * scale)
    G = nx.MultiDiGraph(base_iri="http://kg.example.org/id/", observations=[])
    docs = [f"doc{i:06d}" for i in range(n_docs)]
    for d in docs:
        date = f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        G.add_node(
            f"doc/{d}",
            kind="document",
            label=d,
            title=_name(rng, 16),
            date=date,
            source=f"corpus/{d}.txt",
            chars=rng.randint(500, 50000),
            categories=[],
        )
    groups = {
        "gov": ("GovernmentBody", n_bodies),
        "person": ("Person", n_persons),
        "law": ("Law", n_laws),
        "program": ("Program", n_programs),
        "country": ("Country", 200),
    }
    keys: dict[str, list[str]] = {}
    for folder, (type_, n) in groups.items():
        keys[folder] = []
        for i in range(n):
            key = f"{folder}/{i:06d}"
            keys[folder].append(key)
            label = _name(rng, rng.randint(3, 14))
            in_docs = {rng.choice(docs): rng.randint(1, 9) for _ in range(rng.randint(1, 3))}
            G.add_node(
                key,
                kind="entity",
                type=type_,
                label=label,
                aliases=[label[:3] + "局"] if rng.random() < 0.3 else [],
                mentions=sum(in_docs.values()),
                docs=in_docs,
                examples=[
                    {"doc": d, "start": 10, "end": 60, "sentence": _name(rng, 40)}
                    for d in list(in_docs)[:1]
                ],
            )
    # Zipf-like activity: a few bodies issue most laws and run most programmes.
    weights = [1 / (i + 1) for i in range(n_bodies)]
    plan = [
        ("issued", "gov", "law", 0.45),
        ("implements", "gov", "program", 0.25),
        ("holdsPost", "person", "gov", 0.15),
        ("cooperatesWith", "country", "gov", 0.05),
        ("partOf", "program", "program", 0.10),
    ]
    for pred, s_folder, o_folder, share in plan:
        for _ in range(int(n_rel * share)):
            # bodies issue and implement with a long tail; posts are spread evenly
            s = rng.choices(keys["gov"], weights)[0] if s_folder == "gov" else None
            s = s or rng.choice(keys[s_folder])
            o = rng.choice(keys[o_folder])
            if s == o or G.has_edge(s, o, key=pred):
                continue
            doc = rng.choice(docs)
            start = rng.randint(0, 40000)
            ev = {
                "doc": doc,
                "sent_start": start,
                "sent_end": start + 60,
                "sentence": _name(rng, 60),
                "rule": f"pattern:{pred}",
                "confidence": round(rng.uniform(0.5, 1.0), 2),
                "modality": "asserted",
                "implicit": rng.random() < 0.2,
                "post": "部长" if pred == "holdsPost" else None,
            }
            G.add_edge(
                s,
                o,
                key=pred,
                kind="relation",
                predicate=pred,
                evidence=[ev],
                confidence=ev["confidence"],
                modality="asserted",
                implicit=ev["implicit"],
                post=ev["post"],
            )
    return G


def _rdflib_worker(path: str, conn) -> None:
    import rdflib

    t = time.perf_counter()
    g = rdflib.Graph()
    g.parse(path, format="nt")
    conn.send(("parsed", time.perf_counter() - t, len(g)))
    for name, query in QUERIES.items():
        t = time.perf_counter()
        rows = list(g.query(query))
        conn.send((name, time.perf_counter() - t, len(rows)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="approximate size")
    ap.add_argument("--timeout", type=float, default=120, help="rdflib limit per query (s)")
    ap.add_argument("--parse-timeout", type=float, default=1800, help="rdflib parse limit (s)")
    ap.add_argument("--out", type=Path, default=None, help="keep graph.nt in this folder")
    args = ap.parse_args()

    t = time.perf_counter()
    G = synthetic_graph(1.0)
    per_unit = sum(1 for _ in iter_statements(G, named_graphs=False))
    if abs(per_unit - args.triples) > 0.05 * args.triples:
        G = synthetic_graph(args.triples / per_unit)
    t_build = time.perf_counter() - t

    out = args.out or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    path = out / "graph.nt"
    t = time.perf_counter()
    write_ntriples(G, path)
    t_write = time.perf_counter() - t
    with open(path, encoding="utf-8") as f:
        n_lines = sum(1 for _ in f)
    print(
        f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges → "
        f"{n_lines:,} triples, {path.stat().st_size / 1e6:.0f} MB "
        f"(built in {t_build:.1f} s, N-Triples written in {t_write:.1f} s)"
    )

    # pyoxigraph: kg.query.run_query end to end, then the query alone on a loaded store
    end_to_end, ox_query, ox_rows = {}, {}, {}
    for name, query in QUERIES.items():
        t = time.perf_counter()
        table = run_query(path, query, "table")
        end_to_end[name] = time.perf_counter() - t
        ox_rows[name] = len(table.splitlines()) - 3
        print(f"\n{name}, first rows:\n" + "\n".join(table.splitlines()[:5]))
    t = time.perf_counter()
    store = load_store(path)
    t_load = time.perf_counter() - t
    for name, query in QUERIES.items():
        times = []
        for _ in range(3):
            t = time.perf_counter()
            query_store(store, query, "table")
            times.append(time.perf_counter() - t)
        ox_query[name] = min(times)
    del store

    # rdflib: parse, then each query, in a child process stopped at the time limit
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_rdflib_worker, args=(str(path), child), daemon=True)
    proc.start()
    rd_parse, rd_query, rd_rows = None, {}, {}
    if parent.poll(args.parse_timeout):
        _, rd_parse, _ = parent.recv()
        for _ in QUERIES:
            if not parent.poll(args.timeout):
                break
            name, secs, rows = parent.recv()
            rd_query[name], rd_rows[name] = secs, rows
    if proc.is_alive():
        proc.terminate()
    proc.join(10)

    def cell(x: float | None, limit: float) -> str:
        return f"{x:8.2f} s" if x is not None else f"> {limit:.0f} s".rjust(10)

    print(f"\n{'step':30} {'pyoxigraph':>10} {'rdflib':>10} {'speed-up':>9}")
    print(
        f"{'load 1 file (N-Triples)':30} {cell(t_load, 0)} {cell(rd_parse, args.parse_timeout)}"
        f" {(rd_parse / t_load if rd_parse else float('nan')):8.1f}×"
    )
    for name in QUERIES:
        rd = rd_query.get(name)
        speed = f"{rd / ox_query[name]:.0f}×" if rd else f"> {args.timeout / ox_query[name]:.0f}×"
        print(f"{name + ' query':30} {cell(ox_query[name], 0)} {cell(rd, args.timeout)} {speed:>9}")
    for name in QUERIES:
        print(f"{'run_query end to end, ' + name:46} {end_to_end[name]:8.2f} s")
    for name in QUERIES:
        if name in rd_rows:
            print(f"rows ({name}): rdflib {rd_rows[name]}, pyoxigraph {ox_rows[name]}")
    print("(pyoxigraph query: best of 3 on a loaded store; rdflib: one run)")
    if args.out is None:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
