"""Programmes and events, round 3: pilots, study campaigns, plans of attack, two-character
fields of campaign heads, longer names of games (invented sentences and work-report ones)."""

import pytest

from kg.model import Document
from kg.nlp import extract


def _labels(text: str, type_: str) -> set[str]:
    r = extract(Document("t", text))
    return {m.label for m in r.mentions if m.type == type_}


@pytest.mark.parametrize(
    "text, name",
    [
        ("开展城乡供水一体化管理试点，扩大覆盖范围。", "城乡供水一体化管理试点"),
        ("推进农村宅基地有偿退出试点。", "农村宅基地有偿退出试点"),
        ("在全系统扎实开展廉洁文化学习教育。", "廉洁文化学习教育"),
        ("实施营商环境三年攻坚方案，压减审批时限。", "营商环境三年攻坚方案"),
        ("制定实施海洋经济发展战略纲要。", "海洋经济发展战略纲要"),
        ("深入实施质量提升行动，完善标准体系。", "质量提升行动"),
        ("实施标准提升行动，加快构建标准体系。", "标准提升行动"),
    ],
)
def test_programme_heads(text: str, name: str) -> None:
    assert name in _labels(text, "Program")


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("在浙江试点的基础上，推广到全国。", "浙江试点"),  # a pilot in a place
        ("今年启动1亿亩试点。", "1亿亩试点"),  # an amount
        ("巩固提升行动取得了明显进展。", "巩固提升行动"),  # a verb, no field
        ("双方签署新的五年行动计划。", "五年行动计划"),  # a period
    ],
)
def test_no_programme(text: str, wrong: str) -> None:
    assert not any(wrong in x for x in _labels(text, "Program"))


@pytest.mark.parametrize(
    "text, name",
    [
        ("做好2024年奥运会、残奥会备战参赛工作。", "残奥会"),
        ("精心筹办北京冬奥会、冬残奥会。", "冬残奥会"),
        ("确保长春冬奥会冬残奥会安全顺利。", "冬残奥会"),
        ("本市成功举办青奥会。", "青奥会"),
        ("2031年第40届夏季奥运会将在某地开幕。", "夏季奥运会"),
    ],
)
def test_games(text: str, name: str) -> None:
    assert name in _labels(text, "Event")


@pytest.mark.parametrize(
    "text",
    [
        "他连续两届残奥会获得银牌。",
        "这是该市获得的首枚冬残奥会奖牌。",
        "多国人士纷纷祝贺长春冬奥会闭幕。",
        "这是一届奥运会上少见的成绩。",
    ],
)
def test_games_need_a_host_or_a_year(text: str) -> None:
    # only a place, a year or an edition opens a longer name of games
    labels = _labels(text, "Event")
    assert not any(
        x.startswith(("他", "连续", "这是", "本省", "多国", "热烈", "祝贺", "一届")) for x in labels
    )


@pytest.mark.parametrize(
    "text, name",
    [
        ("深入贯彻全国水利工作会议精神。", "全国水利工作会议"),  # …精神 ends the name
        ("中国致公党第九次全国代表大会10月12日在京开幕。", "中国致公党第九次全国代表大会"),
        ("第十六届全国冬季运动会青少年组比赛开幕。", "全国冬季运动会"),  # an edition
        ("在庆祝某某协会成立60周年大会上发表讲话。", "庆祝某某协会成立60周年大会"),
        ("筹备好下半年举行的中欧领导人会晤。", "中欧领导人会晤"),
        ("两位领导人一同主持中拉领导人对话会。", "中拉领导人对话会"),
    ],
)
def test_meetings(text: str, name: str) -> None:
    assert name in _labels(text, "Event")


@pytest.mark.parametrize("text", ["两国领导人会晤。", "中方领导人会晤外宾。", "村里召开村民大会。"])
def test_no_meeting(text: str) -> None:
    assert not _labels(text, "Event")


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "中国华辰控股有限责任公司正式落户新区。",
            "中国华辰控股有限责任公司",
        ),  # 控股: a trade word
        ("国际贸易协会近日发表评论。", "国际贸易协会"),  # 国际 inside a longer word
        ("遵义医药学院的专家来到县医院。", "遵义医药学院"),  # 遵|义: a place, no verb
    ],
)
def test_organisations(text: str, name: str) -> None:
    assert name in _labels(text, "Organization")


@pytest.mark.parametrize("text", ["吸引投资公司入驻。", "该馆是省级人文社科类综合博物馆。"])
def test_no_organisation(text: str) -> None:
    assert not _labels(text, "Organization")


@pytest.mark.parametrize(
    "text, name",
    [
        ("总结推广自贸试验区经验。", "自由贸易试验区"),  # the short form, one entity
        ("推动综合保税区发展保税研发业务。", "综合保税区"),
        ("扩大某省自由贸易试验区的试点范围。", "自由贸易试验区"),
    ],
)
def test_designations(text: str, name: str) -> None:
    assert name in _labels(text, "Program")


def test_a_place_s_zone_and_a_class_of_zones() -> None:
    assert "上海自由贸易试验区" in _labels("设立上海自由贸易试验区。", "Program")
    assert not _labels("该园区被评为全国B类综保区。", "Program")


@pytest.mark.parametrize(
    "text",
    ["办好第二届“一带一路”国际合作高峰论坛。", "实施“一带一路”数字人才行动计划。"],
)
def test_a_quoted_programme_inside_a_name(text: str) -> None:
    assert "一带一路" in _labels(text, "Program")


@pytest.mark.parametrize(
    "text, name",
    [
        ("欧盟委员会发布公告。", "欧盟委员会"),
        ("美洲国家组织部长理事会会议在某地举行。", "美洲国家组织部长理事会"),
    ],
)
def test_organs_of_organisations(text: str, name: str) -> None:
    assert name in _labels(text, "Organization")


def test_an_internal_committee_is_none() -> None:
    labels = _labels("他任某某大学化学化工学院学术委员会主任。", "Organization")
    assert not any(x.endswith("委员会") for x in labels)


def test_a_sector_s_period_plan() -> None:
    assert "现代化水运体系建设“十五五”规划" in {
        m.text
        for m in extract(Document("t", "印发现代化水运体系建设“十五五”规划。")).mentions
        if m.type == "Program"
    }
    # the national economy's plan stays the national plan
    assert not any(
        x.startswith("社会发展") for x in _labels("编制国民经济和社会发展“十五五”规划。", "Program")
    )


@pytest.mark.parametrize(
    "text, name",
    [
        ("认真开展“守初心、担使命”主题教育。", "守初心、担使命主题教育"),
        ("推进“学思践悟”学习教育常态化制度化。", "学思践悟学习教育"),
        ("实施海洋科学十年规划。", "海洋科学十年规划"),
        ("抓好农村宅基地制度改革试点。", "农村宅基地制度改革试点"),
        ("巩固“双减”成果。", "双减"),
    ],
)
def test_campaigns_and_plans(text: str, name: str) -> None:
    assert name in _labels(text, "Program")


@pytest.mark.parametrize(
    "text",
    [
        "抓好连队主题教育。",
        "审议国民经济和社会发展五年规划。",
        "这是本行业首个省级五年规划。",
    ],
)
def test_no_campaign_or_plan(text: str) -> None:
    assert not _labels(text, "Program")


@pytest.mark.parametrize(
    "text, name",
    [
        ("第45届东盟峰会11日在某地开幕。", "东盟峰会"),  # an edition of a known body's summit
        ("全军后勤工作会议8月3日召开。", "全军后勤工作会议"),
        ("出席全国政协十五届二次会议开幕会。", "全国政协十五届二次会议"),
    ],
)
def test_more_meetings(text: str, name: str) -> None:
    assert name in _labels(text, "Event")


@pytest.mark.parametrize(
    "text, name", [("本届渝洽会签约项目百余个。", "渝洽会"), ("办好数贸会。", "数贸会")]
)
def test_fair_short_forms(text: str, name: str) -> None:
    assert name in _labels(text, "Event")


@pytest.mark.parametrize(
    "text, name",
    [
        ("伤员被送到宁陕县医院救治。", "宁陕县医院"),  # a county's hospital
        ("他是曼彻斯特大学的教授。", "曼彻斯特大学"),  # a university named for its city
        ("大阪铁路公司部分列车晚点。", "大阪铁路公司"),  # 公司|部分: 部 opens a word
    ],
)
def test_place_named_organisations(text: str, name: str) -> None:
    assert name in _labels(text, "Organization")


def test_a_pejorative_group_is_none() -> None:
    assert not _labels("某国侵略集团处于孤立地位。", "Organization")


@pytest.mark.parametrize(
    "text, name",
    [
        ("双方共同推进七大互利行动。", "七大互利行动"),
        ("大力实施八大特色产业提质增效行动。", "八大特色产业提质增效行动"),
    ],
)
def test_counted_packages(text: str, name: str) -> None:
    assert name in _labels(text, "Program")


@pytest.mark.parametrize(
    "text",
    [
        "实施道路改造等五大工程。",
        "建设七大清洁能源基地。",
        "这是一项系统工程。",
        "七项中国工程列入名录。",
    ],
)
def test_no_counted_package(text: str) -> None:
    assert not _labels(text, "Program")


def test_a_dated_meeting_of_a_place() -> None:
    # a year, then a known place: one edition of that place's meeting
    assert "苏州全球招商大会" in _labels("2031苏州全球招商大会昨天举行。", "Event")
    assert not _labels("第一次债权人会议召开。", "Event")
