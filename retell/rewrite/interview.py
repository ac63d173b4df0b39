"""Interviews: pages of questions and answers, where "I" is the person interviewed.

A question-and-answer page gives its questions as paragraphs of their own and
its answers in the first person. Retold sentence by sentence, the answers came
out as "I teach art history ..." under a credit to the magazine and its writer,
so the reader takes the writer for the speaker, and the questions came out as
if the rewrite asked them (trafilatura-eval's LA Weekly interview, read on
2026-12-06). On such a page retell leaves the questions out, asks for the
answers in the third person with the interviewee named, and, where a retelling
fails, publishes the answer as the interviewee's quotation rather than as the
writer's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retell.article import Article
from retell.text.parse import parse
from retell.text.sentences import Sentence
from retell.text.speech import FIRST_PERSON, in_quotation_marks, narration

#: A page is an interview when at least this many questions are each followed by an
#: answer in the first person.
MIN_QUESTIONS = 2
#: A question paragraph without a label is short; a longer one ending in "?" is prose
#: that asks.
QUESTION_WORDS = 40
#: Who speaks, before a colon at the start of a paragraph: "ALEXANDRIA DOUZIECH: I try
#: to ...", "L.A. WEEKLY: What ...?", "The Economist: You say ...", "Mr Malone: ...".
_LABEL = re.compile(r"^((?:[A-Z][\w.'’&-]*\s){0,3}[A-Z][\w.'’&-]*):\s")


@dataclass(frozen=True)
class Interview:
    """Which blocks ask, and who speaks in each block that answers (as the page calls
    them: a surname, or the first name a label gives)."""

    questions: frozenset[int]
    speakers: dict[int, str]

    def answers(self, paragraph: int) -> bool:
        """True for a block in which the interviewee speaks."""
        return paragraph in self.speakers

    def speaker(self, paragraph: int) -> str:
        """Who speaks in a block ("" in the writer's)."""
        return self.speakers.get(paragraph, "")


def interview(article: Article) -> Interview | None:
    """The interview a page is, or None for any other page."""
    blocks = article.blocks
    labels = {
        index: found.group(1)
        for index, block in enumerate(blocks)
        if block.kind == "body" and (found := _LABEL.match(block.text))
    }
    asking = _asking(labels, article)
    questions = {
        index
        for index, block in enumerate(blocks)
        if block.kind == "body" and (asks(block.text) or labels.get(index) in asking)
    }
    answered = [i for i in questions if i + 1 < len(blocks) and first_person(blocks[i + 1].text)]
    if len(answered) < MIN_QUESTIONS:
        return None
    people = _people(article)
    names = {i: _person(label, people) for i, label in labels.items() if label not in asking}
    names = {i: name for i, name in names.items() if name}
    speakers = _speakers(article, frozenset(questions), names)
    return Interview(frozenset(questions), speakers) if speakers else None


def _speakers(article: Article, questions: frozenset[int], names: dict[int, str]) -> dict[int, str]:
    """Who speaks in each body block after the first question, up to the last one that
    speaks in the first person (after it the writer speaks again: InStyle's closing blurb
    "Beauty Boss profiles the brains behind the brands ..."): the person its label names,
    else whoever spoke last, else the one person the title names."""
    current = _titled(article)
    last = max(i for i, block in enumerate(article.blocks) if first_person(block.text))
    speakers = {}
    for index, block in enumerate(article.blocks):
        if not min(questions) < index <= last or index in questions or block.kind != "body":
            continue
        current = names.get(index, current)
        if current:
            speakers[index] = current
    return speakers


def _titled(article: Article) -> str:
    """The surname of the one person the title names, when the body names them too."""
    named = [e for e in parse(article.title or "").ents if e.label_ == "PERSON"]
    if len(named) != 1:
        return ""
    surname = named[0].text.split()[-1]
    return surname if surname in article.text else ""


def _person(label: str, people: frozenset[str]) -> str:
    """How a label that names a person calls them ("Mr Malone" is "Malone", "ALEXANDRIA
    DOUZIECH" "Douziech", "Rick" "Rick"), or "" for a label that names a publication or a
    thing ("The Economist", "IG", "National Rail"): one of its words must be a word of a
    person's name the page's own sentences give (`people`)."""
    words = (label.title() if label.isupper() else label).split()
    return words[-1] if {words[0], words[-1]} & people else ""


def _people(article: Article) -> frozenset[str]:
    """Every word of the people's names the tagger finds in the page's body."""
    return frozenset(
        word
        for block in article.blocks
        for entity in parse(block.text).ents
        if entity.label_ == "PERSON"
        for word in entity.text.split()
    )


def _asking(labels: dict[int, str], article: Article) -> set[str]:
    """The labels the interviewer's paragraphs open with: those whose paragraphs mostly
    end in a question mark."""
    asked: dict[str, list[bool]] = {}
    for index, label in labels.items():
        asked.setdefault(label, []).append(article.blocks[index].text.rstrip().endswith("?"))
    return {label for label, ends in asked.items() if sum(ends) * 2 >= len(ends)}


def without_questions(
    sentences: list[Sentence], talk: Interview, article: Article
) -> list[Sentence]:
    """The sentences without the questions, nor the short reply an answer opens with
    ("I do!", "Exactly."), which says nothing once its question is gone (LA Weekly's
    "I do!" was published inside a quotation, 2026-12-06)."""
    starts = {index: block.start for index, block in enumerate(article.blocks)}
    return [
        s
        for s in sentences
        if s.paragraph not in talk.questions
        and not (s.start == starts[s.paragraph] and len(s.text.split()) <= SHORT_REPLY)
    ]


#: A sentence this short opening an answer replies to its question and to nothing else.
SHORT_REPLY = 3


def asks(text: str) -> bool:
    """True for a short paragraph that ends in a question mark, or that puts a question to
    "you" and goes on: InStyle's "Coils to Locs wigs are made of synthetic hair. Do you
    have any plans to offer human hair wigs? I know it's quite difficult to source ..."
    was read as the interviewee's answer and published as her words (2026-12-06)."""
    short = len(text.split()) <= QUESTION_WORDS
    if not short or text.rstrip().endswith("?"):
        return short
    # An answer may ask "you" too ("I asked myself: what would you do?"); the interviewer's
    # paragraph opens on what they ask about, not in the first person.
    opening = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return _ASKS_YOU.search(text) is not None and not first_person(opening)


#: A sentence that asks "you" something.
_ASKS_YOU = re.compile(r"(?:^|[.!?]\s+)[^.!?]*\b(?:you|your)\b[^.!?]*\?", re.I)


def first_person(text: str) -> bool:
    """True when the text speaks as "I" outside quotation marks."""
    return FIRST_PERSON.search(narration(text)) is not None


def problems(retelling: str, speaker: str) -> list[str]:
    """What is wrong with a retelling of the speaker's answer: it speaks as "I", or it
    does not name them, so their claims read as the writer's ("Markets are the only type
    of supermind where ...", from the Economist's interview, 2026-12-06)."""
    if first_person(retelling):
        return [f"it speaks as 'I'; write {speaker} instead"]
    if speaker not in retelling:
        return [f"it does not say these are {speaker}'s words"]
    return []


def quoted(name: str, text: str) -> str:
    """An answer kept in its own words, as the interviewee's quotation."""
    return f"{name} said: " + in_quotation_marks(_LABEL.sub("", text).replace('"', "'"))
