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

#: A retelling may run from this share of the asked-for words ...
MIN_LENGTH_SHARE = 0.45
#: ... up to this share, before it is refused as a summary or an embellishment.
MAX_LENGTH_SHARE = 1.35

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED = re.compile(r"\b[A-Z][\w-]*")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n['’]t\b", re.I
)
# A quotation opens after a space or the start and closes before a space or punctuation, so
# the apostrophes of "it's" and "Ukraine's" never count as quote marks.
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))[‘“\"']([^‘’“”\"]{12,}?)[’”\"'](?=[\s.,;:!?)]|$)")
# Words that change who someone is; each must come from the source.
_ROLE_WORDS = re.compile(
    r"\b(?:former|ex|late|opposition|acting|interim|deputy|shadow|outgoing|incoming|then(?=-))\b",
    re.I,
)
# Capitalised words any sentence may start with or use without naming anyone.
_COMMON = frozenset(
    "The A An It In On At As But And Or So Yet This That These Those He She They We I You His Her "
    "Their Its Our Your There Here When While After Before Since Although However Meanwhile "
    "Also Still Even Some Many Most Such What Who Which Where Why How According Last Next "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday If For With By From To Of Mr Mrs "
    "Ms Then Later Earlier Now Today Yesterday Tomorrow Instead Yet Only Both Each Every".split()
)


def problems(retelling: str, source: str, asked_words: int) -> list[str]:
    """What is wrong with a retelling of `source`; an empty list means it passes."""
    found: list[str] = []
    words = len(retelling.split())
    if not MIN_LENGTH_SHARE * asked_words <= words <= MAX_LENGTH_SHARE * asked_words + 3:
        found.append(f"length {words} words for {asked_words} asked")
    found += _missing(_numbers(retelling), _numbers(source), "number")
    found += _missing(_names(retelling), _names(source) | _words(source), "name")
    found += _missing(_roles(retelling), _roles(source), "role word")
    found += _missing(set(_QUOTED.findall(retelling)), None, "quote", source)
    if bool(_NEGATION.search(retelling)) != bool(_NEGATION.search(source)):
        found.append("negation added or lost")
    return found


def _missing(used: set[str], known: set[str] | None, what: str, source: str = "") -> list[str]:
    """One problem per item used but not known (or, for quotes, not in the source text)."""
    absent = sorted(
        item
        for item in used
        if (item not in known if known is not None else item.strip() not in source)
    )
    return [f"{what} not in source: {item}" for item in absent]


def _numbers(text: str) -> set[str]:
    return {number.replace(",", "") for number in _NUMBER.findall(text)}


def _names(text: str) -> set[str]:
    return {word.strip("-") for word in _CAPITALISED.findall(text)} - _COMMON


def _words(text: str) -> set[str]:
    """Every word of the source with its first letter capitalised, for sentence starts."""
    return {word[:1].upper() + word[1:] for word in re.findall(r"[\w-]+", text)}


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
