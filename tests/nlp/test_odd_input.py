"""Odd input the relation stage must survive: private-use characters (the relation masks'
code points), long lists that no verb closes."""

from kg.model import Document
from kg.nlp import extract
from kg.nlp.text import norm_text


def test_private_use_characters_never_look_like_masked_entities() -> None:
    # a text may code rare characters in the private-use area the masks use
    assert norm_text("\ue011召开座谈会") == "〓召开座谈会"
    text = "\ue011召开协商会 全国政协\n全国政协第五次专题协商会3日在京召开。全国政协主席张三主持。"
    r = extract(Document("d", text))  # (a heading opening with one raised StopIteration)
    assert r.relations
    assert any(m.text == "张三" for m in r.mentions)


def test_a_long_list_of_posts_with_no_verb_after_it_ends() -> None:
    # lists that could be split many ways took exponential time (minutes at 8 items)
    lead = "第十四届某某委员会第九次会议10日在北京举行。委员长张三主持。"
    for body in (
        "会议听取了" + "副主任委员、" * 16 + "副主任委员李四关于某某的说明。",
        "会上，" + "副主任委员、" * 16 + "副主任委员李四。",
    ):
        r = extract(Document("d", lead + body))
        assert any(m.text == "李四" for m in r.mentions)
