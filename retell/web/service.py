"""What `retell serve` does behind its routes: read and clean pages, keep articles in the
store, check candidates, and run rewrite and batch jobs on a small worker pool.

Every job is a row in the store before it is queued, and its state, progress and outcome
are written there as they change, so any process reading the store sees them, and a
server started again on the same store takes up what the last one left unfinished: each
job is run again (the answer cache makes that cheap), and one that was already tried
`MAX_ATTEMPTS` times is marked failed with the reason, never silently dropped.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from retell.article import Article
from retell.backends import Backend, get_backend
from retell.backends.cache import Cache
from retell.backends.models import cache_dir
from retell.batch import dedup
from retell.batch.engine import make_engine
from retell.batch.run import Batch, Counts, store_new_article, usage_of
from retell.batch.worker import Settings
from retell.config import Price, priced
from retell.errors import InputError, InputNotFound, JobTimedOut, RetellError, UnknownBackend
from retell.ingest import sources as ingest
from retell.ingest.address import AddressPolicy
from retell.pipeline import CheckOptions, InputOptions, check, clean_page, rewrite_article
from retell.render.formats import (
    article_dict,
    article_from_dict,
    published_verdicts,
    result_dict,
    verdict_dict,
)
from retell.rewrite.draft import RewriteOptions
from retell.store import open_store
from retell.store.base import (
    Failure,
    Store,
    StoredArticle,
    StoredJob,
    Usage,
    page_hash,
    settings_key,
)
from retell.verify import Report

#: Runs of one job before a restarted server gives up on it: the second start after a crash
#: mid-job means the job itself may be what brings the server down.
MAX_ATTEMPTS = 2


@dataclass(frozen=True)
class ServeConfig:
    """How the service runs. `backends` are the only backends a request may name; the
    first is the default. Sizes are in bytes and times in seconds."""

    db: str = "retell.sqlite"
    backends: tuple[str, ...] = ("local",)
    workers: int = 1
    allow_private: bool = False
    token: str | None = None
    max_body: int = 5 * 1024 * 1024
    fetch_timeout: float = 20.0
    job_timeout: float = 1800.0
    rate_per_minute: int = 600
    cache: bool = True
    #: Prices per backend string, from retell.toml: what a batch's cost limit counts at.
    prices: dict[str, Price] = field(default_factory=dict)


@dataclass(frozen=True)
class RewriteAsk:
    """A rewrite a client asked for."""

    article: str
    style: str = "rewrite"
    ratio: float = 0.45
    sentences: int = 3
    words: int | None = None
    backend: str | None = None

    def settings(self, default_backend: str) -> dict[str, Any]:
        """Every setting that shapes the rewrite, as its store key is made from."""
        return {
            "style": self.style,
            "ratio": self.ratio,
            "sentences": self.sentences,
            "words": self.words,
            "backend": self.backend or default_backend,
            "verify": True,
        }


class Service:
    """The state one server process shares between its requests and its workers."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.policy = AddressPolicy(allow_private=config.allow_private)
        self._local = threading.local()
        self._backends: dict[str, Backend] = {}
        self._backend_locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._articles = threading.Lock()
        self._duplicates = dedup.Duplicates()
        for article_id, signature in self.store().originals():
            self._duplicates.add(article_id, dedup.from_bytes(signature))
        self._pool = ThreadPoolExecutor(config.workers, thread_name_prefix="retell-job")

    # ------------------------------------------------------------ store and backends

    def store(self) -> Store:
        """This thread's connection to the store (SQLite connections stay in one thread)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.config.db)
            self._local.store = store
        return store

    def backend_spec(self, asked: str | None) -> str:
        """The backend a request may use: one the server was started with."""
        if asked is None:
            return self.config.backends[0]
        if asked not in self.config.backends:
            allowed = ", ".join(self.config.backends)
            raise UnknownBackend(f"this server offers only: {allowed}", source=asked)
        return asked

    @contextmanager
    def backend(self, spec: str) -> Iterator[Backend]:
        """A backend built once per spec, used by one caller at a time (a local model is
        not safe to share between threads)."""
        with self._guard:
            lock = self._backend_locks.setdefault(spec, threading.Lock())
        with lock:
            if spec not in self._backends:
                self._backends[spec] = get_backend(spec)
            yield self._backends[spec]

    def cache(self) -> Cache | None:
        """This thread's answer cache, unless the server runs without one."""
        if not self.config.cache:
            return None
        cache: Cache | None = getattr(self._local, "cache", None)
        if cache is None:
            cache = Cache(cache_dir() / "answers.sqlite")
            self._local.cache = cache
        return cache

    # ------------------------------------------------------------ pages and articles

    def read_url(self, url: str) -> ingest.Raw:
        """Fetch a URL under the server's address policy and limits."""
        if not url.lower().startswith(("http://", "https://")):
            raise InputError("only http and https URLs can be fetched", source=url)
        return ingest.read_raw(
            url,
            max_bytes=self.config.max_body,
            timeout=self.config.fetch_timeout,
            policy=self.policy,
        )

    def clean(self, raw: ingest.Raw) -> Article:
        """The article of a page's bytes."""
        return clean_page(ingest.page_from_raw(raw, max_bytes=self.config.max_body))

    def keep(self, raw: ingest.Raw) -> StoredArticle:
        """Clean a page and store its article; a page stored before gives its article back."""
        article = self.clean(raw)
        store = self.store()
        with self._articles:
            known = store.article(ingest_key(raw))
            if known is not None:
                return known
            return store_new_article(
                store, self._duplicates, raw.source, raw, article_dict(article)
            )

    def article(self, article_id: str) -> StoredArticle:
        """A stored article by its id, or InputNotFound."""
        found = self.store().article(article_id) if len(article_id) >= 4 else None
        if found is None:
            raise InputNotFound("no stored article has this id", source=article_id)
        return found

    def check(
        self,
        article: Article,
        candidate: str,
        *,
        judge: bool,
        judge_all: bool = False,
        article_id: str | None = None,
    ) -> Report:
        """Check a candidate against an article: the typed checks, and the default backend's
        judge when asked for, whose tokens are recorded as a "check" usage row (against
        the stored article, when the check is of one)."""
        if not judge:
            return check(article, candidate)
        spec = self.config.backends[0]
        with self.backend(spec) as engine:
            options = CheckOptions(judge_all=judge_all)
            report = check(article, candidate, backend=engine, checks=options)
        if report.judged is not None and report.judged.calls:
            spent = report.judged
            usage = Usage(
                "check", spec, spent.prompt_tokens, spent.completion_tokens, spent.seconds
            )
            self.store().add_usage(usage, article_id)
        return report

    # ------------------------------------------------------------ jobs

    def submit_rewrite(self, ask: RewriteAsk) -> StoredJob:
        """Record a rewrite job and queue it; it runs off the request path."""
        stored = self.article(ask.article)
        request = {**ask.settings(self.backend_spec(ask.backend)), "article": stored.id}
        return self._submit("rewrite", request, stored.id)

    def submit_batch(
        self,
        urls: list[str],
        ask: RewriteAsk,
        *,
        max_tokens: int | None = None,
        max_cost: float | None = None,
    ) -> StoredJob:
        """Record a batch job over URLs and queue it; past `max_tokens` tokens or
        `max_cost` spent (at the configured price of its backend, which it needs) it stops
        starting rewrites and fails as BudgetSpent, and the same batch asked again goes on."""
        for url in urls:
            if not url.lower().startswith(("http://", "https://")):
                raise InputError("a batch takes only http and https URLs", source=url)
        request = {**ask.settings(self.backend_spec(ask.backend)), "urls": urls}
        if max_cost is not None:
            priced(self.config.prices, [request["backend"]])
        limits = {"max_tokens": max_tokens, "max_cost": max_cost}
        return self._submit("batch", {**request, **limits}, None)

    def _submit(self, kind: str, request: dict[str, Any], article: str | None) -> StoredJob:
        """Write the job, then queue it."""
        job_id = uuid.uuid4().hex
        self.store().add_job(job_id, kind, request, article)
        self._pool.submit(self._run, job_id)
        job = self.store().job(job_id)
        assert job is not None
        return job

    def job(self, job_id: str) -> StoredJob:
        """A job by its id, or InputNotFound."""
        found = self.store().job(job_id)
        if found is None:
            raise InputNotFound("no job has this id", source=job_id)
        return found

    def resume(self) -> list[str]:
        """Queue again every job a stopped server left unfinished, failing those already
        tried MAX_ATTEMPTS times; returns the ids queued."""
        queued = []
        for job in self.store().unfinished_jobs():
            if job.attempts >= MAX_ATTEMPTS:
                failure = Failure(
                    "RetellError",
                    1,
                    f"the server stopped while this job ran, {job.attempts} times; "
                    "it is not tried again",
                )
                self.store().fail_job(job.id, failure)
                continue
            self._pool.submit(self._run, job.id)
            queued.append(job.id)
        return queued

    def _run(self, job_id: str) -> None:
        """Run one job in a worker thread and record how it ended."""
        store = self.store()
        store.start_job(job_id)
        job = store.job(job_id)
        assert job is not None
        try:
            result = self._rewrite(job) if job.kind == "rewrite" else self._batch(job)
        except RetellError as error:
            store.fail_job(job_id, Failure.of(error))
            return
        except Exception as error:  # noqa: BLE001
            # A worker thread that dies takes its job's failure with it: record it instead.
            store.fail_job(job_id, Failure.unexpected(error))
            return
        store.finish_job(job_id, result)

    def _rewrite(self, job: StoredJob) -> str:
        """Rewrite the job's article and store the result; returns the rewrite's key."""
        store = self.store()
        settings = {key: value for key, value in job.request.items() if key != "article"}
        key = settings_key(job.request["article"], settings)
        if store.has_rewrite(key):
            return key
        stored = self.article(job.request["article"])
        article = article_from_dict(stored.article)
        options = RewriteOptions(
            settings["style"], settings["ratio"], settings["sentences"], settings["words"]
        )
        deadline = time.monotonic() + self.config.job_timeout

        def progress(done: int, total: int) -> None:
            if time.monotonic() > deadline:
                limit = f"{self.config.job_timeout:g} s"
                raise JobTimedOut(f"the rewrite ran past the {limit} limit", source=stored.id)
            store.job_progress(job.id, done, total)

        with self.backend(settings["backend"]) as engine:
            result = rewrite_article(
                article,
                engine,
                options,
                checks=CheckOptions(),
                cache=self.cache(),
                progress=progress,
            )
        verdicts = [verdict_dict(verdict) for verdict in published_verdicts(result)]
        summary = result_dict(result)
        store.add_rewrite(
            key, stored.id, settings, summary, verdicts, usage_of(summary, settings["backend"])
        )
        return key

    def _batch(self, job: StoredJob) -> dict[str, int]:
        """Run a batch over the job's URLs into the store; returns its counts."""
        request = job.request
        settings = Settings(
            request["style"], request["ratio"], request["sentences"], request["backend"]
        )
        inputs = InputOptions(
            max_bytes=self.config.max_body, timeout=self.config.fetch_timeout, policy=self.policy
        )
        progress = _JobProgress(self.store(), job.id)
        batch = Batch(
            self.store(),
            settings,
            inputs=inputs,
            progress=progress,
            max_tokens=request.get("max_tokens"),
            max_cost=self._cost_limit(request),
        )
        engine = make_engine("local", settings)
        try:
            counts = batch.run(request["urls"], engine, ["serve", "batch", job.id])
        finally:
            engine.close()
        return counts.as_dict()

    def _cost_limit(self, request: dict[str, Any]) -> tuple[float, dict[str, Price]] | None:
        """A batch job's cost limit with its backend's price, when it asked for one."""
        limit = request.get("max_cost")
        if limit is None:
            return None
        return float(limit), priced(self.config.prices, [request["backend"]])

    def close(self) -> None:
        """Let running jobs finish, then release the backends."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        for engine in self._backends.values():
            engine.close()


class _JobProgress:
    """A batch's progress written to its job row."""

    def __init__(self, store: Store, job_id: str) -> None:
        self.store = store
        self.job_id = job_id
        self.total: int | None = None

    def start(self, label: str, total: int | None) -> None:
        """A pass begins; only the rewriting pass has a known total."""
        self.total = total
        self.store.job_progress(self.job_id, 0, total)

    def advance(self, counts: Counts) -> None:
        """Record the items rewritten or failed so far."""
        self.store.job_progress(self.job_id, counts.rewritten + counts.errors, self.total)

    def finish(self) -> None:
        """Nothing more to record: the job's end is recorded by the service."""


def ingest_key(raw: ingest.Raw) -> str:
    """The id a page's article gets in the store: the start of its bytes' hash."""
    return page_hash(raw.data)[:16]


def job_dict(job: StoredJob) -> dict[str, Any]:
    """A job as the API shows it."""
    return {
        "id": job.id,
        "kind": job.kind,
        "state": job.state,
        "article": job.article,
        "request": job.request,
        "progress": {"done": job.done, "total": job.total},
        "result": job.result,
        "error": job.error,
        "attempts": job.attempts,
        "created": job.created,
        "updated": job.updated,
    }


def stored_dict(stored: StoredArticle) -> dict[str, Any]:
    """A stored article as the API lists it, without its text."""
    return {
        "id": stored.id,
        "title": stored.title,
        "source": stored.source,
        "url": stored.url,
        "duplicate_of": stored.duplicate_of,
    }
