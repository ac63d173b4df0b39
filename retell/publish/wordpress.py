"""Posts on a WordPress site, through its REST API (`/wp/v2/posts`), one per article.

Each post carries the rewrite, the credit and a link to the original, and is found again
by its slug (`retell-<article id>`), so publishing again updates the same post and changes
nothing when nothing changed. Posts are drafts unless asked to be published. The account
is a WordPress user with an application password, both read from the environment
(`RETELL_WORDPRESS_USER`, `RETELL_WORDPRESS_PASSWORD`), never from a file or the command
line. Routes are addressed as `?rest_route=`, which works with or without pretty links.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from retell.errors import FetchError, PublishError
from retell.publish.entries import Entry
from retell.publish.feeds import credit_html

Action = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True)
class Site:
    """A WordPress site and the account retell posts as."""

    url: str
    user: str
    password: str
    status: str = "draft"

    @classmethod
    def from_environment(cls, url: str, status: str) -> Site:
        """The site at `url`, with the account the environment names."""
        user = os.environ.get("RETELL_WORDPRESS_USER")
        password = os.environ.get("RETELL_WORDPRESS_PASSWORD")
        if not user or not password:
            raise PublishError(
                "set RETELL_WORDPRESS_USER and RETELL_WORDPRESS_PASSWORD (an application "
                "password) to publish to WordPress",
                source=url,
            )
        return cls(url.rstrip("/"), user, password, status)


def slug(entry: Entry) -> str:
    """The post's slug, by which a later run finds it."""
    return f"retell-{entry.article_id}"


def content(entry: Entry) -> str:
    """The post's HTML: the rewrite's paragraphs and the credit with the original's link."""
    from html import escape

    paragraphs = "\n\n".join(
        f"<p>{escape(' '.join(row['text'] for row in rows))}</p>" for rows in entry.sentences
    )
    return f"{paragraphs}\n\n{credit_html(entry)}"


class Client:
    """Calls to one site's REST API as its account."""

    def __init__(self, site: Site, timeout: float = 30.0) -> None:
        self.site = site
        self.http = httpx.Client(auth=(site.user, site.password), timeout=timeout)

    def call(self, method: str, route: str, **options: Any) -> Any:
        """One API call; a refusal or a broken connection is a FetchError naming why."""
        params = {"rest_route": f"/wp/v2/{route}", **options.pop("params", {})}
        try:
            response = self.http.request(method, self.site.url + "/", params=params, **options)
        except httpx.HTTPError as error:
            raise FetchError(
                f"WordPress could not be reached: {error}", source=self.site.url
            ) from error
        if response.status_code >= 400:
            message = _message(response)
            raise FetchError(
                f"WordPress answered {response.status_code}: {message}", source=self.site.url
            )
        return response.json()

    def find(self, name: str) -> dict[str, Any] | None:
        """The post with this slug, in any status, with its raw fields."""
        found = self.call("GET", "posts", params={"slug": name, "status": "any", "context": "edit"})
        return found[0] if found else None

    def close(self) -> None:
        """Close the connection."""
        self.http.close()


def _message(response: httpx.Response) -> str:
    """The error message WordPress sent, or the start of the body."""
    try:
        return str(response.json().get("message", ""))[:200]
    except ValueError:
        return response.text[:200]


def publish(site: Site, entries: list[Entry], *, dry_run: bool = False) -> list[tuple[Action, str]]:
    """Create or update one post per entry; returns what happened to each (by slug)."""
    client = Client(site)
    try:
        return [_one(client, entry, dry_run) for entry in entries]
    finally:
        client.close()


def _one(client: Client, entry: Entry, dry_run: bool) -> tuple[Action, str]:
    """Create, update or leave one post."""
    wanted = {"title": entry.title, "content": content(entry), "status": client.site.status}
    post = client.find(slug(entry))
    if post is None:
        if not dry_run:
            client.call("POST", "posts", json={**wanted, "slug": slug(entry)})
        return "new", slug(entry)
    current = {
        "title": post["title"]["raw"],
        "content": post["content"]["raw"],
        "status": post["status"],
    }
    if client.site.status != "publish":
        # A post an editor has published stays published: a draft run does not take it back.
        wanted["status"] = post["status"]
    if current == wanted:
        return "unchanged", slug(entry)
    if not dry_run:
        client.call("POST", f"posts/{post['id']}", json=wanted)
    return "updated", slug(entry)
