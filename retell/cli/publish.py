"""`retell publish`: the store's verified rewrites as feeds and a static site."""

from __future__ import annotations

import datetime as dt
import sys

import click

from retell.errors import EXIT_OK, RetellError
from retell.publish import wordpress
from retell.publish.entries import Entry, Filters, entries
from retell.publish.targets import Target, apply, changes, files
from retell.rewrite.draft import STYLES
from retell.store import open_store

PUBLISH_EXIT_HELP = """Exit codes: 0 published (or nothing to change); 2 usage error (an
unknown --to, a feed without --base-url); 13 the store cannot be opened or used."""


@click.command("publish", epilog=PUBLISH_EXIT_HELP)
@click.option("--db", "db", required=True, help="The store: a SQLite file or a postgresql:// URL.")
@click.option(
    "--to",
    "targets",
    multiple=True,
    required=True,
    help="atom:FILE, rss:FILE, site:DIR or wordpress:URL; repeat to publish to several.",
)
@click.option(
    "--status",
    type=click.Choice(["draft", "publish"]),
    default="draft",
    show_default=True,
    help="WordPress posts: new ones as drafts, or published (a published post stays so).",
)
@click.option("--base-url", default=None, help="Where the site is served; feeds link to it.")
@click.option(
    "--title", default="Retold news", show_default=True, help="The feed's and site's name."
)
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    default=None,
    help="Only rewrites made since this date (UTC).",
)
@click.option(
    "--style", type=click.Choice(STYLES), default=None, help="Only rewrites of this style."
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the newest N.")
@click.option("--dry-run", is_flag=True, help="List what would change; write nothing.")
def publish_command(
    db: str,
    targets: tuple[str, ...],
    base_url: str | None,
    title: str,
    status: str,
    since: dt.datetime | None,
    style: str | None,
    limit: int | None,
    dry_run: bool,
) -> None:
    """Publish the stored rewrites whose every sentence was verified as supported.

    Each article appears once, with its newest such rewrite; one with an
    unsupported or contradicted sentence is never published. A site holds an
    index by date and a page per article with every sentence linked to its
    evidence in the source; a feed entry carries the rewrite, the credit and
    a link to that page. Running it again changes nothing unless the store
    did, and an article rewritten again updates its entry.
    """
    try:
        sites = [spec.split(":", 1)[1] for spec in targets if spec.startswith("wordpress:")]
        chosen = [Target.parse(spec) for spec in targets if not spec.startswith("wordpress:")]
        accounts = [wordpress.Site.from_environment(url, status) for url in sites]
        store = open_store(db)
        when = since.replace(tzinfo=dt.UTC) if since else None
        found = entries(store, Filters(when, style, limit))
        store.close()
        for target in chosen:
            _publish(target, found, title=title, base_url=base_url, dry_run=dry_run)
        for site in accounts:
            _post(site, found, dry_run=dry_run)
    except RetellError as error:
        click.echo(f"retell: {error.one_line()}", err=True)
        sys.exit(error.exit_code)
    sys.exit(EXIT_OK)


def _post(site: wordpress.Site, found: list[Entry], *, dry_run: bool) -> None:
    """Post the entries to one WordPress site and say what changed."""
    done = wordpress.publish(site, found, dry_run=dry_run)
    for action, name in done:
        if action != "unchanged":
            click.echo(f"{action:8} {site.url} {name}")
    changed = sum(action != "unchanged" for action, _ in done)
    verb = "would change" if dry_run else "changed"
    click.echo(f"wordpress:{site.url}: {len(found)} entries; {verb} {changed} posts")


def _publish(
    target: Target, found: list[Entry], *, title: str, base_url: str | None, dry_run: bool
) -> None:
    """Write one target and say what changed."""
    wanted = files(target, found, title=title, base_url=base_url)
    planned = changes(target, wanted)
    if not dry_run:
        apply(wanted, planned)
    verb = "would change" if dry_run else "changed"
    for change in planned:
        click.echo(f"{change.action:8} {change.path}")
    counts = {
        action: sum(c.action == action for c in planned) for action in ("new", "updated", "removed")
    }
    summary = ", ".join(f"{count} {action}" for action, count in counts.items())
    click.echo(
        f"{target.kind}:{target.path}: {len(found)} entries; {verb} {summary}"
        if planned
        else f"{target.kind}:{target.path}: {len(found)} entries; nothing to change"
    )
