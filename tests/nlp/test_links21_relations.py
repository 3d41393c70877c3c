"""Round links21: posts kg missed between entities it finds. A foreign ministry's spokesman
or deputy minister (the body named with its country before it), the next names of a list of
one country's office holders, the staff of an organisation's head, an organisation's envoy
for a country's question, acting holders, 国务总理/政府总理, a head of state's 主席 right
after the country, 国务委员长; a verb left glued to a foreign name after a post is cut off.
Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _rels(text: str, pred: str = "holdsPost") -> set[tuple[str, str]]:
    return {(x.subj, x.obj) for x in extract(Document("t", text, {})).relations if x.pred == pred}


def _persons(text: str) -> set[str]:
    return {m.text for m in extract(Document("t", text, {})).mentions if m.type == "Person"}


def test_a_foreign_ministrys_spokesman_holds_a_post_in_it() -> None:
    for text, person in (
        ("俄罗斯外交部发言人扎哈罗娃当天表示，俄方将作出回应。", "扎哈罗娃"),
        ("波兰外交部发言人弗龙斯基称，波方将采取相应措施。", "弗龙斯基"),
        ("伊朗外交部副部长加里巴巴迪同一天表示，谈判仍在继续。", "加里巴巴迪"),
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
    assert ("person/洪利", "country/MUS") not in _rels("毛里求斯总统戈库尔、记者洪利出席招待会。")


def test_the_staff_of_an_organisations_head_hold_a_post_in_it() -> None:
    assert _rels("联合国秘书长发言人莫雷蒂当天表示，各方应保持克制。") == {
        ("person/莫雷蒂", "org/un")
    }
    assert _rels("阿盟秘书长副发言人哈利勒说，会议将如期举行。") == {
        ("person/哈利勒", "org/arab-league")
    }


def test_an_organisations_envoy_for_a_countrys_question() -> None:
    assert _rels("联合国利比亚问题特使科布勒表示，各方已同意停火。") == {
        ("person/科布勒", "org/un")
    }
    assert _rels("联合国秘书长也门问题特别代表奥斯曼16日抵达亚丁。") == {
        ("person/奥斯曼", "org/un")
    }


def test_acting_holders_and_other_names_of_a_prime_minister() -> None:
    assert _rels("伊朗代理外长萨利希17日表示，伊方愿意恢复对话。") == {
        ("person/萨利希", "country/IRN")
    }
    assert _rels("韩国国务总理朴成浩当天主持召开国务会议。") == {("person/朴成浩", "country/KOR")}


def test_a_head_of_states_chairman_title_right_after_the_country() -> None:
    assert _rels("瑞士联邦主席贝尔塞表示，两国合作前景广阔。") == {("person/贝尔塞", "country/CHE")}
    # the chairman of a party of the country holds no office of the state
    assert not any(
        o.startswith("country/") for _, o in _rels("法国共产党全国理事会主席洛朗发来贺电。")
    )


def test_the_chairman_of_state_affairs() -> None:
    assert ("person/金正恩", "country/PRK") in _rels("朝鲜国务委员长金正恩视察了一家新建的工厂。")
    assert ("person/金正恩", "org/朝鲜劳动党") in _rels(
        "朝鲜劳动党总书记、国务委员长金正恩出席了竣工仪式。"
    )


def test_a_verb_glued_to_a_foreign_name_is_cut_off() -> None:
    assert "米佐塔基斯" in _persons("希腊总理米佐塔基斯互致贺电后发表讲话。")
    # a foreign chamber's speaker: the name read after the body's post stops at the verb
    assert "佩洛西" in _persons("美国国会众议长佩洛西窜访中国台湾地区。")
    # a name's last character that is a noun stays (某尔班)
    assert "欧尔班" in _persons("匈牙利总理欧尔班当天表示反对。")


def test_a_deputy_in_charge_of_the_daily_work_holds_the_post() -> None:
    assert _rels("中央组织部分管日常工作的副部长王建国出席座谈会。") == {
        ("person/王建国", "gov/cpc-organization")
    }
    assert _rels("最高人民法院党组副书记、分管日常工作的副院长陈明亮介绍了有关情况。") == {
        ("person/陈明亮", "gov/spc")
    }
