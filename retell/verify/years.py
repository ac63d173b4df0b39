"""How a year stands to what a sentence says: at it, since it, before it or after it.

"The highest increase since 1991" and "remain at 7.3 percent in 1991" share the
year and the figure, so the number and date checks pass the second; what
changed is the preposition. The Nassau Guardian's page (2026-12-06) was retold
that way. This module reads, from the parse, the preposition a year hangs
from, and groups prepositions that place a year the same way ("in 2027" and
"by 2027" both put something at that year).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from retell.text.parse import parse

#: Prepositions by where they put what is said relative to the year.
_PLACING = {
    "in": "at",
    "during": "at",
    "on": "at",
    "by": "at",
    "at": "at",
    "since": "since",
    "before": "before",
    "until": "before",
    "till": "before",
    "after": "after",
}
#: "From" is left out: "the record from 2002" is the record set then, not one held since.
#: The years this reads: four digits, 1800 to 2099.
_FIRST, _LAST = 1800, 2099

Placings = dict[str, frozenset[str]]


def placings(text: str) -> Placings:
    """Each year of the text with how it is placed; "" for a year with no preposition
    (or one this does not read), which may stand for any."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    for token in parse(text):
        if token.shape_ == "dddd" and _FIRST <= int(token.text) <= _LAST:
            head = token.head
            preposition = head.lower_ if token.dep_ == "pobj" and head.dep_ == "prep" else ""
            found[token.text].add(_PLACING.get(preposition, ""))
    return {year: frozenset(kinds) for year, kinds in found.items()}


@lru_cache(maxsize=16)
def source_placings(source: str) -> Placings:
    """`placings` of a whole source, kept for the next sentence checked against it."""
    return placings(source)


def moved(sentence: str, source: str) -> list[tuple[str, str, str]]:
    """(year, the sentence's placing, the source's) for each year the sentence places one
    way where the source places it only otherwise, and never without a preposition.

    "Since" for "in" is let be: "had been with the Sunday Times since 1993" retells "joined
    in 1993" (FaithBench; of five sentences this rule fired on there, none marked wrong,
    three were that and two were "from", now left out)."""
    theirs = source_placings(source)
    return [
        (year, kind, min(theirs[year]))
        for year, kinds in placings(sentence).items()
        for kind in kinds
        if kind
        and year in theirs
        and "" not in theirs[year]
        and kind not in theirs[year]
        and not (kind == "since" and "at" in theirs[year])
    ]
