"""Government bodies, round 2: committees a congress or a CPPCC sets up in a list, the
CPPCC's national committee by its term, foreign organs in lists of posts."""

from __future__ import annotations

from tests.nlp.spans import bodies_of


def test_committees_set_up_by_the_npc_are_its_bodies():
    # 全国人民代表大会组织法 (2021), art. 34, abridged
    got = dict(bodies_of(
        "全国人民代表大会设立民族委员会、宪法和法律委员会、财政经济委员会、外事委员会、"
        "华侨委员会和全国人民代表大会认为需要设立的其他专门委员会。"
    ))
    listed = {"民族委员会", "宪法和法律委员会", "财政经济委员会", "外事委员会", "华侨委员会"}
    assert set(got) >= listed
    # keyed under the parent: the gazetteer's NPC committee, or an open key named by it
    assert got["外事委员会"] == "gov/npc-foreign"
    assert got["华侨委员会"] == "gov/npc-overseas"
    assert not any("其他" in t for t in got)


def test_committee_list_closed_by_its_count_after_a_cppcc_term_name():
    got = dict(bodies_of(
        "会议通过了政协第九届全国委员会常务委员会的决定，决定设置提案委员会、"
        "社会和法制委员会、外事委员会三个专门委员会。"
    ))
    assert "政协第九届全国委员会常务委员会" in got
    assert "常务委员会" in got["政协第九届全国委员会常务委员会"]
    assert {"提案委员会", "社会和法制委员会", "外事委员会"} <= set(got)
    # the same key as the committee named with its parent (全国政协提案委员会)
    assert got["提案委员会"] == dict(bodies_of("全国政协提案委员会主任甲某"))["全国政协提案委员会"]


def test_committee_lists_need_a_parent_and_a_setting_up():
    # no congress in the sentence, and a list that sets nothing up
    assert not bodies_of("该镇设立居民委员会、村民委员会和其他基层组织。")
    heard = bodies_of("全国人民代表大会听取了民族委员会、外事委员会的报告。")
    assert not any(t == "民族委员会" for t, _ in heard)


def test_a_list_of_posts_names_the_country_once_for_its_organs():
    got = dict(bodies_of("俄罗斯国家杜马主席甲、联邦委员会主席乙出席。"))
    assert got.get("联邦委员会") == "gov/俄罗斯联邦委员会"
    got = dict(bodies_of("副总理会见土耳其总统甲、大国民议会议长乙。"))
    assert got.get("大国民议会") == "gov/土耳其大国民议会"


def test_a_foreign_organ_in_a_list_needs_a_post_and_a_country_in_its_clause():
    # no post after the organ; the country in another clause
    assert "国民议会" not in dict(bodies_of("法国总统甲、国民议会和政府都表示欢迎。"))
    assert "国民议会" not in dict(bodies_of("法国总统甲出席，会见团员、国民议会议长乙。"))


def test_a_short_form_with_its_own_post_after_a_central_body_post():
    got = dict(bodies_of("甲某　　中央统战部副部长、宗教局局长"))
    assert got.get("宗教局") == "gov/sara"
    # after a provincial organ's post the same form is a local bureau
    assert "林业局" not in dict(bodies_of("丙某　　四川省林业厅厅长、林业局局长"))


def test_an_adverb_between_a_short_form_and_huitong():
    got = dict(bodies_of("扶贫办已会同交通部、水利部等部门研究提出了办理意见。"))
    assert got.get("扶贫办") == "gov/cpad"


def test_a_commission_of_the_state_named_by_its_domain_and_its_office():
    got = dict(bodies_of(
        "国务院决定对国家禁毒委员会组成人员进行调整。国家禁毒委员会办公室设在公安部。"
    ))
    assert got.get("国家禁毒委员会") == "gov/国家禁毒委员会"
    assert got.get("国家禁毒委员会办公室") == "gov/国家禁毒委员会办公室"
    # 国家 as a common word, or after a country: not this class
    assert not bodies_of("国家机关应当向常务委员会报告。")
    assert "国家杜马国防委员会" not in dict(bodies_of("俄罗斯国家杜马国防委员会主席甲"))


def test_leading_groups_and_joint_meetings_of_the_centre():
    got = dict(bodies_of("会议听取了中央区域协调发展领导小组办公室的汇报。"))
    assert got.get("中央区域协调发展领导小组办公室") == "gov/中央区域协调发展领导小组办公室"
    got = dict(bodies_of("甲某主持中央党的建设工作领导小组会议。"))
    assert "中央党的建设工作领导小组" in got
    got = dict(bodies_of("副总理、第七次全国人口普查领导小组组长甲某"))
    assert "第七次全国人口普查领导小组" in got
    # no opener of the centre: a group of some unit, not named
    assert not bodies_of("县里组建了脱贫攻坚领导小组。")


def test_the_management_body_of_a_protected_area():
    got = dict(bodies_of("经崂山风景名胜区管理委员会批准，三江源国家公园管理局组建运行。"))
    assert got.get("崂山风景名胜区管理委员会") == "gov/崂山风景名胜区管理委员会"
    assert "三江源国家公园管理局" in got
    # a verb before the name is no part of it
    asked = dict(bodies_of("应当提请崂山风景名胜区管理委员会审议"))
    assert "崂山风景名胜区管理委员会" in asked and "提请崂山风景名胜区管理委员会" not in asked


def test_the_cppcc_standing_committee_by_any_of_its_names_is_one_body():
    keys = {
        dict(bodies_of(t)).get(n or t)
        for t, n in [
            ("全国政协常委会委员甲某", "全国政协常委会"),
            ("全国政协十三届常委会第一次会议", "全国政协十三届常委会"),
            ("中国人民政治协商会议第九届全国委员会常务委员会", None),
        ]
    }
    assert len(keys) == 1 and None not in keys
    # the term alone names the CPPCC itself
    assert dict(bodies_of("政协第九届全国委员会第一次会议"))["政协第九届全国委员会"] == "gov/cppcc"
