"""A static site of published entries (Jinja2, plain HTML and CSS, no script): an index by
date, and a page per article with the rewrite beside the source, every sentence linked to
its evidence. The evidence lights up by CSS `:target`, so the links work without script."""

from __future__ import annotations

from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape

from retell.publish.entries import Entry
from retell.publish.feeds import credit_html

ENVIRONMENT = Environment(
    loader=PackageLoader("retell.publish", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    keep_trailing_newline=True,
)

FEED = "feed.xml"


def site_files(entries: list[Entry], *, title: str, feed: bytes | None) -> dict[str, bytes]:
    """Every file of the site by its path under the site's folder."""
    files = {
        "index.html": _render(
            "index.html", root="", title=title, entries=entries, feed=feed is not None
        ),
        "style.css": (resources.files("retell.publish") / "templates" / "style.css").read_bytes(),
    }
    for entry in entries:
        files[entry.page] = _render(
            "article.html",
            root="../",
            title=title,
            entry=entry,
            credit=credit_html(entry),
            feed=feed is not None,
        )
    if feed is not None:
        files[FEED] = feed
    return files


def _render(template: str, **context: object) -> bytes:
    """A page of the site as UTF-8."""
    return ENVIRONMENT.get_template(template).render(**context).encode("utf-8")
