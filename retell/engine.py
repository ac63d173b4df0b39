"""Engines that run the rewrite of many articles: in this process, in worker processes,
or on a Ray cluster.

Every engine runs the same `Worker`: it builds its backend (and judge) once
and rewrites one `Job` after another, returning a `Done` that holds plain
JSON, so results cross process and machine boundaries unchanged. Engines
keep only a few jobs in flight, so memory does not grow with the batch; the
driver (`retell.batch`) alone writes to the store.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Protocol

from retell.backends import Backend, get_backend
from retell.errors import BackendError, EngineError, RetellError
from retell.render import article_from_dict, published_verdicts, result_dict, verdict_dict
from retell.rewrite import RewriteOptions, rewrite
from retell.store import Failure
from retell.verify import Verifier
from retell.verify.judge import DEFAULT_THRESHOLD, Judge

#: Jobs handed out per worker before the first results come back.
IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class Settings:
    """Everything that shapes a rewrite; part of each rewrite's key in the store."""

    style: str = "rewrite"
    ratio: float = 0.45
    sentences: int = 3
    backend: str = "local"
    verify: bool = True
    judge: str | None = None
    threshold: float = DEFAULT_THRESHOLD
    judge_all: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The settings as JSON."""
        return {
            "style": self.style,
            "ratio": self.ratio,
            "sentences": self.sentences,
            "backend": self.backend,
            "verify": self.verify,
            "judge": self.judge,
            "threshold": self.threshold,
            "judge_all": self.judge_all,
        }


@dataclass(frozen=True)
class Job:
    """One article to rewrite, as JSON, with the store keys its result goes under."""

    article_id: str
    key: str
    article: dict[str, Any]


@dataclass(frozen=True)
class Done:
    """A finished job: the rewrite and its published verdicts as JSON, or its failure."""

    job: Job
    result: dict[str, Any] | None = None
    verdicts: tuple[dict[str, Any], ...] = ()
    failure: Failure | None = None
    fatal: bool = False


class Worker:
    """Rewrites jobs with one backend, built on first use and kept for every later job."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._backend: Backend | None = None
        self._judge: Backend | None = None

    def run(self, job: Job) -> Done:
        """Rewrite one job; a failure is returned, not raised, so the batch goes on."""
        try:
            return self._rewrite(job)
        except BackendError as error:
            return Done(job, failure=Failure.of(error), fatal=True)
        except RetellError as error:
            return Done(job, failure=Failure.of(error))
        except Exception as error:  # noqa: BLE001
            # As in reading: one article that trips a bug is recorded, and the batch goes on.
            return Done(job, failure=Failure.unexpected(error))

    def _rewrite(self, job: Job) -> Done:
        """The rewrite of one job, verified unless the settings say not to."""
        article = article_from_dict(job.article)
        backend = self.backend()
        verifier = None
        if self.settings.verify:
            judge = Judge(self.judge_backend(), threshold=self.settings.threshold)
            verifier = Verifier(article, judge, judge_all=self.settings.judge_all)
        settings = self.settings
        options = RewriteOptions(settings.style, settings.ratio, settings.sentences)
        result = rewrite(article, backend, options, verifier=verifier)
        verdicts = tuple(verdict_dict(v) for v in published_verdicts(result))
        return Done(job, result_dict(result), verdicts)

    def backend(self) -> Backend:
        """The rewriting backend, built once."""
        if self._backend is None:
            self._backend = get_backend(self.settings.backend)
        return self._backend

    def judge_backend(self) -> Backend:
        """The judge's backend: its own when the settings name one, else the rewriting one."""
        if self.settings.judge is None:
            return self.backend()
        if self._judge is None:
            self._judge = get_backend(self.settings.judge)
        return self._judge

    def close(self) -> None:
        """Release the backends."""
        for backend in (self._backend, self._judge):
            if backend is not None:
                backend.close()


class Engine(Protocol):
    """Runs jobs and yields each as it finishes, in any order."""

    def run(self, jobs: Iterable[Job]) -> Iterator[Done]: ...

    def close(self) -> None: ...


class InProcess:
    """One worker in this process: the default, and the only sensible one for one model."""

    def __init__(self, settings: Settings) -> None:
        self.worker = Worker(settings)

    def run(self, jobs: Iterable[Job]) -> Iterator[Done]:
        """Run the jobs one after another."""
        for job in jobs:
            yield self.worker.run(job)

    def close(self) -> None:
        """Release the worker's backends."""
        self.worker.close()


_process_worker: Worker | None = None


def _start_process_worker(settings: Settings) -> None:
    """Build the worker of one pool process."""
    global _process_worker
    _process_worker = Worker(settings)


def _run_in_process(job: Job) -> Done:
    """Run a job on the pool process's worker."""
    assert _process_worker is not None, "the pool initializer builds the worker"
    return _process_worker.run(job)


class Processes:
    """Several worker processes on this machine, each with its own backend."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.workers = workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_process_worker,
            initargs=(settings,),
        )

    def run(self, jobs: Iterable[Job]) -> Iterator[Done]:
        """Keep a few jobs per process in flight and yield each result as it comes."""
        pending: set[Future[Done]] = set()
        for job in jobs:
            pending.add(self.pool.submit(_run_in_process, job))
            if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in finished)
        for future in pending:
            yield future.result()

    def close(self) -> None:
        """Stop the processes."""
        self.pool.shutdown(cancel_futures=True)


def make_engine(
    kind: str, settings: Settings, workers: int = 1, address: str | None = None
) -> Engine:
    """The engine a batch runs on: `local` (this machine) or `ray` (a Ray cluster)."""
    if kind == "ray":
        from retell.ray_engine import RayEngine

        return RayEngine(settings, workers, address)
    if kind != "local":
        raise EngineError(f"unknown engine {kind!r}; choose local or ray", source=kind)
    return InProcess(settings) if workers == 1 else Processes(settings, workers)
