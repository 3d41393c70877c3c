"""The fast paths of name matching find what the general path finds.

:class:`kg.nlp.gazetteer.NameWindows` cuts a text down to the parts an Aho-Corasick
automaton must see; matching the reduced text must give the matches (in text offsets) of
matching the whole text, with ``iter`` and with ``iter_long``, whatever the text holds:
quote marks, characters beyond the Basic Multilingual Plane, names at either end, names
that overlap or share prefixes, no name at all.
"""

from __future__ import annotations

import random
from pathlib import Path

import ahocorasick
import pytest

from kg.nlp.gazetteer import NameWindows, load_gazetteer
from kg.nlp.text import norm_text, strip_quotes

NAMES = [
    "国务院",
    "国务院办公厅",
    "办公厅",
    "中国",
    "中国人民银行",
    "人民",
    "银行",
    "长江",
    "长江经济带",
    "经济",
    "江",  # a name of one character
    "ab",
    "海关总署",
    "总署",
]
# characters of the names, some others, quote marks, and characters beyond the BMP
NOISE = [
    *"国务院办公厅中人民银行长江经济带海关总署ab的在和了，。、 \n",
    *"“”‘’「」",
    "\U00020000",
    "\U0001f600",
    "\x00",
]


def _automaton(names: list[str]) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for n in names:
        a.add_word(n, n)
    a.make_automaton()
    return a


def _matches(a: ahocorasick.Automaton, text: str, quotes: bool) -> tuple[list, list]:
    """(iter, iter_long) matches as (start, end, name) in ``text``: on the whole text
    (quote marks dropped with ``quotes``), the general path."""
    joined, idx = strip_quotes(text) if quotes else (text, None)
    at = idx.tolist() if idx is not None else list(range(len(text)))
    out = []
    for it in (a.iter, a.iter_long):
        out.append(sorted((at[i + 1 - len(w)], at[i] + 1, w) for i, w in it(joined)))
    return out[0], out[1]


def _reduced(a: ahocorasick.Automaton, w: NameWindows, text: str) -> tuple[list, list]:
    joined, where = w.reduce(text)
    out = []
    for it in (a.iter, a.iter_long):
        out.append(
            sorted((int(where[i + 1 - len(n)]), int(where[i]) + 1, n) for i, n in it(joined))
        )
    return out[0], out[1]


@pytest.mark.parametrize("quotes", [True, False])
def test_random_texts_match_as_whole_texts(quotes: bool) -> None:
    a = _automaton(NAMES)
    w = NameWindows(NAMES, strip_quotes=quotes)
    assert w.usable
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(NOISE) for _ in range(rng.randint(0, 40)))
        if not quotes:
            text = text.translate({ord(q): None for q in "“”‘’「」"})
        assert _reduced(a, w, text) == _matches(a, text, quotes), text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "江",
        "国务院",
        "“国务院”办公厅",
        "中国人民银行行长",
        "长江经济带\U00020000长江",
        "\U0001f600中国\U0001f600",
        "国务\U00020000院",
        "海关总署总署",
        "的的的",
        "ab国务院ab",
        "国务院办",  # the first four characters of a longer name, at the end
        "中国人民银",
        "长江经",
        "海关总署长江经济带国务院办公厅",
    ],
)
def test_edge_texts(text: str) -> None:
    a = _automaton(NAMES)
    w = NameWindows(NAMES, strip_quotes=True)
    assert _reduced(a, w, text) == _matches(a, text, True)


def test_names_beyond_the_basic_plane() -> None:
    """A name with a character beyond U+FFFF needs the full character table."""
    names = [*NAMES, "\U00020000江"]
    a = _automaton(names)
    w = NameWindows(names, strip_quotes=True)
    for text in ["国\U00020000江经济", "\U00020000江", "长\U00020000江", "江\U0001f600江"]:
        assert _reduced(a, w, text) == _matches(a, text, True)


def test_corpus_sentences_with_the_gazetteer() -> None:
    """The gazetteer's own windows on law sentences (public domain): the same matches."""
    laws = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "laws"
    files = sorted(laws.rglob("*.md"))[:40] if laws.exists() else []
    if not files:
        pytest.skip("no law corpus")
    a = load_gazetteer().automaton
    w = NameWindows(a.keys(), strip_quotes=True)
    for p in files:
        text = norm_text(p.read_text(encoding="utf-8"))
        got, want = _reduced(a, w, text), _matches(a, text, True)
        assert got == want, p.name
