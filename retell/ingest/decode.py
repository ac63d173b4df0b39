"""Bytes to text: refusing binary input, finding the encoding, telling the kind of page.

Decoding tries, in order: a byte order mark; a charset the input declares
(an HTTP header, an HTML ``<meta>`` tag or an XML declaration), read the
WHATWG way, so that "iso-8859-1" means Windows-1252; strict UTF-8, which
comes before an 8-bit declaration when the bytes are valid UTF-8 and not
plain ASCII; Windows-1252 where the result reads like a Western European
language; and last charset-normalizer's detection. Nothing is ever decoded
with replacement characters.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

import charset_normalizer

from retell.errors import BinaryInput, UndecodableInput

PageKind = Literal["html", "text", "feed"]

_SNIFF_BYTES = 4096  # how far into the bytes a <meta> charset or XML declaration is looked for
_KIND_CHARS = 16 * 1024  # how far into the text the kind of page is judged
_SAMPLE_CHARS = 64 * 1024  # how much text the Western European check reads


def is_blank(text: str) -> bool:
    """True for text of nothing but whitespace and zero-width characters."""
    return _BLANK.fullmatch(text) is not None


# Text of nothing but whitespace and zero-width characters counts as empty.
_BLANK = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]*")


# ---------------------------------------------------------------- binary input

# Leading bytes of common non-text formats. Ones that could begin a text (ID3,
# BZh, wOFF) are matched with the bytes that follow them, to rule that out.
_SIGNATURES: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), what)
    for pattern, what in (
        (rb"\x89PNG\r\n\x1a\n", "a PNG image"),
        (rb"\xff\xd8\xff", "a JPEG image"),
        (rb"GIF8[79]a", "a GIF image"),
        (rb"RIFF....WEBP", "a WebP image"),
        (rb"II\*\x00|MM\x00\*", "a TIFF image"),
        (rb"\x00\x00\x01\x00", "an icon image"),
        (rb"%PDF-", "a PDF document"),
        (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
        (rb"PK(?:\x03\x04|\x05\x06|\x07\x08)", "a ZIP archive (or an office document)"),
        (rb"\x1f\x8b", "a gzip archive"),
        (rb"BZh[1-9]1AY&SY", "a bzip2 archive"),
        (rb"\xfd7zXZ\x00", "an xz archive"),
        (rb"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (rb"Rar!\x1a\x07", "a RAR archive"),
        (rb"\x28\xb5\x2f\xfd", "a Zstandard archive"),
        (rb"\x00\x00\x00.ftyp", "an MP4 or QuickTime video"),
        (rb"RIFF....(?:WAVE|AVI )", "a WAV or AVI media file"),
        (rb"ID3[\x02-\x04]\x00", "an MP3 audio file"),
        (rb"OggS\x00", "an Ogg media file"),
        (rb"\x1a\x45\xdf\xa3", "a Matroska or WebM video"),
        (rb"wOF[F2](?:\x00\x01\x00\x00|OTTO|true)", "a web font"),
        (rb"\x7fELF", "a compiled program"),
        (rb"\xca\xfe\xba\xbe", "a Java class file"),
        (rb"\x00asm", "a WebAssembly module"),
        (rb"SQLite format 3\x00", "an SQLite database"),
    )
)

# Bytes that text never holds: C0 controls other than tab, newline, vertical
# tab, form feed, carriage return and escape (which ISO-2022 and terminal
# colours use), and DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# Uniformly random bytes hold about 10% of these and text next to none, so a
# share over 5% is taken as binary. Set by reasoning, not fitted to data.
_MAX_CONTROL_SHARE = 0.05
_BINARY_SAMPLE_BYTES = 8192


def check_binary(data: bytes, declared: str | None, source: str) -> None:
    """Raise BinaryInput when bytes look like an image, archive or other non-text."""
    what = _binary_kind(data)
    if what is not None:
        raise BinaryInput(f"looks like {what}, not text", source=source)
    if _bom_encoding(data) is not None or _is_wide(_known_encoding(declared)):
        return  # UTF-16 and UTF-32 text is full of NUL bytes
    sample = data[:_BINARY_SAMPLE_BYTES]
    if b"\x00" in sample:
        raise BinaryInput("looks like binary data, not text (it holds NUL bytes)", source=source)
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInput(
            "looks like binary data, not text (too many control bytes)", source=source
        )


def _binary_kind(data: bytes) -> str | None:
    """What a known non-text format the bytes start with is, if any."""
    return next((what for pattern, what in _SIGNATURES if pattern.match(data)), None)


# ---------------------------------------------------------------- decoding

# Byte order marks; UTF-32 LE comes before UTF-16 LE, whose mark begins it.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Declared charsets decoded with the superset that pages labelled so really
# use, as the WHATWG Encoding Standard (and every browser) does: "iso-8859-1"
# and "ascii" pages are Windows-1252, and so on. Python codec names as keys.
_WHATWG: dict[str, str] = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "utf-16": "utf-16-le",
    "utf-32": "utf-32-le",
}
# Python codecs that are no page's real charset, or unsafe to honour.
_REFUSED_CODECS = frozenset({"idna", "punycode", "raw_unicode_escape", "unicode_escape", "utf-7"})

_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def decode(data: bytes, *, declared: str | None = None, source: str = "") -> tuple[str, str]:
    """Decode bytes to text, returning the text and the encoding used.

    ``declared`` is a charset named outside the bytes (an HTTP header); a
    charset in an HTML ``<meta>`` tag or XML declaration near the start is
    found here. Raises UndecodableInput, about ``source``, when no encoding
    fits every byte.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        return _decode_or_raise(data, bom, source), _label(bom)
    for encoding in _candidates(data, _declared_encoding(data, declared)):
        text = _try_decode(data, encoding)
        if text is not None:
            return text, _label(encoding)
    return _guess(data, source)


def _bom_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark at the start names, if there is one."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def _declared_encoding(data: bytes, declared: str | None) -> str | None:
    """The encoding the transport or the document itself declares, if usable."""
    found = _known_encoding(declared)
    if found is not None:
        return found
    in_document = _known_encoding(_sniff_charset(data))
    # A declaration that could be read as ASCII is in an ASCII-compatible
    # encoding, whatever it says: browsers take "utf-16" there as UTF-8, and
    # a label of any other encoding that is not ASCII-compatible is wrong.
    if _is_wide(in_document):
        return "utf-8"
    return in_document if in_document and _ascii_compatible(in_document) else None


def _ascii_compatible(encoding: str) -> bool:
    """Whether an encoding reads printable ASCII bytes as ASCII."""
    return _try_decode(_PRINTABLE_ASCII, encoding) == _PRINTABLE_ASCII.decode("ascii")


def _sniff_charset(data: bytes) -> str | None:
    """The charset an XML declaration or HTML <meta> tag near the start names."""
    head = data[:_SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _known_encoding(label: str | None) -> str | None:
    """The Python codec to decode a charset label with, or None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return None if name in _REFUSED_CODECS else _WHATWG.get(name, name)


def _is_wide(encoding: str | None) -> bool:
    """Whether an encoding is UTF-16 or UTF-32, whose text holds NUL bytes."""
    return encoding is not None and encoding.startswith(("utf-16", "utf-32"))


def _candidates(data: bytes, declared: str | None) -> list[str]:
    """The encodings to try strictly, in order, given the declared one.

    Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the
    declaration says: text in another encoding almost never happens to be
    valid UTF-8, while pages saved as UTF-8 that still declare their old
    charset are common. A UTF-16/32 declaration counts only for bytes that
    hold NULs, as text in those encodings does.
    """
    if declared is None:
        return ["utf-8"]
    if _is_wide(declared):
        return [declared, "utf-8"] if b"\x00" in data else ["utf-8"]
    if data.isascii():
        return [declared, "utf-8"]
    return ["utf-8", declared]


def _try_decode(data: bytes, encoding: str) -> str | None:
    """The bytes strictly decoded with an encoding, or None if it does not fit."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_or_raise(data: bytes, encoding: str, source: str) -> str:
    """The bytes strictly decoded with an encoding, or UndecodableInput."""
    text = _try_decode(data, encoding)
    if text is None:
        label = _label(encoding)
        raise UndecodableInput(f"is not valid {label} despite its byte order mark", source=source)
    return text


def _guess(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes that declare nothing and are not UTF-8.

    Windows-1252 (which covers Latin-1 text) comes first when the result
    reads like a Western European language, because detection guesses
    wrong on short Western texts; charset-normalizer decides the rest.
    """
    western = _try_decode(data, "cp1252")
    if western is not None and _looks_western(western):
        return western, "windows-1252"
    best = charset_normalizer.from_bytes(data).best()
    text = None if best is None else _try_decode(data, best.encoding)
    if best is None or text is None:
        raise UndecodableInput("no known text encoding fits its bytes", source=source or None)
    return text, _label(best.encoding)


# Characters that may stand between two letters of a Western word.
_WORD_JOINERS = frozenset("\u2019\u2018\u00b7\u00ad\u2013\u2014")
_LETTERS = re.compile(r"[^\W\d_]+")
_INNER_NON_ASCII = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f](?=[^\W\d_])")


def _looks_western(text: str) -> bool:
    """Whether Windows-1252 text reads like a Western European language.

    Cyrillic, Greek, Hebrew or Arabic bytes read as Windows-1252 make words
    of nothing but accented letters (``Ïðèâåò``); Central European bytes
    put symbols inside words (``Za¿ó³æ``). Western text does neither: its
    accented letters sit among plain ones. The limits (one word in five, one
    symbol per hundred words) are generous guards, set by reasoning.
    """
    sample = text[:_SAMPLE_CHARS]
    words = [word for word in _LETTERS.findall(sample) if len(word) > 1]
    all_accented = sum(1 for word in words if not any(ch.isascii() for ch in word))
    inner = _INNER_NON_ASCII.findall(sample)
    odd = sum(1 for ch in inner if not ch.isalpha() and ch not in _WORD_JOINERS)
    return all_accented * 5 <= len(words) and odd * 100 <= len(words)


def _label(encoding: str) -> str:
    """The name people know an encoding by, such as windows-1252 for cp1252."""
    name = codecs.lookup(encoding).name
    windows = re.fullmatch(r"cp(125\d|874)", name)
    if windows:
        return f"windows-{windows[1]}"
    return re.sub(r"^iso(8859|2022)[-_]", r"iso-\1-", name).replace("_", "-")


# ---------------------------------------------------------------- kinds

# Whitespace, processing instructions (the XML declaration), comments and
# non-HTML doctypes that may stand before a feed's root element.
_PROLOG = re.compile(
    r"(?:\s|\ufeff|<\?.*?\?>|<!--.*?-->|<!DOCTYPE\s+(?!html\b)[^>]*>)*", re.I | re.S
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>/]")
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article)[\s>/]", re.I)
# A page saved without its <html> and <head> tags may open with what stands in a head: a
# stylesheet whose rules fill the first few thousand characters was read as plain text and
# its CSS published as the body (trafilatura-eval's LA Weekly page).
_HTML_OPENING = re.compile(r"<(?:style|script|meta|link|title|base|noscript)[\s>/]", re.I)
_ANY_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>")
_HTML_START_CHARS = 4096
# Text with at least this many tags, covering at least this share of the
# start, is HTML even without a telling tag: a fragment of markup. Plain
# text quoting a tag or two stays far below. Set by reasoning.
_MIN_TAGS = 5
_MIN_TAG_SHARE = 0.10


def detect_kind(text: str) -> PageKind:
    """Say whether decoded text is an RSS/Atom feed, an HTML page or plain text."""
    head = text[:_KIND_CHARS]
    prolog = _PROLOG.match(head)
    if _FEED_ROOT.match(head, prolog.end() if prolog else 0):
        return "feed"
    start = head[:_HTML_START_CHARS]
    if _HTML_TAG.search(start) or _HTML_OPENING.match(head, prolog.end() if prolog else 0):
        return "html"
    tags = _ANY_TAG.findall(start)
    tag_chars = sum(map(len, tags))
    if len(tags) >= _MIN_TAGS and tag_chars >= _MIN_TAG_SHARE * len(start):
        return "html"
    return "text"
