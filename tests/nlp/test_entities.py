"""Entity recognition on real text: the seed documents under ``data/sample`` and, where
present, the law and work-report corpus under ``../shared/corpus``.

Each test names the behaviour it checks; the sentences are copied from the seeds or the
corpus (the corpus is read at test time, never copied in bulk).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from kg.nlp import get_nlp
from kg.spans import ENTITY_COMPONENTS, entity_spans
from tests.corpus import CORPUS, report_1954

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
NEWS = SAMPLE / "000_79559e53e2614f5a.txt"
PAPER = SAMPLE / "004_fb18030615153122.txt"


def _sentence(path: Path, needle: str) -> str:
    """The sentence of a sample file that contains ``needle`` (real text, not a paraphrase)."""
    text = path.read_text(encoding="utf-8")
    i = text.index(needle)
    s = max(text.rfind("。", 0, i), text.rfind("\n", 0, i), text.rfind(">", 0, i)) + 1
    e = min(j for j in (text.find("。", i), text.find("<", i), len(text)) if j >= 0)
    return text[s : e + 1]


def _passage(path: Path, needle: str) -> str:
    """The sentence with ``needle`` and the one before it."""
    text = path.read_text(encoding="utf-8")
    i = text.index(needle)
    s = text.rfind("。", 0, text.rfind("。", 0, i)) + 1
    return text[s : text.find("。", i) + 1]


def extract(text: str):
    """The entity stage's view of ``text`` (``doc._.kg``: mentions, entities, definitions)."""
    return get_nlp(ENTITY_COMPONENTS)(text)._.kg


def _mentions(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.key) for m in extract(text).mentions]


def _keys(text: str, surface: str) -> set[str]:
    return {k for t, _, k in _mentions(text) if t == surface}


# -- known names and their forms ------------------------------------------------------------


def test_miit_full_short_and_prefixed_forms_share_one_key() -> None:
    news = _sentence(NEWS, "工业和信息化部总经济师许科敏")
    prefixed = _sentence(NEWS, "中国工业和信息化部深入贯彻落实")
    assert _keys(news, "工业和信息化部") == {"gov/miit"}
    assert _keys(prefixed, "中国工业和信息化部") == {"gov/miit"}
    assert _keys("工信部总经济师许科敏：鼓励中国产品和解决方案对外服务", "工信部") == {"gov/miit"}
    assert _keys("中华人民共和国工业和信息化部发布通知。", "中华人民共和国工业和信息化部") == {
        "gov/miit"
    }


def test_defined_short_title_is_an_alias_of_the_full_law() -> None:
    text = _sentence(PAPER, "（以下简称《网络安全法》）")
    r = extract(text)
    assert r.definitions["网络安全法"] == "law/中华人民共和国网络安全法"
    assert r.definitions["个人信息保护法"] == "law/中华人民共和国个人信息保护法"
    info = r.entities["law/中华人民共和国网络安全法"]
    assert "网络安全法" in info.aliases


def test_definition_of_an_unknown_name_resolves_its_later_uses() -> None:
    text = "国务院印发《新一代数字治理示范行动方案》（以下简称《方案》）。《方案》提出三项任务。"
    r = extract(text)
    keys = {m.key for m in r.mentions if m.text == "方案"}
    assert keys == {"program/新一代数字治理示范行动方案"}


def test_short_title_resolves_to_the_one_longer_title_it_ends() -> None:
    text = _passage(PAPER, "《行动计划》包括五大工程")
    r = extract(text)
    assert {m.key for m in r.mentions if m.text == "行动计划"} == {"program/网络扶贫行动计划"}
    assert "行动计划" in r.entities["program/网络扶贫行动计划"].aliases
    assert "program/行动计划" not in r.entities


def test_quoted_names_match_the_gazetteer_with_their_quotes() -> None:
    text = _sentence(NEWS, "“十四五”数字经济发展规划")
    hits = [(t, ty) for t, ty, _ in _mentions(text) if ty == "Program"]
    assert ("“十四五”数字经济发展规划", "Program") in hits
    assert not any(t == "数字经济发展规划" for t, _ in hits)


def test_quoted_known_name_with_a_generic_head_is_that_name() -> None:
    text = _sentence(NEWS, "“一带一路”发展战略")
    assert _keys(text, "“一带一路”发展战略") == {"program/belt-and-road"}
    assert not any(t == "发展战略" for t, _, _ in _mentions(text))


def test_taiwan_is_a_location_not_a_country() -> None:
    for text in ("台湾是中国领土不可分割的一部分。", "推进两岸关系和平发展，中国台湾地区参加。"):
        types = {ty for t, ty, _ in _mentions(text) if "台湾" in t}
        assert types == {"Location"}


# -- open-class programmes and events ---------------------------------------------------------


def test_event_editions_fold_into_one_event() -> None:
    a = _sentence(PAPER, "2021年第三届“双品网购节”")
    b = _sentence(PAPER, "第四届双品网购节暨非洲好物网购节")
    ka = {k for _, ty, k in _mentions(a) if ty == "Event"}
    kb = {k for _, ty, k in _mentions(b) if ty == "Event"}
    assert "event/双品网购节" in ka and "event/双品网购节" in kb


def test_events_joined_by_ji_are_two_events() -> None:
    text = _sentence(PAPER, "第四届双品网购节暨非洲好物网购节")
    events = {k for _, ty, k in _mentions(text) if ty == "Event"}
    assert {"event/双品网购节", "event/非洲好物网购节"} <= events
    assert not any("暨" in k for k in events)


def test_quoted_name_takes_the_head_after_it() -> None:
    text = _sentence(PAPER, "“云间高速”项目")
    assert ("“云间高速”项目", "Program") in {(t, ty) for t, ty, _ in _mentions(text)}


def test_high_level_words_do_not_cut_a_name() -> None:
    # 高等 holds 等, 大学生就业 holds 就: neither is a boundary word there
    text = _sentence(PAPER, "国家高等教育智慧教育平台")
    programs = {t for t, ty, _ in _mentions(text) if ty == "Program"}
    assert {"国家高等教育智慧教育平台", "国家24365大学生就业服务平台"} <= programs
    assert not programs & {"教育智慧教育平台", "资源服务平台", "学生就业服务平台"}


def test_generic_heads_are_not_names() -> None:
    cases = [
        (_sentence(PAPER, "等五大工程"), "五大工程"),
        (_sentence(PAPER, "在亚太经合组织提出合作倡议"), "合作倡议"),
        (_sentence(PAPER, "258个试点示范项目"), "试点示范项目"),
    ]
    for text, generic in cases:
        names = {t for t, _, _ in _mentions(text)}
        assert not any(generic in n for n in names), (generic, names)


def test_name_internal_boundary_word_does_not_cut() -> None:
    text = _sentence(PAPER, "一流网络安全学院建设示范项目")
    assert "一流网络安全学院建设示范项目" in {t for t, ty, _ in _mentions(text) if ty == "Program"}


def test_issuer_inside_a_law_title_is_a_mention() -> None:
    text = _sentence(PAPER, "国务院反垄断委员会关于平台经济领域的反垄断指南")
    found = {(t, ty) for t, ty, _ in _mentions(text)}
    assert ("国务院反垄断委员会", "GovernmentBody") in found
    assert ("国务院反垄断委员会关于平台经济领域的反垄断指南", "Law") in found


# -- persons -----------------------------------------------------------------------------------


def test_beidou_wisdom_civilisation_are_not_persons() -> None:
    texts = [
        _sentence(PAPER, "北斗三号全球卫星导航系统"),
        "北斗表示，智慧指出，文明强调。",
        _sentence(NEWS, "让数字文明造福各国人民"),
    ]
    for text in texts:
        assert not [t for t, ty, _ in _mentions(text) if ty == "Person"], text


def test_post_title_introduces_a_person() -> None:
    text = _sentence(NEWS, "工业和信息化部总经济师许科敏")
    assert ("许科敏", "Person") in {(t, ty) for t, ty, _ in _mentions(text)}


def test_speech_verb_subject_is_a_person_without_a_post() -> None:
    text = _sentence(NEWS, "许科敏指出，当前全球新冠肺炎疫情")
    assert _keys(text, "许科敏") == {"person/许科敏"}
    for text in ("，许多人认为要加快发展。", "周总理指出，要团结。", "，中方表示欢迎。"):
        assert not [t for t, ty, _ in _mentions(text) if ty == "Person"], text


# -- state organs ------------------------------------------------------------------------------


def test_local_government_names_are_bodies_with_canonical_keys() -> None:
    text = "崇礼县政府和山西省长子县公安局、北京市海淀区人民法院联合发文。"
    got = {t: k for t, ty, k in _mentions(text) if ty == "GovernmentBody"}
    assert got["崇礼县政府"] == "gov/崇礼县人民政府"
    assert got["山西省长子县公安局"] == "gov/山西省长子县公安局"
    assert "北京市海淀区人民法院" in got


def test_generic_government_phrases_are_not_bodies() -> None:
    text = (
        "县级以上地方人民政府财政部门应当会同公安部门，"
        "报省、自治区、直辖市人民政府批准；设区的市人民政府备案。"
    )
    bodies = [t for t, ty, _ in _mentions(text) if ty in ("GovernmentBody", "Ministry")]
    assert bodies == []


def test_foreign_bodies_are_not_chinese_ministries() -> None:
    got = {t: (ty, k) for t, ty, k in _mentions("印度国防部7日说，美国国务院和美军表示关注。")}
    assert got["印度国防部"] == ("GovernmentBody", "gov/印度国防部")
    assert got["美国国务院"][1] == "gov/us-state-dept"  # the gazetteer knows it
    assert got["美军"][1] == "gov/美国军队"
    assert "国防部" not in got and "国务院" not in got
    assert got["印度"][0] == "Country"


def test_ministry_sub_units_and_posts() -> None:
    got = {t for t, ty, _ in _mentions("住房和城乡建设部住房保障司司长表示，外交部长出席。")}
    assert "住房和城乡建设部住房保障司" in got
    assert "外交部" not in got  # 外交部长 is a post title


def test_state_council_commission_not_in_any_list() -> None:
    text = "报国务院三峡工程建设委员会备案。"
    assert ("国务院三峡工程建设委员会", "GovernmentBody") in {
        (t, ty) for t, ty, _ in _mentions(text)
    }


# -- the corpus: rules that generalise ----------------------------------------------------------

# what may not open a name: clause words the left boundary must have cut off
_BAD_START = re.compile(
    r"^(?:我们|我国|这次|本次|根据|按照|依照|严格|可以|应当|或者|经过|取得|执行|实现|搞好|做好|的|和|与|等|在|对|将)"
)


def _report_paragraphs(n: int, seed: int) -> list[str]:
    path = CORPUS / "reports" / "government_work_reports.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present (the shared corpus sits beside the checkout)")
    paras = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            paras += [p for p in json.loads(line)["content"].split("\n") if len(p) > 60]
    return random.Random(seed).sample(paras, n)


def test_work_report_names_start_at_a_word_boundary() -> None:
    paras = _report_paragraphs(200, seed=7)
    bad = []
    for spans in entity_spans(paras):
        for s in spans:
            if s["type"] in ("Program", "Event", "GovernmentBody") and _BAD_START.match(s["text"]):
                bad.append(s["text"])
    assert not bad, bad


def test_law_text_has_no_generic_government_bodies() -> None:
    laws = CORPUS / "laws"
    if not laws.exists():
        pytest.skip(f"{laws} not present (the shared corpus sits beside the checkout)")
    files = sorted(laws.rglob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in random.Random(3).sample(files, 40)]
    generic = re.compile(
        r"^(?:省|市|县|区|乡|镇)?(?:人民政府|政府|人民法院|人民检察院)$|(?:省|市|县|乡)级|设区的|直辖市"
    )
    bad = [
        s["text"]
        for spans in entity_spans(texts)
        for s in spans
        if s["type"] == "GovernmentBody" and generic.search(s["text"]) and not s["nominal"]
    ]
    assert not bad, bad  # bare forms are at most nominal spans, never named entities


def test_nominal_organs_are_spans_but_not_mentions() -> None:
    from kg.nlp import get_nlp
    from kg.spans import ENTITY_COMPONENTS

    text = "警方表示，当地政府和市教委、税务部门将配合法院；海军也参加。最高人民法院发布"
    spans = next(entity_spans([text]))
    nominal = [(s["text"], s["type"], s["iri"]) for s in spans if s["nominal"]]
    assert nominal == [
        ("警方", "GovernmentBody", None),
        ("当地政府", "GovernmentBody", None),
        ("市教委", "GovernmentBody", None),
        ("税务部门", "GovernmentBody", None),
        ("法院", "GovernmentBody", None),
        ("海军", "GovernmentBody", None),
    ]
    assert [s["text"] for s in spans if not s["nominal"]] == ["最高人民法院"]
    assert [s["text"] for s in next(entity_spans([text], nominal=False))] == ["最高人民法院"]
    doc = get_nlp(ENTITY_COMPONENTS)(text)
    assert "警方" not in {m.text for m in doc._.kg.mentions}
    assert all(not e.key.startswith("gov/警方") for e in doc._.kg.entities.values())


def test_armed_forces_are_government_bodies() -> None:
    spans = next(entity_spans(["解放军和武警部队、美军、印度海军参加演习"], nominal=False))
    assert [(s["text"], s["type"]) for s in spans if s["type"] != "Country"] == [
        ("解放军", "GovernmentBody"),
        ("武警部队", "GovernmentBody"),
        ("美军", "GovernmentBody"),
        ("印度海军", "GovernmentBody"),
    ]


def test_traditional_characters_find_the_simplified_names() -> None:
    # the 1954 government work report is in traditional characters
    text = report_1954()
    i = text.index("我們第一届全國人民代表大會")
    passage = text[i : text.index("作工作報告", i) + 5]
    spans = next(entity_spans([passage], nominal=False))
    found = {s["text"]: (s["type"], s["iri"].rsplit("/", 1)[-1]) for s in spans}
    assert found["中華人民共和國憲法"] == ("Law", "中华人民共和国宪法")
    assert found["中央人民政府"][0] == "GovernmentBody"
    # offsets are the original text's, the labels simplified
    assert all(passage[s["start"] : s["end"]] == s["text"] for s in spans)


def test_traditional_and_simplified_forms_share_one_key() -> None:
    trad, simp = entity_spans(
        ["國務院和外交部向全國人民代表大會常務委員會", "国务院和外交部向全国人民代表大会常务委员会"]
    )
    assert [(s["iri"], s["end"]) for s in trad] == [(s["iri"], s["end"]) for s in simp]
    assert len(trad) == 3


def _cluener_text(needle: str) -> str:
    """A CLUENER sentence holding ``needle`` (read at test time, never copied in)."""
    path = ROOT.parent / "shared" / "eval" / "external" / "cluener_train.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present (the shared data sits beside the checkout)")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            if needle in text:
                return text
    pytest.fail(f"no CLUENER sentence holds {needle}")


def test_foreign_agency_no_lexicon_lists_is_one_body() -> None:
    text = _cluener_text("新加坡媒体发展管理局首席执行官")
    spans = next(entity_spans([text], nominal=False))
    assert ("新加坡媒体发展管理局", "GovernmentBody") in {(s["text"], s["type"]) for s in spans}


def test_foreign_country_before_a_chinese_ministry_name_is_the_foreign_body() -> None:
    spans = next(entity_spans(["英国国家统计局数据显示，中国国家统计局也发布了数据。"]))
    iris = {s["text"]: s["iri"] for s in spans}
    assert iris["英国国家统计局"] != iris["中国国家统计局"]
    assert "国家统计局" not in iris


def test_a_common_word_ending_in_ju_is_no_agency() -> None:
    spans = next(entity_spans(["苏联解体标志着两极格局的终结。"], nominal=False))
    assert [s["text"] for s in spans] == ["苏联"]
