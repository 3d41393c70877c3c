"""The clause grammar shared by all relation families, compiled from the lexicon.

:class:`Grammar` holds the regexes over masked sentences (what may stand between a
subject and its verb, what opens a clause, what may follow an object…) and reads the
pieces every family needs:

- :meth:`Grammar.classify`: what opens a clause — an agent run (the subject), another
  entity, a pronoun, a verb (no overt subject)…
- :meth:`Grammar.objects`: the coordinated entities right after a verb;
- :meth:`Grammar.modality`: planned / ongoing / negated / causative from the words
  between subject and verb.

>>> from kg.nlp.relations.lexicon import load_lexicon
>>> g = Grammar(load_lexicon())
>>> g.modality(("将",))
('planned', False, False)
>>> g.modality(("未",))[1]
True
"""

from __future__ import annotations

import bisect
import re

from kg.nlp.relations.lexicon import Lexicon, alt
from kg.nlp.relations.masking import (
    AG,
    AGENTS,
    AGL,
    AGL_TYPES,
    COUNT_NOUN,
    END,
    JOINER_ALT,
    LIST_JOINERS,
    LIST_SEP,
    MASKED,
    NOQ,
    ORDINAL,
    QUOTES,
    SEP,
    TIME,
    VERB_LED,
    Unit,
    titled,
)
from kg.nlp.text import jieba_tags

_QUANTIFIED = re.compile(
    r"一批|一系列|若干|多项|一些|各类|各项|多个|一大批|两批|新一批|[一二三四五六七八九十两几\d]+[个项批类大]"
)
_COOP_PREV = frozenset("与同跟和助手")
#: the heads of programmes a class may share with a named one in a list (``_class_item``)
_CLASS_HEADS = frozenset({"战略", "工程", "计划", "行动", "规划", "政策"})
_SIGN = frozenset({"签署", "签订"})
#: the heads that end an unnamed measure before a named programme (``_measure_item``)
_MEASURE_HEADS = frozenset({"纲要", "规划", "制度", "工程", "计划", "行动", "战略", "政策"})


#: posts listed before a person (中共中央政治局常委、国务委员、某部部长某某): each a
#: body, country or organisation (or none) and a few words, ending with 、; a person follows
_POSTS_BEFORE = r"(?:(?:[\ue010-\ue012]\ue01f*)?[^，,；;：:。！？!?\n\ue010-\ue01f、]{1,10}、)+"
_POST_LEAD = re.compile(_POSTS_BEFORE + r"(?=\ue013)")


_OPEN_QUOTES = "“「『"
#: tails that give the time of the act, and the characters that make them a noun instead
_TIME_TAILS = ("时", "后")
#: the nouns of a programme's own work between the names of a list (实施“甲”建设和“乙”
#: 工作, 落实“甲”政策、“乙”政策), and the joiners after them
NAME_NOUNS = ("建设", "工作", "政策")
_TIME_NOUN_2ND = "间代期刻效段续来方面台"
#: the rest of a quoted name after its opening quote: a few words, no unit, no clause end
_QUOTED_REST = re.compile(f"[^{SEP}{END}{MASKED}“”「」『』]{{1,16}}[”」』]")


#: what a speaker does at an event besides speaking (在X上宣布…: he took part in X)
ANNOUNCE = frozenset({"宣布", "发布", "宣示", "宣告"})  # 在X上，A宣布…: one who announces there
#: how a speaker says it at an event (在X上郑重宣布, 庄严宣示)
SOLEMN = ("郑重", "庄严", "庄重")
#: 在X上当选… / 在X上夺得…: one elected at a session, or who wins at a contest, took part
#: in it (当选 also gives the post taken up: ``posts.elected_posts``)
ELECTED = frozenset({"当选", "全票当选", "高票当选", "夺得", "摘得", "夺冠", "获胜"})
#: 在X上，A致辞: the speaker after the comma (a cue only right after an event)
EVENT_COMMA = "上，"
#: what stands between an event and a speech word (在X上表示, 在X上发表的重要讲话)
_TALK_BEFORE = ("上", "期间", "之际", "上的", "上的重要", "上重要", "上的主旨", "上主旨",
                "上发表的", "上发表的重要", "上发表的主旨", "上所作的", "上作的")  # fmt: skip


#: a programme named by its count in 大 and its field (五大协作行动, 十大重点节能工程)
_PACKAGE = re.compile("[二三四五六七八九十百]+大")


#: talks before a joint act (同某某举行会谈并|共同主持X)
_TALKS_THEN = "(?:举行)?(?:会谈|会晤)并"
#: a group of partners named by its noun, closing a list of named ones (及某联盟各国,
#: 等非洲国家, 和“某某小组”成员国)
_GROUP = f"(?:等|及|和|以及|、)[^{SEP}{END}]{{0,12}}?(?:各国|成员国|国家|各方)"


#: the executors a body deploys or asks to act, named by their class (部署全国公安机关|
#: 要求各地各新闻单位|开展X): no entity, so the body carries its campaign out through them
_DEPLOYED = (
    f"(?:部署|要求|组织|指导|督促|动员)[^{SEP}{END}{MASKED}]{{0,8}}?"
    "(?:机关|部门|单位|高校|学校|地方|各地|机构|系统)"
)


#: a concept (…理念, …主张) that no list names, coordinated before the verb's named objects:
#: the verb governs them too (提出构建某某共同体理念和|X倡议、Y倡议)
_CONCEPT_FIRST = re.compile(r"[\u4e00-\u9fff]{2,12}(?:理念|主张)(?:和|、|以及)")
#: the first members of a 、-list that shares the named one's head or that no recogniser
#: read (实施大气、水、|土壤污染防治行动计划; 推进西部开发、东北振兴、|中部崛起): short
#: bare words, each closed by 、 (not 和/及: 保护和|修复工程 is one name cut), no 的, no
#: number (一批、|X: a class)
_LISTED_FIRST = re.compile(r"(?:[\u4e00-\u9fff]{1,6}、){1,3}")
_NOT_LISTED = re.compile("[的和与及或一二三四五六七八九十百千万批些项个种类]")
#: what closes such a list after its named member: the rest of the list (more joined
#: members of one to six characters, named or not: 东北振兴|、中部崛起、东部率先发展), then
#: the clause's end or mark, 等, or the list's works (…走廊|建设, …会|筹办|筹备); not more
#: words of a longer item after the named one or after the list's last member
#: (长江经济带|重大生态修复; 湿地保护、长江经济带、黄河流域|重大生态修复工程)
_LISTED_CLOSE = re.compile(
    f"(?:[{QUOTES}]*(?:{JOINER_ALT})[{QUOTES}]*"
    f"(?:[\ue010-\ue017]\ue01f{{0,5}}|[\u4e00-\u9fff]{{1,6}}?))*?"
    f"[{QUOTES}]*(?:[，,。；;：:）)]|等|建设|筹办|筹备|$)"
)
#: 推进“甲”计划同“乙”倡议对接: the subject carries out its own programme, docked with
#: another whose owner the phrase rarely names (乙 is no object of the verb)
_DOCKING = re.compile(f"(?:同|与)[^{SEP}{END}]{{1,30}}?(?:深入|深度|紧密|精准|有效|全面)?对接")
#: a list closed by its count and class noun (实施甲、乙、丙三大战略, 打好甲、乙两大攻坚战):
#: the names before it are its members, the verb's objects
#: (not a longer noun: 三大工程师, 三大工程局)
_COUNTED_CLASS = re.compile(
    "[两三四五六七八九十]大(?:战略|工程|行动|计划|攻坚战)(?![师院局所部处厅会])"
)

#: a delegation, sector or group of a session at work (某某会议|某省代表团审议, …|解放军和
#: 武警部队代表团全体会议, …|某界别联组会): who joins it takes part in the session
_DELEGATION = re.compile(
    f"(?:\ue014\ue01f*|[^{SEP}{END}{MASKED}的]){{0,16}}?(?:代表团|界别|小组)"
    "(?:审议|全体会议|分组讨论|讨论|联组会|会议)"
)

def _event_before(ms: str, p: int) -> bool:
    """Whether the unit that ends at ``p`` of the masked ``ms`` is an event (a session,
    not a body or a party: 参加某党|界别小组讨论 names no session)."""
    i = p - 1
    while i > 0 and ms[i] == "\ue01f":
        i -= 1
    return ms[i : i + 1] == "\ue017"


#: the words that describe a quoted programme before its name (开展某某领域“甲乙”专项行动,
#: 文化科技卫生“三下乡”活动): a short run with no clause mark, list mark, quote or entity
_DESCRIPTION = re.compile(f"[^{SEP}{END}{MASKED}{QUOTES}、]{{1,16}}")


def _described(gap: str, u: Unit) -> bool:
    """Whether ``gap`` (between a verb and the programme ``u``) describes ``u``, a name
    written in quote marks (开展|缉捕某类人员|“某某”专项行动): the verb governs the name
    (the gap's verbs and counts are checked as for any gap)."""
    return u.type == "Program" and u.text[:1] in _OPEN_QUOTES and bool(_DESCRIPTION.fullmatch(gap))


def _quoted(ms: str, u: Unit, base: int) -> bool:
    """Whether ``u`` is written between quote marks (“某某”), all of it."""
    i, j = u.start - base, u.end - base
    return i > 0 and ms[i - 1] in _OPEN_QUOTES and ms[j : j + 1] in "”」』"


class Grammar:
    """Compiled patterns over masked sentences (see the module docstring)."""

    def __init__(
        self,
        lexicon: Lexicon,
        openers: frozenset[str] = frozenset(),
        posts: frozenset[str] = frozenset(),
    ) -> None:
        """Compile the patterns once per pipeline: the trigger words of ``lexicon``, the
        clause ``openers`` (``relation_openers.txt``) and the post titles ``posts`` that
        may follow a person's name."""
        self.lex = lexicon
        self.openers = openers
        # a person's post may follow the name (某某主席在…首倡, 某某总统表示)
        self.post_after = re.compile(alt(posts))
        # (某某同志: how a party member is named)
        person_post = f"(?:\ue013\ue01f*(?:{alt(posts)}|同志)|{AG})" if posts else AG
        self.agent_post = person_post
        # one post title right before the person, after a country or body or none
        # (国家主席某某, 俄罗斯总统某某, 国务委员某某): the person is the subject
        self._post_lead = re.compile(
            f"(?:{_POSTS_BEFORE})?(?:[\ue010-\ue012]\ue01f*)?(?:{alt(posts)})(?=\ue013)"
            if posts
            else "(?!)"
        )
        # 与甲、乙合作 / 与甲国总统某某、乙国首相某某共同出席: the partners are co-subjects;
        # an item with a post is its person (the country only says whose post it is)
        post_alt = alt(posts)
        item = f"(?:[\ue010-\ue012]\ue01f*(?={post_alt}))?(?:{post_alt})?({AG})"
        self.partner_item = re.compile(item)
        partner = item.replace(f"({AG})", AG)  # the same without its group
        # 某部会同乙部印发: the 会同 partners right before the verb share it; a group
        # named by its noun may close the list (同甲国及某联盟各国一道, 同甲国等非洲国家
        # 一道): its members are not named, the body it names is no partner
        self.partners = re.compile(
            f"(?:与|同|跟)(?P<with>(?:{item})(?:(?:、|和|及|以及)(?:{item}))*)(?:{_GROUP})?"
            # 甲同乙举行会谈并共同主持X: the talks' partner chairs X too
            f"(?:{_TALKS_THEN}(?=共同))?(?:合作|一道|一起|共同|联合)"
            # 甲联合乙(等单位)共同发起: the partners of 联合 too
            f"|(?:会同|协同|携同|联合)(?P<jointly>(?:{item})(?:(?:、|和|及|以及)(?:{item}))*)"
            f"(?:等[^{SEP}{END}\ue010-\ue01f]{{0,6}}?)?(?:共同|联合)?$"
        )
        L = lexicon
        trig = set(L.triggers)
        self.trig_words = trig
        # trigger scan: blockers (建立健全, 实施细则…) are matched too and then ignored
        self.scan = re.compile(alt(trig | L.kind("blocker")))
        self.coop_cue = re.compile(alt(L.kind("coop")))
        self.speech = L.kind("speech")
        self.motion = L.kind("motion")
        # a clause that opens with a trip (应邀赴某地, 远赴某地)
        self.motion_start = re.compile(f"(?:应邀|远)?(?:{alt(self.motion)})")
        preps = L.kind("preposition") | self.motion
        adv = (
            L.kind("adverb")
            | L.kind("daypart")
            | L.kind("planned")
            | L.kind("ongoing")
            | L.kind("causative")
            | L.kind("negation")
        )
        self.modal_kind: dict[str, str] = {}
        for k in ("adverb", "causative", "planned", "ongoing", "negation"):
            for w in L.kind(k):
                self.modal_kind[w] = k
        self.modal_scan = re.compile(alt(adv))
        adv_alt = alt(adv)
        self.adv_alt = adv_alt
        self.vtail = re.compile(f"(?:(?:并|和|、)?(?:{alt(trig)}))*了?")
        self.vlink = re.compile(f"(?:并|和|、|及|与|并且|或|以及)(?:{adv_alt})*")
        self._adv_lead = re.compile(f"(?:{adv_alt}|地|\\s)*")
        self._adv_trail = re.compile(f"(?:{adv_alt}|地|\\s)*$")

        verbs = trig | L.kind("opener")
        # material allowed between a subject (or clause start) and its verb
        tok = (
            f"\\s|地|{TIME}|{adv_alt}"
            # 某部今天（某月某日）发布: a date in brackets after a time word
            f"|[（(][^（）(){SEP}{END}]{{1,12}}[）)]"
            f"|(?:{alt(preps)})[^{SEP}{END}]{{1,20}}?"
            f"|作为[^{SEP}{END}]{{1,16}}?"
            f"|(?:与|同|跟|和)(?:{AGL})(?:(?:、|和|及|以及|与){AGL})*(?:{_GROUP}|等[^{SEP}{END}{MASKED}]{{0,8}}?)?(?:的)?(?:合作|一道|一起|共同|联合)?"
            # 同甲国总理某某共同出席: a partner named with a country and a post
            f"|(?:与|同|跟)(?:{partner})(?:(?:、|和|及|以及){partner})*(?:一道|一起|共同)"
            # 同甲国副总统某某举行会谈并共同主持X: talks, then an act of both
            f"|(?:与|同|跟)(?:{partner})(?:{_TALKS_THEN})共同"
            # 同甲方两位代表共同召集: a few words naming the partners' persons before 共同
            f"|(?:与|同|跟)(?:{AGL})[^{SEP}{END}{MASKED}]{{1,4}}?(?:一道|一起|共同|联合)"
            # 中国愿同国际社会一道落实X, 与各方共同推进Y: partners that name no entity
            # (各国, 国际社会) leave the act to the subject alone
            f"|(?:与|同|跟)[^{SEP}{END}{MASKED}]{{1,8}}?(?:一道|一起|共同)"
            f"|{_DEPLOYED}"
            # 中方愿同某方实施好X: a partner named as a side (某方) that no entity names;
            # the subject acts (with it)
            f"|(?:与|同|跟)[^{SEP}{END}{MASKED}“”]{{1,2}}方"
            f"|(?:{alt(verbs)})(?:和|并|、|及|与)|{alt(trig)}"
            # 某某在出席X时指出, 在实施Y过程中: the subject does what 在 introduces
            # (the material ends at the verb: 在 is the last thing before it)
            "|(?:在|于)$"
        )
        self.pre = re.compile(f"(?:{tok})*")
        self.prefix = re.compile(
            f"(?:[\\s《“「『〈\"'#*]|第[一二三四五六七八九十百零〇\\d]+[条款项章节](?:之[一二三四五六七八九十]+)?"
            f"|{ORDINAL}|{TIME}|{alt(L.kind('prefix'))}|[（(][^（）()]{{0,12}}[）)]"
            f"|自[^{SEP}{END}]{{1,14}}?(?:以来|起)"
            f"|据[^{SEP}{END}]{{1,16}}?(?:统计|测算|介绍|报道|显示|了解)"
            # 应某国总统某某邀请, 以某某同志为核心的(党中央): what stands before the subject
            f"|应[^{SEP}{END}]{{1,24}}?邀请|以[^{SEP}{END}]{{1,12}}?为(?:核心|首)的)*"
        )
        follow = alt(verbs | preps | L.kind("follow") | L.kind("speech"))
        self.follow = re.compile(
            f"(?:{adv_alt}|地|{TIME}|[（(][^（）(){SEP}{END}]{{1,12}}[）)])*"
            f"(?P<w>{follow}|、|和|及|与|同)"
        )
        self.speech_re = re.compile(f"(?:{adv_alt})*(?:{alt(L.kind('speech'))})")
        self._opener = re.compile(f"(?:{alt(verbs | adv | preps | L.kind('follow'))})")
        # a post and its holder right after a country or body: the post's owner
        self.owner = re.compile(f"(?:{alt(posts)})\ue013" if posts else "(?!)")
        self._pronoun = re.compile(alt(L.kind("pronoun") | L.kind("dual") | L.kind("self")))
        self._dual = L.kind("dual")
        self._self = L.kind("self")
        self._nation = L.kind("nation")
        self._story = L.kind("story")
        # the agents opening a clause; 某部等十部门 counts its named member, 某某主席等党和国家
        # 领导人 its named leader; a co-subject after the first may carry its country or body
        # and post (甲和某国总统乙共同主持)
        owned = f"(?:[\ue010-\ue012]\ue01f*)?(?:{alt(posts)})\ue013\ue01f*|" if posts else ""
        self.agrun = re.compile(
            f"(?:由)?{person_post}(?:(?:、|和|及|以及)(?:{owned}{person_post}))*"
            "(?:等(?:党和国家|中央|国家|新一届国家)?领导(?:人|同志)"
            "|等(?:[一二三四五六七八九十两几多\\d]+个?)?(?:部门|单位|机构|部委|国家|方面))?"
        )
        said = L.kind("speech") | ANNOUNCE | ELECTED
        talk = {a + b for a in _TALK_BEFORE for b in said}
        talk |= {"上" + a + b for a in SOLEMN for b in said}  # 在X上郑重宣示
        self.cues = re.compile(
            alt(
                trig
                | L.kind("coop")
                | talk
                | {EVENT_COMMA}
                | {"组成", "部分", "隶属", "下属", "直属", "内设", "所属", "成员国", "成员单位"}
            )
        )
        self.coop_w = L.kind("coop")
        # 支持甲方办好X, 祝贺A顺利主办X: the agent after a pivot verb does the next verb
        pivot = L.kind("pivot") | L.kind("pivot-wish")
        self.pivot_wish = L.kind("pivot-wish")
        self.pivot = re.compile(
            f"(?P<v>{alt(pivot)})(?P<ag>{person_post}(?:(?:、|和|及|与){person_post})*)"
            # 欢迎某方支持和参与X: a verb coordinated before the one that states it
            f"(?:{adv_alt}|地|{TIME}|\\s|和|并)*$"
        )
        self.causative_w = L.kind("causative")
        self.trig_types = {
            w: frozenset().union(*(r.types for r in rows)) for w, rows in L.triggers.items()
        }
        self.topical_w = {
            w: any("topical" in r.flags for r in rows) for w, rows in L.triggers.items()
        }
        self.container_w = {
            w for w, rows in L.triggers.items() if any("container" in r.flags for r in rows)
        }

        self._tail = re.compile(f"(?:等|的|和|及|与|或|、|并|以及|暨|{alt(L.kind('tail'))})")
        self._filler_verb = re.compile(
            f"{alt(L.kind('causative') | {'关于', '有关', '涉及', '针对'})}"
        )
        # what may stand between a verb and its object's name (实施新一轮X, 落实好新修订的X)
        self._modifier = re.compile(
            f"(?:{alt(L.kind('modifier'))}|第?[一二三四五六七八九十百\\d]+届|"
            f"第[一二三四五六七八九十百\\d]+[次期]|{TIME}"
            f"|[^{SEP}{END}]*的|[了起好])*"
        )
        self.pron_clause = re.compile(
            f"(?:^|[{SEP}{END}])\\s*(?:{TIME}|{adv_alt})*"
            f"(?P<w>{alt(L.kind('pronoun') | L.kind('self'))})"
        )

    def is_self(self, word: str) -> bool:
        """Whether ``word`` (我们, 全省…) is the speaker's own government in a work report."""
        return word in self._self

    def is_nation(self, word: str) -> bool:
        """Whether ``word`` (我国, 我们国家) is the country speaking of itself."""
        return word in self._nation

    def opens_with_opener(self, ms: str, p: int) -> bool:
        """Whether a word of ``relation_openers.txt`` starts at ``p``."""
        return any(ms[p : p + n] in self.openers for n in (2, 3, 4))

    # ----------------------------------------------------------------- the cheap gate

    def worth(self, norm: str, hits: list[tuple[int, int, str]], su: list[Unit]) -> bool:
        """A cheap look before the full analysis: a trigger with a fitting entity close
        after it (or before it: 《X》正在推进, 《X》由国务院印发), 与/同 + an agent with a
        cooperation cue, an Event before 上表示, two entities around 组成."""
        for ts, te, w in hits:
            rows = self.lex.triggers.get(w)
            if rows is not None:
                types = self.trig_types[w]
                for u in su:
                    if (
                        u.type in types
                        and (
                            te <= u.start <= te + 16
                            or (ts - 10 <= u.end <= ts and self.topical_w[w])
                            or (
                                ts - 24 <= u.end <= ts
                                and ("由" in norm[u.end : ts] or "经" in norm[u.end : ts])
                            )
                            # X在某地开幕，主题为…，由甲、乙共同主办 (``organisers``)
                            or (
                                u.type == "Event"
                                and u.end <= ts
                                and "由" in norm[max(0, ts - 40) : ts]
                            )
                        )
                    ):
                        return True
                    if u.type in AGENTS and u.start <= ts and w in self.container_w:
                        return True
                continue
            if w in self.coop_w:
                if any(
                    u.type in AGL_TYPES and norm[u.start - 1 : u.start] in _COOP_PREV for u in su
                ):
                    return True
                if w in _SIGN and any(norm[u.start - 1 : u.start] == "、" for u in su):
                    return True  # 甲、乙签署…协议 (coop: co-signers)
                continue
            if w == EVENT_COMMA:
                # 在X上，A致辞: only right after an event's name
                if any(u.type == "Event" and ts - 12 <= u.end <= ts for u in su):
                    return True
                continue
            if len(su) >= 2 or any(u.type == "Event" for u in su):
                return True
        return False

    # ----------------------------------------------------------------- clauses

    def classify(self, ms: str, cs: int, ce: int, umap: dict[int, Unit]):
        """What opens clause ``ms[cs:ce]``: (kind, units, position after them).

        kind: agent (subject run), entity (a non-agent entity), speaker, pronoun, dual,
        self (我们, 全省: the reporting government of a work report), nation (我国: China
        in a national document), story (他/她: a news story's actor), verbal (a verb/adverb:
        no overt subject), empty, unknown.
        """
        p = self.prefix.match(ms, cs, ce).end()
        if p >= ce:
            return "empty", [], p
        lead = _POST_LEAD.match(ms, p, ce) or self._post_lead.match(ms, p, ce)
        if lead is not None:
            p = lead.end()  # 中共中央政治局常委、国务院副总理某某: the posts before the person
        r = self.agrun.match(ms, p, ce)
        if r is not None:
            js = [j for j in range(r.start(), r.end()) if j in umap]
            # 甲和某国总统乙: the country only says whose post it is
            run = [
                umap[j]
                for j in js
                if len(js) == 1 or not self.owner.match(ms, j + umap[j].end - umap[j].start)
            ]
            end = r.end()
            sp = self.speech_re.match(ms, end, ce)
            if sp is not None:
                return "speaker", run, end
            if end >= ce or self.follow.match(ms, end, ce) or self.opens_with_opener(ms, end):
                return "agent", run, end
            return "unknown", run, end
        ch = ms[p]
        if ch in "\ue014\ue015\ue016\ue017":
            u = umap.get(p)
            if u is None:
                return "unknown", [], p
            return "entity", [u], p + (u.end - u.start)
        pm = self._pronoun.match(ms, p, ce)
        if pm is not None:
            w = pm.group()
            kind = (
                "dual"
                if w in self._dual
                else "self"
                if w in self._self
                else "nation"
                if w in self._nation
                else "story"
                if w in self._story
                else "pronoun"
            )
            return kind, [], pm.end()
        if self._opener.match(ms, p, ce) or self.opens_with_opener(ms, p):
            return "verbal", [], p
        return "unknown", [], p

    def modality(self, parts: tuple[str, ...]) -> tuple[str, bool, bool]:
        """(modality, negated, causative) from what stands between subject and verb: the
        adverbs that open each part and those right before the verb."""
        mod = "asserted"
        neg = cause = False
        for text in parts:
            lead = self._adv_lead.match(text).group()
            trail = self._adv_trail.search(text).group() if len(lead) < len(text) else ""
            for part in (lead, trail):
                for m in self.modal_scan.finditer(part):
                    k = self.modal_kind.get(m.group())
                    if k == "negation":
                        neg = True
                    elif k == "causative":
                        cause = True
                    elif k == "planned":
                        mod = "planned"
                    elif k == "ongoing" and mod == "asserted":
                        mod = "ongoing"
        return mod, neg, cause

    # ----------------------------------------------------------------- objects

    def objects(
        self, ms: str, p: int, ce: int, types: frozenset[str], umap_sorted: list[Unit], base: int
    ) -> list[Unit]:
        """The entities of ``types`` right after position ``p`` (clause-relative), coordinated."""
        starts = [u.start - base for u in umap_sorted]
        k = bisect.bisect_left(starts, p)
        out: list[Unit] = []
        # the first object: a short gap, no other verb in it; Locations may be skipped
        # (出席在北京举行的X)
        while k < len(umap_sorted):
            u = umap_sorted[k]
            us = u.start - base
            if us >= ce:
                return []
            gap = NOQ.sub("", ms[p:us])
            # 参加在甲国和乙国举行的X: a longer modifier ending in 的 may stand between
            limit = 20 if gap.endswith("的") else 16 if _described(ms[p:us], u) else 12
            if len(gap) > limit or any(ch in SEP or ch in END for ch in gap):
                return []
            if self._class_item(gap, u):
                break  # 实施某类重大战略和|某某发展战略: a class, then the named one
            if self._measure_item(gap, u):
                break  # 实施某某扩招和|某某提升三年行动: an unnamed measure, then the name
            if u.type in ("Location", "Country") and gap[:1] in ("在", "于"):
                k += 1  # 参加在甲国和乙国举行的X: the places of a 在-phrase
                continue
            # a concept coordinated before the names (提出构建某某理念和|X倡议): no cut name
            concept = _CONCEPT_FIRST.fullmatch(gap) is not None
            # 实施甲、乙、|丙行动计划: the named one closes a list of its siblings
            listed = (
                _LISTED_FIRST.fullmatch(gap) is not None
                and _NOT_LISTED.search(gap) is None
                and u.type in types
                and not any(m.group() in self.trig_words for m in self.scan.finditer(gap))
                and _LISTED_CLOSE.match(ms, u.end - base) is not None
            )  # (an item with a verb of the lexicon is another act: 推进甲、加快|X)
            concept = concept or listed
            if gap[-1:] in ("和", "与", "及", "、", "或") and not concept:
                return []  # 推进重大湿地保护和修复工程: the name is cut
            if self._filler_verb.search(gap):
                return []  # 制定支持某某…的配套办法: the entity sits in a longer object
            if _QUANTIFIED.search(gap):
                return []  # 实施一批重大工程: a class of things, not the named one
            raw_gap = ms[p:us]
            # the name's own verb (提出的共建“某某”倡议, the unit starts after 共建)
            own_verb = u.rule.endswith(VERB_LED) and self.scan.fullmatch(gap) is not None
            if (
                not own_verb
                and not concept
                and raw_gap
                and raw_gap[-1] not in QUOTES
                and not _described(raw_gap, u)
                and not self._modifier.fullmatch(raw_gap.strip())
                and u.type not in ("Location",)
            ):
                return []  # 实施提升就业服务质量工程: the words before run into the name
            tm = self.scan.search(gap)
            if (
                tm is not None
                and tm.group() in self.trig_words
                and not gap[tm.end() : tm.end() + 1] == "的"
                and not own_verb
                and not concept
            ):
                return []  # another verb stands between
            if u.type == "Location":
                k += 1
                continue
            if u.type not in types:
                nxt = umap_sorted[k + 1] if k + 1 < len(umap_sorted) else None
                if (
                    u.type == "Organization"
                    and nxt is not None
                    and nxt.type in types
                    and nxt.start - base < ce
                    and LIST_SEP.match(NOQ.sub("", ms[u.end - base : nxt.start - base]))
                ):
                    # 出席某组织大会、某某峰会: a body named for its session heads a list of
                    # the verb's objects; the list goes on after it
                    k += 1
                    u = nxt
                    break
                return []
            break
        else:
            return []
        out.append(u)
        k += 1
        while k < len(umap_sorted):
            v = umap_sorted[k]
            vs = v.start - base
            if vs >= ce:
                break
            if _DELEGATION.match(ms, out[-1].end - base, ce):
                break  # 某某会议|某省代表团审议: the place names the delegation, not the object
            raw = ms[out[-1].end - base : vs]
            quotes_only = bool(raw) and all(ch in QUOTES for ch in raw)
            if raw == "" or (
                quotes_only
                and not (titled(ms, v, base) and titled(ms, out[-1], base))
                and not (_quoted(ms, v, base) and _quoted(ms, out[-1], base))
            ):
                # X“Y” / “X”Y: one name the recognisers split in two (西部大开发“十三五”规划):
                # neither mention is the thing named, unless Y is a bare generic head
                # (“某某”发展战略 → 某某); 《甲》《乙》 and “甲”“乙”, each whole in its
                # marks, are two names in a row
                if len(v.label) > 4 and not (
                    v.label.endswith(out[-1].label) or out[-1].label in v.label
                ):
                    out.pop()
                    if not out:
                        return []
                    break
                k += 1
                continue
            sep = NOQ.sub("", raw)
            if sep.startswith(NAME_NOUNS) and sep[2:] in LIST_JOINERS:
                sep = sep[2:]  # “甲”建设和“乙”工作: each name with the noun of its work
            elif sep[:2] == v.label[-2:] and sep[2:] in LIST_JOINERS:
                sep = sep[2:]  # 共建“甲”倡议、乙倡议: the head word the first name left out
            sep = self._unnamed_items(sep, {x.text[-2:] for x in (*out, v)})
            if not LIST_SEP.match(sep) or v.type not in types:
                break
            out.append(v)
            k += 1
        # 实施三项措施: a count, no object; 实施十大某某工程: a package the recognisers named;
        # 开展“三个专项整治”: a count the text quotes is the name of one programme
        return [
            u
            for u in out
            if not COUNT_NOUN.match(u.label)
            or (u.type == "Program" and (_PACKAGE.match(u.label) or _quoted(ms, u, base)))
        ]

    def _class_item(self, gap: str, u: Unit) -> bool:
        """Whether ``gap`` (the text between a verb and the programme ``u``, ending with a
        list joiner) is an unnamed member of the same list: a short phrase that ends with
        ``u``'s own head word (实施|区域重大战略和|某某发展战略: strategies, then a named
        one), no verb, no count (一批重大工程和X工程 is a class of works) in it."""
        item = gap[:-1]
        head = u.label[-2:]
        return (
            u.type == "Program"
            and gap[-1:] in ("和", "与", "及", "、", "或")
            and 4 <= len(item) <= 10
            and item.endswith(head)
            and head in _CLASS_HEADS
            and not any(ch in SEP or ch in END or ch in QUOTES for ch in item)
            and self.scan.search(item) is None
            and not _QUANTIFIED.search(item)
        )

    def _measure_item(self, gap: str, u: Unit) -> bool:
        """Whether ``gap`` (between a verb and the programme ``u``, ending with 和) is
        an unnamed measure coordinated before it: a phrase that ends in an act (its last
        word a verb or a verbal noun: 扩招, 改造, 建设) or a programme's head (纲要, 制度),
        no verb of the lexicon, no count, no name in it, while ``u`` opens with no act of
        its own (实施|某某扩招和|职业技能提升三年行动, 制定和实施|某某规划纲要和|某地区
        某某十年规划). Not a noun shared by both (农村和|贫困地区专项计划, 国防科技和|武器
        装备重大工程: one name) nor two acts of one work (保护和|修复工程: one name).

        >>> from kg.nlp.relations.lexicon import load_lexicon
        >>> g = Grammar(load_lexicon())
        >>> u = Unit(0, 10, "职业技能提升三年行动", "Program", "p", "职业技能提升三年行动", "r")
        >>> g._measure_item("高职扩招和", u), g._measure_item("农村和", u)
        (True, False)
        >>> g._measure_item("国防科技和", u)
        False
        """
        item = gap[:-1]
        if not (
            u.type == "Program"
            and gap[-1:] == "和"  # a 、-list runs on: 启动某某提升、|某地某某修复…试点
            and 4 <= len(item) <= 14
            and len(u.label) >= 5
            and not any(ch in SEP or ch in END or ch in QUOTES for ch in item)
            and not re.search(f"[{MASKED}]", item)
            and self.scan.search(item) is None
            and not _QUANTIFIED.search(item)
        ):
            return False
        tags = jieba_tags()
        act = tags.get(item[-2:]) in ("v", "vn") or item[-2:] in _MEASURE_HEADS
        return act and tags.get(u.label[:2]) not in ("v", "vn")

    def _unnamed_items(self, sep: str, heads: set[str]) -> str:
        """``sep`` without the unnamed items a list holds between two named members, each
        ending in a head word of a named member (出席某组织峰会、|核安全峰会、|某某首脑
        会议: the list goes on), no verb of the lexicon, no count; else ``sep`` unchanged.

        >>> from kg.nlp.relations.lexicon import load_lexicon
        >>> g = Grammar(load_lexicon())
        >>> g._unnamed_items("、核安全峰会、联大系列高级别会议、", {"峰会", "会议"})
        '、'
        >>> g._unnamed_items("、召开峰会、", {"峰会"})
        '、召开峰会、'
        """
        if not (sep.startswith("、") and sep.endswith("、") and len(sep) > 2):
            return sep
        items = sep[1:-1].split("、")
        for item in items:
            if not (
                3 <= len(item) <= 12
                and item[-2:] in heads
                and not any(ch in SEP or ch in END for ch in item)
                and not re.search(f"[{MASKED}]", item)
                and self.scan.search(item) is None
                and not _QUANTIFIED.search(item)
            ):
                return sep
        return "、"

    def tail_ok(self, ms: str, p: int, ce: int) -> bool:
        """What follows the last object: the clause end, a list word or a tail word
        (建设, 活动, 开幕式…); another noun makes the object a modifier."""
        while p < ce and ms[p] in QUOTES:
            p += 1
            # “甲”“乙”等活动: more quoted names the recognisers did not take, then the tail
            if ms[p - 1] in _OPEN_QUOTES and (m := _QUOTED_REST.match(ms, p, ce)):
                p = m.end()
        if p < ce and ms[p] in "（(":
            q = ms.find("）", p, ce)
            p = q + 1 if q > 0 else p
        while p < ce and ms[p] == "*":
            p += 1  # **某部印发《X》**: a Markdown headline's emphasis closes the clause
        if p >= ce or _DOCKING.fullmatch(ms, p, ce) or _COUNTED_CLASS.match(ms, p, ce):
            return True
        if _DELEGATION.match(ms, p, ce) and _event_before(ms, p):
            return True
        m = self._tail.match(ms, p, ce)
        # 出席X时|表示, 出席X后: the time of the act; not a noun it opens (X时间表, X后期)
        return m is not None and not (
            m.group() in _TIME_TAILS and ms[m.end() : m.end() + 1] in _TIME_NOUN_2ND
        )
