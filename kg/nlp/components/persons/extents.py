"""Names whose end jieba's cut got wrong: transliterated names cut before their last pieces,
and names with the 时 of a time clause glued to them.

jieba often cuts the end of a transliterated name it does not know into a one-character
word (某某雷|斯|和, 某罗|约|当选) or into short pieces (某某特|施|莱格): a rule or LAC then
reads the name up to the cut. A piece of one or two characters right after such a name
that is likelier in transliterations than in Chinese names (the name model's foreign
ratio, over the pieces taken), holds no function character and is no common word of the
dictionary belongs to the name (two pieces at most), when the name is no two-character
Chinese one and the last piece ends as transliterated names do (:func:`.resources.nrt_ends`).

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["依靠桑德雷斯和门将的发挥打平。"], nominal=False))
>>> [s["text"] for s in spans if s["type"] == "Person"]
['桑德雷斯']

jieba's HMM also joins the 时 that closes a time clause (会见某国总理某某时，…; 会见某某时表示)
to an unknown name before it: :func:`unglue_time` ends the name before that 时.
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.name_model import FOREIGN
from kg.nlp.components.names import DOTS, RARE_WORD_FREQ, is_cjk
from kg.nlp.components.persons.common import Names
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import FUNCTION_CHARS

#: pieces a cut name may go on by
MAX_PIECES = 2
#: what follows the 时 of a time clause after a name: the clause's end or a speech verb
_AFTER_TIME = re.compile(r"[，,：:]|表示|指出|强调|说|称|谈到|介绍|提出|回答|认为|希望|发表")
#: jieba's tags of the proper names a piece of two characters may be (a transliteration's)
_NAME = ("nr", "nz")


def _proper(tag: str) -> bool:
    return tag.startswith(_NAME)


def finish_cut_names(res: PersonResources, st, names: Names) -> None:
    """Extend the Person candidates of ``st`` that look transliterated over the pieces
    jieba cut off their end; ``names`` learns the whole name instead of the piece."""
    from kg.nlp.segment import segmenter_freq
    from kg.nlp.text import jieba_tags

    norm = st.norm
    model = res.model
    persons = [c for c in st.candidates if c.type == "Person" and c.end in st.tok_ends]
    if not persons:
        return
    freq, tags = segmenter_freq(), jieba_tags()
    for c in persons:
        label = "".join(ch for ch in c.label if ch not in DOTS)
        if len(label) < 3 and model.foreign_ratio(label) < FOREIGN:
            continue  # a Chinese name's shape: two characters, not transliterated
        ends: list[int] = []
        glued = 0  # the end of a last character jieba joined to a function word
        e = c.end
        for _ in range(MAX_PIECES):
            j = e + 1
            while j < len(norm) and j not in st.tok_ends and j - e < 3:
                j += 1
            piece = norm[e:j]
            if (
                j - e == 2
                and j in st.tok_ends
                and piece[1] in FUNCTION_CHARS
                and is_cjk(piece[0])
                and piece[0] not in FUNCTION_CHARS
                and freq.get(piece, 0) < RARE_WORD_FREQ
            ):
                # the last character and a function word jieba joined in a word the
                # dictionary lacks or has as a rare one (某某尔|比向, 某某|特称): the
                # character ends the name
                ends.append(e + 1)
                glued = e + 1
                break
            if (
                j - e > 2
                or j not in st.tok_ends
                or not all(is_cjk(ch) and ch not in FUNCTION_CHARS for ch in piece)
                # (a word kg's segmenter added has no tag: no common word)
                or (len(piece) > 1 and piece in freq and not _proper(tags.get(piece, "nr")))
            ):
                break
            ends.append(j)
            e = j
        # the most pieces that together read as a transliteration's
        last = res.nrt_last
        e = next(
            (
                j
                for j in reversed(ends)
                if norm[j - 1] in last
                and max(
                    model.foreign_ratio(norm[c.end : j]),
                    # (that character alone may be a Chinese one: 某某·英博|登在, the
                    # whole name is read then)
                    model.foreign_ratio(label + norm[c.end : j]) if j == glued else -1.0,
                )
                >= FOREIGN
            ),
            0,
        )
        if not e:
            continue
        text = st.text[c.start : e]
        whole = "".join(text.split())
        if names.get(c.label) == c.key:
            del names[c.label]
        key = names.setdefault(whole, open_key("Person", whole))
        st.candidates.remove(c)
        st.candidates.append(Mention(c.start, e, text, "Person", key, whole, c.rule))


def unglue_time(st, names: Names) -> None:
    """End before 时 the Person candidates of ``st`` whose label is a name + the 时 of a
    time clause (某某时，/ 某某时表示: a clause's end or a speech verb right after); ``names``
    learns the name instead. Names of two characters or less are left (a given name may end
    in 时).

    >>> from types import SimpleNamespace
    >>> text = "会见某国总统卢布时表示"
    >>> c = Mention(6, 9, "卢布时", "Person", "person/卢布时", "卢布时", "person")
    >>> st = SimpleNamespace(norm=text, text=text, candidates=[c])
    >>> names = {"卢布时": "person/卢布时"}
    >>> unglue_time(st, names)
    >>> [(m.text, m.end) for m in st.candidates], list(names)
    ([('卢布', 8)], ['卢布'])
    """
    norm = st.norm
    for c in [c for c in st.candidates if c.type == "Person"]:
        label = c.label
        if len(label) < 3 or not label.endswith("时") or not norm.endswith("时", 0, c.end):
            continue
        if not _AFTER_TIME.match(norm, c.end):
            continue
        text = st.text[c.start : c.end - 1]
        name = "".join(text.split())
        if names.get(label) == c.key:
            del names[label]
        key = names.setdefault(name, open_key("Person", name))
        st.candidates.remove(c)
        st.candidates.append(Mention(c.start, c.end - 1, text, "Person", key, name, c.rule))
