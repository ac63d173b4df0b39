"""How likely the model finds each word of a candidate, with and without the source.

A model that has just read the source finds the words a faithful retelling
uses likely; words the source does not back (a name, a number, a verb that
turns a plan into a deed) it finds unlikely, or no likelier than it would
without the source. For every token of the candidate this module reads two
log-probabilities from the backend: given the source passage, and given no
source at all. Their difference is the pointwise mutual information between
the token and the source (the idea behind BARTScore and PMI-based
hallucination detection); both come with character offsets, so a low
scoring word is a span the report can point at.

The source is read once per candidate text: llama.cpp keeps it in its cache
and only the candidate is evaluated for each scoring.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retell.backends.base import Backend, Message, TokenScore

INSTRUCTIONS = "You retell news stories faithfully, in your own words."

#: At most this many characters of source go into the prompt (about 2,000 tokens of the
#: embedded model, leaving room for the candidate in its 4,096-token context).
SOURCE_BUDGET = 8000

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Word:
    """One word of the candidate: its offsets, its log-probability given the source
    (the sum over its tokens) and without it."""

    start: int
    end: int
    given: float
    alone: float

    @property
    def gain(self) -> float:
        """How much likelier the source made the word (natural log)."""
        return self.given - self.alone


def conditioned(source: str) -> list[Message]:
    """The messages after which a retelling of the source is scored."""
    return [
        Message("system", INSTRUCTIONS),
        Message("user", f"Story:\n{source}\n\nRetell this story."),
    ]


def unconditioned() -> list[Message]:
    """The messages after which the same text is scored with no source at all."""
    return [Message("system", INSTRUCTIONS), Message("user", "Retell a news story.")]


class Likelihood:
    """Scores candidate texts against one source passage with a backend."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def words(self, source: str, candidate: str) -> list[Word]:
        """Every word of the candidate with its two log-probabilities."""
        given = self.backend.score(conditioned(source[:SOURCE_BUDGET]), candidate)
        alone = self.backend.score(unconditioned(), candidate)
        return words_of(candidate, given, alone)


def words_of(text: str, given: Sequence[TokenScore], alone: Sequence[TokenScore]) -> list[Word]:
    """Word scores from two token scorings of the same text: each word takes the sum of
    the tokens that start inside it (a token that starts with the space before a word
    counts for that word)."""
    words = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        words.append(Word(start, end, _sum(given, start, end), _sum(alone, start, end)))
    return words


def _sum(tokens: Sequence[TokenScore], start: int, end: int) -> float:
    """The log-probabilities of tokens whose word characters begin in [start, end)."""
    total = 0.0
    for token in tokens:
        begin = token.start
        if token.end > begin and token.end > start and begin < end:
            total += token.logprob
    return total
