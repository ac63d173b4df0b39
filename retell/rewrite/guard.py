"""Quick checks that a model's retelling of a few sentences stays with its source.

These run on every retelling before it is accepted; a retelling that fails
any of them is replaced by the source sentences themselves, so the output is
never less faithful than the source. They catch what small models get
wrong most: numbers and names that are not in the source, titles and roles
("former", "opposition leader") attached from nowhere, a negation added or
lost, quoted words changed, and answers far longer or shorter than asked.
The full sentence-by-sentence verification with evidence is `retell.verify`.
"""

from __future__ import annotations

import re

from retell.text.facts import (
    known_words,
    names,
    negated,
    numbers,
    quotations,
    quoted_in,
    role_mismatches,
    show_number,
)

#: A retelling may run from this share of the asked-for words ...
MIN_LENGTH_SHARE = 0.45
#: ... up to this share, before it is refused as a summary or an embellishment.
MAX_LENGTH_SHARE = 1.35

# Words that change who someone is; each must come from the source.
_ROLE_WORDS = re.compile(
    r"\b(?:former|ex|late|opposition|acting|interim|deputy|shadow|outgoing|incoming|then(?=-))\b",
    re.I,
)


def problems(retelling: str, source: str, asked_words: int) -> list[str]:
    """What is wrong with a retelling of `source`; an empty list means it passes."""
    found: list[str] = []
    words = len(retelling.split())
    if not MIN_LENGTH_SHARE * asked_words <= words <= MAX_LENGTH_SHARE * asked_words + 3:
        found.append(f"length {words} words for {asked_words} asked")
    found += _absent("number", [show_number(n) for n in numbers(retelling) - numbers(source)])
    known = known_words(source)
    found += _absent("name", [name for name in names(retelling) if name.lower() not in known])
    found += _absent("role word", list(_roles(retelling) - _roles(source)))
    found += _absent(
        "role", [f"{role} {name}" for role, name, _ in role_mismatches(retelling, source)]
    )
    found += _absent("quote", [q for q in quotations(retelling) if not quoted_in(q, source)])
    if negated(retelling) != negated(source):
        found.append("negation added or lost")
    return found


def _absent(what: str, items: list[str]) -> list[str]:
    """One problem per item the source lacks."""
    return [f"{what} not in source: {item}" for item in sorted(items)]


def _roles(text: str) -> set[str]:
    return {word.lower() for word in _ROLE_WORDS.findall(text)}


def copied(retelling: str, source: str) -> bool:
    """True when the retelling is the source again, word for word."""
    return _plain(retelling) == _plain(source)


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def verbatim_sentences(sentences: list[str], source: str) -> int:
    """How many of the sentences appear word for word in the source."""
    plain_source = _plain(source)
    return sum(1 for sentence in sentences if _plain(sentence) in plain_source)
