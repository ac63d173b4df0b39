"""Backends, chosen by a string.

    local                    the embedded model (default)
    local:PATH.gguf          any GGUF file, run in-process
    openai:BASE_URL[#MODEL]  any OpenAI-compatible server
    fake                     deterministic, for tests and demos

Every backend registers through `register`, the built-in ones included, so a
third-party backend plugs in the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from retell.backends.base import Backend, BackendInfo, Choice, Generation, Message, Options
from retell.backends.fake import FakeBackend
from retell.errors import UnknownBackend

Factory = Callable[[str], Backend]


@dataclass(frozen=True)
class Registration:
    """A backend kind: how to build one from the text after the colon, and how to use it."""

    factory: Factory
    usage: str
    summary: str


REGISTRY: dict[str, Registration] = {}
DEFAULT_BACKEND = "local"


def register(prefix: str, factory: Factory, *, usage: str, summary: str) -> None:
    """Make `prefix[:ARGUMENT]` build a backend through `factory(ARGUMENT)`."""
    REGISTRY[prefix] = Registration(factory, usage, summary)


def get_backend(spec: str = DEFAULT_BACKEND) -> Backend:
    """Build the backend a string names; an unknown prefix is an UnknownBackend."""
    prefix, _, argument = spec.partition(":")
    registration = REGISTRY.get(prefix)
    if registration is None:
        known = ", ".join(sorted(REGISTRY))
        raise UnknownBackend(f"unknown backend; known kinds: {known}", source=spec)
    return registration.factory(argument)


def _local(argument: str) -> Backend:
    from retell.backends.local import LocalBackend

    return LocalBackend(Path(argument) if argument else None)


def _openai(argument: str) -> Backend:
    from retell.backends.openai import OpenAIBackend

    url, _, model = argument.partition("#")
    if not url.startswith(("http://", "https://")):
        raise UnknownBackend("expected openai:http(s)://HOST[:PORT]/v1[#MODEL]", source=argument)
    return OpenAIBackend(url, model or "default")


def _fake(argument: str) -> Backend:
    return FakeBackend(record=False)


register(
    "local",
    _local,
    usage="local | local:PATH.gguf",
    summary="embedded Qwen2.5-Coder-1.5B-Instruct GGUF (or any GGUF file), llama-cpp-python",
)
register(
    "openai",
    _openai,
    usage="openai:BASE_URL[#MODEL]",
    summary="any OpenAI-compatible server; key from RETELL_OPENAI_API_KEY or OPENAI_API_KEY",
)
register("fake", _fake, usage="fake", summary="deterministic echo of the source, for tests")

__all__ = [
    "DEFAULT_BACKEND",
    "REGISTRY",
    "Backend",
    "BackendInfo",
    "Choice",
    "FakeBackend",
    "Generation",
    "Message",
    "Options",
    "get_backend",
    "register",
]
