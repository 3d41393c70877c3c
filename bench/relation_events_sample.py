"""Events, programmes and who took part in them, on news stories the rules have never seen:
a seeded sample labelled by hand (GUIDELINES.md), scored against kg by class.

``draw`` takes ``--n`` stories of ``../shared/news/cctv_xwlb_sample.jsonl`` (no dev2 day),
the same number from each year, among the stories that name a meeting, a fair, games or a
programme (a head word of these classes: 会, 论坛, 博览会, 峰会, 工程, 计划, 行动…), each cut
to its first ``CAP`` characters at a sentence end (units of ``relation_recall_sample``), and
writes them to ``OUT/events_SEED.jsonl``. News text is CCTV's: OUT is outside the
repository (default ``/work/news_labels``), and so are the labels, ``OUT/events_SEED.tsv``::

    unit<TAB>ENT<TAB>name[|alias…]<TAB>Event|Program[<TAB>opt]
    unit<TAB>subject<TAB>participatesIn|hosted|partOf<TAB>object[<TAB>opt|imp]

A labels file with the line ``# +cooperatesWith`` is scored on cooperatesWith as well
(either direction), the fourth relation of an event story; likewise ``# +implements``,
``# +initiated`` and ``# +holdsPost`` (one line each) add those predicates.

``score`` runs kg on each whole document, as ``kg build`` reads it, and prints recall and
precision of the Event and Program entities mentioned in a unit and of the three relations
whose evidence sentence lies in it, with every miss and false positive.

    python bench/relation_events_sample.py draw --seed 11
    python bench/relation_events_sample.py score --seed 11
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import relation_recall_sample as rrs  # noqa: E402

OUT = Path("/work/news_labels")
CAP = 500
TYPES = ("Event", "Program")
PREDICATES = ("participatesIn", "hosted", "partOf")
# a story is drawn when it names one of these classes (a cue, not a rule of kg)
CUE = re.compile(
    r"会议|大会|论坛|博览会|展览会|交易会|峰会|运动会|开幕|闭幕|工程|计划|行动|战略|倡议"
)
# ``--cue events``: stories of gatherings only (meetings, visits, forums, ceremonies, shows,
# games, congresses, talks), the class where the entity stage is weakest on unseen news
EVENT_CUE = re.compile(
    r"会议|大会|论坛|博览会|展览会|交易会|峰会|运动会|开幕|闭幕|座谈会|研讨会|对话会|见面会|"
    r"仪式|典礼|会谈|会见|访问|出席|举行|召开|展览|赛"
)
CUES = {"default": CUE, "events": EVENT_CUE}


def draw(seed: int, n: int, out: Path, cue: re.Pattern = CUE) -> Path:
    rng = random.Random(seed)
    units = rrs.news_units(rrs.dev2_days())
    texts = {d.id: d.text for d in rrs.read_docs(rrs.NEWS)}
    for u in units:
        u["text"] = texts[u["doc"]][u["start"] : u["end"]]
    picked = rrs.year_balanced([u for u in units if cue.search(u["text"])], n, rng)
    path = out / f"events_{seed}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, u in enumerate(picked):
            if len(u["text"]) > CAP:  # at the last sentence end within CAP characters
                j = max(u["text"].rfind(c, 0, CAP) for c in "。；！？")
                u["text"] = u["text"][: j + 1 if j > 0 else CAP]
                u["end"] = u["start"] + len(u["text"])
            u["unit"] = f"e{i:02d}"
            fh.write(json.dumps(u, ensure_ascii=False) + "\n")
    return path


def predicates(path: Path) -> tuple[str, ...]:
    """The relations a labels file is scored on (cooperatesWith, implements, initiated when it
    says so, one ``# +predicate`` line each)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    extra = ("cooperatesWith", "implements", "initiated", "holdsPost")
    return PREDICATES + tuple(p for p in extra if f"# +{p}" in lines)


def read_labels(path: Path):
    ents, rels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        c = line.split("\t")
        flag = c[4].strip() if len(c) > 4 else ""
        if c[1] == "ENT":
            ents.append((c[0], frozenset(rrs.norm(x) for x in c[2].split("|")), c[3].strip(), flag))
        else:
            rels.append((c[0], frozenset(rrs.norm(x) for x in c[1].split("|")), c[2].strip(),
                         frozenset(rrs.norm(x) for x in c[3].split("|")), flag))  # fmt: skip
    return ents, rels


def predict(units: list[dict], preds: tuple[str, ...] = PREDICATES):
    """kg's Event/Program entities mentioned in each unit (names, type) and its relations."""
    from kg.model import Document
    from kg.nlp import extract

    by_doc = defaultdict(list)
    for u in units:
        by_doc[u["doc"]].append(u)
    docs = {d.id: d for d in rrs.read_docs(rrs.NEWS) if d.id in by_doc}
    ents: dict[str, dict[str, tuple[frozenset, str]]] = defaultdict(dict)
    rels: dict[str, list] = defaultdict(list)
    for did, us in by_doc.items():
        d = docs[did]
        r = extract(Document(d.id, d.text, d.meta))
        names: dict[str, set[str]] = defaultdict(set)
        for m in r.mentions:
            names[m.key].add(rrs.norm(m.text))
        for k, e in r.entities.items():
            names[k].add(rrs.norm(e.label))
        for m in r.mentions:
            t = r.entities[m.key].type if m.key in r.entities else m.type
            if t not in TYPES:
                continue
            for u in us:
                if u["start"] <= m.start < u["end"]:
                    ents[u["unit"]][m.key] = (frozenset(names[m.key]), t)
        for rel in r.relations:
            if rel.pred not in preds:
                continue
            for u in us:
                if u["start"] <= rel.sent_start < u["end"]:
                    rels[u["unit"]].append((frozenset(names[rel.subj]) or frozenset({rel.subj}),
                                            rel.pred, frozenset(names[rel.obj]) or
                                            frozenset({rel.obj}), rel.rule))  # fmt: skip
    return ents, rels


def score(seed: int, out: Path, verbose: bool = True) -> None:
    units = [json.loads(x) for x in (out / f"events_{seed}.jsonl").read_text().splitlines()]
    gents, grels = read_labels(out / f"events_{seed}.tsv")
    preds = predicates(out / f"events_{seed}.tsv")
    pents, prels = predict(units, preds)
    tp, fp, fn = Counter(), Counter(), Counter()
    lines = []
    for u in units:
        uid = u["unit"]
        gold = [g for g in gents if g[0] == uid]
        pred = list(pents.get(uid, {}).values())
        used = set()
        for g in gold:
            hit = next((i for i, p in enumerate(pred)
                        if i not in used and rrs.same_name(g[1], p[0])), None)  # fmt: skip
            if hit is not None:
                used.add(hit)
            if g[3] == "opt":
                continue
            if hit is not None and pred[hit][1] == g[2]:
                tp[g[2]] += 1
            else:
                fn[g[2]] += 1
                got = f" (kg: {pred[hit][1]})" if hit is not None else ""
                lines.append(f"  {uid} MISS {g[2]} {'|'.join(sorted(g[1]))}{got}")
        for i, p in enumerate(pred):
            if i not in used:
                fp[p[1]] += 1
                lines.append(f"  {uid} FP   {p[1]} {'|'.join(sorted(p[0]))}")
        goldr = [g for g in grels if g[0] == uid]
        ps = list(dict.fromkeys(prels.get(uid, [])))
        seen = set()
        for p in ps:
            if (p[0], p[1], p[2]) in seen:
                continue
            seen.add((p[0], p[1], p[2]))
            if not any(rrs.match_relation(g, p) for g in goldr):
                fp[p[1]] += 1
                lines.append(f"  {uid} FP   {'|'.join(sorted(p[0]))} {p[1]} "
                             f"{'|'.join(sorted(p[2]))}  [{p[3]}]")  # fmt: skip
        for g in goldr:
            if g[4] == "opt":
                continue
            if any(rrs.match_relation(g, p) for p in ps):
                tp[g[2]] += 1
            else:
                fn[g[2]] += 1
                lines.append(f"  {uid} MISS {'|'.join(sorted(g[1]))} {g[2]} "
                             f"{'|'.join(sorted(g[3]))} {g[4]}")  # fmt: skip
    print(f"events sample seed {seed}: {len(units)} units, {len(gents)} entities, "
          f"{len(grels)} relations labelled")  # fmt: skip
    print(f"  {'class':16} {'P':>6} {'R':>6}   tp  fp  fn")
    for group in (TYPES, preds):
        T = [0, 0, 0]
        for c in group:
            a, b, n = tp[c], fp[c], fn[c]
            T = [T[0] + a, T[1] + b, T[2] + n]
            print(f"  {c:16} {rrs.ratio(a, a + b)} {rrs.ratio(a, a + n)}  {a:3} {b:3} {n:3}")
        a, b, n = T
        name = "entities" if group is TYPES else "relations"
        print(f"  {name:16} {rrs.ratio(a, a + b)} {rrs.ratio(a, a + n)}  {a:3} {b:3} {n:3}")
    if verbose:
        print("\n".join(lines))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("cmd", choices=("draw", "score", "show"))
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cue", choices=sorted(CUES), default="default")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    if a.cmd == "draw":
        print(draw(a.seed, a.n, a.out, CUES[a.cue]))
    elif a.cmd == "show":
        for x in (a.out / f"events_{a.seed}.jsonl").read_text().splitlines():
            u = json.loads(x)
            print(f"=== {u['unit']} {u['doc']}\n{u['text']}\n")
    else:
        score(a.seed, a.out, not a.quiet)


if __name__ == "__main__":
    main()
