#!/usr/bin/env python3
"""Derive the short forms of China's democratic parties and people's organisations
(民革, 民建, 民进) from their full names and keep those the corpus names their central
committees by.

A party or people's organisation is named by a few characters of its full name, in order,
without the country's prefix (中国国民党革命委员会 → 民革, 中国民主建国会 → 民建, 中国民主
促进会 → 民进), and its central committee by that form + 中央 (民革中央, 民进中央主席). For
every entry of ``ontology/gazetteers/curated/organizations.jsonl`` in the categories 民主党派
and 人民团体 this script lists the forms of two to four characters kept in order from the
name without 中华全国/中国/中华 and keeps one when

  * it fits exactly one entry and is no gazetteer label already (民盟, 台盟 are curated);
  * it is no common word: jieba's dictionary frequency of it is below ``--max-freq``
    (国际, 联合, 委员会 are forms of several names and words too);
  * the corpus (``<shared>/corpus`` and the news sample) writes it + 中央 at least
    ``--min-uses`` times where it stands as the whole form: a use is not counted where the
    character before it and the form are one longer form of the same name (共青团中央
    counts for 共青团, not for 青团; 农工党中央 not for 工党).

Output (vendored): ``ontology/gazetteers/curated/org_short_forms.tsv``: ``id, short form,
uses``; ``scripts/build_gazetteers.py`` adds them as aliases. Short forms of fewer than
three characters count only as whole jieba words (``kg_gazetteer``), so 民进 is not found
in 人民|进行 or in 民进党, another party's name.

Licence: the full names are the project's curated entries (names of organisations are
facts); the corpus is read for counts only (laws and reports are official documents, the
news sample CCTV's): no text of it is written out.

Usage: ``python scripts/build_org_shorts.py [--shared ../shared]``

>>> sorted(forms("中国民主促进会"))[:3]
['主促', '主促进', '主促进会']
>>> "民革" in forms("中国国民党革命委员会")
True
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_gov_shorts import corpus_texts  # noqa: E402

PREFIXES = ("中华全国", "中国", "中华")
CATEGORIES = ("民主党派", "人民团体")
# the central committee of a party or people's organisation: form + 中央
COMMITTEE = "中央"


def forms(name: str) -> set[str]:
    """In-order selections of two to four characters of ``name`` without its prefix."""
    core = next((name[len(p):] for p in PREFIXES if name.startswith(p)), name)
    return {"".join(core[i] for i in idx)
            for k in (2, 3, 4) for idx in combinations(range(len(core)), k)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--min-uses", type=int, default=5)
    ap.add_argument("--max-freq", type=int, default=1000)
    ap.add_argument("--out", type=Path,
                    default=REPO / "ontology" / "gazetteers" / "curated" / "org_short_forms.tsv")
    args = ap.parse_args(argv)
    import ahocorasick
    import jieba

    from kg.nlp.text import norm_name

    jieba.setLogLevel(60)
    jieba.initialize()
    cur = REPO / "ontology" / "gazetteers" / "curated"
    orgs = [json.loads(x) for x in (cur / "organizations.jsonl").read_text(encoding="utf-8")
            .splitlines() if x.strip()]  # fmt: skip
    labels = set()
    for path in (REPO / "ontology" / "gazetteers").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                labels |= {norm_name(x) for x in (d["name"], *d.get("aliases", []))}
    if args.out.exists():  # the forms this script derived last time are no other labels
        labels -= {norm_name(x.split("\t")[1]) for x in args.out.read_text(encoding="utf-8")
                   .splitlines() if x and not x.startswith("#")}  # fmt: skip
    owners: dict[str, set[str]] = defaultdict(set)
    own_forms: dict[str, set[str]] = {}
    for d in orgs:
        if d.get("category") in CATEGORIES:
            own_forms[d["id"]] = forms(d["name"])
            for f in own_forms[d["id"]]:
                owners[f].add(d["id"])
    chosen = {f: next(iter(ids)) for f, ids in owners.items()
              if len(ids) == 1 and f not in labels
              and jieba.dt.FREQ.get(f, 0) < args.max_freq}  # fmt: skip
    a = ahocorasick.Automaton()
    for f in chosen:
        a.add_word(f + COMMITTEE, f)
    a.make_automaton()
    uses: Counter[str] = Counter()
    for text in corpus_texts(args.shared):
        for end, f in a.iter(text):
            s = end + 1 - len(f) - len(COMMITTEE)
            if s > 0 and text[s - 1] + f in own_forms[chosen[f]]:
                continue  # 共|青团中央: part of a longer form of the same name
            uses[f] += 1
    rows = sorted((chosen[f], f, n) for f, n in uses.items() if n >= args.min_uses)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# id\tshort form\tuses of form+中央 in the corpus\n"
                 "# Generated by scripts/build_org_shorts.py from curated/organizations.jsonl "
                 "and the corpus.\n")  # fmt: skip
        for i, f, n in rows:
            fh.write(f"{i}\t{f}\t{n}\n")
    print(f"{len(chosen)} candidate forms, {len(rows)} kept", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
