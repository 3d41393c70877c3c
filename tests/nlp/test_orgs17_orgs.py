"""Organisations by short names on unseen text (round orgs17): China's democratic parties by
their derived short forms (and their central committees, form + 中央), foreign parties after
a country's one-character short form, and a party's word alone in a text that names the
party with its country. Sentences invented."""

import pytest

from kg.model import Document
from kg.nlp import extract
from kg.nlp.gazetteer import load_gazetteer
from tests.scripts import load_script


def _orgs(text: str) -> set[tuple[str, str]]:
    r = extract(Document("t", text))
    return {(m.text, m.key) for m in r.mentions
            if m.key in r.entities and r.entities[m.key].type == "Organization"}  # fmt: skip


def _shorts_module():
    return load_script("build_org_shorts")


def test_short_form_convention() -> None:
    forms = _shorts_module().forms
    assert "民革" in forms("中国国民党革命委员会")
    assert "民建" in forms("中国民主建国会")
    assert "民进" in forms("中国民主促进会")
    assert "中国" not in forms("中国民主促进会")  # the prefix is no part of a form


def test_derived_short_forms_are_aliases() -> None:
    gaz = load_gazetteer()
    assert gaz.lookup("民革").name == "中国国民党革命委员会"
    assert gaz.lookup("民进").name == "中国民主促进会"


@pytest.mark.parametrize(
    "text, short, key",
    [
        ("民进中央主席在座谈会上发言。", "民进", "org/capd"),
        ("会上，民革中央副主席介绍了调研情况。", "民革", "org/rcck"),
        ("民盟中央和台盟中央的负责人出席。", "民盟", "org/cdl"),
        # a form that is a common word too (民建, an adjective's) where the text names the
        # party otherwise (its central committee)
        ("民建中央主席出席会议。民建、工商联等界别的委员参加讨论。", "民建", "org/cndca"),
    ],
)
def test_democratic_parties_by_short_form(text: str, short: str, key: str) -> None:
    assert (short, key) in _orgs(text)


def _org_starts(text: str) -> set[tuple[int, str]]:
    r = extract(Document("t", text))
    return {(m.start, m.key) for m in r.mentions if m.key in ("org/capd", "org/cndca")}


def test_common_word_forms_in_a_list_of_organisations() -> None:
    # the list's member, not the central committee named first, carries each mention
    text = "民建中央主席出席会议。民建、工商联等界别的委员参加讨论。"
    assert (11, "org/cndca") in _org_starts(text)
    # two such forms listed together, no other name of either party in the text
    assert _org_starts("民建、民进的委员参加讨论。") == {(0, "org/cndca"), (3, "org/capd")}
    assert _org_starts("民盟、民建、民进的委员参加讨论。") == {(3, "org/cndca"), (6, "org/capd")}


@pytest.mark.parametrize(
    "text",
    [
        "要让城市人民建好自己的家园。",  # 人民|建: 民建 across a word boundary
        "采取购买服务、公建民营、民建公助等方式。",  # privately built: no party named
        "工作人员进行了检查。",  # 人员|进行: no whole word
        "台湾民进党当局一再挑衅。",  # another party's name
    ],
)
def test_short_forms_inside_other_words(text: str) -> None:
    assert not {k for _, k in _orgs(text)} & {"org/capd", "org/cndca"}


def test_party_after_a_countrys_one_character_short_form() -> None:
    found = _orgs("俄自民党代表团抵达北京。")
    assert ("俄自民党", "org/俄罗斯自民党") in found
    # a character that abbreviates a country the text names in full
    found = _orgs("黎巴嫩局势紧张。当天，黎真主党武装称发动袭击。")
    assert ("黎真主党", "org/黎巴嫩真主党") in found


def test_bare_party_word_is_the_named_party() -> None:
    text = "美国共和党议员提出议案。共和党称将继续推动表决。"
    assert ("共和党", "org/美国共和党") in _orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        # part of a longer name after a word of it (共同|民主党)
        "美国民主党人士表示反对。某国共同民主党提出议案。",
        # two countries' parties share the word: it names neither
        "美国民主党和某国的日本民主党都发表声明。民主党称将继续推动。",
    ],
)
def test_bare_party_word_needs_one_party(text: str) -> None:
    found = _orgs(text)
    assert ("民主党", "org/美国民主党") not in found


@pytest.mark.parametrize(
    "text, word",
    [
        # a transliterated word before a word of its leaders or armed members
        ("阿玛尔领导人当天表示将继续谈判。", "阿玛尔"),
        # the text's other uses of the word, even in a list that reads as two persons
        ("萨米尔和阿玛尔在开罗签署协议。阿玛尔高级官员表示欢迎。", "阿玛尔"),
    ],
)
def test_movement_named_by_a_transliterated_word(text: str, word: str) -> None:
    r = extract(Document("t", text))
    keys = [m.key for m in r.mentions if m.text == word]
    assert keys == [f"org/{word}"] * text.count(word)
    assert r.entities[keys[0]].type == "Organization"


def test_movement_needs_a_transliteration_and_no_person_role() -> None:
    # an adjective jieba tags as a name; a person's spokesman and side
    assert not _orgs("他被誉为卓越领导人之一。")
    assert not any(t == "普京" for t, _ in _orgs("普京发言人佩斯科夫表示，普京方面不予置评。"))


def test_armed_members_of_a_named_armed_group() -> None:
    found = _orgs("也门胡塞武装发表声明。以军称打死了一些胡塞武装人员。")
    assert ("胡塞", "org/胡塞武装") in found


@pytest.mark.parametrize(
    "text, bad",
    [
        # a kind of group before 集团: a bloc or a gang, no firm (work reports of the 1960s)
        ("苏联领导集团背叛马克思列宁主义。", "苏联领导集团"),
        ("日本垄断资本集团，也指望依靠美国。", "日本垄断资本集团"),
    ],
)
def test_kind_of_group_is_no_firm(text: str, bad: str) -> None:
    assert all(t != bad for t, _ in _orgs(text))


def test_firm_group_stays() -> None:
    assert any(t == "中国远洋海运集团" for t, _ in _orgs("中国远洋海运集团发布年报。"))
