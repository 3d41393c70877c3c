"""A country's or a place's sports team, for ``kg_patterns``: a country's or a place's name,
then optionally 国家, a sport, a sex or age class, then 队 (某国队, 某国男队, 某国国家足球队,
某省队 in a national games), or a sport's short team word (某国女篮, 某国男排): an
Organization (GUIDELINES: any other organisation), rule ``team``. 队 opening a word (队员,
队伍, 队长, 队列) is no team's head; the name before it must be a whole name of a country or
a place in the gazetteer (one-character abbreviations are not) that starts a word
(援外|医疗队 has no team head anyway).

>>> norm = "某国男队、某国女篮和某国队员"
>>> [norm[a:b] for a, b in team_word_starts(norm)]
['男队', '女篮']
"""

from __future__ import annotations

import re

from kg.nlp.components.heads.named_part import organisation_mention

SPORTS = (
    "足球|篮球|排球|乒乓球|羽毛球|网球|手球|水球|冰球|曲棍球|棒球|垒球"
    "|体操|游泳|跳水|田径|举重|射击|击剑|滑雪|滑冰|速滑"
)
CLASS = "男子|女子|男|女|青年|少年"
# the team word, found by its head (队, or a sport's short form), then read back
HEAD = re.compile(r"队(?![员伍长列形])|(?<=[男女])[篮排足]")
TEAM_BEFORE = {
    "队": re.compile(rf"(?:国家)?(?:{CLASS})?(?:{SPORTS})?(?:{CLASS})?\Z"),
    "short": re.compile(r"(?:国家)?[男女]\Z"),
}
# a country's national team, a province's or a city's team (某省队 in a national league)
TEAM_PLACES = frozenset({"Country", "Location"})
HAN_RUN = re.compile("[\u4e00-\u9fff]+")
# the longest country name read back from the team word (中华人民共和国 is 7)
MAX_NAME = 8


def team_word_starts(norm: str):
    """``(start, end)`` of each team word (某国|女子足球队, 某国|男篮) in ``norm``."""
    for h in HEAD.finditer(norm):
        i = h.start()
        before = TEAM_BEFORE["队" if h.group() == "队" else "short"]
        m = before.search(norm, max(0, i - 9), i)
        yield (m.start() if m else i), h.end()


def team_spans(norm: str, gaz, starts) -> list[tuple[int, int]]:
    """Spans of the teams (module docstring); ``starts``: the token-start mask."""
    out = []
    for a, end in team_word_starts(norm):
        for k in range(min(MAX_NAME, a), 1, -1):
            name = norm[a - k : a]
            if not HAN_RUN.fullmatch(name):
                continue  # (the gazetteer's lookup ignores white space)
            e = gaz.lookup(name)
            if e is None or e.type not in TEAM_PLACES:
                continue
            if a - k > 0 and not starts[a - k] and "\u4e00" <= norm[a - k - 1] <= "\u9fff":
                break  # the name ends a longer word (…某国|…): no team of it
            out.append((a - k, end))
            break
    return out


def sports_teams(st, norm: str, gaz, starts) -> None:
    """Add the countries' sports teams (module docstring)."""
    if "队" not in norm and "男" not in norm and "女" not in norm:
        return
    for a, b in team_spans(norm, gaz, starts):
        m = organisation_mention(st, gaz, a, b, "team")
        if m is not None:
            st.candidates.append(m)
