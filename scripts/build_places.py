#!/usr/bin/env python3
"""Derive the place lists under ``ontology/gazetteers/curated/`` from JioNLP's data.

Inputs
  * JioNLP's ``dictionary/china_location.zip`` (Apache-2.0): every province, prefecture
    and county of China with its administrative code and short form (荆州市 421000 荆州);
  * JioNLP's ``dictionary/world_location.txt`` (Apache-2.0): for each country its capital
    and major cities;
  * the shared corpus (``<shared>/corpus`` and ``<shared>/news``), only to measure how
    often each short form is a word of its own (the common-word guard below).

Outputs (vendored; ``scripts/build_gazetteers.py`` reads them, the build never needs
JioNLP)
  ``curated/features.tsv``: rivers, lakes, mountains, islands, ports (``natural_features``);
  ``curated/cn_divisions.tsv``: ``adcode, level (0 province, 1 prefecture, 2 county),
  name, short form ('' when it is withheld), parent adcode, why the short form was
  withheld``; ``curated/world_cities.tsv``: ``country name, city, capital (1/0)``.

Short forms. A county's or prefecture's short form (荆州, 孝感, 康定) is kept unless
  * several divisions share it: it goes to the one of the highest level when that one
    is unique (长沙 → 长沙市, not 长沙县), else to none;
  * it is a functional zone's generic abbreviation (高新区, 经开区: county codes 70–79);
  * it has two characters and jieba's dictionary lacks it (和布 of 和布克赛尔): the
    pipeline would have to force it into jieba's dictionary, where it would cut the words
    it straddles (和布置, 和布局);
  * it is mostly a common word (合作, 会同, 和平, 通道, 南部): it is a whole jieba token
    more than ``--min-tokens`` times in the corpus and fewer than ``--min-place-share`` of
    the paragraphs holding it name one of its parents (its province or prefecture; a
    third of that share for a prefecture, which texts name without its province more
    often); a rarer county short form of three or more characters is withheld when
    jieba's dictionary tags it as a verb, adjective, adverb or another word class that
    is never a place name (jieba's tags of prefecture names are too often wrong: 开封 v,
    大连 d; a two-character county form is checked at run time instead: it counts only
    right after its prefecture or province or in a document about one of them).

Usage: ``python scripts/build_places.py --jionlp PATH [--shared ../shared]`` where PATH
is JioNLP's wheel (``pip download --no-deps jionlp``) or its unpacked ``jionlp`` folder.
"""

from __future__ import annotations

import argparse
import glob
import io
import json
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CURATED = REPO / "ontology" / "gazetteers" / "curated"

# jieba tags of words that are never place names (as kg.nlp.organs reads them)
BAD_TAGS = ("v", "a", "d", "p", "c", "u", "r", "m", "q", "f", "t", "e", "y", "o", "b", "s")


class JioNLP:
    """The two data files, from a wheel or an unpacked package folder."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self, name: str) -> bytes:
        rel = f"jionlp/dictionary/{name}"
        if self.path.is_file():
            with zipfile.ZipFile(self.path) as z:
                return z.read(rel)
        base = self.path if self.path.name == "jionlp" else self.path / "jionlp"
        return (base / "dictionary" / name).read_bytes()

    def china(self) -> list[tuple[int, list[str]]]:
        with zipfile.ZipFile(io.BytesIO(self.read("china_location.zip"))) as z:
            text = z.read("china_location.txt").decode("utf-8")
        rows = []
        for line in text.splitlines():
            depth = len(line) - len(line.lstrip("\t"))
            if depth <= 2 and line.strip():
                rows.append((depth, line.strip().split("\t")))
        return rows

    def world(self) -> list[tuple[str, str, int]]:
        out = []
        for line in self.read("world_location.txt").decode("utf-8").splitlines():
            parts = line.strip().split("\t")
            if len(parts) < 3:
                continue  # a continent heading
            country, capital = parts[0], parts[2]
            out.append((country, capital, 1))
            if len(parts) > 3:
                out += [(country, c, 0) for c in parts[3].split("/") if c]
        return out


def divisions(rows: list[tuple[int, list[str]]]) -> list[dict]:
    """One record per code (a municipality is listed as province and as prefecture)."""
    out: dict[str, dict] = {}
    parents: list[str | None] = [None, None, None]
    for depth, parts in rows:
        if len(parts) < 2:
            parents[depth] = None
            continue  # no code (Taiwan's districts): not listed
        name, code = parts[0], parts[1]
        short = parts[2] if len(parts) > 2 else ""
        parents[depth] = code
        parent = parents[depth - 1] if depth else None
        if code in out or (depth and parent is None):
            continue
        if parent is not None and out.get(parent, {}).get("name") == name:
            continue
        out[code] = {"code": code, "level": depth, "name": name, "short": short,
                     "parent": parent or "", "why": ""}
    return list(out.values())


FEATURE_HEADS = (
    "海峡", "半岛", "群岛", "列岛", "运河", "江", "河", "湖", "山", "岛", "港", "湾", "峡",
)
# jieba tags of a word that makes the name a description (避风港, 内流河, 无人岛, 城市热岛)
COMMON_TAGS = ("n", "v", "a", "b", "d", "m", "q")


def natural_features(src: JioNLP, tags: dict[str, str]) -> list[tuple[str, str]]:
    """Rivers, lakes, mountains, islands, ports, bays and straits: the words of jieba's
    dictionary tagged ns (place name) of three to six characters that end in a feature
    head, unless an idiom (JioNLP's list: 信口开河, 半壁江山) or a description: the part
    before the head, or the first two characters, is a common word (避风港, 内流河, 无人岛),
    or two place names run together (长江黄河, 山东泰山). Jieba's tags are noisy, so this
    keeps about 1,000 of 1,200 and loses some real names (洞庭湖: 洞庭 is tagged n)."""
    with zipfile.ZipFile(io.BytesIO(src.read("chinese_idiom.zip"))) as z:
        idioms = {line.split("\t")[0].strip()
                  for line in z.read("chinese_idiom.txt").decode("utf-8").splitlines()}
    out = []
    for w, tag in sorted(tags.items()):
        if tag != "ns" or not 3 <= len(w) <= 6 or w in idioms:
            continue
        head = next((h for h in FEATURE_HEADS if w.endswith(h)), None)
        if head is None:
            continue
        body = w[: -len(head)]
        common = [t for t in (tags.get(body, ""), tags.get(w[:2], "") if len(body) > 2 else "")
                  if t[:1] in COMMON_TAGS and t not in ("nr", "ns", "nz", "nrt", "nrfg")]
        # two place names run together (长江黄河, 山东泰山) are no one feature
        pair = any(tags.get(w[:i]) == "ns" and tags.get(w[i:]) == "ns" and w[i:] != head
                   for i in range(2, len(w) - 1))
        if not common and not pair:
            out.append((w, head))
    return out


def corpus_paragraphs(shared: Path):
    for f in sorted(glob.glob(str(shared / "corpus" / "reports" / "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                yield from json.loads(line).get("content", "").split("\n")
    for f in sorted(glob.glob(str(shared / "corpus" / "laws" / "**" / "*.md"), recursive=True)):
        yield from Path(f).read_text(encoding="utf-8").split("\n")
    news = shared / "news" / "cctv_xwlb_sample.jsonl"
    if news.exists():
        with open(news, encoding="utf-8") as fh:
            for line in fh:
                yield from json.loads(line).get("text", "").split("\n")


def token_usage(shared: Path, shorts: set[str], context: dict[str, set[str]]):
    """For each short form: (paragraphs where it is a whole jieba token, of which ones
    also name one of ``context[short]``), segmenting as the pipeline does."""
    from kg.nlp.gazetteer import load_gazetteer
    from kg.nlp.segment import cut_words, fast_segmenter

    seg = fast_segmenter()
    if hasattr(seg, "initialize"):
        seg.initialize()
    for w in [*load_gazetteer().jieba_words(), *sorted(shorts)]:
        if not w.isascii():
            seg.add_word(w, freq=50000)  # as kg.nlp.pipeline adds the gazetteer's names
    tok: Counter[str] = Counter()
    ctx: Counter[str] = Counter()
    for para in corpus_paragraphs(shared):
        if not para:
            continue
        for w in set(cut_words(seg, para)) & shorts:
            tok[w] += 1
            if any(c in para for c in context[w]):
                ctx[w] += 1
    return tok, ctx


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jionlp", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=CURATED)
    ap.add_argument("--min-tokens", type=int, default=20)
    ap.add_argument("--min-place-share", type=float, default=0.3)
    args = ap.parse_args(argv)
    from kg.nlp.text import jieba_tags

    src = JioNLP(args.jionlp)
    divs = divisions(src.china())
    by_code = {d["code"]: d for d in divs}
    # shared short forms: to the highest level when unique there
    owners: dict[str, list[dict]] = defaultdict(list)
    for d in divs:
        if d["short"] and d["short"] != d["name"]:
            owners[d["short"]].append(d)
    names = {d["name"] for d in divs}
    for s, ds in owners.items():
        top = min(d["level"] for d in ds)
        keep = [d for d in ds if d["level"] == top]
        for d in ds:
            if len(keep) > 1 or d is not keep[0]:
                d["why"] = "shared"
            elif s in names:
                d["why"] = "a division's name"
    for d in divs:
        if d["level"] and 70 <= int(d["code"][4:6]) < 80 and not d["why"]:
            d["why"] = "zone"
        if d["short"] == d["name"] or len(d["short"]) < 2:
            d["short"], d["why"] = "", ""
    # the common-word guard (provinces are curated; their short forms are not judged)
    judged = [d for d in divs if d["short"] and not d["why"] and d["level"] > 0]
    context: dict[str, set[str]] = {}
    for d in judged:
        ctx = set()
        p = by_code.get(d["parent"])
        while p is not None:
            ctx |= {p["name"], *([p["short"]] if len(p["short"]) >= 2 else [])}
            p = by_code.get(p["parent"])
        ctx.add(d["name"])
        context[d["short"]] = ctx
    tok, ctx = token_usage(args.shared, set(context), context)
    tags = jieba_tags()
    for d in judged:
        s = d["short"]
        if len(s) == 2 and s not in tags:
            # jieba would have to be forced to cut it, and would then cut the words it
            # straddles (和布 of 和布克赛尔 in 和布置, 和布局)
            d["why"] = "unknown to jieba"
            continue
        # prefectures are named without their province far more often than counties
        share = args.min_place_share / (3 if d["level"] == 1 else 1)
        if tok[s] > args.min_tokens:
            if ctx[s] < share * tok[s]:
                d["why"] = f"common word ({ctx[s]}/{tok[s]} paragraphs name a parent)"
        elif d["level"] == 2 and len(s) > 2 and tags.get(s, "ns").startswith(BAD_TAGS):
            d["why"] = f"common word (jieba tag {tags[s]})"
    with open(args.out / "cn_divisions.tsv", "w", encoding="utf-8") as fh:
        fh.write("# adcode\tlevel\tname\tshort\tparent\twithheld (why)\n")
        fh.write("# Generated by scripts/build_places.py from JioNLP's china_location "
                 "(Apache-2.0).\n")
        for d in sorted(divs, key=lambda d: d["code"]):
            short = "" if d["why"] else d["short"]
            why = f"{d['short']}: {d['why']}" if d["why"] else ""
            fh.write(f"{d['code']}\t{d['level']}\t{d['name']}\t{short}\t{d['parent']}\t{why}\n")
    features = natural_features(src, tags)
    with open(args.out / "features.tsv", "w", encoding="utf-8") as fh:
        fh.write("# name\thead\n# Generated by scripts/build_places.py from jieba's dictionary "
                 "(MIT; words tagged ns) and JioNLP's idiom list (Apache-2.0).\n")
        for name, head in features:
            fh.write(f"{name}\t{head}\n")
    with open(args.out / "world_cities.tsv", "w", encoding="utf-8") as fh:
        fh.write("# country\tcity\tcapital\n")
        fh.write("# Generated by scripts/build_places.py from JioNLP's world_location "
                 "(Apache-2.0).\n")
        for country, city, cap in src.world():
            fh.write(f"{country}\t{city}\t{cap}\n")
    withheld = Counter(d["why"].split(" (")[0] for d in divs if d["why"])
    print(f"{len(divs)} divisions; short forms withheld: {dict(withheld)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
