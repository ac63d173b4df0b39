"""The store: migrations, transactions, idempotent keys; and near-duplicate fingerprints."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retell.batch import dedup
from retell.errors import StoreError
from retell.store.sqlite import MIGRATIONS, Failure, Store, StoredArticle, page_hash, settings_key

from .pagegen import retold_elsewhere, story


def article(raw: bytes, seq: int, duplicate_of: str | None = None) -> StoredArticle:
    body = {"source": "a.txt", "title": "T", "body": ["One two three four five."]}
    signature = dedup.to_bytes(dedup.signature("one two three four five"))
    return StoredArticle(
        page_hash(raw)[:16], seq, "a.txt", "T", None, body, signature, duplicate_of, None
    )


def test_a_new_store_applies_every_migration_once_in_wal_mode(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    assert store.migrations() == [name for name, _ in MIGRATIONS]
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    again = Store(tmp_path / "s.db")
    assert again.migrate() == []
    assert again.migrations() == [name for name, _ in MIGRATIONS]


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.exit_code == 13


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as db:
        db.execute("INSERT INTO inputs VALUES ('x', NULL)")
        db.execute("INSERT INTO inputs VALUES ('x', NULL)")
    assert not store.settled("x")


def test_the_same_bytes_under_two_names_are_one_page(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    raw = b"the page"
    store.add_input_page("a.txt", raw, None, article(raw, 0))
    store.add_input_page("b.txt", raw, None, None)
    assert store.settled("a.txt") and store.settled("b.txt")
    assert store.counts()["pages"] == 1 and store.counts()["articles"] == 1


def test_a_rewrite_clears_an_earlier_failure_of_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
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


def test_forgetting_errors_unsettles_failed_inputs(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    store.add_input_error("gone.txt", Failure("InputNotFound", 3, "no such file"), "read", 1)
    assert store.settled("gone.txt")
    assert store.forget_errors() == 1
    assert not store.settled("gone.txt") and store.errors() == []


def test_articles_are_found_by_a_unique_id_prefix(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
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
