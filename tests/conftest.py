"""Shared fixtures.

``sample_nx_graph`` is a small networkx graph built by hand after the schema of
``kg.graph`` from real entities and sentences of the two sample documents (offsets are
positions in the files). ``kg_graph`` is the graph the RDF/query/validate tests use: to run
them on the real pipeline output, change its one line to ``return built_sample_graph``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
# tests never read or write the developer's table of compiled expressions
# (kg.nlp.regex_cache; its own tests name a file of their own)
os.environ["KG_REGEX_CACHE"] = "off"
# nor the gazetteer's binary form (kg.nlp.gazetteer_cache; its tests name a folder)
os.environ["KG_GAZETTEER_CACHE"] = "off"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.iri import DEFAULT_BASE, doc_iri, entity_iri  # noqa: E402

SAMPLE = ROOT / "data" / "sample"
NEWS, PAPER = "000_79559e53e2614f5a", "004_fb18030615153122"

ENTITIES = {  # key: (type, label, aliases, extra)
    "gov/miit": (
        "Ministry",
        "工业和信息化部",
        ["中国工业和信息化部", "工信部"],
        {"en": "Ministry of Industry and Information Technology", "category": "国务院组成部门"},
    ),
    "gov/amc": ("GovernmentBody", "国务院反垄断委员会", [], {}),
    "country/CHN": (
        "Country",
        "中国",
        ["中华人民共和国"],
        {"wikidata": "Q148", "iso": "CHN", "en": "China"},
    ),
    "person/许科敏": ("Person", "许科敏", [], {}),
    "org/unesco": ("Organization", "联合国教科文组织", ["UNESCO"], {}),
    "org/asean": ("Organization", "东盟", ["ASEAN", "东南亚国家联盟"], {}),
    "org/arab": ("Organization", "阿盟", ["阿拉伯国家联盟"], {}),
    "place/青岛": ("Location", "青岛", [], {}),
    "law/中华人民共和国网络安全法": ("Law", "中华人民共和国网络安全法", ["网络安全法"], {}),
    "law/国务院反垄断委员会关于平台经济领域的反垄断指南": (
        "Law",
        "国务院反垄断委员会关于平台经济领域的反垄断指南",
        [],
        {},
    ),
    "program/网络扶贫行动计划": ("Program", "网络扶贫行动计划", ["行动计划"], {}),
    "program/网络覆盖工程": ("Program", "网络覆盖工程", [], {}),
    "program/一带一路": ("Program", "一带一路", ["一带一路发展战略"], {}),
    "event/2022世界青年发展论坛": ("Event", "2022世界青年发展论坛", ["世界青年发展论坛"], {}),
    "event/国际教育信息化大会": ("Event", "国际教育信息化大会", [], {}),
}

# (subject, predicate, object, doc, sentence, extra evidence fields)
RELATIONS = [
    (
        "person/许科敏",
        "holdsPost",
        "gov/miit",
        NEWS,
        "7月23日，工业和信息化部总经济师许科敏在2022世界青年发展论坛——数字经济主题论坛上表示，",
        {"post": "总经济师"},
    ),
    (
        "person/许科敏",
        "participatesIn",
        "event/2022世界青年发展论坛",
        NEWS,
        "7月23日，工业和信息化部总经济师许科敏在2022世界青年发展论坛——数字经济主题论坛上表示，",
        {},
    ),
    (
        "gov/miit",
        "implements",
        "program/一带一路",
        NEWS,
        "许科敏表示，近年来，中国工业和信息化部深入贯彻落实“一带一路”发展战略，",
        {},
    ),
    (
        "country/CHN",
        "issued",
        "program/网络扶贫行动计划",
        PAPER,
        "中国充分发挥互联网在助推脱贫攻坚中的重要作用，制定《网络扶贫行动计划》，统筹推进网络扶贫工作。",
        {},
    ),
    (
        "country/CHN",
        "implements",
        "program/网络扶贫行动计划",
        PAPER,
        "实施《网络扶贫行动计划》，充分发挥互联网在助推脱贫攻坚中的重要作用，",
        {"implicit": True},
    ),
    (
        "program/网络覆盖工程",
        "partOf",
        "program/网络扶贫行动计划",
        PAPER,
        "《行动计划》包括五大工程：一是实施网络覆盖工程，",
        {},
    ),
    (
        "country/CHN",
        "issued",
        "law/中华人民共和国网络安全法",
        PAPER,
        "制定出台《中华人民共和国电子商务法》《中华人民共和国电子签名法》《中华人民共和国网络安全法》",
        {"implicit": True, "confidence": 0.7},
    ),
    (
        "gov/amc",
        "issued",
        "law/国务院反垄断委员会关于平台经济领域的反垄断指南",
        PAPER,
        "制定《国务院反垄断委员会关于平台经济领域的反垄断指南》《网络交易监督管理办法》等政策法规，",
        {},
    ),
    (
        "country/CHN",
        "cooperatesWith",
        "org/unesco",
        PAPER,
        "2015年5月，中国与联合国教科文组织合作在青岛举办国际教育信息化大会。",
        {},
    ),
    (
        "country/CHN",
        "hosted",
        "event/国际教育信息化大会",
        PAPER,
        "2015年5月，中国与联合国教科文组织合作在青岛举办国际教育信息化大会。",
        {},
    ),
    (
        "country/CHN",
        "cooperatesWith",
        "org/arab",
        PAPER,
        "与阿盟、东盟、中亚、非洲等地区国家和区域组织持续开展卫星导航合作与交流。",
        {"implicit": True},
    ),
    # stored in the other direction: cooperatesWith is symmetric, queries look both ways
    (
        "org/asean",
        "cooperatesWith",
        "country/CHN",
        PAPER,
        "与阿盟、东盟、中亚、非洲等地区国家和区域组织持续开展卫星导航合作与交流。",
        {"implicit": True, "modality": "planned"},
    ),
]

OBSERVATIONS = [  # (subject, indicator, value, unit, date, surface, kind, sentence)
    (
        "country/CHN",
        "网民规模",
        1051000000.0,
        "人",
        "2022-06",
        "10.51亿",
        "level",
        "截至2022年6月，中国网民规模达10.51亿，互联网普及率提升到74.4%。",
    ),
    (
        "country/CHN",
        "互联网普及率",
        74.4,
        "%",
        "2022-06",
        "74.4%",
        "share",
        "截至2022年6月，中国网民规模达10.51亿，互联网普及率提升到74.4%。",
    ),
    (
        "country/CHN",
        "5G基站",
        1854000.0,
        "个",
        "2022-06",
        "185.4万个",
        "level",
        "截至2022年6月，中国累计建成开通5G基站185.4万个，5G移动电话用户数达4.55亿，"
        "建成全球规模最大的5G网络，成为5G标准和技术的全球引领者之一。",
    ),
]


def _span(text: str, sentence: str, doc: str) -> tuple[int, int]:
    start = text.find(sentence)
    assert start >= 0, f"sentence not in {doc}: {sentence}"
    return start, start + len(sentence)


def build_sample_graph() -> nx.MultiDiGraph:
    """The hand-made sample graph (see the module docstring)."""
    texts = {d: (SAMPLE / f"{d}.txt").read_text(encoding="utf-8") for d in (NEWS, PAPER)}
    G = nx.MultiDiGraph(base_iri=DEFAULT_BASE, observations=[], merge_log=[])
    G.add_node(
        f"doc/{NEWS}",
        kind="document",
        label="工信部总经济师许科敏：鼓励中国产品和解决方案对外服务",
        title="工信部总经济师许科敏：鼓励中国产品和解决方案对外服务",
        date="Sun, 24 Jul 2022 04:17:24 GMT",
        author="新浪财经",
        url=None,
        publisher=None,
        source=f"data/sample/{NEWS}.txt",
        categories=["金融", "新浪财经", "新浪财经－国內"],
        chars=len(texts[NEWS]),
        iri=doc_iri(NEWS),
    )
    G.add_node(
        f"doc/{PAPER}",
        kind="document",
        label=PAPER,
        title=None,
        date=None,
        author=None,
        url=None,
        publisher=None,
        source=f"data/sample/{PAPER}.txt",
        categories=[],
        chars=len(texts[PAPER]),
        iri=doc_iri(PAPER),
    )
    for key, (type_, label, aliases, extra) in ENTITIES.items():
        docs: dict[str, int] = {}
        examples = []
        for doc, text in texts.items():
            names = [label, *aliases]
            n = sum(text.count(name) for name in names)
            if n:
                docs[doc] = n
                pos = min(text.find(name) for name in names if name in text)
                start = max(text.rfind(c, 0, pos) for c in "。\n>　") + 1
                ends = [i + (c == "。") for c in "。\n<" if (i := text.find(c, pos)) >= 0]
                end = min(ends, default=len(text))
                examples.append(
                    {"doc": doc, "start": start, "end": end, "sentence": text[start:end]}
                )
        G.add_node(
            key,
            kind="entity",
            type=type_,
            label=label,
            aliases=sorted(aliases),
            iri=entity_iri(key),
            wikidata=extra.get("wikidata"),
            iso=extra.get("iso"),
            en=extra.get("en"),
            category=extra.get("category"),
            mentions=sum(docs.values()),
            docs=docs,
            examples=examples,
        )
        for doc, n in docs.items():
            G.add_edge(key, f"doc/{doc}", key="mentionedIn", kind="mention", count=n)
    for subj, pred, obj, doc, sentence, extra in RELATIONS:
        start, end = _span(texts[doc], sentence, doc)
        ev = {
            "doc": doc,
            "sent_start": start,
            "sent_end": end,
            "sentence": sentence,
            "rule": f"pattern:{pred}",
            "confidence": extra.get("confidence", 0.9),
            "modality": extra.get("modality", "asserted"),
            "implicit": extra.get("implicit", False),
            "post": extra.get("post"),
        }
        G.add_edge(
            subj,
            obj,
            key=pred,
            kind="relation",
            predicate=pred,
            confidence=ev["confidence"],
            modality=ev["modality"],
            implicit=ev["implicit"],
            post=ev["post"],
            evidence=[ev],
        )
    for subj, indicator, value, unit, date, surface, kind, sentence in OBSERVATIONS:
        start, end = _span(texts[PAPER], sentence, PAPER)
        s0 = texts[PAPER].index(surface, start)
        G.graph["observations"].append(
            {
                "subject": subj,
                "indicator": indicator,
                "value": value,
                "unit": unit,
                "date": date,
                "surface": surface,
                "kind": kind,
                "doc": PAPER,
                "start": s0,
                "end": s0 + len(surface),
                "sent_start": start,
                "sent_end": end,
                "sentence": sentence,
                "rule": "quantity:截至",
            }
        )
    return G


@pytest.fixture
def terminal_signals() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP with a terminal's actions within the test, and in the
    processes it starts (pytest run by ``nohup`` ignores SIGHUP, run as a background job
    of a script SIGINT: a test of what they do would not see it)."""
    import signal

    old = {sig: signal.signal(sig, signal.SIG_DFL) for sig in (signal.SIGTERM, signal.SIGHUP)}
    old[signal.SIGINT] = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


@pytest.fixture
def not_blocked() -> Iterator[None]:
    """Within the test, a call blocked for over a minute (a named pipe opened for
    reading) is interrupted and the test fails, instead of hanging the suite (there is
    no pytest-timeout here). The interruption (a ``TimeoutError``) may be swallowed by
    the code under test: the failure is told at the test's end all the same."""
    import signal

    fired: list[int] = []

    def interrupt(signum: int, frame: object) -> None:
        fired.append(signum)
        raise TimeoutError("blocked for 60 s")

    old = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert not fired, "the test was blocked for 60 s"


@pytest.fixture(scope="session")
def sample_nx_graph() -> nx.MultiDiGraph:
    """The hand-made sample graph; shared by the session, so ``copy.deepcopy`` to mutate."""
    return build_sample_graph()


@pytest.fixture(scope="session")
def built_sample_graph() -> nx.MultiDiGraph:
    """The real pipeline's graph of data/sample (skipped while the pipeline cannot run)."""
    from kg.build import extract_graph

    return extract_graph(None, workers=1)


@pytest.fixture(scope="session")
def kg_graph(built_sample_graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph under test: the real pipeline's graph of the bundled sample."""
    return built_sample_graph


# --------------------------------------------------------------------------- markers

#: Test modules that start real ``kg build`` processes, a Dask cluster or a notebook:
#: marked ``slow`` (``make test-fast`` leaves them out; ``make test`` runs everything).
SLOW_MODULES = frozenset(
    {
        "test_build",
        "test_distributed",
        "test_incremental",
        "test_lac",
        "test_notebook",
        "test_pipeline_snapshot",
        "test_runtime_cache",
        "test_runtime_lifecycle",
    }
)
#: Names whose use marks a test as reading the shared corpus (``../shared``) or an
#: external one: ``slow`` too.
CORPUS_NAMES = ("CORPUS", "LAWS", "report_1954", "law_slice", "slice_dir", "external")


def _reads_corpus(item: pytest.Item) -> bool:
    import inspect

    fn = getattr(item, "function", None)
    if fn is None:
        return False
    names = set(getattr(item, "fixturenames", ()))
    try:
        source = inspect.getsource(fn)
    except (OSError, TypeError):
        source = ""
    return any(n in source or n in names for n in CORPUS_NAMES)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        module = getattr(item, "module", None)
        name = module.__name__.rpartition(".")[2] if module is not None else ""
        if name in SLOW_MODULES or _reads_corpus(item):
            item.add_marker(pytest.mark.slow)
