"""Whom the published text names: people a rewrite's reader must be able to place.

A rewrite publishes some of the source's sentences, retold or kept, and skips
others. Two things a skipped sentence took with it are put back here from the
source itself, never from the model:

- a subject "he" or "she" whose person the source named in the sentence just before, or
  in the sentence retold itself, when the published sentence before does not name them
  ("He said he expressed his concerns ..." after a sentence about someone else): the
  pronoun becomes the name;
- the full name of a person first met by surname alone ("Ms. Gonzales said ..."):
  `retell.text.people.introduce`.

A retold sentence so changed is checked again, and keeps its old wording unless the
checker supports the new; a sentence kept in the source's words is changed only by the
source's own name for the same person.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from retell.article import Article, Evidence, OutputParagraph, Piece, Verdict
from retell.text.parse import parse
from retell.text.people import (
    PRONOUNS,
    SUBJECTS,
    Genders,
    full_names,
    introduce,
    name_words,
    sentence_person,
    source_genders,
    subject_person,
    subject_possessive,
    subject_pronoun,
    subject_role,
)
from retell.text.sentences import Sentence, source_pieces, split_sentences
from retell.text.speech import SAYING, narration, sayers

#: The checker's verdict on a changed sentence, given the source sentences it retells.
Recheck = Callable[[str, tuple[Evidence, ...]], Verdict]
#: A change to one sentence: the new text, and the surnames it names.
Change = Callable[[str], tuple[str, set[str]]]


def introduced(
    paragraphs: list[OutputParagraph], article: Article, recheck: Recheck | None
) -> list[OutputParagraph]:
    """The paragraphs with each person first named by surname alone given the full name
    the source uses."""
    names = full_names(article.body)
    named: set[str] = set()

    def change(text: str) -> tuple[str, set[str]]:
        return introduce(text, names, named)

    return _each_sentence(paragraphs, article, recheck, change, named.update)


def named_subjects(
    paragraphs: list[OutputParagraph], article: Article, recheck: Recheck | None
) -> list[OutputParagraph]:
    """The paragraphs with a piece's opening "he" or "she" replaced by the person the
    source names just before that piece, where the published sentence before does not."""
    found = source_pieces(article)
    genders = source_genders([sentence.text for sentence in found])
    previous = ""
    changed = []
    for paragraph in paragraphs:
        pieces = []
        for piece in paragraph.pieces:
            named = _named_first(piece, article) or _source_before(found, piece)
            pieces.append(
                _first_sentence(piece, article, recheck, _naming(named, previous, genders))
            )
            previous = _last_sentence(pieces[-1]) or previous
        changed.append(OutputParagraph(tuple(pieces)))
    return changed


def _named_first(piece: Piece, article: Article) -> str:
    """The first source sentence a piece retells, when its subject names a person: a
    retelling that opens with "he" where that sentence opens with "Begala said" has lost
    the name (trafilatura-eval's LA Times page, 2026-12-05)."""
    if not piece.sources or not piece.verdicts:
        return ""
    first = article.text[piece.sources[0].start : piece.sources[0].end]
    return first if subject_person(parse(first)) else ""


def _naming(naming: str, previous: str, genders: Genders) -> Change:
    """The change that names the subject pronoun of a sentence after `previous` by the
    person the subject of the source sentence `naming` names; or the "his" or "her" that
    owns the subject (see `_owner`)."""

    def change(text: str) -> tuple[str, set[str]]:
        doc = parse(text)
        pronoun = subject_pronoun(doc)
        if pronoun is not None:
            return _replaced(text, pronoun, _referent(naming, previous)), set()
        owner = subject_possessive(doc)
        if owner is None:
            return text, set()
        return _replaced(text, owner, _owner(owner, naming, previous, genders)), set()

    return change


def _owner(possessive: Any, naming: str, previous: str, genders: Genders) -> str:
    """Whom a "his" or "her" outside quotation marks means, as a possessive ("Hegseth's"):
    the person the source sentence `naming` is about, when spaCy takes them for a person
    and the source calls them by the same pronoun, or "" where `previous` already names
    them ("His comments came days after Trump declared ...", Hegseth's in the
    seed, published after a sentence that no longer named him, 2026-12-07). Over
    XSumFaith's 500 articles, publishing each sentence after the one two before it, the
    person alone was wrong 8 times in 18 ("Hull's entrance", "Police Scotland's
    relatives", a quotation's "His" given its own speaker); with the other two asked, 3
    were named, each rightly ("Nicholas George Winton's Jewish parents")."""
    if not narration(possessive.doc.text)[possessive.idx].strip():
        return ""
    doc = parse(naming)
    person = sentence_person(doc)
    if not any(e.label_ == "PERSON" and person in e.text for e in doc.ents):
        return ""
    said = {genders[word][0] for word in name_words(person) if word in genders}
    if said != {"he" if possessive.lower_ == "his" else "she"}:
        return ""
    return "" if name_words(person) & name_words(previous) else person + "'s"


def _replaced(text: str, token: Any, words: str) -> str:
    """The text with a token replaced by words (capitalised where the token opens it), or
    the text as it is when there are no words."""
    if not words:
        return text
    if token.i == 0:
        words = words[0].upper() + words[1:]
    return text[: token.idx] + words + text[token.idx + len(token.text) :]


def _referent(naming: str, previous: str) -> str:
    """Whom the subject of the source sentence `naming` names, by name or else by role
    ("A spokesperson for Sheffield University": trafilatura-eval's MSN page, whose
    spokesperson's "He added that ..." was published after a sentence about a student,
    2026-12-06), or "" where `previous` already names them."""
    doc = parse(naming)
    person = sentence_person(doc)
    if person:
        return "" if name_words(person) & name_words(previous) else person
    role = subject_role(doc)
    # A sentence before that has a noun of the role ("the spokesperson") says whom "he" means.
    if not role or _shares_a_noun(role, previous):
        return ""
    return role[0].lower() + role[1:] if role.split()[0].lower() in ("a", "an", "the") else role


def _shares_a_noun(role: str, previous: str) -> bool:
    """True when a noun of the role's phrase stands in the sentence before."""
    nouns = {t.lemma_.lower() for t in parse(role) if t.pos_ == "NOUN"}
    return bool(nouns & {t.lemma_.lower() for t in parse(previous)})


def _each_sentence(
    paragraphs: list[OutputParagraph],
    article: Article,
    recheck: Recheck | None,
    change: Change,
    kept: Callable[[set[str]], None],
) -> list[OutputParagraph]:
    """Every published sentence, in order, through `change`; `kept` hears the names of
    each sentence as it is published."""
    return [
        OutputParagraph(
            tuple(_first_sentence(piece, article, recheck, change, kept) for piece in p.pieces)
        )
        for p in paragraphs
    ]


def _first_sentence(
    piece: Piece,
    article: Article,
    recheck: Recheck | None,
    change: Change,
    kept: Callable[[set[str]], None] | None = None,
) -> Piece:
    """A piece with its first published sentence changed, or with `kept` every one, which
    then hears the names of each sentence as published. A piece in the source's words is
    changed as it stands; a retold sentence keeps the change only if it is supported."""
    if not piece.verdicts:
        text = _changed_text(piece.text, change, kept)
        return piece if text == piece.text else dataclasses.replace(piece, text=text)
    verdicts = list(piece.verdicts)
    for number, verdict in enumerate(verdicts if kept else verdicts[:1]):
        text, names = change(verdict.text)
        if text != verdict.text:
            verdicts[number], names = _rechecked(verdict, text, names, recheck, piece, article)
        if kept:
            kept(names)
    text = " ".join(verdict.text for verdict in verdicts)
    return dataclasses.replace(piece, text=text, verdicts=tuple(verdicts))


def _rechecked(
    verdict: Verdict,
    text: str,
    names: set[str],
    recheck: Recheck | None,
    piece: Piece,
    article: Article,
) -> tuple[Verdict, set[str]]:
    """The verdict on a changed sentence and the names it publishes: the checker's, if it
    supports the new wording; else the old verdict, and no name introduced after all."""
    if recheck is None:
        return dataclasses.replace(verdict, text=text), names
    again = recheck(text, _made_from(piece, article))
    return (again, names) if again.label == "supported" else (verdict, set())


def _changed_text(text: str, change: Change, kept: Callable[[set[str]], None] | None) -> str:
    """A text kept in the source's words with its first sentence (or, with `kept`, every
    one) changed."""
    spans = split_sentences(text)
    parts, cursor = [], 0
    for start, end in spans if kept else spans[:1]:
        new, names = change(text[start:end])
        parts += [text[cursor:start], new]
        cursor = end
        if kept:
            kept(names)
    return "".join(parts) + text[cursor:]


def _made_from(piece: Piece, article: Article) -> tuple[Evidence, ...]:
    """The source sentences a piece retells, as the checker takes them."""
    return tuple(
        Evidence(article.text[span.start : span.end], span.start, span.end, "body")
        for span in piece.sources
    )


def _source_before(found: tuple[Sentence, ...], piece: Piece) -> str:
    """The source sentence just before the first one a piece retells, or "". Where that
    sentence's own subject is "he" or "she", the nearest sentence of its paragraph before
    it whose subject is a named person, passing over up to PRONOUN_RUN sentences that say
    "he" or "she" of them: in "Tobias Harris was solid ... He leveraged ... But on the
    defensive end, he was able ... He opened the game defending Jaylen Brown", the last
    sentence's "he" is Harris (trafilatura-eval's PhillyVoice page, where it was published
    after a sentence about another player, 2026-12-05). A "he said" may pass over one
    sentence that names no one, to a named speaker just before it."""
    if not piece.sources:
        return ""
    start = piece.sources[0].start
    before = [sentence for sentence in found if sentence.end <= start]
    if not before:
        return ""
    paragraphs = {before[-1].paragraph}
    saying = _says(next((s.text for s in found if s.start >= start), ""))
    passed = False
    for sentence in reversed(before[-PRONOUN_RUN - 1 :]):
        if sentence.paragraph not in paragraphs:
            break
        doc = parse(sentence.text)
        if passed:
            # "Many publishers were afraid ..., he said." is Mr Yashin's, who "said the
            # opposition would seek donations" two sentences before, past "But publishing
            # ... is hard work.", which names no one (BBC, XSumFaith dev, 2026-12-07;
            # published after a sentence about Boris Nemtsov, it read as his). Only a
            # speaker named just before such a sentence is taken.
            named = subject_person(doc) and _says(sentence.text)
            return sentence.text if named else before[-1].text
        quoted = saying and _unattributed_quotation(sentence.text)
        passed = saying and not quoted and _no_one(doc)
        if subject_person(doc) or not (quoted or passed or _about_him_or_her(doc)):
            return sentence.text
        # A quotation names no one, and the "he" who "added" after it may be its speaker,
        # named in the paragraph before it: "However, he added that ..." followed the
        # second of Vladimir Katalov's quoted sentences, and was published after a
        # sentence about hackers' forums (BBC, XSumFaith dev, 2026-12-07).
        # So may "he" sentences whose paragraph names no one before them: news sites give
        # each sentence its own paragraph ("He later gave a half-hearted caveat ..." in the
        # seed, after Hegseth's quotation, 2026-12-07).
        paragraphs = {sentence.paragraph, sentence.paragraph - 1}
    return before[-1].text


def _no_one(doc: Any) -> bool:
    """True for a sentence that names no person, has no name or person by role for a
    subject ("An HMRC spokesman pointed out ...", "..., which Simpson said were ..."),
    and says nothing of "he" or "she"."""
    if subject_role(doc):
        return False
    return not any(
        t.ent_type_ == "PERSON"
        or t.lower_ in PRONOUNS
        or (t.pos_ == "PROPN" and t.dep_ in SUBJECTS)
        for t in doc
    )


def _says(text: str) -> bool:
    """True when a sentence's main verb is one of saying, active ("he added", "she told";
    not "he is described as ...", said of the man a detective described)."""
    return any(
        t.dep_ == "ROOT"
        and t.lemma_.lower() in SAYING
        and any(child.dep_ == "nsubj" for child in t.children)
        for t in parse(text)
    )


def _unattributed_quotation(text: str) -> bool:
    """True for a sentence that opens with a quotation mark and names no speaker."""
    return text.lstrip()[:1] in _OPENING_MARKS and not sayers(text)


_OPENING_MARKS = "\"“‘'"


def _about_him_or_her(doc: Any) -> bool:
    """True when the subject of a sentence's main verb, whatever the verb, is "he" or
    "she" ("But on the defensive end, he was able to ...")."""
    return any(
        token.lower_ in PRONOUNS and token.dep_ in SUBJECTS and token.head.dep_ == "ROOT"
        for token in doc
    )


#: How many sentences in a row that say "he" or "she" of someone named before them
#: `_source_before` passes over.
PRONOUN_RUN = 3


def _last_sentence(piece: Piece) -> str:
    """The last sentence a piece publishes, or ""."""
    if piece.verdicts:
        return piece.verdicts[-1].text
    spans = split_sentences(piece.text)
    return piece.text[spans[-1][0] : spans[-1][1]] if spans else ""
