"""``kg_quantities``: observations — 截至2022年6月，中国网民规模达10.51亿.

Each gives subject (the Country/Body in the clause, else the document's), indicator
(the words before 达/为/…), value normalised to a number (10.51亿 → 1.051e9), unit and
date (2022-06). Growth rates (同比增长21.2%) and shares (比重为39.8%) are observations
too, with unit ``%``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Observation
from kg.nlp.components.base import kgdoc

_SCALE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3, "百": 1e2}
_NUM = r"(\d+(?:\.\d+)?)"
_SCALE_RE = r"(万亿|千亿|百亿|亿|千万|百万|万|千|百)?"
_UNIT_RE = r"(元|美元|人次|人|户|个|台/套|台|套|辆|所|条|门|家|项|吨|千瓦|公里|次|名|件|部|款|GB|TB|%)?"
_DATE = re.compile(r"(?:截至|截止|到)?((?:19|20)\d{2})年(?:(\d{1,2})月)?(底|末|初)?")
_VERB = r"(?:达到|达|为|超过|突破|提升到|提高到|增长到|增至|升至|近|约|累计|共)"
_LEVEL = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{2,16}?)" + _VERB + r"+" + _NUM + _SCALE_RE + _UNIT_RE)
_GROWTH = re.compile(r"(同比|比上年|环比|年均)?(增长|下降|提高|减少)" + _NUM + r"%")
_DIGIT = re.compile(r"\d")
_SUBJECT_TYPES = {"Country", "GovernmentBody", "Ministry", "Location", "Organization"}


def to_number(num: str, scale: str | None) -> float:
    """10.51 + 亿 → 1.051e9.

    >>> to_number("10.51", "亿")
    1051000000.0
    """
    return round(float(num) * _SCALE.get(scale or "", 1.0), 6)


class Quantities:
    """Observations from 截至…达… sentences, amounts, shares and growth rates."""

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text, norm = st.text, st.norm
        obs: list[Observation] = []
        for s, e in st.sents:
            sentence = text[s:e]
            if _DIGIT.search(norm, s, e) is None:
                continue
            date = None
            dm = _DATE.search(norm, s, e)
            subj = None
            for m in st.mentions:
                if m.start >= e:
                    break
                if m.start >= s and m.type in _SUBJECT_TYPES:
                    subj = m.key
                    break
            last_indicator = None
            for m in _LEVEL.finditer(norm, s, e):
                indicator = m.group(1)
                # drop a leading subject or date from the indicator
                if dm and dm.end() > m.start(1) and dm.end() < m.end(1):
                    indicator = norm[dm.end() : m.end(1)]
                for pre in ("中国", "我国", "全国", "，", "其中"):
                    if indicator.startswith(pre) and len(indicator) > len(pre) + 1:
                        indicator = indicator[len(pre) :]
                if dm and m.start() >= dm.start():
                    y, mo = dm.group(1), dm.group(2)
                    date = f"{y}-{int(mo):02d}" if mo else y
                unit = m.group(4) or ""
                value = to_number(m.group(2), m.group(3))
                kind = "share" if unit == "%" else "level"
                last_indicator = indicator
                obs.append(
                    Observation(subj, indicator, value, unit, date, m.group(0)[len(m.group(1)) :],
                                m.start(2), m.end(), s, e, sentence, "level", kind)
                )
            for m in _GROWTH.finditer(norm, s, e):
                sign = -1.0 if m.group(2) in ("下降", "减少") else 1.0
                indicator = (last_indicator or "") + (m.group(1) or "") + m.group(2)
                obs.append(
                    Observation(subj, indicator, sign * float(m.group(3)), "%", date, m.group(0),
                                m.start(), m.end(), s, e, sentence, "growth", "growth")
                )
        st.observations = obs
        return doc


@Language.factory("kg_quantities", default_config={"gazetteer_dir": None})
def make_quantities(nlp: Language, name: str, gazetteer_dir: str | None) -> Quantities:
    return Quantities()
