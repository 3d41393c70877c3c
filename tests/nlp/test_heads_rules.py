"""Programme and event names by rule: left edges (a verb inside a noun compound, a
verb and its adverb in one token, demonstratives), names dated inside, a predicate after
a name that opens with a known name, quoted programmes an implementing verb governs."""

import pytest

from kg.model import Document
from kg.nlp import extract


def _names(text: str, type_: str = "Program") -> set[str]:
    r = extract(Document("t", text))
    return {m.label for m in r.mentions if m.type == type_}


@pytest.mark.parametrize(
    "text, name",
    [
        # a name-internal verb after a noun is a word of the name (整治|提升)
        ("启动农村人居环境整治提升五年行动。", "农村人居环境整治提升五年行动"),
        # jieba's one token 颁布实施 ends the left context
        ("颁布实施2011-2020年中国农村扶贫开发纲要。", "2011—2020年中国农村扶贫开发纲要"),
        # a period inside the name makes a weak head's name specific
        ("农机装备产业中长期发展规划由省里研究制定。", "农机装备产业中长期发展规划"),
        # after a name that opens with a known name, a predicate ends it
        ("湖南省湿地保护规划获国务院批复。", "湖南省湿地保护规划"),
        # quoted programmes governed by an implementing verb
        ("规范文化市场，坚持开展“扫黄打非”。", "扫黄打非"),
        ("各地积极开展“送医下乡”“送戏下乡”等活动。", "送戏下乡"),
        # a quoted set of programmes named by its count
        ("今年集中开展“三项行动”，整治市场秩序。", "三项行动"),
    ],
)
def test_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text, bad",
    [
        ("支持上海建设科技创新中心。", "上海建设科技创新中心"),
        ("今后的任务是制定和实施中长期发展规划和年度计划。", "中长期发展规划"),
    ],
)
def test_not_found(text: str, bad: str) -> None:
    found = set()
    for t in ("Program", "Organization", "Event"):
        found |= _names(text, t)
    assert bad not in found


def test_demonstrative_cuts() -> None:
    names = _names("长江经济带发展这一重大战略稳步推进。")
    assert not any("这一" in n for n in names)


def test_site_heads_take_no_predicate() -> None:
    assert not _names("叙利亚空军基地遭袭，多人受伤。")


@pytest.mark.parametrize(
    "text",
    [
        "大力推广“公司加农户”、“订单农业”等方式。",  # ways of working
        "对该地区实施“定点清除”。",  # an action on a target
        "切实落实“两个确保”。",  # a counted slogan
        "全面推行“一企一策”。",  # a per-unit method
        "推广种植新品种“丰产9号”。",  # a product
    ],
)
def test_quoted_non_programmes(text: str) -> None:
    assert not _names(text)


def test_congratulation_verb_cuts() -> None:
    names = _names("该组织致信祝贺全国青年创新发展论坛开幕。", "Event")
    assert names == {"全国青年创新发展论坛"}


def test_host_place_of_a_short_form() -> None:
    assert "西安全运会" in _names("本省运动员积极备战西安全运会。", "Event")
    # a body before a short form is no host: 新华社|广交会
    names = _names("新华社广交会报道团队已经就位。", "Event")
    assert names and not any(n.startswith("新华") for n in names)


def test_quoted_known_programme_inside_a_name() -> None:
    r = extract(Document("t", "成功举办第三届“一带一路”青年创意大会。"))
    assert {(m.label, m.type) for m in r.mentions} >= {("一带一路", "Program")}


def test_a_name_keeps_its_own_dash() -> None:
    r = extract(Document("t", "印发《国家乡村振兴战略规划（2018－2022年）》，"))
    (e,) = [e for e in r.entities.values() if e.type == "Program"]
    assert e.label == "国家乡村振兴战略规划（2018—2022年）"
    assert "国家乡村振兴战略规划（2018－2022年）" in e.aliases


@pytest.mark.parametrize(
    "text, name",
    [
        # a unit of a known organisation, verbs and all
        (
            "联合国开发计划署应对气候变化南南合作中心成立。",
            "联合国开发计划署应对气候变化南南合作中心",
        ),
        ("东盟秘书处发表声明。", "东盟秘书处"),
        # a designation's prefix, then a word no dictionary knows: one centre
        ("国家察汗盐湖资源技术创新中心获批组建。", "国家察汗盐湖资源技术创新中心"),
    ],
)
def test_organisations(text: str, name: str) -> None:
    assert name in _names(text, "Organization")


@pytest.mark.parametrize(
    "text",
    [
        "建设一批国家技术创新中心。",  # a designation
        "国务院防治艾滋病工作委员会办公室发布通知。",  # a state organ's office
    ],
)
def test_no_organisation(text: str) -> None:
    assert not _names(text, "Organization")


def test_an_event_names_its_committee() -> None:
    r = extract(Document("t", "2031年青岛国际海洋文化节组委会发布消息。"))
    got = {(m.label, m.type) for m in r.mentions}
    assert ("2031年青岛国际海洋文化节组委会", "Organization") in got
    assert any(t == "Event" and "文化节" in lab for lab, t in got)


def test_a_unit_mentions_its_organisation() -> None:
    r = extract(Document("t", "联合国开发计划署应对气候变化南南合作中心成立。"))
    orgs = {m.label for m in r.mentions if m.type == "Organization"}
    assert len(orgs) == 2 and any("南南" in o for o in orgs)


@pytest.mark.parametrize(
    "text, name",
    [
        # a proper name no dictionary holds opens a works project
        ("规划中的引澜济青工程将缓解沿线缺水。", "引澜济青工程"),
        # a known programme with the verb that is part of its known form
        ("双方商定实施共建“一带一路”青年交流计划。", "共建一带一路青年交流计划"),
        ("推进“一带一路”倡议同“草原之路”构想对接。", "草原之路构想"),
    ],
)
def test_more_programmes(text: str, name: str) -> None:
    from kg.nlp.text import norm_name

    assert name in {norm_name(n) for n in _names(text)}


def test_a_discipline_is_no_project() -> None:
    assert not _names("学院增设材料科学与工程等专业。")


def test_known_name_and_weak_head_is_no_plan() -> None:
    assert not _names("各方支持把这一倡议纳入联合国议程。")
    # an organisation's meeting is an event all the same
    assert _names("总统将出席在利雅得举行的阿盟峰会。", "Event")


def test_a_joint_meeting_is_a_body_not_an_event() -> None:
    r = extract(Document("t", "体育总局牵头的全民健身工作部际联席会议负责统筹协调。"))
    got = {(m.label, m.type) for m in r.mentions}
    assert ("全民健身工作部际联席会议", "GovernmentBody") in got
    assert not any(t == "Event" for _, t in got)
    # its sessions are events
    r = extract(Document("t", "召开全国防治非法集资部际联席会议第五次会议。"))
    assert any(m.type == "Event" for m in r.mentions)


@pytest.mark.parametrize(
    "text, name",
    [
        # a time word or a date after an event's name ends it
        ("第五届全国青年创业大会今天在杭州开幕。", "第五届全国青年创业大会"),
        # an edition in digits opens the name (届 cuts elsewhere)
        ("第27届冬季奥林匹克运动会 中国代表团出发。", "第27届冬季奥林匹克运动会"),
        # an organisation's numbered meeting
        ("世界卫生组织第80届世界卫生大会开幕。", "世界卫生组织第80届世界卫生大会"),
        # new event heads
        ("第十届西宁国际电影节开幕。", "第十届西宁国际电影节"),
        ("东亚海洋合作论坛第四届部长级会议举行。", "东亚海洋合作论坛第四届部长级会议"),
    ],
)
def test_events(text: str, name: str) -> None:
    assert name in {m.text for m in extract(Document("t", text)).mentions}


def test_a_body_session_is_one_event_by_any_name() -> None:
    text = (
        "全国政协十三届四次会议3日开幕。"
        "中国人民政治协商会议第十三届全国委员会第四次会议在京闭幕。"
        "会期三天的全国政协十三届二次会议随后闭幕。"
    )
    keys = [m.key for m in extract(Document("t", text)).mentions if m.type == "Event"]
    assert len(keys) == 3 and keys[0] == keys[1] != keys[2]


@pytest.mark.parametrize(
    "text, name",
    [
        ("医疗队赶往某某县人民医院。".replace("某某", "平遥"), "平遥县人民医院"),
        ("湖北省博物馆今天开馆。", "湖北省博物馆"),
        ("据报道，美国英特尔公司表示", "美国英特尔公司"),
    ],
)
def test_place_and_country_led_organisations(text: str, name: str) -> None:
    assert name in _names(text, "Organization")


def test_a_country_and_a_head_is_a_class() -> None:
    assert not _names("多家美国公司表示反对。", "Organization")


def test_first_edition_is_the_series() -> None:
    r = extract(Document("t", "办好首届中国国际进口博览会。"))
    assert [m.label for m in r.mentions if m.type == "Event"] == ["中国国际进口博览会"]


def test_known_programme_after_an_edition() -> None:
    r = extract(Document("t", "第四届北斗导航产业合作峰会在长沙召开。"))
    assert ("北斗", "Program") in {(m.text, m.type) for m in r.mentions}
