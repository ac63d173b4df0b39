"""Scoring summaries against the summaries people wrote of the same articles.

The only news articles here with human reference summaries are XSumFaith's
500 BBC stories (their `Gold` folder: the article, and the one-sentence
summary its journalist wrote). A summary is scored with ROUGE-1, -2 and -L
F1 (Google's `rouge-score`, the reimplementation of ROUGE-1.5.5 with the
Porter stemmer), beside the first three sentences of the same article: the
lead baseline news summaries are held to.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rouge_score import rouge_scorer

from retell.article import Article
from retell.eval.data import Labelled, xsumfaith
from retell.text.sentences import sentences

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
    """One scorer for the process: building it loads the stemmer."""
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
