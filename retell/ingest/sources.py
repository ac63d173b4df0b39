"""Turn the inputs a user names into pages of decoded text.

An input is a file path, ``-`` for standard input, a directory (which
`expand` turns into the files under it), or an http(s) URL. `read` gets its
bytes, never more than a size limit, and `page_from_bytes` turns bytes into
a `Page`: it refuses empty and binary input, decodes the text and says
whether it is HTML, plain text or an RSS/Atom feed. `links` lists the
articles a feed or a URL list (a text file of one URL per line) points to,
so that each can be read in turn.

Decoding and the kind of page are decided in `retell.ingest.decode`.

Every failure is one of the errors in `retell.errors`, with the input as
its source and a one-line message.
"""

from __future__ import annotations

import io
import os
import re
import socket
import ssl
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from functools import partial
from importlib import metadata
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx

from retell.errors import (
    EmptyInput,
    FetchError,
    InputError,
    InputNotFound,
    InputTooLarge,
)
from retell.ingest.address import AddressPolicy
from retell.ingest.decode import PageKind, check_binary, decode, detect_kind, is_blank

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Page",
    "PageKind",
    "Raw",
    "decode",
    "detect_kind",
    "expand",
    "feed_links",
    "links",
    "page_from_bytes",
    "page_from_raw",
    "read",
    "read_raw",
    "url_list_links",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5

_MB = 1024 * 1024
_CHUNK = 64 * 1024


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
        raise open_error(exc, spec) from exc
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


@dataclass(frozen=True)
class Raw:
    """The bytes of one input as read, before decoding: what a store keeps.

    ``declared`` is a charset the transport named; ``url`` the final URL of
    a fetched page.
    """

    source: str
    data: bytes
    declared: str | None = None
    url: str | None = None


def read(
    spec: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
    stdin: BinaryIO | None = None,
    policy: AddressPolicy | None = None,
) -> Page:
    """Read one input, a file path, ``-`` or an http(s) URL, as a Page.

    ``-`` reads standard input, or the ``stdin`` stream when one is given.
    Inputs over ``max_bytes`` raise InputTooLarge; ``timeout`` bounds each
    network step of fetching a URL, in seconds; a `policy` decides which
    addresses a URL and its redirects may reach (any, without one).
    """
    raw = read_raw(spec, max_bytes=max_bytes, timeout=timeout, stdin=stdin, policy=policy)
    return page_from_raw(raw, max_bytes=max_bytes)


def read_raw(
    spec: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
    stdin: BinaryIO | None = None,
    policy: AddressPolicy | None = None,
) -> Raw:
    """Read the bytes of one input, a file path, ``-`` or an http(s) URL, up to the limit."""
    if spec == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return Raw(spec, _read_stream(stream, max_bytes, spec))
    if _is_url(spec):
        if not _names_host(spec):
            # The caller's mistake, not the remote server's: the web API answers 400, not
            # the 502 of a failed fetch (schemathesis sent {"url": "https://"}).
            raise InputError("is not a URL: it names no host", source=spec)
        return _fetch(spec, max_bytes=max_bytes, timeout=timeout, policy=policy)
    if _has_scheme(spec):
        raise InputError("only http and https URLs can be read", source=spec)
    return Raw(spec, _read_file(spec, max_bytes))


def page_from_raw(raw: Raw, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """Decode the bytes of an input into a Page."""
    return page_from_bytes(
        raw.data, source=raw.source, declared=raw.declared, url=raw.url, max_bytes=max_bytes
    )


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
        raise open_error(exc, path) from exc


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


def open_error(exc: OSError, source: str) -> InputError:
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


def _names_host(url: str) -> bool:
    """Whether a URL names a host; one too malformed to split is left to the fetch, which
    says what is wrong with it."""
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:
        return True


def _has_scheme(spec: str) -> bool:
    """Whether a spec looks like a URL of any scheme (``name://``)."""
    return re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", spec) is not None


# ---------------------------------------------------------------- fetching

# What to tell the user for each kind of failure, most specific first.
_FETCH_REASONS: tuple[tuple[type[Exception], str], ...] = (
    (httpx.UnsupportedProtocol, "the URL, or one it redirects to, has no host or is not http(s)"),
    (httpx.InvalidURL, "is not a valid URL"),
    (httpx.DecodingError, "the server sent a body that could not be decompressed"),
    (httpx.RemoteProtocolError, "the server closed the connection or broke the HTTP protocol"),
    (httpx.NetworkError, "the connection broke off"),
)


def _fetch(url: str, *, max_bytes: int, timeout: float, policy: AddressPolicy | None) -> Raw:
    """Fetch a URL's bytes, turning every network failure into FetchError."""
    try:
        return _fetch_page(url, max_bytes=max_bytes, timeout=timeout, policy=policy)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FetchError(_fetch_reason(exc, timeout), source=url) from exc


def _fetch_page(url: str, *, max_bytes: int, timeout: float, policy: AddressPolicy | None) -> Raw:
    """GET a URL and stream its body up to the limit. The policy's notices wait for the
    page, so that a fetch that fails says so in its one error line alone."""
    notices: list[str] = []
    hop_policy = replace(policy, notice=notices.append) if policy and policy.notice else policy
    headers = {"User-Agent": USER_AGENT, "Accept": _ACCEPT}
    with httpx.Client(headers=headers, timeout=httpx.Timeout(timeout)) as client:
        data, declared, final = _follow(client, url, max_bytes, hop_policy)
    if policy is not None and policy.notice is not None:
        for notice in notices:
            policy.notice(notice)
    return Raw(url, data, declared=declared, url=final)


def _follow(
    client: httpx.Client, url: str, max_bytes: int, policy: AddressPolicy | None
) -> tuple[bytes, str | None, str]:
    """The body, declared charset and final URL of a page. Redirects are followed here, not
    by httpx, so that the address policy checks every hop before connecting to it."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        request = _request(client, current, url, policy)
        with closing(client.send(request, stream=True)) as response:
            location = response.headers.get("location")
            if response.is_redirect and location:
                current = urljoin(current, location)
                continue
            _check_status(response, url, current)
            data = _read_capped(response.iter_bytes(), max_bytes, url)
            return data, response.charset_encoding, current
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})", source=url)


def _request(
    client: httpx.Client, target: str, url: str, policy: AddressPolicy | None
) -> httpx.Request:
    """The GET request for one hop. Under a policy it goes to the checked address, with the
    name kept in the Host header and as the TLS server name (so certificates still verify)."""
    parsed = httpx.URL(target)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise httpx.UnsupportedProtocol(f"cannot fetch {target}")
    if policy is None:
        return client.build_request("GET", parsed)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    address = policy.connect_to(parsed.host, port, url)
    host_header = parsed.netloc.decode("ascii")
    extensions = {"sni_hostname": parsed.host} if parsed.scheme == "https" else {}
    return client.build_request(
        "GET",
        parsed.copy_with(host=address),
        headers={"Host": host_header},
        extensions=extensions,
    )


def _check_status(response: httpx.Response, url: str, final: str) -> None:
    """Raise FetchError unless the final response was a success (2xx)."""
    if response.is_success:
        return
    status = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
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
    check_binary(data, declared, source)
    text, encoding = decode(data, declared=declared, source=source)
    if is_blank(text):
        raise EmptyInput("holds only whitespace", source=source)
    return Page(source=source, text=text, kind=detect_kind(text), encoding=encoding, url=url)


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


def url_list_links(page: Page) -> list[str]:
    """The URLs of a plain-text page that is a list of them, else an empty list.

    A URL list has one absolute http(s) URL per line; blank lines and lines
    starting with ``#`` are allowed, anything else makes it an ordinary page.
    """
    if page.kind != "text":
        return []
    lines = [line.strip() for line in page.text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if not lines or not all(_is_url(line) and " " not in line for line in lines):
        return []
    return list(dict.fromkeys(lines))


def links(page: Page) -> list[str]:
    """The pages a feed or a URL list points to; nothing for an article page."""
    return feed_links(page) if page.kind == "feed" else url_list_links(page)


def _entry_link(entry: dict[str, object], base: str | None) -> str | None:
    """An entry's absolute http(s) link, or None if it has none."""
    link = entry.get("link")
    if not isinstance(link, str) or not link.strip():
        return None
    absolute = urljoin(base, link.strip()) if base else link.strip()
    return absolute if _is_url(absolute) else None
