"""The store in one SQLite file in WAL mode: the default, for one machine."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from retell.errors import StoreError
from retell.store.base import Store

#: Seconds a connection waits for another's lock before it gives up.
TIMEOUT = 30.0


def _write_ahead(connection: sqlite3.Connection) -> None:
    """Put the file in WAL mode. Switching needs the file to itself, and SQLite answers
    "database is locked" at once, without waiting out the busy timeout, while another
    connection is switching the same new file (workers that open one new store together:
    22 of 300 such starts of four failed so). So wait a moment and ask again, up to the
    timeout."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class SQLiteStore(Store):
    """A store in a SQLite file, created (with every migration) if missing."""

    TYPES: ClassVar[dict[str, str]] = {
        "blob": "BLOB",
        "real": "REAL",
        "serial": "INTEGER PRIMARY KEY",
    }

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.connection = sqlite3.connect(self.path, isolation_level=None, timeout=TIMEOUT)
            _write_ahead(self.connection)
            self.connection.execute("PRAGMA foreign_keys=ON")
            super().__init__(self.connection, str(path))
            self.migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot use it as a store: {error}", source=str(path)) from error

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction. BEGIN IMMEDIATE takes the write lock at once, so two writers
        wait in turn instead of one failing halfway."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def close(self) -> None:
        """Close the file."""
        self.connection.close()
