"""What every person rule family reads: the component's lists, patterns and models.

:class:`PersonResources` is built once per pipeline (:meth:`PersonResources.load`) and
passed to the rule families' functions; it is public and read-only for them, except
``shape_memo`` (a per-process memo of :func:`.model_names.name_shape`).

>>> from kg.nlp.gazetteer import ONTOLOGY_DIR, load_gazetteer
>>> r = PersonResources.load(load_gazetteer(), ONTOLOGY_DIR)
>>> bool(r.post_re.match("总经济师许科敏表示")), "许" in r.surnames
(True, True)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.nlp.components.lac_names import LacNames
from kg.nlp.components.name_model import NameModel, load_name_table
from kg.nlp.components.names import ForeignNameReader, NameWords
from kg.nlp.components.persons.words import FUNCTION_CHARS, NOT_NAME_TAGS, ROLE_END
from kg.nlp.gazetteer import Gazetteer, read_lines

#: how many characters a strong cue may start after a name's start (a surname and one or
#: two characters; the expression's lookahead also passes one more)
_CUED_NAME = (2, 4)
#: a Japanese surname that jieba's dictionary counts this often is a common word first
#: (大家 19,177; 中山, 清水, 山下: under 1,200)
_COMMON_SURNAME_WORD = 2000
_DEFAULT_POSTS = ("部长", "总经济师", "总理", "主任", "局长", "主席", "记者", "责任编辑")


@dataclass(eq=False)
class PersonResources:
    """The person rules' shared, read-only resources (see :meth:`load` for each)."""

    gaz: Gazetteer
    surnames: frozenset[str]
    posts: frozenset[str]
    credits: frozenset[str]
    #: a post, optional ：/space, then a surname and a CJK character (group 1: the post,
    #: group 2: the surname)
    post_re: re.Pattern
    #: posts by their last two characters (by the character when they have only one)
    post_ends: dict[str, list[str]]
    #: the last character of a post with a name after it (where ``post_re`` may match)
    post_end_re: re.Pattern
    #: what follows a name after a post (a cue word, white space, a digit, the end)
    cue: re.Pattern
    strong_cue: re.Pattern
    #: a name then a strong cue: at the text's start, and after a clause boundary
    strong_at0: re.Pattern
    strong_scan: re.Pattern
    #: the offsets from a ``strong_scan`` match's start at which its strong cue may start
    #: (its punctuation character, then a name's 2-4), built with the expression
    strong_scan_cue_at: range
    #: dictionary words that open with a surname but are no names; common short words
    not_names: frozenset[str]
    common: frozenset[str]
    #: a surname (group 1) and a CJK character
    sur_at: re.Pattern
    foreign_post: re.Pattern
    #: first characters of the foreign posts
    fp_first: frozenset[str]
    any_post: re.Pattern
    foreign: ForeignNameReader
    name_words: NameWords
    #: a credit word (记者, 摄…) ending a text: a by-line before a name
    credit_end: re.Pattern
    titles_after: re.Pattern
    #: jieba's names of three or more characters (亨德森, 亚当斯)
    foreign_nr: frozenset[str]
    model: NameModel
    #: names the rules leave uncertain, settled by LAC on a window around each
    lac_names: LacNames
    #: characters that end transliterated names (:func:`nrt_ends`), made with the
    #: pipeline and kept in its snapshot: a restored worker's first document with a
    #: person candidate would otherwise walk jieba's 350,000 tags for it (~0.25 CPU-s);
    #: no default: an empty set would silently read no transliteration past a cut
    nrt_last: frozenset[str]
    #: words for a person's role or trade before a name (``roles.txt``, generated from
    #: jieba's dictionary by ``scripts/build_roles.py``)
    roles: frozenset[str] = frozenset()
    #: a role's last character with a surname and a CJK character after it
    role_end: re.Pattern = re.compile("(?!)")
    #: a function character that opens a word, then a one-character surname (对|王某某,
    #: jieba's 对王 one word)
    glued: re.Pattern = re.compile("(?!)")
    #: surname length of a word as a lone name, remembered per word
    shape_memo: dict[str, int] = field(default_factory=dict)
    #: the titles a foreign head of state, government or parliament takes after the name
    #: when no country stands before it (某某某总理): ``foreign_posts.txt``'s rows flagged
    #: ``bare`` (a plain alternation of words: re scans it fast; a 副 before is read in code)
    bare_titles: re.Pattern = re.compile("(?!)")
    #: Japanese surnames of two characters (``japanese_surnames.txt``) and what may
    #: follow a Japanese name: a title, a strong cue, 说, 一行
    japanese_surnames: frozenset[str] = frozenset()
    japanese_cue: re.Pattern = re.compile("(?!)")

    @classmethod
    def load(cls, gazetteer: Gazetteer, directory: Path) -> PersonResources:
        """The resources from the gazetteer and the lexicon lists under ``directory``."""
        posts = gazetteer.posts or list(_DEFAULT_POSTS)
        surnames = read_lines(directory / "lexicon" / "surnames.txt")
        cues = read_lines(directory / "lexicon" / "person_cues.txt")
        compound = [s for s in surnames if len(s) == 2]
        single = "".join(s for s in surnames if len(s) == 1)
        post_alt = "|".join(re.escape(p) for p in sorted(set(posts), key=len, reverse=True))
        cue_alt = "|".join(re.escape(c) for c in sorted(set(cues), key=len, reverse=True)) or "表示"
        sur = "(?:" + "|".join(compound) + f"|[{single}])" if compound else f"[{single}]"
        # post, optional ：/space, then a name (surname + 1–2 characters) and a cue; the
        # name's length is settled in code against jieba's words (罗干|将, not 罗干将)
        post_re = re.compile(f"({post_alt})[：:\\s]?(?=({sur})[\u4e00-\u9fff])")
        # where ``post_re`` may match: the last character of a post with a name after it.
        # Trying ``post_re`` only at the starts of the posts that end there finds what its
        # scan finds, without trying hundreds of posts at every character.
        post_ends: dict[str, list[str]] = {}
        for p in sorted(set(posts), key=len, reverse=True):
            post_ends.setdefault(p[-2:], []).append(p)
        last = "".join(sorted({p[-1] for p in posts}))
        post_end_re = re.compile(
            f"[{re.escape(last)}](?=[：:\\s]?(?:{sur})[\u4e00-\u9fff])" if last else "(?!)"
        )
        # no post: a name that opens a clause (at the start, after ，。；：、“（( or white
        # space) and is the subject of a speech verb (，邵景川表示 / 许云涛指出): a strong cue,
        # checked against jieba's dictionary. The first lookahead alone settles the surname;
        # the second keeps only starts with a strong cue 2–4 characters on (a name is a
        # surname plus one or two characters), and the scan starts at the punctuation (a
        # lookbehind would be tried at every character).
        strong = read_lines(directory / "lexicon" / "person_strong_cues.txt") or ["表示", "指出"]
        strong_alt = "|".join(re.escape(c) for c in sorted(set(strong), key=len, reverse=True))
        lo, hi = _CUED_NAME
        name_then_cue = f"(?=({sur})[\u4e00-\u9fff])(?=[\\s\\S]{{{lo},{hi}}}?(?:{strong_alt}))"
        surname_set = frozenset(surnames)
        not_names, common = dictionary_sets(surname_set)
        credits = frozenset(read_lines(directory / "lexicon" / "person_credits.txt"))
        rows = [r.split("\t") for r in read_lines(directory / "lexicon" / "foreign_posts.txt")]
        foreign = sorted({r[0] for r in rows}, key=len, reverse=True)
        bare = sorted({r[0] for r in rows if r[1:] == ["bare"]}, key=len, reverse=True)
        name_words = NameWords(surname_set)
        credit_alt = "|".join(map(re.escape, sorted(credits, key=len, reverse=True)))
        # plain alternations of words (no lookbehind, no optional prefix): re scans
        # them fast
        after = sorted(
            set(read_lines(directory / "lexicon" / "titles_after_name.txt")), key=len, reverse=True
        )
        foreign_nr = _dictionary_names()
        roles = frozenset(read_lines(directory / "lexicon" / "roles.txt"))
        model = NameModel(
            load_name_table(directory),
            surname_set,
            function_chars=FUNCTION_CHARS,
            last_chars=_last_chars(),
        )
        return cls(
            gaz=gazetteer,
            surnames=surname_set,
            posts=frozenset(posts),
            credits=credits,
            post_re=post_re,
            post_ends=post_ends,
            post_end_re=post_end_re,
            # a date after the name too (李某17日在京会见)
            cue=re.compile(f"(?:$|\\s|\\d|{cue_alt})"),
            strong_cue=re.compile(f"(?:{strong_alt})"),
            strong_at0=re.compile(name_then_cue),
            strong_scan=re.compile(f"[，。；：、“（(\\s]{name_then_cue}"),
            strong_scan_cue_at=range(1 + lo, 1 + hi + 1),
            not_names=not_names,
            common=common,
            sur_at=re.compile(f"({sur})[\u4e00-\u9fff]"),
            foreign_post=re.compile(
                "(?:" + "|".join(map(re.escape, foreign)) + ")" if foreign else "(?!)"
            ),
            fp_first=frozenset(p[0] for p in foreign),
            bare_titles=re.compile("|".join(map(re.escape, bare)) or "(?!)"),
            any_post=re.compile(post_alt),
            foreign=ForeignNameReader(),
            name_words=name_words,
            credit_end=re.compile(f"(?:{credit_alt})[：:\\s]*$" if credit_alt else "(?!)"),
            titles_after=re.compile("|".join(map(re.escape, after)) or "(?!)"),
            # less the ones jieba's dictionary has as common words (大家: everyone)
            japanese_surnames=frozenset(
                w
                for w in read_lines(directory / "lexicon" / "japanese_surnames.txt")
                if name_words.freq.get(w, 0) < _COMMON_SURNAME_WORD
            ),
            japanese_cue=re.compile(
                "|".join(
                    map(re.escape, sorted({*after, *strong, "说", "一行"}, key=len, reverse=True))
                )
            ),
            foreign_nr=foreign_nr,
            model=model,
            lac_names=LacNames(model, name_words, foreign_nr, FUNCTION_CHARS),
            roles=roles,
            glued=re.compile(
                f"[{''.join(sorted(FUNCTION_CHARS))}](?=[{single}])" if single else "(?!)"
            ),
            nrt_last=nrt_ends(),
            role_end=re.compile(
                f"[{''.join(sorted({r[-1] for r in roles}))}](?=(?:{sur})[\u4e00-\u9fff])"
                if roles
                else "(?!)"
            ),
        )


@lru_cache(maxsize=1)
def _dictionary_names() -> frozenset[str]:
    """Words of three or more characters that jieba's dictionary tags as names."""
    from kg.nlp.text import tagged_words, tags_starting

    return frozenset(w for w in tagged_words(tags_starting("nr")) if len(w) >= 3)


#: a character ends a transliterated name when it ends this many of jieba's ``nrt`` words
NRT_END_MIN = 20


@lru_cache(maxsize=1)
def nrt_ends() -> frozenset[str]:
    """Characters that end transliterated names (斯, 尔, 克, 夫): the last characters of
    at least ``NRT_END_MIN`` of jieba's dictionary words tagged ``nrt`` (not 遭, 请, 却).

    >>> "斯" in nrt_ends(), "遭" in nrt_ends()
    (True, False)
    """
    from kg.nlp.text import tagged_words

    n = Counter(w[-1] for w in tagged_words(("nrt",)) if len(w) >= 2)
    return frozenset(ch for ch, k in n.items() if k >= NRT_END_MIN)


@lru_cache(maxsize=1)
def _last_chars() -> frozenset[str]:
    """Characters that jieba's dictionary has as words of their own of a class that may
    end a given name jieba cut off (荣, 连, 华: names, nouns, places), less the heads of
    role nouns (们, 者, 员); no verb, adverb, adjective or particle (某某|乘, 某某|等)."""
    from kg.nlp.text import jieba_tag_groups

    return frozenset(
        w
        for tag, words in jieba_tag_groups().items()
        if tag[:1] not in NOT_NAME_TAGS
        for w in words
        if len(w) == 1 and w not in ROLE_END
    )


@lru_cache(maxsize=4)
def dictionary_sets(surnames: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """From jieba's dictionary: words (2–4 characters) that open with a surname but are no
    persons' names — tagged otherwise (高度, 许多, 王国), or two characters tagged plain
    ``nr``, which jieba gives to common words too (文明, 智慧, 北斗, 高峰) — and words of one
    or two characters not tagged as names (其他, 全党), never a given name jieba split off."""
    from kg.nlp.text import jieba_tag_groups

    out = set()
    common = set()
    for tag, words in jieba_tag_groups().items():
        if tag.startswith("nr"):
            # jieba's plain nr is noisy on two characters (文明, 智慧, 北斗 are "nr")
            if tag == "nr":
                out.update(
                    w for w in words if len(w) == 2 and (w[0] in surnames or w[:2] in surnames)
                )
            continue
        short = [w for w in words if len(w) <= 4]
        common.update(w for w in short if len(w) <= 2)
        out.update(w for w in short if len(w) >= 2 and (w[0] in surnames or w[:2] in surnames))
    return frozenset(out), frozenset(common)
