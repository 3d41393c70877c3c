"""The spaCy pipeline: ``Chinese`` with jieba segmentation plus kg's own components.

Components are registered by name with ``@Language.factory`` (see ``kg.nlp.components``)
and work on character offsets of ``doc.text``; tokens are used where word boundaries
matter (a short name must be a whole jieba token). Results land in ``doc._.kg``
(:class:`kg.nlp.components.base.KGDoc`) and, for spaCy users, ``doc.spans["kg"]``.

jieba's tokens come from ``jieba_next`` (same tokens as jieba, ~3× faster) when it is
installed, with every gazetteer name added to its dictionary first.

Building the pipeline takes ~2.3 CPU-s (jieba's dictionary, word lists derived from it,
automata, regular expressions). With a snapshot folder (``get_nlp(snapshot_dir=…)``, as
``kg build`` does with its cache folder, or ``KG_PIPELINE_CACHE``) ``get_nlp`` saves the
built components and the segmenter's dictionary in one pickle, keyed by
:func:`kg.fingerprint.pipeline_key`, and the next process restores them in ~0.6 CPU-s,
spaCy's import included (:func:`restore_snapshot`; the dictionary as tables over its trie,
:mod:`kg.nlp.word_table`). The pickle is sealed (:mod:`kg.sealed`): one that this user
did not write is never loaded. A folder without the snapshot is given the one of this
user's shared folder (:func:`shared_snapshot_dir`), so that a build in a new cache
folder does not build the pipeline again either.

>>> nlp = make_nlp()
>>> doc = nlp("7月23日，工业和信息化部总经济师许科敏在论坛上表示。")
>>> [(m.text, m.type) for m in doc._.kg.mentions]
[('工业和信息化部', 'Ministry'), ('许科敏', 'Person')]
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import time
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

# isort: off
import kg.nlp.spacy_lean  # before spaCy: imports it without its command line

# isort: on
from spacy.lang.zh import Chinese, Segmenter
from spacy.language import Language

import kg.nlp.components  # noqa: F401 (registers the factories)
from kg.cache_files import read_cache_file
from kg.fingerprint import SNAPSHOT_VERSION, pipeline_key
from kg.io import atomic_write, read_regular, write_bytes_atomic
from kg.nlp.components.base import KGTokenizer
from kg.nlp.gazetteer import load_gazetteer, prime_gazetteer
from kg.nlp.segment import adopt_trie, fast_segmenter, initialize, trie_of
from kg.nlp.stages import DEFAULT_COMPONENTS  # (the components in order)
from kg.nlp.text import jieba_tags, prime_jieba_tags
from kg.nlp.word_table import WordTable
from kg.sealed import sealing, unseal, user_cache_dir

_SEGMENTER_WORDS_ADDED: set[int] = set()


def _prepare_segmenter(seg: Any, words: list[str]) -> None:
    # Add words before any pattern relies on token boundaries (spaCy pitfall: words
    # added later do not split text that was already cached).
    if id(seg) in _SEGMENTER_WORDS_ADDED:
        return
    logging.getLogger("jieba").setLevel(logging.WARNING)
    if hasattr(seg, "initialize"):
        initialize(seg)  # without the prefix table that the words below would drop
    for w in words:
        if not w.isascii():
            seg.add_word(w, freq=50000)
    _SEGMENTER_WORDS_ADDED.add(id(seg))


def make_nlp(
    components: tuple[str, ...] = DEFAULT_COMPONENTS,
    gazetteer_dir: str | None = None,
    *,
    lean: bool = False,
) -> Language:
    """A fresh pipeline; ``components`` selects stages (``kg extract`` skips relations).

    ``lean`` skips what only spaCy users read (the tokens, ``doc.sents``,
    ``doc.spans["kg"]``): graph builds read ``doc._.kg`` alone.
    """
    # Configured as "char" first so spaCy does not load and warm up the slow original
    # jieba (0.5 s per process); then switched to jieba segmentation with jieba_next.
    nlp = Chinese.from_config({"nlp": {"tokenizer": {"segmenter": "char"}}})
    seg = fast_segmenter()
    gaz = load_gazetteer(gazetteer_dir)
    _prepare_segmenter(seg, gaz.jieba_words())
    nlp.tokenizer.jieba_seg = seg
    nlp.tokenizer.segmenter = Segmenter.jieba
    nlp.tokenizer = KGTokenizer(nlp.tokenizer, tokens=not lean)
    for name in components:
        cfg = {"gazetteer_dir": gazetteer_dir} if name not in ("kg_sentences",) else {}
        if lean and name == "kg_sentences":
            cfg["set_sent_starts"] = False
        if lean and name == "kg_resolver":
            cfg["set_spans"] = False
        if name == "kg_patterns":
            # nominal organ references (法院, 警方) serve the span API only
            cfg["nominals"] = "kg_relations" not in components
        nlp.add_pipe(name, config=cfg)
    return nlp


@lru_cache(maxsize=4)
def get_nlp(
    components: tuple[str, ...] = DEFAULT_COMPONENTS,
    lean: bool = False,
    snapshot_dir: str | None = None,
) -> Language:
    """The process-wide pipeline (built once per worker process; restored from a snapshot
    under ``snapshot_dir`` or ``KG_PIPELINE_CACHE`` when there is one, else from this
    user's shared snapshot folder (:func:`shared_snapshot_dir`), saved in both when
    neither has it)."""
    folder = snapshot_dir or os.environ.get(SNAPSHOT_ENV)
    if not folder:
        return make_nlp(components, lean=lean)
    name = f"pipeline-{snapshot_key(components, lean)}.pkl"
    paths = [Path(folder) / name]
    shared = shared_snapshot_dir()
    if shared is not None and os.path.abspath(shared) != os.path.abspath(folder):
        paths.append(shared / name)
    nlp = None
    for i, path in enumerate(paths):
        nlp = restore_snapshot(path, components, lean=lean)
        if nlp is not None:
            if i:  # linked into the build's folder too (its next build needs no other)
                _UNSAVED.append((None, path, paths[:i]))
            break
    if nlp is None:
        with _collector_paused():
            nlp = make_nlp(components, lean=lean)
        warm_up(nlp)  # what the components build on first use goes into the snapshot
        # and the compiled cut's dictionary, built once here before this worker forks
        # its siblings and the snapshot's saver (each would build its own, 0.4 s)
        trie_of(fast_segmenter())
        _UNSAVED.append((nlp, None, paths))
    else:
        warm_up(nlp)  # what the components build lazily, before the first batch
    if not _SAVE_LATER:
        save_pending_snapshots()
    return nlp


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Within: no garbage collection (building the pipeline makes millions of objects,
    which the collector walked 180 times over: 0.19 of 1.7 CPU-s; a few thousand are
    garbage); after: everything made is frozen out of its generations, as a restored
    snapshot is."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


#: Environment variable naming this user's shared snapshot folder ("" or "off": none).
SHARED_ENV = "KG_PIPELINE_SHARED"
#: Snapshots kept in the shared folder (of as many versions of the code and data).
SHARED_KEEP = 3


def shared_snapshot_dir() -> Path | None:
    """The folder where every build of this user finds the pipeline snapshot of the same
    code, data and libraries (like jieba's own dictionary cache): ``KG_PIPELINE_SHARED``,
    else ``$XDG_CACHE_HOME/kg/pipeline`` or ``~/.cache/kg/pipeline``. Snapshots are keyed
    by :func:`snapshot_key`, written atomically and sealed (:mod:`kg.sealed`).

    >>> import os; os.environ[SHARED_ENV] = "off"
    >>> shared_snapshot_dir() is None
    True
    >>> del os.environ[SHARED_ENV]
    """
    if os.environ.get(SHARED_ENV) is not None:
        return user_cache_dir(SHARED_ENV)
    folder = user_cache_dir()
    return None if folder is None else folder / "pipeline"


# --------------------------------------------------------------------------- snapshots

#: snapshots :func:`get_nlp` left to save (see :func:`save_later`): (pipeline, None,
#: paths) to pickle, or (None, snapshot file, paths) to link to
_UNSAVED: list[tuple[Language | None, Path | None, list[Path]]] = []
_SAVE_LATER: list[bool] = []


@contextlib.contextmanager
def save_later() -> Iterator[None]:
    """Within: :func:`get_nlp` leaves the snapshot of a pipeline it builds to
    :func:`save_pending_snapshots` (a worker forks its siblings first: pickling the
    pipeline takes ~0.8 s that they need not wait for).

    >>> with save_later():
    ...     bool(_SAVE_LATER)
    True
    >>> bool(_SAVE_LATER)
    False
    """
    _SAVE_LATER.append(True)
    try:
        yield
    finally:
        _SAVE_LATER.pop()


def save_pending_snapshots() -> int:
    """Save the snapshots left by :func:`get_nlp` within :func:`save_later`; how many
    files were written or linked."""
    saved = 0
    while _UNSAVED:
        nlp, source, paths = _UNSAVED.pop(0)
        if source is None:
            if nlp is None or not save_snapshot(nlp, paths[0]):
                continue
            source, paths, saved = paths[0], paths[1:], saved + 1
        for path in paths:
            saved += link_snapshot(source, path)
    return saved


def to_pickle() -> bool:
    """Whether a snapshot left by :func:`get_nlp` is still to be pickled (a pipeline it
    built; a restored one is only linked)."""
    return any(nlp is not None for nlp, _, _ in _UNSAVED)


def link_snapshot(source: Path, path: Path) -> bool:
    """Put the snapshot file ``source`` at ``path`` too (a hard link, else a copy;
    atomically), then remove the older snapshots beside it (:data:`SHARED_KEEP` are
    kept in the shared folder, none elsewhere)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        try:
            os.link(source, tmp)
            os.replace(tmp, path)
        except OSError:  # another file system
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            write_bytes_atomic(path, read_regular(source), private=True, fsync=False)
    except OSError:
        return False
    _prune(path)
    return True


def _prune(path: Path) -> None:
    """Remove the snapshots beside ``path`` of other code or data (but the
    :data:`SHARED_KEEP` newest in the shared folder, ``path`` among them)."""
    shared = shared_snapshot_dir()
    same = shared is not None and os.path.abspath(shared) == os.path.abspath(path.parent)
    from kg.cache_prune import prune

    prune(path, "pipeline-*.pkl", SHARED_KEEP if same else 1, in_use=None)


def forget_pending_snapshots() -> None:
    """Leave the pending snapshots to another process (a forked worker: its parent saves
    them)."""
    _UNSAVED.clear()


#: Environment variable naming the folder of pipeline snapshots (inherited by workers).
SNAPSHOT_ENV = "KG_PIPELINE_CACHE"
#: Seconds after which a snapshot's write lock is taken to be left by a killed writer.
STALE_LOCK = 120.0


#: A sentence that makes every component build what it builds lazily.
WARM_UP_TEXT = "3月5日，国务院办公厅印发《关于加强森林防火工作的通知》，应急管理部负责实施。"


def warm_up(nlp: Language) -> None:
    """Run ``nlp`` once on :data:`WARM_UP_TEXT` (a worker does it while the build scans
    its inputs, instead of on its first batch)."""
    nlp(WARM_UP_TEXT)


def snapshot_key(components: tuple[str, ...] = DEFAULT_COMPONENTS, lean: bool = False) -> str:
    """The key of a snapshot: :func:`kg.fingerprint.pipeline_key` (code, data, library
    versions, arguments)."""
    return pipeline_key(components, lean)


def _segmenter_state(seg: Any) -> dict[str, Any] | None:
    dt = getattr(seg, "dt", None)
    if dt is None or not getattr(dt, "initialized", False):
        return None
    trie = trie_of(seg)  # the compiled cut's dictionary (0.4 s to build)
    return {
        # over the trie: a new process unpickles it in ~0.005 s instead of ~0.2 (a dict)
        "FREQ": _table(dt.FREQ, trie),
        "total": dt.total,
        "user_word_tag_tab": dict(getattr(dt, "user_word_tag_tab", {}) or {}),
        "trie": trie,
    }


def save_snapshot(nlp: Language, path: Path) -> bool:
    """Pickle the components of ``nlp`` and its segmenter's dictionary to ``path``
    (atomically; one writer at a time, the others skip). False when it cannot be saved."""
    seg = getattr(getattr(nlp.tokenizer, "tokenizer", None), "jieba_seg", None)
    state = _segmenter_state(seg)
    if state is None:
        return False
    lock = path.with_name(path.name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):  # left by a writer killed long ago
            if time.time() - lock.stat().st_mtime > STALE_LOCK:
                os.unlink(lock)
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except OSError:
        return False  # another process is writing it (or the folder is read-only)
    try:
        os.close(fd)
        sweep_snapshot_tmp(path)
        payload = {
            "version": SNAPSHOT_VERSION,
            "segmenter": seg.__name__,
            "segmenter_state": state,
            "components": list(nlp.pipeline),
            # read by the components on first use (0.2 s from jieba's dict.txt, 0.1 s
            # from a dict, ~0.005 s from a table over the trie)
            "jieba_tags": _table(jieba_tags(), state["trie"]),
        }
        # streamed into the file as it is pickled (no 30 MB buffer grown by copies, nor a
        # sealed copy of it: fewer pages for the saver to fault in)
        with atomic_write(path, "wb", private=True, fsync=False) as fh, sealing(fh) as out:
            pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(payload)
        _prune(path)
        return True
    except Exception:  # unpicklable component, full disk: build it next time again
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)


def sweep_snapshot_tmp(path: Path) -> None:
    """Remove the temporary files of snapshots beside ``path`` left by writers killed
    mid-write (a stopped build kills its snapshot saver): those of ``path`` itself (its
    lock is held: no one else writes it), the others' once :data:`STALE_LOCK` old."""
    now, mine = time.time(), f".{path.name}."
    for tmp in path.parent.glob(".pipeline-*.tmp"):
        # (``.<name>.<pid>.tmp``: a link being made by :func:`link_snapshot`, unlocked)
        ours = tmp.name.startswith(mine) and not tmp.name[len(mine) : -4].isdigit()
        with contextlib.suppress(OSError):
            if ours or now - tmp.stat().st_mtime > STALE_LOCK:
                tmp.unlink()


def _table(mapping: Any, trie: Any) -> Any:
    """``mapping`` as a :class:`~kg.nlp.word_table.WordTable` over ``trie`` (as it is
    without one). The components read these tables through ``segmenter_freq()`` and
    ``jieba_tags()``, never a reference of their own: a component that kept the dict
    would pickle it whole again."""
    if trie is None or isinstance(mapping, WordTable):
        return mapping
    return WordTable.of(mapping, trie)


#: components handed to the ``kg_restored`` factory by :func:`restore_snapshot`
_RESTORING: dict[str, Any] = {}


@Language.factory("kg_restored", default_config={"slot": ""})
def _make_restored(nlp: Language, name: str, slot: str) -> Any:
    return _RESTORING.pop(slot)


def restore_snapshot(
    path: Path, components: tuple[str, ...], *, lean: bool = False
) -> Language | None:
    """The pipeline saved by :func:`save_snapshot`, or None (no snapshot, unreadable, not
    sealed by this user, or for another segmenter): the same components in the same
    state, the segmenter's dictionary with the gazetteer names already added (``lean``:
    as :func:`make_nlp`'s; it is part of the snapshot's key)."""
    blob = read_cache_file(path)
    if blob is None:
        return None
    body = unseal(blob)
    if body is None:  # damaged or forged: never unpickled; rebuilt (and overwritten)
        with contextlib.suppress(OSError):
            os.unlink(path)
        return None
    was = gc.isenabled()
    gc.disable()  # millions of acyclic objects: the collector would walk them all
    try:
        payload = pickle.loads(body)
        # out of the collector's generations: re-enabled, it would walk them all two or
        # three times over as they aged (~0.05 s); refcounting still frees them
        gc.freeze()
    except Exception:  # from incompatible code: rebuild (and overwrite)
        with contextlib.suppress(OSError):
            os.unlink(path)
        return None
    finally:
        if was:
            gc.enable()
    seg = fast_segmenter()
    comps = payload.get("components") if isinstance(payload, dict) else None
    if (
        comps is None
        or payload.get("version") != SNAPSHOT_VERSION
        or payload.get("segmenter") != seg.__name__
        or [n for n, _ in comps or ()] != list(components)
    ):
        return None
    nlp = Chinese.from_config({"nlp": {"tokenizer": {"segmenter": "char"}}})
    logging.getLogger("jieba").setLevel(logging.WARNING)
    if id(seg) not in _SEGMENTER_WORDS_ADDED:
        dt = seg.dt
        state = payload["segmenter_state"]
        with dt.lock:
            dt.FREQ, dt.total = state["FREQ"], state["total"]
            dt.user_word_tag_tab.update(state["user_word_tag_tab"])
            dt.initialized = True
            dt._rust_prefix = None  # stale: jieba_next rebuilds it if its own cut is called
            if isinstance(dt.FREQ, WordTable) and hasattr(dt, "_ensure_rust_prefix"):
                dt._ensure_rust_prefix = partial(_dict_for_rust, dt, dt._ensure_rust_prefix)
        adopt_trie(seg, state.get("trie"))
        _SEGMENTER_WORDS_ADDED.add(id(seg))
    tags = payload.get("jieba_tags")
    if isinstance(tags, Mapping):  # (a dict where no trie was kept: jieba without jieba_next)
        prime_jieba_tags(tags)
    nlp.tokenizer.jieba_seg = seg
    nlp.tokenizer.segmenter = Segmenter.jieba
    nlp.tokenizer = KGTokenizer(nlp.tokenizer, tokens=not lean)
    for name, comp in comps:
        slot = f"{id(comp)}:{name}"
        _RESTORING[slot] = comp
        nlp.add_pipe("kg_restored", name=name, config={"slot": slot})
        gaz = getattr(comp, "gaz", None)
        if gaz is not None:
            prime_gazetteer(None, gaz)
    return nlp


def _dict_for_rust(dt: Any, ensure: Callable[[], None]) -> None:
    """jieba_next's own cut (``jieba.cut`` in the same process as a restored pipeline)
    hands ``FREQ`` to Rust, which takes a dict only: the table becomes a dict the first
    time (~0.3 s, once; kg's own cut never asks)."""
    if isinstance(dt.FREQ, WordTable):
        dt.FREQ = dict(dt.FREQ.items())
    ensure()

