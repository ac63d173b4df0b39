"""Which language an article is written in, from its commonest short words.

Each language has a list of function words (articles, pronouns,
prepositions, auxiliaries) that make up a large share of any running text
in it and little of text in the others. The language whose words cover the
largest share of a text's words wins, when that share is large enough to
trust; a text too short or too mixed to tell gets None.

Rewriting is supported in English only: its prompts, examples and checks
are English. `require_supported` turns any other language into a plain
error instead of a garbled rewrite.
"""

from __future__ import annotations

import re

from retell.errors import UnsupportedLanguage

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to is was in for on with that by at it has are were be this from have "
        "not but they which their been will would said".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine einer mit für von zu den dem des auf sich wurde "
        "hat im auch wie bei nach sie er es werden wird sind aus noch nur".split()
    ),
    "fr": frozenset(
        "le la les et est une des du pour dans que qui sur pas au aux par avec ce cette "
        "sont été ont mais plus".split()
    ),
    "es": frozenset(
        "el la los las y es una del para que por con se su sus como pero más fue han "
        "este esta al lo".split()
    ),
    "it": frozenset(
        "il lo la gli le e è una del della per che con non sono anche più come dei nel "
        "alla questo".split()
    ),
    "nl": frozenset(
        "de het een en van is niet dat op te met voor zijn er aan ook als bij door werd "
        "wordt nog".split()
    ),
}
NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
}
REWRITE_LANGUAGES = frozenset({"en"})

#: A language is named only when its function words make up this share of the words, and
#: the text has at least MIN_WORDS words; running text scores 0.2-0.4 in its own language.
MIN_SHARE = 0.12
MIN_WORDS = 30

_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str) -> str | None:
    """The code of the language a text is written in, or None when it cannot tell."""
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    shares = {
        code: sum(word in vocabulary for word in words) / len(words)
        for code, vocabulary in FUNCTION_WORDS.items()
    }
    best = max(shares, key=shares.__getitem__)
    return best if shares[best] >= MIN_SHARE else None


def require_supported(text: str, source: str) -> None:
    """Raise UnsupportedLanguage when a text is in a language retell cannot rewrite."""
    code = detect(text)
    if code is not None and code not in REWRITE_LANGUAGES:
        raise UnsupportedLanguage(
            f"the article is in {NAMES[code]}; retell rewrites English articles only",
            source=source,
        )
