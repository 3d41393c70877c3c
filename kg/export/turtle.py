"""Turtle (and N-Triples) text of statement blocks, written by hand, fast: the fragments of
:mod:`kg.export.fast` are rendered with it in the build's worker processes.

:class:`Turtle` writes prefixed names where the local part is safe (``stats:…``,
``law:中华人民共和国网络安全法``, ``doc:laws\\/…``), ``<…>`` otherwise, integers, decimals
and booleans in their short forms, literals as they are (N-Triples-escaped), one block per
subject: ``s p o ; p o .``. :func:`render_nt` writes the same blocks as N-Triples lines.
It is kg's one Turtle (and TriG) writer: a build's fragments (:mod:`kg.export.fast`) and
any graph's walk (:func:`kg.export.rdf.write_turtle`, :func:`~kg.export.rdf.write_trig`,
whose named graphs :meth:`Turtle.render_graph` wraps) are rendered by it.

>>> ttl = Turtle("http://x/")
>>> print(ttl.render([("<http://x/gov/a>", [("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
...     "<http://kg.example.org/ontology#Ministry>"), ("<http://kg.example.org/ontology#mentionCount>",
...     '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')])]), end="")
gov:a a kg:Ministry ;
    kg:mentionCount 3 .
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.export.statements import Block
from kg.export.terms import A, iri_term
from kg.vocab import XSD_NS, prefixes

__all__ = ["HASH_FOLDERS", "Turtle", "render_nt"]

# the two canonical booleans (another lexical form, "1", keeps its long form: bare 1 is
# an integer)
_BOOLS = {f'"{v}"^^<{XSD_NS}boolean>': v for v in ("true", "false")}
_INT_RE = re.compile(r'^"(-?[0-9]+)"\^\^<' + re.escape(XSD_NS) + r"integer>$")
_DEC_RE = re.compile(r'^"(-?[0-9]+\.[0-9]+)"\^\^<' + re.escape(XSD_NS) + r"decimal>$")
# Characters a prefixed name may hold as they are (PN_CHARS_U and digits of the Turtle
# grammar; "-" and "." are escaped instead), and those it may hold behind a backslash.
_PN = (
    "A-Za-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_ESCAPABLE = r"~.\-!$&'()*+,;=/?#@"
_SIMPLE = re.compile(f"[{_PN}]+")
_LOCAL_OK = re.compile(f"(?:[{_PN}:]|%[0-9A-Fa-f]{{2}}|[{_ESCAPABLE}])+")
_ESC = re.compile(f"[{_ESCAPABLE}]")
#: IRI folders whose local names are minted hashes (always simple)
HASH_FOLDERS = ("mention-stats/", "mention/", "evidence/", "observation/", "sentence/")


def _local_name(name: str) -> str | None:
    """``name`` as the local part of a prefixed name, or None when it cannot be one.

    >>> print(_local_name("中华人民共和国网络安全法"), _local_name("laws/a(1)"))
    中华人民共和国网络安全法 laws\\/a\\(1\\)
    >>> print(_local_name("a b"), _local_name("a."))
    None None
    """
    if _SIMPLE.fullmatch(name):
        return name
    # (a name ending in an escaped "." is valid Turtle, but rdflib 7 reads it as the end
    # of the statement: written <…>)
    if _LOCAL_OK.fullmatch(name) and name[-1] != ".":
        return _ESC.sub(r"\\\g<0>", name)
    return None


class Turtle:
    """The Turtle writer of one base IRI (its prefixes: :func:`kg.vocab.prefixes`)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.prefixes = prefixes(base, folders=True)
        self._vocab = sorted(
            ((p, ns) for p, ns in self.prefixes.items() if not ns.startswith(base)),
            key=lambda x: -len(x[1]),
        )
        self._folders = {
            ns[len(base) :]: p
            for p, ns in self.prefixes.items()
            if ns.startswith(base) and ns != base
        }
        self._id = next((p for p, ns in self.prefixes.items() if ns == base), None)
        self._memo: dict[str, str] = {}
        #: predicates' short forms: ``a`` stands for rdf:type only as a predicate
        self._preds: dict[str, str] = {A: "a"}
        #: minted (hash) IRIs of the fragment being rendered: mostly used once, but a
        #: sentence's is used by its block, its document and every entity mentioned in it
        self._minted: dict[str, str] = {}

    def minted_prefixes(self) -> dict[str, str]:
        """Folder → ``"prefix:"`` for the folders of minted IRIs that this renderer writes
        as ``prefix:hash`` (checked on a hash: its digits never change the form).

        >>> Turtle("http://kg.example.org/id/").minted_prefixes()["mention"]
        'mention:'
        """
        out = {}
        probe = "0123456789abcdefXYZ"  # hex (hashes) and base-62 (sentences) digits
        for folder in HASH_FOLDERS:
            short = self._iri(iri_term(f"{self.base}{folder}{probe}"))
            if short.endswith(":" + probe) and not short.startswith("<"):
                out[folder[:-1]] = short[: -len(probe)]
        return out

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()) + "\n"

    def _iri(self, term: str) -> str:
        iri = term[1:-1]
        base = self.base
        if iri.startswith(base):
            rest = iri[len(base) :]
            slash = rest.find("/")
            p = self._folders.get(rest[: slash + 1]) if slash > 0 else None
            if p is not None:
                local = _local_name(rest[slash + 1 :]) if slash + 1 < len(rest) else None
                return f"{p}:{local}" if local is not None else term
            if self._id is not None and rest:
                local = _local_name(rest)
                return f"{self._id}:{local}" if local is not None else term
            return term
        for p, ns in self._vocab:
            if iri.startswith(ns) and len(iri) > len(ns):
                local = _local_name(iri[len(ns) :])
                return f"{p}:{local}" if local is not None else term
        return term

    def term(self, term: str) -> str:
        if term[0] == '"':  # a literal: written as it is, but for typed ones
            if term[-1] != ">":
                return term
            c = self._memo.get(term)
            if c is None:  # a number, a date: many repeat (offsets, counts)
                c = self._memo[term] = self._typed(term)
            return c
        c = self._memo.get(term)
        if c is not None:
            return c
        if term[0] == "<":
            if term.startswith(HASH_FOLDERS, len(self.base) + 1):
                c = self._minted.get(term)
                if c is None:
                    c = self._minted[term] = self._iri(term)
                return c
            c = self._memo[term] = self._iri(term)
            return c
        if term[-1] == ">":
            return self._typed(term)
        return term

    def _typed(self, term: str) -> str:
        """A typed literal (``"…"^^<datatype>``) in its short form, when it has one."""
        m = _INT_RE.match(term) or _DEC_RE.match(term)
        if m:
            return m.group(1)
        b = _BOOLS.get(term)
        if b is not None:
            return b
        q = term.rfind("^^<")
        if q > 0:
            return term[: q + 2] + self.term(term[q + 2 :])
        return term

    def render(self, blocks: Iterable[Block]) -> str:
        term = self.term
        memo = self._memo  # IRIs shortened once: entities, documents
        preds = self._preds

        def pred(p: str) -> str:
            c = preds[p] = term(p)
            return c

        self._minted.clear()
        out: list[str] = []
        # Inlined cases of :meth:`term`: an IRI seen before, a plain or language-tagged
        # literal (most objects) and a name already short (minted) are written as they are.
        for s, po in blocks:
            out.append(
                ((memo.get(s) or term(s)) if s[0] == "<" else s if s[-1] != ">" else term(s))
                + " "
                + " ;\n    ".join(
                    [
                        (preds.get(p) or pred(p))
                        + " "
                        + (
                            (memo.get(o) or term(o))
                            if o[0] == "<"
                            else o
                            if o[-1] != ">"
                            else term(o)
                        )
                        for p, o in po
                    ]
                )
                + " .\n"
            )
        return "".join(out)

    def render_graph(self, graph: str | None, blocks: Iterable[Block]) -> str:
        """TriG: the blocks in the named graph ``graph`` (an IRI term; None: the default
        graph, written as plain Turtle).

        >>> print(Turtle("http://x/").render_graph("<http://x/doc/d1>", [("<http://x/gov/a>",
        ...     [("<http://www.w3.org/2000/01/rdf-schema#label>", '"甲"@zh')])]), end="")
        doc:d1 {
        gov:a rdfs:label "甲"@zh .
        }
        """
        text = self.render(blocks)
        return text if graph is None else f"{self.term(graph)} {{\n{text}}}\n"


def render_nt(blocks: Iterable[Block]) -> str:
    """The blocks as N-Triples lines."""
    return "".join(f"{s} {p} {o} .\n" for s, po in blocks for p, o in po)
