"""Steering decoding off the source's wording (`retell.backends.novelty`), on invented
sentences and a toy vocabulary: which next words lose their logit, and which never do."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from retell.backends.base import Backend, Message, Options
from retell.backends.novelty import CopyPenalty, followers, penalised, quoting
from retell.rewrite.prompts import RETELL
from retell.text.copying import copy_share

SOURCE = "The ferry will keep sailing until 2028, the council said on Tuesday in Westmere."


def test_the_word_that_would_complete_a_copied_run_is_penalised() -> None:
    follow = followers(SOURCE)
    assert penalised("Councillors say the ferry will keep", follow) == {"sailing"}
    assert penalised("The boat will keep", follow) == frozenset()


def test_names_and_numbers_are_never_penalised() -> None:
    follow = followers(SOURCE)
    assert penalised("The ferry will keep sailing until", follow) == frozenset()  # 2028
    assert penalised("the council said on Tuesday in", follow) == frozenset()  # Westmere
    assert penalised("said on", follow) == frozenset()  # fewer than three words


def test_nothing_is_penalised_inside_an_open_quotation() -> None:
    follow = followers(SOURCE)
    assert quoting("He said: “the ferry will keep")
    assert quoting('He said: "the ferry will keep')
    assert not quoting("He said “yes” and the ferry will keep")
    assert penalised("He said: “the ferry will keep", follow) == frozenset()


def test_the_processor_lowers_only_the_copied_word_s_token() -> None:
    vocabulary = ["<prompt>", " the", " ferry", " will", " keep", " sailing", " running"]

    def text(tokens: Sequence[int]) -> str:
        return "".join(vocabulary[token] for token in tokens)

    def first_token(word: str) -> int:
        return vocabulary.index(" " + word)

    steer = CopyPenalty(SOURCE, 5.0, text, first_token)
    prompt = [0, 0, 0]
    assert (steer(np.array(prompt), np.zeros(len(vocabulary))) == 0).all()
    answer = [*prompt, 1, 2, 3, 4]  # " the ferry will keep"
    scores = steer(np.array(answer), np.zeros(len(vocabulary)))
    assert scores[5] == -5.0
    assert (np.delete(scores, 5) == 0).all()


PASSAGE = (
    "The harbour board agreed on Monday to close the old fish market at the end of the "
    "summer, because the roof is no longer safe for traders or for the public."
)


def test_the_embedded_model_copies_less_when_steered(embedded: Backend) -> None:
    messages: list[Message] = RETELL.messages(PASSAGE, 26)
    plain = embedded.generate(messages, Options(max_tokens=80))
    steered = embedded.generate(
        messages, Options(max_tokens=80, novel_from=PASSAGE, copy_penalty=50.0)
    )
    assert copy_share(steered.text, PASSAGE) < copy_share(plain.text, PASSAGE)
    assert "fish market" in steered.text  # the same story, in other words
