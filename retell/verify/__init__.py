"""Checking every sentence of a candidate text against its source, with evidence.

Each sentence gets BM25-retrieved evidence from the source, then the typed
checks in `retell.verify.checks` (numbers, dates, names, roles, quotations,
polarity, relations, additions), and each sentence is compared with the
text's earlier sentences for consistency. A sentence they pass goes to the model
judge (`retell.verify.judge`) when one is given, unless one source sentence
already supports it strongly (see `weakly_supported`); `judge_all` sends
every sentence. The verdict names every problem found, with the source spans
it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from retell.article import Article, Evidence, Spend, Verdict
from retell.text.people import source_genders
from retell.text.sentences import split_sentences
from retell.text.speech import DOUBLE_QUOTED, in_quotation_marks, wholly_spoken, with_marks
from retell.verify import retold
from retell.verify.checks import (
    CHECKS,
    MIN_MATCH,
    Context,
    Finding,
    check_consistency,
    overlap,
    own_source_additions,
    own_source_definite,
    own_source_description,
    own_source_headline,
    own_source_links,
    own_source_obligation,
    own_source_predicate,
    own_source_reported_he,
    own_source_scope,
    own_source_self_description,
    own_source_speaker,
    own_source_speaker_for_pronoun,
    own_source_voice,
)
from retell.verify.core import new_predicate
from retell.verify.evidence import EvidenceIndex, terms
from retell.verify.judge import Judge
from retell.verify.reference import misgendered, misread

#: Source sentences the judge reads for a candidate: the best few for each sentence it
#: must decide, and at most so many in all.
FOCUS_PER_SENTENCE = 2
FOCUS_SENTENCES = 8

#: A sentence is strongly supported, and the embedded judge is not asked about it, when one
#: retrieved source sentence holds this share of its content words (`checks.overlap`) ...
STRONG_OVERLAP = 0.65
#: ... or this share of all its words in the same order (a longest common subsequence).
STRONG_IN_ORDER = 0.5
# Measured on the claim set (tests/data/claims) with the embedded judge at its threshold:
# of the 123 claims the typed checks pass, 82 are strongly supported by this rule; the judge
# rejected none of them (its ROC-AUC there is 0.76, but no error fell below 0.3) and caught
# all 7 of its errors among the 41 weakly supported ones (AUC 0.87). Skipping the 82 halves
# the judging time on seed 001. A stronger judge may earn its keep on them: `judge_all`.

SEVERITY = {"supported": 0, "unsupported": 1, "contradicted": 2}


@dataclass(frozen=True)
class Typed:
    """A sentence after the typed checks: its evidence, their findings, and whether the
    judge must still be asked."""

    text: str
    evidence: tuple[Evidence, ...]
    findings: list[Finding]
    pending: bool


@dataclass(frozen=True)
class Report:
    """Verdicts for every sentence of a candidate, with counts."""

    source: Article
    verdicts: tuple[Verdict, ...]
    #: What the judge spent on the check; None when no judge was asked.
    judged: Spend | None = None

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


def check(
    source: Article, candidate: str, *, judge: Judge | None = None, judge_all: bool = False
) -> Report:
    """Check every sentence of the candidate (paragraphs separated by blank lines)."""
    verdicts = tuple(Verifier(source, judge, judge_all=judge_all).check(candidate))
    return Report(source, verdicts, judge.spent if judge is not None else None)


class Verifier:
    """Checks sentences against one source, building its evidence index once."""

    def __init__(
        self, source: Article, judge: Judge | None = None, *, judge_all: bool = False
    ) -> None:
        self.source = source
        self.index = EvidenceIndex(source)
        self.judge = judge
        self.judge_all = judge_all

    def check(self, candidate: str) -> list[Verdict]:
        """Verdicts on every sentence of a text whose paragraphs are separated by blank lines.

        The judge reads one passage for the whole text: the best source
        sentences for each sentence it must decide, so llama.cpp evaluates
        the passage once and then only each claim.
        """
        typed = []
        for number, (start, paragraph) in enumerate(_paragraphs(candidate)):
            for begin, end in claim_sentences(paragraph):
                typed.append((self.typed(paragraph[begin:end]), number, start + begin))
        focus = self.focus([result.text for result, _, _ in typed if result.pending])
        return self.across([self.verdict(t, number, start, focus) for t, number, start in typed])

    def referents(self, verdicts: list[Verdict]) -> list[Verdict]:
        """The verdicts, with a sentence whose "he" or "she" means another person than the
        source's, or gives its person the other gender, marked as unsupported
        (`retell.verify.reference`)."""
        sources = [span.text for span in self.index.spans]
        genders = source_genders(sources)
        for number in range(1, len(verdicts)):
            previous, text = verdicts[number - 1].text, verdicts[number].text
            found = self._referent(previous, text, sources)
            other = misgendered(previous, text, genders) if found is None else None
            if other is not None:
                reason = f"'{other.pronoun}' here means {other.person}, whom the source calls "
                found = (f"{reason}'{other.theirs}'", other.source)
            if found is not None:
                span = next(span for span in self.index.spans if span.text == found[1])
                finding = Finding("reference", "unsupported", found[0], (span,))
                verdicts[number] = _flagged(verdicts[number], finding)
        return verdicts

    def _referent(self, previous: str, text: str, sources: list[str]) -> tuple[str, str] | None:
        """Why a sentence's pronoun means another person than the source's, and the source
        sentence that shows it, or None."""
        evidence = [
            span.text for span in self.index.search(text) if overlap(text, span.text) >= MIN_MATCH
        ]
        found = misread(previous, text, sources, evidence)
        if found is None:
            return None
        return (
            f"'{found.pronoun}' here means {found.mine}; in the source it is {found.theirs}",
            found.source,
        )

    def across(self, verdicts: list[Verdict]) -> list[Verdict]:
        """Verdicts on a whole text's sentences, in order, with what only the whole text
        shows marked: a person described two ways, a pronoun that means someone else. The
        rewrite stage asks this of its published text."""
        return self.referents(self.consistent(list(verdicts)))

    def consistent(self, verdicts: list[Verdict]) -> list[Verdict]:
        """The verdicts, with a sentence that contradicts an earlier one of the same text
        marked as contradicted."""
        clashes = check_consistency([v.text for v in verdicts], self.source.text)
        for number, finding in clashes.items():
            verdicts[number] = _flagged(verdicts[number], replace(finding, label="contradicted"))
        return verdicts

    def focus(self, sentences: list[str]) -> tuple[Evidence, ...]:
        """The source sentences the judge reads for some sentences: the best few for each,
        at most FOCUS_SENTENCES of the best in all, in source order."""
        chosen: dict[int, Evidence] = {}
        for sentence in sentences:
            for span in self.index.search(sentence, top=FOCUS_PER_SENTENCE):
                chosen.setdefault(span.start, span)
        best = sorted(chosen.values(), key=lambda span: -span.score)[:FOCUS_SENTENCES]
        return tuple(sorted(best, key=lambda span: span.start))

    def sentence(
        self, text: str, paragraph: int = 0, start: int = 0, focus: tuple[Evidence, ...] = ()
    ) -> Verdict:
        """The verdict on one sentence: the typed checks, then the judge if it must be asked.

        `focus` names the source sentences a retelling was made from: the judge
        reads them, and each clause is held to them as well as to the whole
        source. Without it the judge reads the retrieved evidence.
        """
        typed = self.typed(text)
        if focus:
            typed = self.held_to(typed, focus)
        focus = focus or self.focus([text]) if typed.pending else ()
        return self.verdict(typed, paragraph, start, focus)

    def held_to(self, typed: Typed, made_from: tuple[Evidence, ...]) -> Typed:
        """The typed findings of a retelling, with what its own source sentences do not
        say added: a clause of new words, an obligation, the writer's words handed to a
        speaker, a link between their words they do not make (`checks.own_source_*`)."""
        sources = " ".join(self._in_voice(span) for span in made_from)
        extra = own_source_additions(typed.text, sources, self.source.text)
        extra += own_source_description(typed.text, self.source.text)
        extra += own_source_predicate(typed.text, self.source.text)
        extra += own_source_obligation(typed.text, sources)
        extra += own_source_voice(typed.text, sources)
        extra += own_source_speaker(typed.text, sources)
        extra += own_source_self_description(typed.text, sources)
        extra += own_source_reported_he(typed.text, sources)
        extra += own_source_speaker_for_pronoun(typed.text, sources)
        extra += own_source_headline(typed.text, sources)
        texts = [span.text for span in made_from]
        extra += own_source_definite(typed.text, texts)
        extra += own_source_scope(typed.text, texts)
        extra += _joined_wrongly(typed.text, texts)
        extra = extra or own_source_links(typed.text, texts)
        if not extra:
            return typed
        extra = [replace(finding, evidence=made_from[:1]) for finding in extra]
        return replace(typed, findings=[*typed.findings, *extra], pending=False)

    def _in_voice(self, span: Evidence) -> str:
        """A source sentence as the own-source checks read it: in quotation marks when the
        article quotes it without marks of its own, inside a quotation that runs over
        several sentences or paragraphs ("“I realise this will be shocking news ... The
        Deputy Premier will remain Acting Premier ..." read alone was the writer's voice, and
        its retelling without the governor passed; the St Kitts Nevis Observer's page,
        2026-12-05), and an interviewee's answer, which the page gives unquoted (the rewrite
        marks it "answer")."""
        text = span.text.strip()
        if span.kind == "answer":
            return in_quotation_marks(text)
        if DOUBLE_QUOTED.search(text) or not wholly_spoken(self.source.text, span.start, span.end):
            return with_marks(self.source.text, span.start, span.end)
        return "“" + text.strip('"“”') + "”"

    def typed(self, text: str) -> Typed:
        """The typed checks' findings on a sentence, and whether the judge must still see it."""
        evidence = tuple(self.index.search(text))
        if framing(text):
            return Typed(text, evidence, [], False)
        if self._verbatim(text, evidence):
            # Asked to judge every sentence, the judge still reads it.
            return Typed(text, evidence, [], self.judge is not None and self.judge_all)
        context = Context(self.source.text, self.index, evidence)
        findings = [finding for check_one in CHECKS for finding in check_one(text, context)]
        pending = not findings and self.judge is not None
        pending = pending and (self.judge_all or self._weak(text, evidence))
        return Typed(text, evidence, findings, pending)

    def _weak(self, text: str, evidence: tuple[Evidence, ...]) -> bool:
        """True when the judge must be asked about a sentence the typed checks pass: no
        source sentence holds most of its words, or it says something new with them."""
        return weakly_supported(text, evidence) or new_predicate(text, self.source.text) is not None

    def _verbatim(self, text: str, evidence: tuple[Evidence, ...]) -> bool:
        """True for one of the source's own sentences, word for word, that is not part of a
        quotation running over several sentences: a summary may keep a sentence as it
        stands, and the checks' misreadings of it ("The 24-year-old finished fourth ..."
        read as having no main verb, XSumFaith test, 2026-12-07) are theirs, not its."""
        words = text.split()
        return any(
            span.text.split() == words and not wholly_spoken(self.source.text, span.start, span.end)
            for span in evidence
        )

    def verdict(
        self, typed: Typed, paragraph: int, start: int, focus: tuple[Evidence, ...]
    ) -> Verdict:
        """The verdict from the typed findings, asking the judge first if it is pending."""
        text, evidence, findings = typed.text, typed.evidence, typed.findings
        if typed.pending and self.judge is not None:
            findings = _judged(text, focus, self.judge)
        label = max((f.label for f in findings), key=SEVERITY.__getitem__, default="supported")
        shown = _evidence(findings, evidence)
        score = evidence[0].score if evidence else 0.0
        reason = "; ".join(f.reason for f in findings) or "every checked fact is in the source"
        types = tuple(dict.fromkeys(f.type for f in findings))
        end = start + len(text)
        return Verdict(text, paragraph, start, end, label, types, shown, score, reason)


_MARKER = r"\s*(?:\d{1,2}[.)]|[-*•–])"
_LIST_MARKER = re.compile(_MARKER + r"\s+")
_MARKER_ONLY = re.compile(_MARKER + r"\s*")


def claim_sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a candidate paragraph: a line break ends one (model
    output lists things line by line) and a list marker ("1.", "-") is no part of one."""
    spans = []
    cursor = 0
    for line in paragraph.split("\n"):
        offset = cursor
        cursor += len(line) + 1
        marker = _LIST_MARKER.match(line)
        skip = marker.end() if marker else 0
        for begin, end in split_sentences(line[skip:]):
            if not _MARKER_ONLY.fullmatch(line[skip + begin : skip + end]):
                spans.append((offset + skip + begin, offset + skip + end))
    return spans


#: Words of a sentence that only frames the text ("Here is a concise summary of the
#: passage:"); language models open many summaries so (seen in FaithBench), and such a
#: sentence states nothing about the story.
_FRAMING = frozenset(
    "here is are this the a an of summary summarise summarize summarised summarized passage "
    "article text story concise brief short core key main important following points point "
    "pieces piece information details covering covers cover described describes provided "
    "given in its and with from".split()
)


def framing(text: str) -> bool:
    """True for a sentence that only announces the summary that follows."""
    words = re.findall(r"[a-z]+", text.lower().replace("'s", " is"))
    return bool(words) and text.rstrip().endswith(":") and all(w in _FRAMING for w in words)


def weakly_supported(text: str, evidence: tuple[Evidence, ...]) -> bool:
    """True unless one source sentence shares most of the sentence's content words, or
    most of all its words in the same order.

    Order matters for the second test: "the union accused the company" uses
    every word of "the company accused the union" and says the opposite.
    """
    words = terms(text)
    if not words:
        return False
    return not any(
        overlap(text, span.text) >= STRONG_OVERLAP
        or _common_run(words, terms(span.text)) >= STRONG_IN_ORDER * len(words)
        for span in evidence
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


def _joined_wrongly(text: str, made_from: list[str]) -> list[Finding]:
    """What a retelling joins wrongly or leaves out of the sentences it retells, read in
    their order (`retell.verify.retold`)."""
    found = [
        ("attribution", retold.later_speaker(text, made_from)),
        ("fusion", retold.dangling_opening(text, made_from)),
        ("grammar", retold.elided_verb(text)),
        ("attribution", retold.one_for_we(text, made_from)),
    ]
    return [Finding(kind, "unsupported", reason) for kind, reason in found if reason]


def _judged(text: str, evidence: tuple[Evidence, ...], judge: Judge) -> list[Finding]:
    """The judge's finding on a sentence the typed checks passed, if it rejects it."""
    judgement = judge(text, evidence)
    if judgement.supported:
        return []
    reason = f"the judge (P(supported) {judgement.probability:.2f}): {judgement.reason}"
    return [Finding("judge", "unsupported", reason, evidence[:2])]


def _evidence(findings: list[Finding], retrieved: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The findings' own evidence first, then the best retrieved sentences, each once.

    A caption often repeats part of a body sentence word for word; the words are
    shown once, in the longer of the two spans, at the place the first one had.
    """
    shown: list[Evidence] = []
    for span in [span for finding in findings for span in finding.evidence] + list(retrieved):
        words = " ".join(span.text.split())
        same = [i for i, kept in enumerate(shown) if _overlapping(words, kept.text)]
        if not same:
            shown.append(span)
        elif len(words) > len(" ".join(shown[same[0]].text.split())):
            shown[same[0]] = span
    return tuple(shown)[:3]


def _overlapping(words: str, other: str) -> bool:
    """True when one text holds the other, whitespace aside."""
    other = " ".join(other.split())
    return words in other or other in words


def _flagged(verdict: Verdict, finding: Finding) -> Verdict:
    """A verdict with one more finding from a pass over the whole text: its type and
    reason added, its label the more severe of the two, its evidence shown first."""
    reason = finding.reason
    if verdict.label != "supported":
        reason = f"{verdict.reason}; {reason}"
    label = max(verdict.label, finding.label, key=SEVERITY.__getitem__)
    evidence = _evidence([finding], verdict.evidence)
    types = (*verdict.types, finding.type)
    return replace(verdict, label=label, types=types, reason=reason, evidence=evidence)


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """Paragraphs of the candidate, stripped, with where each starts in it: blocks
    separated by blank lines, whichever line endings it uses. (Found by the fuzz tests:
    "0\r\n0" once made one paragraph of text that no longer stood in the candidate.)"""
    found = []
    start = 0
    ends = [(blank.start(), blank.end()) for blank in _BLANK_LINE.finditer(text)]
    for end, after in [*ends, (len(text), len(text))]:
        block = text[start:end]
        if block.strip():
            found.append((start + len(block) - len(block.lstrip()), block.strip()))
        start = after
    return found


_BLANK_LINE = re.compile(r"\r?\n\r?\n")
