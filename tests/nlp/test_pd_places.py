"""Places that open an organisation's name (kg.nlp.nested_places). Invented sentences."""

from kg.spans import entity_spans


def places(text: str) -> list[tuple[str, int]]:
    return [
        (s["text"], s["start"])
        for s in next(entity_spans([text], nominal=False))
        if s["type"] in ("Location", "Country")
    ]


def test_place_of_a_team_dropped():
    # 中国 of 中国女队 goes, 中国 of 中国队员 (a player: no team's name) stays; 韩国 is
    # named only in its team's name, and a team's place goes even then (pd6)
    assert places("中国女队击败韩国女队。中国队员表现出色。") == [("中国", 11)]


def test_place_before_an_organisation_head():
    text = "北京华星女子围棋俱乐部今天成立，北京是首都。"
    assert places(text) == [("北京", 16)]


def test_no_organisation_no_drop():
    # a clause, a number, a generic head right after the place, a word that goes on
    text = "中国始终积极欢迎跨国公司，中国大学生和中国公司都来了，中国队伍壮大。"
    assert [p for p, _ in places(text)] == ["中国", "中国", "中国", "中国"]


def test_another_place_opens_the_name():
    # the county opens the school's name; the province and the city stay
    text = "湖南衡阳祁东县实验小学开学。湖南衡阳祁东县是个好地方。"
    got = [p for p, _ in places(text)]
    assert "湖南" in got and "衡阳" in got
