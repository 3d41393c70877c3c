"""The relation extractor: finds the sentences worth analysing and runs the families.

Speed: entity-bearing sentences are found with numpy on mention offsets; only those are
scanned for cue words (one compiled alternation), and only a cue near a fitting entity
leads to masking and the families' regexes. Subjects carried across sentences are
computed once per document, lazily.
"""

from __future__ import annotations

import bisect
import re

import numpy as np
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.components.base import kgdoc
from kg.nlp.gazetteer import Gazetteer
from kg.nlp.relations.adoptions import Adoptions
from kg.nlp.relations.athletes import athlete_relations
from kg.nlp.relations.composition import Composition
from kg.nlp.relations.coop import Cooperation
from kg.nlp.relations.delegations import DelegationSessions
from kg.nlp.relations.events import EventTalk
from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.held import HeldEvents
from kg.nlp.relations.issuers import header_issuers, owner_titles, title_issuers
from kg.nlp.relations.lexicon import Lexicon, alt
from kg.nlp.relations.masking import GATE, VERB_LED, outermost
from kg.nlp.relations.membership import Membership
from kg.nlp.relations.occasion import Occasion
from kg.nlp.relations.organisers import Organisers
from kg.nlp.relations.parties import pair_cooperation, party_units
from kg.nlp.relations.posts import (
    elected_posts,
    hold_post_relations,
    merge_posts,
    roster_posts,
    speaker_post,
)
from kg.nlp.relations.reporter import congress_reporter, read_speaker, speaker_events
from kg.nlp.relations.sentence import Sentence
from kg.nlp.relations.state import DocState
from kg.nlp.relations.subunits import subunit_relations
from kg.nlp.relations.verbs import Verbs

#: how far into a document its speaker line and address may be (reporter.py reads them)
_OPENING = 3000


class Relations:
    """Trigger- and structure-based relation extraction over ``doc._.kg.mentions``."""

    def __init__(
        self,
        lexicon: Lexicon,
        openers: frozenset[str] = frozenset(),
        posts: frozenset[str] = frozenset(),
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.grammar = Grammar(lexicon, openers, posts)
        self._gaz = gazetteer
        self._posts = posts
        lead = {
            w for w, rows in lexicon.triggers.items() if any(r.pred == "implements" for r in rows)
        }
        self._lead_first = frozenset(w[0] for w in lead)
        self._lead_verb = re.compile(f"(?:{alt(lead)})(?=[“‘《\"'])")
        # a known programme written with its verb (a gazetteer's alias that opens with one;
        # the curated ones do not: a leading 实施/推动 is no part of a programme's name)
        self._lead_word = re.compile(alt(lead))
        comp = Composition(self.grammar)
        self.held = HeldEvents(self.grammar, posts)
        self.delegations = DelegationSessions(self.grammar)
        self.coop = Cooperation(self.grammar)
        # the families run on each analysed sentence, in this order
        self.families = (
            Verbs(self.grammar, comp.container, posts),
            self.coop,
            EventTalk(self.grammar),
            comp,
            Membership(self.grammar, posts),
            Organisers(self.grammar),
            Adoptions(self.grammar),
            Occasion(self.grammar),
        )

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        # a report's speaker line first: the body it names may be the reporting government
        speaker = read_speaker(st, self._gaz) if "代表" in st.norm[:_OPENING] else None
        if speaker is None and "中央委员会" in st.norm[:_OPENING]:
            congress_reporter(st, self._gaz)  # a party congress's report: its committee
        units, found = merge_posts(st, outermost(st.mentions), self._posts)
        found += elected_posts(st, units, self._posts)
        units = party_units(st, units)
        ds = DocState.new(st, units)
        if units:
            self._run(ds)
            self.held(ds)
            self.delegations(ds)
            pair_cooperation(ds)
            self.coop.story_pair(ds)  # 两国元首见证签署…合作文件: the story's two countries
            title_issuers(ds)
            owner_titles(ds)
            header_issuers(ds)
            subunit_relations(ds)
            athlete_relations(ds)  # 我国体育健儿在X上取得…: the country took part
            for person, ev, (s, e) in speaker_events(st, ds.mstarts):
                ds.add(person.key, "participatesIn", ev.key, s, e, "participatesIn:speaker", 0.8)
        posts = hold_post_relations(st, found, ds.types) + roster_posts(st, ds.types)
        if speaker is not None and speaker.body is not None:
            posts += speaker_post(st, speaker, posts)
        st.relations = list(ds.rels.values()) + posts
        return doc

    def _verb_led(self, units: list, norm: str) -> list:
        """A programme named with its verb (共建“一带一路”) keeps the verb in the text the
        rules read: the unit starts after it."""
        out = None
        firsts = self._lead_first
        for i, u in enumerate(units):
            if u.text[:1] not in firsts or u.type not in ("Program", "Law"):
                continue
            m = self._lead_verb.match(u.text)
            if m is None and u.type == "Program" and u.rule == "gazetteer":
                m = self._lead_word.match(u.text)  # not the name's own first word (建设…),
                # nor after a causative (助力|打赢X: the subject helps, another acts)
                cause = norm[max(0, u.start - 2) : u.start] in self.grammar.causative_w
                m = None if m is None or cause or u.label.startswith(m.group()) else m
            if m is not None and len(u.text) - m.end() >= 2:
                if out is None:
                    out = list(units)
                out[i] = Mention(
                    u.start + m.end(),
                    u.end,
                    u.text[m.end() :],
                    u.type,
                    u.key,
                    u.label,
                    u.rule + VERB_LED,
                )
        return units if out is None else out

    def _run(self, ds: DocState) -> None:
        st = ds.st
        norm = st.norm
        sents = st.sents
        g = self.grammar
        # only sentences with an entity that can take part (numpy bookkeeping), then only
        # those with a cue word near a fitting entity get the full analysis
        gate = [u.start for u in ds.units if u.type in GATE]
        if not gate:
            return
        starts = np.asarray(ds.sent_starts, dtype=np.int64)
        sent_ids = np.unique(
            np.searchsorted(starts, np.asarray(gate, dtype=np.int64), side="right") - 1
        )
        cues = g.cues
        for i in sent_ids.tolist():
            if i < 0:
                continue
            s, e = sents[i]
            hits = [(m.start(), m.end(), m.group()) for m in cues.finditer(norm, s, e)]
            if not hits:
                continue
            lo = bisect.bisect_left(ds.ustarts, s)
            hi = bisect.bisect_left(ds.ustarts, e)
            su = self._verb_led([u for u in ds.units[lo:hi] if u.end <= e], norm)
            if su and g.worth(norm, hits, su):
                sen = Sentence(g, ds, s, e, su)
                for family in self.families:
                    family(sen)
