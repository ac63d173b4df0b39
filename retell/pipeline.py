"""The stages in order. Read this file first.

1. ingest   files, folders, stdin, URLs, feeds → `Page`s (`retell.ingest`)
2. extract  a scraped text dump or an HTML page → an `Article` (`retell.extract`)
3. text     sentences, parses and facts every later stage reads (`retell.text`)
4. rewrite  the sentences worth keeping, retold a few at a time (`retell.rewrite`) ...
5. verify   ... each retelling checked against the source before it is kept
            (`retell.verify`, handed to the rewrite stage as its `Critic`)
6. render   the `Result` as markdown, JSON or HTML (`retell.render`)

Each input is processed on its own: one that fails is reported as an
`Outcome` carrying its error, and the others go on. The batch runner and the
command line compose these same calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO

from retell.article import Article, Result
from retell.backends import DEFAULT_BACKEND, Backend, get_backend
from retell.backends.cache import Cache
from retell.config import Price
from retell.errors import InputNotFound, NoArticle, RetellError
from retell.extract.html import extract_html
from retell.extract.scraped import clean_text
from retell.ingest import sources as ingest
from retell.ingest.address import AddressPolicy
from retell.ingest.sources import Page
from retell.render.formats import render_result
from retell.rewrite.draft import Progress, RewriteOptions, draft
from retell.verify import Report, Verifier
from retell.verify import check as check_candidate
from retell.verify.judge import DEFAULT_THRESHOLD, Judge


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
    #: Which addresses URLs may reach; any, without one.
    policy: AddressPolicy | None = None


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
        source,
        max_bytes=options.max_bytes,
        timeout=options.timeout,
        stdin=options.stdin,
        policy=options.policy,
    )


@dataclass(frozen=True)
class CheckOptions:
    """How drafts are checked: whether at all, the judge's threshold, and whether the judge
    reads every sentence or only those the typed checks cannot settle."""

    verify: bool = True
    threshold: float = DEFAULT_THRESHOLD
    judge_all: bool = False


def rewrite_article(
    article: Article,
    backend: Backend,
    options: RewriteOptions,
    *,
    checks: CheckOptions | None = None,
    judge_backend: Backend | None = None,
    cache: Cache | None = None,
    progress: Progress | None = None,
) -> Result:
    """Stages 4 and 5: the rewrite stage drafts, and every retelling goes to the verifier
    before it is kept. The judge runs on `judge_backend`, or on the rewriting backend."""
    checks = checks or CheckOptions()
    if not checks.verify:
        return draft(article, backend, options, cache=cache, progress=progress)
    judge = Judge(judge_backend or backend, threshold=checks.threshold)
    critic = Verifier(article, judge, judge_all=checks.judge_all)
    result = draft(article, backend, options, cache=cache, progress=progress, critic=critic)
    return replace(result, judged=judge.spent)


def rewrite(
    data: bytes | str | Article,
    *,
    style: str = "rewrite",
    ratio: float = 0.45,
    backend: str | Backend = DEFAULT_BACKEND,
    cache: Cache | None = None,
    progress: Progress | None = None,
    checks: CheckOptions | None = None,
) -> Result:
    """Clean a page (or take a clean Article) and rewrite it through a backend, every
    sentence checked against the source unless `checks` says not to."""
    article = data if isinstance(data, Article) else clean(data)
    engine = get_backend(backend) if isinstance(backend, str) else backend
    try:
        options = RewriteOptions(style, ratio)
        return rewrite_article(
            article, engine, options, checks=checks, cache=cache, progress=progress
        )
    finally:
        if isinstance(backend, str):
            engine.close()


def render(
    result: Result,
    fmt: str = "markdown",
    *,
    price: Price | None = None,
    judge_price: Price | None = None,
) -> str:
    """Stage 6: a rewrite as markdown, text, JSON, JSON Lines or HTML, always with the
    credit to its source; JSON carries the cost at `price` (the judge's questions at
    `judge_price`, by default the same), when given."""
    return render_result(result, fmt, price=price, judge_price=judge_price)


def check(
    source: bytes | str | Article,
    candidate: str,
    *,
    backend: str | Backend | None = None,
    checks: CheckOptions | None = None,
) -> Report:
    """Stage 5 on its own: check every sentence of a candidate text (paragraphs separated
    by blank lines) against a source page or Article. The typed checks always run; the
    judge runs on `backend` when one is given."""
    article = source if isinstance(source, Article) else clean(source)
    checks = checks or CheckOptions()
    if backend is None:
        return check_candidate(article, candidate)
    engine = get_backend(backend) if isinstance(backend, str) else backend
    try:
        judge = Judge(engine, threshold=checks.threshold)
        return check_candidate(article, candidate, judge=judge, judge_all=checks.judge_all)
    finally:
        if isinstance(backend, str):
            engine.close()
