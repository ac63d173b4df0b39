"""Where entries are published, from a `--to` string, and the writing itself: each file
written only when its bytes change, pages of entries no longer published taken away, and
every change reported (or only listed, on a dry run)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from retell.errors import PublishError
from retell.publish.entries import Entry
from retell.publish.feeds import feed
from retell.publish.site import FEED, site_files

Kind = Literal["atom", "rss", "site"]
KINDS: tuple[Kind, ...] = ("atom", "rss", "site")


@dataclass(frozen=True)
class Target:
    """A place to publish to: a feed file or a site folder."""

    kind: Kind
    path: Path

    @classmethod
    def parse(cls, spec: str) -> Target:
        """atom:FILE, rss:FILE or site:DIR."""
        kind, _, place = spec.partition(":")
        for known in KINDS:
            if kind == known and place:
                return cls(known, Path(place))
        raise PublishError("choose atom:FILE, rss:FILE or site:DIR", source=spec)


@dataclass(frozen=True)
class Change:
    """One file a run writes, rewrites or takes away."""

    action: Literal["new", "updated", "removed"]
    path: Path


def files(
    target: Target, entries: list[Entry], *, title: str, base_url: str | None
) -> dict[Path, bytes]:
    """Every file the target should hold, by its path."""
    if target.kind == "site":
        site_feed = feed(entries, "atom", base_url=base_url, title=title) if base_url else None
        made = site_files(entries, title=title, feed=site_feed)
        return {target.path / name: data for name, data in made.items()}
    if base_url is None:
        raise PublishError(
            "a feed links every entry to its evidence page: give --base-url, the address "
            "where the site (site:DIR) is served",
            source=f"{target.kind}:{target.path}",
        )
    return {target.path: feed(entries, target.kind, base_url=base_url, title=title)}


def changes(target: Target, wanted: dict[Path, bytes]) -> list[Change]:
    """What writing the files would change: new and updated files, and a site's article
    pages (and feed) that are no longer wanted."""
    found: list[Change] = []
    for path, data in sorted(wanted.items()):
        if not path.exists():
            found.append(Change("new", path))
        elif path.read_bytes() != data:
            found.append(Change("updated", path))
    if target.kind == "site":
        managed = [*sorted((target.path / "articles").glob("*.html")), target.path / FEED]
        found += [
            Change("removed", path) for path in managed if path.exists() and path not in wanted
        ]
    return found


def apply(wanted: dict[Path, bytes], planned: list[Change]) -> None:
    """Make the changes, each file written whole (to a temporary name, then renamed)."""
    for change in planned:
        if change.action == "removed":
            change.path.unlink()
            continue
        change.path.parent.mkdir(parents=True, exist_ok=True)
        partial = change.path.with_name(change.path.name + ".part")
        partial.write_bytes(wanted[change.path])
        partial.replace(change.path)
