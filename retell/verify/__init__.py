"""Checking every sentence of a candidate text against its source, with evidence.

Work in progress (the rewrite-verification issue): today the verdict comes
from the typed checks in `retell.verify.checks` over BM25-retrieved
evidence; the model judge, the repair loop in `retell rewrite` and the HTML
report are still to come.
"""

from __future__ import annotations

from dataclasses import dataclass

from retell.article import Article
from retell.segment import split_sentences
from retell.verify.checks import CHECKS, Context, Finding
from retell.verify.evidence import Evidence, EvidenceIndex

SEVERITY = {"supported": 0, "unsupported": 1, "contradicted": 2}


@dataclass(frozen=True)
class Verdict:
    """What the source says about one candidate sentence."""

    text: str
    paragraph: int
    start: int
    end: int
    label: str
    types: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    score: float
    reason: str


@dataclass(frozen=True)
class Report:
    """Verdicts for every sentence of a candidate, with counts."""

    source: Article
    verdicts: tuple[Verdict, ...]

    def summary(self) -> dict[str, int]:
        """How many sentences got each label."""
        counts = dict.fromkeys(SEVERITY, 0)
        for verdict in self.verdicts:
            counts[verdict.label] += 1
        return counts

    @property
    def all_supported(self) -> bool:
        """True when every sentence is supported."""
        return all(verdict.label == "supported" for verdict in self.verdicts)


def check(source: Article, candidate: str) -> Report:
    """Check every sentence of the candidate (paragraphs separated by blank lines)."""
    index = EvidenceIndex(source)
    verdicts = []
    cursor = 0
    for number, paragraph in enumerate(_paragraphs(candidate)):
        start = candidate.index(paragraph, cursor)
        for begin, end in split_sentences(paragraph):
            text = paragraph[begin:end]
            verdicts.append(judge(text, index, source, number, start + begin))
        cursor = start + len(paragraph)
    return Report(source, tuple(verdicts))


def judge(text: str, index: EvidenceIndex, source: Article, paragraph: int, start: int) -> Verdict:
    """The verdict on one sentence from the typed checks."""
    evidence = tuple(index.search(text))
    context = Context(source.text, index, evidence)
    findings = [finding for check_one in CHECKS for finding in check_one(text, context)]
    label = max((f.label for f in findings), key=SEVERITY.__getitem__, default="supported")
    shown = _evidence(findings, evidence)
    score = evidence[0].score if evidence else 0.0
    reason = "; ".join(f.reason for f in findings) or "every checked fact is in the source"
    types = tuple(dict.fromkeys(f.type for f in findings))
    return Verdict(text, paragraph, start, start + len(text), label, types, shown, score, reason)


def _evidence(findings: list[Finding], retrieved: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The findings' own evidence first, then the best retrieved sentences, each once."""
    seen: dict[int, Evidence] = {}
    for span in [span for finding in findings for span in finding.evidence] + list(retrieved):
        seen.setdefault(span.start, span)
    return tuple(seen.values())[:3]


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of the candidate: blocks separated by blank lines, stripped."""
    return [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
