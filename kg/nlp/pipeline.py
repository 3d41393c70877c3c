"""The spaCy pipeline: ``Chinese`` with jieba segmentation plus kg's own components.

Components are registered by name with ``@Language.factory`` (see ``kg.nlp.components``)
and work on character offsets of ``doc.text``; tokens are used where word boundaries
matter (a short name must be a whole jieba token). Results land in ``doc._.kg``
(:class:`kg.nlp.components.base.KGDoc`) and, for spaCy users, ``doc.spans["kg"]``.

jieba's tokens come from ``jieba_next`` (same tokens as jieba, ~3× faster) when it is
installed, with every gazetteer name added to its dictionary first.

>>> nlp = make_nlp()
>>> doc = nlp("7月23日，工业和信息化部总经济师许科敏在论坛上表示。")
>>> [(m.text, m.type) for m in doc._.kg.mentions]
[('工业和信息化部', 'Ministry'), ('许科敏', 'Person')]
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from spacy.lang.zh import Chinese, Segmenter
from spacy.language import Language

import kg.nlp.components  # noqa: F401  (registers the factories)
from kg.nlp.components.base import KGTokenizer
from kg.nlp.gazetteer import load_gazetteer

#: Components in pipeline order. Each is a registered factory name.
DEFAULT_COMPONENTS: tuple[str, ...] = (
    "kg_sentences",
    "kg_gazetteer",
    "kg_titles",
    "kg_patterns",
    "kg_persons",
    "kg_resolver",
    "kg_relations",
    "kg_quantities",
)


def _fast_segmenter() -> Any:
    """The fastest installed module with jieba's ``cut`` and identical tokens."""
    for name in ("jieba_next", "jieba_fast", "jieba"):
        try:
            mod = __import__(name)
        except ImportError:
            continue
        for setter in ("set_log_level", "setLogLevel"):
            if hasattr(mod, setter):
                getattr(mod, setter)(logging.WARNING)
                break
        return mod
    raise ImportError("jieba is required")  # pragma: no cover


_SEGMENTER_WORDS_ADDED: set[int] = set()


def _prepare_segmenter(seg: Any, words: list[str]) -> None:
    # Add words before any pattern relies on token boundaries (spaCy pitfall: words
    # added later do not split text that was already cached).
    if id(seg) in _SEGMENTER_WORDS_ADDED:
        return
    logging.getLogger("jieba").setLevel(logging.WARNING)
    if hasattr(seg, "initialize"):
        seg.initialize()
    for w in words:
        if not w.isascii():
            seg.add_word(w, freq=50000)
    _SEGMENTER_WORDS_ADDED.add(id(seg))


def make_nlp(
    components: tuple[str, ...] = DEFAULT_COMPONENTS,
    gazetteer_dir: str | None = None,
    *,
    lean: bool = False,
) -> Language:
    """A fresh pipeline; ``components`` selects stages (``kg extract`` skips relations).

    ``lean`` skips what only spaCy users read (``doc.sents``, ``doc.spans["kg"]``): graph
    builds read ``doc._.kg`` alone.
    """
    # Configured as "char" first so spaCy does not load and warm up the slow original
    # jieba (0.5 s per process); then switched to jieba segmentation with jieba_next.
    nlp = Chinese.from_config({"nlp": {"tokenizer": {"segmenter": "char"}}})
    seg = _fast_segmenter()
    gaz = load_gazetteer(gazetteer_dir)
    _prepare_segmenter(seg, gaz.jieba_words())
    nlp.tokenizer.jieba_seg = seg
    nlp.tokenizer.segmenter = Segmenter.jieba
    nlp.tokenizer = KGTokenizer(nlp.tokenizer)
    for name in components:
        cfg = {"gazetteer_dir": gazetteer_dir} if name not in ("kg_sentences",) else {}
        if lean and name == "kg_sentences":
            cfg["set_sent_starts"] = False
        if lean and name == "kg_resolver":
            cfg["set_spans"] = False
        if name == "kg_patterns":
            # nominal organ references (法院, 警方) serve the span API only
            cfg["nominals"] = "kg_relations" not in components
        nlp.add_pipe(name, config=cfg)
    return nlp


@lru_cache(maxsize=4)
def get_nlp(components: tuple[str, ...] = DEFAULT_COMPONENTS, lean: bool = False) -> Language:
    """The process-wide pipeline (built once per worker process)."""
    return make_nlp(components, lean=lean)
