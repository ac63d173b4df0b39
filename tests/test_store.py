"""The store: migrations, transactions, idempotent keys, jobs and search, each run against
a SQLite file and a real PostgreSQL server (`store_spec`); and near-duplicate fingerprints."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from retell.batch import dedup
from retell.errors import StoreError
from retell.store import open_store
from retell.store.base import (
    MIGRATIONS,
    Failure,
    Store,
    StoredArticle,
    Usage,
    page_hash,
    settings_key,
)
from retell.store.sqlite import SQLiteStore

from .pagegen import retold_elsewhere, story


def article(raw: bytes, seq: int, duplicate_of: str | None = None) -> StoredArticle:
    body = {"source": "a.txt", "title": "T", "body": ["One two three four five."]}
    signature = dedup.to_bytes(dedup.signature("one two three four five"))
    return StoredArticle(
        page_hash(raw)[:16], seq, "a.txt", "T", None, body, signature, duplicate_of, None
    )


@pytest.fixture
def store(store_spec: str) -> Iterator[Store]:
    opened = open_store(store_spec)
    yield opened
    opened.close()


def test_a_new_store_applies_every_migration_once(store_spec: str) -> None:
    store = open_store(store_spec)
    assert store.migrations() == [name for name, _ in MIGRATIONS]
    store.close()
    again = open_store(store_spec)
    assert again.migrate() == []
    assert again.migrations() == [name for name, _ in MIGRATIONS]
    again.close()


def test_a_sqlite_store_is_in_wal_mode(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def open_together(spec: str, workers: int = 4) -> tuple[list[list[str]], list[BaseException]]:
    """Open one store from several threads at once: the migrations each saw, and any
    failures."""
    opened: list[list[str]] = []
    failures: list[BaseException] = []

    def open_one() -> None:
        try:
            each = open_store(spec)
            opened.append(each.migrations())
            each.close()
        except BaseException as error:  # noqa: BLE001 - the test reports any failure
            failures.append(error)

    threads = [threading.Thread(target=open_one) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return opened, failures


def test_stores_opened_together_migrate_once(store_spec: str) -> None:
    """Workers starting at the same moment on one new store: each opens it, none fails."""
    opened, failures = open_together(store_spec)
    assert failures == [] and len(opened) == 4
    assert all(names == [name for name, _ in MIGRATIONS] for names in opened)


def test_many_new_sqlite_stores_opened_together_never_fail(tmp_path: Path) -> None:
    """Switching a new file to WAL mode raced: about one start in fourteen of four workers
    failed with "database is locked" (seen in CI). Enough rounds that the race shows."""
    for round_number in range(40):
        opened, failures = open_together(str(tmp_path / f"store-{round_number}.sqlite"))
        assert failures == [] and len(opened) == 4


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError) as caught:
        open_store(str(path))
    assert caught.value.exit_code == 13


def test_an_unreachable_postgresql_server_is_a_clear_error() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://retell:secret@127.0.0.1:1/news")
    assert caught.value.exit_code == 13
    assert "secret" not in caught.value.one_line()
    assert caught.value.one_line().startswith("postgresql://retell:***@127.0.0.1:1/news: ")


def test_a_failed_transaction_leaves_nothing(store: Store) -> None:
    with (
        pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)),
        store.transaction() as db,
    ):
        db.execute("INSERT INTO inputs VALUES ('x', NULL)")
        db.execute("INSERT INTO inputs VALUES ('x', NULL)")
    assert not store.settled("x")


def test_the_same_bytes_under_two_names_are_one_page(store: Store) -> None:
    raw = b"the page"
    store.add_input_page("a.txt", raw, None, article(raw, 0))
    store.add_input_page("b.txt", raw, None, None)
    assert store.settled("a.txt") and store.settled("b.txt")
    assert store.counts()["pages"] == 1 and store.counts()["articles"] == 1


def test_a_rewrite_clears_an_earlier_failure_of_it(store: Store) -> None:
    raw = b"the page"
    stored = article(raw, 0)
    store.add_input_page("a.txt", raw, None, stored)
    key = settings_key(stored.id, {"style": "rewrite"})
    store.add_rewrite_error(key, stored, Failure("ServerError", 12, "gone"), run=1)
    assert store.has_error(f"rewrite:{key}")
    verdict = {"text": "One.", "label": "supported", "types": [], "reason": "", "evidence": []}
    store.add_rewrite(key, stored.id, {"style": "rewrite"}, {"text": "One."}, [verdict])
    assert not store.has_error(f"rewrite:{key}")
    [saved] = store.rewrites(stored.id)
    assert saved["verdicts"] == [verdict]


def test_forgetting_errors_unsettles_failed_inputs(store: Store) -> None:
    store.add_input_error("gone.txt", Failure("InputNotFound", 3, "no such file"), "read", 1)
    assert store.settled("gone.txt")
    assert store.forget_errors() == 1
    assert not store.settled("gone.txt") and store.errors() == []


def test_articles_are_found_by_a_unique_id_prefix(store: Store) -> None:
    first, second = article(b"one", 0), article(b"two", 1)
    store.add_input_page("1", b"one", None, first)
    store.add_input_page("2", b"two", None, second)
    found = store.article(first.id[:6])
    assert found is not None and found.id == first.id
    assert store.article("") is None  # both match


# --- near-duplicates ------------------------------------------------------------------------


@given(st.text(min_size=1, max_size=400))
def test_a_signature_survives_the_store(text: str) -> None:
    signature = dedup.signature(text)
    assert dedup.from_bytes(dedup.to_bytes(signature)).jaccard(signature) == 1.0


def test_shingles_are_runs_of_five_words_in_lower_case() -> None:
    assert dedup.shingles("A b c d e F") == {"a b c d e", "b c d e f"}
    assert dedup.shingles("Too short") == {"too short"}
    assert dedup.shingles("") == set()


def test_a_story_retold_by_another_outlet_is_linked_to_the_first_and_others_are_not() -> None:
    import random

    rng = random.Random(1)
    first, other = story(rng), story(rng)
    index = dedup.Duplicates()
    index.add("first", dedup.signature(first.body()))
    index.add("other", dedup.signature(other.body()))
    match = index.first_match(dedup.signature(retold_elsewhere(first, rng).body()))
    assert match is not None and match[0] == "first" and match[1] >= dedup.DEFAULT_THRESHOLD
    assert index.first_match(dedup.signature(story(rng).body())) is None


def test_the_earliest_of_several_matching_originals_wins() -> None:
    text = "one two three four five six seven eight nine ten eleven twelve"
    index = dedup.Duplicates(threshold=0.5)
    index.add("late", dedup.signature(text + " thirteen"))
    index.add("later", dedup.signature(text))
    assert index.first_match(dedup.signature(text))[0] == "late"  # type: ignore[index]


def test_a_threshold_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(ValueError):
        dedup.Duplicates(threshold=0.0)


def test_runs_are_numbered_in_order(store: Store) -> None:
    first, second = store.start_run(["a"]), store.start_run(["b"])
    assert second == first + 1
    store.finish_run(first, {"read": 1})


def test_a_job_keeps_its_state_progress_and_outcome(store: Store) -> None:
    store.add_input_page("a.txt", b"one", None, article(b"one", 0))
    stored = article(b"one", 0)
    store.add_job("j1", "rewrite", {"style": "summary", "words": None}, stored.id)
    store.add_job("j2", "batch", {"urls": ["https://example.org/a"]}, None)
    assert [job.id for job in store.unfinished_jobs()] == ["j1", "j2"]
    assert store.start_job("j1") == 1
    store.job_progress("j1", 2, 5)
    store.finish_job("j1", "the-key")
    store.start_job("j2")
    store.fail_job("j2", Failure("FetchError", 9, "connection refused"))
    done, failed = store.job("j1"), store.job("j2")
    assert done is not None and failed is not None
    assert (done.state, done.done, done.total, done.result) == ("done", 2, 5, "the-key")
    assert done.request == {"style": "summary", "words": None} and done.finished
    assert failed.error == {"kind": "FetchError", "exit_code": 9, "message": "connection refused"}
    assert store.unfinished_jobs() == [] and store.job("nope") is None
    assert [job.id for job in store.jobs()] == ["j2", "j1"]


def test_search_ignores_case_and_takes_wildcards_literally(store: Store) -> None:
    raw = b"the page"
    stored = article(raw, 0)
    store.add_input_page("harbour_news/ferry.txt", raw, None, stored)
    assert [found.id for found in store.search("t")] == [stored.id]
    assert [found.id for found in store.search("HARBOUR_NEWS")] == [stored.id]
    assert store.search("%") == [] and store.search("harbour%news") == []
    assert [found.id for found in store.recent()] == [stored.id]


def test_a_replaced_error_keeps_one_row_with_the_latest_reason(store: Store) -> None:
    store.add_input_error("gone.txt", Failure("InputNotFound", 3, "no such file"), "read", 1)
    store.add_input_error("gone.txt", Failure("FetchError", 9, "timed out"), "read", 2)
    [error] = store.errors()
    assert (error.kind, error.message) == ("FetchError", "timed out")


def test_usage_rows_carry_the_article_origin(store: Store) -> None:
    raw = b"the page"
    stored = StoredArticle(
        page_hash(raw)[:16], 0, "a.txt", "T", None, {"body": []}, b"", None, None, "feeds.txt"
    )
    store.add_input_page("a.txt", raw, None, stored)
    verdict = {"text": "One.", "label": "supported", "types": [], "reason": "", "evidence": []}
    usage = Usage("rewrite", "fake", 120, 30, 1.5)
    store.add_rewrite("k", stored.id, {}, {"text": "One."}, [verdict], [usage])
    store.add_usage(Usage("check", "local", 10, 1, 0.25), None)
    rows = store.usage_rows()
    assert [row[1:] for row in rows] == [
        ("rewrite", "fake", "feeds.txt", 120, 30, 1.5),
        ("check", "local", "-", 10, 1, 0.25),
    ]
    assert store.usage_rows(since=rows[-1][0] + 1) == []
