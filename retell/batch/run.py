"""Batch runs: many inputs through the stages into a store, resumable at any point.

Two passes. Reading: every input (files, folders, URLs, feeds, URL lists,
WARC files) is read, cleaned and fingerprinted in input order; a story
that nearly duplicates an earlier one is linked to it. Rewriting: every
original article without a rewrite for these settings goes to the engine,
and each result is stored as it arrives. Each item is written in one
transaction and looked up before it is worked on, so a run killed at any
moment and started again redoes nothing it finished. A bad item is recorded
with its reason and the run goes on; only a backend failure stops it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from retell.batch import dedup
from retell.batch.worker import Done, Engine, Job, Settings
from retell.config import Price
from retell.errors import BackendError, BudgetSpent, NoArticle, RetellError
from retell.ingest import sources as ingest
from retell.ingest.warc import is_warc, warc_pages
from retell.pipeline import InputOptions, clean_page
from retell.render.formats import article_dict
from retell.store.base import Failure, Store, StoredArticle, Usage, page_hash, settings_key


@dataclass(frozen=True)
class Item:
    """One input to store: its bytes, or the failure that kept them from being read."""

    source: str
    raw: ingest.Raw | None = None
    failure: Failure | None = None


@dataclass
class Counts:
    """What a run did, item by item."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    skipped: int = 0
    rewritten: int = 0
    errors: int = 0
    seconds: float = 0.0
    tokens: int = 0
    cost: float = 0.0

    def as_dict(self) -> dict[str, int]:
        """The counts as JSON (whole seconds)."""
        return {
            "read": self.read,
            "new": self.new,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "rewritten": self.rewritten,
            "errors": self.errors,
            "seconds": round(self.seconds),
            "tokens": self.tokens,
        }


class Progress(Protocol):
    """Told when a pass starts and after each item, to draw a progress bar."""

    def start(self, label: str, total: int | None) -> None: ...

    def advance(self, counts: Counts) -> None: ...

    def finish(self) -> None: ...


class Quiet:
    """Progress that shows nothing."""

    def start(self, label: str, total: int | None) -> None:
        """Nothing to show."""

    def advance(self, counts: Counts) -> None:
        """Nothing to show."""

    def finish(self) -> None:
        """Nothing to show."""


class Batch:
    """One batch run over a store: read and deduplicate, then rewrite."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        inputs: InputOptions | None = None,
        threshold: float = dedup.DEFAULT_THRESHOLD,
        progress: Progress | None = None,
        max_tokens: int | None = None,
        max_cost: tuple[float, dict[str, Price]] | None = None,
    ) -> None:
        self.store = store
        self.max_tokens = max_tokens
        #: A spending limit and the prices it is counted at, by backend string: the
        #: rewriting backend's and, when the judge runs on another, the judge's.
        self.max_cost = max_cost
        self.held_back = 0
        self.settings = settings
        self.inputs = inputs or InputOptions()
        self.duplicates = dedup.Duplicates(threshold)
        self.progress = progress or Quiet()
        self.counts = Counts()
        self.origin: str | None = None
        for article_id, signature in store.originals():
            self.duplicates.add(article_id, dedup.from_bytes(signature))

    def run(self, specs: Iterable[str], engine: Engine, command: list[str]) -> Counts:
        """Read every input, then rewrite what needs it; return the counts."""
        start = time.perf_counter()
        run = self.store.start_run(command)
        try:
            self.read_all(list(specs), run)
            self.rewrite_all(engine, run)
        finally:
            self.counts.seconds = time.perf_counter() - start
            self.store.finish_run(run, self.counts.as_dict())
        return self.counts

    # ------------------------------------------------------------ reading

    def read_all(self, specs: list[str], run: int) -> None:
        """Store every input not settled before, in input order, each article with the
        input it came through (its origin: the feed, list, folder or file given)."""
        sources = [(spec, source) for spec in specs for source in _expand(spec)]
        self.progress.start("reading", len(sources))
        for spec, source in sources:
            self.origin = spec
            for item in self.items(source):
                self.read_one(item, run)
                self.progress.advance(self.counts)
        self.progress.finish()

    def items(self, source: str) -> Iterator[Item]:
        """The items one source stands for: itself, or a feed's, list's or WARC's pages."""
        if self.store.settled(source):
            self.counts.skipped += 1
            return
        if is_warc(source):
            yield from (item for item in self._warc(source) if not self._seen(item.source))
            return
        try:
            raw = self._read_raw(source)
            page = ingest.page_from_raw(raw, max_bytes=self.inputs.max_bytes)
            links = ingest.links(page)
            if page.kind == "feed" and not links:
                raise NoArticle("the feed has no entries with links", source=source)
        except RetellError as error:
            yield Item(source, failure=Failure.of(error))
            return
        if not links:
            yield Item(source, raw)
            return
        for link in links:
            if not self._seen(link):
                yield self._fetch(link)

    def _seen(self, source: str) -> bool:
        """Whether an input was settled by an earlier run, counting it as skipped if so."""
        seen = self.store.settled(source)
        self.counts.skipped += seen
        return seen

    def _fetch(self, link: str) -> Item:
        """Read one page a feed or URL list links to."""
        try:
            return Item(link, self._read_raw(link))
        except RetellError as error:
            return Item(link, failure=Failure.of(error))

    def _read_raw(self, source: str) -> ingest.Raw:
        """The bytes of one input, under the run's limits and address policy."""
        options = self.inputs
        return ingest.read_raw(
            source, max_bytes=options.max_bytes, timeout=options.timeout, policy=options.policy
        )

    def _warc(self, path: str) -> Iterator[Item]:
        """The pages of a WARC file, or one failed item when it cannot be read."""
        try:
            for source, raw in warc_pages(path, self.inputs.max_bytes):
                yield Item(source, raw)
        except RetellError as error:
            yield Item(path, failure=Failure.of(error))

    def read_one(self, item: Item, run: int) -> None:
        """Clean, fingerprint and store one item, or record why it failed."""
        self.counts.read += 1
        if item.raw is None:
            assert item.failure is not None
            self._input_failed(item.source, item.failure, "read", run)
            return
        if self.store.has_page(page_hash(item.raw.data)):
            # The same bytes under another name: the input points at the stored page.
            self.store.add_input_page(item.source, item.raw.data, item.raw.url, None)
            self.counts.duplicates += 1
            return
        try:
            article = clean_page(ingest.page_from_raw(item.raw, max_bytes=self.inputs.max_bytes))
        except RetellError as error:
            self._input_failed(item.source, Failure.of(error), "clean", run)
            return
        except Exception as error:  # noqa: BLE001
            # One odd page that trips a bug here or in a parser must not stop a run over
            # thousands: it is recorded, with the exception's type, like any other failure.
            self._input_failed(item.source, Failure.unexpected(error), "clean", run)
            return
        self.store_article(item, article_dict(article))

    def store_article(self, item: Item, article: dict[str, object]) -> None:
        """Store a new article, linked to the earliest original it nearly duplicates."""
        assert item.raw is not None
        stored = store_new_article(
            self.store, self.duplicates, item.source, item.raw, article, origin=self.origin
        )
        if stored.duplicate_of is None:
            self.counts.new += 1
        else:
            self.counts.duplicates += 1

    def _input_failed(self, source: str, failure: Failure, stage: str, run: int) -> None:
        """Record an input that failed."""
        self.store.add_input_error(source, failure, stage, run)
        self.counts.errors += 1

    # ------------------------------------------------------------ rewriting

    def rewrite_all(self, engine: Engine, run: int) -> None:
        """Rewrite every original article that has no rewrite for these settings yet."""
        todo = self.pending()
        self.progress.start("rewriting", len(todo))
        for done in engine.run(self.jobs(todo)):
            self.store_done(done, run)
            self.progress.advance(self.counts)
        self.progress.finish()
        if self.held_back:
            raise BudgetSpent(
                f"stopped at the {self._spent()}; {self.held_back} articles still to rewrite; "
                "run the same command again to go on",
                source=self.store.source,
            )

    def _over_budget(self) -> bool:
        """Whether the run has spent its token or cost budget."""
        if self.max_tokens is not None and self.counts.tokens >= self.max_tokens:
            return True
        return self.max_cost is not None and self.counts.cost >= self.max_cost[0]

    def _spent(self) -> str:
        """What the run spent, against the budget it reached."""
        if self.max_cost is not None and self.counts.cost >= self.max_cost[0]:
            return f"cost budget: {self.counts.cost:.4f} of {self.max_cost[0]:g} spent"
        return f"token budget: {self.counts.tokens:,} of {self.max_tokens or 0:,} tokens spent"

    def pending(self) -> list[tuple[str, str]]:
        """Id and rewrite key of each original article still to rewrite."""
        settings = self.settings.as_dict()
        todo = []
        for article_id in self.store.original_ids():
            key = settings_key(article_id, settings)
            if not (self.store.has_rewrite(key) or self.store.has_error(f"rewrite:{key}")):
                todo.append((article_id, key))
        return todo

    def jobs(self, todo: list[tuple[str, str]]) -> Iterator[Job]:
        """The jobs for the pending articles, each loaded from the store when it is due;
        none once the run has spent its token budget (the jobs in flight still finish)."""
        for number, (article_id, key) in enumerate(todo):
            if self._over_budget():
                self.held_back = len(todo) - number
                return
            stored = self.store.article(article_id)
            if stored is not None:
                yield Job(article_id, key, stored.article)

    def count_spent(self, usage: list[Usage]) -> None:
        """Add a stored rewrite's tokens, and their cost when the run has a cost limit."""
        self.counts.tokens += sum(row.tokens for row in usage)
        if self.max_cost is None:
            return
        for row in usage:
            price = self.max_cost[1].get(row.backend)
            if price is not None:
                self.counts.cost += price.cost(row.prompt_tokens, row.completion_tokens)

    def store_done(self, done: Done, run: int) -> None:
        """Store a finished job, or record its failure; a backend failure ends the run."""
        job = done.job
        if done.failure is None and done.result is not None:
            settings = self.settings.as_dict()
            usage = usage_of(done.result, self.settings.backend, self.settings.judge)
            self.store.add_rewrite(
                job.key, job.article_id, settings, done.result, done.verdicts, usage
            )
            self.counts.rewritten += 1
            self.count_spent(usage)
            return
        failure = done.failure or Failure("RetellError", 1, "the worker returned nothing")
        if done.fatal:
            raise BackendError(failure.message, source=self.settings.backend)
        stored = self.store.article(job.article_id)
        if stored is not None:
            self.store.add_rewrite_error(job.key, stored, failure, run)
        self.counts.errors += 1


def usage_of(result: dict[str, object], backend: str, judge: str | None = None) -> list[Usage]:
    """What a rewrite cost, from its JSON totals: a row for the rewriting requests on
    `backend`, and one for the verification judge's questions on `judge` (by default the
    same backend) when it was asked any."""
    totals = result.get("totals")
    found = totals if isinstance(totals, dict) else {}
    rows = [_usage("rewrite", backend, found)]
    judged = found.get("judge")
    if isinstance(judged, dict) and judged.get("questions"):
        rows.append(_usage("judge", judge or backend, judged))
    return rows


def _usage(kind: str, backend: str, totals: dict[str, Any]) -> Usage:
    """A usage row from a totals object's token counts and model seconds."""
    return Usage(
        kind,
        backend,
        int(totals.get("prompt_tokens", 0)),
        int(totals.get("completion_tokens", 0)),
        float(totals.get("model_seconds", 0.0)),
    )


def store_new_article(
    store: Store,
    duplicates: dedup.Duplicates,
    source: str,
    raw: ingest.Raw,
    article: dict[str, object],
    *,
    origin: str | None = None,
) -> StoredArticle:
    """Fingerprint and store the article of a page not stored before, linked to the earliest
    original it nearly duplicates; an original joins the `duplicates` index."""
    body = article.get("body")
    signature = dedup.signature("\n".join(body if isinstance(body, list) else []))
    match = duplicates.first_match(signature)
    identity = page_hash(raw.data)[:16]
    title = article.get("title")
    stored = StoredArticle(
        identity,
        store.next_seq(),
        source,
        title if isinstance(title, str) else None,
        raw.url,
        dict(article),
        dedup.to_bytes(signature),
        match[0] if match else None,
        round(match[1], 4) if match else None,
        origin,
    )
    store.add_input_page(source, raw.data, raw.url, stored)
    if match is None:
        duplicates.add(identity, signature)
    return stored


def _expand(spec: str) -> list[str]:
    """The sources a spec stands for; a spec that names nothing stands for itself, so that
    reading it records why."""
    try:
        return ingest.expand(spec)
    except RetellError:
        return [spec]
