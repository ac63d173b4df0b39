"""The `retell` command: a thin shell over the library.

Each command parses its options, calls the library and prints. Errors the
user can cause are printed as one line on stderr and end the command with
the error's exit code; see `retell.errors` for the table.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import click

from retell import __version__, config
from retell.backends import DEFAULT_BACKEND, REGISTRY
from retell.backends.models import EMBEDDED, cache_dir
from retell.cli.batch import batch_command, export_command, show_command, usage_command
from retell.cli.evaluate import eval_group
from retell.cli.publish import publish_command
from retell.cli.serve import serve_command
from retell.cli.session import RewriteSession, default_cache, input_options
from retell.errors import EXIT_OK, EXIT_SOME_FAILED, BackendError, RetellError
from retell.ingest.sources import DEFAULT_MAX_BYTES
from retell.pipeline import CheckOptions, Outcome, check, clean_inputs
from retell.render import formats as render
from retell.render.formats import RESULT_FORMATS
from retell.rewrite.draft import STYLES, RewriteOptions
from retell.verify.judge import DEFAULT_THRESHOLD

EXIT_CODES_HELP = """Exit codes: 0 all inputs cleaned; 1 some of several inputs failed;
2 usage error; 3 input not found; 4 empty input; 5 binary input; 6 input too large;
7 undecodable text; 8 no article found; 9 URL could not be fetched."""


output_option = click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write here instead of standard output.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="retell")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A retell.toml to use over the user's and the working directory's.",
)
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None) -> None:
    """retell: clean raw news pages and retell them faithfully, crediting the source.

    Defaults come from retell.toml (see: retell config); options override them.
    """
    try:
        loaded = config.load(config_path)
    except RetellError as error:
        click.echo(f"retell: {error.one_line()}", err=True)
        sys.exit(error.exit_code)
    ctx.obj = loaded
    ctx.default_map = config.default_map(loaded)
    cache = loaded.settings.cache_dir
    if cache is not None and "RETELL_CACHE" not in os.environ:
        # The cache directory is read where models and answers are kept, from RETELL_CACHE;
        # the configured one is handed on the same way, and the variable still wins.
        os.environ["RETELL_CACHE"] = str(cache)


@cli.command("config")
@click.pass_obj
def config_command(loaded: config.Loaded) -> None:
    """Print every setting in force and where it came from: a file, the environment
    (RETELL_*, nested keys with __) or the default."""
    for key, value, origin in config.shown(loaded):
        click.echo(f"{key} = {json.dumps(value)}    # {origin}")


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(render.FORMATS),
    default=None,
    help="Output format. Default: json for one input, jsonl for several.",
)
@output_option
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs larger than this.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=20.0,
    show_default=True,
    help="Seconds to wait for a URL.",
)
def clean(
    inputs: tuple[str, ...],
    fmt: render.Format | None,
    output: IO[str],
    max_bytes: int,
    timeout: float,
) -> None:
    """Clean INPUTS into structured articles.

    INPUTS are files, folders (read recursively), - for standard input,
    http(s) URLs, or RSS/Atom feeds (every entry's link is cleaned).
    Scraped text dumps lose their date header, slug, caption copies, teasers,
    notices and cut-off fragments; HTML pages go through trafilatura. Every
    removed block is listed in the JSON with its kind.
    """
    options = input_options(max_bytes=max_bytes, timeout=timeout)
    sys.exit(_write_outcomes(clean_inputs(inputs, options), fmt, output))


def _write_outcomes(outcomes: Iterable[Outcome], fmt: render.Format | None, output: IO[str]) -> int:
    """Write each outcome as it arrives and return the exit code for the run.

    A single input gives one JSON object and several give JSON Lines, so the
    first result waits until it is known whether a second one follows.
    """
    stream = iter(outcomes)
    head = list(itertools.islice(stream, 2))
    several = len(head) > 1
    chosen: render.Format = fmt or "json"
    if chosen == "json" and several:
        chosen = "jsonl"
    errors: list[RetellError] = []
    for index, outcome in enumerate(itertools.chain(head, stream)):
        if outcome.error is not None:
            errors.append(outcome.error)
            click.echo(f"retell: {outcome.error.one_line()}", err=True)
        _write(outcome, chosen, output, first=index == 0)
    return _exit_code(errors, several=several)


def _write(outcome: Outcome, fmt: render.Format, output: IO[str], *, first: bool) -> None:
    """Write one outcome; failed inputs appear only as JSON Lines records."""
    if outcome.article is not None:
        if fmt in ("markdown", "text") and not first:
            output.write("\n---\n\n")
        output.write(render.render(outcome.article, fmt))
    elif outcome.error is not None and fmt == "jsonl":
        output.write(render.to_json_line(render.error_dict(outcome.source, outcome.error)))
    output.flush()


def _exit_code(errors: list[RetellError], *, several: bool) -> int:
    """0 when all went well, a lone input's own error code, else 1."""
    if not errors:
        return EXIT_OK
    return EXIT_SOME_FAILED if several else errors[0].exit_code


judge_all_option = click.option(
    "--judge-all",
    is_flag=True,
    help="Ask the judge about every sentence the typed checks pass, not only those no "
    "single source sentence strongly supports (slower; for a stronger judge).",
)

threshold_option = click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="P(Yes) the judge needs to call a claim supported.",
)

REWRITE_EXIT_HELP = """Exit codes: 0 all inputs rewritten; 1 some of several inputs failed;
2 usage error; 3-9 as for clean; 10 unknown backend; 11 model file missing or corrupt;
12 model server unreachable or failing (finished pieces stay cached for a re-run);
15 the article is in a language retell cannot rewrite (English only)."""


@cli.command("rewrite", epilog=REWRITE_EXIT_HELP)
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--style",
    type=click.Choice(STYLES),
    default="rewrite",
    show_default=True,
    help="rewrite: paragraphs at --ratio; summary: --sentences sentences (or --words), "
    "the lead weighted; "
    "brief: bullet points; headline: one line.",
)
@click.option(
    "--ratio",
    type=click.FloatRange(0.05, 1.0),
    default=0.45,
    show_default=True,
    help="Target length as a share of the article's words.",
)
@click.option(
    "--sentences",
    type=click.IntRange(1, 30),
    default=3,
    show_default=True,
    help="Sentences in a summary.",
)
@click.option(
    "--words",
    type=click.IntRange(6, 2000),
    default=None,
    help="A summary's length in words, instead of --sentences (about 20 words a sentence).",
)
@click.option(
    "--reword-above",
    type=click.FloatRange(0.0, 1.0, max_open=True),
    default=None,
    help="Ask again (up to three tries) when a passing retelling keeps more than this share "
    "of its source's 4-word sequences, and keep the most novel passing answer. Off by "
    "default: with the embedded model the most novel answer was more often false.",
)
@click.option(
    "--copy-penalty",
    type=click.FloatRange(0.0, 50.0),
    default=0.0,
    help="Steer the model off its source's 4-word runs while it writes (logit units; names, "
    "numbers and quotations exempt). Off by default: with the embedded model 2 cut the seed's "
    "copy share from 0.80 to 0.62 but let more false sentences through.",
)
@click.option(
    "--piece-words",
    type=click.IntRange(min=10),
    default=None,
    help="The most source words one request carries (default: the backend's; 55 for the "
    "embedded model, 150, a paragraph, for openai:).",
)
@click.option(
    "--backend",
    "backend_spec",
    default=DEFAULT_BACKEND,
    show_default=True,
    help="local, local:PATH.gguf, openai:URL[#MODEL] or fake (see: retell backends).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(RESULT_FORMATS),
    default="markdown",
    show_default=True,
    help="Output format.",
)
@output_option
@click.option(
    "--dry-run", is_flag=True, help="Show the planned requests and an estimate; generate nothing."
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the answer cache.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--verify/--no-verify",
    default=True,
    show_default=True,
    help="Check every sentence against the source; regenerate or drop what is unsupported.",
)
@click.option(
    "--judge",
    "judge_spec",
    default=None,
    help="Backend for the verification judge (default: the --backend one).",
)
@threshold_option
@judge_all_option
def rewrite_command(
    inputs: tuple[str, ...],
    style: str,
    ratio: float,
    sentences: int,
    words: int | None,
    reword_above: float | None,
    copy_penalty: float,
    piece_words: int | None,
    backend_spec: str,
    fmt: str,
    output: IO[str],
    dry_run: bool,
    no_cache: bool,
    quiet: bool,
    verify: bool,
    judge_spec: str | None,
    threshold: float,
    judge_all: bool,
) -> None:
    """Rewrite INPUTS paragraph by paragraph, in source order, crediting the source.

    retell keeps the source sentences worth keeping (which fixes the length),
    has the model retell them a few at a time, and checks each retelling:
    one that adds numbers, names or roles, flips a negation or changes a
    quote is replaced by its source sentences. Then every sentence is
    verified against the whole source (as `retell check` does); a retelling
    with unsupported sentences is asked for again with them named, and
    sentences that still fail are dropped, so only supported sentences are
    published. Answers are cached, so a re-run after a crash redoes only
    what was not finished.
    """
    options = RewriteOptions(
        style, ratio, sentences, words, reword_above, piece_words, copy_penalty=copy_penalty
    )
    cache = None if no_cache else default_cache()
    session = RewriteSession(
        backend_spec,
        cache,
        quiet=quiet,
        verify=verify,
        judge_spec=judge_spec,
        threshold=threshold,
        judge_all=judge_all,
        price=_price(backend_spec),
        judge_price=_price(judge_spec or backend_spec),
    )
    try:
        outcomes = clean_inputs(inputs, input_options())
        code = _rewrite_all(outcomes, session, options, fmt, output, dry_run)
    finally:
        session.close()
    sys.exit(code)


def _price(backend_spec: str) -> config.Price | None:
    """The configured price of a backend, if retell.toml names one."""
    loaded = click.get_current_context().find_object(config.Loaded)
    return loaded.price(backend_spec) if loaded is not None else None


def _rewrite_all(
    outcomes: Iterable[Outcome],
    session: RewriteSession,
    options: RewriteOptions,
    fmt: str,
    output: IO[str],
    dry_run: bool,
) -> int:
    """Rewrite each cleaned input; a backend failure stops the run, others skip the input.

    JSON output is one indented object for a single input and JSON Lines for
    several, as for `retell clean`; other formats are separated by rules.
    """
    stream = iter(outcomes)
    head = list(itertools.islice(stream, 2))
    several = len(head) > 1
    chosen = "jsonl" if fmt == "json" and several else fmt
    errors: list[RetellError] = []
    for count, outcome in enumerate(itertools.chain(head, stream), start=1):
        try:
            if outcome.error is not None:
                raise outcome.error
            assert outcome.article is not None
            text = session.run(outcome.article, options, chosen, dry_run)
            separate = count > 1 and chosen not in ("json", "jsonl")
            output.write("\n---\n\n" + text if separate else text)
            output.flush()
        except BackendError as error:
            click.echo(f"retell: {error.one_line()}", err=True)
            return error.exit_code
        except RetellError as error:
            click.echo(f"retell: {error.one_line()}", err=True)
            errors.append(error)
    return _exit_code(errors, several=several)


CHECK_EXIT_HELP = """Exit codes: 0 every sentence supported; 1 some sentence unsupported or
contradicted; 2 usage error; 3-9 reading SOURCE or CANDIDATE failed, as for clean;
10-12 judge backend unknown or failing, as for rewrite."""


@cli.command("check", epilog=CHECK_EXIT_HELP)
@click.argument("source")
@click.argument("candidate", type=click.File("r", encoding="utf-8"))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "markdown", "html"]),
    default="json",
    show_default=True,
    help="Output format; html is a self-contained page with the evidence on hover.",
)
@click.option(
    "--backend",
    "backend_spec",
    default=DEFAULT_BACKEND,
    show_default=True,
    help="The judge's backend: local, local:PATH.gguf, openai:URL[#MODEL] or fake.",
)
@click.option("--no-judge", is_flag=True, help="Typed checks only; load no model.")
@threshold_option
@judge_all_option
@output_option
def check_command(
    source: str,
    candidate: IO[str],
    fmt: str,
    backend_spec: str,
    no_judge: bool,
    threshold: float,
    judge_all: bool,
    output: IO[str],
) -> None:
    """Check every sentence of CANDIDATE against SOURCE, with evidence.

    SOURCE is anything `retell clean` reads; CANDIDATE is plain text with
    paragraphs separated by blank lines, or - for standard input. Each
    sentence is labelled supported, unsupported (the source does not say it)
    or contradicted (the source says otherwise). Typed checks (numbers,
    dates, names, roles, quotations, polarity, relations, attribution,
    modality, open questions, reported figures, negation scope, fusion,
    group quantities, fragments, pronoun references, additions) run on the
    retrieved evidence and spaCy's parse; a sentence they pass that no
    single source sentence strongly supports goes to the model judge, which
    answers Yes or No on the evidence and gives a one-line reason.
    """
    outcome = next(iter(clean_inputs([source], input_options())))
    if outcome.error is not None or outcome.article is None:
        error = outcome.error or RetellError("no article", source=source)
        click.echo(f"retell: {error.one_line()}", err=True)
        sys.exit(error.exit_code)
    try:
        spec = None if no_judge else backend_spec
        checks = CheckOptions(threshold=threshold, judge_all=judge_all)
        report = check(outcome.article, candidate.read(), backend=spec, checks=checks)
    except RetellError as error:
        click.echo(f"retell: {error.one_line()}", err=True)
        sys.exit(error.exit_code)
    output.write(render.render_report(report, fmt))
    sys.exit(EXIT_OK if report.all_supported else EXIT_SOME_FAILED)


@cli.command("backends")
def backends_command() -> None:
    """List the backends retell can use and how each is chosen and configured."""
    for prefix, registration in sorted(REGISTRY.items()):
        marker = " (default)" if prefix == DEFAULT_BACKEND else ""
        click.echo(f"{registration.usage}{marker}\n    {registration.summary}")
    click.echo(f"\nembedded model: {EMBEDDED.name}, sha256 {EMBEDDED.sha256}")
    joined = cache_dir() / "models"
    click.echo(
        f"cache directory: {cache_dir()} (RETELL_CACHE overrides); models joined in {joined}"
    )


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the `retell` console script."""
    return cli.main(args=argv, prog_name="retell")


for command in (
    batch_command,
    export_command,
    show_command,
    publish_command,
    serve_command,
    usage_command,
    eval_group,
):
    cli.add_command(command)
