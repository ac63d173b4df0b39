"""Words that set one fact against another, or join a sentence to the one before.

A model that retells "the council kept the ferry in light of the protests"
as "despite the protests" has turned a reason into an obstacle: the words
are all in the source, the relation between them is not. The rewrite's guard
reads these lists; they sit with the other readers of text, where the checker
can reach them too (as a whole-text check the concession test flagged more
faithful FaithBench sentences than false ones, so the checker does not use it).
"""

from __future__ import annotations

import re

#: A concession: the clause it opens holds against the main one.
CONCEDING = re.compile(
    r"\b(?:despite|although|even though|in spite of|regardless of|notwithstanding)\b", re.I
)
#: Any contrast at all; where the source has one, a concession in its retelling may stand.
CONTRAST = re.compile(
    r"\b(?:despite|although|though|in spite of|regardless of|notwithstanding|but|yet|"
    r"however|while|whereas|even if|still|nevertheless|nonetheless|instead)\b",
    re.I,
)


#: A reason: what follows brought the main clause about.
CAUSING = re.compile(
    r"\b(?:because|due to|in light of|owing to|as a result of|thanks to|in response to)\b",
    re.I,
)


def conceded(text: str) -> str | None:
    """The concession a text makes ("despite"), or None."""
    found = CONCEDING.search(text)
    return None if found is None else found.group()


def contrasts(text: str) -> bool:
    """True when the text sets anything against anything."""
    return CONTRAST.search(text) is not None


def reasoned(text: str) -> bool:
    """True when the text gives a reason for something ("in light of", "because")."""
    return CAUSING.search(text) is not None


#: Words that join a sentence to the one before without pointing anywhere themselves, so
#: that what follows them may: "Moreover, it does not consider ..." (DiEM25's page, where
#: the kept "it" came to mean the IPCC, 2026-12-05).
JOINING = re.compile(
    r"(?:moreover|however|nevertheless|nonetheless|meanwhile|still|yet|and|but|so|also|"
    r"instead|indeed|in fact|in addition|as a result),?\s+",
    re.I,
)
#: What a sentence may open with before its first word: list marks, quotation marks.
_OPENING_MARKS = "-–—•*\"'“‘( "


def after_joining(text: str) -> str:
    """A sentence from its first word after any opening marks and joining word: "But
    they're especially high for Joe Biden" is read from "they're"."""
    text = text.lstrip(_OPENING_MARKS)
    joined = JOINING.match(text)
    return text[joined.end() :] if joined else text
