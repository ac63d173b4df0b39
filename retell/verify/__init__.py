"""Checking every sentence of a candidate text against its source, with evidence.

Each sentence gets BM25-retrieved evidence from the source, then the typed
checks in `retell.verify.checks` (numbers, dates, names, roles, quotations,
polarity, relations, additions), and each sentence is compared with the
text's earlier sentences for consistency. A sentence they pass goes to the model
judge (`retell.verify.judge`) when one is given, unless it is a near copy
of a source sentence. The verdict names every problem found, with the
source spans it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from retell.article import Article
from retell.segment import split_sentences
from retell.verify.checks import CHECKS, Context, Finding, check_consistency
from retell.verify.evidence import Evidence, EvidenceIndex, terms
from retell.verify.judge import Judge

#: Source sentences the judge reads per candidate paragraph: the best few for each of its
#: sentences, and at most so many in all.
FOCUS_PER_SENTENCE = 2
FOCUS_SENTENCES = 6

#: Share of a sentence's words one source sentence must hold, in order, for the sentence
#: to count as a near copy, which the judge need not see.
COPY_OVERLAP = 0.9

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
            counts[verdict.label] = counts.get(verdict.label, 0) + 1
        return counts

    @property
    def all_supported(self) -> bool:
        """True when every sentence is supported."""
        return all(verdict.label == "supported" for verdict in self.verdicts)


def check(source: Article, candidate: str, *, judge: Judge | None = None) -> Report:
    """Check every sentence of the candidate (paragraphs separated by blank lines)."""
    return Report(source, tuple(Verifier(source, judge).check(candidate)))


class Verifier:
    """Checks sentences against one source, building its evidence index once."""

    def __init__(self, source: Article, judge: Judge | None = None) -> None:
        self.source = source
        self.index = EvidenceIndex(source)
        self.judge = judge

    def check(self, candidate: str) -> list[Verdict]:
        """Verdicts on every sentence of a text whose paragraphs are separated by blank lines."""
        verdicts = []
        cursor = 0
        for number, paragraph in enumerate(_paragraphs(candidate)):
            start = candidate.index(paragraph, cursor)
            spans = split_sentences(paragraph)
            focus = self.focus([paragraph[begin:end] for begin, end in spans])
            for begin, end in spans:
                verdicts.append(self.sentence(paragraph[begin:end], number, start + begin, focus))
            cursor = start + len(paragraph)
        return self.consistent(verdicts)

    def consistent(self, verdicts: list[Verdict]) -> list[Verdict]:
        """The verdicts, with a sentence that contradicts an earlier one of the same text
        marked as contradicted."""
        clashes = check_consistency([v.text for v in verdicts], self.source.text)
        for number, finding in clashes.items():
            verdict = verdicts[number]
            reason = finding.reason
            if verdict.label != "supported":
                reason = f"{verdict.reason}; {reason}"
            types = (*verdict.types, finding.type)
            verdicts[number] = replace(verdict, label="contradicted", types=types, reason=reason)
        return verdicts

    def focus(self, sentences: list[str]) -> tuple[Evidence, ...]:
        """The source sentences the judge reads for a whole paragraph: the best few for
        each of its sentences, in source order. One passage per paragraph lets llama.cpp
        keep it in its cache while the judge asks about each sentence in turn."""
        chosen: dict[int, Evidence] = {}
        for sentence in sentences:
            for span in self.index.search(sentence, top=FOCUS_PER_SENTENCE):
                chosen.setdefault(span.start, span)
        best = sorted(chosen.values(), key=lambda span: -span.score)[:FOCUS_SENTENCES]
        return tuple(sorted(best, key=lambda span: span.start))

    def sentence(
        self, text: str, paragraph: int = 0, start: int = 0, focus: tuple[Evidence, ...] = ()
    ) -> Verdict:
        """The verdict on one sentence: the typed checks, then the judge if they found nothing.

        `focus` names the source sentences the judge should read, such as those
        a retelling was made from; otherwise it reads the retrieved evidence.
        """
        evidence = tuple(self.index.search(text))
        context = Context(self.source.text, self.index, evidence)
        findings = [finding for check_one in CHECKS for finding in check_one(text, context)]
        if not findings and self.judge is not None and not _near_copy(text, evidence):
            findings = _judged(text, focus or self.focus([text]), self.judge)
        label = max((f.label for f in findings), key=SEVERITY.__getitem__, default="supported")
        shown = _evidence(findings, evidence)
        score = evidence[0].score if evidence else 0.0
        reason = "; ".join(f.reason for f in findings) or "every checked fact is in the source"
        types = tuple(dict.fromkeys(f.type for f in findings))
        end = start + len(text)
        return Verdict(text, paragraph, start, end, label, types, shown, score, reason)


def _near_copy(text: str, evidence: tuple[Evidence, ...]) -> bool:
    """True when one source sentence holds nearly all the sentence's words in the same order.

    Order matters: "the union accused the company" uses every word of "the
    company accused the union" and says the opposite.
    """
    words = terms(text)
    return bool(words) and any(
        _common_run(words, terms(span.text)) >= COPY_OVERLAP * len(words) for span in evidence
    )


def _common_run(first: list[str], second: list[str]) -> int:
    """Length of the longest common subsequence of two word lists."""
    previous = [0] * (len(second) + 1)
    for word in first:
        current = [0]
        for index, other in enumerate(second):
            current.append(
                previous[index] + 1 if word == other else max(previous[index + 1], current[-1])
            )
        previous = current
    return previous[-1]


def _judged(text: str, evidence: tuple[Evidence, ...], judge: Judge) -> list[Finding]:
    """The judge's finding on a sentence the typed checks passed, if it rejects it."""
    judgement = judge(text, evidence)
    if judgement.supported:
        return []
    reason = f"the judge (P(supported) {judgement.probability:.2f}): {judgement.reason}"
    return [Finding("judge", "unsupported", reason, evidence[:2])]


def _evidence(findings: list[Finding], retrieved: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The findings' own evidence first, then the best retrieved sentences, each once."""
    seen: dict[int, Evidence] = {}
    for span in [span for finding in findings for span in finding.evidence] + list(retrieved):
        seen.setdefault(span.start, span)
    return tuple(seen.values())[:3]


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of the candidate: blocks separated by blank lines, stripped."""
    return [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
