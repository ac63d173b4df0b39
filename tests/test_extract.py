"""HTML pages through trafilatura: golden files, captions kept apart, no-article pages."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest

from retell import clean
from retell.errors import NoArticle
from retell.extract.html import article_words, extract_html, figure_captions, url_slug
from retell.render.formats import article_dict

from .conftest import DATA, SHARED

PAGES = sorted((DATA / "html").glob("*.html"))
KEYS = ("title", "date", "authors", "url_slug", "site_name", "body", "captions")


@pytest.mark.parametrize("page", PAGES, ids=[path.stem for path in PAGES])
def test_html_page_matches_its_golden_file(page: Path) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert set(KEYS) <= set(expected), "an expected file must name every key"
    actual = article_dict(clean(page.read_bytes(), source=page.name))
    for key in KEYS:
        assert actual[key] == expected[key], key


def test_captions_are_not_in_the_body() -> None:
    html = (DATA / "html" / "01_lighthouse.html").read_text(encoding="utf-8")
    article = extract_html(html)
    assert article.captions == figure_captions(html)
    assert not set(article.captions) & set(article.body)


def test_reader_comments_are_not_part_of_the_article() -> None:
    article = extract_html((DATA / "html" / "01_lighthouse.html").read_text(encoding="utf-8"))
    assert all("cannot wait to go back" not in paragraph for paragraph in article.body)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>",
        "<html><head><title>Index</title></head><body><ul><li>One</li><li>Two</li></ul></body></html>",
        "<html><body></body></html>",
    ],
)
def test_page_without_an_article_raises(html: str) -> None:
    with pytest.raises(NoArticle):
        extract_html(html, source="index.html")


def test_url_slug_is_the_last_path_segment() -> None:
    assert url_slug("https://a.example/news/2025/bus-routes-open.html?x=1") == "bus-routes-open"
    assert url_slug("https://a.example/") is None
    assert url_slug(None) is None


def test_words_of_unspaced_scripts_are_counted() -> None:
    japanese = "新しい図書館が来月から町の中心で開きます。子どもたちのための部屋もあります。"
    assert article_words([japanese]) >= 12
    assert article_words(["Home About"]) == 2


def test_a_page_trafilatura_reads_whole_gives_its_story_not_the_page() -> None:
    # A paywalled story of trafilatura-eval (Cayman Compass): trafilatura's default reading
    # falls back on the whole page in one paragraph, other stories' headlines included.
    with tarfile.open(SHARED / "data" / "trafilatura-eval" / "pages.tar.gz") as pages:
        member = pages.extractfile("eval/caymancompass.com-prison.html")
        assert member is not None
        html = member.read()
    article = clean(html, source="caymancompass.com-prison.html")
    body = " ".join(article.body)
    assert body.startswith("A senior prison official has said in a sworn affidavit")
    assert "CSEC exams postponed" not in body and "Share Facebook" not in body
