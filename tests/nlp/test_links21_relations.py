"""Round links21: posts kg missed between entities it finds. A foreign ministry's spokesman
or deputy minister (the body named with its country before it), the next names of a list of
one country's office holders, the staff of an organisation's head, an organisation's envoy
for a country's question, acting holders, 国务总理/政府总理, a head of state's 主席 right
after the country, 国务委员长; a verb left glued to a foreign name after a post is cut off.
Invented sentences (people, and most countries and bodies, too)."""

from kg.model import Document
from kg.nlp import extract


def _rels(text: str, pred: str = "holdsPost") -> set[tuple[str, str]]:
    return {(x.subj, x.obj) for x in extract(Document("t", text, {})).relations if x.pred == pred}


def _persons(text: str) -> set[str]:
    return {m.text for m in extract(Document("t", text, {})).mentions if m.type == "Person"}


def test_a_foreign_ministrys_spokesman_holds_a_post_in_it() -> None:
    for text, person in (
        ("智利外交部发言人扎瓦拉塔周三在记者会上说，智方欢迎这一决定。", "扎瓦拉塔"),
        ("秘鲁外交部副部长扎加里巴兹当天会见了来访的代表团。", "扎加里巴兹"),
        ("葡萄牙外交部副部长弗龙蒂尼亚在里斯本接受了采访。", "弗龙蒂尼亚"),
    ):
        rels = _rels(text)
        assert len(rels) == 1, text
        ((subj, obj),) = rels
        assert subj == f"person/{person}" and obj.startswith("gov/"), rels


def test_the_next_office_holders_of_a_list_hold_the_same_countrys_offices() -> None:
    assert _rels("新西兰外交部长卡迈克尔、贸易部长麦克莱出席了签字仪式。") == {
        ("person/卡迈克尔", "country/NZL"),
        ("person/麦克莱", "country/NZL"),
    }
    # a word after 、 that is no office: no post
    assert ("person/林可", "country/FJI") not in _rels("斐济总统瓦卢卡、摄影师林可一同参观了展览。")


def test_the_staff_of_an_organisations_head_hold_a_post_in_it() -> None:
    assert _rels("联合国秘书长发言人莫雷蒂当天表示，各方应保持克制。") == {
        ("person/莫雷蒂", "org/un")
    }
    assert _rels("阿盟秘书长副发言人哈利勒说，会议将如期举行。") == {
        ("person/哈利勒", "org/arab-league")
    }


def test_an_organisations_envoy_for_a_countrys_question() -> None:
    assert _rels("联合国海地问题特使韦斯特伯格表示，过渡委员会已就选举日程达成一致。") == {
        ("person/韦斯特伯格", "org/un")
    }
    assert _rels("联合国秘书长也门问题特别代表奥斯曼16日抵达亚丁。") == {
        ("person/奥斯曼", "org/un")
    }


def test_acting_holders_and_other_names_of_a_prime_minister() -> None:
    assert _rels("乌拉圭代理外长费雷拉周二表示，乌方支持尽快重启谈判。") == {
        ("person/费雷拉", "country/URY")
    }
    assert _rels("韩国国务总理金永植在首尔会见了来访的经贸代表团。") == {
        ("person/金永植", "country/KOR")
    }


def test_a_head_of_states_chairman_title_right_after_the_country() -> None:
    assert _rels("瑞士联邦主席莫瑟尔在伯尔尼接见了各国新任使节。") == {
        ("person/莫瑟尔", "country/CHE")
    }
    # the chairman of a party of the country holds no office of the state
    assert not any(
        o.startswith("country/") for _, o in _rels("比利时工人党全国理事会主席范德韦尔德致信祝贺。")
    )


def test_the_chairman_of_state_affairs() -> None:
    assert ("person/金成哲", "country/PRK") in _rels("朝鲜国务委员长金成哲参观了一座新落成的医院。")
    assert ("person/金成哲", "org/朝鲜劳动党") in _rels(
        "朝鲜劳动党委员长、国务委员长金成哲观看了文艺演出。"
    )


def test_a_verb_glued_to_a_foreign_name_is_cut_off() -> None:
    assert "约恩斯多蒂尔" in _persons("冰岛总理约恩斯多蒂尔互致贺电后共同会见了记者。")
    # a foreign chamber's speaker: the name read after the body's post stops at the verb
    assert "马凯" in _persons("加拿大众议院议长马凯窜访邻国。")
    # a name's last character that is a noun stays (某某尔班)
    assert "科瓦尔班" in _persons("斯洛伐克总理科瓦尔班周五表示支持。")


def test_a_deputy_in_charge_of_the_daily_work_holds_the_post() -> None:
    assert _rels("教育部分管日常工作的副部长刘思远在会上作了说明。") == {
        ("person/刘思远", "gov/moe")
    }
    assert _rels("国家统计局党组成员、分管日常工作的副局长周明义向记者介绍了普查进展。") == {
        ("person/周明义", "gov/nbs")
    }
