"""The evaluation gate: measured floors a later change may not silently lower.

Three measurements, each pinned at what the checker reached when the floor
was set (see CHANGELOG.md for the figures and the date):

- balanced accuracy on the team's labelled claim set (tests/data/claims),
  with the typed checks alone and with the embedded model as judge;
- the same on the held-out claims (tests/data/heldout), written without
  sight of the checker and never used to tune it;
- seed 001 (an AI rewrite of seed 000) checked against seed 000: how many
  of the sentences we read as false or unsupported it flags, and how many
  of those we read as supported it flags by mistake.

A change that lowers a figure fails here; one that raises it should raise
the floor in the same commit. Run with `-s` to print the figures.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from retell import clean
from retell.article import Article
from retell.backends import Backend
from retell.eval import data, scoring
from retell.eval.claims import score_claims
from retell.verify import check
from retell.verify.judge import Judge

from .conftest import DATA, SHARED, claim_path

CLAIMS = DATA / "claims" / "claims.jsonl"
HELDOUT = DATA / "heldout" / "claims.jsonl"
READING = DATA / "claims" / "seed001_reading.json"
SEED_SOURCE = SHARED / "seeds" / "000_5d66fb248d4ea9b8.txt"
SEED_REWRITE = SHARED / "seeds" / "001_456e5606de5ea795.txt"

#: Floors, set from the figures measured on 2026-11-30: typed checks 0.900, with the embedded
#: judge 0.932 (the issue asks for 0.90); seed 001 (2026-12-02): 4 of 5 false and 2 of 5
#: unsupported sentences flagged, none of the plainly supported ones. With Snowball's stems
#: (2026-12-02) the team's own claims read 0.899 typed and 0.921 judged: one faithful claim
#: crosses the share of new words an addition needs, one error is caught; the held-out
#: claims rose (0.787 to 0.800 judged) and so did FaithBench and XSumFaith.
TYPED_BALANCED_ACCURACY = 0.895
JUDGED_BALANCED_ACCURACY = 0.915
SEED_FLAGGED_OF_FALSE = 4  # of 5 sentences read as false (3 before the modality check)
SEED_FLAGGED_OF_UNSUPPORTED = 2  # of 5 read as unsupported
SEED_MISTAKEN_FLAGS = 0  # at most this many of the 18 read as plainly supported
#: The held-out claims (tests/data/heldout, written blind to the checker; measured only, never
#: tuned on), measured on 2026-11-30: typed checks 0.775, with the embedded judge 0.787.
HELDOUT_TYPED_BALANCED_ACCURACY = 0.77
HELDOUT_JUDGED_BALANCED_ACCURACY = 0.78


@cache
def source(name: str) -> Article:
    """A claim's source article, cleaned once."""
    return clean(claim_path(name).read_bytes())


def balanced_accuracy(judge: Judge | None, path: Path = CLAIMS) -> tuple[float, Counter[str]]:
    """Balanced accuracy over a claim set, and per type how many were judged right."""
    value, right, totals = score_claims(path, source, judge)
    print(f"\nbalanced accuracy {value:.3f};", {k: f"{right[k]}/{totals[k]}" for k in totals})
    return value, right


def test_typed_checks_hold_their_floor() -> None:
    value, _ = balanced_accuracy(None)
    assert value >= TYPED_BALANCED_ACCURACY


def test_typed_checks_and_the_embedded_judge_hold_their_floor(embedded: Backend) -> None:
    value, _ = balanced_accuracy(Judge(embedded, reasons=False))
    assert value >= JUDGED_BALANCED_ACCURACY


def test_typed_checks_hold_their_floor_on_the_heldout_claims() -> None:
    value, _ = balanced_accuracy(None, HELDOUT)
    assert value >= HELDOUT_TYPED_BALANCED_ACCURACY


def test_the_embedded_judge_holds_its_floor_on_the_heldout_claims(embedded: Backend) -> None:
    value, _ = balanced_accuracy(Judge(embedded, reasons=False), HELDOUT)
    assert value >= HELDOUT_JUDGED_BALANCED_ACCURACY


@pytest.fixture(scope="module")
def seed_flags(embedded: Backend) -> set[int]:
    article = clean(SEED_SOURCE.read_bytes())
    report = check(article, SEED_REWRITE.read_text(encoding="utf-8"), judge=Judge(embedded))
    assert len(report.verdicts) == json.loads(READING.read_text())["sentences"]
    for number, verdict in enumerate(report.verdicts):
        if verdict.label != "supported":
            print(f"{number}: {verdict.label} {verdict.types} {verdict.reason}")
    return {n for n, verdict in enumerate(report.verdicts) if verdict.label != "supported"}


def reading(kind: str) -> set[int]:
    return {int(n) for n in json.loads(READING.read_text())[kind]}


def test_seed_rewrite_false_sentences_are_flagged(seed_flags: set[int]) -> None:
    assert len(seed_flags & reading("false")) >= SEED_FLAGGED_OF_FALSE
    assert len(seed_flags & reading("unsupported")) >= SEED_FLAGGED_OF_UNSUPPORTED


def test_seed_rewrite_supported_sentences_are_rarely_flagged(seed_flags: set[int]) -> None:
    flagged_or_doubtful = reading("false") | reading("unsupported") | reading("borderline")
    assert len(seed_flags - flagged_or_doubtful) <= SEED_MISTAKEN_FLAGS


def test_the_reading_file_is_consistent() -> None:
    kinds = [reading(kind) for kind in ("false", "unsupported", "borderline")]
    assert not (kinds[0] & kinds[1] or kinds[0] & kinds[2] or kinds[1] & kinds[2])
    assert all(0 <= n < 31 for kind in kinds for n in kind)


# --- public labelled sets (../shared/data): model output that nobody on the team wrote ---

FAITHBENCH = SHARED / "data" / "faithbench"
XSUMFAITH = SHARED / "data" / "xsumfaith"
#: Floors on FaithBench's 520 news summaries (an `Unwanted` span makes a sentence
#: unsupported), measured on 2026-12-02 with the typed and structural checks: sentences 0.607,
#: summaries 0.557; the stored detectors score 0.495-0.551 on the same summaries. On
#: 2026-12-04 (stop 23), after false alarms were fixed: sentences 0.605, summaries 0.553 —
#: one or two summaries above GPT-4o's 0.551, a margin within noise. Stop 24: 0.606 and
#: 0.557 (six fewer false alarms of the modality check); 0.607 and 0.557 after "would" in a
#: relative clause counts as a plan (two fewer). Stop 26: 0.608 and 0.558 with the quotation
#: checks (a speaker's words told as fact or given to another speaker). Stop 28: 0.610 and
#: 0.559 with a speaker the source never mentions. Stop 31: 0.609 and 0.559 (peoples' words
#: and either clock: 30 fewer false alarms, 8 right flags lost that hung on a demonym).
#: Stop 32: 0.609 and 0.557 ("unthinkable that he will not win": 3 fewer false alarms, one
#: right flag lost that was right only by accident).
FAITHBENCH_SENTENCE_FLOOR = 0.60
FAITHBENCH_SUMMARY_FLOOR = 0.55
#: XSumFaith, the test split's first 100 articles (500 summaries): 0.641 when the floor was
#: first set, 0.730 since the Snowball stems and 60-word evidence pieces (2026-12-02, stop 19);
#: 0.731 with the quotation checks (stop 26); 0.740 with a speaker the source never mentions
#: (stop 28), when the floor rose to 0.73; 0.749 with peoples' words (stop 31), when it rose
#: to 0.745. Stop 35: 0.740, one more summary flagged, and rightly: "the us has vetoed a un
#: resolution against israel's prime minister ..." where the source says "the US chose not
#: to veto a UN Security Council resolution"; the set marks that summary free of errors.
#: The negation check now reads the subject of "chose not to veto", and the floor goes back
#: to 0.74 rather than unlearn a right flag.
XSUMFAITH_FLOOR = 0.74
XSUMFAITH_ARTICLES = 100


@pytest.fixture(scope="module")
def faithbench_checked() -> list[scoring.Checked]:
    return scoring.verdicts(data.faithbench(FAITHBENCH))


def test_faithbench_sentences_hold_their_floor(faithbench_checked: list[scoring.Checked]) -> None:
    figure = scoring.sentence_level(faithbench_checked)
    print(f"\nFaithBench sentences {figure}")
    assert figure.value >= FAITHBENCH_SENTENCE_FLOOR


def test_faithbench_summaries_beat_every_stored_detector(
    faithbench_checked: list[scoring.Checked],
) -> None:
    ours = scoring.summary_level(faithbench_checked)
    theirs = {a: scoring.anchor_level(faithbench_checked, a) for a in data.FAITHBENCH_ANCHORS}
    print(f"\nFaithBench summaries {ours}; best anchor {max(t.value for t in theirs.values()):.3f}")
    assert ours.value >= FAITHBENCH_SUMMARY_FLOOR
    assert all(ours.value > figure.value for figure in theirs.values())


def test_xsumfaith_holds_its_floor() -> None:
    chosen = data.chosen(data.xsumfaith(XSUMFAITH), "test", XSUMFAITH_ARTICLES)
    figure = scoring.summary_level(scoring.verdicts(chosen))
    print(f"\nXSumFaith {figure}")
    assert figure.value >= XSUMFAITH_FLOOR
