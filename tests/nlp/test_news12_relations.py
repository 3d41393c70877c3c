"""Round 12 on unseen news: co-subjects with their country and post, attendee lists with
nested groups, cooperation stated by 两国/双方 with no 同/与, parts named in apposition.
Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _rels(text: str, pred: str) -> set[tuple[str, str, str]]:
    r = extract(Document("t", text, {}))
    return {(x.subj, x.obj, x.modality) for x in r.relations if x.pred == pred}


def _subjects(text: str, pred: str) -> set[str]:
    return {s for s, _, _ in _rels(text, pred)}


def test_co_subject_with_country_and_post() -> None:
    text = "国家主席苗立新和泰国总理阿努蒂在曼谷共同主持2031年中泰农业合作论坛。"
    assert _subjects(text, "participatesIn") == {"person/苗立新", "person/阿努蒂"}
    # the country only says whose post it is
    assert "country/THA" not in _subjects(text, "participatesIn")


def test_attendees_in_nested_groups_closed_by_yi_ji() -> None:
    text = (
        "### 苗立新出席2031年亚非农业对话会\n\n"
        "国家主席苗立新在曼谷出席2031年亚非农业对话会。\n\n"
        "东盟轮值主席、泰国总理阿努蒂，亚太经合组织亚方共同主席国、越南总理范文安，"
        "非洲区域组织代表肯尼亚总统卡马乌、加纳总统奥乌苏，以及联合国秘书长等出席。"
    )
    got = _subjects(text, "participatesIn")
    assert {"person/阿努蒂", "person/范文安", "person/卡马乌", "person/奥乌苏"} <= got


def test_an_unknown_item_in_the_list_stops_it() -> None:
    text = (
        "### 苗立新出席2031年亚非农业对话会\n\n"
        "国家主席苗立新在曼谷出席2031年亚非农业对话会。\n\n"
        "泰国总理阿努蒂、在场的许多来宾和越南总理范文安等出席。"
    )
    assert "person/阿努蒂" not in _subjects(text, "participatesIn")


_STORY = "### 苗立新会见泰国总理\n\n中国国家主席苗立新在北京会见泰国总理阿努蒂。\n\n"


def test_two_sides_state_their_cooperation() -> None:
    text = _STORY + "苗立新指出，近年来，双方保持密切交往，稳步推进农业领域务实合作。"
    assert _rels(text, "cooperatesWith") == {("country/CHN", "country/THA", "asserted")}


def test_two_sides_will_cooperate_is_planned() -> None:
    text = _STORY + "苗立新表示，两国要深化农业、教育等领域合作。"
    assert _rels(text, "cooperatesWith") == {("country/CHN", "country/THA", "planned")}


def test_talks_about_cooperation_or_its_potential_are_none() -> None:
    assert not _rels(_STORY + "双方就农业合作等问题交换了意见。", "cooperatesWith")
    assert not _rels(_STORY + "两国在农业方面拥有广阔合作空间。", "cooperatesWith")
    assert not _rels(_STORY + "双方弘扬团结、合作的精神。", "cooperatesWith")


def test_part_in_apposition_after_the_whole() -> None:
    text = "2031年中国农业交易会的主要组成部分——第三届乡村发展论坛今天举行。"
    rels = _rels(text, "partOf")
    assert len(rels) == 1
    (part, whole, _), = rels
    assert "论坛" in part and "交易会" in whole
    text = "作为《国家海绵城市规划纲要》的重要组成部分，《海绵城市实施方案》印发。"
    assert _rels(text, "partOf") == {
        ("program/海绵城市实施方案", "program/国家海绵城市规划纲要", "asserted")
    }


def test_a_partner_noun_is_no_will() -> None:
    # 重要 holds 要: only the modal words opening the clause make it a will
    text = _STORY + "两国互为重要合作伙伴。"
    assert _rels(text, "cooperatesWith") == {("country/CHN", "country/THA", "asserted")}


def test_a_country_and_an_organisation_are_not_two_countries() -> None:
    text = (
        "### 农业论坛开幕\n\n中国5日举办农业论坛。\n\n"
        "### 泰国与东盟推进农业合作\n\n泰国与东盟5日签署农业合作文件。"
        "双方合作涉及扩大稻米生产。"
    )
    assert ("country/CHN", "country/THA") not in {
        (s, o) for s, o, _ in _rels(text, "cooperatesWith")
    }


def test_nested_places_the_smallest_acts() -> None:
    text = "浙江湖州举办第三届国际茶文化旅游节。"
    assert {s for s, _, _ in _rels(text, "hosted")} == {"place/huzhou"}


def test_a_venue_country_is_no_side() -> None:
    text = (
        "### 苗立新会见泰国总理\n\n中国国家主席苗立新在韩国首尔出席峰会时会见泰国总理阿努蒂。\n\n"
        "苗立新指出，双方务实合作成果丰硕。"
    )
    assert _rels(text, "cooperatesWith") == {("country/CHN", "country/THA", "asserted")}


def test_separate_meetings_and_another_pair_in_the_paragraph() -> None:
    text = (
        "### 苗立新分别会见泰国总理、越南总理\n\n中国国家主席苗立新分别会见泰国总理阿努蒂、"
        "越南总理范文安。\n\n双方务实合作成果丰硕。"
    )
    assert not _rels(text, "cooperatesWith")
    text = (
        _STORY + "另据报道，越南总理范文安与老挝总理通伦通电话。双方呼吁深化农业合作。"
    )
    assert ("country/CHN", "country/THA") not in {
        (s, o) for s, o, _ in _rels(text, "cooperatesWith")
    }
