"""Round links19: relations between entities kg already finds (posts in every order, a
country's state offices, lists sharing one post, posts taken up, lists after 提出的).
Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _posts(text: str) -> set[tuple[str, str, str]]:
    res = extract(Document("t", text, {}))
    return {(r.subj, r.obj, r.post or "") for r in res.relations if r.pred == "holdsPost"}


def _held(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, o, _ in _posts(text)}


def test_every_post_of_a_chain_before_one_name() -> None:
    held = _held("中共中央政治局委员、全国政协副主席陈立新出席活动。")
    assert ("person/陈立新", "gov/politburo") in held
    assert ("person/陈立新", "gov/cppcc") in held
    held = _held("中共中央政治局常委、中央纪委书记陈立新在会上讲话。")
    assert ("person/陈立新", "gov/politburo") in held
    assert ("person/陈立新", "gov/ccdi") in held


def test_a_standing_member_only_of_a_committee() -> None:
    # 某党中央常委: 党中央 is no committee a 常委 sits on here (another party's centre)
    held = _held("柬埔寨人民党中央常委陈立新表示祝贺。")
    assert not any(o == "gov/cpc-central-committee" for _, o in held)


def test_a_countrys_state_office() -> None:
    assert ("person/陈立新", "country/FRA", "总统") in _posts("法国总统陈立新10日表示反对。")
    assert ("person/陈立新", "country/BTN", "国王") in _posts("不丹第四世国王陈立新致电。")


def test_no_post_in_the_country_of_an_embassy_nor_a_former_one() -> None:
    assert not any(o == "country/FRA" for _, o in _held("中国驻法国大使陈立新出席活动。"))
    assert not _held("法国前政府总理陈立新发来贺电。") & {("person/陈立新", "country/FRA")}
    # a person of a country is not in its office (教授 is no state office)
    assert not any(o == "country/FRA" for _, o in _held("法国教授陈立新来华讲学。"))


def test_the_names_of_a_list_after_one_post() -> None:
    held = _held("美国总统陈立新、王东明、李德华都曾访问中国。")
    for name in ("陈立新", "王东明", "李德华"):
        assert (f"person/{name}", "country/USA") in held
    # the second name with a post of its own is not in the list of the first post
    held = _held("外交部部长陈立新、王东明副部长出席会议。")
    assert ("person/王东明", "gov/mfa") not in held


def test_a_partys_post_after_its_centre() -> None:
    held = _held("民革中央主席陈立新出席座谈会。")
    assert ("person/陈立新", "org/rcck") in held


def test_a_post_taken_up() -> None:
    assert ("person/陈立新", "country/FRA") in _held("国家主席致电祝贺陈立新当选法国总统。")
    assert ("person/陈立新", "gov/cpc-central-committee") in _held(
        "各国政党致电祝贺陈立新再次当选中共中央总书记。"
    )
    assert not _held("陈立新将出任法国总理。") & {("person/陈立新", "country/FRA")}
    assert not _held("陈立新不再担任法国总理。") & {("person/陈立新", "country/FRA")}


def test_each_name_of_a_list_after_proposed_by() -> None:
    text = "多国愿参与陈立新主席提出的共建“一带一路”倡议、全球安全倡议和全球发展倡议。"
    res = extract(Document("t", text))
    got = {(r.subj, r.obj) for r in res.relations if r.pred == "initiated"}
    for key in ("program/belt-and-road", "program/gsi", "program/gdi"):
        assert ("person/陈立新", key) in got


def test_every_agent_named_before_deng_in_a_relative_clause() -> None:
    res = extract(Document("t", "由民政部、中国作协等共同主办的“温暖冬天”主题活动在京启动。"))
    hosts = {r.subj for r in res.relations if r.pred == "hosted"}
    assert {"gov/mca", "org/cwa"} <= hosts


def test_posts_joined_by_jian_and_a_new_or_first_office() -> None:
    held = _held("全国政协副主席兼秘书长陈立新作说明。")
    assert ("person/陈立新", "gov/cppcc") in held
    assert ("person/陈立新", "country/SGP") in _held("新加坡副总理兼财政部长陈立新出席。")
    assert ("person/陈立新", "country/IRN") in _held("伊朗第一副总统陈立新会见代表团。")
    assert ("person/陈立新", "country/ARE") in _held("阿联酋新任总统陈立新出席仪式。")


def test_a_countrys_ministers_and_governor() -> None:
    assert ("person/陈立新", "country/FRA") in _held("法国内政部长陈立新3日称，局势可控。")
    assert ("person/陈立新", "country/AUS") in _held("国务院总理会见澳大利亚总督陈立新。")
    # another state's minister for the country's affairs holds no post in it
    held = _held("阿曼中国事务大臣陈立新会见了代表团。")
    assert not any(o == "country/CHN" for _, o in held)


def test_review19_posts() -> None:
    # a post taken up at the text's very end
    assert ("person/陈立新", "country/FRA") in _held("陈立新当选法国总统")
    # each part joined by 兼 must be a post (兼顾 is no 兼)
    assert not _held("美国总统兼顾各方利益的陈立新出席。")
    # a 原/前 inside an earlier name of a list does not drop the names after it
    held = _held("美国总统陈立新、原东明、李德华出席会议。")
    assert {("person/陈立新", "country/USA"), ("person/李德华", "country/USA")} <= held
    # a country's own ambassador to China holds a post of that country
    assert ("person/陈立新", "country/FRA") in _held("法国驻华大使陈立新出席活动。")
