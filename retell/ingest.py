"""Turn the inputs a user names into pages of decoded text.

An input is a file path, ``-`` for standard input, a directory (which
`expand` turns into the files under it), or an http(s) URL. `read` gets its
bytes, never more than a size limit, and `page_from_bytes` turns bytes into
a `Page`: it refuses empty and binary input, decodes the text and says
whether it is HTML, plain text or an RSS/Atom feed. `feed_links` lists the
articles a feed points to, so that each can be read in turn.

Decoding tries, in order: a byte order mark; a charset the input declares
(an HTTP header, an HTML ``<meta>`` tag or an XML declaration), read the
WHATWG way, so that "iso-8859-1" means Windows-1252; strict UTF-8, which
comes before an 8-bit declaration when the bytes are valid UTF-8 and not
plain ASCII; Windows-1252 where the result reads like a Western European
language; and last charset-normalizer's detection. Nothing is ever decoded
with replacement characters.

Every failure is one of the errors in `retell.errors`, with the input as
its source and a one-line message.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import socket
import ssl
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from importlib import metadata
from typing import BinaryIO, Literal
from urllib.parse import urljoin

import charset_normalizer
import feedparser
import httpx

from retell.errors import (
    BinaryInput,
    EmptyInput,
    FetchError,
    InputError,
    InputNotFound,
    InputTooLarge,
    UndecodableInput,
)

PageKind = Literal["html", "text", "feed"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5

_MB = 1024 * 1024
_CHUNK = 64 * 1024
_SNIFF_BYTES = 4096  # how far into the bytes a <meta> charset or XML declaration is looked for
_KIND_CHARS = 16 * 1024  # how far into the text the kind of page is judged
_SAMPLE_CHARS = 64 * 1024  # how much text the Western European check reads


def _version() -> str:
    """The installed retell version, or 0.1.0 when running from a source tree."""
    try:
        return metadata.version("retell")
    except metadata.PackageNotFoundError:
        return "0.1.0"


USER_AGENT = f"retell/{_version()} (+https://github.com/retell-news/retell)"
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"


@dataclass(frozen=True)
class Page:
    """One input as decoded text, with where it came from and how it was decoded.

    ``source`` is the input as the user gave it (a path, ``-``, a URL, or a
    feed entry's link); ``kind`` says whether the text is HTML, plain text or
    a feed; ``encoding`` names the encoding the bytes were decoded with; and
    ``url`` is the final URL after redirects for a fetched page, else None.
    """

    source: str
    text: str
    kind: PageKind
    encoding: str
    url: str | None = None


# ---------------------------------------------------------------- inputs


def expand(spec: str) -> list[str]:
    """List the inputs a spec stands for.

    A directory stands for every file under it, recursively and sorted by
    path, leaving out hidden files and hidden directories. Anything else (a
    file, ``-``, a URL) stands for itself. A path that does not exist raises
    InputNotFound.
    """
    if spec == "-" or _has_scheme(spec):
        return [spec]
    try:
        mode = os.stat(spec).st_mode
    except OSError as exc:
        raise _open_error(exc, spec) from exc
    if not stat.S_ISDIR(mode):
        return [spec]
    return sorted(_files_under(spec))


def _files_under(root: str) -> Iterator[str]:
    """Yield the visible regular files under a directory, at any depth."""
    for folder, dirs, files in os.walk(root, onerror=partial(_raise_walk_error, root)):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            path = os.path.join(folder, name)
            if not name.startswith(".") and os.path.isfile(path):
                yield path


def _raise_walk_error(root: str, exc: OSError) -> None:
    """Stop a directory walk on a folder that cannot be listed."""
    reason = _os_reason(exc)
    raise InputNotFound(f"cannot list {exc.filename}: {reason}", source=root) from exc


def read(
    spec: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
    stdin: BinaryIO | None = None,
) -> Page:
    """Read one input, a file path, ``-`` or an http(s) URL, as a Page.

    ``-`` reads standard input, or the ``stdin`` stream when one is given.
    Inputs over ``max_bytes`` raise InputTooLarge; ``timeout`` bounds each
    network step of fetching a URL, in seconds.
    """
    if spec == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_stream(stream, max_bytes, spec)
        return page_from_bytes(data, source=spec, max_bytes=max_bytes)
    if _is_url(spec):
        return _fetch(spec, max_bytes=max_bytes, timeout=timeout)
    if _has_scheme(spec):
        raise InputError("only http and https URLs can be read", source=spec)
    return page_from_bytes(_read_file(spec, max_bytes), source=spec, max_bytes=max_bytes)


def _read_file(path: str, max_bytes: int) -> bytes:
    """The bytes of a file, checking its size before reading it."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not a file", source=path)
        _check_size(info.st_size, max_bytes, path)
        with open(path, "rb") as handle:
            return _read_stream(handle, max_bytes, path)
    except OSError as exc:
        raise _open_error(exc, path) from exc


def _read_stream(stream: BinaryIO, max_bytes: int, source: str) -> bytes:
    """Read a stream to its end, stopping as soon as it passes the limit."""
    return _read_capped(iter(partial(stream.read, _CHUNK), b""), max_bytes, source)


def _read_capped(chunks: Iterable[bytes], max_bytes: int, source: str) -> bytes:
    """Join chunks of bytes, stopping as soon as they pass the limit."""
    buffer = bytearray()
    for chunk in chunks:
        buffer += chunk
        _check_size(len(buffer), max_bytes, source)
    return bytes(buffer)


def _check_size(size: int, max_bytes: int, source: str) -> None:
    """Raise InputTooLarge when a size is over the limit."""
    if size > max_bytes:
        raise InputTooLarge(f"is larger than the {_format_limit(max_bytes)} limit", source=source)


def _format_limit(max_bytes: int) -> str:
    """A size limit as people read it: in MB, or in bytes when far below one MB."""
    if max_bytes >= _MB // 100:
        return f"{max_bytes / _MB:.3g} MB"
    return f"{max_bytes:,} bytes"


def _open_error(exc: OSError, source: str) -> InputError:
    """The error to report for a path the system would not open."""
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory, not a file", source=source)
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return InputNotFound("no such file or directory", source=source)
    return InputNotFound(f"cannot be opened: {_os_reason(exc)}", source=source)


def _os_reason(exc: OSError) -> str:
    """The system's own short reason for an error, in lower case."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or "input/output error").lower()


def _is_url(spec: str) -> bool:
    """Whether a spec is an http or https URL."""
    return spec.lower().startswith(("http://", "https://"))


def _has_scheme(spec: str) -> bool:
    """Whether a spec looks like a URL of any scheme (``name://``)."""
    return re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", spec) is not None


# ---------------------------------------------------------------- fetching

# What to tell the user for each kind of failure, most specific first.
_FETCH_REASONS: tuple[tuple[type[Exception], str], ...] = (
    (httpx.TooManyRedirects, f"too many redirects (more than {MAX_REDIRECTS})"),
    (httpx.UnsupportedProtocol, "the URL, or one it redirects to, has no host or is not http(s)"),
    (httpx.InvalidURL, "is not a valid URL"),
    (httpx.DecodingError, "the server sent a body that could not be decompressed"),
    (httpx.RemoteProtocolError, "the server closed the connection or broke the HTTP protocol"),
    (httpx.NetworkError, "the connection broke off"),
)


def _fetch(url: str, *, max_bytes: int, timeout: float) -> Page:
    """Fetch a URL as a Page, turning every network failure into FetchError."""
    try:
        return _fetch_page(url, max_bytes=max_bytes, timeout=timeout)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FetchError(_fetch_reason(exc, timeout), source=url) from exc


def _fetch_page(url: str, *, max_bytes: int, timeout: float) -> Page:
    """GET a URL, following redirects, and stream its body up to the limit."""
    headers = {"User-Agent": USER_AGENT, "Accept": _ACCEPT}
    with (
        httpx.Client(
            headers=headers,
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
        ) as client,
        client.stream("GET", url) as response,
    ):
        _check_status(response, url)
        data = _read_capped(response.iter_bytes(), max_bytes, url)
    final = str(response.url)
    declared = response.charset_encoding
    return page_from_bytes(data, source=url, declared=declared, url=final, max_bytes=max_bytes)


def _check_status(response: httpx.Response, url: str) -> None:
    """Raise FetchError unless the final response was a success (2xx)."""
    if response.is_success:
        return
    status = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
    final = str(response.url)
    where = f" from {final}" if final != url else ""
    raise FetchError(f"the server answered {status}{where}", source=url)


def _fetch_reason(exc: Exception, timeout: float) -> str:
    """A short plain reason for a failed fetch."""
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, httpx.ConnectError):
        return _connect_reason(exc)
    return next((text for kind, text in _FETCH_REASONS if isinstance(exc, kind)), "fetch failed")


def _connect_reason(exc: BaseException) -> str:
    """Why a connection could not be made, from the error that caused it."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, socket.gaierror):
            return "could not resolve the host name"
        if isinstance(cause, ssl.SSLError):
            return "could not make a secure (TLS) connection"
        cause = cause.__cause__ or cause.__context__
    return "could not connect"


# ---------------------------------------------------------------- pages


def page_from_bytes(
    data: bytes,
    *,
    source: str,
    declared: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Page:
    """Turn the bytes of an input into a Page.

    ``declared`` is a charset the transport named, such as the one in an
    HTTP Content-Type header. Raises InputTooLarge, EmptyInput, BinaryInput
    or UndecodableInput when the bytes cannot make a page of text.
    """
    _check_size(len(data), max_bytes, source)
    if not data:
        raise EmptyInput("is empty", source=source)
    _check_binary(data, declared, source)
    text, encoding = decode(data, declared=declared, source=source)
    if _BLANK.fullmatch(text):
        raise EmptyInput("holds only whitespace", source=source)
    return Page(source=source, text=text, kind=detect_kind(text), encoding=encoding, url=url)


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


def _check_binary(data: bytes, declared: str | None, source: str) -> None:
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
    if _HTML_TAG.search(start):
        return "html"
    tags = _ANY_TAG.findall(start)
    tag_chars = sum(map(len, tags))
    if len(tags) >= _MIN_TAGS and tag_chars >= _MIN_TAG_SHARE * len(start):
        return "html"
    return "text"


# ---------------------------------------------------------------- feeds


def feed_links(page: Page) -> list[str]:
    """The links of a feed page's entries, in feed order, without repeats.

    Relative links are resolved against the feed's URL; only absolute
    http(s) links are returned, so that a feed can never point a reader at
    a local file. A page that is not a feed has no links.
    """
    if page.kind != "feed":
        return []
    base = page.url or (page.source if _is_url(page.source) else None)
    headers = {"content-type": "application/xml; charset=utf-8"}
    if base:
        headers["content-location"] = base
    parsed = feedparser.parse(io.BytesIO(page.text.encode("utf-8")), response_headers=headers)
    links = (_entry_link(entry, base) for entry in parsed.entries)
    return list(dict.fromkeys(link for link in links if link is not None))


def _entry_link(entry: dict[str, object], base: str | None) -> str | None:
    """An entry's absolute http(s) link, or None if it has none."""
    link = entry.get("link")
    if not isinstance(link, str) or not link.strip():
        return None
    absolute = urljoin(base, link.strip()) if base else link.strip()
    return absolute if _is_url(absolute) else None
