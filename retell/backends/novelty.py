"""Steering a model away from its source's wording while it writes.

A small model asked to retell a sentence gives most of it back word for word,
and asking again with a note ("do not copy") or a higher temperature makes it
change facts as often as wording (measured on the seed and two real pages,
2026-12-04). This module steers greedy decoding itself instead: whenever the
last three words written, with the next word, would repeat a 4-word run of the
source, that next word's first token loses `penalty` from its logit, so the
model takes its next-best way of going on and the run is broken where it
would have been copied. Nothing is forbidden outright: a continuation the
model is sure of (its margin above `penalty`) still wins.

Names, numbers and quotations must stay as the source has them, so a run is
never broken before a capitalised word or a number of the source, nor while a
quotation the answer opened is still open.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

_WORD = re.compile(r"\w+")
#: Marks that open or close a quotation in an answer; a straight double mark toggles.
_OPEN, _CLOSE = "“", "”"


def followers(source: str) -> dict[tuple[str, ...], frozenset[str]]:
    """For every three consecutive words of the source (lower-cased), the words that follow
    them there which a retelling may word differently: not names, not numbers."""
    words = _WORD.findall(source)
    found: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
    for i in range(len(words) - 3):
        following = words[i + 3]
        if following[0].isupper() or following[0].isdigit():
            continue
        found[tuple(w.lower() for w in words[i : i + 3])].add(following.lower())
    return {key: frozenset(value) for key, value in found.items()}


def quoting(text: str) -> bool:
    """True while a quotation the text opened with a double mark is still open."""
    curly = text.count(_OPEN) - text.count(_CLOSE)
    return curly > 0 or text.count('"') % 2 == 1


def penalised(text: str, follow: dict[tuple[str, ...], frozenset[str]]) -> frozenset[str]:
    """The words that, written next after `text`, would repeat a 4-word run of the source."""
    if quoting(text):
        return frozenset()
    last = tuple(w.lower() for w in _WORD.findall(text)[-3:])
    return follow.get(last, frozenset())


class CopyPenalty:
    """A logits processor for llama-cpp-python: lowers the first token of every word that
    would continue a 4-word run of the source (see the module's docstring).

    `detokenize` turns the answer's tokens so far into text; `first_token` gives the token
    a word starts with after a space. The first call's `input_ids` are the prompt, so every
    later position past it is the answer."""

    def __init__(
        self,
        source: str,
        penalty: float,
        detokenize: Callable[[Sequence[int]], str],
        first_token: Callable[[str], int],
    ) -> None:
        self.follow = followers(source)
        self.penalty = penalty
        self.detokenize = detokenize
        self.first_token = first_token
        self.prompt_length: int | None = None

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        if self.prompt_length is None:
            self.prompt_length = len(input_ids)
        answer = self.detokenize(list(input_ids[self.prompt_length :]))
        for word in penalised(answer, self.follow):
            scores[self.first_token(word)] -= self.penalty
        return scores
