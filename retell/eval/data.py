"""Readers of the public labelled sets the checker is measured on.

Each set becomes a list of `Labelled` items: a source text, a candidate
summary, the character spans of the summary that people marked as false or
unsupported, and, where the set stores them, other detectors' verdicts on
the same item (the anchors). Sentence labels come from the spans, so any
sentence splitter can be scored against them.

The folders are the ones `../shared/data/README.md` describes; nothing here
downloads anything.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from retell.article import Article, layout_blocks
from retell.extract.treebank import detokenise

Span = tuple[int, int]

#: FaithBench's stored detectors: metadata key -> how a verdict reads (all are "consistent"
#: scores or 0/1 decisions, where below 0.5 means the detector flags the summary).
FAITHBENCH_ANCHORS = (
    "hhemv1",
    "hhem-2.1",
    "hhem-2.1-english",
    "trueteacher",
    "true_nli",
    "gpt-3.5-turbo",
    "gpt-4-turbo",
    "gpt_4o",
)

#: The score XSumFaith's release stores for most of its summaries, as an anchor's key.
XSUM_ANCHOR = "bert_mnli_entailment"

#: XSumFaith system folders and the names `eval_scores_xsum_summaries.csv` gives them.
XSUM_SYSTEMS = {
    "BERTS2S": "bert_withckpt",
    "TranS2S": "bert_nockpt",
    "PtGen": "ptgen",
    "TConvS2S": "tconvs2s",
    "Gold": "",
}


@dataclass(frozen=True)
class Labelled:
    """One summary of one source, with the spans people marked as unsupported."""

    dataset: str
    id: str
    group: str
    source: str
    summary: str
    spans: tuple[Span, ...]
    split: str
    anchors: dict[str, bool] = field(default_factory=dict)
    #: For each span, the kind of error people named ("intrinsic", "extrinsic", "benign"),
    #: where the set records one.
    kinds: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        """True when people marked any part of the summary."""
        return bool(self.spans)

    def marks(self, start: int, end: int) -> bool:
        """True when a marked span overlaps the summary characters [start, end)."""
        return any(_overlaps(span, start, end) for span in self.spans)

    def kinds_in(self, start: int, end: int) -> set[str]:
        """The error kinds of the marked spans that overlap [start, end)."""
        pairs = zip(self.spans, self.kinds, strict=False)
        return {kind for span, kind in pairs if _overlaps(span, start, end)}


def _overlaps(span: Span, start: int, end: int) -> bool:
    """True when the span shares a character with [start, end)."""
    return span[0] < end and span[1] > start


def split_of(dataset: str, group: str) -> str:
    """`dev` or `test`, fixed by the source, so one source's summaries never straddle the
    two: thresholds are chosen on `dev` and figures reported on `test`."""
    digest = hashlib.sha256(f"{dataset}:{group}".encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def source_article(item: Labelled) -> Article:
    """The item's source as an article: one body paragraph per line, in ordinary
    typography. The sets give the very text the summaries were written from, so it is
    not cleaned as a scraped page would be (that would take the first line for a title)."""
    paragraphs = [" ".join(line.split()) for line in detokenise(item.source).splitlines()]
    return Article(
        source=f"{item.dataset}:{item.id}",
        title=None,
        blocks=layout_blocks([p for p in paragraphs if p], []),
    )


def chosen(items: list[Labelled], split: str = "all", limit: int = 0) -> list[Labelled]:
    """The items of one split ("dev", "test" or "all"), from the first `limit` sources
    (articles) in the set's order, or from all of them when `limit` is 0."""
    items = [item for item in items if split == "all" or item.split == split]
    if limit:
        groups = set(list(dict.fromkeys(item.group for item in items))[:limit])
        items = [item for item in items if item.group in groups]
    return items


def faithbench(root: Path, *, benign: bool = False, news_only: bool = True) -> list[Labelled]:
    """FaithBench samples; a span counts when any annotator labelled it `Unwanted` (and
    `Benign`, true in the world but not in the source, when `benign` is set)."""
    domains = {
        (row["batch"], row["sample_id"]): row["domain"]
        for row in json.loads((root / "domains.json").read_text(encoding="utf-8"))
    }
    items = []
    for path in sorted(root.glob("data_for_release/batch_*.json")):
        batch = int(path.stem.removeprefix("batch_"))
        for sample in json.loads(path.read_text(encoding="utf-8"))["samples"]:
            domain = domains[(batch, sample["sample_id"])]
            if news_only and not domain.startswith("news"):
                continue
            items.append(_faithbench_item(batch, sample, benign))
    return items


def _faithbench_item(batch: int, sample: dict[str, object], benign: bool) -> Labelled:
    """One FaithBench sample as a labelled item."""
    source, summary = str(sample["source"]), str(sample["summary"])
    notes = [
        note
        for note in sample["annotations"]  # type: ignore[attr-defined]
        if note["summary_start"] is not None and _counts(note["label"], benign)
    ]
    spans = tuple((int(note["summary_start"]), int(note["summary_end"])) for note in notes)
    kinds = tuple(_kind(note["label"]) for note in notes)
    metadata: dict[str, object] = sample["metadata"]  # type: ignore[assignment]
    anchors = {
        name: float(value) < 0.5  # type: ignore[arg-type]
        for name in FAITHBENCH_ANCHORS
        if (value := metadata.get(name)) is not None
    }
    group = hashlib.sha256(source.encode()).hexdigest()[:12]
    name = f"{batch}/{sample['sample_id']}"
    split = split_of("faithbench", group)
    return Labelled("faithbench", name, group, source, summary, spans, split, anchors, kinds)


def _kind(labels: list[str]) -> str:
    """The error kind an annotation names: intrinsic, extrinsic, benign or unwanted."""
    for kind in ("Intrinsic", "Extrinsic"):
        if any(label.endswith(kind) for label in labels):
            return kind.lower()
    return "benign" if "Benign" in labels else "unwanted"


def _counts(labels: list[str], benign: bool) -> bool:
    """True for an annotation that marks the span as unsupported."""
    return any(label.startswith("Unwanted") for label in labels) or (benign and "Benign" in labels)


def xsumfaith(root: Path, systems: tuple[str, ...] = tuple(XSUM_SYSTEMS)) -> list[Labelled]:
    """XSumFaith summaries: a span per run of tokens labelled 1 (hallucinated). The anchor
    is the stored BERT-MNLI entailment score (below 0.5 flags), where the set has it."""
    entailment = _xsum_entailment(root / "annotations" / "eval_scores_xsum_summaries.csv")
    marked = _xsum_marks(root / "annotations" / "hallucination_annotations_xsum_summaries.csv")
    items = []
    for system in systems:
        folder = root / "eval_data" / "xsum" / system
        for docid, source, target, labels in zip(
            *(
                _lines(folder / f"{system}.{part}")
                for part in ("docid", "source", "target", "label")
            ),
            strict=True,
        ):
            summary, spans = _token_spans(_unescape(target), labels.split())
            score = entailment.get(f"{XSUM_SYSTEMS[system]}_{docid}")
            anchors = {} if score is None else {XSUM_ANCHOR: score < 0.5}
            split = split_of("xsumfaith", docid)
            name = f"{system}/{docid}"
            kinds = _span_kinds(summary, spans, marked.get((docid, system), []))
            item = Labelled("xsumfaith", name, docid, source, summary, spans, split, anchors, kinds)
            items.append(item)
    return items


def _xsum_marks(path: Path) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(BBC id, system) -> every annotator's marked words with the kind they named
    ("intrinsic" or "extrinsic")."""
    marks: dict[tuple[str, str], list[tuple[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["hallucination_type"] in ("intrinsic", "extrinsic"):
                words = " ".join(_unescape(row["hallucinated_span"]).split())
                key = (row["bbcid"], row["system"])
                marks.setdefault(key, []).append((words, row["hallucination_type"]))
    return marks


def _span_kinds(
    summary: str, spans: tuple[Span, ...], marks: list[tuple[str, str]]
) -> tuple[str, ...]:
    """For each labelled span, the kind most annotators named for marks that overlap it
    ("unknown" when no mark is found in the summary's words)."""
    found = [(summary.find(words), len(words), kind) for words, kind in marks if words]
    located = [((at, at + size), kind) for at, size, kind in found if at >= 0]
    kinds = []
    for start, end in spans:
        votes = Counter(kind for mark, kind in located if _overlaps(mark, start, end))
        kinds.append(votes.most_common(1)[0][0] if votes else "unknown")
    return tuple(kinds)


def _lines(path: Path) -> Iterator[str]:
    """The lines of one of XSumFaith's parallel files."""
    return iter(path.read_text(encoding="utf-8").splitlines())


def _unescape(text: str) -> str:
    """XSumFaith's targets write apostrophes as \\'."""
    return text.replace("\\'", "'")


def _token_spans(target: str, labels: list[str]) -> tuple[str, tuple[Span, ...]]:
    """The summary with single spaces, and character spans of its runs of labelled tokens."""
    tokens = target.split()
    spans: list[Span] = []
    offset = 0
    for token, label in zip(tokens, labels, strict=True):
        if label == "1":
            if spans and spans[-1][1] == offset - 1:
                spans[-1] = (spans[-1][0], offset + len(token))
            else:
                spans.append((offset, offset + len(token)))
        offset += len(token) + 1
    return " ".join(tokens), tuple(spans)


def _xsum_entailment(path: Path) -> dict[str, float]:
    """system_bbcid -> the stored entailment probability."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["system_bbcid"]: float(row["Entailment"]) for row in csv.DictReader(handle)}


def summedits_domains(root: Path) -> list[str]:
    """The SummEdits domains whose file the folder holds, in name order."""
    return sorted(path.stem.removeprefix("summedits_") for path in root.glob("summedits_*.json"))


def summedits(root: Path, domain: str, limit: int = 0) -> list[Labelled]:
    """One SummEdits domain; an inconsistent summary has no marked span of its own, so it
    counts as one span over the whole summary (summary-level scoring only). With `limit`,
    only the first `limit` items of each split."""
    rows = json.loads((root / f"summedits_{domain}.json").read_text(encoding="utf-8"))
    items = [
        Labelled(
            f"summedits-{domain}",
            str(row["id"]),
            str(row["id"]),
            "\n".join(line for line in row["doc"].splitlines() if line.strip()),
            row["summary"],
            ((0, len(row["summary"])),) if str(row["label"]) == "0" else (),
            "dev" if row["split"] == "evaluation" else "test",
        )
        for row in rows
    ]
    if not limit:
        return items
    return chosen(items, "dev", limit) + chosen(items, "test", limit)
