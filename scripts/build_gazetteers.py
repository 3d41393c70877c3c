#!/usr/bin/env python3
"""Build the gazetteer files under ``ontology/gazetteers/`` from reference data.

Inputs
  * ``<shared>/reference/countries/country-codes.csv`` (PDDL) and
    ``countryiso_iso_3166-1.json`` (MIT): countries and dependent territories;
  * ``<shared>/reference/gov_orgs/{central,provincial}.jsonl``: the State Council's
    departments after the 2023 reform and the 31 provincial governments (checked against
    the curated list, which supplies ids, short forms and English names);
  * ``<shared>/reference/laws/law_titles.tsv`` and ``law_index.tsv``: law titles, version
    dates, short names and levels;
  * ``ontology/gazetteers/curated/*.jsonl``: hand-curated entries (ids, aliases, historical
    names, Wikidata IDs) and ``curated/ambiguous_aliases.txt``;
  * ``curated/gov_short_forms.tsv`` and ``curated/org_short_forms.tsv``: short forms derived
    from full names by ``scripts/build_gov_shorts.py`` and ``scripts/build_org_shorts.py``;
  * ``curated/program_names.tsv``: programme names the corpus repeats, mined by
    ``scripts/build_program_names.py``.

Outputs (vendored; CI does not regenerate them)
  ``ontology/gazetteers/{government,countries,organizations,locations,laws,programs,events}.jsonl``
  and ``ontology/lexicon/ambiguous_aliases.txt``.

Every output line is one JSON object with the keys ``id, type, name, aliases, wikidata, iso,
en, category, formerly, successor`` (laws add ``level`` and ``versions``). An alias that would
denote two entities is dropped from both and written to ``ambiguous_aliases.txt``; an alias
equal to another entity's name is dropped from the alias side.

Usage: ``.venv/bin/python scripts/build_gazetteers.py [--shared ../shared] [--check]``
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

try:  # the pipeline's own normalisation, so conflicts are judged as the matcher sees them
    from kg.nlp.text import norm_name
except Exception:  # pragma: no cover - fallback when kg is not importable
    _QUOTES = re.compile(r"[《》〈〉“”‘’\"'「」『』\s]")
    _DASHES = {ord(c): "—" for c in "-‐‑‒–—―－─"}

    def norm_name(name: str) -> str:
        s = unicodedata.normalize("NFKC", name).translate(_DASHES)
        return _QUOTES.sub("", s)


KEYS = ("id", "type", "name", "aliases", "wikidata", "iso", "en", "category", "formerly",
        "successor")
TYPES = {"GovernmentBody", "Ministry", "Organization", "Country", "Location", "Law", "Program",
         "Event"}
FOLDER = {"GovernmentBody": "gov", "Ministry": "gov", "Organization": "org", "Country": "country",
          "Location": "place", "Law": "law", "Program": "program", "Event": "event"}
OUT_FILES = {
    "government.jsonl": ("GovernmentBody", "Ministry"),
    "countries.jsonl": ("Country",),
    "organizations.jsonl": ("Organization",),
    "locations.jsonl": ("Location",),
    "laws.jsonl": ("Law",),
    "programs.jsonl": ("Program",),
    "events.jsonl": ("Event",),
}
PRC = "中华人民共和国"

# Law-corpus rows that are not legal instruments (how-to guides, case summaries).
LAW_SKIP_CATEGORIES = {"案例"}
LAW_SKIP_TITLES = {"劳动仲裁和劳动诉讼的攻略"}


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError as exc:
                raise SystemExit(f"{path}:{n}: {exc}") from exc
    return out


def read_list(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def clean(s: str | None) -> str:
    """Trim, collapse white space, drop the UN tables' footnote stars."""
    if not s:
        return ""
    s = re.sub(r"\s*\*+\s*$", "", s.strip())
    return re.sub(r"\s+", " ", s)


def entry(**kw) -> dict:
    e = {k: None for k in KEYS}
    e["aliases"] = []
    e["formerly"] = []
    for k, v in kw.items():
        if v is not None:
            e[k] = v
    return e


# --------------------------------------------------------------------------- countries

def slugify(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def build_countries(shared: Path, cur: Path) -> tuple[list[dict], list[dict]]:
    """(countries, dependent territories as locations)."""
    base = shared / "reference" / "countries"
    rows = list(csv.DictReader((base / "country-codes.csv").open(encoding="utf-8")))
    iso_json = json.loads((base / "countryiso_iso_3166-1.json").read_text(encoding="utf-8"))
    common = {d["alpha_3"]: d for d in iso_json["3166-1"]}
    extra = {d["iso"]: d for d in read_jsonl(cur / "countries.jsonl")}
    # Places in China that the tables list as rows: curated as locations (README rule).
    china_places = {"TWN", "HKG", "MAC"}
    sovereign_like = {"VAT", "PSE", "COK", "NIU"}  # observer/associated states China recognises
    countries, territories = [], []
    for r in rows:
        a3 = r["ISO3166-1-Alpha-3"].strip()
        if not a3 or a3 in china_places:
            continue
        j = common.get(a3, {})
        x = extra.get(a3, {})
        wd_url = (r.get("wikidata_id") or "").strip()
        wikidata = x.get("wikidata") or (wd_url.rsplit("/", 1)[-1] if wd_url else None)
        un_short = clean(r["UNTERM Chinese Short"])
        un_formal = clean(r["UNTERM Chinese Formal"])
        off_cn = clean(r["official_name_cn"])
        com = clean(j.get("chinese_name"))
        name = x.get("name") or com or un_short or off_cn
        if not name:
            log(f"country {a3}: no Chinese name, skipped")
            continue
        en = (re.sub(r"\s*\(the\)", "", clean(r.get("UNTERM English Short")))
              or clean(r.get("official_name_en")) or j.get("name"))
        aliases = [un_short, un_formal, off_cn, com, *x.get("aliases", [])]
        aliases = [a for a in aliases if a and a not in set(x.get("drop", []))]
        independent = r["is_independent"].strip() == "Yes" or a3 in sovereign_like
        if independent:
            countries.append(entry(id=f"country/{a3}", type="Country", name=name, aliases=aliases,
                                   wikidata=wikidata, iso=a3, en=en, category="主权国家"))
        else:
            cat = "南极" if a3 == "ATA" else ("争议地区" if r["is_independent"].startswith(
                "In contention") else "属地")
            territories.append(entry(id=f"place/{slugify(en or a3)}", type="Location", name=name,
                                     aliases=aliases, wikidata=wikidata, iso=a3, en=en,
                                     category=cat))
    for h in read_jsonl(cur / "countries_historical.jsonl"):
        countries.append(entry(**h))
    missing = set(extra) - {c["iso"] for c in countries}
    if missing:
        log(f"curated countries not in the tables: {sorted(missing)}")
    return countries, territories


# --------------------------------------------------------------------------- government

def build_government(shared: Path, cur: Path, places: dict[str, dict]) -> list[dict]:
    gov = [entry(**{k: v for k, v in d.items() if k in KEYS}) for d in
           read_jsonl(cur / "government.jsonl")]
    by_label = {}
    for g in gov:
        for label in (g["name"], *g["aliases"]):
            by_label[norm_name(label)] = g
    ref = shared / "reference" / "gov_orgs"
    for d in read_jsonl(ref / "central.jsonl"):
        name = re.sub(r"（.*?）$", "", d["name"])
        if name == "中国政府网":
            name = "国务院"
        g = by_label.get(norm_name(name))
        if g is None:
            log(f"central body not curated: {name} ({d.get('category')})")
            gov.append(entry(id=f"gov/{slugify(d['url'].split('//')[-1].split('.')[1])}",
                             type="Ministry", name=name, category=d.get("category")))
            continue
        if d.get("category") and d["category"] != "国务院门户":
            g["category"] = d["category"]
    # Ministries: the forms with the state's name in front, as used in treaties and news.
    for g in gov:
        if g["type"] != "Ministry" or g["category"] == "历史机构":
            continue
        n = g["name"]
        if not n.startswith(("中国", "中华", "国务院")):
            g["aliases"] += [PRC + n, "中国" + n]
        elif n.startswith("国务院"):
            g["aliases"] += [PRC + n]
    # Provincial organs, generated from the reference list of provincial governments.
    region_place = {}
    for p in places.values():
        if p.get("category") in ("省", "自治区", "直辖市"):
            for label in (p["name"], *p["aliases"]):
                region_place[label] = p
    for d in read_jsonl(ref / "provincial.jsonl"):
        p = region_place.get(d["region"])
        if p is None:
            log(f"province not curated: {d['region']}")
            continue
        slug = p["id"].split("/", 1)[1]
        full, short, cat = p["name"], d["region"], p["category"]
        en = p["en"]
        gname = d["name"]
        gov.append(entry(id=f"gov/{slug}-gov", type="GovernmentBody", name=gname,
                         aliases=[full + "政府", PRC + gname] if cat != "自治区" else
                         [full + "政府", short + "自治区人民政府", short + "自治区政府"],
                         en=f"People's Government of {en}", category="省级人民政府"))
        gov.append(entry(id=f"gov/{slug}-pc", type="GovernmentBody", name=full + "人民代表大会",
                         aliases=[full + "人大"], en=f"{en} People's Congress",
                         category="省级人民代表大会"))
        gov.append(entry(id=f"gov/{slug}-pcsc", type="GovernmentBody",
                         name=full + "人民代表大会常务委员会",
                         aliases=[full + "人大常委会", full + "人大常务委员会"],
                         en=f"Standing Committee of the {en} People's Congress",
                         category="省级人大常委会"))
        party_alias = [f"中共{full}委员会"]
        if cat == "自治区":
            party_alias += [f"中共{full}党委", f"{full}党委", f"{short}自治区党委"]
        else:
            party_alias += [f"中共{full}委", f"{full}委"]
        gov.append(entry(id=f"gov/{slug}-cpc", type="GovernmentBody",
                         name=f"中国共产党{full}委员会", aliases=party_alias,
                         en=f"CPC {en} Committee", category="省级党委"))
        gov.append(entry(id=f"gov/{slug}-cppcc", type="GovernmentBody",
                         name=f"中国人民政治协商会议{full}委员会",
                         aliases=[f"{full}政协", f"政协{full}委员会"],
                         en=f"{en} Committee of the CPPCC", category="省级政协"))
        gov.append(entry(id=f"gov/{slug}-high-court", type="GovernmentBody",
                         name=f"{full}高级人民法院", aliases=[],
                         en=f"{en} Higher People's Court", category="高级人民法院"))
        gov.append(entry(id=f"gov/{slug}-procuratorate", type="GovernmentBody",
                         name=f"{full}人民检察院", aliases=[],
                         en=f"{en} People's Procuratorate", category="省级人民检察院"))
    # City governments and people's congresses for the curated cities.
    for p in places.values():
        if p.get("category") != "市":
            continue
        slug = p["id"].split("/", 1)[1]
        full = p["name"]
        gov.append(entry(id=f"gov/{slug}-gov", type="GovernmentBody", name=full + "人民政府",
                         aliases=[full + "政府"], en=f"People's Government of {p['en']}",
                         category="市人民政府"))
        gov.append(entry(id=f"gov/{slug}-pcsc", type="GovernmentBody",
                         name=full + "人民代表大会常务委员会",
                         aliases=[full + "人大常委会"],
                         en=f"Standing Committee of the {p['en']} People's Congress",
                         category="市人大常委会"))
    return gov


# --------------------------------------------------------------------------- laws

def build_laws(shared: Path, cur: Path) -> tuple[list[dict], set[str]]:
    """(law entries, short names that fit several laws)."""
    base = shared / "reference" / "laws"
    titles: dict[str, dict] = {}
    for r in csv.DictReader((base / "law_titles.tsv").open(encoding="utf-8"), delimiter="\t"):
        cat = r["category"].strip()
        title = clean(r["title_h1"])
        if cat in LAW_SKIP_CATEGORIES or title in LAW_SKIP_TITLES or not title:
            continue
        t = titles.setdefault(title, {"cats": Counter(), "dates": set(), "level": None})
        t["cats"][cat.removeprefix("DLC/")] += 1
        if r["date_in_filename"].strip():
            t["dates"].add(r["date_in_filename"].strip())
    levels = {"宪法", "法律", "行政法规", "司法解释", "部门规章"}
    index_short: dict[str, set[str]] = defaultdict(set)
    for r in csv.DictReader((base / "law_index.tsv").open(encoding="utf-8"), delimiter="\t"):
        s, level = clean(r["short_name"]), r["level"].strip()
        if level not in levels or not s:
            continue
        if s in titles:
            target = s
        elif PRC + s in titles:
            target = PRC + s
        elif s.startswith("民法典"):
            target = PRC + "民法典"  # the code's books are indexed one by one
        else:  # a regulation missing from the title list: its index name is its title
            target = s
            titles.setdefault(s, {"cats": Counter({level: 1}), "dates": set(), "level": None})
        titles[target]["level"] = titles[target]["level"] or level
        if s != target and not s.startswith("民法典"):
            index_short[s].add(target)
        if r["publish"].strip():
            titles[target]["dates"].add(r["publish"].strip())
    # short forms: the title without the state's name, plus unambiguous index short names
    short: dict[str, set[str]] = defaultdict(set)
    for title in titles:
        if title.startswith(PRC) and len(title) > len(PRC) + 1:
            short[title[len(PRC):]].add(title)
    for s, ts in index_short.items():
        short[s] |= ts
    ambiguous = {s for s, ts in short.items() if len(ts) > 1}
    out: dict[str, dict] = {}
    for title, t in sorted(titles.items()):
        cat = t["cats"].most_common(1)[0][0]
        level = t["level"] or ("地方性法规" if "地方法规" in cat else None)
        if level is None and cat in ("行政法规", "司法解释", "部门规章", "宪法"):
            level = cat
        e = entry(id="law/" + re.sub(r"\s+", "", title), type="Law", name=title, category=cat)
        e["level"] = level
        e["versions"] = sorted(t["dates"])
        out[title] = e
    for s, ts in short.items():
        if len(ts) == 1 and s not in titles:
            out[next(iter(ts))]["aliases"].append(s)
    for d in read_jsonl(cur / "laws.jsonl"):
        if d.get("merge"):
            if d["name"] in out:
                out[d["name"]]["aliases"] += d["aliases"]
            else:
                log(f"curated law alias target not in titles: {d['name']}")
            continue
        e = entry(**{k: v for k, v in d.items() if k in KEYS})
        e["level"] = d.get("level") or d.get("category")
        e["versions"] = sorted(d.get("versions", []))
        if d["name"] in out:
            log(f"curated law duplicates a title: {d['name']}")
        out[d["name"]] = e
    return list(out.values()), ambiguous


# --------------------------------------------------------------------------- places

DIVISION_CATEGORY = {1: "地级行政区", 2: "县级行政区"}


def build_places(cur: Path, known: list[dict], countries: list[dict]) -> list[dict]:
    """China's prefectures and counties (``curated/cn_divisions.tsv``), rivers, lakes,
    mountains, islands and ports (``curated/features.tsv``) and the world's capitals and
    major cities (``curated/world_cities.tsv``), derived by ``scripts/build_places.py``.

    A division a curated entry already names lends it its short form; a name several
    divisions share is qualified by the parent's (北京市朝阳区); a short form or a city
    that is already some entity's label is left out, so that no curated form turns
    ambiguous. ``partOf`` is the id of the division one level up (the matcher checks a
    county's short form against it)."""

    labels: dict[str, dict] = {}
    for e in known:
        for lbl in (e["name"], *e["aliases"]):
            labels.setdefault(norm_name(lbl), e)
    rows = []
    path = cur / "cn_divisions.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                code, level, name, short, parent, _ = (line.split("\t") + [""] * 6)[:6]
                rows.append({"code": code, "level": int(level), "name": name, "short": short,
                             "parent": parent})
    by_code = {r["code"]: r for r in rows}
    name_count = Counter(r["name"] for r in rows)
    out: list[dict] = []
    id_of: dict[str, str] = {}  # adcode → the entry's id (a curated one where it merged)
    for r in rows:
        short = r["short"] if len(r["short"]) >= 2 else ""
        e = labels.get(norm_name(r["name"]))
        if e is not None and name_count[r["name"]] == 1:
            id_of[r["code"]] = e["id"]
            if e["type"] == "Location" and r["parent"] in id_of and not e.get("partOf"):
                e["partOf"] = id_of[r["parent"]]
            if e["type"] == "Location" and short and norm_name(short) not in labels:
                e["aliases"].append(short)
                labels[norm_name(short)] = e
            continue
        if r["level"] == 0:
            continue  # provinces are curated
        name = r["name"]
        if name_count[name] > 1:
            parent = by_code.get(r["parent"])
            if parent is None or parent["name"] == name:
                continue
            name, short = parent["name"] + name, ""
            if norm_name(name) in labels:
                continue
        aliases = [short] if short and norm_name(short) not in labels else []
        new = entry(id=f"place/cn-{r['code']}", type="Location", name=name, aliases=aliases,
                    category=DIVISION_CATEGORY[r["level"]])
        new["partOf"] = id_of.get(r["parent"])
        id_of[r["code"]] = new["id"]
        out.append(new)
        for lbl in (name, *aliases):
            labels[norm_name(lbl)] = new
    for row in tsv_rows(cur / "features.tsv"):
        add_place(out, labels, "place/feature", row[0], "自然地理实体")
    # places LAC reads alone (scripts/build_lac_places.py)
    for row in tsv_rows(cur / "lac_places.tsv"):
        add_place(out, labels, "place/lac", row[0], "地名")
    country_iso = {}
    for c in countries:
        for lbl in (c["name"], *c["aliases"]):
            country_iso.setdefault(norm_name(lbl), c["iso"])
    path = cur / "world_cities.tsv"
    if path.exists():
        territory_of = world_territories(path, country_iso, labels, out)
        for country, city, capital in tsv_rows(path):
            iso = country_iso.get(norm_name(country)) or territory_of.get(country)
            if iso is None or iso == "CHN" or len(city) < 2:
                continue
            add_place(out, labels, f"place/{iso.lower()}", city,
                      "首都" if capital == "1" else "城市")  # fmt: skip
    out += world_subdivisions(cur / "world_subdivisions.tsv", countries, labels)
    out += cldr_cities(cur / "cldr_cities.tsv", labels)  # a state's name is the state's
    return out


def cldr_cities(path: Path, labels: dict[str, dict]) -> list[dict]:
    """The cities CLDR names its time zones after (``curated/cldr_cities.tsv``,
    ``scripts/build_cldr_cities.py``): a Location each (category
    城市; ``place/city-<iso3>-<hash>``: out of jieba's dictionary, see
    ``Gazetteer.jieba_words``), unless the name is already a label."""
    out: list[dict] = []
    for _, iso, city in tsv_rows(path):
        add_place(out, labels, f"place/city-{iso.lower()}", city, "城市")
    return out


def tsv_rows(path: Path) -> list[list[str]]:
    """The tab-separated rows of a curated list (none when it is missing; comments and
    blank lines skipped)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def add_place(out: list[dict], labels: dict[str, dict], prefix: str, name: str,
              category: str) -> None:
    """A Location ``name`` (id ``prefix-<hash of the name>``) added to ``out`` and
    ``labels``, unless the name is already a label."""
    import hashlib

    if norm_name(name) in labels:
        return
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    new = entry(id=f"{prefix}-{digest}", type="Location", name=name, category=category)
    out.append(new)
    labels[norm_name(name)] = new


def world_subdivisions(path: Path, countries: list[dict], labels: dict[str, dict]) -> list[dict]:
    """Foreign provinces, states and departments of ISO 3166-2 (``curated/
    world_subdivisions.tsv``, ``scripts/build_subdivisions.py``): a Location each
    (``place/sub-<code>``), ``partOf`` its country, its short form an alias; a name or
    short form that is already a label (a city's), or a label + 市, is left out."""
    if not path.exists():
        return []
    country_id = {c["iso"]: c["id"] for c in countries if c.get("iso")}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, iso3, name, short, parent = (line.split("\t") + [""] * 5)[:5]
        if norm_name(name) in labels or (name[-1] == "市" and norm_name(name[:-1]) in labels):
            continue  # a label, or a city's name + 市 (伦敦市: the city, not another place)
        aliases = [short] if short and norm_name(short) not in labels else []
        new = entry(id=f"place/sub-{code.lower()}", type="Location", name=name, aliases=aliases,
                    category="二级行政区" if parent else "一级行政区")
        new["partOf"] = country_id.get(iso3)
        out.append(new)
        for lbl in (name, *aliases):
            labels[norm_name(lbl)] = new
    return out


def world_territories(path: Path, country_iso: dict[str, str], labels: dict[str, dict],
                      out: list[dict]) -> dict[str, str]:
    r"""The states of JioNLP's world list that no country entry names: a spelling of a
    country's name (one character other, or a country's name begins with it) lends its
    cities that country's code; any other is a territory, a Location (category 地区)
    whose cities are its own. Returns ``{listed state: code for its cities' ids}``.

    >>> isos = {"塞拉利昂": "SLE", "中非共和国": "CAF"}
    >>> out = []
    >>> tsv = Path(__import__("tempfile").mkdtemp()) / "w.tsv"
    >>> _ = tsv.write_text("塞拉里昂\t弗里敦\t1\n中非\t班吉\t1\n某某沃\t某城\t1\n", "utf-8")
    >>> world_territories(tsv, isos, {}, out), [e["name"] for e in out]
    ({'塞拉里昂': 'SLE', '中非': 'CAF', '某某沃': 'terr'}, ['某某沃'])
    """
    import hashlib

    listed = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            state = line.split("\t")[0]
            if norm_name(state) not in country_iso and state not in listed:
                listed.append(state)
    found: dict[str, str] = {}
    for state in listed:
        spelling = next(
            (iso for name, iso in country_iso.items()
             if name.startswith(state)
             or (len(name) == len(state)
                 and sum(a != b for a, b in zip(name, state, strict=True)) == 1)),
            None,
        )
        if spelling is not None:
            found[state] = spelling
            continue
        found[state] = "terr"
        if norm_name(state) in labels:
            continue
        digest = hashlib.sha1(state.encode("utf-8")).hexdigest()[:8]
        new = entry(id=f"place/terr-{digest}", type="Location", name=state, category="地区")
        out.append(new)
        labels[norm_name(state)] = new
    return found


# --------------------------------------------------------------------------- checks

#: what joins two names in a coordination (A和B, A、B, A及B, A与B)
COORD = re.compile("[和、及与]")


def coordinates_programmes(n: str, owners: set[str], name_owner: dict[str, str],
                           entities: list[dict]) -> bool:
    """Whether the normalised alias ``n`` of a programme is two other programmes' names
    joined (丝绸之路经济带和21世纪海上丝绸之路 of 一带一路): a text that writes it names
    both programmes, each of which the gazetteer has, not a third. Places are left alone:
    a region such as 拉美和加勒比 is one entity.

    >>> ents = [{"id": "program/a", "type": "Program"}, {"id": "program/b", "type": "Program"},
    ...         {"id": "program/ab", "type": "Program"}]
    >>> owner = {"甲计划": "program/a", "乙工程": "program/b"}
    >>> coordinates_programmes("甲计划和乙工程", {"program/ab"}, owner, ents)
    True
    >>> coordinates_programmes("甲计划和丙工程", {"program/ab"}, owner, ents)
    False
    """
    types = {e["id"]: e["type"] for e in entities}
    if any(types.get(o) != "Program" for o in owners):
        return False
    parts = COORD.split(n)
    return len(parts) > 1 and all(
        types.get(name_owner.get(p, "")) == "Program" and name_owner[p] not in owners
        for p in parts
    )


def finalize(entities: list[dict], ambiguous_seed: set[str]) -> tuple[list[dict], set[str]]:
    """Dedupe aliases, drop single characters, resolve cross-entity conflicts."""
    ids = Counter(e["id"] for e in entities)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        raise SystemExit(f"duplicate ids: {dup}")
    seed = {norm_name(a) for a in ambiguous_seed}
    name_owner: dict[str, str] = {}
    for e in entities:
        n = norm_name(e["name"])
        if n in name_owner:
            raise SystemExit(f"name {e['name']!r} used by {name_owner[n]} and {e['id']}")
        name_owner[n] = e["id"]
    alias_owners: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        seen = {norm_name(e["name"])}
        kept = []
        for a in e["aliases"]:
            a = clean(a)
            n = norm_name(a)
            if not a or n in seen or len(n) < 2:
                continue
            seen.add(n)
            kept.append(a)
        e["aliases"] = kept
        for a in kept:
            alias_owners[norm_name(a)].add(e["id"])
    ambiguous = set(ambiguous_seed)
    drop: dict[str, set[str]] = defaultdict(set)  # id -> normalised aliases to drop
    for n, owners in alias_owners.items():
        if coordinates_programmes(n, owners, name_owner, entities):
            for o in owners:
                drop[o].add(n)
            log(f"alias {n!r} of {sorted(owners)} names two programmes: dropped")
        elif n in name_owner and name_owner[n] not in owners:
            for o in owners:
                drop[o].add(n)
            log(f"alias {n!r} of {sorted(owners)} is the name of {name_owner[n]}: dropped")
        elif len(owners) > 1:
            for o in owners:
                drop[o].add(n)
            ambiguous.add(n)
            log(f"ambiguous alias {n!r}: {sorted(owners)}")
        elif n in seed:
            for o in owners:
                drop[o].add(n)
    for e in entities:
        if e["id"] in drop:
            e["aliases"] = [a for a in e["aliases"] if norm_name(a) not in drop[e["id"]]]
    # formerly: names of the entries whose successor is this one
    by_id = {e["id"]: e for e in entities}
    for e in entities:
        s = e.get("successor")
        if s:
            if s not in by_id:
                raise SystemExit(f"{e['id']}: unknown successor {s}")
            if e["name"] not in by_id[s]["formerly"]:
                by_id[s]["formerly"].append(e["name"])
    for e in entities:
        if e["type"] not in TYPES:
            raise SystemExit(f"{e['id']}: bad type {e['type']}")
        if not e["id"].startswith(FOLDER[e["type"]] + "/"):
            raise SystemExit(f"{e['id']}: id folder does not fit type {e['type']}")
    return entities, ambiguous


LAW_BLOCK_SUFFIXES = ("律",)


def build_blockers(entities: list[dict], seed: list[str]) -> list[str]:
    """Seed blockers plus generated ones: "X部门" for ministries, "X法律"… for law short names."""
    labels = {norm_name(lbl) for e in entities for lbl in (e["name"], *e["aliases"])}
    out = set(seed)
    for e in entities:
        forms = (e["name"], *e["aliases"])
        if e["type"] in ("Ministry", "GovernmentBody"):
            out |= {f + "门" for f in forms if f.endswith("部")}
            out |= {f + "署" for f in forms if f.endswith("部") and len(f) <= 4}
        if e["type"] == "Law":
            for f in e["aliases"]:
                if f.endswith("法") and len(f) <= 8 and not f.startswith(PRC):
                    out |= {f + sfx for sfx in LAW_BLOCK_SUFFIXES}
    return sorted((b for b in out if norm_name(b) not in labels), key=lambda b: (len(b), b))


def mined_programs(path: Path, known: list[dict]) -> list[dict]:
    """The programmes the corpus names again and again (``curated/program_names.tsv``,
    ``scripts/build_program_names.py``): one entry ``program/mined-<hash>`` (category
    语料高频名称) a name, the names listed as its alias beside it, none a curated label; a
    name listed as the alias of a curated label is added to that entry's aliases.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "n.tsv"
    >>> _ = p.write_text("# h\\n甲乙计划\\t\\t计划\\n乙计划\\t甲乙计划\\t计划\\n", encoding="utf-8")
    >>> [(e["name"], e["aliases"]) for e in mined_programs(p, [])]
    [('甲乙计划', ['乙计划'])]
    """
    if not path.exists():
        return []
    owner = {norm_name(x): e for e in known for x in (e["name"], *e["aliases"])}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]  # fmt: skip
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if r[1]:
            aliases[r[1]].append(r[0])
    out = []
    for r in rows:
        if r[1] and norm_name(r[1]) in owner:  # a known programme's other form
            owner[norm_name(r[1])]["aliases"].append(r[0])
        if r[1] or norm_name(r[0]) in owner:
            continue
        digest = hashlib.sha1(r[0].encode("utf-8")).hexdigest()[:8]
        out.append(entry(id=f"program/mined-{digest}", type="Program", name=r[0],
                         aliases=sorted(aliases[r[0]]), category="语料高频名称"))
    return out


def read_gov_shorts(path: Path, kind: str | None = "alias") -> dict[str, list[str]]:
    """id → short forms of ``kind`` (alias or listed) derived by
    ``scripts/build_gov_shorts.py``; every row of ``scripts/build_org_shorts.py``'s file
    (no kind column) with ``kind=None``."""
    out: dict[str, list[str]] = defaultdict(list)
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                gid, form, *rest = line.split("\t")
                if kind is None or rest[1:2] == [kind]:
                    out[gid].append(form)
    return out


def write_jsonl(path: Path, entities: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for e in entities:
            d = {k: e.get(k) for k in KEYS}
            for extra in ("level", "versions", "partOf", "listed"):
                if extra in e:
                    d[extra] = e[extra]
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared reference folder (default: ../shared)")
    ap.add_argument("--out", type=Path, default=REPO / "ontology",
                    help="the ontology folder to write (default: ontology/)")
    args = ap.parse_args(argv)
    shared: Path = args.shared
    cur = REPO / "ontology" / "gazetteers" / "curated"

    countries, territories = build_countries(shared, cur)
    locations = [entry(**{k: v for k, v in d.items() if k in KEYS})
                 for d in read_jsonl(cur / "locations.jsonl")]
    locations += territories
    places = {p["id"]: p for p in locations}
    government = build_government(shared, cur, places)
    laws, law_ambiguous = build_laws(shared, cur)
    organizations = [entry(**{k: v for k, v in d.items() if k in KEYS})
                     for d in read_jsonl(cur / "organizations.jsonl")]
    programs = [entry(**{k: v for k, v in d.items() if k in KEYS})
                for d in read_jsonl(cur / "programs.jsonl")]
    events = [entry(**{k: v for k, v in d.items() if k in KEYS})
              for d in read_jsonl(cur / "events.jsonl")]
    programs += mined_programs(cur / "program_names.tsv", programs)
    seed = set(read_list(cur / "ambiguous_aliases.txt")) | law_ambiguous
    shorts = read_gov_shorts(cur / "gov_short_forms.tsv")
    listed = read_gov_shorts(cur / "gov_short_forms.tsv", "listed")
    for g in government:
        g["aliases"] += shorts.get(g["id"], [])
        if listed.get(g["id"]):
            g["listed"] = sorted(listed[g["id"]])
    org_shorts = read_gov_shorts(cur / "org_short_forms.tsv", None)
    for o in organizations:
        o["aliases"] += org_shorts.get(o["id"], [])
    everything = government + countries + organizations + locations + laws + programs + events
    everything += build_places(cur, everything, countries)
    everything, ambiguous = finalize(everything, seed)

    gdir = args.out / "gazetteers"
    gdir.mkdir(parents=True, exist_ok=True)
    for fname, types in OUT_FILES.items():
        rows = [e for e in everything if e["type"] in types]
        write_jsonl(gdir / fname, rows)
        log(f"{fname}: {len(rows)}")
    ldir = args.out / "lexicon"
    ldir.mkdir(parents=True, exist_ok=True)
    amb = sorted({norm_name(a) for a in ambiguous}, key=lambda s: (len(s), s))
    (ldir / "ambiguous_aliases.txt").write_text(
        "# Short forms that denote several entities: never resolved from the gazetteer alone.\n"
        "# Generated by scripts/build_gazetteers.py (seed: ontology/gazetteers/curated/"
        "ambiguous_aliases.txt).\n" + "\n".join(amb) + "\n", encoding="utf-8")
    log(f"ambiguous_aliases.txt: {len(amb)}")
    blockers = build_blockers(everything, read_list(cur / "blockers.txt"))
    (ldir / "blockers.txt").write_text(
        "# Strings that contain a gazetteer name but are not that entity (沿海地区 is not 海地,\n"
        "# 财政部门 is not 财政部, 劳动法律 is not 劳动法). Add them to the matcher with\n"
        "# leftmost-longest matching so they win over the name inside them.\n"
        "# Generated by scripts/build_gazetteers.py (seed: ontology/gazetteers/curated/"
        "blockers.txt).\n" + "\n".join(blockers) + "\n", encoding="utf-8")
    log(f"blockers.txt: {len(blockers)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
