"""The one small interface every language-model backend implements.

A backend generates text for a list of chat messages, counts tokens in its
own tokenizer, and describes itself. Its `identity` names the exact model,
so that cached answers are never reused across models.
"""

from __future__ import annotations

import abc
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
class BackendInfo:
    """How a backend describes itself in `retell backends` and in JSON output."""

    name: str
    identity: str
    context_size: int
    details: dict[str, str] = field(default_factory=dict)


class Backend(abc.ABC):
    """A language model retell can ask for text."""

    @abc.abstractmethod
    def generate(self, messages: list[Message], options: Options) -> Generation:
        """Answer the messages."""

    @abc.abstractmethod
    def count_tokens(self, text: str) -> int:
        """Tokens the text takes in this backend's own tokenizer."""

    @abc.abstractmethod
    def info(self) -> BackendInfo:
        """Name, exact model identity and context size."""

    def close(self) -> None:  # noqa: B027 - most backends hold nothing to release
        """Release what the backend holds (a model in memory, a connection pool)."""
