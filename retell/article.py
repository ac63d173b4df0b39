"""The data every stage passes on: a clean article and what was taken out of it.

An `Article` keeps its body paragraphs and its photo captions as `Block`s
with character offsets into `Article.text`, the body paragraphs followed by
the captions, each separated by a blank line. Later stages quote evidence as
offsets into that one string, whether it comes from the body or a caption.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["body", "caption"]

#: Kinds of text the cleaner takes out of a page, in the order a reader meets them.
RemovedKind = Literal[
    "date_header",  # the copy site's date line above the story
    "slug",  # the URL slug glued to (or standing above) the title
    "byline",  # "By Jane Doe" lines; the names go to Article.authors
    "blank",  # a line of nothing but (no-break) spaces
    "caption_copy",  # the repeated copy of a photo caption
    "teaser",  # a related-article teaser: "Read More", label, headline, "article image"
    "notice",  # copy-protection and similar site notices
    "boilerplate",  # share buttons, adverts, newsletter prompts
    "title_copy",  # the title repeated as a body line
    "fragment",  # a truncated trailing fragment of text
    "injection",  # text addressed to a language model: instructions, role markers, tokens
]

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Block:
    """A paragraph of body text or a caption, with its place in `Article.text`."""

    kind: BlockKind
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Removed:
    """A piece of the page that is not part of the story, kept with its kind."""

    kind: RemovedKind
    text: str


@dataclass(frozen=True)
class Article:
    """A clean article: metadata, body paragraphs, captions and removed blocks."""

    source: str
    title: str | None
    blocks: tuple[Block, ...]
    date: dt.date | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    url_slug: str | None = None
    site_name: str | None = None
    removed: tuple[Removed, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        """Body paragraphs then captions, separated by blank lines."""
        return PARAGRAPH_SEPARATOR.join(block.text for block in self.blocks)

    @property
    def body(self) -> list[str]:
        """The body paragraphs, in order."""
        return [block.text for block in self.blocks if block.kind == "body"]

    @property
    def captions(self) -> list[str]:
        """Each photo caption once, in order of first appearance."""
        return [block.text for block in self.blocks if block.kind == "caption"]

    def word_count(self) -> int:
        """Words in the body, the measure later stages use for target lengths."""
        return sum(len(paragraph.split()) for paragraph in self.body)


def layout_blocks(body: Iterable[str], captions: Iterable[str]) -> tuple[Block, ...]:
    """Place body paragraphs then captions one after another, recording offsets."""
    blocks: list[Block] = []
    cursor = 0
    pieces: list[tuple[BlockKind, str]] = [("body", text) for text in body]
    pieces += [("caption", text) for text in captions]
    for kind, text in pieces:
        blocks.append(Block(kind, text, cursor, cursor + len(text)))
        cursor += len(text) + len(PARAGRAPH_SEPARATOR)
    return tuple(blocks)


@dataclass(frozen=True)
class Evidence:
    """A source sentence that bears on a claim, with its place in `Article.text`."""

    text: str
    start: int
    end: int
    kind: str  # "body", "caption", or "answer": an interviewee's words, unquoted on the page
    score: float = 0.0


@dataclass(frozen=True)
class Verdict:
    """What the source says about one candidate sentence."""

    text: str
    paragraph: int
    start: int
    end: int
    label: str
    types: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    score: float
    reason: str


@dataclass(frozen=True)
class Span:
    """A stretch of `Article.text`, given by character offsets."""

    start: int
    end: int


@dataclass(frozen=True)
class Repair:
    """A sentence that failed verification: regenerated (asked for again) or dropped."""

    action: str  # "regenerated" or "dropped"
    text: str
    reason: str


@dataclass(frozen=True)
class Spend:
    """What some model calls cost on one backend: tokens read and written, and model time."""

    backend: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    calls: int = 0

    def add(self, prompt_tokens: int, completion_tokens: int, seconds: float) -> Spend:
        """This spend with one more call added."""
        return Spend(
            self.backend,
            self.prompt_tokens + prompt_tokens,
            self.completion_tokens + completion_tokens,
            self.seconds + seconds,
            self.calls + 1,
        )


@dataclass(frozen=True)
class Piece:
    """One retelling request: the source sentences it covers and what became of them.

    `outcome` is "retold" (the model's text passed the checks), "copied" (the
    model gave the source back word for word), or "kept" (the model's text
    failed a check, named in `problems`, and the source sentences were used), or
    "dropped" (every sentence was rejected when the published text was read as a
    whole, and nothing of it is published; its text is empty).
    When the rewrite verifies its output, `verdicts` holds the verdict on each
    published sentence and `repairs` what was regenerated or dropped.
    """

    text: str
    sources: tuple[Span, ...]
    outcome: str
    problems: tuple[str, ...] = ()
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cached: bool = False
    tries: int = 1
    verdicts: tuple[Verdict, ...] = ()
    repairs: tuple[Repair, ...] = ()


@dataclass(frozen=True)
class OutputParagraph:
    """One paragraph of a rewrite, made of pieces in source order."""

    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        """The paragraph's text: its pieces joined by spaces (a dropped one has none)."""
        return " ".join(piece.text for piece in self.pieces if piece.text)


@dataclass(frozen=True)
class Result:
    """A rewrite of an article: its paragraphs, its source, and how it was made."""

    article: Article
    style: str
    paragraphs: tuple[OutputParagraph, ...]
    backend: str
    target_words: int
    seconds: float
    #: What the judge spent verifying the retellings (its backend may be another one).
    judged: Spend | None = None

    @property
    def text(self) -> str:
        """The rewrite's paragraphs separated by blank lines (an emptied one left out)."""
        return PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs if p.text)

    def pieces(self) -> list[Piece]:
        """Every piece of every paragraph, in order."""
        return [piece for paragraph in self.paragraphs for piece in paragraph.pieces]

    def word_count(self) -> int:
        """Words in the rewrite."""
        return len(self.text.split())
