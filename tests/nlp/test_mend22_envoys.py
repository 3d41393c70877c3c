"""Mend of review22: an envoy abroad whose host is an organisation and whose title is 大使
holds his post in the state that sends him, not in the organisation (中国驻东盟大使甲);
which of its envoys there he is may stand before 驻 (首任驻某国大使). Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _posts(text: str) -> set[tuple[str, str]]:
    rels = extract(Document("t", text, {})).relations
    return {(x.subj, x.obj) for x in rels if x.pred == "holdsPost"}


def test_an_ambassador_to_an_organisation_holds_his_post_in_his_state() -> None:
    for text, person, country, host in (
        ("中国驻东盟大使钟小明出席了招待会。", "钟小明", "country/CHN", "org/asean"),
        ("中国首任驻东盟大使许立新出席了招待会。", "许立新", "country/CHN", "org/asean"),
        ("中国驻欧盟大使吴文华会见了代表团。", "吴文华", "country/CHN", "org/eu"),
    ):
        posts = _posts(text)
        assert (f"person/{person}", country) in posts, text
        assert (f"person/{person}", host) not in posts, text


def test_the_first_ambassador_to_a_country_holds_a_post_in_his_state() -> None:
    assert ("person/钟小明", "country/CHN") in _posts("中国首任驻挪威大使钟小明出席了招待会。")


def test_a_former_ambassador_holds_no_post_now() -> None:
    assert not _posts("中国前驻挪威大使钟小明出席了招待会。")


def test_the_organisation_s_own_officer_still_holds_its_post() -> None:
    assert ("person/许立新", "org/asean") in _posts("东盟秘书长许立新出席了招待会。")
