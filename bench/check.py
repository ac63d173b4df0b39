"""The checker on SummEdits: balanced accuracy per domain, and seconds per sentence.

Each SummEdits document becomes a source article (its lines as paragraphs)
and each summary is checked against it. A summary's score is the mean
severity of its sentences (supported 0, unsupported 1, contradicted 2); the
threshold above which a summary counts as inconsistent is chosen on the
`evaluation` split and the balanced accuracy reported on `test`, as
../shared/data/README.md asks.

    python bench/check.py [--data ../shared/data/summedits] [--limit N] [--judge BACKEND]
                          [--judge-all]

Without `--judge` only the typed checks run (milliseconds per sentence);
with it, the model judge decides what they pass (seconds per sentence on
two cores, so use `--limit` for a sample: N rows of each split per domain).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from retell.article import Article, layout_blocks
from retell.backends import get_backend
from retell.verify import SEVERITY, check
from retell.verify.judge import Judge

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "summedits"

Sample = tuple[float, bool]  # (score, really inconsistent)


def article_of(document: str, name: str) -> Article:
    """A SummEdits document as a source article, one paragraph per line."""
    paragraphs = [" ".join(line.split()) for line in document.splitlines() if line.strip()]
    return Article(source=name, title=None, blocks=layout_blocks(paragraphs, []))


def score(
    document: str, summary: str, name: str, judge: Judge | None, judge_all: bool
) -> tuple[float, int]:
    """The summary's mean sentence severity, and how many sentences it has."""
    verdicts = check(article_of(document, name), summary, judge=judge, judge_all=judge_all).verdicts
    if not verdicts:
        return 0.0, 0
    return sum(SEVERITY[v.label] for v in verdicts) / len(verdicts), len(verdicts)


def balanced_accuracy(samples: list[Sample], threshold: float) -> float:
    """Mean of the recall on inconsistent and on consistent summaries."""
    bad = [flagged > threshold for flagged, inconsistent in samples if inconsistent]
    good = [flagged <= threshold for flagged, inconsistent in samples if not inconsistent]
    return (sum(bad) / max(1, len(bad)) + sum(good) / max(1, len(good))) / 2


def best_threshold(samples: list[Sample]) -> float:
    """The threshold with the highest balanced accuracy on these samples."""
    candidates = sorted({flagged for flagged, _ in samples} | {-1.0})
    return max(candidates, key=lambda t: balanced_accuracy(samples, t))


def run_domain(
    path: Path, limit: int, judge: Judge | None, judge_all: bool
) -> tuple[str, float, float, float, int, float]:
    """(domain, threshold, evaluation and test balanced accuracy, sentences, seconds)."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    if limit:
        rows = [r for r in rows if r["split"] == "evaluation"][:limit] + [
            r for r in rows if r["split"] == "test"
        ][:limit]
    splits: dict[str, list[Sample]] = {"evaluation": [], "test": []}
    sentences, start = 0, time.perf_counter()
    for row in rows:
        value, count = score(row["doc"], row["summary"], str(row["id"]), judge, judge_all)
        sentences += count
        splits[row["split"]].append((value, int(row["label"]) == 0))
    seconds = time.perf_counter() - start
    threshold = best_threshold(splits["evaluation"])
    domain = path.stem.removeprefix("summedits_")
    return (
        domain,
        threshold,
        balanced_accuracy(splits["evaluation"], threshold),
        balanced_accuracy(splits["test"], threshold),
        sentences,
        seconds,
    )


def main() -> None:
    """Print one line per domain and the overall speed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--limit", type=int, default=0, help="only the first N rows of each split per domain"
    )
    parser.add_argument("--judge", default=None, help="a backend for the model judge, e.g. local")
    parser.add_argument(
        "--judge-all",
        action="store_true",
        help="ask the judge about strongly supported sentences too (as retell check --judge-all)",
    )
    args = parser.parse_args()
    judge = Judge(get_backend(args.judge), reasons=False) if args.judge else None
    print(f"{'domain':12} {'threshold':>9} {'eval BA':>8} {'test BA':>8} {'s/sentence':>10}")
    total_sentences, total_seconds = 0, 0.0
    for path in sorted(args.data.glob("summedits_*.json")):
        domain, threshold, evaluation, test, sentences, seconds = run_domain(
            path, args.limit, judge, args.judge_all
        )
        total_sentences, total_seconds = total_sentences + sentences, total_seconds + seconds
        print(
            f"{domain:12} {threshold:9.3f} {evaluation:8.3f} {test:8.3f} "
            f"{seconds / max(1, sentences):10.4f}"
        )
    print(
        f"all: {total_sentences} summary sentences, "
        f"{total_seconds / max(1, total_sentences):.4f} s per sentence"
    )


if __name__ == "__main__":
    main()
