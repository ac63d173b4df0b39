"""A check report as one self-contained HTML page.

`report_html` turns a `Report` into a page a reader can open offline: the
source's title and credit, the counts per label, the candidate text paragraph
by paragraph with every sentence marked by its label, and a plain table of
every verdict with its evidence for printing. Hovering over a sentence, or
focusing it by click or keyboard, shows why it got its label and the source
sentences it was checked against. The page needs no network: its styles are
inline and its only script lets the Escape key close a popover.

Every piece of text on the page comes from scraped pages or a model, so all of
it goes through `html.escape`; the page links to nothing outside itself.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retell.article import Article, Evidence, Verdict
    from retell.verify import Report

#: The labels a verdict can carry, mildest first, with the marker shown beside each.
LABELS = {"supported": "✓", "unsupported": "?", "contradicted": "✗"}

#: What each label means, for the legend.
MEANINGS = {
    "supported": "every checked fact is in the source",
    "unsupported": "adds something the source does not say",
    "contradicted": "disagrees with the source",
}


@dataclass(frozen=True)
class Change:
    """A repair the rewrite made: a sentence regenerated or dropped, and why.

    `paragraph` counts from zero, as `Verdict.paragraph` does; `action` is
    "regenerated" or "dropped"; `text` is the sentence concerned.
    """

    paragraph: int
    action: str
    text: str
    reason: str


def report_html(
    report: Report,
    *,
    title: str | None = None,
    changes: Sequence[Change] = (),
    notes: Sequence[str] = (),
) -> str:
    """The whole page for a report; `title` replaces the default "Verification report",
    and each of `notes` is a line under the counts (a rewrite's wording figures)."""
    kicker = title or "Verification report"
    heading = report.source.title or "Untitled article"
    body = [
        _header(report, kicker, heading, notes),
        _legend(),
        _reading(report.verdicts),
        _changes(changes),
        _table(report.verdicts),
    ]
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        f"{_head(f'{kicker}: {heading}')}\n"
        "<body>\n<main>\n"
        + "\n".join(part for part in body if part)
        + f"\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _head(page_title: str) -> str:
    """The document head: charset, viewport, title and the inline styles."""
    return (
        '<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(page_title)}</title>\n"
        f"<style>{STYLE}</style>\n</head>"
    )


def _header(report: Report, kicker: str, heading: str, notes: Sequence[str] = ()) -> str:
    """The page header: kicker, the source's title, its credit, the counts and notes."""
    lines = "".join(f'<p class="note">{escape(note)}</p>\n' for note in notes)
    return (
        "<header>\n"
        f'<p class="kicker">{escape(kicker)}</p>\n'
        f"<h1>{escape(heading)}</h1>\n"
        f'<p class="credit">{_credit(report.source)}</p>\n'
        f"{_counts(report.summary(), len(report.verdicts))}\n"
        f"{lines}"
        "</header>"
    )


def _credit(article: Article) -> str:
    """The escaped credit line: site, authors, date and address of the source."""
    parts = [article.site_name] if article.site_name else []
    if article.authors:
        parts.append("by " + ", ".join(article.authors))
    if article.date:
        parts.append(article.date.isoformat())
    parts.append(article.url or article.source)
    return "Source: " + ", ".join(escape(part) for part in parts)


def _counts(summary: dict[str, int], total: int) -> str:
    """The number of sentences with each label, as a short list."""
    items = "".join(
        f'<li class="count count-{_label_class(label)}">'
        f'<span class="num">{count}</span> {escape(label)}</li>'
        for label, count in summary.items()
    )
    return f'<ul class="counts" aria-label="Sentences by label, {total} in all">{items}</ul>'


def _legend() -> str:
    """What the colours and markers mean."""
    items = "".join(
        f'<li><span class="s s-{label}">{label}</span> {escape(meaning)}</li>'
        for label, meaning in MEANINGS.items()
    )
    hint = "Hover over a sentence, or focus it with a click or the Tab key, to see its evidence."
    return f'<section class="legend" aria-label="Legend"><ul>{items}</ul><p>{hint}</p></section>'


def _reading(verdicts: Sequence[Verdict]) -> str:
    """The candidate text, one paragraph per verdict paragraph, each sentence marked."""
    numbered = list(enumerate(verdicts, start=1))
    groups = itertools.groupby(
        sorted(numbered, key=lambda pair: pair[1].paragraph), key=lambda pair: pair[1].paragraph
    )
    paragraphs = "\n".join(_paragraph(number, list(group)) for number, group in groups)
    if not paragraphs:
        paragraphs = "<p>No sentences to check.</p>"
    heading = '<section class="text" aria-label="Checked text">\n<h2>Text</h2>'
    return f"{heading}\n{paragraphs}\n</section>"


def _paragraph(number: int, sentences: Iterable[tuple[int, Verdict]]) -> str:
    """One paragraph of the candidate: its sentences separated by spaces."""
    spans = " ".join(_sentence(index, verdict) for index, verdict in sentences)
    return f'<p id="p-{number + 1}" data-paragraph="{number + 1}">{spans}</p>'


def _sentence(index: int, verdict: Verdict) -> str:
    """One sentence as a focusable span coloured by its label, with its popover inside."""
    label = _label_class(verdict.label)
    return (
        f'<span class="s s-{label}" id="s-{index}" tabindex="0" '
        f'data-label="{escape(verdict.label)}" aria-describedby="pop-{index}">'
        f"{escape(verdict.text)}{_popover(index, verdict)}</span>"
    )


def _popover(index: int, verdict: Verdict) -> str:
    """The label, types, reason and evidence shown while a sentence is hovered or focused."""
    return (
        f'<span class="pop" role="tooltip" id="pop-{index}">'
        f'<span class="pop-label">{escape(verdict.label)}</span> '
        f'<span class="pop-types">{_types(verdict)}</span>'
        f'<span class="pop-reason">{escape(verdict.reason)}</span>'
        f'<span class="pop-evidence">{_evidence_spans(verdict.evidence)}</span></span>'
    )


def _evidence_spans(evidence: Sequence[Evidence]) -> str:
    """Evidence for the popover: phrasing content only, since it sits inside a paragraph."""
    if not evidence:
        return '<span class="ev">No evidence found in the source.</span>'
    return "".join(
        f'<span class="ev"><q>{escape(span.text)}</q> <small>{_where(span)}</small></span>'
        for span in evidence
    )


def _table(verdicts: Sequence[Verdict]) -> str:
    """Every sentence with its label, types, reason and evidence, readable without script."""
    rows = "\n".join(_row(index, verdict) for index, verdict in enumerate(verdicts, start=1))
    return (
        '<section class="details" aria-label="Every sentence">\n<h2>Every sentence</h2>\n'
        "<table>\n<thead><tr><th>#</th><th>¶</th><th>Label</th><th>Sentence</th>"
        "<th>Types</th><th>Reason</th><th>Evidence</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>\n</section>"
    )


def _row(index: int, verdict: Verdict) -> str:
    """One table row for one verdict."""
    label = _label_class(verdict.label)
    return (
        f'<tr class="row-{label}"><td><a href="#s-{index}">{index}</a></td>'
        f"<td>{verdict.paragraph + 1}</td>"
        f'<td><span class="tag tag-{label}">{escape(verdict.label)}</span></td>'
        f'<td class="sentence">{escape(verdict.text)}</td><td>{_types(verdict)}</td>'
        f"<td>{escape(verdict.reason)}</td><td>{_evidence_list(verdict.evidence)}</td></tr>"
    )


def _evidence_list(evidence: Sequence[Evidence]) -> str:
    """Evidence for the table, as a list of quoted source sentences with their places."""
    if not evidence:
        return "none found"
    items = "".join(
        f"<li><q>{escape(span.text)}</q> <small>{_where(span)}</small></li>" for span in evidence
    )
    return f'<ul class="evidence">{items}</ul>'


def _changes(changes: Sequence[Change]) -> str:
    """The repairs section, or nothing when the rewrite made none."""
    if not changes:
        return ""
    rows = "\n".join(
        f'<tr class="change-{_action_class(change.action)}"><td>{change.paragraph + 1}</td>'
        f"<td>{escape(change.action)}</td><td>{escape(change.text)}</td>"
        f"<td>{escape(change.reason)}</td></tr>"
        for change in changes
    )
    return (
        '<section class="changes" aria-label="Repairs">\n<h2>Repairs</h2>\n'
        "<table>\n<thead><tr><th>¶</th><th>Action</th><th>Sentence</th><th>Why</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>\n</section>"
    )


def _types(verdict: Verdict) -> str:
    """The escaped error types of a verdict, or a dash when there are none."""
    return escape(", ".join(verdict.types)) if verdict.types else "—"


def _where(span: Evidence) -> str:
    """Where a piece of evidence sits: body or caption, and its character offsets."""
    return f"{escape(span.kind)}, chars {span.start}–{span.end}"


def _label_class(label: str) -> str:
    """The CSS class suffix for a label; unknown labels share one neutral class."""
    return label if label in LABELS else "other"


def _action_class(action: str) -> str:
    """The CSS class suffix for a repair action; unknown actions share one class."""
    return action if action in ("regenerated", "dropped") else "other"


#: Colours pass WCAG AA for the dark text on their backgrounds; underline style and
#: a marker after each sentence carry the label too, for readers who cannot tell colours apart.
STYLE = """
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --line: #d0d7de;
  --ok: #1a7f37; --ok-bg: #dafbe1; --warn: #9a6700; --warn-bg: #fff8c5;
  --bad: #cf222e; --bad-bg: #ffebe9; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 17px/1.6 Georgia, "Times New Roman", serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.2rem 0 0.4rem; }
h2 { font: 600 1.05rem/1.3 system-ui, sans-serif; margin: 2rem 0 0.6rem;
  border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
header, .legend, .pop, table, .counts { font-family: system-ui, -apple-system, sans-serif; }
.kicker { margin: 0; color: var(--muted); font-size: 0.85rem; text-transform: uppercase;
  letter-spacing: 0.05em; }
.credit { margin: 0 0 0.8rem; color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
.note { margin: 0.3rem 0 0; color: var(--muted); font-size: 0.85rem; }
.counts { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; margin: 0; }
.count { border: 1px solid var(--line); border-radius: 999px; padding: 0.1rem 0.7rem;
  font-size: 0.9rem; }
.count .num { font-weight: 700; }
.count-supported { border-color: var(--ok); }
.count-unsupported { border-color: var(--warn); }
.count-contradicted { border-color: var(--bad); }
.legend { font-size: 0.9rem; color: var(--muted); }
.legend ul { list-style: none; padding: 0; margin: 1rem 0 0.3rem; }
.legend li { margin: 0.2rem 0; }
.legend p { margin: 0; }
.s { position: relative; border-radius: 2px; text-decoration-thickness: 2px;
  text-underline-offset: 3px; text-decoration-line: underline; }
.s:focus { outline: 2px solid var(--ink); outline-offset: 1px; }
.s::after { font: 700 0.75em/1 system-ui, sans-serif; vertical-align: super;
  margin-left: 0.1em; }
.s-supported { background: var(--ok-bg); text-decoration-color: var(--ok);
  text-decoration-style: solid; }
.s-supported::after { content: "✓"; color: var(--ok); }
.s-unsupported { background: var(--warn-bg); text-decoration-color: var(--warn);
  text-decoration-style: dashed; }
.s-unsupported::after { content: "?"; color: var(--warn); }
.s-contradicted { background: var(--bad-bg); text-decoration-color: var(--bad);
  text-decoration-style: wavy; }
.s-contradicted::after { content: "✗"; color: var(--bad); }
.s-other { text-decoration-style: dotted; }
.pop { display: none; position: absolute; z-index: 10; left: 0; top: 100%;
  width: min(30rem, 85vw); padding: 0.6rem 0.8rem; background: #fff; color: var(--ink);
  border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 6px 18px rgba(0,0,0,.15);
  font-size: 0.85rem; line-height: 1.45; text-decoration: none; white-space: normal; }
.s:hover > .pop, .s:focus > .pop, .s:focus-within > .pop { display: block; }
.pop > span, .pop .ev { display: block; }
.pop-label { display: inline !important; font-weight: 700; text-transform: uppercase; }
.pop-types { display: inline !important; color: var(--muted); }
.pop-reason { margin: 0.3rem 0; }
.pop .ev { margin-top: 0.3rem; padding-left: 0.5rem; border-left: 3px solid var(--line); }
small { color: var(--muted); white-space: nowrap; }
table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.4rem;
  border-bottom: 1px solid var(--line); }
td.sentence { font-family: Georgia, serif; }
.tag { font-weight: 700; white-space: nowrap; }
.tag-supported { color: var(--ok); }
.tag-unsupported { color: var(--warn); }
.tag-contradicted { color: var(--bad); }
.tag-supported::before { content: "✓ "; }
.tag-unsupported::before { content: "? "; }
.tag-contradicted::before { content: "✗ "; }
.evidence { margin: 0; padding-left: 1rem; }
@media print {
  .pop, .legend p { display: none !important; }
  .s { background: none; }
  tr { break-inside: avoid; }
}
"""

#: The page's only script: Escape closes the popover of the focused sentence.
SCRIPT = (
    'document.addEventListener("keydown",function(e){'
    'if(e.key==="Escape"&&document.activeElement&&document.activeElement.blur)'
    "{document.activeElement.blur();}});"
)
