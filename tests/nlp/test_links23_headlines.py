"""Round links23: a news item's headline in Markdown bold (**某部印发《X》**) states its
relation as the plain line does; the emphasis marks before the subject and after the
object are formatting (``Grammar.prefix``, ``Grammar.tail_ok``). Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _issued(text: str) -> set[tuple[str, str]]:
    rels = extract(Document("t", text, {})).relations
    return {(x.subj, x.pred) for x in rels if x.pred == "issued"}


def test_a_bold_headline_states_what_the_plain_one_does() -> None:
    body = "\n\n近日，有关方面就此作出说明。\n"
    plain = "快讯\n\n商务部印发《某某服务贸易促进办法》" + body
    bold = "快讯\n\n**商务部印发《某某服务贸易促进办法》**" + body
    assert _issued(plain) == _issued(bold) == {("gov/mofcom", "issued")}


def test_emphasis_is_no_noun_after_the_object() -> None:
    # a noun after the title still makes it a modifier, bold or not
    text = "快讯\n\n**商务部印发《某某服务贸易促进办法》配套细则**\n\n近日，有关方面作出说明。\n"
    assert _issued(text) == set()
