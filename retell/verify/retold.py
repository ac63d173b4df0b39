"""What a retelling joins or leaves out of the source sentences it was made from, read
sentence by sentence in their order.

A retelling of two or three sentences may join them wrongly where each part is true:
the words of one sentence given to the speaker of a later one, or an opening clause of
one sentence set before the subject of another. It may also shorten a clause until its
verb is gone ("If they don't, ..."), which read alone means nothing. Each function here
takes the retold sentence (and, for a join, its source sentences in source order) and
returns why it fails, or None. The rewrite reads them (`retell.verify.Verifier.held_to`);
`retell check` does not, as a summary of a whole article has no sentences it was made from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from retell.text.facts import quotations, quoted_in
from retell.text.parse import lemmas, parse
from retell.text.people import PRONOUNS, SUBJECTS
from retell.text.speech import sayers

#: Parts of speech whose words say what a clause is about.
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def later_speaker(sentence: str, made_from: Sequence[str]) -> str | None:
    """Why a retelling gives the words of one source sentence to a speaker its sources
    name only in a later sentence, saying something else: 'Tim Cook said: "It's a case of
    turn it on by default ..."' from '"It's a case of turn it on by default ...' (the
    second paragraph of Prof Alan Woodward's quotation) and, two sentences on, '"When I
    step back ...," chief executive Tim Cook told the newspaper.' (BBC, XSumFaith dev,
    2026-12-07, published). A quotation that names no speaker goes on with the one before
    it, never with one named after it."""
    named = sayers(sentence)
    if not named or len(made_from) < 2:
        return None
    speakers = [sayers(text) for text in made_from]
    for words in quotations(sentence):
        holders = [n for n, text in enumerate(made_from) if quoted_in(words, text)]
        if not holders or speakers[holders[0]]:
            continue
        for name in named:
            later = [n for n, theirs in enumerate(speakers) if _among(name, theirs)]
            if later and later[0] > holders[0]:
                return (
                    f"gives '{words}' to {name}, whom the sentences it retells quote only "
                    "after those words, saying something else"
                )
    return None


def _among(name: str, speakers: list[str]) -> bool:
    """True when a speaker's name shares a word with one of the speakers."""
    words = set(name.lower().split())
    return any(words & set(other.lower().split()) for other in speakers)


def dangling_opening(sentence: str, made_from: Sequence[str]) -> str | None:
    """Why a retelling sets an opening clause with no subject of its own ("After being
    reduced to 8-2, ...") before a subject its source sentence does not say it of:
    "After being reduced to 8-2, Yorkshire's run-chase was undermined by ..." from "After
    being reduced to 8-2, they [Surrey] posted ..." and "Yorkshire's run-chase was
    undermined by ..." (BBC, XSumFaith dev, 2026-12-07, published). The clause is said of
    whatever the main clause's subject is; it stands right when the source sentence that
    holds it also holds that subject, or most of the main clause."""
    doc = parse(sentence)
    for root in (token for token in doc if token.dep_ == "ROOT"):
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        for opening in (c for c in root.children if c.i < subject.i and _subjectless(c)):
            found = _misplaced(opening, subject, root, made_from)
            if found is not None:
                return found
    return None


def _subjectless(token: Any) -> bool:
    """True for a clause of a participle with no subject of its own: "Having lost to
    Durham", "After being reduced to 8-2" (a preposition over its "-ing" verb)."""
    verb = token
    if token.dep_ == "prep":
        verb = next((c for c in token.children if c.dep_ == "pcomp"), None)
    elif token.dep_ != "advcl":
        return False
    if verb is None or verb.tag_ not in ("VBG", "VBN"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _misplaced(opening: Any, subject: Any, root: Any, made_from: Sequence[str]) -> str | None:
    """Why the opening clause stands before a subject that the source sentences holding
    it do not say it of, or None."""
    clause = {t.i for t in opening.subtree}
    words = _content(t for t in opening.subtree)
    homes = [text for text in made_from if words and words <= lemmas(text)]
    if not homes:
        return None
    named = {t.lower_ for t in subject.subtree if t.is_alpha and t.pos_ != "DET"}
    clause |= {t.i for t in subject.subtree}
    rest = _content(t for t in root.subtree if t.i not in clause)
    for home in homes:
        theirs = lemmas(home)
        if named & theirs or (rest and len(rest & theirs) * 2 >= len(rest)):
            return None
        # "he" or "she" there may well be the person named here: "Despite being out of a
        # medically induced coma, Brown does not respond ..." from "... she remains
        # unresponsive" (FaithBench, a faithful summary). "They" may be another team.
        if subject.pos_ == "PROPN" and theirs & {"he", "she"}:
            return None
    said = opening.doc[opening.left_edge.i : opening.right_edge.i + 1].text
    whom = opening.doc[subject.left_edge.i : subject.right_edge.i + 1].text
    return f"'{said}' is said in the sentences it retells of another subject, not of '{whom}'"


def _content(tokens: Any) -> frozenset[str]:
    """The lower-cased lemmas of the content words among the tokens."""
    return frozenset(
        t.lemma_.lower() for t in tokens if t.pos_ in _CONTENT and (t.is_alpha or t.like_num)
    )


def elided_verb(sentence: str) -> str | None:
    """Why a retelling opens with a clause whose verb is left out ("If they don't, they'll
    be blocked.", from "They are also required to enter a four-digit code ... If the
    person does not enter the code, they are refused access ...": BBC, XSumFaith dev,
    2026-12-07, published). With no verb said before it, the clause leans on a sentence
    before the retelling, which may not be the one its sources meant."""
    for token in parse(sentence):
        if _elided(token):
            return f"'{token.text}' stands for a verb the sentence never says"
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            return None
    return None


#: Verbs that may stand for a verb left out ("they don't", "she can", "we will").
_STANDING_IN = frozenset("do have will would can could shall should may might must".split())
#: What may hang on such a verb when nothing else of its clause is said.
_BARE = frozenset({"nsubj", "neg", "mark", "punct", "advmod", "cc"})


def _elided(token: Any) -> bool:
    """True for "do", "will" or "can" heading its own clause with no verb or object under
    it: the "don't" of "If they don't, ..." (the tagger reads that "do" as a verb)."""
    if token.pos_ not in ("AUX", "VERB") or token.lemma_.lower() not in _STANDING_IN:
        return False
    if token.dep_ in ("aux", "auxpass"):
        return False
    return all(child.dep_ in _BARE for child in token.children)


def one_for_we(sentence: str, made_from: Sequence[str]) -> str | None:
    """Why a retelling gives one person what the sentences it retells have "we" do: "He
    dealt with those well." from Ferguson's '"... we picked up a couple of other injuries
    but we dealt with that well," said Ferguson' (BBC, XSumFaith dev, 2026-12-07,
    published). A speaker's "we" is his team or his firm, not himself. Only "he", "she"
    or a named person as the subject is read; where both verbs have content objects,
    they must share one. It fired on nothing else among the 2,766 FaithBench summary
    sentences (each with its three best source sentences) or the 370 sentences of this
    session's retellings, regenerated ones included."""
    theirs = [v for text in made_from for v in parse(text) if _doer(v) == "we"]
    for verb in parse(sentence):
        if not _one_person(_subjects(verb)):
            continue
        for other in theirs:
            if other.lemma_.lower() == verb.lemma_.lower() and _same_objects(verb, other):
                return f"has one person '{verb.text}' where the sentences it retells have 'we'"
    return None


def _subjects(verb: Any) -> list[Any]:
    """A verb's subjects; none for a word that is no verb."""
    return [c for c in verb.children if c.dep_ in SUBJECTS] if verb.pos_ == "VERB" else []


def _one_person(subjects: list[Any]) -> bool:
    """True when a verb's first subject is "he" or "she", or spaCy takes a subject of it
    for a person (and the first is not "we")."""
    if not subjects or subjects[0].lower_ == "we":
        return False
    return subjects[0].lower_ in PRONOUNS or any(s.ent_type_ == "PERSON" for s in subjects)


def _doer(verb: Any) -> str:
    """The lower-cased first subject of a verb, or "" when it is no verb or has none."""
    subjects = _subjects(verb)
    return str(subjects[0].lower_) if subjects else ""


def _same_objects(verb: Any, other: Any) -> bool:
    """True unless both verbs have objects (nouns, or nouns after a preposition) and share
    none of them."""
    mine, theirs = _objects(verb), _objects(other)
    return not mine or not theirs or bool(mine & theirs)


def _objects(verb: Any) -> frozenset[str]:
    """The lemmas of the nouns a verb takes as its object or after its prepositions."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    found += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return frozenset(t.lemma_.lower() for t in found if t.pos_ in ("NOUN", "PROPN"))
