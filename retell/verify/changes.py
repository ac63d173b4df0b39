"""How a number stands to a change: the amount something changed by, or the level it reached.

"Prices rose by 4.5 percent" and "prices rose to 4.5 percent" share every
word but one and say different things; a retelling that swaps the two keeps
the number, so the number check passes it. The Nassau Guardian's page
(2026-12-06) has inflation "projected to see a lower increase in 2023 of 4.5
percent" after 7.3 percent this year, and its retelling "inflation will rise
to 4.5 percent in 2023" turned a fall into a rise.

The parse says which: a number under "to" or "from" that hangs from a word of
change is a level; one under "by" or "of", or set before the change word ("a
4.5 percent increase", "rose 12%"), is an amount.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from retell.text.facts import numbers
from retell.text.parse import parse

#: Lemmas of verbs and nouns that say a quantity changed.
CHANGE = frozenset(
    "rise increase grow growth climb jump soar surge gain fall drop decline decrease slip "
    "slide plunge sink shrink dip cut reduce reduction raise lower boost hike".split()
)
#: What a preposition makes of the number it governs under a word of change.
_ROLE_OF_PREPOSITION = {"to": "level", "from": "level", "by": "amount", "of": "amount"}
#: How far up the parse a number may hang from its word of change: "an increase in 2023
#: of 4.5 percent" hangs 4.5 from "increase" through "percent", "of", "2023" and "in".
_MOST_STEPS = 5

Roles = dict[float, frozenset[str]]


def roles(text: str) -> Roles:
    """Each number the text ties to a word of change, with how: "level" or "amount"."""
    found: defaultdict[float, set[str]] = defaultdict(set)
    for token in parse(text):
        if token.like_num or token.pos_ == "NUM":
            role = _role(token)
            if role is not None:
                for value in numbers(token.text):
                    found[value].add(role)
    return {value: frozenset(kinds) for value, kinds in found.items()}


@lru_cache(maxsize=16)
def source_roles(source: str) -> Roles:
    """`roles` of a whole source, kept for the next sentence checked against it."""
    return roles(source)


def swapped(sentence: str, source: str) -> list[tuple[float, str, str]]:
    """(value, the sentence's role, the source's role) for each number the sentence ties
    to a change one way where the source ties it only the other way."""
    theirs = source_roles(source)
    return [
        (value, role, next(iter(theirs[value])))
        for value, kinds in roles(sentence).items()
        for role in kinds
        if value in theirs and role not in theirs[value] and len(theirs[value]) == 1
    ]


def _role(number: Any) -> str | None:
    """How the number stands to the word of change it hangs from, if it hangs from one
    within a clause: the first preposition on the way up decides ("rose to 5"), else a
    number set on the change word as its measure ("rose 12%", "a 12% rise") is the amount;
    a number in the change's subject or object ("15 staff were cut") is neither."""
    preposition = None
    token = number
    for _ in range(_MOST_STEPS):
        if token.dep_ in _CLAUSES:
            return None
        if token.dep_ == "prep" and preposition is None:
            preposition = token.lemma_.lower()
        head = token.head
        if head.lemma_.lower() in CHANGE:
            if preposition is not None:
                return _ROLE_OF_PREPOSITION.get(preposition)
            return "amount" if token.dep_ in _MEASURES else None
        if head.pos_ in ("VERB", "AUX"):
            return None
        token = head
    return None


#: Dependencies that end a clause: a number is not read across them.
_CLAUSES = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp"})
#: Dependencies by which a number (or its noun) measures the change word it hangs from.
_MEASURES = frozenset({"npadvmod", "dobj", "compound", "nummod", "amod", "quantmod", "nmod"})
