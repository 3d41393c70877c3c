"""The ingest stage: readers, cleaning rules, encodings and error paths, on the real seeds.

Seed 000 is a ``.txt`` holding YAML front matter over a scraped Sina Finance HTML body;
seed 004 is a plain-text white-paper excerpt with newspaper page-continuation markers.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import shutil
import tracemalloc
from pathlib import Path

import pytest

from kg.errors import InputError, Skipped
from kg.ingest import iter_documents, read_document
from kg.ingest.clean import clean_text
from kg.ingest.decode import decode_bytes
from kg.ingest.readers import iter_jsonl, normalize_date
from kg.model import Document

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
SEED_000 = SAMPLE / "000_79559e53e2614f5a.txt"
SEED_004 = SAMPLE / "004_fb18030615153122.txt"
DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
LAWS = DATA / "laws"
ARBITRATION = LAWS / "诉讼与非诉讼程序法" / "仲裁法(2017-09-01).md"
TABLE_LAW = next((LAWS / "司法解释").glob("*确定罪名的补充规定（二）*.md"))
CORPUS = Path("/work/shared/corpus")

FINAL = "。！？；：”’…）」"


@pytest.fixture(scope="module")
def doc000() -> Document:
    return read_document(SEED_000)


@pytest.fixture(scope="module")
def doc004() -> Document:
    return read_document(SEED_004)


def paragraphs(doc: Document) -> list[str]:
    return doc.text.split("\n\n")


def only(items: list) -> InputError:
    assert len(items) == 1, items
    assert isinstance(items[0], InputError), items
    return items[0]


def assert_error(err: object, code: str, path: str | Path) -> None:
    assert isinstance(err, InputError), err
    assert err.code == code, str(err)
    assert str(path) in str(err)


# --- readers -----------------------------------------------------------------------------


def test_txt_with_front_matter_over_html_is_cleaned_as_html(doc000: Document) -> None:
    assert doc000.meta["format"] == "txt"
    assert doc000.meta["markup"] == "html"
    assert "<" not in doc000.text and ">" not in doc000.text
    assert paragraphs(doc000)[0] == "澎湃新闻记者 周頔"
    assert paragraphs(doc000)[-1].endswith("共同推动全球数字经济健康可持续发展。")
    assert len(paragraphs(doc000)) == 8


def test_front_matter_of_seed_000_gives_the_metadata(doc000: Document) -> None:
    meta = doc000.meta
    assert meta["title"] == "工信部总经济师许科敏：鼓励中国产品和解决方案对外服务"
    assert meta["date"] == "2022-07-24"
    assert meta["author"] == "新浪财经"
    assert meta["publisher"] == "新浪财经"
    assert meta["url"] is None  # the page's own URL is not in the file
    assert meta["categories"] == ["金融", "新浪财经", "新浪财经－国內"]
    assert meta["source"] == str(SEED_000)
    assert meta["sha1"] == hashlib.sha1(SEED_000.read_bytes()).hexdigest()
    assert doc000.id == "000_79559e53e2614f5a"


def test_plain_txt_seed_004_is_read_as_text(doc004: Document) -> None:
    assert doc004.meta["format"] == "txt"
    assert doc004.meta["markup"] == "txt"
    assert doc004.meta["title"] is None
    assert doc004.text.startswith("构建责任共同体，就是坚持多边参与")
    assert doc004.text.endswith("发起并推动通过《促进互联网经济合作倡议》。")


def test_markdown_law_file_loses_its_syntax_and_gives_its_title() -> None:
    doc = read_document(ARBITRATION)
    assert doc.meta["format"] == "md" and doc.meta["markup"] == "md"
    assert doc.meta["title"] == "中华人民共和国仲裁法"
    assert doc.id == "仲裁法(2017-09-01)"
    paras = paragraphs(doc)
    assert paras[0] == "中华人民共和国仲裁法"
    assert "第一章 总则" in paras
    assert "第三条 下列纠纷不能仲裁：" in paras
    assert "（一）婚姻、收养、监护、扶养、继承纠纷；" in paras
    for junk in ("#", "<!--", "INFO END", "<", ">"):
        assert junk not in doc.text
    # nested title marks written with ASCII brackets become 〈〉
    assert "《关于修改〈中华人民共和国法官法〉等八部法律的决定》" in doc.text


def test_markdown_front_matter_over_a_law_gives_metadata(tmp_path: Path) -> None:
    front = (
        "---\ntitle: 中华人民共和国仲裁法（2017年修正）\ndate: 2017-09-01\n"
        "categories: [诉讼与非诉讼程序法, 法律]\nsource: 全国人民代表大会常务委员会\n"
        "url: http://www.npc.gov.cn/\n---\n"
    )
    path = tmp_path / "仲裁法.md"
    path.write_text(front + ARBITRATION.read_text(encoding="utf-8"), encoding="utf-8")
    doc = read_document(path)
    assert doc.meta["title"] == "中华人民共和国仲裁法（2017年修正）"
    assert doc.meta["date"] == "2017-09-01"
    assert doc.meta["categories"] == ["诉讼与非诉讼程序法", "法律"]
    assert doc.meta["publisher"] == "全国人民代表大会常务委员会"
    assert doc.meta["url"] == "http://www.npc.gov.cn/"
    assert doc.text == read_document(ARBITRATION).text


def test_markdown_table_keeps_cell_text() -> None:
    doc = read_document(TABLE_LAW)
    assert "|" not in doc.text and "---" not in doc.text
    assert "刑法条文 罪名" in paragraphs(doc)
    assert "第244条之一 （《刑法修正案（四）》第4条） 雇用童工从事危重劳动罪" in paragraphs(doc)


def test_html_page_drops_head_scripts_nav_footer_share_and_ads() -> None:
    doc = read_document(DATA / "news.html")
    assert doc.meta["format"] == "html"
    assert doc.meta["title"].startswith("工信部总经济师许科敏")
    assert doc.meta["date"] == "2022-07-24"
    assert doc.meta["author"] == "新浪财经"
    assert doc.meta["url"].startswith("https://finance.sina.com.cn/china/")
    for junk in (
        "ARTICLE_DATA",
        "text-indent",
        "新浪首页",
        "分享到",
        "广告",
        "请启用",
        "版权所有",
        "Copyright",
        "责任编辑",
        "新浪财经APP",
        "appendQr",
    ):
        assert junk not in doc.text, junk
    # the article itself is the same as seed 000's
    assert doc.text == read_document(SEED_000).text


def test_jsonl_reads_text_or_content_field(tmp_path: Path) -> None:
    seed = SEED_004.read_text(encoding="utf-8")
    path = tmp_path / "reports.jsonl"
    lines = [
        {
            "id": "wp-2022",
            "title": "携手构建网络空间命运共同体",
            "date": "2022年11月7日",
            "url": "http://www.scio.gov.cn/",
            "text": seed,
        },
        {
            "title": "报告",
            "content": "<p>　　打造<a class='keyword' href='/q'>新产业</a>。</p>",
            "year": 2022,
        },
    ]
    path.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8"
    )
    docs = list(iter_documents([path]))
    assert all(isinstance(d, Document) for d in docs)
    first, second = docs
    assert first.id == "reports#wp-2022"
    assert first.text == read_document(SEED_004).text
    assert first.meta["title"] == "携手构建网络空间命运共同体"
    assert first.meta["date"] == "2022-11-07"
    assert first.meta["url"] == "http://www.scio.gov.cn/"
    assert first.meta["line"] == 1 and first.meta["format"] == "jsonl"
    raw_line = path.read_bytes().split(b"\n")[0]
    assert first.meta["sha1"] == hashlib.sha1(raw_line).hexdigest()
    assert second.id == "reports#2"
    assert second.text == "打造新产业。"
    assert second.meta["markup"] == "html"
    assert second.meta["extra"] == {"year": 2022}


def test_jsonl_custom_text_field(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"body": "正文。", "text": "不是它。"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (doc,) = iter_documents([path], text_field="body")
    assert doc.text == "正文。"
    (err,) = iter_documents([path], text_field="missing")
    assert_error(err, "E007", path)
    assert "missing" in str(err)


def test_jsonl_bad_line_in_the_middle_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "\xe7\xac\xac\xe4\xb8\x80\xe3\x80\x82"}\n'  # 第一。
        b'{"text": "broken\n'
        b"\n"
        b'{"title": "no text"}\n'
        b'["not", "an", "object"]\n'
        b'{"text": "   "}\n'
        b'{"content": "\xe7\xac\xac\xe4\xba\x8c\xe3\x80\x82"}\n'  # 第二。
    )
    items = list(iter_documents([path]))
    assert [d.text for d in items if isinstance(d, Document)] == ["第一。", "第二。"]
    assert [d.id for d in items if isinstance(d, Document)] == ["mixed#1", "mixed#7"]
    errors = [e for e in items if isinstance(e, InputError)]
    assert [(e.code, e.fields["line"]) for e in errors] == [
        ("E006", 2),
        ("E007", 4),
        ("E006", 5),
        ("E012", 6),
    ]
    for e in errors:
        assert str(path) in str(e) and f"line {e.fields['line']}" in str(e)
    assert str(errors[0]).startswith(f"[E006] {path}: line 2: invalid JSON: ")
    assert str(errors[2]).endswith(": line 5: a JSON list, not an object")


def test_jsonl_is_streamed_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": "数字经济。" * 200}, ensure_ascii=False) + "\n"
    with path.open("w", encoding="utf-8") as f:
        for _ in range(3000):  # ~9 MB
            f.write(line)
    size = path.stat().st_size
    gen = iter_jsonl(path)
    tracemalloc.start()
    try:
        first = next(gen)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        gen.close()
    assert isinstance(first, Document)
    assert peak < size / 10


def test_scraped_wiki_record_loses_its_licence_footer() -> None:
    """A real government-work-report record: the Wikisource licence notice (whose links
    split lines mid-sentence) and the 'Public domain' trailer are not document text."""
    path = DATA / "report_tail.jsonl"
    (doc,) = iter_documents([path])
    assert doc.id == "report_tail#1"
    assert doc.meta["title"] == "2025年中华人民共和国国务院政府工作报告"
    assert doc.meta["url"].startswith("https://zh.wikisource.org/")
    assert doc.meta["extra"] == {"year": "2025"}
    assert doc.text.endswith("为以中国式现代化全面推进强国建设、民族复兴伟业不懈奋斗！")
    for junk in ("本作品", "公有领域", "Public domain", "false", "维基文库"):
        assert junk not in doc.text


def test_link_split_lines_are_rejoined() -> None:
    text = "各级党委要学习毛主席《\n关于健全党委制\n》、《\n党委会的工作方法\n》等著作。\n下一段。"
    assert clean_text(text, "txt") == (
        "各级党委要学习毛主席《关于健全党委制》、《党委会的工作方法》等著作。\n\n下一段。"
    )


# --- iter_documents ----------------------------------------------------------------------


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_other_files(
    tmp_path: Path,
) -> None:
    shutil.copytree(LAWS, tmp_path / "laws")
    shutil.copy(SEED_004, tmp_path / "laws" / "b.txt")
    (tmp_path / "laws" / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0old office")
    (tmp_path / "laws" / ".hidden.md").write_text("# 隐藏\n\n不读。", encoding="utf-8")
    (tmp_path / "laws" / ".git").mkdir()
    (tmp_path / "laws" / ".git" / "x.txt").write_text("不读。", encoding="utf-8")
    items = list(iter_documents([tmp_path / "laws"]))
    skipped = [e for e in items if isinstance(e, Skipped)]  # no reader: named, not failed
    assert [(e.code, e.suffix) for e in skipped] == [("E005", ".doc")]
    items = [d for d in items if not isinstance(d, Skipped)]
    assert all(isinstance(d, Document) for d in items), items  # _index.md skipped silently
    assert [d.id for d in items] == [
        "b",
        "司法解释/最高人民法院、最高人民检察院关于执行《刑法》确定罪名的补充规定（二）(2003-08-15)",
        "宪法/宪法修正案（1988年）",
        "诉讼与非诉讼程序法/仲裁法(2017-09-01)",
    ]
    assert items[2].meta["source"] == str(tmp_path / "laws" / "宪法" / "宪法修正案（1988年）.md")
    again = [d.id for d in iter_documents([tmp_path / "laws"]) if isinstance(d, Document)]
    assert again == [d.id for d in items]


def test_file_id_is_relative_to_its_parent_and_duplicates_are_read_once(tmp_path: Path) -> None:
    shutil.copy(SEED_004, tmp_path / "a.txt")
    (tmp_path / "a.md").write_text("# 标题\n\n正文。", encoding="utf-8")
    items = list(iter_documents([tmp_path, tmp_path / "a.txt"]))
    assert [d.id for d in items] == ["a", "a~2"]  # a.md, a.txt: same stem, unique ids
    assert [d.meta["format"] for d in items] == ["md", "txt"]


def test_front_matter_only_file_is_skipped_in_folders_and_an_error_when_named() -> None:
    index = LAWS / "宪法" / "_index.md"
    assert [d.id for d in iter_documents([LAWS / "宪法"])] == ["宪法修正案（1988年）"]
    assert_error(only(list(iter_documents([index]))), "E009", index)


# --- cleaning rules on the seeds ---------------------------------------------------------


def test_html_boilerplate_is_removed_from_seed_000(doc000: Document) -> None:
    text = doc000.text
    for junk in (
        "&#123;",
        "&#125;",
        "{",
        "appendQr",
        "责任编辑",
        "李思阳",
        "新浪财经APP",
        "海量资讯",
        "news_keyword_pub",
        "正文下iframe",
        "cms-style",
    ):
        assert junk not in text, junk


def test_stock_ticker_link_is_kept_as_a_plain_word(doc000: Document) -> None:
    assert "打造新产业、新业态是各国面临的共同任务。" in doc000.text
    for link in ("realstock", "sz300832", "keyword", "http"):
        assert link not in doc000.text


def test_inline_elements_do_not_break_the_sentence(doc000: Document) -> None:
    assert (
        "持续扩大经贸往来，推进数字基础设施互联互通，累计建设34条跨境路揽和多条国际海缆，"
        "鼓励中国产品和解决方案对外服务。"
    ) in paragraphs(doc000)[4]


def test_full_width_indentation_is_removed(doc000: Document, doc004: Document) -> None:
    for doc in (doc000, doc004):
        assert not any(p[0] in " \u3000\t" for p in paragraphs(doc))
        assert "\u3000" not in doc.text


def test_continuation_markers_are_removed(doc004: Document) -> None:
    for marker in ("上接第三版", "下转第十一版", "上接", "下转"):
        assert marker not in doc004.text


def test_page_breaks_are_rejoined(doc004: Document) -> None:
    text = doc004.text
    assert "时代主旋律在互联网上高亢响亮，先进文化" in text
    assert "持续推进专项治理，依法严厉打击黑客攻击" in text
    assert "坚决打击恐怖组织利用网络策划、实施恐怖活动" in text
    assert "推动农业农村大数据应用，建立农业全产业链信息服务体系。" in text
    assert "在互\n" not in text and "\n联网上" not in text


def test_every_unfinished_paragraph_of_004_is_a_heading(doc004: Document) -> None:
    """After rejoining, the paragraphs left without final punctuation are exactly the
    headings, and no heading has been glued to its neighbour."""
    unfinished = [p for p in paragraphs(doc004) if p[-1] not in FINAL]
    assert unfinished == [
        "（三）构建网络空间命运共同体的基本原则",
        "二、中国的互联网发展治理实践",
        "（一）数字经济蓬勃发展",
        "（二）数字技术惠民便民",
        "专栏1 网络扶贫行动计划",
        "（三）网络空间法治体系不断完善",
        "（四）网上内容丰富多彩",
        "（五）网络空间日益清朗",
        "（六）互联网平台运营不断规范",
        "（七）网络安全有效保障",
        "专栏2 国家网络安全宣传周",
        "三、构建网络空间命运共同体的中国贡献",
        "（一）不断拓展数字经济合作",
        "1.携手推进全球信息基础设施建设",
        "2.数字技术助力全球经济发展",
        "专栏3 “丝路电商”云上大讲堂",
        "3.积极参与数字经济国际合作",
    ]
    assert "构建网络空间命运共同体，坚持以下基本原则：" in paragraphs(doc004)


def test_repeated_box_paragraph_is_kept_once(doc004: Document) -> None:
    box = "中国充分发挥互联网在助推脱贫攻坚中的重要作用，制定《网络扶贫行动计划》"
    assert SEED_004.read_text(encoding="utf-8").count(box) == 2
    assert doc004.text.count(box) == 1
    paras = paragraphs(doc004)
    assert len(paras) == len(set(paras))


def test_paragraphs_are_separated_by_exactly_one_blank_line(
    doc000: Document, doc004: Document
) -> None:
    for doc in (doc000, doc004):
        assert "\n\n\n" not in doc.text and "\r" not in doc.text
        assert re.search(r"[^\n]\n[^\n]", doc.text) is None
        assert doc.text == doc.text.strip()


def test_nfc_keeps_full_width_punctuation(doc004: Document) -> None:
    for ch in "《》（）、，。“”：":
        assert ch in doc004.text
    assert clean_text("Cafe\u0301（上海）：１２３", "txt") == "Café（上海）：１２３"


# --- clean_text unit rules ---------------------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    [
        "（上接第三版）",
        "（下转第十一版）",
        "(上接第3版)",
        "（转第２版）",
        "（接第12版）",
        "(下转A2版)",
        "【上接第一版】",
    ],
)
def test_every_continuation_marker_form_is_removed(marker: str) -> None:
    assert clean_text(f"{marker}中国互联网发展。", "txt") == "中国互联网发展。"


def test_html_entities_are_decoded() -> None:
    assert clean_text("<p>a&#123;b&#125;&nbsp;c &amp; d&lt;e</p>", "html") == "a{b} c & d<e"


def test_html_block_elements_break_and_inline_elements_do_not() -> None:
    html = (
        "<div><p>第一段<b>加粗</b><font>字体</font><span>跨度</span>。</p>"
        "<ul><li>条目一</li><li>条目二</li></ul>甲<br>乙<h2>标题</h2>"
        "<table><tr><td>单元</td><td>格</td></tr></table></div>"
    )
    assert paragraphs(Document("x", clean_text(html, "html"))) == [
        "第一段加粗字体跨度。",
        "条目一",
        "条目二",
        "甲",
        "乙",
        "标题",
        "单元 格",
    ]


def test_html_source_line_breaks_inside_chinese_text_vanish() -> None:
    assert clean_text("<p>数字经济\n   是世界经济的未来</p>", "html") == "数字经济是世界经济的未来"


def test_html_editor_source_and_qr_lines_are_dropped() -> None:
    html = (
        "<p>正文内容。</p><p>扫描二维码，关注我们</p><p>编辑：张三</p>"
        "<p>来源：新华社</p><div class='qrcode'>二维码</div>"
    )
    assert clean_text(html, "html") == "正文内容。"


def test_markdown_syntax_is_stripped() -> None:
    md = (
        '# 标题\n\n## 第一章 总则\n\n**加粗**与*斜体*，[链接文字](http://x.cn "t")，'
        "![图](a.png)`代码`。\n\n<!-- INFO END -->\n\n- 列表项\n1. 有序项\n\n"
        "> 引用。\n\n---\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n"
    )
    assert paragraphs(Document("x", clean_text(md, "md"))) == [
        "标题",
        "第一章 总则",
        "加粗与斜体，链接文字，代码。",
        "列表项",
        "1. 有序项",
        "引用。",
        "甲 乙",
        "1 2",
    ]


def test_blank_lines_newlines_and_indentation_are_normalised() -> None:
    text = "\ufeff　　第一段。\r\n\r\n\r\n\r\n  第二段。\r\n\t第三段。\n\n\n"
    assert clean_text(text, "txt") == "第一段。\n\n第二段。\n\n第三段。"


def test_headings_and_list_items_are_never_joined() -> None:
    text = "总体要求\n\n一、指导思想\n\n（一）基本原则\n\n第五条 内容。\n\n专栏1 名称\n\n正文。"
    assert clean_text(text, "txt").split("\n\n") == [
        "总体要求",
        "一、指导思想",
        "（一）基本原则",
        "第五条 内容。",
        "专栏1 名称",
        "正文。",
    ]


def test_short_repeats_are_kept_and_long_repeats_dropped() -> None:
    long = "这是一个超过二十个字符的段落，用来检验重复段落只保留第一次出现。"
    assert clean_text(f"是。\n\n{long}\n\n是。\n\n{long}", "txt") == f"是。\n\n{long}\n\n是。"


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("gb18030", lambda t: t.encode("gb18030")),
        ("gbk", lambda t: t.encode("gbk")),
        ("utf-8-bom", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf-16-le-bom", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        ("utf-16-be-bom", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        ("utf-16-le", lambda t: t.encode("utf-16-le")),
        ("utf-16-be", lambda t: t.encode("utf-16-be")),
    ],
)
def test_encodings_read_back_identical(tmp_path: Path, name: str, encode, doc004) -> None:
    raw = SEED_004.read_text(encoding="utf-8")
    path = tmp_path / f"004_{name}.txt"
    path.write_bytes(encode(raw))
    assert decode_bytes(path.read_bytes(), path) == raw
    doc = read_document(path)
    assert doc.text == doc004.text
    assert doc.id == f"004_{name}"


def test_gb18030_front_matter_and_html_read_back_identical(tmp_path: Path, doc000) -> None:
    path = tmp_path / "000.txt"
    path.write_bytes(SEED_000.read_text(encoding="utf-8").encode("gb18030"))
    doc = read_document(path)
    assert doc.text == doc000.text
    assert doc.meta["title"] == doc000.meta["title"]


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf-8-bom", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf-16-bom", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        ("utf-16-be", lambda t: t.encode("utf-16-be")),
        ("gbk", lambda t: t.encode("gbk")),
    ],
)
def test_jsonl_in_other_encodings_and_crlf(tmp_path: Path, name: str, encode) -> None:
    records = [{"id": 7, "text": "第一条 为了规范。"}, {"content": "第二条 适用范围。"}]
    body = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\r\n"
    path = tmp_path / f"{name}.jsonl"
    path.write_bytes(encode(body))
    docs = list(iter_documents([path]))
    assert [(d.id, d.text) for d in docs] == [
        (f"{name}#7", "第一条 为了规范。"),
        (f"{name}#2", "第二条 适用范围。"),
    ]


def test_crlf_front_matter_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes("---\r\ntitle: 标题\r\n---\r\n\r\n# 一级\r\n\r\n正文。\r\n".encode())
    doc = read_document(path)
    assert doc.meta["title"] == "标题"
    assert doc.text == "一级\n\n正文。"


def test_big5_is_not_misread_as_gb18030(tmp_path: Path) -> None:
    text = (
        "中華人民共和國憲法是國家的根本法，具有最高的法律效力。"
        "全國各族人民都必須以憲法為根本的活動準則。\n"
    )
    path = tmp_path / "big5.txt"
    path.write_bytes((text * 3).encode("big5"))
    assert read_document(path).text.startswith("中華人民共和國憲法是國家的根本法")


@pytest.mark.parametrize("text", ["中文", "价格", "第一条 为了规范"])
def test_short_gbk_text_is_read_as_gbk(text: str) -> None:
    assert decode_bytes(text.encode("gbk")) == text


def test_markdown_drops_embedded_scripts(tmp_path: Path) -> None:
    md = "正文。\n\n<script>var a = 1;</script>\n<style>p {}</style>\n\n<div>块</div>"
    assert clean_text(md, "md") == "正文。\n\n块"


# --- error paths -------------------------------------------------------------------------


def test_undecodable_bytes_are_e002(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 40)
    assert_error(only(list(iter_documents([path]))), "E002", path)
    with pytest.raises(InputError) as e:
        read_document(path)
    assert e.value.code == "E002"


def test_png_header_is_binary_e004(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    err = only(list(iter_documents([path])))
    assert_error(err, "E004", path)
    assert "PNG" in str(err)


def test_nul_bytes_that_are_not_utf16_are_binary_e004(tmp_path: Path) -> None:
    path = tmp_path / "blob.md"
    path.write_bytes(b"header\x00\x00\x00\x01\x02\xff\xfe\x00" * 64 + os.urandom(256))
    assert_error(only(list(iter_documents([path]))), "E004", path)


def test_empty_file_is_e003(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_error(only(list(iter_documents([path]))), "E003", path)


@pytest.mark.parametrize(
    "content",
    [
        b"  \n\t\r\n  ",
        "\u3000\u3000\n\n".encode(),
        codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le"),
    ],
)
def test_whitespace_only_file_is_e003(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert_error(only(list(iter_documents([path]))), "E003", path)


def test_nothing_left_after_cleaning_is_e009(tmp_path: Path) -> None:
    path = tmp_path / "furniture.html"
    path.write_text(
        "<html><head><title>T</title></head><body><script>x()</script>"
        "<nav>首页</nav><p>责任编辑：某某</p></body></html>",
        encoding="utf-8",
    )
    assert_error(only(list(iter_documents([path]))), "E009", path)


def test_missing_path_is_e010_and_the_rest_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    items = list(iter_documents([missing, SEED_004, tmp_path / "no_folder"]))
    assert_error(items[0], "E010", missing)
    assert isinstance(items[1], Document)
    assert_error(items[2], "E010", tmp_path / "no_folder")
    with pytest.raises(InputError) as e:
        read_document(missing)
    assert e.value.code == "E010"


def test_unsupported_suffix_named_explicitly_is_e005(tmp_path: Path) -> None:
    path = tmp_path / "report.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    err = only(list(iter_documents([path])))
    assert_error(err, "E005", path)
    assert "'.wps'" in str(err) and not isinstance(err, Skipped)
    (skipped,) = iter_documents([tmp_path])  # in a folder it is not taken, but named
    assert isinstance(skipped, Skipped) and skipped.suffix == ".wps"


def test_invalid_front_matter_is_e008(tmp_path: Path) -> None:
    path = tmp_path / "fm.md"
    path.write_text("---\ntitle: [unclosed\ndate: 2022\n---\n\n正文。", encoding="utf-8")
    err = only(list(iter_documents([path])))
    assert_error(err, "E008", path)
    unterminated = tmp_path / "open.md"
    unterminated.write_text("---\ntitle: 标题\n\n正文。", encoding="utf-8")
    assert_error(only(list(iter_documents([unterminated]))), "E008", unterminated)
    scalar = tmp_path / "scalar.txt"
    scalar.write_text("---\njust a string\n---\n正文。", encoding="utf-8")
    assert_error(only(list(iter_documents([scalar]))), "E008", scalar)


def test_front_matter_entities_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "fm.txt"
    path.write_text("---\ntitle: '&#123;数字&#125;经济&amp;治理'\n---\n\n正文。", encoding="utf-8")
    assert read_document(path).meta["title"] == "{数字}经济&治理"


def test_directory_where_a_file_is_expected_is_e001(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError) as e:
        read_document(folder)
    assert_error(e.value, "E001", folder)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_e001(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("正文。", encoding="utf-8")
    path.chmod(0)
    try:
        assert_error(only(list(iter_documents([path]))), "E001", path)
    finally:
        path.chmod(0o644)


def test_permission_denied_is_e001(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("正文。", encoding="utf-8")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    err = only(list(iter_documents([path])))
    assert_error(err, "E001", path)
    assert "permission denied" in str(err)


def test_an_unexpected_failure_is_reported_as_e011_and_the_rest_goes_on(
    tmp_path: Path, monkeypatch
) -> None:
    import kg.ingest.readers as readers

    (tmp_path / "a.txt").write_text("第一。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("第二。", encoding="utf-8")
    real = readers.clean_with_meta

    def flaky(text: str, fmt: str):
        if "第一" in text:
            raise RuntimeError("boom")
        return real(text, fmt)

    monkeypatch.setattr(readers, "clean_with_meta", flaky)
    items = list(iter_documents([tmp_path]))
    assert_error(items[0], "E011", tmp_path / "a.txt")
    assert "RuntimeError: boom" in str(items[0])
    assert isinstance(items[1], Document) and items[1].text == "第二。"


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d", target_is_directory=True)
    items = list(iter_documents([tmp_path]))
    assert [d.id for d in items if isinstance(d, Document)] == ["d/a"]
    assert_error(only([e for e in items if isinstance(e, InputError)]), "E001", "d/loop")


def test_binary_jsonl_and_empty_jsonl(tmp_path: Path) -> None:
    binary = tmp_path / "x.jsonl"
    binary.write_bytes(b"PK\x03\x04" + bytes(100))
    assert_error(only(list(iter_documents([binary]))), "E004", binary)
    empty = tmp_path / "y.jsonl"
    empty.write_bytes(b"\n\n")
    assert_error(only(list(iter_documents([empty]))), "E003", empty)


def test_dates_are_normalised() -> None:
    assert normalize_date("Sun, 24 Jul 2022 04:17:24 GMT") == "2022-07-24"
    assert normalize_date("2022/7/4 10:00") == "2022-07-04"
    assert normalize_date("2022-07-24T04:17:24Z") == "2022-07-24"
    assert normalize_date("20220724") == "2022-07-24"
    assert normalize_date("2022年13月40日") == "2022年13月40日"
    assert normalize_date("") is None


# --- the shared corpus -------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "laws").is_dir(), reason="shared corpus not mounted")
def test_whole_corpus_reads_without_errors() -> None:
    items = list(iter_documents([CORPUS / "laws", CORPUS / "reports"]))
    errors = [str(e) for e in items if isinstance(e, InputError)]
    docs = [d for d in items if isinstance(d, Document)]
    assert errors == []
    assert len(docs) > 3000
    assert len({d.id for d in docs}) == len(docs)
    assert not any("<!--" in d.text or "\n\n\n" in d.text for d in docs)
