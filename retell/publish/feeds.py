"""Atom and RSS feeds of published entries (feedgen). Every entry carries the rewrite, the
credit (title, outlet, date and a link to the original) and a link to its evidence page.
The feed's own times are the newest entry's, so the same store gives the same bytes."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Literal

from feedgen.feed import FeedGenerator

from retell.publish.entries import Entry

FeedKind = Literal["atom", "rss"]

#: The feed's time when there is nothing in it, so an empty feed is stable too.
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def feed(entries: list[Entry], kind: FeedKind, *, base_url: str, title: str) -> bytes:
    """The feed of the entries, newest first; `base_url` is where the site with the
    evidence pages lives (the feed links to it)."""
    generator = FeedGenerator()
    root = base_url.rstrip("/") + "/"
    generator.id(root)
    generator.title(title)
    generator.link(href=root, rel="alternate")
    generator.description(f"{title}: rewrites checked sentence by sentence against their sources")
    generator.language("en")
    newest = max((entry.updated for entry in entries), default=EPOCH)
    generator.updated(newest)
    generator.lastBuildDate(newest)
    for entry in reversed(entries):  # feedgen puts the last added first
        _add(generator, entry, root)
    if kind == "atom":
        return bytes(generator.atom_str(pretty=True))
    return bytes(generator.rss_str(pretty=True))


def _add(generator: FeedGenerator, entry: Entry, root: str) -> None:
    """One entry: the rewrite as HTML, with the credit and the evidence link under it."""
    item = generator.add_entry()
    evidence = root + entry.page
    item.id(f"urn:retell:article:{entry.article_id}")
    item.guid(f"urn:retell:article:{entry.article_id}", permalink=False)
    item.title(entry.title)
    item.link(href=evidence, rel="alternate")
    if entry.link:
        item.link(href=entry.link, rel="related")
    item.updated(entry.updated)
    item.published(entry.updated)
    html = entry_html(entry, evidence)
    item.content(html, type="html")
    item.description(html)


def entry_html(entry: Entry, evidence: str) -> str:
    """The entry's body: the rewrite's paragraphs, the credit, and where to check it."""
    paragraphs = "".join(
        f"<p>{escape(' '.join(row['text'] for row in rows))}</p>" for rows in entry.sentences
    )
    return (
        paragraphs
        + credit_html(entry)
        + (f'<p><a href="{escape(evidence)}">Every sentence beside its evidence</a></p>')
    )


def credit_html(entry: Entry) -> str:
    """The credit: the original's title (linked when its address is known), outlet, date."""
    article = entry.article
    name = escape(article.title or entry.title)
    title = f'<a href="{escape(entry.link)}">{name}</a>' if entry.link else name
    parts = [f"“{title}”"]
    if article.site_name:
        parts.append(escape(article.site_name))
    if article.date:
        parts.append(article.date.isoformat())
    parts.append(escape(article.source) if not entry.link else "")
    shown = ", ".join(part for part in parts if part)
    return f"<p><em>Retold from the original: {shown}.</em></p>"
