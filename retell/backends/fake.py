"""A deterministic backend for tests and demos, shipped in the library.

Like httpx's MockTransport, it takes a handler: a function from the chat
messages to the answer text. The default handler retells by echoing the
source sentences the prompt marks between `<source>` and `</source>`, so a
pipeline run with `fake` is faithful by construction and fully repeatable.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from retell.backends.base import Backend, BackendInfo, Generation, Message, Options

Handler = Callable[[list[Message]], str]

_SOURCE = re.compile(r"<source>\s*(.*?)\s*</source>", re.S)
FAKE_CONTEXT = 4096


def echo_source(messages: list[Message]) -> str:
    """Answer with the text between <source> tags of the last message, or with it whole."""
    last = messages[-1].content if messages else ""
    match = _SOURCE.search(last)
    return " ".join((match.group(1) if match else last).split())


class FakeBackend(Backend):
    """Answers through a handler function; counts a token per 4 characters."""

    def __init__(
        self,
        handler: Handler = echo_source,
        *,
        context_size: int = FAKE_CONTEXT,
        record: bool = True,
    ) -> None:
        self.handler = handler
        self.context_size = context_size
        # Tests read the calls back; a long batch run must not keep them all.
        self.record = record
        self.calls: list[list[Message]] = []

    def generate(self, messages: list[Message], options: Options) -> Generation:
        """Record the call unless told not to; answer through the handler, cut at max_tokens."""
        if self.record:
            self.calls.append(list(messages))
        text = self.handler(messages)
        limit = options.max_tokens * 4
        finish = "length" if len(text) > limit else "stop"
        prompt = sum(self.count_tokens(message.content) for message in messages)
        return Generation(text[:limit], prompt, self.count_tokens(text[:limit]), 0.0, finish)

    def count_tokens(self, text: str) -> int:
        """One token per four characters, rounded up: close to real tokenizers on English."""
        return math.ceil(len(text) / 4)

    def info(self) -> BackendInfo:
        """The fake's identity includes its handler, so caches never mix handlers."""
        name = getattr(self.handler, "__qualname__", "handler")
        return BackendInfo("fake", f"fake:{name}", self.context_size)
