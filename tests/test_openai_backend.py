"""The OpenAI-compatible backend against a real llama-cpp-python server on loopback.

The server runs the embedded model. One test kills it in the middle of a
rewrite: the error names the server, the pieces already answered stay in
the cache, and a re-run against the restarted server finishes from there.
Retry and error handling are also tested with httpx's MockTransport.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from retell import clean
from retell.backends import openai as openai_module
from retell.backends.base import Message, Options
from retell.backends.cache import Cache
from retell.backends.models import embedded_model_path
from retell.backends.openai import OpenAIBackend
from retell.errors import ServerError
from retell.rewrite.draft import RewriteOptions, draft

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "harbour-ferry.txt"
STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """A `python -m llama_cpp.server` process serving the embedded model."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}/v1"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [
            sys.executable,
            "-c",
            # The server's model load gets the library's guard against llama.cpp's AMX crash.
            "import runpy; from retell.backends.local import without_amx; without_amx(); "
            "runpy.run_module('llama_cpp.server', run_name='__main__')",
            "--model",
            str(embedded_model_path()),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--n_ctx",
            "4096",
            "--n_threads",
            "2",
            "--model_alias",
            "embedded",
        ]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the llama.cpp server exited while starting"
            try:
                if httpx.get(f"{self.url}/models", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.5)
        raise AssertionError("the llama.cpp server did not start in time")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    running = Server(free_port())
    running.start()
    yield running
    running.kill()


def test_generate_answers_with_token_counts(server: Server) -> None:
    backend = OpenAIBackend(server.url, "embedded")
    messages = [Message("user", "Say the word harbour and nothing else.")]
    first = backend.generate(messages, Options(max_tokens=8))
    second = backend.generate(messages, Options(max_tokens=8))
    assert "harbour" in first.text.lower()
    assert first.prompt_tokens > 0 and first.completion_tokens > 0
    assert first.text == second.text  # temperature 0 and a fixed seed repeat exactly


def test_tokens_are_counted_by_the_server(server: Server) -> None:
    from llama_cpp import Llama

    vocabulary = Llama(model_path=str(embedded_model_path()), vocab_only=True, verbose=False)
    text = "Councillors in Westmere voted 7 to 4 to keep the ferry."
    expected = len(vocabulary.tokenize(text.encode(), add_bos=False, special=False))
    assert OpenAIBackend(server.url, "embedded").count_tokens(text) == expected


def test_killed_server_keeps_finished_pieces_and_resumes(tmp_path: Path) -> None:
    article = clean(EXAMPLE.read_bytes())
    cache = Cache(tmp_path / "answers.sqlite")
    dying = Server(free_port())
    dying.start()
    options = RewriteOptions(ratio=0.6)
    answered: list[int] = []

    def kill_after_first(done: int, total: int) -> None:
        answered.append(done)
        if done == 1:
            dying.kill()

    try:
        with pytest.raises(ServerError) as caught:
            draft(
                article,
                OpenAIBackend(dying.url, "embedded"),
                options,
                cache=cache,
                progress=kill_after_first,
            )
        assert dying.url in caught.value.one_line(), caught.value.one_line()
        assert caught.value.exit_code == 12
        assert answered == [1], caught.value.one_line()
        dying.start()  # the same port: the same backend identity, so the cache applies
        result = draft(article, OpenAIBackend(dying.url, "embedded"), options, cache=cache)
    finally:
        dying.kill()
    assert result.pieces()[0].cached
    assert not any(piece.cached for piece in result.pieces()[1:])
    assert len(result.pieces()) >= 2


def mock_backend(statuses: list[int]) -> tuple[OpenAIBackend, list[int]]:
    """A backend whose server answers the given statuses in turn."""
    seen: list[int] = []
    body = {
        "choices": [{"message": {"content": "ok"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1},
    }

    def handler(request: httpx.Request) -> httpx.Response:
        status = statuses[len(seen)]
        seen.append(status)
        return httpx.Response(status, json=body if status == 200 else {"error": "busy"})

    backend = OpenAIBackend("http://mock.invalid/v1", transport=httpx.MockTransport(handler))
    return backend, seen


def test_retries_rate_limits_and_server_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(openai_module, "BACKOFF_SECONDS", 0.0)
    backend, seen = mock_backend([429, 503, 200])
    assert backend.generate([Message("user", "hi")], Options()).text == "ok"
    assert seen == [429, 503, 200]


def test_gives_up_after_the_last_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(openai_module, "BACKOFF_SECONDS", 0.0)
    backend, seen = mock_backend([500] * openai_module.RETRIES)
    with pytest.raises(ServerError, match="still failing"):
        backend.generate([Message("user", "hi")], Options())
    assert len(seen) == openai_module.RETRIES


def test_client_errors_are_not_retried() -> None:
    backend, seen = mock_backend([400, 200])
    with pytest.raises(ServerError, match="HTTP 400"):
        backend.generate([Message("user", "hi")], Options())
    assert seen == [400]


def test_unreachable_server_is_a_server_error_naming_it() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(ServerError) as caught:
        OpenAIBackend(url).generate([Message("user", "hi")], Options())
    assert url in caught.value.one_line()
    assert json.dumps(caught.value.one_line())  # one printable line
    assert "\n" not in caught.value.one_line()
