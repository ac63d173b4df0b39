"""Finding the source sentences that could support or refute a claim.

Every sentence of the source, body and captions alike, is indexed with
BM25 (bm25s) over lowercased word stems (Snowball's English stemmer).
`EvidenceIndex.search` returns the best-scoring source sentences with their
offsets into `Article.text`, so a verdict can always show the exact words it
rests on.
"""

from __future__ import annotations

import re

import bm25s
import Stemmer

from retell.article import Article, Evidence
from retell.text.sentences import source_pieces

#: BM25 parameters, the usual defaults (Robertson and Zaragoza); not tuned on any data here.
K1 = 1.5
B = 0.75

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_STEMMER = Stemmer.Stemmer("english")


def plain_words(text: str) -> list[str]:
    """The lowercased words of a text, one for each of its `terms`."""
    return [token.lower() for token in _TOKEN.findall(text)]


def terms(text: str) -> list[str]:
    """Lowercased word stems of a text (Snowball's English stemmer, from PyStemmer)."""
    stems: list[str] = _STEMMER.stemWords(plain_words(text))
    return stems


def source_spans(article: Article) -> list[Evidence]:
    """Every sentence of the article's body and captions, with offsets; a sentence too long
    to show the judge whole comes in its clauses (`retell.text.sentences.source_pieces`)."""
    return [
        Evidence(piece.text, piece.start, piece.end, piece.kind) for piece in source_pieces(article)
    ]


class EvidenceIndex:
    """A BM25 index (bm25s, Lucene's variant) over the sentences of one source article."""

    def __init__(self, article: Article) -> None:
        self.spans = source_spans(article)
        self.index = bm25s.BM25(k1=K1, b=B, method="lucene", dtype="float64")
        documents = [terms(span.text) for span in self.spans]
        self.vocabulary = {term for document in documents for term in document}
        if self.vocabulary:
            self.index.index(documents, show_progress=False)

    def search(self, claim: str, top: int = 3) -> list[Evidence]:
        """The `top` source sentences that share the most weighted words with the claim."""
        # Each word once, in a fixed order: a float sum in set order varies with the
        # process's hash seed, and so would the ranking of sentences that tie.
        query = sorted(set(terms(claim)) & self.vocabulary)
        if not query:
            return []
        # bm25s leaves out Lucene's constant factor (k1 + 1); it is put back so the scores
        # shown in reports keep the scale of the usual formula.
        scores = [float(score) * (K1 + 1) for score in self.index.get_scores(query)]
        ranked = sorted(range(len(scores)), key=lambda index: -scores[index])[:top]
        return [_with_score(self.spans[i], scores[i]) for i in ranked if scores[i] > 0]


def _with_score(span: Evidence, score: float) -> Evidence:
    return Evidence(span.text, span.start, span.end, span.kind, round(score, 3))
