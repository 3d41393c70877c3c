"""Round links20: links between entities kg already finds. The staff of a head of state
or government and the chambers' speakers hold a post in the state; military commands,
party leaders and boards by their titles; another party's central organs read without the
party; one elected or winning at an event, or announcing there solemnly, took part in it;
the speaker of a speech named as a noun. Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _rels(text: str, pred: str) -> set[tuple[str, str]]:
    return {(x.subj, x.obj) for x in extract(Document("t", text, {})).relations if x.pred == pred}


def test_the_staff_of_a_head_of_state_hold_a_post_in_the_state() -> None:
    for text in (
        "俄罗斯总统新闻秘书阿列克谢耶夫当天表示，双方仍在接触。",
        "乌克兰总统办公室顾问科瓦连科娃说，谈判没有进展。",
        "美国总统国家安全事务助理米勒会见了来访的代表团。",
        "法国总统特使勒梅尔当天抵达开罗。",
    ):
        assert {o for _, o in _rels(text, "holdsPost")} <= {
            "country/RUS",
            "country/UKR",
            "country/USA",
            "country/FRA",
        }
        assert len(_rels(text, "holdsPost")) == 1, text


def test_a_president_elect_and_a_speaker_of_a_chamber_hold_a_post() -> None:
    assert _rels("巴西当选总统桑托斯今天发表讲话。", "holdsPost") == {
        ("person/桑托斯", "country/BRA")
    }
    assert _rels("哈萨克斯坦议会上院议长托卡耶娃出席开幕式。", "holdsPost") == {
        ("person/托卡耶娃", "country/KAZ")
    }


def test_a_former_head_of_state_holds_no_post() -> None:
    assert _rels("俄罗斯前总统新闻秘书阿列克谢耶夫表示反对。", "holdsPost") == set()


def test_commands_party_leaders_and_boards_by_their_titles() -> None:
    for text, body in (
        ("伊朗陆军总司令卡里米表示，部队已做好准备。", "伊朗陆军"),
        ("德国博世集团董事会主席施密特接受了采访。", "博世"),
        ("韩国共同民主党党首朴成浩当天表示反对。", "共同民主党"),
    ):
        res = extract(Document("t", text, {}))
        bodies = [res.entities[r.obj].label for r in res.relations if r.pred == "holdsPost"]
        assert len(bodies) == 1 and body in bodies[0], text


def test_another_party_s_central_organs_are_not_the_cpc_s() -> None:
    text = "王宏伟同越共中央政治局委员、中央书记处常务书记阮文山举行会谈。"
    assert _rels(text, "holdsPost") == set()
    text = "老挝人民革命党中央总书记通伦出席了仪式。"
    assert _rels(text, "holdsPost") == set()
    # the CPC's own organs, named in full, keep their posts
    text = "中共中央政治局委员、中央书记处书记韩振邦出席座谈会。"
    assert len(_rels(text, "holdsPost")) == 2


def test_one_elected_or_winning_at_an_event_took_part_in_it() -> None:
    text = "在第十一届全国人民代表大会第一次会议上，林国栋当选为常务委员会委员。"
    assert {s for s, _ in _rels(text, "participatesIn")} == {"person/林国栋"}
    text = "林国栋在中国科学技术协会第十次全国代表大会上当选为副主席。"
    assert {s for s, _ in _rels(text, "participatesIn")} == {"person/林国栋"}
    text = "中国在巴黎奥运会上夺得40枚金牌。"
    assert {s for s, _ in _rels(text, "participatesIn")} == {"country/CHN"}


def test_one_who_announces_solemnly_at_an_event_took_part_in_it() -> None:
    text = "韩振邦在纪念全国人民代表大会成立70周年大会上庄严宣示，要坚持人民代表大会制度。"
    assert {s for s, _ in _rels(text, "participatesIn")} == {"person/韩振邦"}


def test_the_speaker_of_a_speech_as_a_noun_is_the_person_before_it() -> None:
    text = "座谈会上，处长王宏伟结合学习习近平总书记在第五届全国科技大会上的重要讲话谈了体会。"
    assert {s for s, _ in _rels(text, "participatesIn")} == {"person/习近平"}


def test_the_leader_of_an_organisation_holds_a_post_in_it() -> None:
    res = extract(Document("t", "也门胡塞武装领导人哈达迪发表电视讲话。", {}))
    held = [(r.subj, res.entities[r.obj].label) for r in res.relations if r.pred == "holdsPost"]
    assert held == [("person/哈达迪", "胡塞武装")]
    # the short name in brackets after the full one
    text = "巴勒斯坦伊斯兰抵抗运动（哈马斯）政治局领导人萨利哈表示，谈判仍在继续。"
    assert {s for s, _ in _rels(text, "holdsPost")} == {"person/萨利哈"}
    # a country's leader is not a post in the country
    assert _rels("中国领导人习近平表示欢迎。", "holdsPost") == set()
