"""An SQLite cache of model answers, keyed by everything that decides the answer.

The key is a hash of the backend's exact identity, the messages and the
generation options, so a re-run after a crash redoes only what was not
finished, and a different model or prompt never reuses an answer.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from pathlib import Path

from retell.backends.base import Generation, Message, Options

_SCHEMA = """
CREATE TABLE IF NOT EXISTS generations (
    key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    seconds REAL NOT NULL,
    finish_reason TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
)
"""


def request_key(identity: str, messages: list[Message], options: Options) -> str:
    """A stable hash of one request."""
    payload = {
        "backend": identity,
        "messages": [dataclasses.asdict(message) for message in messages],
        "options": dataclasses.asdict(options),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


class Cache:
    """Answers stored in one SQLite file, written as soon as they arrive."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(path)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute(_SCHEMA)

    def get(self, key: str) -> Generation | None:
        """The stored answer for a key, marked as cached."""
        row = self.connection.execute(
            "SELECT text, prompt_tokens, completion_tokens, seconds, finish_reason "
            "FROM generations WHERE key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        text, prompt, completion, seconds, finish = row
        return Generation(text, prompt, completion, seconds, finish, cached=True)

    def put(self, key: str, generation: Generation) -> None:
        """Store an answer and commit at once, so a crash keeps it."""
        with self.connection:
            self.connection.execute(
                "INSERT OR REPLACE INTO generations "
                "(key, text, prompt_tokens, completion_tokens, seconds, finish_reason) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    key,
                    generation.text,
                    generation.prompt_tokens,
                    generation.completion_tokens,
                    generation.seconds,
                    generation.finish_reason,
                ),
            )

    def close(self) -> None:
        """Close the database."""
        self.connection.close()
