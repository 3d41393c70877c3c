"""The vendored gazetteer data under ``ontology/``: format, uniqueness, spot checks.

These tests read the files directly (not through ``kg.nlp.gazetteer``) so that they check
the data itself; the alias checks use the pipeline's own name normalisation.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from kg.nlp.text import norm_name

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
GAZ = ONTOLOGY / "gazetteers"
LEX = ONTOLOGY / "lexicon"

FILES = {
    "government.jsonl": {"GovernmentBody", "Ministry"},
    "countries.jsonl": {"Country"},
    "organizations.jsonl": {"Organization"},
    "locations.jsonl": {"Location"},
    "laws.jsonl": {"Law"},
    "programs.jsonl": {"Program"},
    "events.jsonl": {"Event"},
}
FOLDER = {
    "GovernmentBody": "gov",
    "Ministry": "gov",
    "Organization": "org",
    "Country": "country",
    "Location": "place",
    "Law": "law",
    "Program": "program",
    "Event": "event",
}
KEYS = [
    "id",
    "type",
    "name",
    "aliases",
    "wikidata",
    "iso",
    "en",
    "category",
    "formerly",
    "successor",
]
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _lines(path: Path) -> list[str]:
    return [
        ln.strip()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    ]


def _load() -> dict[str, list[dict]]:
    out = {}
    for fname in FILES:
        rows = []
        for n, line in enumerate((GAZ / fname).read_text(encoding="utf-8").splitlines(), 1):
            assert line.strip(), f"{fname}:{n}: blank line"
            rows.append(json.loads(line))
        out[fname] = rows
    return out


DATA = _load()
ALL = [e for rows in DATA.values() for e in rows]
BY_ID = {e["id"]: e for e in ALL}
AMBIGUOUS = {norm_name(x) for x in _lines(LEX / "ambiguous_aliases.txt")}


def _owners() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in ALL:
        for label in (e["name"], *e["aliases"]):
            owners[norm_name(label)].add(e["id"])
    return owners


OWNERS = _owners()


def lookup(label: str) -> dict:
    ids = OWNERS.get(norm_name(label), set())
    assert len(ids) == 1, f"{label!r} → {sorted(ids)}"
    return BY_ID[next(iter(ids))]


# --------------------------------------------------------------------------- format


@pytest.mark.parametrize("fname", sorted(FILES))
def test_every_line_valid(fname):
    assert DATA[fname], f"{fname} is empty"
    for e in DATA[fname]:
        assert list(e)[: len(KEYS)] == KEYS, e["id"]
        assert e["type"] in FILES[fname], e["id"]
        folder, _, slug = e["id"].partition("/")
        assert folder == FOLDER[e["type"]] and slug, e["id"]
        if folder in ("gov", "org", "place", "program", "event"):
            assert SLUG.match(slug), e["id"]
        if folder == "country":
            assert re.fullmatch(r"[A-Z]{3}", slug) and e["iso"] == slug, e["id"]
        if folder == "law":
            assert slug == re.sub(r"\s+", "", e["name"]), e["id"]
        assert isinstance(e["name"], str) and e["name"].strip() == e["name"] and e["name"]
        assert isinstance(e["aliases"], list) and isinstance(e["formerly"], list)
        for a in e["aliases"]:
            assert isinstance(a, str) and a.strip() == a and len(norm_name(a)) >= 2, (e["id"], a)
            assert norm_name(a) != norm_name(e["name"]), (e["id"], a)
        assert len({norm_name(a) for a in e["aliases"]}) == len(e["aliases"]), e["id"]
        if e["wikidata"] is not None:
            assert re.fullmatch(r"Q[1-9]\d*", e["wikidata"]), e["id"]
        if e["successor"] is not None:
            assert e["successor"] in BY_ID and e["successor"] != e["id"], e["id"]


def test_ids_unique():
    ids = [e["id"] for e in ALL]
    assert len(ids) == len(set(ids))


def test_names_unique():
    names = [norm_name(e["name"]) for e in ALL]
    dup = {n for n in names if names.count(n) > 1} if len(names) != len(set(names)) else set()
    assert not dup


def test_no_alias_maps_to_two_entities():
    bad = {label: ids for label, ids in OWNERS.items() if len(ids) > 1 and label not in AMBIGUOUS}
    assert not bad


def test_ambiguous_aliases_are_not_used():
    used = {label for label, ids in OWNERS.items() if len(ids) == 1}
    assert not (AMBIGUOUS & used)


def test_not_entities_are_not_names():
    generic = {norm_name(x) for x in _lines(LEX / "not_entities.txt")}
    assert not (generic & set(OWNERS))


def test_blockers_are_not_names():
    blockers = {norm_name(x) for x in _lines(LEX / "blockers.txt")}
    assert "沿海地区" in blockers and "财政部门" in blockers
    assert not (blockers & set(OWNERS))


def test_no_programme_named_with_its_verb():
    # 实施|某某战略: the verb carries the programme out (the relation), no part of its name
    verbs = ("实施", "推进", "推动", "全面推进", "深入实施", "落实", "贯彻落实")
    for e in DATA["programs.jsonl"]:
        assert not [n for n in (e["name"], *e["aliases"]) if n.startswith(verbs)], e["id"]


def test_no_single_character_aliases():
    for e in ALL:
        assert all(len(norm_name(a)) >= 2 for a in e["aliases"]), e["id"]


def test_successor_chains_end():
    for e in ALL:
        seen = set()
        while e["successor"]:
            assert e["id"] not in seen, e["id"]
            seen.add(e["id"])
            e = BY_ID[e["successor"]]


def test_formerly_lists_predecessors():
    for e in ALL:
        if e["successor"]:
            assert e["name"] in BY_ID[e["successor"]]["formerly"], e["id"]


# --------------------------------------------------------------------------- spot checks


def test_miit():
    e = lookup("工信部")
    assert e["id"] == "gov/miit" and e["type"] == "Ministry" and e["name"] == "工业和信息化部"
    assert lookup("中华人民共和国工业和信息化部")["id"] == "gov/miit"
    assert lookup("中国工业和信息化部")["id"] == "gov/miit"


def test_ndrc():
    for form in ("发改委", "国家发展改革委", "国家发改委", "国家发展和改革委员会"):
        assert lookup(form)["id"] == "gov/ndrc", form
    assert lookup("国家计委")["successor"] == "gov/ndrc"


def test_historical_names_are_separate_entities():
    assert lookup("信息产业部")["successor"] == "gov/miit"
    assert lookup("国家工商行政管理总局")["successor"] == "gov/samr"
    assert lookup("国家教委")["successor"] == "gov/moe"
    assert "信息产业部" in BY_ID["gov/miit"]["formerly"]


@pytest.mark.parametrize(
    "form,key",
    [
        ("人社部", "gov/mohrss"),
        ("人力资源社会保障部", "gov/mohrss"),
        ("住建部", "gov/mohurd"),
        ("住房城乡建设部", "gov/mohurd"),
        ("市场监管总局", "gov/samr"),
        ("央行", "gov/pbc"),
        ("中央网信办", "gov/cac"),
        ("国家网信办", "gov/cac"),
        ("全国人大常委会", "gov/npcsc"),
        ("国务院", "gov/state-council"),
        ("最高人民法院", "gov/spc"),
        ("中共中央", "gov/cpc-central-committee"),
    ],
)
def test_government_short_forms(form, key):
    assert lookup(form)["id"] == key


def test_ministry_types():
    assert BY_ID["gov/state-council"]["type"] == "GovernmentBody"
    assert BY_ID["gov/npcsc"]["type"] == "GovernmentBody"
    for key in ("gov/mfa", "gov/ndrc", "gov/pbc", "gov/sasac", "gov/samr", "gov/nda"):
        assert BY_ID[key]["type"] == "Ministry", key


def test_central_reference_bodies_present():
    ref = Path(__file__).resolve().parents[3] / "shared" / "reference" / "gov_orgs"
    if not (ref / "central.jsonl").exists():
        pytest.skip("shared reference data not available")
    for line in (ref / "central.jsonl").read_text(encoding="utf-8").splitlines():
        name = json.loads(line)["name"]
        if "（" in name:
            continue
        assert lookup(name)["type"] == "Ministry", name


def test_laws():
    e = lookup("网络安全法")
    assert e["id"] == "law/中华人民共和国网络安全法" and e["type"] == "Law"
    assert lookup("宪法")["id"] == "law/中华人民共和国宪法"
    assert lookup("民法典")["id"] == "law/中华人民共和国民法典"
    assert lookup("联合国宪章")["type"] == "Law"
    assert lookup("RCEP")["id"] == "law/区域全面经济伙伴关系协定"
    assert "组织法" in AMBIGUOUS and norm_name("组织法") not in {
        n for n, ids in OWNERS.items() if len(ids) == 1
    }


@pytest.mark.parametrize(
    "form",
    [
        "台湾",
        "香港",
        "澳门",
        "中国台湾",
        "中国香港",
        "香港特别行政区",
        "澳门特别行政区",
        "台湾地区",
    ],
)
def test_china_places_are_locations(form):
    assert lookup(form)["type"] == "Location"


def test_countries():
    assert lookup("美国")["id"] == lookup("美利坚合众国")["id"] == "country/USA"
    assert lookup("中华人民共和国")["id"] == "country/CHN"
    assert "我国" not in OWNERS
    for single in ("美", "日", "俄", "英", "法", "德"):
        assert single not in OWNERS
    for form, iso in [
        ("英国", "GBR"),
        ("俄罗斯", "RUS"),
        ("朝鲜", "PRK"),
        ("韩国", "KOR"),
        ("越南", "VNM"),
        ("老挝", "LAO"),
        ("伊朗", "IRN"),
        ("叙利亚", "SYR"),
        ("委内瑞拉", "VEN"),
        ("玻利维亚", "BOL"),
        ("坦桑尼亚", "TZA"),
        ("卢旺达", "RWA"),
        ("泰国", "THA"),
    ]:
        assert lookup(form)["id"] == f"country/{iso}", form
    assert len(DATA["countries.jsonl"]) >= 190


@pytest.mark.parametrize(
    "form,key",
    [
        ("联合国", "org/un"),
        ("UN", "org/un"),
        ("安理会", "org/unsc"),
        ("联合国教育、科学及文化组织", "org/unesco"),
        ("UNESCO", "org/unesco"),
        ("世贸组织", "org/wto"),
        ("G20", "org/g20"),
        ("金砖", "org/brics"),
        ("上合组织", "org/sco"),
        ("亚太经济合作组织", "org/apec"),
        ("ASEAN", "org/asean"),
        ("东南亚国家联盟", "org/asean"),
        ("阿拉伯联盟", "org/arab-league"),
        ("ISO", "org/iso"),
        ("新华社", "org/xinhua"),
    ],
)
def test_organizations(form, key):
    assert lookup(form)["id"] == key


@pytest.mark.parametrize(
    "form,type_",
    [
        ("北京", "Location"),
        ("青岛", "Location"),
        ("浙江省", "Location"),
        ("浙江", "Location"),
        ("广西", "Location"),
        ("非洲", "Location"),
        ("拉美", "Location"),
        ("中亚五国", "Location"),
        ("中东欧国家", "Location"),
        ("亚太", "Location"),
        ("粤港澳大湾区", "Location"),
        ("一带一路倡议", "Program"),
        ("“一带一路”倡议", "Program"),
        ("共建一带一路", "Program"),
        ("北斗三号", "Program"),
        ("“十四五”规划", "Program"),
        ("2030年可持续发展议程", "Program"),
        ("粤港澳大湾区建设", "Program"),
        ("国家网络安全宣传周", "Event"),
        ("进博会", "Event"),
        ("国家宪法日", "Event"),
        ("全民国家安全教育日", "Event"),
    ],
)
def test_types(form, type_):
    assert lookup(form)["type"] == type_


def test_beidou_is_one_program():
    ids = {
        lookup(f)["id"]
        for f in ("北斗", "北斗系统", "北斗三号", "北斗卫星导航系统", "北斗三号全球卫星导航系统")
    }
    assert len(ids) == 1


def test_sizes():
    assert len(DATA["organizations.jsonl"]) >= 100
    assert len(DATA["programs.jsonl"]) >= 60
    assert len(DATA["events.jsonl"]) >= 30
    assert len(DATA["laws.jsonl"]) >= 3000


# --------------------------------------------------------------------------- lexicons


def test_lexicons():
    posts = _lines(LEX / "posts.txt")
    for p in ("部长", "总经济师", "国务委员", "新闻发言人", "责任编辑", "检察长"):
        assert p in posts
    heads = dict(ln.split("\t")[:2] for ln in _lines(LEX / "title_heads.tsv"))
    assert set(heads.values()) <= {"Law", "Program", "Event", "Organization"}
    assert heads["法"] == "Law" and heads["行动计划"] == "Program" and heads["论坛"] == "Event"
    generic = _lines(LEX / "not_entities.txt")
    assert "各国" in generic and "我国" in generic
