"""``kg.model.PRC_NAME`` is reference data's, not a string of its own: the country
gazetteer's full name of China (``CHINA_KEY``), which opens the People's Republic's titles."""

from __future__ import annotations

import json
from pathlib import Path

from kg.model import CHINA_KEY, PRC_NAME

COUNTRIES = Path(__file__).resolve().parents[2] / "ontology" / "gazetteers" / "countries.jsonl"


def test_prc_name_is_the_country_gazetteers_full_name_of_china() -> None:
    rows = [json.loads(line) for line in COUNTRIES.read_text(encoding="utf-8").splitlines()]
    china = next(r for r in rows if r["id"] == CHINA_KEY)
    assert PRC_NAME in china["aliases"]
    assert PRC_NAME.endswith(china["name"][-1]) and len(PRC_NAME) > len(china["name"])
