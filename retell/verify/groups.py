"""How much of a group a statement covers: "both buyers paid" where the source says one did.

A retelling that folds two sentences together easily spreads what the
source says of one member of a group over all of it ("Two buyers have bid.
One of them has paid a deposit." becomes "Both buyers have paid a
deposit."). The check reads a whole-group word on the subject of the
candidate's action and looks, among the source sentences with the same
action and object, for one whose subject is a single member or a part:
"one", "one of them", "some", "several", "a few".
"""

from __future__ import annotations

from typing import Any

from retell.text.parse import parse
from retell.verify.links import form

#: Words that make a subject the whole of a group.
WHOLE = frozenset({"both", "all", "each", "every", "everyone", "everybody"})
#: Words that make a subject one member or a part of a group.
PART = frozenset({"one", "some", "several", "few", "many", "most", "either", "another"})
#: Parts of speech an action's object or complement is read from.
_OBJECT_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "xcomp"})


def spread(sentence: str, sources: list[str]) -> tuple[str, str] | None:
    """(the whole-group word, the source sentence) when the sentence says of a whole
    group what a source sentence with the same action says of one member or a part."""
    for token in parse(sentence):
        action = _whole_subject_action(token)
        if action is None:
            continue
        objects = _objects(action)
        for source in sources:
            if _said_of_part(source, form(action), objects):
                return token.lower_, source
    return None


def _whole_subject_action(token: Any) -> Any | None:
    """The verb whose subject a whole-group word quantifies ("both" in "both buyers paid"
    or "they both paid"); None for other words and for "both A and B", which names its
    members."""
    if token.lower_ not in WHOLE or token.dep_ == "preconj":
        return None
    subject = token if token.dep_ in ("nsubj", "nsubjpass") else token.head
    if token.dep_ == "advmod" and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.pos_ not in ("VERB", "AUX"):
        return None
    return subject.head


def _objects(action: Any) -> frozenset[str]:
    """The lemmas of an action's objects and complements (empty when it has none)."""
    return frozenset(form(child) for child in action.children if child.dep_ in _OBJECT_DEPS)


def _said_of_part(source: str, action: str, objects: frozenset[str]) -> bool:
    """True when the source sentence has the same action, with the same object if the
    candidate names one, done by one member or a part of a group."""
    for token in parse(source):
        if token.pos_ not in ("VERB", "AUX") or form(token) != action:
            continue
        if objects and not objects & _objects(token):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(form(subject) in PART for subject in subjects):
            return True
    return False
