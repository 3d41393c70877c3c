"""What LAC's place and organisation words would add to kg's entities: the ceiling of a
statistical recogniser run where the rules leave off (issue #14).

Measured before anything is built. For each document the rules' mentions (and nominal
references) are found as the build finds them; LAC reads every sentence; a LAC word is a
*recogniser candidate* when

- its tag is one of ``--tags`` (default ``LOC ORG``; LAC's lower-case ``ns nt nz`` too
  with ``--tags LOC ORG ns nt nz``),
- no kg span overlaps it (kg's own mentions stand),
- it is no common word (jieba's dictionary tags it as no proper name; kg's
  ``not_entities``), has two CJK characters at least,
- and a class head decides its type (:data:`HEADS`: a park, port or zone is a Location, a
  company or university an Organization, a plan a Program; an organ's head is the organ
  rules' and ``kg_lac``'s, so it is left out). ``--tag-type`` lets LAC's tag type a word
  without a head (``LOC`` → Location, ``ORG`` → Organization); ``--strict`` asks for a
  specific modifier before the head (two CJK characters, no common word).

Two figures:

- ``--dev``: dev2's development part (``/work/split/dev``; per-entity details allowed):
  kg's graph scored alone and with the candidates added as entities of their documents
  (kg ∪ filtered-LAC), per type, by :func:`kg.eval.score_graph`; and how many of kg's
  missed Location, Organization and Program entities a LAC word covers exactly (any tag,
  the kept tags, after the filters).
- ``--news N``: N news days drawn with ``--seed`` outside dev2 and the held-out days
  (``bench/relation_recall_sample.py``); what the filters would add per type, LAC's cost
  per 10,000 characters, and ``--show`` of the additions drawn at random with their
  context to judge by hand (CCTV's text: printed to the terminal, never written; the
  verdicts of round learn22's draw are :data:`VERDICTS`, by position). ``--laws N``: the
  same counts and costs on N characters of the law corpus. The cost is given for LAC over
  every sentence and over the *gated* sentences only (:func:`gated`: where the rules leave
  a candidate).

Usage: ``.venv/bin/python bench/lac_ceiling.py --dev [--news 30 --seed 2022 --show 40]
[--laws 300000] [--tags LOC ORG ns nt nz] [--tag-type] [--strict]`` (about a minute)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DEV = ROOT.parent / "split" / "dev"
NEWS = ROOT.parent / "shared" / "news" / "cctv_xwlb_sample.jsonl"

#: class heads, longest first where one ends another: the type a head gives a name
HEADS: dict[str, tuple[str, ...]] = {
    "Location": (
        "风景名胜区", "国家公园", "湿地公园", "森林公园", "地质公园", "公园", "景区", "风景区",
        "保护区", "遗址", "古城", "古镇", "港区", "港口", "港", "码头", "机场", "口岸",
        "开发区", "高新区", "新区", "自贸区", "自由贸易区", "试验区", "示范区", "合作区",
        "园区", "产业园", "工业园", "科技城", "新城", "经济带", "经济圈", "城市群", "都市圈",
        "水库", "大坝", "水电站", "运河", "山脉", "山", "岭", "峰", "河", "江", "湖", "湾",
        "岛", "海峡", "峡", "盆地", "高原", "平原", "草原", "沙漠", "半岛",
        "省", "市", "县", "镇", "乡", "村", "州", "街道", "社区",
    ),
    "Organization": (
        "有限公司", "公司", "集团", "银行", "大学", "学院", "中学", "小学", "学校", "医院",
        "日报", "晚报", "报社", "电视台", "广播电台", "通讯社", "新闻社", "出版社", "杂志社",
        "研究院", "研究所", "科学院", "实验室", "协会", "学会", "基金会", "联合会", "商会",
        "俱乐部", "联盟", "交易所", "博物馆", "图书馆", "剧院", "乐团",
    ),
    "Program": (
        "行动计划", "计划", "工程", "项目", "专项行动", "行动", "战略", "规划", "倡议", "纲要",
        "方案", "平台",
    ),
}
#: an organ's head: the organ rules' and ``kg_lac``'s, not this recogniser's
ORGAN_HEADS = ("委员会", "政府", "局", "厅", "部", "办公室", "法院", "检察院", "党委", "委")
#: jieba's tags of proper names: a dictionary word with another tag is a common word
PROPER = ("ns", "nt", "nz", "nr")
LOOK = ("Location", "Organization", "Program")
#: verdicts by GUIDELINES.md on the ``--show 40`` additions of ``--news 30 --seed 2022``
#: with the default filters (round learn22): R right, W wrong, O optional (a place
#: inside an organisation's name)
VERDICTS = {(2022, 40): "WRRRRWRRRWWRRRRWRRWRRWRRRWRRRRRRWRORRWRR"}


def head_type(name: str) -> str | None:
    """The type a class head at the name's end gives it (None: no head, or an organ's).

    >>> head_type("某某湿地公园"), head_type("某某科技有限公司"), head_type("某某市人民政府")
    ('Location', 'Organization', None)
    """
    best = None
    for t, heads in HEADS.items():
        for h in heads:
            if name.endswith(h) and len(name) > len(h) and (best is None or len(h) > best[1]):
                best = (t, len(h))
    if best is None or (name.endswith(ORGAN_HEADS) and best[1] < 3):
        return None
    return best[0]


def cjk(s: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in s)


class Recogniser:
    """LAC's words over sentences and the filters a recogniser would need."""

    def __init__(self, tags: tuple[str, ...], tag_type: bool, strict: bool = False) -> None:
        from kg.nlp.components.lac import load_lac
        from kg.nlp.gazetteer import load_gazetteer
        from kg.nlp.text import jieba_tags

        self.lac = load_lac()
        self.tags = frozenset(tags)
        self.tag_type = tag_type
        self.strict = strict
        self.jtags = jieba_tags()
        self.not_entities = load_gazetteer().not_entities
        self.seconds = 0.0
        self.chars = 0

    def words(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, tag)`` of every LAC word, sentence by sentence."""
        from kg.nlp.components.lac import MAX_CHARS, run_batch
        from kg.nlp.text import split_sentences

        pieces = []
        for s, e in split_sentences(text):
            for a in range(s, e, MAX_CHARS):
                pieces.append((a, min(e, a + MAX_CHARS)))
        t0 = time.process_time()
        readings = run_batch(self.lac, [text[a:b] for a, b in pieces])
        self.seconds += time.process_time() - t0
        self.chars += sum(b - a for a, b in pieces)
        out = []
        for (a, _b), words in zip(pieces, readings, strict=True):
            i = a
            for w, tag in words:
                out.append((i, i + len(w), tag))
                i += len(w)
        return out

    def why_not(self, name: str, tag: str, covered: bytearray, s: int, e: int) -> str | None:
        """Why a LAC word is no candidate (None: it is one)."""
        if tag not in self.tags:
            return "tag"
        if any(covered[s:e]):
            return "kg span"
        if cjk(name) < 2:
            return "short"
        jt = self.jtags.get(name)
        if (jt is not None and not jt.startswith(PROPER)) or name in self.not_entities:
            return "common word"
        if self.type_of(name, tag) is None:
            return "no head"
        if self.strict and not self.specific(name):
            return "generic"
        return None

    def specific(self, name: str) -> bool:
        """Whether what stands before the class head names one thing: two CJK characters
        at least, no digit or Latin letter, and no common word (an adjective or a grade
        before the head names a kind of place, not one).

        >>> rec = Recogniser.__new__(Recogniser)
        >>> rec.jtags = {"新建": "v"}
        >>> rec.specific("某某湿地公园"), rec.specific("新建公园"), rec.specific("3A级景区")
        (True, False, False)
        """
        t = head_type(name)
        if t is None:
            return True  # typed by LAC's tag: the whole word was tested
        h = max((h for h in HEADS[t] if name.endswith(h)), key=len)
        mod = name[: -len(h)]
        jt = self.jtags.get(mod)
        return (
            cjk(mod) >= 2
            and cjk(mod) == len(mod)
            and (jt is None or jt.startswith(PROPER))
        )

    def type_of(self, name: str, tag: str) -> str | None:
        t = head_type(name)
        if t is None and self.tag_type and not name.endswith(ORGAN_HEADS):
            t = {"LOC": "Location", "ORG": "Organization", "ns": "Location",
                 "nt": "Organization"}.get(tag)  # fmt: skip
        return t


#: the gate's class heads: the multi-character ones and 港 (a lone 市, 山 or 河 is in
#: every other sentence)
GATE_HEADS = tuple(h for hs in HEADS.values() for h in hs if len(h) >= 2 or h == "港")


def gated(text: str, spans: list[dict]) -> list[tuple[int, int]]:
    """The sentences where the rules leave a candidate: a word jieba tags as a proper
    noun (``ns nt nz``, two characters at least) that no kg span overlaps, or a class
    head (:data:`GATE_HEADS`) at which no kg span ends."""
    import jieba.posseg

    from kg.nlp.text import split_sentences

    covered = kg_covered(text, spans)
    ends = {sp["end"] for sp in spans}
    out = []
    for s, e in split_sentences(text):
        sent = text[s:e]
        hit = False
        i = s
        for w, flag in jieba.posseg.cut(sent):
            if flag in ("ns", "nt", "nz") and len(w) >= 2 and not any(covered[i : i + len(w)]):
                hit = True
                break
            i += len(w)
        if not hit:
            for h in GATE_HEADS:
                k = sent.find(h)
                while k >= 0 and not hit:
                    hit = s + k + len(h) not in ends and k > 0
                    k = sent.find(h, k + 1)
                if hit:
                    break
        if hit:
            out.append((s, e))
    return out


def kg_covered(text: str, spans: list[dict]) -> bytearray:
    mask = bytearray(len(text) + 1)
    for sp in spans:
        mask[sp["start"] : sp["end"]] = b"\x01" * (sp["end"] - sp["start"])
    return mask


def additions(rec: Recogniser, text: str, spans: list[dict]) -> tuple[list, list]:
    """The candidates ``(start, end, name, type, tag)`` and every LAC word."""
    covered = kg_covered(text, spans)
    words = rec.words(text)
    out = []
    for s, e, tag in words:
        name = text[s:e]
        if rec.why_not(name, tag, covered, s, e) is None:
            out.append((s, e, name, rec.type_of(name, tag), tag))
    return out, words


def dev(rec: Recogniser) -> None:
    from kg.eval import find_docs, score_graph
    from kg.eval.score import norm
    from kg.ingest import iter_documents
    from kg.model import Document
    from kg.runtime.build import extract_graph
    from kg.spans import entity_spans

    gold_dir = DEV / "gold"
    paths = find_docs(gold_dir, DEV / "docs")
    G = extract_graph(paths, workers=1)
    base = score_graph(G, gold_dir)
    oracle = G.copy()
    docs = [d for d in iter_documents(paths) if isinstance(d, Document)]
    spans = list(entity_spans([d.text for d in docs]))
    golds = {json.loads(p.read_text())["doc"]: json.loads(p.read_text())
             for p in gold_dir.glob("*.gold.json")}  # fmt: skip
    doc_nodes = {n[4:]: n for n, d in G.nodes(data=True) if d.get("kind") == "document"}
    missed_by = {b.doc: b.missed_entities for b in base.docs}
    cover = Counter()
    added = Counter()
    for d, sp in zip(docs, spans, strict=True):
        cands, words = additions(rec, d.text, sp)
        stem = d.id.rsplit("/", 1)[-1]
        gname = next(g for g in golds if Path(g).stem == stem)
        gold = golds[gname]
        lac_all = {norm(d.text[s:e]): tag for s, e, tag in words}
        lac_kept = {norm(c[2]) for c in cands}
        missed = {m.rsplit(" [", 1)[0] for m in missed_by[gname]}
        for ge in gold["entities"]:
            if ge["type"] not in LOOK or ge.get("optional") or ge["name"] not in missed:
                continue
            forms = {norm(x) for x in (ge["name"], *ge.get("aliases", []))}
            cover[ge["type"], "missed"] += 1
            if forms & lac_all.keys():
                cover[ge["type"], "LAC word"] += 1
                onode = next(n for n in doc_nodes.values() if n.rsplit("/", 1)[-1] == stem)
                okey = f"oracle/{ge['type']}/{ge['name']}"
                oracle.add_node(okey, kind="entity", type=ge["type"], label=ge["name"],
                                aliases=[], docs={onode[4:]: 1})
                oracle.add_edge(okey, onode, key="mentionedIn")
                why = {rec.why_not(d.text[s:e], tag, kg_covered(d.text, sp), s, e)
                       for s, e, tag in words if norm(d.text[s:e]) in forms}
                print(f"  ~ {stem[:28]:28} {ge['name']} [{ge['type']}] covered; "
                      f"LAC tags {sorted({lac_all[f] for f in forms & lac_all.keys()})}, "
                      f"filtered by {sorted(map(str, why))}")
                if any(lac_all[f] in rec.tags for f in forms & lac_all.keys()):
                    cover[ge["type"], "kept tag"] += 1
            if forms & lac_kept:
                cover[ge["type"], "candidate"] += 1
        node = doc_nodes[next(k for k in doc_nodes if k.rsplit("/", 1)[-1] == stem)]
        have = set()
        for u, _, k in G.in_edges(node, keys=True):
            if k == "mentionedIn":
                have |= {norm(G.nodes[u]["label"]), *(norm(a) for a in
                                                      G.nodes[u].get("aliases", []))}  # fmt: skip
        for _s, _e, name, t, tag in cands:
            if norm(name) in have:
                continue
            have.add(norm(name))
            key = f"lac/{t}/{name}"
            G.add_node(key, kind="entity", type=t, label=name, aliases=[], docs={node[4:]: 1})
            G.add_edge(key, node, key="mentionedIn")
            added[t] += 1
            print(f"  + {stem[:28]:28} {name} [{t}] ({tag})")
    after = score_graph(G, gold_dir)
    print("\nmissed (kg) gold entities a LAC word covers exactly:")
    for t in LOOK:
        print(f"  {t:13} missed {cover[t, 'missed']:3}  LAC word {cover[t, 'LAC word']:3}  "
              f"kept tag {cover[t, 'kept tag']:3}  candidate {cover[t, 'candidate']:3}")
    print(f"\nadded nodes: {dict(added)}")
    print(f"\n{'type':14} {'before P/R/F1':>22} {'after P/R/F1':>22}")
    bt, at = base.entity_by_type(), after.entity_by_type()
    for t in sorted(set(bt) | set(at)):
        b, a = bt.get(t), at.get(t)
        f = lambda p: f"{p.precision:.3f}/{p.recall:.3f}/{p.f1:.3f}" if p else "-"  # noqa: E731
        print(f"{t:14} {f(b):>22} {f(a):>22}")
    b, a = base.entity_total(), after.entity_total()
    o = score_graph(oracle, gold_dir).entity_total()
    print(f"{'all':14} {b.precision:.3f}/{b.recall:.3f}/{b.f1:.3f}".ljust(38)
          + f" {a.precision:.3f}/{a.recall:.3f}/{a.f1:.3f}")
    print(f"oracle (every missed L/O/P a LAC word covers, typed right, no false one): "
          f"{o.precision:.3f}/{o.recall:.3f}/{o.f1:.3f}")
    print("\nfalse additions:")
    base_false = {(ds.doc, fe) for ds in base.docs for fe in ds.false_entities}
    for ds in after.docs:
        for fe in ds.false_entities:
            if (ds.doc, fe) not in base_false:
                print(f"  - {ds.doc[:28]:28} {fe}")


def news(rec: Recogniser, n: int, seed: int, show: int) -> None:
    from relation_recall_sample import dev2_days

    from kg.ingest.clean import clean_text

    skip = dev2_days()
    ids = []
    with NEWS.open(encoding="utf-8") as f:
        for line in f:
            rid = json.loads(line)["id"]
            if rid.split(".")[0] not in skip:
                ids.append(rid)
    days = set(random.Random(seed).sample(sorted(ids), n))
    texts = []
    with NEWS.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in days:
                texts.append(clean_text(r["text"], "md"))
    corpus_cost(rec, texts, "news", show=show, seed=seed)


def corpus_cost(rec: Recogniser, texts: list[str], what: str, show: int = 0,
                seed: int = 0) -> None:
    """What the recogniser adds on ``texts`` per type and head, and LAC's cost over
    every sentence and over the gated ones (:func:`gated`)."""
    from kg.spans import entity_spans

    rec.seconds, rec.chars = 0.0, 0
    found = []
    heads = Counter()
    in_gate = 0
    gate_chars = 0
    by_type = Counter()
    next(entity_spans(["国务院印发通知。"]))  # the pipeline loaded before the clock starts
    t0 = time.process_time()
    all_spans = list(entity_spans(texts))
    kg_seconds = time.process_time() - t0
    starts = []  # (text, start) of each addition
    for x, (text, sp) in enumerate(zip(texts, all_spans, strict=True)):
        cands, _ = additions(rec, text, sp)
        seen = set()
        for s, e, name, t, tag in cands:
            if name in seen:
                continue
            seen.add(name)
            starts.append((x, s))
            by_type[t] += 1
            h = head_type(name) and max((h for h in HEADS[t] if name.endswith(h)), key=len)
            heads[h or f"({tag})"] += 1
            found.append((text[max(0, s - 15) : s] + "【" + name + "】" + text[e : e + 10], t, tag))
    chars = sum(map(len, texts))
    lac_all, lac_chars = rec.seconds, rec.chars
    rec.seconds, rec.chars = 0.0, 0
    for x, (text, sp) in enumerate(zip(texts, all_spans, strict=True)):
        g = gated(text, sp)
        gate_chars += sum(e - s for s, e in g)
        for a, b in g:  # LAC's cost on the gated sentences alone
            rec.words(text[a:b])
        in_gate += sum(any(a <= s < b for a, b in g) for y, s in starts if y == x)
    print(f"{what}: {len(texts)} texts, {chars} characters: {len(found)} additions "
          f"(distinct per text) {dict(by_type)}; by head {heads.most_common()}")
    print(f"gated sentences: {gate_chars / chars:.1%} of the characters, {in_gate} of the "
          f"additions; LAC there {rec.seconds / chars * 1e4:.3f} s per 10k characters of text")
    rec.seconds, rec.chars = lac_all, lac_chars
    print(f"LAC over every sentence: {rec.seconds:.1f} CPU-s, "
          f"{rec.seconds / rec.chars * 1e4:.3f} s per 10k characters "
          f"({rec.chars / max(rec.seconds, 1e-9):.0f} chars/s); "
          f"kg's entity pipeline {kg_seconds / chars * 1e4:.3f} s per 10k")
    rng = random.Random(seed)
    default = rec.tags == {"LOC", "ORG"} and not rec.tag_type and not rec.strict
    verdicts = VERDICTS.get((seed, show), "") if default and what == "news" else ""
    for k, (ctx, t, tag) in enumerate(rng.sample(found, min(show, len(found))) if show else [], 1):
        v = verdicts[k - 1] if verdicts else " "
        print(f"{k:3} {v} [{t}] ({tag}) {ctx}".replace("\n", " "))
    if verdicts:
        right, wrong = verdicts.count("R"), verdicts.count("W")
        print(f"hand-checked: {right} right, {wrong} wrong, {verdicts.count('O')} optional: "
              f"precision {right / (right + wrong):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--news", type=int, default=0)
    ap.add_argument("--seed", type=int, default=2022)
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--laws", type=int, default=0, help="characters of laws (cost only)")
    ap.add_argument("--tags", nargs="+", default=["LOC", "ORG"])
    ap.add_argument("--tag-type", action="store_true")
    ap.add_argument("--strict", action="store_true", help="a specific modifier before the head")
    args = ap.parse_args()
    rec = Recogniser(tuple(args.tags), args.tag_type, args.strict)
    if args.dev:
        dev(rec)
    if args.news:
        news(rec, args.news, args.seed, args.show)
    if args.laws:
        from bench_entities import load_texts

        laws = load_texts(ROOT.parent / "shared" / "corpus" / "laws", args.laws)
        corpus_cost(rec, laws, "laws")


if __name__ == "__main__":
    main()
