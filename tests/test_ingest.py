"""Tests for retell.ingest.sources: files, stdin, directories, URLs and feeds to pages."""

from __future__ import annotations

import codecs
import io
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from retell.errors import (
    BinaryInput,
    EmptyInput,
    FetchError,
    InputError,
    InputNotFound,
    InputTooLarge,
    RetellError,
    UndecodableInput,
)
from retell.ingest import sources as ingest
from retell.ingest.sources import (
    Page,
    decode,
    detect_kind,
    expand,
    feed_links,
    page_from_bytes,
    read,
)

INTERNALS = re.compile(r"[a-z](?:Error|Exception)|Traceback|errno|httpx|\bNone\b|\[Err")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WESTERN = "Müller – “quoted” €5"
RUSSIAN = "Президент заявил во вторник, что цены не вырастут."

RSS = """<?xml version="1.0" encoding="utf-8"?>
<!-- a comment before the root -->
<rss version="2.0"><channel><title>News</title>
<item><title>First</title><link>https://news.example/first</link></item>
<item><title>Second</title><link>https://news.example/second</link></item>
<item><title>First again</title><link>https://news.example/first</link></item>
<item><title>By guid</title><guid isPermaLink="true">https://news.example/third</guid></item>
<item><title>Relative</title><link>/fourth</link></item>
<item><title>Local file</title><link>file:///etc/passwd</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
<entry><title>One</title>
  <link rel="alternate" href="https://atom.example/one"/>
  <link rel="enclosure" href="https://atom.example/one.mp3"/></entry>
<entry><title>Two</title><link href="two"/></entry>
<entry><title>Three</title><link href="https://atom.example/three"/></entry>
</feed>
"""


def check_error(error: RetellError, source: str, *words: str) -> None:
    """Assert an error is one plain line about its source that says the given words."""
    message = error.one_line()
    assert error.source == source
    assert "\n" not in message
    assert not INTERNALS.search(error.message)
    for word in words:
        assert word in message


# ---------------------------------------------------------------- files and stdin


def write(path: Path, data: bytes) -> str:
    """Write bytes to a path and return the path as the user would give it."""
    path.write_bytes(data)
    return str(path)


def test_read_a_utf8_file(tmp_path: Path) -> None:
    spec = write(tmp_path / "story.txt", "Café owner says “hello”\n".encode())
    page = read(spec)
    assert page == Page(
        source=spec, text="Café owner says “hello”\n", kind="text", encoding="utf-8"
    )


def test_utf8_with_bom_drops_the_mark(tmp_path: Path) -> None:
    spec = write(tmp_path / "bom.txt", codecs.BOM_UTF8 + "Grüße".encode())
    page = read(spec)
    assert page.text == "Grüße"
    assert page.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le-bom", "utf-16-be-bom"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    text = "Grüße – 日本語のニュース"
    data = {
        "utf-16": text.encode("utf-16"),
        "utf-16-le-bom": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be-bom": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    }[codec]
    page = read(write(tmp_path / "wide.txt", data))
    assert page.text == text
    assert page.encoding == "utf-16"


def test_utf32_with_bom() -> None:
    page = page_from_bytes("Grüße".encode("utf-32"), source="x")
    assert (page.text, page.encoding) == ("Grüße", "utf-32")


def test_cp1252_text_round_trips(tmp_path: Path) -> None:
    page = read(write(tmp_path / "w.txt", WESTERN.encode("cp1252")))
    assert page.text == WESTERN
    assert page.encoding == "windows-1252"


def test_latin1_text_round_trips(tmp_path: Path) -> None:
    page = read(write(tmp_path / "l.txt", "Größe café".encode("latin-1")))
    assert page.text == "Größe café"


def test_longer_cp1252_article_round_trips() -> None:
    text = (
        "The company’s chief executive said on Tuesday that “results were better "
        "than expected” — a surprise for analysts, who had forecast a loss of €5m.\n"
    ) * 3
    assert decode(text.encode("cp1252")) == (text, "windows-1252")


def test_non_western_single_byte_text_is_detected() -> None:
    assert decode(RUSSIAN.encode("cp1251"))[0] == RUSSIAN
    assert decode("Zażółć gęślą jaźń".encode("cp1250"))[0] == "Zażółć gęślą jaźń"


def test_html_meta_charset(tmp_path: Path) -> None:
    html = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    page = read(write(tmp_path / "ru.html", html.encode("cp1251")))
    assert page.text == html
    assert (page.kind, page.encoding) == ("html", "windows-1251")


def test_http_equiv_iso_8859_1_is_read_as_windows_1252() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        f"</head><body><p>{WESTERN}</p></body></html>"
    )
    text, encoding = decode(html.encode("cp1252"))
    assert (text, encoding) == (html, "windows-1252")


def test_xml_encoding_declaration() -> None:
    xml = f'<?xml version="1.0" encoding="koi8-r"?><rss><title>{RUSSIAN}</title></rss>'
    assert decode(xml.encode("koi8-r")) == (xml, "koi8-r")


def test_utf8_bytes_win_over_a_stale_declaration() -> None:
    html = '<meta charset="iso-8859-1"><p>Größe café €5</p>'
    assert decode(html.encode()) == (html, "utf-8")
    assert decode("Größe".encode(), declared="iso-8859-1") == ("Größe", "utf-8")


def test_declared_charset_decodes_ascii_compatible_bytes() -> None:
    assert decode(b"plain", declared="iso-8859-1") == ("plain", "windows-1252")
    assert decode(b"plain", declared="no-such-charset") == ("plain", "utf-8")


def test_declared_charset_that_does_not_fit_falls_through() -> None:
    assert decode(WESTERN.encode("cp1252"), declared="utf-8") == (WESTERN, "windows-1252")


def test_undecodable_bytes() -> None:
    data = bytes(0x80 + i % 128 for i in range(1000))  # every high byte, in turn
    with pytest.raises(UndecodableInput) as caught:
        page_from_bytes(data, source="noise.txt")
    check_error(caught.value, "noise.txt", "encoding")


@given(st.text())
def test_any_utf8_text_decodes_unchanged(text: str) -> None:
    assume(not text.startswith("\ufeff"))  # a leading U+FEFF is a byte order mark
    assert decode(text.encode("utf-8"))[0] == text


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1))
def test_non_ascii_utf8_text_reports_utf8(text: str) -> None:
    assume(not text.isascii() and not text.startswith("\ufeff"))
    assert decode(text.encode("utf-8")) == (text, "utf-8")


def test_empty_file(tmp_path: Path) -> None:
    spec = write(tmp_path / "empty.txt", b"")
    with pytest.raises(EmptyInput) as caught:
        read(spec)
    check_error(caught.value, spec, "empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    spec = write(tmp_path / "blank.txt", " \n\t\r\n\u00a0\u200b \n".encode())
    with pytest.raises(EmptyInput) as caught:
        read(spec)
    check_error(caught.value, spec, "whitespace")


def test_png_file(tmp_path: Path) -> None:
    spec = write(tmp_path / "photo.txt", PNG_SIGNATURE + b"\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    with pytest.raises(BinaryInput) as caught:
        read(spec)
    check_error(caught.value, spec, "looks like a PNG image")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"text\x00with a NUL byte", "binary data"),
        (bytes(range(1, 9)) * 20 + b"mostly control bytes", "binary data"),
    ],
)
def test_binary_inputs_say_what_they_look_like(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInput) as caught:
        page_from_bytes(data, source="blob")
    check_error(caught.value, "blob", what)


def test_text_that_starts_like_a_signature_is_still_text() -> None:
    page = page_from_bytes(b"ID3 tags are metadata in MP3 files.", source="x")
    assert page.kind == "text"


def test_file_over_the_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = write(tmp_path / "big.txt", b"a" * 2000)

    def never_open(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(ingest, "open", never_open, raising=False)
    with pytest.raises(InputTooLarge) as caught:
        read(spec, max_bytes=1000)
    check_error(caught.value, spec, "1,000 bytes")


def test_limit_is_named_in_mb() -> None:
    with pytest.raises(InputTooLarge) as caught:
        page_from_bytes(b"a" * (2 * 1024 * 1024 + 1), source="x", max_bytes=2 * 1024 * 1024)
    check_error(caught.value, "x", "2 MB")
    assert ingest.DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    assert read(write(tmp_path / "ok.txt", b"a" * 1000), max_bytes=1000).text == "a" * 1000


def test_missing_path(tmp_path: Path) -> None:
    spec = str(tmp_path / "nowhere.txt")
    with pytest.raises(InputNotFound) as caught:
        read(spec)
    check_error(caught.value, spec, "no such file or directory")
    with pytest.raises(InputNotFound):
        expand(spec)


def test_directory_given_to_read(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read(str(tmp_path))
    assert not isinstance(caught.value, InputNotFound)
    check_error(caught.value, str(tmp_path), "is a directory")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = write(tmp_path / "secret.txt", b"secret")

    def deny(path: str, mode: str) -> NoReturn:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(ingest, "open", deny, raising=False)
    with pytest.raises(InputNotFound) as caught:
        read(spec)
    check_error(caught.value, spec, "permission denied")


def test_other_url_schemes_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        read("ftp://example.com/story.txt")
    check_error(caught.value, "ftp://example.com/story.txt", "http")


@pytest.mark.parametrize("spec", ["https://", "http://:80/story", "https:///story"])
def test_a_url_without_a_host_is_the_callers_mistake(spec: str) -> None:
    with pytest.raises(InputError) as caught:
        read(spec)
    assert not isinstance(caught.value, FetchError)
    check_error(caught.value, spec, "no host")


def test_stdin_parameter() -> None:
    page = read("-", stdin=io.BytesIO("<p>From a pipe — ok</p>".encode()))
    assert page == Page(source="-", text="<p>From a pipe — ok</p>", kind="html", encoding="utf-8")


class EndlessStream(io.RawIOBase):
    """A stream that never ends, counting the bytes read from it."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"x" * len(buffer)
        self.served += len(buffer)
        return len(buffer)


def test_stdin_limit_above_the_default_is_honoured() -> None:
    data = b"a" * (ingest.DEFAULT_MAX_BYTES + 10)
    page = read("-", max_bytes=len(data), stdin=io.BytesIO(data))
    assert len(page.text) == len(data)


def test_stdin_stops_reading_past_the_limit() -> None:
    stream = EndlessStream()
    with pytest.raises(InputTooLarge) as caught:
        read("-", max_bytes=100_000, stdin=io.BufferedReader(stream))
    check_error(caught.value, "-", "MB")
    assert stream.served < 300_000


# ---------------------------------------------------------------- directories


def test_expand_directory_recursive_sorted_without_hidden(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.html",
        "sub/c.txt",
        "sub/deeper/d.txt",
        "sub/.hidden.txt",
        ".git/config",
        ".secret",
        "sub/.cache/e.txt",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    root = str(tmp_path)
    expected = [f"{root}/a.html", f"{root}/b.txt", f"{root}/sub/c.txt", f"{root}/sub/deeper/d.txt"]
    assert expand(root) == expected


def test_expand_anything_else_is_itself(tmp_path: Path) -> None:
    spec = write(tmp_path / "one.txt", b"x")
    assert expand(spec) == [spec]
    assert expand("-") == ["-"]
    assert expand("https://news.example/story") == ["https://news.example/story"]


def test_expand_empty_directory(tmp_path: Path) -> None:
    assert expand(str(tmp_path)) == []


# ---------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Just a story.\nWith two lines.", "text"),
        ("Use the <b> tag for bold, says the guide.", "text"),
        ("<!DOCTYPE html>\n<html><body>x</body></html>", "html"),
        ("<HTML><BODY>x</BODY></HTML>", "html"),
        ("<p>A paragraph fragment.</p>", "html"),
        ("<article class='story'>Words</article>", "html"),
        ("<span>a</span> <span>b</span> <em>c</em> <i>d</i> <b>e</b>", "html"),
        (RSS, "feed"),
        (ATOM, "feed"),
        ("  <feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"),
        ('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x"></rdf:RDF>', "feed"),
        ('<!DOCTYPE rss SYSTEM "rss-0.91.dtd">\n<rss version="0.91"></rss>', "feed"),
        ('<?xml version="1.0"?><html><body><p>x</p></body></html>', "html"),
        # A page saved from its stylesheet on, the first 4,096 characters all CSS.
        ("<style>\n" + ".grid { gap: 10px; }\n" * 300 + "</style><p>x</p>", "html"),
        ("Style notes: <style> opens a stylesheet.", "text"),
    ],
)
def test_detect_kind(text: str, kind: str) -> None:
    assert detect_kind(text) == kind


def test_page_kind_from_file(tmp_path: Path) -> None:
    assert read(write(tmp_path / "f.xml", RSS.encode())).kind == "feed"
    assert read(write(tmp_path / "p.html", b"<html><p>x</p></html>")).kind == "html"


def test_feed_links_of_a_local_feed_keep_only_absolute_http_links() -> None:
    page = page_from_bytes(RSS.encode(), source="feed.xml")
    assert feed_links(page) == [
        "https://news.example/first",
        "https://news.example/second",
        "https://news.example/third",
    ]


def test_feed_links_of_a_latin1_feed() -> None:
    xml = (
        '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
        "<item><title>Größe</title><link>https://news.example/caf%C3%A9</link></item>"
        "<item><title>Café</title><link>https://news.example/b</link></item>"
        "</channel></rss>"
    )
    page = page_from_bytes(xml.encode("latin-1"), source="feed.xml")
    assert (page.kind, page.encoding) == ("feed", "windows-1252")
    assert feed_links(page) == ["https://news.example/caf%C3%A9", "https://news.example/b"]


def test_feed_links_of_a_page_that_is_no_feed() -> None:
    assert feed_links(page_from_bytes(b"<p>hi</p>", source="x")) == []


# ---------------------------------------------------------------- URLs

Route = Callable[[BaseHTTPRequestHandler], None]


def respond(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> None:
    """Send a whole response, ignoring a client that has already gone."""
    with suppress(OSError):
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)


def redirect(handler: BaseHTTPRequestHandler, to: str) -> None:
    """Send a 302 to another path."""
    respond(handler, b"", status=302, headers={"Location": to})


def hops(handler: BaseHTTPRequestHandler) -> None:
    """/hop/N redirects N more times before landing on /ok."""
    left = int(handler.path.rsplit("/", 1)[1])
    redirect(handler, f"/hop/{left - 1}" if left > 0 else "/ok")


def slow(handler: BaseHTTPRequestHandler) -> None:
    """Answer only after the client has given up."""
    time.sleep(2)
    respond(handler, b"too late")


ROUTES: dict[str, Route] = {
    "/ok": lambda h: respond(h, b"<html><body><p>Landed</p></body></html>"),
    "/koi8": lambda h: respond(
        h,
        f'<html><meta charset="windows-1251"><p>{RUSSIAN}</p></html>'.encode("koi8-r"),
        content_type="text/html; charset=KOI8-R",
    ),
    "/latin1": lambda h: respond(
        h, f"<p>{WESTERN}</p>".encode("cp1252"), content_type="text/html; charset=ISO-8859-1"
    ),
    "/ua": lambda h: respond(
        h, str(h.headers.get("User-Agent")).encode(), content_type="text/plain"
    ),
    "/missing": lambda h: respond(h, b"<p>gone</p>", status=404),
    "/broken": lambda h: respond(h, b"<p>oops</p>", status=500),
    "/loop": lambda h: redirect(h, "/loop"),
    "/big": lambda h: respond(h, b"a" * 5000, content_type="text/plain"),
    "/png": lambda h: respond(h, PNG_SIGNATURE + b"\x00" * 20, content_type="image/png"),
    "/empty": lambda h: respond(h, b""),
    "/slow": slow,
    "/rss": lambda h: respond(h, RSS.encode(), content_type="application/rss+xml"),
    "/feeds/atom": lambda h: respond(h, ATOM.encode(), content_type="application/atom+xml"),
    "/moved-feed": lambda h: redirect(h, "/feeds/atom"),
}


class Handler(BaseHTTPRequestHandler):
    """Serve ROUTES, with /hop/N as a redirect chain."""

    def do_GET(self) -> None:
        route = hops if self.path.startswith("/hop/") else ROUTES.get(self.path)
        if route is None:
            respond(self, b"no route", status=404)
        else:
            route(self)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A real HTTP server on a free local port, answering ROUTES; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture
def closed_port() -> int:
    """A local port that was free a moment ago and has nothing listening on it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_url_with_charset_in_header(server: str) -> None:
    page = read(f"{server}/koi8")
    assert RUSSIAN in page.text
    assert (page.kind, page.encoding) == ("html", "koi8-r")
    assert page.url == f"{server}/koi8"
    assert page.source == f"{server}/koi8"


def test_url_iso_8859_1_header_means_windows_1252(server: str) -> None:
    page = read(f"{server}/latin1")
    assert (page.text, page.encoding) == (f"<p>{WESTERN}</p>", "windows-1252")


def test_user_agent(server: str) -> None:
    text = read(f"{server}/ua").text
    assert text.startswith("retell/")
    assert text.endswith(" (+https://github.com/retell-news/retell)")


@pytest.mark.parametrize(("path", "status"), [("/missing", "404 Not Found"), ("/broken", "500")])
def test_url_http_error(server: str, path: str, status: str) -> None:
    with pytest.raises(FetchError) as caught:
        read(server + path)
    check_error(caught.value, server + path, f"HTTP {status}")


def test_redirect_chain_that_ends_ok(server: str) -> None:
    page = read(f"{server}/hop/3")
    assert "Landed" in page.text
    assert page.source == f"{server}/hop/3"
    assert page.url == f"{server}/ok"


def test_five_redirects_are_allowed_and_six_are_not(server: str) -> None:
    assert read(f"{server}/hop/4").url == f"{server}/ok"  # 5 redirects
    with pytest.raises(FetchError) as caught:
        read(f"{server}/hop/5")
    check_error(caught.value, f"{server}/hop/5", "too many redirects")


def test_redirect_loop(server: str) -> None:
    with pytest.raises(FetchError) as caught:
        read(f"{server}/loop")
    check_error(caught.value, f"{server}/loop", "too many redirects")


def test_url_body_over_the_limit(server: str) -> None:
    with pytest.raises(InputTooLarge) as caught:
        read(f"{server}/big", max_bytes=1000)
    check_error(caught.value, f"{server}/big", "1,000 bytes")


def test_url_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        read(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 1.9
    check_error(caught.value, f"{server}/slow", "timed out after 0.5 s")


def test_connection_refused(closed_port: int) -> None:
    url = f"http://127.0.0.1:{closed_port}/story"
    with pytest.raises(FetchError) as caught:
        read(url, timeout=2)
    check_error(caught.value, url, "connection refused")


def test_unknown_host() -> None:
    url = "http://retell-test.invalid/story"  # .invalid never resolves (RFC 2606)
    with pytest.raises(FetchError) as caught:
        read(url, timeout=5)
    check_error(caught.value, url, "could not resolve the host name")


def test_malformed_url() -> None:
    with pytest.raises(FetchError) as caught:
        read("http://[::1/story")
    check_error(caught.value, "http://[::1/story", "not a valid URL")


def test_fetched_png_and_empty_body(server: str) -> None:
    with pytest.raises(BinaryInput):
        read(f"{server}/png")
    with pytest.raises(EmptyInput):
        read(f"{server}/empty")


def test_rss_feed_links_in_order(server: str) -> None:
    page = read(f"{server}/rss")
    assert page.kind == "feed"
    assert feed_links(page) == [
        "https://news.example/first",
        "https://news.example/second",
        "https://news.example/third",
        f"{server}/fourth",
    ]


def test_atom_feed_links_in_order_resolved_against_final_url(server: str) -> None:
    page = read(f"{server}/moved-feed")
    assert page.kind == "feed"
    assert feed_links(page) == [
        "https://atom.example/one",
        f"{server}/feeds/two",
        "https://atom.example/three",
    ]
