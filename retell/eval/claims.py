"""Scoring the checker on a claim set: one sentence per line, each about a source article,
labelled supported or with the error it carries (JSON Lines: `claim`, `label`, `type`,
`source`)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from retell.article import Article, Evidence
from retell.backends.base import Backend
from retell.eval.scoring import balanced
from retell.verify import Verifier
from retell.verify.judge import Judge, Judgement

#: The judge thresholds a sweep tries.
SWEEP = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


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


class RecordingJudge(Judge):
    """A judge that lets every sentence through and records its probability, so that one
    run over a set gives the checker's verdicts at every threshold."""

    def __init__(self, backend: Backend) -> None:
        super().__init__(backend, threshold=0.0, reasons=False)
        self.seen: list[float] = []

    def __call__(self, sentence: str, evidence: Sequence[Evidence]) -> Judgement:
        judgement = super().__call__(sentence, evidence)
        self.seen.append(judgement.probability)
        return judgement


def sweep_claims(
    path: Path,
    source_of: Callable[[str], Article],
    backend: Backend,
    thresholds: Sequence[float] = SWEEP,
) -> dict[float, float]:
    """Balanced accuracy over a claim set at each judge threshold: a claim is flagged when
    a typed check flags it or the judge, asked, gives it less than the threshold."""
    judge = RecordingJudge(backend)
    verifiers: dict[str, Verifier] = {}
    outcomes: list[tuple[bool, list[float], bool]] = []
    for claim in claims(path):
        if claim["source"] not in verifiers:
            verifiers[claim["source"]] = Verifier(source_of(claim["source"]), judge)
        judge.seen = []
        verdicts = verifiers[claim["source"]].check(claim["claim"])
        typed = any(v.label != "supported" for v in verdicts)
        outcomes.append((typed, list(judge.seen), claim["label"] != "supported"))
    return {
        threshold: balanced(
            (typed or any(p < threshold for p in seen), bad) for typed, seen, bad in outcomes
        ).value
        for threshold in thresholds
    }
