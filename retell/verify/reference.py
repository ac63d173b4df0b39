"""Whom a pronoun means: "She stated her concerns" must mean the woman the source means.

A retelling that drops or reorders sentences can leave "he" or "she"
pointing at someone else: the source's "She stated her concerns clearly"
follows a sentence about a witness, the retelling's follows one about the
prosecutor. Full coreference needs a model retell does not ship, so this
reads only the plainest case on both sides, the one news writing uses most:
a subject "he" or "she" means the person named as the subject of the
sentence before. Where either side is not that plain, nothing is claimed.
"""

from __future__ import annotations

from dataclasses import dataclass

from retell.text.parse import parse
from retell.text.people import (
    PRONOUNS,
    SUBJECTS,
    name_words,
    named_subject,
    subject_person,
    subject_pronoun,
)
from retell.verify.links import form


@dataclass(frozen=True)
class Misread:
    """A pronoun whose person differs between a retelling and its source."""

    pronoun: str
    mine: str
    theirs: str
    source: str


def misread(
    previous: str, sentence: str, sources: list[str], evidence: list[str]
) -> Misread | None:
    """The misread pronoun of a sentence, given the candidate sentence before it, the
    source's sentences in order and those that retell the same thing as this sentence,
    best first."""
    pronoun = subject_pronoun(parse(sentence))
    if pronoun is None:
        return None
    mine = subject_person(parse(previous))
    if not mine:
        return None
    for text in evidence:
        theirs = _source_person(text, form(pronoun.head), sources)
        if theirs is None:
            continue
        # A reader may take the pronoun for anyone the sentence before names (by gender,
        # which this does not read), so only a person it never names is a misreading.
        if theirs and not name_words(theirs) & name_words(previous):
            return Misread(pronoun.text, mine, theirs, text)
        return None
    return None


def _source_person(text: str, action: str, sources: list[str]) -> str | None:
    """Who does the action in a source sentence: the person its subject names, or for a
    subject pronoun the person the sentence before names; "" when the subject names
    nobody plainly, None when the sentence has no such action with a subject."""
    for token in parse(text):
        if token.pos_ not in ("VERB", "AUX") or form(token) != action:
            continue
        for subject in (c for c in token.children if c.dep_ in SUBJECTS):
            if subject.lower_ not in PRONOUNS:
                return named_subject(subject)
            before = _before(text, sources)
            return subject_person(parse(before)) if before else ""
    return None


def _before(text: str, sources: list[str]) -> str:
    """The source sentence before this one, or ""."""
    where = sources.index(text) if text in sources else 0
    return sources[where - 1] if where > 0 else ""
