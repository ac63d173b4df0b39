"""retell's rewrite against raw llama-cpp-python on the same prompts, in one process.

After one untimed warm-up run, retell rewrites the page (no answer cache)
while every request it sends is recorded; then the same requests go straight
to the same `llama_cpp.Llama` object; this is done twice. retell's overhead is its mean wall time
over the raw calls' wall time, so the ratio holds on a busy machine.

    python bench/rewrite.py [PAGE] [--backend-threads N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from retell import clean
from retell.backends.base import Backend, BackendInfo, Generation, Message, Options
from retell.backends.local import LocalBackend
from retell.render.formats import result_dict
from retell.rewrite.draft import RewriteOptions, draft

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_5d66fb248d4ea9b8.txt"


class Recording(Backend):
    """Passes every request to a backend and keeps a copy of it."""

    def __init__(self, inner: Backend) -> None:
        self.inner = inner
        self.requests: list[tuple[list[Message], Options]] = []

    def generate(self, messages: list[Message], options: Options) -> Generation:
        self.requests.append((list(messages), options))
        return self.inner.generate(messages, options)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def info(self) -> BackendInfo:
        return self.inner.info()


def raw_calls(llama: Any, requests: list[tuple[list[Message], Options]]) -> float:
    """Send the recorded requests straight to llama-cpp-python; return the wall time."""
    start = time.perf_counter()
    for messages, options in requests:
        llama.create_chat_completion(
            messages=[{"role": m.role, "content": m.content} for m in messages],
            max_tokens=options.max_tokens,
            temperature=options.temperature,
            seed=options.seed,
            stop=list(options.stop) or None,
        )
    return time.perf_counter() - start


def main() -> None:
    """Time retell and the raw calls, and print the ratio and the seed's totals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", type=Path, default=SEED)
    args = parser.parse_args()
    article = clean(args.page.read_bytes(), source=str(args.page))
    backend = LocalBackend()
    recording = Recording(backend)
    retell_times, raw_times = [], []
    # An untimed pass first, so that neither timed run pays for reading the model's pages
    # from disk on first touch (llama.cpp maps the file into memory).
    draft(article, recording, RewriteOptions())
    for round_number in range(2):
        recording.requests.clear()
        backend.llama.reset()  # both runs start without llama.cpp's reusable prompt prefix
        start = time.perf_counter()
        result = draft(article, recording, RewriteOptions())
        retell_times.append(time.perf_counter() - start)
        backend.llama.reset()
        raw_times.append(raw_calls(backend.llama, recording.requests))
        print(
            f"round {round_number + 1}: retell {retell_times[-1]:.1f} s, "
            f"raw llama-cpp-python {raw_times[-1]:.1f} s ({len(recording.requests)} requests)"
        )
    totals = result_dict(result)["totals"]
    retell_mean, raw_mean = statistics.mean(retell_times), statistics.mean(raw_times)
    print(
        f"retell / raw wall time: {retell_mean / raw_mean:.3f} "
        f"(overhead {100 * (retell_mean / raw_mean - 1):+.1f} %)"
    )
    model_seconds = totals["model_seconds"] or 1
    print(
        f"seed: {totals['words']} words from {totals['source_words']} "
        f"({totals['ratio']:.0%}), {totals['paragraphs']} paragraphs, "
        f"{totals['prompt_tokens']} prompt + {totals['completion_tokens']} generated tokens, "
        f"{(totals['prompt_tokens'] + totals['completion_tokens']) / model_seconds:.1f} "
        f"tokens/s overall, {totals['completion_tokens'] / model_seconds:.1f} generated "
        f"tokens/s of model time, total {retell_mean:.1f} s"
    )


if __name__ == "__main__":
    main()
