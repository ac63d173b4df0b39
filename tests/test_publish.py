"""`retell publish`: feeds and a static site from a batch of the seed and five English pages
(fake backend), valid, crediting every source, idempotent, never publishing a rewrite with
an unsupported sentence, and with evidence links that work in Chromium without script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from click.testing import CliRunner

from retell.cli.main import cli
from retell.publish.entries import entries
from retell.store.sqlite import SQLiteStore

from .conftest import add_rewrite
from .test_web_browser import CHROMIUM, CHROMIUM_ARGS

BASE = "https://news.example.org/retold/"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder a test publishes into, apart from its store."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def publish(batch_copy: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return run(
        "publish", "--db", str(batch_copy), "--to", f"site:{out / 'site'}",
        "--to", f"atom:{out / 'feed.atom'}", "--to", f"rss:{out / 'feed.rss'}",
        "--base-url", BASE, *extra,
    )  # fmt: skip


def test_feeds_validate_and_credit_every_source(batch_copy: Path, out: Path) -> None:
    code, stdout, stderr = publish(batch_copy, out)
    assert code == 0, stderr
    assert "site:" in stdout and "6 entries" in stdout
    titles = {entry.title for entry in entries(SQLiteStore(batch_copy))}
    for name in ("feed.atom", "feed.rss", "site/feed.xml"):
        parsed = feedparser.parse(str(out / name))
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert {entry.title for entry in parsed.entries} == titles
        for entry in parsed.entries:
            body = entry.content[0].value if "content" in entry else entry.summary
            assert "Retold from the original: “" in body
            assert f"{BASE}articles/" in entry.link
    atom = feedparser.parse(str(out / "feed.atom"))
    assert atom.version == "atom10"
    assert feedparser.parse(str(out / "feed.rss")).version == "rss20"


def test_a_second_run_changes_nothing(batch_copy: Path, out: Path) -> None:
    publish(batch_copy, out)
    before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    code, stdout, _ = publish(batch_copy, out)
    assert code == 0
    assert stdout.count("nothing to change") == 3
    after = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    assert after == before


def _newest_rewrite(batch_copy: Path, article_id: str) -> dict[str, Any]:
    opened = SQLiteStore(batch_copy)
    rewrite: dict[str, Any] = opened.rewrites(article_id)[-1]
    opened.close()
    return rewrite


def test_unsupported_rewrites_are_never_published_and_a_new_one_updates(
    batch_copy: Path, out: Path
) -> None:
    publish(batch_copy, out)
    first = entries(SQLiteStore(batch_copy))[-1]
    page = out / "site" / first.page
    add_rewrite(
        batch_copy, first.article_id, "The bridge was blown up by pirates.", "unsupported", "k1"
    )
    _, stdout, _ = publish(batch_copy, out)
    assert stdout.count("nothing to change") == 3, stdout
    assert "pirates" not in (out / "feed.atom").read_text(encoding="utf-8")

    add_rewrite(batch_copy, first.article_id, "A checked new retelling.", "supported", "k2")
    _, stdout, _ = publish(batch_copy, out)
    assert f"updated  {page}" in stdout
    assert "A checked new retelling." in page.read_text(encoding="utf-8")
    atom = feedparser.parse(str(out / "feed.atom"))
    assert sum("A checked new retelling." in e.content[0].value for e in atom.entries) == 1
    assert len(atom.entries) == 6


def test_an_article_left_with_no_publishable_rewrite_is_taken_down(
    batch_copy: Path, out: Path
) -> None:
    publish(batch_copy, out)
    gone = entries(SQLiteStore(batch_copy))[0]
    opened = SQLiteStore(batch_copy)
    with opened.transaction() as db:
        db.execute("UPDATE verdicts SET label = 'contradicted' WHERE rewrite IN "
                   "(SELECT key FROM rewrites WHERE article = ?)", (gone.article_id,))  # fmt: skip
    opened.close()
    _, stdout, _ = publish(batch_copy, out)
    assert f"removed  {out / 'site' / gone.page}" in stdout
    assert not (out / "site" / gone.page).exists()
    assert len(feedparser.parse(str(out / "feed.rss")).entries) == 5


def test_filters_and_a_dry_run(batch_copy: Path, out: Path) -> None:
    code, stdout, _ = publish(batch_copy, out, "--limit", "2", "--dry-run")
    assert code == 0 and "2 entries; would change" in stdout
    assert not any(out.iterdir())
    code, stdout, _ = publish(batch_copy, out, "--style", "summary")
    assert "0 entries" in stdout
    code, stdout, _ = publish(batch_copy, out, "--since", "2999-01-01")
    assert "0 entries" in stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "gopher:x"], "choose atom:FILE, rss:FILE or site:DIR"),
        (["--to", "atom:feed.xml"], "give --base-url"),
    ],
)
def test_bad_targets_fail_in_one_line(batch_copy: Path, args: list[str], message: str) -> None:
    code, _, stderr = run("publish", "--db", str(batch_copy), *args)
    assert code == 2
    assert message in stderr and len(stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    driver_module = pytest.importorskip("playwright.sync_api")
    with driver_module.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_the_site_opens_and_its_evidence_links_work_without_script(
    batch_copy: Path, out: Path, browser: Any
) -> None:
    publish(batch_copy, out)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((out / "site" / "index.html").as_uri())
    links = page.locator("ol.entries a")
    assert links.count() == 6
    links.first.click()
    page.wait_for_load_state()
    assert "Retold from the original" in page.inner_text(".credit")
    checked = 0
    for sentence in page.locator("a.sentence").all()[:6]:
        sentence.click()
        target = page.evaluate(
            "(() => { const t = document.querySelector(':target');"
            " return t ? [t.className, t.textContent] : null; })()"
        )
        assert target is not None and target[0] == "source"
        words = set(target[1].lower().split())
        shared = words & set(sentence.inner_text().lower().split())
        assert len(shared) >= 3, (sentence.inner_text(), target[1])
        checked += 1
    assert checked >= 3
    context.close()
