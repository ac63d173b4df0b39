"""The stages in order. Read this file first.

ingest (files, folders, stdin, URLs, feeds) → clean/extract (a scraped
text dump or an HTML page becomes an `Article`) → segment and select (the
sentences worth keeping) → rewrite (a backend retells them a few at a
time, each retelling checked) → render. Each input is processed on its own:
one that fails is reported as an `Outcome` carrying its error, and the
others go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from retell import ingest
from retell.article import Article, Result
from retell.backends import DEFAULT_BACKEND, Backend, get_backend
from retell.cache import Cache
from retell.clean import clean_text
from retell.errors import InputNotFound, NoArticle, RetellError
from retell.extract import extract_html
from retell.ingest import Page
from retell.rewrite import Progress, RewriteOptions
from retell.rewrite import rewrite as rewrite_article


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its article, or the error that stopped it."""

    source: str
    article: Article | None = None
    error: RetellError | None = None


@dataclass(frozen=True)
class InputOptions:
    """Limits applied while reading inputs."""

    max_bytes: int = ingest.DEFAULT_MAX_BYTES
    timeout: float = 20.0
    stdin: BinaryIO | None = None


def clean(data: bytes | str, *, url: str | None = None, source: str = "<input>") -> Article:
    """Clean one page given as bytes or text: a scraped dump or an HTML page."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    page = ingest.page_from_bytes(raw, source=source, url=url)
    return clean_page(page)


def clean_page(page: Page) -> Article:
    """The article of one page, by the kind of page it is."""
    if page.kind == "html":
        return extract_html(page.text, source=page.source, url=page.url)
    if page.kind == "feed":
        raise NoArticle(
            "this is a feed, not an article; pass it as an input to clean every entry",
            source=page.source,
        )
    return clean_text(page.text, source=page.source, url=page.url)


def clean_inputs(specs: Iterable[str], options: InputOptions | None = None) -> Iterator[Outcome]:
    """Clean every input in order; folders and feeds expand to their items."""
    options = options or InputOptions()
    for spec in specs:
        try:
            sources = ingest.expand(spec)
            if not sources:
                raise InputNotFound("the folder holds no files", source=spec)
        except RetellError as error:
            yield Outcome(spec, error=error)
            continue
        for source in sources:
            yield from _clean_source(source, options)


def _clean_source(source: str, options: InputOptions) -> Iterator[Outcome]:
    """Clean one file, stream or URL; a feed or URL list yields one outcome per link."""
    try:
        page = _read(source, options)
        links = ingest.links(page)
        if page.kind == "feed" and not links:
            raise NoArticle("the feed has no entries with links", source=source)
        if not links:
            yield Outcome(source, article=clean_page(page))
            return
    except RetellError as error:
        yield Outcome(source, error=error)
        return
    for link in links:
        yield _clean_entry(link, options)


def _clean_entry(link: str, options: InputOptions) -> Outcome:
    """Clean the page a feed entry or list line links to; lists in lists are not followed."""
    try:
        return Outcome(link, article=clean_page(_read(link, options)))
    except RetellError as error:
        return Outcome(link, error=error)


def _read(source: str, options: InputOptions) -> Page:
    """Read one source under the configured limits."""
    return ingest.read(
        source, max_bytes=options.max_bytes, timeout=options.timeout, stdin=options.stdin
    )


def rewrite(
    data: bytes | str | Article,
    *,
    style: str = "rewrite",
    ratio: float = 0.45,
    backend: str | Backend = DEFAULT_BACKEND,
    cache: Cache | None = None,
    progress: Progress | None = None,
) -> Result:
    """Clean a page (or take a clean Article) and rewrite it through a backend."""
    article = data if isinstance(data, Article) else clean(data)
    engine = get_backend(backend) if isinstance(backend, str) else backend
    try:
        return rewrite_article(
            article, engine, RewriteOptions(style, ratio), cache=cache, progress=progress
        )
    finally:
        if isinstance(backend, str):
            engine.close()
