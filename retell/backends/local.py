"""The embedded backend: a GGUF model run in-process with llama-cpp-python.

`local` runs the embedded model (see `retell.backends.models`); `local:PATH.gguf`
runs any other GGUF file. The model's own chat template formats the
messages. Threads default to the machine's cores; generation is greedy
with a fixed seed, so the same request gives the same answer.
"""

from __future__ import annotations

import hashlib
import math
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from retell.backends.base import (
    Backend,
    BackendInfo,
    Choice,
    Generation,
    Message,
    Options,
    TokenScore,
)
from retell.backends.models import EMBEDDED, cache_dir, embedded_model_path
from retell.backends.novelty import CopyPenalty
from retell.errors import ModelError

DEFAULT_CONTEXT = 4096
GGUF_MAGIC = b"GGUF"


class LocalBackend(Backend):
    """A llama.cpp model loaded from a GGUF file."""

    def __init__(
        self,
        model_path: Path | None = None,
        *,
        context_size: int = DEFAULT_CONTEXT,
        threads: int | None = None,
    ) -> None:
        self.embedded = model_path is None
        self.model_path = embedded_model_path() if model_path is None else model_path
        _check_gguf(self.model_path)
        self.context_size = context_size
        self.threads = threads or os.cpu_count() or 1
        self.llama = _load(self.model_path, context_size, self.threads)
        # Primed prefixes (instructions and examples), with llama.cpp's state after each.
        self._prefixes: dict[tuple[Message, ...], tuple[list[int], bytes]] = {}

    def generate(self, messages: list[Message], options: Options) -> Generation:
        """Run one chat completion in-process."""
        self._restore_prefix(messages)
        start = time.perf_counter()
        response: Any = self.llama.create_chat_completion(
            messages=[{"role": m.role, "content": m.content} for m in messages],
            max_tokens=options.max_tokens,
            temperature=options.temperature,
            seed=options.seed,
            stop=list(options.stop) or None,
            logits_processor=self._steering(options),
        )
        choice = response["choices"][0]
        usage = response.get("usage") or {}
        return Generation(
            text=choice["message"].get("content") or "",
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", 0)),
            seconds=time.perf_counter() - start,
            finish_reason=choice.get("finish_reason") or "stop",
        )

    def choose(self, messages: list[Message], answers: Sequence[str]) -> Choice:
        """Read the model's next-token logits and pick the likeliest answer.

        Only each answer's first token is compared, so answers must differ in
        their first token ("Yes"/"No"). llama.cpp keeps the previous prompt in
        its cache and evaluates only what differs, which makes a run of
        questions about the same evidence cheap.
        """
        firsts = {answer: self._first_token(answer) for answer in answers}
        self._restore_prefix(messages)
        seen: list[Any] = []

        def capture(input_ids: Any, scores: Any) -> Any:
            if not seen:
                seen.append(scores.copy())
            return scores

        start = time.perf_counter()
        response: Any = self.llama.create_chat_completion(
            messages=[{"role": m.role, "content": m.content} for m in messages],
            max_tokens=1,
            temperature=0.0,
            logits_processor=[capture],
        )
        logits = {answer: float(seen[0][token]) for answer, token in firsts.items()}
        probabilities = _softmax(logits)
        usage = response.get("usage") or {}
        return Choice(
            max(probabilities, key=probabilities.__getitem__),
            probabilities,
            int(usage.get("prompt_tokens", 0)),
            time.perf_counter() - start,
            int(usage.get("completion_tokens", 1)),
        )

    def score(self, messages: list[Message], reply: str) -> list[TokenScore]:
        """Each token of the reply's log-probability after the messages, read from the
        logits llama.cpp computes for every position of the reply.

        The messages' tokens that llama.cpp still holds are not evaluated again, so
        scoring several replies to the same article reads the article once.
        """
        self._restore_prefix(messages)
        prompt = self._prefix_tokens(messages, reply=True)
        pieces = self.llama.tokenize(reply.encode("utf-8"), add_bos=False, special=False)
        rows = _evaluate_scored(self.llama, prompt + pieces, len(prompt))
        return _token_scores(self.llama, pieces, rows)

    def prime(self, messages: list[Message]) -> None:
        """Evaluate a prefix many requests share (the judge's instructions and examples)
        and keep llama.cpp's state for it on disk, so a later run starts from there.

        Later requests that begin with the same tokens evaluate only the rest. A
        saved state that llama.cpp refuses is ignored and the prefix evaluated anew.
        """
        tokens = self._prefix_tokens(messages)
        path = self._state_path(tokens)
        state = _read_state(path, tokens)
        if state is None or not _restore(self.llama, tokens, state):
            self.llama.reset()
            self.llama.eval(tokens)
            state = _state_bytes(self.llama)
            _write_state(path, tokens, state)
        self._prefixes[tuple(messages)] = (tokens, state)

    def _restore_prefix(self, messages: list[Message]) -> None:
        """Put back a primed prefix the request starts with, when other requests have
        since taken its place in llama.cpp's cache (the rewrite and the judge take turns)."""
        for prefix, (tokens, state) in self._prefixes.items():
            if tuple(messages[: len(prefix)]) != prefix or self._holds(tokens):
                continue
            if not _restore(self.llama, tokens, state):
                del self._prefixes[prefix]
            return

    def _holds(self, tokens: list[int]) -> bool:
        """True when llama.cpp's cache starts with these tokens."""
        held = self.llama.n_tokens
        return bool(held >= len(tokens) and self.llama.input_ids[: len(tokens)].tolist() == tokens)

    def _prefix_tokens(self, messages: list[Message], *, reply: bool = False) -> list[int]:
        """The tokens of messages as the chat template lays them out; with `reply`, up to
        where the assistant's answer begins."""
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        llama = self.llama
        eos = llama.detokenize([llama.token_eos()], special=True).decode("utf-8", "replace")
        bos = llama.detokenize([llama.token_bos()], special=True).decode("utf-8", "replace")
        formatter: Any = Jinja2ChatFormatter(
            template=llama.metadata["tokenizer.chat_template"],
            eos_token=eos,
            bos_token=bos,
            add_generation_prompt=reply,
        )
        prompt = formatter(messages=[{"role": m.role, "content": m.content} for m in messages])
        return list(llama.tokenize(prompt.prompt.encode("utf-8"), add_bos=False, special=True))

    def _state_path(self, tokens: list[int]) -> Path:
        """Where the state after these tokens is kept: keyed by model, runtime and tokens."""
        import llama_cpp

        key = hashlib.sha256(
            f"{self.info().identity}|{llama_cpp.__version__}|{self.context_size}|{tokens}".encode()
        ).hexdigest()[:24]
        return cache_dir() / "states" / f"{key}.npz"

    def _steering(self, options: Options) -> list[CopyPenalty] | None:
        """The copy penalty the options ask for, if any."""
        if not (options.copy_penalty and options.novel_from):
            return None
        return [CopyPenalty(options.novel_from, options.copy_penalty, self._text, self._word_token)]

    def _text(self, tokens: Sequence[int]) -> str:
        return bytes(self.llama.detokenize(list(tokens))).decode("utf-8", "ignore")

    def _word_token(self, word: str) -> int:
        return self._first_token(" " + word)

    def _first_token(self, answer: str) -> int:
        return int(self.llama.tokenize(answer.encode("utf-8"), add_bos=False, special=False)[0])

    def count_tokens(self, text: str) -> int:
        """Tokens in the model's own vocabulary."""
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def info(self) -> BackendInfo:
        """The model file, and for the embedded model its pinned checksum."""
        identity = (
            f"local:{EMBEDDED.name}@sha256:{EMBEDDED.sha256[:16]}"
            if self.embedded
            else f"local:{self.model_path.resolve()}@{self.model_path.stat().st_size}"
        )
        details = {"model": str(self.model_path), "threads": str(self.threads)}
        return BackendInfo("local", identity, self.context_size, details)

    def close(self) -> None:
        """Free the model."""
        self.llama.close()


def _write_state(path: Path, tokens: list[int], state: bytes) -> None:
    """Write llama.cpp's state after `tokens` to disk (without the logits, which a
    restored state recomputes), through a temporary file so a crash leaves none."""
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.npz")
    np.savez(
        partial,
        tokens=np.array(tokens, dtype=np.int64),
        state=np.frombuffer(state, dtype=np.uint8),
    )
    partial.replace(path)


def _state_bytes(llama: Any) -> bytes:
    """llama.cpp's state (its cache of evaluated tokens) as bytes, without the logits."""
    import ctypes

    import llama_cpp

    size = llama_cpp.llama_state_get_size(llama.ctx)
    buffer = (ctypes.c_uint8 * int(size))()
    written = llama_cpp.llama_state_get_data(llama.ctx, buffer, size)
    return bytes(buffer)[: int(written)]


def _read_state(path: Path, tokens: list[int]) -> bytes | None:
    """The state saved on disk for exactly these tokens, if there is one."""
    import numpy as np

    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as saved:
        if saved["tokens"].tolist() != tokens:
            return None
        return bytes(saved["state"].tobytes())


def _restore(llama: Any, tokens: list[int], data: bytes) -> bool:
    """Put llama.cpp back in the state it had after `tokens`; False if it refuses."""
    import numpy as np
    from llama_cpp.llama import LlamaState

    ids = np.zeros(llama.n_ctx(), dtype=np.intc)
    ids[: len(tokens)] = tokens
    scores = np.zeros((1, llama.n_vocab()), dtype=np.single)
    state = LlamaState(ids, scores, len(tokens), data, len(data), 0)
    try:
        llama.load_state(state)
    except RuntimeError:
        llama.reset()
        return False
    return True


def _evaluate_scored(llama: Any, tokens: list[int], start: int) -> Any:
    """Evaluate the tokens, reusing what llama.cpp already holds, and return the
    log-probability of each token from `start` on.

    llama-cpp-python keeps every position's logits only when the whole model is
    loaded with `logits_all`, which costs a context-sized buffer and the output layer
    on every prompt token; here only the positions that predict a scored token ask
    llama.cpp for their logits.
    """
    import numpy as np

    held = llama.input_ids[: llama.n_tokens].tolist()
    keep = min(_common_prefix(held, tokens), start - 1)
    llama.n_tokens = keep
    llama._ctx.kv_cache_seq_rm(-1, keep, -1)
    _decode(llama, tokens[keep : start - 1], logits=False)
    rows = _decode(llama, tokens[start - 1 :], logits=True)[:-1]
    return rows[np.arange(len(rows)), np.array(tokens[start:])]


def _decode(llama: Any, tokens: list[int], *, logits: bool) -> Any:
    """Evaluate tokens after those llama.cpp holds, in batches; with `logits`, the
    log-probability rows of every position."""
    import numpy as np

    rows = []
    for begin in range(0, len(tokens), llama.n_batch):
        batch = tokens[begin : begin + llama.n_batch]
        past = llama.n_tokens
        llama._batch.set_batch(batch=batch, n_past=past, logits_all=logits)
        llama._ctx.decode(llama._batch)
        llama.input_ids[past : past + len(batch)] = batch
        llama.n_tokens += len(batch)
        if logits:
            shape = (len(batch), llama.n_vocab())
            rows.append(_log_softmax(np.ctypeslib.as_array(llama._ctx.get_logits(), shape=shape)))
    return np.concatenate(rows) if rows else None


def _log_softmax(logits: Any) -> Any:
    """Row-wise log-softmax."""
    import numpy as np

    top = logits.max(axis=1, keepdims=True)
    return logits - top - np.log(np.exp(logits - top).sum(axis=1, keepdims=True))


def _common_prefix(first: list[int], second: list[int]) -> int:
    """How many leading tokens two lists share."""
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count


def _token_scores(llama: Any, pieces: list[int], logprobs: Any) -> list[TokenScore]:
    """Token scores with character offsets, from the text of the tokens so far (a token
    may hold part of a character's bytes)."""
    scores = []
    data = b""
    offset = 0
    for token, logprob in zip(pieces, logprobs, strict=True):
        data += llama.detokenize([token])
        end = len(data.decode("utf-8", "ignore"))
        scores.append(TokenScore(offset, end, float(logprob)))
        offset = end
    return scores


def _softmax(logits: dict[str, float]) -> dict[str, float]:
    """Probabilities from logits, over just these answers."""
    top = max(logits.values())
    weights = {answer: math.exp(value - top) for answer, value in logits.items()}
    total = sum(weights.values())
    return {answer: weight / total for answer, weight in weights.items()}


def _check_gguf(path: Path) -> None:
    """A clear error for a missing file or one that is not GGUF."""
    if not path.is_file():
        raise ModelError("model file not found", source=str(path))
    with path.open("rb") as handle:
        if handle.read(4) != GGUF_MAGIC:
            raise ModelError("not a GGUF model file", source=str(path))


def _load(path: Path, context_size: int, threads: int) -> Any:
    """Load the model with llama-cpp-python, turning its failures into ModelError."""
    try:
        from llama_cpp import Llama
    except ImportError as error:
        raise ModelError(
            "llama-cpp-python is not installed; reinstall retell", source=str(path)
        ) from error
    without_amx()
    try:
        return Llama(
            model_path=str(path), n_ctx=context_size, n_threads=threads, seed=0, verbose=False
        )
    except (ValueError, RuntimeError) as error:
        raise ModelError(f"llama.cpp could not load it: {error}", source=str(path)) from error


def without_amx() -> None:
    """Keep llama.cpp off Intel's AMX tiles, on a CPU and build that have them.

    There llama.cpp moves the weights into an AMX buffer, and its AMX matrix product
    crashes the process with a segmentation fault on the embedded Q4_K_M model at the
    first evaluation (llama.cpp issue 20824; seen on this project's 2-core Xeon with
    amx_int8, 2026-12-05, both in `Llama` and in `python -m llama_cpp.server`). `Llama`
    takes no switch for extra buffer types, so the model parameters it starts from get
    theirs turned off. Elsewhere nothing changes, so outputs measured on other machines
    stand."""
    import llama_cpp.llama_cpp as native

    if b"AMX_INT8 = 1" not in native.llama_print_system_info():
        return
    defaults = native.llama_model_default_params
    if getattr(defaults, "without_amx", False):
        return

    def plain() -> Any:
        params = defaults()
        params.use_extra_bufts = False
        return params

    plain.without_amx = True  # type: ignore[attr-defined]
    native.llama_model_default_params = plain
