"""Which stored rewrites may be published, and each as an `Entry`: the newest rewrite of an
article, for the chosen style, whose every published sentence the checker supported."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Any

from retell.article import Article
from retell.render.formats import article_from_dict
from retell.render.review import review, source_paragraphs
from retell.store.base import Store, StoredArticle


@dataclass(frozen=True)
class Entry:
    """One article as published: its rewrite, laid out for review, and its credit."""

    article_id: str
    key: str
    style: str
    title: str
    text: str
    credit: str
    updated: dt.datetime
    article: Article
    sentences: list[list[dict[str, Any]]]
    source: list[dict[str, Any]]

    @property
    def link(self) -> str | None:
        """The original's address, when the store knows it."""
        return self.article.url if self.article.url else None

    @property
    def page(self) -> str:
        """The path of the entry's evidence page, relative to the site's root."""
        return f"articles/{self.article_id}.html"


@dataclass(frozen=True)
class Filters:
    """Which entries to publish: rewrites made since a time, of one style, the newest N."""

    since: dt.datetime | None = None
    style: str | None = None
    limit: int | None = None


def publishable(rewrite: dict[str, Any]) -> bool:
    """A verified rewrite with sentences, every one of them supported."""
    verdicts = rewrite["verdicts"]
    return (
        bool(rewrite["settings"].get("verify", True))
        and bool(verdicts)
        and all(verdict["label"] == "supported" for verdict in verdicts)
    )


def entries(store: Store, filters: Filters | None = None) -> list[Entry]:
    """Every article's newest publishable rewrite that the filters keep, newest first."""
    filters = filters or Filters()
    found = [entry for stored in store.articles() if (entry := _entry(store, stored, filters))]
    found.sort(key=lambda entry: (entry.updated, entry.article_id), reverse=True)
    return found[: filters.limit] if filters.limit else found


def _entry(store: Store, stored: StoredArticle, filters: Filters) -> Entry | None:
    """The entry of one article, if a rewrite of it may be published."""
    chosen = [
        rewrite
        for rewrite in store.rewrites(stored.id)
        if publishable(rewrite) and filters.style in (None, rewrite["settings"].get("style"))
    ]
    if not chosen:
        return None
    rewrite = chosen[-1]
    updated = dt.datetime.fromtimestamp(rewrite["created"], tz=dt.UTC)
    if filters.since is not None and updated < filters.since:
        return None
    article = article_from_dict(stored.article)
    source = source_paragraphs(article)
    return Entry(
        article_id=stored.id,
        key=rewrite["key"],
        style=rewrite["settings"].get("style", "rewrite"),
        title=article.title or stored.source,
        text=rewrite["result"]["text"],
        credit=rewrite["result"]["credit"],
        updated=updated.replace(microsecond=0),
        article=article,
        sentences=_anchored(review(rewrite), source),
        source=source,
    )


def _anchored(
    paragraphs: list[list[dict[str, Any]]], source: list[dict[str, Any]]
) -> list[list[dict[str, Any]]]:
    """Each published sentence with `anchors`: the ids (`s` and the start offset) of the
    source sentences holding its evidence, in order, each once."""
    starts = sorted(s["start"] for paragraph in source for s in paragraph["sentences"])

    def anchor(offset: int) -> str | None:
        at = bisect.bisect_right(starts, offset) - 1
        return f"s{starts[at]}" if at >= 0 else None

    rows_out = []
    for rows in paragraphs:
        placed = []
        for row in rows:
            anchors = [anchor(start) for start, _ in row["spans"]]
            unique = list(dict.fromkeys(a for a in anchors if a is not None))
            placed.append({**row, "anchors": unique})
        rows_out.append(placed)
    return rows_out
