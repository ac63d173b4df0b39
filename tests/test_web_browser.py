"""The newsroom page in real Chromium (Debian's /usr/bin/chromium, driven by Playwright):
paste → clean → rewrite (fake backend) → review → edit → re-check → download, evidence
highlighted on click, the keyboard, a phone-width screen, and a corpus of script payloads
that must show as text and never run. Screenshots go to artifacts/ as test artefacts."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from retell.web import ServeConfig, create_app

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
#: Flags for a closed network: without the background ones Chromium keeps trying to reach
#: Google's hosts, and as root it needs --no-sandbox.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PAGE = """Tuesday 3 March 2026 10:15 GMT
harbour-council-approves-new-ferry-timetableHarbour council approves new ferry timetable

The harbour council voted on Tuesday to add two evening ferries to the island route.

Councillor Mara Quint said the change would cost 40,000 euros a year.

READ MORE: Island school to close for repairs

The first of the new sailings will leave the mainland pier at 9 pm in March.

Islanders had asked for later crossings for three years, the council said.

© Copyright 2026 Harbour News. All rights reserved.
"""

#: Script in every shape a page or a model could carry it. Each one, if it ran, would call
#: window.__xss(), which the test defines before any page script.
PAYLOADS = [
    "<script>window.__xss()</script>",
    "<SCRIPT>window.__xss()</SCRIPT>",
    "<script src=data:text/javascript,window.__xss()></script>",
    "<img src=x onerror=window.__xss()>",
    "<img src=x onerror='window.__xss()'>",
    '<img src="x" onerror="window.__xss()">',
    "<svg onload=window.__xss()>",
    "<svg><script>window.__xss()</script></svg>",
    "<svg><animate onbegin=window.__xss() attributeName=x dur=1s>",
    "<body onload=window.__xss()>",
    "<iframe src=javascript:window.__xss()></iframe>",
    "<iframe srcdoc='<script>parent.__xss()</script>'></iframe>",
    "<a href=javascript:window.__xss()>link</a>",
    "<a href='javascript:window.__xss()'>click me</a>",
    "<a href=JaVaScRiPt:window.__xss()>x</a>",
    "<details open ontoggle=window.__xss()>",
    "<input autofocus onfocus=window.__xss()>",
    "<select autofocus onfocus=window.__xss()>",
    "<textarea autofocus onfocus=window.__xss()>",
    "<video><source onerror=window.__xss()></video>",
    "<audio src=x onerror=window.__xss()>",
    "<marquee onstart=window.__xss()>",
    "<object data=javascript:window.__xss()>",
    "<embed src=javascript:window.__xss()>",
    "<math><a xlink:href=javascript:window.__xss()>m</a></math>",
    "<form action=javascript:window.__xss()><button>go</button></form>",
    "<meta http-equiv=refresh content='0;url=javascript:window.__xss()'>",
    "<base href=javascript:window.__xss()//>",
    "<link rel=stylesheet href=javascript:window.__xss()>",
    "<style>@import 'javascript:window.__xss()';</style>",
    "<div style=background:url(javascript:window.__xss())>",
    '"><script>window.__xss()</script>',
    "'><script>window.__xss()</script>",
    "</textarea><script>window.__xss()</script>",
    "</title><script>window.__xss()</script>",
    "</span><img src=x onerror=window.__xss()>",
    '" onmouseover="window.__xss()" x="',
    "' onfocus='window.__xss()' autofocus='",
    "</script><script>window.__xss()</script>",
    "<!--<img src=x onerror=window.__xss()>-->",
    "<![CDATA[<script>window.__xss()</script>]]>",
    "<scr<script>ipt>window.__xss()</scr</script>ipt>",
    "<img src=x onerror=window.__xss() <b>broken",
    "<img/src=x/onerror=window.__xss()>",
    "<svg/onload=window.__xss()>",
    "&lt;script&gt;window.__xss()&lt;/script&gt;",
    "&#60;script&#62;window.__xss()&#60;/script&#62;",
    "{{ 7*7 }} {% raw %} ${window.__xss()}",
    "javascript:window.__xss()",
    "data:text/html,<script>window.__xss()</script>",
    "<noscript><p title='</noscript><img src=x onerror=window.__xss()>'>",
    "<template><script>window.__xss()</script></template>",
    "<keygen autofocus onfocus=window.__xss()>",
    "<isindex type=image src=1 onerror=window.__xss()>",
]

HOOK = """
window.__fired = [];
window.__xss = () => window.__fired.push('xss');
window.alert = (m) => window.__fired.push('alert:' + m);
window.confirm = window.alert;
window.prompt = window.alert;
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server on loopback with the fake backend and its own store."""
    folder = tmp_path_factory.mktemp("serve")
    settings = ServeConfig(
        db=str(folder / "store.sqlite"), backends=("fake",), cache=False, rate_per_minute=0
    )
    yield from _serve(settings)


def _serve(settings: ServeConfig) -> Iterator[str]:
    """Run the app in uvicorn on a free loopback port until the generator is closed."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.add_init_script(HOOK)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.errors = errors
    yield opened
    context.close()


def paste_and_rewrite(page: Any, base_url: str, text: str) -> None:
    """Paste a page, clean it, and rewrite the whole of it with the fake backend."""
    page.goto(base_url + "/")
    page.fill("#page-text", text)
    page.click("#clean-button")
    page.wait_for_url("**/articles/*")
    page.fill("#ratio", "1")
    page.click("#rewrite-button")
    page.wait_for_url("**/articles/*?rewrite=*", timeout=60_000)


def test_paste_rewrite_review_edit_recheck_download(page: Any, base_url: str) -> None:
    paste_and_rewrite(page, base_url, PAGE)
    assert page.inner_text("h1") == "Harbour council approves new ferry timetable"
    assert "4 blocks removed" in page.inner_text("details.removed summary")
    page.click("details.removed summary")
    assert "READ MORE: Island school" in page.inner_text("details.removed")

    sentences = page.locator("#rewrite .sentence")
    assert sentences.count() >= 4
    assert page.locator("#rewrite .sentence.label-supported").count() == sentences.count()

    # Evidence: the sentence about the cost lights up its source sentence, and only it.
    cost = page.locator("#rewrite .sentence", has_text="40,000 euros")
    cost.click()
    evidence = page.locator("#source .source-sentence.evidence")
    assert evidence.count() >= 1
    assert "40,000 euros" in evidence.first.inner_text()
    assert all("ferries" not in text for text in evidence.all_inner_texts())
    assert page.is_visible("#detail")
    assert page.inner_text("#detail-label") == "supported"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review.png"), full_page=True)

    # Edit it into a false sentence and check again: it is marked, with a reason.
    page.fill("#edit", "Councillor Mara Quint said the change would cost 90,000 euros a year.")
    page.click("#recheck-button")
    page.wait_for_selector("#rewrite .sentence.edited")
    edited = page.locator("#rewrite .sentence.edited")
    assert "90,000" in edited.inner_text()
    assert edited.get_attribute("data-label") in ("unsupported", "contradicted")
    assert page.inner_text("#detail-label") in ("unsupported", "contradicted")
    assert page.inner_text("#detail-reason").strip()
    page.screenshot(path=str(ARTIFACTS / "recheck.png"), full_page=True)

    with page.expect_download() as download:
        page.click("[data-export=markdown]")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "90,000 euros" in text
    assert "Retold from the original. Source: “Harbour council approves" in text
    assert page.errors == []


def test_the_review_works_from_the_keyboard(page: Any, base_url: str) -> None:
    paste_and_rewrite(page, base_url, PAGE)
    page.focus("#rewrite .sentence >> nth=0")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    assert page.is_visible("#detail")
    assert page.input_value("#edit") == focused
    assert page.locator("#source .source-sentence.evidence").count() >= 1
    page.keyboard.press("Escape")
    assert not page.is_visible("#detail")
    assert page.locator("#source .source-sentence.evidence").count() == 0


def test_the_page_fits_a_phone(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    paste_and_rewrite(phone, base_url, PAGE.replace("evening", "late evening"))
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "phone.png"), full_page=True)
    context.close()


def payload_page() -> str:
    """An HTML page whose title, paragraphs and caption hold every payload as text (escaped
    in the HTML, so the cleaner hands them on as the characters a reader would see)."""
    title = escape(f"Payload story {PAYLOADS[0]} {PAYLOADS[3]}")
    paragraphs = "".join(
        f"<p>The board member number {index} wrote {escape(payload)} on the notice board.</p>"
        for index, payload in enumerate(PAYLOADS)
    )
    caption = f"<figure><figcaption>Photo {escape(PAYLOADS[6])} by staff</figcaption></figure>"
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}{caption}</article></body></html>"
    )


def test_script_in_every_field_shows_as_text_and_never_runs(page: Any, base_url: str) -> None:
    """Payloads in the title, the body, a caption and a block the cleaner removes, and so in
    the rewrite, its evidence and the reasons; the page runs none of them."""
    assert len(PAYLOADS) >= 50
    paste_and_rewrite(page, base_url, payload_page())
    assert PAYLOADS[0] in page.inner_text("h1")
    page.click("details.removed summary")
    assert PAYLOADS[0] in page.inner_text("details.removed")
    for sentence in page.locator("#rewrite .sentence").all()[:8]:
        sentence.click()
        assert "window.__xss()" in page.input_value("#edit")
    shown = page.inner_text("#source")
    assert sum(payload in shown for payload in PAYLOADS) >= 45
    assert sum(payload in page.inner_text("#rewrite") for payload in PAYLOADS) >= 45
    page.goto(base_url + "/")
    page.fill("#q", "Payload story")
    page.click("form.search button")
    page.wait_for_load_state()
    link = page.locator("table.articles a", has_text="Payload story")
    assert PAYLOADS[0] in link.inner_text()
    assert page.evaluate("window.__fired") == []
    assert page.errors == []


def test_the_hook_sees_a_payload_that_runs(page: Any) -> None:
    """The detector itself: on a page with no policy and no escaping, a payload does run."""
    page.set_content(f"<p>{PAYLOADS[3]}</p>")
    page.wait_for_function("window.__fired.length > 0")
    assert page.evaluate("window.__fired") == ["xss"]


@pytest.fixture(scope="module")
def guarded_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server that needs a token."""
    folder = tmp_path_factory.mktemp("guarded")
    settings = ServeConfig(
        db=str(folder / "store.sqlite"),
        backends=("fake",),
        cache=False,
        rate_per_minute=0,
        token="newsroom-token-1",
    )
    yield from _serve(settings)


def test_the_page_asks_for_the_token_once(page: Any, guarded_url: str) -> None:
    page.goto(guarded_url + "/")
    assert page.is_visible("#login-form")
    page.fill("#token", "wrong-token")
    page.click("#login-form button")
    # A locator waits without evaluating a string, which the page's policy (script-src
    # 'self', no 'unsafe-eval') refuses to Playwright 1.65's wait_for_function.
    page.locator("#status", has_text="token").wait_for()
    assert "token" in page.inner_text("#status")
    page.fill("#token", "newsroom-token-1")
    page.click("#login-form button")
    page.wait_for_selector("#page-form")
    page.fill("#page-text", PAGE)
    page.click("#clean-button")
    page.wait_for_url("**/articles/*")
    assert page.inner_text("h1") == "Harbour council approves new ferry timetable"
    assert page.errors == []
