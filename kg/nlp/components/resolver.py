"""``kg_resolver``: from overlapping candidates to one mention per name, one key per thing.

1. Overlaps: a candidate inside a longer one is dropped, except a Country,
   Organization, GovernmentBody, Location or Person inside an Event, Program or Law name
   (中国—东盟青年创业合作年 also mentions 中国 and 东盟), but not the 中华人民共和国 that
   opens a law title; a known programme or event quoted inside one (第二届“一带一路”X大会);
   the event that names an organising committee (X运动会组委会). Crossing candidates:
   higher rule priority, then longer, wins.
2. Definitions: （以下简称《种子法》）/（简称“…”） after a mention make the short form
   an alias of that mention's entity; later uses of it resolve there.
3. Within a document, X and 中华人民共和国X / 中国X of the same type are one entity.
4. Nominal organ references (法院, 当地政府, 市教委; ``doc._.kg.nominal_candidates``) that
   no mention or at least as long candidate overlaps go to ``doc._.kg.nominals``, never to
   the mentions: they name no one body, so they are no graph nodes.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import PRC_NAME, EntityInfo, Mention
from kg.nlp.components.base import PRIORITY, KGDoc, kgdoc
from kg.nlp.components.heads.words import EDITION_TEXT, YEAR_TEXT
from kg.nlp.gazetteer import Gazetteer, load_gazetteer
from kg.nlp.text import norm_name

_NESTABLE_INNER = {"Country", "Organization", "GovernmentBody", "Ministry", "Location", "Person"}
_NESTABLE_OUTER = {"Event", "Program", "Law"}
# （以下简称《种子法》） right after a name, or after the 》/” that closes it
_DEFINITION = re.compile(
    r"[》”\"]?[（(](?:以下|下文)?(?:简称|称)(?:为)?[：:]?[“《\"]?([^“”《》\"（）()]{1,20})[”》\"]?[）)]"
)
_CN_PREFIX = (PRC_NAME, "中国")
# a year inside an event's name, after its host city (北京|2022年|冬奥会 = 北京冬奥会)
_INNER_YEAR = re.compile(rf"([\u4e00-\u9fff]{{2,}}?){YEAR_TEXT}年?([\u4e00-\u9fff]{{2,}})")
# an edition that opens an event's name (2024年第三届, 首届)
_EDITION_ONLY = re.compile(EDITION_TEXT)
# dashes that the name folding turns into —: a name written with another keeps that form
# as an alias too; quote marks and spaces are no part of it
_DASH = re.compile(r"[-－–‐‑−]")
_QUOTE_OR_SPACE = re.compile(r"[“”‘’\"'《》\s]")
_JURISDICTION = frozenset({"Country", "Location", "Person"})
MAX_EXAMPLES = 3


def _titled_gathering(text: str, k: Mention, c: Mention) -> bool:
    """An event named after the title that opens it (《某某公约》第五次缔约方大会, 《某某》第二卷
    推介会): the law or programme of the whole title is a mention too."""
    return (
        k.type == "Event"
        and c.type in ("Law", "Program")
        and c.start == k.start + 1
        and text[k.start] == "《"
        and text[c.end : c.end + 1] == "》"
    )


def _quoted_known(text: str, c: Mention) -> bool:
    """A known programme or event quoted inside a longer name: 第二届“一带一路”X大会
    also mentions 一带一路 (the quotes mark it as a name of its own)."""
    return (
        c.rule == "gazetteer"
        and c.type in ("Program", "Event")
        and 0 < c.start
        and c.end < len(text)
        and text[c.start - 1] in '“"‘'
        and text[c.end] in '”"’'
    )


def _opens_with_known(k: Mention, c: Mention) -> bool:
    """Whether the known ``c`` opens the composed name ``k`` (after an edition, if any):
    an organisation opening its unit (rule "organ"), a programme or event opening a plan
    or event a pattern read (rule "pattern"; 北斗|…推广行动, 北斗|…国际峰会)."""
    if c.rule != "gazetteer" or not (
        c.start == k.start or _EDITION_ONLY.fullmatch(k.text, 0, c.start - k.start)
    ):
        return False  # (after an edition: 第二届|北斗…峰会 also mentions 北斗)
    if k.rule == "organ":
        return c.type == "Organization" and k.type == "Organization"
    return (
        k.rule == "pattern"
        and c.key != k.key
        and (c.type == k.type or c.type == "Program")
        and k.type in ("Program", "Event")
    )


def _names_known_inside(
    st: KGDoc, k: Mention, c: Mention, proposals: tuple[str, ...]
) -> bool:
    """Whether the event or programme ``c`` inside the longer ``k`` is a name of its own
    (a name nested in another counts when it is itself an entity): the meeting whose spirit
    a gathering studies (学习贯彻某全会|精神…报告会); the event a press conference or
    ceremony is held for (北京冬残奥会|新闻发布会); a known plan a proposal's title or an
    event's name cites (《某某关于制定|某五年规划|的建议》, “完成|‘某’规划|”…发布会)."""
    if c.type == k.type == "Event" and (c.start == k.start or st.norm.startswith("精神", c.end)):
        return True
    return (
        c.rule == "gazetteer"
        and c.type == "Program"
        and (k.type == "Event" or (k.rule == "title" and k.text.endswith(proposals)))
    )


def _contains(a: Mention, b: Mention) -> bool:
    return a.start <= b.start and b.end <= a.end and (a.end - a.start) > (b.end - b.start)


class Resolver:
    """Final mentions, document-defined aliases and the document's entity table."""

    def __init__(self, gazetteer: Gazetteer, set_spans: bool = True) -> None:
        self.gaz = gazetteer
        self.set_spans = set_spans

    def _select(self, st: KGDoc) -> list[Mention]:
        cands = [c for c in st.candidates if norm_name(c.text) not in self.gaz.not_entities]
        cands.sort(key=lambda m: (-(m.end - m.start), -PRIORITY.get(m.rule, 0), m.start))
        kept: list[Mention] = []
        # the kept mentions' starts, sorted, with their places in ``kept``: a candidate is
        # compared only with the kept mentions that may overlap it (those starting less
        # than the longest kept length before it), in the order they were kept
        starts: list[tuple[int, int]] = []
        longest = 0
        for c in cands:
            ok = True
            lo = bisect.bisect_right(starts, (c.start - longest, len(kept)))
            hi = bisect.bisect_left(starts, (c.end, -1))
            near = sorted(i for _, i in starts[lo:hi])
            for i in near:
                k = kept[i]
                if k.end <= c.start or c.end <= k.start:
                    continue
                if _contains(k, c):
                    if (
                        k.rule in ("organ", "lac", "facility")
                        and c.start == k.start
                        and c.type in ("Country", "Location")
                    ):
                        continue  # 美国国防部, 北京市公安局, 某市机场 also mention 美国, 北京市…
                    if k.rule == "event_organ" and c.start == k.start and c.type == "Event":
                        continue  # X运动会组委会 also mentions X运动会
                    if (
                        c.rule == "nested"
                        and c.type in ("Program", "Law")
                        and k.type in ("Program", "Law")
                    ):
                        # 某某法|实施条例 also mentions 某某法, a programme's title quoting
                        # 〈某某法〉 the law (heads/nested_laws); 关于实施|某某战略|的意见,
                        # the programme (heads/nested_programmes)
                        continue
                    if _titled_gathering(st.text, k, c):
                        continue  # 《某某条例》学习座谈会 also mentions the 条例
                    if _names_known_inside(st, k, c, self.gaz.proposal_heads):
                        continue
                    if _opens_with_known(k, c):
                        continue  # X组织华东联络办公室, X新区国土空间规划: the unit or
                        # plan names the known one it belongs to
                    if (
                        (c.type in _NESTABLE_INNER or _quoted_known(st.text, c))
                        and k.type in _NESTABLE_OUTER
                        # a law title opens with its jurisdiction (中华人民共和国X法, 北京市X条例:
                        # not a mention) or its issuer (国务院X委员会关于…: a mention)
                        and not (k.type == "Law" and c.start == k.start and c.type in _JURISDICTION)
                    ):
                        continue
                    ok = False
                    break
                if k.start == c.start and k.end == c.end:
                    ok = False
                    break
                # crossing: the kept one is at least as long; priority decides ties
                if PRIORITY.get(c.rule, 0) <= PRIORITY.get(k.rule, 0) or (k.end - k.start) > (
                    c.end - c.start
                ):
                    ok = False
                    break
            if ok:
                bisect.insort(starts, (c.start, len(kept)))
                kept.append(c)
                longest = max(longest, c.end - c.start)
        kept.sort(key=lambda m: (m.start, m.end))
        return kept

    def _definitions(self, st: KGDoc, kept: list[Mention]) -> list[Mention]:
        text, norm = st.text, st.norm
        defs: dict[str, Mention] = {}
        for m in kept:
            d = _DEFINITION.match(norm, m.end)
            if d:
                short = norm_name(d.group(1))
                if short in self.gaz.not_entities or len(short) < 2:
                    continue  # （以下简称本法）: not a name
                if short and short != norm_name(m.label):
                    defs[short] = m
                    st.definitions[short] = m.key
        if not defs:
            return kept
        # remap existing mentions of the short form; add uses no recogniser found
        covered = [(m.start, m.end) for m in kept]
        out = []
        for m in kept:
            target = defs.get(norm_name(m.text))
            if target is not None and target.key != m.key:
                m = Mention(
                    m.start, m.end, m.text, target.type, target.key, target.label, "definition"
                )
            out.append(m)
        for short, target in defs.items():
            i = norm.find(short)
            while i >= 0:
                j = i + len(short)
                if not any(s <= i < e or s < j <= e for s, e in covered):
                    out.append(
                        Mention(
                            i, j, text[i:j], target.type, target.key, target.label, "definition"
                        )
                    )
                i = norm.find(short, j)
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def _merge_prefixed(self, mentions: list[Mention]) -> list[Mention]:
        """中华人民共和国X / 中国X and X of one type in one document, and an event named with
        and without the year after its host city (北京2022年冬奥会, 北京冬奥会): one entity."""
        by_label: dict[tuple[str, str], Mention] = {}
        for m in mentions:
            by_label.setdefault((m.type, norm_name(m.label)), m)
        remap: dict[str, Mention] = {}
        for (type_, label), m in by_label.items():
            shorts = [label[len(p) :] for p in _CN_PREFIX if label.startswith(p)]
            if type_ == "Event" and (y := _INNER_YEAR.fullmatch(label)):
                shorts.append(y.group(1) + y.group(2))
            for s in shorts:
                if len(s) >= 2:
                    short = by_label.get((type_, s))
                    if short is not None and short.key != m.key:
                        # prefer the gazetteer's key, else the fuller name
                        if short.rule == "gazetteer" and m.rule != "gazetteer":
                            remap[m.key] = short
                        else:
                            remap[short.key] = m
        if not remap:
            return mentions
        return [
            Mention(
                m.start,
                m.end,
                m.text,
                remap[m.key].type,
                remap[m.key].key,
                remap[m.key].label,
                m.rule,
            )
            if m.key in remap
            else m
            for m in mentions
        ]

    def _short_titles(self, mentions: list[Mention]) -> list[Mention]:
        """《行动计划》 after 《森林防火行动计划》: a short title that ends exactly one longer
        title of the same type in the document denotes it; a bare head word (《规划》,
        《条例》) that denotes no title of the document is dropped."""
        labels: dict[str, dict[str, Mention]] = {}
        for m in mentions:
            if m.type in ("Law", "Program"):
                labels.setdefault(m.type, {}).setdefault(norm_name(m.label), m)
        if not labels:
            return mentions
        out = []
        for m in mentions:
            if (
                m.type not in labels
                or m.rule not in ("title", "pattern")
                or m.key in self.gaz.entries
            ):
                out.append(m)
                continue
            short = norm_name(m.label)
            longer = [
                t
                for lab, t in labels[m.type].items()
                if len(lab) > len(short) and lab.endswith(short)
            ]
            keys = {t.key for t in longer}
            if len(keys) == 1:
                t = longer[0]
                out.append(Mention(m.start, m.end, m.text, t.type, t.key, t.label, "definition"))
            elif self.gaz.head_type(short) and self.gaz.head_type(short)[0] == short:
                continue  # 《规划》 alone: a generic reference
            else:
                out.append(m)
        return out

    @staticmethod
    def _nominals(st: KGDoc, kept: list[Mention]) -> list[Mention]:
        """Nominal candidates that overlap no kept mention nor a longer candidate (政府 of
        政府工作报告, 法院 of 最高人民法院): they are no graph entities, so they are kept
        apart from the mentions."""
        if not st.nominal_candidates:
            return []
        # kept mentions block any overlapping nominal; other candidates only when longer
        spans = sorted(
            {(c.start, c.end, 0) for c in kept} | {(c.start, c.end, 1) for c in st.candidates}
        )
        starts = [s for s, _, _ in spans]
        max_len = max((e - s for s, e, _ in spans), default=0)
        out = []
        for n in st.nominal_candidates:
            lo = bisect.bisect_left(starts, n.start - max_len)
            hi = bisect.bisect_left(starts, n.end)
            if any(
                spans[i][1] > n.start
                and (spans[i][2] == 0 or spans[i][1] - spans[i][0] > n.end - n.start)
                for i in range(lo, hi)
            ):
                continue
            out.append(n)
        return out

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        kept = self._select(st)
        kept = self._definitions(st, kept)
        kept = self._merge_prefixed(kept)
        kept = self._short_titles(kept)
        st.mentions = kept
        st.nominals = self._nominals(st, kept)
        ents: dict[str, EntityInfo] = {}
        for m in kept:
            e = ents.get(m.key)
            if e is None:
                e = ents[m.key] = EntityInfo(m.key, m.type, m.label)
            e.count += 1
            surface = norm_name(m.text)
            if surface != norm_name(e.label) and surface not in e.aliases:
                e.aliases.append(surface)
            raw = _QUOTE_OR_SPACE.sub("", m.text)
            if raw != surface and raw != e.label and _DASH.search(raw) and raw not in e.aliases:
                e.aliases.append(raw)  # （2026－2035年）as written, not only as folded
            if len(e.examples) < MAX_EXAMPLES:
                s, t = st.sent_of(m.start)
                if not e.examples or e.examples[-1][0] != s:
                    e.examples.append((s, t, st.text[s:t]))
        for short, key in st.definitions.items():
            if (
                key in ents
                and short not in ents[key].aliases
                and short != norm_name(ents[key].label)
            ):
                ents[key].aliases.append(short)
        st.entities = ents
        if self.set_spans:
            spans = []
            for m in kept:
                sp = doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand")
                if sp is not None:
                    spans.append(sp)
            doc.spans["kg"] = spans
        return doc


@Language.factory("kg_resolver", default_config={"gazetteer_dir": None, "set_spans": True})
def make_resolver(nlp: Language, name: str, gazetteer_dir: str | None, set_spans: bool) -> Resolver:
    return Resolver(load_gazetteer(gazetteer_dir), set_spans)
