"""Language tools: Treebank detokenising, lower-cased sentence splitting, spaCy parses."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from retell.extract.treebank import detokenise, tokenised
from retell.text.parse import lemmas, parse
from retell.text.sentences import lower_cased, split_sentences

TOKENISED = (
    "the mayor , who was elected in 2019 , said it is ` unthinkable ' that the pool "
    "wo n't reopen . the club 's £ 20,000 grant -lrb- awarded in may -rrb- covers 45 % "
    "of the cost , and `` the rest will follow , '' she said . it ended 2 - 0 ."
)


def test_tokenised_text_reads_in_ordinary_typography() -> None:
    assert detokenise(TOKENISED) == (
        "the mayor, who was elected in 2019, said it is 'unthinkable' that the pool "
        "won't reopen. the club's £20,000 grant (awarded in may) covers 45% of the cost, "
        'and "the rest will follow," she said. it ended 2-0.'
    )


def test_ordinary_prose_is_not_taken_for_tokenised_text() -> None:
    prose = 'The mayor said, quite firmly, that the pool would reopen. "Soon," she added.'
    assert not tokenised(prose)
    assert detokenise(prose) == prose


_PROSE_WORD = st.from_regex(r"[A-Za-z]{1,8}[,.]?", fullmatch=True)


@given(st.lists(_PROSE_WORD, min_size=1, max_size=30))
def test_detokenising_keeps_every_character_but_spaces(words: list[str]) -> None:
    text = " ".join(words)
    assert re.sub(r"\s", "", detokenise(text)) == re.sub(r"\s", "", text)


def test_lower_cased_text_splits_into_sentences() -> None:
    text = detokenise(TOKENISED)
    assert lower_cased(text)
    pieces = [text[start:end] for start, end in split_sentences(text)]
    assert pieces[0].endswith("won't reopen.")
    assert pieces[-1] == "it ended 2-0."
    assert len(pieces) == 3


def test_cased_text_still_needs_a_capital_after_the_stop() -> None:
    text = "He paid 5 p.m. prices. then left. The end."
    assert not lower_cased(text)
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "He paid 5 p.m. prices. then left.",
        "The end.",
    ]


def test_a_parse_carries_lemmas_parts_of_speech_and_entities() -> None:
    doc = parse("Councillor Priya Hallam opened two new libraries in Leeds on Monday.")
    assert [token.lemma_ for token in doc if token.pos_ == "NOUN"] == ["library"]
    assert {entity.label_ for entity in doc.ents} >= {"PERSON", "GPE", "DATE"}
    assert parse("Councillor Priya Hallam opened two new libraries in Leeds on Monday.") is doc


def test_lemmas_hold_word_forms_and_lemmas() -> None:
    assert {"libraries", "library", "opened", "open"} <= lemmas("She opened the libraries.")
