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

import re
from dataclasses import dataclass
from typing import Any

from retell.text.facts import ROLE_NOUNS
from retell.text.parse import parse
from retell.verify.links import form

PRONOUNS = frozenset({"he", "she"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Verbs too common to tell one person's sentence from another's.
LINKING = frozenset({"be", "have", "do", "get", "become"})


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
    pronoun = _subject_pronoun(parse(sentence))
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
        if theirs and not _words(theirs) & _words(previous):
            return Misread(pronoun.text, mine, theirs, text)
        return None
    return None


def _subject_pronoun(doc: Any) -> Any | None:
    """The "he" or "she" that is the subject of a text's main verb, when that verb is an
    action (not "be" or "have", which any sentence about anyone shares) and no person is
    named before the pronoun in the same sentence (it may then mean that person)."""
    for token in doc:
        if token.ent_type_ == "PERSON":
            return None
        if token.lower_ in PRONOUNS and token.dep_ in SUBJECTS:
            head = token.head
            plain = head.dep_ == "ROOT" and form(head) not in LINKING
            return token if plain else None
    return None


def subject_person(doc: Any) -> str:
    """The person named in the subject of a text's main verb ("Prosecutor Amelia Strand",
    "The woman who ..., accountant Nadia Quist"), or "" when the subject names none."""
    roots = [token for token in doc if token.dep_ == "ROOT"]
    for root in roots[:1]:
        for subject in (c for c in root.children if c.dep_ in SUBJECTS):
            return _named(subject)
    return ""


def _named(subject: Any) -> str:
    """The person's name in a subject's words: a PERSON entity, else the proper noun that
    heads it or stands beside it ("the woman ..., accountant Nadia Quist", where the small
    parser often takes a name for an organisation)."""
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    for entity in subject.doc.ents:
        if entity.label_ == "PERSON" and start <= entity.start and entity.end <= end:
            return str(entity.text)
    beside = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    for name in [subject, *beside]:
        if name.pos_ == "PROPN":
            parts = [c for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            return " ".join(t.text for t in sorted([*parts, name], key=lambda t: t.i))
    return ""


def _source_person(text: str, action: str, sources: list[str]) -> str | None:
    """Who does the action in a source sentence: the person its subject names, or for a
    subject pronoun the person the sentence before names; "" when the subject names
    nobody plainly, None when the sentence has no such action with a subject."""
    for token in parse(text):
        if token.pos_ not in ("VERB", "AUX") or form(token) != action:
            continue
        for subject in (c for c in token.children if c.dep_ in SUBJECTS):
            if subject.lower_ not in PRONOUNS:
                return _named(subject)
            before = _before(text, sources)
            return subject_person(parse(before)) if before else ""
    return None


def _before(text: str, sources: list[str]) -> str:
    """The source sentence before this one, or ""."""
    where = sources.index(text) if text in sources else 0
    return sources[where - 1] if where > 0 else ""


def _words(name: str) -> set[str]:
    """The lower-cased words of a name (or a sentence), titles and roles aside."""
    words = re.findall(r"[^\W\d_]+", name.lower().replace("'s", ""))
    return {word for word in words if word not in ROLE_NOUNS}
