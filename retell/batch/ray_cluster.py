"""The Ray engine: the same workers as actors on a Ray cluster (`pip install retell[ray]`).

Each actor builds one backend and keeps it for every job it gets, so a
model loads once per worker, not once per article. The driver hands each
actor a job as soon as it is free, keeping memory flat, and writes every
result to the store itself: workers never touch the store file, so they may
run on other machines. With no address, Ray starts a cluster inside this
process; with `--ray-address`, retell joins a running one (`ray start`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from retell.batch.worker import IN_FLIGHT_PER_WORKER, Done, Job, Settings, Worker
from retell.errors import EngineError


def _ray() -> Any:
    """The ray module, or a clear error when the extra is not installed."""
    try:
        import ray
    except ImportError as error:
        raise EngineError(
            "the Ray engine needs Ray: pip install 'retell[ray]'", source="--engine ray"
        ) from error
    return ray


class RayEngine:
    """Worker actors on a Ray cluster, one backend each."""

    def __init__(self, settings: Settings, workers: int, address: str | None) -> None:
        self.ray = _ray()
        self._connect(address)
        remote_worker = self.ray.remote(num_cpus=1)(Worker)
        self.actors = [remote_worker.remote(settings) for _ in range(workers)]

    def _connect(self, address: str | None) -> None:
        """Join the cluster at the address, or start one in this process."""
        if self.ray.is_initialized():
            return
        try:
            self.ray.init(address=address, include_dashboard=False, log_to_driver=False)
        except (ConnectionError, RuntimeError, ValueError) as error:
            raise EngineError(f"cannot reach the Ray cluster: {error}", source=address) from error

    def run(self, jobs: Iterable[Job]) -> Iterator[Done]:
        """Give each free actor the next job; yield results as they finish."""
        free = list(self.actors) * IN_FLIGHT_PER_WORKER
        running: dict[Any, Any] = {}
        for job in jobs:
            if not free:
                yield self._next(running, free)
            actor = free.pop()
            running[actor.run.remote(job)] = actor
        while running:
            yield self._next(running, free)

    def _next(self, running: dict[Any, Any], free: list[Any]) -> Done:
        """Wait for one job to finish and give its actor back."""
        [ready], _ = self.ray.wait(list(running), num_returns=1)
        free.append(running.pop(ready))
        done: Done = self.ray.get(ready)
        return done

    def close(self) -> None:
        """Release the actors; leave a joined cluster running."""
        for actor in self.actors:
            self.ray.kill(actor)
        self.actors = []
