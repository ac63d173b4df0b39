"""Finding the source sentences that could support or refute a claim.

Every sentence of the source, body and captions alike, is indexed with
BM25 over lowercased word stems (a crude suffix strip, enough for English
and German inflection). `EvidenceIndex.search` returns the best-scoring source
sentences with their offsets into `Article.text`, so a verdict can always
show the exact words it rests on.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from retell.article import Article
from retell.segment import block_sentences

#: BM25 parameters, the usual defaults (Robertson and Zaragoza); not tuned on any data here.
K1 = 1.5
B = 0.75

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_SUFFIXES = ("ing", "ed", "es", "s", "en", "er", "e")


@dataclass(frozen=True)
class Evidence:
    """A source sentence that bears on a claim, with its place in `Article.text`."""

    text: str
    start: int
    end: int
    kind: str  # "body" or "caption"
    score: float = 0.0


def terms(text: str) -> list[str]:
    """Lowercased word stems of a text."""
    return [_stem(token.lower()) for token in _TOKEN.findall(text)]


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def source_spans(article: Article) -> list[Evidence]:
    """Every sentence of the article's body and captions, with offsets."""
    return [
        Evidence(sentence.text, sentence.start, sentence.end, block.kind)
        for index, block in enumerate(article.blocks)
        for sentence in block_sentences(block, index)
    ]


class EvidenceIndex:
    """A BM25 index over the sentences of one source article."""

    def __init__(self, article: Article) -> None:
        self.spans = source_spans(article)
        self.documents = [Counter(terms(span.text)) for span in self.spans]
        self.average = sum(sum(d.values()) for d in self.documents) / max(1, len(self.documents))
        frequency: Counter[str] = Counter()
        for document in self.documents:
            frequency.update(document.keys())
        count = len(self.documents)
        self.idf = {
            term: math.log(1 + (count - n + 0.5) / (n + 0.5)) for term, n in frequency.items()
        }

    def search(self, claim: str, top: int = 3) -> list[Evidence]:
        """The `top` source sentences that share the most weighted words with the claim."""
        query = set(terms(claim))
        scored = [
            (self._score(query, document), index) for index, document in enumerate(self.documents)
        ]
        best = sorted(scored, key=lambda pair: -pair[0])[:top]
        return [_with_score(self.spans[index], score) for score, index in best if score > 0]

    def _score(self, query: set[str], document: Counter[str]) -> float:
        length = sum(document.values())
        total = 0.0
        # In a fixed order: a float sum in set order varies with the process's hash seed,
        # and so would the ranking of sentences that tie.
        for term in sorted(query & document.keys()):
            tf = document[term]
            total += (
                self.idf[term] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / self.average))
            )
        return total


def _with_score(span: Evidence, score: float) -> Evidence:
    return Evidence(span.text, span.start, span.end, span.kind, round(score, 3))
