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
from retell.text.facts import person_names
from retell.text.speech import narration

#: A page is an interview when at least this many body paragraphs are nothing but
#: questions, each followed by an answer in the first person.
MIN_QUESTIONS = 2
#: A question paragraph is short; a longer one ending in "?" is prose that asks.
QUESTION_WORDS = 40
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|mine|myself)\b")
#: "ALEXANDRIA DOUZIECH: I try to ..." names who answers; "L.A. WEEKLY: What ...?" who asks.
_LABEL = re.compile(r"^([A-Z][A-Z.'’ -]+[A-Z.]):\s")


@dataclass(frozen=True)
class Interview:
    """Who answers (as the body calls them: a surname), and which blocks ask."""

    name: str
    questions: frozenset[int]

    def answers(self, paragraph: int) -> bool:
        """True for a block after the first question that is not itself a question."""
        return paragraph > min(self.questions) and paragraph not in self.questions


def interview(article: Article) -> Interview | None:
    """The interview a page is, or None for any other page."""
    blocks = article.blocks
    questions = {i for i, block in enumerate(blocks) if block.kind == "body" and asks(block.text)}
    answered = [i for i in questions if i + 1 < len(blocks) and first_person(blocks[i + 1].text)]
    if len(answered) < MIN_QUESTIONS:
        return None
    name = _interviewee(article, questions)
    return None if name is None else Interview(name, frozenset(questions))


def asks(text: str) -> bool:
    """True for a short paragraph that ends in a question mark."""
    return text.rstrip().endswith("?") and len(text.split()) <= QUESTION_WORDS


def first_person(text: str) -> bool:
    """True when the text speaks as "I" outside quotation marks."""
    return _FIRST_PERSON.search(narration(text)) is not None


def _interviewee(article: Article, questions: set[int]) -> str | None:
    """The surname of the person who answers: from the label an answer opens with, else
    the one person the title names whom the body names too."""
    for index, block in enumerate(article.blocks):
        label = _LABEL.match(block.text)
        if label and index not in questions and len(label.group(1).split()) >= 2:
            return label.group(1).split()[-1].title()
    named = {name for name in person_names(article.text) if name in (article.title or "")}
    return next(iter(named)) if len(named) == 1 else None


def quoted(name: str, text: str) -> str:
    """An answer kept in its own words, as the interviewee's quotation."""
    inner = _LABEL.sub("", text).replace("“", "‘").replace("”", "’").replace('"', "'")
    return f"{name} said: “{inner}”"
