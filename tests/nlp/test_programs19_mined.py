"""Programme names mined from the corpus (``scripts/build_program_names.py``,
``ontology/gazetteers/curated/program_names.tsv``): the rules that pick them, the vendored
list and the entries the gazetteer makes of them. Corpus sentences are public domain
(national government work reports); the others are invented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.nlp.gazetteer import load_gazetteer
from tests.scripts import load_script

REPO = Path(__file__).resolve().parents[2]
LIST = REPO / "ontology" / "gazetteers" / "curated" / "program_names.tsv"


@pytest.fixture(scope="module")
def mod():
    return load_script("build_program_names")


@pytest.fixture(scope="module")
def tags():
    from kg.nlp.text import jieba_tags

    return jieba_tags()


def _rows() -> list[list[str]]:
    return [x.split("\t") for x in LIST.read_text(encoding="utf-8").splitlines()
            if x and not x.startswith("#")]  # fmt: skip


def test_a_name_opens_with_no_verb_adverb_number_or_generic_modifier(mod, tags) -> None:
    stops = frozenset({"实施", "开展", "推进"})
    assert mod.shape_ok(["文化", "惠民", "工程"], tags, stops)
    assert mod.shape_ok(["国家", "知识产权", "战略"], tags, stops)
    for words in (
        ["深入开展", "爱国卫生", "运动"],  # ends in an implementing verb
        ["抓住", "重要", "战略"],  # a verb
        ["重点", "节能", "工程"],  # a generic modifier
        ["第一个", "五年计划"],  # a number
        ["国家", "战略"],  # the country's word before a head alone
        ["社会主义", "有", "计划"],  # a one-character verb inside
        ["科教兴国", "战略", "和", "人才", "强国", "战略"],  # two names joined
    ):
        assert not mod.shape_ok(words, tags, stops), words


def test_left_boundary_and_coordination(mod, tags) -> None:
    assert mod.closed("实施", tags) and mod.closed("、", tags) and mod.closed("<clause>", tags)
    assert not mod.closed("人才", tags)  # 人才|强国战略: the tail of a longer name
    assert mod.closed("落实", tags, frozenset({"落实"}))
    words = ["以质取胜", "和", "市场", "多元化", "战略"]
    assert mod.coordinated(words, tags, {"市场多元化战略": {}}, set())
    assert not mod.coordinated(["科学", "和", "技术", "发展", "规划"], tags, {}, set())


def test_reserved_reports_are_never_read(mod, tmp_path) -> None:
    reports = tmp_path / "corpus" / "reports"
    reports.mkdir(parents=True)
    (tmp_path / "corpus" / "laws").mkdir()
    lines = [{"title": "甲", "year": "1954", "content": "保留"},
             {"title": "1984年政府工作报告的决议", "year": None, "content": "保留"},
             {"title": "乙", "year": "1985", "content": "读取"}]  # fmt: skip
    (reports / "government_work_reports.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    (reports / "cpc_congress_reports.jsonl").write_text("", encoding="utf-8")
    assert [t for _, _, t in mod.documents(tmp_path)] == ["读取"]


def test_vendored_list_meets_its_thresholds() -> None:
    header = LIST.read_text(encoding="utf-8").split("\n# name")[0]
    least = {k: float(v) for k, v in re.findall(r"(\w[\w ]*?) >= (\d+(?:\.\d+)?)", header)}
    rows = _rows()
    assert rows
    for name, _alias_of, head, docs, reports, _uses, share, _quoted in rows:
        assert name.endswith(head) and len(name) >= len(head) + 2
        assert int(docs) >= least["documents"] and int(reports) >= least["reports"]
        assert float(share) >= least["closed left share"]


def test_mined_names_are_programmes_of_the_gazetteer() -> None:
    gaz = load_gazetteer()
    for name, alias_of, *_ in _rows():
        e = gaz.lookup(name)
        assert e is not None and e.type == "Program", name
        if not alias_of:
            assert e.id.startswith("program/mined-")


def test_a_mined_name_is_found_where_no_rule_knows_its_context() -> None:
    from kg.nlp import get_nlp

    nlp = get_nlp()
    # national government work reports (public domain): no verb that carries a programme
    # out stands before the name, and no rule reads it
    for text, name in (
        ("中央财政加大对文化惠民工程的支持，各地对公益性文化事业投入显著增加。", "文化惠民工程"),
        ("西部地区“两基”攻坚计划开始实施。", "西部地区两基攻坚计划"),
    ):
        labels = {e.label.replace("“", "").replace("”", "")
                  for e in nlp(text)._.kg.entities.values() if e.type == "Program"}  # fmt: skip
        assert name in labels, text


def test_a_generic_modifier_before_a_known_programme_is_no_part_of_it() -> None:
    from kg.nlp import get_nlp

    nlp = get_nlp()
    # work reports (public domain): 重点 ranks the programmes, 一批 counts them
    for text, name in (
        ("政府要履行好发展公益性文化事业的责任，加快推进重点文化惠民工程，完善公共文化服务体系。",
         "文化惠民工程"),
        ("开展重点产业强链补链行动。", "产业强链补链行动"),
    ):  # fmt: skip
        labels = {e.label for e in nlp(text)._.kg.entities.values() if e.type == "Program"}
        assert labels == {name}, text
    # the class word stands between the verb and the programme it carries out
    from kg.model import Document
    from kg.nlp import extract

    report = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n开展重点产业强链补链行动。"
    r = extract(Document("t", report, {}))
    objects = {x.obj for x in r.relations if x.pred == "implements"}
    assert {r.entities[o].label for o in objects} == {"产业强链补链行动"}
    # invented: no known programme after the modifier, the rules' name stands
    labels = {e.label for e in nlp("实施重点某某示范工程。")._.kg.entities.values()}
    assert not any(x.startswith("某某") for x in labels)


def test_a_name_read_after_a_level_of_administration_is_a_type(mod, tags) -> None:
    from argparse import Namespace
    from collections import Counter

    def stat(left: dict[str, int]) -> dict:
        return {"docs": {"a", "b"}, "reports": {"a"}, "n": sum(left.values()),
                "left": Counter(left), "quoted": 0}  # fmt: skip

    args = Namespace(min_docs=2, min_reports=1, min_left=2, min_closed=0.6, min_cohesion=0.3)
    stats = {"绿洲惠民工程": stat({"实施": 2, "推进": 1}),
             "绿洲服务平台": stat({"实施": 2, "区": 1, "、": 1})}  # fmt: skip
    counts = {"绿洲惠民": 3, "绿洲惠民工程": 3, "绿洲服务": 4, "绿洲服务平台": 4}
    rows = mod.select(stats, counts, args, tags, frozenset(), set(), set(), {"实施"})
    assert [r["name"] for r in rows] == ["绿洲惠民工程"]
