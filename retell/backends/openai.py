"""Any OpenAI-compatible chat server: vLLM, llama.cpp, Ollama, hosted APIs.

Chosen as `openai:BASE_URL[#MODEL]`, for example
`openai:http://127.0.0.1:8080/v1#qwen`. The API key, when the server wants
one, comes from RETELL_OPENAI_API_KEY (or OPENAI_API_KEY). Rate limits (429)
and server errors (5xx) are retried with exponential backoff; a server that
cannot be reached, or stops answering, is a `ServerError` naming its URL.

Tokens are counted by the server itself where it offers a tokenize endpoint
(llama.cpp and llama-cpp-python do); otherwise one token per three
characters is assumed, which overestimates on purpose so chunks still fit.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Sequence
from typing import Any

import httpx

from retell.backends.base import Backend, BackendInfo, Choice, Generation, Message, Options
from retell.errors import ServerError

DEFAULT_CONTEXT = 4096
RETRIES = 4
BACKOFF_SECONDS = 0.5
KEY_VARIABLES = ("RETELL_OPENAI_API_KEY", "OPENAI_API_KEY")


class OpenAIBackend(Backend):
    """Chat completions over HTTP with retries, timeouts and clear errors."""

    #: A server is how a large model is plugged in, so it is given a whole output
    #: paragraph at a time (the rewrite's paragraphs draw on about 125 source words); the
    #: checks hold each sentence of the answer as they hold a short one. A small model
    #: behind a server should be run with `--piece-words 55`.
    piece_words = 150

    def __init__(
        self,
        base_url: str,
        model: str = "default",
        *,
        timeout: float = 120.0,
        context_size: int = DEFAULT_CONTEXT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.context_size = context_size
        headers = {"Authorization": f"Bearer {key}"} if (key := _api_key()) else {}
        self.client = httpx.Client(timeout=timeout, headers=headers, transport=transport)
        self._tokenize_url: str | bool | None = False  # False: not looked for yet
        # Every request repeats the same system prompt and examples; count each text once.
        self._token_counts: dict[str, int] = {}

    def generate(self, messages: list[Message], options: Options) -> Generation:
        """Ask the server for a chat completion."""
        payload: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "seed": options.seed,
        }
        if options.stop:
            payload["stop"] = list(options.stop)
        start = time.perf_counter()
        body = self._post("/chat/completions", payload)
        return _generation(body, time.perf_counter() - start)

    def choose(self, messages: list[Message], answers: Sequence[str]) -> Choice:
        """One token with its top log-probabilities; a server without them gets the
        default (generate and match)."""
        payload: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "max_tokens": 1,
            "temperature": 0.0,
            "logprobs": True,
            "top_logprobs": 10,
        }
        start = time.perf_counter()
        try:
            body = self._post("/chat/completions", payload)
        except ServerError:
            return super().choose(messages, answers)
        probabilities = _answer_probabilities(body, answers)
        if probabilities is None:
            return super().choose(messages, answers)
        usage = body.get("usage") or {}
        picked = max(probabilities, key=probabilities.__getitem__)
        return Choice(
            picked,
            probabilities,
            int(usage.get("prompt_tokens", 0)),
            time.perf_counter() - start,
            int(usage.get("completion_tokens", 1)),
        )

    def count_tokens(self, text: str) -> int:
        """The server's own token count where it offers one, else a safe estimate."""
        url = self._find_tokenizer()
        if url is None:
            return math.ceil(len(text) / 3)
        if text not in self._token_counts:
            response = self._send(url, {"content": text, "input": text})
            self._token_counts[text] = len(response.json().get("tokens", []))
        return self._token_counts[text]

    def info(self) -> BackendInfo:
        """The server URL and model name."""
        return BackendInfo(
            "openai",
            f"openai:{self.base_url}#{self.model}",
            self.context_size,
            {"url": self.base_url, "model": self.model},
        )

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()

    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        """POST with retries on 429 and 5xx; connection failures become ServerError."""
        url = self.base_url + path
        for attempt in range(RETRIES):
            response = self._send(url, payload)
            if response.status_code < 400:
                result: dict[str, Any] = response.json()
                return result
            if response.status_code != 429 and response.status_code < 500:
                raise ServerError(
                    f"answered HTTP {response.status_code}: {response.text[:200]}",
                    source=self.base_url,
                )
            time.sleep(BACKOFF_SECONDS * 2**attempt)
        raise ServerError(
            f"still failing after {RETRIES} tries (HTTP {response.status_code})",
            source=self.base_url,
        )

    def _send(self, url: str, payload: dict[str, Any]) -> httpx.Response:
        """One request; a network failure is a ServerError naming the URL."""
        try:
            return self.client.post(url, json=payload)
        except httpx.TimeoutException as error:
            raise ServerError(
                f"{_path(url)} did not answer in time", source=self.base_url
            ) from error
        except httpx.TransportError as error:
            raise ServerError(
                f"cannot be reached at {_path(url)} ({type(error).__name__})", source=self.base_url
            ) from error

    def _find_tokenizer(self) -> str | None:
        """The server's tokenize endpoint, looked for once."""
        if self._tokenize_url is False:
            self._tokenize_url = None
            root = self.base_url.removesuffix("/v1")
            for url in (f"{root}/extras/tokenize", f"{root}/tokenize"):
                if self._answers(url):
                    self._tokenize_url = url
                    break
        return self._tokenize_url if isinstance(self._tokenize_url, str) else None

    def _answers(self, url: str) -> bool:
        """True when a tokenize endpoint answers a probe with a token list."""
        try:
            response = self.client.post(url, json={"content": "a", "input": "a"})
        except httpx.HTTPError:
            return False
        return response.status_code == 200 and "tokens" in response.text


def _path(url: str) -> str:
    """The path part of a URL, to say which endpoint failed."""
    return httpx.URL(url).path


def _answer_probabilities(body: dict[str, Any], answers: Sequence[str]) -> dict[str, float] | None:
    """Each answer's share of probability among the first token's top alternatives."""
    try:
        top = body["choices"][0]["logprobs"]["content"][0]["top_logprobs"]
    except (KeyError, IndexError, TypeError):
        return None
    weights = dict.fromkeys(answers, 0.0)
    for entry in top:
        token = str(entry.get("token", "")).strip().lower()
        for answer in answers:
            if token and answer.lower().startswith(token):
                weights[answer] += math.exp(float(entry.get("logprob", -math.inf)))
    total = sum(weights.values())
    return {answer: weight / total for answer, weight in weights.items()} if total else None


def _api_key() -> str | None:
    """The API key from the environment, if any."""
    return next((os.environ[name] for name in KEY_VARIABLES if os.environ.get(name)), None)


def _generation(body: dict[str, Any], seconds: float) -> Generation:
    """A Generation from an OpenAI chat-completion response body."""
    choice = body["choices"][0]
    usage = body.get("usage") or {}
    return Generation(
        text=(choice.get("message") or {}).get("content") or "",
        prompt_tokens=int(usage.get("prompt_tokens", 0)),
        completion_tokens=int(usage.get("completion_tokens", 0)),
        seconds=seconds,
        finish_reason=choice.get("finish_reason") or "stop",
    )
