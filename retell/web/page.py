"""The newsroom page: server-rendered HTML (Jinja2, autoescaped) with one small script.

Every string on these pages came from a scraped page or a model, so none is marked safe:
Jinja2 escapes it, and data for the script travels in attributes (`tojson` in single
quotes) that the browser never runs. The Content-Security-Policy header forbids any
script but /static/retell.js.
"""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from retell.render.formats import article_from_dict, credit
from retell.render.review import review, source_paragraphs
from retell.web.service import Service

ENVIRONMENT = Environment(
    loader=PackageLoader("retell.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)

STATIC = resources.files("retell.web") / "static"


def login_html() -> str:
    """The page that asks for the server's token."""
    return ENVIRONMENT.get_template("login.html").render(title="Token needed")


def router(service: Service) -> APIRouter:
    """The page's routes, bound to one service."""
    pages = APIRouter(include_in_schema=False)

    @pages.get("/", response_class=HTMLResponse)
    def index(q: str | None = Query(None, max_length=200)) -> str:
        """Paste, upload or fetch a page; the stored articles below."""
        store = service.store()
        found = store.search(q, 100) if q else store.recent(100)
        latest = {job.article: job for job in reversed(store.jobs(500)) if job.article}
        rows = [
            {
                "stored": stored,
                "rewrites": len(store.rewrites(stored.id)),
                "job": latest.get(stored.id),
            }
            for stored in found
        ]
        template = ENVIRONMENT.get_template("index.html")
        return template.render(
            title="retell", rows=rows, q=q or "", backends=service.config.backends
        )

    @pages.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: str, rewrite: str | None = None) -> str:
        """The clean article, the rewrite form, and the chosen rewrite beside its source."""
        stored = service.article(article_id)
        source = article_from_dict(stored.article)
        rewrites = service.store().rewrites(stored.id)
        chosen = next(
            (r for r in rewrites if r["key"] == rewrite), rewrites[-1] if rewrites else None
        )
        template = ENVIRONMENT.get_template("article.html")
        return template.render(
            title=source.title or stored.id,
            stored=stored,
            article=source,
            credit=credit(source),
            paragraphs=source_paragraphs(source),
            rewrites=rewrites,
            chosen=chosen,
            review=review(chosen) if chosen else [],
            backends=service.config.backends,
        )

    return pages
