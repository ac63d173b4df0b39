"""One backend and one answer cache shared by the rewrites of many articles.

The backend is built only when the first article needs it, so a run whose
inputs all fail to clean never loads a model. A progress bar goes to stderr
when it is a terminal.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from retell.article import Article
from retell.backends import Backend, get_backend
from retell.backends.cache import Cache
from retell.backends.models import cache_dir
from retell.config import Price
from retell.ingest.address import AddressPolicy
from retell.ingest.sources import DEFAULT_MAX_BYTES
from retell.pipeline import CheckOptions, InputOptions, render, rewrite_article
from retell.rewrite.draft import RewriteOptions, plan, prompt_tokens
from retell.verify.judge import DEFAULT_THRESHOLD

#: Speeds of the embedded model on the 2-core development machine, for dry-run estimates.
LOCAL_PROMPT_TOKENS_PER_SECOND = 73.0
LOCAL_GENERATED_TOKENS_PER_SECOND = 23.5
#: Generated tokens per asked-for word, for estimates (Qwen's tokenizer on English news).
TOKENS_PER_WORD = 1.4


def _note(message: str) -> None:
    """Print a notice on stderr, as the CLI's one-line errors are."""
    click.echo(f"retell: note: {message}", err=True)


#: The command line fetches any URL its user gives, private ones included, and says so.
CLI_POLICY = AddressPolicy(allow_private=True, notice=_note)


def input_options(max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 20.0) -> InputOptions:
    """Input options for a command: its limits and the CLI's address policy."""
    return InputOptions(max_bytes=max_bytes, timeout=timeout, policy=CLI_POLICY)


def default_cache() -> Cache:
    """The answer cache in retell's cache directory."""
    return Cache(cache_dir() / "answers.sqlite")


class RewriteSession:
    """Rewrites articles with one lazily built backend and an optional cache."""

    def __init__(
        self,
        backend_spec: str,
        cache: Cache | None,
        *,
        quiet: bool = False,
        verify: bool = True,
        judge_spec: str | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        judge_all: bool = False,
        price: Price | None = None,
        judge_price: Price | None = None,
    ) -> None:
        self.backend_spec = backend_spec
        self.price = price
        self.judge_price = judge_price
        self.cache = cache
        self.quiet = quiet or not sys.stderr.isatty()
        self.verify = verify
        self.judge_spec = judge_spec
        self.threshold = threshold
        self.judge_all = judge_all
        self._backend: Backend | None = None
        self._judge_backend: Backend | None = None

    @property
    def backend(self) -> Backend:
        """The backend, built on first use."""
        if self._backend is None:
            self._backend = get_backend(self.backend_spec)
        return self._backend

    @property
    def judge_backend(self) -> Backend:
        """The judge's backend: its own when one was named, else the rewriting one."""
        if self.judge_spec is None:
            return self.backend
        if self._judge_backend is None:
            self._judge_backend = get_backend(self.judge_spec)
        return self._judge_backend

    def run(self, article: Article, options: RewriteOptions, fmt: str, dry_run: bool) -> str:
        """The rendered rewrite of one article, or its plan for a dry run."""
        if dry_run:
            return self.dry_run(article, options)
        bar: Any = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if self.quiet:
                return
            if bar is None:
                bar = click.progressbar(
                    length=total, label=article.title or article.source, file=sys.stderr
                )
            bar.update(1)

        result = rewrite_article(
            article,
            self.backend,
            options,
            checks=CheckOptions(self.verify, self.threshold, self.judge_all),
            judge_backend=self.judge_backend if self.verify else None,
            cache=self.cache,
            progress=progress,
        )
        if bar is not None:
            bar.render_finish()
        return render(result, fmt, price=self.price, judge_price=self.judge_price)

    def dry_run(self, article: Article, options: RewriteOptions) -> str:
        """The planned requests and an estimate of tokens and time, generating nothing."""
        planned = plan(article, options, self.backend)
        lines = [
            f"# {article.title or article.source}: {article.word_count()} words, "
            f"style {options.style}, backend {self.backend.info().identity}"
        ]
        prompt_total = answer_total = 0
        for number, paragraph in enumerate(planned, start=1):
            for request in paragraph:
                tokens = prompt_tokens(request, self.backend)
                answer = round(request.words * TOKENS_PER_WORD)
                prompt_total, answer_total = prompt_total + tokens, answer_total + answer
                lines.append(
                    f"paragraph {number}: {len(request.source.split())} source words "
                    f"→ ~{request.words} words; prompt {tokens} tokens, "
                    f"answer ≤{request.options.max_tokens} tokens"
                )
        lines.append(self._estimate(sum(map(len, planned)), prompt_total, answer_total))
        return "\n".join(lines) + "\n"

    def estimate(self, article: Article, options: RewriteOptions) -> tuple[int, int, int]:
        """Requests, prompt tokens and generated tokens a rewrite is planned to take."""
        planned = plan(article, options, self.backend)
        requests = [request for paragraph in planned for request in paragraph]
        prompt_total = sum(prompt_tokens(request, self.backend) for request in requests)
        answer_total = sum(round(request.words * TOKENS_PER_WORD) for request in requests)
        return len(requests), prompt_total, answer_total

    def totals_line(self, requests: int, prompt_total: int, answer_total: int) -> str:
        """The estimate's totals line (time where the backend's speed is known, cost where
        retell.toml prices the backend)."""
        return self._estimate(requests, prompt_total, answer_total)

    def _estimate(self, requests: int, prompt_total: int, answer_total: int) -> str:
        """The totals line, with a time estimate where the backend's speed is known."""
        line = (
            f"total: {requests} requests, {prompt_total} prompt tokens, "
            f"~{answer_total} generated tokens"
        )
        if self.backend.info().name == "local":
            seconds = (
                prompt_total / LOCAL_PROMPT_TOKENS_PER_SECOND
                + answer_total / LOCAL_GENERATED_TOKENS_PER_SECOND
            )
            line += f", ~{seconds:.0f} s on 2 cores (without cache hits)"
        if self.price is not None:
            cost = self.price.cost(prompt_total, answer_total)
            line += f"; ~{cost:.4f} at the configured price of {self.backend_spec}"
        return line

    def close(self) -> None:
        """Release the backend and the cache."""
        for backend in (self._backend, self._judge_backend):
            if backend is not None:
                backend.close()
        if self.cache is not None:
            self.cache.close()
