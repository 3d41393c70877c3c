#!/usr/bin/env python3
"""Derive the official short forms of central bodies (药监局, 文物局, 环保总局, 扶贫办)
from their full names and keep those the corpus uses.

State Council documents name bodies in their ``（X负责）`` notes by a short form built
from the full name: the state's prefix is dropped (中华人民共和国, 国家, 国务院, 中国),
characters of the name are kept in order (药品监督管理局 → 药监局, 环境保护总局 →
环保总局, 宗教事务局 → 宗教局) and the head is shortened (委员会 → 委, 办公室 → 办,
总局 stays 总局). For every body of ``ontology/gazetteers/government.jsonl`` (State
Council departments and national bureaus, current and historical, and the State Council's
coordination bodies) this script lists such forms and keeps one when

  * it fits exactly one body (a form that is a contiguous part of one body's name and only
    a scattered selection of another's goes to the first: 林业局 → 国家林业局), is no
    other entity's name or alias and is at least three characters long;
  * it is not a functional domain + head that local governments share (统计局, 公安局:
    ``ontology/lexicon/gov_domains.txt``), where the bare form names no one body;
  * the corpus never uses it right after 省, 市, 县, 区 or 州 (省能源局, 市邮政局: local
    bodies share the form), and the corpus (``<shared>/corpus`` and the news sample)
    uses it, or it after 国家 or 国务院, at least ``--min-uses`` times, not followed by
    the rest of a longer head (委员会, 办公室) or by 长 (a post).

The other unambiguous forms (药监局, 文物局: local bureaus share them) are written as
``listed``: a name only inside a list beside a central body (（药监局、海关总署负责）,
财政部会同林业局), where State Council documents use them (``kg.nlp.organs``).

Output (vendored): ``ontology/gazetteers/curated/gov_short_forms.tsv``: ``id, short form,
uses, kind``; ``scripts/build_gazetteers.py`` adds the aliases as aliases and the listed
forms under the entry's ``listed`` key.

Usage: ``python scripts/build_gov_shorts.py [--shared ../shared]``
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PREFIXES = ("中华人民共和国", "国务院", "国家", "中国")
# full head → short head
HEADS = (("委员会", "委"), ("办公室", "办"), ("总局", "总局"), ("局", "局"), ("署", "署"))
# characters that may come right before a name used on its own
LEFT = set("和与及同由会对向并从经")
LOCAL = set("省市县区州")
CATEGORIES = {"国务院组成部门", "直属特设机构", "直属机构", "办事机构", "部委管理国家局", "国家局",
              "历史机构", "国务院议事协调机构", "直属事业单位"}


def candidates(name: str, max_len: int = 6) -> list[str]:
    """Short forms of ``name`` by the convention above."""
    core = name
    for p in PREFIXES:
        if core.startswith(p) and len(core) > len(p) + 2:
            core = core[len(p):]
            break
    for full, short in HEADS:
        if core.endswith(full):
            body, head = core[: -len(full)], short
            break
    else:
        return []
    out = set()
    for k in range(1, min(len(body), max_len - len(head)) + 1):
        for idx in combinations(range(1, len(body)), k - 1):
            out.add(body[0] + "".join(body[i] for i in idx) + head)
    return [c for c in out if len(c) >= 3]


def gazetteer_labels(out: Path) -> set[str]:
    """Every name and alias of the gazetteers (normalised), less the forms ``out`` (this
    script's or a sibling's last output) derived: those are no other entry's labels."""
    from kg.nlp.text import norm_name

    labels = set()
    for path in (REPO / "ontology" / "gazetteers").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                labels |= {norm_name(x) for x in (d["name"], *d.get("aliases", []))}
    if out.exists():
        labels -= {norm_name(x.split("\t")[1]) for x in out.read_text(encoding="utf-8")
                   .splitlines() if x and not x.startswith("#")}  # fmt: skip
    return labels


def corpus_texts(shared: Path):
    for f in sorted(glob.glob(str(shared / "corpus" / "reports" / "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line).get("content", "")
    for f in sorted(glob.glob(str(shared / "corpus" / "laws" / "**" / "*.md"), recursive=True)):
        yield Path(f).read_text(encoding="utf-8")
    news = shared / "news" / "cctv_xwlb_sample.jsonl"
    if news.exists():
        with open(news, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line).get("text", "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--min-uses", type=int, default=2)
    ap.add_argument("--out", type=Path,
                    default=REPO / "ontology" / "gazetteers" / "curated" / "gov_short_forms.tsv")
    args = ap.parse_args(argv)
    import ahocorasick


    gov = [json.loads(x) for x in (REPO / "ontology" / "gazetteers" / "government.jsonl")
           .read_text(encoding="utf-8").splitlines() if x.strip()]
    labels = gazetteer_labels(args.out)
    owners: dict[str, list[tuple[str, bool]]] = defaultdict(list)  # form → (id, contiguous)
    for d in gov:
        if d.get("category") not in CATEGORIES:
            continue
        for c in candidates(d["name"]):
            if c not in labels:
                owners[c].append((d["id"], c in d["name"]))
    chosen: dict[str, str] = {}
    historical = {d["id"] for d in gov if d.get("category") == "历史机构"}
    for c, os_ in owners.items():
        ids = {i for i, _ in os_}
        contiguous = {i for i, cont in os_ if cont}
        current = ids - historical
        for pick in (contiguous, ids, current):  # then the current body over forerunners
            if len(pick) == 1:
                chosen[c] = next(iter(pick))
                break
    domains = {x.strip() for x in (REPO / "ontology" / "lexicon" / "gov_domains.txt")
               .read_text(encoding="utf-8").splitlines() if x.strip() and x[0] != "#"}
    every = dict(chosen)
    chosen = {c: i for c, i in chosen.items()
              if not any(c == d + h for d in domains for _, h in HEADS)}
    a = ahocorasick.Automaton()
    for c in chosen:
        for form in (c, "国家" + c, "国务院" + c):
            a.add_word(form, (form, c))
    a.make_automaton()
    uses: Counter[str] = Counter()
    local: Counter[str] = Counter()
    for text in corpus_texts(args.shared):
        for end, (form, c) in a.iter(text):
            s = end + 1 - len(form)
            if text[end + 1 : end + 2] in ("长", "员", "公"):
                continue
            if form == c and s > 0 and text[s - 1] in LOCAL:
                local[c] += 1  # 省能源局, 市邮政局: local bodies share the form
                continue
            if form == c and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" \
                    and text[s - 1] not in LEFT:
                continue  # inside a longer word (食品药品管理局, 个人和委托)
            uses[c] += 1
    aliases = {c for c, n in uses.items() if n >= args.min_uses and not local[c]}
    rows = sorted((i, c, uses[c], "alias" if c in aliases else "listed")
                  for c, i in every.items())
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# id\tshort form\tuses in the corpus\tkind (alias: a name everywhere; "
                 "listed: only beside a central body, 药监局、海关总署)\n"
                 "# Generated by scripts/build_gov_shorts.py from government.jsonl and the "
                 "corpus.\n")
        for i, c, n, kind in rows:
            fh.write(f"{i}\t{c}\t{n}\t{kind}\n")
    print(f"{len(owners)} candidate forms, {len(every)} unambiguous, {len(aliases)} aliases",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
