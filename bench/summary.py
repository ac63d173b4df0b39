"""`--style summary` on news articles with people's summaries, beside the lead baseline.

Takes `--count` BBC articles of XSumFaith's `--split` (`dev` to tune on, `test` to
report; the split is by article, as for the checker), summarises each with the
embedded model at the length its reference has (one sentence, unless told), and
prints per article and on average: ROUGE-1/2/L F1 of the summary and of the
article's first three sentences against the reference, the summary's words and
sentences against those asked, its copy share, the sentences the checker finds
unsupported when it checks the published summary again, and the seconds taken.

    python bench/summary.py [--split test] [--count 20] [--skip 0] [--sentences 1] [--json FILE]

`--skip` passes over the first articles of that order: the test split's first 20 were the
ones reported on while the summary was built, so `--skip 20` gives 20 that were not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
from pathlib import Path
from typing import Any

from retell.backends.local import LocalBackend
from retell.eval.data import Labelled, source_article
from retell.eval.summary import ROUGE_TYPES, attempted, references
from retell.rewrite.draft import RewriteOptions

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "xsumfaith"


def chosen(split: str, count: int, skip: int = 0) -> list[Labelled]:
    """`count` articles of one split after the first `skip`, in an order fixed by their
    ids' hashes."""
    items = [item for item in references(DATA) if item.split == split]
    items.sort(key=lambda item: hashlib.sha256(item.group.encode()).hexdigest())
    return items[skip : skip + count]


def one(item: Labelled, backend: LocalBackend, options: RewriteOptions) -> dict[str, Any]:
    """Summarise one article and score the summary and the lead (`retell eval summary`'s
    code), or say why retell refused it."""
    return {"id": item.group, **attempted(source_article(item), item.summary, backend, options)}


def main() -> None:
    """Summarise, score and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--sentences", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    backend = LocalBackend()
    options = RewriteOptions(style="summary", sentences=args.sentences)
    rows, refused = [], []
    for item in chosen(args.split, args.count, args.skip):
        row = one(item, backend, options)
        if "refused" in row:
            refused.append(row)
            print(f"{row['id']:>10} refused: {row['refused']}", flush=True)
            continue
        rows.append(row)
        print(
            f"{row['id']:>10} {row['seconds']:6.1f}s {row['words']:3d}w {row['sentences']}s "
            f"unsupported {row['unsupported']} copy {row['copy_share']:.2f} "
            + " ".join(f"{k} {row['ours'][k]:5.1f}/{row['lead'][k]:5.1f}" for k in ROUGE_TYPES),
            flush=True,
        )
    print(
        f"{len(rows)} articles of the {args.split} split, {args.sentences} sentence(s) asked, "
        f"{len(refused)} refused"
    )
    for kind in ROUGE_TYPES:
        ours = statistics.mean(row["ours"][kind] for row in rows)
        base = statistics.mean(row["lead"][kind] for row in rows)
        print(f"  {kind:7} summary {ours:5.2f}   first three sentences {base:5.2f}")
    print(
        f"  words {statistics.mean(r['words'] for r in rows):.1f} "
        f"(reference {statistics.mean(len(r['reference'].split()) for r in rows):.1f}), "
        f"sentences off the asked number: {sum(r['sentences'] != args.sentences for r in rows)}, "
        f"unsupported {sum(r['unsupported'] for r in rows)}, "
        f"copy share {statistics.mean(r['copy_share'] for r in rows):.3f}, "
        f"slowest {max(r['seconds'] for r in rows):.1f} s"
    )
    if args.json:
        args.json.write_text(json.dumps(rows + refused, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
