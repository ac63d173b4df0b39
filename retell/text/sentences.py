"""Splitting an article into sentences with offsets, and sentences into chunks.

Sentences carry `start` and `end` offsets into `Article.text`, so every
later stage can point back at the exact source words. The splitter is a
small rule set: a sentence ends at ".", "!", "?" or "…" (with any closing
quotes or brackets) followed by a space and a capital letter, digit or
opening quote, unless the word before the stop is a known abbreviation or a
single initial ("J. Smith", "U.S."), or a quotation is still open (a quote of
several sentences stays one unit, so no retelling cuts it in half).

It is kept hand-written rather than replaced by spaCy's parser-based sentences
because it measures better on the research sets' tokenised, lower-cased text
(`python bench/sentences.py`: of XSumFaith's 2,500 one-sentence summaries it
keeps 2,478 whole, spaCy 2,453; of 1,204 pairs of them joined it parts 1,151,
spaCy 1,145) at a thousandth of the time, and because it can keep a quotation
of several sentences together, which the parse does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from retell.article import Article, Block, BlockKind
from retell.text.facts import TITLES

# Words that end with a full stop without ending a sentence, lowercased, without the stop.
# With the titles `retell.text.facts.TITLES` reads as the words they stand for.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sir st mt ft no nos vol fig gen col lt sgt capt cmdr adm gov sen rep
    hon rt rev messrs apt bldg
    jr sr inc ltd co corp bros dept univ approx est vs etc al e.g i.e cf ca
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u a.m p.m
    z.b bzw ca dr nr str evtl ggf usw vgl
    """.split()
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’“»«)\]]*\s+(?=[\"'“‘„«»(\[]?[A-ZÀ-ÖØ-Þ0-9])")
# In lower-cased text (research sets such as CNN/DailyMail) no sentence starts with a
# capital, so there any letter may follow the stop, after an opening mark that tokenising
# may have set apart with a space (`. " you 're`, `. ( close )`).
_LOWER_BOUNDARY = re.compile(r"[.!?…]+[\"'”’“»«)\]]*\s+(?=(?:[\"'“‘„«»(\[`]+\s?)?[^\W_])")
#: A paragraph is lower-cased when fewer than this share of its letters are capitals.
LOWER_CASED = 0.01


@dataclass(frozen=True)
class Sentence:
    """One sentence of the source: its text, its place in `Article.text`, its paragraph
    (the index of its block) and whether it is body text or a caption."""

    text: str
    start: int
    end: int
    paragraph: int
    kind: BlockKind = "body"

    def word_count(self) -> int:
        """Words in the sentence."""
        return len(self.text.split())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _boundary(text).finditer(text):
        candidate = text[start : match.end()]
        if _ends_with_abbreviation(text[start : match.start() + 1]) or _inside_quote(candidate):
            continue
        if _tagged_question(match.group(), text[match.end() :]):
            continue
        end = match.end() - len(match.group()) + len(match.group().rstrip())
        spans.append((start, end))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def _tagged_question(stop: str, after: str) -> bool:
    """True when a quotation is followed by its speech tag, which belongs to it: '"What is
    it about Joe Biden ...?" King asked Scott.' was cut in two, and a rewrite kept "King
    asked Scott." alone (CBS News' page, 2026-12-06). After a full stop the tag is mostly
    lower-cased ("... ,” she said.") and no boundary is found; where a source stops with
    a full stop anyway, a tag that is the whole next sentence belongs to the quotation
    ('... the leader-type I've been after." Nicholson told BBC Radio Devon.' was published
    as "Nicholson told BBC Radio Devon.": BBC, XSumFaith dev, 2026-12-07)."""
    if stop.rstrip()[-1:] not in _CLOSING_MARKS:
        return False
    if stop.lstrip()[:1] in "?!":
        return bool(_SPEECH_TAG.match(after))
    return bool(_BARE_TAG.match(after))


_CLOSING_MARKS = "\"'”’»"
#: A name of one to four capitalised words, then a verb of saying in the past or present.
_SPEECH_TAG = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|asked|asks|told|tells|added|adds|wrote|writes|"
    r"replied|replies|wondered|wonders|explained|recalled|continued|shouted|exclaimed)\b"
)
#: A speech tag that is a whole sentence: the tag, up to five words that cannot start a
#: clause of their own ("BBC Radio Devon", "reporters on Friday"), and a full stop.
_BARE_TAG = re.compile(
    _SPEECH_TAG.pattern
    + r"(?:[ ,]+(?!(?:he|she|they|it|we|I|that|this|there)\b)[\w'’-]+){0,5}\.(?=\s|$)"
)


def lower_cased(text: str) -> bool:
    """True for text written all in small letters, as some research sets are. A text that
    opens with a capital is not: one sentence of 130 letters with only its first capital
    ("While in treatment, patients may not want ...", InStyle's page, 2026-12-06) fell
    under the share, and its "may" was read as the month."""
    letters = [char for char in text if char.isalpha()]
    if letters and letters[0].isupper():
        return False
    return sum(char.isupper() for char in letters) < LOWER_CASED * len(letters)


def _boundary(text: str) -> re.Pattern[str]:
    """The sentence-boundary pattern for this paragraph's casing."""
    return _LOWER_BOUNDARY if lower_cased(text) else _BOUNDARY


# Guillemets point either way: «French» and »German« are both in use.
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s(\[—–-]))[\"'‘“„«»]")
# A mark that closes a quotation inside another stands before the outer one's closing
# mark: 'he said to me: 'Thank God you've finally told me what's wrong.'"' left its single
# quotation open, and the rest of a BBC story (1,528 characters) became one sentence, kept
# unretold as parts of a long sentence (XSumFaith dev, 2026-12-07).
_CLOSING_QUOTE = re.compile(r"(?<=\S)[\"'’”»«“](?=[\s.,;:!?)\]…\"'’”»]|$)")


def _inside_quote(text: str) -> bool:
    """True while a quotation opened in the text has not been closed. Double and single
    marks are followed apart, each open or shut, so a quotation inside another closes
    only itself, and a quotation that runs on into a new paragraph, which news writing
    reopens without closing (flattened into one line by XSum's BBC articles, where
    counting the marks left every later sentence of a story inside the quote), ends
    at its one closing mark."""
    spaced = {m.start() for m in _SPACED_QUOTE.finditer(text)}
    clitics = {m.start() for m in _CLITIC.finditer(text)}
    if lower_cased(text):
        # Lower-cased research text quotes with double marks; its single ones are
        # apostrophes moved by tokenising ("wales 'pre-season", "o 'donnell").
        clitics |= {m.start() for m in re.finditer(r"['‘’]", text)}
    marks = [(m.start(), True, m.group()) for m in _OPENING_QUOTE.finditer(text)]
    marks += [(m.start(), False, m.group()) for m in _CLOSING_QUOTE.finditer(text)]
    open_now = {"double": False, "single": False}
    for at, opening, mark in sorted(marks):
        kind = "single" if mark in _SINGLE_QUOTES else "double"
        if at in clitics:
            continue
        open_now[kind] = not open_now[kind] if at in spaced else opening
    return any(open_now.values())


# Tokenised text (the Penn Treebank style of research sets) puts spaces on both sides of
# every quotation mark (`are " struggling " after`), so there a mark's side says nothing:
# each such mark closes an open quotation of its kind or opens one. It also splits a
# clitic from its word ("australia 's", "wales 're"), which is no quotation mark at all,
# and neither is the apostrophe of an elided year ("the '90s") in any text.
# Measured on XSumFaith's one-sentence summaries joined in pairs: 81 of 1,204 pairs were
# kept as one sentence before these rules.
_SPACED_QUOTE = re.compile(r"(?:^|(?<=\s))[\"'](?=[\s.,;:!?)\]]|$)")
_CLITIC = re.compile(r"(?<=\s)['‘’](?:s|re|ve|ll|d|m|t|\d\ds?)\b", re.I)


_SINGLE_QUOTES = "'‘’"


def _ends_with_abbreviation(text: str) -> bool:
    """True when the last word before the stop is an abbreviation, a lone initial or a
    run of initials ("J.R.R. Tolkien", which split a FaithBench summary in two)."""
    words = text.split()
    if not words:
        return False
    word = words[-1].lstrip("\"'“‘„«(").rstrip(".")
    last = word.lower()
    initial = len(last) == 1 and last.isalpha()
    # A title after a hyphen ("then-Rep. Heath Shuler", "ex-Gov.") is still a title: a
    # Politico page's "then-Rep." ended a sentence, and its retelling lost the name.
    titled = "-" in word and word.rsplit("-", 1)[1][:1].isupper()
    if titled and last.rsplit("-", 1)[1] in ABBREVIATIONS:
        return True
    abbreviation = last in ABBREVIATIONS or last in TITLES
    return abbreviation or initial or bool(_INITIALS.fullmatch(word))


# Capitals only: "5 p.m. The police said" ends a sentence.
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def sentences(article: Article) -> list[Sentence]:
    """Every body sentence of the article, in order, with offsets into `article.text`."""
    body = [block for block in article.blocks if block.kind == "body"]
    return [
        sentence for index, block in enumerate(body) for sentence in block_sentences(block, index)
    ]


def block_sentences(block: Block, paragraph: int) -> Iterable[Sentence]:
    """The sentences of one block, shifted to the block's place in the article text."""
    for start, end in split_sentences(block.text):
        text = block.text[start:end]
        yield Sentence(text, block.start + start, block.start + end, paragraph, block.kind)


#: No piece of source longer than this many words goes to a model in one request: a longer
#: sentence (a run-on, or a quotation of several sentences the splitter keeps together) is
#: cut at clause boundaries. About 80 tokens, a few seconds of prompt on two cores.
MAX_SENTENCE_WORDS = 60
#: Neither side of a cut may be shorter than this many words, unless nothing else fits.
MIN_PART_WORDS = 8

# Where a long sentence may be cut, best first: the end of a sentence inside a quotation,
# a semicolon, colon or dash, a comma before a conjunction or relative word, any comma.
# Hand-written rather than read from spaCy's parse: these marks are what a reader sees as
# a clause boundary, and they hold on lower-cased and tokenised text where the parse slips.
_CUTS = (
    re.compile(r"[.!?…]+[\"'”’»)\]]*\s+"),
    re.compile(r"[;:]\s+|\s+[—–]\s+|\s+--\s+"),
    re.compile(
        r",\s+(?=(?:and|but|or|so|yet|while|whereas|although|though|because|which|who|"
        r"where|when|after|before|as|if|unless)\b)",
        re.I,
    ),
    re.compile(r",\s+"),
)


def clauses(sentence: Sentence, limit: int = MAX_SENTENCE_WORDS) -> list[Sentence]:
    """The sentence itself when it has at most `limit` words; otherwise its parts, cut at
    the best clause boundary near the middle and again until every part fits."""
    if sentence.word_count() <= limit:
        return [sentence]
    cut = _best_cut(sentence.text)
    first = _part(sentence, 0, cut)
    second = _part(sentence, cut, len(sentence.text))
    return clauses(first, limit) + clauses(second, limit)


def _best_cut(text: str) -> int:
    """Where to cut a long text: the highest-ranked boundary that leaves both sides at least
    MIN_PART_WORDS words, nearest the middle; failing all, the space nearest the middle."""
    middle = len(text) / 2
    for pattern in _CUTS:
        ends = [
            m.end()
            for m in pattern.finditer(text)
            if _both_sides_fit(text, m.end()) and not _after_abbreviation(text, m)
        ]
        if ends:
            return min(ends, key=lambda end: abs(end - middle))
    spaces = [m.end() for m in re.finditer(r"\s+", text)] or [len(text) // 2]
    return min(spaces, key=lambda end: abs(end - middle))


def _after_abbreviation(text: str, stop: re.Match[str]) -> bool:
    """True for a full stop that ends an abbreviation or an initial, not a clause: a long
    sentence cut after "Nov." or "Leanne L." published its second half as a sentence ("13
    through the end of the year ...": trafilatura-eval's Miami Today page, 2026-12-06)."""
    return text[stop.start()] == "." and _ends_with_abbreviation(text[: stop.start() + 1])


def _both_sides_fit(text: str, cut: int) -> bool:
    return min(len(text[:cut].split()), len(text[cut:].split())) >= MIN_PART_WORDS


def _part(sentence: Sentence, start: int, end: int) -> Sentence:
    """The stretch of a sentence from start to end, trimmed, with its offsets."""
    text = sentence.text[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    begin = sentence.start + start + lead
    return Sentence(text, begin, begin + len(text), sentence.paragraph, sentence.kind)


@lru_cache(maxsize=64)
def source_pieces(article: Article) -> tuple[Sentence, ...]:
    """Every sentence of the article, body then captions, each longer than
    MAX_SENTENCE_WORDS in its clauses. The article is split here once, and the later
    stages (the rewrite plan, the evidence index) read these same pieces."""
    return tuple(
        part
        for index, block in enumerate(article.blocks)
        for sentence in block_sentences(block, index)
        for part in clauses(sentence)
    )


def chunk(
    items: Sequence[Sentence], budget: int, count_tokens: Callable[[str], int]
) -> list[list[Sentence]]:
    """Group consecutive sentences into chunks of at most `budget` tokens each.

    A sentence is never cut: one that alone exceeds the budget makes a chunk
    of its own, and the caller decides what to do with it.
    """
    chunks: list[list[Sentence]] = []
    current: list[Sentence] = []
    used = 0
    for sentence in items:
        cost = count_tokens(sentence.text)
        if current and used + cost > budget:
            chunks.append(current)
            current, used = [], 0
        current.append(sentence)
        used += cost
    if current:
        chunks.append(current)
    return chunks
