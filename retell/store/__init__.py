"""The store: pages, articles, rewrites, verdicts, failures, runs and jobs, keyed by the page
and the settings so a run resumes where it stopped. A SQLite file by default
(`retell.store.sqlite`); a PostgreSQL database for a store shared across machines
(`retell.store.postgres`). Both speak the one interface of `retell.store.base.Store`.
"""

from __future__ import annotations

from pathlib import Path

from retell.store.base import Store


def is_postgres(spec: str) -> bool:
    """Whether a store spec is a PostgreSQL URL rather than a file path."""
    return spec.startswith(("postgresql://", "postgres://"))


def open_store(spec: str | Path) -> Store:
    """The store a spec names: a postgresql:// URL, or the path of a SQLite file."""
    if isinstance(spec, str) and is_postgres(spec):
        from retell.store.postgres import PostgresStore

        return PostgresStore(spec)
    from retell.store.sqlite import SQLiteStore

    return SQLiteStore(spec)
