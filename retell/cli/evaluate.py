"""`retell eval`: the measurements the project's own gate and benches use, on anyone's data
and backend. Each prints markdown or JSON."""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path
from typing import Any

import click

from retell import clean
from retell.backends import get_backend
from retell.errors import RetellError
from retell.eval import data, extraction, scoring, summary
from retell.eval.claims import score_claims, sweep_claims
from retell.rewrite.draft import RewriteOptions
from retell.verify.judge import Judge

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
)


@click.group("eval")
def eval_group() -> None:
    """Measure extraction, checking and summaries on your own data and backend."""


def _emit(fmt: str, record: dict[str, Any], lines: list[str]) -> None:
    """Print the record as JSON, or the lines as markdown."""
    click.echo(json.dumps(record, indent=2) if fmt == "json" else "\n".join(lines))


def _guarded(run: Any) -> None:
    """Run a measurement; a retell error ends it in one line with its code."""
    try:
        run()
    except RetellError as error:
        click.echo(f"retell: {error.one_line()}", err=True)
        sys.exit(error.exit_code)


@eval_group.command("extract")
@click.argument("pages", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@format_option
def extract_command(pages: Path, gold: Path, fmt: str) -> None:
    """Score retell's extraction of the pages in PAGES against a gold file: snippets
    ({url: {file, with, without}}, trafilatura's set) or article bodies ({id: {articleBody}},
    the ScrapingHub benchmark); plain trafilatura on the same pages is the anchor."""

    def run() -> None:
        import trafilatura

        cases = extraction.cases(pages, gold)
        ours = extraction.score(cases, lambda raw, url, name: clean(raw, url=url, source=name))
        anchor = extraction.score(cases, lambda raw, url, name: _plain(trafilatura, raw, name))
        record = {"retell": ours.as_dict(), "trafilatura": anchor.as_dict()}
        lines = [
            "| extractor | pages | precision | recall | F1 | pages/s | failed |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, found in record.items():
            lines.append(
                f"| {name} | {found['pages']} | {found['precision']:.4f} | {found['recall']:.4f} "
                f"| {found['f1']:.4f} | {found['pages_per_second']:.1f} | {found['failures']} |"
            )
        _emit(fmt, record, lines)

    _guarded(run)


def _plain(trafilatura: Any, raw: bytes, name: str) -> Any:
    """trafilatura's text of a page as an article-like object (title and body)."""
    from retell.article import Article, layout_blocks

    text = trafilatura.extract(raw) or ""
    return Article(source=name, title=None, blocks=layout_blocks(text.split("\n"), []))


@eval_group.command("check")
@click.argument(
    "claims", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@click.option(
    "--faithbench",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="FaithBench's data folder: score its news summaries sentence by sentence.",
)
@click.option(
    "--xsumfaith",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="XSumFaith's data folder: score its summaries beside the stored entailment scores.",
)
@click.option(
    "--summedits",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="SummEdits' data folder: per domain, a threshold chosen on its evaluation split and "
    "the figure on its test split.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=0,
    help="Only the first N articles of each labelled set (0: all); the gate scores XSumFaith's "
    "test split with --limit 100.",
)
@click.option(
    "--sources",
    "folders",
    multiple=True,
    metavar="KIND=DIR",
    help="Where claims whose source reads KIND:NAME find it: DIR/NAME.txt (repeatable).",
)
@click.option(
    "--judge", "judge_spec", default=None, help="A backend for the judge (default: none)."
)
@click.option(
    "--split", type=click.Choice(["dev", "test", "all"]), default="all", show_default=True
)
@format_option
def check_command(
    claims: Path | None,
    faithbench: Path | None,
    xsumfaith: Path | None,
    summedits: Path | None,
    limit: int,
    folders: tuple[str, ...],
    judge_spec: str | None,
    split: str,
    fmt: str,
) -> None:
    """Score the checker: on CLAIMS (JSON Lines of claim, label, type and source, the
    source a path relative to the file) by error type, with a sweep of the judge's
    threshold when --judge is given; on FaithBench's news summaries with --faithbench,
    beside the stored detectors' verdicts on the same summaries; and on XSumFaith's with
    --xsumfaith, beside the stored entailment scores; and on SummEdits' domains with
    --summedits (--limit N takes N items of each split there)."""

    def run() -> None:
        if all(given is None for given in (claims, faithbench, xsumfaith, summedits)):
            raise RetellError("give a claims file or a labelled set's folder")
        backend = get_backend(judge_spec) if judge_spec else None
        judge = Judge(backend) if backend is not None else None
        record: dict[str, Any] = {}
        lines: list[str] = []
        if claims is not None:
            kinds = dict(folder.split("=", 1) for folder in folders if "=" in folder)
            record["claims"] = _claims(claims, kinds, judge, backend, lines)
        if faithbench is not None:
            items = data.chosen(data.faithbench(faithbench), split, limit)
            record["faithbench"] = _faithbench(items, judge, split, lines)
        if xsumfaith is not None:
            items = data.chosen(data.xsumfaith(xsumfaith), split, limit)
            record["xsumfaith"] = _xsumfaith(items, judge, split, lines)
        if summedits is not None:
            record["summedits"] = _summedits(summedits, judge, limit, lines)
        _emit(fmt, record, lines)

    _guarded(run)


def _claims(
    path: Path, kinds: dict[str, str], judge: Judge | None, backend: Any, lines: list[str]
) -> dict[str, Any]:
    """Balanced accuracy over a claim set, per type, and the threshold sweep."""

    def source_of(spec: str) -> Any:
        kind, _, name = spec.partition(":")
        where = Path(kinds[kind]) / f"{name}.txt" if kind in kinds else path.parent / spec
        return clean(where.read_bytes(), source=spec)

    value, right, totals = score_claims(path, source_of, judge)
    types = {kind: [right[kind], totals[kind]] for kind in sorted(totals)}
    lines += [
        f"claims: balanced accuracy {value:.3f}",
        "",
        "| type | right | of |",
        "|---|---|---|",
    ]
    lines += [f"| {kind} | {got} | {total} |" for kind, (got, total) in types.items()]
    found: dict[str, Any] = {"balanced_accuracy": round(value, 4), "by_type": types}
    if backend is not None:
        sweep = sweep_claims(path, source_of, backend)
        found["sweep"] = {f"{t:.1f}": round(v, 4) for t, v in sweep.items()}
        lines += [
            "",
            "judge threshold sweep: " + ", ".join(f"{t:.1f} → {v:.3f}" for t, v in sweep.items()),
        ]
    return found


def _faithbench(
    items: list[data.Labelled], judge: Judge | None, split: str, lines: list[str]
) -> dict[str, Any]:
    """Sentence and summary figures on FaithBench's news samples, with the anchors."""
    checked, seconds = scoring.timed(items, judge)
    sentences, summaries = scoring.sentence_level(checked), scoring.summary_level(checked)
    anchors = {name: scoring.anchor_level(checked, name) for name in data.FAITHBENCH_ANCHORS}
    lines += [
        "",
        f"FaithBench news ({split}): {len(checked)} summaries in {seconds:.0f} s",
        f"- retell, sentences: {sentences}",
        f"- retell, summaries: {summaries}",
        *(f"- {name}, summaries: {accuracy}" for name, accuracy in anchors.items()),
    ]
    return {
        "summaries": len(checked),
        "sentences": round(sentences.value, 4),
        "summary_level": round(summaries.value, 4),
        "anchors": {name: round(accuracy.value, 4) for name, accuracy in anchors.items()},
        "by_kind": scoring.by_kind(checked),
        "by_kind_summaries": scoring.by_kind_summaries(checked, data.FAITHBENCH_ANCHORS),
    }


def _xsumfaith(
    items: list[data.Labelled], judge: Judge | None, split: str, lines: list[str]
) -> dict[str, Any]:
    """Summary figures on XSumFaith, and beside BERT-MNLI on the summaries it scored."""
    checked, seconds = scoring.timed(items, judge)
    anchored = [pair for pair in checked if pair[0].anchors]
    ours, on_anchored = scoring.summary_level(checked), scoring.summary_level(anchored)
    anchor = scoring.anchor_level(anchored, data.XSUM_ANCHOR)
    lines += [
        "",
        f"XSumFaith ({split}): {len(checked)} summaries in {seconds:.0f} s",
        f"- retell, summaries: {ours}",
        f"- retell, the {len(anchored)} with an entailment score: {on_anchored}",
        f"- {data.XSUM_ANCHOR}, the same: {anchor}",
    ]
    return {
        "summaries": len(checked),
        "summary_level": round(ours.value, 4),
        "anchored": len(anchored),
        "anchored_level": round(on_anchored.value, 4),
        "anchors": {data.XSUM_ANCHOR: round(anchor.value, 4)},
    }


def _summedits(root: Path, judge: Judge | None, limit: int, lines: list[str]) -> dict[str, Any]:
    """Per domain: the severity threshold chosen on the evaluation items and the test
    figure it gives."""
    lines += ["", "SummEdits (threshold on evaluation, figure on test)"]
    found: dict[str, Any] = {}
    for domain in data.summedits_domains(root):
        checked = scoring.verdicts(data.summedits(root, domain, limit), judge=judge)
        threshold, test = scoring.thresholded(checked)
        lines.append(f"- {domain}: threshold {threshold:.3f}, test {test}")
        found[domain] = {"threshold": round(threshold, 4), "test": round(test.value, 4)}
    return found


@eval_group.command("summary")
@click.argument("sources", type=click.Path(exists=True, path_type=Path))
@click.argument("references", type=click.Path(exists=True, path_type=Path))
@click.option("--backend", "backend_spec", default="local", show_default=True)
@click.option(
    "--judge",
    "judge_spec",
    default=None,
    help="Backend for the verification judge and the second reading (default: --backend's).",
)
@click.option("--sentences", type=click.IntRange(1, 30), default=1, show_default=True)
@format_option
def summary_command(
    sources: Path,
    references: Path,
    backend_spec: str,
    judge_spec: str | None,
    sentences: int,
    fmt: str,
) -> None:
    """Summarise each article of SOURCES and score it with ROUGE-1/2/L against its
    reference in REFERENCES (two folders matched by file name, or two files of one item
    per line), beside the article's first three sentences; with copy share and the
    sentences the checker flags on reading the summary again."""

    def run() -> None:
        found = summary.pairs(sources, references)
        backend = get_backend(backend_spec)
        judge = get_backend(judge_spec) if judge_spec else None
        options = RewriteOptions(style="summary", sentences=sentences)
        rows = [
            {"name": name, **summary.attempted(a, r, backend, options, judge=judge)}
            for name, a, r in found
        ]
        for engine in (backend, judge):
            if engine is not None:
                engine.close()
        done = [row for row in rows if "refused" not in row]
        means = {side: summary.means(done, side) for side in ("ours", "lead")}
        record = {
            "articles": len(done),
            "refused": [[row["name"], row["refused"]] for row in rows if "refused" in row],
            "rouge": means["ours"],
            "lead": means["lead"],
            "copy_share": round(statistics.mean(row["copy_share"] for row in done), 3)
            if done
            else 0.0,
            "unsupported": sum(row["unsupported"] for row in done),
            "rows": rows,
        }
        lines = [
            f"{len(done)} articles, {sentences} sentence(s) asked, backend {backend_spec}",
            *(f"refused: {name}: {why}" for name, why in record["refused"]),
            "",
            "| | ROUGE-1 | ROUGE-2 | ROUGE-L |",
            "|---|---|---|---|",
        ]
        for side, label in (("ours", "summary"), ("lead", "first three sentences")):
            lines.append(
                f"| {label} | "
                + " | ".join(f"{means[side][k]:.2f}" for k in summary.ROUGE_TYPES)
                + " |"
            )
        lines += [
            "",
            f"copy share {record['copy_share']:.3f}; "
            f"sentences the checker flags: {record['unsupported']}",
        ]
        _emit(fmt, record, lines)

    _guarded(run)
