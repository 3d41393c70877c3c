"""``kg_persons``: persons introduced by a post title, then found again in the document.

工业和信息化部总经济师许科敏在… gives the Person 许科敏, the post 总经济师 and, when a
body ends right before the post, the body. jieba's ``nr`` tag is not used: it tags 北斗
and 智慧 as names. A name is a known surname plus one or two characters, followed by a
cue (表示, 指出, 在, punctuation…).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.components.base import PostMention, kgdoc, open_key
from kg.nlp.gazetteer import ONTOLOGY_DIR, Gazetteer, _read_lines, load_gazetteer

# last characters of role nouns that jieba's dictionary calls names (申请人, 仲裁庭 are
# "nr"): no given name ends with one
_ROLE_END = frozenset("方们者人庭员院会局部厅处所队组家")
_DEFAULT_POSTS = ("部长", "总经济师", "总理", "主任", "局长", "主席", "记者", "责任编辑")


class Persons:
    """Person mentions from post + name + cue, propagated to every later mention."""

    def __init__(self, gazetteer: Gazetteer, directory: Path) -> None:
        self.gaz = gazetteer
        posts = gazetteer.posts or list(_DEFAULT_POSTS)
        surnames = _read_lines(directory / "lexicon" / "surnames.txt")
        cues = _read_lines(directory / "lexicon" / "person_cues.txt")
        compound = [s for s in surnames if len(s) == 2]
        single = "".join(s for s in surnames if len(s) == 1)
        post_alt = "|".join(re.escape(p) for p in sorted(set(posts), key=len, reverse=True))
        cue_alt = "|".join(re.escape(c) for c in sorted(set(cues), key=len, reverse=True)) or "表示"
        sur = "(?:" + "|".join(compound) + f"|[{single}])" if compound else f"[{single}]"
        # post, optional ：/space, name = surname + 1–2 chars, then a cue
        # post, optional ：/space, then a name (surname + 1–2 characters) and a cue; the
        # name's length is settled in code against jieba's words (罗干|将, not 罗干将)
        self._re = re.compile(f"({post_alt})[：:\\s]?(?=({sur})[\u4e00-\u9fff])")
        # where ``_re`` may match: the last character of a post with a name after it. Trying
        # ``_re`` only at the starts of the posts that end there finds what its scan finds,
        # without trying hundreds of posts at every character.
        # posts by their last two characters (by the character when they have only one)
        self._post_ends: dict[str, list[str]] = {}
        for p in sorted(set(posts), key=len, reverse=True):
            self._post_ends.setdefault(p[-2:], []).append(p)
        last = "".join(sorted({p[-1] for p in posts}))
        self._post_end_re = re.compile(
            f"[{re.escape(last)}](?=[：:\\s]?(?:{sur})[\u4e00-\u9fff])" if last else "(?!)"
        )
        self._cue = re.compile(f"(?:$|\\s|{cue_alt})")
        # no post: a name that opens a clause (at the start, after ，。；：、“（( or white
        # space) and is the subject of a speech verb (，王毅表示 / 许科敏指出): a strong cue,
        # checked against jieba's dictionary. The first lookahead alone settles the surname;
        # the second keeps only starts with a strong cue 2–4 characters on (a name is a
        # surname plus one or two characters), and the scan starts at the punctuation (a
        # lookbehind would be tried at every character).
        strong = _read_lines(directory / "lexicon" / "person_strong_cues.txt") or ["表示", "指出"]
        strong_alt = "|".join(re.escape(c) for c in sorted(set(strong), key=len, reverse=True))
        self._strong_cue = re.compile(f"(?:{strong_alt})")
        name_then_cue = f"(?=({sur})[\u4e00-\u9fff])(?=[\\s\\S]{{2,4}}?(?:{strong_alt}))"
        self._strong_at0 = re.compile(name_then_cue)
        self._strong_scan = re.compile(f"[，。；：、“（(\\s]{name_then_cue}")
        self.surnames = frozenset(surnames)
        self.posts = frozenset(posts)
        self._not_names, self._common = _dictionary_sets(self.surnames)

    def _name_at(self, st, ns: int, sur_len: int, cue: re.Pattern) -> int | None:
        """End of a plausible name starting at ``ns`` that a cue follows, or None. Given
        names of two and one characters are tried; a cue word beats punctuation, so 周奕说，
        gives 周奕 (+ 说), not 周奕说 (+ ，)."""
        norm = st.norm
        best, best_score = None, 0
        for given in (2, 1):
            ne = ns + sur_len + given
            if ne > len(norm) or not all(
                "\u4e00" <= ch <= "\u9fff" for ch in norm[ns + sur_len : ne]
            ):
                continue
            m = cue.match(norm, ne)
            if not m or not self._plausible_name(st, ns, ne, sur_len):
                continue
            score = 2 if m.end() > ne and "\u4e00" <= norm[ne] <= "\u9fff" else 1
            if score > best_score:
                best, best_score = ne, score
        return best

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text, norm = st.text, st.norm
        names: dict[str, str] = {}
        ends = {
            m.end: m
            for m in st.candidates
            if m.type in ("GovernmentBody", "Ministry", "Organization")
        }
        for m in self._post_matches(norm):
            ps, pe = m.span(1)
            ns = m.end()
            ne = self._name_at(st, ns, len(m.group(2)), self._cue)
            if ne is None:
                continue
            name = text[ns:ne]
            key = names.setdefault(name, open_key("Person", name))
            person = Mention(ns, ne, name, "Person", key, name, "person")
            st.candidates.append(person)
            st.posts.append(PostMention(person, text[ps:pe], ends.get(ps), st.sent_of(ns)))
        m0 = self._strong_at0.match(norm)
        for m in itertools.chain((m0,) if m0 else (), self._strong_scan.finditer(norm)):
            ns = m.end()
            ne = self._name_at(st, ns, len(m.group(1)), self._strong_cue)
            if ne is None:
                continue
            name = text[ns:ne]
            key = names.setdefault(name, open_key("Person", name))
            st.candidates.append(Mention(ns, ne, name, "Person", key, name, "person"))
        # later mentions of the same name (许科敏表示…)
        found = {c.start for c in st.candidates if c.rule == "person"}
        for name, key in names.items():
            i = norm.find(name)
            while i >= 0:
                # a whole word, or the name then a cue jieba glued to it (周奕说)
                if i not in found and i in st.tok_starts and self._ends_name(st, i + len(name)):
                    st.candidates.append(
                        Mention(i, i + len(name), name, "Person", key, name, "person")
                    )
                i = norm.find(name, i + len(name))
        return doc

    def _post_matches(self, norm: str) -> list[re.Match]:
        """The matches of ``self._re.finditer(norm)``, found from where posts end."""
        ends = self._post_ends
        starts = set()
        for m in self._post_end_re.finditer(norm):
            e = m.end()
            for key in (norm[e - 2 : e], norm[e - 1]) if e >= 2 else (norm[e - 1],):
                for p in ends.get(key, ()):
                    if norm.startswith(p, e - len(p)):
                        starts.add(e - len(p))
        out: list[re.Match] = []
        last = 0
        for s in sorted(starts):
            if s >= last:  # finditer's matches do not overlap
                m = self._re.match(norm, s)
                if m:
                    out.append(m)
                    last = m.end()
        return out

    @staticmethod
    def _ends_name(st, ne: int) -> bool:
        if ne in st.tok_ends or ne >= len(st.norm):
            return True
        j = ne + 1
        while j < len(st.norm) and j not in st.tok_ends:
            j += 1
        return st.norm[ne:j] in ("说", "称", "讲", "道")

    def _plausible_name(self, st, ns: int, ne: int, sur_len: int) -> bool:
        """A person's name: whole words, not a known name or generic word, and not a word
        jieba's dictionary gives another class (北斗, 智慧, 文明, 中方 are no persons)."""
        name = st.norm[ns:ne]
        given = name[sur_len:]
        if ns not in st.tok_starts or name in self._not_names or name[-1] in _ROLE_END:
            return False
        if not self._ends_name(st, ne):
            return False  # the name would end inside a word (周奕|说 as one word is fine)
        if given in self.posts or name[-1] in "说称讲问道":
            return False  # 周|总理; 周奕说 (jieba's one word for name + 说)
        # one word, or the surname as a word of its own and a given name that is no
        # other word of the dictionary (许|科敏, not 和|其他, 向|全党)
        j = ns + 1
        while j < ne and j not in st.tok_starts:
            j += 1
        if j < ne and (j - ns != sur_len or given in self._common):
            return False  # 许多|人
        return self.gaz.lookup(name) is None and name not in self.gaz.not_entities


@lru_cache(maxsize=4)
def _dictionary_sets(surnames: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """From jieba's dictionary: words (2–4 characters) that open with a surname but are no
    persons' names — tagged otherwise (高度, 许多, 王国), or two characters tagged plain
    ``nr``, which jieba gives to common words too (文明, 智慧, 北斗, 高峰) — and words of one
    or two characters not tagged as names (其他, 全党), never a given name jieba split off."""
    from kg.nlp.text import jieba_tags

    out = set()
    common = set()
    for w, tag in jieba_tags().items():
        if len(w) > 4:
            continue
        if len(w) <= 2 and not tag.startswith("nr"):
            common.add(w)
        # jieba's plain nr is noisy on two characters (文明, 智慧, 北斗 are "nr")
        if tag.startswith("nr") and not (tag == "nr" and len(w) == 2):
            continue
        if len(w) >= 2 and (w[0] in surnames or w[:2] in surnames):
            out.add(w)
    return frozenset(out), frozenset(common)


@Language.factory("kg_persons", default_config={"gazetteer_dir": None})
def make_persons(nlp: Language, name: str, gazetteer_dir: str | None) -> Persons:
    directory = Path(gazetteer_dir) if gazetteer_dir else ONTOLOGY_DIR
    return Persons(load_gazetteer(gazetteer_dir), directory)
