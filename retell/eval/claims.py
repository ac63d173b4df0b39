"""Scoring the checker on a claim set: one sentence per line, each about a source article,
labelled supported or with the error it carries (JSON Lines: `claim`, `label`, `type`,
`source`)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from retell.article import Article
from retell.verify import Verifier
from retell.verify.judge import Judge


def claims(path: Path) -> Iterator[dict[str, str]]:
    """The claims of a JSON Lines file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def score_claims(
    path: Path, source_of: Callable[[str], Article], judge: Judge | None = None
) -> tuple[float, Counter[str], Counter[str]]:
    """Balanced accuracy over a claim set, and per type (faithful claims as "supported")
    how many were judged right out of how many."""
    right: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    verifiers: dict[str, Verifier] = {}
    for claim in claims(path):
        if claim["source"] not in verifiers:
            verifiers[claim["source"]] = Verifier(source_of(claim["source"]), judge)
        verdicts = verifiers[claim["source"]].check(claim["claim"])
        flagged = any(v.label != "supported" for v in verdicts)
        kind = claim["type"] or "supported"
        totals[kind] += 1
        right[kind] += flagged == (claim["label"] != "supported")
    errors = sum(right[k] for k in totals if k != "supported")
    error_total = sum(totals[k] for k in totals if k != "supported")
    value = (right["supported"] / totals["supported"] + errors / error_total) / 2
    return value, right, totals
