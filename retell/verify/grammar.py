"""Sentences that state nothing: a retelling left without a main verb, or one whose main
verb is a verb of speech that lost what was said; and retellings written as headlines.

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
    participle, a bare form at the root (an imperative: "Visit the page."), or a plural
    noun at the root right after a name and before what it governs, which is how the
    small tagger reads a verb in "s" after a name ("Coordinator Bonnie Young thanks
    Atlantis for ...", a retelling of Bahamas Local's page refused as verbless,
    2026-12-05)."""
    if token.tag_ in FINITE or (token.tag_ == "VB" and token.dep_ == "ROOT"):
        return True
    after_name = token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN"
    governs = any(child.i > token.i and child.dep_ != "punct" for child in token.children)
    return token.dep_ == "ROOT" and token.tag_ == "NNS" and after_name and governs


def own_possessor(sentence: str) -> str | None:
    """The name a sentence makes part of what it owns, or None: "Sue Hills's parents Sue
    Hills and Clive Ruggles described ..." (a summary of an XSumFaith test article,
    2026-12-07, published) put a name where the source's "Her parents" pointed at someone
    else, and no one is among their own parents."""
    for noun in parse(sentence):
        owners = {_full_name(c) for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"}
        named = [c for c in noun.children if c.dep_ == "appos"]
        named += [c for a in named for c in a.conjuncts]
        same = owners & {_full_name(c) for c in named}
        if same:
            return same.pop()
    return None


def _full_name(token: Any) -> str:
    """A name with the compounds before it: "Sue Hills" for "Hills"."""
    parts = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    return " ".join([*(part.text for part in parts), token.text])


def unjoined_and(sentence: str) -> bool:
    """True when an "and" or "or" after a relative clause joins nothing: "But relatives
    who never went public and, after his assassination, became even more scared." (a
    BBC rewrite, XSumFaith dev, 2026-12-07, published) made "never went public" a clause
    on "relatives" and left the sentence's own verb hanging. The parser hangs such an
    "and" on the noun with no second part beside it. Of 12,337 sentences of XSumFaith's
    articles and FaithBench's summaries it fired on three: a sentence the splitter had
    cut out of a title ("War, is based on ..."), and two long ones the parser misread."""
    for token in parse(sentence):
        if token.dep_ != "cc" or token.lower_ not in ("and", "or") or not _spaced(token):
            continue
        head = token.head
        joined = any(child.dep_ == "conj" for child in head.children)
        described = any(c.dep_ == "relcl" and c.i < token.i for c in head.children)
        if head.pos_ in ("NOUN", "PROPN") and described and not joined:
            return True
    return False


def _spaced(token: Any) -> bool:
    """True for a word with a space before it: in "fight in syria-and then faked" (an
    XSumFaith summary, tokenised and lower-cased) the parser cannot read the joined words."""
    return token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


#: Verbs of speech whose words must follow them. "tell" takes a listener as its object, so
#: one object is not what was said; "say" has no listener.
_SPEECH = frozenset({"tell", "say"})
#: What carries the words: a clause, a quotation, "about"/"of" a topic, "so".
_WORDS_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl"})


def wordless_speech(sentence: str) -> bool:
    """True when the sentence's main verb is "tell" or "say" and nothing says what was
    said: "Hegseth told delegates and European defence chiefs last week." (the seed
    rewrite, 2026-12-05: its words had gone into the sentence before, as the writer's).
    A sentence with a quotation mark is left alone, as its words may stand in it, and so
    is one with any other verb, which the small parser may have hung elsewhere ("said after
    the vote that it was withdrawing", one of the team's claims)."""
    if any(mark in sentence for mark in "\"“”‘’'"):
        return False
    doc = parse(sentence)
    if sum(token.pos_ in ("VERB", "AUX") for token in doc) > 1:
        return False
    for verb in (token for token in doc if token.dep_ == "ROOT"):
        if verb.lemma_ not in _SPEECH or _carries_words(verb):
            return False
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        return len(objects) <= (1 if verb.lemma_ == "tell" else 0)
    return False


def _carries_words(verb: Any) -> bool:
    """True when a clause, a topic ("about the plan") or "so" gives the verb its words."""
    return any(
        child.dep_ in _WORDS_DEPS
        or (child.dep_ == "prep" and child.lower_ in ("about", "of"))
        or child.lower_ == "so"
        for child in verb.children
    )


#: What makes a noun phrase whole without "the" or "a": a determiner, a possessive, a
#: number, or a noun phrase it belongs to ("the Scottish government's spokesman").
_DETERMINING = frozenset({"det", "poss", "nummod", "predet", "nmod"})


def bare_subject(sentence: str, made_from: str) -> str | None:
    """The singular common noun a retelling makes its subject with no "the", "a" or
    possessive, as a headline does, where the sentences it retells give that noun one each
    time they use it: "MSF hospital was severely damaged" for "The MSF hospital ...", or
    "Embassy investigates reports" for "The Russian embassy said ...". A noun its sources
    use bare ("staff", "information") may stand bare, and only the phrase that opens the
    sentence is read. Read on 457 retold sentences and rejected answers of the saved real
    rewrites (2026-12-07), it found five headlines; before it kept to the opening phrase,
    it also took "... that economic recovery must be the government's priority" (the
    source having "the recovery")."""
    determined = _determined_uses(made_from)
    doc = parse(sentence)
    first = next((token.i for token in doc if not token.is_punct), -1)
    for token in doc:
        if not _singular_noun(token) or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        # A headline drops the article where the sentence opens; a bare noun further in
        # may be a thing in general ("chowder is usually made with clams").
        if token.left_edge.i != first:
            continue
        if any(child.dep_ in _DETERMINING for child in token.children):
            continue
        uses = determined.get(token.lemma_.lower())
        if uses and all(uses):
            return str(token.text)
    return None


def _singular_noun(token: Any) -> bool:
    """True for a singular common noun; a capital at the sentence's start makes the small
    tagger call one a name ("Conductor founded Academy of Ancient Music in 1973", a summary
    of an XSumFaith test article, 2026-12-07, published), and only the determined uses
    `bare_subject` compares with can tell it from one."""
    if not token.is_alpha:
        return False
    return bool(token.tag_ == "NN" or (token.tag_ == "NNP" and token.i == 0))


def _determined_uses(text: str) -> dict[str, list[bool]]:
    """For each common noun of a text (by lemma), whether each use of it has a determiner,
    its own or, for a noun set before another ("the zoo statement"), the other's."""
    uses: dict[str, list[bool]] = {}
    for token in parse(text):
        if token.pos_ != "NOUN":
            continue
        phrase = [token, token.head] if token.dep_ == "compound" else [token]
        whole = any(c.dep_ in _DETERMINING for word in phrase for c in word.children)
        uses.setdefault(token.lemma_.lower(), []).append(whole)
    return uses
