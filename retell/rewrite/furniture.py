"""What on a page is not the writer's reporting, and is not retold.

Extraction keeps a page's body, but a body holds more than the story: headings,
captions with their photo credits, embedded posts, list items, repeated
sentences, orders and offers addressed to the reader. Each was found published
as a retold sentence of a real page (trafilatura-eval, where each rule says
which); `reporting` leaves them out before any sentence is chosen.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from retell.article import Article
from retell.text.facts import plain
from retell.text.parse import parse
from retell.text.sentences import Sentence, source_pieces, split_sentences
from retell.text.speech import FIRST_PERSON, narration, wholly_spoken


def prose(article: Article) -> list[Sentence]:
    """The article's body sentences of the writer's prose, in order, repeats and all."""
    paragraphs = {index for index, block in enumerate(article.blocks) if _prose(block.text)}
    body = [
        _without_byline(s)
        for s in source_pieces(article)
        if s.kind == "body" and s.paragraph in paragraphs
    ]
    found = [s for s in _without_promotions(body, article) if _standalone(s.text)]
    return [s for s in found if not _inside_a_quotation(s, article.text)]


def _inside_a_quotation(sentence: Sentence, text: str) -> bool:
    """True for a sentence with no quotation mark of its own that lies inside a quotation
    running over several sentences or paragraphs: retold or kept alone, it loses both its
    marks and its speaker ("Not at all. ... They are literally stealing our future right
    in front of our eyes.", Greta Thunberg's words published as DiEM25's, 2026-12-05). A
    sentence that opens with a mark opens a quotation of its own, which the other rules
    read; one that only closes it, or holds a quotation inside it, is still inside."""
    if sentence.text.lstrip()[:1] in _OPENING_QUOTES:
        return False
    return wholly_spoken(text, sentence.start, sentence.end)


def _without_promotions(found: list[Sentence], article: Article) -> list[Sentence]:
    """The sentences without the page's promotions (`_promotion`), nor, from its first
    offer of a subscription on, what speaks to the reader or of subscribers: after the
    Haitian Times' offer came "We've been at this for 20 years and pride ourselves on
    representing you ..." and, below a list of perks, "First-time subscribers also
    receive a special welcome gift" (trafilatura-eval, 2026-12-06). A disclosure ("We may
    receive compensation ...") carries nothing over: it may open a guide written to "you"."""
    voice = narration(article.text)
    own = [voice[s.start : s.end] for s in found]
    promoting = [_promotion(words, article.site_name) for words in own]
    offers = [
        s.paragraph
        for s, words, p in zip(found, own, promoting, strict=True)
        if p and _OFFER.search(words)
    ]
    first = min(offers, default=len(article.blocks))
    return [
        s
        for s, words, p in zip(found, own, promoting, strict=True)
        if not p and not (s.paragraph >= first and _TO_THE_READER.search(words))
    ]


def summarisable(found: list[Sentence], article: Article) -> list[Sentence]:
    """The sentences a summary may take one at a time, far from their neighbours: none
    that ends in a colon, since it frames what follows ("He told the BBC's Richard Hamilton
    about his experiences ...:"), nor any after it, and none that speaks in the first person outside
    quotation marks, since its "I" or "our" is someone the article lets speak at length
    ("I had a normal family life before the war started in 1991."; both were published as
    summary sentences of XSumFaith test articles, 2026-12-07). A rewrite keeps them among
    their neighbours."""
    voice = narration(article.text)
    framing = [s.start for s in found if _FRAMING_END.search(s.text)]
    # What a framing line introduces is someone's statement or testimony set without
    # quotation marks ("Angela was just seven years old.", from a family's statement that
    # followed "This is the full statement ...:"; XSumFaith test, 2026-12-07).
    until = min(framing, default=len(article.text))
    return [s for s in found if s.start < until and _writers_statement(voice[s.start : s.end])]


def _writers_statement(narrated: str) -> bool:
    """True for a sentence, as the writer's voice has it (quotations blanked), that states
    something: not in the first person, not a question, which in a news page is a
    subheading ("What could the US government see?" was published as a summary sentence
    of an XSumFaith test article, 2026-12-07) nor an exclamation, which is the page's aside
    ("Good luck!", after a news quiz's introduction, was published the same way), and not
    a line to the reader about the page (`_TO_THE_VIEWER`)."""
    if FIRST_PERSON.search(narrated) or _TO_THE_VIEWER.search(narrated):
        return False
    return not narrated.rstrip().endswith(("?", "!"))


#: The page speaking to its reader or presenting its own pictures and clips: "Here are
#: some of your pictures from the 26 beaches ...", "It looks like a right dog's dinner -
#: check out this clip." and "In 15 seconds, here's the story" were published as summary
#: sentences of XSumFaith test articles (2026-12-07). Apart among other sentences, they
#: say nothing of the story; a rewrite keeps them among their neighbours.
_TO_THE_VIEWER = re.compile(
    r"\b(?:you|your|yours)\b|(?:^\W*|,\s*)here(?:'s|’s| is| are)\b|\bcheck out\b"
    r"|\bthis (?:video|clip|gallery)\b|\bfull screen\b",
    re.I,
)


#: A colon at the end, or before a stop a page added after it ("on behalf of his
#: brother, Peter Copoc:.").
_FRAMING_END = re.compile(r":[\s.]*$")


def reporting(every: list[Sentence]) -> list[Sentence]:
    """The sentences of `prose` worth retelling: each said once, and no orders to the
    reader."""
    found = [s for s in _first_of_each(_without_commentary(every)) if not _fragment(s.text)]
    found = [s for s in found if not _bracketed_row(s.text)]
    return _without_orders(_without_rows(found))


def _without_commentary(found: list[Sentence]) -> list[Sentence]:
    """The sentences before a match's live commentary, which sports pages run after the
    report: "Kyle Bartley (Leeds United) wins a free kick on the right wing.", "Match ends,
    Leeds United 0, Huddersfield Town 1." A BBC report's rewrite kept 15 such lines
    (XSumFaith dev, 2026-12-07), and an earlier one published "Grant Ward takes a free kick"
    from them. The commentary is cut from the first of its lines after which at least half
    the sentences are its lines, and only where COMMENTARY_LINES of them are found: its
    other lines ("Assisted by Grant Ward.", "Leon Best replaces Tom Lawrence.") have no
    mark of their own. Over XSumFaith's 500 BBC articles 16 carry a commentary (741 of
    their lines match); every sentence after the cut there is commentary too."""
    marked = [bool(_COMMENTARY.search(s.text)) for s in found]
    if sum(marked) < COMMENTARY_LINES:
        return found
    for start, mark in enumerate(marked):
        if mark and 2 * sum(marked[start:]) >= len(marked) - start:
            return found[:start]
    return found


def _bracketed_row(text: str) -> bool:
    """True for a line of a results table: a short line that opens with a name and a
    bracket of capitalised words after it, and has no finite verb. A BBC stage report's
    rewrite published "Vincenzo Nibali (Ita/Bahrain) Same time." (XSumFaith dev,
    2026-12-07)."""
    if len(text.split()) > ROW_WORDS or not _NAME_IN_BRACKETS.search(text):
        return False
    return _without_finite_verb(text)


#: The longest row `_bracketed_row` reads. Over XSumFaith's 500 articles the lines of its
#: shape left after the other rules are the two rows of that page; on trafilatura-eval's
#: pages longer lines, or lines with the bracket further in, were German and Spanish prose
#: whose verbs the English tagger misses.
ROW_WORDS = 6
_NAME_IN_BRACKETS = re.compile(r"^\s*(?:[A-Z][\w'’.-]*\s+){1,4}\((?:[A-Z][\w'’.&-]*[\s/]*)+\)")


#: The commentary lines an article needs before `_without_commentary` cuts anything.
COMMENTARY_LINES = 3
#: A player with his team in brackets, as commentary names them: "Mooy (Huddersfield Town)".
_TEAM = r"\((?:[A-Z][\w'’.&-]*\s?)+\)"
#: How a commentary line opens, or what follows the player and his team.
_COMMENTARY = re.compile(
    r"^(?:Match ends|(?:First|Second) Half (?:ends|begins)|Half Time|Goal!|Corner,|"
    r"Substitution,|Offside,|Attempt (?:missed|saved|blocked)\.|Foul by|Delay in match|"
    r"Delay over|Hand ball by|Dangerous play by|Penalty (?:conceded|saved|missed) by|"
    r"Own Goal by|Conceded by|Second yellow card)"
    rf"|{_TEAM}\s+(?:wins a|is shown the|right footed|left footed|header|hits the|"
    r"is caught offside|tries a|replaces|because of|converts the)"
)


def _without_rows(found: list[Sentence]) -> list[Sentence]:
    """The sentences without a table's rows where an article has TABLE_ROWS or more: lines
    that end in a bare figure with no finite verb. A BBC poll's "Cap amount paid in welfare
    to a household 6.3." was published as a sentence (XSumFaith dev, 2026-12-07). Over
    XSumFaith's 500 BBC articles 44 sentences end so, every one a score, a row or a video's
    caption; on the English trafilatura-eval pages such lines stand alone in prose too ("I
    highly recommend option 1.", where the tagger missed the verb), so one or two of them
    are left to be read as sentences."""
    rows = [s for s in found if _row(s.text)]
    return found if len(rows) < TABLE_ROWS else [s for s in found if s not in rows]


def _row(text: str) -> bool:
    """True for a line that ends in a bare figure and has no finite verb."""
    if not _ENDS_IN_FIGURE.search(text):
        return False
    return _without_finite_verb(text)


def _without_finite_verb(text: str) -> bool:
    """True for a line the tagger finds no finite verb in, as a table's rows are."""
    return not any(token.tag_ in _FINITE for token in parse(text))


#: The rows an article needs before they are read as a table (see `_without_rows`).
TABLE_ROWS = 3


#: A body line this short that does not end as a sentence does is a heading or a page's
#: furniture ("A city upended", "UK news in pictures", "Show all 50"), not a sentence to
#: retell: a retelling of trafilatura-eval's Independent page began "UK news in
#: pictures: ...". The part of a long sentence cut at a clause has 25 words or more.
HEADING_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _heading(text: str) -> bool:
    """True for a short line without a sentence's closing punctuation."""
    return len(text.split()) < HEADING_WORDS and not _SENTENCE_END.search(text.strip())


#: A paragraph that ends in a link is a post the page embeds ("... is mine.
#: https://t.co/dLVatVHxRr", "... sworn in. pic.twitter.com/CIHDX5qmux"), someone else's
#: words set without quotation marks, not the writer's prose (trafilatura-eval's Times of
#: Israel page, where a tweet's "heading into courtroom to be sworn in" was published as
#: the writer's sentence, 2026-12-05).
_ENDS_IN_LINK = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*$")
#: A paragraph that ends in a photo credit is a caption set in the body: "The real state
#: epidemiologist Anders Tegnell at one of the Public Health Agency's daily briefings.
#: Photo: Jonathan Nackstrand/AFP" was published as a sentence of the Local's rewrite
#: (trafilatura-eval, 2026-12-05). On the English trafilatura-eval pages this matched that
#: caption, a "Photo: ..." line, a "featured image: ..." line and stray page metadata.
_PICTURED = r"(?:photo|photograph|picture|image)s?"
_ENDS_IN_CREDIT = re.compile(
    rf"(?:\b{_PICTURED}(?:\s+by|\s*:)\s*[^.!?]*|\((?:AP|AFP|Reuters|Getty)\b[^)]*\))$", re.I
)


def _prose(paragraph: str) -> bool:
    """True for a body paragraph of the writer's prose: not an embedded post or a caption
    with its photo credit, and not one sentence without a sentence's closing punctuation,
    which is a standfirst, a heading, a "Read: ..." teaser or a newsletter prompt (on the
    English trafilatura-eval pages: the Times of Israel's standfirst, which a kept piece
    ran into the lead without a stop, the Atlantic's "Read: ..." links, subheadings, recipe
    and settings lists)."""
    text = paragraph.strip()
    if _ENDS_IN_LINK.search(text) or _ENDS_IN_CREDIT.search(text):
        return False
    return bool(_SENTENCE_END.search(text)) or len(split_sentences(text)) > 1


#: A sentence that is one quotation from end to end, with no speaker outside it: the second
#: paragraph of someone's words, whose speaker the paragraph before names. Retold alone it
#: loses its speaker ("The House faces a challenge in ensuring proper scrutiny ..." for
#: Hancock's "The challenge we have in this House is ...", Independent, 2026-12-04).
_WHOLLY_QUOTED = re.compile(r'^"[^"]*"[\s.,;:!?]*$')


#: A sentence without a letter says nothing to retell: a list's number split from its
#: heading ("1. CVS/pharmacy"), an ellipsis set alone, a reference's year. jobsnhire.com's
#: rewrite kept "... health initiatives that CVS Health disburses. 1. For over 50 years,
#: ... 2. 3." (trafilatura-eval, 2026-12-06); on the 141 English pages 20 hold such
#: sentences (numbers 1-30, "...", "2016." of a bibliography). Nor does one with more
#: digits than letters: Kaieteur News' "Contact: 624-6456; 225-8452; ..." was published as
#: its rewrite's last sentence; on those pages the rest are bibliography entries
#: ("2014;349:g5293.").
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


#: A list item that asks a question is a heading, a link or a checklist, not the story: on
#: the 141 English pages, Healthline's "- What's the purpose of assessing your body fat
#: percentage?" (retold as "Assessing body fat percentage is used to determine the accuracy
#: of these models", 2026-12-06) and four more of its checklist, BBC's "- A SIMPLE GUIDE: How
#: do I protect myself?" and GaijinPot's "- Questions about studying Japanese in Japan?".
_LISTED_QUESTION = re.compile(r"^\s*[-–•*]\s.*\?[\"'”’]?\s*$")


#: A byline run into the story's first sentence: Breaking Belize News' "By Aaron Humes: The
#: Americas cannot ignore ..." (trafilatura-eval, 2026-12-06; the only such opening on the
#: 141 English pages). The sentence is retold from after the colon.
_BYLINE_OPENING = re.compile(r"^\s*By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s*:\s+")


def _without_byline(sentence: Sentence) -> Sentence:
    """The sentence without a byline that opens it."""
    found = _BYLINE_OPENING.match(sentence.text)
    if found is None:
        return sentence
    cut = found.end()
    return replace(sentence, text=sentence.text[cut:], start=sentence.start + cut)


#: A date or a time set as a sentence of its own is the page's stamp, not the story: the
#: same page opened "Posted: Thursday, April 21, 2022. 10:11 pm CST.", which its rewrite
#: kept as its first words. A BBC video page's "8 September 2016 Last updated at 15:33
#: BST." was a summary's first sentence (XSumFaith test, 2026-12-07).
_STAMP = re.compile(
    r"^\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+)?"
    r"(?:(?i:posted|published|updated|last updated)(?:\s+on)?\s*:?|(?=\d{1,2}[:.]\d{2}))"
    r"(?:\s*(?:[A-Z][a-z]+|\d{1,4}(?:st|nd|rd|th)?|(?i:[ap]\.?m\b\.?)|[A-Z]{2,4}|at|on|[,:./-]))*"
    r"\s*\.?\s*$"
)
#: A word that mixes Latin letters with Cyrillic or Greek ones that look the same is text
#: disguised from filters: the same page's advertisement "Yоur соntеnt іѕ dеlіvеrеd іnѕtаntlу
#: ..." was published as its rewrite's last sentence. On the 141 English pages only that
#: page's advertisements hold such words.
_DISGUISED = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0370-\u03ff\u0400-\u04ff])\w+")
DISGUISED_WORDS = 2
#: A copyright notice: with its advertisement gone, the same page's rewrite took in "© 2022,
#: BreakingBelizeNews.com." and "This article is the copyrighted property of Breaking Belize
#: News." On the 141 English pages this matches nine sentences, every one a notice (book
#: excerpts' "Copyright © 2019 by ...", "All rights reserved.", a recipe site's, a TV
#: station's); a story about copyright itself is not matched by the word alone.
#: Leaving those out shifted the choice of sentences elsewhere, and two more notices came up:
#: WSVN's "This material may not be published, broadcast, rewritten or redistributed." and
#: New Republic's excerpt credit "From the book The Great Democracy by Ganesh Sitaraman."
#: (with the Economist's "Excerpted from ...", the only such sentences on those pages).
#: A BBC match report's credit to the agency that wrote it ("Report supplied by the Press
#: Association.") is the same kind of notice: four of XSumFaith's 500 BBC articles end so.
_COPY_NOTICE = re.compile(
    r"©|\bcopyright(?:\s+©)?\s+\d{4}|\bcopyrighted property\b|\ball rights reserved\b"
    r"|\bmay not be (?:re)?(?:published|produced|distributed|broadcast)\b"
    r"|^\s*(?:excerpted|adapted|reprinted) from\b|^\s*from the book\b"
    r"|^\s*(?:match\s+)?report\s+supplied\s+by\b",
    re.I,
)


def _standalone(text: str) -> bool:
    """True for a body sentence that can be retold on its own: not a heading, not a
    quotation without its speaker, not a photo credit, not a list item, not the page's
    date stamp or copyright notice, and not text disguised with look-alike letters."""
    if len(_LETTER.findall(text)) <= len(_DIGIT.findall(text)) or _STAMP.match(text):
        return False
    if len(_DISGUISED.findall(text)) >= DISGUISED_WORDS or _COPY_NOTICE.search(text):
        return False
    if _heading(text) or _WHOLLY_QUOTED.match(plain(text).strip()) or _GLOSS.search(text):
        return False
    if _NAMES_ONLY.match(text.strip()) or _capitals_list(text) or _LISTED_QUESTION.match(text):
        return False
    return not (_CREDIT.match(text.strip()) or _list_item(text))


#: A sentence of capitalised words around a comma and nothing else is a sign-off, a
#: dateline or a reference, not a sentence to retell: "Max Lee, KBS World Radio News."
#: closed a rewrite of trafilatura-eval's KBS page (2026-12-06). On the 367 English
#: trafilatura-eval pages it matched that, two datelines ("SOUTHWEST MIAMI-DADE, FLA."),
#: a name with its degree standing alone, and bibliography entries.
_NAMES_ONLY = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s+(?:[A-Z][\w'’&.-]*\s*){1,6}\.$"
)


#: A run of capitalised words this long and this dense is a list, not a sentence: Harper's
#: open letter ran its signatories ("Elliot Ackerman Saladin Ambar, Rutgers University
#: Martin Amis ...") into the body, and a rewrite published "Jazz at Lincoln Center featured
#: Kati Marton, ..." (2026-12-06). On the 141 English trafilatura-eval pages, lines at
#: CAPITALS_SHARE with no verb were all furniture (addresses, references, nutrition facts,
#: settings tables, credits, that list); at DENSE_CAPITALS, also copy notices, consent boxes,
#: headline links, a disclosure and two more lines of the list, whose job words ("biographer")
#: the small parser took for verbs. Real sentences full of names ("... Governor John Rankin Thursday
#: called for calm", 0.73) have a verb and stay.
LIST_WORDS = 12
CAPITALS_SHARE = 0.6
DENSE_CAPITALS = 0.78
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _capitals_list(text: str) -> bool:
    """True for a long line of mostly capitalised words without a verb, or almost all."""
    words = _WORD.findall(text)[1:]
    if len(words) < LIST_WORDS - 1:
        return False
    share = sum(word[0].isupper() for word in words) / len(words)
    if share >= DENSE_CAPITALS:
        return True
    return share >= CAPITALS_SHARE and not any(token.pos_ == "VERB" for token in parse(text))


#: A gloss: "= I'll buy some masks before they're out of stock." translates the example
#: before it, and published alone it reads as the writer's own first-person statement
#: (GaijinPot's language blog, 2026-12-05), as do translated tweets set the same way.
_GLOSS = re.compile(r"(?:^|[\s。])=\s")


#: A photo credit set as a sentence of a paragraph: "Featured image by Alberto Riva/The
#: Points Guy." closed a kept piece of the Points Guy's page (trafilatura-eval, 2026-12-05).
_CREDIT = re.compile(rf"^(?:\w+\s+)?{_PICTURED}(?:\s+by\b|\s*:)", re.I)


def _list_item(text: str) -> bool:
    """True for an item of a list the page set as sentences: one that opens with the
    "-ing" verb it hangs on and has no subject ("Explaining why he argued as recently as
    2015 that ..." under "Bloomberg spent the week:", trafilatura-eval's LA Times page,
    where the retelling invented a subject and a fact and the kept item read as a broken
    sentence, 2026-12-05)."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if not first.lower().endswith("ing"):
        return False  # no need to parse: most sentences are plainly not list items
    doc = parse(text)
    roots = [token for token in doc if token.dep_ == "ROOT"]
    if not roots or doc[0].tag_ != "VBG":
        return False
    # The parser may hang the item on a later verb ("Explaining why he argued ... that
    # frisking them was a smart policy", with "was" at the root): what tells an item from
    # "Speaking to reporters, the mayor said ..." is that the main verb has no subject.
    return not any(child.dep_ in ("nsubj", "nsubjpass") for child in roots[0].children)


def _first_of_each(found: list[Sentence]) -> list[Sentence]:
    """The sentences without a repeat of one said before, word for word whatever its
    quotation marks: a live blog that posts the same quotation twice had it published twice
    (trafilatura-eval's CorkBeo page), and a page that quotes a statement and then gives it
    whole, the same sentences again (the St Kitts Nevis Observer's, 2026-12-05)."""
    seen: set[str] = set()
    kept = []
    for sentence in found:
        key = " ".join(re.findall(r"\w+", sentence.text.lower()))
        if key not in seen:
            seen.add(key)
            kept.append(sentence)
    return kept


#: Orders to the reader ("Sign up for the free daily newsletter", "Earn 80,000 bonus points
#: after you spend $4,000") are a page's promotions, not its reporting: the Points Guy's
#: credit-card advert was retold as the story's last paragraph, with a false "3X more than
#: the 2X" (trafilatura-eval, 2026-12-05). Where they are more than this share of the
#: sentences the page is a guide whose instructions are its content, and they stay (on the
#: English trafilatura-eval pages with reported speech, promotions were 1-4 sentences of a
#: page; the recipe, gardening and setup guides were mostly orders).
ORDER_SHARE = 0.3


def _fragment(text: str) -> bool:
    """True for a line of names, dates and figures with no verb: a list's heading or item,
    a table's row ("Tuesday, 10 May.", "Kings XI Punjab v Mumbai Indians."). Retold or
    kept apart from the lines around them they say something else: a BBC fixture list's
    rewrite kept the matches of 28 April without their date line, so they read as played
    on the 27th (XSumFaith dev, 2026-12-06). A line with a lower-case word of four letters
    or more is left to be read as a sentence: the small tagger takes the verb of "The next
    sailing leaves at noon."""
    doc = parse(text)
    # Only a lower-case word counts as a verb: the tagger reads the "v" of "Mumbai Indians
    # v Kolkata Knight Riders" and the "Rising" of "Rising Pune Supergiants" as verbs.
    if any(token.pos_ in ("VERB", "AUX") and token.is_lower and len(token) > 1 for token in doc):
        return False
    return not any(token.is_alpha and token.is_lower and len(token) > 3 for token in doc)


_ENDS_IN_FIGURE = re.compile(r"\s\d+(?:\.\d+)?\.\s*$")
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _without_orders(found: list[Sentence]) -> list[Sentence]:
    """The sentences without the orders to the reader, unless the page is made of them."""
    orders = [sentence for sentence in found if _imperative(sentence.text)]
    if len(orders) > ORDER_SHARE * len(found):
        return found
    return [sentence for sentence in found if sentence not in orders]


def _imperative(text: str) -> bool:
    """True for a sentence (or a list item) whose main verb is in its base form with no
    subject: an order to the reader ("Subscribe now", "- Get 25% more value"), wherever
    it stands ("In Northern Ireland, call your GP": trafilatura-eval's MSN page, whose
    health-advice box was published after its story, 2026-12-06). Someone's quoted words
    are theirs, whatever their mood, and are not taken for the page's orders."""
    words = re.sub(r"^[-–•*]\s*", "", text.strip())
    if not words or words[0] in _OPENING_QUOTES:
        return False
    if _POINTER.match(words):
        return True
    doc = parse(words)
    verbs = [verb for verb in _ordering_verbs(doc) if _gives_orders(verb)]
    # An order acts on something or someone, or speaks to the reader: the small tagger
    # also reads a football commentary's "Delay over." as an order (XSumFaith).
    acts = any(
        child.dep_ in _ACTED_ON or (child.dep_ == "prt" and child.lower_ == "up")
        for verb in verbs
        for child in verb.children
    )
    return bool(verbs) and (acts or any(token.lower_ in _READER for token in doc))


def _ordering_verbs(doc: Any) -> list[Any]:
    """The verbs that could give the order: the one the sentence opens with after words
    that leave it an order ("Never miss ...", "Only call NHS 111 if ...", where the
    small parser hangs the opening verb on a later one), and the main verb where all
    before it sets the scene."""
    lead = 0
    while lead < len(doc) - 1 and doc[lead].dep_ in ("neg", "intj", "advmod", "aux"):
        lead += 1
    # The small tagger takes a capitalised opening word for a verb now and then
    # ("Presumptive Democratic White House nominee Joe Biden joined ..."), so a verb hung
    # on a later one counts only after such words.
    found = [doc[lead]] if lead or doc[lead].dep_ == "ROOT" else []
    found += [token for token in doc if token.dep_ == "ROOT" and _only_setting_before(token)]
    return [verb for verb in found if verb.tag_ == "VB" and verb.dep_ in ("ROOT", "advcl")]


def _only_setting_before(verb: Any) -> bool:
    """True when all a main verb has before it sets the scene ("In Northern Ireland,",
    "If you think you have the virus,"), so that it can be an order. Where a clause of
    its own comes first, the parser has lost the subject ("The wealthiest people ...
    participate more in politics, spend more ...", New Republic), and a past tense that
    looks like a base form ("Dodd-Frank, once again, put its faith ...") is no order."""
    if verb.lower_ in _LIKE_A_PAST:
        return bool(verb.i == 0)
    return all(child.dep_ in _SETTING for child in verb.children if child.i < verb.i)


_SETTING = frozenset({"prep", "advcl", "advmod", "npadvmod", "punct", "mark", "intj", "neg", "aux"})
_LIKE_A_PAST = frozenset(
    "put set cut hit let read spread cost shut quit hurt bet cast split beat".split()
)


def _gives_orders(verb: Any) -> bool:
    """False where a word makes a base-form verb something other than an order: its
    subject, or a helping verb other than an order's "do" ("you can ...", "to be ...")."""
    return not any(
        child.dep_ in ("nsubj", "nsubjpass", "expl")
        or (child.dep_ in ("aux", "auxpass") and not (child.lower_ == "do" and child.i < verb.i))
        for child in verb.children
    )


_OPENING_QUOTES = "\"“‘'"
#: An order to read or click on: the small tagger takes "Read" before a name for part of
#: the name ("Read Mark's analysis of the poll.", published from a BBC article of
#: XSumFaith dev, 2026-12-07). Over XSumFaith's 500 BBC articles it matches 10 sentences,
#: every one the site's ("Read more from Nick.", "Click here for live updates ...").
_POINTER = re.compile(r"(?:Read|Click|Tap)\s+(?:here|more|[A-Z])")
_ACTED_ON = frozenset({"dobj", "dative", "xcomp", "ccomp", "acomp"})
_READER = frozenset({"you", "your", "our", "us"})


def _promotion(voice: str, site: str | None) -> bool:
    """True for the page speaking to its reader about itself: "you" with a subscription,
    a newsletter, the site's name, "this article" and the like, in a sentence's own voice
    (`voice`: the sentence with anyone's quoted words blanked out). The Haitian Times'
    offer ("When you join The Haitian Times family, you'll get ...") and the Atlantic's
    "We want to hear what you think about this article." were published as the stories'
    last sentences (trafilatura-eval, 2026-12-06). On the English trafilatura-eval pages
    this matched 22 sentences: offers, notices and requests for comments, and two of a
    gardening guide's pointers to its own text. A site's name before a colon labels its
    interviewer's questions ("The Economist: You say ...") and is passed over."""
    words = voice.lower()
    if _OWN_EVENT.search(words) or _EDITORS_NOTE.match(words):
        return True
    if _PLAYER_NOTICE.search(words) or _MEDIA_POINTER.search(words):
        return True
    if _DISCLOSURE.search(words):
        return True
    if not _READER_WORDS.search(words):
        return False
    if site and re.search(rf"\b{re.escape(site.lower())}\b(?!:)", words):
        return True
    return _ABOUT_THE_PAGE.search(words) is not None


_READER_WORDS = re.compile(r"\b(?:you|your|yours)\b")
#: A note from the editors about the page, not part of the story: LA Weekly's "/Editor's
#: note: The disclaimer below refers to advertising posts ..." was published as the last
#: sentence of its rewrite (trafilatura-eval, 2026-12-06).
_EDITORS_NOTE = re.compile(r"\W*editor[’']?s[’']? note\b")
#: The page inviting its readers to its own event, in its own voice, with or without
#: "you": City Limits' "Anyone eager to learn more ... can also attend our Zoom panel
#: discussion on Nov. 9" was kept as the rewrite's own sentence (2026-12-05).
_OWN_EVENT = re.compile(
    r"\bour (?:[\w-]+ ){0,2}(?:panel|event|webinar|discussion|podcast|livestream|town hall)s?\b"
)
#: The page's note that its player or its interactive part may not work where it is read:
#: BBC pages carry "Media playback is not supported on this device" (55 of XSumFaith's 500
#: articles), and `--style summary` published it as a summary's first sentence, beside "We
#: are aware that this interactive video may not work on some older browsers" (2026-12-06).
#: None of the 141 English trafilatura-eval pages keeps such a line after extraction.
_PLAYER_NOTICE = re.compile(
    r"\b(?:not (?:be )?supported|unsupported|(?:may|might|will) not (?:work|play|display|load)"
    r"|(?:does|do) ?(?:not|n't) (?:work|support|play|display|load)|unable to (?:play|load))\b"
    r"[^.]{0,40}\b(?:device|browser)s?\b|\b(?:enable|turn on) javascript\b"
    r"|\bnon-interactive version\b|\bmedia playback\b"
)
#: The page pointing at a video it embeds, which a retelling cannot show: Healthline's
#: "Instructional video: Here is a video showing examples of girth measurements" was
#: published as "An instructional video is available showing ..." (trafilatura-eval,
#: 2026-12-06). On the 141 English pages it matched Healthline's eight such lines, two
#: recipes' "See our video on how we made our focaccia" and "You can watch the video in the
#: post", a tutorial's "have a look at the following video tutorial" and a shop's "Watch
#: the video to see how it works".
_MEDIA_POINTER = re.compile(
    r"\b(?:here is|here's|below is|see|watch|have a look at) (?:(?:an?|the|our|this|the "
    r"following) )?(?:[\w-]+ ){0,2}(?:video|clip)s?\b|^\W*(?:this|the following) video shows\b"
    r"|^\W*instructional video\s*:"
)
#: The page's word on its advertisers, in its own voice: The Balance's "We recommend the
#: best products through an independent review process, and advertisers do not influence
#: our picks." and The Points Guy's "This post contains references to products from one or
#: more of our advertisers." open those pages; once a rewrite keeps an article's first
#: sentence, they would be retold as the story's lead (trafilatura-eval, 2026-12-06). On
#: the 138 English pages it matches those two, "Read our advertiser disclosure" and The
#: Points Guy's "Terms apply to the offers listed on this page."
_DISCLOSURE = re.compile(
    r"\b(?:our|of our) advertisers?\b|\badvertisers? (?:do|does) not\b"
    r"|\badvertiser disclosure\b|\bindependent review process\b|\bterms apply\b"
)
_OFFER = re.compile(r"\bsubscri|\bmembership\b|\bjoin\b", re.I)
_TO_THE_READER = re.compile(_READER_WORDS.pattern + r"|\bsubscri", re.I)
_ABOUT_THE_PAGE = re.compile(
    r"\bthis (?:article|story|page|post|site|website)\b|\bsubscri|\bnewsletter|\bdonat"
    r"|\b(?:use|uses|using) cookies\b|\breceive compensation\b|\badvertisers\b"
    r"|\bcomments?\b"
)
