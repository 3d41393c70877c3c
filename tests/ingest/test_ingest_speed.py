"""The fast paths of reading and cleaning give what the general path gives.

Each fast path in ``kg.ingest.clean`` is compared with its general form (the rule run
over the whole text, or the regex it replaced) on hand-written tricky inputs — tables,
lists, quotes, rules, HTML inside Markdown, full-width digits — and on random texts
built from the characters the rules look at.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from kg.ingest import read_document
from kg.ingest.clean import (
    CLOSERS,
    MARKER,
    MIN_DEDUP,
    LineRule,
    can_join,
    clean_text,
    finish,
    is_junk,
    markdown_blocks,
    markdown_blocks_general,
    markdown_to_text,
)

TRICKY = [
    "",
    "\n",
    "# 总则\n\n第一条 为了规范管理，制定本法。\n\n## 第二章 ##  \n",
    "   # 缩进三格的标题\n    # 缩进四格\n####### 七个井号\n#没有空格",
    "| 项目 | 金额 |\n|---|---:|\n| 甲 | 1 |\n|乙|2\n  :-- | --\n--\n",
    "正文|竖线\n- 列表一\n* 列表二\n+ 列表三\n-不是列表\n  - 缩进列表\n\t* 制表符",
    "1. 第一\n2) 第二\n１２. 全角数字\n1234. 四位\n2024年1月1日 日期行\n3.不是",
    "---\n***\n_ _ _\n- - -\n*-*\n--\n  ___  \n",
    "> 引文\n>> 二层 > 内\n > - 引文里的列表\n> 1. 引文里的编号\n>\n",
    "文字<div>块</div>\n<p>段落</p>\n<!-- 注释 -->\n  <!-- 多行\n注释 -->  \n<br/>",
    "# 标题|带竖线\n> # 引文标题\n- # 列表标题\n1. - 编号列表\n|> 表格引文|",
    "前言\n\n- \n-\n1.\n1. \n#\n# \n|\n||\n",
    "[链接](http://x) ![图](y.png)\n[定义]: http://z\n*强调* _下划_ ~~删除~~ `代码`",
    "\r\n# Windows 换行\r\n- 列表\r\n",
    "\u3000\u3000全角缩进\n\xa0- 不换行空格列表\n\u2003# 全角空格标题",
]


def _random_markdown(rng: random.Random) -> str:
    pieces = [*"#|>-*+_:=`~[]()!<>/ \t\n\n\n", "1.", "２)", "12. ", "<!--", "-->", "甲乙"]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))


RANDOM = [_random_markdown(random.Random(seed)) for seed in range(3000)]


@pytest.mark.parametrize("text", TRICKY)
def test_markdown_blocks_tricky(text: str) -> None:
    assert markdown_blocks(text) == markdown_blocks_general(text)


def test_markdown_blocks_random() -> None:
    for text in RANDOM:
        assert markdown_blocks(text) == markdown_blocks_general(text), repr(text)


def test_markdown_blocks_changes_what_it_should() -> None:
    # the fast path is not a no-op: headings, items and rules are handled on every line
    assert markdown_blocks("甲\n# 乙\n  - 丙\n１. 丁\n---") == "甲\n\x02乙\n\x02丙\n\x02１. 丁\n"


@pytest.mark.parametrize(
    ("body", "flags"),
    [  # a whole-line comment (across lines), a fence, a link definition: the kinds used
        (r"[ \t]*<!--.*?-->[ \t]*$", re.S),
        (r"[ \t]*(?:```|~~~).*$", 0),
        (r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", 0),
    ],
)
def test_line_rules(body: str, flags: int) -> None:
    rule = LineRule(body, flags)
    for text in TRICKY + RANDOM + ["```py\n代码\n```", "~~~\n[a]: b\n<!-- x -->"]:
        assert rule.sub("\x03", text) == rule.general.sub("\x03", text), repr(text)


# --- finish --------------------------------------------------------------------------------

#: The regexes the fast ones replaced, as they were.
OLD_SPACES = re.compile(r"[ \t\xa0\u2000-\u200a\u202f\u205f]{2,}|[\t\xa0\u2000-\u200a\u202f\u205f]")
OLD_JUNK = re.compile(
    r"(?:[（(【\[]\s*)?(?:责任编辑|责编)\s*[:：]"
    r"|.{0,40}?(?:扫描二维码|扫码(?:关注|下载|阅读)|扫一扫|长按(?:识别)?二维码"
    r"|尽在新浪财经APP|新浪财经APP)"
)

JUNK_CASES = [
    "责任编辑：某某",
    "（责编: 某某）",
    "【 责任编辑 ：某】",
    "请扫描二维码关注",
    "x" * 40 + "扫一扫",
    "x" * 41 + "扫一扫",
    "x" * 39 + "长按识别二维码",
    "尽在新浪财经APP",
    "\x02扫码阅读全文",
    "二维码",
    "扫码",
    "编辑：某某",
    "第一条 扫描二维码的管理办法",
]


@pytest.mark.parametrize("p", JUNK_CASES)
def test_is_junk(p: str) -> None:
    expect = len(p) <= 60 and OLD_JUNK.match(p.lstrip("\x02")) is not None
    assert is_junk(p) == expect


def test_spaces() -> None:
    rng = random.Random(7)
    alphabet = [" ", " ", "\t", "\xa0", "\u2003", "\u202f", "甲", "a", "\n"]
    for _ in range(3000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        for odd_spaces in (None, True):  # found, or told by the caller
            assert finish(s, odd_spaces) == _old_finish(s), repr(s)


def _old_finish(text: str) -> str:
    """``finish`` as it was before its fast paths (the reference)."""
    from kg.ingest.clean import ASCII_TITLE, drop_footer

    if "版" in text:
        text = MARKER.sub("", text)
    if "<" in text:
        text = ASCII_TITLE.sub(r"〈\1〉", text)
    text = OLD_SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    paras = [s for line in text.split("\n") if (s := line.strip(" \u3000"))]
    paras = [p for p in paras if p != "\x02"]
    kept: list[str] = []
    barrier = True
    for p in paras:
        if p == "\x03":
            barrier = True
            continue
        if len(p) <= 60 and OLD_JUNK.match(p.lstrip("\x02")):
            continue
        if not barrier and can_join(kept[-1], p):
            kept[-1] += p
        else:
            kept.append(p)
        barrier = False
    drop_footer(kept)
    seen: set[str] = set()
    out = []
    for p in kept:
        if len(p) >= MIN_DEDUP:
            if p in seen:
                continue
            seen.add(p)
        out.append(p)
    return "\n\n".join(out).replace("\x02", "")


FINISH_CASES = [
    "第一条 内容。\n》等著作。\n学习《\n关于制度\n（上接第三版）的规定\n\n\x03\n续写",
    "\x02一、总则\n内容不断增加，时代\n主旋律。\n\x02\n\n责任编辑：某\n扫一扫",
    "甲  乙\xa0\xa0丙\t丁 \u2003戊\n  \u3000前后空白\u3000  \n"
    + "重复的一段长长长的文字内容。" * 2,
    "重复的一段足够长的文字内容，共二十字以上。\n" * 3 + "编辑：某\n来源：某",
    "e\u0301 组合字符\n《关于修改<中华人民共和国法官法>的决定》",
]


@pytest.mark.parametrize("text", FINISH_CASES)
def test_finish_tricky(text: str) -> None:
    assert finish(text) == _old_finish(text)


def test_finish_random() -> None:
    rng = random.Random(11)
    pieces = ["甲", "乙", "。", "，", "的", "\n", "\n", "\x02", "\x03", "  ", "\xa0", "\u3000"]
    pieces += [*sorted(CLOSERS)[:6], "《", "（", "二、", "第一条", "责任编辑：", "扫一扫", "版"]
    pieces += [" ", "\t", "\u2003", "<", ">", "。\n", "长按二维码", "新浪财经APP", "责编:"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
        assert finish(text) == _old_finish(text), repr(text)


# --- whole files ---------------------------------------------------------------------------


def test_markdown_document(tmp_path) -> None:
    body = "\n\n".join(TRICKY[2:10])
    (tmp_path / "a.md").write_text(body, encoding="utf-8")
    doc = read_document(tmp_path / "a.md")
    assert doc.text == clean_text(body, "md")
    assert markdown_to_text(body)  # the cleaned body is not empty


@pytest.mark.parametrize(
    "front",
    [
        'title: "引号: 标题"\ndate: 2020-01-02\n',
        "title: 标题\ncategories:\n  - 法律\n  - 行政法规\n",
        "title: >\n  多行\n  标题\nauthor: '某某'\n",
        "title: [a, b]\nextra: {k: v}\n",
    ],
)
def test_front_matter_document(tmp_path, front: str) -> None:
    (tmp_path / "a.md").write_text(f"---\n{front}---\n\n# 正文标题\n\n第一条 内容。", "utf-8")
    doc = read_document(tmp_path / "a.md")
    assert doc.text == "正文标题\n\n第一条 内容。"


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_non_utf8_document(tmp_path, encoding: str) -> None:
    text = "第一条 为了保护公民的合法权益，根据宪法，制定本法。" * 3
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    assert read_document(tmp_path / "a.txt").text == text


# --- what _prep tells finish -----------------------------------------------------------------

SPACE_CASES = [
    ("甲\xa0\xa0乙。\n\t丙\u2003丁", "txt"),
    ("甲&nbsp;&nbsp;乙&#9;丙", "txt"),
    ("# 标题\xa0一\n\n正文&nbsp;二", "md"),
    ("正文&<b></b>nbsp;&<i></i>#x2003;结束", "md"),
    ("<p>甲&nbsp;乙</p><p>丙\u3000\u3000丁</p>", "html"),
    ("\ufeff甲\u200b乙\x0c丙\xa0丁\u2028戊", "txt"),
    ("甲  乙\x07丙", "md"),
]


@pytest.mark.parametrize(("text", "fmt"), SPACE_CASES)
def test_odd_spaces_known(monkeypatch, text: str, fmt: str) -> None:
    import kg.ingest.clean as clean

    fast = clean_text(text, fmt)
    general = clean.finish
    monkeypatch.setattr(clean, "finish", lambda t, odd_spaces=None: general(t))
    assert fast == clean_text(text, fmt)


def test_odd_spaces_random(monkeypatch) -> None:
    import kg.ingest.clean as clean

    rng = random.Random(5)
    pieces = ["甲", "。", "\n", " ", "  ", "\xa0", "\t", "\u2003", "\x07", "\u200b", "&nbsp;"]
    pieces += ["&", "nbsp;", "<b>", "</b>", "#", "- ", "\u3000"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(1500)]
    fast = [clean_text(t, fmt) for t in texts for fmt in ("txt", "md", "html")]
    general = clean.finish
    monkeypatch.setattr(clean, "finish", lambda t, odd_spaces=None: general(t))
    assert fast == [clean_text(t, fmt) for t in texts for fmt in ("txt", "md", "html")]
