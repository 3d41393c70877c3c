"""Places that open an organisation's name are no mentions of their own where the
document names them elsewhere, and never where the organisation is a team.

北京 in 北京某某大学, 南非 in 南非某某有限公司, 中国 in 中国女队: the guidelines count a place
inside an organisation's name as an optional mention, and a reader of the graph looks for
the organisation, not for a place it happens to be named after. Two cases:

- an organisation candidate (rule-found, not a state organ: those keep their place,
  美国国防部 also mentions 美国) contains the place;
- no rule knows the organisation, but the place opens a run of two to eight characters
  that ends in an organisation's head word (``ORG_HEADS``: a closed class of heads of
  companies, schools, hospitals, associations, committees, clubs and teams), with no
  function word, number, punctuation or other place in between and no character after
  the head that makes it another word (中国某某委员会, 北京某某队; not 中国的大学,
  中国大学生, 中国队伍; in 湖北某某县某某小学 the county opens the school's name).

A team (某国女队, 某省某某队, 某市医疗队, 某舰编队) is a name of its own, and a place
that opens it is dropped even where the document names the place nowhere else: sports
news runs lists of teams, and a team stands for its players, not for the place (a city's
or province's name before 舰 is a ship's). Not where the run's last word is another
place's team (某洲|劲旅|某国队) or a group of people (团队). The items of a list that
等 and a word for teams close (甲国、乙国等强队) are teams too.

Work is proportional to the place candidates: one anchored regex match after each.

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["中国女队击败韩国女队。中国队员表现出色。"], nominal=False))
>>> [(s["text"], s["start"]) for s in spans if s["type"] in ("Location", "Country")]
[('中国', 11)]
>>> text = "某某大学与南非某某有限公司签约。南非代表说……"
>>> [s["start"] for s in next(entity_spans([text], nominal=False)) if s["type"] == "Country"]
[16]
"""

from __future__ import annotations

import bisect
import itertools
import re

_PLACES = frozenset({"Location", "Country"})
#: organisations whose names may open with a place (state organs keep theirs)
_ORGS = frozenset({"Organization"})
_ORGANS = frozenset({"GovernmentBody", "Ministry"})
#: heads of organisations' names, a closed class: a place and at least one character of
#: a name before them (中国公司, 美国银行 alone are generic). Not 集团: a bloc too
#: (某国侵略集团, 某某条约集团); companies' groups the patterns know are candidates
ORG_HEADS = (
    "有限责任公司",
    "有限公司",
    "公司",
    "总厂",
    "分厂",
    "大学",
    "学院",
    "中学",
    "小学",
    "医院",
    "研究所",
    "研究院",
    "研究会",
    "委员会",
    "协会",
    "学会",
    "商会",
    "联合会",
    "联合体",
    "基金会",
    "银行",
    "出版社",
    "博物馆",
    "美术馆",
    "图书馆",
    "俱乐部",
    "组委会",
    "分会",
    "分局",
    "总局",
    "总领事馆",
    "领事馆",
    "大使馆",
    "代表团",
    "电视台",
    "通讯社",
    "杂志社",
    "报社",
    "日报",
    "晚报",
)
#: heads of sports teams, right after the place too (中国队, 中国女篮); not 部队, 军队
TEAM_HEADS = ("男队", "女队", "女篮", "男篮", "女排", "男排", "女足", "男足", "(?<![部军卫团])队")
# characters that end the run: function words, numbers, verbs of sending and meeting, and
# the units of another place (中国的大学, 两国中央银行, 可派团, 吉林某县第五中学)
_BREAK = (
    "的了在是为由对向从把被于将也就都又已还其该各这那此之以所或等及和与并"
    "召举开会议派能第两几多省市县区一二三四五六七八九十百千万"
)
# what may follow a head and makes it part of another word (队伍, 大学生, 银行业, 公司法)
_GOES_ON = "伍员长列形生业法制路街站区界城"
_RUN = re.compile(
    f"(?:[^\\W\\d_{_BREAK}]{{1,6}}?(?:{'|'.join(ORG_HEADS)})"
    f"|[^\\W\\d_{_BREAK}]{{0,4}}?(?:{'|'.join(TEAM_HEADS)}))(?![{_GOES_ON}])"
)

_TEAM = re.compile(f"(?:{'|'.join(TEAM_HEADS)})\\Z")


def drop_places_in_organisations(st) -> None:
    """Drop the place candidates of ``st`` (a :class:`~kg.nlp.components.base.KGDoc`)
    that open or stand inside an organisation's name, where the document names the same
    place outside one too (the place stays an entity of the document: a country named
    only in 某国某某商会 is still mentioned there)."""
    cands = st.candidates
    places = [c for c in cands if c.type in _PLACES]
    if not places:
        return
    # the organisations by start, with the furthest end so far: whether one contains a
    # place is a bisection, not a pass over them per place
    inside = _Reach((c.start, c.end) for c in cands if c.type in _ORGS or c.rule == "facility")
    # a place that opens a state organ's name keeps it (the resolver's rule: 某市某某委员会)
    organs = {c.start for c in cands if c.type in _ORGANS}
    norm = st.norm
    nested = set()
    teams = set()
    for p in places:
        if inside.beyond(p.start, p.end):
            nested.add(id(p))
            continue
        if p.start in organs:
            continue
        if _in_team_list(norm, p.end):
            nested.add(id(p))
            teams.add(id(p))
            continue
        m = _RUN.match(norm, p.end)
        # another place in the run opens the name instead (湖北|某某县某某小学)
        if m is not None and not any(p.end <= q.start < m.end() for q in places):
            if _TEAM.search(norm, p.end, m.end()):
                if _named_team(st, p.end, m.end()):
                    continue  # 某洲|劲旅|某国队: the team is another place's
                teams.add(id(p))
            nested.add(id(p))
    if not nested:
        return
    # the other mentions: no part of any longer candidate (a place that opens a body's
    # name may go with it, at the resolver)
    longer = _Reach((c.start, c.end) for c in cands)
    free = {
        p.key
        for p in places
        if id(p) not in nested
        and not longer.beyond(p.start - 1, p.end - 1)  # starts before, ends at or after
        and not longer.beyond(p.start, p.end)  # starts at or before, ends after
    }
    drop = {id(p) for p in places if id(p) in nested and (p.key in free or id(p) in teams)}
    if drop:
        cands[:] = [c for c in cands if id(c) not in drop]


#: what closes a list of teams: 等 and a word for teams (某国、某国等强队)
_TEAM_LIST_END = re.compile("等(?:强队|球队|代表队|队)")


def _in_team_list(norm: str, end: int) -> bool:
    """The place ending at ``end`` is an item of a list joined by 、 that 等 and a word
    for teams close (甲国、乙国、丙国等强队): the items are teams."""
    if end >= len(norm) or norm[end] not in "、等":
        return False
    k = end
    stop = min(len(norm), end + 40)
    while k < stop and norm[k] not in "，。；：,;:\n":
        if norm[k] == "等":
            return _TEAM_LIST_END.match(norm, k) is not None
        k += 1
    return False


def _named_team(st, start: int, end: int) -> bool:
    """The word that ends the team's run at ``end`` is a place's name and 队 (某国队 as one
    jieba word): that place's team, not the one before the run."""
    from kg.nlp.text import jieba_tags

    t = end - 1
    while t > start and t not in st.tok_starts:
        t -= 1
    return end - t > 2 and jieba_tags().get(st.norm[t : end - 1]) == "ns"


class _Reach:
    """Spans sorted by start, with the furthest end reached so far.

    >>> r = _Reach([(0, 4), (6, 8)])
    >>> r.beyond(2, 3), r.beyond(2, 4), r.beyond(5, 5)
    (True, False, False)
    """

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(itertools.accumulate((b for _, b in spans), max))

    def beyond(self, start: int, end: int) -> bool:
        """Whether a span that starts at or before ``start`` ends after ``end``."""
        k = bisect.bisect_right(self.starts, start)
        return bool(k) and self.reach[k - 1] > end


#: the key prefix of the places LAC reads alone (ontology/gazetteers/curated/lac_places.tsv)
LAC_PLACES = "place/lac-"


def drop_cut_lac_places(st) -> None:
    """Drop the candidates of the LAC-read places (:data:`LAC_PLACES`) that are no whole
    words of the text: the end of a longer transliteration (某某|乌波尔 of a city's
    name) or a word that runs on; the gazetteer matches names of three
    characters anywhere.

    >>> from kg.spans import entity_spans
    >>> [s["text"] for s in next(entity_spans(["游客们参观了延福寺。"], nominal=False))]
    ['延福寺']
    """
    cands = st.candidates
    if any(c.key.startswith(LAC_PLACES) for c in cands):
        cands[:] = [
            c for c in cands if not c.key.startswith(LAC_PLACES) or st.aligned(c.start, c.end)
        ]
