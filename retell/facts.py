"""Reading the checkable facts of a sentence: numbers, names, quotations, negation.

Both the quick guard on each retelling (`retell.guard`) and the full
verification (`retell.verify`) read sentences with these, so a number or a
name means the same thing to both.
"""

from __future__ import annotations

import re

_PLAIN = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-"}
)


def plain(text: str) -> str:
    """Text with typographic quotes and dashes made plain and whitespace collapsed."""
    return " ".join(text.translate(_PLAIN).split())


# ---------------------------------------------------------------- numbers

_NUMBER = re.compile(
    r"(?<![\w.])(\d+(?:[.,]\d+)*)(\s*(?:%|per cent|percent|million|billion|"
    r"bn|m\b|k\b))?",
    re.I,
)
_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "k": 1e3}


def numbers(text: str) -> set[float]:
    """The numbers a text states, with "3billion", "3 bn" and "3,000,000,000" equal."""
    found: set[float] = set()
    for digits, unit in _NUMBER.findall(text):
        value = float(digits.replace(",", "")) if _is_grouped(digits) else _decimal(digits)
        found.add(value * _SCALE.get(unit.strip().lower(), 1.0))
    return found


def _is_grouped(digits: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits))


def _decimal(digits: str) -> float:
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return float(re.sub(r"[.,]", "", digits))


def show_number(value: float) -> str:
    """A number as a reader would write it."""
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


# ---------------------------------------------------------------- names

_NAME = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|of|de|von|van|al))*")
#: Capitalised words any sentence may use without naming anyone.
COMMON_CAPITALISED = frozenset(
    "The A An It In On At As But And Or So Yet This That These Those He She They We I You His "
    "Her Their Its Our Your There Here When While After Before Since Although However Meanwhile "
    "Also Still Even Some Many Most Such What Who Which Where Why How According Last Next If For "
    "With By From To Of Despite Under Over Both Each Every Other Another Then Now Today "
    "Yesterday Tomorrow Later Earlier Instead Only Mr Mrs Ms Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday".split()
)


def names(text: str) -> set[str]:
    """Capitalised words that name someone or something; a sentence's first word is skipped,
    since every sentence capitalises it."""
    found = set()
    for match in _NAME.finditer(plain(text)):
        words = match.group().split()
        if match.start() == 0:
            words = words[1:]
        found |= {
            word.removesuffix("'s")
            for word in words
            if word[:1].isupper() and word not in COMMON_CAPITALISED
        }
    return found


def known_words(text: str) -> set[str]:
    """Every word of a text, lowercased, with and without a possessive 's."""
    words = {word.lower() for word in re.findall(r"[\w'-]+", plain(text))}
    return words | {word.removesuffix("'s") for word in words}


# ---------------------------------------------------------------- roles

# The role is matched in any case ("Prime Minister", "prime minister"); the name must be
# capitalised, so "the president and ..." never pairs a role with an ordinary word.
_ROLE = re.compile(
    r"\b((?i:former|ex-|late|acting|interim|deputy|shadow|opposition leader|opposition|"
    r"prime minister|foreign minister|defen[cs]e secretary|culture secretary|council leader|"
    r"chief executive|president|chancellor|spokesman|spokeswoman|envoy|minister|secretary|"
    r"councillor|chairman|chairwoman|chair|leader|chief|mayor|governor|professor|judge))\s+"
    r"(?:[a-z-]+\s+){0,3}?((?:[A-Z][\w'.-]+\s*){1,4})"
)


def roles(text: str) -> list[tuple[str, str]]:
    """(role, surname) pairs such as ("prime minister", "Starmer") a text attaches."""
    pairs = []
    for role, name in _ROLE.findall(plain(text)):
        surname = name.split()[-1].removesuffix("'s")
        if surname not in COMMON_CAPITALISED:
            pairs.append((role.lower(), surname))
    return pairs


def role_mismatches(text: str, source: str) -> list[tuple[str, str, set[str]]]:
    """(role, surname, the source's roles for them) for each role the source does not give.

    Roles must match exactly: "secretary" is not "culture secretary", since
    the words before it may name another office ("Foreign Secretary"). A
    person the source never names is left to the name check.
    """
    source_pairs = roles(source)
    named = plain(source).lower()
    found = []
    for role, surname in roles(text):
        theirs = {r for r, s in source_pairs if s == surname}
        if role in theirs or surname.lower() not in named:
            continue
        found.append((role, surname, theirs))
    return found


# ---------------------------------------------------------------- quotations and negation

# A quotation opens after a space or the start and closes before a space or punctuation, so
# the apostrophes of "it's" and "Ukraine's" never count as quote marks.
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))['\"]([^'\"]{8,}?)[,.!?]?['\"](?=[\s.,;:!?)]|$)")
NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b|"
    r"n't\b",
    re.I,
)


def quotations(text: str) -> list[str]:
    """The words a text puts inside quotation marks, without trailing punctuation."""
    return [quoted.strip(" ,.") for quoted in _QUOTED.findall(plain(text))]


def quoted_in(words: str, source: str) -> bool:
    """True when quoted words stand in the source word for word (quotes and case aside)."""
    return words.lower() in plain(source).lower()


def negated(text: str) -> bool:
    """True when a text holds a negation."""
    return NEGATION.search(plain(text)) is not None
