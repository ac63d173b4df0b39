"""Scoring summaries against the summaries people wrote of the same articles.

The only news articles here with human reference summaries are XSumFaith's
500 BBC stories (their `Gold` folder: the article, and the one-sentence
summary its journalist wrote). A summary is scored with ROUGE-1, -2 and -L
F1 (Google's `rouge-score`, the reimplementation of ROUGE-1.5.5 with the
Porter stemmer), beside the first three sentences of the same article: the
lead baseline news summaries are held to.
"""

from __future__ import annotations

import statistics
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retell.article import Article
from retell.backends.base import Backend
from retell.errors import InputError, NoArticle, UnsupportedLanguage
from retell.eval.data import Labelled, xsumfaith
from retell.pipeline import CheckOptions, check, clean, rewrite_article
from retell.rewrite.draft import RewriteOptions
from retell.text.copying import copy_share
from retell.text.sentences import sentences

if TYPE_CHECKING:
    from rouge_score import rouge_scorer

#: The ROUGE variants reported, in order.
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
#: How many leading sentences the baseline keeps.
LEAD_SENTENCES = 3


def references(root: Path) -> list[Labelled]:
    """XSumFaith's articles with their journalists' summaries (`Labelled.summary`), split
    into `dev` and `test` by article as the checker's data are (`split_of`)."""
    return xsumfaith(root, systems=("Gold",))


def rouge(candidate: str, reference: str) -> dict[str, float]:
    """ROUGE F1 of a candidate against a reference, in percent, per `ROUGE_TYPES`."""
    scores = _scorer().score(reference, candidate)
    return {kind: 100 * scores[kind].fmeasure for kind in ROUGE_TYPES}


def lead(article: Article, count: int = LEAD_SENTENCES) -> str:
    """The article's first `count` body sentences, as the lead baseline."""
    body = [sentence.text for sentence in sentences(article) if sentence.kind == "body"]
    return " ".join(body[:count])


@cache
def _scorer() -> rouge_scorer.RougeScorer:
    """One scorer for the process: building it loads the stemmer. rouge-score is imported
    here, not with the module: it brings NLTK and SciPy, 0.8 s that every command of the
    CLI paid at start, since the CLI imports this module for `retell eval`."""
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def scored(
    article: Article,
    reference: str,
    backend: Backend,
    options: RewriteOptions,
    *,
    judge: Backend | None = None,
) -> dict[str, Any]:
    """Summarise one article, check the summary again, and score it and the lead against
    the reference. The judge runs on `judge`, or on the summarising backend."""
    start = time.perf_counter()
    result = rewrite_article(article, backend, options, checks=CheckOptions(), judge_backend=judge)
    seconds = time.perf_counter() - start
    text = result.text
    report = check(article, text, backend=judge or backend)
    return {
        "seconds": round(seconds, 1),
        "words": len(text.split()),
        "sentences": len(report.verdicts),
        "unsupported": sum(1 for v in report.verdicts if v.label != "supported"),
        "copy_share": round(copy_share(text, article.text), 3),
        "summary": text,
        "reference": reference,
        "ours": rouge(text, reference),
        "lead": rouge(lead(article), reference),
    }


def attempted(
    article: Article,
    reference: str,
    backend: Backend,
    options: RewriteOptions,
    *,
    judge: Backend | None = None,
) -> dict[str, Any]:
    """`scored`, or for an article retell will not summarise (in another language, with
    no sentence to retell) its one-line reason as `refused`, so one such article does not
    end a run; XSumFaith's test split holds two articles of BBC Cymru in Welsh."""
    try:
        return scored(article, reference, backend, options, judge=judge)
    except (UnsupportedLanguage, NoArticle) as error:
        return {"refused": error.one_line()}


def means(rows: list[dict[str, Any]], side: str) -> dict[str, float]:
    """Mean ROUGE of one side ("ours" or "lead") over the rows that were scored."""
    found = [row[side] for row in rows if side in row]
    if not found:
        return dict.fromkeys(ROUGE_TYPES, 0.0)
    return {kind: round(statistics.mean(f[kind] for f in found), 2) for kind in ROUGE_TYPES}


def pairs(sources: Path, references: Path) -> list[tuple[str, Article, str]]:
    """(name, article, reference) pairs: two folders matched by file name, or two files
    with one article and one reference per line."""
    if sources.is_dir() and references.is_dir():
        named = {path.name: path for path in references.iterdir() if path.is_file()}
        found = [
            (path.name, clean(path.read_bytes(), source=str(path)), named[path.name].read_text())
            for path in sorted(sources.iterdir())
            if path.is_file() and path.name in named
        ]
    elif sources.is_file() and references.is_file():
        articles = sources.read_text(encoding="utf-8").splitlines()
        summaries = references.read_text(encoding="utf-8").splitlines()
        if len(articles) != len(summaries):
            raise InputError("the two files have different numbers of lines", source=str(sources))
        found = [
            (f"line {number}", clean(text, source=f"{sources}:{number}"), summary)
            for number, (text, summary) in enumerate(zip(articles, summaries, strict=True), 1)
        ]
    else:
        raise InputError("give two folders, or two files of one item per line", source=str(sources))
    if not found:
        raise InputError("no article has a reference of the same name", source=str(sources))
    return found
