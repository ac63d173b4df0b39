"""Rendering articles as JSON, JSON Lines, markdown or plain text.

Every rendering names where the article came from. The JSON object is the
documented schema of `retell clean` (see the README).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any, Literal

from retell.article import (
    Article,
    Evidence,
    Piece,
    Removed,
    Result,
    Spend,
    Verdict,
    layout_blocks,
)
from retell.config import Price
from retell.errors import RetellError
from retell.render.report_html import Change, report_html
from retell.rewrite.guard import verbatim_sentences
from retell.text.copying import copy_share
from retell.text.sentences import split_sentences
from retell.verify import Report as VerifyReport

Format = Literal["json", "jsonl", "markdown", "text"]
FORMATS: tuple[Format, ...] = ("json", "jsonl", "markdown", "text")


def article_dict(article: Article) -> dict[str, Any]:
    """The article as the JSON object `retell clean` prints."""
    return {
        "source": article.source,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "authors": list(article.authors),
        "url": article.url,
        "url_slug": article.url_slug,
        "site_name": article.site_name,
        "body": article.body,
        "captions": article.captions,
        "removed": [{"kind": item.kind, "text": item.text} for item in article.removed],
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    """An article back from the JSON `article_dict` made of it."""
    date = data.get("date")
    return Article(
        source=data["source"],
        title=data.get("title"),
        blocks=layout_blocks(data.get("body", []), data.get("captions", [])),
        date=dt.date.fromisoformat(date) if date else None,
        authors=tuple(data.get("authors", [])),
        url=data.get("url"),
        url_slug=data.get("url_slug"),
        site_name=data.get("site_name"),
        removed=tuple(Removed(item["kind"], item["text"]) for item in data.get("removed", [])),
    )


def error_dict(source: str, error: RetellError) -> dict[str, Any]:
    """A failed input as a JSON object, so JSON Lines keep one line per input."""
    return {"source": source, "error": {"exit_code": error.exit_code, "message": error.message}}


def to_json(article: Article) -> str:
    """One article as an indented JSON document."""
    return json.dumps(article_dict(article), ensure_ascii=False, indent=2) + "\n"


def to_json_line(record: dict[str, Any]) -> str:
    """One record as a single JSON line."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def credit(article: Article) -> str:
    """The source credit line: title, date and where the article came from."""
    parts = [f"“{article.title}”" if article.title else "Untitled article"]
    if article.site_name:
        parts.append(article.site_name)
    if article.date:
        parts.append(article.date.isoformat())
    parts.append(article.url or article.source)
    return "Source: " + ", ".join(parts)


def to_markdown(article: Article) -> str:
    """The article as markdown: title, byline, body, captions and the source credit."""
    lines = [f"# {article.title or 'Untitled article'}", ""]
    if article.authors:
        lines += ["By " + ", ".join(article.authors), ""]
    for paragraph in article.body:
        lines += [paragraph, ""]
    if article.captions:
        lines += ["## Captions", ""] + [f"- {caption}" for caption in article.captions] + [""]
    lines += [f"*{credit(article)}*", ""]
    return "\n".join(lines)


def to_text(article: Article) -> str:
    """The article as plain text: title, body paragraphs, and the source credit."""
    parts = [article.title] if article.title else []
    parts += article.body
    parts.append(credit(article))
    return "\n\n".join(parts) + "\n"


def render(article: Article, fmt: Format) -> str:
    """The article in the chosen format."""
    if fmt == "markdown":
        return to_markdown(article)
    if fmt == "text":
        return to_text(article)
    if fmt == "jsonl":
        return to_json_line(article_dict(article))
    return to_json(article)


RESULT_FORMATS = ("markdown", "json", "html")


def result_dict(result: Result) -> dict[str, Any]:
    """A rewrite as JSON: the source, the paragraphs with sentences and pieces, the totals."""
    paragraphs = []
    sentences: list[str] = []
    cursor = 0
    for paragraph in result.paragraphs:
        text = paragraph.text
        spans = split_sentences(text)
        sentences += [text[start:end] for start, end in spans]
        paragraphs.append(
            {
                "text": text,
                "start": cursor,
                "end": cursor + len(text),
                "sentences": [
                    {"text": text[start:end], "start": cursor + start, "end": cursor + end}
                    for start, end in spans
                ],
                "pieces": [_piece_dict(piece) for piece in paragraph.pieces],
            }
        )
        cursor += len(text) + 2
    return {
        "credit": credit(result.article),
        "style": result.style,
        "backend": result.backend,
        "text": result.text,
        "paragraphs": paragraphs,
        "totals": _totals(result, sentences),
        "injections": injections(result.article),
        "source": article_dict(result.article),
    }


def _piece_dict(piece: Piece) -> dict[str, Any]:
    return {
        "text": piece.text,
        "sources": [{"start": span.start, "end": span.end} for span in piece.sources],
        "outcome": piece.outcome,
        "problems": list(piece.problems),
        "prompt_tokens": piece.prompt_tokens,
        "completion_tokens": piece.completion_tokens,
        "seconds": round(piece.seconds, 3),
        "cached": piece.cached,
        "tries": piece.tries,
        "repairs": [
            {"action": r.action, "text": r.text, "reason": r.reason} for r in piece.repairs
        ],
    }


def _totals(result: Result, sentences: list[str]) -> dict[str, Any]:
    """Length, outcomes, verbatim copies, tokens and time of a rewrite."""
    pieces = result.pieces()
    source_words = result.article.word_count()
    outcomes = {
        kind: sum(p.outcome == kind for p in pieces)
        for kind in ("retold", "copied", "kept", "dropped")
    }
    verbatim = verbatim_sentences(sentences, result.article.text)
    return {
        "copy_share": round(copy_share(result.text, result.article.text), 3),
        "kept_sentences": kept_sentences(result),
        "source_words": source_words,
        "target_words": result.target_words,
        "words": result.word_count(),
        "ratio": round(result.word_count() / max(1, source_words), 3),
        "paragraphs": len(result.paragraphs),
        "pieces": outcomes,
        "sentences": len(sentences),
        "verbatim_sentences": verbatim,
        "verbatim_share": round(verbatim / max(1, len(sentences)), 3),
        "regenerated": sum(r.action == "regenerated" for p in pieces for r in p.repairs),
        "dropped": sum(r.action == "dropped" for p in pieces for r in p.repairs),
        "prompt_tokens": sum(p.prompt_tokens for p in pieces),
        "completion_tokens": sum(p.completion_tokens for p in pieces),
        "model_seconds": round(sum(p.seconds for p in pieces), 2),
        "judge": spend_dict(result.judged),
        "seconds": round(result.seconds, 2),
    }


def spend_dict(spent: Spend | None) -> dict[str, Any] | None:
    """What the verification judge spent, apart from the rewriting requests' tokens above
    it; None for a rewrite that was not verified."""
    if spent is None:
        return None
    return {
        "backend": spent.backend,
        "questions": spent.calls,
        "prompt_tokens": spent.prompt_tokens,
        "completion_tokens": spent.completion_tokens,
        "model_seconds": round(spent.seconds, 2),
    }


def cost(totals: dict[str, Any], price: Price, judge_price: Price | None) -> float:
    """A rewrite's cost from its JSON totals: the rewriting requests at the backend's price
    and the judge's questions at the judge's (the judge's left out when it has none)."""
    spent = price.cost(totals["prompt_tokens"], totals["completion_tokens"])
    judged = totals.get("judge")
    if judged and judge_price is not None:
        spent += judge_price.cost(judged["prompt_tokens"], judged["completion_tokens"])
    return round(spent, 6)


def kept_sentences(result: Result) -> int:
    """How many published sentences are the source's own, kept because no retelling of
    them passed."""
    kept = [piece.text for piece in result.pieces() if piece.outcome == "kept"]
    return sum(len(split_sentences(text)) for text in kept)


def wording_note(result: Result) -> str:
    """One line on how much of the rewrite is the source's wording."""
    sentences = sum(len(split_sentences(p.text)) for p in result.paragraphs)
    share = copy_share(result.text, result.article.text)
    return (
        f"Copy share {share:.2f} (the share of its 4-word sequences found in the source); "
        f"{kept_sentences(result)} of {sentences} sentences kept in the source's words."
    )


def injections(article: Article) -> list[str]:
    """The passages of the source addressed to a language model, which the cleaner removed."""
    return [item.text for item in article.removed if item.kind == "injection"]


def injection_note(article: Article) -> str | None:
    """One line saying the source held text addressed to a model, which was left out."""
    count = sum(item.kind == "injection" for item in article.removed)
    if count == 0:
        return None
    passages = "passage" if count == 1 else "passages"
    return (
        f"The source held {count} {passages} addressed to a language model (prompt injection); "
        "retell left them out, and neither rewrote nor followed them."
    )


def _notes(result: Result) -> list[str]:
    """The lines under a rewrite: its wording, and any injection found in its source."""
    injection = injection_note(result.article)
    return [wording_note(result), *([injection] if injection else [])]


def result_markdown(result: Result) -> str:
    """The rewrite as markdown, with the source credit and the wording note under it."""
    title = result.article.title or "Untitled article"
    if result.style == "headline":
        body = [f"# {result.text}"]
    elif result.style == "brief":
        body = [f"## {title}", "\n".join(f"- {p.text}" for p in result.paragraphs)]
    else:
        body = [f"## {title}", *[p.text for p in result.paragraphs]]
    footer = [f"*Retold from the original. {credit(result.article)}*"]
    footer += [f"*{note}*" for note in _notes(result)]
    return "\n\n".join([*body, *footer]) + "\n"


def result_html(result: Result) -> str:
    """The rewrite as a self-contained HTML page: each published sentence with its
    verdict and evidence, and what verification regenerated or dropped."""
    report = VerifyReport(result.article, tuple(published_verdicts(result)))
    changes = [
        Change(number, repair.action, repair.text, repair.reason)
        for number, paragraph in enumerate(result.paragraphs)
        for piece in paragraph.pieces
        for repair in piece.repairs
    ]
    title = f"Retold ({result.style})"
    return report_html(report, title=title, changes=changes, notes=_notes(result))


def published_verdicts(result: Result) -> list[Verdict]:
    """A verdict for every published sentence, with offsets into `Result.text`.

    A piece kept as its source sentences is supported by those sentences; a
    piece of an unverified rewrite is labelled "unverified".
    """
    verdicts: list[Verdict] = []
    cursor = 0
    for number, paragraph in enumerate(result.paragraphs):
        for piece in paragraph.pieces:
            for verdict in _piece_verdicts(piece, result.article):
                start = result.text.index(verdict.text, cursor)
                cursor = start + len(verdict.text)
                verdicts.append(replace(verdict, paragraph=number, start=start, end=cursor))
    return verdicts


def _piece_verdicts(piece: Piece, article: Article) -> list[Verdict]:
    """The piece's own verdicts, or one standing for its source or unverified text; none
    for a dropped piece."""
    if piece.verdicts or piece.outcome == "dropped":
        return list(piece.verdicts)
    spans = tuple(
        Evidence(article.text[s.start : s.end], s.start, s.end, "body") for s in piece.sources
    )
    if piece.outcome == "kept":
        return [Verdict(piece.text, 0, 0, 0, "supported", (), spans, 1.0, "the source's own words")]
    return [Verdict(piece.text, 0, 0, 0, "unverified", (), spans, 0.0, "not verified")]


def render_result(
    result: Result, fmt: str, *, price: Price | None = None, judge_price: Price | None = None
) -> str:
    """A rewrite in the chosen format; JSON carries its cost when the backend's price is
    given (`totals.cost`), the judge's questions at `judge_price` (default: `price`)."""
    if fmt in ("json", "jsonl"):
        record = result_dict(result)
        if price is not None:
            record["totals"]["cost"] = cost(record["totals"], price, judge_price or price)
        if fmt == "jsonl":
            return to_json_line(record)
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return result_html(result)
    return result_markdown(result)


def report_dict(report: VerifyReport) -> dict[str, Any]:
    """A check report as JSON: a verdict per sentence with its evidence, and the counts."""
    return {
        "credit": credit(report.source),
        "sentences": [verdict_dict(verdict) for verdict in report.verdicts],
        "summary": report.summary(),
        "judge": spend_dict(report.judged),
        "injections": injections(report.source),
    }


def verdict_dict(verdict: Verdict) -> dict[str, Any]:
    """One sentence's verdict as JSON, with its evidence spans."""
    return {
        "text": verdict.text,
        "paragraph": verdict.paragraph,
        "start": verdict.start,
        "end": verdict.end,
        "label": verdict.label,
        "types": list(verdict.types),
        "evidence": [
            {"text": span.text, "start": span.start, "end": span.end, "kind": span.kind}
            for span in verdict.evidence
        ],
        "score": verdict.score,
        "reason": verdict.reason,
    }


def render_report(report: VerifyReport, fmt: str) -> str:
    """A check report in the chosen format: json, markdown or html."""
    if fmt == "html":
        return report_html(report)
    if fmt == "markdown":
        return report_markdown(report)
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def report_markdown(report: VerifyReport) -> str:
    """A check report as markdown: each sentence with its label, reason and best evidence."""
    lines = [f"# Check against: {report.source.title or report.source.source}", ""]
    for verdict in report.verdicts:
        lines.append(f"- **{verdict.label}** {verdict.text}")
        if verdict.label != "supported":
            lines.append(f"  - {', '.join(verdict.types)}: {verdict.reason}")
        if verdict.evidence:
            lines.append(f"  - evidence: “{verdict.evidence[0].text}”")
    counts = ", ".join(f"{count} {label}" for label, count in report.summary().items())
    lines += ["", f"Summary: {counts}."]
    injection = injection_note(report.source)
    lines += [""] + ([f"*{injection}*", ""] if injection else [])
    lines += [f"*{credit(report.source)}*", ""]
    return "\n".join(lines)
