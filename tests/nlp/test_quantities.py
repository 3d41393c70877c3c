"""kg_quantities: every 截至…达… and …同比增长…% statement of the 004 seed, listed.

Each expected observation is (subject, indicator, value, unit, date, kind) — a count
with no unit word takes the unit its indicator implies (网民 → 人, 用户 → 户); the pipeline
must produce each one (values compared to 1e-9 relative). Also the rules on their own:
value normalisation, dates, shares, growth, and what is not a quantity.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kg.ingest import read_document
from kg.model import Document
from kg.nlp import extract
from kg.nlp.components.quantities import to_number

ROOT = Path(__file__).resolve().parents[2]
PAPER = ROOT / "data" / "sample" / "004_fb18030615153122.txt"
CHN = "country/CHN"

# (subject, indicator, value, unit, date, kind)
EXPECTED_004 = [
    # 截至2021年，中国数字经济规模达到45.5万亿元，占国内生产总值比重为39.8%
    (CHN, "数字经济规模", 4.55e13, "元", "2021", "level"),
    (CHN, "数字经济规模占国内生产总值比重", 39.8, "%", "2021", "share"),
    # 截至2022年6月，中国网民规模达10.51亿，互联网普及率提升到74.4%。
    (CHN, "网民规模", 1.051e9, "人", "2022-06", "level"),  # unit implied by 网民
    (CHN, "互联网普及率", 74.4, "%", "2022-06", "share"),
    # 截至2022年6月，中国累计建成开通5G基站185.4万个，5G移动电话用户数达4.55亿
    (CHN, "建成开通5G基站", 1.854e6, "个", "2022-06", "level"),
    (CHN, "5G移动电话用户数", 4.55e8, "户", "2022-06", "level"),  # implied by 用户
    # 截至2022年7月，中国IPv6活跃用户数达6.97亿。
    (CHN, "IPv6活跃用户数", 6.97e8, "户", "2022-07", "level"),
    # 2021年，中国卫星导航与位置服务总体产业规模达到4690亿元。
    (CHN, "卫星导航与位置服务总体产业规模", 4.69e11, "元", "2021", "level"),
    # 截至2021年底，具有北斗定位功能的终端产品社会总保有量超过10亿台/套，…产值近2000亿元
    (CHN, "具有北斗定位功能的终端产品社会总保有量", 1e9, "台/套", "2021-12", "level"),
    (CHN, "下游运营服务环节产值", 2e11, "元", "2021-12", "level"),
    # 2021年，中国规模以上互联网和相关服务企业完成业务收入15500亿元，同比增长21.2%。
    (CHN, "规模以上互联网和相关服务企业业务收入", 1.55e12, "元", "2021", "level"),
    (CHN, "规模以上互联网和相关服务企业业务收入", 21.2, "%", "2021", "growth"),
    # 截至2022年2月，规模以上工业企业关键工序数控化率达55.3%，数字化研发工具的普及率达74.7%。
    (CHN, "规模以上工业企业关键工序数控化率", 55.3, "%", "2022-02", "share"),
    (CHN, "数字化研发工具的普及率", 74.7, "%", "2022-02", "share"),
    # 2021年中国实物商品网上零售额10.8万亿元，同比增长12%，占社会消费品零售总额比重达24.5%。
    (CHN, "实物商品网上零售额", 1.08e13, "元", "2021", "level"),
    (CHN, "实物商品网上零售额", 12.0, "%", "2021", "growth"),
    (CHN, "实物商品网上零售额占社会消费品零售总额比重", 24.5, "%", "2021", "share"),
    # 2021年，中国跨境电商进出口规模达到1.92万亿元，同比增长18.6%。
    (CHN, "跨境电商进出口规模", 1.92e12, "元", "2021", "level"),
    (CHN, "跨境电商进出口规模", 18.6, "%", "2021", "growth"),
    # 2021年，中国可数字化交付的服务贸易规模达2.33万亿元，同比增长14.4%。
    (CHN, "可数字化交付的服务贸易规模", 2.33e12, "元", "2021", "level"),
    (CHN, "可数字化交付的服务贸易规模", 14.4, "%", "2021", "growth"),
    # 截至2020年底，贫困村通光纤比例达98%以上
    (CHN, "贫困村通光纤比例", 98.0, "%", "2020-12", "share"),
    # 中国农村网络零售额2021年达2.05万亿元，同比增长11.3%，…村级电商服务站点超过14.8万个。
    (CHN, "农村网络零售额", 2.05e12, "元", "2021", "level"),
    (CHN, "农村网络零售额", 11.3, "%", "2021", "growth"),
    (CHN, "村级电商服务站点", 1.48e5, "个", "2021", "level"),
    # 截至2020年底，全国共建设运营益农信息社45.4万个，…基础金融服务覆盖行政村比例达99.2%。
    (CHN, "建设运营益农信息社", 4.54e5, "个", "2020-12", "level"),
    (CHN, "基础金融服务覆盖行政村比例", 99.2, "%", "2020-12", "share"),
    # 截至2020年底，贫困地区农村产品销售平台…，上架农副产品9万多个，平台交易额突破99.7亿元。
    (CHN, "上架农副产品", 9e4, "个", "2020-12", "level"),
    (CHN, "平台交易额", 9.97e9, "元", "2020-12", "level"),
    # 截至2021年底，中小学互联网接入率达到100%，出口带宽100M以上的学校比例达到99.95%，
    # 接入无线网的学校数超过21万所
    (CHN, "中小学互联网接入率", 100.0, "%", "2021-12", "share"),
    (CHN, "出口带宽100M以上的学校比例", 99.95, "%", "2021-12", "share"),
    (CHN, "接入无线网的学校数", 2.1e5, "所", "2021-12", "level"),
]


@pytest.fixture(scope="module")
def paper_obs():
    doc = read_document(PAPER)
    return extract(doc).observations


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize("exp", EXPECTED_004, ids=[f"{e[1]}-{e[5]}" for e in EXPECTED_004])
def test_004_observation(paper_obs, exp):
    subj, ind, value, unit, date, kind = exp
    hits = [
        o for o in paper_obs if o.indicator == ind and o.kind == kind and _close(o.value, value)
    ]
    near = [(o.indicator, o.value, o.kind) for o in paper_obs if ind[:3] in o.indicator]
    assert hits, f"no {exp}; got {near}"
    o = hits[0]
    assert (o.subject, o.unit, o.date) == (subj, unit, date)


def test_004_evidence(paper_obs):
    text = read_document(PAPER).text
    for o in paper_obs:
        assert text[o.sent_start : o.sent_end] == o.sentence
        assert o.sent_start <= o.start < o.end <= o.sent_end
        assert o.surface and o.surface in o.sentence


def test_004_qualifiers(paper_obs):
    q = {(o.indicator, o.kind): o.qualifier for o in paper_obs}
    assert q[("具有北斗定位功能的终端产品社会总保有量", "level")] == ">"  # 超过
    assert q[("下游运营服务环节产值", "level")] == "~"  # 近
    assert q[("贫困村通光纤比例", "share")] == ">"  # 98%以上
    assert q[("网民规模", "level")] is None


def obs(text: str):
    return extract(Document("t", text)).observations


def test_to_number():
    assert to_number("10.51", "亿") == 1.051e9
    assert to_number("45.5", "万亿") == 4.55e13
    assert to_number("2.05", "万亿") == 2.05e12  # exact, no 2049999999999.9998
    assert to_number("1,200", None) == 1200.0


def test_growth_sign_and_points():
    o = obs("2023年，中国国内生产总值达到126万亿元，比上年增长5.2%，能源消耗强度下降0.5%。")
    got = {(x.indicator, x.kind): x.value for x in o}
    assert got[("国内生产总值", "level")] == 1.26e14
    assert got[("国内生产总值", "growth")] == 5.2
    assert got[("能源消耗强度", "growth")] == -0.5


def test_not_quantities():
    # dates, ordinals, model names, numbers inside names, numbers that modify a noun
    text = (
        "2022年第三届5G大会召开，国家24365大学生就业服务平台上线，"
        "99.5%的中小学拥有多媒体教室，超过790万辆道路营运车辆安装使用北斗系统。"
    )
    assert obs(text) == []


def test_date_in_a_title_is_not_the_date():
    o = obs("制定《工业互联网发展行动计划（2018—2020年）》，带动总投资近700亿元。")
    assert len(o) == 1 and o[0].date is None and o[0].value == 7e10 and o[0].qualifier == "~"
