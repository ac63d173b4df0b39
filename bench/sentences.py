"""retell's sentence splitter beside spaCy's, on text whose sentence count is known.

    python bench/sentences.py

XSumFaith's summaries are one sentence each, lower-cased and tokenised in the Penn
Treebank style (spaced quotation marks, clitics split from their words): each alone must
stay one sentence, and two of them joined (the first ending in a full stop) must come
apart as two. Both splitters read the same texts in the same process; spaCy's is the
parser-based one of `en_core_web_sm`, the pipeline the checks already load.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from retell.eval import data
from retell.text.parse import pipeline
from retell.verify import claim_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"


def spacy_count(text: str) -> int:
    """How many sentences spaCy's parser finds."""
    return sum(1 for sentence in pipeline()(text).sents if sentence.text.strip())


def rule_count(text: str) -> int:
    """How many sentences retell's splitter finds (as the checker reads a candidate)."""
    return len(claim_sentences(text))


def report(name: str, texts: list[str], gold: int, count: Callable[[str], int]) -> None:
    """Right, over-split and under-split counts, and milliseconds per text."""
    start = time.perf_counter()
    found = [count(text) for text in texts]
    ms = 1000 * (time.perf_counter() - start) / len(texts)
    right = sum(n == gold for n in found)
    over = sum(n > gold for n in found)
    under = sum(n < gold for n in found)
    print(f"  {name:8} right {right}/{len(texts)}, over {over}, under {under}; {ms:.2f} ms a text")


def main() -> None:
    """Print both splitters' figures on single and joined summaries."""
    summaries = [item.summary for item in data.xsumfaith(SHARED / "data/xsumfaith")]
    pairs = [
        f"{first} {second}"
        for first, second in zip(summaries[::2], summaries[1::2], strict=False)
        if first.rstrip().endswith(".")
    ]
    pipeline()  # loaded before timing
    for title, texts, gold in (("one summary", summaries, 1), ("two joined", pairs, 2)):
        print(f"XSumFaith, {title} ({len(texts)} texts, {gold} sentence(s) each)")
        report("retell", texts, gold, rule_count)
        report("spaCy", texts, gold, spacy_count)


if __name__ == "__main__":
    main()
