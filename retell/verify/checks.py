"""Typed checks: each looks at one kind of fact in a sentence and asks the source about it.

A check returns `Finding`s: the error type, whether the source says
otherwise ("contradicted") or says nothing ("unsupported"), a one-line
reason, and the source sentences it rests on. Each check is small and
tested on its own; `retell.verify.check` runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from retell.verify.evidence import Evidence, EvidenceIndex, terms

Label = str  # "supported" | "unsupported" | "contradicted"


@dataclass(frozen=True)
class Finding:
    """One problem a check found in a sentence."""

    type: str
    label: Label
    reason: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Context:
    """What every check may consult: the source text, its index, the sentence's evidence."""

    source: str
    index: EvidenceIndex
    evidence: tuple[Evidence, ...]

    @property
    def plain_source(self) -> str:
        """The source with quotes and dashes unified and whitespace collapsed."""
        return plain(self.source)


Check = Callable[[str, Context], list[Finding]]

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-"}
)


def plain(text: str) -> str:
    """Text with typographic quotes and dashes made plain and whitespace collapsed."""
    return " ".join(text.translate(_QUOTES).split())


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


def check_numbers(sentence: str, context: Context) -> list[Finding]:
    """Every number must be in the source; one the evidence states differently contradicts."""
    known = numbers(context.source)
    findings = []
    for value in sorted(numbers(sentence) - known):
        nearby = sorted(n for span in context.evidence for n in numbers(span.text))
        label = "contradicted" if nearby else "unsupported"
        reason = f"{_show(value)} is not in the source"
        if nearby:
            reason += f"; the closest passage says {', '.join(_show(n) for n in nearby[:3])}"
        findings.append(Finding("number", label, reason, context.evidence[:1]))
    return findings


def _show(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


# ---------------------------------------------------------------- quotes

_QUOTED = re.compile(r"(?:^|(?<=[\s(]))['\"]([^'\"]{8,}?)[,.!?]?['\"](?=[\s.,;:!?)]|$)")


def check_quotes(sentence: str, context: Context) -> list[Finding]:
    """Words inside quotation marks must stand in the source word for word."""
    findings = []
    for quoted in _QUOTED.findall(plain(sentence)):
        words = quoted.strip(" ,.")
        if words.lower() not in context.plain_source.lower():
            findings.append(
                Finding(
                    "quote",
                    "contradicted",
                    f"the quoted words '{words}' are not in the source",
                    context.evidence[:1],
                )
            )
    return findings


# ---------------------------------------------------------------- names

_NAME = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|of|de|von|van|al))*")
_SENTENCE_WORDS = frozenset(
    "The A An It In On At As But And Or So This That These Those He She They We I His Her Their "
    "Its There Here When While After Before Since However Meanwhile Also Still Even Some Many "
    "Most Such What Who Which Where Why How According Last Next If For With By From To Despite "
    "Although Under Over Both Each Every Other Another Then Now Today Yesterday".split()
)


def names(text: str) -> set[str]:
    """Capitalised words of a text that name someone or something (not its first word)."""
    found = set()
    for match in _NAME.finditer(plain(text)):
        words = match.group().split()
        if match.start() == 0:
            words = words[1:]  # any word is capitalised at the start of a sentence
        for word in words:
            if word[:1].isupper() and word not in _SENTENCE_WORDS:
                found.add(word.removesuffix("'s"))
    return found


def check_names(sentence: str, context: Context) -> list[Finding]:
    """Every named person, place or body must be named somewhere in the source."""
    source_words = {word.lower() for word in re.findall(r"[\w'-]+", context.plain_source)}
    source_words |= {word.removesuffix("'s") for word in source_words}
    missing = sorted(name for name in names(sentence) if name.lower() not in source_words)
    if not missing:
        return []
    return [
        Finding(
            "entity",
            "unsupported",
            f"{', '.join(missing)} not named in the source",
            context.evidence[:1],
        )
    ]


# ---------------------------------------------------------------- roles

# The role is matched in any case ("Prime Minister", "prime minister"); the name must be
# capitalised, so "the president and ..." never pairs a role with an ordinary word.
_ROLE = re.compile(
    r"\b((?i:former|ex-|late|acting|interim|opposition leader|opposition|prime minister|"
    r"foreign minister|defen[cs]e secretary|president|chancellor|culture secretary|spokesman|"
    r"spokeswoman|envoy|minister|secretary|leader|chief|mayor|governor))\s+"
    r"(?:[a-z-]+\s+){0,3}?((?:[A-Z][\w'.-]+\s*){1,4})"
)


def roles(text: str) -> list[tuple[str, str]]:
    """(role, surname) pairs such as ("prime minister", "Starmer") a text attaches."""
    pairs = []
    for role, name in _ROLE.findall(plain(text)):
        surname = name.split()[-1].removesuffix("'s")
        if surname not in _SENTENCE_WORDS:
            pairs.append((role.lower(), surname))
    return pairs


def check_roles(sentence: str, context: Context) -> list[Finding]:
    """A title or role put before a person must be put before that person in the source."""
    source_pairs = roles(context.source)
    findings = []
    for role, surname in roles(sentence):
        theirs = {r for r, s in source_pairs if s == surname}
        if role in theirs or (not theirs and not _named(surname, context)):
            continue
        label = "contradicted" if theirs else "unsupported"
        said = f"; the source calls them {', '.join(sorted(theirs))}" if theirs else ""
        findings.append(
            Finding(
                "role",
                label,
                f"the source never calls {surname} {role}{said}",
                _mentions(surname, context),
            )
        )
    return findings


def _named(surname: str, context: Context) -> bool:
    return surname.lower() in context.plain_source.lower()


def _mentions(surname: str, context: Context) -> tuple[Evidence, ...]:
    return tuple(span for span in context.index.spans if surname in span.text)[:2]


# ---------------------------------------------------------------- polarity

_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b|"
    r"n't\b",
    re.I,
)
_OPPOSITES = [
    (
        {"welcom", "prais", "support", "back", "accept", "endors", "approv"},
        {"dismiss", "reject", "criticis", "criticiz", "condemn", "oppos", "refus"},
    ),
    (
        {"increas", "rais", "boost", "ris", "grow", "expand"},
        {"decreas", "cut", "lower", "fall", "fell", "reduc", "shrink"},
    ),
]


#: Polarity is compared only with evidence sharing this share of the sentence's content words:
#: a negation elsewhere in a loosely related sentence says nothing about this one.
MIN_POLARITY_OVERLAP = 0.5


def overlap(sentence: str, evidence: str) -> float:
    """Share of the sentence's content words that the evidence also uses."""
    words = {word for word in terms(sentence) if word not in _STOP and len(word) > 2}
    return len(words & set(terms(evidence))) / len(words) if words else 0.0


def check_polarity(sentence: str, context: Context) -> list[Finding]:
    """A negation or an opposite verb the best evidence does not share."""
    if not context.evidence or overlap(sentence, context.evidence[0].text) < MIN_POLARITY_OVERLAP:
        return []
    best = context.evidence[0].text
    if bool(_NEGATION.search(sentence)) != bool(_NEGATION.search(best)):
        return [
            Finding(
                "polarity",
                "contradicted",
                "negated where the source is not, or the other way round",
                context.evidence[:1],
            )
        ]
    mine, theirs = set(terms(sentence)), set(terms(best))
    for one, other in _OPPOSITES:
        if (mine & one and theirs & other and not theirs & one) or (
            mine & other and theirs & one and not theirs & other
        ):
            return [
                Finding(
                    "polarity",
                    "contradicted",
                    "says the opposite of the source",
                    context.evidence[:1],
                )
            ]
    return []


# ---------------------------------------------------------------- additions

#: Share of a sentence's content words that must occur in the source.
MIN_COVERAGE = 0.6
_STOP = frozenset(
    terms(
        "the a an and or but of to in on at for with by from as is are was were be been has have "
        "had will would could should may might this that these those it its he she they them "
        "his her their who which what when where while after before since about also more most "
        "than then over under into out up down not no said says say one two"
    )
)


def check_additions(sentence: str, context: Context) -> list[Finding]:
    """A sentence most of whose content words the source never uses adds something."""
    words = [word for word in terms(sentence) if word not in _STOP and len(word) > 2]
    if not words:
        return []
    source = set(terms(context.source))
    missing = [word for word in words if word not in source]
    coverage = 1 - len(missing) / len(words)
    if coverage >= MIN_COVERAGE:
        return []
    return [
        Finding(
            "addition",
            "unsupported",
            f"only {coverage:.0%} of its words are in the source (new: "
            f"{', '.join(sorted(set(missing))[:6])})",
            context.evidence[:1],
        )
    ]


CHECKS: tuple[Check, ...] = (
    check_numbers,
    check_quotes,
    check_names,
    check_roles,
    check_polarity,
    check_additions,
)
