"""The checker on labelled public sets, beside the anchors' figures on the same items.

    python bench/check.py [--sets faithbench,xsumfaith,summedits,claims] [--split all|dev|test]
                          [--limit N] [--judge BACKEND] [--judge-all] [--benign]

- FaithBench (news samples): balanced accuracy over summary sentences (a sentence is
  unsupported when an annotator's `Unwanted` span overlaps it; with `--benign`, `Benign`
  spans too), and over summaries (flagged when any sentence is) beside every stored
  detector on the same summaries; recall per error kind the annotators named, and how
  often each of retell's finding types was right.
- XSumFaith: balanced accuracy over summaries (one sentence each; hallucinated when any
  token is labelled so) beside the stored BERT-MNLI entailment scores on the same items.
- SummEdits: per domain, a summary's mean sentence severity thresholded on `evaluation`
  and scored on `test`, as the set's authors do.
- The team's claim sets (tests/data/claims, tests/data/heldout).

`--split dev` is what thresholds and rules were chosen on; `test` was only measured.
Without `--judge` only the typed checks run (milliseconds per sentence); the judge takes
seconds per sentence on two cores, so use `--limit` (N sources per set).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from retell import clean
from retell.article import Article
from retell.backends import get_backend
from retell.eval import data, scoring
from retell.eval.claims import score_claims
from retell.verify.judge import Judge

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CLAIM_SETS = {"development": ROOT / "tests/data/claims", "held-out": ROOT / "tests/data/heldout"}
CLAIM_SOURCES = {
    "seed": SHARED / "seeds",
    "scraped": ROOT / "tests/data/scraped",
    "heldout": ROOT / "tests/data/heldout",
}


def faithbench(args: argparse.Namespace, judge: Judge | None) -> None:
    """Sentence and summary figures on FaithBench's news samples."""
    items = data.faithbench(SHARED / "data/faithbench", benign=args.benign)
    items = data.chosen(items, args.split, args.limit)
    checked, seconds = scoring.timed(items, judge, args.judge_all)
    sentences = sum(len(found) for _, found in checked)
    print(
        f"\nFaithBench news, {args.split}: {len(checked)} summaries, {sentences} sentences, "
        f"{seconds / max(1, sentences):.3f} s per sentence"
    )
    print(f"  retell, sentences: {scoring.sentence_level(checked)}")
    print(f"  retell, summaries: {scoring.summary_level(checked)}")
    for anchor in data.FAITHBENCH_ANCHORS:
        print(f"  {anchor}, summaries: {scoring.anchor_level(checked, anchor)}")
    kinds = scoring.by_kind(checked)
    print(
        "  sentences caught by error kind: "
        + ", ".join(f"{kind} {caught}/{total}" for kind, (caught, total) in kinds.items())
    )
    print("  summaries caught by error kind, retell beside the stored detectors (same items):")
    print_kinds(scoring.by_kind_summaries(checked, data.FAITHBENCH_ANCHORS))
    types = scoring.by_type(checked)
    print(
        "  retell's flags right by type: "
        + ", ".join(f"{kind} {right}/{total}" for kind, (right, total) in types.items())
    )


def xsumfaith(args: argparse.Namespace, judge: Judge | None) -> None:
    """Summary figures on XSumFaith, beside the stored entailment scores."""
    items = data.chosen(data.xsumfaith(SHARED / "data/xsumfaith"), args.split, args.limit)
    checked, seconds = scoring.timed(items, judge, args.judge_all)
    anchored = [pair for pair in checked if pair[0].anchors]
    print(
        f"\nXSumFaith, {args.split}: {len(checked)} summaries, "
        f"{seconds / max(1, len(checked)):.3f} s per summary"
    )
    print(f"  retell: {scoring.summary_level(checked)}")
    print(f"  retell, the {len(anchored)} with an anchor: {scoring.summary_level(anchored)}")
    print(f"  BERT-MNLI entailment, same: {scoring.anchor_level(anchored, data.XSUM_ANCHOR)}")
    print("  summaries caught by error kind (the majority kind annotators named), same items:")
    print_kinds(scoring.by_kind_summaries(anchored, (data.XSUM_ANCHOR,)))


def print_kinds(table: dict[str, dict[str, str]]) -> None:
    """One line per error kind: each detector's "caught/total" on the same summaries."""
    for kind, row in table.items():
        print(f"    {kind}: " + ", ".join(f"{name} {share}" for name, share in row.items()))


def summedits(args: argparse.Namespace, judge: Judge | None) -> None:
    """Per-domain balanced accuracy on SummEdits' test split, threshold from evaluation."""
    print("\nSummEdits (threshold on evaluation, figure on test)")
    root = SHARED / "data/summedits"
    for domain in data.summedits_domains(root):
        items = data.summedits(root, domain, args.limit)
        checked, _ = scoring.timed(items, judge, args.judge_all)
        threshold, test = scoring.thresholded(checked)
        print(f"  {domain:12} threshold {threshold:.3f}  test {test}")


def claim_sets(args: argparse.Namespace, judge: Judge | None) -> None:
    """The team's claim sets."""
    print("\nClaim sets (claims about real and invented articles, one error each)")
    for name, folder in CLAIM_SETS.items():
        value, right, totals = score_claims(folder / "claims.jsonl", claim_source, judge)
        per_type = ", ".join(f"{k} {right[k]}/{totals[k]}" for k in sorted(totals))
        print(f"  {name}: {value:.3f}; {per_type}")


def claim_source(spec: str) -> Article:
    """The source article a claim's `source` field names ("seed:NAME" …)."""
    kind, _, name = spec.partition(":")
    return clean((CLAIM_SOURCES[kind] / f"{name}.txt").read_bytes())


SETS = {
    "faithbench": faithbench,
    "xsumfaith": xsumfaith,
    "summedits": summedits,
    "claims": claim_sets,
}


def main() -> None:
    """Print the figures of each chosen set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--split", choices=("all", "dev", "test"), default="all")
    parser.add_argument("--limit", type=int, default=0, help="at most N sources per set")
    parser.add_argument("--judge", default=None, help="a backend for the model judge, e.g. local")
    parser.add_argument("--judge-all", action="store_true", help="judge every sentence")
    parser.add_argument("--benign", action="store_true", help="count FaithBench's Benign spans too")
    args = parser.parse_args()
    judge = Judge(get_backend(args.judge), reasons=False) if args.judge else None
    for name in args.sets.split(","):
        SETS[name](args, judge)


if __name__ == "__main__":
    main()
