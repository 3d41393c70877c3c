"""Programmes and who carries them out in news phrasing (round programs17); invented
sentences."""

from tests.nlp.extraction import entities_and_relations, triples


def _impl(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in triples(text)[1] if p == "implements"}


def test_a_body_announcing_its_own_plan_carries_it_out() -> None:
    # 某部表示，(今年|下一步)将实施X: the body speaks of what it will do; planned
    for text in (
        "交通运输部表示，2030年将全面实施《海岛通航提升行动》。",
        "交通运输部表示，下一步将实施《海岛通航提升行动》。",
    ):
        rels = entities_and_relations(text)[1]
        assert ("交通运输部", "implements", "海岛通航提升行动", "planned") in rels, text


def test_a_speaker_who_gives_an_order_or_a_person_is_no_agent() -> None:
    # 要实施X: an exhortation, not the body's own act; a person speaks for others as often
    assert not _impl("交通运输部表示，要实施《海岛通航提升行动》。")
    assert not _impl("王小明表示，将实施《海岛通航提升行动》。")
    # a clause of its own subject keeps it (某部表示，各地将实施X: the places act)
    assert ("交通运输部", "海岛通航提升行动") not in _impl(
        "交通运输部表示，泰国将实施《海岛通航提升行动》。"
    )


def test_practising_an_initiative_is_carrying_it_out() -> None:
    # 践行X as 落实X: the country puts the initiative into practice
    assert ("泰国", "海岛兴农倡议") in _impl("泰国愿与各方携手，践行《海岛兴农倡议》。")
    # not a value or a principle: no programme
    assert not _impl("泰国愿践行多边主义。")


def test_a_quoted_field_joined_by_a_plus_opens_the_name() -> None:
    # “甲+乙”|…行动: the quote with its plus is the name's first word
    ents = triples("交通运输部启动“海岛+旅游”示范场景培育行动。")[0]
    assert ("“海岛+旅游”示范场景培育行动", "Program") in ents or (
        "海岛+旅游示范场景培育行动",
        "Program",
    ) in ents, ents
    # a quoted way of working with a plus and no head names nothing
    assert not {t for _, t in triples("某省实施“林草固沙+生态修复”。")[0]} & {"Program"}


def _programs(text: str) -> set[str]:
    return {label for label, t in triples(text)[0] if t == "Program"}


def test_a_verb_before_the_countries_of_a_corridor_opens_no_name() -> None:
    # 携手共建|中某经济走廊: the countries open the corridor's name, the verb governs it
    text = "泰国外长表示，泰方愿同中方一道，携手共建中泰经济走廊。"
    assert _programs(text) == {"中泰经济走廊"}


def test_a_title_written_again_without_its_marks_names_the_same_programme() -> None:
    # a headline: the title's words, its period left off; one programme, two mentions
    from kg.model import Document
    from kg.nlp import extract

    text = "海岛兴农行动方案发布实施\n近日，农业农村部印发《海岛兴农行动方案（2026—2028年）》。"
    r = extract(Document("t", text, {}))
    texts = {m.text for m in r.mentions if m.type == "Program"}
    assert "海岛兴农行动方案" in texts
    assert len({m.key for m in r.mentions if m.type == "Program"}) == 1


def test_a_broadcast_title_is_no_programme_or_event() -> None:
    # 节目《…大会》, 第三集《…行动》: the show or its episode, whatever the head word
    for text in (
        "某电视台播出文化节目《海岛书法大会》。",
        "某台播出第三集《把蓝图变成实际行动》。",
    ):
        ents = triples(text)[0]
        assert not {t for _, t in ents} & {"Program", "Event"}, (text, ents)


def test_a_quoted_theme_that_opens_with_the_act_names_what_it_carries_out() -> None:
    # “深入实施某某战略”专题协商会: the theme's verb is no word of the programme's name;
    # after a clause of its own too; a plan's title keeps the verb it opens with
    assert _programs("某委召开“深入实施新时代海岛兴农战略”专题协商会。") == {"新时代海岛兴农战略"}
    assert _programs("会议围绕“完善海岛治理体系，加快实施海岛兴农战略”协商议政。") == {
        "海岛兴农战略"
    }
    assert _programs("某省推出“加快推进海岛兴农三年行动计划”。") == {"加快推进海岛兴农三年行动计划"}


def test_the_state_as_a_subject_is_china() -> None:
    # 国家(大力)实施X as 我国实施X: China, in a text that names it; 国家某某委 stays the body
    text = "中国经济稳步发展。这些年，国家持续实施海岛兴农战略。"
    assert ("中国", "海岛兴农战略") in _impl(text)
    assert not _impl("这些年，国家持续实施海岛兴农战略。")  # China not named
    body = "中国经济稳步发展。国家发展改革委实施海岛兴农工程。"
    assert _impl(body) == {("国家发展和改革委员会", "海岛兴农工程")}


def test_the_state_another_country_speaks_of_is_not_china() -> None:
    # a bare 国家 after another country in its sentence is that country's; 我国 unchanged
    for text in (
        "中国与泰国签署合作协议。泰国表示，国家将大力实施海岛兴农计划。",
        "中国与泰国签署合作协议。泰国总理表示，国家将大力实施海岛兴农计划。",
    ):
        assert ("中国", "海岛兴农计划") not in _impl(text)
    assert ("中国", "海岛兴农计划") in _impl("中国经济稳步发展。我国将大力实施海岛兴农计划。")
