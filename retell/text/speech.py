"""Where a text quotes someone: its quotations read paragraph by paragraph.

News writing runs a long quotation on over several paragraphs: each opens
with a mark and only the last one closes. Pages drop marks, and research
sets flatten articles into one line, which loses the paragraph breaks that
made sense of them; where a paragraph's marks cannot be read, nothing in it
counts as quoted. Written here, not taken from a library: none of those
found reads run-on quotations or says where it cannot tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from retell.text.parse import parse
from retell.text.sentences import split_sentences


@lru_cache(maxsize=16)
def spoken(source: str, reopen: bool = True) -> tuple[tuple[int, int], ...]:
    """Where the source quotes someone, paragraph by paragraph (see `Marks`).

    A quotation left open at a paragraph's end runs on into the next one,
    as news writing does: to the end of its paragraph, and in the next one
    up to a closing mark that comes before any opening one (some pages drop
    the next paragraph's opening mark). A paragraph whose marks do not pair
    up otherwise gives nothing, since its quotations cannot be told from its
    narration (FaithBench's sources, each one line, lost the paragraph
    breaks that made sense of their marks).
    """
    regions: list[tuple[int, int]] = []
    lines = _lines(source, reopen)
    previous_open = False
    for number, (offset, end, marks) in enumerate(lines):
        runs_on = _joined(lines, number)
        if marks.paired or runs_on or (previous_open and marks.closed_first is not None):
            regions += [(offset + first, offset + last) for first, last in marks.found]
        if runs_on and marks.left_open is not None:
            regions.append((offset + marks.left_open, end))
        if previous_open and marks.closed_first is not None:
            regions.append((offset, offset + marks.closed_first))
        previous_open = runs_on
    return tuple(regions)


Line = tuple[int, int, "Marks"]  # a paragraph's start and end in the source, and its marks


@lru_cache(maxsize=16)
def _lines(source: str, reopen: bool = True) -> tuple[Line, ...]:
    """Each line of the source that holds any text, with its place and its marks."""
    lines = source.split("\n")
    starts = [0, *accumulate(len(line) + 1 for line in lines)][: len(lines)]
    single = single_marked(source)
    return tuple(
        (start, start + len(line), Marks.of(line, single, reopen))
        for start, line in zip(starts, lines, strict=True)
        if line.strip()
    )


def _joined(lines: tuple[Line, ...], number: int) -> bool:
    """True when the quotation left open at the end of paragraph `number` goes on in the
    next one."""
    following = number + 1 < len(lines) and lines[number + 1][2].continues
    return lines[number][2].left_open is not None and following


@dataclass(frozen=True)
class Marks:
    """A paragraph's double quotation marks read as quotations.

    Curly marks say which way they face; a straight one opens after a space
    and before a word, closes after a word and before a space or
    punctuation, and otherwise ("reason. \" He said") closes what is open or
    opens.
    """

    #: Each quotation opened and closed in the paragraph, as (start, end).
    found: tuple[tuple[int, int], ...]
    #: Where a quotation left open at the paragraph's end begins.
    left_open: int | None
    #: The end of a closing mark that comes before any opening one.
    closed_first: int | None
    #: Whether the marks pair up: as many straight ones as make pairs, no curly closing one
    #: without its opening one.
    paired: bool
    #: Whether the paragraph begins with an opening mark.
    opens_first: bool

    @property
    def continues(self) -> bool:
        """True when the paragraph goes on with a quotation the one before left open."""
        return self.opens_first or self.closed_first is not None

    @classmethod
    def of(cls, paragraph: str, single: bool = False, reopen: bool = True) -> Marks:
        """Read a paragraph's marks: double ones, or single ones on a page that quotes with
        them (see `single_marked`). With `reopen`, a mark that opens the next paragraph of
        an open quotation run into this one is read as such (`_reopens`)."""
        return cls._of_single(paragraph) if single else cls._of_double(paragraph, reopen)

    @classmethod
    def _of_double(cls, paragraph: str, reopen: bool) -> Marks:
        """Read a paragraph's double marks, straight or curly."""
        found: list[tuple[int, int]] = []
        opened: int | None = None
        closed_first: int | None = None
        lost = False
        inner = turned = reopened = 0
        late: int | None = None
        for mark in re.finditer(r"[\"“”]", paragraph):
            opens, closes = _facing(paragraph, mark.start())
            turned += mark.group() == "”" and opens
            if reopen and opened is not None and _reopens(paragraph, mark.start()):
                reopened += 1
            elif opened is None and not found and closes and not opens and closed_first is None:
                closed_first = mark.end()
            elif opened is None and (opens or not closes):
                opened = mark.start()
            elif opened is not None and mark.group() == "”" and opens:
                inner += 1  # a turned mark opening a quotation inside the quotation
            elif opened is not None and inner and closes:
                inner -= 1
            elif opened is not None and (closes or not opens):
                found.append((opened, mark.end()))
                opened = None
            else:
                lost = lost or mark.group() == '"'
                late = mark.end() if opened is None and closes and mark.group() == "”" else late
        closed_first = _closed_late(paragraph, closed_first, late, turned)
        if opened is not None:
            opened, found = _closed_by_a_single_mark(paragraph, opened, found)
        # An opening curly mark inside an open quotation begins a paragraph of it that the
        # page ran on; a straight one there, or straight marks that do not pair up, say the
        # page lost where its quotations end.
        paired = not lost and (paragraph.count('"') - reopened) % 2 == 0
        paired = paired and paragraph.count("“") + turned >= paragraph.count("”") - turned
        opens_first = bool(_RUNS_ON.match(paragraph))
        return cls(tuple(found), opened, closed_first, paired, opens_first)

    @classmethod
    def _of_single(cls, paragraph: str) -> Marks:
        """Read a paragraph's single marks, apostrophes left out: a mark between letters
        ("don't") or after an "s" before a lower-case word ("farmers' union")."""
        found: list[tuple[int, int]] = []
        opened: int | None = None
        closed_first: int | None = None
        paired = True
        for mark in _SINGLE_MARK.finditer(paragraph):
            at = mark.start()
            if _APOSTROPHE.match(paragraph, max(0, at - 1)):
                continue
            opens, closes = _facing(paragraph, at)
            if opened is None and not found and closes and closed_first is None:
                closed_first = mark.end()
            elif opened is None and opens:
                opened = at
            elif opened is not None and closes:
                found.append((opened, mark.end()))
                opened = None
            else:
                paired = False
        opens_first = bool(_RUNS_ON_SINGLE.match(paragraph))
        return cls(tuple(found), opened, closed_first, paired, opens_first)


def _closed_late(
    paragraph: str, closed_first: int | None, late: int | None, turned: int
) -> int | None:
    """Where the quotation the paragraph before left open ends: at its first closing mark,
    or after a quotation inside it ("... the “well below 2°C” target of the Paris
    Agreement.”", DiEM25), at a curly closing mark left over."""
    if closed_first is None and late and paragraph.count("”") - turned > paragraph.count("“"):
        return late
    return closed_first


#: Words of someone speaking of themselves. Capitals only where a sentence starts: "US" is
#: a country, not "us".
FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Uu]s|[Oo]urs?)\b")


def _reopens(paragraph: str, at: int) -> bool:
    """True for a straight mark that opens a new sentence inside an open quotation: the
    next paragraph of the quotation, which news writing opens with a mark and does not
    close the one before, run into this one by a page or a data set that lost its
    paragraph breaks ('... said: "Talks ... have not even been concluded. "The mayor
    doesn't seem concerned ..."', an XSumFaith test article whose summary then gave the
    mayor's words as the writer's, 2026-12-07)."""
    before = paragraph[:at].rstrip()
    after = paragraph[at + 1 : at + 2]
    if not (at > len(before) and before[-1:] in (".", "!", "?") and after.isupper()):
        return False
    # A page that lost the spaces around its marks looks the same where a quotation closed
    # ('... getting started. "Capped twice for Scotland ..., Clarkson has made ...', a
    # FaithBench source): there the next mark opens another quotation, not closes this one.
    # A quotation of three paragraphs reopens twice; each sentence of its middle one speaks
    # as "I" or "we" ('"Brecon Barracks has served our country ...', the same data set),
    # which narration between two quotations does not ("Brook has played for three clubs").
    following = paragraph.find('"', at + 1)
    if following < 0:
        return False
    if _facing(paragraph, following) == (False, True):
        return True
    stretch = _SENTENCE_BREAK.split(paragraph[at:following])
    spoken_here = all(FIRST_PERSON.search(sentence) for sentence in stretch if sentence.strip())
    return spoken_here and _reopens(paragraph, following)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _closed_by_a_single_mark(
    paragraph: str, opened: int, found: list[tuple[int, int]]
) -> tuple[int | None, list[tuple[int, int]]]:
    """The quotation opened at `opened` closed by a single mark where its speaker follows
    (`“This approach is based on ... the rate of transmission,’ he says.`: trafilatura-eval's
    MSN page, whose retelling then gave the words as the writer's, 2026-12-06), or left
    open as it was."""
    close = _SINGLE_CLOSE.search(paragraph, opened)
    if close is None:
        return opened, found
    return None, [*found, (opened, close.end())]


#: A single closing mark after the stop that ends someone's words, then who said them.
_SINGLE_CLOSE = re.compile(
    r"[,.!?][’'](?=\s+(?:he|she|they|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+"
    r"(?:said|says|added|adds|asked|asks|told|tells|explained|explains|insisted|insists"
    r"|warned|warns|noted|notes)\b)"
)


def _facing(text: str, at: int) -> tuple[bool, bool]:
    """Whether the mark at this place can open a quotation, and whether it can close one."""
    mark = text[at]
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    straight = mark in "\"'"
    after_space = before.isspace() or before in "(["
    # A closing curly mark set where an opening one belongs, after a space and before a
    # word: DiEM25's "The time for ”little steps in the right direction” is long gone"
    # inside Greta Thunberg's quotation (2026-12-05).
    turned = mark == "”" and after_space and after.isalnum()
    opens = mark in "“‘" or turned or (straight and after_space and not after.isspace())
    closes = (mark in "”’" and not turned) or (
        straight and not before.isspace() and not after.isalnum()
    )
    return opens, closes


_RUNS_ON = re.compile(r"\s*[\"“]")
_RUNS_ON_SINGLE = re.compile(r"\s*['‘]")
_SINGLE_MARK = re.compile(r"['‘’]")
#: An apostrophe, not a quotation mark: between two letters, or after the "s" of a plural
#: before a lower-case word.
_APOSTROPHE = re.compile(r"[^\W\d_]['’][^\W\d_]|s['’] [a-z]")


@lru_cache(maxsize=16)
def single_marked(source: str) -> bool:
    """True for a page that quotes with single marks, as British papers such as the Daily
    Mail do: it has no double mark at all, and a single one opens a quotation after a
    colon or at a paragraph's start ("warns Mr Johnson: 'If we don't ..."). Elsewhere
    single marks mostly hold a writer's scare quotes and are not read as quotations."""
    return not _DOUBLE_MARK.search(source) and bool(_SINGLE_OPENING.search(source))


_DOUBLE_MARK = re.compile(r"[\"“”]")
_SINGLE_OPENING = re.compile(r"(?:^|:\s)['‘][A-Z]", re.M)


@lru_cache(maxsize=16)
def narration(source: str) -> str:
    """The source with its quotations, in double marks or single ones, blanked out: what
    the writer says in their own voice."""
    text = list(source)
    for start, end in spoken(source):
        text[start:end] = " " * (end - start)
    return SINGLE_QUOTED.sub(lambda match: " " * len(match.group()), "".join(text))


#: A stretch in single marks that open after a space and close before one, so that the
#: apostrophes of "it's" and "players'" open nothing.
SINGLE_QUOTED = re.compile(r"(?:^|(?<=\s))['‘][^'‘’]*['’](?=[\s.,;:!?]|$)")


def in_quotation_marks(text: str) -> str:
    """The text inside curly double marks, its own double marks turned to single ones, as a
    quotation inside a quotation is written."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def left_open(text: str) -> int | None:
    """Where the quotation a text leaves open at its end begins, straight marks read as
    curly ones are (`Marks`), or None."""
    return Marks.of(text).left_open


def closes_first(text: str) -> bool:
    """True when a text's first double mark closes a quotation opened before it."""
    return Marks.of(text).closed_first is not None


def continues_a_quotation(text: str) -> bool:
    """True when a sentence carries on someone's words whose speaker only the sentences
    before it name: its first double mark closes a quotation opened before it, or it opens
    with a mark that it closes, if at all, only at its end. A spokesman's quotation of four
    paragraphs has its third, '"One look at the current oil price tells you this is a much
    better deal ...', name no one; kept without the first, it read as the words of the
    minister quoted before it (XSumFaith dev, BBC, 2026-12-06). A sentence that opens a
    quotation and then gives its speaker ('"It was fast," she said.') names them itself."""
    marks = [found.start() for found in re.finditer(r"[\"“”]", text)]
    if not marks:
        return False
    opens, closes = _facing(text, marks[0])
    if closes and not opens:
        return True
    if not opens or text[: marks[0]].strip():
        return False
    return len(marks) == 1 or (len(marks) == 2 and not text[marks[1] + 1 :].strip(_EDGES))


#: A stretch in double marks, straight or curly, within one text; its words are group 1.
DOUBLE_QUOTED = re.compile(r"[\"“]([^\"“”]*)[\"”]")


def wholly_spoken(source: str, start: int, end: int, reopen: bool = True) -> bool:
    """True when source[start:end], its outer quotation marks and punctuation aside, lies
    inside one of the source's quotations (read with `reopen`, as `spoken` reads them)."""
    inner = _trimmed(source, start, end)
    regions = spoken(source, reopen)
    return any(first <= inner[0] and inner[1] <= last for first, last in regions)


def with_marks(source: str, start: int, end: int) -> str:
    """source[start:end] with a closing mark added where it opens a quotation that runs on
    past its end, and an opening one where it closes a quotation opened before it: read
    alone, 'Symonette said, “No, no. The best we can do is keeping quantities and good
    prices.' (the quotation goes on into the next paragraph; the Nassau Guardian's page,
    2026-12-06) would leave the words after its open mark in the writer's voice. Straight
    marks are read as `Marks` reads them: 'The club added: "The board denies ...' (XSumFaith
    dev, BBC, 2026-12-07) is as open as a curly one."""
    text = source[start:end]
    inner_start, inner_end = _trimmed(source, start, end)
    marks = Marks.of(text)
    if marks.left_open is not None and _inside(source, inner_end - 1):
        text = text.rstrip() + ('"' if text[marks.left_open] == '"' else "”")
    if marks.closed_first is not None and _inside(source, inner_start):
        # A straight mark pairs only with a straight one when `Marks` reads the text again.
        text = ('"' if text[marks.closed_first - 1] == '"' else "“") + text.lstrip()
    return text


def _inside(source: str, offset: int) -> bool:
    """True when the character at `offset` lies inside one of the source's quotations."""
    return any(first <= offset < last for first, last in spoken(source))


def _trimmed(source: str, start: int, end: int) -> tuple[int, int]:
    """The stretch without the marks, spaces and punctuation at its edges."""
    text = source[start:end]
    return start + len(text) - len(text.lstrip(_EDGES)), end - len(text) + len(text.rstrip(_EDGES))


_EDGES = " \n\"'“”‘’.,;:!?"

#: Verbs that hand words to a speaker.
SAYING = frozenset(
    "say tell claim insist argue warn state announce add note suggest reveal report allege "
    "explain describe write stress urge acknowledge admit confirm deny respond reply answer "
    "ask tweet".split()
)
_PRONOUNS = frozenset("he she they".split())


def speaker(source: str, start: int, end: int) -> str | None:
    """Who says the quotation that holds source[start:end]: the named subject of a verb of
    saying outside quotation marks in the paragraphs the quotation runs over, or in the
    one before it; where the quotation opens after other sentences of its paragraph, in
    its own sentences or the one before them (see `_told_within`). None when the
    stretch is no quotation, or the first such subject is "he", "she" or "they", or
    there is none. A stretch that opens with a quotation and
    ends with its speech tag ('"Why ...?" Ortiz asked.', one sentence since questions keep
    their tags) is read for that quotation; one that quotes inside its own narration
    ('Ghani said the attack "trampled all human values".') is not, as its speaker stands
    in it (read so, a FaithBench summary's "Ghani stating that it 'trampled ...'" was
    flagged as the Taliban's words)."""
    if not wholly_spoken(source, start, end):
        opening = [(first, last) for first, last in spoken(source) if start <= first < end]
        if not opening or source[start : opening[0][0]].strip(_LEADING_MARKS):
            return None
        start, end = opening[0][0], min(opening[0][1], end)
    inner = _trimmed(source, start, end)[0]
    lines = _lines(source)
    here = next(n for n, (first, last, _) in enumerate(lines) if first <= inner <= last)
    voice = narration(source)
    windows = _told_within(source, lines[here], inner)
    for begin, finish in _run_around(lines, here) if windows is None else windows:
        said = _first_sayer(source, voice, begin, finish)
        if said != "":
            return said
    return None


def _run_around(lines: tuple[Line, ...], here: int) -> list[tuple[int, int]]:
    """The paragraphs of the quotation run that paragraph `here` is in, then the one
    before the run."""
    first, last = _run(lines, here)
    before = [first - 1] if first else []
    return [lines[number][:2] for number in [*range(first, last + 1), *before]]


def _first_sayer(source: str, voice: str, begin: int, finish: int) -> str | None:
    """The first speaker of source[begin:finish]: a name, None for "he", "she" or "they",
    and "" when no verb of saying there has one."""
    said = sayers(source[begin:finish], voice[begin:finish])[:1]
    if not said:
        return ""
    # "He said" is left unread: the last person named is often not the one meant ("he
    # added" after "Winfrey asked", in trafilatura-eval's CNN page).
    return None if said[0] in _PRONOUNS else said[0]


def _told_within(source: str, line: Line, inner: int) -> list[tuple[int, int]] | None:
    """Where to look for the speaker of a quotation that opens after other sentences of
    its paragraph: its own sentences, then the one before them. A paragraph that holds a
    whole article (research sets flatten them into one line) would otherwise give every
    quotation in it to the first person who says something there: a UN official's
    '"International ... protection," said UN High Commissioner ... Zeid.' was read as
    Mr Obama's, named eleven sentences before (XSumFaith dev, BBC, 2026-12-07). None
    when the quotation opens in its paragraph's first sentence, whose speaker may stand
    in the paragraph before. Sentences that run far past the quotation are left out: an
    apostrophe the splitter took for an open quotation mark made one "sentence" of half
    an article, whose first speaker was no one near the quotation (XSumFaith, BBC)."""
    begin, finish, _ = line
    first, last = next(((a, b) for a, b in spoken(source) if a <= inner < b), (inner, inner))
    spans = [(begin + a, begin + b) for a, b in split_sentences(source[begin:finish])]
    own = [n for n, (a, b) in enumerate(spans) if b > first and a <= max(inner, last - 1)]
    if not own or own[0] == 0:
        return None
    windows = [(spans[own[0]][0], spans[own[-1]][1]), spans[own[0] - 1]]
    reach = last - first + _TAG_REACH
    return [(a, b) for a, b in windows if b - a <= reach]


#: How much longer than its quotation a sentence holding it and its speech tag may be, in
#: characters: a long title and name ("said UN High Commissioner for Human Rights Ra'ad
#: Al Hussein Zeid") takes about 60, a tag with its narration ("said ..., who ...") more.
_TAG_REACH = 400


#: What may stand before a quotation that opens a stretch: space and opening marks.
_LEADING_MARKS = " \t\"“‘'"


def _run(lines: tuple[Line, ...], here: int) -> tuple[int, int]:
    """The first and last paragraphs of the quotation run that paragraph `here` is in."""
    first = last = here
    while first > 0 and _joined(lines, first - 1):
        first -= 1
    while _joined(lines, last):
        last += 1
    return first, last


def sayers(text: str, voice: str | None = None) -> list[str]:
    """The subjects of the text's verbs of saying outside quotation marks, in order: a name
    as the text writes it ("Dr Ronald Walcott"), a pronoun lower-cased. `voice` is the text
    with its quotations blanked, when a wider text decides them (see `narration`)."""
    voice = narration(text) if voice is None else voice
    found = []
    for token in parse(text):
        if token.lemma_.lower() not in SAYING or not voice[token.idx].strip():
            continue
        for child in token.children:
            if child.dep_ == "nsubj" and child.lower_ in _PRONOUNS:
                found.append(str(child.lower_))
            elif child.dep_ == "nsubj" and child.pos_ == "PROPN":
                found.append(proper_name(child))
    return found


def proper_name(head: Any) -> str:
    """The proper nouns that end at a name's head ("Dr Ronald Walcott")."""
    words = [head]
    for token in reversed(list(head.lefts)):
        if token.pos_ != "PROPN" or token.i != words[0].i - 1:
            break
        words.insert(0, token)
    return " ".join(word.text for word in words)


def quoted_parts(source: str, start: int, end: int, reopen: bool = True) -> tuple[str, str]:
    """source[start:end] split in two texts of its length: the words inside its quotations
    in double marks, and the rest (each with the other's characters blanked); `reopen` as
    `spoken` reads it."""
    text = source[start:end]
    inside = [" "] * len(text)
    outside = list(text)
    for first, last in spoken(source, reopen):
        first, last = max(first, start) - start, min(last, end) - start
        if first < last:
            inside[first:last] = text[first:last]
            outside[first:last] = " " * (last - first)
    return "".join(inside), "".join(outside)


#: The links by which a verb of saying holds what is said: a complement clause, or a
#: clause set beside it ("..., he said"). A clause opened by "that" counts wherever the
#: small parser hangs it ("said in a statement after the recording became public that ...").
_REPORTED_LINKS = frozenset({"ccomp", "parataxis"})


def reported(token: Any, verbs: frozenset[str] = SAYING) -> bool:
    """True for a word that a verb of saying (one of `verbs`) above it reports: some link
    on the way up to that verb is a complement clause, so the words are the speaker's, not
    the writer's."""
    return reporting_verb(token, verbs) is not None


def reporting_verb(token: Any, verbs: frozenset[str] = SAYING) -> Any | None:
    """The verb of saying (one of `verbs`) that reports a word, as `reported` reads it."""
    here, held = token, False
    while here.head.i != here.i:
        held = held or here.dep_ in _REPORTED_LINKS or _opened_by_that(here)
        here = here.head
        if held and here.lemma_.lower() in verbs and not participle_of_a_thing(here):
            return here
    return None


def participle_of_a_thing(verb: Any) -> bool:
    """True for a past participle with no helping verb whose subject is a common noun and
    no one's word: the small parser made "different waters added from springs or rivers"
    the main clause of Metro Times' "Flavors will vary based on ... different waters
    added from springs or rivers, ...", so that every word before it was someone's
    (trafilatura-eval, 2026-12-06). A speaker says "added" in the past tense, not as a
    participle; a noun that can speak ("officials", "police") is left alone."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.pos_ == "NOUN" and s.ent_type_ == "" and s.lemma_.lower() not in _SPEAKING_NOUNS
        for s in subjects
    )


#: Common nouns that name people or bodies who speak, as a verb's subject.
_SPEAKING_NOUNS = frozenset(
    """official spokesman spokeswoman spokesperson police minister leader officer source
    author authority expert analyst witness resident people person member statement report
    company government agency court judge lawyer prosecutor family friend doctor scientist
    researcher study survey president chairman director manager coach player""".split()
)


def _opened_by_that(verb: Any) -> bool:
    return any(child.dep_ == "mark" and child.lower_ == "that" for child in verb.children)
