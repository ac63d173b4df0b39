"""The likelihood signal on FaithBench: how well each word-probability feature alone tells
unsupported summary sentences from supported ones.

    python bench/likelihood.py [--split dev|test] [--limit N] [--backend local]

For N sources of the split, every summary is scored with the backend's token
log-probabilities given the source and without it (`retell.verify.likelihood`);
each sentence gets a few features (mean and lowest word log-probability given
the source, lowest and mean gain over no source), and each feature's best
balanced accuracy over its thresholds is printed: an upper bound for that
feature alone, since the threshold is chosen on the same sentences.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from retell.backends import get_backend
from retell.eval import data, scoring
from retell.verify import claim_sentences
from retell.verify.likelihood import Likelihood, Word

SHARED = Path(__file__).resolve().parents[2] / "shared"

Feature = Callable[[list[Word]], float]
FEATURES: dict[str, Feature] = {
    "mean log-probability given the source": lambda ws: -sum(w.given for w in ws) / len(ws),
    "lowest word given the source": lambda ws: -min(w.given for w in ws),
    "lowest gain over no source": lambda ws: -min(w.gain for w in ws),
    "mean gain over no source": lambda ws: -sum(w.gain for w in ws) / len(ws),
}


def sentences(likelihood: Likelihood, item: data.Labelled) -> list[tuple[list[Word], bool]]:
    """Each sentence of the item's summary: its words' scores and whether it is marked."""
    words = likelihood.words(data.source_article(item).text, item.summary)
    found = []
    for start, end in claim_sentences(item.summary):
        inside = [w for w in words if w.start >= start and w.end <= end]
        if inside:
            found.append((inside, item.marks(start, end)))
    return found


def best(values: list[tuple[float, bool]]) -> scoring.Accuracy:
    """The best balanced accuracy over thresholds on these (value, marked) pairs."""
    thresholds = sorted({value for value, _ in values})
    return max(
        (scoring.balanced((value > t, bad) for value, bad in values) for t in thresholds),
        key=lambda accuracy: accuracy.value,
    )


def main() -> None:
    """Score the chosen sources and print each feature's figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--limit", type=int, default=8, help="sources to score")
    parser.add_argument("--backend", default="local")
    args = parser.parse_args()
    items = [i for i in data.faithbench(SHARED / "data/faithbench") if i.split == args.split]
    groups = list(dict.fromkeys(item.group for item in items))[: args.limit]
    likelihood = Likelihood(get_backend(args.backend))
    start = time.perf_counter()
    scored = [s for item in items if item.group in set(groups) for s in sentences(likelihood, item)]
    seconds = time.perf_counter() - start
    summaries = sum(item.group in set(groups) for item in items)
    print(f"{len(scored)} sentences of {summaries} summaries, {seconds / summaries:.1f} s each")
    for name, feature in FEATURES.items():
        print(f"  {name}: {best([(feature(words), bad) for words, bad in scored])}")


if __name__ == "__main__":
    main()
