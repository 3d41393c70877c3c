"""Programmes and who carries them out, on news sentences the rules have never seen (issue #14).

The news twin of ``programs_sample`` (work reports): ``draw`` takes ``--n`` sentences of
``../shared/news/cctv_xwlb_sample.jsonl`` (stories only, no dev2 day and none of the fresh
held-out days: ``relation_recall_sample.dev2_days``), at most one a day, among the sentences
that carry a programme cue (``CUE``: a head word of the classes …行动, …工程, …计划, …战略,
…倡议, …走廊 before a boundary, quoted or not; a cue for drawing, not a rule of kg), ordered
by a hash of the seed, day and offset, and writes them to ``OUT/programs_SEED.jsonl``
(``unit``, ``doc``, ``start``, ``end``, ``text``). News text is CCTV's: OUT is outside the
repository (default ``/work/news_labels``), and so are the labels, written by hand into the
same records *before* kg runs on them (GUIDELINES.md)::

    "entities": [{"name", "type": Program|Event|Organization, "aliases"?, "also"?, "optional"?}]
    "relations": [{"s": name[|alias…], "p": "implements", "o": name[|alias…], "optional"?}]

``score`` runs kg on each whole document, as ``kg build`` reads it, and compares the
Program, Event and Organization entities mentioned in a sentence and the ``implements``
edges whose evidence sentence starts in it with the labels: names match after NFKC without
quote marks or spaces, exactly (a boundary error is a miss and a false positive), types as
``kg eval`` matches them (the type or ``also``); a prediction that matches an optional label
counts neither way.

    python bench/programs_news_sample.py draw --seed 171
    python bench/programs_news_sample.py score --seed 171 [-v]

Figures (P/R; tp/fp/fn) of 257d9a5 (the start of round programs17) → branch programs17
(2026-12-06), labels written before kg ran: P171 (seed 171, development), P173 (seed 173,
drawn as a second development sample before kg ran on it) and P172 (seed 172, blind, scored
once before and once at the end). P171's labels were corrected once after the first
scoring (a fully named 哈马斯 the labeller skipped; 中国共产党 and the 双方 of a talks story
made optional); the figures before count the corrected labels.

    P171 Program     0.615/0.800 (8/5/2)   → 0.769/1.000 (10/3/0)
    P171 entities    0.722/0.684 (13/5/6)  → 0.833/0.789 (15/3/4)  (Organization and
                     Event misses are other rounds' classes)
    P173 Program     0.862/1.000 (25/4/0)  → 0.893/1.000 (25/3/0)
    P173 implements  -/0.000 (0/0/2)       → 1.000/1.000 (2/0/0)
    P172 Program     0.857/0.720 (18/3/7)  → unchanged (blind)
    P172 entities    0.808/0.724 (21/5/8)  → unchanged
    P172 implements  0.000/0.000 (0/2/3)   → unchanged

Round programs18 (38f16ce → branch programs18, 2026-12-07): P171, P172 (spent, now for
development) and P173 unchanged in every figure; P174 (seed 174, drawn as P172 was,
labelled before kg ran, scored once before and once at the end). Two of the round's
classes were checked on all the news days, and the days of two P174 sentences were
among them (a body that deploys its executors, two nouns joined in a programme's
field), so P174's implements gain is not blind:

    P174 Program     0.812/0.765 (13/3/4)  → 0.824/0.824 (14/3/3)
    P174 entities    0.800/0.762 (16/4/5)  → 0.810/0.810 (17/4/4)
    P174 implements  0.667/0.500 (2/1/2)   → 0.800/1.000 (4/1/0)

Round programs19 (2a753fa → branch programs19, 2026-12-07: the programme names mined from
the corpus, ``curated/program_names.tsv``): P171–P174 unchanged in every figure; on all 396
news days outside dev2 and the held-out days the entities and relations are the same but
for the keys of two names (news names the mined programmes four times in 400 days).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import relation_recall_sample as rrs  # noqa: E402

OUT = Path("/work/news_labels")
#: days kept for a later check (never drawn, never read)
TYPES = ("Program", "Event", "Organization")
# a head word after a name character and before a boundary (punctuation, a conjunction, a
# particle, a word that follows a programme's name: 方案, 建设, 实施, 启动…), so that 战略伙伴,
# 行动准绳 and 计划于 draw no sentence
CUE = re.compile(
    r"[\u4e00-\u9fff”》\d](?:行动|工程|计划|战略|倡议|走廊)(?:[，。、；：！？”》）和与及等的中上]|$|"
    r"方案|纲要|建设|实施|启动|正式|全面|取得|进入|落地|项目|以来|框架|合作)"
)
SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")


def sentences() -> list[dict]:
    """Every sentence of 12–200 characters in the stories of the news file (not the
    day's summary), with its document and offsets."""
    out = []
    days = rrs.dev2_days()
    for d in rrs.read_docs(rrs.NEWS):
        if d.id.split("#")[-1] in days:
            continue
        t = d.text
        for s, e in rrs.story_spans(t):
            for sm in SENTENCE.finditer(t, s, e):
                a, b = sm.span()
                while a < b and t[a].isspace():
                    a += 1
                if 12 <= b - a <= 200:
                    out.append({"doc": d.id, "start": a, "end": b, "text": t[a:b]})
    return out


def draw(seed: int, n: int, out: Path) -> Path:
    def rank(u: dict) -> str:
        return hashlib.sha1(f"{seed}:{u['doc']}:{u['start']}".encode()).hexdigest()

    picked, days = [], set()
    for u in sorted((u for u in sentences() if CUE.search(u["text"])), key=rank):
        if u["doc"] not in days:
            days.add(u["doc"])
            picked.append(u)
        if len(picked) == n:
            break
    picked.sort(key=lambda u: (u["doc"], u["start"]))
    path = out / f"programs_{seed}.jsonl"
    if path.exists():
        raise SystemExit(f"{path} exists (it may hold labels): not overwritten")
    with path.open("w", encoding="utf-8") as fh:
        for i, u in enumerate(picked):
            fh.write(json.dumps({"unit": f"p{i:02d}", **u}, ensure_ascii=False) + "\n")
    return path


def predict(units: list[dict]):
    """kg's entities of TYPES mentioned in each unit (names, type) and its implements edges
    (subject names, object names, rule) whose sentence starts in the unit."""
    from kg.model import Document
    from kg.nlp import extract

    by_doc = defaultdict(list)
    for u in units:
        by_doc[u["doc"]].append(u)
    docs = {d.id: d for d in rrs.read_docs(rrs.NEWS) if d.id in by_doc}
    ents: dict[str, dict] = defaultdict(dict)
    rels: dict[str, list] = defaultdict(list)
    for did, us in by_doc.items():
        d = docs[did]
        r = extract(Document(d.id, d.text, d.meta))
        names: dict[str, set[str]] = defaultdict(set)
        for m in r.mentions:
            names[m.key].add(rrs.norm(m.text))
        for k, e in r.entities.items():
            names[k] |= {rrs.norm(x) for x in [e.label, *e.aliases]}
        for m in r.mentions:
            t = r.entities[m.key].type if m.key in r.entities else m.type
            for u in us:
                if t in TYPES and u["start"] <= m.start < u["end"]:
                    ents[u["unit"]][m.key] = (frozenset(names[m.key]), t)
        for rel in r.relations:
            for u in us:
                if rel.pred == "implements" and u["start"] <= rel.sent_start < u["end"]:
                    rels[u["unit"]].append((frozenset(names[rel.subj]) or frozenset({rel.subj}),
                                            frozenset(names[rel.obj]) or frozenset({rel.obj}),
                                            rel.rule))  # fmt: skip
    return ents, rels


def names_of(label: dict, key: str) -> frozenset:
    """The names of a relation's end (``a|b`` for a name written two ways)."""
    return frozenset(rrs.norm(x) for x in label[key].split("|"))


def score(seed: int, out: Path, verbose: bool) -> None:
    units = [json.loads(x) for x in (out / f"programs_{seed}.jsonl").read_text().splitlines()]
    if not all("entities" in u for u in units):
        raise SystemExit("not labelled yet: label every record before scoring")
    pents, prels = predict(units)
    tp, fp, fn = Counter(), Counter(), Counter()
    lines = []
    for u in units:
        uid = u["unit"]
        pred = list(pents.get(uid, {}).values())
        used = set()
        for g in u["entities"]:
            gn = frozenset(rrs.norm(x) for x in [g["name"], *g.get("aliases", [])])
            types = {g["type"], *g.get("also", [])}
            hit = next((i for i, (n, t) in enumerate(pred)
                        if i not in used and t in types and n & gn), None)  # fmt: skip
            if hit is not None:
                used.add(hit)
            if g.get("optional"):
                continue
            if hit is not None:
                tp[g["type"]] += 1
            else:
                fn[g["type"]] += 1
                lines.append(f"  {uid} MISS {g['type']:<12} {g['name']}")
        for i, (n, t) in enumerate(pred):
            if i not in used:
                fp[t] += 1
                lines.append(f"  {uid} FP   {t:<12} {'|'.join(sorted(n))}")
        gold = u.get("relations", [])

        def match(g: dict, p: tuple) -> bool:
            return bool(names_of(g, "s") & p[0]) and bool(names_of(g, "o") & p[1])

        seen = set()
        for p in prels.get(uid, []):
            if (p[0], p[1]) in seen:
                continue
            seen.add((p[0], p[1]))
            if not any(match(g, p) for g in gold):
                fp["implements"] += 1
                lines.append(f"  {uid} FP   implements {'|'.join(sorted(p[0]))} → "
                             f"{'|'.join(sorted(p[1]))}  [{p[2]}]")  # fmt: skip
        for g in gold:
            if g.get("optional"):
                continue
            if any(match(g, p) for p in prels.get(uid, [])):
                tp["implements"] += 1
            else:
                fn["implements"] += 1
                lines.append(f"  {uid} MISS implements {g['s']} → {g['o']}")
    print(f"programmes news sample seed {seed}: {len(units)} sentences")
    print(f"  {'class':13} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    T = [0, 0, 0]
    for c in (*TYPES, "entities", "implements"):
        if c == "entities":
            a, b, n = T
        else:
            a, b, n = tp[c], fp[c], fn[c]
        if c in TYPES:
            T = [T[0] + a, T[1] + b, T[2] + n]
        f1 = f"{2 * a / (2 * a + b + n):6.3f}" if a else "     -"
        print(f"  {c:13} {rrs.ratio(a, a + b)} {rrs.ratio(a, a + n)} {f1}  {a:3} {b:3} {n:3}")
    if verbose:
        print("\n".join(lines))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("cmd", choices=("draw", "score", "show"))
    ap.add_argument("--seed", type=int, default=171)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("-v", action="store_true", help="list every miss and false positive")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    if a.cmd == "draw":
        print(draw(a.seed, a.n, a.out))
    elif a.cmd == "show":
        for x in (a.out / f"programs_{a.seed}.jsonl").read_text().splitlines():
            u = json.loads(x)
            print(f"{u['unit']} {u['doc']}  {u['text']}")
    else:
        score(a.seed, a.out, a.v)


if __name__ == "__main__":
    main()
