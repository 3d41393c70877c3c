"""Benchmark of the interactive HTML view (kg.export.html).

Builds a realistic random graph of the kg schema (default 3,000 entities, 10,000 relations,
600 documents: heavy-tailed degrees, typed predicates, aliases, evidence sentences, mention
edges), then measures

* generation: ``write_html`` wall time (median of ``--runs``; target ≤ 2 s);
* stabilisation: in headless Chromium with the network blocked, the time from navigation
  start to ``window.kgStable`` (the page's own ``performance.now()``; target ≤ 5 s), and the
  wall time from ``page.goto`` to the flag.

Usage: ``.venv/bin/python bench/bench_html.py [--nodes 3000 --edges 10000 --max-nodes 1500]``
(``--also-all`` adds a run that draws every node, ``--check`` exits 1 when a target is missed).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from kg.export.html import write_html  # noqa: E402

GEN_TARGET_S = 2.0
STABLE_TARGET_S = 5.0

CHARS = (
    "国家发展改革委员会工业信息化部财政商务科技教育卫生健康生态环境交通运输农业农村水利自然资源"
    "人力社会保障住房城乡建设文化旅游应急管理审计市场监督管理总局海关税务金融监管证券银行保险"
    "北京上海天津重庆广东江苏浙江山东河南四川湖北湖南福建安徽河北陕西辽宁吉林黑龙江云南贵州"
    "数字经济创新驱动高质量发展乡村振兴区域协调绿色低碳开放合作共享安全网络数据人工智能"
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
COUNTRIES = [
    ("中国", "CHN", "Q148"), ("美国", "USA", "Q30"), ("日本", "JPN", "Q17"),
    ("德国", "DEU", "Q183"), ("法国", "FRA", "Q142"), ("英国", "GBR", "Q145"),
    ("俄罗斯", "RUS", "Q159"), ("印度", "IND", "Q668"), ("巴西", "BRA", "Q155"),
    ("南非", "ZAF", "Q258"), ("韩国", "KOR", "Q884"), ("意大利", "ITA", "Q38"),
]  # fmt: skip
# type: (count share, suffixes)
TYPES = {
    "Person": (0.26, [""]),
    "Organization": (0.2, ["协会", "集团", "研究院", "联盟", "银行", "大学"]),
    "GovernmentBody": (0.1, ["委员会", "办公室", "人民政府", "管理局"]),
    "Ministry": (0.01, ["部"]),
    "Country": (0.06, [""]),
    "Location": (0.13, ["省", "市", "区", "县", "自贸试验区"]),
    "Law": (0.08, ["法", "条例", "管理办法", "实施细则"]),
    "Program": (0.1, ["行动计划", "专项行动", "规划", "工程", "倡议"]),
    "Event": (0.06, ["论坛", "博览会", "峰会", "会议"]),
}
GOV = ("GovernmentBody", "Ministry")
# predicate: (subject types, object types, weight)
PREDICATES = {
    "holdsPost": (("Person",), ("GovernmentBody", "Ministry", "Organization"), 0.18),
    "issued": (GOV, ("Law", "Program"), 0.14),
    "implements": ((*GOV, "Organization", "Location"), ("Law", "Program"), 0.14),
    "initiated": ((*GOV, "Country"), ("Program", "Event"), 0.08),
    "participatesIn": (
        ("Country", "Organization", "Person", *GOV),
        ("Event", "Organization"),
        0.16,
    ),
    "hosted": (("Country", "Location", *GOV), ("Event",), 0.08),
    "cooperatesWith": (("Country", "Organization", *GOV), ("Country", "Organization"), 0.12),
    "partOf": (
        ("Location", "Organization", "GovernmentBody"),
        ("Location", "Country", "Ministry"),
        0.1,
    ),
}
POSTS = ["部长", "副部长", "总经济师", "主任", "副主任", "局长", "董事长", "秘书长", "院长"]


def _word(rnd: random.Random, lo: int, hi: int) -> str:
    return "".join(rnd.choice(CHARS) for _ in range(rnd.randint(lo, hi)))


def _sentence(rnd: random.Random, *names: str) -> str:
    parts = [_word(rnd, 4, 12) for _ in range(rnd.randint(3, 6))]
    for name in names:
        parts.insert(rnd.randrange(len(parts) + 1), name)
    return "，".join(parts) + "。"


def synthetic_graph(
    n_nodes: int, n_edges: int, n_docs: int = 600, seed: int = 7
) -> nx.MultiDiGraph:
    """A graph of the kg schema with heavy-tailed degrees (Zipf weights within each type)."""
    rnd = random.Random(seed)
    G = nx.MultiDiGraph(base_iri="https://example.org/kg/", observations=[], merge_log=[])
    docs = [f"{i:04d}_{rnd.getrandbits(48):012x}" for i in range(n_docs)]
    for i, d in enumerate(docs):
        G.add_node(
            f"doc/{d}", kind="document", label=(t := f"关于{_word(rnd, 6, 14)}的通知"), title=t,
            date=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}", author="新华社", publisher="新华社",
            url=f"https://www.gov.cn/zhengce/{d}.htm", source=f"data/{d}.txt", categories=["政策"],
            chars=rnd.randint(500, 8000), iri=f"https://example.org/kg/doc/{d}",
        )  # fmt: skip
    by_type: dict[str, list[str]] = {t: [] for t in TYPES}
    labels: dict[str, str] = {}
    counts = {t: max(1, round(share * n_nodes)) for t, (share, _) in TYPES.items()}
    counts["Person"] += n_nodes - sum(counts.values())
    seen: set[str] = set()
    for type_, k in counts.items():
        for i in range(k):
            iso = qid = None
            if type_ == "Country" and i < len(COUNTRIES):
                label, iso, qid = COUNTRIES[i]
            elif type_ == "Person":
                label = rnd.choice(SURNAMES) + _word(rnd, 1, 2)
            else:
                label = _word(rnd, 2, 8) + rnd.choice(TYPES[type_][1])
            while label in seen:
                label += rnd.choice(CHARS)
            seen.add(label)
            key = f"{type_.lower()}/{label}"
            aliases = (
                sorted({label[:2] + label[-1:], _word(rnd, 2, 4)}) if rnd.random() < 0.4 else []
            )
            mdocs = {rnd.choice(docs): rnd.randint(1, 5) for _ in range(rnd.randint(1, 8))}
            examples = [
                {"doc": d, "start": 0, "end": len(label), "sentence": _sentence(rnd, label)}
                for d in list(mdocs)[:3]
            ]
            G.add_node(
                key, kind="entity", type=type_, label=label, aliases=aliases,
                iri=f"https://example.org/kg/{key}", wikidata=qid, iso=iso, en=None, category=None,
                mentions=sum(mdocs.values()), docs=mdocs, examples=examples,
            )  # fmt: skip
            for d, c in mdocs.items():
                G.add_edge(key, f"doc/{d}", key="mentionedIn", kind="mention", count=c)
            by_type[type_].append(key)
            labels[key] = label

    def pick(types: tuple[str, ...]) -> str:
        pool = [k for t in types for k in by_type[t][: max(1, len(by_type[t]))]]
        # Zipf-like: low indices (earlier entities) are much more likely.
        return (
            pool[min(len(pool) - 1, int(rnd.paretovariate(0.9)) - 1)]
            if rnd.random() < 0.6
            else rnd.choice(pool)
        )

    preds = list(PREDICATES)
    weights = [PREDICATES[p][2] for p in preds]
    made = 0
    while made < n_edges:
        p = rnd.choices(preds, weights)[0]
        subj_t, obj_t, _ = PREDICATES[p]
        u, v = pick(subj_t), pick(obj_t)
        if u == v or G.has_edge(u, v, key=p):
            continue
        post = rnd.choice(POSTS) if p == "holdsPost" else None
        evidence = []
        for _ in range(rnd.choice((1, 1, 1, 2, 2, 3, 5))):
            d = rnd.choice(docs)
            s = _sentence(rnd, labels[u], labels[v] + (post or ""))
            conf = round(rnd.uniform(0.5, 0.98), 2)
            evidence.append({
                "doc": d, "sent_start": 0, "sent_end": len(s), "sentence": s,
                "rule": f"pattern.{p}",
                "confidence": conf, "modality": rnd.choice(("asserted", "asserted", "planned")),
                "implicit": rnd.random() < 0.2, "post": post,
            })  # fmt: skip
        G.add_edge(
            u, v, key=p, kind="relation", predicate=p,
            confidence=max(e["confidence"] for e in evidence),
            modality=("asserted" if any(e["modality"] == "asserted" for e in evidence)
                      else "planned"),
            implicit=all(e["implicit"] for e in evidence), post=post, evidence=evidence,
        )  # fmt: skip
        made += 1
    return G


def bench_generation(
    G: nx.MultiDiGraph, path: Path, max_nodes: int, runs: int
) -> tuple[float, dict]:
    times = []
    stats: dict = {}
    for _ in range(runs):
        t0 = time.perf_counter()
        stats = write_html(G, path, max_nodes=max_nodes, title="kg bench")
        times.append(time.perf_counter() - t0)
    return statistics.median(times), stats


def bench_browser(path: Path, runs: int) -> list[dict]:
    import browser as chromium

    if not chromium.available():
        print(f"  browser: skipped — {chromium.MISSING}")
        return []
    out = []
    with chromium.launch() as b:
        for _ in range(runs):
            b.blocked.clear()
            b.errors.clear()
            b.requests.clear()
            t0 = time.perf_counter()
            b.open(path, timeout_ms=120_000)
            t_load = time.perf_counter() - t0
            b.wait_stable(timeout_ms=120_000)
            wall = time.perf_counter() - t0
            timings = b.page.evaluate(
                """() => ({ stable: kgTimings.stable, script: kgTimings.start,
                            load: performance.getEntriesByType('navigation')[0].loadEventEnd,
                            drawn: network.body.nodeIndices.length,
                            iterations: kgTimings.iterations,
                            target: network.physics.options.stabilization.iterations,
                            edges: network.body.edgeIndices.length })"""
            )
            out.append(
                {
                    "stable_s": timings["stable"] / 1000,
                    "script_s": timings["script"] / 1000,
                    "load_s": timings["load"] / 1000,
                    "goto_s": t_load,
                    "wall_s": wall,
                    "drawn": timings["drawn"],
                    "iterations": f"{timings['iterations']}/{timings['target']}",
                    "edges": timings["edges"],
                    "outside": b.outside_requests(),
                    "errors": list(b.errors),
                }
            )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=3000)
    ap.add_argument("--edges", type=int, default=10000)
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--max-nodes", type=int, default=1500)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--also-all", action="store_true", help="also draw every node")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--out", type=Path, help="keep the page here")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument(
        "--corpus", type=Path, nargs="*",
        help="build the graph of these inputs with kg (e.g. ../shared/corpus) instead of a "
        "synthetic one; --max-nodes then defaults to 3000",
    )  # fmt: skip
    ap.add_argument("--cache", type=Path, help="kg's result cache for --corpus")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    if args.corpus:
        from kg.build import extract_graph

        cache = args.cache or Path(tempfile.gettempdir()) / "kg-bench-html-cache"
        G = extract_graph(args.corpus, workers=2, cache_dir=cache)
        if "--max-nodes" not in (argv if argv is not None else sys.argv):
            args.max_nodes = 3000
        args.nodes = sum(1 for _, k in G.nodes(data="kind") if k == "entity")
        args.docs = sum(1 for _, k in G.nodes(data="kind") if k == "document")
    else:
        G = synthetic_graph(args.nodes, args.edges, args.docs)
    n_rel = sum(1 for *_, k in G.edges(data="kind") if k == "relation")
    print(
        f"graph: {args.nodes:,} entities, {n_rel:,} relations, {args.docs:,} documents, "
        f"{G.number_of_edges() - n_rel:,} mention edges (made in {time.perf_counter() - t0:.2f} s)"
    )
    ok = True
    limits = [args.max_nodes] + (
        [args.nodes] if args.also_all and args.nodes > args.max_nodes else []
    )
    with tempfile.TemporaryDirectory() as tmp:
        for limit in limits:
            path = (
                args.out if (args.out and limit == args.max_nodes) else Path(tmp) / f"g{limit}.html"
            )
            gen, stats = bench_generation(G, path, limit, args.runs)
            size = path.stat().st_size / 1e6
            target = limit == args.max_nodes
            flag = ("ok" if gen <= GEN_TARGET_S else "MISSED") if target else "info"
            ok &= gen <= GEN_TARGET_S or not target
            print(
                f"max_nodes={limit}: generation {gen:.3f} s (median of {args.runs}; target ≤ "
                f"{GEN_TARGET_S} s: {flag}); page {size:.1f} MB; shown {stats['nodes_shown']:,} "
                f"nodes / {stats['edges_shown']:,} edges"
            )
            if stats["omitted"]:
                print(f"  note: {stats['omitted']}")
            if args.no_browser:
                continue
            for i, r in enumerate(bench_browser(path, args.runs)):
                flag = (
                    ("ok" if r["stable_s"] <= STABLE_TARGET_S else "MISSED") if target else "info"
                )
                ok &= r["stable_s"] <= STABLE_TARGET_S or not target
                print(
                    f"  chromium run {i + 1}: stable {r['stable_s']:.2f} s after navigation start "
                    f"(target ≤ {STABLE_TARGET_S} s: {flag}); load event {r['load_s']:.2f} s; "
                    f"wall goto→stable {r['wall_s']:.2f} s; layout iterations "
                    f"{r['iterations']}; drawn {r['drawn']:,} nodes / "
                    f"{r['edges']:,} edges; outside requests {len(r['outside'])}; "
                    f"console errors {len(r['errors'])}"
                )
                ok &= not r["outside"] and not r["errors"]
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
