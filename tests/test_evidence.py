"""Evidence retrieval: the source sentences that bear on a claim, with exact offsets."""

from __future__ import annotations

from retell import clean
from retell.verify.evidence import EvidenceIndex, source_spans, terms

PAGE = (
    b"Ferry vote\n\n"
    b"Councillors in Westmere voted 7 to 4 to keep the ferry until 2028.\n\n"
    b"Council leader Margaret Osei promised a yearly review. "
    b"The library opens three days a week.\n\n"
    b"The ferry at dawn\n\nThe ferry at dawn\n"
)


def test_every_span_points_into_the_article_text() -> None:
    article = clean(PAGE)
    spans = source_spans(article)
    assert [span.kind for span in spans] == ["body", "body", "body", "caption"]
    for span in spans:
        assert article.text[span.start : span.end] == span.text


def test_search_ranks_the_sentence_sharing_the_rare_words_first() -> None:
    index = EvidenceIndex(clean(PAGE))
    found = index.search("Margaret Osei said the ferry would be reviewed every year")
    assert found[0].text == "Council leader Margaret Osei promised a yearly review."
    assert found == sorted(found, key=lambda span: -span.score)


def test_search_finds_nothing_for_unrelated_words() -> None:
    assert EvidenceIndex(clean(PAGE)).search("quantum chromodynamics") == []


def test_terms_strip_common_inflections() -> None:
    assert terms("Voted votes voting vote") == ["vote"] * 4
    assert terms("Councils' arrested") == ["council", "arrest"]
