"""Round persons20: Japanese names before a title or a speech verb (invented sentences
and names)."""

from __future__ import annotations

from tests.nlp.extraction import persons
from tests.scripts import load_script


def test_a_japanese_name_before_a_speech_verb():
    assert persons("会谈结束后，山田太郎说，双方还将继续磋商。") == ["山田太郎"]


def test_a_japanese_surname_before_a_title():
    # jieba's dictionary has 松井 as a place; before 首相 it is a name
    assert persons("他请来访客人转达对松井首相的问候。") == ["松井"]


def test_a_surname_alone_before_a_verb_is_no_name():
    assert persons("中山今天说，他会再来。") == []


def test_a_date_and_a_common_word_are_no_names():
    # 5日|下午: 日下 is a Japanese surname too; 大家 (everyone) is one as well
    assert persons("代表们5日下午参加审议。") == []
    assert persons("大家表示赞同。") == []


def test_a_post_or_a_common_noun_is_no_given_name():
    # a surname and a post, a surname and a common noun, a word cut across the surname
    assert persons("中村主任说，方案还要再改。") == []
    assert persons("田村书记说，大家辛苦了。") == []
    assert persons("木村干部说，他们明天会来。") == []
    assert persons("上村干部说，道路已经修好。") == []
    # a noun of jieba's whose characters are those of given names stays one (正义)
    assert persons("会后，村上正义说，合作前景广阔。") == ["村上正义"]


def test_the_cue_is_a_word_of_its_own():
    # 说 opening 说明 is no speech verb
    assert persons("这片青山绿水说明生态正在变好。") == []


def test_the_surname_list_is_in_simplified_characters():
    # Chinese text writes 黑田 and 户田, never the Japanese 黒田, 戸田 (shinjitai)
    from kg.nlp.gazetteer import ONTOLOGY_DIR, read_lines

    names = set(read_lines(ONTOLOGY_DIR / "lexicon" / "japanese_surnames.txt"))
    assert {"黑田", "户田", "广濑", "龟井", "三泽"} <= names
    assert not names & {"黒田", "戸田", "広瀬", "亀井", "三沢"}
    assert persons("他请来访客人转达对黑田首相的问候。") == ["黑田"]


def test_the_script_folds_shinjitai_then_traditional_characters():
    fold = load_script("build_japanese_surnames").shinjitai_folds
    assert fold("瀬\t瀨\n戸\t戸 戶\n# note\n", {"瀨": "濑", "戶": "户"}) == {"瀬": "濑", "戸": "户"}
