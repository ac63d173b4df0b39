"""Where a text quotes someone (`retell.text.speech`), on invented paragraphs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retell.text.parse import parse
from retell.text.speech import narration, reported, speaker, spoken


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in spoken(text)]


def test_a_quotation_inside_a_paragraph_is_found_with_its_marks() -> None:
    text = "The mayor said: \u201cThe bridge opens in May.\u201d Work began in 2023."
    assert quoted(text) == ["\u201cThe bridge opens in May.\u201d"]
    assert "bridge" not in narration(text) and "Work began" in narration(text)


def test_a_quotation_run_on_over_paragraphs_is_quoted_to_its_closing_mark() -> None:
    text = (
        'Ada Brook said: "We trained all summer.\n\n'
        '"The first game matters most," she added.\n\nThe season starts on Friday.'
    )
    assert quoted(text) == ['"We trained all summer.', '"The first game matters most,"']


def test_a_run_on_quotation_with_a_turned_inner_mark_and_an_inner_pair() -> None:
    # DiEM25 (2026-12-05): Greta Thunberg's words over two paragraphs, the first with an
    # inner quotation opened by a closing mark, the second with an inner pair before the end.
    text = (
        "The campaigner put it this way:\n\n"
        "“The danger is the belief that enough is being done. Not at all. The time for "
        "”small steps” is long gone.\n\n"
        "The targets are nowhere near the “well below 2°C” goal.”\n\n"
        "The council met on Monday."
    )
    voice = narration(text)
    assert "Not at all" not in voice and "small steps" not in voice
    assert "nowhere near" not in voice and "The council met on Monday." in voice


def test_a_quotation_a_page_closed_with_a_single_mark_before_its_speaker() -> None:
    # MSN's "“This approach is based on ... transmission,’ he says." was read as the
    # writer's own words, and retold without its speaker (trafilatura-eval, 2026-12-06).
    text = (
        "The ferry is late again.\n\n\u201cWe cannot rely on the old boat. It breaks down "
        "each winter,\u2019 he says.\n\nThe new boat arrives in May."
    )
    assert quoted(text) == [
        "\u201cWe cannot rely on the old boat. It breaks down each winter,\u2019"
    ]
    # A single mark inside someone's words stays theirs.
    nested = "\u201cShe told me \u2018go home,\u2019 and I did,\u201d he said."
    assert quoted(nested) == ["\u201cShe told me \u2018go home,\u2019 and I did,\u201d"]


def test_a_run_on_quotation_whose_next_opening_mark_the_page_dropped() -> None:
    text = (
        "Tom Reyes added: \u201cWe warned the board twice.\n\n"
        "So the board knew what was coming.\u201d The firm said it would reply on Monday."
    )
    assert quoted(text) == [
        "\u201cWe warned the board twice.",
        "So the board knew what was coming.\u201d",
    ]


def test_straight_marks_that_do_not_pair_up_quote_nothing() -> None:
    # One line that lost its paragraph breaks: two marks open and none closes.
    text = 'Ada Brook said: "I am ready. "I trained all summer. Brook has played for three clubs.'
    assert spoken(text) == ()


def test_apostrophes_and_single_quoted_words_in_narration() -> None:
    text = "The players' union called the offer 'an insult' on Tuesday; it's not over."
    assert spoken(text) == ()
    assert "insult" not in narration(text) and "players' union" in narration(text)


def test_a_page_that_quotes_with_single_marks_has_them_read_as_quotations() -> None:
    # The Daily Mail (trafilatura-eval, 2026-12-05) quotes with single marks; its retelling
    # published a letter's "We're talking about meat produced with growth hormones ..." as
    # the writer's own words.
    text = (
        "The union's letter warns the minister: 'If we get this wrong, the farmers' markets "
        "will close.\n\n'We don't want a race to the bottom. Cheap imports are just the "
        "start.\n\n'We're talking about beef fed on hormones.'\n\nThe vote is on Monday."
    )
    assert quoted(text) == [
        "'If we get this wrong, the farmers' markets will close.",
        "'We don't want a race to the bottom. Cheap imports are just the start.",
        "'We're talking about beef fed on hormones.'",
    ]
    assert "hormones" not in narration(text) and "The vote is on Monday." in narration(text)
    # With a double mark anywhere on the page, single marks are its scare quotes.
    assert quoted(text + ' The minister said "no".') == ['"no"']


@given(st.text(alphabet=st.sampled_from(list("ab \"\u201c\u201d\n.'")), max_size=80))
def test_quotations_lie_inside_the_text_in_order_and_narration_keeps_its_length(
    text: str,
) -> None:
    regions = spoken(text)
    assert all(0 <= start < end <= len(text) for start, end in regions)
    assert all(text[start] in '"\u201c\u201d' or text[start - 1] == "\n" for start, _ in regions)
    assert len(narration(text)) == len(text)


def _speaker_of(text: str, words: str) -> str | None:
    start = text.index(words)
    return speaker(text, start, start + len(words))


def test_the_speaker_is_the_named_subject_of_a_verb_of_saying_over_the_run() -> None:
    text = (
        'Coach Sam Adebayo said: "I felt let down.\n\n'
        '"There is a lot to work through."\n\n'
        '"Why stay silent?" Lena Ortiz asked Adebayo.'
    )
    assert _speaker_of(text, "There is a lot to work through.") == "Coach Sam Adebayo"
    assert _speaker_of(text, "Why stay silent?") == "Lena Ortiz"
    assert _speaker_of(text, "Coach Sam Adebayo said") is None  # narration, no quotation


def test_a_sentence_with_its_speech_tag_is_read_for_its_quotation_only_when_it_opens_so() -> None:
    # A quoted question keeps its tag in one sentence ('"Why ...?" Ortiz asked.'), which is
    # read for its quotation; a sentence that quotes inside its own narration is not
    # (FaithBench: "... the Taliban President Ashraf Ghani said the attack 'trampled ...'"
    # gave the words to the Taliban).
    text = (
        '"Why stay silent?" Lena Ortiz asked Adebayo.\n\n'
        'Stuck between rivals the Harbour Board Chair Ada Quist said the plan "broke every '
        'promise".'
    )
    assert _speaker_of(text, '"Why stay silent?" Lena Ortiz asked Adebayo.') == "Lena Ortiz"
    assert _speaker_of(text, "Stuck between rivals") is None
    whole = text[text.index("Stuck") :]
    assert _speaker_of(text, whole) is None


def test_a_he_said_gives_no_speaker() -> None:
    text = 'Lena Ortiz asked about the board.\n\n"I felt let down," he said.'
    assert _speaker_of(text, "I felt let down,") is None


def test_a_paragraph_without_marks_ends_a_run() -> None:
    # The run goes on only in the very next paragraph, as speaker() reads it too.
    text = 'Ada Brook said: "We trained all summer.\n\nThe club agreed.\n\n"We are ready."'
    assert quoted(text) == ['"We are ready."']


def test_words_a_verb_of_saying_reports_are_the_speakers() -> None:
    doc = parse("The mayor, repeating a promise that failed, said that the ferry would run.")
    words = {token.text: reported(token) for token in doc}
    assert words["ferry"] and words["run"]
    assert not words["promise"] and not words["failed"] and not words["mayor"]


def test_a_participle_the_parser_takes_for_the_main_verb_reports_nothing() -> None:
    # Metro Times (trafilatura-eval, 2026-12-06): the parser made "different waters added
    # from springs or rivers" the main clause, so every word before it was someone's.
    text = (
        "Flavors will vary based on which other crops are growing amongst the agave, the molds "
        "and insects that invade the fermenting mash, the types of firewood or vessels used in "
        "the production process, different waters added from springs or rivers, different "
        "yeasts in the air."
    )
    doc = parse(text)
    assert not any(reported(token) for token in doc)
    said = parse("The coach added that the crops will vary, and officials added that it rained.")
    assert reported(next(t for t in said if t.text == "crops"))
    assert reported(next(t for t in said if t.text == "rained"))


def test_a_quotation_in_a_flattened_article_is_read_with_its_own_sentences() -> None:
    # Research sets give an article as one line: the first person who says anything in it
    # is not the speaker of a quotation tagged ten sentences later (XSumFaith, 2026-12-07).
    text = (
        "Mayor Ines Okafor said the ferry would run again. The harbour stayed shut. "
        '"We owe the islands an answer," said Transport Commissioner Bram de Wit. '
        'The crews went home. "It was a long night." Tolu Ade walked on. '
        '"Nobody slept," he said.'
    )
    assert _speaker_of(text, "We owe the islands an answer") == "Commissioner Bram de Wit"
    assert _speaker_of(text, "It was a long night.") is None
    assert _speaker_of(text, "Nobody slept") is None
    later = text + ' Okafor said so too. "The boats are ready."'
    assert _speaker_of(later, "The boats are ready.") == "Okafor"


def test_a_quotation_whose_paragraphs_were_run_into_one_line_stays_one_quotation() -> None:
    # A data set that lost its paragraph breaks runs the next paragraph of a quotation,
    # opened by a mark of its own, into the one before, which never closed.
    text = (
        'Ms Orr said: "The coast road has not been repaired. "Nobody at the council seems to '
        'care about it." Work on the road begins on Monday.'
    )
    inside = " ".join(quoted(text))
    assert "Nobody at the council seems to care" in inside
    assert "Work on the road" not in inside
    # Where the spaces around a closing mark were lost, the next mark opens a new quotation:
    # nothing here can be read as quoted with any confidence.
    lost = (
        'Orr said: "I am ready to start. "Signed in 2010, Orr has played 200 games for the '
        'club. "Every game counts," added Orr.'
    )
    assert "Signed in 2010" not in " ".join(quoted(lost))
    # Three paragraphs run into one: the middle one speaks as "we", so it is the quotation's.
    three = (
        'Mr Hale said: "The council must answer for closing a much-loved pier. "We have used '
        'it all our lives. "This decision shows no respect for the town." Work stops in May.'
    )
    inside = " ".join(quoted(three))
    assert "much-loved pier" in inside and "no respect for the town" in inside
    assert "Work stops" not in inside
