"""Round links22: an envoy abroad holds a post in the state that sends him (某国驻某国大使,
某国常驻某组织代表), and a person named as the topic of a sentence, carried from an earlier
clause or opening a list does not carry out the programme his speech names (a leader who
asks for it is not who carries it out); 郑重 between a proposer and 提出 is an adverb.
Invented sentences (people, and most countries and bodies, too)."""

from kg.model import Document
from kg.nlp import extract


def _rels(text: str, pred: str = "holdsPost") -> set[tuple[str, str]]:
    return {(x.subj, x.obj) for x in extract(Document("t", text, {})).relations if x.pred == pred}


def test_an_ambassador_holds_a_post_in_the_state_that_sends_him() -> None:
    for text, person, country in (
        ("中国驻挪威大使钟小明到机场迎接了代表团。", "钟小明", "country/CHN"),
        ("智利驻秘鲁大使萨拉斯当天向记者介绍了情况。", "萨拉斯", "country/CHL"),
        ("中国驻芬兰特命全权大使许立新出席了招待会。", "许立新", "country/CHN"),
        ("中国驻悉尼总领事吴文华也参加了活动。", "吴文华", "country/CHN"),
    ):
        assert (f"person/{person}", country) in _rels(text), text
    # the host is no post of his: 驻挪威 names where he serves
    assert ("person/钟小明", "country/NOR") not in _rels("中国驻挪威大使钟小明到机场迎接了代表团。")


def test_a_permanent_representative_holds_a_post_in_his_state() -> None:
    assert ("person/古兹曼", "country/CHL") in _rels("智利常驻联合国代表古兹曼在会上介绍了草案。")
    assert ("person/林海", "country/CHN") in _rels(
        "中国常驻联合国副代表林海表示，中方愿同各方加强沟通。"
    )


def test_two_countries_joined_by_a_conjunction_send_no_envoy() -> None:
    assert not _rels("中国和挪威大使钟小明到机场迎接了代表团。")


def test_a_speaker_does_not_carry_out_the_programme_he_asks_for() -> None:
    for text in (
        # the topic of the sentence: a meeting he chairs studies the programme
        "王芳主持召开部务会议，研究稳步推进新型城镇化的配套措施。",
        # the subject carried from the sentence before: his speech asks for it
        "中共中央政治局常委李明出席会议并讲话。要稳步推进碳达峰碳中和，统筹发展和减排。",
        # the items of a list he proposes
        "李明提出三点建议。一要携手推进“一带一路”建设。二要努力落实全球发展倡议。",
    ):
        assert not _rels(text, "implements"), text


def test_a_body_that_speaks_still_carries_out_the_programme() -> None:
    # only a person is kept from it: a body that says it will do it does it
    assert _rels("国家发展改革委表示，将稳步推进“一带一路”合作项目。", "implements") == {
        ("gov/ndrc", "program/belt-and-road")
    }


def test_a_solemn_proposal_is_still_a_proposal() -> None:
    # 郑重 (solemnly) stands between the proposer and 提出 as 首次 does
    assert ("person/李明", "program/gsi") in _rels(
        "国家主席李明郑重提出全球安全倡议，各方积极响应。", "initiated"
    )
