"""Modality: a fear, a possibility, a plan or an open question must not become a fact.

"Amid fears the US could abandon Ukraine" does not say the US abandoned
Ukraine. For every action a candidate sentence states as plain fact, this
check finds the source sentences where the same action happens to the same
party (the same verb, sharing its subject or object); when every one of them
holds it only as hedged (a modal such as "could" or "may", or under a word
of fear, plan, expectation, possibility or doubt), the candidate has turned
the hedge into a fact.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from retell.text.parse import parse
from retell.text.people import SUBJECTS
from retell.verify.evidence import terms
from retell.verify.links import form

#: Verbs that state no action of their own ("has learning difficulties").
STATIVE = frozenset({"be", "have"})
#: Modal verbs that leave an action undecided. "will" and "would" are not among them: a
#: summary retells reported speech ("said it would close") as "will close" all the time.
HEDGING_MODALS = frozenset({"could", "may", "might", "can", "must", "should", "ought"})
#: Words that, above an action in the parse, hold it as a fear, plan, expectation,
#: possibility or open question rather than an event. "understand" is the press's "it is
#: understood ...", what a writer was told and could not confirm (a BBC rewrite dropped it,
#: XSumFaith dev, 2026-12-07; adding it moved no FaithBench, XSumFaith or claim-set figure).
#: "describe" is "a veteran, described as helping to enlist volunteers": someone's account
#: of him, published as "who helped enlist volunteers" (BBC, the same day; adding it moved
#: no FaithBench or claim-set figure). "face" is "works ... faced being auctioned", which
#: a summary published as "were auctioned" (XSumFaith test, BBC, 2026-12-07).
HEDGING_HEADS = frozenset(
    """
    fear worry concern risk threaten danger possibility possible potential potentially perhaps
    maybe likely unlikely probably plan propose proposal aim seek want hope intend expect
    consider prepare ready willing wish try attempt bid push urge call demand suggest
    speculate speculation rumour rumor claim allege allegedly whether unclear uncertain
    question doubt see if unless would-be mean design purpose prospect chance ambition
    aspiration goal effort desire wish keen eager opportunity look understand describe face
    """.split()
)
#: Adverbs that say an action is under way or done, so no hedge above it makes it a plan.
ACTUAL = frozenset({"currently", "already", "now", "still"})
#: Subordinating words that make the clause under them a condition or a question.
HEDGING_MARKERS = frozenset({"if", "whether", "unless", "should", "how"})
#: The links through which a word above an action governs it ("fears [that] the US could
#: abandon", "plans to deploy"); a hedge further up, or across a clause of another kind, says
#: nothing about this action.
COMPLEMENTS = frozenset(
    {"ccomp", "xcomp", "acl", "pcomp", "pobj", "prep", "aux", "auxpass", "conj"}
)
#: The links through which a verb of saying governs what it reports: the complements, and
#: an adverbial clause ("..., saying concerns had been raised").
REPORTED = COMPLEMENTS | {"advcl"}
#: Relative pronouns, which stand for the noun their clause describes.
RELATIVE = frozenset({"that", "which", "who", "whom"})
#: Arguments that tie a source action to the candidate's: the same party in the same role.
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


#: Verbs of saying: an action under one is reported, not stated by the writer. A candidate
#: may drop the speaker for brevity (FaithBench's summaries do so everywhere unmarked), so
#: this check leaves reported actions alone.
REPORTING = frozenset(
    "say tell claim state report announce insist argue add write warn told believe think "
    "feel".split()
)


def stated(token: Any) -> bool:
    """True when a candidate states the action as a plain fact of its own: not hedged,
    not under "would", and not reported as someone's words."""
    if any(child.dep_ == "aux" and child.lower_ in ("would", "to") for child in token.children):
        return False  # "would" retells reported speech; "to ..." is an aim, not an event
    if _named_action(token) or _reported(token):
        return False
    return not hedged(token)


def _reported(token: Any) -> bool:
    """True when a verb of saying above the action reports it as someone's words."""
    head = token
    while head.dep_ in REPORTED and head.head.i != head.i:
        head = head.head
        if _among(head, REPORTING):
            return True
    return False


def _conditional(token: Any) -> bool:
    """True for an action under "would" in a relative clause that no verb of saying
    reports: "the area that would be developed", "a deal that would see troops
    deployed" are plans or conditions. Elsewhere "would" is as often the future of
    reported speech ("said it would close") or of a past story ("Leonard would win their
    third fight in 1989")."""
    would = any(child.dep_ == "aux" and child.lower_ == "would" for child in token.children)
    return would and token.dep_ == "relcl" and not _reported(token)


def _among(token: Any, words: frozenset[str]) -> bool:
    """True when the token is one of the words, compared by stem: the small model's
    lemmatiser slips ("hopes" -> "hop"), so its lemma alone is not enough."""
    stems = _stems(words)
    return bool({form(token), token.lower_} & words) or _stem(token.lower_) in stems


@lru_cache(maxsize=8)
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(_stem(word) for word in words)


def _stem(word: str) -> str:
    found = terms(word)
    return found[0] if found else word


def hedged(token: Any, hearsay: bool = False) -> bool:
    """True when the action is held as undecided: a hedging modal, a condition, or a
    hedging word above it in its sentence; with `hearsay`, also what "is reported" or "is
    said" to have happened (`_hearsay`)."""
    if _actual(token):
        return False
    if any(child.dep_ == "aux" and child.lower_ in HEDGING_MODALS for child in token.children):
        return True
    if _conditional(token):
        return True
    if any(child.dep_ == "mark" and child.lower_ in HEDGING_MARKERS for child in token.children):
        return True
    if any(child.dep_ == "advmod" and _among(child, HEDGING_HEADS) for child in token.children):
        return True
    if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return True  # a purpose ("... to fill the stadium") is not an event
    return _hedged_above(token, hearsay)


def _hedged_above(token: Any, hearsay: bool) -> bool:
    """True when a word above the action, up through complements, holds it undecided."""
    head = token
    while head.dep_ in COMPLEMENTS and head.head.i != head.i:
        if head.dep_ == "conj" and _own_subject(head) and _coordinates(head.head):
            # "The figure is unclear but correspondents say ...": a clause of its own,
            # joined by "but", is not under the first clause's doubt.
            return False
        joined = head.dep_ == "conj"
        head = head.head
        if joined and any(c.dep_ == "advmod" and _among(c, HEDGING_HEADS) for c in head.children):
            return True  # "allegedly barged into the room and shot her": both alleged
        if _among(head, HEDGING_HEADS) or _hedging_predicate(head) or (hearsay and _hearsay(head)):
            return True
        if any(c.dep_ == "aux" and c.lower_ in HEDGING_MODALS for c in head.children):
            return True
    return False


def _own_subject(verb: Any) -> bool:
    """True for a verb with a subject of its own."""
    return any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children)


def _coordinates(verb: Any) -> bool:
    """True for a verb with "and", "but" or "or" among its words: the parser's "conj"
    without one is often a clause it could not place (the seed's "under the plan Prime
    Minister Starmer is expected to present" hung on "suffer")."""
    return any(child.dep_ == "cc" for child in verb.children)


def _hearsay(head: Any) -> bool:
    """True for "is reported", "are said", "is thought" and the like: the press passing on
    what it could not confirm, with no one to hold it. "Shanghai ... are reported to have
    agreed a deal worth £40m" was published as "Shanghai agreed a £40m deal" (a summary of
    an XSumFaith test article, 2026-12-07). Read only against the sentences a retelling
    was made from: FaithBench's annotators let a summary drop it ("schools were said to
    have been evacuated" as "schools were evacuated"), four false alarms there and no
    catch."""
    return _passive_auxiliary(head) and head.lemma_.lower() in _HEARSAY


def _passive_auxiliary(verb: Any) -> bool:
    """True for a verb with a passive auxiliary ("is reported", "being auctioned")."""
    return any(child.dep_ == "auxpass" for child in verb.children)


_HEARSAY = frozenset("report say think believe rumour rumor suppose allege claim".split())


def _hedging_predicate(head: Any) -> bool:
    """True for a copula whose predicate is a word of doubt: in "it is still unclear how
    Article 5 will be implemented" the parser hangs the clause on "is", and "unclear"
    beside it."""
    return any(c.dep_ in ("acomp", "attr") and _among(c, HEDGING_HEADS) for c in head.children)


#: Where a gerund still tells of an event: "attacked the town, killing 20 people".
_TELLING = frozenset({"advcl", "conj", "ROOT", "relcl"})


def _named_action(token: Any) -> bool:
    """True for a gerund that names an action as a thing rather than telling that it
    happened: "the ferry resuming sailings was unlikely", "the plan includes the council
    taking over the upkeep". A gerund after a preposition counts too ("known for hacking
    servers", "capable of hosting the event"): on FaithBench news the six such flags were
    all false alarms, though it lets the seed rewrite's "responsibility for putting
    servicemen in harm's way" pass for "potentially putting" (read on 2026-12-04)."""
    has_aux = any(child.dep_ in ("aux", "auxpass") for child in token.children)
    return token.tag_ == "VBG" and not has_aux and token.dep_ not in _TELLING


def _actual(token: Any) -> bool:
    """True for a finite verb said to be under way or done ("what most members are
    currently paying"): it happens, whatever the parse hangs it under. A gerund is left
    out, since the parser hangs a sentence's "now" on it ("hopes of joining NATO now
    look dead")."""
    finite = token.tag_ in ("VBD", "VBZ", "VBP") or any(
        child.dep_ == "aux" and child.lower_ != "to" for child in token.children
    )
    return finite and any(c.dep_ == "advmod" and c.lower_ in ACTUAL for c in token.children)


def parties(token: Any) -> set[str]:
    """The lemmas of an action's subject and objects (through a preposition too)."""
    found = set()
    for child in token.children:
        if child.dep_ in ARGUMENTS:
            found.add(child)
        if child.dep_ in ("prep", "agent"):
            found |= {grand for grand in child.children if grand.dep_ == "pobj"}
    # The relative pronoun of a relative clause stands for the noun the clause describes
    # ("the area that would be developed"); any other pronoun ties nothing: "he" of one
    # sentence is anyone of another.
    if token.dep_ == "relcl":
        found = {token.head if party.lower_ in RELATIVE else party for party in found}
    # A passive action under "faced" or "risks" with no subject of its own is done to its
    # subject: "80,000 works ... faced being auctioned". (Every subjectless complement
    # given its head's subject added two false alarms on FaithBench and caught nothing:
    # "is still trying to recover" read against "is still recovering".)
    if token.dep_ == "xcomp" and _passive_auxiliary(token):
        found |= {c for c in token.head.children if c.dep_ == "nsubj"}
    # Under a passive verb the subject is the complement's: "Shanghai ... are reported to
    # have agreed a deal" (Shanghai agreed).
    if token.dep_ == "xcomp" and _passive_auxiliary(token.head):
        found |= {c for c in token.head.children if c.dep_ == "nsubjpass"}
    return {form(party) for party in found if party.pos_ != "PRON"}


@lru_cache(maxsize=4096)
def actions(text: str) -> tuple[Any, ...]:
    """The verbs of a text that have at least one party. Kept per text: every candidate
    sentence is compared with every source sentence's actions."""
    return tuple(
        t for t in parse(text) if t.pos_ == "VERB" and form(t) not in STATIVE and parties(t)
    )


def turned_to_fact(
    sentence: str, sources: Iterable[str], hearsay: bool = False
) -> tuple[str, str] | None:
    """(the action, the source sentence) when the sentence states as fact an action that
    every source sentence about it holds as hedged (`hedged`, with `hearsay`); None
    otherwise."""
    for action in actions(sentence):
        if not stated(action):
            continue
        mine = parties(action)
        same = [
            (source, other)
            for source in sources
            for other in actions(source)
            if form(other) == form(action) and _same_parties(mine, parties(other))
        ]
        if same and all(hedged(other, hearsay) for _, other in same):
            return action.text, same[0][0]
    return None


def _same_parties(mine: set[str], theirs: set[str]) -> bool:
    """True when two actions share enough parties to be one event: two of them, or the
    only one the sentence names ("Storey won a race" is not "Storey can win a title")."""
    return len(mine & theirs) >= min(2, len(mine))


def negated(token: Any) -> bool:
    """True when the action carries a negation ("does not take", "never took") or goes
    "without" its object ("went without elections" says "did not face elections").

    Negation in other words ("voted to reject", "voted against") is left to the
    polarity check: on the team's claim set those paraphrase each other freely.
    """
    return any(
        child.dep_ == "neg"
        or (child.dep_ == "prep" and child.lower_ == "without")
        or _no_longer(child)
        for child in token.children
    )


def _no_longer(token: Any) -> bool:
    """True for "no longer" or "no more" beside a verb: the parser hangs the "no" on the
    adverb, so "would no longer tolerate" read as not negated against "would not tolerate"
    (a seed retelling, 2026-12-06)."""
    has_no = any(child.dep_ == "neg" for child in token.children)
    return token.dep_ == "advmod" and token.lower_ in ("longer", "more") and has_no


def subject(token: Any) -> str | None:
    """The lemma of an action's subject, if it has one that is not a pronoun."""
    found = _subject_token(token)
    return form(found) if found is not None and found.pos_ != "PRON" else None


def _subject_token(token: Any) -> Any | None:
    """An action's subject, or for a verb with none of its own that completes another
    ("will be able to provide", "wants to leave") or is joined to it ("are not perfect
    and only give you an estimate"), the subject of that one."""
    for _ in range(3):
        own = [c for c in token.children if c.dep_ in SUBJECTS]
        if own:
            return own[0]
        if token.dep_ not in ("xcomp", "acomp", "conj") or token.head.i == token.i:
            return None
        token = token.head
    return None


def negation_flipped(sentence: str, sources: Iterable[str]) -> tuple[str, str] | None:
    """(the action, the source sentence) when a source action with the same subject and
    another of the same parties is negated where the sentence's is not, or the reverse:
    "Russia would respond with arms" for "ensure that Russia does not take up arms"."""
    sources = list(sources)
    for action in actions(sentence):
        mine, who = parties(action), subject(action)
        if who is None or len(mine) < 2:
            continue
        alike = [
            (source, other.lemma_ == action.lemma_, negated(other) == negated(action))
            for source in sources
            for other in actions(source)
            if subject(other) == who and len(mine & (parties(other) | {who})) >= 2
        ]
        # The source's own verb speaks first; failing that, one source sentence that says
        # it of the same parties the same way is enough: "Chrome and other Google apps can
        # provide improved protection" is what one says, though another says "Chrome can't
        # adjust protection" (Google's blog page in trafilatura-eval, 2026-12-06).
        judged = [pair for pair in alike if pair[1]] or alike
        if judged and not any(same for _, _, same in judged):
            return action.text, judged[0][0]
    return None


def possible_made_certain(sentence: str, made_from: str) -> tuple[str, str] | None:
    """(the verb, its subject) when a retelling states as plain fact what a thing is that
    the sentences it retells only say it can be: "Error rates are typically under 1% body
    fat" from "Error rates can be under 1% body fat" (Healthline's page, trafilatura-eval,
    2026-12-06). "Be" is no action, so `turned_to_fact` leaves it; this compares the same
    subject and a shared complement. A complement that is itself a hedge ("is
    theoretically possible") states no certainty. Read over 654 retellings of saved
    rewrites it fired on that one sentence; only the rewrite stage asks it."""
    theirs = _states(made_from)
    for verb, who, what in _states(sentence):
        if not stated(verb) or what & HEDGING_HEADS:
            continue
        same = [other for other, their, things in theirs if their == who and what & things]
        if same and all(hedged(other) for other in same):
            return verb.text, who
    return None


def _states(text: str) -> list[tuple[Any, str, set[str]]]:
    """(verb, subject, complements) for each "be" of a text with a subject that is not a
    pronoun and something it is: an attribute, an adjective, or a preposition's object."""
    found = []
    for token in parse(text):
        who = _subject_token(token) if token.lemma_ == "be" else None
        if who is None or who.pos_ == "PRON":
            continue
        what = {form(child) for child in token.children if child.dep_ in ("attr", "acomp")}
        what |= {
            form(grand)
            for child in token.children
            if child.dep_ == "prep"
            for grand in child.children
            if grand.dep_ == "pobj"
        }
        if what:
            found.append((token, form(who), what))
    return found
