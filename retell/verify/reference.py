"""Whom a pronoun means: "She stated her concerns" must mean the woman the source means.

A retelling that drops or reorders sentences can leave "he" or "she"
pointing at someone else: the source's "She stated her concerns clearly"
follows a sentence about a witness, the retelling's follows one about the
prosecutor. Full coreference needs a model retell does not ship, so this
reads only the plainest case on both sides, the one news writing uses most:
a subject "he" or "she" means the person named as the subject of the
sentence before. Where either side is not that plain, nothing is claimed.
A noun made definite ("the spokesman" for "a spokesman") points back the
same way, at whoever the sentences before it named (`made_definite`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from retell.text.parse import parse
from retell.text.people import (
    PRONOUNS,
    SUBJECTS,
    Genders,
    name_words,
    named_subject,
    opening_pronoun,
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


@dataclass(frozen=True)
class Misgendered:
    """A pronoun that gives a person the other gender from the one the source gives them."""

    pronoun: str
    person: str
    theirs: str
    source: str


def misgendered(previous: str, sentence: str, genders: Genders) -> Misgendered | None:
    """The pronoun of a sentence that means the person the sentence before names as its
    subject, with the gender the source does not give them ("Nadia Mohamed becomes the first
    Black mayor ... He said ..." where the source calls her "she": Twin Cities' page,
    2026-12-06). Nothing is claimed where the sentence before names anyone the source
    gives the pronoun's gender, since a reader may take it to mean them."""
    pronoun = opening_pronoun(parse(sentence))
    person = subject_person(parse(previous)) if pronoun is not None else ""
    theirs = {genders[word] for word in name_words(person) if word in genders}
    if pronoun is None or len({said for said, _ in theirs}) != 1:
        return None
    said, source = theirs.pop()
    named = {genders[word][0] for word in name_words(previous) if word in genders}
    if said == pronoun.lower_ or pronoun.lower_ in named:
        return None
    return Misgendered(pronoun.text, person, said, source)


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


def made_definite(text: str, sources: list[str]) -> str | None:
    """The noun a retelling calls "the X" where the sentences it retells only ever say "a
    X": "The spokesman stated that Alex Salmond attended ..." for "A spokesman stated ...",
    published after a sentence about the SNP's foreign affairs spokesman, who is Salmond
    himself (XSumFaith dev, BBC, 2026-12-06). "The" points back at someone already named;
    the source's "a" names no one. None where the retelling introduces it with "a" itself."""
    theirs = {_determined(token) for sentence in sources for token in parse(sentence)}
    doc = parse(text)
    introduced = {token.lemma_.lower() for token in doc if _determiner(token) in _INDEFINITE}
    for token in doc:
        noun = token.lemma_.lower()
        if not _the(token) or noun in introduced or ("the", noun) in theirs:
            continue
        if any((article, noun) in theirs for article in _INDEFINITE):
            return str(token.text)
    return None


_INDEFINITE = ("a", "an")


def _determined(token: Any) -> tuple[str, str]:
    """(determiner or owner, noun lemma) of a common noun: "a", "the", "this", "his"."""
    return _determiner(token), token.lemma_.lower()


def _determiner(token: Any) -> str:
    """The lower-cased determiner or owner of a common noun; "" for anything else."""
    if token.pos_ != "NOUN":
        return ""
    for child in token.children:
        if child.dep_ in ("det", "poss"):
            return "the" if child.dep_ == "poss" else str(child.lower_)
    return ""


def _the(token: Any) -> bool:
    """True for a common noun after "the" that no name qualifies: "the Bus Rapid Transit
    line" is definite by its name (Miami Today, 2026-12-06)."""
    named = any(child.pos_ == "PROPN" for child in token.children if child.dep_ != "prep")
    return not named and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
