"""Which of two events a stretch of time puts first: "four days after X", "X four days later".

"Victory ... comes four days after player-manager Kevin Nolan was removed" was
retold as "... and Kevin Nolan was removed from his managerial role four days
later" (XSumFaith dev, BBC, 2026-12-07): the same events and the same four
days, with the removal moved from before the victory to after it. The words all
match, so only the order the time phrase sets can tell the two apart. This
module reads that order from the parse: a stretch of time ("four days", "a
week") hanging from "after", "before", "later" or "earlier", and the events on
either side of it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from retell.text.facts import numbers
from retell.text.parse import parse

#: Units a stretch of time is counted in.
_UNITS = frozenset("second minute hour day week month year decade".split())
#: Words that place an event after or before another by a stretch of time. For "after"
#: and "before" the event they govern is the reference; for "later" and "earlier" the
#: event they modify is the one placed.
_LINKS = {"after": "later", "later": "later", "before": "earlier", "earlier": "earlier"}
#: Each side and the other one.
OPPOSITE = {"later": "earlier", "earlier": "later"}
#: Verbs that only say an event took place; the event is their subject ("the crash
#: happened").
_LIGHT = frozenset("happen occur come take".split())

#: (an event's lemma, the stretch as (amount, unit), "later" or "earlier")
Placed = tuple[str, tuple[float, str], str]


def placed(text: str) -> set[Placed]:
    """Each event the text places a stretch of time after or before another one."""
    found: set[Placed] = set()
    for token in parse(text):
        stretch = _stretch(token)
        if stretch is None or token.head.lower_ not in _LINKS:
            continue
        link = token.head
        side = _LINKS[link.lower_]
        if link.lower_ in ("later", "earlier"):
            found |= {(event, stretch, side) for event in _events(link.head)}
            continue
        found |= {(event, stretch, side) for event in _events(_governor(link))}
        found |= {(event, stretch, OPPOSITE[side]) for event in _events(_governed(link))}
    return found


def _stretch(token: Any) -> tuple[float, str] | None:
    """(amount, unit) for a time unit hanging from an order word with its count ("four
    days", "a week"); None for any other word."""
    unit = token.lemma_.lower()
    if unit not in _UNITS or token.dep_ != "npadvmod":
        return None
    counts = [child for child in token.children if child.dep_ in ("nummod", "det")]
    amounts = numbers(counts[0].text) if counts else set()
    if counts and counts[0].lower_ in ("a", "an"):
        amounts = {1.0}
    return (min(amounts), unit) if amounts else None


def _governor(link: Any) -> Any:
    """The event an "after" or "before" clause is attached to: the verb the clause hangs
    from ("comes ... after X was removed") or the one a prepositional "after" modifies."""
    return link.head.head if link.dep_ == "mark" else link.head


def _governed(link: Any) -> Any | None:
    """The event "after" or "before" governs: the verb of its clause ("after X was
    removed") or its object ("after the crash")."""
    if link.dep_ == "mark":
        return link.head
    objects = [child for child in link.children if child.dep_ in ("pobj", "pcomp")]
    return objects[0] if objects else None


def _events(token: Any | None) -> set[str]:
    """The lemmas that name an event: a verb or noun, and for "the crash happened" the
    subject of a verb that only says something took place."""
    if token is None or token.pos_ not in ("VERB", "NOUN", "AUX"):
        return set()
    lemma = token.lemma_.lower()
    if lemma not in _LIGHT:
        return {lemma}
    return {child.lemma_.lower() for child in token.children if child.dep_.startswith("nsubj")}


@lru_cache(maxsize=16)
def source_placed(source: str) -> frozenset[Placed]:
    """`placed` over a whole source, kept for the next sentence checked against it."""
    return frozenset(placed(source))


def reversed_order(sentence: str, source: str) -> list[Placed]:
    """The events the sentence places later where the source places them earlier by the
    same stretch of time, or the other way round, and never as the sentence does."""
    theirs = source_placed(source)
    return [
        (event, stretch, side)
        for event, stretch, side in sorted(placed(sentence))
        if (event, stretch, OPPOSITE[side]) in theirs and (event, stretch, side) not in theirs
    ]
