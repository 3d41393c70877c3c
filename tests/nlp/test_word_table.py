"""jieba's dictionary in a pipeline snapshot (:mod:`kg.nlp.word_table`): the tables over
the trie answer as the dicts did, jieba's route in Python over the trie is the route over
``FREQ``, and no component keeps a dict of its own that the snapshot would pickle again."""

from __future__ import annotations

import io
import math
import pickle
import random

import pytest

from kg.nlp.routes import Trie, freq_route
from kg.nlp.segment import fast_segmenter, initialize, trie_of
from kg.nlp.word_table import WordTable

FREQ = {"国务院": 50, "国务": 0, "国": 9, "务": 2, "院": 3, "工业": 7, "工": 4, "业": 1, "部": 6}


def test_a_table_answers_as_its_dict() -> None:
    trie = Trie.from_freq(FREQ, 82)
    table = WordTable.of(FREQ, trie)
    for w in [*FREQ, "院部", "国务院办", "", "乙"]:
        assert table.get(w) == FREQ.get(w)
        assert table.get(w, -5) == FREQ.get(w, -5)
        assert table.lookup(w, None) == FREQ.get(w, None)
        assert (w in table) == (w in FREQ)
    assert list(table.items()) == list(FREQ.items()) and len(table) == len(FREQ)
    assert table == FREQ and table != {**FREQ, "乙": 1}
    with pytest.raises(KeyError):
        table["乙"]
    again = pickle.loads(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
    assert list(again.items()) == list(FREQ.items())


def test_labels_and_words_outside_the_trie() -> None:
    trie = Trie.from_freq(FREQ, 82)
    tags = {"国务院": "nt", "工业": "n", "实施": "v", "部": "n"}
    table = WordTable.of(tags, trie)
    assert dict(table.items()) == tags and list(table) == list(tags)
    assert table.get("实施") == "v" and table.get("国务") is None and table.get("国", "") == ""


def test_words_added_to_a_table() -> None:
    """As jieba's ``add_word`` does to ``FREQ`` (a word and its prefixes)."""
    trie = Trie.from_freq(FREQ, 82)
    table, plain = WordTable.of(FREQ, trie), dict(FREQ)
    for w, f in (("工业部", 5), ("国", 1000), ("乙丙", 3), ("乙", 0), ("院", 1 << 40)):
        table[w] = f
        plain[w] = f
    assert list(table.items()) == list(plain.items()) and len(table) == len(plain)
    tags = WordTable.of({"国务院": "nt"}, trie)
    tags["工业"] = "n"
    assert dict(tags.items()) == {"国务院": "nt", "工业": "n"}
    with pytest.raises(ValueError):
        table["丁"] = -1


def test_the_route_over_the_trie_is_the_route_over_freq() -> None:
    """Random blocks over a small alphabet (every word and prefix shape, ties included)
    and jieba's own dictionary on invented sentences."""
    rng = random.Random(7)
    alphabet = "国务院工业部乙"
    for _ in range(20):
        freq: dict[str, int] = {}
        for _ in range(30):
            w = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
            freq[w] = rng.choice((0, 1, 2, 5, 5, 40))
            for i in range(1, len(w)):
                freq.setdefault(w[:i], 0)
        total = sum(freq.values()) + 1
        trie = Trie.from_freq(freq, total)
        for _ in range(30):
            blk = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
            assert trie.route(blk) == freq_route(blk, freq.get, math.log(total)), blk
    seg = fast_segmenter()
    initialize(seg)
    trie = trie_of(seg)
    table = WordTable.of(seg.dt.FREQ, trie)
    logtotal = math.log(seg.dt.total)
    for blk in ("工业和信息化部总经济师在论坛上表示", "国务院办公厅关于加强森林防火工作的通知",
                "各级人民政府应当加强对本行政区域内食品小作坊的监督管理"):  # fmt: skip
        assert trie.route(blk) == freq_route(blk, seg.dt.FREQ.get, logtotal)
        for i in range(len(blk)):
            for j in range(i + 1, min(len(blk), i + 5) + 1):
                assert table.get(blk[i:j]) == seg.dt.FREQ.get(blk[i:j])


def test_no_component_keeps_the_dictionary_as_a_dict() -> None:
    """A component that held ``FREQ`` or jieba's tags would pickle them whole into the
    snapshot beside the tables (and a new worker would unpickle both)."""
    from kg.nlp.pipeline import make_nlp, warm_up
    from kg.nlp.text import jieba_tags

    nlp = make_nlp(lean=True)
    warm_up(nlp)
    big = {id(fast_segmenter().dt.FREQ): "FREQ", id(jieba_tags()): "jieba_tags"}
    found = []

    class Probe(pickle.Pickler):
        def persistent_id(self, obj: object) -> None:
            if id(obj) in big:
                found.append(big[id(obj)])
            return None

    Probe(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL).dump(list(nlp.pipeline))
    assert found == []


def test_jiebas_tags_over_the_trie_in_their_order() -> None:
    """What ``jieba_tag_groups`` walks the first time a restored worker's component asks."""
    from kg.nlp.text import jieba_tags

    seg = fast_segmenter()
    initialize(seg)
    tags = jieba_tags()
    table = WordTable.of(tags, trie_of(seg))
    assert list(table.items()) == list(tags.items())
    assert list(table.values())[:100] == list(tags.values())[:100]


def test_many_words_added_to_a_table_stay_cheap() -> None:
    """jieba's ``load_userdict`` adds words one by one: each is no copy of the table."""
    import time

    freq = {"国务院": 10, "国务": 0, "国": 5, "院": 1}
    t = WordTable.of(freq, Trie.from_freq(freq, 16))
    start = time.process_time()
    for i in range(50_000):
        t[f"新词{i}"] = i
    assert time.process_time() - start < 5.0  # (a copy each: minutes)
    assert len(t) == 50_004 and list(t)[-1] == "新词49999" and t["新词7"] == 7
    assert pickle.loads(pickle.dumps(t)) == t


_RESTORED_JIEBA = """
import sys
from kg.nlp.pipeline import get_nlp, save_pending_snapshots
nlp = get_nlp(lean=True, snapshot_dir=sys.argv[1])
if sys.argv[2] == "save":
    save_pending_snapshots()
else:
    import jieba_next
    from kg.nlp.segment import fast_segmenter
    assert type(fast_segmenter().dt.FREQ).__name__ == "WordTable"  # restored
    print("|".join(jieba_next.lcut("国务院办公厅印发通知")))
    print(type(nlp("国务院办公厅印发通知。")).__name__)  # the pipeline still runs
"""


@pytest.mark.slow
def test_jiebas_own_cut_after_a_restore(tmp_path) -> None:
    """In a process that restored a snapshot, jieba's own cut still works (jieba_next's
    Rust takes ``FREQ`` as a dict only)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "KG_PIPELINE_SHARED": "off"}
    run = [sys.executable, "-c", _RESTORED_JIEBA, str(tmp_path)]
    subprocess.run([*run, "save"], check=True, env=env, capture_output=True, timeout=300)
    assert list(tmp_path.glob("pipeline-*.pkl"))
    out = subprocess.run([*run, "cut"], check=True, env=env, capture_output=True, text=True,
                         timeout=300).stdout.split()  # fmt: skip
    assert out == ["国务院办公厅|印发|通知", "Doc"]
