"""`retell clean` from the command line: formats, several inputs, bad input."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from retell.cli.main import cli

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "harbour-ferry.txt"

ARTICLE_HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>Lighthouse reopens after repairs | Coast Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Lighthouse reopens after repairs</h1>
<p>The Greyhaven lighthouse reopened to visitors on Saturday after eighteen months of repairs
to its lantern room and the 140 steps of its spiral stair.</p>
<figure><img src="lamp.jpg"><figcaption>The restored lantern room at dusk</figcaption></figure>
<p>The trust that runs it said 2,300 people had booked tours for the first month, more than
twice the number it had hoped for when the appeal opened.</p>
<p>Volunteers repainted the tower by hand, using a lime wash that lets the old stone breathe,
and the keeper's cottage will open as a small museum in the spring.</p>
</article><footer>Contact us</footer></body></html>"""


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def assert_one_line_error(stderr: str, source: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert source in lines[0]
    assert "Traceback" not in stderr


def test_clean_example_prints_one_json_object() -> None:
    code, out, _ = run("clean", str(EXAMPLE))
    assert code == 0
    data = json.loads(out)
    assert data["date"] == "2025-10-09"
    assert data["title"] == "Harbour town votes to keep its last ferry after four-hour meeting"
    assert data["url_slug"] == "harbour-town-votes-to-keep-its-last-ferry-after-four-hour-meeting"
    assert data["captions"] == [
        "The Westmere ferry leaving the harbour at dawn on Tuesday",
        "Councillor Margaret Osei speaks to residents outside the drill hall",
    ]
    assert {item["kind"] for item in data["removed"]} == {
        "date_header",
        "slug",
        "blank",
        "caption_copy",
        "teaser",
        "fragment",
        "notice",
    }
    assert len(data["body"]) == 9


def test_several_inputs_give_json_lines_in_input_order(tmp_path: Path) -> None:
    html = write(tmp_path, "page.html", ARTICLE_HTML.encode())
    code, out, _ = run("clean", str(EXAMPLE), html)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [record["source"] for record in records] == [str(EXAMPLE), html]
    assert records[1]["captions"] == ["The restored lantern room at dusk"]
    assert all("The restored lantern" not in paragraph for paragraph in records[1]["body"])


def test_markdown_output_credits_the_source(tmp_path: Path) -> None:
    out_file = tmp_path / "out.md"
    code, _, _ = run("clean", str(EXAMPLE), "--format", "markdown", "-o", str(out_file))
    text = out_file.read_text(encoding="utf-8")
    assert code == 0
    assert text.startswith("# Harbour town votes")
    assert "Source: “Harbour town votes" in text and str(EXAMPLE) in text


def test_stdin_is_read_with_a_dash() -> None:
    code, out, _ = run("clean", "-", stdin=EXAMPLE.read_bytes())
    assert code == 0
    assert json.loads(out)["source"] == "-"


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    code, _, err = run("clean", missing)
    assert code == 3
    assert_one_line_error(err, missing)


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    code, _, err = run("clean", path)
    assert code == 4
    assert_one_line_error(err, path)


def test_binary_image(tmp_path: Path) -> None:
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    code, _, err = run("clean", path)
    assert code == 5
    assert_one_line_error(err, path)


def test_fifty_megabyte_text_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        line = b"A very long story that never ends and keeps on going.\n\n"
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    code, _, err = run("clean", str(path))
    assert code == 6
    assert_one_line_error(err, str(path))


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_single_byte_encodings_decode_every_character(tmp_path: Path, encoding: str) -> None:
    sample = (
        "Café owner Jürgen Groß said: ‘Prices rose 5 €.’"
        if encoding == "cp1252"
        else ("Café owner Jürgen Groß said prices rose by ½ in a year.")
    )
    text = f"Harbour café reopens\n\n{sample}\n\nThe café seats forty.\n"
    path = write(tmp_path, "story.txt", text.encode(encoding))
    code, out, _ = run("clean", path)
    assert code == 0
    assert json.loads(out)["body"][0] == sample


def test_html_page_without_article(tmp_path: Path) -> None:
    html = (
        b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    path = write(tmp_path, "index.html", html)
    code, _, err = run("clean", path)
    assert code == 8
    assert_one_line_error(err, path)


def test_refused_url() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    code, _, err = run("clean", url, "--timeout", "2")
    assert code == 9
    assert_one_line_error(err, url)


def test_failures_among_several_inputs_exit_1_and_keep_the_rest(tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.txt", b"")
    missing = str(tmp_path / "missing.txt")
    code, out, err = run("clean", empty, str(EXAMPLE), missing)
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [record["source"] for record in records] == [empty, str(EXAMPLE), missing]
    assert records[0]["error"]["exit_code"] == 4
    assert records[1]["title"].startswith("Harbour town")
    assert records[2]["error"]["exit_code"] == 3
    assert len(err.strip().splitlines()) == 2


def test_folder_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "day1").mkdir()
    (tmp_path / "day1" / "a.txt").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "b.html").write_text(ARTICLE_HTML, encoding="utf-8")
    code, out, _ = run("clean", str(tmp_path))
    assert code == 0
    assert len(out.splitlines()) == 2


def test_unknown_format_is_a_usage_error() -> None:
    code, _, _ = run("clean", str(EXAMPLE), "--format", "pdf")
    assert code == 2


def test_url_that_times_out() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)  # the connection is queued but never answered
        url = f"http://127.0.0.1:{server.getsockname()[1]}/slow"
        code, _, err = run("clean", url, "--timeout", "0.5")
    assert code == 9
    assert_one_line_error(err, url)
    assert "timed out" in err


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on loopback serving the files of a temporary folder."""
    handler = partial(QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", tmp_path
    server.shutdown()
    server.server_close()


def test_feed_url_cleans_every_entry_in_feed_order(site: tuple[str, Path]) -> None:
    base, folder = site
    (folder / "ferry.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "lighthouse.html").write_text(ARTICLE_HTML, encoding="utf-8")
    links = [f"{base}/lighthouse.html", f"{base}/gone.html", f"{base}/ferry.txt"]
    items = "".join(
        f"<item><title>{n}</title><link>{link}</link></item>" for n, link in enumerate(links)
    )
    (folder / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    code, out, err = run("clean", f"{base}/feed.xml", "--timeout", "5")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [record["source"] for record in records] == links
    assert records[0]["title"] == "Lighthouse reopens after repairs"
    assert records[1]["error"]["exit_code"] == 9
    assert records[2]["url"] == f"{base}/ferry.txt"
    assert "404" in err


def test_a_url_list_cleans_every_url_in_order(site: tuple[str, Path], tmp_path: Path) -> None:
    base, folder = site
    (folder / "ferry.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "lighthouse.html").write_text(ARTICLE_HTML, encoding="utf-8")
    links = [f"{base}/lighthouse.html", f"{base}/ferry.txt"]
    listing = tmp_path / "urls.txt"
    listing.write_text("# today's stories\n" + "\n".join(links) + "\n\n", encoding="utf-8")
    code, out, _ = run("clean", str(listing), "--timeout", "5")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [record["source"] for record in records] == links


def test_a_batch_over_a_url_list_and_a_feed_stores_each_page_once(
    site: tuple[str, Path], tmp_path: Path
) -> None:
    base, folder = site
    (folder / "ferry.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "lighthouse.html").write_text(ARTICLE_HTML, encoding="utf-8")
    items = f"<item><title>F</title><link>{base}/ferry.txt</link></item>"
    (folder / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{base}/lighthouse.html\n{base}/gone.html\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    args = ["batch", str(listing), f"{base}/feed.xml", "--db", db, "--backend", "fake"]
    code, out, _ = run(*args)
    assert code == 1  # gone.html is a 404, recorded
    assert "read 3 (2 new, 0 duplicates, 1 failed)" in out
    code, out, _ = run(*args)
    assert code == 0 and "skipped 3 done before" in out
