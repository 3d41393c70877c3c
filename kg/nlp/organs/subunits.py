"""Sub-units of a known or found body, chained: the body + 1–10 characters + a unit
head (自然资源部国土测绘司, 江西省公安厅治安总队), and a commission's or a
group's 办公室/秘书处 as a body of its own.

>>> SUB.match("国土测绘司").group(1), bool(SUB_BAD_START.match("副部长"))
('国土测绘', True)
"""

from __future__ import annotations

import bisect
import re

from kg.model import Mention
from kg.nlp.organs.shapes import NAME_INTERNAL, STOP_CHARS

# a sub-unit after a body: 1–10 characters then a unit head (lazy: the nearest head;
# longer heads first where one is the end of another)
SUB_HEADS = (
    "中心支行|营业管理部|研究中心|办公室|办公厅|领导小组|工作小组|委员会|指挥部|研究院|研究所|研究室|"
    "派出所|分局|分行|支行|总部|总队|支队|大队|中心|司|局|处|厅"
)
SUB = re.compile(r"([\u4e00-\u9fff]{1,10}?)(?:" + SUB_HEADS + r")(?!长)")
OFFICE = re.compile(r"办公室|秘书处")
# an organ's research institutes and centres are public institutions, no organs: an
# Organization under the body (某部|某某研究所, 某局|信息中心; GUIDELINES: organs are
# state and party organs); a command, training or operations centre is the organ's own
INSTITUTION_HEADS = frozenset({"研究院", "研究所", "研究中心", "中心"})
ORGAN_CENTRE = re.compile("指挥|决策|控制|作战|训练|行动")
# how the names of armed forces end (某军, 某部队, 某战区, 武警某总队): their centres are units
ARMED_FORCE_ENDS = ("军", "部队", "战区", "总队", "舰队")
OFFICE_OWNERS = ("委员会", "领导小组", "工作小组", "联席会议")
# what may not start a sub-unit: a post or a verb right after the body
SUB_BAD_START = re.compile(
    r"(?:副|总|部|局|长|门|属|下|所|内|外|主(?:任|席|管|办|持|要|导|动|体|编|讲)|有|负|新闻发言|发言|会同|联合|牵头|批准)"
)


class SubUnitsMixin:
    """The sub-unit rule of :class:`~kg.nlp.organs.OrganFinder`."""

    def sub_units(self, found: dict, st, bodies: list[Mention], others: list[int]) -> None:
        """Sub-units of ``bodies`` and of the bodies found so far, chained (部 + 研究中心 +
        研究处); ``others``: sorted starts of candidates a sub-unit may not run into."""
        text, norm = st.text, st.norm
        todo = [*bodies, *found.values()]
        seen: set[tuple[int, int]] = set()
        while todo:
            b = todo.pop()
            if (b.start, b.end) in seen:
                continue
            seen.add((b.start, b.end))
            office = OFFICE.match(norm, b.end)
            if office and b.label.endswith(OFFICE_OWNERS):
                # a commission's or a leading group's office is a body of its own
                name = (b.label if b.rule in ("gazetteer", "organ") else b.text) + office.group()
                sub = self.mention(text, b.start, office.end(), name)
                found.setdefault((sub.start, sub.end), sub)
            m = SUB.match(norm, b.end)
            if not m or SUB_BAD_START.match(norm, b.end):
                continue
            mid = m.group(1)
            if any(ch in STOP_CHARS for ch in mid) or any(
                w.group() not in NAME_INTERNAL
                for w in (self.boundary.finditer(mid) if self.boundary else ())
            ):
                continue
            i = bisect.bisect_left(others, b.end)
            if i < len(others) and others[i] < m.end():
                continue  # runs into another name (商务部发展改革委…)
            if m.end() - m.end(1) == 1 and not self.head_is_word_end(m.end() - 1, st):
                continue  # 税务总局查处: 处 ends the verb 查处, not a unit name
            head = norm[m.end(1) : m.end()]
            if head == "中心" and (
                mid.endswith("市") or (mid.endswith("学习") and norm.startswith("组", m.end()))
            ):
                continue  # 某市|中心: the city's centre; 某党组理论学习|中心组: a study group
            base = b.label if b.rule in ("gazetteer", "organ") else b.text
            name = base + text[b.end : m.end()]
            if (
                head in INSTITUTION_HEADS
                and not ORGAN_CENTRE.search(mid)
                # 某军|训练中心: an armed force's unit (not 退役军人事务部|信息中心)
                and not base.endswith(ARMED_FORCE_ENDS)
            ):
                sub = self.institution(text, b.start, m.end(), name)
            else:
                sub = self.mention(text, b.start, m.end(), name)
            found[(sub.start, sub.end)] = sub
            todo.append(sub)
