"""``kg_quantities``: observations — 截至2022年6月，中国网民规模达10.51亿.

One regex pass over the document finds numbers with a scale or a unit (10.51亿,
45.5万亿元, 185.4万个, 39.8%); for each, the clause before it names the indicator
(网民规模), a date phrase of the sentence gives the date (截至2022年6月 → ``2022-06``,
2021年底 → ``2021-12``), an entity that opens the indicator gives the subject (中国 →
``country/CHN``; else 全国/我国 or nothing → the document's country when it has a clear
one). Values are normalised (10.51亿 → 1.051e9, 15500亿元 → 1.55e12, unit ``元``).

- ``kind="level"``: an amount or count (unit 元, 个, 人次… or none: 网民规模达10.51亿);
- ``kind="share"``: a percentage level (互联网普及率提升到74.4%); 占…比重 takes the
  indicator of the amount before it (数字经济规模占国内生产总值比重);
- ``kind="growth"``: 同比增长21.2%, 比上年下降3%, 提高2个百分点 — the indicator is what
  grew: the amount stated before it in the sentence (规模以上互联网和相关服务企业业务收入).

A count with no unit word takes the unit its indicator implies (网民规模 → 人, 用户数 → 户).
``qualifier`` keeps 超过/突破/以上/多 (``>``) and 近/约/左右 (``~``). Numbers inside
entity names (国家24365大学生就业服务平台), dates, ordinals and model names (5G) are not
quantities; a number that modifies a following noun (超过790万辆道路营运车辆) is skipped.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Observation
from kg.nlp.components.base import KGDoc, kgdoc
from kg.nlp.gazetteer import Gazetteer, load_gazetteer

_SCALE = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
    "千": 10**3,
}
_UNITS = (
    "亿元",
    "万元",
    "元",
    "美元",
    "欧元",
    "人民币",
    "人次",
    "万人",
    "人",
    "户",
    "个百分点",
    "个",
    "台/套",
    "台（套）",
    "台",
    "套",
    "辆",
    "所",
    "条",
    "门",
    "家",
    "项",
    "吨",
    "千瓦时",
    "千瓦",
    "万千瓦",
    "公里",
    "千米",
    "平方米",
    "平方公里",
    "亩",
    "公顷",
    "立方米",
    "次",
    "名",
    "件",
    "部",
    "款",
    "场",
    "座",
    "处",
    "张",
    "册",
    "篇",
    "份",
    "笔",
    "宗",
    "批",
    "类",
    "种",
    "倍",
    "GB",
    "TB",
    "PB",
    "%",
)
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# a number with a scale or a unit (only those: the regex engine skips other digits fast)
_NUM = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:(?P<scale>万亿|千亿|百亿|亿|千万|百万|万|千)(?P<q2>多|余)?"
    rf"(?P<unit>{_UNIT_ALT})?|(?P<q2b>多|余)?(?P<unit2>{_UNIT_ALT}))(?P<q3>以上|左右|多)?"
)
_DIGITS = re.compile(r"\d+")


def _numbers(norm: str) -> list[re.Match[str]]:
    """``_NUM.finditer(norm)``, tried only where a run of digits starts (~2× faster than
    the scan). A match cannot start inside a run: the number part takes the whole run
    whatever digit it starts at, so a start inside fails when the run's start failed; and
    a match ends with a non-digit, so no run straddles its end."""
    out: list[re.Match[str]] = []
    last = 0
    for start in digit_runs(norm):
        if start >= last:
            m = _NUM.match(norm, start)
            if m:
                out.append(m)
                last = m.end()
    return out


def digit_runs(norm: str) -> list[int]:
    """Where each run of ``\\d`` (a decimal digit of any script) starts, as
    ``_DIGITS.finditer`` finds them, from a table of the digits (a fifth of the time).

    >>> digit_runs("第12条、第3款和٣4项")
    [1, 6, 9]
    """
    codes = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not len(codes) or codes.max() > 0xFFFF:  # the table covers the BMP only
        return [r.start() for r in _DIGITS.finditer(norm)]
    d = _decimal_table().take(codes)
    starts = np.flatnonzero(d[1:] > d[:-1]) + 1
    return ([0] if d[0] else []) + starts.tolist()


@lru_cache(maxsize=1)
def _decimal_table() -> np.ndarray:
    """For each character of the Basic Multilingual Plane, whether ``\\d`` matches it."""
    bmp = "".join(map(chr, range(0x10000)))
    table = np.zeros(0x10000, dtype=bool)
    table[[m.start() for m in re.finditer(r"\d", bmp)]] = True
    return table


# what may not follow a quantity's number (a date, an ordinal, a name: 5G, 2021年)
_NOT_QTY = re.compile(r"[年月日号届期版代GgMmKkXx\-—:：/]|周年|世纪|季度|小时|时|分|秒|岁")
_DATE = re.compile(
    r"(?P<pre>截至|截止|截止到|到)?(?P<y>(?:19|20)\d{2})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?)?(?P<part>底|末|初|上半年|前三季度)?"
)
_LEVEL_VERB = re.compile(
    r"(?:将|已经|已|均|分别|累计|共|总计|合计|全年|预计|可|还)*(?:达到|达|为|是|超过|突破|提升到|提升至|提高到|提高至|"
    r"增长到|增长至|增至|升至|上升到|上升至|降至|降到|下降到|下降至|减少到|减少至|增加到|增加至|扩大到|扩大至|实现|完成|近|约|逾|"
    r"接近|不到|不足|高达|仅|共|累计|控制在|稳定在|保持在|预期|要|拟)*$"
)
_GROWTH = re.compile(
    r"(?P<cmp>同比|比上年同期|比上年|比去年同期|比去年|比上月|环比|年均|比[^，,；;。、]{1,8}?)?"
    r"(?P<dir>增长|下降|提高|提升|减少|增加|上涨|下跌|回落|降低|上升|扩大)(?:了)?(?P<q>超过|近|约|逾)?$"
)
_LEAD = re.compile(
    r"^(?:[\s“”\"'《》]|据[^，,]{1,16}?(?:统计|测算|显示)|其中|此外|同时|另外|截至|截止|到|"
    r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|初|以来|上半年)?|全年|当年|目前|现在|今年|明年|去年|上年|"
    r"今后|但|而|并|再)+"
)
_EMBEDDED_DATE = re.compile(r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底|末|初)?")
_INNER_VERB = re.compile(r"(?<=[\u4e00-\u9fff])(?:完成|实现)(?=[\u4e00-\u9fff])")
_TRAIL = re.compile(r"(?:的|将|占|已|已经|还|也|要|可|均|共|只|仅|分别|都|预期|实际|拟|再)+$")
_STRIP_HEAD = re.compile(r"^(?:累计|共|总计|合计|已|均|全年)+")
_SEP = "，,；;：:。！？!?\n"
_SUBJECT_TYPES = frozenset({"Country", "GovernmentBody", "Ministry", "Organization", "Location"})
_NATIONAL = ("全国", "我国", "全国范围内")
_GT = frozenset({"超过", "突破", "逾", "以上", "多", "余", "高达"})
_APPROX = frozenset({"近", "约", "左右", "接近"})


# a count with no unit word takes the unit its indicator implies (网民规模达10.51亿 → 人)
_IMPLIED_UNITS = (("网民", "人"), ("人口", "人"), ("人数", "人"), ("用户", "户"), ("户数", "户"))


def _implied_unit(indicator: str) -> str:
    """网民规模 → 人, 5G移动电话用户数 → 户; else no unit."""
    for word, unit in _IMPLIED_UNITS:
        if word in indicator:
            return unit
    return ""


def to_number(num: str, scale: str | None) -> float:
    """10.51 + 亿 → 1.051e9 (exact decimal arithmetic, then float).

    >>> to_number("10.51", "亿")
    1051000000.0
    >>> to_number("2.05", "万亿")
    2050000000000.0
    """
    try:
        d = Decimal(num.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return float("nan")
    return float(d * _SCALE.get(scale or "", 1))


def _date(m: re.Match) -> str:
    y, mo, part = m.group("y"), m.group("m"), m.group("part")
    if mo:
        return f"{y}-{int(mo):02d}"
    if part in ("底", "末"):
        return f"{y}-12"
    return y


class Quantities:
    """Observations from 截至…达… sentences, amounts, shares and growth rates."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer

    def _doc_country(self, st: KGDoc) -> str | None:
        counts: dict[str, int] = {}
        for m in st.mentions:
            if m.type == "Country":
                counts[m.key] = counts.get(m.key, 0) + 1
        if not counts:
            return None
        top = max(counts, key=lambda k: counts[k])
        total = sum(counts.values())
        return top if counts[top] >= 3 and counts[top] * 2 > total else None

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text, norm = st.text, st.norm
        obs: list[Observation] = []
        cands = _numbers(norm)
        if not cands:
            st.observations = obs
            return doc
        mstarts = [m.start for m in st.mentions]
        sent_starts = [s for s, _ in st.sents]
        doc_country: list[str | None] = []  # computed on first need

        def country() -> str | None:
            if not doc_country:
                doc_country.append(self._doc_country(st))
            return doc_country[0]

        def inside_mention(a: int, b: int):
            k = bisect.bisect_right(mstarts, a) - 1
            while k >= 0 and k > bisect.bisect_right(mstarts, a) - 4:
                mm = st.mentions[k]
                if mm.start <= a and b <= mm.end:
                    return mm
                k -= 1
            return None

        cur_sent = -1
        prev_end, prev_sent = 0, -1
        last_level: str | None = None
        sent_date: str | None = None
        sent_subject: str | None = None
        for m in cands:
            ns, ne = m.start(), m.end()
            before = norm[ns - 1 : ns] if ns else ""
            if before and (
                before.isdigit() or before in ".," or (before.isascii() and before.isalpha())
            ):
                continue  # inside a longer token: SRv6, 1.2.3
            unit = m.group("unit") or m.group("unit2") or ""
            after = norm[ne : ne + 2]
            if _NOT_QTY.match(after) and not unit:
                continue
            if (
                unit != "%"
                and after[:1]
                and "\u4e00" <= after[:1] <= "\u9fff"
                and after[:1] not in "，、和及与等"
            ):
                continue  # 超过790万辆道路营运车辆: the number modifies a noun
            if after[:1] == "的":
                continue  # 99.5%的中小学
            if inside_mention(ns, ne) is not None:
                continue
            si = bisect.bisect_right(sent_starts, ns) - 1
            if si < 0:
                continue
            s, e = st.sents[si]
            if si != cur_sent:
                cur_sent = si
                last_level = None
                sent_date, sent_subject = self._sentence_context(st, s, e)
            # the clause before the number (after the previous quantity: 资源3.4万条、精品课6628门)
            cs = max(norm.rfind(c, s, ns) for c in _SEP) + 1
            cs = max(cs, s, prev_end if prev_sent == si else s)
            raw = norm[cs:ns]
            scale = m.group("scale")
            quals = {m.group("q2"), m.group("q2b"), m.group("q3")}
            gm = _GROWTH.search(raw) if unit in ("%", "个百分点") else None
            date = sent_date
            dm = _EMBEDDED_DATE.search(raw)
            if dm is not None and date is None:
                date = sent_date = _date(_DATE.match(raw, dm.start()))
            if gm is not None:
                kind = "growth"
                quals.add(gm.group("q"))
                ind_raw = raw[: gm.start()]
                indicator, subj = self._indicator(st, cs, ind_raw)
                if not indicator:
                    indicator = last_level
                if not indicator:
                    continue
                value = to_number(m.group("num"), None)
                if gm.group("dir") in ("下降", "减少", "下跌", "回落", "降低"):
                    value = -value
                rule = "growth"
                sstart = cs + gm.start("dir") if not gm.group("cmp") else cs + gm.start()
            else:
                vm = _LEVEL_VERB.search(raw)
                verb = raw[vm.start() :] if vm else ""
                for q in ("超过", "突破", "逾", "近", "约", "接近", "高达"):
                    if q in verb:
                        quals.add(q)
                indicator, subj = self._indicator(st, cs, raw[: vm.start()] if vm else raw)
                if not indicator:
                    continue
                if indicator.startswith("占") and last_level:
                    indicator = last_level + indicator
                kind = "share" if unit == "%" else "level"
                value = to_number(m.group("num"), scale)
                if unit in ("亿元", "万元"):
                    value = to_number(m.group("num"), unit[0])
                    unit = "元"
                elif unit == "万人":
                    value = to_number(m.group("num"), "万")
                    unit = "人"
                elif unit == "万千瓦":
                    value = to_number(m.group("num"), "万")
                    unit = "千瓦"
                rule = "level"
                sstart = cs + vm.start() if vm and vm.end() > vm.start() else ns
                if kind == "level":
                    last_level = indicator
            prev_end, prev_sent = ne, si
            qualifier = ">" if quals & _GT else "~" if quals & _APPROX else None
            if not unit and kind == "level":
                unit = _implied_unit(indicator)
            subject = subj or sent_subject or country()
            obs.append(
                Observation(
                    subject,
                    indicator,
                    value,
                    unit,
                    date,
                    text[sstart:ne],
                    ns,
                    ne,
                    s,
                    e,
                    text[s:e],
                    rule,
                    kind,
                    qualifier,
                )
            )
        st.observations = obs
        return doc

    def _sentence_context(self, st: KGDoc, s: int, e: int) -> tuple[str | None, str | None]:
        """The sentence's date (截至2022年6月, 2021年…) and the subject that opens it."""
        norm = st.norm
        date = None
        for dm in _DATE.finditer(norm, s, e):
            # a date inside a title or name (《…（2018—2020年）》) is not the sentence's
            if any(
                mm.start <= dm.start() < mm.end for mm in st.mentions if mm.start < e and mm.end > s
            ):
                continue
            if norm[dm.end() : dm.end() + 1] in "，, 以" or dm.group("pre") or dm.start() - s <= 2:
                date = _date(dm)
                break
        subject = None
        lead = _LEAD.match(norm, s, e)
        p = lead.end() if lead else s
        for mm in st.mentions:
            if mm.start > p:
                break
            if mm.start == p and mm.type in _SUBJECT_TYPES | {"Program", "Event"}:
                subject = mm.key
                break
        return date, subject

    def _indicator(self, st: KGDoc, cs: int, raw: str) -> tuple[str, str | None]:
        """Clean the words before a number into an indicator; an entity that opens them
        (中国数字经济规模) is the subject."""
        lead = _LEAD.match(raw)
        off = lead.end() if lead else 0
        subj = None
        pos = cs + off
        # an entity at the start: 中国, 北京市…
        for mm in st.mentions:
            if mm.start > pos:
                break
            if mm.start == pos and mm.type in _SUBJECT_TYPES:
                subj = mm.key
                off += mm.end - mm.start
                break
        ind = raw[off:]
        if subj is None and self.gaz is not None:
            # a place or country name the recognisers left inside a longer word (中国网民规模)
            for n in (5, 4, 3, 2):
                g = self.gaz.lookup(ind[:n]) if len(ind) > n + 1 else None
                if g is not None and g.type in _SUBJECT_TYPES:
                    subj = g.id
                    ind = ind[n:]
                    break
        for w in _NATIONAL:
            if ind.startswith(w):
                ind = ind[len(w) :]
                break
        ind = _EMBEDDED_DATE.sub("", ind)
        ind = _STRIP_HEAD.sub("", ind.lstrip("、，,和及"))
        ind = re.sub(r"^([\u4e00-\u9fff]{2})了", r"\1", ind)
        ind = _INNER_VERB.sub("", ind)
        if "等" in ind and "、" in ind.rsplit("等", 1)[0]:
            tail = ind.rsplit("等", 1)[1]  # 医疗健康、远程监控等下游运营服务环节产值
            if len(tail) >= 2:
                ind = tail
        ind = re.sub(r"[“”\"'《》\s]|（[^（）]*）|\([^()]*\)", "", ind)
        ind = _TRAIL.sub("", ind)
        if len(ind) < 2 or not re.search(r"[\u4e00-\u9fff]", ind) or ind[0] in "由比同从":
            return "", subj
        return ind[-40:], subj


@Language.factory("kg_quantities", default_config={"gazetteer_dir": None})
def make_quantities(nlp: Language, name: str, gazetteer_dir: str | None) -> Quantities:
    return Quantities(load_gazetteer(gazetteer_dir))
