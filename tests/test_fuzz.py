"""A fuzz net under the readers, cleaners, the HTML extractor, the sentence splitter and the
checker: generated input of every awkward kind must end in a result or a documented
`RetellError`, never in another exception, and never take longer than a fixed bound.

The example counts add up to over 10,000 cases per run. Inputs that once failed are kept
as `@example`s beside the strategy that found them.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from retell import pipeline, verify
from retell.article import Article, layout_blocks
from retell.backends.base import Message
from retell.backends.fake import FakeBackend
from retell.errors import RetellError
from retell.ingest import sources as ingest
from retell.text.sentences import split_sentences
from retell.verify.judge import Judge

T = TypeVar("T")

#: Seconds one generated input may take: far above the slowest seen (a 200,000-character
#: page, about 0.5 s), so only a hang or a blow-up trips it.
BOUND_SECONDS = 20


class TooSlow(AssertionError):
    """An input ran past BOUND_SECONDS."""


@contextmanager
def time_bound(seconds: int = BOUND_SECONDS) -> Iterator[None]:
    """Fail the running example if it takes longer than `seconds` (a real hang included,
    which hypothesis's own deadline cannot stop)."""

    def expire(signum: int, frame: object) -> None:
        raise TooSlow(f"one input took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def outcome(call: Callable[[], T]) -> T | RetellError:
    """The call's result, or the documented error it raised; anything else propagates."""
    with time_bound():
        try:
            return call()
        except RetellError as error:
            assert error.exit_code > 0 and error.one_line().strip()
            return error


#: RETELL_FUZZ_SCALE=10 runs ten times the examples, for a long hunt by hand.
SCALE = float(os.environ.get("RETELL_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Hypothesis settings for a fuzz test: no deadline of its own (time_bound is the
    bound), and no complaints about large or slow generated data."""
    return settings(
        max_examples=round(examples * SCALE),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-be",
    "utf-32",
    "latin-1",
    "cp1252",
    "cp1251",
    "cp1256",
    "iso-8859-7",
    "koi8-r",
    "shift_jis",
    "euc-jp",
    "euc-kr",
    "gb18030",
    "big5",
)

#: Awkward characters: controls, zero-width and direction marks, combining marks, right-to-
#: left letters, a surrogate-free astral symbol, line and paragraph separators.
AWKWARD = (
    "\x00\x07\x1b\x7f\u200b\u200d\u200e\u202e\u2066\u0301\u0338"
    "\u05d0\u05e9\u0627\u0644\U0001f600\u2028\u2029\ufeff\ufffd"
)

WORDS = st.sampled_from(
    "The council said Mr Rossi would , . ! ? ' \" “ ” — 1,200 £4m 3.5% on Monday in Leeds "
    "not never could may expects fears he she it they was has been Ms Dr U.S. Jan. "
    "“ ” ( ) ; : – ... e.g. 2024 11pm St. Paul 's n't -- PROFILE_Anna2023".split()
)

PROSE = st.lists(
    st.one_of(WORDS, st.text(alphabet=AWKWARD, min_size=1, max_size=3)), max_size=120
).map(" ".join)

TEXT = st.one_of(
    st.text(max_size=2000),
    PROSE,
    st.lists(PROSE, max_size=8).map("\n\n".join),
    st.text(alphabet=AWKWARD + " \n\t", max_size=200),
    st.sampled_from(["", " ", "\n\n\n", "\t \r\n", "\u3000", "\u200b" * 50]),
    st.integers(1, 200_000).map(lambda n: "x" * n),
    st.integers(1, 5_000).map(lambda n: "word " * n),
)


def encoded(text: str, codec: str, bom: bool) -> bytes:
    """The text in the given codec, unencodable characters replaced; with a BOM if asked."""
    data = text.encode(codec, errors="replace")
    return (b"\xef\xbb\xbf" + data) if bom and codec == "utf-8" else data


ENCODED = st.builds(encoded, TEXT, st.sampled_from(ENCODINGS), st.booleans())


def _tag(children: list[str], name: str, attrs: str, closed: bool) -> str:
    inner = "".join(children)
    return f"<{name}{attrs}>{inner}" + (f"</{name}>" if closed else "")


TAG_NAMES = st.sampled_from(
    "html head body title meta div p span article main section nav footer aside header "
    "h1 h2 script style table tr td ul li a img br figure figcaption noscript svg "
    "iframe form template time blockquote pre".split()
)
ATTRS = st.sampled_from(
    [
        "",
        ' class="content"',
        ' id="article-body"',
        ' itemprop="articleBody"',
        ' property="og:title" content="Headline &amp; more"',
        ' href="javascript:alert(1)"',
        " style=display:none",
        ' datetime="2024-02-30T25:61"',
        ' lang="ar" dir="rtl"',
        " x=" + "y" * 300,
    ]
)
LEAF = st.one_of(
    PROSE,
    st.sampled_from(["&amp;", "&nbsp;", "&#0;", "&#x110000;", "&bogus;", "<!--", "]]>", "<"]),
)
HTML = st.recursive(
    LEAF,
    lambda children: st.builds(
        _tag, st.lists(children, max_size=6), TAG_NAMES, ATTRS, st.booleans()
    ),
    max_leaves=60,
)
PAGES = st.one_of(
    HTML.map(lambda body: f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}"),
    HTML,
    st.integers(1, 3_000).map(lambda depth: "<div>" * depth + "Deep text." + "</div>" * depth),
    st.integers(1, 3_000).map(lambda n: "<html><body>" + "<p>Para graph text here.</p>" * n),
)

FEEDS = st.builds(
    lambda dtd, titles, links: (
        f'<?xml version="1.0"?>{dtd}<rss version="2.0"><channel><title>F</title>'
        + "".join(
            f"<item><title>{title}</title><link>{link}</link></item>"
            for title, link in zip(titles, links, strict=False)
        )
        + "</channel></rss>"
    ),
    st.sampled_from(
        [
            "",
            '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]>',
            '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;'
            '&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
            '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        ]
    ),
    st.lists(
        st.one_of(PROSE, st.sampled_from(["&a;", "&c;", "&x;", "&amp;", "&#38;"])), max_size=5
    ),
    st.lists(
        st.sampled_from(
            [
                "https://example.org/a",
                "/relative",
                "javascript:alert(1)",
                "file:///etc/passwd",
                "http://[::1",
                "",
                "&c;",
            ]
        ),
        max_size=5,
    ),
)


@fuzz(3000)
@given(st.one_of(st.binary(max_size=4096), ENCODED))
@example(b"\x00" * 10)
@example(b"\xff\xfe")
def test_any_bytes_clean_to_an_article_or_a_documented_error(data: bytes) -> None:
    result = outcome(lambda: pipeline.clean(data, source="<fuzz>"))
    if isinstance(result, Article):
        assert result.body and all(paragraph.strip() for paragraph in result.body)


@fuzz(2000)
@given(PAGES)
# Found by this test: lxml made the stray <svg> the root, and htmldate's cleaning failed on
# an assertion when it tried to drop it.
@example("<svg><html>")
@example("<svg><html><body>" + "<p>The council met on Monday to approve the plan.</p>" * 9)
def test_any_html_extracts_to_an_article_or_a_documented_error(html: str) -> None:
    result = outcome(lambda: pipeline.clean(html.encode("utf-8"), source="<fuzz.html>"))
    if isinstance(result, Article):
        assert all(paragraph.strip() for paragraph in result.body)


@fuzz(800)
@given(FEEDS)
def test_any_feed_gives_links_or_a_documented_error(xml: str) -> None:
    def links() -> list[str]:
        page = ingest.page_from_bytes(xml.encode("utf-8"), source="<fuzz.xml>")
        return ingest.links(page)

    result = outcome(links)
    if isinstance(result, list):
        assert all(link.startswith(("http://", "https://")) for link in result)


@fuzz(3000)
@given(TEXT)
def test_the_splitter_covers_text_in_order_with_nothing_blank(text: str) -> None:
    with time_bound():
        spans = split_sentences(text)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        assert text[start:end].strip()
        previous = end


def _judge_says_yes(messages: list[Message]) -> str:
    return "Yes" if len(messages[-1].content) % 2 else "No"


SOURCE = Article(
    "<fuzz source>",
    "Council approves a new bridge",
    layout_blocks(
        (
            "The council in Leeds approved a £4m bridge on Monday, its leader Anna Rossi said.",
            "Work could start in 2024 if the government agrees, she said. It has not agreed.",
            "“We will not raise taxes,” Ms Rossi said. Critics fear the cost may rise to £6m.",
        ),
        (),
    ),
)


@fuzz(1200)
@given(st.one_of(PROSE, TEXT, st.lists(PROSE, max_size=4).map("\n\n".join)))
@example("0\r\n0")  # CI, 2026-12-05: a paragraph the candidate no longer held (ValueError)
def test_any_candidate_gets_a_verdict_per_sentence_or_a_documented_error(candidate: str) -> None:
    judge = Judge(FakeBackend(_judge_says_yes), reasons=False)
    result = outcome(lambda: verify.check(SOURCE, candidate, judge=judge))
    if isinstance(result, verify.Report):
        for verdict in result.verdicts:
            assert verdict.label in verify.SEVERITY
            assert verdict.text.strip()
            for evidence in verdict.evidence:
                assert SOURCE.text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize("size", [0, 1, 10_000_000])
def test_a_page_of_one_repeated_byte_is_handled(size: int) -> None:
    result = outcome(lambda: pipeline.clean(b"a" * size, source="<fuzz>"))
    assert isinstance(result, (Article, RetellError))
