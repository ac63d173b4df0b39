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
from retell.text.parse import lemmas, parse

#: A retelling may run from this share of the asked-for words ...
MIN_LENGTH_SHARE = 0.45
#: ... up to this share, before it is refused as a summary or an embellishment.
MAX_LENGTH_SHARE = 1.35

# Words that change who someone is; each must come from the source.
_ROLE_WORDS = re.compile(
    r"\b(?:former|ex|late|opposition|acting|interim|deputy|shadow|outgoing|incoming|then(?=-))\b",
    re.I,
)


def problems(
    retelling: str,
    source: str,
    asked_words: int,
    shares: tuple[float, float] = (MIN_LENGTH_SHARE, MAX_LENGTH_SHARE),
) -> list[str]:
    """What is wrong with a retelling of `source`; an empty list means it passes. Its
    length must lie within `shares` of the asked-for words (and three words more)."""
    found: list[str] = []
    words = len(retelling.split())
    if not shares[0] * asked_words <= words <= shares[1] * asked_words + 3:
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
    found += _absent("repeated word", sorted(_doubled(retelling) - _doubled(source)))
    return found


# A word said twice in a row ("Ukraine's Ukraine's protection", from a summary of the seed).
_DOUBLED = re.compile(r"\b(\w[\w'’]*)\s+\1\b", re.I)


def _doubled(text: str) -> set[str]:
    """The words a text says twice in a row, lower-cased."""
    return {match.group(1).lower() for match in _DOUBLED.finditer(text)}


def borrowed(retelling: str, source: str, examples: frozenset[str]) -> list[str]:
    """Nouns a retelling took from the prompt's worked examples rather than its source: a
    summary of a BBC story about council planning powers came back as "responsibility for
    ferry planning", the examples' ferry (XSumFaith, 2026-12-02). `examples` holds the
    lemmas of the examples' nouns."""
    known = lemmas(source)
    taken = {
        token.lemma_.lower()
        for token in parse(retelling)
        if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in examples
    }
    return _absent("word from the examples", list(taken - known))


def example_nouns(texts: list[str]) -> frozenset[str]:
    """The lemmas of the nouns of a prompt's worked examples."""
    return frozenset(
        token.lemma_.lower()
        for text in texts
        for token in parse(text)
        if token.pos_ in {"NOUN", "PROPN"}
    )


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
