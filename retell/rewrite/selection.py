"""Choosing the source sentences a rewrite keeps, before any model is asked.

Choosing first fixes the length and keeps the source's order, and leaves
the model a small task: retell a sentence or two it is shown. The article
is cut into as many consecutive sections as the rewrite will have
paragraphs, each section gets a share of the word budget in proportion to
its length, and within a section the sentences that say the most (numbers,
names, words the whole story keeps using) are kept until the share is spent.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from retell.text.sentences import Sentence

#: Words an output paragraph aims at; the seed rewrite's paragraphs hold about 100.
PARAGRAPH_WORDS = 100
MAX_PARAGRAPHS = 12

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_NUMBER = re.compile(r"\d")
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


def paragraph_count(target_words: int) -> int:
    """How many output paragraphs a rewrite of this many words gets."""
    return max(1, min(MAX_PARAGRAPHS, round(target_words / PARAGRAPH_WORDS)))


def sections(items: Sequence[Sentence], count: int) -> list[list[Sentence]]:
    """Cut the sentences into `count` consecutive runs of about equal word counts."""
    total = sum(sentence.word_count() for sentence in items) or 1
    runs: list[list[Sentence]] = [[] for _ in range(max(1, count))]
    seen = 0
    for sentence in items:
        index = min(len(runs) - 1, int(len(runs) * seen / total))
        runs[index].append(sentence)
        seen += sentence.word_count()
    return [run for run in runs if run]


def select(items: Sequence[Sentence], target_words: int) -> list[list[Sentence]]:
    """The sentences to keep, grouped by output paragraph, in source order."""
    weights = document_weights(items)
    total = sum(sentence.word_count() for sentence in items) or 1
    chosen: list[list[Sentence]] = []
    for run in sections(items, paragraph_count(target_words)):
        share = target_words * sum(s.word_count() for s in run) / total
        chosen.append(_fill(run, share, weights))
    return [group for group in chosen if group]


def _fill(run: list[Sentence], budget: float, weights: Counter[str]) -> list[Sentence]:
    """Keep the best sentences of a run while they fit the budget; keep their order."""
    ranked = sorted(run, key=lambda s: -score(s, weights))
    kept: list[Sentence] = []
    used = 0
    for sentence in ranked:
        words = sentence.word_count()
        if used + words <= budget or abs(budget - used - words) < abs(budget - used):
            kept.append(sentence)
            used += words
    return sorted(kept, key=lambda s: s.start)


def score(sentence: Sentence, weights: Counter[str]) -> float:
    """How much a sentence says: story words per word, plus numbers and names."""
    words = [word.lower() for word in _WORD.findall(sentence.text)]
    if not words:
        return 0.0
    centrality = sum(math.log1p(weights[word]) for word in set(words)) / math.sqrt(len(words))
    facts = 0.3 * math.sqrt(len(_NUMBER.findall(sentence.text)))
    names = 0.2 * math.sqrt(len(set(_NAME.findall(sentence.text))))
    lead = 0.5 if sentence.paragraph == 0 else 0.0
    return centrality + facts + names + lead


def document_weights(items: Sequence[Sentence]) -> Counter[str]:
    """How many sentences of the story use each word (stop words weigh little by length)."""
    counts: Counter[str] = Counter()
    for sentence in items:
        counts.update({word.lower() for word in _WORD.findall(sentence.text) if len(word) > 3})
    return counts
