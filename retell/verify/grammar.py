"""Sentences that state nothing: a retelling left without a main verb.

"Two buyers for the warehouse, one of them already paying a deposit." reads
as a sentence and asserts nothing a reader can hold the source to; a
rewriter that merges two sentences and drops the verb of both leaves such
fragments. A candidate sentence of some length that ends like a sentence and
has no finite verb is flagged.
"""

from __future__ import annotations

from typing import Any

from retell.text.parse import parse

#: Penn Treebank tags of a verb that can carry a sentence: past, present, modal, and the
#: past participle, which the small tagger gives many a simple past ("Widnes held on",
#: seen on FaithBench dev). A sentence whose only verbs are "-ing" forms ("one of them
#: already paying a deposit") or that has none is the fragment this looks for.
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD", "VBN"})
#: Fewer words than this is a heading, a label or a dateline, not a broken sentence.
MIN_WORDS = 8


def verbless(sentence: str) -> bool:
    """True for a sentence of at least MIN_WORDS words, ending in a full stop, with no
    finite verb: a fragment rather than a claim.

    Only a full stop counts as an ending: a line ending in a colon frames a list,
    and a question or exclamation is rare enough in news retellings to leave alone.
    """
    text = sentence.strip().rstrip("\"'”’)")
    if not text.endswith("."):
        return False
    doc = parse(sentence)
    words = [token for token in doc if token.is_alpha]
    if len(words) < MIN_WORDS:
        return False
    return not any(_carries(token) for token in doc)


def _carries(token: Any) -> bool:
    """True for a verb that can be a sentence's main verb: a finite form or past
    participle, or a bare form at the root (an imperative: "Visit the page.")."""
    return token.tag_ in FINITE or (token.tag_ == "VB" and token.dep_ == "ROOT")
