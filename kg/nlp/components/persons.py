"""``kg_persons``: persons introduced by a post title, then found again in the document.

某某局总经济师邵景川在… gives the Person 邵景川, the post 总经济师 and, when a
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
from kg.nlp.components.lac_names import LacNames, is_statute, word_tag
from kg.nlp.components.name_model import FOREIGN, NameModel, load_name_table
from kg.nlp.components.names import (
    DOTS,
    NOT_NAME_END,
    STOP_CHARS,
    ForeignNameReader,
    NameWords,
    is_cjk,
)
from kg.nlp.gazetteer import ONTOLOGY_DIR, Gazetteer, load_gazetteer, read_lines
from kg.nlp.nested_places import drop_cut_lac_places, drop_places_in_organisations

# last characters of role nouns that jieba's dictionary calls names (申请人, 仲裁庭 are
# "nr"): no given name ends with one
_ROLE_END = frozenset("方们者人庭员院会局部厅处所队组家")
_DEFAULT_POSTS = ("部长", "总经济师", "总理", "主任", "局长", "主席", "记者", "责任编辑")
#: types of what a post belongs to (外交部部长, 俄罗斯总统, 联合国秘书长)
_OWNERS = frozenset({"GovernmentBody", "Ministry", "Organization", "Country"})
#: terms of address after a surname (王老师, 李小姐, 胡老): no given name
_ADDRESS = frozenset(
    {"老", "老师", "小姐", "师傅", "大娘", "大爷", "大妈", "大伯", "大姐", "大哥", "阿姨"}
    | {"老汉", "同学", "主任", "家", "氏", "某", "某某", "总", "工", "姐", "哥", "叔", "婶"}
    | {"父", "母", "父母"}
)
#: the heads of doctrines named after a person (某某某思想, 某某理论; not 主义: 某某主义
#: is the name of a school of thought, not a mention of its founder)
_DOCTRINES = ("理论", "思想")
#: what a surname token and two characters after it must score above the threshold
_SPLIT_NAME_MARGIN = 1.0
#: suffixes that make words of words (普及化, 开放式, 可行性, 某某族), and function
#: characters (某某等): no given name ends in one
_WORD_SUFFIXES = frozenset("化式性型率度族") | STOP_CHARS
#: characters that are function words before or after a name more often than surnames
#: (由某某组成, 某某等): the reader's stop characters and a few more
_FUNCTION_CHARS = STOP_CHARS | frozenset("由自以但而或其该此之所经据按依凭当")
#: after 等, what makes the list one of places or things, not of persons (某某等地)
_PLACE_AFTER_DENG = frozenset("地国省市城县区镇村方多")
#: one-character abbreviations of the provincial-level divisions (a closed class)
_PROVINCE_ABBR = frozenset(
    "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台黔滇陇"
)
#: heads of natural features written as a word of their own after a name (某某|河)
_FEATURE_HEADS = frozenset("河江湖山岛港湾峡海")
#: the foreign ratio a word needs right before a strong cue (某某某表示) to be read as a
#: transliterated name (lower than the name model's: the cue is evidence)
_CUED_FOREIGN = 0.3
#: what an item of a list counts when an item beside it is a name (甲、乙)
_LIST_BONUS = 1.0
#: the end ratio above which a last character is no name's with no cue (室, 栏, 柜: words'
#: ends; names end in characters below -1 mostly: 东, 平, 华)
_END_MAX = -0.5
#: how much a last character that ends words rather than names counts against a name
_END_WEIGHT = 2.0
#: heads of natural and rural place names (某某峡, 某某岭, 某家庄) beyond ``NOT_NAME_END``
_PLACE_ENDS = frozenset("峡岭坡滩洲岛沟谷寨屯坝塘庄堡峪岗垭坪崖楼")
#: last characters of the places, sites and buildings LAC may read as persons
_LAC_PLACE_ENDS = _PLACE_ENDS | frozenset("河江湖山港湾海墓祠庙寺陵村镇乡县桥")
#: first letters of jieba's tags of words that open no name (verbs, adverbs, adjectives,
#: prepositions, conjunctions, numerals, pronouns, particles: 关于, 强调, 曾经, 明确)
_NOT_NAME_TAGS = frozenset("vdapcmrufqy")
#: jieba's tags of the proper names of places and other things (a person's name too
#: where LAC reads it so)
_PROPER_TAGS = frozenset({"ns", "nz", "nt"})
#: last characters of bodies' and places' names before a title (某理事会主席, 某党中央主席,
#: 三国总理): no name ends in one
_BODY_ENDS = _ROLE_END | frozenset("党国省市县区州央团社")
#: what a surname and one character must score above the name model's threshold
_SHORT_NAME_MARGIN = 2.5
#: a country's own name: its posts are read with Chinese names only
_HOME = "country/CHN"
#: verbs after a list of names that opens a clause (王某、李某等参加会见)
_LIST_VERBS = ("参加", "出席", "陪同", "参观", "考察", "调研", "主持")
#: ordinals and the like between a country and its post (挪威第三任首相)
_POST_GAP = re.compile("(?:第[一二三四五六七八九十]+[世任届代])?")
#: heads of organisations' names: left over between a body and a post, they show that
#: the body is longer than the one known
_ORG_HEADS = ("大学", "学院", "研究院", "研究所", "中心", "学校")
#: head words of a foreign body's name between its country and a post (众议院议长)
_BODY_HEADS = ("委员会", "议会", "议院", "政府", "机构", "理事会", "联盟", "中心", "组织")
#: an administrative unit whose head's post makes the unit's people's government the body
#: (江西省省长 X → 江西省人民政府)
_GOV_HEADS = {
    "省长": "省",
    "副省长": "省",
    "市长": "市",
    "副市长": "市",
    "县长": "县",
    "副县长": "县",
    "区长": "区",
    "副区长": "区",
    "州长": "州",
    "副州长": "州",
}


class Persons:
    """Person mentions from post + name + cue, propagated to every later mention."""

    def __init__(self, gazetteer: Gazetteer, directory: Path) -> None:
        self.gaz = gazetteer
        posts = gazetteer.posts or list(_DEFAULT_POSTS)
        surnames = read_lines(directory / "lexicon" / "surnames.txt")
        cues = read_lines(directory / "lexicon" / "person_cues.txt")
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
        # a date after the name too (李某17日在京会见)
        self._cue = re.compile(f"(?:$|\\s|\\d|{cue_alt})")
        # no post: a name that opens a clause (at the start, after ，。；：、“（( or white
        # space) and is the subject of a speech verb (，邵景川表示 / 许云涛指出): a strong cue,
        # checked against jieba's dictionary. The first lookahead alone settles the surname;
        # the second keeps only starts with a strong cue 2–4 characters on (a name is a
        # surname plus one or two characters), and the scan starts at the punctuation (a
        # lookbehind would be tried at every character).
        strong = read_lines(directory / "lexicon" / "person_strong_cues.txt") or ["表示", "指出"]
        strong_alt = "|".join(re.escape(c) for c in sorted(set(strong), key=len, reverse=True))
        self._strong_cue = re.compile(f"(?:{strong_alt})")
        name_then_cue = f"(?=({sur})[\u4e00-\u9fff])(?=[\\s\\S]{{2,4}}?(?:{strong_alt}))"
        self._strong_at0 = re.compile(name_then_cue)
        self._strong_scan = re.compile(f"[，。；：、“（(\\s]{name_then_cue}")
        self.surnames = frozenset(surnames)
        self.posts = frozenset(posts)
        self._not_names, self._common = _dictionary_sets(self.surnames)
        self._sur_at = re.compile(f"({sur})[\u4e00-\u9fff]")
        self.credits = frozenset(read_lines(directory / "lexicon" / "person_credits.txt"))
        foreign = sorted(
            set(read_lines(directory / "lexicon" / "foreign_posts.txt")), key=len, reverse=True
        )
        self._foreign_post = re.compile(
            "(?:" + "|".join(map(re.escape, foreign)) + ")" if foreign else "(?!)"
        )
        self._any_post = re.compile(post_alt)
        self._foreign = ForeignNameReader()
        self._body_head = re.compile("|".join(_BODY_HEADS))
        self._fp_first = frozenset(p[0] for p in foreign)
        self._name_words = NameWords(self.surnames)
        credit_alt = "|".join(map(re.escape, sorted(self.credits, key=len, reverse=True)))
        self._credit_end = re.compile(f"(?:{credit_alt})[：:\\s]*$" if credit_alt else "(?!)")
        # plain alternations of words (no lookbehind, no optional prefix): re scans
        # them fast
        after = sorted(
            set(read_lines(directory / "lexicon" / "titles_after_name.txt")), key=len, reverse=True
        )
        self._titles_after = re.compile("|".join(map(re.escape, after)) or "(?!)")
        self._list_verbs = re.compile("|".join(_LIST_VERBS))
        self._shape_memo: dict[str, int] = {}
        #: jieba's names of three or more characters (亨德森, 亚当斯)
        self._foreign_nr = _dictionary_names()
        self._model = NameModel(
            load_name_table(directory), self.surnames, function_chars=_FUNCTION_CHARS
        )
        #: names the rules leave uncertain, settled by LAC on a window around each
        self.lac_names = LacNames(self._model, self._name_words, self._foreign_nr, _FUNCTION_CHARS)

    def _name_at(
        self, st, ns: int, sur_len: int, cue: re.Pattern, strict: bool = True
    ) -> int | None:
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
            if not m or not self._plausible_name(st, ns, ne, sur_len, strict):
                continue
            score = 2 if m.end() > ne and "\u4e00" <= norm[ne] <= "\u9fff" else 1
            if score > best_score:
                best, best_score = ne, score
        return best

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text, norm = st.text, st.norm
        names: dict[str, str] = {}
        self._drop_offices(st)
        # (the last component before the resolver: places that open an organisation's
        # name go here, once every organisation candidate is known)
        drop_places_in_organisations(st)
        drop_cut_lac_places(st)
        ends = {
            m.end: m
            for m in st.candidates
            if m.type in ("GovernmentBody", "Ministry", "Organization")
        }
        owners = {m.end: m for m in st.candidates if m.type in _OWNERS}
        # no LAC step in a statute's text
        lac = not is_statute(norm)
        # posts with a surname after them but no cue after a name: LAC reads them
        uncued: list[tuple[int, int]] = []
        for m in self._post_matches(norm):
            ps, pe = m.span(1)
            if norm[ps:pe] in self.credits or self._credit_before(norm, ps):
                continue  # 记者 X, 责任编辑：X: by-lines are no persons
            ns = m.end()
            ne = self._name_at(st, ns, len(m.group(2)), self._cue)
            if ne is None:
                if lac and self._may_open_name(st, ns):
                    uncued.append((ps, ns))
                continue
            person = self._add(st, names, ns, ne)
            self._add_posts(st, person, ps, pe, ends, owners)
            # a list of names after one post: 国务院副总理甲、乙、丙出席
            while ne < len(norm) and norm[ne] == "、":
                s = self._sur_at.match(norm, ne + 1)
                ne2 = (
                    self._name_at(st, ne + 1, len(s.group(1)), self._cue, strict=False)
                    if s
                    else None
                )
                if ne2 is None:
                    break
                other = self._add(st, names, ne + 1, ne2)
                self._add_posts(st, other, ps, pe, ends, owners)
                ne = ne2
        self._foreign_names(st, names, owners, ends)
        persons = [c for c in st.candidates if c.type == "Person"]
        taken = {c.start for c in persons}
        # where a name ends already (王某某表示: the word before 表示 is read)
        done = {c.end for c in persons}
        untitled = self._names_before_titles(st, names, taken, done, lac)
        # (the words before titles and cues that may be names: LAC reads them last)
        untitled += self._words_as_names(st, names, taken, done, lac)
        self._listed_names(st, names)
        self._committee_lines(st, names, ends)
        m0 = self._strong_at0.match(norm)
        for m in itertools.chain((m0,) if m0 else (), self._strong_scan.finditer(norm)):
            ns = m.end()
            ne = self._name_at(st, ns, len(m.group(1)), self._strong_cue)
            if ne is None:
                continue
            name = text[ns:ne]
            key = names.setdefault(name, open_key("Person", name))
            st.candidates.append(Mention(ns, ne, name, "Person", key, name, "person"))
        # names no cue introduces, where no rule above found one (古某某某|某某表示 is
        # the strong cue's)
        self._dotted_names(st, names, taken)
        # surname-led words the name model scores near a name (numpy, few)
        # and the transliteration-like words LAC settles, in the same pass (none in a
        # statute's text: no LAC there)
        cands, foreign = self._model.scan(
            st,
            self.lac_names.known_foreign() if lac else None,
            2.0,
            _SHORT_NAME_MARGIN,
            _SPLIT_NAME_MARGIN,
        )
        self._model_names(st, names, taken, cands)
        self._names_in_names(st, names, taken)
        if lac:
            self._lac_persons(st, names, taken, cands, foreign)
        if uncued:  # (where no rule above found a name: LAC's time is kept for these)
            self._uncued_after_posts(st, names, uncued, ends, owners)
        if untitled:
            self._uncued_before_titles(st, names, untitled)
        # later mentions of the same name (许云涛表示…)
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

    def _lac_persons(
        self,
        st,
        names: dict[str, str],
        taken: set[int],
        cands: list[tuple[int, int]],
        foreign: list[tuple[int, int]],
    ) -> None:
        """The uncertain names LAC reads as persons (:mod:`.lac_names`): not a known
        name of another type, not a by-line (记者 X)."""

        def accept(s: int, e: int, noun_after: bool) -> bool:
            return self._lac_accept(st, s, e, noun_after)

        def titled(e: int) -> bool:
            return self._titled(st.norm, e)

        for s, e in self.lac_names(st, cands, foreign, st.candidates, accept, titled):
            self._add(st, names, s, e)
            taken.add(s)

    def _uncued_after_posts(
        self,
        st,
        names: dict[str, str],
        uncued: list[tuple[int, int]],
        ends: dict[int, Mention],
        owners: dict[int, Mention],
    ) -> None:
        """The names LAC reads right after a post (:meth:`LacNames.after_posts`), where
        no other candidate stands, one window per post and name start."""
        norm = st.norm
        covered = bytearray(len(norm) + 1)
        for c in st.candidates:
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)
        seen: set[str] = set()

        def accept(s: int, e: int, noun_after: bool) -> bool:
            return not any(covered[s:e]) and self._lac_accept(st, s, e, noun_after, True)

        for ps, ns in uncued:
            key = norm[ps : ns + 4]
            # a name found elsewhere in the document is found here again later
            if covered[ns] or key in seen or any(norm.startswith(n, ns) for n in names):
                continue
            seen.add(key)
            for _, s, e in self.lac_names.after_posts(st, [(ps, ns)], accept):
                person = self._add(st, names, s, e)
                covered[s:e] = b"\x01" * (e - s)
                pe = s
                while pe > ps and norm[pe - 1] in "：: \t":
                    pe -= 1
                self._add_posts(st, person, ps, pe, ends, owners)

    @staticmethod
    def _may_open_name(st, ns: int) -> bool:
        """Whether the word at ``ns`` (a surname opens it) may open a name: a word's
        start, no function character (和, 向, 以), no word the dictionary tags as a
        function word, verb or adverb (主席|对于…, 总理|认为…) or a two-character noun."""
        norm, ends = st.norm, st.tok_ends
        if ns not in st.tok_starts or norm[ns] in _FUNCTION_CHARS:
            return False
        k = ns + 1
        while k < len(norm) and k not in ends and k - ns < 6:
            k += 1
        if k - ns < 2:
            return True
        tag = word_tag(norm[ns:k]) or "nr"
        # a two-character common noun opens no name (主席|办公室, 总理|官员…)
        return tag[0] not in _NOT_NAME_TAGS and not (k - ns == 2 and tag == "n")

    def _titled(self, norm: str, e: int) -> bool:
        """A post or title right after a name (某某总理)."""
        return bool(self._any_post.match(norm, e) or self._titles_after.match(norm, e))

    def _lac_accept(self, st, s: int, e: int, noun_after: bool, posted: bool = False) -> bool:
        """LAC's name at ``[s, e)`` is a person's: not a known name of another type, not
        a by-line's (记者 X), no place's name or form of address (each test says which).
        ``posted``: a post stands right before the name (no credit: the post rule skips
        credits), so a place's last character ends a name there (区长某某岭)."""
        norm = st.norm
        w = norm[s:e]
        sl = self._model.surname_length(w)
        return (
            self.gaz.lookup(w) is None
            and w not in self.gaz.not_entities
            and (posted or not self._credit_end.search(norm, max(0, s - 8), s))
            and not self._any_post.fullmatch(w)
            # a river's, a tomb's, a village's name (某某河, 某某墓)
            and not (e - s >= 3 and w[-1] in _LAC_PLACE_ENDS and not posted)
            # two provinces' abbreviations (湘赣多地): places listed
            and not (w[0] in _PROVINCE_ABBR and w[1] in _PROVINCE_ABBR)
            # a surname and a form of address or a title (李先生, 陈老师): no name
            and not (sl and (w[sl:] in _ADDRESS or w[sl:] in self.posts))
            and not (sl and self._titles_after.fullmatch(w, sl))
            # a Chinese-shaped name before a noun modifies it (某某野生动物), unless
            # the noun is a post or title (某某总理, 某某先生)
            and not (noun_after and sl and e - s <= 3 and not self._titled(norm, e))
        )

    def _drop_offices(self, st) -> None:
        """An office is no body: a body name that is a post title (国家主席), or a country's
        name and a post (中华人民共和国主席), is read as a post."""
        drop, add = set(), []
        ends = self._post_ends
        for m in st.candidates:
            if m.type not in ("GovernmentBody", "Ministry") or m.end - m.start < 2:
                continue
            t = st.norm[m.start : m.end]
            if t[-2:] not in ends and t[-1] not in ends:
                continue  # no post ends the name (most bodies)
            if t in self.posts:
                drop.add(id(m))
                continue
            for k in range(len(t) - 1, 1, -1):
                if t[k:] in self.posts:
                    e = self.gaz.lookup(t[:k])
                    if e is not None and e.type == "Country":
                        drop.add(id(m))
                        a, b = m.start, m.start + k
                        add.append(Mention(a, b, st.text[a:b], "Country", e.id, e.name, m.rule))
                        break
        if drop:
            st.candidates[:] = [m for m in st.candidates if id(m) not in drop]
        st.candidates.extend(add)

    def _add(self, st, names: dict[str, str], ns: int, ne: int) -> Mention:
        """A Person mention of ``text[ns:ne]`` (its label without inner white space)."""
        text = st.text[ns:ne]
        label = "".join(text.split())
        key = names.setdefault(label, open_key("Person", label))
        person = Mention(ns, ne, text, "Person", key, label, "person")
        st.candidates.append(person)
        return person

    def _owner(self, ps: int, pe: int, ends: dict[int, Mention]) -> Mention | None:
        """The body that ends where the post starts or inside it (全国政协主席: 全国政协;
        中共中央政治局常委 read as the post 中央政治局常委: 中共中央政治局)."""
        for e in range(pe - 1, ps - 1, -1):
            m = ends.get(e)
            if m is not None and m.start < e:
                return m
        return None

    def _add_posts(
        self,
        st,
        person: Mention,
        ps: int,
        pe: int,
        ends: dict[int, Mention],
        owners: dict[int, Mention],
    ) -> None:
        """PostMentions of ``person`` for the post at ``[ps, pe)`` and for the posts before
        it joined by 、 (中共中央政治局常委、全国政协主席王某: both)."""
        norm, text = st.norm, st.text
        sent = st.sent_of(person.start)
        while True:
            org = self._owner(ps, pe, ends)
            start = ps
            if org is None:
                org = owners.get(ps - len(_POST_GAP.match(norm, ps).group(0)))
                c = owners.get(ps)
                if c is not None and c.type == "Country":
                    org = c
                elif org is None:
                    org = self._local_government(st, ps, norm[ps:pe])
            post = text[max(ps, org.end) if org is not None and org.end > ps else ps : pe]
            st.posts.append(PostMention(person, post, org, sent))
            start = org.start if org is not None and org.start < ps else ps
            # another post before, joined by 、
            if start < 2 or norm[start - 1] != "、":
                return
            prev = self._post_ending(norm, start - 1)
            if prev is None:
                return
            ps, pe = prev

    def _post_ending(self, norm: str, e: int) -> tuple[int, int] | None:
        """The longest post of the list ending at ``e``."""
        keys = (norm[e - 2 : e], norm[e - 1]) if e >= 2 else (norm[e - 1 : e],)
        best = None
        for key in keys:
            for p in self._post_ends.get(key, ()):
                if norm.startswith(p, e - len(p)) and (best is None or len(p) > best):
                    best = len(p)
        return (e - best, e) if best else None

    def _local_government(self, st, ps: int, post: str) -> Mention | None:
        """江西省省长 X: the province's people's government, when the document names it."""
        unit = _GOV_HEADS.get(post)
        if unit is None:
            return None
        for m in st.candidates:
            if m.end == ps and m.type == "Location" and m.label.endswith(unit):
                gov = m.label + "人民政府"
                e = self.gaz.lookup(gov)
                key = e.id if e is not None else open_key("GovernmentBody", gov)
                return Mention(
                    m.start, ps, st.text[m.start : ps], "GovernmentBody", key, gov, "post"
                )
        return None

    @staticmethod
    def _credit_before(norm: str, ps: int) -> bool:
        return False

    def _foreign_names(
        self,
        st,
        names: dict[str, str],
        owners: dict[int, Mention],
        ends: dict[int, Mention],
    ) -> None:
        """某国总统某某, 联合国秘书长某某: a post of a foreign country or an
        international organisation, then a name read up to the first word that cannot
        belong to one (:class:`ForeignNameReader`). The same owner's posts may be joined
        by 、 before one name (某国民族领袖、人民委员会主席甲), a body of the owner may
        stand before a post (某国参议院主席乙), and the owner's next post and name may
        follow after 、 (亚美尼亚总统甲、总理乙)."""
        norm = st.norm
        taken = {c.start for c in st.candidates if c.type == "Person"}
        for owner in list(owners.values()):
            if owner.key == _HOME or owner.type not in ("Country", "Organization"):
                continue
            pos = owner.end
            pending: list[tuple[str, Mention | None]] = []
            while True:
                gap = _POST_GAP.match(norm, pos).end() if norm.startswith("第", pos) else pos
                if gap >= len(norm) or not is_cjk(norm[gap]):
                    break
                m = self._foreign_post.match(norm, gap) if norm[gap] in self._fp_first else None
                org: Mention | None = owner
                if m is None:
                    m, org = self._post_after_body(st, gap, owner, ends)
                    if m is None:
                        break
                pending.append((st.text[m.start() : m.end()], org))
                ns = m.end()
                if ns < len(norm) and norm[ns] == "、":
                    pos = ns + 1  # 国家元首、部长会议主席: another post, one name
                    continue
                if ns in taken or ns not in st.tok_starts:
                    break
                ne = self._foreign.read(norm, ns, st.tok_starts)
                if ne is None or not self._foreign_ok(st, ns, ne):
                    break
                person = self._add(st, names, ns, ne)
                taken.add(ns)
                for post, org in pending:
                    st.posts.append(PostMention(person, post, org, st.sent_of(ns)))
                pending = []
                if ne < len(norm) and norm[ne] == "、":
                    pos = ne + 1  # 、总理乙: the same country's next post
                    continue
                break

    def _post_after_body(
        self, st, pos: int, owner: Mention, ends: dict[int, Mention]
    ) -> tuple[re.Match | None, Mention | None]:
        """A foreign post after a body of the owner's (众议院议长, 执行委员会主席): the
        body known (a candidate) or a run of two to fourteen characters ending in a body's
        head word. The post's owner is the body when it is a candidate, else the country
        (an organisation's unknown sub-body is not the organisation: no owner)."""
        norm = st.norm
        m = None
        for h in self._body_head.finditer(norm, pos + 1, pos + 16):
            m = self._foreign_post.match(norm, h.end())
            if m is not None:
                break
        if m is None:
            return None, owner
        between = norm[pos : m.start()]
        body = ends.get(m.start())
        if body is not None and body.start >= pos - len(owner.text) and body.start <= pos:
            return m, body
        if (
            len(between) <= 14
            and all(is_cjk(ch) for ch in between)
            and between.endswith(_BODY_HEADS)
            and not any(ch in "的和与及在对为是" for ch in between)
        ):
            return m, owner if owner.type == "Country" else None
        return None, owner

    def _names_before_titles(
        self, st, names: dict[str, str], taken: set[int], done: set[int], left_over: bool
    ) -> list[int]:
        """温某某总理, 王某院士: a name as whole words right before a title, or a word
        that may be a name (:meth:`_word_name`). Returns (``left_over``: LAC reads them)
        the titles' starts where neither is found but a word that may end a name stands
        before (:meth:`_may_end_name`)."""
        norm = st.norm
        starts = st.tok_starts
        left = []
        for m in self._titles_after.finditer(norm, 2):
            ps = m.start()
            if ps in done or ps not in starts:
                continue
            sur = self.surnames
            for length in (3, 2, 4):
                ns = ps - length
                if ns < 0 or (norm[ns] not in sur and norm[ns : ns + 2] not in sur):
                    continue
                sm = self._sur_at.match(norm, ns)
                if sm is None or ns in taken or length - len(sm.group(1)) not in (1, 2):
                    continue
                if self._plausible_name(st, ns, ps, len(sm.group(1))):
                    self._add(st, names, ns, ps)
                    taken.add(ns)
                    break
            else:
                n = len(st.candidates)
                self._word_name(st, names, taken, ps, titled=True)
                if left_over and len(st.candidates) == n and self._may_end_name(st, ps):
                    left.append(ps)
        return left

    def _may_end_name(self, st, e: int) -> bool:
        """Whether the word that ends at ``e`` may end a name: a word of one to four
        Chinese characters, not a body's head (理事会, 中央, 两国) or a post, a word
        the dictionary lacks or tags as a proper name (no common word: 国家|主席,
        知识分子|参加); one character only as the end of a longer word (某|某, not
        某|总统 or 同|某|主席: an abbreviation, a surname alone)."""
        norm, starts = st.norm, st.tok_starts
        k = e - 1
        while k > 0 and k not in starts and e - k < 5:
            k -= 1
        w = norm[k:e]
        if k not in starts or not all("\u4e00" <= c <= "\u9fff" for c in w):
            return False
        if w[-1] in _BODY_ENDS or w in self.posts or self._titles_after.fullmatch(w):
            return False
        if len(w) == 1:
            return (
                k > 0
                and is_cjk(norm[k - 1])
                and norm[k - 1] not in _FUNCTION_CHARS
                and w not in _FUNCTION_CHARS
                and (word_tag(w) or "nr")[0] not in _NOT_NAME_TAGS
            )
        if w[0] in _FUNCTION_CHARS or (len(w) == 3 and w[1:] in self.posts):
            return False  # 从某处; 王总理, 李主席: a surname and a post
        tag = word_tag(w)
        # a word the dictionary lacks or knows as a name; the dictionary tags a few
        # leaders' names (three characters, a surname's first) as time words
        return (
            tag is None
            or tag.startswith("nr")
            or tag in _PROPER_TAGS
            or (tag == "t" and len(w) >= 3 and self._model.surname_length(w) > 0)
        )

    def _uncued_before_titles(self, st, names: dict[str, str], untitled: list[int]) -> None:
        """The names LAC reads right before a title (某某某总理, 某某某女士) where no
        other candidate stands (:meth:`LacNames.before_titles`)."""
        covered = bytearray(len(st.norm) + 1)
        for c in st.candidates:
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)

        def accept(s: int, e: int, noun_after: bool) -> bool:
            return not any(covered[s:e]) and self._lac_accept(st, s, e, False)

        norm, starts = st.norm, st.tok_starts
        tried: set[str] = set()  # the words before read once per document
        for ps in sorted(set(untitled)):
            # a name found elsewhere in the document is found here again later
            if covered[ps - 1] or any(norm.endswith(n, 0, ps) for n in names):
                continue
            k = ps - 1
            while k > 0 and k not in starts:
                k -= 1
            if norm[max(0, k - 2) : ps] in tried:
                continue
            tried.add(norm[max(0, k - 2) : ps])
            for ns, ne in self.lac_names.before_titles(st, [ps], accept):
                self._add(st, names, ns, ne)
                covered[ns:ne] = b"\x01" * (ne - ns)

    def _words_as_names(
        self, st, names: dict[str, str], taken: set[int], done: set[int], left_over: bool
    ) -> list[int]:
        """Chinese names no post introduces, right before a strong cue (表示, 指出, 出席)
        anywhere in a sentence (部长陈某在会上 opens no clause): :meth:`_word_name`.
        Returns (``left_over``: LAC reads them) the cues' starts where no name is found
        but a word that may end one stands before (:meth:`_may_end_name`)."""
        starts = st.tok_starts
        left = []
        for m in self._strong_cue.finditer(st.norm, 2):
            h = m.start()
            if h not in done and h in starts:
                n = len(st.candidates)
                self._word_name(st, names, taken, h)
                self._foreign_word_name(st, names, taken, h)
                if left_over and len(st.candidates) == n and self._may_end_name(st, h):
                    left.append(h)
        # 说 too, for transliterated names (某某某说, jieba may glue 说 to the name)
        norm = st.norm
        h = norm.find("说", 3)
        while h > 0:
            if h not in done and (h in starts or h + 1 in starts):
                n = len(st.candidates)
                self._foreign_word_name(st, names, taken, h)
                if left_over and len(st.candidates) == n and h in starts:
                    if self._may_end_name(st, h):
                        left.append(h)
            h = norm.find("说", h + 1)
        return left

    def _foreign_word_name(self, st, names: dict[str, str], taken: set[int], h: int) -> None:
        """A transliterated name right before a strong cue (某某某表示): the word ending at
        ``h``, a name of jieba's dictionary or a word its HMM made, of three or more
        characters that are transliterations' (:meth:`NameModel.foreign_ratio`), opening
        a clause (punctuation, white space or a function character before it)."""
        norm, starts = st.norm, st.tok_starts
        i = h - 1
        while i > 0 and i not in starts:
            i -= 1
        w = norm[i:h]
        if h not in starts and not (
            h + 1 in starts and norm[h] == "说" and not self._name_words.freq.get(w + "说")
        ):
            return  # the cue must start a word, or be 说 glued to an unknown one
        if (
            len(w) < 3
            or i in taken
            or not all(is_cjk(ch) for ch in w)
            or (i > 0 and is_cjk(norm[i - 1]) and norm[i - 1] not in _FUNCTION_CHARS)
            or self._model.foreign_ratio(w) < _CUED_FOREIGN
            or not (w in self._foreign_nr or not self._name_words.freq.get(w))
            or (w[-1] in NOT_NAME_END and w[-1] != "科")  # 某某延科 is a name's end
            or self.gaz.lookup(w) is not None
            or w in self.gaz.not_entities
            or self._any_post.search(w)
        ):
            return
        self._add(st, names, i, h)
        taken.add(i)

    def _word_name(
        self, st, names: dict[str, str], taken: set[int], h: int, titled: bool = False
    ) -> None:
        """The word ending at ``h`` as a name, when it is one jieba's HMM made or its
        dictionary tags as a name and starts with a surname (:class:`NameWords`). Before a
        title (``titled``: 朱某同志) a two-character dictionary name counts too, though
        jieba tags common words so as well (文明, 高峰) and they are no names elsewhere."""
        norm = st.norm
        sur = self.surnames
        if h < 2 or not (
            norm[h - 2] in sur or norm[h - 3 : h - 2] in sur or norm[h - 4 : h - 3] in sur
        ):
            return
        if not is_cjk(norm[h - 1]):
            return
        starts = st.tok_starts
        i = h - 1
        while i > 0 and i not in starts and h - i < 4:
            i -= 1
        if i in taken or i not in starts:
            return
        w = norm[i:h]
        sl = self._name_words.surname_length(w)
        # a lone character before is the name's own start (孔|叶秋, 泽|洛夫斯基)
        if not sl or (i > 0 and is_cjk(norm[i - 1]) and i - 1 in starts):
            return
        if (
            (w in self._not_names and not (titled and w in self._name_words.nr))
            or w in self.posts
            or w[sl:] in self.posts  # 周|总理: a surname and a post
            or self._titles_after.search(w, sl)
            or w in self.gaz.not_entities
            or self.gaz.lookup(w) is not None
            or self._credit_end.search(norm, max(0, i - 8), i)
        ):
            return
        self._add(st, names, i, h)
        taken.add(i)

    def _model_names(
        self, st, names: dict[str, str], taken: set[int], cands: list[tuple[int, int]]
    ) -> None:
        """Names no cue introduces: a word jieba's HMM made or its dictionary tags as a
        name, scored by :class:`NameModel` (surname and given-name characters) plus its
        context — a cue after it (表示, 说, 等, 、), an item of a list. Whole words only,
        not a by-line (记者 X), not overlapping another candidate, not a word that a
        lone character before or after it continues (丁|薛祥: the name is longer)."""
        model = self._model
        if not cands:
            return
        norm, starts = st.norm, st.tok_starts
        n = len(norm)
        covered: bytearray | None = None
        accepted: list[tuple[int, int, str, float]] = []
        pending: list[tuple[int, int, str, float]] = []
        for i, j in cands:
            if i in taken:
                continue
            w = norm[i:j]
            if len(w) >= 3 and w[-1] in "等说" and i + 1 not in starts:
                j -= 1  # 李某等, 李某说 as one word: the name and its cue
                w = w[:-1]
            sl = self._name_shape(w)
            if not sl:
                continue
            # a surname token and a given name jieba cut off (刘|正学)
            split = i + 1 in starts and sl == 1
            # an unknown word right before or after: a longer (foreign) name that jieba
            # cut in pieces (萨洛|维耶夫), not this one
            if self._unknown_word_at(st, j) or self._unknown_word_before(st, i):
                continue
            # a lone surname before, and the word may be a given name: the name starts
            # earlier (丁|薛祥)
            if (
                i > 0
                and i - 1 in starts
                and norm[i - 1] in self.surnames
                and norm[i - 1] not in _FUNCTION_CHARS
                and len(w) <= 3
                and model.given.get(w[0], 0.0) > 0
            ):
                continue
            e = j
            if (
                len(w) - sl == 1
                and j < n
                and is_cjk(norm[j])
                and j + 1 in starts
                and norm[j] not in _FUNCTION_CHARS
                and norm[j] not in NOT_NAME_END
                and model.given.get(norm[j], 0.0) > 0
                and model.end_ratio(norm[j]) == 0.0
            ):
                e = j + 1  # 张友|香: a character of names after a one-character given name
                w = norm[i:e]
            bonus = 0.0
            listed = False
            if e < n and (norm[e] == "说" or self._strong_cue.match(norm, e)):
                bonus = 2.0
            elif norm.startswith("等", e) and norm[e + 1 : e + 2] not in _PLACE_AFTER_DENG:
                bonus = 1.0  # 某某等 ends lists of things too (冷藏柜等设备)
            if bonus < 2.0 and ((e < n and norm[e] == "、") or (i > 0 and norm[i - 1] == "、")):
                listed = True
            # a middle dot after, or a lone character before a transliteration (卡|斯洛夫):
            # the name is longer than the word
            if e < n and norm[e] in DOTS:
                continue
            if (
                i > 0
                and i - 1 in starts
                and is_cjk(norm[i - 1])
                and norm[i - 1] not in _FUNCTION_CHARS
                and model.foreign_ratio(w) > 0
            ):
                continue
            # a transliteration right after: a foreign name that jieba cut (冯德|莱恩)
            if e < n and is_cjk(norm[e]) and e + 1 not in starts:
                k = e + 1
                while k < n and k not in starts:
                    k += 1
                nxt = norm[e:k]
                if nxt not in self._foreign.stops and model.foreign_ratio(nxt) >= FOREIGN:
                    continue
            # a transliteration right before (卡列|诺夫说): a piece of a longer name
            if i > 0 and is_cjk(norm[i - 1]) and model.foreign_ratio(w) > 0:
                k = i - 1
                while k > 0 and k not in starts:
                    k -= 1
                prev = norm[k:i]
                if prev not in self._foreign.stops and model.foreign_ratio(prev) >= FOREIGN:
                    continue
            # a lone character after that heads a place (某某|河) or goes on a
            # transliteration (卡列宁|娜): a place's name, or a longer one
            if e < n and is_cjk(norm[e]) and e + 1 in starts:
                nc = norm[e]
                if nc in _FEATURE_HEADS or (
                    model.foreign.get(nc, 0.0) >= 1.0 and model.foreign_ratio(w) > 0
                ):
                    continue
            # a word that opens with two abbreviations of provinces (鲁苏, 冀鲁豫, 鲁豫多):
            # places listed, not a surname and a given name
            if bonus < 2.0 and w[0] in _PROVINCE_ABBR and w[1] in _PROVINCE_ABBR:
                continue
            # …and within a clause it is the function word (甲和乙表示)
            if w[0] in _FUNCTION_CHARS and i > 0 and is_cjk(norm[i - 1]):
                continue
            # a surname that is also a function word (和, 于, 向) needs a cue; a surname
            # and one character (2 characters in all) is likelier a word by chance; so is
            # a surname before a word (张|全军): a given name that is a word needs a cue
            if w[0] in _FUNCTION_CHARS and bonus < 2.0:
                continue
            if split and bonus < 2.0 and (w[1:] in self._common or w[1:] in self._not_names):
                continue
            need = model.threshold + (_SHORT_NAME_MARGIN if len(w) - sl == 1 else 0.0)
            need += _SPLIT_NAME_MARGIN if split else 0.0
            # a last character that ends words rather than names (杜鹃花, 夏玉米) counts
            # against a name no cue stands by
            if bonus < 2.0 and len(w) - sl == 2 and w[-1] == w[-2]:
                continue  # 金灿灿, 绿油油: a reduplicated adjective
            # with no cue, the last character must end names clearly more often than
            # words (jieba's dictionary tags 宣传栏, 陈列室, 冷藏柜 as names too)
            if bonus < 2.0 and model.end.get(w[-1], 0.0) > _END_MAX:
                continue
            margin = (
                model.score(w, sl)
                + bonus
                - (0.0 if bonus >= 2.0 else _END_WEIGHT * model.end_ratio(w))
                - need
            )
            if margin >= 0:
                accepted.append((i, e, w, bonus))
            elif listed and margin + _LIST_BONUS >= 0:
                pending.append((i, e, w, bonus))
        # an item of a list of names counts a little for a name beside it (甲、乙)
        for _ in range(2):
            ends = {c.end for c in st.candidates if c.type == "Person"}
            ends.update(e for _, e, _, _ in accepted)
            starts_p = {c.start for c in st.candidates if c.type == "Person"}
            starts_p.update(i for i, _, _, _ in accepted)
            still = []
            for item in pending:
                i, e = item[0], item[1]
                if (i > 0 and norm[i - 1] == "、" and i - 1 in ends) or (
                    e < n and norm[e] == "、" and e + 1 in starts_p
                ):
                    accepted.append(item)
                else:
                    still.append(item)
            if len(still) == len(pending):
                break
            pending = still
        for i, e, w, bonus in sorted(accepted):
            if i in taken:
                continue
            if (
                (bonus < 2.0 and model.foreign_ratio(w) >= FOREIGN)  # 敖德萨, 哈马斯
                or self.gaz.lookup(w) is not None
                or w in self.gaz.not_entities
                or self._credit_end.search(norm, max(0, i - 8), i)
            ):
                continue
            if covered is None:
                covered = bytearray(n + 1)
                for c in st.candidates:
                    covered[c.start : c.end] = b"\x01" * (c.end - c.start)
            if any(covered[i:e]):
                continue
            covered[i:e] = b"\x01" * (e - i)
            self._add(st, names, i, e)
            taken.add(i)

    def _dotted_names(self, st, names: dict[str, str], taken: set[int]) -> None:
        """Transliterated names with a middle dot and no post (某某·某某某说): the words
        before the dot that may belong to a name (no verb, noun, function word, post or
        known place: :class:`ForeignNameReader`'s stop words), at most two words and six
        characters, then the name read on from there."""
        norm, starts = st.norm, st.tok_starts
        n = len(norm)
        stops = self._foreign.stops
        for dot in DOTS:
            d = norm.find(dot)
            while d > 0:
                if d + 1 < n and is_cjk(norm[d - 1]) and is_cjk(norm[d + 1]):
                    s = d
                    for _ in range(2):
                        if s == 0:
                            break
                        t = s - 1
                        while t > 0 and t not in starts:
                            t -= 1
                        word = norm[t:s]
                        if (
                            d - t > 6
                            or not all(is_cjk(ch) for ch in word)
                            or word in stops
                            or (
                                len(word) == 1
                                and (word in _FUNCTION_CHARS or word in "上下中里内外前后")
                            )
                            or self._any_post.search(word)
                            or self.gaz.lookup(word) is not None
                        ):
                            break
                        s = t
                    if s < d and s not in taken:
                        ne = self._foreign.read(norm, s, starts)
                        # a transliteration the reader stopped at goes on (某某·某某|洛维奇)
                        while ne is not None and ne < n and is_cjk(norm[ne]):
                            k = ne + 1
                            while k < n and k not in starts:
                                k += 1
                            if (
                                k - ne < 2
                                or norm[ne:k] in stops  # 今天, 回国
                                or self._model.foreign_ratio(norm[ne:k]) < FOREIGN
                            ):
                                break
                            ne = k
                        # …and stops where two characters after the last dot are
                        # Chinese words' rather than names' (某某·某某|手持鲜花)
                        trimmed = False
                        if ne is not None:
                            fr = self._model.foreign
                            k = max(norm.rfind(ch, s, ne) for ch in DOTS) + 3
                            while k + 1 < ne:
                                if fr.get(norm[k], 0.0) < -0.5 and fr.get(norm[k + 1], 0.0) < -0.5:
                                    ne, trimmed = k, True
                                    break
                                k += 1
                        # a verb of appointment glued to the name (某某·某某任|部长)
                        if (
                            ne is not None
                            and ne - 1 > d + 1
                            and norm[ne - 1] in "任为"
                            and ne < n
                            and is_cjk(norm[ne])
                        ):
                            ne, trimmed = ne - 1, True
                        name = norm[s:ne] if ne is not None else ""
                        bare = "".join(ch for ch in name if ch not in DOTS)
                        if (
                            ne is not None
                            and name
                            and ne > d + 1
                            # not inside a word (阿不|都), unless cut off above
                            and (ne in starts or ne >= n or trimmed or norm[ne] in "说称")
                            and name[-1] not in NOT_NAME_END
                            and not name.endswith(_ORG_HEADS)
                            # transliterated: its characters are names' more than words'
                            and self._model.foreign_ratio(bare) > 0
                            and self.gaz.lookup(name) is None
                            and name not in self.gaz.not_entities
                            # a quoted name is a title or a ship's (“某某·某某”号)
                            and not (s > 0 and norm[s - 1] in '“"《')
                        ):
                            self._add(st, names, s, ne)
                            taken.add(s)
                d = norm.find(dot, d + 1)

    def _names_in_names(self, st, names: dict[str, str], taken: set[int]) -> None:
        """A person's name that opens the name of a doctrine (某某某思想, 某某理论): a
        name of jieba's dictionary, or one the name model accepts, as the whole start of
        the word."""
        norm, starts = st.norm, st.tok_starts
        model = self._model
        for suffix in _DOCTRINES:
            i = norm.find(suffix, 2)
            while i >= 0:
                for length in (3, 2, 4):
                    ns = i - length
                    if ns < 0 or ns not in starts or ns in taken:
                        continue
                    w = norm[ns:i]
                    sl = model.surname_length(w)
                    if not sl or not all(is_cjk(ch) for ch in w):
                        continue
                    if (w in self._name_words.nr and length > 2) or (
                        not self._name_words.freq.get(w)
                        and length - sl == 2
                        and model.score(w, sl) >= model.threshold
                    ):
                        self._add(st, names, ns, i)
                        taken.add(ns)
                        break
                i = norm.find(suffix, i + 2)

    def _name_shape(self, w: str) -> int:
        """The surname length of ``w`` when the word alone may be a name (a surname and
        one or two CJK characters, no dictionary word but jieba's names, no post, address,
        suffix or place head at its end), else 0; remembered per word (laws repeat
        第五条 hundreds of times)."""
        memo = self._shape_memo
        sl = memo.get(w)
        if sl is None:
            sl = self._model.surname_length(w)
            if (
                not sl
                or not 1 <= len(w) - sl <= 2
                or (w not in self._name_words.nr and self._name_words.freq.get(w))
                or (len(w) == 2 and w in self._name_words.nr)  # 文明, 高峰: jieba's noisy nr
                or not all(is_cjk(ch) for ch in w)
                or w[-1] in NOT_NAME_END
                or w[-1] in _WORD_SUFFIXES
                or w[-1] in _PLACE_ENDS
                or w in self.posts
                or w[sl:] in self.posts
                or w[sl:] in _ADDRESS
                or self._titles_after.search(w, sl)
            ):
                sl = 0
            if len(memo) > 100_000:  # a long-lived process stays bounded
                memo.clear()
            memo[w] = sl
        return sl

    def _unknown_word_at(self, st, i: int) -> bool:
        """Whether the token starting at ``i`` is a CJK word of two or more characters
        that jieba's dictionary lacks (its HMM made it)."""
        norm, starts = st.norm, st.tok_starts
        if i >= len(norm) or not is_cjk(norm[i]):
            return False
        j = i + 1
        while j < len(norm) and j not in starts:
            j += 1
        return j - i >= 2 and not self._name_words.freq.get(norm[i:j])

    def _unknown_word_before(self, st, e: int) -> bool:
        norm, starts = st.norm, st.tok_starts
        if e <= 0 or not is_cjk(norm[e - 1]):
            return False
        i = e - 1
        while i > 0 and i not in starts:
            i -= 1
        return e - i >= 2 and not self._name_words.freq.get(norm[i:e])

    def _foreign_ok(self, st, ns: int, ne: int) -> bool:
        name = st.norm[ns:ne]
        return (
            self.gaz.lookup(name) is None
            and name not in self.gaz.not_entities
            and ne in st.tok_ends
            and not self._any_post.fullmatch(name)
        )

    def _listed_names(self, st, names: dict[str, str]) -> None:
        """甲、乙等参加会见: two or more names joined by 、 that open a clause and are the
        subject of a verb of taking part (参加, 出席, 陪同…)."""
        norm = st.norm
        ends = set()
        for v in self._list_verbs.finditer(norm, 2):
            i = v.start()
            if norm.rfind("、", max(0, i - 10), i) < 0:
                continue  # two names or more: a 、 shortly before
            # 甲、乙等参加 / 甲、乙等人参加 / 甲、乙参加
            for w in ("等人", "等", ""):
                if norm.startswith(w, i - len(w)):
                    ends.add(i - len(w))
                    break
        for e0 in sorted(ends):
            items = []
            e = e0
            while True:
                s = e - 1
                while s > 0 and is_cjk(norm[s - 1]) and e - s < 4:
                    s -= 1
                # the item: a surname and one or two characters, starting after 、 or a
                # clause boundary
                found = None
                for ns in range(s, e - 1):
                    if ns > 0 and norm[ns - 1] not in "、，。；：\n“（( \u3000":
                        continue
                    sm = self._sur_at.match(norm, ns)
                    if (
                        sm
                        and 2 <= e - ns <= 4
                        and self._plausible_name(st, ns, e, len(sm.group(1)), strict=False)
                    ):
                        found = ns
                        break
                if found is None:
                    break
                items.append((found, e))
                if found > 0 and norm[found - 1] == "、":
                    e = found - 1
                    continue
                break
            if len(items) >= 2 and (items[-1][0] == 0 or norm[items[-1][0] - 1] != "、"):
                for ns, ne in items:
                    self._add(st, names, ns, ne)

    def _committee_lines(self, st, names: dict[str, str], ends: dict[int, Mention]) -> None:
        """Lists of members, one a line: ``[主任：]甲　乙　　某部部长、某局局长`` (the name,
        its two characters perhaps set apart by a full-width space, two or more full-width
        spaces, then its posts): the person, and a post for every item that is a body then
        a post."""
        norm, text = st.norm, st.text
        i = norm.find("\u3000\u3000")
        while i >= 0:
            ls = norm.rfind("\n", 0, i) + 1
            j = i
            while j < len(norm) and norm[j] == "\u3000":
                j += 1
            le = norm.find("\n", j)
            le = len(norm) if le < 0 else le
            ns = ls
            c = norm.find("：", ls, i)
            if c >= 0 and c - ls <= 6:
                ns = c + 1
            while ns < i and norm[ns] in " \u3000":
                ns += 1
            name = norm[ns:i]
            bare = "".join(name.split())
            sm = self._sur_at.match(bare)
            if (
                sm
                and 2 <= len(bare) <= 4
                and all(is_cjk(ch) for ch in bare)
                and len(name) - len(bare) <= 1
                and self.gaz.lookup(bare) is None
                and (bare not in self._not_names or len(name) > len(bare))
                and bare not in self.posts
                and j < le
            ):
                person = self._add(st, names, ns, i)
                sent = st.sent_of(j)
                k = j
                for item in norm[j:le].split("、"):
                    ie = k + len(item)
                    org = None
                    for e in range(ie - 1, k, -1):
                        m = ends.get(e)
                        if m is not None and m.start >= k:
                            org = m
                            break
                    if org is not None:
                        post = text[org.end : ie]
                        # a head word left over means a longer body than the one known
                        # (中国科学院|大学副校长): no post of the shorter one
                        if self._any_post.search(post) and not any(h in post for h in _ORG_HEADS):
                            st.posts.append(PostMention(person, post, org, sent))
                    k = ie + 1
            i = norm.find("\u3000\u3000", le)

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

    def _plausible_name(self, st, ns: int, ne: int, sur_len: int, strict: bool = True) -> bool:
        """A person's name: whole words, not a known name or generic word, and not a word
        jieba's dictionary gives another class (北斗, 智慧, 文明, 中方 are no persons).
        Not ``strict`` (an item of a list of names), jieba may cut it anywhere (刘国|中)."""
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
        if strict and j < ne and (j - ns != sur_len or given in self._common):
            return False  # 许多|人
        return self.gaz.lookup(name) is None and name not in self.gaz.not_entities


@lru_cache(maxsize=1)
def _dictionary_names() -> frozenset[str]:
    """Words of three or more characters that jieba's dictionary tags as names."""
    from kg.nlp.text import jieba_tags

    return frozenset(w for w, t in jieba_tags().items() if t.startswith("nr") and len(w) >= 3)


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
