"""Round 12 on unseen news: gatherings whose heads the list lacked (festivals, weeks, shows,
contests, ceremonies), and those present at an event held (与会的甲、乙等国领导人).
Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _events(text: str) -> set[str]:
    return {m.text for m in extract(Document("t", text, {})).mentions if m.type == "Event"}


def test_festival_and_week_heads() -> None:
    assert "第九届中国国际茶艺舞蹈节" in _events("第九届中国国际茶艺舞蹈节昨晚在昆明开幕。")
    assert "2031年全国海洋活动周" in _events("2031年全国海洋活动周今天启动。")


def test_shows_contests_and_ceremonies_need_a_sign() -> None:
    assert "第三届某某国际防务展" not in _events("第三届某某国际防务展开幕。")  # no sign
    assert "第三届泰国国际防务展" in _events("第三届泰国国际防务展今天在曼谷开幕。")
    assert "第十届全国青年科技奖颁奖典礼" in _events("第十届全国青年科技奖颁奖典礼在京举行。")
    assert not _events("学校举行颁奖典礼。")


def test_a_headline_verb_is_no_part_of_the_name() -> None:
    events = _events("中国战机亮相泰国航展")
    assert "泰国航展" in events
    assert not any(e.startswith("中国") for e in events)


def test_those_present_at_the_event_held() -> None:
    text = (
        "2031年亚洲农业峰会5日在曼谷举行，"
        "与会的泰国总理阿努蒂和越南、老挝等国领导人呼吁加强合作。"
    )
    r = extract(Document("t", text, {}))
    got = {x.subj for x in r.relations if x.pred == "participatesIn"}
    assert got == {"person/阿努蒂", "country/VNM", "country/LAO"}


def test_a_plan_made_is_no_programme_name() -> None:
    text = "两国领导人就深化中泰合作作出进一步规划。"
    r = extract(Document("t", text, {}))
    assert not [m for m in r.mentions if m.type == "Program"]


def test_a_press_conference_series_by_its_quoted_name() -> None:
    text = "国务院新闻办公室5日举行“某某发展成效”专题新闻发布会。"
    r = extract(Document("t", text, {}))
    assert [m.text for m in r.mentions if m.type == "Event"] == ["“某某发展成效”专题新闻发布会"]
    assert {(x.subj, x.pred) for x in r.relations} == {("gov/scio", "hosted")}
    assert not _events("外交部发言人在例行新闻发布会上表示。")
