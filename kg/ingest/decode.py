"""Bytes → text: BOMs, UTF-16 without BOM, GB18030/GBK, and refusing binary files.

The order is fixed so the result never depends on a guess when the bytes are unambiguous:

1. a BOM (UTF-8, UTF-32, UTF-16) decides;
2. image/archive/PDF/executable magic → ``E004``;
3. NUL bytes: UTF-16 LE/BE when one byte order decodes to plausible text, else ``E004``;
4. strict UTF-8;
5. GB18030 when it decodes strictly, is plausible (mostly ASCII/CJK/CJK punctuation)
   and reads as ordinary Chinese (common ideographs; fast, no detector); else
   charset-normalizer's best guess, then GB18030, each accepted only when plausible;
6. otherwise ``E002`` — a file is never decoded into silent mojibake.

>>> decode_bytes("中文".encode("gb18030") * 20, "x.txt")[:4]
'中文中文'
>>> decode_bytes(b"\\xef\\xbb\\xbf\\xe4\\xb8\\xad", "x.txt")
'中'
>>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", "x.png")
Traceback (most recent call last):
...
kg.errors.InputError: [E004] x.png: the file is binary (PNG image), not a text document
"""

from __future__ import annotations

import codecs
import re
from os import PathLike

from kg.errors import Errors, InputError

#: Leading bytes of common binary formats, longest first where prefixes overlap.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Office)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM media"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters expected in Chinese policy text (and in Latin text): anything else counts as
# evidence that a legacy-codec guess produced mojibake.
_IMPLAUSIBLE = re.compile(
    r"[^\t\n\r\x20-\x7e"
    r"\u00a0-\u00ff\u0100-\u017f\u01cd-\u01dc\u0391-\u03c9\u0401-\u0451"
    r"\u2000-\u206f\u2100-\u218f\u2190-\u21ff\u2200-\u22ff\u2460-\u24ff\u2500-\u257f"
    r"\u25a0-\u25ff\u2600-\u26ff\u3000-\u303f\u3040-\u30ff\u3105-\u312f\u3200-\u33ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)

#: Largest share of unexpected characters a legacy-codec guess may produce.
MAX_IMPLAUSIBLE = 0.02

#: The 400 most frequent ideographs of Chinese policy text (laws and work reports): real
#: GB18030 text has ~70% of its ideographs among them, Big5 bytes misread as GB ~8%.
COMMON_HANZI = frozenset(
    "的人和第条法行定民应十当业规政有国理以会管一关工设者部用务建门市发地经或在不作生"
    "机二保主产制本事三公对区进大施中其等要员合全资为实责动方上府五年出可展位处水提安"
    "加物四体及单家改级构依由证化重护同社照所内成权通时下监院划他得企自并代开委品任准"
    "分审案件项议能交期利共服表营查收力是按性计标农情取报立文职场强信组违持六各活决学"
    "新向个度城外程县相据高办调技款与教日量济使请检育过基境织律治督入面于例告七明费元"
    "批域防供金质予专正运执现道后商环未支结八反增九求源备目申常我受平之到电义采术确百"
    "统况造系村投了罚意推负具协长范需万列财前接科限省放记指乡原根解预革导书止章点险益"
    "息续害障诉置起路效式污好房间修将格口从形医措整完集海必价核养知许名特给流税认总除"
    "们承验车令复数月严料步节排土次多登销因被适健善罪算种际布领卫助犯就司河察测符举无"
    "策筑变消更控围镇气转参担直配则华损积住问优广坚见疗创励评校染劳促这容传药失托究维"
)
#: Share of ideographs that must be common for GB18030 to be taken without a detector.
MIN_COMMON = 0.4
_HANZI = re.compile(r"[\u4e00-\u9fff]")

#: charset-normalizer names that are GB-family; GB18030 decodes all of them.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz", "euc_cn"}

_SNIFF = 4096


def binary_kind(data: bytes) -> str | None:
    """The binary format ``data`` starts with (``"PNG image"``), or ``None``."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "RIFF media"
    return None


def _bad_chars(text: str) -> int:
    return len(text) - len(_IMPLAUSIBLE.sub("", text))


def utf16_without_bom(sample: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``sample`` (with NUL bytes) reads as UTF-16.

    NUL bytes come from ASCII (high byte) and from code points like U+4E00 ``一`` (low
    byte), so parity alone cannot tell; the byte order whose decoding has fewer
    unexpected characters wins (parity breaks ties), and it must be plausible text.
    """
    n = len(sample) - len(sample) % 2
    if n < 2:
        return None
    scored = []
    for enc in ("utf-16-le", "utf-16-be"):
        text = sample[:n].decode(enc, errors="replace")
        bad = _bad_chars(text)
        if bad <= MAX_IMPLAUSIBLE * len(text) + 1:  # +1: a pair cut at the sample's end
            scored.append((bad, enc))
    if not scored:
        return None
    scored.sort()
    if len(scored) == 2 and scored[0][0] == scored[1][0]:
        odd = sample[1:n:2].count(0)
        even = sample[0:n:2].count(0)
        return "utf-16-le" if odd >= even else "utf-16-be"
    return scored[0][1]


def is_plausible(text: str) -> bool:
    """Mostly ASCII/CJK/CJK punctuation (``MAX_IMPLAUSIBLE`` share of others at most)."""
    if not text:
        return True
    sample = text[:200_000]
    return _bad_chars(sample) <= MAX_IMPLAUSIBLE * len(sample)


def common_share(text: str) -> tuple[float, int]:
    """``(share of ideographs in COMMON_HANZI, number of ideographs)`` of a text's head."""
    hanzi = _HANZI.findall(text[:20_000])
    if not hanzi:
        return 0.0, 0
    return sum(1 for h in hanzi if h in COMMON_HANZI) / len(hanzi), len(hanzi)


def _decode_plausible(data: bytes, enc: str) -> str | None:
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if is_plausible(text) else None


def _guess(data: bytes) -> tuple[str | None, list[str]]:
    """Legacy-codec decoding (after UTF-8 failed).

    GB18030 is taken at once when it decodes strictly, is plausible and reads as ordinary
    Chinese (20+ ideographs, ``MIN_COMMON`` of them common): no detector run, so a GBK
    corpus stays fast. Otherwise charset-normalizer's guess and GB18030 compete: among
    the plausible decodings the one with the larger share of common ideographs wins
    (GB18030 on a tie; the detector's guess when neither has any).
    """
    gb = _decode_plausible(data, "gb18030")
    if gb is not None:
        share, n = common_share(gb)
        if n >= 20 and share >= MIN_COMMON:
            return gb, ["gb18030"]
    tried: list[str] = []
    options: list[tuple[float, int, str]] = []  # (share, priority, encoding)
    decoded: dict[str, str] = {}
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
        enc = best.encoding.lower().replace("-", "_") if best is not None else None
    except Exception:  # pragma: no cover - a detector failure must not crash the read
        enc = None
    if enc and enc not in _GB_FAMILY:
        tried.append(enc)
        text = _decode_plausible(data, enc)
        if text is not None:
            decoded[enc] = text
            options.append((common_share(text)[0], 0, enc))
    tried.append("gb18030")
    if gb is not None:
        decoded["gb18030"] = gb
        options.append((common_share(gb)[0], 1, "gb18030"))
    if not options:
        return None, tried
    if all(share == 0.0 for share, _, _ in options):
        return decoded[options[0][2]], tried
    return decoded[max(options)[2]], tried


def detect_encoding(head: bytes) -> str | None:
    """The encoding decided by a file's first bytes alone (BOM or UTF-16 NUL pattern).

    Returns a codec name, or ``None`` when the head has no BOM and no NUL pattern (then
    the file is UTF-8 or a legacy codec). Raises ``ValueError`` for binary heads.
    """
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    kind = binary_kind(head)
    if kind:
        raise ValueError(kind)
    if b"\x00" in head[:_SNIFF]:
        enc = utf16_without_bom(head[:_SNIFF])
        if enc is None:
            raise ValueError("contains NUL bytes")
        return enc
    return None


def decode_bytes(data: bytes, path: str | PathLike[str] = "<bytes>") -> str:
    """Decode a whole file's bytes; raises :class:`InputError` ``E002``/``E004``.

    A leading BOM is removed; nothing else is changed (cleaning is ``clean_text``'s job).
    """
    path = str(path)
    try:
        enc = detect_encoding(data)
    except ValueError as e:
        raise InputError(Errors.E004, path=path, reason=str(e)) from None
    if enc is not None:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            raise InputError(Errors.E002, path=path, encoding=enc) from None
        if enc.startswith("utf-16") and "\x00" in text:
            raise InputError(Errors.E004, path=path, reason="contains NUL bytes") from None
        if enc in ("utf-16-le", "utf-16-be") and not is_plausible(text):
            raise InputError(Errors.E002, path=path, encoding=enc)
        return text.removeprefix("\ufeff")
    if b"\x00" in data:  # NULs after the sniffed head
        raise InputError(Errors.E004, path=path, reason="contains NUL bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text, tried = _guess(data)
    if text is None:
        raise InputError(Errors.E002, path=path, encoding=", ".join(["utf-8", *tried]))
    return text.removeprefix("\ufeff")


def decode_line(line: bytes) -> str | None:
    """One JSONL line: strict UTF-8, else GB18030 when plausible, else ``None``."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = line.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return text if is_plausible(text) else None
