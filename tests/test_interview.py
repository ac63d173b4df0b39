"""Interview pages (`retell.rewrite.interview`): questions are not retold, answers are
asked for in the third person, and an answer that keeps "I" is published as the
interviewee's quotation. The interviews below are invented for these tests; their people
have names spaCy's small model tags as people, as the module needs."""

from __future__ import annotations

from retell import clean
from retell.backends import FakeBackend
from retell.backends.base import Message
from retell.rewrite.draft import RewriteOptions, draft, plan
from retell.rewrite.interview import asks, first_person, interview

PAGE = "\n\n".join(
    [
        "Meet Harbour Painter Helen Marlow - Westmere Weekly",
        "Helen Marlow paints the boats of Westmere harbour on salvaged sailcloth. Her new "
        "series opens at the Quay Gallery on Friday and runs until the end of March.",
        "WESTMERE WEEKLY: How did you start painting on sailcloth?",
        "HELEN MARLOW: I found a torn mainsail behind the chandlery in 2019. I had no money "
        "for canvas, so I stretched it over a door frame and started painting the ferry.",
        "What are you working on now?",
        "I am! I am painting every boat that still fishes from the harbour. There are eleven of "
        "them left, and I have finished seven.",
        "Who would you most like to work with?",
        "My dream would be a joint show with the printmaker Tomas Reyes, whose harbour "
        "prints I have collected for years.",
    ]
)


def test_a_question_and_answer_page_is_read_as_an_interview() -> None:
    article = clean(PAGE)
    found = interview(article)
    assert found is not None and len(found.questions) == 3
    assert set(found.speakers.values()) == {"Marlow"} and not found.answers(1)
    assert asks("What are you working on now?")
    assert not asks("I am painting every boat.")
    assert first_person("I found a torn mainsail.") and not first_person("She said “I won”.")


def test_a_question_followed_by_a_remark_of_the_interviewer_still_asks() -> None:
    # InStyle (trafilatura-eval, 2026-12-06): "Coils to Locs wigs are made of synthetic
    # hair. Do you have any plans to offer human hair wigs? I know it's quite difficult to
    # source ..." was taken for the interviewee's answer and published as her words.
    assert asks(
        "Your boats are painted on sailcloth. Do you ever use canvas? I know it is hard to "
        "find old sails."
    )
    assert not asks("I asked myself: what would you paint? Then I started on the ferry.")
    assert not asks("I paint boats. Canvas is too dear for me.")


def test_a_story_that_quotes_someone_is_no_interview() -> None:
    story = clean(
        "Ferry kept\n\nCouncillors voted to keep the ferry. “Why would we cut it?” asked "
        "Helen Marlow.\n\nThe vote was 7 to 4. “I am delighted,” Marlow said.\n"
    )
    assert interview(story) is None


def test_questions_are_not_retold_and_answers_name_the_speaker() -> None:
    requests = [
        r for group in plan(clean(PAGE), RewriteOptions(ratio=1.0), FakeBackend()) for r in group
    ]
    sources = " ".join(r.source for r in requests)
    assert "?" not in sources and "I am!" not in sources
    answers = [r for r in requests if "I " in r.source]
    assert answers and all(r.speaker == "Marlow" for r in answers)
    assert "Marlow's words" in answers[0].messages[-1].content
    assert all(r.speaker == "" for r in requests if r.source.startswith("Helen Marlow paints"))


def test_an_answer_retold_in_the_third_person_is_published() -> None:
    def writer(messages: list[Message]) -> str:
        source = messages[-1].content.split("<source>")[1].split("</source>")[0]
        if source.startswith("I am painting"):
            return "Marlow is painting every boat that still fishes from the harbour."
        if "Reyes" in source:
            return "A joint show with the printmaker Tomas Reyes is a dream."
        return source

    options = RewriteOptions(ratio=1.0, piece_words=12)
    result = draft(clean(PAGE), FakeBackend(writer), options)
    texts = {piece.text: piece.outcome for piece in result.pieces()}
    told = next(text for text in texts if "every boat" in text)
    assert told.startswith("Marlow is painting") and texts[told] == "retold"
    # An answer the model gave back in the first person is the interviewee's quotation, and
    # so is one retold without naming her.
    kept = next(text for text in texts if "mainsail" in text)
    assert kept.startswith("Marlow said: “") and texts[kept] == "kept"
    dream = next(text for text in texts if "Reyes" in text)
    assert dream.startswith("Marlow said: “My dream") and texts[dream] == "kept"


def test_each_answer_is_given_to_the_person_its_label_names() -> None:
    # A page interviewing two people, each answer opening with a first name (an AMP
    # blog's "Rick: ..." and "Marissa: ...", trafilatura-eval); the page's own label for its
    # questions speaks for nobody.
    page = clean(
        "\n\n".join(
            [
                "The harbour's two pilots",
                "Two pilots, Amira Haddad and Tobias Lind, bring every ship into Westmere. "
                "We asked them about the work.",
                "Harbour News: How did you start?",
                "Amira: I joined the pilot service in 2009, after ten years at sea.",
                "Tobias: I was a fisherman first. My father had a boat here.",
                "Harbour News: What is the hardest part?",
                "Amira: Fog. We bring ships in by radar alone about forty days a year.",
            ]
        )
    )
    found = interview(page)
    assert found is not None
    speakers = [found.speaker(i) for i in range(6)]
    assert speakers == ["", "", "Amira", "Tobias", "", "Amira"]


def test_the_writer_speaks_again_after_the_last_answer() -> None:
    # InStyle (trafilatura-eval): after the last answer the magazine's own blurb for its
    # series followed, and was taken for the interviewee's words.
    page = clean(PAGE + "\n\nHarbour Lives profiles the people who keep Westmere afloat.\n")
    found = interview(page)
    assert found is not None
    last = len(page.blocks) - 1
    assert found.speaker(last) == "" and found.speaker(last - 1) == "Marlow"


def test_an_answer_is_read_as_its_speakers_words() -> None:
    # The page gives answers without quotation marks; held to them as the writer's own
    # words, "Douziech said: “...”" was called the writer's words handed to a speaker (LA
    # Weekly, 2026-12-06).
    from retell.article import Evidence
    from retell.verify import Verifier

    article = clean(PAGE)
    verifier = Verifier(article)
    span = next(s for s in verifier.index.spans if s.text.startswith("I am painting"))
    answer = (Evidence(span.text, span.start, span.end, "answer"),)
    said = "Marlow says she is painting every boat that still fishes from the harbour."
    assert verifier.sentence(said, focus=answer).label == "supported"
    as_writer = (Evidence(span.text, span.start, span.end, "body"),)
    assert verifier.sentence(said, focus=as_writer).label != "supported"


REAL = {
    # trafilatura-eval pages: the four interviews among its 920 pages, and pages with
    # questions and first-person paragraphs that are no interview (an FAQ, an essay with
    # questions for headings, a gardening guide).
    "economist.com.thinking.html": {"Malone"},
    "laweekly.com-Cultivation.html": {"Douziech"},
    "instyle.com.cancer.html": {"Austin"},
    "blog.amp.dev.axios.html": {"Rick", "Marissa"},
    "nationalrail.co.uk.disruptions.html": set(),
    "pamelaandersonfoundation.org.yellow.html": set(),
    "youhadmeatgardening.com.lemon.html": set(),
}


def test_real_interviews_are_found_and_other_pages_are_not() -> None:
    import tarfile

    from .conftest import SHARED

    with tarfile.open(SHARED / "data" / "trafilatura-eval" / "pages.tar.gz") as archive:
        for name, speakers in REAL.items():
            member = archive.extractfile(f"eval/{name}")
            assert member is not None
            article = clean(member.read(), source=name)
            found = interview(article)
            assert (set(found.speakers.values()) if found else set()) == speakers, name
