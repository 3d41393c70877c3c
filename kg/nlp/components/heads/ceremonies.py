"""Ceremonies that mark a stage of a project or facility (某某机场项目|竣工仪式,
某某学院竣工|启用仪式): whether the name before the ceremony's head names the works (not a
class: 新项目|开工仪式), whether it names only a venue (某地赛区|颁奖仪式: no event of its
own), and one key with and without 项目 before the act.

>>> ceremony_key("某某机场项目竣工仪式") == ceremony_key("某某机场竣工仪式")
True
"""

from __future__ import annotations

import re

from kg.nlp.components.base import open_key
from kg.nlp.components.heads.words import CLASS_DETERMINERS, RANK_WORDS

# a project or facility a ceremony marks a stage of (…机场项目|竣工仪式, …学院竣工|启用仪式)
_WORKS = re.compile(
    r"(?:项目|工程|大桥|桥|机场|铁路|公路|港口|港|码头|隧道|电站|基地|园区|学院|医院|学校|大学|"
    r"中心|大厦|工厂|厂|管道|线)(?:一期|二期|三期|首期)?"
    r"(?:竣工|开工|建设|全面建设)?\Z"
)
# what opens a class, not a name (新项目|开工仪式, 一批重大项目|集中开工仪式): the
# determiners and quantifiers (a closed class: 该 这 此 各 本 有关 相关, 一批 一些 多个 首批
# 部分 全部 多项 一个 一项 两个), the adjectives of rank and newness a class is described
# by (新 重大 重点) and the adverb of a joint start (集中)
_DETERMINERS = (
    *CLASS_DETERMINERS, "这", "此", "各", "本", "一批", "多个", "首批", "全部", "多项",
    "一个", "一项", "两个",
)  # fmt: skip
_CLASS_ADJECTIVES = ("新", *RANK_WORDS, "集中")
# and what opens no name at all: a verb of holding (举行|项目开工仪式) or the works noun
# itself (项目|开工仪式)
_NOT_NAME_OPENERS = ("举行", "举办", "召开", "项目")
_CLASS_OPENERS = _DETERMINERS + _CLASS_ADJECTIVES + _NOT_NAME_OPENERS


def ceremony_of_project(norm: str, start: int, hs: int) -> bool:
    """Whether a ceremony's name (head at ``hs``: 竣工仪式, 开工仪式…) names the project
    or facility it marks: at least two characters of name before a works noun (项目, 机场,
    大桥, 学院…), not a class (新项目|开工仪式, 一批重大项目…).

    >>> n = "某某河谷水电站项目竣工仪式"
    >>> ceremony_of_project(n, 0, 9), ceremony_of_project("新项目开工仪式", 0, 3)
    (True, False)
    >>> ceremony_of_project("某某学院竣工启用仪式", 0, 6), ceremony_of_project("开工仪式", 0, 0)
    (True, False)
    """
    m = _WORKS.search(norm, start, hs)
    return (
        m is not None
        and m.start() - start >= 2
        and not norm.startswith(_CLASS_OPENERS, start)
        and HAN_RUN.fullmatch(norm, start, m.start()) is not None
    )


# the venue of a contest before an award ceremony (某地赛区|颁奖仪式): one of the ceremonies
# held there each day, no name of its own
_VENUE_BEFORE = re.compile(r"(?:赛区|赛场|分赛场|场馆|赛道)\Z")


def venue_ceremony(norm: str, start: int, hs: int, head: str) -> bool:
    """Whether an award ceremony is named only by the venue it is held at (某地赛区|颁奖
    仪式): a class of daily ceremonies, not one event.

    >>> venue_ceremony("某地赛区颁奖仪式", 0, 4, "颁奖仪式")
    True
    >>> venue_ceremony("某某奖颁奖仪式", 0, 3, "颁奖仪式")
    False
    """
    return head.startswith("颁奖") and _VENUE_BEFORE.search(norm, start, hs) is not None


HAN_RUN = re.compile(r"[\u4e00-\u9fff（）()·－-]+")


_PROJECT_BEFORE_ACT = re.compile(r"项目(?=[\u4e00-\u9fff]{2}仪式\Z)")


def ceremony_key(name: str) -> str:
    """One key for a ceremony named with and without 项目 before its act (某某机场项目竣工
    仪式 = 某某机场竣工仪式).

    >>> ceremony_key("某某机场项目竣工仪式") == ceremony_key("某某机场竣工仪式")
    True
    """
    return open_key("Event", _PROJECT_BEFORE_ACT.sub("", name))
