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

from retell.facts import (
    known_words,
    names,
    negated,
    numbers,
    quotations,
    quoted_in,
    role_mismatches,
    show_number,
)
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


Check = Callable[[str, Context], list[Finding]]

# ---------------------------------------------------------------- numbers


def check_numbers(sentence: str, context: Context) -> list[Finding]:
    """Every number must be in the source; one the evidence states differently contradicts."""
    known = numbers(context.source)
    findings = []
    for value in sorted(numbers(sentence) - known):
        nearby = sorted(n for span in context.evidence for n in numbers(span.text))
        label = "contradicted" if nearby else "unsupported"
        reason = f"{show_number(value)} is not in the source"
        if nearby:
            reason += f"; the closest passage says {', '.join(show_number(n) for n in nearby[:3])}"
        findings.append(Finding("number", label, reason, context.evidence[:1]))
    return findings


# ---------------------------------------------------------------- dates

# Day and month names count only capitalised, so the verb "may" is never the month May.
_CALENDAR_NAME = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|"
    r"Donnerstag|Freitag|Samstag|Sonntag|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)\b"
)
_RELATIVE_TIME = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|last (?:week|month|year|night)|"
    r"next (?:week|month|year)|this (?:week|month|year|morning)|gestern|heute|morgen)\b",
    re.I,
)


def calendar_words(text: str) -> set[str]:
    """Day and month names and relative times ("last week") a text uses, lowercased."""
    found = _CALENDAR_NAME.findall(text) + _RELATIVE_TIME.findall(text)
    return {word.lower() for word in found}


def check_dates(sentence: str, context: Context) -> list[Finding]:
    """Weekdays, months and relative times ("last week") must be the source's own."""
    known = calendar_words(context.source)
    findings = []
    for word in sorted(calendar_words(sentence) - known):
        nearby = set().union(*(calendar_words(span.text) for span in context.evidence))
        label = "contradicted" if nearby else "unsupported"
        said = f"; the closest passage says {', '.join(sorted(nearby))}" if nearby else ""
        findings.append(
            Finding("date", label, f"'{word}' is not in the source{said}", context.evidence[:1])
        )
    return findings


# ---------------------------------------------------------------- quotes


def check_quotes(sentence: str, context: Context) -> list[Finding]:
    """Words inside quotation marks must stand in the source word for word."""
    findings = []
    for words in quotations(sentence):
        if not quoted_in(words, context.source):
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


def check_names(sentence: str, context: Context) -> list[Finding]:
    """Every named person, place or body must be named somewhere in the source."""
    known = known_words(context.source)
    missing = sorted(name for name in names(sentence) if name.lower() not in known)
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


def check_roles(sentence: str, context: Context) -> list[Finding]:
    """A title or role put before a person must be put before that person in the source."""
    findings = []
    for role, surname, theirs in role_mismatches(sentence, context.source):
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


def _mentions(surname: str, context: Context) -> tuple[Evidence, ...]:
    return tuple(span for span in context.index.spans if surname in span.text)[:2]


# ---------------------------------------------------------------- polarity

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
    if negated(sentence) != negated(best):
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
    check_dates,
    check_quotes,
    check_names,
    check_roles,
    check_polarity,
    check_additions,
)
