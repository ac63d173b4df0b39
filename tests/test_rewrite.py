"""The rewrite engine and `retell rewrite`, with the fake backend (the real model is in bench/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from retell import clean
from retell.article import Article, Evidence, OutputParagraph, Piece, Span, Verdict, layout_blocks
from retell.backends import FakeBackend
from retell.backends.base import Message
from retell.backends.cache import Cache
from retell.backends.openai import OpenAIBackend
from retell.cli.main import cli
from retell.errors import NoArticle
from retell.render.formats import result_dict, result_html, result_markdown
from retell.rewrite.draft import (
    MAX_TRIES,
    RETELL_SHARE,
    InvalidOption,
    Request,
    RewriteOptions,
    _closed,
    _without_open_introductions,
    _without_orphans,
    clean_answer,
    draft,
    plan,
)
from retell.text.sentences import MAX_SENTENCE_WORDS

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "harbour-ferry.txt"


def seed_article(seed_page: Path):  # type: ignore[no-untyped-def]
    return clean(seed_page.read_bytes(), source=str(seed_page))


def test_seed_rewrite_keeps_order_length_and_credit(seed_page: Path) -> None:
    article = seed_article(seed_page)
    result = draft(article, FakeBackend())
    totals = result_dict(result)["totals"]
    assert 5 <= totals["paragraphs"] <= 7
    # The fake echoes its source, so the length is what selection kept: the target over the
    # share a retelling asks for (a real model shortens each piece to that share).
    assert abs(totals["ratio"] - 0.45 / RETELL_SHARE) < 0.05
    starts = [span.start for piece in result.pieces() for span in piece.sources]
    assert starts == sorted(starts)
    assert "Source: “Alert – Furious Kremlin" in result_markdown(result)
    assert "Read More" not in result.text and "Content is protected" not in result.text


def test_every_piece_points_at_its_source_sentences(seed_page: Path) -> None:
    article = seed_article(seed_page)
    for piece in draft(article, FakeBackend()).pieces():
        quoted = " ".join(article.text[span.start : span.end] for span in piece.sources)
        assert piece.text == quoted  # the fake echoes its source


def test_a_retelling_that_invents_facts_is_replaced_by_its_source() -> None:
    def liar(messages: list[Message]) -> str:
        return "Former mayor John Grant said 90 ferries would sail to Paris every day."

    article = clean(EXAMPLE.read_bytes())
    result = draft(article, FakeBackend(liar))
    pieces = result.pieces()
    assert pieces and all(piece.outcome == "kept" for piece in pieces)
    assert all(piece.tries == MAX_TRIES for piece in pieces)
    assert "Paris" not in result.text
    assert any("number not in source: 90" in problem for problem in pieces[0].problems)


def test_a_faithful_paraphrase_is_accepted() -> None:
    def paraphrase(messages: list[Message]) -> str:
        source = messages[-1].content.split("<source>")[1].split("</source>")[0]
        words = source.split()
        return " ".join(words[: max(1, int(len(words) * 0.8))])

    result = draft(clean(EXAMPLE.read_bytes()), FakeBackend(paraphrase))
    assert {piece.outcome for piece in result.pieces()} <= {"retold", "kept"}
    assert any(piece.outcome == "retold" for piece in result.pieces())


def test_answers_come_from_the_cache_on_a_second_run(tmp_path: Path) -> None:
    article = clean(EXAMPLE.read_bytes())
    cache = Cache(tmp_path / "answers.sqlite")
    backend = FakeBackend()
    first = draft(article, backend, cache=cache)
    calls = len(backend.calls)
    second = draft(article, backend, cache=cache)
    assert len(backend.calls) == calls
    assert second.text == first.text
    assert all(piece.cached for piece in second.pieces())


def test_a_sentence_too_long_for_the_context_is_kept_whole_not_cut() -> None:
    article = clean(EXAMPLE.read_bytes())
    result = draft(article, FakeBackend(context_size=50))
    assert all(piece.outcome == "kept" for piece in result.pieces())
    assert all("context" in piece.problems[0] for piece in result.pieces())


@pytest.mark.parametrize("style", ["summary", "brief", "headline"])
def test_other_styles(style: str) -> None:
    result = draft(clean(EXAMPLE.read_bytes()), FakeBackend(), RewriteOptions(style=style))
    assert result.paragraphs
    if style == "headline":
        assert len(result.paragraphs) == 1
    if style == "summary":
        assert len(result.pieces()) == 3
        assert all(len(piece.sources) == 1 for piece in result.pieces())


def _story(*sentences: str) -> Article:
    return Article("story", None, layout_blocks([" ".join(sentences)], []))


# An invented story whose second sentence says more (names, numbers, the story's words) than
# its first, which only the lead weighting puts first.
HARBOUR = _story(
    "Dunmere harbour will close its north quay on Monday.",
    "Fishing boats from Kilbride and Port Askaig will moor at the south quay, the harbour board "
    "said.",
    "The harbour board said the quay wall had cracked in the February storms.",
    "Visitors to the harbour can still use the cafe and the lifeboat station.",
    "The harbour last closed a quay for repairs in 2009.",
)


def test_a_summary_draws_on_the_lead() -> None:
    requests = plan(HARBOUR, RewriteOptions(style="summary", sentences=1), FakeBackend())
    assert [r.source for r in requests[0]] == [
        "Dunmere harbour will close its north quay on Monday."
    ]


# An invented story whose lead frames a statement and whose statement speaks as "I" and
# "our" without quotation marks, and which ends with another framed account: a summary
# takes neither framing line, nor the first person, nor what follows a framing line.
STATEMENT = _story(
    "The harbour master gave this statement to the inquiry on behalf of the crew:",
    "I saw the north quay wall crack in the February storms and our boats moved at once.",
    "The inquiry into the collapse of the north quay at Dunmere opens in March.",
    "Fishing boats from Kilbride will moor at the south quay while the work goes on.",
    # XSumFaith's articles end each paragraph with a stop, one after a colon too.
    "He gave the inquiry this account of the night:.",
    "The wall had been patched twice since 2019, and the patch failed first.",
)


def test_a_summary_takes_no_framing_line_and_no_unquoted_first_person() -> None:
    requests = plan(STATEMENT, RewriteOptions(style="summary", sentences=3), FakeBackend())
    sources = [r.source for r in requests[0]]
    assert sources == [
        "The inquiry into the collapse of the north quay at Dunmere opens in March.",
        "Fishing boats from Kilbride will moor at the south quay while the work goes on.",
    ]
    # A rewrite keeps both among their neighbours.
    told = " ".join(r.source for p in plan(STATEMENT, RewriteOptions(), FakeBackend()) for r in p)
    assert "gave this statement" in told and "I saw the north quay" in told


# An invented story whose best sentence, by what it says, points back with "It" at the
# sentence before, and whose opening sentence leans on a first sentence the page lost.
LEANING = _story(
    "She was named harbour master of Dunmere in 2019, the board said.",
    "The Dunmere harbour board fined the Kilbride ferry company on Monday.",
    "It also banned the company's two ferries, the Morven and the Islay, from the north "
    "quay for 12 months from 1 March 2027 after the February collision.",
    "The ferry company said it would appeal against the fine.",
    "It is hoped the north quay will reopen to other boats in April.",
)


def test_a_summary_takes_a_sentence_that_points_back_only_with_the_one_before() -> None:
    requests = plan(LEANING, RewriteOptions(style="summary", sentences=2), FakeBackend())
    sources = [r.source for r in requests[0]]
    assert sources == [
        "The Dunmere harbour board fined the Kilbride ferry company on Monday.",
        "It also banned the company's two ferries, the Morven and the Islay, from the north "
        "quay for 12 months from 1 March 2027 after the February collision.",
    ]
    one = plan(LEANING, RewriteOptions(style="summary", sentences=1), FakeBackend())[0]
    assert [r.source for r in one] == [
        "The Dunmere harbour board fined the Kilbride ferry company on Monday."
    ]
    # A question is a subheading; a bracketed "(He ...)" leans back like "He ...".
    asking = _story(
        "(He was named harbour master of Dunmere in 2019.)",
        "What could the Dunmere harbour board have done to stop the Kilbride ferry company?",
        "The Dunmere harbour board fined the Kilbride ferry company on Monday.",
        "The ferry company said it would appeal against the fine.",
    )
    taken = plan(asking, RewriteOptions(style="summary", sentences=2), FakeBackend())[0]
    assert [r.source[:12] for r in taken] == ["The Dunmere ", "The ferry co"]
    # A line to the reader about the page's own pictures, or an aside, is no part of a
    # summary.
    viewing = _story(
        "Here are some of your photographs of the Dunmere harbour on Monday.",
        "The Dunmere harbour board fined the Kilbride ferry company on Monday.",
        "Check out this clip of the ferry leaving the harbour.",
        "The islanders have waited a long time for this!",
        "The ferry company said it would appeal against the fine.",
    )
    shown = plan(viewing, RewriteOptions(style="summary", sentences=2), FakeBackend())[0]
    assert [r.source[:12] for r in shown] == ["The Dunmere ", "The ferry co"]
    # "It is hoped ..." points at nothing before it.
    four = plan(LEANING, RewriteOptions(style="summary", sentences=4), FakeBackend())[0]
    assert any(r.source.startswith("It is hoped") for r in four)
    assert not any(r.source.startswith("She was named") for r in four)


def test_a_summary_of_so_many_words_has_a_sentence_per_twenty() -> None:
    requests = plan(HARBOUR, RewriteOptions(style="summary", words=40), FakeBackend())[0]
    assert len(requests) == 2
    assert all(request.words <= 20 for request in requests)
    assert "one sentence of about" in requests[0].messages[-1].content


def test_a_summary_sentence_told_in_two_is_asked_again_then_kept_as_source() -> None:
    def two_sentences(messages: list[Message]) -> str:
        return "The north quay shuts on Monday. The work takes six weeks."

    backend = FakeBackend(two_sentences)
    result = draft(HARBOUR, backend, RewriteOptions(style="summary", sentences=1))
    (piece,) = result.pieces()
    assert len(backend.calls) == MAX_TRIES
    assert piece.outcome == "kept" and "2 sentences where one was asked" in piece.problems
    assert result.text == "Dunmere harbour will close its north quay on Monday."


# An invented story whose lead is one sentence too long for a request: it is cut at a
# clause, and a part that fails every try is dropped rather than published in the source's
# words.
LONG_LEAD = _story(
    "Dunmere harbour will close its north quay on Monday for six weeks of repairs to the wall "
    "that cracked in the February storms, the harbour board said on Friday after a long "
    "meeting with the fishermen of the town, who had asked for the work to wait until the end "
    "of the herring season, when most of the boats that land their catch at the north quay "
    "would be laid up for the winter.",
    "Fishing boats from Kilbride will moor at the south quay while the work goes on.",
    "Visitors can still use the cafe.",
)


def test_a_summary_sentence_that_publishes_nothing_is_replaced_by_the_next_best() -> None:
    def two_sentences(messages: list[Message]) -> str:
        return "The north quay shuts. The work takes weeks."

    backend = FakeBackend(two_sentences)
    result = draft(LONG_LEAD, backend, RewriteOptions(style="summary", sentences=1))
    outcomes = [piece.outcome for piece in result.pieces()]
    # Both parts of the long lead fail and are dropped; the next sentence stands in.
    assert outcomes == ["dropped", "dropped", "kept"]
    assert result.text == (
        "Fishing boats from Kilbride will moor at the south quay while the work goes on."
    )
    assert len(backend.calls) == 3 * MAX_TRIES


def test_invalid_options_and_empty_article() -> None:
    article = clean(EXAMPLE.read_bytes())
    with pytest.raises(InvalidOption):
        draft(article, FakeBackend(), RewriteOptions(ratio=0))
    with pytest.raises(InvalidOption):
        draft(article, FakeBackend(), RewriteOptions(style="poem"))
    with pytest.raises(NoArticle):
        clean(b"2 April 2025\n\nerror: Content is protected !!\n")


def test_html_report_is_self_contained_and_credits_the_source() -> None:
    page = result_html(draft(clean(EXAMPLE.read_bytes()), FakeBackend()))
    assert page.startswith("<!doctype html>") and "<script src" not in page
    assert "Harbour town votes" in page and "Source:" in page


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_rewrite_json(tmp_path: Path) -> None:
    code, out, _ = run(
        "rewrite", str(EXAMPLE), "--backend", "fake", "--format", "json", "--no-cache"
    )
    data = json.loads(out)
    assert code == 0
    assert data["backend"] == "fake:echo_source"
    assert data["source"]["title"].startswith("Harbour town")
    for paragraph in data["paragraphs"]:
        for sentence in paragraph["sentences"]:
            assert data["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_cli_dry_run_generates_nothing() -> None:
    code, out, _ = run("rewrite", str(EXAMPLE), "--backend", "fake", "--dry-run", "--no-cache")
    assert code == 0
    assert "total:" in out and "prompt tokens" in out


@pytest.mark.parametrize(
    ("backend", "exit_code"),
    [("nope", 10), ("local:/no/such/model.gguf", 11), ("openai:http://127.0.0.1:9/v1", 12)],
)
def test_cli_backend_errors(backend: str, exit_code: int) -> None:
    code, _, err = run("rewrite", str(EXAMPLE), "--backend", backend, "--no-cache")
    assert code == exit_code
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_cli_invalid_ratio_is_a_usage_error() -> None:
    code, _, _ = run("rewrite", str(EXAMPLE), "--ratio", "1.5", "--backend", "fake")
    assert code == 2


def test_cli_backends_lists_every_kind() -> None:
    code, out, _ = run("backends")
    assert code == 0
    assert all(kind in out for kind in ("local", "openai:BASE_URL", "fake"))


def test_cli_corrupt_gguf_file_is_a_model_error(tmp_path: Path) -> None:
    corrupt = tmp_path / "broken.gguf"
    corrupt.write_bytes(b"GGUF" + bytes(range(256)) * 64)
    code, _, err = run("rewrite", str(EXAMPLE), "--backend", f"local:{corrupt}", "--no-cache")
    assert code == 11
    assert str(corrupt) in err and "Traceback" not in err


def test_cli_several_inputs_give_json_lines() -> None:
    code, out, _ = run(
        "rewrite", str(EXAMPLE), str(EXAMPLE), "--backend", "fake", "--format", "json", "--no-cache"
    )
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(records) == 2
    assert records[0]["text"] == records[1]["text"]


def test_no_request_carries_more_than_the_longest_piece_of_source() -> None:
    # One unclosed quotation runs a whole paragraph into one "sentence" of 200 words.
    run_on = "“" + " ".join(
        f"On day {n} the ferry left late, and the harbour master said the engine was fine."
        for n in range(1, 13)
    )
    article = Article("<long>", "Ferry delays", layout_blocks([run_on], []))
    planned = plan(article, RewriteOptions(ratio=1.0), FakeBackend())
    requests = [request for paragraph in planned for request in paragraph]
    assert len(requests) > 3
    assert max(len(request.source.split()) for request in requests) <= MAX_SENTENCE_WORDS


def test_a_backend_for_larger_models_gets_a_paragraph_per_request() -> None:
    article = clean(EXAMPLE.read_bytes())

    def sizes(planned: list[list[Request]]) -> list[int]:
        return [len(request.source.split()) for paragraph in planned for request in paragraph]

    small = sizes(plan(article, RewriteOptions(), FakeBackend()))
    server = OpenAIBackend("http://127.0.0.1:9/v1")
    whole = plan(article, RewriteOptions(), server)
    assert max(small) <= FakeBackend.piece_words < max(sizes(whole)) <= server.piece_words
    assert all(len(paragraph) == 1 for paragraph in whole)  # one request per paragraph
    assert sum(sizes(whole)) == sum(small)  # the same sentences, fewer requests
    narrow = [r for p in plan(article, RewriteOptions(piece_words=30), server) for r in p]
    assert len(narrow) > len(small)
    assert all(len(r.sentences) == 1 or len(r.source.split()) <= 30 for r in narrow)
    with pytest.raises(InvalidOption):
        plan(article, RewriteOptions(piece_words=5), server)


def test_totals_footer_and_report_give_the_copy_share_and_kept_sentences() -> None:
    def liar(messages: list[Message]) -> str:
        return "Former mayor John Grant said 90 ferries would sail to Paris every day."

    article = clean(EXAMPLE.read_bytes())
    echoed = result_dict(draft(article, FakeBackend()))["totals"]
    # Runs across the joint of two pieces, where selection left sentences out, are new.
    assert echoed["copy_share"] > 0.9 and echoed["kept_sentences"] == 0
    kept = draft(article, FakeBackend(liar))
    totals = result_dict(kept)["totals"]
    assert totals["kept_sentences"] == totals["sentences"] > 0
    note = f"{totals['kept_sentences']} of {totals['sentences']} sentences kept"
    assert f"Copy share {totals['copy_share']:.2f}" in result_markdown(kept)
    assert note in result_markdown(kept)
    assert note in result_html(kept)


def test_copy_share_counts_four_word_runs_of_the_source() -> None:
    from retell.text.copying import copy_share

    source = "On Monday the council approved the new bridge, officials said."
    assert copy_share("The council approved the new bridge on Monday.", source) == 3 / 5
    assert copy_share("Councillors backed a fresh crossing.", source) == 0.0
    assert copy_share("Too short.", source) == 0.0
    assert copy_share(source.upper(), source) == 1.0


def test_the_most_novel_passing_retelling_is_kept() -> None:
    # The first answer gives the source back; the retry, told not to copy, rewords it.
    def writer(messages: list[Message]) -> str:
        source = messages[-1].content.split("<source>")[1].split("</source>")[0]
        if "Do not copy" not in messages[-1].content:
            return source
        # Words reversed, but "at least 2028" kept as a bound the guard can read.
        reworded = " ".join(reversed(source.split())).replace("2028, least at", "at least 2028,")
        return "In a new wording: " + reworded

    article = clean(EXAMPLE.read_bytes())
    first = draft(article, FakeBackend(writer), RewriteOptions(reword_above=0.75)).pieces()[0]
    assert first.tries == 2 and first.outcome == "retold"
    assert first.text.startswith("In a new wording")
    # By default a passing answer is kept however much of the source it copies.
    plain = draft(article, FakeBackend(writer)).pieces()[0]
    assert plain.tries == 1 and plain.outcome == "copied"


def test_a_reword_share_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(InvalidOption):
        plan(HARBOUR, RewriteOptions(reword_above=1.0), FakeBackend())


def test_the_published_text_is_read_as_a_whole_and_a_misread_pronoun_dropped() -> None:
    from retell.article import OutputParagraph, Piece, Span, Verdict
    from retell.rewrite.draft import read_whole
    from retell.verify import Verifier

    article = clean((ROOT / "tests" / "data" / "stories" / "extradition.txt").read_bytes())

    def retold(text: str, source: str) -> Piece:
        start = article.text.index(source)
        verdict = Verdict(text, 0, 0, 0, "supported", (), (), 1.0, "checked alone")
        return Piece(text, (Span(start, start + len(source)),), "retold", verdicts=(verdict,))

    # Retold one at a time, both pass; read together, "She" now means the prosecutor.
    first = retold(
        "Prosecutor Amelia Strand told the court that Verhoek had tried to leave twice.",
        "Prosecutor Amelia Strand told the court that Verhoek had tried to leave the country "
        "twice since his arrest in March.",
    )
    second = retold(
        "She stated her concerns clearly and answered every question.",
        "She stated her concerns clearly and answered every question, the judge said.",
    )
    [paragraph] = read_whole([OutputParagraph((first, second))], Verifier(article))
    kept, dropped = paragraph.pieces
    assert kept == first
    # The source's own sentence would bring the same "She" back, so nothing is published.
    assert dropped.outcome == "dropped" and dropped.text == ""
    assert paragraph.text == first.text
    assert [r.action for r in dropped.repairs] == ["dropped"]
    assert "Quist" in dropped.repairs[0].reason


def test_an_answer_that_repeats_the_instructions_is_refused() -> None:
    # The embedded model once began a retelling with the retry note it had been given.
    def echo_note(messages: list[Message]) -> str:
        source = messages[-1].content.split("<source>")[1].split("</source>")[0]
        return "The first attempt had these problems, avoid them: " + source

    article = clean(EXAMPLE.read_bytes())
    pieces = draft(article, FakeBackend(echo_note)).pieces()
    assert all(piece.outcome == "kept" for piece in pieces)
    assert "the answer repeats the instructions" in pieces[0].problems
    assert "first attempt" not in draft(article, FakeBackend(echo_note)).text


def test_an_answer_that_opens_with_the_notes_words_is_refused() -> None:
    # Read in real rewrites (2026-12-05): "A first attempt by Hegseth ... said ...", the
    # retry note's opening words made the sentence's subject.
    def opening(messages: list[Message]) -> str:
        source = messages[-1].content.split("<source>")[1].split("</source>")[0]
        return "A first attempt found that " + source[0].lower() + source[1:]

    article = clean(EXAMPLE.read_bytes())
    pieces = draft(article, FakeBackend(opening)).pieces()
    assert "the answer repeats the instructions" in pieces[0].problems
    assert "first attempt" not in draft(article, FakeBackend(opening)).text


def test_a_noun_taken_from_the_worked_examples_is_asked_again() -> None:
    # The examples are about a council's ferry; this story has no ferry in it.
    story = _story("The planning board will hand its powers to elected councillors in April.")

    def leaky(messages: list[Message]) -> str:
        if len(messages[-1].content.split("\n")) > 2:  # the retry carries the note
            return "Elected councillors take over the planning board's powers in April."
        return "Elected councillors take over the ferry board's powers in April."

    result = draft(story, FakeBackend(leaky), RewriteOptions(ratio=1.0))
    (piece,) = result.pieces()
    assert piece.outcome == "retold"
    assert "ferry" not in result.text and piece.tries == 2


def test_a_noun_of_the_worked_examples_that_the_article_uses_is_not_borrowed() -> None:
    # The quick-start page is a ferry story too: "the ferry" in a retelling of a sentence
    # that calls it "the service" was refused as taken from the examples (2026-12-04).
    story = _story(
        "The island ferry will keep running until 2030 after councillors agreed on Tuesday "
        "night, following a long and often angry public meeting in the harbour hall, to "
        "extend its yearly subsidy for another five years of sailings.",
        "The service carries about 40,000 passengers a year between the harbour and the "
        "three small islands off the coast, where nearly 1,000 people live all year round "
        "and depend on it for school, work and the doctor.",
    )

    def retold(messages: list[Message]) -> str:
        source = messages[-1].content.split("<source>")[1].split("</source>")[0]
        if source.startswith("The service"):
            return (
                "Some 40,000 passengers a year use the ferry between the harbour and the three "
                "small islands, home to nearly 1,000 people who depend on it all year round."
            )
        return (
            "After a long and often angry meeting in the harbour hall on Tuesday night, "
            "councillors agreed to extend the island ferry's subsidy for five more years, "
            "until 2030."
        )

    pieces = draft(story, FakeBackend(retold), RewriteOptions(ratio=1.0)).pieces()
    assert [piece.problems for piece in pieces] == [(), ()]


def _planned(*paragraphs: str) -> str:
    """The source text a whole rewrite of a ferry story with these paragraphs would retell."""
    lead = "Councillors voted on Tuesday to keep the island ferry running until 2030."
    text = "\n\n".join(("Ferry vote", lead, *paragraphs)) + "\n"
    requests = plan(clean(text.encode()), RewriteOptions(ratio=1.0), FakeBackend())
    return " ".join(request.source for paragraph in requests for request in paragraph)


def test_a_part_of_a_long_sentence_is_not_retold_when_another_part_is_left_out() -> None:
    # Miami Today (trafilatura-eval, 2026-12-06): the first part of a long quotation was
    # published alone, ending in a comma, its later parts having been left out.
    long = (
        "The council voted on the new timetable after a debate that ran for four hours and "
        "ended close to midnight, with the mayor, the harbour master and eleven councillors "
        "present in the old hall, while more than two hundred islanders waited in the rain "
        "outside, some of them holding banners; the ferry will keep its winter sailings on "
        "every weekday from November until the end of March."
    )
    said = "The ferry will keep its winter sailings on every weekday from November until March."
    told = _planned(said.replace("until March", "until the end of March"), long)
    assert "holding banners" not in told and "winter sailings" in told
    assert "holding banners" in _planned(said, long)  # nothing of it left out: all kept


def test_a_heading_inside_the_body_is_not_retold() -> None:
    # A retelling of trafilatura-eval's Independent page began "UK news in pictures: ..."
    # (2026-12-04): a gallery's title left in the body had been chosen as a sentence.
    told = _planned(
        "Island news in pictures",
        "Show all 24",
        "The service carries about 40,000 passengers a year to the three islands.",
    )
    assert "Councillors voted" in told and "40,000 passengers" in told
    assert "pictures" not in told and "Show all" not in told


def test_a_standfirst_a_prompt_and_an_embedded_post_are_not_retold() -> None:
    # trafilatura-eval's Times of Israel page (2026-12-05): its standfirst, kept, ran into
    # the lead without a stop; a tweet's "heading into courtroom to be sworn in" was
    # published as the writer's sentence.
    told = _planned(
        "Harbour master says the vote is a relief, but the crossings will still be cut in "
        "the worst storms",
        "Get the Island Post's morning edition by email and never miss a sailing Free Sign Up",
        "The new timetable starts in March, the harbour master said.",
        "Proud to see the old ferry sail on. The red hull in the photo is ours. "
        "https://t.co/aB3dE5fG7h",
        "— Ferry Friends (@ferryfriends) March 2, 2026",
        "The harbour master on the old quay at dawn. Photo: Ida Berg/Island Post",
        "The crossing takes 40 minutes. Featured image by Ida Berg/Island Post.",
        "The ferry carries about 40,000 passengers a year. Its oldest boat dates from 1988.",
        "Fares will stay at £4 a crossing. Season tickets go on sale in May. The council will "
        "review the timetable again next winter.",
        "Sign up for the Island Post newsletter for more ferry news!",
        "Never miss a sailing by signing up to our alerts today!",
        "“The new timetable starts in March,” the harbour master said.",
        "- Get 500 ferry points when you spend $40 on the Island Card in the first month.",
        "The next sailing leaves at noon. Ida Berg, Island Post Radio News.",
    )
    assert "Councillors voted" in told and "new timetable starts" in told
    # A broadcast's sign-off (KBS' page, 2026-12-06) is no sentence of the story.
    assert "next sailing leaves at noon" in told and "Radio News" not in told
    assert "relief" not in told and "Sign Up" not in told
    assert "red hull" not in told and "Proud to see" not in told and "@ferryfriends" not in told
    assert "old quay" not in told and "crossing takes 40 minutes" in told
    assert "Featured image" not in told and "Sign up" not in told and "ferry points" not in told
    assert "Never miss" not in told and told.count("new timetable starts") == 1


def test_a_list_of_names_is_not_retold() -> None:
    # Harper's (2026-12-06): an open letter's signatories ran into its body, and a rewrite
    # published "Jazz at Lincoln Center featured Kati Marton, ...".
    told = _planned(
        "The harbour board met on Monday and agreed to keep the ferry running all winter.",
        "| Ada Quist Lee Pike, Veldmoor College Dana Hale Ian Dale, author Ann Berg Tom Ross, "
        "historian Eva Lund, Harbour Institute Sam Kerr, Veldmoor Post Ida Berg, ret. "
        "Poet Ola Hess, agent Finn Moe, Tallis University Nora Lie, writer Kai Roe, Tallis "
        "College Per Dahl, biographer Lars Eng, Harbour Radio Eva Holm |",
        "Councillor Ada Quist of Veldmoor and Mayor Lee Pike of Tallis met Governor Dana Hale "
        "at the Harbour Institute on Friday.",
    )
    assert "ferry running" in told and "Governor Dana Hale" in told
    assert "Sam Kerr" not in told and "Lars Eng" not in told


def test_a_list_mark_inside_a_paragraph_is_not_published() -> None:
    # PhillyVoice sets "•" before sentences inside its paragraphs; kept in the source's
    # words, the mark stood mid-paragraph (trafilatura-eval, 2026-12-05).
    told = _planned("The crossing was slow. • The new boat made up the time on the way back.")
    assert "The new boat made up the time" in told and "•" not in told
    # Axios opens its list items with "- " (2026-12-05).
    told = _planned("The crossing was slow.\n\n- The new boat made up the time on the way back.")
    assert "The new boat made up the time" in told and "- The new" not in told


def test_the_parts_of_a_long_sentence_are_kept_whole_or_not_published() -> None:
    # A long sentence is cut at a clause so that no request is long. Retold alone, a part
    # became a sentence that said something else (Miami Today, 2026-12-06): the rewrite
    # keeps all parts in the source's words, so they read as the sentence, and asks the
    # model nothing for them. A summary may take one part alone: where every retelling of
    # it failed, it is dropped, as kept it would end in a comma (Breaking Belize News,
    # trafilatura-eval, 2026-12-05).
    long = (
        "Ferry crossings to the three islands have been cut back across most of the winter "
        "timetable because of the storms that closed the harbour for eleven days in "
        "January, and while the council says the service will recover by the spring, there "
        "are still more than forty cancelled sailings each week and in parts of the outer "
        "islands, residents have been left without a boat for days at a time."
    )
    article = clean(("Ferry cuts\n\n" + long + "\n").encode())
    asked: list[str] = []
    whole = draft(
        article,
        FakeBackend(lambda messages: asked.append("") or "The ferry carried 999 people."),
        RewriteOptions(ratio=1.0),
    )
    assert len(whole.pieces()) >= 2 and {p.outcome for p in whole.pieces()} == {"kept"}
    assert whole.text == long and not asked
    result = draft(
        article,
        FakeBackend(lambda messages: "The ferry carried 999 people."),
        RewriteOptions(style="summary", sentences=1),
    )
    pieces = result.pieces()
    assert len(pieces) >= 2 and all(piece.outcome in ("kept", "dropped") for piece in pieces)
    published = [piece.text for piece in pieces if piece.text]
    assert all(text.rstrip().endswith(".") and text[0].isupper() for text in published)
    assert any(piece.outcome == "dropped" for piece in pieces)
    # A lower-cased story has no capitals to start its sentences: whole ones are kept.
    lowered = clean(
        b"Ferry cuts\n\nthe ferry will stop running on sundays from march, the mayor said "
        b"on monday after the council vote.\n"
    )
    kept = draft(
        lowered,
        FakeBackend(lambda messages: "The ferry carried 999 people."),
        RewriteOptions(ratio=1.0),
    ).pieces()
    assert any(piece.outcome == "kept" and piece.text.endswith(".") for piece in kept)


def test_a_commentary_line_the_tagger_reads_as_an_order_is_kept() -> None:
    # XSumFaith's football commentary: "Delay over." and "Delay in match ..." were taken
    # for orders to the reader and left out, which moved the summary's choice of sentence.
    told = _planned(
        "Island United beat Veldmoor 2-1 on Saturday. Berg scored twice before half-time. "
        "Veldmoor pulled one back late on. The win lifts United to third.",
        "Delay in match Tom Berg (Island United) because of an injury. Delay over.",
        "The two sides meet again in the cup next month.",
    )
    assert "Delay in match" in told and "Delay over." in told


def test_a_guide_made_of_orders_keeps_them() -> None:
    told = _planned(
        "Check the timetable before you travel.",
        "Book a seat online the day before.",
        "Bring your Island Card to the quay.",
        "The crossing takes 40 minutes.",
    )
    assert "Check the timetable" in told and "Book a seat" in told


def test_the_items_of_a_list_are_not_retold() -> None:
    # trafilatura-eval's LA Times page lists what a candidate spent the week doing, each
    # item set as a sentence ("Explaining why ..."); retold, one gained an invented subject
    # and fact (2026-12-05).
    told = _planned(
        "The council leader spent the week on the road:",
        "Explaining why the fares rose twice in one winter.",
        "Defending the timetable that cut the Sunday crossing.",
        "Explaining why he argued in 2015 that cutting the night crossing was a smart saving.",
        "Starting on Monday, the ferry will leave the harbour at seven.",
    )
    assert "Councillors voted" in told and "Starting on Monday" in told
    assert "Explaining why" not in told and "Defending the timetable" not in told
    assert "smart saving" not in told


def test_lines_of_names_and_dates_are_not_retold() -> None:
    # A BBC fixture list (XSumFaith dev, 2026-12-06): kept without their date lines, the
    # matches of one day read as played on another.
    told = _planned(
        "The island league starts on Monday. Eight teams take part this season.",
        "Monday, 25 April. Harbour Rovers v Quay Albion. Tuesday, 26 April. "
        "Ferry Town v Dock United. Mumbai Indians v Kolkata Knight Riders. "
        "Rising Pune v Ferry Town.",
        "The next sailing leaves at noon.",
    )
    assert "Eight teams" in told and "next sailing leaves at noon" in told
    assert "25 April" not in told and "Harbour Rovers v" not in told and "Rising Pune" not in told
    assert "Mumbai Indians" not in told


def test_a_quotation_without_its_speaker_is_not_retold_alone() -> None:
    # The second paragraph of someone's words names no speaker; retold alone, the
    # Independent's Hancock quote became the writer's own claim (2026-12-04).
    told = _planned(
        "Council leader Ann Rees said: \u201cThe islands cannot be cut off from the mainland.",
        "\u201cThe test we face is paying for it without closing the library.\u201d",
    )
    assert "Ann Rees said" in told
    assert "The test we face" not in told


def test_orders_after_an_opening_phrase_are_not_retold() -> None:
    # trafilatura-eval's MSN page closed on a health-advice box ("In Northern Ireland, call
    # your GP."), published as the story's last paragraph (2026-12-06).
    told = _planned(
        "The new boat carries 200 passengers and 40 cars. It was built in Gdansk last year "
        "and sailed to the islands in March. Its first crossing took 35 minutes.",
        "In the outer islands, call the harbour office before you travel. Only use the "
        "late ferry if you cannot reach the quay by seven.",
        "“Book early and bring your card,” the harbour master said.",
    )
    assert "call the harbour office" not in told and "Only use the late ferry" not in told
    # Someone's words are theirs, whatever their mood.
    assert "Book early and bring your card" in told and "200 passengers" in told


def test_the_page_speaking_to_its_reader_about_itself_is_not_retold() -> None:
    # The Atlantic's "We want to hear what you think about this article." and the Haitian
    # Times' subscription offer were published as their stories' last sentences
    # (trafilatura-eval, 2026-12-06).
    told = _planned(
        "The new boat carries 200 passengers and 40 cars.",
        "We want to hear what you think about this article. If you are already a "
        "subscriber, you can log in to read the rest.",
        "“You can send your comments to the council until Friday,” the clerk said.",
    )
    assert "this article" not in told and "subscriber" not in told
    assert "You can send your comments" in told and "200 passengers" in told
    # City Limits (2026-12-05): the page's own event, offered without a "you".
    told = _planned(
        "The new boat carries 200 passengers and 40 cars.",
        "Anyone keen to learn more can also attend our online panel discussion on Monday.",
        "The council will hold a public discussion of the timetable in March.",
    )
    assert "our online panel" not in told and "public discussion of the timetable" in told
    # LA Weekly (2026-12-06): a note from the editors about the page's advertising.
    told = _planned(
        "The new boat carries 200 passengers and 40 cars.",
        "/Editor's note: The notice below refers to sponsored posts, not to this story.",
    )
    assert "notice below" not in told and "200 passengers" in told
    # BBC pages (XSumFaith; a summary opened with it, 2026-12-06): the player's notice.
    told = _planned(
        "The new boat carries 200 passengers and 40 cars. Media playback is not supported "
        "on this device.",
        "We are aware that this map may not work on some older browsers. A non-interactive "
        "version is below.",
        "The harbour master said the old boat was not supported by the new quay.",
    )
    assert "playback" not in told and "older browsers" not in told
    assert "non-interactive" not in told and "not supported by the new quay" in told
    # Healthline (trafilatura-eval, 2026-12-06): a pointer at the page's video.
    told = _planned(
        "The new boat carries 200 passengers and 40 cars.",
        "- Instructional video: Here is a video showing the crossing.",
        "Here is a look at the timetable the harbour master showed the council.",
    )
    assert "video" not in told and "timetable the harbour master showed" in told
    # The Balance and The Points Guy (trafilatura-eval, 2026-12-06): the page's word on its
    # advertisers, which opens the page and would be retold as its lead.
    told = _planned(
        "This guide contains references to products from one of our advertisers. Terms "
        "apply to the offers listed on this page.",
        "We rank every ferry line through an independent review process.",
        "The new boat carries 200 passengers and 40 cars, the harbour board said.",
        "The board said its advertisers had paid for the new timetable posters.",
    )
    assert "our advertisers" not in told and "Terms apply" not in told
    assert "independent review" not in told and "200 passengers" in told
    assert "paid for the new timetable posters" in told
    # BBC (XSumFaith dev, 2026-12-07, published): the site's pointer at another page, whose
    # "Read" the tagger takes for part of the name after it.
    told = _planned(
        "The new boat carries 200 passengers and 40 cars. It sails four times a day.",
        "Read Tom Kerr's analysis of the vote.",
        "Reading Council said it would pay for the new quay. Work starts in May.",
        "Click here to see the full results.",
        "The old boat will be sold. Its buyer has not been named.",
    )
    assert "analysis" not in told and "full results" not in told
    assert "200 passengers" in told and "Reading Council" in told


def test_a_tables_rows_are_not_retold() -> None:
    # BBC (XSumFaith dev, 2026-12-07, published): a poll's rows ("Cap amount paid in welfare
    # to a household 6.3.") ran into its prose, one was retold as a sentence.
    told = _planned(
        "Islanders gave each ferry plan a score out of 10.",
        "A bigger night boat 7.4. Free travel for island pupils 6.2. A Sunday crossing in "
        "summer 5.9.",
        "The most popular plan was to keep the night boat, which scored 7.4.",
    )
    assert "boat 7.4" not in told and "pupils 6.2" not in told and "summer 5.9" not in told
    assert "which scored 7.4" in told


def test_a_matchs_live_commentary_is_not_retold() -> None:
    # BBC (XSumFaith dev, 2026-12-07): a report's rewrite kept fifteen lines of the live
    # commentary run after it, and an earlier one published "Grant Ward takes a free kick".
    told = _planned(
        "Harbour Town won the cup final with a late goal from Ola Berg.",
        "The visitors rarely threatened. Report supplied by the Press Association.",
        "Match ends, Harbour Town 1, Bay Rovers 0.",
        "Second Half ends, Harbour Town 1, Bay Rovers 0.",
        "Tom Kerr (Bay Rovers) wins a free kick on the right wing.",
        "Assisted by Ana Ruiz.",
        "Dan Pike replaces Lee Holt.",
        "Ola Berg (Harbour Town) is shown the yellow card.",
    )
    assert "late goal" in told and "rarely threatened" in told
    for line in ("Match ends", "free kick", "Assisted", "replaces", "yellow card", "supplied"):
        assert line not in told
    # A report that names a player with his team once is not a commentary.
    told = _planned(
        "Ola Berg (Harbour Town) scored the only goal.",
        "Tom Kerr (Bay Rovers) wins a free kick on the right wing, the report says.",
        "The cup goes to Harbour Town.",
    )
    assert "only goal" in told and "free kick" in told
    # A results table's rows: a BBC stage report's rewrite published "Vincenzo Nibali
    # (Ita/Bahrain) Same time." (XSumFaith dev, 2026-12-07).
    told = _planned(
        "Ola Berg won the stage by five seconds after a long climb.",
        "1. Ola Berg (Nor/Harbour) 4hrs 2mins. 2. Tom Kerr (GB/Bay) Same time.",
        "Kerr (GB/Bay) still leads the race overall.",
    )
    assert "long climb" in told and "still leads" in told and "Same time" not in told


def test_an_introduction_whose_words_are_not_published_is_dropped() -> None:
    # BBC (XSumFaith dev, 2026-12-07): "Huddersfield head coach David Wagner:" closed a
    # rewrite whose quotations of him were dropped.
    text = 'The ferry is late again. Harbour master Ada Brook:. "The quay is not safe."'
    article = Article(source="<test>", title="Quay", blocks=layout_blocks([text], ()))
    offset = article.text.index("The ferry")
    quote = text.index('"The quay')
    first = Span(offset, offset + quote - 1)
    second = Span(offset + quote, offset + len(text))
    label = Piece("The ferry is late again. Harbour master Ada Brook:.", (first,), "kept")
    said = Piece('"The quay is not safe."', (second,), "kept")
    gone = Piece("", (second,), "dropped")
    kept = _without_open_introductions([OutputParagraph((label, gone))], article)
    assert kept[0].pieces[0].text == "The ferry is late again."
    assert kept[0].pieces[0].repairs[-1].text == "Harbour master Ada Brook:."
    kept = _without_open_introductions([OutputParagraph((label,))], article)
    assert kept[0].pieces[0].text == "The ferry is late again."
    alone = Piece("Harbour master Ada Brook:.", (first,), "kept")
    kept = _without_open_introductions([OutputParagraph((alone, gone))], article)
    assert kept[0].pieces[0].outcome == "dropped" and not kept[0].pieces[0].text
    # What it introduces is published after it: it stays.
    kept = _without_open_introductions([OutputParagraph((label, said))], article)
    assert kept[0].pieces[0].text == label.text


def test_list_numbers_phone_lines_and_listed_questions_are_not_retold() -> None:
    # jobsnhire.com (trafilatura-eval, 2026-12-06): "1. CVS/pharmacy" split into "1." and a
    # heading, and a kept piece published "... For over 50 years, ... 2. 3.".
    told = _planned(
        "The ferry runs on three routes:",
        "1. North route",
        "The first route serves the two northern islands.",
        "2. South route",
        "The second route serves the harbour town.",
        "...",
    )
    assert "1." not in told and "2." not in told and "..." not in told
    assert "northern islands" in told and "harbour town" in told
    # Kaieteur News (2026-12-06): the page's phone numbers closed a rewrite.
    told = _planned(
        "The new boat carries 200 passengers and 40 cars.",
        "Contact: 624-6456; 225-8452; 225-8458 or 225-8491.",
        "The 2019 timetable ran 14 sailings a day.",
    )
    assert "Contact" not in told and "14 sailings" in told
    # Healthline (2026-12-06): a checklist of questions, one retold as a statement.
    told = _planned(
        "The new boat carries 200 passengers and 40 cars.",
        "- How often do you cross to the islands?",
        "Why does the ferry stop at Oskarholm? Because the pilots live there.",
    )
    assert "How often" not in told and "Why does the ferry stop" in told


def test_a_date_stamp_a_byline_a_copy_notice_and_disguised_text_are_not_retold() -> None:
    # Breaking Belize News (trafilatura-eval, 2026-12-06): the page's stamp and byline
    # opened its rewrite, and an advertisement in look-alike Cyrillic letters closed it.
    told = _planned(
        "Posted: Monday, March 6, 2023. 8:15 am EST.",
        "6 March 2023 Last updated at 09:40 GMT.",
        "By Ann Rowe: The new boat carries 200 passengers and 40 cars.",
        "The council will hold a public discussion of the timetable in March. "
        "Yоur аdvеrt rеасhеs thоuѕаndѕ оf rеаdеrѕ еvеrу dау!",
        "© 2023, Dunmere Gazette. This article is the copyrighted property of the Gazette.",
        "This material may not be published, broadcast or rewritten. From the book Island "
        "Crossings by Ann Rowe.",
        "The copyright in the old ferry's name passed to the council in 1990.",
    )
    assert "Posted" not in told and "8:15" not in told and "Ann Rowe" not in told
    assert "Last updated" not in told
    assert "Yоur" not in told and "rеаdеrѕ" not in told
    assert "©" not in told and "copyrighted property" not in told
    assert "may not be published" not in told and "From the book" not in told
    assert "copyright in the old ferry's name" in told
    assert "The new boat carries 200 passengers" in told and "public discussion" in told


def test_a_gloss_is_not_retold_as_the_writers_own_words() -> None:
    # GaijinPot's language blog (2026-12-05): "= I'll buy some masks before they're out of
    # stock." translates the example before it, and was published as the writer's.
    told = _planned(
        "The new boat carries 200 passengers and 40 cars.",
        "Ferry words are easy. Ferii ni noru. = I take the ferry every morning.",
    )
    assert "I take the ferry" not in told and "200 passengers" in told


def test_a_sentence_inside_someone_elses_quotation_is_not_retold_alone() -> None:
    # DiEM25 (2026-12-05): sentences of Greta Thunberg's two-paragraph quotation were
    # published without their marks or her name, as the page's own words.
    told = _planned(
        "The ferry campaign's founder put it this way:",
        "“The danger is the belief that the council is doing enough.",
        "They are stealing the islands' future. The cuts are nowhere near what we need.”",
        "The new boat carries 200 passengers and 40 cars.",
    )
    assert "stealing the islands" not in told and "nowhere near" not in told
    assert "200 passengers" in told


def test_what_follows_a_subscription_offer_and_speaks_to_the_reader_is_not_retold() -> None:
    # The Haitian Times' paywall: an offer, a list of perks, then "First-time subscribers
    # also receive a special welcome gift ..." (trafilatura-eval, 2026-12-06).
    told = _planned(
        "The new boat carries 200 passengers and 40 cars.",
        "To read the full story, please subscribe to the Island Post. You can choose a "
        "yearly subscription or a weekly pass.",
        "We have covered the islands for 30 years and pride ourselves on serving you.",
        "New members also receive a free tide table and first-time subscribers get a mug.",
    )
    assert "subscri" not in told and "serving you" not in told and "mug" not in told
    assert "200 passengers" in told
    # A disclosure carries nothing over: a guide may be written to "you" after it.
    guide = _planned(
        "We may receive compensation if you buy a ticket through our links.",
        "The crossing takes 40 minutes and you can bring a bicycle for free.",
    )
    assert "compensation" not in guide and "bring a bicycle" in guide


class _Refusing:
    """A critic that refuses every sentence with a word in it and passes the rest."""

    def __init__(self, word: str) -> None:
        self.word = word

    def sentence(self, text: str, *, focus: tuple[Evidence, ...] = ()) -> Verdict:
        label = "unsupported" if self.word in text else "supported"
        return Verdict(
            text, 0, 0, len(text), label, (), (), 1.0, "refused" * (label != "supported")
        )

    def across(self, verdicts: list[Verdict]) -> list[Verdict]:
        return verdicts


def test_what_is_left_of_a_retelling_may_not_point_back_to_a_dropped_sentence() -> None:
    # The Atlantic's page (trafilatura-eval, 2026-12-06): the critic dropped "When I moved
    # ... I planted a tree", and "It was a showy, bright-pink blossoms ..." was published.
    article = clean(
        b"Harbour tree\n\nWhen the harbour reopened, the council planted a pear tree on "
        b"the quay. It was chosen for its white blossom and its liking for salt air.\n"
    )

    def writer(messages: list[Message]) -> str:
        return "The council planted a tree. It was picked for its blossom and salt air."

    result = draft(
        article, FakeBackend(writer), RewriteOptions(ratio=1.0), critic=_Refusing("planted")
    )
    piece = result.pieces()[0]
    assert piece.outcome == "kept" and piece.text.startswith("When the harbour reopened")


def test_a_sentence_that_leans_on_a_dropped_one_of_the_same_answer_goes_too() -> None:
    # A seed rewrite (2026-12-06) retold one sentence as two; the first failed and "This is
    # more than double what many countries pay." was left pointing at nothing.
    article = clean(
        b"Harbour fees\n\nThe port raised its mooring fee to 40 euros a night on Monday, "
        b"more than double what most other ports in the region charge.\n"
    )

    def writer(messages: list[Message]) -> str:
        return "The port raised mooring fees to 40 euros. This is double what others charge."

    result = draft(article, FakeBackend(writer), RewriteOptions(ratio=1.0), critic=_Refusing("40"))
    piece = result.pieces()[0]
    assert piece.outcome == "kept" and piece.text.startswith("The port raised its mooring fee")
    assert any("points back" in problem for problem in piece.problems)


def test_a_sentence_that_leans_back_after_a_joining_word_goes_too() -> None:
    # CBS News (2026-12-06): the first of "The stakes are high for all of the candidates
    # .... But they're especially high for Joe Biden." failed, and "But they're especially
    # high for Joe Biden." was published with nothing for "they" to mean.
    article = clean(
        b"Harbour fees\n\nThe stakes are high for every port on the coast this winter. But "
        b"they are highest for Dunmere, whose quay wall cracked in the storms.\n"
    )

    def writer(messages: list[Message]) -> str:
        return "The stakes are high for all ports. But they are highest for Dunmere."

    critic = _Refusing("all ports")
    result = draft(article, FakeBackend(writer), RewriteOptions(ratio=1.0), critic=critic)
    piece = result.pieces()[0]
    assert piece.outcome == "kept" and piece.text.startswith("The stakes are high for every")
    assert any("'they'" in problem for problem in piece.problems)


def test_an_answer_gets_the_sources_initials_and_closing_marks_back() -> None:
    # The embedded model wrote "U. S. Secretary of State" for the Tico Times' "U.S." and
    # "moment? \"" for MedicalNewsToday's closing mark (trafilatura-eval, 2026-12-05).
    source = "The U.S. Secretary of State met ministers from the U.K. in Panama."
    answer = 'In Panama, the U. S. Secretary of State met U. K. ministers. "Why now? "'
    cleaned = clean_answer(answer, source)
    assert cleaned == 'In Panama, the U.S. Secretary of State met U.K. ministers. "Why now?"'
    assert clean_answer('He said: "We go. " Then he left.') == 'He said: "We go." Then he left.'
    assert clean_answer('He said, "Next we go."') == 'He said, "Next we go."'


def test_a_quotation_that_runs_on_past_a_failed_piece_is_not_kept_alone() -> None:
    # DiEM25 (2026-12-05): the first sentence of a two-paragraph quotation, kept in the
    # source's words after its retellings failed, was published with no closing mark.
    text = (
        "Ferry vote\n\nThe campaign's founder said:\n\n"
        "“The danger is the belief that the council is doing enough for the islands.\n\n"
        "The cuts are nowhere near what the islands need.”\n"
    )
    result = draft(
        clean(text.encode()),
        FakeBackend(lambda messages: "The ferry carried 999 people."),
        RewriteOptions(ratio=1.0),
    )
    assert all(piece.text.count("“") <= piece.text.count("”") for piece in result.pieces())
    assert any("does not end within it" in " ".join(p.problems) for p in result.pieces())


def test_a_quotation_that_runs_on_past_a_kept_piece_with_its_speaker_is_closed() -> None:
    # BBC (XSumFaith dev, 2026-12-07): 'In a statement, the Labour leader said: "It is a
    # matter ... at all times.' was kept in the source's words and published unclosed.
    text = (
        "Ferry vote\n\n"
        'In a letter, the harbour master said: "The quay is not safe for the new boat.\n\n'
        '"It must be rebuilt before the summer."\n'
    )
    result = draft(
        clean(text.encode()),
        FakeBackend(lambda messages: "The ferry carried 999 people."),
        RewriteOptions(ratio=1.0),
    )
    first = result.pieces()[0]
    assert first.text.startswith("In a letter, the harbour master said")
    assert first.text.endswith('boat."') and first.text.count('"') == 2


def test_a_quotation_is_closed_only_at_a_sentence_end_after_its_speaker() -> None:
    # The same BBC page: the statement was kept as part of a long sentence cut at a clause,
    # and published unclosed.
    said = 'The mayor said: "The quay is not safe. "It must be rebuilt before May.'
    assert _closed(said) == said + '"'
    assert _closed('"The quay is not safe. It must be rebuilt before May.') is None
    assert _closed('The mayor said: "The quay is not safe, and') is None
    assert _closed('The mayor said: "The quay is not safe."') is None
    assert _closed('Harbour master Ada Brook: "The quay is not safe.') is not None


def test_a_piece_leaning_on_a_piece_that_published_nothing_is_dropped() -> None:
    # FiveThirtyEight (2026-12-06): a quotation's end was published as "But also with a
    # huge and well-paid staff, ..., Jamie Lovegrove ... said." after its beginning, a
    # piece of its own, had been dropped.
    text = (
        "“The board has spent a lot on the quay, not just on cranes, "
        "but also on a large staff,” said Dana Pike. Either way, the ferry is late. "
        "Mayor Ana Ruiz met the board."
    )
    ends = [text.index("but also"), text.index("Either"), text.index("Mayor Ana"), len(text)]
    spans = [Span(ends[0], ends[1] - 1), Span(ends[1], ends[2] - 1), Span(ends[2], ends[3])]
    article = Article(source="<test>", title="Quay", blocks=layout_blocks([text], ()))
    offset = article.text.index("“The board")
    spans = [Span(s.start + offset, s.end + offset) for s in spans]
    tail = Piece("But also on a large staff, Dana Pike said.", (spans[0],), "retold")
    head = Piece("", (Span(0, 0),), "dropped")
    either = Piece("Either way, the ferry is late.", (spans[1],), "retold")
    plain = Piece("Mayor Ana Ruiz met the board.", (spans[2],), "retold")
    kept = _without_orphans([OutputParagraph((head, tail, either, plain))], article)
    assert [piece.outcome for piece in kept[0].pieces] == [
        "dropped",
        "dropped",
        "dropped",
        "retold",
    ]
    # After a piece that published, nothing is dropped; a retelling that no longer opens
    # pointing back stands.
    named = Piece("Despite the quarrel, the ferry is late.", (spans[1],), "retold")
    kept = _without_orphans([OutputParagraph((head, named, plain))], article)
    assert [piece.outcome for piece in kept[0].pieces] == ["dropped", "retold", "retold"]
    kept = _without_orphans([OutputParagraph((tail, either, plain))], article)
    assert [piece.outcome for piece in kept[0].pieces] == ["retold", "retold", "retold"]


def test_a_piece_saying_he_after_a_piece_that_published_nothing_is_dropped() -> None:
    # The Standard (trafilatura-eval, 2026-12-06): "He added that Scotland will also align
    # ..." (Humza Yousaf, named in a piece that was dropped) was published as "He said ..."
    # after a sentence naming Grant Shapps.
    text = "Ola Berg of the port board spoke last. He added that the quay will close in May."
    article = Article(source="<test>", title="Quay", blocks=layout_blocks([text], ()))
    start = article.text.index("He added")
    span = Span(start, start + len(text) - text.index("He added"))
    head = Piece("", (Span(0, 0),), "dropped")
    said = Piece("He said the quay will close in May.", (span,), "retold")
    kept = _without_orphans([OutputParagraph((head, said))], article)
    assert [piece.outcome for piece in kept[0].pieces] == ["dropped", "dropped"]
    named = Piece("Berg said the quay will close in May.", (span,), "retold")
    kept = _without_orphans([OutputParagraph((head, named))], article)
    assert [piece.outcome for piece in kept[0].pieces] == ["dropped", "retold"]
