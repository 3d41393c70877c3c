"""Who carries out a programme in news phrasing (round programs18); invented sentences."""

from tests.nlp.extraction import triples


def _impl(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in triples(text)[1] if p == "implements"}


def test_deepening_a_programme_is_carrying_it_out() -> None:
    # 深化X as 推进X: the place or country takes the programme further
    assert ("广东省", "海岛通航提升行动") in _impl(
        "广东不断深化《海岛通航提升行动》，优化营商环境。"
    )
    assert ("泰国", "海岛兴农倡议") in _impl("泰国愿同各方一道，深化《海岛兴农倡议》合作。")
    # an order with no agent stays without one
    assert not _impl("要持续深化《海岛通航提升行动》。")


def test_a_body_that_deploys_its_executors_carries_the_campaign_out() -> None:
    # 某部部署全国某某机关|各地各高校开展X: the executors are named by their class only
    for text in (
        "交通运输部部署全国交通运输部门开展《海岛通航提升行动》。",
        "交通运输部近日部署各地各高校集中开展《海岛通航提升行动》。",
    ):
        assert ("交通运输部", "海岛通航提升行动") in _impl(text), text
    # a body that asks or guides its executors to act runs its own campaign
    for text in (
        "交通运输部要求各地交通运输部门认真开展2031年“海岛通航”活动。",
        "交通运输部督促各地各高校深入实施“海岛通航”计划。",
    ):
        assert any(s == "交通运输部" and "海岛通航" in o for s, o in _impl(text)), text
    # firms it organises are no executors of its own (组织民营企业…开展)
    assert not _impl("交通运输部组织民营企业开展“海岛通航”活动。")
    # a named executor is a pivot of its own, and deploying holds no event
    rels = triples("交通运输部部署各地交通运输部门举办2031年海岛发展论坛。")[1]
    assert not [r for r in rels if r[1] == "hosted"], rels


def test_words_that_describe_a_quoted_programme_do_not_cut_it_from_its_verb() -> None:
    # 开展|打击非法营运|“某某”专项行动: the description before the quote, then the name
    text = "交通运输部开展打击海岛非法营运船舶“清海2031”专项行动。"
    assert any(s == "交通运输部" and "清海2031" in o for s, o in _impl(text)), _impl(text)
    # unquoted words that run into a name still cut it (实施提升某某工程)
    assert not _impl("交通运输部实施提升海岛通航质量工程。")


def test_proposing_in_words_is_no_act_of_the_speaker() -> None:
    # 某某提出，(“)要深化X: his words, an order to others
    for text in (
        "王小明提出，“要持续深化《海岛通航提升行动》”。",
        "王小明提出，要持续深化《海岛通航提升行动》。",
    ):
        assert not _impl(text), text


def _programs(text: str) -> set[str]:
    return {label for label, t in triples(text)[0] if t == "Program"}


def test_two_nouns_joined_in_a_programmes_field_make_one_name() -> None:
    # 实施|甲和乙…工程: 和 joins two nouns of one programme's field
    assert "海藻和贝类养殖提升工程" in _programs("某省实施海藻和贝类养殖提升工程。")
    assert ("泰国", "海藻和贝类养殖提升工程") in _impl("泰国实施海藻和贝类养殖提升工程。")
    # two acts or two known programmes sharing a head stay apart, and so does a battle
    assert "空袭和空降行动" not in _programs("某军实施空袭和空降行动。")
    progs = _programs("国务院实施科教兴国和可持续发展战略。")
    assert "科教兴国和可持续发展战略" not in progs, progs


def test_a_campaigns_quoted_name_before_the_kind_of_its_activities() -> None:
    # 启动“某某在行动”主题活动: the activities are the campaign's own
    text = "交通运输部启动“海岛通航在行动”主题活动。"
    assert any(s == "交通运输部" and "海岛通航在行动" in o for s, o in _impl(text)), _impl(text)
