"""A report's speaker line: the speaker holds the post it names, in the body it names or
the government the report speaks for (kg/nlp/relations/reporter.py, read_speaker)."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.nlp import extract

EVENT = "（2031年2月3日在{place}第六届人民代表大会第二次会议上）\n"
ADDRESS = (
    "各位代表：\n下面，我代表{who}向大会报告工作，请各位审议。\n我们认真实施《全民健身计划》。\n"
)


def labelled(text: str) -> set[tuple[str, str, str, str | None]]:
    res = extract(Document("t", text))
    lab = {k: e.label for k, e in res.entities.items()}
    return {(lab.get(r.subj, r.subj), r.pred, lab.get(r.obj, r.obj), r.post) for r in res.relations}


@pytest.mark.parametrize(
    "speaker, post",
    [
        ("甘肃省人民政府省长 陶某川", "省长"),  # the body on the line
        ("甘肃省人民政府代省长　陶某川", "代省长"),
        ("甘肃省省长　陶某川", "省长"),  # the place: its people's government
        ("甘肃省代省长 陶某川", "代省长"),
        ("省长\u3000\u3000陶某川", "省长"),  # no body: the place of the congress
        ("代省长\n陶　某川", "代省长"),  # the name on the next line, spaced
        ("省长　\n\u3000陶某川", "省长"),
    ],
)
def test_speaker_holds_the_post_in_the_provincial_government(speaker, post):
    text = (
        "政府工作报告\n"
        + EVENT.format(place="甘肃省")
        + speaker
        + "\n"
        + ADDRESS.format(who="省人民政府")
    )
    got = labelled(text)
    assert ("陶某川", "holdsPost", "甘肃省人民政府", post) in got
    # the same government is the "we" of the report
    assert ("甘肃省人民政府", "implements", "全民健身计划", None) in got


def test_premier_on_two_lines_with_a_spaced_name():
    text = (
        "政府工作报告\n\n"
        + EVENT.format(place="").replace("第六届", "第二十一届全国")
        + "\n国务院总理\u3000\n李\u3000某\n\n"
        + ADDRESS.format(who="国务院")
    )
    assert ("李某", "holdsPost", "国务院", "总理") in labelled(text)


def test_the_address_names_the_body():
    text = "政府工作报告\n市长 赵某某\n" + ADDRESS.format(who="兰州市人民政府")
    assert ("赵某某", "holdsPost", "兰州市人民政府", "市长") in labelled(text)


def test_no_speaker_without_an_address():
    # a line "省长 X" outside a report's opening is no speaker line
    text = "新闻\n" + EVENT.format(place="甘肃省") + "省长 陶某川\n他说，要实施《全民健身计划》。\n"
    assert not any(p == "holdsPost" for _, p, _, _ in labelled(text))


def test_a_longer_post_is_not_the_speaker_post():
    # 副省长 is no speaker post: 省长 inside it does not count
    text = (
        "政府工作报告\n"
        + EVENT.format(place="甘肃省")
        + "甘肃省副省长 陶某川\n"
        + ADDRESS.format(who="省人民政府")
    )
    assert not any(
        p == "holdsPost" and post in ("省长", "代省长") for _, p, _, post in labelled(text)
    )


@pytest.mark.parametrize(
    "address",
    [
        "下面，我代表国务院，向大会作政府工作报告，请各位审议。",
        "我代表国务院向大会作政府工作报告。",
        "现在，我代表国务院，作政府工作报告。",
        "我代表国务院，向第二十一届全国人民代表大会第一次会议报告近五年的工作。",
    ],
)
def test_the_many_forms_of_the_address(address):
    got = labelled("各位代表：\n" + address + "\n\n实施《全民健身计划》。\n")
    assert ("国务院", "implements", "全民健身计划", None) in got
