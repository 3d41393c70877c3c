"""Regenerate ``ontology/lexicon/name_chars.tsv`` from jieba's dictionary (MIT).

How likely a character is to open a Chinese name as its surname, and to stand in a given
name, against how often it stands in ordinary words: two log-likelihood ratios per
character, learnt from the words jieba's bundled ``dict.txt`` tags as persons' names
(``nr``, ``nrfg``, ``nrt``: 60,000 names of three characters such as 许立群, 龚育之) and
its other words weighted by their frequency. The surnames are the hand-kept closed class
of ``surnames.txt``; a name counted is a surname and a given name of one or two
characters (three or four characters in all: jieba's two-character ``nr`` words are
mostly common words, 文明, 高峰).

``surname`` = log P(s opens a name) − log P(s opens a word); ``given`` = log P(c in a
given name) − log P(c in a word); ``foreign`` = log P(c in a name that opens with no
surname: mostly transliterated, 克林顿) − log P(c in a Chinese given name); ``end`` =
log P(c ends another word) − log P(c ends a name) (花, 米, 作: words end so). Add-k
smoothing keeps rare characters from extreme ratios. Characters absent from the table
score the model's floor (:mod:`kg.nlp.components.name_model`).

Usage: ``python scripts/build_name_chars.py``
"""

from __future__ import annotations

import importlib.util
import math
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "ontology" / "lexicon" / "name_chars.tsv"
SURNAMES = ROOT / "ontology" / "lexicon" / "surnames.txt"
#: smoothing: name counts (add ``K_NAME``) and word frequencies (add ``K_WORD``)
K_NAME, K_WORD = 0.1, 50
HEADER = """\
# How likely a character is as a Chinese surname / in a given name, against ordinary words:
# log-likelihood ratios learnt from the person names (nr, nrfg, nrt) and the other words of
# jieba's dictionary (dict.txt, MIT licence, https://github.com/fxsjy/jieba), by
# scripts/build_name_chars.py. Columns: character, surname ratio (surnames.txt only, else
# empty), given-name ratio, foreign ratio (in names with no surname, mostly transliterated,
# against Chinese given names), end ratio (last character of other words of 2-4 characters
# against last character of names).
"""


def cjk(w: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in w)


def main() -> None:
    """Count names and words in jieba's ``dict.txt``, and write the four ratios per
    character to ``OUT``."""
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.origin is not None, "jieba is not installed"
    dict_txt = Path(spec.origin).with_name("dict.txt")
    surnames = {
        s for s in SURNAMES.read_text(encoding="utf-8").split() if not s.startswith("#") and s
    }
    compound = {s for s in surnames if len(s) == 2}
    given: Counter[str] = Counter()
    sur: Counter[str] = Counter()
    word: Counter[str] = Counter()
    opens: Counter[str] = Counter()
    foreign: Counter[str] = Counter()
    name_end: Counter[str] = Counter()
    word_end: Counter[str] = Counter()
    with open(dict_txt, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) != 3 or not cjk(parts[0]):
                continue
            w, f, tag = parts[0], int(parts[1]), parts[2]
            if tag.startswith("nr"):
                sl = 2 if w[:2] in compound else 1 if w[0] in surnames else 0
                if sl and len(w) >= 3 and 1 <= len(w) - sl <= 2:
                    sur[w[:sl]] += 1
                    given.update(w[sl:])
                    name_end[w[-1]] += 1
                elif not sl and len(w) >= 3:
                    foreign.update(w)  # no surname: mostly transliterated (克林顿)
                continue
            if 2 <= len(w) <= 4:
                word_end[w[-1]] += 1
            word.update({ch: f for ch in w} if len(set(w)) == len(w) else _chars(w, f))
            opens[w[0]] += f
    n_given, n_sur = sum(given.values()), sum(sur.values())
    n_word, n_open = sum(word.values()), sum(opens.values())
    n_foreign = sum(foreign.values())
    n_name_end, n_word_end = sum(name_end.values()), sum(word_end.values())

    def ratio(k: float, nk: int, g: float, ng: int) -> float:
        return math.log((k + K_NAME) / nk) - math.log((g + K_WORD) / ng)

    rows = []
    for ch in sorted(set(given) | set(word) | {s for s in surnames if len(s) == 1}):
        s = ratio(sur[ch], n_sur, opens[ch], n_open) if ch in surnames else None
        g = ratio(given[ch], n_given, word[ch], n_word)
        f = math.log((foreign[ch] + 0.5) / n_foreign) - math.log((given[ch] + 0.5) / n_given)
        end = math.log((word_end[ch] + 0.5) / n_word_end) - math.log(
            (name_end[ch] + 0.5) / n_name_end
        )
        rows.append(f"{ch}\t{'' if s is None else f'{s:.2f}'}\t{g:.2f}\t{f:.2f}\t{end:.2f}")
    for s in sorted(compound):
        rows.append(f"{s}\t{ratio(sur[s], n_sur, opens[s[0]], n_open):.2f}\t\t\t")
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} rows from {sum(sur.values())} names")


def _chars(w: str, f: int) -> Counter[str]:
    c: Counter[str] = Counter()
    for ch in w:
        c[ch] += f
    return c


if __name__ == "__main__":
    main()
