"""Splitting a long sentence into the simpler claims it makes.

A small model judging a sentence that packs three facts together tends to
say yes or no to all of it at once. Splitting at the joints where a
sentence turns from one clause to the next ("…, while …", "…; …",
"…, but …", "…, and …") gives claims it can judge one by one. The split is
conservative: both halves must be long enough to stand alone, so a list
such as "food, fuel and medicine" is never cut.
"""

from __future__ import annotations

import re

#: Words a part needs to count as a claim of its own.
MIN_CLAIM_WORDS = 4

# Joints between clauses: a semicolon, or a comma or dash followed by a linking word.
_JOINT = re.compile(
    r"\s*;\s+|\s*[,–—-]\s+(?:while|whereas|but|and|although|though|während|aber|und|doch)\s+|"
    r"\s+(?:while|whereas)\s+",
    re.I,
)


def atomic_claims(sentence: str) -> list[str]:
    """The claims a sentence makes: itself, or its clauses where it joins several."""
    parts = [part.strip(" ,.;") for part in _JOINT.split(sentence.strip())]
    if len(parts) < 2 or any(len(part.split()) < MIN_CLAIM_WORDS for part in parts):
        return [sentence.strip()]
    return [_as_sentence(part) for part in parts]


def _as_sentence(part: str) -> str:
    """A clause written as a sentence of its own."""
    return part[:1].upper() + part[1:] + "."
