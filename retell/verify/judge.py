"""The model judge: a language model decides what the typed checks cannot.

The typed checks catch a wrong number, name, role or quotation; they
cannot tell whether "the union accused the company" says what "the company
accused the union" says. For a sentence they pass, the judge shows the
configured backend the retrieved source sentences and each atomic claim of
the sentence, and asks for one of two answers, "Yes" or "No". The answer is
read from the model's probabilities, never parsed from free text, and a
claim counts as supported only when P(Yes) reaches `threshold`. For a claim
it rejects, the model is asked for a one-line reason.

The instructions and worked examples come first and never change, and the
evidence comes before the claim, so llama.cpp evaluates them once and only
the claim is new for each question. Any backend works, so a stronger model
behind `openai:` plugs in with `--backend` alone.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from retell.article import Evidence, Spend
from retell.backends.base import Backend, Message, Options
from retell.verify.claims import atomic_claims

ANSWERS = ("Yes", "No")

#: P(Yes) a claim needs. Chosen for the embedded model on the team's claim set
#: (tests/data/claims), on the claims the typed checks pass: balanced accuracy over the
#: whole set peaks between 0.3 and 0.35, and every step above 0.35 fails more faithful
#: claims than it catches errors. A stronger judge may want a higher value (--threshold).
DEFAULT_THRESHOLD = 0.3

INSTRUCTIONS = (
    "You check sentences written from a news story against the story itself. You see "
    "sentences from the story and one claim. Answer Yes if the story sentences state "
    "everything the claim says; different wording is fine. Answer No if any part of the "
    "claim is missing from them or differs: a number, a date or time, a name, a person's "
    "title or job, who did what to whom, a meaning turned around, or a reaction, plan, "
    "place or detail the story does not mention. Answer with one word: Yes or No."
)

# Invented examples, one of each common kind of error, alternating with faithful ones.
EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "Librarian Ruth Okafor said the Elmbridge library would close on Sundays from March "
        "to save £40,000 a year.",
        "The Elmbridge library will stop opening on Sundays from March, a change meant to "
        "save £40,000 a year, librarian Ruth Okafor said.",
        "Yes",
    ),
    (
        "Librarian Ruth Okafor said the Elmbridge library would close on Sundays from March.",
        "Council leader Ruth Okafor said the library would close on Sundays from March.",
        "No",
    ),
    (
        "The bridge, built in 1890, will reopen in May after repairs costing £2m.",
        "Repairs to the 1890 bridge will cost £2m, and it is due to reopen in May.",
        "Yes",
    ),
    (
        "The drivers' union accused the bus company of breaking the pay agreement.",
        "The bus company accused the drivers' union of breaking the pay agreement.",
        "No",
    ),
    (
        "Residents opposed the plan at a packed meeting on Tuesday.",
        "At a crowded meeting on Tuesday, residents spoke out against the plan.",
        "Yes",
    ),
    (
        "Two men were arrested after the raid, police said.",
        "Police said two men were arrested after the raid and both have been charged.",
        "No",
    ),
    (
        "Barges carry the grain down the river, while lorries take it on to the mills.",
        "The grain goes down the river by barge and on to the mills by lorry.",
        "Yes",
    ),
    (
        "Residents opposed the plan at a packed meeting on Tuesday.",
        "Residents welcomed the plan at a packed meeting on Tuesday.",
        "No",
    ),
)

REASON_QUESTION = "In one short line, what does the claim get wrong or add?"


@dataclass(frozen=True)
class Judgement:
    """The judge's decision on one sentence, with its weakest claim."""

    supported: bool
    probability: float
    claim: str
    reason: str
    seconds: float


class Judge:
    """Asks a backend whether the evidence supports each atomic claim of a sentence."""

    def __init__(
        self, backend: Backend, *, threshold: float = DEFAULT_THRESHOLD, reasons: bool = True
    ) -> None:
        self.backend = backend
        self.threshold = threshold
        self.reasons = reasons
        self._primed = False
        #: Every question and reason asked so far, for the usage a run records.
        self.spent = Spend(backend.info().identity)

    def __call__(self, sentence: str, evidence: Sequence[Evidence]) -> Judgement:
        """Judge every atomic claim of the sentence; the weakest one decides."""
        start = time.perf_counter()
        shown = passage(evidence)
        scored = [(self.probability(shown, claim), claim) for claim in atomic_claims(sentence)]
        probability, claim = min(scored)
        supported = probability >= self.threshold
        reason = "" if supported else self.reason(shown, claim)
        return Judgement(supported, probability, claim, reason, time.perf_counter() - start)

    def probability(self, shown: str, claim: str) -> float:
        """P(Yes) that the shown source sentences support the claim."""
        if not self._primed:
            self.backend.prime(question(shown, claim)[:-1])
            self._primed = True
        choice = self.backend.choose(question(shown, claim), ANSWERS)
        self.spent = self.spent.add(choice.prompt_tokens, choice.completion_tokens, choice.seconds)
        return choice.probabilities["Yes"]

    def reason(self, shown: str, claim: str) -> str:
        """The model's one-line reason for rejecting a claim."""
        plain = f"the judge found no support for: {claim}"
        if not self.reasons:
            return plain
        messages = [
            *question(shown, claim),
            Message("assistant", "No"),
            Message("user", REASON_QUESTION),
        ]
        answer = self.backend.generate(messages, Options(max_tokens=40, stop=("\n",)))
        self.spent = self.spent.add(answer.prompt_tokens, answer.completion_tokens, answer.seconds)
        first = answer.text.strip().split("\n", 1)[0]
        return " ".join(first.split()) or plain


def passage(evidence: Sequence[Evidence]) -> str:
    """The source sentences, in the order the source gives them."""
    return " ".join(span.text for span in sorted(evidence, key=lambda span: span.start))


def question(shown: str, claim: str) -> list[Message]:
    """The instructions, the worked examples, then this evidence and claim."""
    messages = [Message("system", INSTRUCTIONS)]
    for example_source, example_claim, answer in EXAMPLES:
        messages += [
            Message("user", ask(example_source, example_claim)),
            Message("assistant", answer),
        ]
    return [*messages, Message("user", ask(shown, claim))]


def ask(shown: str, claim: str) -> str:
    """One question: story sentences first, so the claim is the only new text."""
    return f"Story: {shown}\nClaim: {claim}\nDoes the story state everything the claim says?"
