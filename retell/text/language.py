"""Which language an article is written in, and whether retell can rewrite it.

Identification is py3langid's (a maintained fork of langid.py: a naive Bayes
model over byte n-grams, trained on 97 languages, shipped inside its wheel);
names come from python-iso639. A text too short to judge, or one the model is
unsure of, gets None.

Which languages retell rewrites is a separate choice, `REWRITE_LANGUAGES`:
English only, because its prompts, worked examples and checks are English.
`require_supported` turns any other language into a plain error instead of a
garbled rewrite; cleaning and checking work whatever the language.
"""

from __future__ import annotations

from functools import cache

import iso639
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from retell.errors import UnsupportedLanguage

REWRITE_LANGUAGES = frozenset({"en"})

#: Fewer letters than this is too little to judge: "Storm warning for Tuesday" reads as
#: English with probability 0.64 only. About 20 English words, or a line of Chinese.
MIN_LETTERS = 100
#: The model must give its language this probability (normalised over all 97). Measured on
#: the cleaned bodies of the 989 trafilatura evaluation pages that hold an article: 981
#: score 0.99 or more and 985 reach 0.9. The function-word rule this replaced named a
#: language for 932 of them and differed on 3, German pages it took for English.
MIN_PROBABILITY = 0.9


@cache
def _identifier() -> LanguageIdentifier:
    """The model, loaded once (about 0.3 s) from the file inside py3langid's wheel."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language a text is written in, or None when it cannot
    tell."""
    if sum(character.isalpha() for character in text) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(text)
    return str(code) if probability >= MIN_PROBABILITY else None


def name(code: str) -> str:
    """The English name of a language, by its ISO 639-1 code ("de" is German)."""
    try:
        return str(iso639.Language.from_part1(code).name)
    except iso639.LanguageNotFoundError:
        return code


def require_supported(text: str, source: str) -> None:
    """Raise UnsupportedLanguage when a text is in a language retell cannot rewrite."""
    code = detect(text)
    if code is not None and code not in REWRITE_LANGUAGES:
        raise UnsupportedLanguage(
            f"the article is in {name(code)}; retell rewrites English articles only",
            source=source,
        )
