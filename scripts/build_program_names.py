#!/usr/bin/env python3
"""Mine the names of programmes the laws and national reports name again and again
(西部大开发战略, 南水北调工程, 爱国卫生运动) from ``<shared>/corpus``.

A candidate is a string that ends in a programme head (:data:`HEADS`: the instruments
GUIDELINES.md calls Program — strategies, projects, plans, outlines, actions, initiatives,
campaigns, agendas and platforms; not 方针/路线, mostly slogans and numeric abbreviations,
nor 试点, a status) at the end of a jieba word, and starts at a jieba word's start at most
:data:`MAX_LEN` characters before, within its clause, in letters, digits and quote marks
only. It is listed when

  * it recurs: in at least ``--min-docs`` documents, at least ``--min-reports`` of them a
    national report (government work reports, CPC congress reports: a programme that
    matters is named there; what the laws alone name are mostly plan *types*,
    土地利用总体规划, 城市绿地系统规划);
  * its left boundary is supported: at least ``--min-left`` distinct words before it, and
    at least ``--min-closed`` of its uses after a clause boundary, a quote mark, a verb, a
    preposition, an adverb or a conjunction (实施|科教兴国战略, 、|人才强国战略) — a string
    mostly read after a noun is the tail of a longer name or a type (强国战略 after 人才);
  * no use follows a level of administration (:data:`LEVELS`: 市、区|中小企业公共服务平台
    is a type each level has);
  * it opens with no verb, adverb, number, pronoun or function word and no generic
    modifier (重点, 重大, 各项, 有关, 国家 alone…: :data:`GENERIC_FIRST`), holds no 的, no
    adverb, pronoun or number word, and no word that ends a name's left context
    (``ontology/lexicon/boundary_words.txt``: 实施, 推进, 开展…) after its first;
  * it is **named**: a single dictionary word (国家计划, 城市规划) only when the corpus
    quotes it as a whole at least twice (“星火计划”); a name of one word + head only when
    that word is no generic modifier (``generic_modifiers.txt``: 发展战略) and is followed
    by the head in at least ``--min-cohesion`` of its uses in the corpus or the corpus
    quotes the name (科教兴国 is read before 战略, 知识产权 mostly is not); longer bodies
    (乡村振兴 + 战略, 生物多样性保护重大工程) are names as they are;
  * the corpus says it is carried out: at least one use right after a verb that
    implements (``relation_triggers.tsv``: 实施, 推进, 开展…; 搞|“政绩工程” is no programme);
  * it is no gazetteer label and no listed generic term (``not_entities.txt``).

A listed name that ends another listed name (知识产权战略 in 国家知识产权战略) becomes that
name's alias when the longer one covers at least half of its uses; a name that is a
gazetteer label less its last head (an outline without 纲要) becomes that label's alias.

**Reserved**: the national government work reports of 1954 and 1984 are kept for
evaluation: they are never read (their records are skipped before their text is touched).

Output (vendored): ``ontology/gazetteers/curated/program_names.tsv``: ``name, alias of,
head, documents, reports, uses, closed share, quoted``; ``scripts/build_gazetteers.py``
makes each an entry ``program/mined-<hash>`` (category 语料高频名称). Licence: laws and
government work reports are official documents (PRC Copyright Law art. 5), the CPC
congress reports public documents; only names and counts are written out.

Usage: ``python scripts/build_program_names.py [--shared ../shared]`` (then
``scripts/build_gazetteers.py``)

>>> cohesive("科教兴国", "战略", {"科教兴国": 40, "科教兴国战略": 38}, 0.3)
True
>>> cohesive("知识产权", "战略", {"知识产权": 4000, "知识产权战略": 16}, 0.3)
False
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

HEADS = ("战略", "工程", "计划", "规划", "纲要", "行动", "倡议", "运动", "议程", "平台",
         "攻坚战", "保卫战", "走廊", "宣言")
MAX_LEN = 16
#: characters of left context read before a head (a name is at most MAX_LEN)
WINDOW = 18
#: years of the national work reports reserved for evaluation: never read
RESERVED_YEARS = ("1954", "1984")
CLAUSE_END = "。！？；\n：:"
_CLAUSE = re.compile(f"[{CLAUSE_END}]")
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z“”]+$")
_HEAD = re.compile("|".join(HEADS))
#: a first word that makes the string a generic or counted phrase, not a name
GENERIC_FIRST = frozenset(
    "重点 重大 各项 有关 这些 这个 这项 该 本 其 上述 其他 其它 各类 各种 各级 相关 一些 若干 新 "
    "大型 主要 重要 基本 一般 具体 有效 专项 总体 年度 中长期 长期 短期 地方 省级 县级 市级 全省 "
    "全市 全县 本地 本级 区域 下列 以下 前款 各 每 全 原 现行 整个 整体 部分 多项 多个 这样 那些 "
    "我国 有关 我们 一批 一系列".split()
)
#: a level of administration: a name read after one is a type each level has
#: (市、区|中小企业公共服务平台), no one programme
LEVELS = frozenset(
    "省 市 县 区 乡 镇 州 盟 旗 本市 本省 本县 本区 各级 各地 地方 省级 市级 县级".split()
)
#: the country's words: a name's first word only before two more (国家知识产权战略)
NATIONAL = frozenset({"国家", "全国", "中国"})
#: jieba tags a name does not open with: adverb, number, pronoun, function words, time
#: (and ``v``, a verb: :func:`shape_ok`)
BAD_FIRST_TAGS = frozenset("d ad m r p c u q mq y e o uj ul ug uv uz ud t zg".split())
#: tags no word inside a name has: adverb, pronoun, particle
BAD_INNER_TAGS = frozenset("d ad r uj ul ug uv uz ud y e".split())
#: tags of a left neighbour that closes a name's left side (a conjunction does not:
#: 生态系统保护和|修复重大工程 is the tail of a longer name)
CLOSED_TAGS = frozenset("v p d ad u uj ul".split())


def documents(shared: Path):
    """``(id, kind, text)`` of every report and law; the reserved reports are skipped."""
    reports = shared / "corpus" / "reports"
    for name in ("government_work_reports.jsonl", "cpc_congress_reports.jsonl"):
        with open(reports / name, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                d = json.loads(line)
                if str(d.get("year")) in RESERVED_YEARS or any(
                    y in d.get("title", "") for y in RESERVED_YEARS
                ):
                    continue
                yield f"{name}:{i}", "report", d.get("content", "")
    for p in sorted(glob.glob(str(shared / "corpus" / "laws" / "**" / "*.md"), recursive=True)):
        yield p, "law", Path(p).read_text(encoding="utf-8")


def collect(shared: Path) -> dict[str, dict]:
    """Every candidate's documents, uses, left words and quoted uses."""
    import jieba_next as jieba

    stats: dict[str, dict] = defaultdict(
        lambda: {"docs": set(), "reports": set(), "n": 0, "left": Counter(), "quoted": 0}
    )
    for did, kind, text in documents(shared):
        for m in _HEAD.finditer(text):
            hs, he = m.span()
            lo = max(0, hs - WINDOW)
            cuts = [x.end() for x in _CLAUSE.finditer(text, lo, hs)]
            lo = cuts[-1] if cuts else lo
            win = text[lo : min(len(text), he + 4)]
            end = he - lo
            starts: list[tuple[int, str]] = []
            pos = 0
            for w in jieba.cut(win):
                starts.append((pos, w))
                pos += len(w)
                if pos >= end:
                    break
            if pos != end:  # the head is inside a longer word (计划生育, 工程师)
                continue
            for k, (s, _w) in enumerate(starts):
                surf = win[s:end]
                key = surf.replace("“", "").replace("”", "")
                if not (len(m.group()) + 2 <= len(key) and end - s <= MAX_LEN):
                    continue
                if not _NAME_CHARS.match(surf):
                    continue
                st = stats[key]
                st["docs"].add(did)
                if kind == "report":
                    st["reports"].add(did)
                st["n"] += 1
                if k:
                    st["left"][starts[k - 1][1]] += 1
                else:
                    at_clause = lo == 0 or text[lo - 1] in CLAUSE_END
                    st["left"]["<clause>" if at_clause else "<far>"] += 1
                before = win[s - 1 : s] == "“"
                if (before and ("”" in surf or win[end : end + 1] == "”")) or (
                    surf.startswith("“") and "”" in surf
                ):
                    st["quoted"] += 1
    return stats


def closed(left: str, tags: dict[str, str], stops: frozenset[str] = frozenset()) -> bool:
    """A left neighbour after which a name starts: a boundary, punctuation, a verb, a
    function word or a word that ends a name's left context (``stops``: 落实, which
    jieba tags as an adjective)."""
    if left.startswith("<") or not any("\u4e00" <= ch <= "\u9fff" for ch in left):
        return True
    if left in stops:
        return True
    t = tags.get(left)
    return t is not None and (t in CLOSED_TAGS or (t.startswith("v") and t != "vn"))


def coordinated(words: list[str], tags: dict[str, str], stats: dict, labels: set[str]) -> bool:
    """Two names joined by a conjunction (以质取胜和|市场多元化战略): the part after it is
    itself a candidate or a label; or the conjunction stands right before the head."""
    for i, w in enumerate(words[:-1]):
        if tags.get(w) == "c":
            rest = "".join(words[i + 1 :])
            if i == len(words) - 2 or rest in stats or rest in labels:
                return True
    return False


def cohesive(body: str, head: str, counts: dict[str, int], least: float) -> bool:
    """The body is read before the head in at least ``least`` of its uses."""
    return counts.get(body, 0) > 0 and counts.get(body + head, 0) / counts[body] >= least


def shape_ok(words: list[str], tags: dict[str, str], stops: set[str]) -> bool:
    """No verb, adverb, number, pronoun, function word, one-character word or generic
    modifier first (nor a word ending in an implementing verb: 深入开展); 国家/全国/中国
    only before two more words (国家知识产权战略); no 的, adverb, pronoun, one-character
    verb or direction, head of another name (科教兴国战略和…) nor implementing verb inside
    (社会主义有计划, 政治上行动, 奉行…开放战略)."""
    first = words[0]
    if first in GENERIC_FIRST or tags.get(first, "n") in BAD_FIRST_TAGS or len(first) == 1:
        return False
    if tags.get(first) == "v":  # 抓住|重要战略, 超过|五年计划
        return False
    if first in NATIONAL and len(words) < 3:
        return False
    if any(first.endswith(b) for b in stops):
        return False
    if first[0].isdigit() or first[0] in "一二三四五六七八九十百千两第几每本该这那此":
        return False
    return not any(
        w == "的" or tags.get(w, "n") in BAD_INNER_TAGS
        or (w in stops and tags.get(w) == "v")
        or (len(w) == 1 and tags.get(w, "n")[0] in "vf")
        or w.endswith(HEADS)  # two names joined: 科教兴国战略和人才强国战略
        for w in words[1:-1]
    )


def select(stats: dict[str, dict], texts_counts: dict[str, int], args, tags,
           boundary: frozenset[str], generic, labels, carried: set[str]) -> list[dict]:
    """The rows of the listed names (see the module's docstring for the rules)."""
    import jieba_next as jieba

    rows = []
    for name, st in stats.items():
        if len(st["docs"]) < args.min_docs or len(st["reports"]) < args.min_reports:
            continue
        if len(st["left"]) < args.min_left:
            continue
        if LEVELS.intersection(st["left"]):
            continue
        share = sum(c for w, c in st["left"].items() if closed(w, tags, boundary)) / st["n"]
        if share < args.min_closed:
            continue
        head = next(h for h in HEADS if name.endswith(h))
        words = jieba.lcut(name)
        if not shape_ok(words, tags, boundary):
            continue
        body = name[: -len(head)]
        if len(words) <= 2:  # one word, or one word + head: a type unless quoted
            named = st["quoted"] >= 2 and (len(words) == 1 or body not in generic)
        else:
            named = (
                not all(w in generic for w in words[:-1])
                and not coordinated(words, tags, stats, labels)
                and (st["quoted"] >= 1 or cohesive(body, head, texts_counts, args.min_cohesion))
            )
        if not named or not any(w in carried for w in st["left"]) or name in labels:
            continue
        rows.append({"name": name, "head": head, "docs": len(st["docs"]),
                     "reports": len(st["reports"]), "uses": st["n"],
                     "closed": round(share, 2), "quoted": st["quoted"], "alias_of": ""})
    names = {r["name"]: r for r in rows}
    for r in rows:  # a known outline named without its 纲要: that outline's form
        r["alias_of"] = next((r["name"] + h for h in HEADS if r["name"] + h in labels), "")
    for r in rows:  # a name ending a longer listed one that covers most of its uses
        longer = [o for o in names.values()
                  if o["name"] != r["name"] and o["name"].endswith(r["name"])
                  and o["uses"] * 2 >= r["uses"]]  # fmt: skip
        if longer and not r["alias_of"]:
            r["alias_of"] = max(longer, key=lambda o: o["uses"])["name"]
    for r in rows:  # an alias of an alias points to the top
        while r["alias_of"] in names and names[r["alias_of"]]["alias_of"]:
            r["alias_of"] = names[r["alias_of"]]["alias_of"]
    return sorted(rows, key=lambda r: (-r["reports"], -r["uses"], r["name"]))


def body_counts(shared: Path, stats: dict[str, dict]) -> dict[str, int]:
    """Uses in the corpus of each candidate's body and of the candidate (for cohesion)."""
    import ahocorasick

    keys = set()
    for name in stats:
        head = next(h for h in HEADS if name.endswith(h))
        keys |= {name, name[: -len(head)]}
    auto = ahocorasick.Automaton()
    for k in keys:
        auto.add_word(k, k)
    auto.make_automaton()
    counts: Counter = Counter()
    for _did, _kind, text in documents(shared):
        for _end, k in auto.iter(text.replace("“", "").replace("”", "")):
            counts[k] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    from kg.nlp.text import jieba_tags, norm_name

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--min-docs", type=int, default=2)
    ap.add_argument("--min-reports", type=int, default=1)
    ap.add_argument("--min-left", type=int, default=2)
    ap.add_argument("--min-closed", type=float, default=0.6)
    ap.add_argument("--min-cohesion", type=float, default=0.3)
    ap.add_argument("--out", type=Path,
                    default=REPO / "ontology" / "gazetteers" / "curated" / "program_names.tsv")
    args = ap.parse_args(argv)
    lex = REPO / "ontology" / "lexicon"

    def words_of(path: Path) -> set[str]:
        return {x.strip() for x in path.read_text(encoding="utf-8").splitlines()
                if x.strip() and not x.startswith("#")}  # fmt: skip

    boundary = frozenset(words_of(lex / "boundary_words.txt")) | {
        x.split("\t")[1] for x in words_of(lex / "relation_triggers.tsv") if "\t" in x
    }
    generic = words_of(lex / "generic_modifiers.txt")
    labels = {norm_name(x) for x in words_of(lex / "not_entities.txt")}
    # the gazetteers' labels; programmes' from the curated seeds (programs.jsonl holds
    # this script's last output too: its names and the aliases it gave curated entries)
    gaz = REPO / "ontology" / "gazetteers"
    for path in [*(p for p in gaz.glob("*.jsonl") if p.name != "programs.jsonl"),
                 gaz / "curated" / "programs.jsonl"]:  # fmt: skip
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line) if line.strip() else None
            if d:
                labels |= {norm_name(x) for x in (d["name"], *d.get("aliases", []))}
    stats = collect(args.shared)
    stats = {k: v for k, v in stats.items()
             if len(v["docs"]) >= args.min_docs
             and len(v["reports"]) >= args.min_reports}  # fmt: skip
    carried = {x.split("\t")[1] for x in words_of(lex / "relation_triggers.tsv")
               if x.startswith("trigger\t") and x.split("\t")[2] == "implements"}  # fmt: skip
    rows = select(stats, body_counts(args.shared, stats), args, jieba_tags(), boundary,
                  generic, labels, carried)
    head = (
        "# Generated by scripts/build_program_names.py from ../shared/corpus (laws and the\n"
        "# national government work and CPC congress reports, official documents; the 1954\n"
        "# and 1984 work reports not read). Names and counts only. Thresholds: "
        f"documents >= {args.min_docs}, reports >= {args.min_reports}, distinct left words >= "
        f"{args.min_left},\n# closed left share >= {args.min_closed}, cohesion >= "
        f"{args.min_cohesion}.\n"
        "# name\talias of\thead\tdocuments\treports\tuses\tclosed share\tquoted\n"
    )
    lines = [
        "\t".join(str(r[k]) for k in ("name", "alias_of", "head", "docs", "reports", "uses",
                                      "closed", "quoted"))
        for r in rows
    ]
    args.out.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} names ({sum(1 for r in rows if r['alias_of'])} aliases) → {args.out}",
          file=sys.stderr)
    return 0


def mined_id(name: str) -> str:
    """The entry id of a mined name (stable across runs)."""
    return "program/mined-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


if __name__ == "__main__":
    raise SystemExit(main())
