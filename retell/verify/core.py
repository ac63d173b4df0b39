"""A retelling whose main statement is its own: a new verb said of a new subject.

The clause checks count new words against all of a sentence's words, so a
sentence that keeps the source's nouns can still pass with an invented
statement at its centre: "Current issues with CVS Health's products,
services, and health initiatives are being addressed" was published for
"there are millions of people ... being impacted by the products, services
and health initiatives that CVS Health disburses" (jobsnhire.com's page in
trafilatura-eval, 2026-12-06): six of eight content words are the source's,
but neither "issues" nor "addressed" is. A paraphrase changes the verb or the
subject, seldom both; where the main verb and every noun it is said of are
new, the statement is not the source's.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from retell.text.parse import parse
from retell.text.people import SUBJECTS
from retell.verify.evidence import terms

#: A verb that carries a clause ("found that ...", "wrote: ...", "hopes to ...") frames
#: what the clause says; the statement is the clause, which the other checks read.
_CARRIED = frozenset({"ccomp", "parataxis", "xcomp"})
#: New words sharing this many first letters with a source word count as its own
#: ("current" for "currently"), as the clause checks count them.
_STEM = 5


def new_statement(sentence: str, made_from: str) -> tuple[str, str] | None:
    """The main verb and subject of a retelling when both are new to the sentences it
    retells (`made_from`), or None. Read over 1,272 published and refused retellings of
    40 saved rewrites (2026-12-06), it found the CVS sentence and nothing else."""
    known = _known(made_from)
    for verb in parse(sentence):
        if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or _said_of_known(verb, known):
            continue
        subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
        nouns = [subject for subject in subjects if subject.pos_ == "NOUN"]
        if nouns and len(nouns) == len(subjects) and not any(_in(n, known) for n in nouns):
            return verb.text, nouns[0].text
    return None


def new_predicate(sentence: str, source: str) -> tuple[str, str] | None:
    """A verb and the noun it acts on when the source uses neither, or None: the statement
    is new however many of the sentence's other words are the source's. "Switching focus to
    Android has solved the problems with the BB10 platform." shares five of seven content
    words with its source sentence, so the word-overlap gate called it strongly supported
    and the judge, which rejects it, was never asked (an XSumFaith test summary,
    2026-12-07). It is a reason to ask the judge, not a finding, since a paraphrase
    ("demonstrated his enduring skill") does the same: of the 1,151 FaithBench news
    sentences the typed checks and the gate passed, it sends 37 to the judge, 7 of them
    marked, and the embedded judge passed all 37 (2026-12-07). Over 529 saved summary
    sentences of retell's it picked three, all false."""
    known = _known(source)
    for verb in parse(sentence):
        if verb.pos_ != "VERB" or _in(verb, known):
            continue
        new = [
            c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and not _in(c, known)
        ]
        if new:
            return verb.text, new[0].text
    return None


def _said_of_known(verb: Any, known: frozenset[str]) -> bool:
    """True when the verb is the source's, or frames a clause of its own."""
    return _in(verb, known) or any(child.dep_ in _CARRIED for child in verb.children)


@lru_cache(maxsize=64)
def _known(text: str) -> frozenset[str]:
    """The words of a text as the retelling may use them: as written, as lemmas, and
    their first letters."""
    words = set(terms(text))
    for token in parse(text):
        words.update((token.lower_, token.lemma_.lower()))
    return frozenset(words | {word[:_STEM] for word in words if len(word) >= _STEM})


def _in(token: Any, known: frozenset[str]) -> bool:
    """True when a token's word, its lemma or its first letters are known."""
    forms = (token.lower_, token.lemma_.lower())
    return any(form in known or form[:_STEM] in known for form in forms)


#: Verbs that give something a name: "a mineral called iron", "a group known as ...".
_NAMING = frozenset({"call", "name", "dub", "term", "label", "know"})


def new_name(sentence: str, made_from: str) -> str | None:
    """The name a retelling gives something ("a mineral called iron") when the sentences
    it retells never use it, or None. The List's page (2026-12-06): "One of the most
    important for folks who plan to start a family is a mineral called iron" was
    published for a sentence that names no mineral; the page speaks of iron elsewhere, so
    the article-wide checks found the word. Read over 654 retellings of saved rewrites,
    six named something, and only this one with a word its sources lack; over 1,272, it
    fired on nothing else."""
    known = _known(made_from)
    for token in parse(sentence):
        if _naming(token):
            words = [token, *(c for c in token.children if c.dep_ in ("compound", "amod"))]
            if not all(_in(word, known) for word in words if word.is_alpha):
                return str(token.text)
    return None


def _naming(token: Any) -> bool:
    """True for the name a naming verb gives: "called X", "known as X"."""
    if token.dep_ == "oprd":
        return bool(token.head.lemma_.lower() in _NAMING)
    under_as = token.dep_ == "pobj" and token.head.lower_ == "as"
    return under_as and token.head.head.lemma_.lower() in _NAMING
