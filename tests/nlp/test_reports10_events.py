"""Work and congress reports, round 10: the CPC's national congresses by the forms its
reports use (党的第N次全国代表大会, bare 十N大), and the bodies that hold their own.

Sentences invented or of the congress and work reports (public domain)."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _events(nlp, text):
    return {(m.text, m.key) for m in nlp(text)._.kg.mentions if m.type == "Event"}


def test_long_form_with_dang_de(nlp):
    # 1978 report
    text = "去年召开的党的第十一次全国代表大会，作了全面的总结。"
    assert ("党的第十一次全国代表大会", "event/cpc-congress-11") in _events(nlp, text)


def test_bare_short_forms_in_a_list(nlp):
    # 1997 congress report
    text = "在十一届三中全会和十二大、十三大、特别是十四大的基础上，中央建议十五大作出规定。"
    keys = {k for _, k in _events(nlp, text)}
    assert {f"event/cpc-congress-{n}" for n in (12, 13, 14, 15)} <= keys


@pytest.mark.parametrize("text", ["十三大以来，我们坚持改革。", "要落实十三大精神。"])
def test_bare_short_form_spoken_of(nlp, text):
    assert ("十三大", "event/cpc-congress-13") in _events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "全国某联十一大在北京开幕。",  # another body's congress
        "某国人民革命党十一大以来，两国关系发展。",  # a foreign party's
        "实施十二大类重点工程。",  # a count
        "推进十大重点产业振兴。",  # 十大: a count
    ],
)
def test_no_cpc_congress(nlp, text):
    assert not {k for _, k in _events(nlp, text) if k.startswith("event/cpc-congress")}
