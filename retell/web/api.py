"""The JSON API under /v1: the same library calls the command line makes, as routes."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from html import escape
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, StreamingResponse
from pydantic import BaseModel, Field

from retell.errors import EmptyInput, InputError, InputTooLarge
from retell.ingest import sources as ingest
from retell.render.formats import article_dict, article_from_dict, credit, report_dict
from retell.web.service import RewriteAsk, Service, job_dict, stored_dict

Style = Literal["rewrite", "summary", "brief", "headline"]

#: How often a progress stream looks at its job, in seconds.
EVENT_POLL = 0.25

#: The request body a page can come as, for the OpenAPI schema of routes that read one.
PAGE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"text": {"type": "string"}, "url": {"type": "string"}},
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
            "text/html": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


class Source(BaseModel):
    """A page given as text or as a URL to fetch."""

    text: str | None = Field(None, description="The page: a scraped text dump or HTML.")
    url: str | None = Field(None, description="An http(s) URL to fetch the page from.")


class CheckIn(BaseModel):
    """A candidate to check against a source page or a stored article."""

    candidate: str = Field(..., description="Text; paragraphs separated by blank lines.")
    source: str | None = Field(None, description="The source page as text.")
    article: str | None = Field(None, description="The id of a stored article.")
    judge: bool = Field(False, description="Also ask the model judge (slower).")
    judge_all: bool = Field(
        False,
        description="Ask the judge about every sentence the typed checks pass, not only the "
        "weakly supported ones (as `retell check --judge-all`).",
    )


class CandidateIn(BaseModel):
    """A candidate to check against the article in the path."""

    candidate: str
    judge: bool = False
    judge_all: bool = False


class RewriteIn(BaseModel):
    """A rewrite to make of a stored article, or of a page given here."""

    article: str | None = Field(None, description="The id of a stored article.")
    text: str | None = Field(None, description="A page as text, stored first.")
    url: str | None = Field(None, description="A page to fetch and store first.")
    style: Style = "rewrite"
    ratio: float = Field(0.45, ge=0.05, le=1.0)
    sentences: int = Field(3, ge=1, le=30)
    words: int | None = Field(None, ge=6, le=2000)
    backend: str | None = Field(None, description="One of the backends the server offers.")


class BatchIn(BaseModel):
    """URLs (pages, feeds or URL lists) to read and rewrite into the store."""

    urls: list[str] = Field(..., min_length=1, max_length=1000)
    style: Style = "rewrite"
    ratio: float = Field(0.45, ge=0.05, le=1.0)
    sentences: int = Field(3, ge=1, le=30)
    backend: str | None = None
    max_tokens: int | None = Field(
        None, ge=1, description="Stop starting rewrites past this many tokens; ask again to go on."
    )
    max_cost: float | None = Field(
        None,
        gt=0,
        description="Stop starting rewrites once this much is spent, at the price retell.toml "
        "gives the batch's backend (a batch asking for a limit without one is refused); ask "
        "again to go on.",
    )


class ExportIn(BaseModel):
    """A text to export with the article's credit line: a rewrite, edited or not."""

    text: str
    format: Literal["markdown", "html", "json"] = "markdown"


class ErrorDetail(BaseModel):
    """An error as the command line prints it."""

    kind: str = Field(..., description="The error's class, as in retell.errors.")
    exit_code: int = Field(..., description="The exit code the command line ends with.")
    message: str
    source: str | None = Field(None, description="The input the error is about.")
    line: str = Field(..., description="The one line the command line prints.")


class ErrorOut(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


#: The error statuses any route may answer with, each with the JSON error body.
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": meaning}
    for status, meaning in {
        400: "the input or request cannot be used",
        401: "the server's token is missing or wrong",
        403: "the URL's address is not public",
        404: "no such article, job or route",
        413: "the body or page is over the size limit",
        415: "the input is not text",
        422: "no article in the page, or a request that does not fit the schema",
        429: "too many requests from this client",
        502: "the URL could not be fetched",
        503: "the backend failed",
    }.items()
}


def router(service: Service) -> APIRouter:
    """The /v1 routes, bound to one service."""
    api = APIRouter(prefix="/v1", responses=ERRORS)
    _page_routes(api, service)
    _article_routes(api, service)
    _job_routes(api, service)
    return api


def _page_routes(api: APIRouter, service: Service) -> None:
    """Cleaning and checking pages, stateless."""

    @api.post("/clean", openapi_extra=PAGE_BODY)
    async def clean(request: Request) -> dict[str, Any]:
        """Clean a page (text, upload or URL) into the article JSON `retell clean` prints."""
        raw = await page_of(request, service)
        article = await run_in_threadpool(service.clean, raw)
        return article_dict(article)

    @api.post("/articles", status_code=201, openapi_extra=PAGE_BODY)
    async def add_article(request: Request) -> dict[str, Any]:
        """Clean a page and keep its article in the store; a page kept before is found."""
        raw = await page_of(request, service)
        stored = await run_in_threadpool(service.keep, raw)
        return {**stored_dict(stored), "article": stored.article}

    @api.post("/check")
    def check(body: CheckIn) -> dict[str, Any]:
        """Check every sentence of a candidate against a source: the `retell check` report."""
        stored = service.article(body.article) if body.article is not None else None
        if stored is not None:
            source = article_from_dict(stored.article)
        elif body.source is not None:
            raw = ingest.Raw("<source>", _text_bytes(body.source, service))
            source = service.clean(raw)
        else:
            raise InputError("give a source page or a stored article's id", source="<request>")
        known = stored.id if stored is not None else None
        report = service.check(
            source, body.candidate, judge=body.judge, judge_all=body.judge_all, article_id=known
        )
        return report_dict(report)


def _article_routes(api: APIRouter, service: Service) -> None:
    """Stored articles: listing, search, checks and exports against them."""

    @api.get("/articles")
    def articles(
        q: Annotated[str | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
    ) -> dict[str, Any]:
        """Stored articles, newest first; `q` searches titles and sources."""
        store = service.store()
        found = store.search(q, limit) if q else store.recent(limit)
        return {"articles": [stored_dict(stored) for stored in found]}

    @api.get("/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        """A stored article with its rewrites, each with its sentences' verdicts."""
        stored = service.article(article_id)
        rewrites = service.store().rewrites(stored.id)
        return {**stored_dict(stored), "article": stored.article, "rewrites": rewrites}

    @api.post("/articles/{article_id}/check")
    def check_article(article_id: str, body: CandidateIn) -> dict[str, Any]:
        """Check a candidate (an edited sentence, say) against a stored article."""
        stored = service.article(article_id)
        source = article_from_dict(stored.article)
        report = service.check(
            source, body.candidate, judge=body.judge, judge_all=body.judge_all, article_id=stored.id
        )
        return report_dict(report)

    @api.post("/articles/{article_id}/export", response_model=None)
    def export(article_id: str, body: ExportIn) -> PlainTextResponse | dict[str, Any]:
        """A text as markdown, HTML or JSON, always with the article's credit line."""
        source = article_from_dict(service.article(article_id).article)
        return exported(body.text, credit(source), body.format)


def _job_routes(api: APIRouter, service: Service) -> None:
    """Rewrites and batches as jobs, and their progress."""

    @api.post("/rewrites", status_code=202)
    async def rewrites(body: RewriteIn) -> dict[str, Any]:
        """Queue a rewrite; answers at once with the job to follow."""
        article_id = body.article or await _kept_id(body, service)
        ask = RewriteAsk(
            article_id, body.style, body.ratio, body.sentences, body.words, body.backend
        )
        job = await run_in_threadpool(service.submit_rewrite, ask)
        return job_dict(job)

    @api.post("/batches", status_code=202)
    def batches(body: BatchIn) -> dict[str, Any]:
        """Queue a batch over URLs; its articles and rewrites go into the store."""
        ask = RewriteAsk("", body.style, body.ratio, body.sentences, None, body.backend)
        job = service.submit_batch(
            body.urls, ask, max_tokens=body.max_tokens, max_cost=body.max_cost
        )
        return job_dict(job)

    @api.get("/jobs")
    def jobs(limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
        """The most recent jobs, newest first."""
        return {"jobs": [job_dict(job) for job in service.store().jobs(limit)]}

    @api.get("/jobs/{job_id}")
    def job(job_id: str) -> dict[str, Any]:
        """A job's state, progress and outcome."""
        return job_dict(service.job(job_id))

    @api.get("/jobs/{job_id}/events", response_class=StreamingResponse)
    def events(job_id: str) -> StreamingResponse:
        """A server-sent-events stream of a job's progress, ending when the job does."""
        service.job(job_id)
        return StreamingResponse(_events(service, job_id), media_type="text/event-stream")


async def page_of(request: Request, service: Service) -> ingest.Raw:
    """The page a request carries: JSON with text or a URL, an upload, or a raw body."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        return await _upload(request, service)
    body = await request.body()
    if kind == "application/json":
        try:
            source = Source.model_validate_json(body or b"{}")
        except ValueError as error:
            raise InputError(f"the JSON body is not valid: {error}", source="<request>") from error
        return await _source_raw(source, service)
    return ingest.Raw("<upload>", _sized(body, service))


async def _upload(request: Request, service: Service) -> ingest.Raw:
    """The file of a multipart upload."""
    form = await request.form(max_files=1, max_fields=4)
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise InputError("the upload has no file field", source="<upload>")
    data = await upload.read(service.config.max_body + 1)
    return ingest.Raw(upload.filename or "<upload>", _sized(data, service))


async def _source_raw(source: Source, service: Service) -> ingest.Raw:
    """The page a JSON body names: its text, or the URL fetched."""
    if source.url:
        return await run_in_threadpool(service.read_url, source.url)
    if source.text is None:
        raise EmptyInput("give the page as text or a URL", source="<request>")
    return ingest.Raw("<pasted>", _text_bytes(source.text, service))


async def _kept_id(body: RewriteIn, service: Service) -> str:
    """Store the page a rewrite request carries and return its article's id."""
    source = Source(text=body.text, url=body.url)
    raw = await _source_raw(source, service)
    stored = await run_in_threadpool(service.keep, raw)
    return stored.id


def _text_bytes(text: str, service: Service) -> bytes:
    """Text as UTF-8, under the body limit."""
    return _sized(text.encode("utf-8"), service)


def _sized(data: bytes, service: Service) -> bytes:
    """The bytes, or InputTooLarge past the server's limit."""
    if len(data) > service.config.max_body:
        limit = service.config.max_body
        raise InputTooLarge(f"is larger than the {limit:,} bytes limit", source="<request>")
    return data


def exported(text: str, line: str, fmt: str) -> PlainTextResponse | dict[str, Any]:
    """A text with its credit line as markdown, HTML or JSON."""
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]
    if fmt == "json":
        return {"text": "\n\n".join(paragraphs), "credit": line}
    if fmt == "html":
        body = "".join(f"<p>{escape(paragraph)}</p>\n" for paragraph in paragraphs)
        page = f"<article>\n{body}<p><em>Retold from the original. {escape(line)}</em></p>\n"
        return PlainTextResponse(page + "</article>\n", media_type="text/html")
    markdown = "\n\n".join([*paragraphs, f"*Retold from the original. {line}*"]) + "\n"
    return PlainTextResponse(markdown, media_type="text/markdown")


async def _events(service: Service, job_id: str) -> AsyncIterator[str]:
    """Send the job whenever its state or progress changes; stop after its final state."""
    last: tuple[str, int, int | None] | None = None
    while True:
        job = await run_in_threadpool(service.job, job_id)
        now = (job.state, job.done, job.total)
        if now != last:
            last = now
            yield f"event: {job.state}\ndata: {json.dumps(job_dict(job))}\n\n"
        if job.finished:
            return
        await asyncio.sleep(EVENT_POLL)
