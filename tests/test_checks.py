"""The typed checks one rule at a time, each on invented mini-stories: a faithful
paraphrase that must stay clean and a single error that must be caught."""

from __future__ import annotations

import pytest

from retell import Article, clean
from retell.article import layout_blocks
from retell.text.facts import (
    german,
    names,
    numbers,
    ordinals,
    people,
    person_names,
    quantities,
    show_number,
)
from retell.verify import check
from retell.verify.checks import (
    Check,
    Context,
    check_additions,
    check_attribution,
    check_dates,
    check_modality,
    check_names,
    check_narrator,
    check_negation_scope,
    check_numbers,
    check_polarity,
    check_quoted_speaker,
    check_roles,
    check_spoken_as_fact,
    negations,
)
from retell.verify.evidence import EvidenceIndex


def story(*paragraphs: str) -> Article:
    text = "Headline\n\n" + "\n\n".join(paragraphs) + "\n"
    return clean(text.encode("utf-8"))


def findings(check: Check, source: Article, sentence: str) -> list[tuple[str, str]]:
    index = EvidenceIndex(source)
    context = Context(source.text, index, tuple(index.search(sentence)))
    return [(finding.type, finding.label) for finding in check(sentence, context)]


# ---------------------------------------------------------------- names in German

MILL = story(
    "Die Gemeinde Brunnhofen hat den Abriss der alten Mühle am Fluss vorerst gestoppt.",
    "Bürgermeister Otto Lenz (FDP) sagte, man wolle zuerst ein Gutachten abwarten.",
    "Die Freien Bürger hatten den Antrag gestellt.",
)


def test_german_is_told_from_english_by_its_function_words() -> None:
    assert german("Der Rat hat die Planung für ein Jahr gestoppt, und das ist nicht neu.")
    assert not german("The council has paused the plan for a year, and that is not new.")


def test_german_common_nouns_and_case_endings_are_not_unknown_names() -> None:
    faithful = "Auf Wunsch von den Freien Bürgern legte die Gemeinde den Abriss auf Eis."
    assert findings(check_names, MILL, faithful) == []


def test_a_german_party_swap_is_still_an_unknown_name() -> None:
    assert names("Otto Lenz (SPD) sagte das.", in_german=True) == {"SPD"}
    wrong = "Bürgermeister Otto Lenz (SPD) will ein Gutachten abwarten."
    assert findings(check_names, MILL, wrong) == [("entity", "unsupported")]


def test_an_invented_german_full_name_is_unknown() -> None:
    wrong = "Bürgermeisterin Karla Brandt will ein Gutachten abwarten."
    assert findings(check_names, MILL, wrong) == [("entity", "unsupported")]


def test_a_known_name_inside_a_hyphenated_word_is_known() -> None:
    index = story("The Harlow Trust paid for the new roof of the chapel.")
    assert findings(check_names, index, "The Harlow-funded roof was finished.") == []
    assert findings(check_names, index, "The Pemberton-funded roof was finished.") == [
        ("entity", "unsupported")
    ]


def test_an_unknown_name_with_an_apostrophe_opening_a_sentence_is_unknown() -> None:
    # BBC (XSumFaith dev, 2026-12-07, published): "O'Reilly finished 10 seconds behind
    # Quick-Step's Jungels ..." for the source's Yates.
    index = story("Orica rider Ada Brook is 10 seconds behind the leader.")
    assert findings(check_names, index, "O'Connell is 10 seconds behind the leader.") == [
        ("entity", "unsupported")
    ]
    assert findings(check_names, index, "Brook is 10 seconds behind the leader.") == []


def test_a_peoples_word_and_its_place_name_each_other() -> None:
    # FaithBench: "clubs in belgium" retold as "Belgian clubs" was flagged as a new name.
    index = story(
        "The striker also has offers from clubs in Belgium and a trial in the Netherlands."
    )
    for faithful in ("Belgian clubs have made him offers.", "He has a Dutch trial."):
        assert findings(check_names, index, faithful) == []
    assert findings(check_names, index, "He has offers from Danish clubs.") == [
        ("entity", "unsupported")
    ]
    people = story("Two Belgian clubs have made offers for the American striker.")
    assert findings(check_names, people, "Clubs in Belgium want the striker from the US.") == []


def test_a_name_in_single_quotation_marks_is_known() -> None:
    sentence = "The dance craze 'HOPL' (short for Hop-On-Hop-Lift') was shown by a DJ, Maru-Ken."
    index = story(sentence)
    assert findings(check_names, index, sentence) == []
    assert findings(check_names, index, "The dance craze 'SKAP' was shown by a DJ.") == [
        ("entity", "unsupported")
    ]


# ---------------------------------------------------------------- numbers

GARDEN = story(
    "Volunteers at the Daleford community garden planted two hundred apple trees in four weeks.",
    "About one-fifth of the plot was left as meadow, a strip roughly the size of a two-car garage.",
    "Vandals broke the second and third greenhouses between 1.15am and 2.05am on Sunday.",
    "The garden opened in 1987.",
)


def test_number_words_and_digits_are_the_same_number() -> None:
    assert numbers("two-car garage and four weeks") == {2.0, 4.0}
    faithful = "The meadow strip is about as big as a 2-car garage."
    assert findings(check_numbers, GARDEN, faithful) == []


def test_a_changed_fraction_in_words_is_caught() -> None:
    assert numbers("a quarter, one-fifth, two-thirds") == {0.25, 0.2, 0.6667}
    assert findings(check_numbers, GARDEN, "About one-fifth of the plot stayed meadow.") == []
    wrong = "About a quarter of the plot was left as meadow."
    assert ("number", "contradicted") in findings(check_numbers, GARDEN, wrong)


def test_a_time_of_day_may_be_written_on_either_clock() -> None:
    # FaithBench: a crash the source puts "shortly after 14:00" retold as "around 2:00 PM".
    crash = story("The crash on the coast road happened shortly after 14:00 on Sunday.")
    assert findings(check_numbers, crash, "The crash happened around 2:00 PM on Sunday.") == []
    assert findings(check_numbers, crash, "The crash happened around 3:00 PM on Sunday.") != []
    assert findings(check_names, crash, "The crash happened around 2:00 PM on Sunday.") == []
    ferry = story("The last ferry leaves the harbour at 6pm every weekday.")
    assert findings(check_numbers, ferry, "The last ferry leaves at 18:00 on weekdays.") == []


def test_a_time_of_day_is_one_number_and_lends_its_minutes() -> None:
    assert numbers("from 1.15am to 2.05am") == {1.15, 2.05}
    faithful = "The break-in lasted from 1.15am to 2.05am, some 15 minutes after the last patrol."
    assert findings(check_numbers, GARDEN, faithful) == []
    wrong = "Vandals broke the second and third greenhouses between 1.45am and 2.05am."
    assert ("number", "contradicted") in findings(check_numbers, GARDEN, wrong)


def test_a_year_is_shown_without_a_thousands_separator() -> None:
    assert show_number(1987.0) == "1987"
    assert show_number(30000.0) == "30,000"


def test_the_same_count_with_another_unit_is_caught() -> None:
    assert quantities("a four-week push, 12 Monaten") == {(4.0, "week"), (12.0, "monat")}
    assert findings(check_numbers, GARDEN, "Volunteers planted 200 apple trees in 4 weeks.") == []
    wrong = "Volunteers at the garden planted two hundred apple trees in four months."
    assert findings(check_numbers, GARDEN, wrong) == [("date", "contradicted")]


def test_a_changed_ordinal_is_caught_against_the_passage_it_retells() -> None:
    assert ordinals("the 2nd and third, but a third of it") == {2, 3}
    faithful = "Vandals broke the second and third greenhouses early on Sunday."
    assert findings(check_numbers, GARDEN, faithful) == []
    wrong = "Vandals broke the first and second greenhouses early on Sunday."
    assert findings(check_numbers, GARDEN, wrong) == [("number", "contradicted")]


# ---------------------------------------------------------------- dates

HARBOUR = story(
    "The Brixley harbour board met this week to discuss dredging.",
    "Chair Ruth Okafor will present the dredging budget to ministers in London next week.",
    "Fishermen complained yesterday about silt, and the board replied this morning.",
)


def test_a_relative_time_is_checked_against_the_passage_it_retells() -> None:
    faithful = "Ruth Okafor will present the dredging budget to ministers in London next week."
    assert findings(check_dates, HARBOUR, faithful) == []
    wrong = "Ruth Okafor will present the dredging budget to ministers in London this week."
    assert findings(check_dates, HARBOUR, wrong) == [("date", "contradicted")]


FILM = story(
    "Filming of the new Harrow Hill mystery starts at Elstow Studios in May.",
    "The film is due in cinemas on 9 October, its producer Ada Lunt said.",
)


def test_a_sentence_with_two_dates_is_not_held_to_the_passage_of_the_other() -> None:
    faithful = "Filming starts at Elstow Studios in May, and the film is due in cinemas in October."
    assert findings(check_dates, FILM, faithful) == []
    wrong = "Filming starts at Elstow Studios in June, and the film is due in cinemas in October."
    assert ("date", "contradicted") in findings(check_dates, FILM, wrong)


def test_a_party_named_as_the_means_of_a_deed_is_not_a_swap() -> None:
    source = clean(
        b"Cup tie\n\nA header by Tom Reyes pulled Kelby back into the game before half-time.\n"
    )
    means = "Kelby pulled one back through Tom Reyes before half-time."
    assert "relation" not in check(source, means).verdicts[0].types


def test_a_short_sentence_is_matched_on_its_words_other_than_the_time() -> None:
    # With "this week" counted, too few of the sentence's words are in the passage it
    # retells for the two to be compared; the time words are the ones that may differ.
    wrong = "Angry fishermen griped about silt this week."
    assert findings(check_dates, HARBOUR, wrong) == [("date", "contradicted")]
    assert findings(check_dates, HARBOUR, "Angry fishermen griped about silt yesterday.") == []


def test_relative_times_of_the_same_day_agree() -> None:
    faithful = "Fishermen complained about silt yesterday and the board replied today."
    assert findings(check_dates, HARBOUR, faithful) == []


# ---------------------------------------------------------------- roles

THEATRE = story(
    "Former stage manager Agnes Moller, 68, said the Corvale Playhouse would reopen in May.",
    "Council arts officer Dev Rana said the roof repairs were finished.",
    "Deputy Mayor Hal Turner, a retired plumber, cut the ribbon.",
    "Former Danish Culture Minister Lars Holm sent a letter of support.",
)


def test_people_reads_titles_before_and_after_a_name() -> None:
    found = people("Hal Turner, a retired plumber, met Prime Minister Cole.")
    assert [(p.surname, p.titles) for p in found] == [
        ("Turner", (("retired", "plumber"),)),
        ("Cole", (("prime", "minister"),)),
    ]
    assert people("It would deter further Northern raids.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Agnes Moller, a former stage manager, said the playhouse would reopen in May.",
        "Ex-stage manager Agnes Moller said the playhouse would reopen.",
        "Denmark's former culture minister Lars Holm sent a letter of support.",
        "Hal Turner, the deputy mayor, cut the ribbon.",
        "Arts officer Dev Rana said the roof repairs were done.",
    ],
)
def test_faithful_titles_pass(sentence: str) -> None:
    assert findings(check_roles, THEATRE, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Stage manager Agnes Moller said the playhouse would reopen in May.",  # former dropped
        "Former arts officer Dev Rana said the roof repairs were finished.",  # former added
        "Council arts director Dev Rana said the roof repairs were finished.",  # other role
        pytest.param(
            "Hal Turner, a retired electrician, cut the ribbon.",  # other occupation
            marks=pytest.mark.xfail(
                strict=True,
                reason="occupations outside the closed role list are no longer compared: "
                "on FaithBench such flags ('editor', not 'author') were right 0 times in 20",
            ),
        ),
        "Former Danish Foreign Minister Lars Holm sent a letter of support.",  # other office
    ],
)
def test_wrong_titles_are_contradicted(sentence: str) -> None:
    assert findings(check_roles, THEATRE, sentence) == [("role", "contradicted")]


# ---------------------------------------------------------------- polarity

LIBRARY = story(
    "It looks increasingly unlikely that the Ashby library will reopen before winter.",
    "The trust does not believe that a volunteer rota is a workable answer for the branch.",
    "Head librarian Mo Evans said the staff would not accept a pay freeze.",
    "The board met in the absence of union representatives.",
    "It is not clear how many books were damaged, and readers rejected the new opening hours.",
)


def test_negations_find_the_word_they_deny() -> None:
    heads, scope = negations("Staff would not accept a pay freeze, but they agreed.")
    assert heads == {"accept"}
    assert "agre" not in scope


def test_an_antonym_by_prefix_is_caught() -> None:
    faithful = "The Ashby library looks increasingly unlikely to reopen before winter."
    assert findings(check_polarity, LIBRARY, faithful) == []
    wrong = "It looks increasingly likely that the Ashby library will reopen before winter."
    assert findings(check_polarity, LIBRARY, wrong) == [("polarity", "contradicted")]


def test_a_denial_typed_with_a_curly_apostrophe_is_a_denial() -> None:
    # California Globe (2026-12-06): "The Appellate Court didn’t agree with Amazon’s stance"
    # retold "disagreed" was refused as the opposite of "agreed".
    assert negations("The council didn’t agree with the harbour board.")[0] == {"agre"}
    source = story("The council didn’t agree with the harbour board about the ferry fares.")
    faithful = "The council disagreed with the harbour board about the ferry fares."
    assert findings(check_polarity, source, faithful) == []


def test_a_dropped_negation_of_the_same_word_is_caught() -> None:
    faithful = "Mo Evans said library staff would refuse to accept a pay freeze."
    assert findings(check_polarity, LIBRARY, faithful) == []
    wrong = "Head librarian Mo Evans said the staff would accept a pay freeze."
    assert findings(check_polarity, LIBRARY, wrong) == [("polarity", "contradicted")]


def test_a_lost_chance_denies_what_it_was_a_chance_to_do() -> None:
    # trafilatura-eval's Daily Mail page (2026-12-05): "The Government defeats set up the
    # prospect of a fresh Tory rebellion" was retold as "Government loses the chance to
    # set up a Tory rebellion".
    source = story(
        "The Harwick council defeats on Monday set up the prospect of a fresh revolt by "
        "ward members next month."
    )
    wrong = "The Harwick council lost the chance to set up a fresh revolt by ward members."
    assert findings(check_polarity, source, wrong) == [("polarity", "contradicted")]
    same = "Monday's Harwick council defeats set up a fresh revolt by ward members."
    assert findings(check_polarity, source, same) == []
    losing = "The Harwick council is losing the chance to set up a revolt by ward members."
    assert findings(check_polarity, source, losing) == [("polarity", "contradicted")]


CUP = story(
    "Harwell Rovers beat Dunmore 2-0 and go through to the semi-finals, while Dunmore "
    "failed to progress beyond the last eight for the fourth year running.",
    "Rovers captain Ellis Barr has never won the county cup in eleven seasons.",
    "Barr said he would not change the side for the semi-final.",
)


def test_a_word_denied_of_one_party_and_asserted_of_another_passes() -> None:
    sentence = "Harwell Rovers progressed to the semi-finals after a 2-0 win over Dunmore."
    assert findings(check_polarity, CUP, sentence) == []


def test_an_aim_does_not_contradict_a_deed_never_done() -> None:
    sentence = "Ellis Barr is aiming to win the county cup for the first time."
    assert findings(check_polarity, CUP, sentence) == []


def test_a_deed_done_where_the_source_says_never_is_contradicted() -> None:
    sentence = "Rovers captain Ellis Barr has won the county cup before."
    assert findings(check_polarity, CUP, sentence) == [("polarity", "contradicted")]
    planned = "Barr said he would change the side for the semi-final."
    assert findings(check_polarity, CUP, planned) == [("polarity", "contradicted")]


def test_a_denied_belief_denies_what_it_introduces() -> None:
    wrong = "The trust says a volunteer rota is a workable answer for the branch."
    assert findings(check_polarity, LIBRARY, wrong) == [("polarity", "contradicted")]


def test_a_denial_raised_to_the_belief_is_the_same_denial() -> None:
    # The rewriter's "the United States believes it's not realistic" for the seed's "does not
    # believe that ... is a realistic outcome" was sent back as a flip (2026-12-04).
    lowered = "The trust believes a volunteer rota is not a workable answer for the branch."
    assert findings(check_polarity, LIBRARY, lowered) == []
    flipped = "The trust believes a volunteer rota is a workable answer for the branch."
    assert findings(check_polarity, LIBRARY, flipped) == [("polarity", "contradicted")]


def test_a_claim_judged_untrue_denies_what_the_source_asserts() -> None:
    # trafilatura-eval's MSN page (2026-12-06): "It's not accurate to say that universities
    # have more students than ever before ..." was published for a quotation saying some
    # do, in one sentence with a denial of something else.
    quoted = story(
        "The ferry office was crowded on Monday.",
        "“We should have spare seats by now, but that is not happening. Because of the "
        "storm some crossings carry more passengers than ever before,” the clerk said.",
    )
    wrong = "It is not accurate to say that some crossings carry more passengers than ever before."
    assert findings(check_polarity, quoted, wrong) == [("polarity", "contradicted")]
    right = "Because of the storm some crossings carry more passengers than ever before."
    assert findings(check_polarity, quoted, right) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The board met with no union representatives present.",
        "How many books were damaged is unclear.",
        "It is not yet known how many books were damaged.",
    ],
)
def test_negations_said_another_way_are_not_flips(sentence: str) -> None:
    assert findings(check_polarity, LIBRARY, sentence) == []


def test_an_opposite_verb_counts_only_about_the_same_thing() -> None:
    faithful = "Readers backed staff, and readers rejected the new opening hours."
    assert findings(check_polarity, LIBRARY, faithful) == []
    wrong = "It is not clear how many books were damaged, and readers welcomed the new hours."
    assert findings(check_polarity, LIBRARY, wrong) == [("polarity", "contradicted")]


# ---------------------------------------------------------------- additions


def test_everyday_paraphrase_words_are_not_additions() -> None:
    index = story("Relations between the two clubs have soured badly since the transfer row.")
    faithful = "Ties between the two clubs seem to be going sour quickly after the transfer row."
    assert findings(check_additions, index, faithful) == []
    added = "Both clubs will now hold mediation sessions with a federation arbitrator."
    assert findings(check_additions, index, added) == [("addition", "unsupported")]


def test_an_honorific_is_part_of_the_name_not_a_boundary() -> None:
    source = clean(
        b"Ferry talks\n\nPrime Minister Dame Ada Brennan met the harbour board on Friday "
        b"to discuss the future of the island ferry service.\n"
    )
    wrong = check(source, "Opposition leader Dame Ada Brennan met the harbour board.").verdicts[0]
    right = check(source, "Prime Minister Dame Ada Brennan met the harbour board.").verdicts[0]
    assert wrong.label == "contradicted" and "role" in wrong.types
    assert right.label == "supported"


def test_excluding_denies_like_in_the_absence_of() -> None:
    source = clean(
        b"Pay talks\n\nManagers met union officials on Monday in the absence of any "
        b"representatives from the drivers, who were not invited to the talks.\n"
    )
    same = "Managers met union officials on Monday, excluding representatives from the drivers."
    assert check(source, same).verdicts[0].label == "supported"


RELATION_SOURCE = clean(
    b"Derby row\n\nThe Mallow Town manager criticised the Eskby Rovers chairman after the "
    b"derby on Saturday, saying the away fans had been treated badly at the Eskby ground.\n"
)


@pytest.mark.parametrize(
    "claim",
    [
        "The Eskby Rovers chairman criticised the Mallow Town manager after the derby.",
        "After Saturday's derby, the Rovers chairman criticised the Mallow Town manager.",
    ],
)
def test_parties_swapped_around_the_same_action_are_a_relation_error(claim: str) -> None:
    verdict = check(RELATION_SOURCE, claim).verdicts[0]
    assert verdict.label == "contradicted" and "relation" in verdict.types


@pytest.mark.parametrize(
    "claim",
    [
        "The Mallow Town manager criticised the Eskby Rovers chairman after the derby.",
        "The Eskby Rovers chairman was criticised by the Mallow Town manager after the derby.",
        "At the Eskby ground, the away fans had been treated badly, the Mallow manager said.",
    ],
)
def test_the_same_relation_in_other_words_passes(claim: str) -> None:
    verdict = check(RELATION_SOURCE, claim).verdicts[0]
    assert "relation" not in verdict.types


def test_a_hyphenated_name_is_no_deed_between_parties() -> None:
    # FiveThirtyEight (2026-12-06): "none of the Trump-district House Democrats have
    # endorsed Sanders" copied from the source was refused as "district" done the other
    # way round between Democrats and Trump.
    source = clean(
        b"Endorsements\n\nI follow the 30 Democratic House members who represent districts "
        b"that Governor Tallis won in 2016. None of the Tallis-district House Democrats have "
        b"endorsed Dana Pike.\n"
    )
    copied = "None of the Tallis-district House Democrats have endorsed Dana Pike."
    assert "relation" not in check(source, copied).verdicts[0].types


def test_a_word_a_sentence_both_denies_and_asserts_is_no_flip() -> None:
    # LA Times (2026-12-06): "Bloomberg denies making such remarks, but he has admitted
    # making disrespectful remarks" was refused against the source's "admitted making".
    source = clean(
        b"Fares\n\nPike now denies he ever said any of that, but she has admitted making "
        b"rude remarks about the ferry over the years.\n"
    )
    both = "Pike denies making such remarks, but she has admitted making rude remarks."
    assert "polarity" not in check(source, both).verdicts[0].types
    flipped = "Pike has never admitted making rude remarks about the ferry."
    assert "polarity" in check(source, flipped).verdicts[0].types


def test_a_quotation_holding_an_apostrophe_is_still_checked() -> None:
    source = clean(
        b"Dam plan\n\nThe engineer said the dam 'will not hold past the town's spring floods' "
        b"unless the council pays for repairs this year.\n"
    )
    changed = "The engineer warned the dam 'cannot hold past the town's spring floods'."
    kept = "The engineer said the dam 'will not hold past the town's spring floods'."
    assert check(source, changed).verdicts[0].types == ("quote",)
    assert check(source, kept).verdicts[0].label == "supported"


def test_a_quotation_is_compared_word_for_word_not_comma_for_comma() -> None:
    source = clean(
        b"Mast row\n\nVillagers called the phone mast 'an ugly, pointless eyesore' at a "
        b"meeting on Monday.\n"
    )
    kept = "Villagers called the mast 'an ugly pointless eyesore' at Monday's meeting."
    changed = "Villagers called the mast 'an ugly, useless eyesore' at Monday's meeting."
    assert "quote" not in check(source, kept).verdicts[0].types
    assert "quote" in check(source, changed).verdicts[0].types


def test_a_comparison_turned_round_is_a_polarity_error() -> None:
    source = clean(
        b"Cup tie\n\nThe Ardley coach admitted his side had been the weaker team for most of "
        b"the first half before the late equaliser.\n"
    )
    flipped = "The Ardley coach admitted his side had been the stronger team for most of the half."
    assert "polarity" in check(source, flipped).verdicts[0].types


def test_a_text_that_describes_a_person_two_ways_contradicts_itself() -> None:
    source = clean(
        b"Harbour vote\n\nNia Osei said the harbour would stay open for another year after "
        b"the vote on Thursday night.\n"
    )
    candidate = (
        "Mayor Nia Osei said the harbour would stay open.\n\n"
        "Former councillor Nia Osei spoke after the vote on Thursday night."
    )
    verdicts = check(source, candidate).verdicts
    assert "consistency" not in verdicts[0].types
    assert verdicts[1].label == "contradicted" and "consistency" in verdicts[1].types


def test_the_same_description_twice_is_consistent() -> None:
    source = clean(b"Harbour vote\n\nMayor Nia Osei said the harbour would stay open.\n")
    candidate = "Mayor Nia Osei spoke.\n\nMayor Nia Osei said the harbour would stay open."
    assert all("consistency" not in v.types for v in check(source, candidate).verdicts)


# ---------------------------------------------------------------- attribution

READING_ROOM = story(
    "Branch librarian Orla Kestrel said the reading room would close for three weeks in March.",
    "Councillor Dev Amberley warned that the repairs could cost more than the council expected.",
    "She added that the children's section would stay open throughout.",
    "The trust that runs the building, Harrowgate Libraries Ltd, has not commented.",
)


def test_person_names_are_people_not_places_roles_or_companies() -> None:
    found = person_names(READING_ROOM.text)
    assert {"Kestrel", "Amberley"} <= found
    assert not found & {"Ltd", "Libraries", "March", "Headline"}
    moved = "She moved to the United States and joined ForwardTech Inc as a Sales Consultant."
    assert person_names(moved) == set()


@pytest.mark.parametrize(
    ("claim", "swapped"),
    [
        ("Orla Kestrel warned that the repairs could cost more than the council expected.", 1),
        ("Councillor Amberley said the reading room would close for three weeks in March.", 1),
        ("Kestrel said the reading room would close for three weeks in March.", 0),
        ("Amberley cautioned that repairs might cost more than the council expected.", 0),
        # "She" in the source stands for the person named in the sentence before.
        ("Amberley said the children's section would stay open throughout.", 0),
    ],
)
def test_a_deed_given_to_another_person_of_the_story_is_an_entity_error(
    claim: str, swapped: int
) -> None:
    assert (
        findings(check_attribution, READING_ROOM, claim) == [("entity", "contradicted")] * swapped
    )


def test_attribution_needs_most_of_the_deed_to_match_a_source_sentence() -> None:
    loose = "Orla Kestrel expects the council to spend more money this year."
    assert findings(check_attribution, READING_ROOM, loose) == []


def test_attribution_reads_each_clause_as_its_own_deed() -> None:
    source = story(
        "Dr Mina Sorrel said the roof of the old mill was sound, while Joe Pardew warned "
        "that the east wall was close to collapse. Pardew has surveyed the mill for years."
    )
    swapped = "Mina Sorrel warned that the east wall was close to collapse."
    faithful = (
        "Sorrel judged the mill's roof sound, while Joe Pardew warned the east wall could fall."
    )
    assert findings(check_attribution, source, swapped) == [("entity", "contradicted")]
    assert findings(check_attribution, source, faithful) == []


PASSIVE_SOURCE = story(
    "Night porter Ellis Quarrie, who was called to the depot by police at 2.15am, said the "
    "doors had been forced. The council thanked the porter for his quick response."
)


@pytest.mark.parametrize(
    ("claim", "turned"),
    [
        ("Night porter Ellis Quarrie called police to the depot at 2.15am.", True),
        ("Police were called to the depot by night porter Ellis Quarrie at 2.15am.", True),
        ("Police called night porter Ellis Quarrie to the depot at 2.15am.", False),
        ("Ellis Quarrie was called to the depot by police at 2.15am.", False),
    ],
)
def test_a_passive_turned_active_with_the_parties_in_place_is_a_relation_error(
    claim: str, turned: bool
) -> None:
    verdict = check(PASSIVE_SOURCE, claim).verdicts[0]
    assert ("relation" in verdict.types) == turned


ROWING = clean(
    b"Club inquiry\n\nIn March, a panel of the Harwick Rowing Club found that coach Tessa "
    b"Varga had engaged in bullying while working for the club's youth squad.\n"
)


@pytest.mark.parametrize(
    ("claim", "turned"),
    [
        ("In March, a club panel found that Varga had been bullied by the youth squad.", True),
        ("A club panel found that Varga, a coach of the youth squad, had been bullied.", True),
        ("A Harwick Rowing Club panel found in March that Varga had bullied rowers.", False),
        ("In March, a panel found that coach Tessa Varga engaged in bullying.", False),
    ],
)
def test_a_named_doer_made_the_one_who_undergoes_is_a_relation_error(
    claim: str, turned: bool
) -> None:
    # The Tico Times page (trafilatura-eval, 2026-12-05): "Chaves incurred in sexual
    # harassment" was retold as "Chaves was sexually harassed by the organization".
    verdict = check(ROWING, claim).verdicts[0]
    assert ("relation" in verdict.types) == turned


def test_a_single_letter_label_is_not_a_party_that_can_be_turned_round() -> None:
    # SummEdits' sales calls: "the agent offers Plan B" against "Plan B offers ..." made
    # "B" a doer and an undergoer of the same offer.
    source = story("Sales agent Mara Tolley offers Plan B to the customer at a lower rate.")
    claim = "Plan B offers the customer a lower monthly rate."
    assert "relation" not in check(source, claim).verdicts[0].types


def test_a_denial_under_unthinkable_asserts() -> None:
    # FaithBench: "believes it is 'unthinkable' that he will not win the masters" against
    # three faithful "is aiming to win the Masters" sentences, flagged as flipped.
    source = story(
        "The skipper believes it is 'unthinkable' that she will not win the Harbour Cup at "
        "some point."
    )
    aims = "The skipper is aiming to win the Harbour Cup."
    assert "polarity" not in check(source, aims).verdicts[0].types
    plain = story("The skipper says she will not win the Harbour Cup this year.")
    assert (
        "polarity"
        in check(plain, "The skipper says she will win the Harbour Cup.").verdicts[0].types
    )


def test_provided_used_as_if_gives_no_party_a_role() -> None:
    # The seed's "..., provided the US and other NATO countries provide air cover" was
    # parsed with "the US" as the object of "provided", and a faithful retelling with the
    # US providing the cover was called turned round.
    source = story(
        "The mayor is set to outline a plan next week that would see Westmere and Oskarholm "
        "take responsibility for the ferry on the ground, provided the US and other NATO "
        "countries provide the fuel."
    )
    claim = (
        "The mayor will outline a plan that makes Westmere and Oskarholm responsible for the "
        "ferry, provided the US and other NATO countries provide the fuel."
    )
    assert "relation" not in check(source, claim).verdicts[0].types


def test_no_longer_is_a_negation_like_not() -> None:
    # "would 'no longer tolerate an imbalanced relationship'" retold "would not tolerate an
    # imbalanced relationship" was called the opposite (a seed rewrite, 2026-12-06).
    source = story("The mayor said the town would no longer tolerate late ferries from Oskarholm.")
    same = "The mayor said the town would not tolerate late ferries from Oskarholm."
    assert check(source, same).verdicts[0].label == "supported"
    flipped = "The mayor said the town would tolerate late ferries from Oskarholm."
    assert check(source, flipped).verdicts[0].label != "supported"


def test_a_verb_joined_to_another_takes_its_subject_for_the_negation_check() -> None:
    # Healthline (trafilatura-eval, 2026-12-06): "Even the best methods are not perfect and
    # only give you an estimate" was retold "Even the best methods don't give an estimate":
    # "give" had no subject of its own, so no source action was compared with it.
    source = story("Even the best ferry timetables are not perfect and only give you an estimate.")
    flipped = "Even the best ferry timetables don't give you an estimate."
    assert check(source, flipped).verdicts[0].label == "contradicted"
    same = "Even the best ferry timetables only give you an estimate."
    assert check(source, same).verdicts[0].label == "supported"


def test_a_reference_marker_is_no_number_of_the_story() -> None:
    # Healthline (trafilatura-eval, 2026-12-06): "... the most accurate body fat
    # percentage (21, 22)." was retold "... being 21% (22%)" and passed on the markers.
    source = story(
        "Tide tables from each harbour are combined to give the best crossing times (21, 22).",
        "Skipper Ana Lopes (27) and her crew sailed at dawn.",
    )
    made_up = "The best crossing times are 21% faster."
    assert check(source, made_up).verdicts[0].label != "supported"
    kept = "Tide tables from each harbour are combined to give the best crossing times (21, 22)."
    assert check(source, kept).verdicts[0].label == "supported"
    moved = "Tide tables from each harbour are combined (21, 22), giving the best crossing times."
    assert "number" not in check(source, moved).verdicts[0].types
    # A number bracketed inside a sentence is the story's: an age, a tally.
    assert check(source, "Skipper Ana Lopes, 27, sailed at dawn.").verdicts[0].label == "supported"


# ---------------------------------------------------------------- modality

FERRY = story(
    "Her remarks came days after the mayor declared he expects the region's smaller councils "
    "to raise their road budgets to 5% of income as part of their transport pledges - more "
    "than double what most councils are currently spending.",
    "The harbour master declared on Monday that the prospect of the ferry resuming winter "
    "sailings was remote.",
    "The operator's proposal would see the council take over the harbour's upkeep from next year.",
)


@pytest.mark.parametrize(
    "sentence",
    [
        # What is under way is a fact, whatever the parse hangs it under.
        "The mayor declared a plan to raise the smaller councils' road budgets to 5% of income, "
        "more than double what most councils are currently spending.",
        # A gerund names an action; it does not tell that it happened.
        "The harbour master declared on Monday that the ferry resuming winter sailings was "
        "unlikely.",
        "The proposal includes the council taking over the harbour's upkeep from next year.",
    ],
)
def test_an_action_named_or_under_way_is_no_hedge_made_fact(sentence: str) -> None:
    assert findings(check_modality, FERRY, sentence) == []


def test_a_proposal_told_as_done_is_still_a_hedge_made_fact() -> None:
    sentence = "The council took over the harbour's upkeep last year."
    assert findings(check_modality, FERRY, sentence) == [("modality", "unsupported")]


QUARRY = story(
    "The county has agreed to look at a holiday park beside the old quarry.",
    "The land that would be cleared is the quarry's northern edge, and the plan still "
    "needs a vote.",
    "Warden Ida Marsh joined the quarry trust in 1990 and would lead it for twenty years.",
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The land at the quarry's northern edge is being cleared.",
        "The land on the quarry's northern edge will be cleared.",
    ],
)
def test_a_plan_in_a_would_clause_told_as_fact_is_a_hedge_made_fact(sentence: str) -> None:
    # Seen in a retelling of trafilatura-eval's ABC7 Napa page (2026-12-04): "the area that
    # would be developed" became "the area ... is being developed".
    assert findings(check_modality, QUARRY, sentence) == [("modality", "unsupported")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The quarry's northern edge would be cleared.",
        # The "would" of a past story tells what happened next.
        "Ida Marsh led the quarry trust for twenty years.",
    ],
)
def test_a_would_kept_or_told_of_the_past_is_no_hedge_made_fact(sentence: str) -> None:
    assert findings(check_modality, QUARRY, sentence) == []


# ---------------------------------------------------------------- the narrator's voice

HEARING = story(
    "Councillors asked why the bus lane rules were published the night before they began.",
    "Transport chair Nia Booth replied: \u201cSometimes in a crisis we have had to act fast, "
    "and we may have to again.",
    "\u201cThe test we face in this chamber is how to give proper scrutiny while still moving "
    "quickly.\u201d",
)


def test_a_quotation_running_on_over_paragraphs_is_still_a_speakers_words() -> None:
    # Seen in a retelling of trafilatura-eval's Independent page (2026-12-04): the quotation's
    # first paragraph has no closing mark, so its "we" was read as the writer's own.
    dropped = "The test we face in this chamber is giving proper scrutiny while moving quickly."
    assert findings(check_narrator, HEARING, dropped) == [("attribution", "unsupported")]
    kept = "Nia Booth said the test the chamber faces is giving proper scrutiny while moving fast."
    assert findings(check_narrator, HEARING, kept) == []


def test_a_kept_sentence_whose_quotation_reopens_keeps_its_first_person_inside() -> None:
    # A summary kept a one-line source's sentence whose quoted post runs into its next
    # paragraph ('the tweet read "... past. "I wonder if ..."', XSumFaith test, 2026-12-07),
    # and the check read its "I" as the writer's.
    line = (
        'The court heard the post read "Ms Orr spoke to the radio about the pier. "I wonder '
        'if she will say who paid for it." Ms Orr sued in May.'
    )
    source = Article(source="<test>", title=None, blocks=layout_blocks([line], []))
    kept = (
        'The court heard the post read "Ms Orr spoke to the radio about the pier. "I wonder '
        'if she will say who paid for it."'
    )
    assert findings(check_narrator, source, kept) == []
    assert findings(check_narrator, source, "I wonder who paid for the pier.") == [
        ("attribution", "unsupported")
    ]


def test_a_letter_quoted_in_single_marks_stays_its_signatories_words() -> None:
    # trafilatura-eval's Daily Mail page (2026-12-05) quotes with single marks; its
    # retelling published the letter's "We're talking about meat produced with growth
    # hormones ..." without marks, as the paper's own words.
    letter = story(
        "Farm groups today urge the minister to keep cheap imports out of the country.",
        "Their letter warns him: 'If we get this wrong, the farmers' markets will close.",
        "'We're talking about beef fed on hormones and grain grown with banned sprays.'",
    )
    dropped = "We're talking about beef fed on hormones and grain grown with banned sprays."
    assert findings(check_narrator, letter, dropped) == [("attribution", "unsupported")]
    kept = "The letter warns that beef fed on hormones and grain from banned sprays may come in."
    assert findings(check_narrator, letter, kept) == []


def test_words_met_with_criticism_from_someone_named_keep_their_holder() -> None:
    # Seed 001 against seed 000, which quotes with single marks: "... has been met with
    # sarcasm and criticism from former Swedish Prime Minister Carl Bildt" names whose
    # words they are.
    source = story(
        "The talks open in Geneva on Monday.",
        "The mood was summed up by former mayor Ada Brook, who remarked: 'It is an odd way "
        "to bargain - to give away so much before the talks have even started.'",
    )
    held = "Giving away so much before the talks have started met with criticism from Ada Brook."
    assert findings(check_spoken_as_fact, source, held) == []
    bare = "It is an odd way to bargain, giving away so much before the talks have started."
    assert findings(check_spoken_as_fact, source, bare) == [("attribution", "unsupported")]


# ---------------------------------------------------------------- a speaker's view as fact

DAIRY = story(
    "The Ferncombe dairy closed its three shops on Monday after its tills stopped working.",
    "Mara Quist, who runs a payments firm in the town, said the fault looked like an attack "
    "on the till software.",
    "\u201cWhat is happening here is happening across the county. In the last few months we "
    "have seen far more attacks on small shops.",
    "\u201cI would expect the council to look at its rules for card payments before long.\u201d",
    "The dairy said the shops would open again on Wednesday.",
)


@pytest.mark.parametrize(
    "sentence",
    [
        # Seen in a retelling of trafilatura-eval's Trinidad Guardian page (2026-12-05).
        "Attacks on small shops have grown far more common in the last few months.",
        "The council is looking at its rules for card payments.",
        # A "to say" gives the words to no one (MSN's page, retold 2026-12-06).
        "It is fair to say that attacks on small shops have grown far more common lately.",
    ],
)
def test_a_speakers_view_stated_as_fact_is_unsupported(sentence: str) -> None:
    assert findings(check_spoken_as_fact, DAIRY, sentence) == [("attribution", "unsupported")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mara Quist said attacks on small shops have grown far more common in recent months.",
        "Quist expects the council to look at its rules for card payments before long.",
        "\u201cWe have seen far more attacks on small shops,\u201d Quist said.",
        # Narration outside any quotation.
        "The dairy's three shops closed on Monday when its tills stopped working.",
    ],
)
def test_a_view_kept_with_its_speaker_or_narration_passes(sentence: str) -> None:
    assert findings(check_spoken_as_fact, DAIRY, sentence) == []


def test_a_quoted_phrase_told_as_the_writers_own_is_unsupported() -> None:
    # Seen in a retelling of trafilatura-eval's Los Angeles Times page (2026-12-05).
    source = story(
        "The debate will give voters \u201ca clear test of who can stand up to a rich "
        "bully,\u201d Mara Quist said on Tuesday."
    )
    dropped = "The debate will give voters a clear test of who can stand up to a rich bully."
    assert findings(check_spoken_as_fact, source, dropped) == [("attribution", "unsupported")]
    kept = "Quist said the debate will give voters a clear test of who can stand up to a bully."
    assert findings(check_spoken_as_fact, source, kept) == []
    narrated = "Voters will see a debate on Tuesday."
    assert findings(check_spoken_as_fact, source, narrated) == []


def test_marks_that_do_not_pair_up_quote_nothing() -> None:
    # A one-line source that lost its paragraph breaks, read as FaithBench and XSumFaith
    # give it (not cleaned): the marks no longer show where quotations end, so the
    # narration between them is not a quotation. (The text cleaner puts the breaks of a
    # quotation's paragraphs back, so a dump cleaned first reads this line otherwise.)
    line = (
        'Ada Brook said: "I am fit and ready. "I have trained all summer. Brook has played '
        'for three clubs. "The game on Saturday matters," she added.'
    )
    source = Article(source="<test>", title=None, blocks=layout_blocks([line], []))
    assert findings(check_spoken_as_fact, source, "Brook has played for three clubs.") == []


# ---------------------------------------------------------------- quoted words keep their speaker

INTERVIEW = story(
    "The presenter Lena Ortiz spoke to the former coach for an hour on Sunday.",
    "\u201cWhy did you stay silent for so long?\u201d Ortiz asked.",
    "Coach Sam Adebayo said: \u201cI felt badly let down by the board.",
    "\u201cThere is a lot to work through, and I am not finished yet.\u201d",
    "He said he would write a book.",
)


def test_words_given_to_another_named_person_are_contradicted() -> None:
    wrong = "Ortiz said there is a lot to work through and she is not finished yet."
    assert findings(check_quoted_speaker, INTERVIEW, wrong) == [("attribution", "contradicted")]
    asked = "Adebayo asked why he had stayed silent for so long."
    assert findings(check_quoted_speaker, INTERVIEW, asked) == [("attribution", "contradicted")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Adebayo said there is a lot to work through and he is not finished yet.",
        "Sam Adebayo said he felt badly let down by the board.",
        "Ortiz asked why he had stayed silent for so long.",
        # A "he said" names no one the check could hold to the source.
        "He said there is a lot to work through.",
    ],
)
def test_words_kept_with_their_speaker_pass(sentence: str) -> None:
    assert findings(check_quoted_speaker, INTERVIEW, sentence) == []


def test_a_negation_elsewhere_does_not_contradict_what_another_sentence_affirms() -> None:
    # Google's blog page (trafilatura-eval, 2026-12-06): "Chrome and other Google apps can
    # provide improved protection" retold one sentence faithfully, and was refused because
    # another said "Chrome can't adjust protection based on ...".
    source = story(
        "The ferry company cannot change seats for each passenger once on board.",
        "If you book ahead, the ferry company can offer better seats and a quieter crossing.",
    )
    kept = "If you book ahead, the ferry company can offer better seats."
    assert findings(check_negation_scope, source, kept) == []
    turned = "The ferry company can change seats for each passenger once on board."
    assert findings(check_negation_scope, source, turned) == [("polarity", "contradicted")]


def test_may_in_a_sentence_with_one_capital_is_not_the_month() -> None:
    # InStyle's page (2026-12-06): a kept sentence of 130 letters with only its first
    # capital counted as lower-cased text, and its "may" was read as the month May.
    sentence = (
        "While in treatment, patients may not want to draw obvious attention to themselves "
        "by wearing a dramatically different hairstyle, or even no hairstyle at all."
    )
    source = story("Ada Brook of Veldmoor founded Coils and Crowns in London.", sentence)
    assert findings(check_dates, source, sentence) == []
