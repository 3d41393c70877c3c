"""Plans named by a national or international opening (heads/prefixed_plans.py, round
entities23): 国家/中国/国际… + a field + 计划 with no verb after it. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from kg.spans import entity_spans


def _programs(text: str) -> list[str]:
    return [s["text"] for s in next(entity_spans([text], nominal=False)) if s["type"] == "Program"]


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
    ],
)
def test_no_prefixed_plan(text):
    assert not [n for n in _programs(text) if n.endswith("计划")]
