"""Cleaning copy-site text dumps into an `Article`.

A scraped dump is a list of lines. Each pass below gives some lines a role:
a part of the header (date, slug, title, byline), a caption, or a kind of
removed block; whatever is left is the story's body. The story's own text is
never rewritten: a line only has its runs of whitespace (no-break spaces
included) collapsed, and every line taken out is kept in `Article.removed`
with its kind. `clean_text` reads like the list of passes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypeGuard, get_args

from retell.article import Article, Removed, RemovedKind, layout_blocks
from retell.errors import NoArticle
from retell.extract.dates import date_line, header_date, parse_date
from retell.extract.injection import without_injections
from retell.extract.treebank import detokenise

#: How many content lines at the top may hold the date, slug, title and byline.
HEADER_LINES = 4
#: A last line of at most this many words with no closing punctuation is a cut-off fragment.
FRAGMENT_MAX_WORDS = 12
#: The longest line taken for a title (the seed's, with its slug removed, is 190 characters).
TITLE_MAX = 320
#: A "By ..." line this short counts as a byline even when it names no person ("by admin").
BYLINE_MAX_UNNAMED_WORDS = 4
#: At most this many junk lines are taken from the end of the story.
TAIL_MAX_LINES = 4
#: An article has at least one line of this many words; shorter ones alone are labels,
#: buttons and other page furniture.
MIN_PARAGRAPH_WORDS = 5
#: Teaser headlines and labels are short; a longer line after "Read More" is body text.
TEASER_HEADLINE_MAX = 220

_TERMINAL = tuple(".!?…:;\"'”’»)]")

_TEASER_MARKER = re.compile(
    r"^(?:read more|read next|more on this story|related(?: articles?| stories| posts)?|see also|"
    r"more stories|you may also like|popular posts|trending|related news|noticias relacionadas|"
    r"verwandte artikel|ähnliche artikel|articles? (?:similaires|liés)|"
    r"also read|recommended|lesen sie auch|mehr zum thema|auch interessant|weiterlesen|"
    r"lire aussi|à lire aussi|leer más|lee también)\s*:?(?P<rest>\s.*)?$",
    re.I,
)
# Markers that head a list of several related headlines rather than a single one.
_TEASER_LIST = re.compile(
    r"^(?:related (?:articles|stories|posts|news)|more stories|you may also like|popular posts|"
    r"trending|recommended|noticias relacionadas|verwandte artikel|ähnliche artikel|"
    r"articles? (?:similaires|liés))\s*:?$",
    re.I,
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'’”]?\s+[A-Z\"'‘“]")
#: Words in a headline of a list of related articles.
LIST_HEADLINE_MAX_WORDS = 16
#: How many headlines a list of related articles may hold.
TEASER_LIST_MAX = 6
_TEASER_LABEL = re.compile(
    r"^(?:exclusive|breaking|live|revealed|watch|pictured|video|update|opinion|analysis|"
    r"exklusiv|eilmeldung|exclusif)\s*:?$",
    re.I,
)
_IMAGE_PLACEHOLDER = re.compile(r"^(?:article image|image|thumbnail|artikelbild|bild)$", re.I)
# Copy-protection notices, by the stems they share across sites and languages, and any short
# line shouting with "!!" (which story text does not do).
_NOTICE = re.compile(
    r"content is protected|(?:can ?not|can't|may not) (?:be )?cop(?:y|ied)|copy(?:ing)? "
    r"(?:content|text|is (?:not allowed|prohibited|disabled))|right[- ]click (?:is )?disabled|"
    r"selection is disabled|geschützt|kopieren (?:ist )?nicht|protégé|protegid[oa]|"
    r"no (?:se )?puede copiar|!!\s*$",
    re.I,
)
#: A notice is a short line; a long line with one of those words is story text.
NOTICE_MAX_WORDS = 12
_BOILERPLATE = re.compile(
    r"^(?:share this(?: article)?|share on \w+|like this|(?:like )?loading\.*|advertisement|"
    r".*\(opens in new window\)|anzeige|"
    r"werbung|sponsored(?: content)?|scroll down for video|continue reading below|"
    r"subscribe to our newsletter|sign up to our newsletter|follow us on \w+|leave a comment|"
    r"comments|tags?:.*|all rights reserved\.?|©.*|copyright ©?.*|skip to (?:main )?content|"
    r"menu|search|home|share|tweet|email|facebook|twitter|whatsapp|pinterest|linkedin|print|"
    r"\d+ min(?:ute)?s? read|reading time:.*|lesezeit:.*|"
    r"(?:proudly )?powered by (?:wordpress|blogger|ghost|drupal|joomla|wix|squarespace)\b.*)\W*$",
    re.I,
)
# Lines after which a site prints its share and like buttons, one per line.
_FOOTER_MARKER = re.compile(r"^(?:share this|like this|teilen|compartir)\W*$", re.I)
# "Home » News » Politics": a breadcrumb trail of two or more separators.
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s[»>›/|]\s[^.!?]{1,40}){2,}$")
_SINGLE_CAPTION = re.compile(
    r"\((?:image|photo|picture|credit|foto|bild|photograph)s?:[^)]*\)$|"
    r"^(?:photo|picture|image|foto|bild)s?:\s",
    re.I,
)
_CREDIT = re.compile(r"\s*\((?:image|photo|picture|credit|foto|bild)s?:[^)]*\)$", re.I)
_BYLINE = re.compile(r"^(?:by|von|par|por|di)\s+(?P<names>[^\W\d_].{1,120})$", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|&)\s*")
# A byline often goes on after the names: "By Ann Lee | Updated 3 March", "By Ann Lee - BBC".
_BYLINE_END = re.compile(r"\s(?:[|•·—–-]|for|für)\s.*$", re.I)
_ROLE_WORDS = re.compile(
    r"\b(?:editor|correspondent|reporter|writer|staff|columnist|redakteur\w*|korrespondent\w*)\b",
    re.I,
)
_SLUG_SEPARATORS = ("-", "_")


@dataclass
class Line:
    """One non-empty line of the dump and the role a pass gave it."""

    raw: str
    text: str
    role: str | None = None

    @property
    def free(self) -> bool:
        """True while no pass has claimed the line."""
        return self.role is None


@dataclass
class Header:
    """What the top of the dump says about the story."""

    title: str | None = None
    slug: str | None = None
    date: dt.date | None = None
    authors: list[str] = field(default_factory=list)


def clean_text(text: str, *, source: str = "<text>", url: str | None = None) -> Article:
    """Clean a scraped text dump into an article, keeping every removed block. Text split
    into Treebank tokens (some research corpora) is put back into ordinary typography."""
    lines = split_lines(with_lost_breaks(detokenise(text)))
    mark_blank(lines)
    mark_notices(lines)
    header = read_header(lines)
    mark_teasers(lines)
    mark_captions(lines)
    mark_title_copies(lines, header.title)
    mark_fragment(lines)
    return assemble(lines, header, source=source, url=url)


def with_lost_breaks(text: str) -> str:
    """The text with a line break put back before each later paragraph of a quotation
    that a dump ran into one line, so that its speaker is read as the source gives it:
    news writing opens each paragraph of a long quotation with a mark and closes only the
    last ('... said: "There is nothing more serious ... abroad. "Alex Salmond has form
    ..."', a BBC article of XSumFaith in one line). Read as one paragraph, its marks do
    not pair and it quotes nothing (`text.speech.spoken`), and a rewrite of it published
    the second paragraph of a quotation as the writer's own words (2026-12-06)."""
    return "\n".join(_broken(line) for line in text.split("\n"))


def _broken(line: str) -> str:
    breaks = _lost_breaks(line)
    if not breaks:
        return line
    cuts = [0, *breaks, len(line)]
    return "\n".join(line[start:end].rstrip() for start, end in pairwise(cuts))


def _lost_breaks(line: str) -> list[int]:
    """Where each mark opens a quotation's next paragraph: a straight mark that opens while
    a quotation is open, after a sentence's end, in a line whose last quotation closes.
    Nothing for a line with curly marks, or with straight ones that do not read so.

    Read here with a pattern of its own rather than `text.speech.Marks`, which knows which
    way a mark faces: the extract stage comes before `retell.text` and may not import it
    (the import-linter contract in pyproject.toml)."""
    if "“" in line or "”" in line:
        return []
    found: list[int] = []
    opened = False
    for mark in _STRAIGHT.finditer(line):
        opens = mark.group(1) is not None
        if opened and opens and line[: mark.start()].rstrip().endswith((".", "?", "!")):
            found.append(mark.start())
        elif opened == opens:
            return []
        else:
            opened = opens
    return [] if opened else found


#: A straight double mark that opens (after a space, before a word: group 1) or closes.
_STRAIGHT = re.compile(r'(?:(?:^|(?<=\s))(")(?=\S)|(?<=\S)"(?!\w))')


def normalise(text: str) -> str:
    """Collapse every run of whitespace, no-break spaces included, to one space."""
    return " ".join(text.split())


def split_lines(text: str) -> list[Line]:
    """Every non-empty line of the dump, with its whitespace-normalised text."""
    return [Line(raw, normalise(raw)) for raw in text.splitlines() if raw]


def mark_blank(lines: list[Line]) -> None:
    """Lines that hold only whitespace, such as a lone no-break space."""
    for line in lines:
        if not line.text:
            line.role = "blank"


def content(lines: list[Line]) -> list[Line]:
    """The lines no pass has claimed yet, in order."""
    return [line for line in lines if line.free]


def read_header(lines: list[Line]) -> Header:
    """Find the date, slug, title and byline among the first content lines.

    A slug marks the title: short lines above the first slug are the site's
    header (a site name, a section), never the story.
    """
    header = Header()
    top = content(lines)[:HEADER_LINES]
    slugs = [_has_slug(line.text, _next_text(top, i)) for i, line in enumerate(top)]
    first_slug = next((i for i, found in enumerate(slugs) if found), 0)
    for index, line in enumerate(top):
        if index < first_slug:
            _claim_above_slug(line, header)
        elif not _claim_header_line(line, header, slugs[index]):
            break  # the story has begun
    return header


def _next_text(lines: list[Line], index: int) -> str:
    """The text of the line after this one, or ""."""
    return lines[index + 1].text if index + 1 < len(lines) else ""


def _claim_above_slug(line: Line, header: Header) -> None:
    """A line above the slug: the date header if it holds the date, else site furniture."""
    found = header_date(line.text) if header.date is None else None
    if found is not None:
        header.date, line.role = found, "date_header"
    else:
        line.role = "boilerplate"


def _has_slug(text: str, following: str) -> bool:
    """A line that is a slug of the line after it, or a title with a slug glued to its
    front."""
    return _standalone_slug(text, following) or split_slug(text)[0] is not None


def _standalone_slug(text: str, following: str) -> bool:
    """A URL slug on a line of its own, made from the title on the next line: it shares
    two of its words, or its first four letters and digits, with that line. A body line
    shaped like a slug ("0__0.", found by hypothesis in CI) shares nothing with the story
    line after it."""
    if not is_slug(text):
        return False
    mine = [w for w in re.split(r"[^0-9a-z]+", slug_name(text).lower()) if w]
    theirs = set(re.findall(r"[0-9a-z]+", following.lower()))
    prefix = len(_common_prefix(_alnum(text), _alnum(following)))
    return len(set(mine) & theirs) >= 2 or prefix >= 4


def _claim_header_line(line: Line, header: Header, slug: bool = False) -> bool:
    """Give a line its header role and record what it says; False for a story line.
    `slug` says whether the line is a slug of the line after it."""
    reader = header_date if header.title is None else date_line
    if header.date is None and (found := reader(line.text)) is not None:
        header.date, line.role = found, "date_header"
        return True
    if header.title is None and header.slug is None and slug and is_slug(line.text):
        header.slug, line.role = slug_name(line.text), "slug"
        return True
    if header.title is None and _TEASER_MARKER.match(line.text):
        return False  # a "Read More" marker is never the headline
    if header.title is None:
        return _take_title(line, header)
    if not header.authors and is_byline(line.text):
        header.authors, line.role = byline_names(line.text), "byline"
        header.date = header.date or _date_in(line.text)
        return True
    return False


def looks_like_title(text: str) -> bool:
    """A headline: not longer than TITLE_MAX and not several full sentences."""
    sentences = len(re.findall(r"[.!?][\"'”’]?\s+[A-Z]", text))
    return len(text) <= TITLE_MAX and not (text.endswith(".") and sentences >= 1)


def _date_in(text: str) -> dt.date | None:
    """A date written anywhere in a line, such as "By Ann Lee | 3 March 2025"."""
    found = parse_date(text)
    return found[0] if found else None


def _take_title(line: Line, header: Header) -> bool:
    """Claim a headline line, splitting off a slug glued to its front; False if not one."""
    slug, title = split_slug(line.text)
    if not looks_like_title(title):
        return False
    header.slug, header.title = (slug_name(slug) if slug else header.slug), title
    line.role = "title" if slug is None else "slug"
    line.text = slug or line.text
    return True


_EXTENSION = re.compile(r"\.(?:html?|shtml|php|aspx?|jsp)$", re.I)


def slug_name(raw: str) -> str:
    """The slug proper: the last path segment, without a file extension.

    "2025/02/14/bus-routes-open.html" gives "bus-routes-open"; the raw text
    stays in the removed "slug" block.
    """
    segment = [part for part in raw.split("/") if part][-1] if raw.strip("/") else raw
    return _EXTENSION.sub("", segment)


def is_slug(text: str) -> bool:
    """A URL slug standing alone: one lowercase token of hyphen-joined words (words, so
    a run of dashes such as "--." is none)."""
    if " " in text or any(char.isupper() for char in text):
        return False
    words = [part for part in re.split("|".join(map(re.escape, _SLUG_SEPARATORS)), text) if part]
    alphanumeric = sum(1 for part in words if any(char.isalnum() for char in part))
    return sum(text.count(sep) for sep in _SLUG_SEPARATORS) >= 2 and alphanumeric >= 2


def split_slug(text: str) -> tuple[str | None, str]:
    """Split a URL slug glued to the front of a title, as copy sites print them.

    The slug is made from the title, so the right split point is the one
    where the slug's letters and digits match the start of the title's. When
    the slug dropped words and nothing matches, the first capital letter that
    follows lowercase slug characters marks the title's start.
    """
    token = text.split(" ", 1)[0]
    if not any(sep in token for sep in _SLUG_SEPARATORS):
        return None, text
    cut = _best_slug_cut(token, text) or _case_cut(token)
    if cut is None:
        return None, text
    return text[:cut], text[cut:]


def _alnum(text: str) -> str:
    """The lowercase letters and digits of a text, for comparing slugs with titles."""
    return "".join(char for char in text.lower() if char.isalnum())


def _best_slug_cut(token: str, text: str) -> int | None:
    """The split point whose slug best matches the start of the title that follows."""
    best, best_score = None, 0
    for cut in range(2, len(token)):
        slug = _alnum(token[:cut])
        if token[cut - 1] in _SLUG_SEPARATORS or not slug:
            continue
        title = _alnum(text[cut:])
        score = len(_common_prefix(slug, title))
        if score > best_score:
            best, best_score = cut, score
    if best is None or best_score < max(4, len(_alnum(token[:best])) // 2):
        return None
    return best


def _common_prefix(first: str, second: str) -> str:
    """The longest common start of two strings."""
    size = 0
    for one, two in zip(first, second, strict=False):
        if one != two:
            break
        size += 1
    return first[:size]


def _case_cut(token: str) -> int | None:
    """Where a capital letter first follows a run of lowercase slug characters."""
    for cut in range(2, len(token)):
        if token[cut].isupper() and not any(char.isupper() for char in token[:cut]):
            slug = token[:cut]
            if any(sep in slug for sep in _SLUG_SEPARATORS) and slug[-1] not in _SLUG_SEPARATORS:
                return cut
    return None


def is_byline(text: str) -> bool:
    """A "By ..." line: one naming people, or a short one such as "by admin"."""
    if _BYLINE.match(text) is None:
        return False
    return bool(byline_names(text)) or len(text.split()) <= BYLINE_MAX_UNNAMED_WORDS


def byline_names(text: str) -> list[str]:
    """The author names of a "By Jane Doe and Rafael Ortiz" line, or none."""
    match = _BYLINE.match(text)
    if match is None or len(text.split()) > 14:
        return []
    names = _BYLINE_END.sub("", match["names"])
    parts = [part.strip() for part in _NAME_SPLIT.split(names)]
    return [part for part in parts if _looks_like_name(part) and not _ROLE_WORDS.search(part)]


def _looks_like_name(part: str) -> bool:
    """Two to four capitalised words, the shape of a person's name."""
    words = part.split()
    return 2 <= len(words) <= 4 and all(word[0].isupper() for word in words)


def mark_teasers(lines: list[Line]) -> None:
    """Related-article teasers: "Read More", labels, a headline, "article image"."""
    free = content(lines)
    index = 0
    while index < len(free):
        line = free[index]
        if _TEASER_MARKER.match(line.text):
            index = _claim_teaser(free, index)
        elif _IMAGE_PLACEHOLDER.match(line.text):
            line.role = "teaser_start"
        index += 1


def _claim_teaser(free: list[Line], start: int) -> int:
    """Claim a teaser starting at `start`; return the index of its last line."""
    members = [free[start]]
    marker = _TEASER_MARKER.match(free[start].text)
    headlines_left = TEASER_LIST_MAX if _TEASER_LIST.match(free[start].text) else 1
    if marker and marker["rest"]:
        headlines_left = 0
    taken = 0
    for line in free[start + 1 : start + 2 + 2 * TEASER_LIST_MAX]:
        if _TEASER_LABEL.match(line.text) or _IMAGE_PLACEHOLDER.match(line.text):
            members.append(line)
        elif headlines_left and _is_headline(line, free, listed=taken > 0):
            members.append(line)
            headlines_left, taken = headlines_left - 1, taken + 1
        else:
            break
    for member in members:
        member.role = "teaser"
    members[0].role = "teaser_start"
    return start + len(members) - 1


def _is_headline(line: Line, free: list[Line], *, listed: bool = False) -> bool:
    """A teaser headline: short, and not a body paragraph ending in a full stop.

    In a list of related headlines, only the first must look like one of
    them; a later line must also be short, one sentence and unpunctuated at
    its end, or it is the story going on (a quote, a question, a subheading).
    """
    if len(line.text) > TEASER_HEADLINE_MAX:
        return False
    if listed and (
        line.text.endswith(_TERMINAL)
        or _SENTENCE_BREAK.search(line.text)
        or len(line.text.split()) > LIST_HEADLINE_MAX_WORDS
    ):
        return False
    position = free.index(line)
    followed_by_image = position + 1 < len(free) and bool(
        _IMAGE_PLACEHOLDER.match(free[position + 1].text)
    )
    return followed_by_image or not line.text.endswith(".")


def mark_notices(lines: list[Line]) -> None:
    """Copy-protection notices and share, advert or newsletter boilerplate.

    After a share or like marker ("Share this:", "Like this:") every short
    line that is not a sentence belongs to the same block of buttons.
    """
    in_footer = False
    for line in content(lines):
        words = len(line.text.split())
        if words <= NOTICE_MAX_WORDS and _NOTICE.search(line.text):
            line.role = "notice"
        elif len(line.text) <= 160 and (
            _BOILERPLATE.match(line.text) or _BREADCRUMB.match(line.text)
        ):
            line.role = "boilerplate"
            in_footer = in_footer or bool(_FOOTER_MARKER.match(line.text))
        elif in_footer and words <= 8 and not line.text.endswith("."):
            line.role = "boilerplate"
        else:
            in_footer = False


def mark_captions(lines: list[Line]) -> None:
    """Photo captions: a line printed twice or more in a row, or one with a photo credit."""
    free = content(lines)
    for previous, line in zip([None, *free], free, strict=False):
        if previous is not None and _same_caption(previous.text, line.text):
            previous.role = previous.role or "caption"
            line.role = "caption_copy"
        elif _SINGLE_CAPTION.search(line.text):
            line.role = "caption"


def _same_caption(first: str, second: str) -> bool:
    """Two lines that are one caption printed twice, one copy perhaps with a photo credit."""
    if first == second:
        return True
    return _CREDIT.sub("", first) == _CREDIT.sub("", second) and len(_CREDIT.sub("", first)) > 20


def mark_title_copies(lines: list[Line], title: str | None) -> None:
    """The title printed again as a body line."""
    for line in content(lines):
        if title is not None and line.text == title:
            line.role = "title_copy"


def mark_fragment(lines: list[Line]) -> None:
    """The cut-off at the end of the story, and any unrecognised junk after it.

    The story's last lines are looked at from the end: while they are short
    and stop without closing punctuation they are not story text. The first
    of them is where the scrape cut the story off (the fragment); any that
    follow it are site furniture the other passes did not recognise.
    """
    body = content(lines)
    tail: list[Line] = []
    while body and _cut_off(body[-1]) and len(tail) < TAIL_MAX_LINES:
        tail.insert(0, body.pop())
    if len(body) == 0:
        return  # nothing but short lines: leave them, the article is too small to judge
    for index, line in enumerate(tail):
        line.role = "fragment" if index == 0 else "boilerplate"


def _cut_off(line: Line) -> bool:
    """A short line with no closing punctuation."""
    return len(line.text.split()) <= FRAGMENT_MAX_WORDS and not line.text.endswith(_TERMINAL)


def assemble(lines: list[Line], header: Header, *, source: str, url: str | None) -> Article:
    """Build the article from the roles the passes gave each line."""
    body = [line.text for line in lines if line.free]
    if not body:
        raise NoArticle(
            "no article text found: every line is header, caption or boilerplate", source=source
        )
    if not any(len(paragraph.split()) >= MIN_PARAGRAPH_WORDS for paragraph in body):
        raise NoArticle(
            f"no article text found: no line of {MIN_PARAGRAPH_WORDS} words or more", source=source
        )
    captions = [line.text for line in lines if line.role == "caption"]
    removed = tuple(_removed(lines))
    article = Article(
        source=source,
        title=header.title,
        blocks=layout_blocks(body, captions),
        date=header.date,
        authors=tuple(header.authors),
        url=url,
        url_slug=header.slug,
        removed=removed,
    )
    return without_injections(article)


def _removed(lines: list[Line]) -> list[Removed]:
    """Removed blocks in document order; the lines of one teaser make one block."""
    removed: list[Removed] = []
    teaser_at: int | None = None
    for line in lines:
        if line.role == "teaser" and teaser_at is not None:
            joined = removed[teaser_at].text + "\n" + line.text
            removed[teaser_at] = Removed("teaser", joined)
        elif line.role == "teaser_start":
            teaser_at = len(removed)
            removed.append(Removed("teaser", line.text))
        elif _is_removed_kind(line.role):
            removed.append(Removed(line.role, line.raw if line.role == "blank" else line.text))
    return removed


def _is_removed_kind(role: str | None) -> TypeGuard[RemovedKind]:
    """True for roles that name a kind of removed block."""
    return role in get_args(RemovedKind)
