"""Relation recall on text the rules have never seen: a seeded sample of news stories and
work-report paragraphs, labelled by hand (GUIDELINES.md), scored against kg.

``draw`` takes 40 stories of ``../shared/news/cctv_xwlb_sample.jsonl`` (no day that is a
dev2 document) and 20 paragraphs of the national government work reports
(``../shared/corpus/reports``), each cut to its first ``CAP`` characters at a sentence end,
and writes them (with their document and offsets) to ``OUT/sample_SEED.jsonl``. News text is
CCTV's: OUT must be outside the repository (default ``/work/rels_labels``), and so are the
labels. The labels are ``OUT/labels_SEED.tsv``, one relation a line::

    unit<TAB>subject<TAB>predicate<TAB>object[<TAB>opt|imp]

(``a|b`` for names a document writes in more than one way; ``opt`` an optional relation,
``imp`` an implicit one). ``score`` runs kg on each whole document, as ``kg build`` reads it,
keeps the relations whose evidence sentence lies in a unit, and prints recall and precision
per predicate with every miss and false positive. No paragraph of a held-out report
(``held_out.py``) is drawn, scored or shown: samples drawn before they were held out keep
theirs in the file, and ``score`` and ``show`` skip them.

    python bench/relation_recall_sample.py draw --seed 1
    python bench/relation_recall_sample.py score --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from held_out import held_out_ids, held_out_report  # noqa: E402

SHARED = ROOT.parent / "shared"
NEWS = SHARED / "news" / "cctv_xwlb_sample.jsonl"
REPORTS = SHARED / "corpus" / "reports" / "government_work_reports.jsonl"
#: document names of dev2 (names only: their days are left out of the draw)
DEV2_DIRS = (ROOT.parent / "split" / "dev" / "docs", SHARED / "eval" / "dev2")
HELD_NEWS = ("cctv_xwlb_20240905", "cctv_xwlb_20260305")  # named in the task's rules
# the fresh held-out sets' news days (docs/development-rounds.md): never drawn
HOLDOUT_NEWS = (
    "cctv_xwlb_20230509",
    "cctv_xwlb_20231102",
    "cctv_xwlb_20221009",
    "cctv_xwlb_20230729",
    "cctv_xwlb_20220629",
    "cctv_xwlb_20240204",
    "cctv_xwlb_20240811",
    "cctv_xwlb_20230202",
    "cctv_xwlb_20251023",
    "cctv_xwlb_20260110",
    "cctv_xwlb_20240227",
    "cctv_xwlb_20240619",
    "cctv_xwlb_20250815",
    "cctv_xwlb_20230817",
    "cctv_xwlb_20240827",
    "cctv_xwlb_20250220",
    "cctv_xwlb_20250203",
    "cctv_xwlb_20250907",
    "cctv_xwlb_20250215",
    "cctv_xwlb_20230110",
    "cctv_xwlb_20240830",
    "cctv_xwlb_20260125",
    "cctv_xwlb_20220705",
    "cctv_xwlb_20230405",
    "cctv_xwlb_20251213",
)
OUT = Path("/work/rels_labels")
N_NEWS, N_PARAS, CAP = 40, 20, 600
PREDICATES = ("holdsPost", "participatesIn", "hosted", "implements", "issued", "initiated",
              "cooperatesWith", "partOf")  # fmt: skip


def dev2_days() -> set[str]:
    days = set(HELD_NEWS) | set(HOLDOUT_NEWS)
    for d in DEV2_DIRS:
        if d.is_dir():
            days |= {p.name.split(".")[0] for p in d.rglob("cctv_xwlb_*")}
    return days


def year_balanced(units: list[dict], n: int, rng: random.Random) -> list[dict]:
    """``n`` of ``units`` (news units, in a fixed order) drawn by ``rng``, the same number
    from each year in turn (the oldest first), sorted by document and offset; the draw of
    ``persons_sample`` and ``relation_events_sample`` (one seed, one sample)."""
    by_year: dict[str, list[dict]] = defaultdict(list)
    for u in units:
        by_year[u["doc"].split("_")[-1][:4]].append(u)
    years = sorted(by_year)
    picked = []
    for i in range(n):
        pool = by_year[years[i % len(years)]]
        picked.append(pool.pop(rng.randrange(len(pool))))
    picked.sort(key=lambda u: (u["doc"], u["start"]))
    return picked


def _cut(text: str, s: int, e: int) -> int:
    """End of the unit text[s:e]: at most CAP characters, at a sentence end."""
    if e - s <= CAP:
        return e
    j = max(text.rfind(c, s, s + CAP) for c in "。；！？")
    return j + 1 if j > s else s + CAP


def read_docs(path: Path):
    from kg.ingest import iter_documents
    from kg.model import Document

    return [d for d in iter_documents([path]) if isinstance(d, Document)]


def story_spans(t: str):
    """The (start, end) of each stretch of a news day's text that ends at a 查看原文, but
    the day's summary (本期节目主要内容).

    >>> list(story_spans("本期节目主要内容：甲查看原文乙事查看原文丙"))
    [(14, 16)]
    """
    pos = 0
    for m in re.finditer(r"查看原文", t):
        s, e = pos, m.start()
        pos = m.end()
        if "本期节目主要内容" not in t[s:e]:
            yield s, e


def news_units(days: set[str]) -> list[dict]:
    """Every story of the news file: from its title to the next 查看原文."""
    units = []
    for d in read_docs(NEWS):
        day = d.id.split("#")[-1]
        if day in days:
            continue
        t = d.text
        for s, e in story_spans(t):
            k = t.find("详细新闻", s, e) - s
            if k >= 0:
                s += k + 4
            while s < e and t[s].isspace():
                s += 1
            while e > s and t[e - 1].isspace():
                e -= 1
            if e - s >= 100:
                units.append({"doc": d.id, "start": s, "end": _cut(t, s, e)})
    return units


def report_units() -> list[dict]:
    """Every paragraph of 60 characters or more of the national work reports."""
    units = []
    for d in read_docs(REPORTS):
        if held_out_report(d.meta.get("title")):
            continue
        for m in re.finditer(r"[^\n]+", d.text):
            s, e = m.span()
            if e - s >= 60:
                units.append({"doc": d.id, "start": s, "end": _cut(d.text, s, e)})
    return units


def draw(seed: int, out: Path) -> Path:
    rng = random.Random(seed)
    news = rng.sample(news_units(dev2_days()), N_NEWS)
    paras = rng.sample(report_units(), N_PARAS)
    texts = {d.id: d.text for d in read_docs(NEWS) if d.id in {u["doc"] for u in news}}
    texts |= {d.id: d.text for d in read_docs(REPORTS)}
    path = out / f"sample_{seed}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, u in enumerate(news + paras):
            u["unit"] = f"{'n' if i < N_NEWS else 'r'}{i:02d}"
            u["text"] = texts[u["doc"]][u["start"] : u["end"]]
            fh.write(json.dumps(u, ensure_ascii=False) + "\n")
    return path


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"[\s《》“”‘’\"']", "", s)


def read_labels(path: Path) -> list[tuple[str, frozenset, str, frozenset, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        c = line.split("\t")
        flag = c[4].strip() if len(c) > 4 else ""
        rows.append((c[0], frozenset(norm(x) for x in c[1].split("|")), c[2].strip(),
                     frozenset(norm(x) for x in c[3].split("|")), flag))  # fmt: skip
    return rows


def predict(units: list[dict]) -> dict[str, list[tuple[frozenset, str, frozenset, str]]]:
    """kg's relations per unit: (subject names, predicate, object names, rule)."""
    from kg.model import Document
    from kg.nlp import extract

    by_doc = defaultdict(list)
    for u in units:
        by_doc[u["doc"]].append(u)
    docs = {d.id: d for p in (NEWS, REPORTS) for d in read_docs(p) if d.id in by_doc}
    out: dict[str, list] = defaultdict(list)
    for did, us in by_doc.items():
        d = docs[did]
        r = extract(Document(d.id, d.text, d.meta))
        names: dict[str, set[str]] = defaultdict(set)
        for m in r.mentions:
            names[m.key].add(norm(m.text))
        for k, e in r.entities.items():
            names[k].add(norm(e.label))
        for rel in r.relations:
            for u in us:
                if u["start"] <= rel.sent_start < u["end"]:
                    out[u["unit"]].append((frozenset(names[rel.subj]) or frozenset({rel.subj}),
                                           rel.pred, frozenset(names[rel.obj]) or
                                           frozenset({rel.obj}), rel.rule))  # fmt: skip
    return out


def same_name(gold: frozenset, pred: frozenset) -> bool:
    """A predicted name matches a labelled one when equal, or when one holds the other and
    the shorter is at least 60% of the longer (a long event title written two ways)."""
    if gold & pred:
        return True
    for a in gold:
        for b in pred:
            short, long_ = sorted((a, b), key=len)
            if len(short) >= 4 and short in long_ and len(short) >= 0.6 * len(long_):
                return True
    return False


def match_relation(g, p) -> bool:
    gs, gp, go = g[1], g[2], g[3]
    ps, pp, po = p[0], p[1], p[2]
    if gp != pp:
        return False
    if same_name(gs, ps) and same_name(go, po):
        return True
    return gp == "cooperatesWith" and same_name(gs, po) and same_name(go, ps)


def score(seed: int, out: Path, verbose: bool = True) -> None:
    units = [json.loads(x) for x in (out / f"sample_{seed}.jsonl").read_text().splitlines()]
    held = held_out_ids(read_docs(REPORTS))  # samples drawn before the reports were held out
    units = [u for u in units if u["doc"] not in held]
    kept = {u["unit"] for u in units}
    labels = [g for g in read_labels(out / f"labels_{seed}.tsv") if g[0] in kept]
    pred = predict(units)
    tp, fn, fp = Counter(), Counter(), Counter()
    misses, falses = [], []
    for u in units:
        uid = u["unit"]
        gold = [g for g in labels if g[0] == uid]
        ps = list(dict.fromkeys((p[0], p[1], p[2], p[3]) for p in pred.get(uid, [])))
        seen = set()
        for p in ps:
            key = (p[0], p[1], p[2])
            if key in seen:
                continue
            seen.add(key)
            hit = [g for g in gold if match_relation(g, p)]
            if hit:
                continue
            fp[p[1]] += 1
            falses.append(f"  {uid} FP {'|'.join(sorted(p[0]))} {p[1]} {'|'.join(sorted(p[2]))}"
                          f"  [{p[3]}]")  # fmt: skip
        for g in gold:
            found = any(match_relation(g, p) for p in ps)
            if g[4] == "opt":
                continue
            if found:
                tp[g[2]] += 1
            else:
                fn[g[2]] += 1
                misses.append(f"  {uid} MISS {'|'.join(sorted(g[1]))} {g[2]} "
                              f"{'|'.join(sorted(g[3]))} {g[4]}")  # fmt: skip
    # a predicted relation that matches an optional label is neither TP nor FP
    print(f"sample seed {seed}: {len(units)} units, {len(labels)} labels")
    print(f"  {'predicate':16} {'P':>6} {'R':>6}   tp  fp  fn")
    T = [0, 0, 0]
    for p in PREDICATES:
        a, b, c = tp[p], fp[p], fn[p]
        T = [T[0] + a, T[1] + b, T[2] + c]
        print(f"  {p:16} {ratio(a, a + b)} {ratio(a, a + c)}  {a:3} {b:3} {c:3}")
    a, b, c = T
    print(f"  {'all':16} {ratio(a, a + b)} {ratio(a, a + c)}  {a:3} {b:3} {c:3}")
    if verbose:
        print("\n".join(falses + misses))


def ratio(a: int, n: int) -> str:
    return f"{a / n:6.3f}" if n else "     -"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("cmd", choices=("draw", "score", "show"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    if a.cmd == "draw":
        print(draw(a.seed, a.out))
    elif a.cmd == "show":
        held = held_out_ids(read_docs(REPORTS))
        for x in (a.out / f"sample_{a.seed}.jsonl").read_text().splitlines():
            u = json.loads(x)
            if u["doc"] in held:
                continue
            print(f"=== {u['unit']} {u['doc']}\n{u['text']}\n")
    else:
        score(a.seed, a.out, not a.quiet)


if __name__ == "__main__":
    main()
