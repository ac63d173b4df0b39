"""Token log-probabilities of a given text, with and without the source (the likelihood
signal), read from the embedded model."""

from __future__ import annotations

import pytest

from retell.backends import Backend, FakeBackend
from retell.backends.base import CannotScore, Message
from retell.verify.likelihood import Likelihood

SOURCE = (
    "The council voted on Tuesday to close the Elmbridge library on Sundays from March, "
    "saving £40,000 a year, librarian Ruth Okafor said."
)


def test_a_backend_that_cannot_read_probabilities_says_so() -> None:
    with pytest.raises(CannotScore):
        FakeBackend().score([Message("user", "hello")], "a reply")


def test_words_carry_offsets_and_both_log_probabilities(embedded: Backend) -> None:
    text = "The library will close on Sundays from March."
    words = Likelihood(embedded).words(SOURCE, text)
    assert [text[w.start : w.end] for w in words] == text.rstrip(".").split()
    assert all(w.given <= 0 and w.alone <= 0 for w in words)


def test_words_the_source_backs_are_likelier_than_words_it_does_not(embedded: Backend) -> None:
    right = Likelihood(embedded).words(SOURCE, "The library will close on Sundays from March.")
    wrong = Likelihood(embedded).words(SOURCE, "The library will close on Mondays from June.")
    assert right[5].given > wrong[5].given  # Sundays, Mondays
    assert right[7].given > wrong[7].given  # March, June
    # The source makes its own day far likelier than it is without it.
    assert right[5].gain > 2 > wrong[5].gain


def test_scoring_twice_gives_the_same_figures(embedded: Backend) -> None:
    first = Likelihood(embedded).words(SOURCE, "Ruth Okafor said the library would close.")
    again = Likelihood(embedded).words(SOURCE, "Ruth Okafor said the library would close.")
    assert [round(w.given, 3) for w in first] == [round(w.given, 3) for w in again]
