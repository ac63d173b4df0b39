"""`retell publish --to wordpress:URL` against a real WordPress (Debian's, on loopback, see
tests/wordpress.py): drafts made from a batch's verified rewrites, published on request,
updated when an article is rewritten again, and left alone when nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from retell.cli.main import cli
from retell.publish.entries import entries
from retell.store.sqlite import SQLiteStore

from . import wordpress
from .conftest import add_rewrite


@pytest.fixture(scope="module")
def site() -> Iterator[wordpress.Account]:
    if not wordpress.installed():
        pytest.fail("WordPress is missing: install Debian's wordpress, mariadb-server and php-cli")
    with wordpress.server() as account:
        yield account


def publish(site: wordpress.Account, store: Path, *extra: str, password: str | None = None) -> Any:
    env = {
        "RETELL_WORDPRESS_USER": site.user,
        "RETELL_WORDPRESS_PASSWORD": password or site.password,
    }
    args = ["publish", "--db", str(store), "--to", f"wordpress:{site.url}", *extra]
    return CliRunner().invoke(cli, args, env=env)


def posts(site: wordpress.Account) -> list[dict[str, Any]]:
    """Every post retell made, with its raw fields."""
    response = httpx.get(
        site.url + "/",
        params={"rest_route": "/wp/v2/posts", "status": "any", "context": "edit", "per_page": 100},
        auth=(site.user, site.password),
        timeout=60,
    )
    response.raise_for_status()
    return [post for post in response.json() if post["slug"].startswith("retell-")]


def test_drafts_then_published_then_updated_and_otherwise_left_alone(
    site: wordpress.Account, batch_copy: Path
) -> None:
    first = publish(site, batch_copy)
    assert first.exit_code == 0, first.stderr
    assert "6 entries; changed 6 posts" in first.stdout
    made = posts(site)
    assert len(made) == 6 and {post["status"] for post in made} == {"draft"}
    titles = {entry.title for entry in entries(SQLiteStore(batch_copy))}
    assert {post["title"]["raw"] for post in made} == titles
    assert all("Retold from the original: “" in post["content"]["raw"] for post in made)

    again = publish(site, batch_copy)
    assert "changed 0 posts" in again.stdout

    live = publish(site, batch_copy, "--status", "publish")
    assert "changed 6 posts" in live.stdout
    assert {post["status"] for post in posts(site)} == {"publish"}
    assert "changed 0 posts" in publish(site, batch_copy).stdout, "a draft run keeps them published"

    newest = entries(SQLiteStore(batch_copy))[0]
    add_rewrite(batch_copy, newest.article_id, "A checked new retelling.", "supported", "k-wp")
    updated = publish(site, batch_copy)
    assert f"updated  {site.url} retell-{newest.article_id}" in updated.stdout
    assert "changed 1 posts" in updated.stdout
    [post] = [p for p in posts(site) if p["slug"] == f"retell-{newest.article_id}"]
    assert "A checked new retelling." in post["content"]["raw"] and post["status"] == "publish"
    assert len(posts(site)) == 6


def test_a_wrong_password_or_none_fails_in_one_line(
    site: wordpress.Account, batch_copy: Path
) -> None:
    wrong = publish(site, batch_copy, password="not the password")
    assert wrong.exit_code == 9
    assert "WordPress answered 40" in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1
    missing = CliRunner().invoke(
        cli, ["publish", "--db", str(batch_copy), "--to", f"wordpress:{site.url}"],
        env={"RETELL_WORDPRESS_USER": "", "RETELL_WORDPRESS_PASSWORD": ""},
    )  # fmt: skip
    assert missing.exit_code == 2 and "set RETELL_WORDPRESS_USER" in missing.stderr
