"""A programme that closes a 、-list after its verb (round reports25): the list's first
members share its head or no recogniser read them (实施大气、水、|土壤污染防治行动计划),
and the verb carries out the named one too. The sentences marked with a year are from the
public-domain national work reports; the others are invented."""

import pytest

from kg.model import Document
from kg.nlp import extract

REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


def _objects(text: str, pred: str = "implements") -> set[str]:
    r = extract(Document("t", REPORT + text, {}))
    label = {m.key: m.text for m in r.mentions}
    return {
        label.get(x.obj, x.obj)
        for x in r.relations
        if x.pred == pred and x.subj == "gov/state-council"
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # 2016: the first two plans share the third's head
        ("深入实施大气、水、土壤污染防治行动计划，划定生态空间保护红线。", "土壤污染防治行动计划"),
        # 2019: the first member is no name a recogniser reads
        ("推进西部开发、东北振兴、中部崛起、东部率先发展，出台一批改革创新举措。", "东北振兴"),
        ("推进西部开发、东北振兴、中部崛起、东部率先发展，出台一批改革创新举措。", "中部崛起"),
        # 2014
        ("实施建筑能效提升、节能产品惠民工程，发展清洁生产。", "节能产品惠民工程"),
        # 2013 and 2002
        ("推进天然林保护、退耕还林、防沙治沙等重点生态工程建设。", "退耕还林"),
        ("着力抓好青藏铁路、西气东输、西电东送等重点工程建设。", "西电东送"),
        # invented: the named member inside the list, the rest short and closed
        ("推进城市更新、东北振兴、中部崛起，出台一批举措。", "东北振兴"),
    ],
)
def test_the_named_member_closing_a_list_is_carried_out(text: str, name: str) -> None:
    assert name in _objects(text)


@pytest.mark.parametrize(
    "text",
    [
        # 2017: the programme opens a longer item (its own works), it is no member
        "启动森林质量提升、长江经济带重大生态修复、第二批山水林田湖生态保护工程试点。",
        # invented: a list whose last member runs on into the head the members share
        "启动湿地保护、东北振兴、长江经济带重大生态修复工程。",
        "启动湿地保护、东北振兴和长江经济带重大生态修复工程。",
        # invented: another act inside the list, a count, a 的-phrase, a 和 (one name cut)
        "推进城市更新、加快改造、东北振兴。",
        "实施一批、东北振兴。",
        "实施沿海的、东北振兴。",
        "推进湿地保护和东北振兴。",
        "推进保护和修复、东北振兴。",
    ],
)
def test_no_member_when_the_list_is_no_list_of_names(text: str) -> None:
    assert not {"东北振兴", "长江经济带"} & _objects(text)


def test_a_gathering_closing_a_list_of_its_works_is_hosted() -> None:
    # 2017: 做好甲、乙筹办工作 (the work of holding the list's members)
    assert "冬残奥会" in _objects("做好冬奥会、冬残奥会筹办工作，广泛开展全民健身。", "hosted")
