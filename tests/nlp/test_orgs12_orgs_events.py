"""Organisations and events on unseen text (round orgs12): numbered festivals, media by
their titles and as cited sources, a country's national institutions, a body's plenary
session written short, a meeting nested in a study gathering's name, a company's short
name after its full one, publishers."""

from types import SimpleNamespace

import pytest

from kg.model import Document, Mention
from kg.nlp import extract
from kg.nlp.components.heads.publishers import publishers
from tests.nlp.extraction import mention_entities as _ents


@pytest.mark.parametrize(
    "text, name, type_",
    [
        # an edition opens a festival's name; 节 ends it
        ("第六届某地国际民族舞蹈节在某市开幕。", "第六届某地国际民族舞蹈节", "Event"),
        ("首届某区国际灯光节吸引游客。", "首届某区国际灯光节", "Event"),
        # a year and a place or a scope word open one too
        ("2031年上海科技节在浦东举行。", "2031年上海科技节", "Event"),
        ("2031全国网上年货节吸引了众多商家。", "2031全国网上年货节", "Event"),
        # a newspaper by its title, a magazine by its title and 杂志
        ("某国《某某邮报》在头版刊登评论。", "某某邮报", "Organization"),
        ("第9期《某某》杂志刊登了这篇文章。", "某某", "Organization"),
        ("研究成果登上了《某刀》周刊。", "某刀", "Organization"),
        # a medium a story cites as its source, no dictionary holding it
        ("据某某洛尼亚电视台19日报道，山火已被扑灭。", "某某洛尼亚电视台", "Organization"),
        ("据塔某社消息，会谈取得进展。", "塔某社", "Organization"),
        # the medium after a relative clause (its last 的); an agency jieba tags as proper
        ("据反对派控制的萨某社消息，谈判已暂停。", "萨某社", "Organization"),
        ("据路透社报道，谈判已暂停。", "路透社", "Organization"),
        # the publishers that publish a book, common words though their names are
        ("这本文集由人民出版社于今年出版。", "人民出版社", "Organization"),
        ("由某某文献出版社、外文出版社联合出版。", "外文出版社", "Organization"),
        # a country's national library or museum
        ("这批古籍入藏中国国家图书馆。", "中国国家图书馆", "Organization"),
        ("展览在新西兰国家博物馆开幕。", "新西兰国家博物馆", "Organization"),
        # a body's plenary session without its term; with it, where the head rules miss it
        ("各地深入落实中央纪委七次全会工作安排。", "中央纪委七次全会", "Event"),
        ("贯彻十九届中央纪委五次全会部署。", "十九届中央纪委五次全会", "Event"),
        # the meeting whose spirit a gathering studies, inside the gathering's name
        ("县里举办学习贯彻党的十九大精神报告会。", "党的十九大", "Event"),
    ],
)
def test_found(text: str, name: str, type_: str) -> None:
    assert (name, type_) in _ents(text)


@pytest.mark.parametrize(
    "text, bad",
    [
        # the edition opened a meeting; 春节 is the date's holiday
        ("第九届职工代表大会二次会议闭幕正值春节。", "第九届职工代表大会二次会议闭幕正值春节"),
        # 节 opening a word (节能, 节水) ends no festival
        ("第二届中国节能博览会开幕。", "第二届中国节"),
        ("首届中国节水奖在京颁发。", "首届中国节"),
        # a year's holiday is no festival held
        ("2031年春节假期消费火热。", "2031年春节"),
        ("2031年北京春节庙会开放。", "2031年北京春节"),
        # a report's 报 is a document's (公报), not a newspaper's; a title with digits
        ("《2031年某地空气质量状况公报》显示。", "2031年某地空气质量状况公报"),
        ("《某地水资源公报》显示。", "某地水资源公报"),
        # a class of media cited, a co-op's news
        ("据当地电视台报道，洪水已退。", "当地电视台"),
        ("据某某农民合作社消息，今年增产。", "某某农民合作社"),
        # a common noun in 社 on a common word (a travel agency, a magazine's office)
        ("据旅行社消息，游客增加。", "旅行社"),
        ("据杂志社消息，刊物改版。", "杂志社"),
        ("据通讯社消息，会谈举行。", "通讯社"),
        # a list read whole is no publisher's name
        ("由甲出版社分别联合乙出版社等出版。", "甲出版社分别联合乙出版社"),
        # a publisher some organ chooses (a relative clause), a rank, a kind, a class
        ("（二）行政法规汇编由司法部选择的中央一级出版社出版；", "司法部选择的中央一级出版社"),
        ("中央一级出版社应当建立审核制度。", "中央一级出版社"),
        ("国家一级博物馆开放参观。", "国家一级博物馆"),
        ("第二十六条 普通地图应当由专门地图出版社出版。", "专门地图出版社"),
        ("该书由当地出版社出版。", "当地出版社"),
        ("这套丛书由多家出版社联合出版。", "多家出版社"),
        # a country's museum, without 国家, is any of them
        ("美国博物馆和中国图书馆。", "美国博物馆"),
        # N次全会 after no body
        ("会议认为，这次全会和三次全会的精神一致。", "三次全会"),
    ],
)
def test_not_found(text: str, bad: str) -> None:
    assert bad not in {n for n, _ in _ents(text)}


def test_company_short_forms_are_one_company() -> None:
    r = extract(
        Document("t", "深圳市星河芯光科技有限公司发布新品。星河芯光科技表示，星河芯光将扩产。")
    )
    keys = {m.key for m in r.mentions if m.text.startswith(("深圳市星河", "星河芯光"))}
    assert len(keys) == 1
    (k,) = keys
    assert set(r.entities[k].aliases) >= {"星河芯光科技", "星河芯光"}


def test_company_class_word_is_no_short_form() -> None:
    # 航空集团 is a class, no short form of the company
    r = extract(Document("t", "中国远洋航空集团有限公司宣布，航空集团将增开航线。"))
    assert "航空集团" not in {m.text for m in r.mentions}


@pytest.mark.parametrize(
    "text, inner, kept",
    [
        # the organ before the head chooses the publisher: a clause, no name
        ("汇编由某部指定出版社出版。", (3, 5, "GovernmentBody"), False),
        # an organisation right before the head owns it (a university's press)
        ("该书由某某大学出版社出版。", (3, 7, "Organization"), True),
    ],
)
def test_a_publisher_holding_an_organ_is_a_clause(text, inner, kept) -> None:
    a, b, type_ = inner
    st = SimpleNamespace(
        text=text, candidates=[Mention(a, b, text[a:b], type_, "x", text[a:b], "gazetteer")]
    )
    publishers(st, text, SimpleNamespace(lookup=lambda _: None))
    assert any(c.rule == "publisher" for c in st.candidates) == kept
