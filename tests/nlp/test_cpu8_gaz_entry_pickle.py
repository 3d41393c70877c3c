"""A gazetteer entry pickles as its constructor's arguments (a pipeline snapshot holds
~12,000): the same entry comes back, still frozen, and copies are equal."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from kg.nlp.gazetteer import GazEntry, load_gazetteer


def test_entries_round_trip():
    entries = list(load_gazetteer().entries.values())
    back = pickle.loads(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == entries
    assert all(type(e) is GazEntry for e in back)
    assert [dataclasses.astuple(e) for e in back] == [dataclasses.astuple(e) for e in entries]


def test_every_field_travels_and_stays_frozen():
    e = GazEntry("org/x", "GovernmentBody", "某某委员会", ("某委",), "Q1", "XX", "X", "c", "org/y",
                 "place/z", ("某某委",))  # fmt: skip
    again = pickle.loads(pickle.dumps(e))
    assert again == e and hash(again) == hash(e)
    assert copy.copy(e) == e and copy.deepcopy(e) == e
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.name = "别的"
