"""Score a graph against gold files, as ``../shared/eval/GUIDELINES.md`` describes.

Names are compared after NFKC normalisation without quote marks and white space. A
predicted entity matches a gold entity when one of its labels equals the gold name or
an alias and its type is the gold type (``Ministry`` counts as ``GovernmentBody``) or in
``also``; each gold entity matches once, so a second node for it is a false positive.
A relation matches when both ends match and the predicate is the same (either direction
for ``cooperatesWith``). Optional entries count neither way. Relations are scored twice:
explicit only (implicit gold relations left out of both sides) and all.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import Errors, KGError
from kg.model import eval_type

_STRIP = re.compile(r"[《》〈〉“”‘’\"'「」『』\s]")


def norm(s: str) -> str:
    """NFKC, no quote marks, no white space (the guideline's comparison)."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", s))


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, o: PRF) -> None:
        self.tp += o.tp
        self.fp += o.fp
        self.fn += o.fn

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class DocScore:
    doc: str
    entities: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    relations_explicit: PRF = field(default_factory=PRF)
    relations_all: PRF = field(default_factory=PRF)
    #: per predicate: explicit relations only / with implicit ones
    predicates_explicit: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    predicates_all: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    false_entities: list[str] = field(default_factory=list)
    missed_entities: list[str] = field(default_factory=list)
    false_relations: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)


def load_gold(path: str | Path) -> dict[str, Any]:
    try:
        g = json.loads(Path(path).read_text(encoding="utf-8"))
        assert isinstance(g.get("entities"), list) and "doc" in g
        return g
    except (OSError, ValueError, AssertionError) as exc:
        raise KGError(Errors.E040, path=path, reason=exc) from exc


def _doc_node(G: nx.MultiDiGraph, gold_doc: str) -> str | None:
    stem = Path(gold_doc).stem
    for n, d in G.nodes(data=True):
        if d.get("kind") != "document":
            continue
        doc_id = n[4:]
        if doc_id.rsplit("/", 1)[-1] == stem or Path(str(d.get("source") or "")).name == gold_doc:
            return n
    return None


def score_doc(G: nx.MultiDiGraph, gold: dict[str, Any]) -> DocScore:
    """Score the part of ``G`` that comes from the gold's document."""
    doc_node = _doc_node(G, gold["doc"])
    if doc_node is None:
        raise KGError(Errors.E041, path=gold.get("_path", "?"), doc=gold["doc"])
    doc_id = doc_node[4:]
    ds = DocScore(gold["doc"])
    gold_ents = gold["entities"]
    by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ge in gold_ents:
        for n in {ge["name"], *ge.get("aliases", [])}:
            by_name[norm(n)].append(ge)
    not_entities = {norm(x) for x in gold.get("not_entities", [])}

    preds = [(u, G.nodes[u]) for u, _, k in G.in_edges(doc_node, keys=True) if k == "mentionedIn"]
    preds.sort(key=lambda x: (-x[1].get("docs", {}).get(doc_id, 0), x[0]))
    matched: dict[str, str] = {}  # gold id -> pred key
    pred_gold: dict[str, str] = {}  # pred key -> gold id (for relations, duplicates too)
    for key, d in preds:
        ptype = eval_type(d["type"])
        labels = {norm(d["label"]), *(norm(a) for a in d.get("aliases", []))}
        cands = []
        for lab in labels:
            for ge in by_name.get(lab, []):
                if ptype == ge["type"] or ptype in ge.get("also", []):
                    cands.append(ge)
        if not cands:
            ds.entities[ptype].fp += 1
            flag = " (listed as not an entity)" if labels & not_entities else ""
            ds.false_entities.append(f"{d['label']} [{ptype}]{flag}")
            continue
        free = [ge for ge in cands if ge["id"] not in matched and not ge.get("optional")]
        if free:
            ge = free[0]
            matched[ge["id"]] = key
            pred_gold[key] = ge["id"]
            ds.entities[ge["type"]].tp += 1
        else:
            opt = [ge for ge in cands if ge.get("optional")]
            if opt:
                pred_gold[key] = opt[0]["id"]
                continue
            pred_gold[key] = cands[0]["id"]
            ds.entities[ptype].fp += 1
            ds.false_entities.append(f"{d['label']} [{ptype}] (duplicate of {cands[0]['name']})")
    for ge in gold_ents:
        if ge["id"] not in matched and not ge.get("optional"):
            ds.entities[ge["type"]].fn += 1
            ds.missed_entities.append(f"{ge['name']} [{ge['type']}]")

    gold_rel = {}
    for r in gold.get("relations", []):
        gold_rel[(r["s"], r["p"], r["o"])] = r
        if r["p"] == "cooperatesWith":
            gold_rel.setdefault((r["o"], r["p"], r["s"]), r)
    names = {ge["id"]: ge["name"] for ge in gold_ents}
    seen: set[int] = set()
    for u, v, k, d in G.edges(keys=True, data=True):
        if d.get("kind") != "relation" or not any(
            ev["doc"] == doc_id for ev in d.get("evidence", [])
        ):
            continue
        s, o = pred_gold.get(u), pred_gold.get(v)
        label = f"{G.nodes[u]['label']} {k} {G.nodes[v]['label']}"
        r = gold_rel.get((s, k, o)) if s and o else None
        if r is None:
            for prf in (ds.relations_explicit, ds.relations_all,
                        ds.predicates_explicit[k], ds.predicates_all[k]):  # fmt: skip
                prf.fp += 1
            ds.false_relations.append(label)
            continue
        if id(r) in seen or r.get("optional"):
            continue
        seen.add(id(r))
        ds.relations_all.tp += 1
        ds.predicates_all[k].tp += 1
        if not r.get("implicit"):
            ds.relations_explicit.tp += 1
            ds.predicates_explicit[k].tp += 1
    for r in gold.get("relations", []):
        if r.get("optional") or id(r) in seen:
            continue
        ds.relations_all.fn += 1
        ds.predicates_all[r["p"]].fn += 1
        if not r.get("implicit"):
            ds.relations_explicit.fn += 1
            ds.predicates_explicit[r["p"]].fn += 1
        ds.missed_relations.append(
            f"{names.get(r['s'], r['s'])} {r['p']} {names.get(r['o'], r['o'])}"
            + (" (implicit)" if r.get("implicit") else "")
        )
    return ds


@dataclass
class EvalReport:
    docs: list[DocScore]

    def entity_total(self) -> PRF:
        t = PRF()
        for d in self.docs:
            for p in d.entities.values():
                t.add(p)
        return t

    def entity_by_type(self) -> dict[str, PRF]:
        out: dict[str, PRF] = defaultdict(PRF)
        for d in self.docs:
            for k, p in d.entities.items():
                out[k].add(p)
        return dict(out)

    def relations(self, implicit: bool) -> PRF:
        t = PRF()
        for d in self.docs:
            t.add(d.relations_all if implicit else d.relations_explicit)
        return t

    def relations_by_predicate(self, implicit: bool) -> dict[str, PRF]:
        out: dict[str, PRF] = defaultdict(PRF)
        for d in self.docs:
            for k, p in (d.predicates_all if implicit else d.predicates_explicit).items():
                out[k].add(p)
        return dict(out)

    def as_dict(self) -> dict[str, Any]:
        return {
            "entities": {
                "overall": self.entity_total().as_dict(),
                "by_type": {k: v.as_dict() for k, v in sorted(self.entity_by_type().items())},
            },
            "relations": {
                "explicit": self.relations(False).as_dict(),
                "all": self.relations(True).as_dict(),
                "by_predicate": {
                    k: v.as_dict() for k, v in sorted(self.relations_by_predicate(True).items())
                },
                "by_predicate_explicit": {
                    k: v.as_dict() for k, v in sorted(self.relations_by_predicate(False).items())
                },
            },
            "docs": [
                {
                    "doc": d.doc,
                    "entities": {k: v.as_dict() for k, v in sorted(d.entities.items())},
                    "relations_explicit": d.relations_explicit.as_dict(),
                    "relations_all": d.relations_all.as_dict(),
                    "predicates_all": {k: v.as_dict() for k, v in sorted(d.predicates_all.items())},
                    "false_entities": d.false_entities,
                    "missed_entities": d.missed_entities,
                    "false_relations": d.false_relations,
                    "missed_relations": d.missed_relations,
                }
                for d in self.docs
            ],
        }

    def table(self, details: bool = True) -> str:
        lines = ["entities            P      R      F1    (tp/fp/fn)"]

        def row(name: str, p: PRF) -> str:
            counts = f"({p.tp}/{p.fp}/{p.fn})"
            return f"  {name:<16} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}  {counts}"

        for k, v in sorted(self.entity_by_type().items()):
            lines.append(row(k, v))
        lines.append(row("overall", self.entity_total()))
        lines.append("relations")
        lines.append(row("explicit", self.relations(False)))
        lines.append(row("with implicit", self.relations(True)))
        lines.append("relations by predicate (with implicit)")
        for k, v in sorted(self.relations_by_predicate(True).items()):
            lines.append(row(k, v))
        for d in self.docs:
            e = PRF()
            for p in d.entities.values():
                e.add(p)
            lines.append(
                f"{d.doc}: entity F1 {e.f1:.3f}, relation F1 "
                f"{d.relations_explicit.f1:.3f} explicit, {d.relations_all.f1:.3f} all"
            )
            if details:
                for title, items in (
                    ("false entities", d.false_entities),
                    ("missed entities", d.missed_entities),
                    ("false relations", d.false_relations),
                    ("missed relations", d.missed_relations),
                ):
                    if items:
                        lines.append(f"  {title} ({len(items)}): " + "; ".join(items))
        return "\n".join(lines)


def gold_files(gold_dir: str | Path) -> list[Path]:
    """The ``*.gold.json`` files of ``gold_dir``, sorted; ``E160`` when it is not a folder,
    ``E161`` when it holds none (a table of zeros would look like a score)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise KGError(Errors.E160, path=gold_dir)
    found = sorted(gold_dir.glob("*.gold.json"))
    if not found:
        raise KGError(Errors.E161, path=gold_dir)
    return found


def score_graph(G: nx.MultiDiGraph, gold_dir: str | Path) -> EvalReport:
    """Score ``G`` against every ``*.gold.json`` in ``gold_dir``."""
    docs = []
    for p in gold_files(gold_dir):
        g = load_gold(p)
        g["_path"] = str(p)
        docs.append(score_doc(G, g))
    return EvalReport(docs)
