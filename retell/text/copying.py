"""How much of a text is its source's own wording: the share of its 4-word sequences
that occur in the source.

A retelling that copies keeps close to the truth but does not do what users
of a rewriter ask for; this is the measure the rewrite stage uses to prefer
the most novel of its passing candidates and that every rewrite reports.
Words are compared lower-cased, punctuation aside, so a changed comma or
quote mark does not count as new wording.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Length of the word sequences compared: 4, as in the issue that asked for the measure
#: and in the copy-rate figures reported for news summarisation.
SEQUENCE = 4


def words(text: str) -> tuple[str, ...]:
    """The lower-cased words of a text, punctuation aside."""
    return tuple(re.findall(r"\w+", text.lower()))


def sequences(text: str, size: int = SEQUENCE) -> list[tuple[str, ...]]:
    """Every run of `size` consecutive words, in order (a shorter text gives none)."""
    found = words(text)
    return [found[i : i + size] for i in range(len(found) - size + 1)]


@lru_cache(maxsize=64)
def _source_sequences(source: str) -> frozenset[tuple[str, ...]]:
    return frozenset(sequences(source))


def copy_share(text: str, source: str) -> float:
    """The share of the text's 4-word sequences found in the source (0.0 for a text too
    short to have one)."""
    mine = sequences(text)
    if not mine:
        return 0.0
    theirs = _source_sequences(source)
    return sum(sequence in theirs for sequence in mine) / len(mine)
