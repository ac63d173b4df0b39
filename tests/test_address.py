"""The address policy that guards fetches: every address a name resolves to is checked,
the fetch connects to the checked address, and so does every redirect hop."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from retell.cli.main import cli
from retell.errors import AddressRefused, FetchError
from retell.ingest.address import AddressPolicy, address_kind
from retell.ingest.sources import read

PARAGRAPHS = (
    "A story on a server nobody should reach from the outside sits behind the firewall.",
    "The tenants' association met on Monday evening to discuss the heating repairs.",
    "Its chair said the boiler in the east wing had failed three times since October.",
    "The landlord promised a replacement before the end of the month, the chair added.",
)
PAGE = (
    "<html><head><title>Heating</title></head><body><article><h1>Heating repairs</h1>"
    + "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    + "</article></body></html>"
).encode()


class Handler(BaseHTTPRequestHandler):
    """/ok answers a page; /host echoes the Host header; /away redirects to the twin server
    on 127.0.0.2; /file redirects to a file: URL."""

    twin_port = 0

    def do_GET(self) -> None:
        port = self.twin_port
        routes = {
            "/ok": (200, PAGE, {}),
            "/host": (200, str(self.headers.get("Host")).encode(), {}),
            "/away": (302, b"", {"Location": f"http://127.0.0.2:{port}/ok"}),
            "/file": (302, b"", {"Location": "file:///etc/passwd"}),
        }
        status, body, headers = routes.get(self.path, (404, b"no", {}))
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    """Real HTTP servers on 127.0.0.1 and its twin on 127.0.0.2; yields the first's port."""
    servers = [ThreadingHTTPServer((host, 0), Handler) for host in ("127.0.0.1", "127.0.0.2")]
    Handler.twin_port = int(servers[1].server_address[1])
    for httpd in servers:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield int(servers[0].server_address[1])
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "reserved"),
        ("240.0.0.1", "reserved"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("8.8.8.8", None),
        ("93.184.215.14", None),
        ("2001:4860:4860::8888", None),
    ],
)
def test_address_kinds(address: str, kind: str | None) -> None:
    assert address_kind(address) == kind


def test_a_loopback_server_is_refused(port: int) -> None:
    with pytest.raises(AddressRefused) as caught:
        read(f"http://127.0.0.1:{port}/ok", policy=AddressPolicy())
    assert "loopback address, 127.0.0.1" in caught.value.message
    assert caught.value.exit_code == 9


def test_a_name_that_resolves_to_loopback_is_refused(port: int) -> None:
    with pytest.raises(AddressRefused) as caught:
        read(f"http://localhost:{port}/ok", policy=AddressPolicy())
    assert "localhost (" in caught.value.message


def test_a_name_is_refused_when_any_of_its_addresses_is_private() -> None:
    policy = AddressPolicy(resolver=lambda host, port: ["93.184.215.14", "10.0.0.7"])
    with pytest.raises(AddressRefused, match=r"private address, news\.example"):
        policy.connect_to("news.example", 80, "http://news.example/")


def test_allow_private_lets_it_through_and_says_so(port: int) -> None:
    notes: list[str] = []
    page = read(f"http://127.0.0.1:{port}/ok", policy=AddressPolicy(True, notes.append))
    assert "nobody should reach" in page.text
    assert notes == [f"http://127.0.0.1:{port}/ok: fetching a loopback address, 127.0.0.1"]


def test_the_fetch_connects_to_the_address_that_was_checked(port: int) -> None:
    """The name is resolved once, by the policy; the connection goes to that address and the
    server still sees the name in the Host header, so a second lookup (DNS rebinding)
    never happens."""
    lookups: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    policy = AddressPolicy(allow_private=True, resolver=resolver)
    page = read(f"http://news.example:{port}/host", policy=policy)
    assert page.text == f"news.example:{port}"
    assert lookups == ["news.example"]


def test_every_redirect_hop_is_checked(port: int) -> None:
    """127.0.0.1 is let through by name; its redirect to 127.0.0.2 is refused."""
    policy = AddressPolicy(allowed=frozenset({"127.0.0.1"}))
    assert "nobody" in read(f"http://127.0.0.1:{port}/ok", policy=policy).text
    with pytest.raises(AddressRefused, match=r"loopback address, 127\.0\.0\.2"):
        read(f"http://127.0.0.1:{port}/away", policy=policy)


def test_redirect_hops_reach_the_notice(port: int) -> None:
    notes: list[str] = []
    page = read(f"http://127.0.0.1:{port}/away", policy=AddressPolicy(True, notes.append))
    assert page.url == f"http://127.0.0.2:{Handler.twin_port}/ok"
    assert [note.rsplit(", ", 1)[1] for note in notes] == ["127.0.0.1", "127.0.0.2"]


def test_a_redirect_to_another_scheme_is_refused(port: int) -> None:
    with pytest.raises(FetchError, match="not http"):
        read(f"http://127.0.0.1:{port}/file", policy=AddressPolicy(allow_private=True))


def test_the_cli_fetches_a_private_address_and_says_so(port: int) -> None:
    result = CliRunner().invoke(cli, ["clean", f"http://127.0.0.1:{port}/ok"])
    assert result.exit_code == 0, result.output
    assert "nobody should reach" in result.stdout
    assert "note: " in result.stderr and "fetching a loopback address" in result.stderr
