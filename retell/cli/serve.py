"""`retell serve`: run the HTTP API and the page with uvicorn.

Binding anywhere but loopback needs a token in RETELL_TOKEN; without one the command
refuses to start, since the store and the model would be open to the network.
"""

from __future__ import annotations

import os

import click

from retell.backends import DEFAULT_BACKEND
from retell.config import Loaded, Price
from retell.errors import EXIT_USAGE

SERVE_EXIT_HELP = """Exit codes: 0 stopped cleanly; 2 usage error (a non-loopback --host
without RETELL_TOKEN, or the web extra not installed); 13 the store cannot be used."""

LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")


@click.command("serve", epilog=SERVE_EXIT_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--db", default="retell.sqlite", show_default=True, help="The store: a SQLite file.")
@click.option(
    "--backend",
    "backends",
    multiple=True,
    default=(DEFAULT_BACKEND,),
    show_default=True,
    help="A backend requests may use; repeat to offer several (the first is the default).",
)
@click.option(
    "--workers", type=click.IntRange(1, 32), default=1, show_default=True, help="Jobs run at once."
)
@click.option(
    "--allow-private", is_flag=True, help="Let URLs reach loopback, private and reserved addresses."
)
@click.option(
    "--max-body",
    type=click.IntRange(min=1024),
    default=5 * 1024 * 1024,
    show_default=True,
    help="Largest request body or fetched page, in bytes.",
)
@click.option(
    "--rate",
    type=click.IntRange(min=0),
    default=600,
    show_default=True,
    help="Requests a minute per client address (0: no limit).",
)
@click.option(
    "--job-timeout",
    type=click.FloatRange(min=1.0),
    default=1800.0,
    show_default=True,
    help="Seconds a rewrite job may run.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the answer cache.")
def serve_command(
    host: str,
    port: int,
    db: str,
    backends: tuple[str, ...],
    workers: int,
    allow_private: bool,
    max_body: int,
    rate: int,
    job_timeout: float,
    no_cache: bool,
) -> None:
    """Serve the API under /v1 and the newsroom page on http://HOST:PORT/.

    Paste, upload or fetch a page, rewrite it, and review every sentence
    beside the source with its evidence. Set RETELL_TOKEN to require a
    bearer token; it is required to bind anywhere but loopback.
    """
    token = os.environ.get("RETELL_TOKEN") or None
    if host not in LOOPBACK_HOSTS and token is None:
        raise click.UsageError(
            f"binding to {host} needs a token: set RETELL_TOKEN, or bind to 127.0.0.1"
        )
    try:
        import uvicorn

        from retell.web import ServeConfig, create_app
    except ImportError as error:
        click.echo(
            f"retell: serve needs the web extra ({error.name} is missing): "
            "pip install 'retell[web]'",
            err=True,
        )
        raise SystemExit(EXIT_USAGE) from error
    config = ServeConfig(
        db=db,
        backends=backends,
        workers=workers,
        allow_private=allow_private,
        token=token,
        max_body=max_body,
        rate_per_minute=rate,
        job_timeout=job_timeout,
        cache=not no_cache,
        prices=_prices(),
    )
    uvicorn.run(create_app(config), host=host, port=port, log_level="info")


def _prices() -> dict[str, Price]:
    """The prices retell.toml gives, which the service's batch cost limits count at."""
    loaded = click.get_current_context().find_object(Loaded)
    return dict(loaded.settings.prices) if loaded is not None else {}
