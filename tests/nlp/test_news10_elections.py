"""Elections named by their country or place, round 10 (issues #14, #15): 某国第N届国会选举,
某地特区第N届立法会选举 (one key however the place is written), 某国大选; a body electing
(选举产生) is none. Invented sentences only (heads/elections.py)."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def _elections(text: str) -> list[tuple[str, str]]:
    res = extract(Document("t", text))
    return [(m.text, m.key) for m in res.mentions if m.type == "Event"]


def test_an_election_after_its_country():
    evs = _elections("泰国第31届国会选举结果揭晓，老挝大选将于明年举行。")
    assert [t for t, _ in evs] == ["泰国第31届国会选举", "老挝大选"], evs


def test_one_key_for_a_place_written_short_and_in_full():
    evs = _elections("香港特区第九届立法会选举今天投票。香港特别行政区第九届立法会选举顺利完成。")
    assert len(evs) == 2 and evs[0][1] == evs[1][1], evs


def test_a_body_electing_is_no_election():
    assert not _elections("泰国国会选举产生新一届政府，老挝国民议会选举出新主席。")
