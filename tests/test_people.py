"""People by name: a rewrite's first mention of a person carries the source's full name."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from retell import clean
from retell.article import Article, Evidence, OutputParagraph, Piece, Span, Verdict
from retell.rewrite.references import introduced, named_subjects
from retell.text.parse import pipeline
from retell.text.people import full_names, introduce, subject_person

FERRY = [
    "Tove Arnesen, the harbour master at Lindvik, said the ferry would run all winter.",
    "The council's treasurer, Jonas Brekke, warned that fuel costs had doubled.",
    "Ms. Arnesen said the new boat could carry 240 passengers.",
    "Mr. Brekke said the budget would be set in March.",
]
NAMES = {"Arnesen": "Tove Arnesen", "Brekke": "Jonas Brekke"}


def test_each_surname_maps_to_the_full_name_the_source_gives() -> None:
    assert full_names(FERRY) == NAMES


def test_a_surname_two_people_share_is_left_out() -> None:
    sisters = [*FERRY, "Her sister, Maren Arnesen, runs the harbour cafe."]
    assert "Arnesen" not in full_names(sisters)
    assert full_names(sisters)["Brekke"] == "Jonas Brekke"


def test_a_surname_said_alone_before_its_full_name_is_someone_else() -> None:
    # BBC (XSumFaith dev, 2026-12-07): "McKenzie, 38, will take on ..." opened the story
    # and its last sentence named his uncle, "Duke McKenzie"; the rewrite published
    # "Duke McKenzie, 38, will take on ...".
    family = [
        "Brekke, 38, will sail the new ferry to Leith on 12 November.",
        "Brekke is the son of a skipper and is trained by his uncle, harbour master Jonas Brekke.",
    ]
    assert "Brekke" not in full_names(family)
    introduced = ["Harbour master Jonas Brekke trains the crew.", family[0]]
    assert full_names(introduced)["Brekke"] == "Jonas Brekke"


def test_a_first_mention_by_surname_gets_the_full_name_and_later_ones_do_not() -> None:
    text, named = introduce("Ms. Arnesen said the boat was ready. Arnesen smiled.", NAMES, set())
    assert text == "Tove Arnesen said the boat was ready. Arnesen smiled."
    assert named == {"Arnesen"}


def test_a_person_already_named_in_full_is_left_alone() -> None:
    text, named = introduce("Jonas Brekke spoke first; Mr. Brekke then left.", NAMES, set())
    assert text == "Jonas Brekke spoke first; Mr. Brekke then left."
    assert named == {"Brekke"}
    assert introduce("Mr. Brekke said so.", NAMES, {"Brekke"})[0] == "Mr. Brekke said so."


def test_a_title_before_the_surname_stays_before_the_full_name() -> None:
    text, _ = introduce("Mayor Brekke said the budget was set.", NAMES, set())
    assert text == "Mayor Jonas Brekke said the budget was set."
    # A capitalised word that is no title known here is taken for a first name: "Sunrise
    # Road" must not become "Sunrise Joe Farrington Road".
    assert introduce("Ola Brekke said so.", NAMES, set())[0] == "Ola Brekke said so."


def test_a_surname_that_names_a_thing_of_its_own_is_left_alone() -> None:
    # Wired's page (2026-12-06): "the phenomenon known as Moore's Law" was published
    # "... known as Gordon Moore's Law".
    told = "The rule is known as Brekke's Law, after the harbour master."
    assert introduce(told, NAMES, set())[0] == told
    # A possessive before a common noun is still the person's first mention.
    text, _ = introduce("Brekke's boat sailed.", NAMES, set())
    assert text == "Jonas Brekke's boat sailed."


def test_a_title_is_no_first_name_and_a_named_mention_stays_as_it_is() -> None:
    # trafilatura-eval's Tribune 242 page (2026-12-05): "Supt Peters" was taken for a full
    # name, and "Superintendent Audley Peters" became "Superintendent Audley Supt Peters".
    names = full_names(
        [
            "Police liaison officer Superintendent Audley Peters said officers were alerted.",
            "Supt Peters said the victim was a bystander.",
        ]
    )
    assert names.get("Peters") == "Audley Peters"
    mention = "Superintendent Audley Peters said officers were alerted."
    assert introduce(mention, {"Peters": "Supt Peters"}, set())[0] == mention
    told = "Det Peters said the victim was a bystander."
    assert introduce(told, names, set())[0] == "Det Audley Peters said the victim was a bystander."


def test_words_after_marks_that_do_not_pair_up_stay_as_they_are() -> None:
    # A summary of a BBC article (XSumFaith test, 2026-12-07): 'confirming: "He will join
    # ... Friday. "The public presentation of Suarez ...' had "Suarez" made "Luis Suarez"
    # inside the second quotation, read as narration between two.
    told = 'The club said: "Brekke trains on Friday. "Brekke meets the fans on Monday."'
    assert introduce(told, NAMES, set())[0] == told


def test_a_verb_that_opens_a_line_is_no_first_name() -> None:
    # BBC (XSumFaith dev, 2026-12-07, published): "Giving Holyrood power to ..." made
    # "Giving Holyrood" a full name, and a kept sentence's "that Holyrood should control"
    # became "that Giving Holyrood should control".
    names = full_names(
        [
            "Cut fares paid on island ferries 5.9. Give Holyrood full control of harbours 7.4.",
            "Giving Holyrood power to build harbours scored 7.4 out of 10 in the poll.",
        ]
    )
    assert "Holyrood" not in names


def test_words_inside_quotation_marks_are_the_speakers_and_stay() -> None:
    text, named = introduce(
        'The mayor said: "Brekke knows the figures." Brekke agreed.', NAMES, set()
    )
    assert text == 'The mayor said: "Brekke knows the figures." Jonas Brekke agreed.'
    assert named == {"Brekke"}
    british = "‘Arnesen will decide,’ the mayor said."
    assert introduce(british, NAMES, set()) == (british, set())


_QUOTED = re.compile(r"\"[^\"]*\"")


@given(
    st.lists(
        st.sampled_from(
            [
                "Arnesen",
                "Ms. Arnesen",
                "Brekke",
                "Jonas Brekke",
                "said",
                "the ferry",
                "runs",
                '"Brekke is right"',
                '"ask Arnesen"',
                "and",
                "Lindvik",
                ".",
            ]
        ),
        max_size=14,
    )
)
def test_introducing_never_changes_quoted_words_and_names_each_person_once(
    words: list[str],
) -> None:
    text = " ".join(words)
    new, named = introduce(text, NAMES, set())
    assert _QUOTED.findall(new) == _QUOTED.findall(text)
    assert named <= set(NAMES)
    for surname in named:
        assert new.count(NAMES[surname]) <= text.count(NAMES[surname]) + 1
    assert introduce(new, NAMES, set())[0] == new


def refusing(text: str, focus: tuple[Evidence, ...]) -> Verdict:
    """A checker that supports nothing it is shown again."""
    return Verdict(text, 0, 0, len(text), "unsupported", ("test",), focus, 0.0, "refused")


def _supported(text: str) -> Verdict:
    return Verdict(text, 0, 0, len(text), "supported", (), (), 1.0, "test")


def test_a_rewrite_introduces_the_person_its_first_sentences_left_out() -> None:
    article = clean("\n\n".join(["Ferry to run all winter", *FERRY]))
    kept = Piece("Mr. Brekke said the budget would be set in March.", (Span(0, 1),), "kept")
    retold = Piece(
        "Ms. Arnesen said the boat takes 240 people.",
        (Span(0, 1),),
        "retold",
        verdicts=(_supported("Ms. Arnesen said the boat takes 240 people."),),
    )
    paragraphs = introduced([OutputParagraph((kept, retold))], article, None)
    texts = [piece.text for piece in paragraphs[0].pieces]
    assert texts == [
        "Jonas Brekke said the budget would be set in March.",
        "Tove Arnesen said the boat takes 240 people.",
    ]
    assert paragraphs[0].pieces[1].verdicts[0].text == texts[1]
    refused = introduced([OutputParagraph((retold,))], article, refusing)
    assert refused[0].pieces[0].text == "Ms. Arnesen said the boat takes 240 people."


HARBOUR = [
    "The council met on Monday to discuss the winter timetable.",
    "Fuel costs have doubled since spring, the treasurer said.",
    "Jonas Brekke, the council's treasurer, warned that the ferry would lose money.",
    "He said the budget would be set in March.",
    "Tove Arnesen, the harbour master, said the new boat was ready.",
    "She said it could carry 240 passengers.",
]


def _piece(article_text: str, sentence: str, outcome: str = "kept", retold: str = "") -> Piece:
    start = article_text.index(sentence)
    text = retold or sentence
    verdicts = (_supported(text),) if retold else ()
    return Piece(text, (Span(start, start + len(sentence)),), outcome, verdicts=verdicts)


def test_a_pronoun_whose_person_the_skipped_sentence_named_gets_the_name() -> None:
    article = clean("\n\n".join(["Ferry budget", *HARBOUR]))
    pieces = (
        _piece(article.text, HARBOUR[0]),
        _piece(article.text, HARBOUR[3]),
        _piece(article.text, HARBOUR[4]),
        _piece(article.text, HARBOUR[5], "retold", "She said the boat takes 240 people."),
    )
    texts = [p.text for p in named_subjects([OutputParagraph(pieces)], article, None)[0].pieces]
    # Brekke's sentence was skipped, so "He" is named; Arnesen's was published just before.
    assert texts[1] == "Jonas Brekke said the budget would be set in March."
    assert texts[3] == "She said the boat takes 240 people."


def test_a_retold_pronoun_is_named_only_when_the_checker_supports_it() -> None:
    article = clean("\n\n".join(["Ferry budget", *HARBOUR]))
    pieces = (
        _piece(article.text, HARBOUR[1]),
        _piece(article.text, HARBOUR[3], "retold", "He said March would see the budget set."),
    )
    kept = named_subjects([OutputParagraph(pieces)], article, refusing)[0].pieces[1]
    assert kept.text == "He said March would see the budget set."
    named = named_subjects([OutputParagraph(pieces)], article, lambda t, f: _supported(t))
    assert named[0].pieces[1].text == "Jonas Brekke said March would see the budget set."


def test_a_retelling_that_turned_the_sources_name_into_he_gets_the_name_back() -> None:
    article = clean("\n\n".join(["Ferry budget", *HARBOUR]))
    pieces = (
        _piece(article.text, HARBOUR[0]),
        _piece(article.text, HARBOUR[2], "retold", "He warned that the ferry would lose money."),
    )
    named = named_subjects([OutputParagraph(pieces)], article, lambda t, f: _supported(t))
    assert named[0].pieces[1].text == "Jonas Brekke warned that the ferry would lose money."


def test_a_run_of_he_sentences_goes_back_to_the_name_before_it() -> None:
    # trafilatura-eval's PhillyVoice page (2026-12-05): "He opened the game defending ..."
    # is Harris, named three sentences back; published after a sentence about another
    # player, it read as his.
    lines = [
        "Tove Arnesen ran the morning crossings without a fault.",
        "Jonas Brekke was solid at the ticket office in the first half of the day. He kept "
        "the queue moving. But at the quay, he was able to show how he helps the harbour master. "
        "He opened the day guarding the ramp and moved to the fuel pier later.",
    ]
    article = _ferry_day(lines)
    last = "He opened the day guarding the ramp and moved to the fuel pier later."
    assert _named(article, lines[0], last)[1].startswith("Jonas Brekke opened the day")


def test_a_he_after_a_quotation_goes_back_to_its_speaker() -> None:
    # BBC (XSumFaith dev, 2026-12-07): "However, he added that he still had concerns ..."
    # followed the second sentence of Vladimir Katalov's quotation, and was published after
    # a sentence about hackers' forums.
    lines = [
        "Tove Arnesen sold the old ferry to a museum.",
        "“The new ramp is safe,” harbour master Jonas Brekke told the paper.",
        "“The old one had rusted through.”",
        "However, he added that the quay still needed new lights.",
    ]
    article = _ferry_day(lines)
    named = _named(article, lines[0], lines[3])
    assert named[1] == "However, Jonas Brekke added that the quay still needed new lights."


def test_his_before_the_subject_gets_the_name_of_a_quotations_speaker() -> None:
    # The seed (2026-12-07): "His comments came days after Trump declared ..." are
    # Hegseth's, who spoke the quotation two sentences before it ("'The United States does
    # not believe ...,' Hegseth told ..."); published after a sentence that did not name
    # him, they read as nobody's.
    lines = [
        "Tove Arnesen opened the new ferry ramp on Monday.",
        "'The council does not think the old quay can be saved,' Jonas Brekke told the board.",
        "He later added that the ramp would be checked every month.",
        "His remarks came a day after the mayor promised new lights for the quay.",
    ]
    article = _ferry_day(lines)
    named = _named(article, lines[0], lines[2], lines[3])
    assert named[1] == "Jonas Brekke later added that the ramp would be checked every month."
    # The sentence before now names him, so the next "His" stays.
    assert named[2] == lines[3]
    owned = _named(article, lines[0], lines[3])[1]
    assert (
        owned
        == "Jonas Brekke's remarks came a day after the mayor promised new lights for the quay."
    )
    # Where the sentence before names him, "His" is left as it is.
    assert _named(article, lines[1], lines[3])[1] == lines[3]


def _ferry_day(lines: list[str]) -> Article:
    """A story titled "Ferry day" with one paragraph for each line."""
    return clean("\n\n".join(["Ferry day", *lines]))


def _named(article: Article, *sentences: str) -> list[str]:
    """The texts `named_subjects` publishes for these source sentences, kept as they are."""
    pieces = tuple(_piece(article.text, sentence) for sentence in sentences)
    return [p.text for p in named_subjects([OutputParagraph(pieces)], article, None)[0].pieces]


def test_a_pronoun_whose_person_the_source_named_by_role_gets_the_role() -> None:
    # trafilatura-eval's MSN page (2026-12-06): "He added that Sheffield's Residence Life
    # team ..." is the university's spokesperson; published after a sentence about a
    # student, it read as the student's.
    lines = [
        "Ola Vik, a deckhand, has left the island after a week of night shifts.",
        "A spokesperson for the harbour board urged crews to ask for help. He added that "
        "the board had hired two more relief crews for the winter.",
    ]
    article = clean("\n\n".join(["Ferry crews", *lines]))
    added = "He added that the board had hired two more relief crews for the winter."
    named = _named(article, lines[0], added)
    assert named[1].startswith("A spokesperson for the harbour board added that the board")
    # Where the sentence before speaks of the spokesperson, "he" is left as it is.
    urged = "A spokesperson for the harbour board urged crews to ask for help."
    assert _named(article, urged, added)[1] == added


def test_a_sentence_parsed_as_a_noun_gets_the_subject_of_its_first_verb() -> None:
    # The small parser made "boyfriend" the root of the Telegraph's "On December 29, her
    # boyfriend Alastair Uhlig travelled ... and used a spare set of keys ..." (trafilatura-
    # eval, 2026-12-05), so its retelling "He used a spare set of keys ..." was published
    # after a sentence about someone else with no name put back. Built by hand, since
    # which sentences the model misreads is not ours to fix in a test.
    from spacy.tokens import Doc

    words = ["Her", "cousin", "Mira", "Dale", "drove", "to", "Leeds", "."]
    doc = Doc(
        pipeline().vocab,
        words=words,
        heads=[1, 1, 3, 4, 1, 4, 5, 1],
        deps=["poss", "ROOT", "compound", "nsubj", "relcl", "prep", "pobj", "punct"],
        pos=["PRON", "NOUN", "PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
        ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O"],
    )
    assert subject_person(doc) == "Mira Dale"


def test_a_surname_that_opens_a_longer_name_is_no_mention() -> None:
    # The Daily Mail page lists the MP Jonathan Lord and reports "Lord Curry": the retelling
    # published "Jonathan Lord Curry" (trafilatura-eval, 2026-12-05).
    names = full_names(["Jonathan Lord is the MP for Woking.", "Mr Lord said he would vote."])
    assert names == {"Lord": "Jonathan Lord"}
    text = "Peers backed a call from Lord Curry, a retired farmer."
    assert introduce(text, names, set())[0] == text
    assert introduce("Mr Lord voted against.", names, set())[0] == "Jonathan Lord voted against."


def test_a_determiner_is_no_first_name_and_the_name_is_not_doubled() -> None:
    # City Limits (2026-12-05): "Our Zoom panel ..." made "Our Zoom" a full name, and a
    # kept sentence's "attend our Zoom panel" was published as "attend our Our Zoom panel".
    assert "Zoom" not in full_names(["Our Zoom panel meets on Monday.", "Zoom hosts it."])
    text = "Readers can attend our Zoom panel on Monday."
    assert introduce(text, {"Zoom": "Our Zoom"}, set())[0] == text


def test_a_he_said_passes_over_a_sentence_of_no_one_to_the_speaker_before_it() -> None:
    # BBC (XSumFaith dev, 2026-12-07): "Many publishers were afraid to work with this
    # material, he said." is Mr Yashin's, who said something two sentences before it;
    # published after a sentence about Boris Nemtsov, it read as his.
    lines = [
        "Tove Arnesen began the ferry survey in May.",
        "Jonas Brekke said the board would seek money for a second boat. But building boats "
        "on the island is slow work. Many yards were afraid to take the order, he said.",
    ]
    article = _ferry_day(lines)
    afraid = "Many yards were afraid to take the order, he said."
    assert _named(article, lines[0], afraid)[1] == (
        "Many yards were afraid to take the order, Jonas Brekke said."
    )
    # Past two sentences of no one, "he" stays.
    two = clean(
        "\n\n".join(
            [
                "Ferry day",
                "Tove Arnesen began the ferry survey in May.",
                "Jonas Brekke said the board would seek money. Building boats is slow. "
                "The island has one yard. Many yards were afraid to take the order, he said.",
            ]
        )
    )
    assert _named(two, "Tove Arnesen began the ferry survey in May.", afraid)[1] == afraid
