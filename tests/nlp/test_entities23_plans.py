"""Plans named by a national or international opening (heads/prefixed_plans.py, round
entities23): 国家/中国/国际… + a field + 计划 with no verb after it. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.nlp.spans import names_of


def _programs(text: str) -> list[str]:
    return names_of(text, "Program")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "科技部表示，将支持更多高校参与国家深海探测研发计划，加快成果转化。",
            "国家深海探测研发计划",
        ),
        ("按照中国深空探测发展计划，探测器将于明年发射。", "中国深空探测发展计划"),
        ("多国参与的国际极地联合观测计划顺利推进。", "国际极地联合观测计划"),
    ],
)
def test_prefixed_plan(text, name):
    assert name in _programs(text)


@pytest.mark.parametrize(
    "text",
    [
        "今天，全国铁路网计划开行旅客列车一万列。",  # 计划 the verb: plans to
        "全国各地计划投入资金改造老旧小区。",  # a subject and its verb
        "国家层面还计划完成三项改革。",
        "会议审议了国家海军建设计划草案。",  # a noun after it: a longer phrase
        "这是中国长期推进的计划。",
        "按照要求，国家层面计划的执行情况将定期通报。",  # a field of two characters
        "此外，国家指导性计划的范围逐步缩小。",  # a kind of plan (…性)
    ],
)
def test_no_prefixed_plan(text):
    assert not [n for n in _programs(text) if n.endswith("计划")]


@pytest.mark.parametrize(
    "text",
    [
        # 计划 the verb with its time, place or modal after it (review23 finding 2)
        "全国高速公路网计划在年内新增通车里程。",
        "中国深海勘探研发计划于明年完成样机。",
        "国际极地联合观测计划将新增两个站点。",
        # a body or a facility planning (某某集团|计划, 某某中心|计划)
        "据介绍，中国极地研究中心计划，今年开展三次科考。",
        "国家能源投资集团计划，明年建成两座电站。",
        # the state's planning named outside statutes (finding 3)
        "各省要确保完成国家基本建设计划。",
        "全国粮食生产计划已经下达到各县。",
        "要严格执行国家财政收支计划。",
    ],
)
def test_plans_to_or_state_planning(text):
    assert not [n for n in _programs(text) if n.endswith("计划")]


def test_no_plan_in_a_statute():
    """A statute's 国家某某计划 is the state's planning its articles regulate."""
    text = (
        "某某条例\n第一条 为了规范科研管理，制定本条例。\n"
        "第二条 国家深海勘探研发计划，由国务院科学技术行政部门组织实施。\n"
        "第三条 本条例自公布之日起施行。"
    )
    assert not [n for n in _programs(text) if n.endswith("计划")]
