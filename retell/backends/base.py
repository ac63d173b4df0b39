"""The one small interface every language-model backend implements.

A backend generates text for a list of chat messages, picks one of a few
fixed answers (the judge's constrained "Yes"/"No"), where it can scores how
likely each token of a given reply is (the likelihood check), counts tokens in its own
tokenizer, and describes itself. Its `identity` names the exact model, so
that cached answers are never reused across models.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class Message:
    """One chat message."""

    role: Role
    content: str


@dataclass(frozen=True)
class Options:
    """Generation settings; the defaults make output deterministic."""

    max_tokens: int = 256
    temperature: float = 0.0
    seed: int = 0
    stop: tuple[str, ...] = ()
    #: A text whose wording the answer should not repeat, and how hard to steer away from
    #: it (`retell.backends.novelty`); backends that cannot steer decoding ignore both.
    novel_from: str = ""
    copy_penalty: float = 0.0


@dataclass(frozen=True)
class Generation:
    """What a backend answered, with its token counts and time."""

    text: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float
    finish_reason: str = "stop"
    cached: bool = False


@dataclass(frozen=True)
class Choice:
    """Which of the allowed answers a backend picked, with a probability for each."""

    answer: str
    probabilities: dict[str, float]
    prompt_tokens: int
    seconds: float
    completion_tokens: int = 0


@dataclass(frozen=True)
class TokenScore:
    """One token of a scored text: where it sits in the text and how likely the model found
    it there (natural log)."""

    start: int
    end: int
    logprob: float


class CannotScore(NotImplementedError):
    """Raised by a backend that cannot read token probabilities of a given text."""


@dataclass(frozen=True)
class BackendInfo:
    """How a backend describes itself in `retell backends` and in JSON output."""

    name: str
    identity: str
    context_size: int
    details: dict[str, str] = field(default_factory=dict)


class Backend(abc.ABC):
    """A language model retell can ask for text."""

    #: The most source words one rewriting request carries with this backend (a sentence
    #: longer than that goes alone). 55 suits the embedded 1.5B model: given a 250-word
    #: passage of the seed it copied most of it, overran the length and invented facts
    #: (../shared/MODELS.md), and one or two sentences at a time it retells. A backend for
    #: larger models raises it; `RewriteOptions.piece_words` overrides it for one run.
    piece_words: int = 55

    @abc.abstractmethod
    def generate(self, messages: list[Message], options: Options) -> Generation:
        """Answer the messages."""

    def choose(self, messages: list[Message], answers: Sequence[str]) -> Choice:
        """Pick one of the answers. Backends that can read the model's probabilities
        override this; the default generates a few tokens and matches their start, and
        an answer that matches none gets probability 0 everywhere and answer ""."""
        generation = self.generate(messages, Options(max_tokens=4))
        said = generation.text.strip().lower()
        picked = next((a for a in answers if said.startswith(a.lower())), "")
        probabilities = {a: float(a == picked) for a in answers}
        return Choice(
            picked,
            probabilities,
            generation.prompt_tokens,
            generation.seconds,
            generation.completion_tokens,
        )

    def score(self, messages: list[Message], reply: str) -> list[TokenScore]:
        """The log-probability of each token of `reply` as the assistant's answer to the
        messages, with its character offsets in `reply`. Backends that cannot read the
        model's probabilities of a given text raise CannotScore."""
        raise CannotScore(f"{self.info().name} cannot score a given text")

    def prime(self, messages: list[Message]) -> None:  # noqa: B027 - most backends keep no state
        """Prepare for many requests that start with these messages; by default nothing."""

    @abc.abstractmethod
    def count_tokens(self, text: str) -> int:
        """Tokens the text takes in this backend's own tokenizer."""

    @abc.abstractmethod
    def info(self) -> BackendInfo:
        """Name, exact model identity and context size."""

    def close(self) -> None:  # noqa: B027 - most backends hold nothing to release
        """Release what the backend holds (a model in memory, a connection pool)."""
