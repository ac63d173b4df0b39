"""A stored rewrite laid out for review beside its source: the source's blocks split into
sentences with their offsets (the offsets evidence spans use), and the rewrite's published
sentences grouped by paragraph with their verdicts. The service's page and the published
site both draw from these."""

from __future__ import annotations

from typing import Any

from retell.article import Article
from retell.text.sentences import split_sentences


def source_paragraphs(article: Article) -> list[dict[str, Any]]:
    """The article's blocks, each split into sentences with their offsets in `Article.text`
    (the offsets evidence spans use), for the source column."""
    paragraphs = []
    for block in article.blocks:
        sentences = [
            {"text": block.text[start:end], "start": block.start + start, "end": block.start + end}
            for start, end in split_sentences(block.text)
        ]
        paragraphs.append({"kind": block.kind, "sentences": sentences})
    return paragraphs


def review(rewrite: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The rewrite's paragraphs, each a list of its published sentences with their verdicts.
    The store keeps verdicts in the order of the published text, so each is placed in the
    first paragraph, from the current one on, whose text holds it."""
    texts = [paragraph["text"] for paragraph in rewrite["result"]["paragraphs"]]
    paragraphs: list[list[dict[str, Any]]] = [[] for _ in texts]
    place, cursor = 0, 0
    for verdict in rewrite["verdicts"]:
        while place < len(texts) and texts[place].find(verdict["text"], cursor) < 0:
            place, cursor = place + 1, 0
        if place == len(texts):
            break
        cursor = texts[place].find(verdict["text"], cursor) + len(verdict["text"])
        spans = [[span["start"], span["end"]] for span in verdict["evidence"]]
        paragraphs[place].append({"text": verdict["text"], "verdict": verdict, "spans": spans})
    return [rows for rows in paragraphs if rows]
