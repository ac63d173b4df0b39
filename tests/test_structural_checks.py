"""The checks for the errors model rewrites really make, on the seed and on invented stories.

The five seed sentences are the false ones a retell rewrite of seed 000 once
published (issue 11): each fuses true pieces of two sentences into a false
whole, or turns a fear, a possibility or an open question into a fact. The
story cases mirror errors read in rewrites of real articles.
"""

from __future__ import annotations

from functools import cache

import pytest

from retell import clean
from retell.article import Article, Evidence
from retell.verify import Verifier
from retell.verify.checks import (
    new_purpose,
    own_source_additions,
    own_source_definite,
    own_source_description,
    own_source_headline,
    own_source_links,
    own_source_predicate,
    own_source_reported_he,
    own_source_scope,
    own_source_self_description,
    own_source_speaker,
    own_source_voice,
)
from retell.verify.links import self_linked

from .conftest import DATA, SEED_PAGE


@cache
def verifier(name: str) -> Verifier:
    """A verifier for a story (cleaned once)."""
    path = SEED_PAGE if name == "seed" else DATA / "stories" / f"{name}.txt"
    article: Article = clean(path.read_bytes())
    return Verifier(article)


def _held_types(paragraphs: list[str], spans: list[tuple[str, str]], sentence: str) -> set[str]:
    """The types of the findings on a retelling held to stretches of a story: each stretch
    runs from its first words to its last, as the rewrite hands a piece's sentences in."""
    article = clean("\n\n".join(paragraphs).encode())
    text = article.text
    made_from = []
    for first, last in spans:
        start = text.index(first)
        end = text.index(last, start) + len(last)
        made_from.append(Evidence(text[start:end], start, end, "body"))
    verifier_ = Verifier(article)
    held = verifier_.held_to(verifier_.typed(sentence), tuple(made_from))
    return {finding.type for finding in held.findings}


SEED_FALSE = [
    (
        "The Kremlin has labelled an Anglo-French plan to deploy up to 30,000 troops as an "
        "unacceptable, direct threat to Ukraine’s security following an impending ceasefire "
        "deal with Russia.",
        "fusion",
    ),
    (
        "Starmer reportedly worked with French President Emmanuel Macron to plan a deal with "
        "Russia after the US abandoned Ukraine.",
        "modality",
    ),
    (
        "Should the US force Ukraine to give up territory, Russia would likely respond with arms.",
        "polarity",
    ),
    (
        "Trump's comments came days after he declared that NATO's European nations should "
        "increase their defence spending to 5% of GDP.",
        "fusion",
    ),
    (
        # The source: "it remains to be seen how Article 5 will be implemented ... under the
        # plan Prime Minister Starmer is expected to present".
        "Prime Minister Starmer is expected to present an implementation plan for Article 5 "
        "if Anglo-French troops suffer an attack while stationed in Ukraine.",
        "modality",
    ),
]


@pytest.mark.parametrize(("sentence", "kind"), SEED_FALSE)
def test_false_seed_rewrite_sentences_are_flagged_with_their_type(sentence: str, kind: str) -> None:
    verdict = verifier("seed").sentence(sentence)
    assert verdict.label != "supported"
    assert kind in verdict.types


SEED_TRUE = [
    "Britain and France would take responsibility for safeguarding Ukraine on the ground, "
    "provided the US and other NATO countries provide air cover.",
    "Starmer hatched the plan with French President Emmanuel Macron amid fears the US could "
    "abandon Ukraine altogether.",
    "The next challenge is to ensure that Russia does not take up arms again.",
    "Zelensky has long ruled out giving up the Ukrainian territories annexed by Russia.",
]


@pytest.mark.parametrize("sentence", SEED_TRUE)
def test_faithful_retellings_of_the_same_passages_pass(sentence: str) -> None:
    verdict = verifier("seed").sentence(sentence)
    assert verdict.label == "supported", verdict.reason


def test_a_negation_turned_around_is_contradicted() -> None:
    verdict = verifier("extradition").sentence(
        "Judge Marsh said there was a competing extradition request to the one from the US."
    )
    assert verdict.label == "contradicted"
    assert "polarity" in verdict.types


def test_the_story_faithfully_retold_passes() -> None:
    for sentence in (
        "Judge Colin Marsh said no other country had asked for Verhoek's extradition.",
        "Prosecutor Amelia Strand said Verhoek had tried to leave the country twice.",
        "One of the two buyers, an Essex logistics firm, has already paid a deposit.",
    ):
        verdict = verifier("extradition").sentence(sentence)
        assert verdict.label == "supported", (sentence, verdict.reason)


def test_a_first_person_quotation_without_its_speaker_is_unsupported() -> None:
    verdict = verifier("extradition").sentence(
        '"My overall assessment is that he would not surrender if released."'
    )
    assert verdict.label == "unsupported"
    assert "attribution" in verdict.types
    kept = verifier("extradition").sentence(
        '"My overall assessment is that he would not surrender if released," the judge said.'
    )
    assert "attribution" not in kept.types


def test_a_pronoun_that_now_points_at_the_wrong_person_is_flagged() -> None:
    found = verifier("extradition").check(
        "Prosecutor Amelia Strand told the court that Verhoek had tried to leave twice. "
        "She stated her concerns clearly and answered every question."
    )
    assert found[1].label != "supported"


def test_one_buyers_deposit_given_to_both_is_flagged() -> None:
    verdict = verifier("extradition").sentence("Both buyers have already paid a deposit.")
    assert verdict.label != "supported"


def _story(title: str, *paragraphs: str) -> Verifier:
    """A verifier for a story written here: a title and its paragraphs."""
    return Verifier(clean("\n\n".join([title, *paragraphs]).encode()))


def test_a_sentence_without_a_main_verb_is_flagged() -> None:
    verdict = verifier("extradition").sentence(
        "Two buyers for the Harlow warehouse, one of them already paying a deposit."
    )
    assert verdict.label != "supported"


def test_an_and_that_a_relative_clause_left_joining_nothing_is_flagged() -> None:
    # A BBC rewrite (XSumFaith dev, 2026-12-07, published): "But those relatives never went
    # public and, after his assassination, have become even more scared." became "But
    # relatives who never went public and, after his assassination, became ...".
    verifier_ = _story(
        "Ferry families",
        "The crews' families never spoke to the press and, after the storm, have grown "
        "even more wary.",
    )
    broken = verifier_.sentence(
        "But families who never spoke to the press and, after the storm, grew even more wary."
    )
    assert "grammar" in broken.types, broken.reason
    whole = verifier_.sentence(
        "The crews' families never spoke to the press and, after the storm, grew more wary."
    )
    assert "grammar" not in whole.types, whole.reason


def test_an_open_question_stated_as_settled_is_flagged() -> None:
    verdict = verifier("bridge").sentence(
        "The county council will pay for the work on the bridge when it meets in March."
    )
    assert verdict.label == "unsupported"
    assert "modality" in verdict.types
    kept_open = verifier("bridge").sentence(
        "It is unclear whether the county council will pay for the bridge work in March."
    )
    assert kept_open.label == "supported", kept_open.reason


def test_a_question_kept_open_by_the_copula_beside_it_passes() -> None:
    # A retelling of the seed the rewriter refused: the parser hangs "implemented" on "is"
    # and puts "unclear" beside it, not above it.
    kept_open = verifier("seed").sentence(
        "It is still unclear how Article 5 will be implemented if Anglo-French troops suffer "
        "an attack in Ukraine."
    )
    assert "modality" not in kept_open.types, kept_open.reason
    settled = verifier("seed").sentence(
        "Article 5 will be implemented if Anglo-French troops suffer an attack in Ukraine."
    )
    assert "modality" in settled.types


def test_what_is_only_understood_stated_as_fact_is_flagged() -> None:
    # A BBC rewrite (XSumFaith dev, 2026-12-07, published): "it is understood his recovery
    # has progressed quicker than expected" became "recovery has progressed quicker ...".
    text = "\n\n".join(
        [
            "Rower back in training",
            "Tom Kerr has not raced since May with a wrist injury. However, it is understood "
            "his wrist has healed faster than expected.",
        ]
    )
    verifier_ = Verifier(clean(text.encode()))
    told = verifier_.sentence("His wrist has healed faster than expected.")
    assert "modality" in told.types
    kept = verifier_.sentence("It is understood his wrist has healed faster than expected.")
    assert kept.label == "supported", kept.reason


def test_a_figure_given_as_someones_word_stated_as_fact_is_flagged() -> None:
    verdict = verifier("bridge").sentence("The repairs to the Wexley river bridge will cost £12m.")
    assert verdict.label == "unsupported"
    assert "attribution" in verdict.types
    for faithful in (
        "Mayor Dana Okoro said the repairs to the Wexley bridge would cost £12m.",
        "The Wexley bridge was built in 1890.",  # a figure the source states itself
        "Engineers found cracks in 14 of the bridge's iron girders in January.",
    ):
        kept = verifier("bridge").sentence(faithful)
        assert kept.label == "supported", (faithful, kept.reason)


def test_the_seed_rewrites_dropped_attribution_and_settled_question_are_flagged() -> None:
    # Two false sentences retell's own rewrite of seed 000 published on 2026-12-02.
    figure = verifier("seed").sentence(
        "Kyiv needs around 200,000 troops to ensure long-term security, but a Western force "
        "of 30,000 is far less than that."
    )
    assert "attribution" in figure.types
    settled = verifier("seed").sentence(
        "Prime Minister Starmer is expected to present an implementation plan for Article 5 "
        "should Anglo-French troops suffer an attack while stationed in Ukraine."
    )
    assert "modality" in settled.types


def test_a_pronoun_read_as_the_source_reads_it_passes() -> None:
    found = verifier("extradition").check(
        "The woman who first reported the fraud, accountant Nadia Quist, gave evidence by "
        "video link. She stated her concerns clearly and answered every question."
    )
    assert "reference" not in found[1].types, found[1].reason


def test_the_orchestra_story_pronouns() -> None:
    wrong = verifier("orchestra").check(
        "Brenner joined the orchestra from Vienna in 2014. "
        "She said the search for a successor would begin this autumn."
    )
    assert wrong[1].label == "unsupported"
    assert "reference" in wrong[1].types
    assert "Lindqvist" in wrong[1].reason
    # "He" may mean Brenner, whom the sentence before names: a reader can tell by gender.
    fine = verifier("orchestra").check(
        "Maria Lindqvist thanked Brenner for twelve seasons. "
        "He will conduct three farewell concerts in May."
    )
    assert "reference" not in fine[1].types, fine[1].reason


def test_a_pronoun_of_the_other_gender_than_the_sources_is_flagged() -> None:
    # Twin Cities' page (2026-12-06): a retelling went on "He said ..." after naming the new
    # mayor, whom the source calls "she".
    wrong = verifier("orchestra").check(
        "The orchestra's chair, Maria Lindqvist, thanked the conductor for twelve seasons. "
        "He said the search for a successor would begin this autumn."
    )
    assert "reference" in wrong[1].types and "'she'" in wrong[1].reason
    assert wrong[1].evidence, "the source sentence that calls her 'she' is shown"
    fine = verifier("orchestra").check(
        "The orchestra's chair, Maria Lindqvist, thanked the conductor for twelve seasons. "
        "She said the search for a successor would begin this autumn."
    )
    assert "reference" not in fine[1].types, fine[1].reason


def test_the_orchestra_story_groups_and_fragments() -> None:
    spread = verifier("orchestra").sentence(
        "All three violinists have already played with the orchestra as guests."
    )
    assert "quantity" in spread.types
    fragment = verifier("orchestra").sentence(
        "Three violinists for the concertmaster post, one of them a former student of Brenner's."
    )
    assert "grammar" in fragment.types
    for faithful in (
        "One of the three violinists has already played with the orchestra as a guest.",
        "Three violinists have auditioned for the post of concertmaster.",
        "Brenner will conduct three farewell concerts in May.",
    ):
        verdict = verifier("orchestra").sentence(faithful)
        assert verdict.label == "supported", (faithful, verdict.reason)


def test_a_verb_in_s_the_tagger_takes_for_a_noun_still_carries_the_sentence() -> None:
    # Bahamas Local (2026-12-05): "Coordinator Bonnie Young thanks Atlantis for donating
    # supplies ..." was refused as a sentence with no main verb.
    thanked = "Orchestra director Maria Lindqvist thanks Brenner for twelve seasons of work."
    assert "grammar" not in verifier("orchestra").sentence(thanked).types


def test_a_verb_of_speech_that_lost_its_words_states_nothing() -> None:
    # The seed rewrite (2026-12-05) moved Hegseth's words into the sentence before, as the
    # writer's, and left "Hegseth told delegates and European defence chiefs last week."
    speechless = verifier("orchestra").sentence("Maria Lindqvist told the players on Monday.")
    assert "grammar" in speechless.types, speechless.reason
    for faithful in (
        "Maria Lindqvist told the players that Brenner would conduct three farewell concerts.",
        "Brenner will conduct three farewell concerts in May, Maria Lindqvist said.",
    ):
        assert "grammar" not in verifier("orchestra").sentence(faithful).types, faithful


def _made_from(text: str) -> tuple[Evidence, ...]:
    """The seed sentence a retelling was made from, as the rewrite stage names it."""
    article = verifier("seed").source
    start = article.text.index(text)
    return (Evidence(text, start, start + len(text), "body"),)


def test_a_clause_its_own_source_sentences_do_not_say_is_flagged() -> None:
    # Published by retell's rewrite of seed 000 on 2026-12-02, after a retry for novelty.
    made_from = _made_from(
        "There is also mounting evidence that Trump is prepared to strike a deal with Putin "
        "in short order to bring the conflict to an end, even if the agreement is highly "
        "unfavourable for Kyiv."
    )
    verdict = verifier("seed").sentence(
        "Kyiv is worried about Trump's intentions, and there is mounting evidence that he is "
        "prepared to strike a deal with Putin.",
        focus=made_from,
    )
    assert verdict.label == "unsupported" and "addition" in verdict.types
    reworded = verifier("seed").sentence(
        "Zelensky has long refused to surrender the regions Russia annexed, and Russian forces "
        "now hold about a fifth of Ukraine.",
        focus=_made_from(
            "Zelensky has long ruled out giving up the Ukrainian territories annexed by Russia, "
            "whose forces currently control roughly one-fifth of the country."
        ),
    )
    assert "addition" not in reworded.types, reworded.reason


def test_an_obligation_its_own_source_sentences_do_not_state_is_flagged() -> None:
    # Published by retell's rewrite of seed 000 on 2026-12-02.
    made_from = _made_from(
        "'We want, like you, a sovereign and prosperous Ukraine. But we must start by "
        "recognising that returning to Ukraine's pre-2014 borders is an unrealistic objective,' "
        "Hegseth told the meeting of Ukrainian officials and more than 40 allies."
    )
    verdict = verifier("seed").sentence(
        "Hegseth, speaking at a meeting of Ukrainian officials and allies, said Ukraine should "
        "aim for a sovereign and prosperous Ukraine, but that returning to pre-2014 borders is "
        "unrealistic.",
        focus=made_from,
    )
    assert verdict.label == "unsupported" and "modality" in verdict.types
    conditional = verifier("seed").sentence(
        "Should the US force Ukraine to give up territory, the next challenge is to stop Russia "
        "from taking up arms again.",
        focus=_made_from(
            "Should the US force Ukraine to give up some or all of the territory annexed by "
            "Putin's troops, the next challenge is to ensure that Russia does not simply take up "
            "arms again and push for more territory months or years down the line."
        ),
    )
    assert "modality" not in conditional.types, conditional.reason


def test_an_obligation_the_source_lays_on_the_same_party_passes() -> None:
    verdict = verifier("seed").sentence(
        "Russia has stated that Ukraine must give up a small piece of Russian territory it "
        "seized in Kursk as part of any peace deal.",
        focus=_made_from(
            "Russia has also stated that Ukraine would have to relinquish control of a small "
            "amount of Russian territory its forces managed to seize in Kursk as part of a "
            "counteroffensive last year as part of any peace deal."
        ),
    )
    assert "modality" not in verdict.types, verdict.reason


def test_a_view_without_its_holder_is_flagged() -> None:
    # Published by retell's rewrite of seed 000 on 2026-12-02: Trump's expectation made general.
    verdict = verifier("seed").sentence(
        "NATO's European nations are expected to boost their defence spending to 5% of GDP as "
        "part of their security commitments."
    )
    assert verdict.label == "unsupported" and "attribution" in verdict.types
    kept = verifier("seed").sentence(
        "Trump has said he expects NATO's European nations to boost their defence spending to "
        "5% of GDP."
    )
    assert "attribution" not in kept.types, kept.reason


# Published by retell's rewrite of seed 000 on 2026-12-02 with a trial prompt that asked for
# new wording (copy share 0.58 instead of 0.74); the trial was not kept, because these
# sentences passed the checks. Each is false by our reading of the source.
TRIAL_FALSE_CAUGHT = [
    (
        "Hegseth, Ukraine's leader, said Ukraine's goal is a sovereign and prosperous country.",
        "role",
    ),
]
TRIAL_FALSE_MISSED = [
    # "plan a deal": the plan is for a force; the deal is the one the US might strike.
    "Starmer reportedly worked with French President Emmanuel Macron to plan a deal with Russia, "
    "fearing the US might abandon Ukraine if it struck a deal directly with Russia.",
    # Ukraine is under martial law, and the false statements were Trump's.
    "Volodymyr Zelensky, the Ukrainian president, is under martial law, and Trump has criticized "
    "him for false statements and calling him a dictator without elections.",
    # The source: "the answer to that question was, until recently, very obvious".
    "Ukraine's answer to the question of NATO membership was unclear until recently, but now it's "
    "clear that the United States does not believe that NATO membership is a realistic outcome "
    "of a negotiated settlement.",
    # No new plan is proposed in the source.
    "However, he acknowledged that returning to pre-2014 borders is unrealistic and proposed a "
    "new plan.",
    # From `--style summary` of the seed (2026-12-02): the plan is the Anglo-French one, which
    # the Kremlin criticises. A named-possessive check ("X's plan" where the source gives the
    # plan to another owner) caught it but on FaithBench fired on 6 faithful sentences and no
    # hallucinated one, so it was not kept.
    "The Kremlin’s plan to deploy troops to Ukraine is being criticized as an unacceptable "
    "direct threat.",
]


@pytest.mark.parametrize(("sentence", "kind"), TRIAL_FALSE_CAUGHT)
def test_trial_rewrite_errors_that_are_caught(sentence: str, kind: str) -> None:
    verdict = verifier("seed").sentence(sentence)
    assert verdict.label != "supported" and kind in verdict.types


@pytest.mark.parametrize("sentence", TRIAL_FALSE_MISSED)
@pytest.mark.xfail(strict=True, reason="no typed check reads these; the embedded judge passes them")
def test_trial_rewrite_errors_still_missed(sentence: str) -> None:
    assert verifier("seed").sentence(sentence).label != "supported"


def test_a_speakers_words_in_the_writers_mouth_are_flagged() -> None:
    # Retold from the extradition story: the judge's assessment without the judge.
    verdict = verifier("extradition").sentence(
        "My overall assessment, stated plainly, is that he would not surrender if released."
    )
    assert "attribution" in verdict.types
    kept = verifier("extradition").sentence(
        "Judge Marsh said his overall assessment was that Verhoek would not surrender."
    )
    assert "attribution" not in kept.types, kept.reason


CAMPAIGN = (
    "Later that day came a campaign launch by Maren Lund, a local activist who is friendly "
    "with Ida Berg, the mayor's wife."
)
FUNDRAISER = (
    "At a fundraiser in October, Ida Berg stayed near Lund for much of the evening, "
    "introducing her to donors and other guests."
)


def test_a_retelling_that_links_its_sources_words_anew_is_flagged() -> None:
    # The kinds of error read in a rewrite of a real article (2026-12-05): whose campaign it
    # is, and whom someone introduced to whom, told wrong in the source's own words.
    launched = own_source_links(
        "Maren Lund, a local activist, launched a campaign for Ida Berg, the mayor's wife.",
        [CAMPAIGN],
    )
    assert launched and launched[0].type == "fusion" and "berg" in launched[0].reason
    introduced = own_source_links(
        "Ida Berg, who was near Lund at a fundraiser in October, introduced donors and other "
        "guests.",
        [FUNDRAISER],
    )
    assert introduced and "donor" in introduced[0].reason


def test_a_place_inside_a_place_inside_another_may_skip_the_middle() -> None:
    # Rutgers' page (2026-12-06): "a student in the X lab in the Y department in the School
    # of Engineering at Rutgers University" retold "a student in the X lab at Rutgers
    # University" was refused for a link three steps apart in the source.
    source = (
        "The study was led by Ola Dahl, a research nurse in the Lind clinic in the heart "
        "unit in the Faculty of Medicine at Tromso University."
    )
    assert not own_source_links(
        "Ola Dahl, a research nurse in the Lind clinic at Tromso University, led the study.",
        [source],
    )
    assert own_source_links(
        "The Lind clinic led a study at Tromso University, nursed by Ola Dahl.", [source]
    )


def test_a_verb_form_standing_as_a_preposition_is_no_step_between_words() -> None:
    # BBC (XSumFaith dev, 2026-12-07): "Liverpool struggled ... following the £75m sale of
    # Luis Suarez ... and prolonged injury absences for ..." retold with "after" for
    # "following" was refused for linking the absences to "struggled".
    source = (
        "The ferry ran late all winter following the closure of the north quay and long "
        "storm delays for the island crossings."
    )
    retold = (
        "The ferry ran late all winter after the closure of the north quay and long storm "
        "delays for the island crossings."
    )
    assert not own_source_links(retold, [source])
    assert own_source_links("The north quay ran late all winter after storm delays.", [source])


def test_what_a_copula_says_the_subject_is_may_be_said_in_apposition() -> None:
    # Rutgers' page (2026-12-06): "Venipuncture, which involves ..., is the world's most
    # common clinical procedure" retold "Venipuncture, a procedure that involves ..., is
    # ..." was refused for linking the procedure to what it involves.
    source = (
        "Tagging, which involves fixing a chip under the skin, is the island's most common "
        "treatment for stray cats."
    )
    assert not own_source_links(
        "Tagging, a treatment that involves fixing a chip under the skin, is the island's "
        "most common treatment for stray cats.",
        [source],
    )


def test_a_doer_given_to_what_the_source_says_is_done_by_no_one_named_is_flagged() -> None:
    # A trafilatura-eval page on a Ukrainian bank (2026-12-06): "demanding that that
    # foreign supplier return the prepayment and also that the guarantee to PrivatBank be
    # cancelled" was retold with the supplier cancelling the guarantee.
    source = (
        "The tenants went to court, demanding that the landlord repay the deposit and also "
        "that the lease be cancelled."
    )
    given = own_source_links(
        "The tenants sued, demanding that the landlord repay the deposit and cancel the lease.",
        [source],
    )
    assert given and given[0].type == "relation" and "landlord" in given[0].reason
    assert not own_source_links(
        "The tenants sued, demanding that the landlord repay the deposit and that the lease "
        "be cancelled.",
        [source],
    )


def test_the_means_of_a_passive_may_become_its_subject() -> None:
    # Wevolver (2026-12-06): "could be alleviated through a software algorithm" retold "a
    # software algorithm could alleviate ..." had been refused as a doer the source lacks.
    source = "The slow pace of the ferry could be improved through a new timetable."
    assert not own_source_links(
        "A new timetable could improve the slow pace of the ferry.", [source]
    )


def test_two_things_swapped_round_a_verb_are_flagged() -> None:
    # PC Gamer (trafilatura-eval, 2026-12-06): "Each turn represents a week" was retold
    # "Each week represents a task".
    source = "Each turn represents a week, and you choose a task for each member."
    swapped = own_source_links("Each week represents a turn.", [source])
    assert swapped and swapped[0].type == "role" and "represents" in swapped[0].reason
    assert not own_source_links("Every turn stands for a week.", [source])
    # A set and its members may be told either way round.
    listed = "The hospitals it hit include the Eye Hospital and the Al-Wafa Hospital."
    assert not own_source_links("Other hospitals include the Eye Hospital.", [listed])


def test_a_noun_a_participle_describes_keeps_its_role() -> None:
    # A summary of an XSumFaith test article (2026-12-07) published "there was a driver
    # filming for 30 seconds" for "one driver was filmed for 30 seconds".
    _role_refused(
        "Wardens said that one courier was filmed for 20 seconds driving with no seatbelt.",
        wrong="Wardens said there was a courier filming for 20 seconds without a seatbelt.",
        right="Wardens said there was a courier filmed for 20 seconds without a seatbelt.",
    )


def _role_refused(source: str, *, wrong: str, right: str) -> None:
    """`own_source_links` refuses the wrong retelling of `source` for a role and passes the
    right one."""
    turned = own_source_links(wrong, [source])
    assert turned and turned[0].type == "role", turned
    assert not own_source_links(right, [source])


def test_a_state_that_has_ended_retold_as_lasting_is_flagged() -> None:
    # The seed rewrite with a copy penalty (2026-12-06): "the answer to that question was,
    # until recently, very obvious: NATO membership" retold "NATO membership remained the
    # answer for Ukraine".
    source = "For the club, the answer was, until recently, obvious: a new stadium."
    lasting = own_source_additions(
        "A new stadium remained the answer for the club.", source, source
    )
    assert lasting and lasting[0].type == "modality"
    assert not own_source_additions(
        "Until recently, a new stadium was the answer for the club.", source, source
    )


def test_a_retelling_whose_main_verb_and_subject_are_both_new_is_flagged() -> None:
    # jobsnhire.com (trafilatura-eval, 2026-12-06): "Current issues with CVS Health's
    # products, services, and health initiatives are being addressed" was published for a
    # sentence about the millions of people its products reach.
    source = (
        "Today thousands of families across the county use the buses, trains and ferries "
        "that the transport board runs."
    )
    invented = own_source_additions(
        "Current complaints about the transport board's buses, trains and ferries are being "
        "settled.",
        source,
        source,
    )
    assert invented and "complaints … settled" in invented[0].reason
    # A new verb said of the source's subject, or a new subject framing a clause, is not.
    for faithful in (
        "Thousands of families across the county ride the transport board's buses, trains "
        "and ferries today.",
        "A survey found that thousands of families use the board's buses, trains and ferries.",
    ):
        assert not own_source_additions(faithful, source, source), faithful


def test_a_name_the_retold_sentences_never_give_is_an_addition() -> None:
    # The List (2026-12-06): "... is a mineral called iron" for a sentence naming no
    # mineral; the page names iron elsewhere, so the article-wide checks let it pass.
    source = "Of the many on offer, one is most useful for people who sail alone, says Pike."
    named = own_source_additions(
        "The most useful for people who sail alone is a device called a beacon.", source, source
    )
    assert named and "beacon" in named[0].reason
    kept = "One of the many on offer is most useful for people who sail alone, says Pike."
    assert not own_source_additions(kept, source, source)


def test_what_a_thing_can_be_retold_as_what_it_is_is_flagged() -> None:
    # Healthline (trafilatura-eval, 2026-12-06): "Error rates can be under 1% body fat"
    # was published as "Error rates are typically under 1% body fat".
    source = "Delays can be under five minutes on the short crossing."
    certain = own_source_additions(
        "Delays are usually under five minutes on the short crossing.", source, source
    )
    assert certain and certain[0].type == "modality"
    for kept in (
        "Delays may be under five minutes on the short crossing.",
        "Delays under five minutes are possible on the short crossing.",
    ):
        assert not own_source_additions(kept, source, source), kept


def test_a_score_the_article_never_gives_is_an_addition() -> None:
    # Newsday (trafilatura-eval, 2026-12-06): "In all three cases, the votes ... were tied"
    # was published as "A Senate vote split 3-3".
    source = "In all three cases the council's votes were tied, and the mayor broke the tie."
    tally = own_source_additions("The council's vote split 3-3 in all three cases.", source, source)
    assert tally and tally[0].type == "number"
    scored = "The Rovers led 14-6 at half-time."
    assert not own_source_additions("At half-time the Rovers led 14-6.", scored, scored)
    assert own_source_additions("At half-time the Rovers led 14-8.", scored, scored)


def test_the_subject_of_will_be_able_to_is_the_subject_of_what_follows() -> None:
    # Google's blog page (2026-12-06): "Chrome and other Google apps ... will be able to
    # provide improved protection" retold "... can provide improved protection" was refused
    # for linking Chrome to "provide".
    source = (
        "If you book ahead, the ferry company and other lines you use will be able to offer "
        "better seats."
    )
    assert not own_source_links(
        "If you book ahead, the ferry company and other lines can offer better seats.", [source]
    )


QUAY_FOOTAGE = (
    "The drone footage comes from Dunmere's north quay, which has been used for more than "
    "200 years by the harbour board as a landing place for boats with no berth of their own, "
    "or crews who cannot pay the south quay's fees."
)


def test_a_near_copy_the_parser_links_differently_is_not_a_new_link() -> None:
    # BBC and CBS News pages (2026-12-06): near-copies were sent back three times because
    # the small parser hung a list or a phrase elsewhere than in their source sentences.
    for faithful, source in (
        (
            "The stakes are high for all boats ahead of Tuesday's harbour board vote in "
            "Dunmere, called by the fishermen.",
            "The stakes are high for all of the boats ahead of Tuesday's harbour board vote in "
            "Dunmere, called by the fishermen.",
        ),
        (
            "Landings fell between October 2019 and March 2020, according to harbour data.",
            "Landings fell between October 2019 to March 2020, according to harbour data.",
        ),
    ):
        assert not own_source_links(faithful, [source]), faithful
    # "according to" is a preposition, whatever the parser's tag: it links no fact (BBC).
    cited = [
        "Usually about 40 boats a week land their catch at the north quay, according to the "
        "Dunmere Gazette.",
        "But landings have fallen to a dozen a week since the storms, said harbour master Ann "
        "Rowe.",
    ]
    assert not own_source_links(
        "The Dunmere Gazette reports that usually about 40 boats a week land their catch at "
        "the north quay, but landings have fallen to a dozen a week since the storms, "
        "according to harbour master Ann Rowe.",
        cited,
    )
    # Leaving out the verb of the source's stretch changes who did what: the footage is
    # not what the board used.
    wrong = own_source_links(
        "Drone footage from Dunmere's north quay has been used for more than 200 years by the "
        "harbour board as a landing place for boats with no berth of their own.",
        [QUAY_FOOTAGE],
    )
    assert wrong and wrong[0].type in ("fusion", "relation"), wrong
    # A participle that only describes a noun may be left out (Dominican Today's page).
    issued = (
        "Through the alliance, which will start on June 3, the Norvik airline will offer its "
        "flights with the entire route issued in a single ticket."
    )
    assert not own_source_links(
        "The Norvik airline will offer flights with the entire route in a single ticket "
        "through an alliance starting on June 3.",
        [issued],
    )


CAMERAS = [
    "One firm, Harlow Vision, sells these camera systems to school districts and colleges, "
    "as well as to banks and hospitals.",
    "A second firm said in April that it would give schools a cheaper version.",
    "The spread of cameras has stirred worry among pupils, teachers and privacy campaigners.",
]


def test_a_subject_from_one_sentence_and_a_predicate_from_another_is_a_fusion() -> None:
    # Axios' page (trafilatura-eval, 2026-12-05): a firm's sales and the worry about
    # cameras became "An attempt to introduce surveillance capabilities to school districts
    # ... has raised concerns among students, teachers, and privacy advocates."
    fused = own_source_links(
        "An effort to bring camera systems to school districts and colleges has caused worry "
        "among pupils, teachers and privacy campaigners.",
        CAMERAS,
    )
    assert fused and fused[0].type == "fusion", fused
    for faithful in (
        "Harlow Vision sells camera systems to school districts and colleges.",
        "The spread of cameras worries pupils, teachers and privacy campaigners.",
    ):
        assert not own_source_links(faithful, CAMERAS), faithful


def test_a_retelling_that_keeps_its_sources_links_passes() -> None:
    assert not own_source_links(
        "Maren Lund, a local activist and a friend of the mayor's wife, Ida Berg, launched her "
        "campaign later that day.",
        [CAMPAIGN],
    )
    assert not own_source_links(
        "At an October fundraiser, Ida Berg stayed close to Lund and introduced her to donors "
        "and other guests.",
        [FUNDRAISER],
    )


def test_a_plain_apostrophe_links_as_the_curly_one_does() -> None:
    # The model types plain marks where its source has curly ones; read apart, "Magistrates’
    # Court" parsed as a closing quote and a faithful copy was refused (Trinidad Express,
    # trafilatura-eval, 2026-12-05).
    source = (
        "A 40-year-old man of Orchid Lane, Penal is due to appear at the San Fernando "
        "Magistrates’ Court today after he was charged with the killing of his brother, "
        "Ravi Dookie."
    )
    assert not own_source_links(source.replace("’", "'"), [source])


def test_a_name_set_beside_the_wrong_person_is_flagged() -> None:
    # Trinidad Express (trafilatura-eval, 2026-12-05): "A 35-year-old woman, Sita Jaggesar,
    # ... charged with the murder of her mother" named the accused with her victim's name.
    source = (
        "A 40-year-old man of Orchid Lane, Penal is due to appear at the Siparia "
        "Magistrates’ Court today after he was charged with the killing of his brother, "
        "Ravi Dookie."
    )
    wrong = own_source_links(
        "A 40-year-old man, Ravi Dookie, of Orchid Lane, Penal, is due to appear at Siparia "
        "Magistrates' Court today after being charged with the killing of his brother.",
        [source],
    )
    assert wrong and wrong[0].type == "entity" and "brother" in wrong[0].reason
    assert not own_source_links(
        "A man of Orchid Lane, Penal, aged 40, is due to appear at Siparia Magistrates' Court "
        "today after he was charged with the killing of his brother, Ravi Dookie.",
        [source],
    )


FERRY_PROMISE = (
    '"We will keep the ferry running through the storms," the mayor said, repeating a promise '
    "that has failed every winter since the old harbour closed."
)


def test_the_writers_words_handed_to_a_speaker_are_flagged() -> None:
    # The kind of error read in a rewrite of a real article (2026-12-05): "He added that this
    # theory was widespread ..." where the writer, not he, says so.
    found = own_source_voice(
        "The mayor said the promise has failed every winter since the old harbour closed.",
        FERRY_PROMISE,
    )
    assert found and found[0].type == "attribution" and "promise" in found[0].reason


def test_a_quotation_made_longer_than_the_sources_is_flagged() -> None:
    # BBC (XSumFaith dev, 2026-12-07, published): the source quoted two words of the general;
    # the retelling put the writer's whole sentence in his mouth.
    source = (
        'The mayor told the Gazette that closing the ferry would "badly hurt" the island\'s '
        '"trade".'
    )
    longer = own_source_voice(
        "The mayor said: 'Closing the ferry would badly hurt the island's trade.'", source
    )
    assert longer and longer[0].type == "attribution"
    assert not own_source_voice(
        "The mayor said closing the ferry would 'badly hurt' the island's trade.", source
    )
    # A run the quotation holds too is the speaker's, though the narration has it as well.
    echoed = 'The boats carry the island\'s trade. The mayor said: "The boats carry the mail."'
    assert not own_source_voice('The mayor said: "The boats carry the mail."', echoed)


def test_a_speakers_own_words_stay_theirs() -> None:
    assert not own_source_voice(
        "The mayor said the ferry would keep running through the storms.", FERRY_PROMISE
    )
    # The parser hangs this "that" clause on "became"; it is still what Lund said.
    assert not own_source_voice(
        "Lund said the council had acted within its rules.",
        "Lund said in a statement after the vote became public that the council had acted "
        "within its rules.",
    )
    # A bare "to say" inside what someone said does not make the rest the writer's (BBC,
    # XSumFaith dev, 2026-12-07: the faithful retelling was refused).
    head = (
        "Ada Brook, head of Keel School, said it was not possible to say whether marks are "
        "raised by any single change."
    )
    assert not own_source_voice(
        "Ada Brook, the head of Keel School, said it was not possible to say whether marks "
        "are raised by any single change.",
        head,
    )


# Two speakers in two sentences, of the kind read on a real page (2026-12-06): the first
# sentence is the local paper's, cited; the second is the harbour master's.
TWO_SPEAKERS = (
    "Usually about 40 boats a week land their catch at the north quay, according to the "
    "Dunmere Gazette. But landings have fallen to a dozen since the storms, said harbour "
    "master Ann Rowe."
)


def test_what_a_source_cites_or_someone_estimates_may_be_told_as_theirs() -> None:
    assert not own_source_voice(
        "The Dunmere Gazette reports that about 40 boats a week usually land at the north quay.",
        TWO_SPEAKERS,
    )
    assert not own_source_voice(
        "The board said the repairs could cost four million pounds.",
        "The board has touted estimates that the repairs could cost four million pounds.",
    )
    assert not own_source_voice(
        "The mayor said the quay might stay shut until spring.",
        "Mayor Ellen Moss indicated that the quay might stay shut until spring.",
    )


def test_one_speakers_words_given_to_another_are_flagged() -> None:
    found = own_source_voice(
        "Harbour master Ann Rowe said about 40 boats a week usually land at the north quay.",
        TWO_SPEAKERS,
    )
    assert found and found[0].type == "attribution" and "someone else" in found[0].reason


def test_words_a_second_speaker_reports_inside_the_first_stay_that_speakers() -> None:
    # St Lucia Times' page (2026-12-06): "Reuters ... reported that a DEA complaint said ..."
    # was refused, even copied, as if the words were given to Reuters.
    source = (
        "The Dunmere Gazette reported that a court filing said Tom Hale had agreed to let a "
        "buyer, posing as a shipping agent, use the north quay in return for a payment of "
        "$40,000."
    )
    assert not own_source_voice(
        "The Dunmere Gazette reported that a court filing said Tom Hale had agreed to let a "
        "buyer posing as a shipping agent use the north quay for a payment of $40,000.",
        source,
    )
    found = own_source_voice(
        "Harbour master Ann Rowe said Tom Hale had agreed to let a buyer posing as a shipping "
        "agent use the north quay for a payment of $40,000.",
        source,
    )
    assert found and found[0].type == "attribution"


def test_a_quotation_tagged_by_emphasizes_keeps_its_speaker() -> None:
    # Dominican Today's page (2026-12-06): "highlights that" retold "emphasizes that".
    assert not own_source_speaker(
        'Ann Berg, head of the ferry trust, emphasizes that "the crossing has always belonged '
        'to the people of the island and must stay in their hands."',
        "Ann Berg, head of the ferry trust, highlights that “the crossing has always belonged "
        "to the people of the island and must stay in their hands.”",
    )


def test_what_the_writer_says_is_worth_emphasizing_is_the_writers() -> None:
    # New Republic's page: "It is worth emphasizing that ..." has no one else say it.
    assert not own_source_speaker(
        "The ferry's main feature is a covered deck where passengers can sit out of the rain.",
        "It is worth emphasizing that the ferry's main feature is a covered deck in which "
        "passengers can sit out of the rain.",
    )


def test_two_quotations_each_with_its_speaker_are_not_swapped() -> None:
    # LA Times page (2026-12-06): the parser hung Trump's quotation under Begala's "said".
    source = (
        "“What Mayor Rowe is doing is nothing less than a large scale illegal harbour tax,” "
        "Ken Lowe declared. “It is a big risk for Rowe to debate,” said Ann Berg, who was a "
        "longtime adviser to the harbour board."
    )
    assert not own_source_voice(
        "Ken Lowe declared, “What Mayor Rowe is doing is nothing less than a large scale "
        "illegal harbour tax,” and Ann Berg, who was a longtime adviser to the harbour board, "
        "said, “It is a big risk for Rowe to debate.”",
        source,
    )


def test_a_clause_whose_persons_subject_was_dropped_is_flagged() -> None:
    # CNN's page (2026-12-06): "stories ... that she made her sister-in-law cry" was
    # published as "stories ... that made her sister-in-law cry".
    source = [
        "The mayor was asked about reports in the local press that she had sold the old "
        "ferry to a friend."
    ]
    found = own_source_links(
        "The mayor was asked about reports in the local press that had sold the old ferry to "
        "a friend.",
        source,
    )
    assert found and found[0].type == "role" and "she" in found[0].reason
    assert not own_source_links(
        "The mayor was asked about local press reports that she had sold the old ferry to a "
        "friend.",
        source,
    )


def test_the_seed_rewrites_garbled_renounce_sentence_is_flagged() -> None:
    # Published by every seed rewrite since stop 33: the small parser read the source's
    # "its territory Ukraine would be expected to renounce" with Ukraine as an apposition,
    # so the garble matched it link for link.
    source = [
        "It is not clear how much of its territory Ukraine would be expected to renounce "
        "under a Trump-negotiated peace plan, but Washington appears open to freezing the "
        "frontline in place."
    ]
    found = own_source_links(
        "It is not clear how much of Ukraine's territory would be expected to renounce under "
        "a Trump-negotiated peace plan, but Washington appears open to freezing the "
        "frontline in place.",
        source,
    )
    assert found and found[0].type == "fusion"
    assert not own_source_links(source[0], source)


def test_a_joined_verb_that_takes_the_wrong_subject_is_flagged() -> None:
    # Japan Times' page (2026-12-06): "A hospital employee noticed ..., and the hospital
    # reported the incident to the police" was published as "An employee noticed ... and
    # reported the incident to the police".
    source = [
        "A harbour worker noticed Friday that two life rafts were missing, and the ferry "
        "company reported the loss to the coastguard Sunday."
    ]
    found = own_source_links(
        "A worker noticed the rafts missing on Friday and reported the loss to the "
        "coastguard on Sunday.",
        source,
    )
    assert found and found[0].type == "role" and "the ferry company" in found[0].reason
    # A noun set before the subject's own only says which one: a harbour worker is no harbour.
    assert own_source_links(
        "A harbour worker noticed the missing rafts on Friday and reported it to the "
        "coastguard on Sunday.",
        source,
    )
    assert not own_source_links(
        "A harbour worker noticed on Friday that two life rafts were missing, and the "
        "company reported the loss to the coastguard on Sunday.",
        source,
    )


def test_a_noun_of_the_source_made_a_verb_with_a_new_doer_is_flagged() -> None:
    # The kind of error read in a rewrite of a real article (2026-12-05): "the win at the
    # ballot box marks a victory for X" retold as "X won the ballot box".
    source = [
        "The win at the ballot box marks a victory for the Lindvik Ferry Association, and its "
        "director Tim Berg said it was a win members worked toward for years."
    ]
    found = own_source_links(
        "The Lindvik Ferry Association won the ballot box, marking a victory for the association.",
        source,
    )
    assert found and found[0].type == "relation" and "won" in found[0].reason
    assert not own_source_links(
        "The win at the ballot box is a victory for the Lindvik Ferry Association.", source
    )


def test_what_a_who_clause_has_one_party_do_is_not_given_to_another() -> None:
    # A summary of an XSumFaith test article (2026-12-07): "officers flew out to work with
    # Thai police, who are holding two Burmese suspects" published as "... to work with Thai
    # police to hold two Burmese suspects".
    source = [
        "Coastguard officers from Oban sailed out on Friday to work with Norwegian divers, "
        "who are searching two sunken trawlers."
    ]
    found = own_source_links(
        "Coastguard officers from Oban sailed out to work with Norwegian divers to search two "
        "sunken trawlers.",
        source,
    )
    assert found and found[0].type == "role" and "Norwegian divers" in found[0].reason
    for told in (
        "Coastguard officers sailed out to work with Norwegian divers, who are searching two "
        "sunken trawlers.",
        "Norwegian divers are searching two sunken trawlers.",
        "Divers are searching two sunken trawlers.",
    ):
        assert not own_source_links(told, source), told


def test_a_feeling_set_as_background_is_not_given_to_anyone() -> None:
    # The kind of error read in the seed rewrite with --copy-penalty 2 (2026-12-07): "X
    # hatched the plan amid fears the US could abandon Ukraine" retold as "X, fearing ...".
    source = [
        "The mayor of Lindvik drew up the ferry timetable with the harbour board amid fears "
        "the operator could cut the winter crossings, the Lindvik Post reported."
    ]
    for told in (
        "The mayor of Lindvik drew up the timetable with the harbour board, fearing the "
        "operator could cut the winter crossings, the Lindvik Post reported.",
        "The mayor drew up the timetable with the harbour board because she feared the "
        "operator could cut winter crossings, the Lindvik Post reported.",
        "The mayor's fears that the operator could cut winter crossings led her to draw up "
        "the timetable with the harbour board, the Lindvik Post reported.",
    ):
        found = own_source_links(told, source)
        assert found and found[0].type == "relation", told
    assert not own_source_links(
        "The mayor of Lindvik drew up the timetable with the harbour board amid fears that "
        "the operator could cut winter crossings, the Lindvik Post reported.",
        source,
    )
    # Where the source says whose fears they are, the retelling may say so too.
    owned = [
        "The mayor drew up the timetable amid her fears that the operator could cut crossings."
    ]
    assert not own_source_links(
        "The mayor drew up the timetable, fearing the operator could cut crossings.", owned
    )


def test_a_description_the_article_never_uses_is_flagged() -> None:
    # A summary of an XSumFaith test article (2026-12-07): "The 44-year-old, from Everton,
    # had been shot" published as "44-year-old Everton player shot in head and chest".
    source = "The 52-year-old, from Kilbride, had been injured on the quay. He died later."
    found = own_source_description("The 52-year-old Kilbride skipper was injured.", source)
    assert found and found[0].type == "entity" and "skipper" in found[0].reason
    assert own_source_description("The 52-year-old skipper died later.", source)
    for told in (
        "The 52-year-old from Kilbride was injured on the quay.",
        "The 52-year-old Kilbride man was injured on the quay.",
        "A man from Kilbride was injured on the quay.",
    ):
        assert not own_source_description(told, source), told


def test_a_ban_or_curfew_retold_without_what_it_is_on_is_flagged() -> None:
    # The kind of error read in a rewrite of trafilatura-eval's BBC page (2026-12-07): "a
    # curfew on alcohol sales from 21:00" retold as "a curfew from 21:00".
    source = [
        "Westmere imposed a curfew on ferry ticket sales from 22:00 on Friday to stop crowds "
        "gathering on the quay."
    ]
    found = own_source_scope("Westmere imposed a curfew from 22:00 to stop crowds.", source)
    assert found and found[0].type == "omission" and "curfew" in found[0].reason
    assert own_source_scope("Westmere imposed a curfew on Friday to stop crowds.", source)
    for told in (
        "Westmere imposed a curfew on ticket sales from 22:00 to stop crowds on the quay.",
        "Westmere imposed a ticket sales curfew from 22:00 on Friday.",
        "The curfew starts at 22:00 on Friday.",
        "Westmere acted on Friday to stop crowds gathering on the quay.",
    ):
        assert not own_source_scope(told, source), told
    # A ban the source gives without saying what it is on may be retold the same way.
    assert not own_source_scope("The town imposed a ban.", ["The town imposed a ban on Friday."])


HARBOUR_CHILDHOOD = (
    "Ida Berg was born in Tromso in 1971, where her mother was posted as she served in the "
    "Norwegian Coast Guard."
)


def test_a_new_verb_joining_what_the_source_keeps_apart_is_flagged() -> None:
    # The kind of error read in a rewrite of a real article (2026-12-05): born where her
    # father served in the Air Force, retold as "grew up in the US Air Force".
    found = own_source_links(
        "Ida Berg, born in Tromso in 1971, grew up in the Norwegian Coast Guard.",
        [HARBOUR_CHILDHOOD],
    )
    assert found and found[0].type == "relation" and "grew" in found[0].reason


def test_a_new_verb_between_words_the_source_links_passes() -> None:
    assert not own_source_links(
        "Born in Tromso in 1971, Ida Berg had a mother who worked in the Norwegian Coast Guard.",
        [HARBOUR_CHILDHOOD],
    )
    assert not own_source_links(
        "The mayor named Berg to the board.", ["The mayor appointed Berg to the board."]
    )
    # BBC page (2026-12-06): a verb swapped in place ("reached" for "had topped") was refused
    # for joining words the parse of the source set more than three links apart.
    assert not own_source_links(
        "New figures showed that harbour fee claims reached 6,000 for the second week in a "
        "row, bringing the number of boats out of the water over the last three weeks to 16,800.",
        [
            "New figures on Monday showed harbour fee claims had topped 6,000 for the second "
            "week in a row, bringing the number of boats out of the water over the last three "
            "weeks to 16,800."
        ],
    )


def test_two_facts_of_one_person_joined_by_a_clause_pass() -> None:
    # Read in a rewrite of a real article (2026-12-05): "Raquel Montoya-Lewis, appointed by
    # Governor Jay Inslee, has been sworn in as ..." joins two source sentences' facts about
    # her, and was refused three times.
    sources = [
        "The island has sworn in its first harbour judge, Ida Berg-Lund, who also happens to "
        "be a ferry pilot.",
        "Mayor Tom Hale appointed Berg-Lund, 51, to serve on the harbour court.",
    ]
    assert not own_source_links(
        "Ida Berg-Lund, appointed by Mayor Tom Hale, has been sworn in as the island's first "
        "harbour judge.",
        sources,
    )
    assert own_source_links("Ida Berg-Lund appointed the harbour judge.", sources)


def test_the_subject_of_a_light_verb_does_what_it_hands_on() -> None:
    # trafilatura-eval's Jamaica Observer page (2026-12-06): "A female police inspector
    # sought medical attention ..." for "... had to seek medical attention" was refused
    # for joining inspector and seek.
    source = ["A female harbour inspector had to seek medical help after a rope snapped."]
    assert not own_source_links(
        "A female harbour inspector sought medical help after a rope snapped.", source
    )


def test_a_speaker_the_source_never_mentions_is_flagged() -> None:
    # The kind of error read in a rewrite of a real article (2026-12-05): "ABC13's manager
    # reported to the sheriff's office about a surveillance video" where the salon owner
    # said the sheriff's office took a report.
    story = clean(
        b"Harbour footage\n\nOn Friday night, Berg said shortly after the reporters left "
        b"his office, someone from the harbour police took a report and asked for the "
        b"camera footage.\n"
    )
    check = Verifier(story).sentence
    found = check("The station's manager reported to the harbour police about the footage.")
    assert found.label == "unsupported" and "manager" in found.reason
    assert check("Berg said the harbour police took a report and asked for the footage.").label == (
        "supported"
    )
    assert check("He said the police asked for the camera footage.").label == "supported"


def test_a_belief_verb_taken_from_inside_someones_words_keeps_no_speaker() -> None:
    # Read in a rewrite of a real article (2026-12-05): "Delgado expressed concern about
    # Velázquez's support for the casino plan" from "Delgado said she and some neighbors
    # worried that Velázquez would be swayed to support the casino plan".
    source = "Berg said she and some neighbours worried that the mayor would be swayed to back "
    source += "the casino plan, and that the vote would come too soon."
    found = own_source_speaker(
        "Berg expressed concern about the mayor's backing of the plan.", source
    )
    assert found and found[0].type == "attribution"
    assert not own_source_speaker(
        "Berg said she and her neighbours feared the mayor might be swayed to back the plan.",
        source,
    )


LEVY = (
    "The ferry levy won 2,000 more votes than the dredging plan, for which Berg said he is "
    "thankful. However, he said that more money will be needed next winter."
)


def test_a_retelling_that_drops_the_speaker_is_flagged() -> None:
    # The kind of error read in a rewrite of a real article (2026-12-05): "However, he said
    # that more will need to be done" retold without "he said".
    found = own_source_speaker("However, more money will be needed next winter.", LEVY)
    assert found and found[0].type == "attribution" and "who said it" in found[0].reason


def test_a_short_quotation_does_not_stand_for_the_speaker_it_dropped() -> None:
    # The kind of error read in a summary of an XSumFaith test article (2026-12-07): 'She
    # had been a "guiding example" of what a good monarch should be, he said.' retold
    # without "he said" but with the two quoted words.
    source = 'The ferry had been a "lifeline" for the islands all winter, the harbour master said.'
    found = own_source_speaker('The ferry was a "lifeline" for the islands all winter.', source)
    assert found and found[0].type == "attribution", found
    assert not own_source_speaker(
        'The harbour master said the ferry was a "lifeline" for the islands all winter.', source
    )
    assert not own_source_speaker(
        'The ferry was a "lifeline" for the islands all winter, according to the harbour master.',
        source,
    )


def test_what_someone_calls_itself_is_not_told_as_fact() -> None:
    # The kind of error read in a summary of an XSumFaith test article (2026-12-07): "X
    # describes itself as 'an international temp agency for beautiful and talented people'"
    # retold as "X is an international temp agency for ...".
    source = (
        'Kilbride Ferries describes itself as "the friendliest crossing on the west coast", '
        "and it runs four boats a day."
    )
    for told in (
        "Kilbride Ferries is the friendliest crossing on the west coast and runs four boats a day.",
        "Kilbride Ferries, the friendliest crossing on the west coast, runs four boats a day.",
    ):
        found = own_source_self_description(told, source)
        assert found and found[0].type == "attribution", told
    for told in (
        "Kilbride Ferries calls itself the friendliest crossing on the west coast.",
        "Kilbride Ferries says it is the friendliest crossing on the west coast.",
        "Kilbride Ferries runs four boats a day.",
    ):
        assert not own_source_self_description(told, source), told
    called = "The group calls itself the voice of small farmers, and it met on Friday."
    assert own_source_self_description("The group is the voice of small farmers.", called)


def test_a_clause_that_drops_the_speaker_is_flagged() -> None:
    # Boston Herald (trafilatura-eval, 2026-12-06): "The operation began in July 2020,
    # authorities said, and meetings were set up ..." lost its "authorities said".
    source = (
        "The ferry service began in March 2019, harbour officials said, and tickets were sold "
        "mainly at two kiosks on the quay."
    )
    found = own_source_speaker(
        "The ferry service began in March 2019, and tickets were sold at two kiosks.", source
    )
    assert found and found[0].type == "attribution", found
    kept = "The ferry service began in March 2019, harbour officials said, and tickets were sold."
    assert not own_source_speaker(kept, source)
    assert not own_source_speaker("Tickets were sold mainly at two kiosks on the quay.", source)


def test_a_retelling_that_keeps_the_speaker_or_the_writers_facts_passes() -> None:
    assert not own_source_speaker("Berg said more money will be needed next winter.", LEVY)
    assert not own_source_speaker("Berg believes more money will be needed next winter.", LEVY)
    assert not own_source_speaker(
        "The ferry levy won 2,000 more votes than the dredging plan.", LEVY
    )


def test_a_quotation_about_someone_else_told_as_the_speakers_own_report_is_flagged() -> None:
    # The kind of error read in a rewrite of a real article (2026-12-05): "'He has been hit
    # before,' said X" (of the candidate) retold as "X said he has been hit before".
    source = "\u201cHe has missed the ferry before,\u201d said Tove Arnesen, the harbour master."
    found = own_source_reported_he("Tove Arnesen said he has missed the ferry before.", source)
    assert found and found[0].type == "reference" and "Arnesen" in found[0].reason
    assert not own_source_reported_he(
        "Tove Arnesen said the skipper has missed the ferry before.", source
    )
    assert not own_source_reported_he(
        "Tove Arnesen said he has missed the ferry before.",
        "\u201cI have missed the ferry before,\u201d said Tove Arnesen.",
    )


def test_a_speaker_the_whole_source_never_mentions_is_flagged() -> None:
    # FaithBench's "Experts warn potential buyers ..." and XSumFaith summaries with a
    # spokesman the article never has; found by measuring the own-source rule there.
    verdict = verifier("bridge").sentence(
        "Residents warned that the Wexley river bridge repairs would cost £12m."
    )
    assert verdict.label == "unsupported" and "Residents" in verdict.reason
    assert (
        verifier("bridge")
        .sentence("Engineers said cracks were found in 14 of the bridge's iron girders in January.")
        .label
        == "supported"
    )
    assert (
        verifier("bridge")
        .sentence("The article says the bridge has been closed to lorries since last winter.")
        .label
        == "supported"
    )


def test_a_quotation_over_several_paragraphs_keeps_its_speaker() -> None:
    # The St Kitts Nevis Observer's page (2026-12-05): a governor's words in a quotation
    # that opens in one paragraph and closes two later; read alone, its middle sentences
    # had no quotation marks, and a retelling without the governor passed.
    story = [
        "Ferry to stop on Sundays",
        "The mayor spoke to reporters at the harbour on Monday.",
        "“I know this will be hard news for the islands. The ferry will stop running on "
        "Sundays from March.",
        "We will look at the timetable again in the autumn,” she said.",
    ]
    spans = [("“I know", "from March.")]
    told = _held_types(story, spans, "The ferry will stop running on Sundays from March.")
    assert "attribution" in told
    said = _held_types(
        story, spans, "The mayor said the ferry will stop running on Sundays from March."
    )
    assert "attribution" not in said


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ('"', '"')])
def test_a_quotation_that_opens_in_a_retold_sentence_and_runs_on_is_still_quoted(
    opening: str, closing: str
) -> None:
    # The Nassau Guardian's page (2026-12-06): 'Symonette said, “No, no. The best we can do
    # is ...' runs on into the next paragraph; read alone, the words after its open mark
    # were the writer's, and quoting them faithfully was refused. With straight marks the
    # same: 'The club added: "The board denies ...' (XSumFaith dev, BBC, 2026-12-07).
    story = [
        "Grocers see no end to price rises",
        f"Asked what more shops could do, the owner Ada Brook said, {opening}Very little. "
        "The best we can do is keep the shelves full at fair prices.",
        f"{opening}Flour and eggs have gone up most,{closing} she added.",
    ]
    spans = [("Asked what", "fair prices.")]
    quoted = _held_types(
        story,
        spans,
        "Ada Brook said, “The best we can do is keep the shelves full at fair prices.”",
    )
    assert "attribution" not in quoted
    told = _held_types(
        story, spans, "The best shops can do is keep the shelves full at fair prices."
    )
    assert "attribution" in told


def test_a_short_clause_of_nothing_but_new_words_is_an_addition() -> None:
    # trafilatura-eval's Metro Times and MSN pages (2026-12-06): "..., but problems arose."
    # and "..., it has so far avoided these problems." were published, every word of the
    # added clause new to the sentences retold.
    source = (
        "We tried the harbour chowder, a thick soup of mussels and smoked haddock. "
        "Chowder is usually made with clams, so here the cook is improvising."
    )
    article = clean(("Harbour cafe\n\n" + source + "\n").encode())
    made_from = tuple(
        Evidence(article.text[start:end], start, end, "body")
        for start, end in (
            (article.text.index(s), article.text.index(s) + len(s))
            for s in source.replace(". ", ".\n").split("\n")
        )
    )
    added = Verifier(article).sentence(
        "We tried the harbour chowder, a thick soup of mussels and smoked haddock, but problems "
        "arose.",
        focus=made_from,
    )
    assert added.label == "unsupported" and "addition" in added.types, added.reason
    faithful = Verifier(article).sentence(
        "The cook is improvising here: chowder is usually made with clams.",
        focus=made_from,
    )
    assert faithful.label == "supported", faithful.reason


def test_someone_the_source_only_cites_does_no_deed_in_the_retelling() -> None:
    # trafilatura-eval's Boston Herald page (2026-12-06): "according to Levy and
    # authorities from Homeland Security Investigations" became "The case is being
    # investigated by Levy and authorities ...".
    sentence = (
        "Two harbour pilots are charged with falsifying tide logs, according to Prosecutor "
        "Ada Quist and officers of the coast guard."
    )
    article = clean(("Harbour case\n\n" + sentence + "\n").encode())
    start = article.text.index(sentence)
    made_from = (Evidence(sentence, start, start + len(sentence), "body"),)
    wrong = Verifier(article).sentence(
        "The two harbour pilots are being investigated by Quist and officers of the coast guard.",
        focus=made_from,
    )
    assert wrong.label == "unsupported" and "relation" in wrong.types, wrong.reason
    # The page's own wording, "The case is being investigated by ...", also says what no
    # source sentence does of a case (`core.new_statement` reads it first).
    case = Verifier(article).sentence(
        "The case is being investigated by Quist and officers of the coast guard.",
        focus=made_from,
    )
    assert case.label == "unsupported", case.reason
    said = Verifier(article).sentence(
        "Quist said two harbour pilots are charged with falsifying tide logs.", focus=made_from
    )
    assert "relation" not in said.types, said.reason
    # The same page rerun (2026-12-06): "The charges are based on Levy and authorities
    # ...", published. What came "from" them is still their word.
    based = Verifier(article).sentence(
        "The charges are based on Quist and officers of the coast guard.", focus=made_from
    )
    assert based.label == "unsupported" and "relation" in based.types, based.reason
    came = Verifier(article).sentence(
        "The news of the charges came from Quist and officers of the coast guard.",
        focus=made_from,
    )
    assert "relation" not in came.types, came.reason


def test_a_purpose_the_sources_do_not_give_is_an_addition() -> None:
    # City Limits (2026-12-05): "hours will be extended from 10 a.m. to 9 p.m." was
    # retold with "to accommodate more votes", a reason the page never gives.
    source = "On the first and last days of the count, the hall will open from 9 a.m. to 8 p.m."
    added = own_source_additions(
        "On the first and last days of the count, the hall will open from 9 a.m. to 8 p.m. "
        "to accommodate more voters.",
        source,
        source,
    )
    assert added and added[0].type == "addition" and "accommodate" in added[0].reason
    kept = "The hall will open from 9 a.m. to 8 p.m. on the first and last days of the count."
    assert not own_source_additions(kept, source, source)
    told = "Councillors want the hall to open from 9 a.m. to 8 p.m. on the count's first day."
    assert new_purpose(told, source) is None


def test_a_question_the_sources_do_not_ask_is_an_addition() -> None:
    # Miami Today (2026-12-06): a list of what a trust had asked, retold as questions.
    source = "The board asked how the new quay will work and whether the old ferries can use it."
    asked = own_source_additions("How will the new quay work?", source, source)
    assert asked and asked[0].type == "addition" and "question" in asked[0].reason
    told = "The board asked how the new quay will work and whether the old ferries may use it."
    assert not own_source_additions(told, source, source)
    quoted = "“Will the old ferries use it?” a board member asked."
    assert not own_source_additions(
        "A board member asked if the old ferries will use it?", quoted, quoted
    )


def test_a_cause_the_sources_do_not_give_is_a_relation_error() -> None:
    # PhillyVoice (trafilatura-eval, 2026-12-06): "He poured in 13 huge points, carrying a
    # very slow Sixers offense ..." became "..., helping the Sixers offense struggle ...".
    source = "The captain scored twice in the second half, carrying a tired side to the final."
    told = own_source_additions(
        "The captain scored twice in the second half, helping the side reach the final.",
        source,
        source,
    )
    assert told and told[0].type == "relation" and "helping" in told[0].reason
    kept = "The captain scored twice in the second half, carrying a tired side to the final."
    assert not own_source_additions(kept, source, source)
    helped = "The captain scored twice, helping a tired side to the final."
    assert not own_source_additions(helped, source.replace("carrying", "helping"), source)


def test_a_clause_of_mostly_new_words_is_an_addition() -> None:
    # The Village Voice (trafilatura-eval, 2026-12-06): "..., if he is found to have been
    # spreading lies about the truth", where only "truth" was the source's.
    source = (
        "Considering his distance from the truth, the mayor could end up like another famous "
        "author, the paper said."
    )
    added = own_source_additions(
        "The mayor could end up like another famous author, if he is caught telling lies "
        "about the truth.",
        source,
        source,
    )
    assert added and added[0].type == "addition" and "telling" in added[0].reason, added
    kept = "Given his distance from the truth, the mayor could end up like another famous author."
    assert not own_source_additions(kept, source, source)


def test_there_is_no_content_word_of_a_clause() -> None:
    # FiveThirtyEight (2026-12-06): "There was an opportunity for Buttigieg and Warren to
    # become party leaders" from "there was an opening for a candidate to be embraced by ...
    # the party" passed, "there" counting as a word the source used.
    source = (
        "There was an opening for a candidate to be backed by the harbour board, and Pike "
        "and Lee have tried to look like fresh faces."
    )
    added = own_source_additions(
        "There was an opportunity for Pike and Lee to become board leaders.", source, source
    )
    assert added and added[0].type == "addition"
    assert not own_source_additions(
        "There was an opening for a candidate the harbour board would back.", source, source
    )


def test_the_same_aim_in_another_verb_is_no_new_purpose() -> None:
    # A seed retelling (2026-12-06) said "needed to provide long-term security" for
    # "required by Kyiv to guarantee long-term security" and was sent back as a new purpose.
    source = (
        "A fleet of 40 boats is far less than the 90 the mayor has previously said would be "
        "required by the council to guarantee year-round crossings."
    )
    told = (
        "A fleet of 40 boats is much smaller than the 90 the mayor had previously said would "
        "be needed to provide year-round crossings."
    )
    assert new_purpose(told, source) is None
    other = told.replace("provide year-round crossings", "attract more tourists")
    assert new_purpose(other, source) == "attract"


def test_writers_words_put_in_quotation_marks_are_no_ones_quotation() -> None:
    # FiveThirtyEight (2026-12-06): "Jamie Lovegrove ... said: 'The absence of consensus in
    # the Democratic Party.'" quoted the writer's own closing words as the reporter's.
    source = (
        "“The staff is large,” said Dana Pike, a reporter at the Veldmoor Post. Finally, I "
        "return to the point we began with: the lack of agreement among harbour pilots."
    )
    quoted = own_source_voice(
        "Dana Pike, a reporter at the Veldmoor Post, said: 'The lack of agreement among "
        "harbour pilots.'",
        source,
    )
    assert quoted and quoted[0].type == "attribution"
    assert not own_source_voice(
        "Dana Pike of the Veldmoor Post said: “The staff is large.”", source
    )
    # A scare-quoted term of fewer words than a claim is left alone.
    assert not own_source_voice("The writer returns to the 'lack of agreement'.", source)
    # The List (2026-12-06): reported speech put in marks ("..., said Best" retold as
    # "Best said: '...'").
    reported = (
        "So as long as the pilots keep to the timetable, the ferry will be on time, said Pike."
    )
    quoted = own_source_voice(
        "Pike said: 'So as long as the pilots keep to the timetable, the ferry will be on time.'",
        reported,
    )
    assert quoted and quoted[0].type == "attribution"
    assert not own_source_voice(
        "Pike said that as long as the pilots keep to the timetable, the ferry will be on time.",
        reported,
    )
    # Tribune 242 (2026-12-06): the answer makes the question's words the speaker's, unless
    # it denies them.
    asked = (
        "Asked if the fire was possibly connected to the earlier blaze at the quay, "
        "harbour master Ann Rowe said it was possible."
    )
    assert not own_source_voice(
        "Ann Rowe said the fire might be connected to the earlier blaze at the quay.", asked
    )
    denied = asked.replace("said it was possible", "said there was no evidence of that")
    assert own_source_voice(
        "Ann Rowe said the fire was connected to the earlier blaze at the quay.", denied
    )
    # Breaking Belize News (2026-12-06): "..., warns PAHO Director Carissa F. Etienne", a
    # speech tag the parser reads as a second clause, and a faithful "Etienne warns that ...".
    assert not own_source_voice(
        "Harbour master Ann Rowe warns that the island cannot ignore the risk of more storms "
        "this winter.",
        "The island cannot ignore the risk of more storms this winter, warns harbour master "
        "Ann Rowe.",
    )


def test_a_never_the_sources_do_not_have_is_a_polarity_error() -> None:
    # FiveThirtyEight (2026-12-06): "none of the Trump-district House Democrats" was retold
    # "none of the Never Trump-district House Democrats" and passed.
    source = "None of the harbour pilots have backed Dana Pike, and the board has not met."
    never = own_source_additions(
        "None of the harbour pilots have ever backed Dana Pike, and the board has never met.",
        source,
        source,
    )
    assert never and never[0].type == "polarity"
    assert not own_source_additions(
        "The board has not met, and no harbour pilot has backed Dana Pike.", source, source
    )
    assert not own_source_additions(
        "Pike said she will never stop.", "Pike said she would never stop.", "Pike"
    )


def test_what_the_sources_say_of_some_told_of_all_is_an_addition() -> None:
    # FiveThirtyEight (2026-12-06): "projects, some of which invest millions" was retold
    # "projects, which invest millions".
    source = "Pike's charities gave money to the harbour towns, some of which repaired the quay."
    whole = own_source_additions(
        "Pike's charities gave money to the harbour towns, which repaired the quay.", source, source
    )
    assert whole and whole[0].type == "addition" and "'some' of them" in whole[0].reason
    assert not own_source_additions(
        "Pike's charities funded the harbour towns, and some of them repaired the quay.",
        source,
        source,
    )
    assert not own_source_additions(
        "Pike's charities gave money to the harbour towns.", source, source
    )


def test_what_they_say_aside_is_their_words() -> None:
    # LA Times (2026-12-06): "Turnout ... is notoriously low, they say, and the billionaire
    # has not confronted ..." was retold without "they say" and passed.
    source = (
        "Others see trouble ahead. Turnout in harbour elections is notoriously low, they say, "
        "and the ferry board has not faced a sustained attack."
    )
    dropped = own_source_speaker(
        "Turnout in harbour elections is notoriously low, and the ferry board has not faced a "
        "sustained attack.",
        source,
    )
    assert dropped and dropped[0].type == "attribution"
    kept = "Turnout in harbour elections is notoriously low, others say."
    assert not own_source_speaker(kept, source)


def test_a_quotation_set_in_a_retelling_keeps_its_speaker() -> None:
    # LA Times (2026-12-06): '... will give voters "a live demonstration of how we each take
    # on an egomaniac billionaire."' had lost the page's "she said Tuesday".
    source = (
        "Pike's ferry vote will give voters “a live test of how we each handle a reckless "
        "harbour board,” she said Tuesday."
    )
    unowned = own_source_speaker(
        "Pike's ferry vote will give voters “a live test of how we each handle a reckless "
        "harbour board.”",
        source,
    )
    assert unowned and "without saying who said it" in unowned[0].reason
    owned = (
        "Pike's ferry vote will give voters “a live test of how we each handle a reckless "
        "harbour board,” she said."
    )
    assert not own_source_speaker(owned, source)
    assert not own_source_speaker("“A live test of how we each handle a reckless board.”", source)


def test_what_many_did_told_of_all_through_a_participle_is_an_addition() -> None:
    # LA Times (2026-12-06): "Other candidates also have stepped up their attacks, many
    # finding Bloomberg's ability ... galling" was retold "..., finding ...".
    source = (
        "Other pilots have stepped up their complaints, many finding the new timetable galling."
    )
    whole = own_source_additions(
        "Other pilots have raised their complaints, finding the new timetable galling.",
        source,
        source,
    )
    assert whole and "'many'" in whole[0].reason
    kept = "Other pilots have raised their complaints, many finding the new timetable galling."
    assert not own_source_additions(kept, source, source)


def test_no_one_in_particular_made_a_speaker_is_an_invented_attribution() -> None:
    # LA Times (2026-12-06): "'If women wanted ...,' read one" (one of the remarks in a
    # booklet) was retold "One person wrote: ...".
    source = "“Fares should double,” read one. Pike denies ever saying it."
    invented = own_source_voice("One person wrote: “Fares should double.”", source)
    assert invented and "no such speaker" in invented[0].reason
    assert not own_source_voice("“Fares should double,” read one of the notes.", source)
    assert not own_source_speaker("“Fares should double,” read one.", source)
    said = "One person said fares should double, and Pike denies ever saying it."
    assert not own_source_voice(said, "One person said fares should double. Pike denies it.")


def test_a_thing_given_to_another_owner_is_a_relation_error() -> None:
    # XSumFaith dev (BBC, 2026-12-06, published): "Marcy Smith was woken up by her son David
    # to find their house ... engulfed in flames" became "... her son David's house ...".
    source = "Ana Ruiz was woken by her son Tomas to find their barn on fire."
    wrong = own_source_links("Ana Ruiz woke to find her son Tomas's barn on fire.", [source])
    assert wrong and wrong[0].type == "relation" and "their" in wrong[0].reason
    other = "The council rejected Lopez's plan for the barn."
    assert own_source_links("The council rejected Ruiz's plan for the barn.", [other])
    # A name for the source's "his" or a speaker's "my" is how a retelling may say it.
    his = "Tomas said his barn was on fire."
    assert not own_source_links("Tomas said Tomas's barn was on fire.", [his])
    mine = '"My barn is on fire," Tomas said.'
    assert not own_source_links("Tomas said Tomas's barn was on fire.", [mine])
    # "his" for an owner the sentences name and the retelling does not (BBC, published:
    # "nothing in his statement" for "nothing in the PM's statement", about Salmond).
    statement = "A spokesman said Mr Reyes had read the mayor's statement."
    told = own_source_links("A spokesman said Tom Reyes had read his statement.", [statement])
    assert told and "'his'" in told[0].reason and "'mayor'" in told[0].reason
    named = "The mayor said Mr Reyes had read his statement."
    assert not own_source_links(named, [statement])


def test_a_name_that_only_describes_a_party_made_a_party_is_a_relation_error() -> None:
    # XSumFaith dev (BBC, 2026-12-07, published): "backers include Tesla Motors and SpaceX
    # CEO Elon Musk, ..." became "backers include Tesla Motors, SpaceX CEO Elon Musk, ...".
    source = "The fund's donors include Harbour Mills and Keel Foods chairman Ada Brook."
    listed = own_source_links(
        "The fund's donors include Harbour Mills, Keel Foods chairman Ada Brook.", [source]
    )
    assert listed and listed[0].type == "relation" and "Harbour Mills" in listed[0].reason
    assert not own_source_links(
        "Ada Brook, who chairs Harbour Mills and Keel Foods, is among the fund's donors.",
        [source],
    )
    # An owner may do what its thing does.
    donation = "Orla Bank's donation will cover half of the price."
    assert not own_source_links("Orla Bank will cover half of the price.", [donation])


def test_the_one_quoted_put_where_the_quotation_says_him_is_flagged() -> None:
    # XSumFaith dev (BBC, 2026-12-07, published): 'Olympic gold medallist Chris Boardman.
    # "... And what a ride that was for him."' (Latham's ride) became "The ride was a
    # memorable one for Chris."
    story = [
        "Late sprint wins silver for Dunmere rower",
        "Rowing coach Ada Brook.",
        "“Tom Kerr rowed a clever race. What a finish that was for him.",
        "“He will be hard to beat next year.”",
    ]
    spans = [("Rowing coach", "Ada Brook."), ("“Tom Kerr", "for him.")]
    assert "reference" in _held_types(story, spans, "It was a fine finish for Ada.")
    right = _held_types(story, spans, "Ada Brook said it was a fine finish for Tom Kerr.")
    assert "reference" not in right


def test_words_given_to_a_speaker_quoted_only_after_them_are_flagged() -> None:
    # XSumFaith dev (BBC, 2026-12-07, published): the second paragraph of Prof Woodward's
    # quotation was given to Tim Cook, quoted two sentences on saying something else.
    story = [
        "Ferry firm to fit new radar",
        "“Radar should be fitted on every boat,” said harbour master Ada Brook.",
        "“It costs little, and it would have saved the Dunmere.",
        "“We have learned from that night,” chief executive Tom Kerr told the paper.",
    ]
    spans = [("“It costs", "the Dunmere."), ("“We have learned", "the paper.")]
    wrong = 'Tom Kerr said: "It costs little, and it would have saved the Dunmere."'
    assert "attribution" in _held_types(story, spans, wrong)
    right = 'Tom Kerr said: "We have learned from that night."'
    assert "attribution" not in _held_types(story, spans, right)


def test_an_opening_clause_set_before_another_sentences_subject_is_a_fusion() -> None:
    # XSumFaith dev (BBC, 2026-12-07, published): "After being reduced to 8-2, Yorkshire's
    # run-chase was undermined by ..." where it was Surrey who were 8-2.
    story = [
        "Harbour Town win the cup",
        "After being reduced to 8-2, they posted 255-7 with a stand of 130 from Ola Berg.",
        "Bay Rovers' reply was ended by three wickets in nine balls from Tom Kerr.",
    ]
    spans = [("After being", "Ola Berg."), ("Bay Rovers'", "Tom Kerr.")]
    wrong = "After being reduced to 8-2, Bay Rovers' reply was ended by three wickets from Kerr."
    assert "fusion" in _held_types(story, spans, wrong)
    right = "After being reduced to 8-2, they posted 255-7, Ola Berg making a stand of 130."
    assert "fusion" not in _held_types(story, spans, right)


def test_a_retelling_that_leaves_out_the_verb_it_means_is_flagged() -> None:
    # XSumFaith dev (BBC, 2026-12-07, published): "If they don't, they'll be blocked." from
    # "They are also required to enter a four-digit code ... If the person does not enter
    # the code, they are refused access ...".
    story = [
        "Ferry tickets go online",
        "Passengers must also show a code sent to their phone.",
        "If a passenger does not show the code, they are refused boarding.",
    ]
    spans = [("Passengers must", "their phone."), ("If a passenger", "refused boarding.")]
    assert "grammar" in _held_types(story, spans, "If they don't, they can't board.")
    right = "Passengers who do not show the code sent to their phone are refused boarding."
    assert "grammar" not in _held_types(story, spans, right)


def test_one_person_doing_what_a_quotation_has_we_do_is_flagged() -> None:
    # XSumFaith dev (BBC, 2026-12-07, published): "He dealt with those well." from
    # Ferguson's '"... we picked up a couple of other injuries but we dealt with that well,"
    # said Ferguson'.
    story = [
        "Ferry back on time",
        "“The engine failed twice but we dealt with that well,” said skipper Tom Kerr.",
    ]
    spans = [("“The engine", "Tom Kerr.")]
    wrong = "Tom Kerr said he dealt with the failures well."
    assert "attribution" in _held_types(story, spans, wrong)
    right = "Tom Kerr said the crew dealt with the engine failing twice well."
    assert "attribution" not in _held_types(story, spans, right)


def test_an_aside_about_a_person_with_new_nouns_is_an_addition() -> None:
    # XSumFaith dev (BBC, 2026-12-06, published): "Mrs. Smith, who was in charge of the
    # fire, said ..." where the source says only that she burned rubbish in the stove.
    source = '"The smoke was everywhere," Ana Ruiz told reporters. She said the barn burned.'
    told = own_source_additions(
        'Ana Ruiz, who was in charge of the barn, said: "The smoke was everywhere."', source, source
    )
    assert told and told[0].type == "addition" and "charge" in told[0].reason
    # Its words in the source, or a verb reworded, is no addition.
    kept = 'Ana Ruiz, who said the barn burned, told reporters: "The smoke was everywhere."'
    assert not own_source_additions(kept, source, source)
    led = "Ana Ruiz, who headed the crew, spoke."
    assert not own_source_additions("Ana Ruiz, who led the crew, spoke.", led, led)


def test_a_definite_noun_for_the_sources_indefinite_one_is_a_reference_error() -> None:
    # XSumFaith dev (BBC, 2026-12-06, published): "A spokesman stated that Mr Salmond ..."
    # became "The spokesman stated ...", after a sentence about Salmond, a spokesman himself.
    source = "A spokesman said the ferry was late."
    told = own_source_definite("The spokesman said the ferry was late.", [source])
    assert told and told[0].type == "reference" and "a spokesman" in told[0].reason
    assert not own_source_definite("A spokesman said the ferry was late.", [source])
    # A thing qualified by its name, or by an owner, is definite without being named before.
    line = "The trust runs a Bus Rapid Transit line."
    assert not own_source_definite("The trust runs the Bus Rapid Transit line.", [line])
    rate = "Denmark recorded a rate of 65 cases."
    assert not own_source_definite("Denmark's rate was 65 cases.", [rate])


def test_a_speaker_made_of_whom_a_report_was_done_for_is_an_attribution_error() -> None:
    # XSumFaith dev (BBC, 2026-12-06, published): "A review for the Commission on Local
    # Tax Reform said ..." became "The Commission on Local Tax Reform said ...".
    source = 'A review for the Harbour Board said the ferry was "not fit to sail".'
    told = own_source_links('The Harbour Board said the ferry was "not fit to sail".', [source])
    assert told and told[0].type == "attribution" and "'review'" in told[0].reason
    assert not own_source_links('A review said the ferry was "not fit to sail".', [source])
    # A spokesman for them, or a report by them, speaks for them.
    spokesman = 'A spokesman for the Harbour Board said the ferry was "not fit to sail".'
    assert not own_source_links('The Harbour Board said the ferry was "not fit".', [spokesman])
    report = 'A report by the Harbour Board said the ferry was "not fit to sail".'
    assert not own_source_links('The Harbour Board said the ferry was "not fit".', [report])


def test_two_events_put_the_other_way_round_by_the_same_time_are_flagged() -> None:
    # A BBC rewrite (XSumFaith dev, 2026-12-07) made "comes four days after X was removed"
    # into "X was removed ... four days later".
    verifier_ = _story(
        "Harbour win lifts Kestrels",
        "The win lifts Kestrels off the bottom and comes four days after coach Ada Flint "
        "was sacked. Captain Rui Sato scored twice.",
    )
    swapped = verifier_.sentence(
        "The win lifts Kestrels off the bottom, and Flint was sacked four days later."
    )
    assert swapped.label == "contradicted" and "relation" in swapped.types, swapped.reason
    for faithful in (
        "Flint was sacked four days before the win.",
        "Four days after Flint was sacked, Kestrels won.",
        "The win came four days after Flint was sacked.",
    ):
        kept = verifier_.sentence(faithful)
        assert "relation" not in kept.types, (faithful, kept.reason)


def test_an_its_for_a_persons_thing_is_refused_but_not_for_a_firms() -> None:
    # BBC (XSumFaith dev, 2026-12-07, published): "the murdered opposition politician's
    # colleagues" retold as "its colleagues", after "The report was never written".
    made_from = [
        "The survey was never finished, but the drowned harbour historian's students, led by "
        "Ola Vik, have since worked to complete it."
    ]
    its = own_source_links(
        "The survey was never finished, but its students, led by Ola Vik, have since worked "
        "to complete it.",
        made_from,
    )
    assert its and its[0].type == "relation", its
    named = "The survey was never finished, but the historian's students have since worked on it."
    assert not own_source_links(named, made_from)
    firm = ["Until now the code was not asked for when owners used the firm's back-up service."]
    assert not own_source_links(
        "Kestrel Ltd did not ask for the code when owners used its back-up service.", firm
    )


def test_what_someone_is_only_described_as_doing_stated_as_fact_is_flagged() -> None:
    # A BBC rewrite (XSumFaith dev, 2026-12-07, published): "A Russian army veteran,
    # described as helping to enlist volunteers, says ..." became "..., who helped enlist
    # volunteers, says ...".
    verifier_ = _story(
        "Ferry crews short",
        "A retired skipper, described as helping to recruit deckhands, says the pay is too low.",
    )
    told = verifier_.sentence(
        "A retired skipper, who helped recruit deckhands, says the pay is too low."
    )
    assert "modality" in told.types, told.reason
    kept = verifier_.sentence(
        "A retired skipper described as helping to recruit deckhands says the pay is too low."
    )
    assert kept.label == "supported", kept.reason


def test_a_reported_clause_of_invented_words_is_an_addition_whatever_common_words_it_has() -> None:
    # A published summary (XSumFaith test, 2026-12-07): "Lars Vogt said some of the
    # problems had been solved", from a quotation about music with neither word; "some"
    # had kept a third of the clause "known".
    said = '"We have come to hear the old ferry songs as cheerful," said choir leader Ana Vik.'
    invented = own_source_additions(
        "Choir leader Ana Vik said some of the faults had been fixed.", said, said
    )
    assert invented and invented[0].type == "addition", invented
    kept = "Choir leader Ana Vik said they have come to hear the old ferry songs as cheerful."
    assert not own_source_additions(kept, said, said)


# Errors read in summaries of unread XSumFaith test articles (2026-12-07, all published
# before these checks), each retold here as an invented story.


def test_a_participle_clause_gives_its_action_to_the_subject_it_hangs_on() -> None:
    # "Michael Luciw was hit by a Mazda Premacy while driving the wrong way" from "... was
    # a passenger in a van that was hit by a Mazda Premacy, being driven the wrong way".
    source = [
        "Dana Firth, 31, was a passenger in a taxi that was struck by a lorry, being driven "
        "the wrong way along the bypass by Ola Brandt."
    ]
    found = own_source_links(
        "Dana Firth was struck by a lorry while driving the wrong way along the bypass.", source
    )
    assert found and found[0].type == "role", found
    assert not own_source_links(
        "Dana Firth was a passenger in a taxi struck by a lorry being driven the wrong way "
        "along the bypass.",
        source,
    )


def test_an_ing_clause_with_no_subject_is_done_by_its_head_clause_subject() -> None:
    # "Hosts lost strikers ... to injuries, transforming the stadium mood" from "the mood
    # ... was transformed in the space of two second-half minutes".
    source = [
        "The visitors lost two defenders to injuries, but the mood of the crowd was changed "
        "in the space of three minutes after the break."
    ]
    found = own_source_links(
        "The visitors lost two defenders to injuries, changing the mood of the crowd.", source
    )
    assert found and found[0].type == "relation", found
    assert not own_source_links(
        "The visitors lost two defenders to injuries, but the mood of the crowd was changed "
        "within three minutes after the break.",
        source,
    )


def test_a_work_of_its_maker_is_not_a_work_showing_its_maker() -> None:
    # "The portrait of renowned American artist Tim O'Brien" from "The portrait was
    # painted by renowned American artist Tim O'Brien".
    source = ["The mural was painted by celebrated Lisbon artist Ines Varga and opens in May."]
    found = own_source_links(
        "The mural of celebrated Lisbon artist Ines Varga opens in May.", source
    )
    assert found and "painted" in found[0].reason, found
    assert not own_source_links(
        "The mural by celebrated Lisbon artist Ines Varga opens in May.", source
    )


def test_a_subject_that_names_another_of_its_kind_is_another_subject() -> None:
    # "Newcastle College has closed its Westbank campus" from "The sports college closed
    # ..., while Skelmersdale College's Westbank campus, owned by Newcastle College, is
    # also unused."
    source = [
        "The arts college closed in June, while Dunmore College's east campus, owned by "
        "Harlow College, is also empty."
    ]
    found = own_source_links(
        "Harlow College has closed its east campus, while the arts college is also empty.", source
    )
    assert found and found[0].type == "role", found
    assert not own_source_links("The Kilbride arts college closed in June.", source)


def test_one_name_made_both_doer_and_done_to_is_a_relation_error() -> None:
    # "Serco Northlink will return to operator Serco Northlink from next month."
    source = ["The new deal will see the ferry services return to operator Tarn Ferries in May."]
    found = self_linked("Tarn Ferries will return to operator Tarn Ferries in May.", source)
    assert found == ("ferries", "return"), found
    assert self_linked("The ferry services return to operator Tarn Ferries in May.", source) is None
    # A name the sources give twice may meet itself: "Dunmore beat Dunmore's reserves".
    twice = ["Dunmore beat the reserve side of Dunmore 2-0."]
    assert self_linked("Dunmore beat Dunmore's reserves 2-0.", twice) is None


def test_a_retelling_written_as_a_headline_is_sent_back() -> None:
    # "MSF hospital was severely damaged by strikes ..." for "The MSF hospital ...".
    source = "The harbour office at Dunmere was closed on Monday after the flood."
    found = own_source_headline("Harbour office was closed on Monday after the flood.", source)
    assert found and found[0].type == "grammar", found
    assert not own_source_headline("The harbour office was closed on Monday.", source)
    assert not own_source_headline("Staff were sent home.", "Staff were sent home early.")
    # A capital at the start makes the tagger call the noun a name (XSumFaith test,
    # 2026-12-07: "Conductor founded Academy of Ancient Music in 1973 ...").
    founded = "The conductor founded the Dunmere Festival Orchestra in 1973."
    assert own_source_headline("Conductor founded Dunmere Festival Orchestra in 1973.", founded)
    assert not own_source_headline("Hogwood founded the orchestra in 1973.", founded)


def test_an_aim_the_source_does_not_give_is_a_new_purpose() -> None:
    # "The aim of planting millions of native UK trees ... is to avoid problems."
    source = "Its aim is to plant 500 oaks on the common to mark the town's 800th year."
    assert new_purpose("The aim of planting 500 oaks on the common is to cut costs.", source)
    assert not new_purpose("The aim is to plant 500 oaks to mark the town's 800th year.", source)


def test_what_something_faced_is_not_what_happened_to_it() -> None:
    # "80,000 works ... were auctioned" from "80,000 works ... faced being auctioned".
    verifier_ = _story(
        "Pottery sale",
        "About 900 vases faced being sold to pay the pottery firm's debts.",
    )
    told = verifier_.sentence("About 900 vases were sold to pay the pottery firm's debts.")
    assert "modality" in told.types, told.reason
    kept = verifier_.sentence("About 900 vases faced being sold to pay the firm's debts.")
    assert kept.label == "supported", kept.reason


def test_what_is_only_reported_to_have_happened_is_not_stated_as_fact() -> None:
    # "Shanghai ... are reported to have agreed a deal worth £40m for Tevez" published as
    # "Shanghai agreed a £40m deal with Tevez" (XSumFaith test summary, 2026-12-07).
    verifier_ = _story(
        "Ferry sale",
        "Harlow Ferries are reported to have agreed a deal worth £4m for the island route.",
    )
    focus = verifier_.focus(["Harlow Ferries agreed a deal for the island route."])
    told = verifier_.sentence("Harlow Ferries agreed a £4m deal for the island route.", focus=focus)
    assert "modality" in told.types, told.reason
    kept = "Harlow Ferries are reported to have agreed a £4m deal for the island route."
    assert verifier_.sentence(kept, focus=focus).label == "supported"
    # Read against the whole article, as FaithBench's annotators read summaries, it passes.
    assert verifier_.sentence("Harlow Ferries agreed a £4m deal for the island route.").label == (
        "supported"
    )


def test_a_hedge_reaches_a_joined_verb_but_not_a_joined_clause() -> None:
    from retell.verify.modality import turned_to_fact

    source = ["Mr Hale allegedly broke into the depot and stole a van on Tuesday."]
    assert turned_to_fact("Mr Hale stole a van on Tuesday.", source)
    # The retelling that keeps "allegedly" for both verbs states neither.
    kept = "Mr Hale allegedly broke into the depot and stole a van on Tuesday."
    assert turned_to_fact(kept, source) is None
    # A clause of its own after "but" is not under the doubt of the one before.
    doubted = ["The cost is unclear, but engineers say the bridge needs new cables."]
    assert turned_to_fact("Engineers say the bridge needs new cables.", doubted) is None


def test_a_source_sentence_kept_word_for_word_is_the_sources_own() -> None:
    # A summary kept a source sentence as it stood, and the grammar check, misreading it,
    # called it verbless (XSumFaith test, 2026-12-07).
    kept = (
        "The 27-year-old finished fifth and seventh in the 1500m and 5,000m at the World "
        "Indoor Championships."
    )
    verifier_ = _story("Runner", "The club named its new captain on Monday.", kept)
    assert verifier_.sentence(kept).label == "supported"
    changed = kept.replace("seventh", "eighth")
    assert verifier_.sentence(changed).label != "supported"


def test_what_a_court_heard_keeps_its_source_even_with_the_court_as_a_setting() -> None:
    # A summary of an XSumFaith test article (2026-12-07) published "In the trial, Dhillon
    # became obsessed with the 24-year-old and stalked her." from "The trial ... heard
    # Dhillon had become obsessed with the 24-year-old and had stalked her."
    source = "The inquest at Dunmere heard Hale had ignored the tide warnings and had sailed alone."
    for retelling in (
        "At the inquest, Hale ignored the tide warnings and sailed alone.",
        "Hale had ignored the tide warnings and had sailed alone.",
    ):
        dropped = own_source_speaker(retelling, source)
        assert dropped and dropped[0].type == "attribution", retelling
    assert not own_source_speaker(
        "The inquest heard that Hale had ignored the tide warnings and sailed alone.", source
    )


def test_a_verdict_the_article_never_gives_is_a_new_statement() -> None:
    # A summary of an XSumFaith test article (2026-12-07) published "Bradford dominated
    # the opening period, securing a victory over the visitors." of a 1-1 draw.
    source = "Dunmere dominated the first half as the visitors' defence held out. It ended 1-1."
    added = own_source_predicate("Dunmere dominated the first half, securing a win.", source)
    assert added and added[0].type == "addition"
    # A paraphrase in new words passes a verdict on nothing.
    assert not own_source_predicate("Dunmere dominated the first half, keeping the ball.", source)
    assert not own_source_predicate(
        "Dunmere dominated the first half while the visitors' defence held out.", source
    )


def test_a_name_among_what_it_owns_is_a_pronoun_given_the_wrong_name() -> None:
    # A summary of an XSumFaith test article (2026-12-07) published "Sue Hills's parents
    # Sue Hills and Clive Ruggles described ..." for "Her parents Sue Hills and ...".
    text = "Her parents Ada Quist and Tom Hale described the storm to the harbour board."
    story = Verifier(clean(("Harbour inquest\n\n" + text + "\n").encode()))
    wrong = story.sentence("Ada Quist's parents Ada Quist and Tom Hale described the storm.")
    assert wrong.label == "unsupported" and "reference" in wrong.types, wrong.reason
    right = story.sentence("Her parents, Ada Quist and Tom Hale, described the storm.")
    assert "reference" not in right.types, right.reason


def test_a_passive_retelling_does_not_hand_the_joined_verb_to_the_object() -> None:
    # A summary of an XSumFaith test article (2026-12-07) published "A member of staff was
    # threatened with a knife and demanded money before escaping with the cash." from
    # "They threatened a member of staff with a knife and demanded money ...".
    _role_refused(
        "They cornered a ferry clerk with a crowbar and took the takings before fleeing.",
        wrong="A ferry clerk was cornered with a crowbar and took the takings before fleeing.",
        right="A ferry clerk was cornered by two men, who took the takings before fleeing.",
    )
