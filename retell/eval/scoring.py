"""Scoring the checker on labelled summaries, beside the anchors on the same items.

`verdicts` runs `retell.verify` on every item (one verifier per source).
A sentence counts as flagged when its label is not `supported`, and as
truly unsupported when a marked span overlaps it; a summary is flagged when
any of its sentences is, the rule FaithBench's summary-level figures use.
The anchors (other detectors' stored verdicts) are scored with the same rule
on the very same items, so the figures can stand side by side.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from retell.article import Verdict
from retell.eval.data import Labelled, source_article
from retell.verify import SEVERITY, Verifier
from retell.verify.judge import Judge


@dataclass(frozen=True)
class Accuracy:
    """Balanced accuracy with the counts it comes from."""

    caught: int
    bad: int
    false_alarms: int
    good: int

    @property
    def value(self) -> float:
        """The mean of the recall on bad items and on good ones."""
        recall = self.caught / self.bad if self.bad else 1.0
        specificity = 1 - self.false_alarms / self.good if self.good else 1.0
        return (recall + specificity) / 2

    def __str__(self) -> str:
        return (
            f"{self.value:.3f} (caught {self.caught}/{self.bad}, "
            f"false alarms {self.false_alarms}/{self.good})"
        )


def balanced(flags: Iterable[tuple[bool, bool]]) -> Accuracy:
    """Balanced accuracy of (flagged, truly bad) pairs."""
    counts = Counter(flags)
    return Accuracy(
        caught=counts[(True, True)],
        bad=counts[(True, True)] + counts[(False, True)],
        false_alarms=counts[(True, False)],
        good=counts[(True, False)] + counts[(False, False)],
    )


Checked = tuple[Labelled, tuple[Verdict, ...]]


def verdicts(
    items: Sequence[Labelled], *, judge: Judge | None = None, judge_all: bool = False
) -> list[Checked]:
    """Every item with the checker's verdicts on its summary's sentences."""
    verifiers: dict[str, Verifier] = {}
    checked = []
    for item in items:
        if item.group not in verifiers:
            verifiers[item.group] = Verifier(source_article(item), judge, judge_all=judge_all)
        checked.append((item, tuple(verifiers[item.group].check(item.summary))))
    return checked


def timed(
    items: list[Labelled], judge: Judge | None = None, judge_all: bool = False
) -> tuple[list[Checked], float]:
    """`verdicts` on the items, and the seconds they took."""
    start = time.perf_counter()
    checked = verdicts(items, judge=judge, judge_all=judge_all)
    return checked, time.perf_counter() - start


def flagged(verdict: Verdict) -> bool:
    """True when the checker did not find the sentence supported."""
    return verdict.label != "supported"


def sentence_level(checked: Iterable[Checked]) -> Accuracy:
    """Balanced accuracy over sentences."""
    return balanced(
        (flagged(v), item.marks(v.start, v.end)) for item, found in checked for v in found
    )


def summary_level(checked: Iterable[Checked]) -> Accuracy:
    """Balanced accuracy over summaries: flagged when any sentence is."""
    return balanced((any(flagged(v) for v in found), item.flagged) for item, found in checked)


def anchor_level(checked: Iterable[Checked], anchor: str) -> Accuracy:
    """A stored detector's balanced accuracy over the same summaries, where it has a
    verdict."""
    return balanced(
        (item.anchors[anchor], item.flagged) for item, _ in checked if anchor in item.anchors
    )


def by_kind(checked: Iterable[Checked]) -> dict[str, tuple[int, int]]:
    """Per error kind people named, (sentences holding one that the checker flagged,
    sentences holding one)."""
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for item, found in checked:
        for verdict in found:
            for kind in item.kinds_in(verdict.start, verdict.end):
                total[kind] += 1
                caught[kind] += flagged(verdict)
    return {kind: (caught[kind], total[kind]) for kind in sorted(total)}


def by_type(checked: Iterable[Checked]) -> dict[str, tuple[int, int]]:
    """Per type of retell's findings, (flags on truly unsupported sentences, flags)."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for item, found in checked:
        for verdict in found:
            for kind in verdict.types:
                total[kind] += 1
                right[kind] += item.marks(verdict.start, verdict.end)
    return {kind: (right[kind], total[kind]) for kind in sorted(total)}


def kinds_of(item: Labelled) -> set[str]:
    """The error kinds people named anywhere in an item's summary."""
    return set(item.kinds)


def by_kind_summaries(
    checked: Sequence[Checked], anchors: Sequence[str]
) -> dict[str, dict[str, str]]:
    """Per error kind people named, how many of the summaries holding one each detector
    flagged ("caught/total"): retell (any sentence flagged) and every stored anchor, on
    the summaries that anchor has a verdict for, so all stand on the same items; and the
    same for the summaries people found faithful, where each flag is a false alarm."""
    table: dict[str, dict[str, str]] = {}
    kinds = sorted({kind for item, _ in checked for kind in kinds_of(item)})
    for kind in [*kinds, NO_ERROR]:
        holding = [(item, found) for item, found in checked if _holds(item, kind)]
        row = {"retell": _share(any(flagged(v) for v in found) for _, found in holding)}
        for anchor in anchors:
            row[anchor] = _share(
                item.anchors[anchor] for item, _ in holding if anchor in item.anchors
            )
        table[kind] = row
    return table


#: The row of summaries people found no error in: what is counted there is false alarms.
NO_ERROR = "none (false alarms)"


def _holds(item: Labelled, kind: str) -> bool:
    """True when people named this kind of error in the item, or, for `NO_ERROR`, none."""
    return not item.flagged if kind == NO_ERROR else kind in kinds_of(item)


def _share(flags: Iterable[bool]) -> str:
    """How many of the flags are set, out of how many: "caught/total"."""
    values = list(flags)
    return f"{sum(values)}/{len(values)}"


def severity(found: Sequence[Verdict]) -> float:
    """A summary's mean severity: 0 when every sentence is supported, up to 2 when every
    one is contradicted. SummEdits marks no spans, so its figure thresholds this."""
    return sum(SEVERITY[verdict.label] for verdict in found) / max(1, len(found))


def best_threshold(scores: Sequence[tuple[float, bool]]) -> float:
    """The severity threshold with the best balanced accuracy on (severity, bad) pairs."""
    candidates = sorted({value for value, _ in scores} | {-1.0})
    return max(candidates, key=lambda t: balanced((value > t, bad) for value, bad in scores).value)


def thresholded(checked: Iterable[Checked]) -> tuple[float, Accuracy]:
    """SummEdits' rule: a severity threshold chosen on the dev (evaluation) items, and the
    balanced accuracy it gives on the test items."""
    scores: dict[str, list[tuple[float, bool]]] = {"dev": [], "test": []}
    for item, found in checked:
        scores[item.split].append((severity(found), item.flagged))
    threshold = best_threshold(scores["dev"])
    return threshold, balanced((value > threshold, bad) for value, bad in scores["test"])
