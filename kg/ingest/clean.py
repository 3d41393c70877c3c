"""Markup → clean paragraphs: HTML (lxml), Markdown (regexes), plain text.

Every format ends in the same :func:`finish` pass, so the rules hold whatever the source:

* ``\\r\\n``/``\\r`` → ``\\n``; zero-width characters and control characters removed;
* newspaper continuation markers （上接第三版）（下转第十一版） removed; ASCII angle
  brackets used as inner title marks (《关于修改<…法>的决定》) become 〈〉;
* each non-empty line is a paragraph; leading/trailing spaces and full-width indentation
  (``\\u3000``) stripped; runs of spaces collapsed; NFC (not NFKC: full-width punctuation
  stays);
* boilerplate paragraphs dropped (责任编辑：…, QR-code prompts, a trailing run of
  编辑：/来源：/校对： lines);
* a paragraph split by a page break is rejoined (:func:`can_join`);
* later verbatim repeats of a paragraph of ``MIN_DEDUP`` characters or more are dropped;
* paragraphs are separated by exactly one blank line.

>>> clean_text("<p>　　打造<a href='/q'>新产业</a>、新业态。</p><p>二、</p>", "html")
'打造新产业、新业态。\\n\\n二、'
>>> clean_text("## 第一章 总则\\n\\n[宪法](http://x)是**根本法**。", "md")
'第一章 总则\\n\\n宪法是根本法。'
>>> clean_text("（上接第三版）主旋律，在互\\n\\n（下转第二版）\\n\\n联网上高亢响亮。", "txt")
'主旋律，在互联网上高亢响亮。'
"""

from __future__ import annotations

import bisect
import html as _html
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from lxml import etree
from lxml import html as lhtml

#: Paragraphs at least this long are kept once per document (verbatim repeats dropped).
MIN_DEDUP = 20

#: Structural mark put in front of headings, list items and table rows while cleaning so
#: they are never rejoined with a neighbour; removed before the text is returned.
_MARK = "\x02"
#: A line of its own that no paragraph is rejoined across (where an HTML comment such as
#: ``<!-- INFO END -->`` separated two parts of a Markdown file).
_BARRIER = "\x03"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019"
_NUM_CN = "一二三四五六七八九十百千零〇两"

# --- shared ------------------------------------------------------------------------------

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\u200b\u2060\ufeff\u00ad"
_CONTROL = re.compile("[" + _CONTROLS + "]")
_CONTROL_MAP = {
    "\x0b": "\n",
    "\x0c": "\n",
    "\x85": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
}
_ODD = "\t\xa0\u2000-\u200a\u202f\u205f"
#: A run of two or more spaces, or one that is not U+0020: one space. The pattern starts
#: with a character class so that the regex engine skips to the next space in C.
_SPACES = re.compile("[ " + _ODD + "](?:(?<=[" + _ODD + "])[ " + _ODD + "]*|[ " + _ODD + "]+)")
_ODD_SPACE = re.compile("[" + _ODD + "]")
_RUN_OF_SPACES = re.compile("  +")
#: Both: one search tells a text (most texts) that has neither.
_CONTROL_OR_ODD = re.compile("[" + _CONTROLS + _ODD + "]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

#: （上接第三版） （下转第十一版） (转A2版) 【接第3版】 …
MARKER = re.compile(
    r"[（(【\[〔]\s*(?:上接|下转|紧接|续接|接|转)\s*(?:第\s*)?"
    r"[A-Za-zＡ-Ｚａ-ｚ]?[0-9０-９" + _NUM_CN + r"]+\s*版\s*[）)】\]〕]"
)

#: Sentence-final characters: a paragraph ending in one of these is complete.
FINAL = frozenset('。！？；：”’…）」』】.!?;:")')

#: A paragraph never starts with these: it continues the one before.
CLOSERS = frozenset("》」』】〉〕，。、；：！？）”’,;!?)]")
#: A paragraph never ends with these: the next one continues it.
OPENERS = frozenset("《「『【〈〔（“‘([、")
#: Function words that cannot end a clause (…中华人民共和国的 / 法律): a paragraph ending in
#: one is continued by a following CJK paragraph even when it is not yet prose.
DANGLING = frozenset("的和与及或在对把被从向给而并")

#: Headings and list items: never joined to the paragraph before or after them.
HEADING = re.compile(
    _MARK + r"|[" + _NUM_CN + r"]+[、．.]"
    r"|[（(][" + _NUM_CN + r"0-9０-９]+[）)]"
    r"|[0-9０-９]+(?:[.．][0-9０-９]+)*(?:[、．]|\.(?![0-9]))"
    r"|[①-⑳⑴-⒇⒈-⒛❶-❿]"
    r"|专栏\s*[0-9０-９" + _NUM_CN + r"]*"
    r"|第[0-9０-９" + _NUM_CN + r"]+[编章节条款部分篇卷，,、]"
    r"|附\s*[件录表]"
    r"|[■●◆▲★☆○□◇•·▪►]"
    r"|(?:目\s*录|前\s*言|序\s*言|引\s*言|结\s*束\s*语|结\s*语|后\s*记)$"
)
_CJK_START = re.compile("[" + _CJK + "]")
#: 《关于修改<中华人民共和国法官法>等八部法律的决定》: ASCII brackets as inner title marks.
ASCII_TITLE = re.compile("<([" + _CJK + "][^<>\n]{0,80})>")
#: A short label opening a line (要求：…) starts a new item, not a continuation.
_LABEL = re.compile("[" + _CJK + "]{1,4}[:：]")
#: A paragraph that contains one of these is prose, not a title line.
_PROSE = re.compile(r"[，。；！？,;]")

#: Boilerplate paragraphs: an editor line, or a QR-code / app prompt in the first 40
#: characters (:func:`is_junk`).
_EDITOR_WORDS = "责任编辑|责编"
_PROMPT_WORDS = (
    "扫描二维码|扫码(?:关注|下载|阅读)|扫一扫|长按(?:识别)?二维码|尽在新浪财经APP|新浪财经APP"
)
_JUNK_EDITOR = re.compile(r"(?:[（(【\[]\s*)?(?:" + _EDITOR_WORDS + r")\s*[:：]")
_JUNK_PROMPT = re.compile(_PROMPT_WORDS)
#: A text without any of these words has no boilerplate paragraph.
_JUNK_WORD = re.compile(_EDITOR_WORDS + "|" + _PROMPT_WORDS)
_JUNK_PROMPT_START = 40
_TRAILER = re.compile(
    r"[（(【\[]?\s*(?:责任编辑|值班编辑|编辑|责编|来源|文章来源|稿件来源|校对|审核|审校|"
    r"监制|统筹|原标题|作者)\s*[:：]"
)
_MAX_JUNK_LEN = 60
#: Wikisource-style licence footers: 本作品是/来自… 属于公有领域 … Public domain.
_LICENSE_START = ("本作品", "这部作品", "這部作品", "此作品", "本模板")
_LICENSE_HINTS = ("公有领域", "公有領域", "Public domain", "版权", "版權", "许可协议", "授权条款")
_TRAILER_LINE = re.compile(r"(?:Public domain|false|true|↑)\Z", re.I)
_FOOTER_SCAN = 40
_MAX_FOOTER_LEN = 4000


def _prep(text: str) -> tuple[str, bool]:
    """Newlines, zero-width and control characters; and whether the text has a space
    that is not U+0020 (a tab, a no-break space…: see :func:`finish`)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = _CONTROL_OR_ODD.search(text)
    if first is None:
        return text, False
    # none of either before ``first``; removing controls adds or removes no odd space
    odd = _ODD_SPACE.search(text, first.start()) is not None
    if _CONTROL.search(text, first.start()):
        text = _CONTROL.sub(lambda m: _CONTROL_MAP.get(m.group(), ""), text)
    return text, odd


def decode_entities(text: str) -> str:
    """``&#123;`` → ``{``, ``&nbsp;`` → U+00A0; only well-formed entities (with ``;``)."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: _html.unescape(m.group()), text)


def can_join(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` continues ``prev`` across a page (or scraped-link) break.

    Always when ``nxt`` starts with closing punctuation (》，。…) or ``prev`` ends with an
    opening bracket, quote or 、. Otherwise ``prev`` must end without sentence-final
    punctuation, be prose (contain ，。；！？) or end in a function word (的 和 与…), and
    not be a heading; ``nxt`` must start with a CJK ideograph and not be a heading, list
    item or label (二、 （三） 专栏1 第五条 要求：…).

    >>> can_join("内容不断增加，时代主旋律在互", "联网上高亢响亮。")
    True
    >>> can_join("（三）构建网络空间命运共同体的基本原则", "构建网络空间命运共同体，坚持……")
    False
    >>> can_join("推动农业农村大数据应用，", "二、中国的互联网发展治理实践")
    False
    >>> can_join("学习《", "关于健全党委制"), can_join("关于健全党委制", "》等著作。")
    (True, True)
    """
    last = prev[-1]
    if nxt[0] in CLOSERS or last in OPENERS:
        return True
    return (
        last not in FINAL
        and _CJK_START.match(nxt) is not None
        and _HEADING_MATCH(nxt) is None
        and _LABEL.match(nxt) is None
        and _HEADING_MATCH(prev) is None
        and (last in DANGLING or _PROSE.search(prev) is not None)
    )


_HEADING_MATCH = HEADING.match


def drop_footer(paras: list[str]) -> None:
    """Remove a trailing licence notice (scraped wiki pages) and editor/source lines
    from a document's paragraphs, in place (a step of :func:`finish`).

    >>> paras = ["第一条 内容。", "（责任编辑：某某）"]; drop_footer(paras); paras
    ['第一条 内容。']
    """
    for i in range(max(0, len(paras) - _FOOTER_SCAN), len(paras)):
        if not paras[i].startswith(_LICENSE_START):
            continue
        head = "".join(paras[i : i + 10])
        if any(h in head for h in _LICENSE_HINTS) and sum(map(len, paras[i:])) <= _MAX_FOOTER_LEN:
            del paras[i:]
            break
    while paras and (
        _TRAILER_LINE.match(paras[-1])
        or (len(paras[-1]) <= _MAX_JUNK_LEN and _TRAILER.match(paras[-1].lstrip(_MARK)))
    ):
        paras.pop()


def is_junk(p: str) -> bool:
    """Whether paragraph ``p`` is boilerplate (dropped): an editor line or a QR-code or
    app prompt, ``_MAX_JUNK_LEN`` characters at most.

    >>> is_junk("（责任编辑：某某）"), is_junk("请扫描二维码关注我们"), is_junk("二维码")
    (True, True, False)
    """
    if len(p) > _MAX_JUNK_LEN:
        return False
    p = p.lstrip(_MARK)
    if _JUNK_EDITOR.match(p) is not None:
        return True
    m = _JUNK_PROMPT.search(p)  # the leftmost: none starts earlier
    return m is not None and m.start() <= _JUNK_PROMPT_START


def finish(text: str, odd_spaces: bool | None = None) -> str:
    """The format-independent pass (see the module docstring). ``odd_spaces``: whether
    ``text`` has a space other than U+0020 (tab, no-break…), when the caller knows.
    """
    if "版" in text:
        text = MARKER.sub("", text)
    if "<" in text:
        text = ASCII_TITLE.sub(r"〈\1〉", text)
    if odd_spaces is None:
        odd_spaces = _ODD_SPACE.search(text) is not None
    if odd_spaces:
        text = _SPACES.sub(" ", text)
    elif "  " in text:  # only U+0020: what _SPACES does, found by its literal start
        text = _RUN_OF_SPACES.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)

    # a mark alone (an empty heading or list item) is no paragraph
    paras = [
        p for line in filter(None, text.split("\n")) if (p := line.strip(" \u3000")) and p != _MARK
    ]
    short = [p for p in paras if len(p) <= _MAX_JUNK_LEN]
    if short and _JUNK_WORD.search("\n".join(short)) is not None:
        paras = [p for p in paras if len(p) > _MAX_JUNK_LEN or not is_junk(p)]

    kept: list[str] = []
    keep = kept.append
    final, closers = FINAL, CLOSERS
    barrier = True
    last = ""  # the last character of kept[-1]
    for p in paras:
        if p == _BARRIER:
            barrier = True
            continue
        # can_join is False after sentence-final punctuation unless p starts with a closer
        if barrier or (last in final and p[0] not in closers) or not can_join(kept[-1], p):
            keep(p)
        else:
            kept[-1] += p
        last = p[-1]
        barrier = False
    drop_footer(kept)

    out = kept
    if len(set(kept)) < len(kept):  # (hashing in C) some paragraph is repeated
        seen: set[str] = set()
        out = []
        for p in kept:
            if len(p) >= MIN_DEDUP:
                if p in seen:
                    continue
                seen.add(p)
            out.append(p)
    text = "\n\n".join(out)
    if _MARK in text:
        text = text.replace(_MARK, "")
    return text


# --- HTML --------------------------------------------------------------------------------

#: ``huge_tree``: libxml2 otherwise stops at 256 nested elements (pages of unclosed
#: ``<font>`` tags nest that deep) or a 10 MB text node and drops the rest unsaid.
_PARSER = lhtml.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
_XML_DECL = re.compile(r"\s*<\?xml[^>]*\?>")

DROP_TAGS = frozenset(
    "script style noscript iframe head nav footer template svg canvas object embed form "
    "button select textarea input img picture video audio map area frame frameset".split()
)
BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table thead tbody tfoot caption "
    "blockquote pre section article main aside header address center hr figure figcaption "
    "fieldset legend details summary body html".split()
)
#: Blocks that start a structural unit (never rejoined with the paragraph before).
_STRUCT_TAGS = frozenset("h1 h2 h3 h4 h5 h6 li dt dd tr caption".split())
_CELL_TAGS = frozenset(("td", "th"))

#: class/id of page furniture: QR-code boxes, editor lines, share bars, ads, comments…
BOILERPLATE_ATTR = re.compile(
    r"appendqr|qr_?code|qr-code|erweima|article[-_]editor|bdshare|"
    r"(?:^|[\s_-])(?:share|social|ad|ads|adv|advert|advertisement|recommend|related|"
    r"comments?|breadcrumbs?|toolbar|footer|copyright|hidden)(?:$|[\s_-])",
    re.I,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_WS_NL = re.compile(r"[ \t\r\f]*\n[ \t\n\r\f]*")
_WS = re.compile(r"[ \t\r\f]+")
_SOFT_BREAK = "\x01"
_CJK_SOFT = re.compile(r"(?<=[" + _CJK + _CJK_PUNCT + r"])\x01+(?=[" + _CJK + _CJK_PUNCT + r"])")
_HTML_START = re.compile(
    r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml|<(?:head|body|div|p|span|table|article|"
    r"section|meta|title|h[1-6]|ul|ol|font|center|br|a|main)\b)",
    re.I,
)
_HTML_BLOCK = re.compile(
    r"<(?:p|div|br|table|tr|td|li|ul|ol|h[1-6]|article|section|body|html|blockquote)\b[^<>]*>"
    r"|</(?:a|span|font|b|strong|em|i)>",
    re.I,
)


def looks_like_html(text: str, strict: bool = False) -> bool:
    """Starts with a tag, or (unless ``strict``) has a block tag or a closing inline
    tag (``</a>``, ``</span>``…) anywhere."""
    if "<" not in text:
        return False
    if _HTML_START.match(text):
        return True
    return not strict and _HTML_BLOCK.search(text) is not None


def _html_ws(s: str) -> str:
    if "\n" in s:
        s = _WS_NL.sub(_SOFT_BREAK, s)
    return _WS.sub(" ", s)


def _html_meta(root: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    title = root.findtext(".//title")
    if not title:
        for el in root.iter("meta"):
            if (el.get("property") or el.get("name") or "").lower() in ("og:title", "title"):
                title = el.get("content")
                break
    if not title:
        h1 = next(root.iter("h1"), None)
        title = h1.text_content() if h1 is not None else None
    if title and title.strip():
        meta["title"] = " ".join(title.split())
    for el in root.iter("meta"):
        name = (el.get("property") or el.get("name") or "").lower()
        content = (el.get("content") or "").strip()
        if not content:
            continue
        if name in ("author", "article:author") and "author" not in meta:
            meta["author"] = content
        elif (
            name in ("publishdate", "pubdate", "article:published_time", "date", "dc.date")
            and "date" not in meta
        ):
            meta["date"] = content
        elif name in ("og:url",) and "url" not in meta:
            meta["url"] = content
        elif name in ("source", "contentsource", "og:site_name") and "publisher" not in meta:
            meta["publisher"] = content
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            meta.setdefault("url", el.get("href"))
    return meta


def html_to_text(markup: str) -> tuple[str, dict[str, Any]]:
    """Visible text of an HTML page or fragment (block elements → line breaks) and the
    metadata of its ``<head>`` (title, author, date, url, publisher)."""
    if _XML_DECL.match(markup):
        markup = _XML_DECL.sub("", markup, count=1)
    if not markup.strip():
        return "", {}
    try:
        root = lhtml.document_fromstring(markup, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return "", {}
    meta = _html_meta(root)
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log.filter_from_fatals()):
        return flat_html_text(markup), meta  # nested past even huge_tree's 2048 levels

    drop = []
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            drop.append(el)
            continue
        if tag in DROP_TAGS:
            drop.append(el)
            continue
        attrs = el.attrib
        if attrs:
            ident = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
            if (
                (ident != " " and BOILERPLATE_ATTR.search(ident))
                or "hidden" in attrs
                or ("style" in attrs and _HIDDEN_STYLE.search(attrs["style"]))
            ):
                drop.append(el)
    for el in drop:
        if el.getparent() is not None:
            el.drop_tree()

    parts: list[str] = []
    add = parts.append
    pre = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag in BLOCK_TAGS:
                add("\n" + _MARK if tag in _STRUCT_TAGS else "\n")
                if tag == "pre":
                    pre += 1
            if el.text:
                add(el.text if pre else _html_ws(el.text))
        else:
            if tag in BLOCK_TAGS:
                add("\n")
                if tag == "pre":
                    pre -= 1
            elif tag in _CELL_TAGS:
                add(" ")
            if el.tail and el is not root:
                add(el.tail if pre else _html_ws(el.tail))
    text = "".join(parts)
    if _SOFT_BREAK in text:
        text = _CJK_SOFT.sub("", text).replace(_SOFT_BREAK, " ")
    return text, meta


_FLAT_DROPPED = "script|style|head|noscript|template|svg"
_FLAT_OPEN = re.compile(rf"<({_FLAT_DROPPED})\b", re.I)
_FLAT_CLOSE = re.compile(rf"</({_FLAT_DROPPED})\s*>", re.I)
_FLAT_BLOCK = re.compile(r"</?(?:" + "|".join(sorted(BLOCK_TAGS)) + r")\b[^>]*>", re.I)
_FLAT_TAG = re.compile(r"<[^>]*>")


def flat_html_text(markup: str) -> str:
    """The text of markup no tree can hold (tags dropped, blocks → line breaks), for a
    page nested deeper than the parser goes.

    >>> flat_html_text("<div><script>x=1</script><p>第一段</p><b>第二</b>段&amp;</div>")
    '\\n\\n第一段\\n第二段&\\n'
    """
    text = _drop_flat_elements(markup)
    # Every tag ends at a '>': past the last one none can, and each '<' there would send
    # the regexes to the end of the text (quadratic in the '<' of a page cut short).
    cut = text.rfind(">") + 1
    head = _FLAT_TAG.sub("", _FLAT_BLOCK.sub("\n", text[:cut]))
    return _html.unescape(head + text[cut:])


def _drop_flat_elements(markup: str) -> str:
    """``markup`` without its scripts, styles, heads… (each from its opening tag to the
    first closing tag of its name; an unclosed one keeps its text), in one pass: a regex
    ``<(script|…)\\b.*?</\\1>`` scans to the end for every unclosed tag (quadratic)."""
    closes: dict[str, list[int]] = {}
    ends: dict[int, int] = {}
    for m in _FLAT_CLOSE.finditer(markup):
        closes.setdefault(m[1].lower(), []).append(m.start())
        ends[m.start()] = m.end()
    kept: list[str] = []
    pos = 0  # the end of what was dropped last
    for m in _FLAT_OPEN.finditer(markup):
        if m.start() < pos:
            continue  # inside an element dropped already
        starts = closes.get(m[1].lower(), ())
        i = bisect.bisect_left(starts, m.end())
        if i == len(starts):
            continue  # no closing tag after it: the tag alone goes (with the other tags)
        kept.append(markup[pos : m.start()])
        pos = ends[starts[i]]
    kept.append(markup[pos:])
    return "".join(kept)


# --- Markdown ----------------------------------------------------------------------------

_M = re.M


class LineRule:
    """A Markdown rule for the start of a line, as fast as a search for a newline.

    ``LineRule(body)`` does what ``re.compile("^" + body, re.M)`` does (:attr:`general`)
    but finds the lines by searching for ``"\\n" + body``: the regex engine skips to the
    next newline in C, where a ``^`` is tried at every character. The results are the
    same when ``body`` never matches an empty string nor ends with a newline.

    >>> rule = LineRule(r"[ \\t]*[-*+][ \\t]+")
    >>> rule.sub("• ", "- 甲\\n乙\\n  + 丙")
    '• 甲\\n乙\\n• 丙'
    >>> rule.sub("• ", "- 甲\\n乙\\n  + 丙") == rule.general.sub("• ", "- 甲\\n乙\\n  + 丙")
    True
    """

    def __init__(self, body: str, flags: int = 0) -> None:
        self.general = re.compile("^" + body, flags | re.M)
        self._first = re.compile(body, flags | re.M)  # at position 0 (``.match``)
        self._rest = re.compile("\n" + body, flags | re.M)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        """``self.general.sub(repl, text)``."""
        head = ""
        m = self._first.match(text)
        if m is not None:
            head = m.expand(repl) if isinstance(repl, str) else repl(m)
            text = text[m.end() :]
        if isinstance(repl, str):
            rest = self._rest.sub("\n" + repl, text)
        else:
            fn = repl
            rest = self._rest.sub(lambda m: "\n" + fn(m), text)
        return head + rest


_MD_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MD_COMMENT_LINE = LineRule(r"[ \t]*<!--.*?-->[ \t]*$", re.S)
_MD_FENCE = LineRule(r"[ \t]*(?:```|~~~).*$")
_MD_UNDERLINE = re.compile(r"\n[ \t]*+(?:=++|-++)[ \t]*+$", _M)
_MD_SETEXT = re.compile(r"^(?![ \t]*+\n)([^\n]++)\n[ \t]*+(?:=++|-++)[ \t]*+$", _M)
_MD_ATX = re.compile(r"^[ \t]{0,3}#{1,6}(?!#)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$", _M)
_MD_HR = re.compile(r"^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$", _M)
_MD_TABLE_SEP = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$", _M
)
_MD_TABLE_ROW = re.compile(r"^[ \t]*\|(.*?)\|?[ \t]*$", _M)
_MD_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+", _M)
_MD_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+", _M)
_MD_ORDERED = re.compile(r"^[ \t]*(\d{1,3}[.)][ \t]+)", _M)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_MD_LINK = re.compile(r"\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_MD_LINK_DEF = LineRule(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$")
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_MD_BR = re.compile(r"<br\s*/?>", re.I)
_MD_RAW_BLOCK = re.compile(r"<(script|style|noscript|iframe|template)\b.*?</\1\s*>", re.I | re.S)
_MD_BLOCK_TAG = re.compile(
    r"</?(?:p|div|table|tr|li|ul|ol|h[1-6]|blockquote|section|article|pre|dl|dt|dd)\b[^<>]*>",
    re.I,
)
_MD_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_MD_STAR = re.compile(r"(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*])\1")
_MD_UNDER = re.compile(r"(?<!\w)(_{1,3})(?=[^\s_])(.+?)(?<=[^\s_])\1(?!\w)")
_MD_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MD_CODE = re.compile(r"`+([^`\n]+)`+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


def _table_row(m: re.Match[str]) -> str:
    return _MARK + " ".join(c.strip() for c in m.group(1).split("|") if c.strip())


#: The block rules in the order they run: ``(first characters, gate, regex, replacement)``.
#: A rule can change a line only when the line's first character after spaces and tabs is
#: one of its first characters (``"0-9"``: a decimal digit, what ``\\d`` matches); a rule
#: with a gate (``#``, ``|``, ``>``) runs when the whole text has that character.
_BLOCK_RULES: tuple[tuple[str, str, re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    ("#", "#", _MD_ATX, lambda m: _MARK + m.group(1)),
    ("|:-", "|", _MD_TABLE_SEP, lambda m: ""),
    ("|", "|", _MD_TABLE_ROW, _table_row),
    ("-*_", "", _MD_HR, lambda m: ""),
    (">", ">", _MD_QUOTE, lambda m: ""),
    ("-*+", "", _MD_BULLET, lambda m: _MARK),
    ("0-9", "", _MD_ORDERED, lambda m: _MARK + m.group(1)),
)


def _block_line(line: str, gates: str) -> str:
    """The block rules on one line (no newline): each is tried only when the line starts
    with one of its first characters, and can match only at the start of the line."""
    c = line.lstrip(" \t")[:1]
    for first, gate, rule, repl in _BLOCK_RULES:
        if not c:
            break
        if (c.isdecimal() if first == "0-9" else c in first) and gate in gates:
            m = rule.match(line)
            if m is not None:
                line = repl(m) + line[m.end() :]
                c = line.lstrip(" \t")[:1]
    return line


#: The first character (after spaces and tabs) of a line that a block rule can change:
#: any other line is left as it is by every rule, so only these lines are looked at.
_BLOCK_START = r"[ \t]*(?:[-#|>*+_:]|\d{1,3}[.)])"  # a digit: only an ordered item
_BLOCK_FIRST = re.compile(_BLOCK_START)
_BLOCK_LINE = re.compile("\n" + _BLOCK_START)


def markdown_blocks_general(text: str) -> str:
    """The block rules run over the whole text (what :func:`markdown_blocks` gives)."""
    for _, gate, rule, repl in _BLOCK_RULES:
        if gate in text:  # "" in text: always
            text = rule.sub(repl, text)
    return text


def markdown_blocks(text: str) -> str:
    """Headings, table rows, horizontal rules, quotes and list items of Markdown ``text``:
    each rule works within one line, so the rules run on the lines that start with a
    character one of them needs (a heading ``#``, a bullet ``-``, a digit…), not over
    the whole text once per rule.

    >>> markdown_blocks("# 总则\\n\\n正文\\n- 一项\\n1. 二项\\n***\\n> 引文")
    '\\x02总则\\n\\n正文\\n\\x02一项\\n\\x021. 二项\\n\\n引文'
    """
    gates = "".join(g for g in "#|>" if g in text)
    out: list[str] = []
    done = 0  # text[:done] is in out
    starts = [m.start() + 1 for m in _BLOCK_LINE.finditer(text)]
    if _BLOCK_FIRST.match(text):
        starts.insert(0, 0)
    for start in starts:
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        line = text[start:end]
        new = _block_line(line, gates)
        if new != line:
            out.append(text[done:start])
            out.append(new)
            done = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def markdown_to_text(text: str) -> str:
    """Markdown → plain lines: syntax removed, text kept (links → their text, table cells
    → space-separated, images and HTML comments dropped). Headings, list items and table
    rows carry the structural mark so they are never rejoined."""
    if "<!--" in text:
        text = _MD_COMMENT_LINE.sub(_BARRIER, text)
        text = _MD_COMMENT.sub("", text)
    # one character first: it is found much faster than two or three
    if ("`" in text and "```" in text) or ("~" in text and "~~~" in text):
        text = _MD_FENCE.sub("", text)
    if (
        ("=" in text and "\n=" in text) or ("-" in text and "\n-" in text)
    ) and _MD_UNDERLINE.search(text):
        text = _MD_SETEXT.sub(_MARK + r"\1", text)
    text = markdown_blocks(text)
    if "[" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_LINK_DEF.sub("", text)
    if "<" in text:
        text = _MD_RAW_BLOCK.sub("", text)
        text = _MD_AUTOLINK.sub(r"\1", text)
        text = _MD_BR.sub("\n", text)
        text = _MD_BLOCK_TAG.sub("\n", text)
        text = _MD_TAG.sub("", text)
    if "*" in text:
        text = _MD_STAR.sub(r"\2", text)
    if "_" in text:
        text = _MD_UNDER.sub(r"\2", text)
    if "~" in text and "~~" in text:
        text = _MD_STRIKE.sub(r"\1", text)
    if "`" in text:
        text = _MD_CODE.sub(r"\1", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return decode_entities(text)


_MD_HINT = re.compile(
    r"^[ \t]{0,3}#{1,6}[ \t]+\S|^[ \t]*\|.*\|[ \t]*$|\[[^\]\n]+\]\([^)\n]+\)|^[ \t]*```", _M
)


# --- entry points ------------------------------------------------------------------------

_FORMATS = {
    "html": "html",
    "htm": "html",
    "md": "md",
    "markdown": "md",
    "txt": "txt",
    "text": "txt",
    "plain": "txt",
    "auto": "auto",
    "jsonl": "auto",
}


def sniff_markup(text: str, hint: str = "txt") -> str:
    """What the body really is: ``html``, ``md`` or ``txt``.

    ``.html`` stays HTML; any body that starts with a tag is HTML; a ``.md`` body is
    Markdown otherwise; a ``.txt``/JSONL body with a block tag anywhere is HTML, with
    Markdown headings/links/tables Markdown, else plain text.
    """
    hint = _FORMATS.get(hint.lower(), "txt")
    if hint == "html":
        return "html"
    if looks_like_html(text, strict=hint == "md"):
        return "html"
    if hint == "md":
        return "md"
    if ("#" in text or "|" in text or "](" in text or "```" in text) and _MD_HINT.search(text):
        return "md"
    return "txt"


def clean_with_meta(text: str, fmt: str = "txt") -> tuple[str, dict[str, Any]]:
    """:func:`clean_text` plus the metadata an HTML ``<head>`` carries."""
    kind = _FORMATS.get(fmt.lower())
    if kind is None:
        raise ValueError(f"unknown format {fmt!r} (use html, md, txt or auto)")
    if kind == "auto":
        kind = sniff_markup(text)
    text, odd = _prep(text)
    meta: dict[str, Any] = {}
    # markup is removed without adding odd spaces; an entity (&nbsp;) or HTML may add one
    known = kind != "html" and "&" not in text
    if kind == "html":
        text, meta = html_to_text(text)
    elif kind == "md":
        text = markdown_to_text(text)
    else:
        text = decode_entities(text)
    return finish(text, odd if known else None), meta


def clean_text(text: str, fmt: str = "txt") -> str:
    """Clean one document body. ``fmt``: ``html``, ``md``, ``txt`` or ``auto`` (sniff).

    Pure: no I/O, the same input always gives the same output.
    """
    return clean_with_meta(text, fmt)[0]
