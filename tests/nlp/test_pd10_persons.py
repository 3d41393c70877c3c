"""People's Daily tenth round, persons (invented sentences and names)."""

from __future__ import annotations

from kg.nlp.components.lac import load_lac, run_batch
from tests.nlp.extraction import persons


def test_a_name_lac_reads_only_in_context():
    # LAC reads 卢振同 and 严福林 alone as no person's name, in their sentence as one
    assert persons("村里的事大家都去问卢振同，他从不推辞。") == ["卢振同"]
    assert persons("这件事后来还是严福林出面解决的。") == ["严福林"]


def test_a_surname_then_an_adjective_is_no_name():
    # a country's abbreviation and an adjective jieba cut apart (阿|坚定): no window
    assert persons("他说阿坚定支持这一立场。") == []


def test_no_confirmed_name_in_a_statute():
    text = (
        "某某办法\n第一条 为了规范管理，制定本办法。\n"
        "第二条 村里的事大家都去问卢振同，他从不推辞。\n第三条 本办法自公布之日起施行。"
    )
    assert persons(text) == []


def test_batched_readings_equal_single_ones():
    lac = load_lac()
    texts = ["村里的事大家都去问卢振同", "这件事后来还是严福林出面", "好", "", "会后大家一起吃了饭"]
    assert run_batch(lac, texts) == [lac.run(t) for t in texts]


def test_a_name_jieba_glued_to_a_function_word_before_it():
    # jieba reads 对陶 as one word: the name starts inside it
    assert persons("第二轮比赛中，老将对陶志远的一局下得很快。") == ["陶志远"]


def test_a_function_word_a_noun_and_an_adjective_are_no_name():
    # 对党|忠诚: 党 is a surname, 忠诚 an adjective
    assert persons("他们始终对党忠诚，一心为民。") == []


def test_a_name_ends_in_a_rare_word_jieba_made_of_its_last_character():
    # jieba: 韩光|权作, 贺树|安和; LAC reads the names whole, and 权作, 安和 are rare words
    assert persons("协会副会长韩光权作了简短发言。") == ["韩光权"]
    assert persons("贺树安和几位老师一起走进了教室。") == ["贺树安"]


def test_a_transliteration_whose_last_character_jieba_joined_to_a_function_word():
    # the last piece 比 and the preposition 向 as one word of jieba's: 比 ends the name
    assert persons("会上，阿卜杜拉·萨米尔比向来宾介绍了项目。") == ["阿卜杜拉·萨米尔比"]
    # jieba cuts the name into pieces: they are put together again
    assert persons("某国外长卡米雅尔多称，双方将继续谈判。") == ["卡米雅尔多"]


def test_a_clan_name_is_no_persons_name():
    # 某某氏: a clan's name or a form of address, not a surname and a given name
    assert persons("村里每年都要祭奠柏羲氏，规模很大。") == []
