"""Rewriting an article: choose the sentences to keep, then retell them a few at a time.

A small model asked to rewrite a long passage copies it, overruns the
length and invents facts. So retell gives it small tasks: `selection`
fixes which source sentences are kept (which fixes the length and keeps
the order), and the model retells one or two of them per request. Each
retelling passes `guard`'s checks or is replaced by its source sentences.
With a `Critic` (the pipeline hands in the verifier), every sentence of a
retelling is then checked against the whole source: a retelling with
unsupported sentences is asked for again with them named, and sentences that
still fail are dropped, so nothing unsupported is published. On request
(`RewriteOptions.reword_above`), a passing retelling that keeps most of its
source's wording is asked for again too, and the most novel passing answer is
kept (`retell.text.copying`). Every answer
is cached so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from retell.article import Article, Evidence, OutputParagraph, Piece, Repair, Result, Span, Verdict
from retell.backends.base import Backend, Generation, Message, Options
from retell.backends.cache import Cache, request_key
from retell.errors import NoArticle, RetellError
from retell.rewrite import furniture, guard, interview, references
from retell.rewrite.prompts import COPY_NOTE, FIX_NOTE, PROMPTS, SPEAKER_NOTE, Prompt
from retell.rewrite.selection import document_weights, leans_back, score, select
from retell.text.connectives import after_joining
from retell.text.copying import copy_share, sequences
from retell.text.language import require_supported
from retell.text.parse import lemmas, parse
from retell.text.sentences import (
    Sentence,
    block_sentences,
    chunk,
    source_pieces,
    split_sentences,
)
from retell.text.speech import SAYING, closes_first, left_open

STYLES = ("rewrite", "summary", "brief", "headline")
#: The fewest source words a request may be set to carry (`RewriteOptions.piece_words`); a
#: sentence longer than a request's share goes alone, and one longer than
#: `MAX_SENTENCE_WORDS` is first cut at clause boundaries.
MIN_PIECE_WORDS = 10
#: A retelling asks for this share of its source's words: saying it shorter makes a small
#: model reword instead of copying, and selection keeps more sentences to make up for it.
RETELL_SHARE = 0.8
#: Room for the answer: this many times the source's tokens, plus a margin.
ANSWER_TOKEN_FACTOR = 1.6
ANSWER_TOKEN_MARGIN = 24
#: Tries per piece: the first answer, then up to two more with the problems named.
MAX_TRIES = 3
#: The second try samples a little (with a fixed seed, so runs still repeat exactly).
RETRY_TEMPERATURE = 0.4
#: Words a summary sentence is asked for when no total is given: between the one-sentence
#: BBC summaries of XSumFaith (about 21 words) and a CNN/DailyMail highlight (about 14).
SUMMARY_SENTENCE_WORDS = 20
#: A summary draws on the whole article, but news puts what matters first: a sentence's
#: score gains this much at the top of the article, falling off with its place
#: (LEAD_BONUS / (1 + index / LEAD_FALLOFF)).
LEAD_BONUS = 2.0
LEAD_FALLOFF = 2.0
#: A summary sentence that publishes nothing is replaced by the next best sentence, at most
#: this many times: asked for three sentences, 4 of 20 XSumFaith dev summaries came back
#: with one or two (2026-12-06), and each stand-in costs one more request, not minutes.
STAND_INS = 3
#: A summary keeps to the length asked within a quarter: the embedded model, asked for 20
#: words a sentence, answered with 12.6 on average on XSumFaith test articles.
SUMMARY_LENGTH_SHARES = (0.75, 1.25)

#: Past this a penalty forbids every copied run outright (logits of this model span ~30).
MAX_COPY_PENALTY = 50.0

Progress = Callable[[int, int], None]


class Critic(Protocol):
    """What the rewrite stage asks of whoever checks its drafts: the verdict on one drafted
    sentence, with `focus` naming the source sentences it was made from. The pipeline hands
    in `retell.verify.Verifier`; this stage does not import it, since it comes later."""

    def sentence(self, text: str, *, focus: tuple[Evidence, ...] = ()) -> Verdict:
        """The verdict of the source on one sentence."""
        ...

    def across(self, verdicts: list[Verdict]) -> list[Verdict]:
        """The verdicts on a whole text's sentences, in order, again: with what only the
        whole text shows (a pronoun that now means someone else) marked."""
        ...


class InvalidOption(RetellError):
    """A rewrite option out of range, such as a ratio of 0 or above 1."""

    exit_code = 2


@dataclass(frozen=True)
class RewriteOptions:
    """What kind of rewrite to make."""

    style: str = "rewrite"
    ratio: float = 0.45
    sentences: int = 3  # for the summary style
    words: int | None = None  # a summary's length in words, instead of its sentences
    #: When set, a passing retelling that keeps more than this share of its source's 4-word
    #: sequences is asked for again (at RETRY_TEMPERATURE), and the most novel passing
    #: answer is kept. Off by default: with the embedded model on three articles read
    #: sentence by sentence on 2026-12-04 (seed 000 and trafilatura-eval's BBC and
    #: Independent pages), asking again above 0.75 cut the copy share from 0.746 / 0.589 /
    #: 0.615 to 0.638 / 0.522 / 0.454, but the published false or garbled sentences went
    #: from 4 of 51 to 7 of 52 (the most novel answer was often the one that had changed a
    #: fact, "a plan to take over Ukraine") and the time from 215 s to 273 s.
    reword_above: float | None = None
    #: The most source words one request carries; by default the backend's
    #: (`Backend.piece_words`: 55 for the embedded model, a paragraph for a server).
    piece_words: int | None = None
    #: How hard the model is steered off its source's 4-word runs while it writes
    #: (`retell.backends.novelty`; logit units, 0 for off). Off by default: on the seed
    #: (2026-12-06, embedded model), 2 took the copy share from 0.797 to 0.616 and 4 to
    #: 0.646, but the published false or garbled sentences went from 1 of 20 to 5 of 18 and
    #: 5 of 19 (an evidence frame dropped, "in light of" made "despite", "The source
    #: states ...", a "This" and an "it" with nothing to point at).
    copy_penalty: float = 0.0

    @property
    def summary_sentences(self) -> int:
        """The sentences a summary has: as asked, or as many as its words ask for."""
        if self.words is None:
            return self.sentences
        return max(1, round(self.words / SUMMARY_SENTENCE_WORDS))

    @property
    def sentence_words(self) -> int:
        """The words each summary sentence is asked for."""
        if self.words is None:
            return SUMMARY_SENTENCE_WORDS
        return max(6, round(self.words / self.summary_sentences))

    def check(self) -> None:
        """Raise InvalidOption for a style or number retell cannot use."""
        if self.style not in STYLES:
            raise InvalidOption(f"unknown style {self.style!r}; choose from {', '.join(STYLES)}")
        if not 0.05 <= self.ratio <= 1.0:
            raise InvalidOption(f"ratio {self.ratio} is outside 0.05-1.0")
        if self.sentences < 1:
            raise InvalidOption("a summary needs at least one sentence")
        if self.words is not None and self.words < 6:
            raise InvalidOption("a summary needs at least 6 words")
        if self.reword_above is not None and not 0.0 <= self.reword_above < 1.0:
            raise InvalidOption(f"reword share {self.reword_above} is outside 0-1")
        if not 0.0 <= self.copy_penalty <= MAX_COPY_PENALTY:
            raise InvalidOption(f"copy penalty {self.copy_penalty} is outside 0-{MAX_COPY_PENALTY}")
        if self.piece_words is not None and self.piece_words < MIN_PIECE_WORDS:
            raise InvalidOption(f"a request needs at least {MIN_PIECE_WORDS} source words")


@dataclass(frozen=True)
class Request:
    """One planned retelling: its source sentences and the messages that ask for it."""

    sentences: tuple[Sentence, ...]
    prompt: Prompt
    words: int
    options: Options
    #: The lemmas of the whole article: a noun it uses anywhere is not borrowed from the
    #: worked examples, even where the piece's own sentences lack it.
    article_words: frozenset[str] = frozenset()
    #: False for part of a long sentence that `clauses` cut off without the rest of it.
    whole: bool = True
    #: The interviewee whose answer the sentences are, on an interview page.
    speaker: str = ""

    @property
    def messages(self) -> list[Message]:
        """The chat messages of the first try."""
        return self.asking()

    def asking(self, note: str = "") -> list[Message]:
        """The chat messages, with a note after the request (why the last try failed)."""
        told = SPEAKER_NOTE.format(name=self.speaker) if self.speaker else ""
        return self.prompt.messages(self.source, self.words, told + note)

    @property
    def source(self) -> str:
        """The source sentences as one text, without the list marks some pages set before
        a sentence, even inside a paragraph ("... Wednesday night. • It was an underwhelming
        first quarter", PhillyVoice), which a piece kept in the source's words would
        publish mid-paragraph."""
        return _joined(self.sentences)


def _joined(sentences: Sequence[Sentence]) -> str:
    """Source sentences as one text, without their list marks."""
    return " ".join(_LIST_MARK.sub("", sentence.text) for sentence in sentences)


#: A bullet anywhere, or a dash or star opening a sentence: Axios sets "- " before the
#: sentences of its lists, which a piece kept in the source's words published mid-paragraph
#: ("... Sun Sentinel reports. - At a news conference today, ...", 2026-12-05).
_LIST_MARK = re.compile(r"(?:^|(?<=\s))[•▪►]\s+|^[-–—*]\s+")


@dataclass(frozen=True)
class _Material:
    """What every request of an article is planned from: its reporting sentences, every
    prose sentence (repeats too), the interview if it is one, the article's lemmas, and
    where its whole sentences start and end."""

    found: list[Sentence]
    every: list[Sentence]
    talk: interview.Interview | None
    known: frozenset[str]
    edges: tuple[frozenset[int], frozenset[int]]


def _material(article: Article, options: RewriteOptions) -> _Material:
    """The sentences an article is rewritten from. An article in a language retell cannot
    rewrite is refused with UnsupportedLanguage, one with nothing to tell with NoArticle."""
    options.check()
    body = "\n".join(article.body)
    require_supported(body, article.source)
    talk = interview.interview(article)
    every = furniture.prose(article)
    if talk is not None:
        every = interview.without_questions(every, talk, article)
    edges = _sentence_edges(article)
    found = _parts_complete(furniture.reporting(every), source_pieces(article), edges[0])
    if not found:
        raise NoArticle("the article has no sentences to rewrite", source=article.source)
    return _Material(found, every, talk, lemmas(body), edges)


def _parts_complete(
    found: list[Sentence], pieces: Sequence[Sentence], starts: frozenset[int]
) -> list[Sentence]:
    """The sentences found, without any part of a long sentence (cut at its clauses) some
    other part of which was not found, where it does not read as a sentence of its own:
    Miami Today's "“For me, there are still two things that I have a real issue with, ...,
    the priority signalization both north and south," was published alone, the later parts
    of its quotation having been left out as words with no speaker (trafilatura-eval,
    2026-12-06)."""
    kept = {sentence.start for sentence in found}
    whole: dict[int, list[Sentence]] = {}
    opening = 0
    for sentence in pieces:
        opening = sentence.start if sentence.start in starts else opening
        whole.setdefault(opening, []).append(sentence)
    broken = {
        sentence.start
        for parts in whole.values()
        if any(part.start not in kept for part in parts)
        for sentence in parts
        if not _SENTENCE_SHAPE.fullmatch(sentence.text)
    }
    return [sentence for sentence in found if sentence.start not in broken]


#: How a text that reads as a sentence of its own opens and ends. A long quotation the
#: splitter keeps whole is cut at the ends of its sentences first; such a part may stand
#: without the others (`furniture.reporting` leaves out those with no speaker).
_SENTENCE_SHAPE = re.compile(r"[\"'“‘(\[]*[A-Z0-9].*[.!?…][\"'”’)\]]*", re.S)


def plan(article: Article, options: RewriteOptions, backend: Backend) -> list[list[Request]]:
    """The requests a rewrite will send, grouped by output paragraph."""
    material = _material(article, options)
    prompt = PROMPTS[options.style]
    if options.style == "summary":
        # One source sentence per summary sentence: on 20 XSumFaith dev articles, two folded
        # into one scored ROUGE-1 18.5 against 18.1, but fused facts wrongly more often when
        # read, and a failed pair kept as source doubled the length.
        ranked = _summary_ranking(material, article)[: options.summary_sentences]
        chosen = sorted(ranked, key=lambda sentence: sentence.start)
        return [[_summary_request(s, material, options, backend) for s in chosen]]
    most = options.piece_words or backend.piece_words
    planned = [
        [
            _request(group, prompt, backend, material.known, edges=material.edges)
            for run in _voices(paragraph, material.talk)
            for group in pieces(run, most)
        ]
        for paragraph in _paragraph_groups(material, article, options)
    ]
    return _finished(planned, options, material.talk)


def stand_ins(article: Article, options: RewriteOptions, backend: Backend) -> list[Request]:
    """The summary's next sentences after those `plan` chose, best first, at most
    `STAND_INS`: when a summary sentence is dropped (it failed every try and was part of a
    sentence, or an open quotation), the next of these takes its place, so the summary
    keeps the length asked."""
    material = _material(article, options)
    count = options.summary_sentences
    spare = _summary_ranking(material, article)[count : count + STAND_INS]
    return [_summary_request(s, material, options, backend) for s in spare]


def _summary_ranking(material: _Material, article: Article) -> list[Sentence]:
    """Every sentence a summary may be made from, in the order it takes them: the one that
    says the most first, from anywhere in the article, then the others in the article's
    order, as news puts what matters next at the top. What the story keeps using is read
    from every sentence, repeats too: with the repeated lines of a football commentary left
    out, one XSumFaith summary was made from a different, poorer sentence.

    Measured on XSumFaith's 243 dev articles, the source sentences chosen scored ROUGE-1
    18.61 for three sentences against 17.19 when all were taken by score (the first three
    sentences: 18.67), 19.06 for two against 18.61, and 16.28 for five against 14.65; for
    one sentence nothing changes (17.74; the first sentence alone scores 16.13)."""
    # An article told wholly in someone's voice has only such sentences: then take them.
    usable = furniture.summarisable(material.found, article) or material.found
    ranked = _ranked(usable, document_weights(material.every))
    if not ranked:
        return []
    top = next((s for s in ranked if not _needs_before(s)), ranked[0])
    order = [top]
    for sentence in (s for s in usable if s is not top):
        if not _needs_before(sentence) or _before(sentence, material.found) in order:
            order.append(sentence)
    return order + [s for s in usable if s not in order]


def _needs_before(sentence: Sentence) -> bool:
    """True when a sentence means nothing without the one before it: it leans back, or
    its subject is "he", "she" or "they". A summary takes it only with that one: "It also
    annulled her results ..." (the Russian anti-doping agency, named in the sentence
    before) was published in a summary without it (an XSumFaith test article,
    2026-12-07)."""
    opening = after_joining(sentence.text).lstrip("(\"'“‘")
    return leans_back(sentence) or bool(_HE_SHE_THEY.match(opening))


def _before(sentence: Sentence, found: list[Sentence]) -> Sentence | None:
    """The sentence just before this one in the article's kept sentences."""
    place = found.index(sentence)
    return found[place - 1] if place else None


def _summary_request(
    sentence: Sentence, material: _Material, options: RewriteOptions, backend: Backend
) -> Request:
    """The request that retells one source sentence as one summary sentence."""
    prompt = PROMPTS["summary"]
    asked = options.sentence_words
    request = _request((sentence,), prompt, backend, material.known, asked, material.edges)
    return _finish(request, options, material.talk)


def _voices(sentences: list[Sentence], talk: interview.Interview | None) -> list[list[Sentence]]:
    """The sentences in runs of one voice: the writer's, or on an interview page the
    interviewee's answers, so that no request mixes the two."""
    if talk is None:
        return [sentences]
    runs: list[list[Sentence]] = []
    for sentence in sentences:
        if runs and talk.speaker(runs[-1][-1].paragraph) == talk.speaker(sentence.paragraph):
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    return runs


def _finished(
    planned: list[list[Request]], options: RewriteOptions, talk: interview.Interview | None
) -> list[list[Request]]:
    """The requests, each told whose words it retells on an interview page, and to steer
    off its own source's wording when the options ask."""
    return [[_finish(request, options, talk) for request in paragraph] for paragraph in planned]


def _finish(request: Request, options: RewriteOptions, talk: interview.Interview | None) -> Request:
    """One request with its speaker and its copy penalty set."""
    if talk is not None:
        request = dataclasses.replace(request, speaker=talk.speaker(request.sentences[0].paragraph))
    if options.copy_penalty:
        steered = dataclasses.replace(
            request.options, novel_from=request.source, copy_penalty=options.copy_penalty
        )
        request = dataclasses.replace(request, options=steered)
    return request


def _paragraph_groups(
    material: _Material, article: Article, options: RewriteOptions
) -> list[list[Sentence]]:
    """The source sentences each output paragraph (or bullet, or headline) draws on."""
    if options.style == "headline":
        return [_ranked(material.found)[:1]]
    target = round(options.ratio * article.word_count() / RETELL_SHARE)
    groups = select(material.found, target, material.edges[0])
    if options.style == "brief":
        return [[sentence] for group in groups for sentence in group]
    return groups


def _ranked(found: list[Sentence], weights: Counter[str] | None = None) -> list[Sentence]:
    """The sentences a summary or headline is made from, best first: those that say the
    most, with the lead weighted.

    Tried and not kept (2026-12-04): a centroid score (each content word counted by the
    other sentences that use it) chose source sentences nearer the journalists' summaries
    on XSumFaith's 244 dev articles (ROUGE-1 of the sentence itself 18.45 against 17.39),
    but retold by the embedded model its summaries scored lower on the bench's 20 dev
    articles (19.05 against 21.41) and on 3 of the next 4: it chose shorter sentences, and
    a long sentence cut down to 20 words keeps more of what the summary needs."""
    weights = document_weights(found) if weights is None else weights
    worth = [
        score(sentence, weights) + LEAD_BONUS / (1 + place / LEAD_FALLOFF)
        for place, sentence in enumerate(found)
    ]
    return [found[place] for place in sorted(range(len(found)), key=lambda p: -worth[p])]


def pieces(group: Sequence[Sentence], most: int) -> list[tuple[Sentence, ...]]:
    """Consecutive sentences in runs of at most `most` words; never a cut sentence."""
    return [tuple(run) for run in chunk(group, most, _word_count)]


def _word_count(text: str) -> int:
    return len(text.split())


def _request(
    group: tuple[Sentence, ...],
    prompt: Prompt,
    backend: Backend,
    known: frozenset[str],
    most: int | None = None,
    edges: tuple[frozenset[int], frozenset[int]] | None = None,
) -> Request:
    """The messages and options that ask for one retelling, of at most `most` words, from
    an article whose words are `known`; `edges` are where the article's whole sentences
    start and end."""
    source = _joined(group)
    answer = math.ceil(ANSWER_TOKEN_FACTOR * backend.count_tokens(source)) + ANSWER_TOKEN_MARGIN
    words = asked_words(source) if most is None else min(most, asked_words(source))
    whole = edges is None or (group[0].start in edges[0] and group[-1].end in edges[1])
    return Request(group, prompt, words, Options(max_tokens=answer), known, whole)


def _sentence_edges(article: Article) -> tuple[frozenset[int], frozenset[int]]:
    """Where the article's sentences start and end, before any is cut at a clause."""
    spans = [
        (sentence.start, sentence.end)
        for index, block in enumerate(article.blocks)
        for sentence in block_sentences(block, index)
    ]
    return frozenset(start for start, _ in spans), frozenset(end for _, end in spans)


def asked_words(source: str) -> int:
    """How many words a retelling of the source is asked for."""
    return max(1, round(RETELL_SHARE * len(source.split())))


def prompt_tokens(request: Request, backend: Backend) -> int:
    """Tokens of a request's messages, with a few per message for the chat template."""
    return sum(backend.count_tokens(message.content) + 4 for message in request.messages)


def draft(
    article: Article,
    backend: Backend,
    options: RewriteOptions | None = None,
    *,
    cache: Cache | None = None,
    progress: Progress | None = None,
    critic: Critic | None = None,
) -> Result:
    """Rewrite an article through a backend; every piece checked, failures kept as source.

    With a critic, only sentences it finds supported are published.
    """
    options = options or RewriteOptions()
    start = time.perf_counter()
    planned = plan(article, options, backend)
    # The instructions and examples every request starts with; the judge takes turns with
    # the rewriting, so the backend keeps both prefixes ready instead of evaluating them anew.
    backend.prime(PROMPTS[options.style].messages("", 1)[:-1])
    total = sum(len(paragraph) for paragraph in planned)
    done = 0
    paragraphs: list[OutputParagraph] = []
    for paragraph in planned:
        made = []
        for request in paragraph:
            made.append(retell(request, backend, cache, options, critic))
            done += 1
            if progress is not None:
                progress(done, total)
        paragraphs.append(OutputParagraph(tuple(made)))
    if options.style == "summary":
        paragraphs = [_filled(paragraphs[0], article, options, backend, cache, critic)]
    paragraphs = _without_orphans(paragraphs, article)
    recheck = None if critic is None else _rechecker(critic)
    paragraphs = references.named_subjects(paragraphs, article, recheck)
    if critic is not None:
        paragraphs = read_whole(paragraphs, critic)
    paragraphs = _without_open_introductions(paragraphs, article)
    paragraphs = references.introduced(paragraphs, article, recheck)
    target = round(options.ratio * article.word_count())
    if options.style == "summary":
        target = sum(request.words for paragraph in planned for request in paragraph)
    return Result(
        article,
        options.style,
        tuple(paragraphs),
        backend.info().identity,
        target,
        time.perf_counter() - start,
    )


def _without_orphans(paragraphs: list[OutputParagraph], article: Article) -> list[OutputParagraph]:
    """The paragraphs with a piece dropped that leans on the piece before it when that one
    published nothing: the end of a quotation whose beginning was dropped ("But also with
    a huge and well-paid staff, ..., Jamie Lovegrove ... said." was published so from
    FiveThirtyEight's page, 2026-12-06), or a piece whose text still opens pointing back
    ("Either way, ...")."""
    text = article.text
    made: list[OutputParagraph] = []
    before_empty = False
    for paragraph in paragraphs:
        pieces = []
        for piece in paragraph.pieces:
            if before_empty and piece.text and _orphan(piece, text):
                reason = "it leans on the piece before it, which published nothing"
                piece = dataclasses.replace(
                    piece, text="", outcome="dropped", verdicts=(), problems=(reason,)
                )
            before_empty = not piece.text
            pieces.append(piece)
        made.append(OutputParagraph(tuple(pieces)))
    return made


def _orphan(piece: Piece, text: str) -> bool:
    """True when a piece's first source sentence ends a quotation opened before it, or
    leans back and the piece's published text opens the same way."""
    first = piece.sources[0]
    source = Sentence(text[first.start : first.end], first.start, first.end, 0)
    if closes_first(source.text):
        return True
    published = Sentence(piece.text, 0, len(piece.text), 0)
    if _HE_SHE_THEY.match(after_joining(source.text)) and _HE_SHE_THEY.match(
        after_joining(piece.text)
    ):
        # Whom the pronoun means was in the piece that published nothing: the Standard's
        # "He added that Scotland will also align ..." (Humza Yousaf) was published as "He
        # said ..." after a sentence naming Grant Shapps (trafilatura-eval, 2026-12-06).
        return True
    return leans_back(source) and leans_back(published)


_HE_SHE_THEY = re.compile(r"(?:he|she|they)\b", re.I)


def _without_open_introductions(
    paragraphs: list[OutputParagraph], article: Article
) -> list[OutputParagraph]:
    """The paragraphs without a last sentence of a piece that ends in a colon when what
    it introduces is not published right after it: "Huddersfield head coach David
    Wagner:" closed a BBC report's rewrite whose quotations of him were dropped (XSumFaith
    dev, 2026-12-07); before another sentence it would give him that sentence."""
    pieces = [piece for paragraph in paragraphs for piece in paragraph.pieces]
    after = [*pieces[1:], None]
    changed = {
        index: _without_last(piece)
        for index, (piece, following) in enumerate(zip(pieces, after, strict=True))
        if _INTRODUCES.search(piece.text) and not _follows(piece, following, article.text)
    }
    if not changed:
        return paragraphs
    made, index = [], 0
    for paragraph in paragraphs:
        kept = []
        for piece in paragraph.pieces:
            kept.append(changed.get(index, piece))
            index += 1
        made.append(OutputParagraph(tuple(kept)))
    return made


#: The end of a sentence that introduces what follows it (a source's "Wagner:." too).
_INTRODUCES = re.compile(r":[\s.]*$")


def _follows(piece: Piece, following: Piece | None, text: str) -> bool:
    """True when the next piece publishes something and begins with the source sentence
    right after the piece's last one."""
    if following is None or not following.text or not piece.sources or not following.sources:
        return False
    return not text[piece.sources[-1].end : following.sources[0].start].strip()


def _without_last(piece: Piece) -> Piece:
    """A piece without its last sentence (the whole piece dropped if it had one)."""
    spans = split_sentences(piece.text)
    begin, end = spans[-1]
    last = piece.text[begin:end]
    repair = Repair("dropped", last, "it introduces what follows it, which is not published")
    text = piece.text[:begin].rstrip()
    verdicts = tuple(v for v in piece.verdicts if v.text != last)
    outcome = piece.outcome if text else "dropped"
    return dataclasses.replace(
        piece, text=text, outcome=outcome, verdicts=verdicts, repairs=(*piece.repairs, repair)
    )


def _filled(
    paragraph: OutputParagraph,
    article: Article,
    options: RewriteOptions,
    backend: Backend,
    cache: Cache | None,
    critic: Critic | None,
) -> OutputParagraph:
    """A summary with a stand-in retold for each planned sentence that published nothing,
    its pieces in source order. The dropped pieces stay, so the report says why."""
    missing = sum(not piece.text for piece in paragraph.pieces)
    if not missing:
        return paragraph
    made = list(paragraph.pieces)
    for request in stand_ins(article, options, backend):
        made.append(retell(request, backend, cache, options, critic))
        missing -= bool(made[-1].text)
        if not missing:
            break
    return OutputParagraph(tuple(sorted(made, key=lambda piece: piece.sources[0].start)))


PART_KEPT = "part of a long sentence cut at a clause, kept in the source's words"


def retell(
    request: Request,
    backend: Backend,
    cache: Cache | None,
    options: RewriteOptions,
    critic: Critic | None = None,
) -> Piece:
    """Ask for one retelling, again with a note while it fails; keep the source if it must."""
    spans = tuple(Span(s.start, s.end) for s in request.sentences)
    if prompt_tokens(request, backend) + request.options.max_tokens > backend.info().context_size:
        return Piece(request.source, spans, "kept", ("too long for the model's context",))
    if options.style != "summary" and not request.whole:
        # A stretch of a long sentence that `clauses` cut for length: retold alone, the
        # model makes it a sentence of its own that says something else (Miami Today's
        # 78-word list of questions became "Among the trust's 28 questions about the
        # service, Eulois Cleckley said that the department could not answer adequately
        # then." and, from its second part, three questions to the reader; trafilatura-eval,
        # 2026-12-06, both published). The rewrite keeps every part of such a sentence or
        # none (`selection.select`), so kept in the source's words they read as the sentence.
        return Piece(_closed(request.source) or request.source, spans, "kept", (PART_KEPT,))
    answers: list[Generation] = []
    repairs: list[Repair] = []
    text, found, verdicts = _ask(request, backend, cache, options, critic, answers, repairs)
    failing = [v for v in verdicts if v.label != "supported"]
    repairs += [Repair("dropped", v.text, v.reason) for v in failing]
    kept = [v for v in verdicts if v.label == "supported"]
    if failing:
        text = " ".join(v.text for v in kept)
        # What is left may open pointing back to a sentence that was dropped ("It was a
        # showy, bright-pink blossoms ..." without the tree: the Atlantic's page).
        found = found or guard.lost_antecedent(text, [s.text for s in request.sentences])
        found = found or _leaning_on_dropped(verdicts)
    if found or (failing and not kept):
        found = found or ["every sentence failed verification"]
        text, kept = request.source, []
        if request.speaker:
            text = interview.quoted(request.speaker, text)
    copy = not found and guard.copied(text, request.source)
    outcome = "kept" if found else ("copied" if copy else "retold")
    if found and not request.whole:
        # A summary's part of a long sentence (a summary may take one part alone), cut at
        # a clause to keep requests short: kept in the source's words it would publish a
        # broken sentence ("... in parts of North America and the Caribbean,",
        # trafilatura-eval's Breaking Belize News page, 2026-12-05).
        text, outcome = "", "dropped"
        found.append("part of a sentence, which is not published in the source's words")
    elif found and left_open(text) is not None:
        text, outcome = _ended_or_dropped(text, found)
    return Piece(
        text,
        spans,
        outcome,
        tuple(found),
        sum(a.prompt_tokens for a in answers),
        sum(a.completion_tokens for a in answers),
        sum(a.seconds for a in answers),
        all(a.cached for a in answers),
        len(answers),
        tuple(kept),
        tuple(repairs),
    )


def _ended_or_dropped(text: str, found: list[str]) -> tuple[str, str]:
    """A piece kept in the source's words whose quotation runs on past it: closed where it
    ends when it names its speaker (`_closed`), else dropped, having neither its end nor
    its speaker (DiEM25's "“One of humanity's greatest, present threats is ...",
    2026-12-05)."""
    closed = _closed(text)
    if closed is not None:
        return closed, "kept"
    found.append("a quotation that does not end within it, not published alone")
    return "", "dropped"


def _closed(text: str) -> str | None:
    """The text with a closing mark added where it leaves a quotation open at a sentence's
    end after a verb of saying ("In a statement, the Labour leader said: \"It is a matter
    ... at all times." was published with no closing mark; BBC, XSumFaith dev,
    2026-12-07); None where it leaves none open, or names no speaker before it, or stops
    inside a sentence."""
    opening = left_open(text)
    if opening is None or not text.rstrip().endswith((".", "!", "?")):
        return None
    # "Derby manager Steve McClaren: \"We should have scored more goals ..." (the BBC's
    # match reports) names its speaker with a colon alone.
    said = text[:opening].rstrip().endswith(":")
    if not said and not any(token.lemma_.lower() in SAYING for token in parse(text[:opening])):
        return None
    return text.rstrip() + ('"' if text[opening] == '"' else "”")


def read_whole(paragraphs: list[OutputParagraph], critic: Critic) -> list[OutputParagraph]:
    """The paragraphs after the critic has read the published text as a whole: a retold
    sentence it now finds unsupported is dropped (the whole piece, outcome "dropped", if
    nothing is left), and the piece's repairs say so."""
    pieces = [piece for paragraph in paragraphs for piece in paragraph.pieces]
    verdicts = [verdict for piece in pieces for verdict in _published(piece)]
    changed = {v.text: v for v in critic.across(verdicts) if v.label != "supported"}
    if not changed:
        return paragraphs
    return [
        OutputParagraph(tuple(_without(piece, changed) for piece in paragraph.pieces))
        for paragraph in paragraphs
    ]


def _leaning_on_dropped(verdicts: Sequence[Verdict]) -> list[str]:
    """A problem when a sentence of a retelling that passed opens by pointing back ("This
    is more than double what many countries pay.") at the sentence before it, which
    failed and is dropped: read in a seed rewrite, 2026-12-06."""
    for before, after in itertools.pairwise(verdicts):
        opening = guard.opening(after.text)
        if before.label != "supported" and after.label == "supported" and opening in _LEANING:
            return [f"'{opening}' points back at '{before.text}', which failed verification"]
    return []


#: Words that, opening a sentence, stand for something the sentence before it said.
_LEANING = frozenset("it this these that those they he she such".split())


def _rechecker(critic: Critic) -> references.Recheck:
    """The critic's verdict on a changed sentence, held to its piece's source sentences."""
    return lambda text, focus: critic.sentence(text, focus=focus)


def _published(piece: Piece) -> tuple[Verdict, ...]:
    """The verdicts on a piece's published sentences; a piece kept as source stands as one
    supported sentence, so that what follows it is read after it."""
    if piece.verdicts or not piece.text:
        return piece.verdicts
    return (Verdict(piece.text, 0, 0, 0, "supported", (), (), 1.0, "the source's own words"),)


def _without(piece: Piece, changed: dict[str, Verdict]) -> Piece:
    """A piece without the retold sentences the whole-text reading rejected."""
    dropped = [v for v in piece.verdicts if v.text in changed]
    if not dropped:
        return piece
    kept = tuple(v for v in piece.verdicts if v.text not in changed)
    repairs = (
        *piece.repairs,
        *(Repair("dropped", v.text, changed[v.text].reason) for v in dropped),
    )
    if not kept:
        # The source's own sentence would keep the source's own "she" or "he", which the
        # text around it may no longer explain, so nothing of the piece is published.
        return dataclasses.replace(piece, text="", outcome="dropped", verdicts=(), repairs=repairs)
    text = " ".join(v.text for v in kept)
    return dataclasses.replace(piece, text=text, verdicts=kept, repairs=repairs)


def _ask(
    request: Request,
    backend: Backend,
    cache: Cache | None,
    rewrite: RewriteOptions,
    critic: Critic | None,
    answers: list[Generation],
    repairs: list[Repair],
) -> tuple[str, list[str], list[Verdict]]:
    """Ask until an answer passes (with enough new wording, if `reword_above` asks for
    it) or the tries run out; the most novel passing answer (the first of equals, so runs
    repeat), else the last one, with its problems and verdicts. Every answer goes to
    `answers`, every regeneration to `repairs`."""
    messages, options = request.messages, request.options
    enough = 1.0 if rewrite.reword_above is None else rewrite.reword_above
    passing: list[tuple[float, str, list[Verdict]]] = []
    for attempt in range(1, MAX_TRIES + 1):
        answers.append(generate(backend, messages, options, cache))
        text = clean_answer(answers[-1].text, request.source)
        found = _problems(text, request, answers[-1], rewrite.style)
        verdicts = [] if found or critic is None else _verdicts(critic, text, request)
        failing = [v for v in verdicts if v.label != "supported"]
        if not (found or failing):
            passing.append((copy_share(text, request.source), text, verdicts))
            if passing[-1][0] <= enough:
                break
        if attempt == MAX_TRIES:
            break
        repairs += [Repair("regenerated", v.text, v.reason) for v in failing]
        messages = request.asking(_note(found, failing))
        options = dataclasses.replace(options, temperature=RETRY_TEMPERATURE, seed=attempt)
    if passing:
        _, text, verdicts = min(passing, key=lambda candidate: candidate[0])
        return text, [], verdicts
    return text, found, verdicts


def _verdicts(critic: Critic, text: str, request: Request) -> list[Verdict]:
    """The critic's verdict on each sentence of a retelling, pointed at the piece's own
    source sentences, which the retelling was made from."""
    kind = "answer" if request.speaker else "body"
    focus = tuple(Evidence(s.text, s.start, s.end, kind) for s in request.sentences)
    return [critic.sentence(text[start:end], focus=focus) for start, end in split_sentences(text)]


def _note(found: list[str], failing: Sequence[Verdict] = ()) -> str:
    """What the next try is told about the last answer."""
    problems = found + [f"'{v.text}' is not supported by the source ({v.reason})" for v in failing]
    return FIX_NOTE.format(problems="; ".join(problems)) if problems else COPY_NOTE


def _problems(text: str, request: Request, generation: Generation, style: str) -> list[str]:
    """What is wrong with an answer: cut off, empty, or failing the guard."""
    if generation.finish_reason == "length":
        return ["cut off at the token limit"]
    if not text:
        return ["empty answer"]
    if _echoes_instructions(text, request):
        return ["the answer repeats the instructions"]
    if request.speaker:
        found = interview.problems(text, request.speaker)
        if found:
            return found
    examples = _example_nouns(request.prompt) - request.article_words
    borrowed = guard.borrowed(text, request.source, examples)
    if borrowed:
        return borrowed
    if style == "headline":
        return guard.problems(text, request.source, len(text.split()))
    if style != "summary":
        found = guard.problems(text, request.source, request.words)
        return found + guard.lost_antecedent(text, [s.text for s in request.sentences])
    found = guard.problems(text, request.source, request.words, SUMMARY_LENGTH_SHARES)
    told = len(split_sentences(text))
    if told > 1:
        found.append(f"{told} sentences where one was asked")
    return found


def _echoes_instructions(text: str, request: Request) -> bool:
    """True when an answer repeats part of what retell told the model rather than the
    source: "The first attempt had these problems, avoid them: ..." came back inside a
    retelling of a Reuters page (2026-12-02). Any run of 6 words from the instructions, the
    examples or the notes that the source does not have counts, and so does any run of 3
    words of the notes' opening words: the model began retellings with the note's "A
    first attempt" ("A first attempt by Hegseth ... said", "A first attempt said police
    had designated ...", read in five real rewrites, 2026-12-05)."""
    echoed = set(sequences(text, ECHO_WORDS)) & _told(request.prompt)
    if echoed - set(sequences(request.source, ECHO_WORDS)):
        return True
    opening = set(sequences(text, NOTE_ECHO_WORDS)) & _NOTE_OPENINGS
    return bool(opening - set(sequences(request.source, NOTE_ECHO_WORDS)))


#: How many words in a row an answer may share with the instructions before it counts as
#: repeating them.
ECHO_WORDS = 6


NOTE_ECHO_WORDS = 3
_NOTE_OPENINGS = frozenset(
    sequences(FIX_NOTE.split(":", 1)[0], NOTE_ECHO_WORDS)
    + sequences(COPY_NOTE.split(":", 1)[0], NOTE_ECHO_WORDS)
)


@lru_cache(maxsize=8)
def _told(prompt: Prompt) -> frozenset[tuple[str, ...]]:
    """Every run of ECHO_WORDS words of a style's instructions, examples and notes."""
    told = " ".join(m.content for m in prompt.messages("", 1)) + FIX_NOTE + COPY_NOTE + SPEAKER_NOTE
    return frozenset(sequences(told, ECHO_WORDS))


@lru_cache(maxsize=8)
def _example_nouns(prompt: Prompt) -> frozenset[str]:
    """The nouns of a style's worked examples: their sources and their answers."""
    texts = [
        re.sub(r"^.*<source>|</source>$", "", text, flags=re.S)
        for pair in prompt.examples
        for text in pair
    ]
    return guard.example_nouns(texts)


def generate(
    backend: Backend, messages: list[Message], options: Options, cache: Cache | None
) -> Generation:
    """The backend's answer, from the cache when the same request was answered before."""
    if cache is None:
        return backend.generate(messages, options)
    key = request_key(backend.info().identity, messages, options)
    stored = cache.get(key)
    if stored is not None:
        return stored
    generation = backend.generate(messages, options)
    cache.put(key, generation)
    return generation


def clean_answer(text: str, source: str = "") -> str:
    """The answer's first paragraph, without tags or quotes wrapped around it, with the
    source's initials ("U.S.") where the model spaced them ("U. S.", in a retelling of
    trafilatura-eval's Tico Times page) and no space before a closing mark ("moment? \"")."""
    first = text.strip().split("\n\n", 1)[0]
    first = re.sub(r"</?source>", "", first)
    first = " ".join(first.split())
    for initials in set(_INITIALS.findall(source)):
        first = first.replace(". ".join(initials.split(".")).strip(), initials)
    return _SPACED_CLOSE.sub(r"\1\2", first)


#: Initials written as one word: "U.S.", "D.C.".
_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")
#: A closing double mark the model set apart from the stop before it, at the end of a
#: sentence.
_SPACED_CLOSE = re.compile(r"([.!?,]) ([\"”])(?=\s|$)")
