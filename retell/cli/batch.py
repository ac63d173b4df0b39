"""The store commands, `retell batch`, `retell export` and `retell show`: thin shells
over `retell.batch.run`, `retell.render.export` and `retell.store.sqlite`."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import IO, Any

import click

from retell.backends import DEFAULT_BACKEND
from retell.batch import dedup
from retell.batch.engine import make_engine
from retell.batch.run import Batch, Counts
from retell.batch.worker import Settings
from retell.cli.session import RewriteSession, input_options
from retell.config import Loaded, Price, priced
from retell.errors import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    BudgetSpent,
    RetellError,
    StoreError,
)
from retell.ingest.sources import DEFAULT_MAX_BYTES
from retell.pipeline import InputOptions, clean_inputs
from retell.render import export, usage
from retell.render.usage import Grouping
from retell.rewrite.draft import STYLES, RewriteOptions
from retell.store import is_postgres, open_store
from retell.store.base import Store
from retell.verify.judge import DEFAULT_THRESHOLD

BATCH_EXIT_HELP = """Exit codes: 0 every item stored; 1 some items failed (each is recorded
with its reason, and the run went on); 2 usage error; 10-12 the backend is unknown or
failing (the run stops; what it finished is kept); 13 the store cannot be used;
14 the engine is missing or unreachable; 17 stopped at --max-tokens or --max-cost (what
it finished is kept; run it again to go on). An article in a language retell cannot rewrite (English
only) is one of the failed items."""

db_option = click.option(
    "--db",
    "db_path",
    required=True,
    help="The store: a SQLite file (created if missing) or a postgresql:// URL.",
)


class BarProgress:
    """A progress bar on stderr with counts and the time left."""

    def __init__(self) -> None:
        self.bar: Any = None

    def start(self, label: str, total: int | None) -> None:
        """Open a bar for one pass."""
        self.bar = click.progressbar(
            length=total,
            label=label,
            file=sys.stderr,
            show_eta=True,
            show_pos=True,
            item_show_func=lambda text: text,
        )

    def advance(self, counts: Counts) -> None:
        """Move the bar one item on and show the counts so far."""
        line = f"{counts.new} new · {counts.duplicates} dup · {counts.errors} failed"
        self.bar.update(1, f"{line} · {counts.rewritten} retold")

    def finish(self) -> None:
        """Close the bar."""
        self.bar.render_finish()


def _open(spec: str, *, create: bool) -> Store:
    """The store a spec names (a SQLite file or a postgresql:// URL); a file must exist
    unless this command may create it."""
    if not create and not is_postgres(spec) and not Path(spec).exists():
        raise StoreError("no such store", source=spec)
    return open_store(spec)


def _fail(error: RetellError) -> None:
    """Print a one-line error and leave with its code."""
    click.echo(f"retell: {error.one_line()}", err=True)
    sys.exit(error.exit_code)


@click.command("batch", epilog=BATCH_EXIT_HELP)
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--style", type=click.Choice(STYLES), default="rewrite", show_default=True)
@click.option("--ratio", type=click.FloatRange(0.05, 1.0), default=0.45, show_default=True)
@click.option("--sentences", type=click.IntRange(1, 30), default=3, show_default=True)
@click.option("--backend", "backend_spec", default=DEFAULT_BACKEND, show_default=True)
@click.option("--verify/--no-verify", default=True, show_default=True)
@click.option("--judge", "judge_spec", default=None, help="Backend for the judge.")
@click.option(
    "--threshold", type=click.FloatRange(0.0, 1.0), default=DEFAULT_THRESHOLD, show_default=True
)
@click.option("--judge-all", is_flag=True, help="Judge every sentence the typed checks pass.")
@click.option(
    "--duplicate-threshold",
    type=click.FloatRange(0.01, 1.0),
    default=dedup.DEFAULT_THRESHOLD,
    show_default=True,
    help="Estimated Jaccard similarity of two bodies' 5-word shingles that makes the later "
    "one a duplicate.",
)
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--ray-address", default=None, help="Join this Ray cluster (host:port).")
@click.option("--retry-errors", is_flag=True, help="Try again the items earlier runs failed on.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0)
@click.option(
    "--max-tokens",
    type=click.IntRange(min=1),
    default=None,
    help="Stop starting rewrites once this run has spent this many tokens (prompt and "
    "completion); the same command run again goes on.",
)
@click.option(
    "--max-cost",
    type=click.FloatRange(min=0.0, min_open=True),
    default=None,
    help="Stop starting rewrites once this run has cost this much, at the backend's price "
    "in retell.toml; the same command run again goes on.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Read and clean the inputs the store lacks and print the tokens (and the cost, for a "
    "priced backend) their rewrites are planned to take; write nothing, generate nothing.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def batch_command(
    inputs: tuple[str, ...],
    db_path: str,
    style: str,
    ratio: float,
    sentences: int,
    backend_spec: str,
    verify: bool,
    judge_spec: str | None,
    threshold: float,
    judge_all: bool,
    duplicate_threshold: float,
    workers: int,
    engine: str,
    ray_address: str | None,
    retry_errors: bool,
    max_bytes: int,
    timeout: float,
    max_tokens: int | None,
    max_cost: float | None,
    dry_run: bool,
    quiet: bool,
) -> None:
    """Clean, deduplicate, rewrite and verify INPUTS into the store --db.

    INPUTS are files, folders, http(s) URLs, RSS/Atom feeds, URL lists (a
    text file of one URL per line) and WARC files. Running the same command
    again continues where the last run stopped: finished items are skipped,
    and failed ones too unless --retry-errors. Stories that nearly duplicate
    an earlier one are linked to it and not rewritten.
    """
    settings = Settings(
        style, ratio, sentences, backend_spec, verify, judge_spec, threshold, judge_all
    )
    if dry_run:
        options = RewriteOptions(style, ratio, sentences)
        _dry_run(inputs, db_path, options, settings, input_options(max_bytes, timeout))
        return
    try:
        budget = _cost_budget(max_cost, settings)
        store = _open(db_path, create=True)
        if retry_errors:
            store.forget_errors()
        progress = None if quiet or not sys.stderr.isatty() else BarProgress()
        batch = Batch(
            store,
            settings,
            inputs=input_options(max_bytes=max_bytes, timeout=timeout),
            threshold=duplicate_threshold,
            progress=progress,
            max_tokens=max_tokens,
            max_cost=budget,
        )
        runner = make_engine(engine, settings, workers, ray_address)
        try:
            counts = batch.run(inputs, runner, ["batch", *sys.argv[2:]])
        finally:
            runner.close()
    except BudgetSpent as spent:
        click.echo(_summary(batch.counts, store))
        _fail(spent)
    except RetellError as error:
        _fail(error)
    click.echo(_summary(counts, store))
    sys.exit(EXIT_SOME_FAILED if counts.errors else EXIT_OK)


def _cost_budget(
    max_cost: float | None, settings: Settings
) -> tuple[float, dict[str, Price]] | None:
    """A cost limit with the prices it is counted at: the rewriting backend's and the
    judge's, when verification asks another; each needs a configured price."""
    if max_cost is None:
        return None
    loaded = click.get_current_context().find_object(Loaded)
    backends = [settings.backend]
    if settings.verify and settings.judge is not None:
        backends.append(settings.judge)
    return max_cost, priced(loaded.settings.prices if loaded else {}, backends)


def _dry_run(
    inputs: tuple[str, ...],
    db_path: str,
    options: RewriteOptions,
    settings: Settings,
    limits: InputOptions,
) -> None:
    """Print each new article's planned tokens and the totals, touching no store."""
    known = _open(db_path, create=False) if is_postgres(db_path) or Path(db_path).exists() else None
    loaded = click.get_current_context().find_object(Loaded)
    price = loaded.price(settings.backend) if loaded else None
    session = RewriteSession(settings.backend, None, quiet=True, price=price)
    totals = [0, 0, 0]
    try:
        for outcome in clean_inputs(inputs, limits):
            if outcome.article is None or (known is not None and known.settled(outcome.source)):
                continue
            planned = session.estimate(outcome.article, options)
            totals = [a + b for a, b in zip(totals, planned, strict=True)]
            click.echo(f"{outcome.source}: {planned[0]} requests, {planned[1]} prompt tokens, "
                       f"~{planned[2]} generated tokens")  # fmt: skip
        click.echo(session.totals_line(*totals))
    except RetellError as error:
        _fail(error)
    finally:
        session.close()


def _summary(counts: Counts, store: Store) -> str:
    """The closing summary: this run's counts, then the store's totals."""
    totals = store.counts()
    return (
        f"read {counts.read} ({counts.new} new, {counts.duplicates} duplicates, "
        f"{counts.errors} failed), skipped {counts.skipped} done before, "
        f"rewrote {counts.rewritten} in {counts.seconds:.1f} s\n"
        f"store {store.source}: {totals['articles']} articles ({totals['duplicates']} "
        f"duplicates), {totals['rewrites']} rewrites, {totals['errors']} errors"
    )


@click.command("export")
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(export.EXPORT_FORMATS), default="jsonl", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write here instead of standard output (required for parquet).",
)
def export_command(db_path: str, fmt: str, output: Path | None) -> None:
    """Write out every article of the store --db, with its rewrite, duplicate link or error."""
    try:
        store = _open(db_path, create=False)
        if fmt == "parquet":
            if output is None:
                raise click.UsageError("parquet needs --output FILE")
            export.write_parquet(store, output)
            return
        with _text_output(output) as stream:
            writer = export.write_jsonl if fmt == "jsonl" else export.write_markdown
            writer(store, stream)
    except RetellError as error:
        _fail(error)


def _text_output(output: Path | None) -> IO[str]:
    """The file to write, or standard output left open."""
    if output is None:
        return click.open_file("-", "w", encoding="utf-8")
    return output.open("w", encoding="utf-8")


@click.command("show")
@click.argument("identity", metavar="ID")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
)
def show_command(identity: str, db_path: str, fmt: str) -> None:
    """Show one stored article (ID or a unique prefix of it, as `retell export` lists)."""
    try:
        store = _open(db_path, create=False)
        if not re.fullmatch(r"[0-9a-f]{4,64}", identity):
            raise StoreError("an ID is 4 to 64 hex digits", source=identity)
        stored = store.article(identity)
        if stored is None:
            raise StoreError("no single article has this ID in the store", source=identity)
        record = export.article_record(store, stored)
    except RetellError as error:
        _fail(error)
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        click.echo(export.markdown_record(record) + _verdict_lines(record))


def _verdict_lines(record: dict[str, Any]) -> str:
    """The verdict of each published sentence, one line each."""
    lines = [f"- {v['label']}: {v['text']}" for v in record.get("verdicts", [])]
    return "\n".join(["", *lines]) if lines else ""


@click.command("usage")
@db_option
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    default=None,
    help="Only what was spent since this date (UTC).",
)
@click.option(
    "--by", type=click.Choice(["day", "backend", "feed"]), default="day", show_default=True
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def usage_command(
    loaded: Loaded | None, db_path: str, since: dt.datetime | None, by: Grouping, fmt: str
) -> None:
    """Print the tokens and model seconds the store's rewrites spent, by day, backend or
    feed (the input each article came through), with the total; and what they cost, for
    backends that retell.toml prices ([prices."BACKEND"] input and output per million
    tokens)."""
    prices = loaded.settings.prices if loaded else {}
    try:
        store = _open(db_path, create=False)
        start = since.replace(tzinfo=dt.UTC).timestamp() if since else None
        found = usage.totals(store.usage_rows(start), by, prices)
    except RetellError as error:
        _fail(error)
    if fmt == "json":
        click.echo(usage.usage_json(found), nl=False)
    else:
        click.echo(usage.usage_text(found, by, priced=bool(prices)), nl=False)
