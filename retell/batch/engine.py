"""Engines that run the rewrite of many articles: in this process, in worker processes,
or on a Ray cluster.

Every engine runs the same `Worker`: it builds its backend (and judge) once
and rewrites one `Job` after another, returning a `Done` that holds plain
JSON, so results cross process and machine boundaries unchanged. Engines
keep only a few jobs in flight, so memory does not grow with the batch; the
driver (`retell.batch.run`) alone writes to the store.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from retell.batch.worker import IN_FLIGHT_PER_WORKER, Done, Engine, Job, Settings, Worker
from retell.errors import EngineError


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
        from retell.batch.ray_cluster import RayEngine

        return RayEngine(settings, workers, address)
    if kind != "local":
        raise EngineError(f"unknown engine {kind!r}; choose local or ray", source=kind)
    return InProcess(settings) if workers == 1 else Processes(settings, workers)
