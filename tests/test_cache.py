"""The SQLite cache of model answers and the key that decides what may be reused."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retell.backends.base import Generation, Message, Options
from retell.backends.cache import Cache, request_key

MESSAGES = [
    Message("system", "Retell the source in plain words."),
    Message("user", "<source>The ferry to Oskarholm leaves at noon.</source>"),
]
OPTIONS = Options(max_tokens=128)
IDENTITY = "fake:echo_source"
ANSWER = Generation("The Oskarholm ferry sails at midday.", 21, 9, 0.25, "stop")


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    store = Cache(tmp_path / "answers.sqlite")
    yield store
    store.close()


def test_get_of_an_unknown_key_is_none(cache: Cache) -> None:
    assert cache.get(request_key(IDENTITY, MESSAGES, OPTIONS)) is None


def test_put_then_get_returns_the_answer_marked_cached(cache: Cache) -> None:
    key = request_key(IDENTITY, MESSAGES, OPTIONS)
    cache.put(key, ANSWER)
    assert cache.get(key) == dataclasses.replace(ANSWER, cached=True)


def test_put_replaces_an_earlier_answer(cache: Cache) -> None:
    key = request_key(IDENTITY, MESSAGES, OPTIONS)
    cache.put(key, ANSWER)
    newer = Generation("The ferry leaves Oskarholm at twelve.", 21, 10, 0.5, "length")
    cache.put(key, newer)
    assert cache.get(key) == dataclasses.replace(newer, cached=True)


def test_the_cache_survives_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "answers.sqlite"
    key = request_key(IDENTITY, MESSAGES, OPTIONS)
    first = Cache(path)
    first.put(key, ANSWER)
    first.close()
    assert path.is_file()
    second = Cache(path)
    try:
        assert second.get(key) == dataclasses.replace(ANSWER, cached=True)
    finally:
        second.close()


_counter = itertools.count()
_TEXT = st.text(st.characters(exclude_categories=("Cs",)))
_COUNT = st.integers(min_value=0, max_value=2**62)


@given(
    text=_TEXT,
    prompt=_COUNT,
    completion=_COUNT,
    seconds=st.floats(min_value=0, allow_nan=False, allow_infinity=False),
    finish=st.sampled_from(["stop", "length", "error"]) | _TEXT,
)
def test_generation_fields_round_trip(
    tmp_path_factory: pytest.TempPathFactory,
    text: str,
    prompt: int,
    completion: int,
    seconds: float,
    finish: str,
) -> None:
    path = tmp_path_factory.getbasetemp() / "round-trip.sqlite"
    store = Cache(path)
    try:
        key = f"key-{next(_counter)}"
        answer = Generation(text, prompt, completion, seconds, finish)
        store.put(key, answer)
        assert store.get(key) == dataclasses.replace(answer, cached=True)
    finally:
        store.close()


# --- request_key ----------------------------------------------------------------------------


def test_request_key_is_stable_and_hex() -> None:
    key = request_key(IDENTITY, MESSAGES, OPTIONS)
    assert key == request_key(IDENTITY, list(MESSAGES), Options(max_tokens=128))
    assert len(key) == 64
    assert int(key, 16) >= 0


@pytest.mark.parametrize(
    ("identity", "messages", "options"),
    [
        ("local:qwen@sha256:0123456789abcdef", MESSAGES, OPTIONS),
        ("fake:other_handler", MESSAGES, OPTIONS),
        (IDENTITY, MESSAGES[:1], OPTIONS),
        (IDENTITY, [MESSAGES[0], Message("user", "<source>Another story.</source>")], OPTIONS),
        (IDENTITY, [MESSAGES[0], Message("assistant", MESSAGES[1].content)], OPTIONS),
        (IDENTITY, list(reversed(MESSAGES)), OPTIONS),
        (IDENTITY, MESSAGES, Options(max_tokens=129)),
        (IDENTITY, MESSAGES, Options(max_tokens=128, temperature=0.7)),
        (IDENTITY, MESSAGES, Options(max_tokens=128, seed=1)),
        (IDENTITY, MESSAGES, Options(max_tokens=128, stop=("\n\n",))),
    ],
)
def test_request_key_changes_with_everything_that_decides_the_answer(
    identity: str, messages: list[Message], options: Options
) -> None:
    assert request_key(identity, messages, options) != request_key(IDENTITY, MESSAGES, OPTIONS)


def test_different_keys_do_not_share_answers(cache: Cache) -> None:
    key = request_key(IDENTITY, MESSAGES, OPTIONS)
    cache.put(key, ANSWER)
    assert cache.get(request_key("fake:other_handler", MESSAGES, OPTIONS)) is None
