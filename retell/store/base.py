"""The store: what batch runs and the service read, cleaned, rewrote and failed on, in
one SQL database: a SQLite file (`retell.store.sqlite`) or a PostgreSQL server shared by
several machines (`retell.store.postgres`). This module holds what both share: the schema,
its named migrations, and every query, written once in SQL both understand.

Tables: `pages` (raw bytes keyed by their sha256, with source and fetch
time), `inputs` (each input a run has settled, pointing at its page),
`articles` (the cleaned article of a page, its MinHash signature, and the
earlier article it duplicates, if any), `rewrites` (keyed by a hash of the
article and every setting that shapes a rewrite), `verdicts` (one row per
published sentence), `errors` (one row per input or article that failed,
with the stage and the reason), `runs`, and `jobs` (the service's rewrites and batches,
with their state and progress).

Every key is a content hash or the input's own name, and every item is
written in one transaction, so a run killed at any moment leaves whole
items only, and running it again skips what is there. The schema grows by
named migrations, each applied once and recorded in `migrations`.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from retell.errors import RetellError

SCHEMA_2026_11 = """
CREATE TABLE pages (
    hash TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    raw {blob} NOT NULL,
    fetched {real} NOT NULL
);
CREATE TABLE inputs (
    source TEXT PRIMARY KEY,
    page TEXT REFERENCES pages(hash)
);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    page TEXT NOT NULL UNIQUE REFERENCES pages(hash),
    seq INTEGER NOT NULL UNIQUE,
    title TEXT,
    url TEXT,
    article TEXT NOT NULL,
    signature {blob} NOT NULL,
    duplicate_of TEXT REFERENCES articles(id),
    similarity {real}
);
CREATE TABLE rewrites (
    key TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    settings TEXT NOT NULL,
    text TEXT NOT NULL,
    result TEXT NOT NULL,
    created {real} NOT NULL
);
CREATE TABLE verdicts (
    rewrite TEXT NOT NULL REFERENCES rewrites(key),
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    types TEXT NOT NULL,
    reason TEXT NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (rewrite, number)
);
CREATE TABLE errors (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    article TEXT,
    stage TEXT NOT NULL,
    kind TEXT NOT NULL,
    exit_code INTEGER NOT NULL,
    message TEXT NOT NULL,
    run INTEGER,
    at {real} NOT NULL
);
CREATE TABLE runs (
    id {serial},
    started {real} NOT NULL,
    finished {real},
    command TEXT NOT NULL,
    counts TEXT
);
"""


SCHEMA_2026_12_JOBS = """
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    request TEXT NOT NULL,
    article TEXT REFERENCES articles(id),
    result TEXT,
    error TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    created {real} NOT NULL,
    updated {real} NOT NULL
)
"""

SCHEMA_2026_12_USAGE = """
ALTER TABLE articles ADD COLUMN origin TEXT;
CREATE TABLE usage (
    id {serial},
    at {real} NOT NULL,
    kind TEXT NOT NULL,
    backend TEXT NOT NULL,
    article TEXT,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    seconds {real} NOT NULL
)
"""

#: Named schema changes, oldest first, each SQL for both databases with its types left as
#: {blob}, {real} and {serial}. Append only: a store records each name it applied.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("2026-11-22-tables", SCHEMA_2026_11),
    ("2026-12-04-jobs", SCHEMA_2026_12_JOBS),
    ("2026-12-04-usage", SCHEMA_2026_12_USAGE),
)

#: The states of a job; the last two are final.
JOB_STATES = ("queued", "running", "done", "failed")


def page_hash(raw: bytes) -> str:
    """The key of a page: the sha256 of its raw bytes."""
    return hashlib.sha256(raw).hexdigest()


def settings_key(article_id: str, settings: dict[str, Any]) -> str:
    """The key of a rewrite: the article and every setting that shapes it."""
    text = json.dumps({"article": article_id, **settings}, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored: its id, place in arrival order and duplicate link."""

    id: str
    seq: int
    source: str
    title: str | None
    url: str | None
    article: dict[str, Any]
    signature: bytes
    duplicate_of: str | None
    similarity: float | None
    #: The input it was read through: the feed, URL list, folder or file given to the run.
    origin: str | None = None


@dataclass(frozen=True)
class Usage:
    """What one rewrite or check cost: tokens and model time on one backend."""

    kind: str
    backend: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float

    @property
    def tokens(self) -> int:
        """Prompt and completion tokens together."""
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True)
class Failure:
    """What went wrong with one item, in a form that crosses process boundaries."""

    kind: str
    exit_code: int
    message: str

    @classmethod
    def of(cls, error: RetellError) -> Failure:
        """The failure a retell error describes."""
        return cls(type(error).__name__, error.exit_code, error.message)

    @classmethod
    def unexpected(cls, error: Exception) -> Failure:
        """The failure of an exception retell did not expect: a bug to report."""
        return cls(type(error).__name__, 1, f"internal error (please report it): {error}")


@dataclass(frozen=True)
class StoredJob:
    """A job of the service: a rewrite or a batch, its state, progress and outcome."""

    id: str
    kind: str
    state: str
    request: dict[str, Any]
    article: str | None
    result: Any
    error: dict[str, Any] | None
    done: int
    total: int | None
    attempts: int
    created: float
    updated: float

    @property
    def finished(self) -> bool:
        """Whether the job reached a final state."""
        return self.state in ("done", "failed")


@dataclass(frozen=True)
class StoredError:
    """An input or article that failed, and why."""

    source: str
    article: str | None
    stage: str
    kind: str
    exit_code: int
    message: str


class Cursor(Protocol):
    """What the store reads back from a statement, in both databases."""

    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Database(Protocol):
    """A connection that runs SQL with `?` placeholders."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, rows: Any, /) -> Any: ...


class Store:
    """The store's queries over one connection; each write is one transaction. A
    subclass opens the connection, names the column types and runs transactions."""

    #: The column types the schema leaves open: {blob}, {real} and {serial}.
    TYPES: ClassVar[dict[str, str]] = {}

    def __init__(self, db: Database, source: str) -> None:
        self.db = db
        self.source = source

    def transaction(self) -> AbstractContextManager[Database]:
        """A write transaction, committed whole or not at all."""
        raise NotImplementedError

    def lock_migrations(self, db: Database) -> None:
        """Keep two processes from migrating one store at once (a transaction may do)."""

    def migrate(self) -> list[str]:
        """Apply the migrations this store lacks, in one transaction."""
        applied = []
        with self.transaction() as db:
            self.lock_migrations(db)
            real = self.TYPES["real"]
            db.execute(f"CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, at {real})")
            done = {row[0] for row in db.execute("SELECT name FROM migrations")}
            for name, schema in MIGRATIONS:
                if name in done:
                    continue
                for statement in schema.format(**self.TYPES).split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("INSERT INTO migrations VALUES (?, ?)", (name, time.time()))
                applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        """The names of the migrations applied, in the order they were appended."""
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        return [name for name, _ in MIGRATIONS if name in done]

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError

    # ------------------------------------------------------------ runs

    def start_run(self, command: list[str]) -> int:
        """Record the start of a run and return its number."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs (started, command) VALUES (?, ?) RETURNING id",
                (time.time(), json.dumps(command)),
            )
            return int(cursor.fetchone()[0])

    def finish_run(self, run: int, counts: dict[str, int]) -> None:
        """Record the end of a run with its counts."""
        with self.transaction() as db:
            db.execute(
                "UPDATE runs SET finished = ?, counts = ? WHERE id = ?",
                (time.time(), json.dumps(counts), run),
            )

    # ------------------------------------------------------------ inputs and articles

    def settled(self, source: str) -> bool:
        """Whether an input was read before: stored, or recorded as failed."""
        return self._exists("SELECT 1 FROM inputs WHERE source = ?", source)

    def has_page(self, digest: str) -> bool:
        """Whether a page with these bytes is stored."""
        return self._exists("SELECT 1 FROM pages WHERE hash = ?", digest)

    def add_input_page(
        self, source: str, raw: bytes, url: str | None, article: StoredArticle | None
    ) -> None:
        """Record an input, its page and (unless the page was stored before) its article."""
        digest = page_hash(raw)
        with self.transaction() as db:
            if article is not None and not self.has_page(digest):
                db.execute(
                    "INSERT INTO pages VALUES (?, ?, ?, ?, ?)",
                    (digest, source, url, raw, time.time()),
                )
                db.execute(
                    "INSERT INTO articles (id, page, seq, title, url, article, signature, "
                    "duplicate_of, similarity, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        digest,
                        article.seq,
                        article.title,
                        article.url,
                        json.dumps(article.article, ensure_ascii=False),
                        article.signature,
                        article.duplicate_of,
                        article.similarity,
                        article.origin,
                    ),
                )
            db.execute(_PUT_INPUT, (source, digest))

    def add_input_error(self, source: str, error: Failure, stage: str, run: int) -> None:
        """Record an input that could not be read or cleaned, and settle it."""
        with self.transaction() as db:
            self._error(db, f"input:{source}", source, None, stage, error, run)
            db.execute(_PUT_INPUT, (source, None))

    def next_seq(self) -> int:
        """The arrival number the next new article gets."""
        row = self.db.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM articles").fetchone()
        return int(row[0])

    def originals(self) -> Iterator[tuple[str, bytes]]:
        """Id and signature of every article that is not a duplicate, in arrival order."""
        query = "SELECT id, signature FROM articles WHERE duplicate_of IS NULL ORDER BY seq"
        for article_id, signature in self.db.execute(query):
            yield article_id, bytes(signature)

    def original_ids(self) -> list[str]:
        """Ids of the articles that are not duplicates, in arrival order."""
        query = "SELECT id FROM articles WHERE duplicate_of IS NULL ORDER BY seq"
        return [row[0] for row in self.db.execute(query)]

    def articles(self) -> Iterator[StoredArticle]:
        """Every stored article in arrival order."""
        yield from self._articles("ORDER BY a.seq", ())

    def article(self, prefix: str) -> StoredArticle | None:
        """The article whose id starts with `prefix`, when exactly one does."""
        found = list(self._articles("WHERE a.id LIKE ? ORDER BY a.seq LIMIT 2", (f"{prefix}%",)))
        return found[0] if len(found) == 1 else None

    def _articles(self, tail: str, parameters: tuple[Any, ...]) -> Iterator[StoredArticle]:
        """Articles joined with their page's source, filtered and ordered by `tail`."""
        query = (
            "SELECT a.id, a.seq, p.source, a.title, a.url, a.article, a.signature, "
            "a.duplicate_of, a.similarity, a.origin FROM articles a "
            f"JOIN pages p ON p.hash = a.page {tail}"
        )
        for row in self.db.execute(query, parameters):
            identity, seq, source, title, url, article, signature, *linked = row
            yield StoredArticle(
                identity, seq, source, title, url, json.loads(article), bytes(signature), *linked
            )

    # ------------------------------------------------------------ rewrites

    def has_rewrite(self, key: str) -> bool:
        """Whether the rewrite with this key is stored."""
        return self._exists("SELECT 1 FROM rewrites WHERE key = ?", key)

    def has_error(self, key: str) -> bool:
        """Whether an error was recorded under this key."""
        return self._exists("SELECT 1 FROM errors WHERE key = ?", key)

    def _exists(self, query: str, value: str) -> bool:
        """Whether a query for one value finds a row."""
        return self.db.execute(query, (value,)).fetchone() is not None

    def add_rewrite(
        self,
        key: str,
        article_id: str,
        settings: dict[str, Any],
        result: dict[str, Any],
        verdicts: Sequence[dict[str, Any]],
        usage: Sequence[Usage] = (),
    ) -> None:
        """Store a rewrite, its published sentences' verdicts and what it cost (a usage row
        per backend and kind of call), together."""
        with self.transaction() as db:
            for row in usage:
                self._usage(db, row, article_id)
            db.execute("DELETE FROM errors WHERE key = ?", (f"rewrite:{key}",))
            db.execute(
                "INSERT INTO rewrites VALUES (?, ?, ?, ?, ?, ?)",
                (
                    key,
                    article_id,
                    json.dumps(settings, sort_keys=True),
                    result["text"],
                    json.dumps(result, ensure_ascii=False),
                    time.time(),
                ),
            )
            db.executemany(
                "INSERT INTO verdicts VALUES (?, ?, ?, ?, ?, ?, ?)",
                [_verdict_row(key, number, verdict) for number, verdict in enumerate(verdicts)],
            )

    def add_rewrite_error(self, key: str, article: StoredArticle, error: Failure, run: int) -> None:
        """Record an article whose rewrite failed."""
        with self.transaction() as db:
            self._error(db, f"rewrite:{key}", article.source, article.id, "rewrite", error, run)

    def rewrites(self, article_id: str) -> list[dict[str, Any]]:
        """The stored rewrites of an article, oldest first, with their verdicts."""
        rows = self.db.execute(
            "SELECT key, settings, result, created FROM rewrites WHERE article = ? "
            "ORDER BY created",
            (article_id,),
        ).fetchall()
        return [
            {
                "key": key,
                "settings": json.loads(settings),
                "result": json.loads(result),
                "verdicts": self.verdicts(key),
                "created": created,
            }
            for key, settings, result, created in rows
        ]

    def verdicts(self, key: str) -> list[dict[str, Any]]:
        """The verdicts stored with a rewrite, in sentence order."""
        rows = self.db.execute(
            "SELECT text, label, types, reason, evidence FROM verdicts "
            "WHERE rewrite = ? ORDER BY number",
            (key,),
        )
        return [
            {
                "text": text,
                "label": label,
                "types": json.loads(types),
                "reason": reason,
                "evidence": json.loads(evidence),
            }
            for text, label, types, reason, evidence in rows
        ]

    # ------------------------------------------------------------ usage

    def add_usage(self, usage: Usage, article_id: str | None) -> None:
        """Record what a check (or any call outside a stored rewrite) cost."""
        with self.transaction() as db:
            self._usage(db, usage, article_id)

    def _usage(self, db: Database, usage: Usage, article_id: str | None) -> None:
        """Write one usage row."""
        db.execute(
            "INSERT INTO usage (at, kind, backend, article, prompt_tokens, completion_tokens, "
            "seconds) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                time.time(),
                usage.kind,
                usage.backend,
                article_id,
                usage.prompt_tokens,
                usage.completion_tokens,
                usage.seconds,
            ),
        )

    def usage_rows(
        self, since: float | None = None
    ) -> list[tuple[float, str, str, str, int, int, float]]:
        """Every usage row since a time: when, kind, backend, the article's origin (or its
        source, or "-"), prompt and completion tokens, model seconds."""
        rows = self.db.execute(
            "SELECT u.at, u.kind, u.backend, COALESCE(a.origin, p.source, '-'), u.prompt_tokens, "
            "u.completion_tokens, u.seconds FROM usage u LEFT JOIN articles a ON a.id = u.article "
            "LEFT JOIN pages p ON p.hash = a.page WHERE u.at >= ? ORDER BY u.at",
            (since or 0.0,),
        ).fetchall()
        return [tuple(row) for row in rows]

    # ------------------------------------------------------------ errors

    def errors(self) -> list[StoredError]:
        """Every recorded failure, inputs first, each in the order it was recorded."""
        rows = self.db.execute(
            "SELECT source, article, stage, kind, exit_code, message FROM errors ORDER BY at, key"
        )
        return [StoredError(*row) for row in rows]

    def article_error(self, article_id: str) -> StoredError | None:
        """The recorded failure of an article's rewrite, if any."""
        row = self.db.execute(
            "SELECT source, article, stage, kind, exit_code, message FROM errors "
            "WHERE article = ? ORDER BY at DESC LIMIT 1",
            (article_id,),
        ).fetchone()
        return StoredError(*row) if row else None

    def forget_errors(self) -> int:
        """Forget every recorded failure, so that the next run tries those items again."""
        with self.transaction() as db:
            db.execute("DELETE FROM inputs WHERE page IS NULL")
            return int(db.execute("DELETE FROM errors").rowcount)

    def _error(
        self,
        db: Database,
        key: str,
        source: str,
        article: str | None,
        stage: str,
        error: Failure,
        run: int,
    ) -> None:
        """Write one error row, replacing an older one under the same key."""
        db.execute(
            "INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
            "source = excluded.source, article = excluded.article, stage = excluded.stage, "
            "kind = excluded.kind, exit_code = excluded.exit_code, message = excluded.message, "
            "run = excluded.run, at = excluded.at",
            (
                key,
                source,
                article,
                stage,
                error.kind,
                error.exit_code,
                error.message,
                run,
                time.time(),
            ),
        )

    # ------------------------------------------------------------ jobs

    def add_job(self, job_id: str, kind: str, request: dict[str, Any], article: str | None) -> None:
        """Record a new job, queued."""
        now = time.time()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO jobs (id, kind, state, request, article, created, updated) "
                "VALUES (?, ?, 'queued', ?, ?, ?, ?)",
                (job_id, kind, json.dumps(request, ensure_ascii=False), article, now, now),
            )

    def start_job(self, job_id: str) -> int:
        """Mark a job running and count the attempt; returns the attempts so far."""
        self._update_job(job_id, "state = 'running', attempts = attempts + 1", ())
        job = self.job(job_id)
        return job.attempts if job else 0

    def job_progress(self, job_id: str, done: int, total: int | None) -> None:
        """Record how far a running job has got."""
        self._update_job(job_id, "done = ?, total = ?", (done, total))

    def finish_job(self, job_id: str, result: Any) -> None:
        """Mark a job done with its result (a rewrite key, or a batch's counts)."""
        self._update_job(job_id, "state = 'done', result = ?", (json.dumps(result),))

    def fail_job(self, job_id: str, failure: Failure) -> None:
        """Mark a job failed, with the failure the user sees."""
        error = {"kind": failure.kind, "exit_code": failure.exit_code, "message": failure.message}
        self._update_job(job_id, "state = 'failed', error = ?", (json.dumps(error),))

    def _update_job(self, job_id: str, assignments: str, values: tuple[Any, ...]) -> None:
        """Change a job's columns and its updated time, in one transaction."""
        with self.transaction() as db:
            db.execute(
                f"UPDATE jobs SET {assignments}, updated = ? WHERE id = ?",
                (*values, time.time(), job_id),
            )

    def job(self, job_id: str) -> StoredJob | None:
        """The job with this id, if any."""
        found = self._jobs("WHERE id = ?", (job_id,))
        return found[0] if found else None

    def unfinished_jobs(self) -> list[StoredJob]:
        """Jobs queued or running, oldest first: what a restarted service must settle."""
        return self._jobs("WHERE state IN ('queued', 'running') ORDER BY created", ())

    def jobs(self, limit: int = 100) -> list[StoredJob]:
        """The most recent jobs, newest first."""
        return self._jobs("ORDER BY created DESC LIMIT ?", (limit,))

    def _jobs(self, tail: str, parameters: tuple[Any, ...]) -> list[StoredJob]:
        """Jobs filtered and ordered by `tail`."""
        query = (
            "SELECT id, kind, state, request, article, result, error, done, total, attempts, "
            f"created, updated FROM jobs {tail}"
        )
        return [_job(row) for row in self.db.execute(query, parameters)]

    # ------------------------------------------------------------ search

    def search(self, text: str, limit: int = 50) -> list[StoredArticle]:
        """Articles whose title or source contains `text` (any case), newest first."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        # LOWER on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
        tail = (
            "WHERE LOWER(a.title) LIKE LOWER(?) ESCAPE '\\' "
            "OR LOWER(p.source) LIKE LOWER(?) ESCAPE '\\' ORDER BY a.seq DESC LIMIT ?"
        )
        return list(self._articles(tail, (pattern, pattern, limit)))

    def recent(self, limit: int = 50) -> list[StoredArticle]:
        """The newest articles first."""
        return list(self._articles("ORDER BY a.seq DESC LIMIT ?", (limit,)))

    def counts(self) -> dict[str, int]:
        """How many pages, articles, duplicates, rewrites and errors the store holds."""
        queries = {
            "pages": "SELECT COUNT(*) FROM pages",
            "articles": "SELECT COUNT(*) FROM articles",
            "duplicates": "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL",
            "rewrites": "SELECT COUNT(*) FROM rewrites",
            "errors": "SELECT COUNT(*) FROM errors",
        }
        return {name: int(self.db.execute(query).fetchone()[0]) for name, query in queries.items()}


_PUT_INPUT = (
    "INSERT INTO inputs VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET page = excluded.page"
)


def _job(row: tuple[Any, ...]) -> StoredJob:
    """A StoredJob from its row."""
    identity, kind, state, request, article, result, error, done, total, attempts, *times = row
    return StoredJob(
        identity,
        kind,
        state,
        json.loads(request),
        article,
        json.loads(result) if result is not None else None,
        json.loads(error) if error is not None else None,
        done,
        total,
        attempts,
        *times,
    )


def _verdict_row(key: str, number: int, verdict: dict[str, Any]) -> tuple[Any, ...]:
    """A verdicts row from a published sentence's verdict as JSON."""
    return (
        key,
        number,
        verdict["text"],
        verdict["label"],
        json.dumps(verdict["types"]),
        verdict["reason"],
        json.dumps(verdict["evidence"], ensure_ascii=False),
    )
