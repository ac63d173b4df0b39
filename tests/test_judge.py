"""The model judge, atomic claims, constrained answers and the rewrite's repair loop.

The judge's plumbing is tested with the fake backend and handlers that
answer like a model would; `test_judge_gate.py` measures the real embedded
model as a judge.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import httpx
import pytest

from retell import clean
from retell.backends import Backend, FakeBackend
from retell.backends.base import Message
from retell.backends.openai import OpenAIBackend
from retell.config import Price
from retell.pipeline import CheckOptions, rewrite_article
from retell.render.formats import render_result, report_dict, result_dict, result_html
from retell.rewrite.draft import MAX_TRIES, RewriteOptions, draft
from retell.verify import Verifier, check
from retell.verify.claims import atomic_claims
from retell.verify.judge import ANSWERS, Judge, question

from .conftest import ROOT

SOURCE = clean((ROOT / "examples" / "harbour-ferry.txt").read_bytes())
INVENTED = "The islanders welcomed the decision with a parade."


def judge_says_no_to(word: str) -> FakeBackend:
    """A fake judge answering No to claims holding `word`, Yes otherwise, with a reason."""

    def handler(messages: list[Message]) -> str:
        if messages[-1].content.startswith("In one short line"):
            return f"the story never mentions {word}\nsecond line is ignored"
        claim = messages[-1].content.split("Claim: ")[1]
        return "No" if word in claim else "Yes"

    return FakeBackend(handler)


# --- atomic claims --------------------------------------------------------------------------


def test_a_sentence_joining_two_clauses_becomes_two_claims() -> None:
    claims = atomic_claims(
        "Barges would carry the grain down the river, while lorries took it to the mills."
    )
    assert claims == [
        "Barges would carry the grain down the river.",
        "Lorries took it to the mills.",
    ]


def test_a_semicolon_joins_two_claims() -> None:
    assert len(atomic_claims("The council met on Monday; the vote was put off until June.")) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Food, fuel and medicine arrived on the morning ferry.",
        "The mayor spoke first, and then left.",  # "then left" cannot stand alone
        "Prices rose while we slept.",  # a short clause stays with its sentence
    ],
)
def test_lists_and_short_clauses_are_not_split(sentence: str) -> None:
    assert atomic_claims(sentence) == [sentence]


# --- the judge ------------------------------------------------------------------------------


def test_the_judge_rejects_a_claim_the_model_answers_no_with_its_reason() -> None:
    judge = Judge(judge_says_no_to("parade"))
    judgement = judge(INVENTED, ())
    assert not judgement.supported
    assert judgement.probability == 0.0
    assert judgement.reason == "the story never mentions parade"


def test_the_weakest_atomic_claim_decides() -> None:
    judge = Judge(judge_says_no_to("parade"))
    sentence = "Councillors voted to keep the ferry running, while the islanders held a parade."
    judgement = judge(sentence, ())
    assert not judgement.supported
    assert judgement.claim == "The islanders held a parade."


def test_an_answer_that_is_neither_yes_nor_no_counts_as_no_support() -> None:
    judge = Judge(FakeBackend(lambda messages: "Perhaps."), reasons=False)
    judgement = judge(INVENTED, ())
    assert not judgement.supported
    assert "no support" in judgement.reason


def test_the_prompt_puts_the_fixed_part_first_and_the_claim_last() -> None:
    first = question("Story one.", "Claim one.")
    second = question("Story one.", "Claim two.")
    assert first[:-1] == second[:-1]
    assert first[-1].content.index("Story one.") < first[-1].content.index("Claim one.")


def test_check_sends_the_judge_only_weakly_supported_sentences_the_typed_checks_pass() -> None:
    backend = judge_says_no_to("cheered")
    judged = "Residents cheered the council's choice to keep their boat link going."
    close = "Margaret Osei cheered the vote to keep the ferry."
    candidate = (
        "Councillors in Westmere voted 7 to 4 on Wednesday night to keep the town's only "
        f"passenger ferry running until at least 2028.\n\n{judged} {close}\n\n"
        "Councillors voted 9 to 2 to keep the ferry."
    )
    report = check(SOURCE, candidate, judge=Judge(backend))
    labels = [(v.label, v.types) for v in report.verdicts]
    assert labels[0] == ("supported", ())
    assert labels[1] == ("unsupported", ("judge",))
    assert labels[2] == ("supported", ())  # one source sentence holds nearly all its words
    assert labels[3][0] == "contradicted" and "number" in labels[3][1]
    asked = [call[-1].content for call in backend.calls if "Claim: " in call[-1].content]
    assert len(asked) == 1 and judged in asked[0]


def test_a_new_verb_acting_on_a_new_noun_goes_to_the_judge_however_close_the_words() -> None:
    # "Switching focus to Android has solved the problems with the BB10 platform." (an
    # XSumFaith test summary, 2026-12-07) kept most of its source sentence's words.
    backend = judge_says_no_to("solved")
    new = (
        "Councillors in Westmere voted 7 to 4 on Wednesday night to keep the town's only "
        "passenger ferry running until 2028, which solved the problems of the islands."
    )
    report = check(SOURCE, new, judge=Judge(backend))
    assert [(v.label, v.types) for v in report.verdicts] == [("unsupported", ("judge",))]
    asked = [call[-1].content for call in backend.calls if "Claim: " in call[-1].content]
    assert asked


def test_judge_all_sends_strongly_supported_sentences_too() -> None:
    close = "Margaret Osei cheered the vote to keep the ferry."
    report = check(SOURCE, close, judge=Judge(judge_says_no_to("cheered")), judge_all=True)
    assert [(v.label, v.types) for v in report.verdicts] == [("unsupported", ("judge",))]


def test_a_check_reports_what_the_judge_spent() -> None:
    backend = judge_says_no_to("cheered")
    candidate = "Residents cheered the vote. Margaret Osei praised the ferry's crew."
    report = check(SOURCE, candidate, judge=Judge(backend), judge_all=True)
    spent = report.judged
    assert spent is not None and spent.calls == len(backend.calls) >= 3  # claims and a reason
    asked = sum(backend.count_tokens(m.content) for call in backend.calls for m in call)
    assert spent.prompt_tokens == asked
    assert report_dict(report)["judge"]["questions"] == spent.calls
    assert report_dict(check(SOURCE, candidate))["judge"] is None


def test_the_judges_tokens_are_counted_apart_from_the_rewriting_ones() -> None:
    def writer(messages: list[Message]) -> str:
        return shortened(messages, INVENTED)

    judge = judge_says_no_to("parade")
    result = rewrite_article(
        SOURCE,
        FakeBackend(writer),
        RewriteOptions(),
        checks=CheckOptions(judge_all=True),
        judge_backend=judge,
    )
    totals = result_dict(result)["totals"]
    pieces = result.pieces()
    assert totals["prompt_tokens"] == sum(piece.prompt_tokens for piece in pieces)
    assert totals["judge"]["questions"] == len(judge.calls) > 0
    judged = sum(judge.count_tokens(m.content) for call in judge.calls for m in call)
    assert totals["judge"]["prompt_tokens"] == judged
    price, judge_price = Price(input=1.0, output=2.0), Price(input=10.0, output=0.0)
    record = json.loads(render_result(result, "json", price=price, judge_price=judge_price))
    expected = (totals["prompt_tokens"] + 2 * totals["completion_tokens"] + 10 * judged) / 1_000_000
    assert record["totals"]["cost"] == pytest.approx(expected, abs=1e-6)


# --- constrained answers over HTTP ----------------------------------------------------------


def logprob_server(top: list[tuple[str, float]] | None) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        payload = json.loads(request.content)
        choice: dict[str, object] = {"message": {"content": "Yes"}, "finish_reason": "stop"}
        if top is not None and payload.get("logprobs"):
            entries = [{"token": t, "logprob": lp} for t, lp in top]
            choice["logprobs"] = {"content": [{"token": top[0][0], "top_logprobs": entries}]}
        return httpx.Response(200, json={"choices": [choice], "usage": {"prompt_tokens": 9}})

    return httpx.MockTransport(handle)


def test_openai_choose_reads_the_top_log_probabilities() -> None:
    top = [("No", math.log(0.6)), (" yes", math.log(0.3)), ("Maybe", math.log(0.1))]
    backend = OpenAIBackend("http://judge.invalid/v1", transport=logprob_server(top))
    choice = backend.choose([Message("user", "?")], ANSWERS)
    assert choice.answer == "No"
    assert choice.probabilities["Yes"] == pytest.approx(1 / 3)


def test_openai_choose_without_log_probabilities_matches_the_text() -> None:
    backend = OpenAIBackend("http://judge.invalid/v1", transport=logprob_server(None))
    choice = backend.choose([Message("user", "?")], ANSWERS)
    assert choice.answer == "Yes" and choice.probabilities == {"Yes": 1.0, "No": 0.0}


# --- the rewrite's repair loop --------------------------------------------------------------


def source_of(messages: list[Message]) -> str:
    return messages[-1].content.split("<source>")[1].split("</source>")[0].strip()


def shortened(messages: list[Message], added: str = "") -> str:
    """The start of the source, cut to the length asked for, with a sentence added."""
    words = source_of(messages).split()
    keep = max(3, round(0.8 * len(words)) - len(added.split()))
    return " ".join(words[:keep]).rstrip(",.;") + ". " + added


def test_a_retelling_with_an_unsupported_sentence_is_regenerated() -> None:
    def writer(messages: list[Message]) -> str:
        if "not supported by the source" in messages[-1].content:
            return shortened(messages)
        return shortened(messages, INVENTED)

    verifier = Verifier(SOURCE, Judge(judge_says_no_to("parade")))
    result = draft(SOURCE, FakeBackend(writer), critic=verifier)
    assert "parade" not in result.text
    first = result.pieces()[0]
    assert [r.action for r in first.repairs] == ["regenerated"]
    assert first.tries == 2 and first.verdicts  # the passing second answer is kept
    assert all(v.label == "supported" for piece in result.pieces() for v in piece.verdicts)
    # Asked for new wording, the second answer copies too much of its source, so a third is
    # asked for; that one invents the parade again, and the passing second answer is kept.
    reworded = draft(
        SOURCE, FakeBackend(writer), RewriteOptions(reword_above=0.75), critic=verifier
    )
    again = reworded.pieces()[0]
    assert again.tries == MAX_TRIES and again.text == first.text


def test_a_sentence_that_keeps_failing_is_dropped_and_reported() -> None:
    def writer(messages: list[Message]) -> str:
        return shortened(messages, INVENTED)

    verifier = Verifier(SOURCE, Judge(judge_says_no_to("parade")))
    result = draft(SOURCE, FakeBackend(writer), critic=verifier)
    assert "parade" not in result.text
    first = result.pieces()[0]
    assert first.tries == MAX_TRIES
    assert [r.action for r in first.repairs] == ["regenerated"] * (MAX_TRIES - 1) + ["dropped"]
    totals = result_dict(result)["totals"]
    assert totals["dropped"] == len(result.pieces())
    page = result_html(result)
    assert "dropped" in page and "parade" in page  # reported, not published
    assert 's-unsupported" id=' not in page  # no published sentence is marked unsupported


# --- the embedded model as judge ------------------------------------------------------------


def test_a_primed_prefix_is_kept_on_disk_and_gives_the_same_answers(
    embedded: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RETELL_CACHE", str(tmp_path))
    story = "The Harwick footbridge reopened on Monday after six weeks of repairs."
    asked = question(story, "The footbridge reopened on Monday.")
    cold = embedded.choose(asked, ANSWERS).probabilities["Yes"]
    embedded.prime(asked[:-1])
    assert len(list((tmp_path / "states").glob("*.npz"))) == 1
    primed = embedded.choose(asked, ANSWERS).probabilities["Yes"]
    embedded.choose([Message("user", "Say yes.")], ANSWERS)  # llama.cpp holds other tokens now
    after_other = embedded.choose(asked, ANSWERS).probabilities["Yes"]  # prefix put back
    assert after_other == pytest.approx(primed, abs=1e-4)
    embedded.choose([Message("user", "Say yes.")], ANSWERS)
    embedded._prefixes.clear()  # type: ignore[attr-defined]  # as in a new process
    embedded.prime(asked[:-1])  # restored from the file
    restored = embedded.choose(asked, ANSWERS).probabilities["Yes"]
    assert restored == pytest.approx(primed, abs=1e-4)
    # Evaluating the prefix in its own batch moves the float sums a little, no more.
    assert primed == pytest.approx(cold, abs=0.05)
    assert cold > 0.5
    wrong = question(story, "The footbridge stayed shut on Monday.")
    assert embedded.choose(wrong, ANSWERS).probabilities["Yes"] < cold
