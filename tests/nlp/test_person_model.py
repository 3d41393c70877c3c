"""Persons without a cue, found by the name model (kg.nlp.components.name_model)."""

from tests.nlp.extraction import persons


def test_name_without_post_or_cue_is_found():
    assert persons("那年冬天，邵景川带着全村人修通了山路。") == ["邵景川"]


def test_law_words_that_open_with_a_surname_are_no_names():
    text = "由市人民政府颁发许可证，并由申请人按照规定缴纳费用。"
    assert persons(text) == []


def test_policy_words_are_no_names():
    assert persons("发展普惠金融，推进阳光化、普惠式服务。") == []


def test_credits_are_no_persons():
    assert "马景川" not in persons("本报记者马景川报道：")
    assert "马景川" not in persons("本报记者马景川摄")


def test_transliterated_name_with_a_dot_and_no_post():
    assert persons("会上，约翰·史密斯介绍了项目进展。") == ["约翰·史密斯"]


def test_quoted_dotted_name_is_no_person():
    assert persons("“卡尔·文森”号航母驶离港口。") == []


def test_name_that_opens_a_doctrine():
    assert persons("他撰文阐释邓小平理论的形成过程。") == ["邓小平"]


def test_foreign_place_after_deng_is_no_person():
    assert persons("代表团访问了敖德萨等地。") == []


def test_list_of_names_without_posts():
    assert persons("邵景川、许立华、陈思远等参加了活动。") == ["邵景川", "许立华", "陈思远"]


def test_reduplicated_adjective_is_no_name():
    assert persons("秋天到了，金灿灿的稻谷连成一片。") == []


def test_transliterated_name_before_a_cue():
    assert persons("会谈后，叶尔莫连科表示，双方将加强合作。") == ["叶尔莫连科"]


def test_names_of_province_abbreviations_stay_names():
    assert persons("会议由张沪生主持，李吉平、邵景川等出席。")[:2] == ["张沪生", "李吉平"]


def test_listed_province_abbreviations_are_no_name():
    assert persons("鲁豫多地出现强降雨。") == []


def test_dotted_name_at_the_start_of_a_text():
    # the words before the dot reach the text's start (no word before it to read)
    assert persons("景川·蔚然庄园（样板间）今日开放") == []
