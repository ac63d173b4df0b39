"""What every engine runs: a `Worker` builds its backend (and judge) once and
rewrites one `Job` after another, returning a `Done` that holds plain JSON, so
results cross process and machine boundaries unchanged. The engines that run
workers (`retell.batch.engine`, `retell.batch.ray_cluster`) build on this
module and not on each other."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from retell.backends import Backend, get_backend
from retell.errors import BackendError, RetellError
from retell.pipeline import CheckOptions, rewrite_article
from retell.render.formats import article_from_dict, published_verdicts, result_dict, verdict_dict
from retell.rewrite.draft import RewriteOptions
from retell.store.base import Failure
from retell.verify.judge import DEFAULT_THRESHOLD

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
        settings = self.settings
        options = RewriteOptions(settings.style, settings.ratio, settings.sentences)
        checks = CheckOptions(settings.verify, settings.threshold, settings.judge_all)
        judge = self.judge_backend() if settings.verify else None
        result = rewrite_article(article, backend, options, checks=checks, judge_backend=judge)
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
