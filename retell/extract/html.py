"""Extracting an `Article` from an HTML page, with trafilatura underneath.

trafilatura finds the main text and the metadata. retell adds what it needs
beyond that: figure captions kept apart from the body (each once), the URL's
slug, and a clear `NoArticle` error when the page holds no story.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml.etree import ParserError

from retell.article import Article, Removed, layout_blocks
from retell.errors import NoArticle
from retell.extract.dates import parse_date
from retell.extract.injection import without_injections
from retell.extract.scraped import normalise

#: Fewer body words than this is a navigation or index page, not an article. Set by hand: a
#: menu-only page gives 1-5 words, the shortest story of the trafilatura evaluation pages
#: far more (bench/extract.py counts pages that raise NoArticle).
MIN_ARTICLE_WORDS = 12

# Han, Hiragana, Katakana, Hangul syllables and Thai: scripts written without spaces.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")

#: Settings handed to trafilatura; comments are not part of the story.
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "with_metadata": True,
    # The publication date from meta tags, structured data and the URL only: htmldate's
    # extensive search of the page text cost 30-40 % of retell's time on the trafilatura
    # evaluation pages (bench/extract.py) and mostly finds dates for pages that have none.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


def _document(html: str) -> lxml.html.HtmlElement | str:
    """The page as trafilatura loads it, always from its <html> root. For a page that opens
    with a stray element (an unclosed <svg>, say) lxml hands back that element as the root,
    and htmldate then fails on an assertion trying to drop it (found by tests/test_fuzz.py).
    A page lxml cannot load at all stays a string, and trafilatura finds nothing in it."""
    tree = trafilatura.load_html(html)
    return html if tree is None else tree.getroottree().getroot()


def extract_html(html: str, *, source: str = "<html>", url: str | None = None) -> Article:
    """Extract the article of an HTML page, captions kept apart from the body."""
    document = _extracted(html, url)
    captions = figure_captions(html)
    title = _normalised(_field(document, "title"))
    lines = [line for line in _paragraphs(_field(document, "text")) if line not in captions]
    body = [line for line in lines if line != title]
    if article_words(body) < MIN_ARTICLE_WORDS:
        raise NoArticle("no article found in this HTML page", source=source)
    page_url = _field(document, "url") or url
    article = Article(
        source=source,
        title=title,
        blocks=layout_blocks(body, captions),
        date=_iso_date(_field(document, "date")),
        authors=_authors(_field(document, "author")),
        url=page_url,
        url_slug=url_slug(page_url),
        site_name=_normalised(_field(document, "sitename")),
        removed=tuple(Removed("title_copy", line) for line in lines if line == title),
    )
    return without_injections(article)


def _extracted(html: str, url: str | None) -> Any:
    """trafilatura's reading of the page. Where it found too little and fell back on the
    whole page's text, run together in one paragraph that holds the title (Cayman Compass'
    paywalled story came out as breadcrumbs, title, byline, share buttons, one sentence of
    story and a list of other stories' headlines, and a rewrite published the headlines),
    its precise mode is asked instead, if that finds an article. On the 990
    trafilatura-eval pages this changes 4: 4 fewer unwanted snippets, one caption fewer in
    the body (retell keeps captions apart anyway); `bench/extract.py` went from F1 0.9228
    to 0.9233 (title and body)."""
    document = trafilatura.bare_extraction(_document(html), url=url, **EXTRACT_OPTIONS)
    title = _normalised(_field(document, "title"))
    body = _paragraphs(_field(document, "text"))
    if not title or len(body) != 1 or title not in body[0]:
        return document
    precise = trafilatura.bare_extraction(
        _document(html), url=url, favor_precision=True, **EXTRACT_OPTIONS
    )
    found = _paragraphs(_field(precise, "text"))
    return precise if article_words(found) >= MIN_ARTICLE_WORDS else document


def article_words(paragraphs: list[str]) -> int:
    """Words in the paragraphs, counting two characters of an unspaced script as one word.

    Chinese, Japanese and Thai put no spaces between words, so splitting on
    whitespace would make a long story look like a handful of words.
    """
    spaced = sum(len(paragraph.split()) for paragraph in paragraphs)
    unspaced = sum(len(_UNSPACED.findall(paragraph)) for paragraph in paragraphs)
    return spaced + unspaced // 2


def _field(document: object, name: str) -> str | None:
    """A text field of trafilatura's document, or None when it is missing or empty."""
    value = getattr(document, name, None)
    return value if isinstance(value, str) and value.strip() else None


def figure_captions(html: str) -> list[str]:
    """Each distinct <figcaption> text of the page, in document order."""
    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return []
    captions: list[str] = []
    for element in tree.iter("figcaption"):
        text = normalise(element.text_content())
        if text and text not in captions:
            captions.append(text)
    return captions


def url_slug(url: str | None) -> str | None:
    """The last path segment of a URL, without a file extension."""
    if not url:
        return None
    segments = [part for part in urlsplit(url).path.split("/") if part]
    if not segments:
        return None
    slug = segments[-1].rsplit(".", 1)[0] if "." in segments[-1] else segments[-1]
    return slug or None


def _paragraphs(text: str | None) -> list[str]:
    """trafilatura's text, one paragraph per line, in NFC with whitespace normalised.

    trafilatura's own text output is NFC; its Python document is not, and
    decomposed accents would keep the same words from matching elsewhere.
    """
    raw_lines = (text or "").splitlines()
    lines = (normalise(unicodedata.normalize("NFC", raw)) for raw in raw_lines)
    return [line for line in lines if line]


def _normalised(value: str | None) -> str | None:
    """A metadata string with its whitespace normalised."""
    return normalise(value) if value else None


def _iso_date(value: str | None) -> dt.date | None:
    """trafilatura's date string (ISO when found) as a date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        parsed = parse_date(value)
        return parsed[0] if parsed else None


def _authors(value: str | None) -> tuple[str, ...]:
    """trafilatura's author field, which joins several names with "; "."""
    if not value:
        return ()
    return tuple(name for name in (normalise(part) for part in value.split(";")) if name)
