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
from collections.abc import Sequence, Set
from typing import Any

from retell.text.connectives import after_joining
from retell.text.facts import ROLE_NOUNS
from retell.text.parse import parse
from retell.text.people import SUBJECTS
from retell.text.sentences import Sentence
from retell.text.speech import continues_a_quotation

#: Words an output paragraph aims at; the seed rewrite's paragraphs hold about 100.
PARAGRAPH_WORDS = 100
MAX_PARAGRAPHS = 12

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_NUMBER = re.compile(r"\d")
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


def paragraph_count(target_words: int) -> int:
    """How many output paragraphs a rewrite of this many words gets."""
    return max(1, min(MAX_PARAGRAPHS, round(target_words / PARAGRAPH_WORDS)))


def sections(
    items: Sequence[Sentence], count: int, starts: Set[int] | None = None
) -> list[list[Sentence]]:
    """Cut the sentences into `count` consecutive runs of about equal word counts; `starts`
    are where the article's whole sentences start (see `units`)."""
    total = sum(sentence.word_count() for sentence in items) or 1
    runs: list[list[Sentence]] = [[] for _ in range(max(1, count))]
    seen = 0
    index = 0
    for sentence in items:
        # A sentence that leans on the one before stays in its run, so that they can be
        # kept together ("Moreover, it does not consider ..." opened a section of DiEM25's
        # page and was published after a sentence about someone else, 2026-12-05).
        if not (_holds_on(sentence, starts) and runs[index]):
            index = min(len(runs) - 1, int(len(runs) * seen / total))
        runs[index].append(sentence)
        seen += sentence.word_count()
    return [run for run in runs if run]


def select(
    items: Sequence[Sentence], target_words: int, starts: Set[int] | None = None
) -> list[list[Sentence]]:
    """The sentences to keep, grouped by output paragraph, in source order. `starts`, where
    given, are the offsets at which the article's whole sentences start: the parts of a
    long sentence cut at its clauses are kept all together or not at all."""
    weights = document_weights(items)
    total = sum(sentence.word_count() for sentence in items) or 1
    chosen: list[list[Sentence]] = []
    for place, run in enumerate(sections(items, paragraph_count(target_words), starts)):
        share = target_words * sum(s.word_count() for s in run) / total
        chosen.append(_fill(run, share, weights, lead=place == 0, starts=starts))
    return [group for group in chosen if group]


def _fill(
    run: list[Sentence],
    budget: float,
    weights: Counter[str],
    *,
    lead: bool = False,
    starts: Set[int] | None = None,
) -> list[Sentence]:
    """Keep the best sentences of a run while they fit the budget; keep their order. A
    sentence that leans on the one before it is kept with it or not at all. In the
    article's first run (`lead`) the story's first sentence is offered first where it is a
    news lead: news puts what matters most there, and a score can rank it below the
    details after it (Boston Herald's "A 'booming' sex ring catering to wealthy doctors ...
    was busted in Boston" was left out of its rewrite for the arrests and charges after it;
    trafilatura-eval, 2026-12-06, one of 25 of 138 English pages' plans without their first
    sentence)."""
    ranked = sorted(units(run, starts), key=lambda unit: -max(score(s, weights) for s in unit))
    if lead and news_lead(run[0].text):
        ranked.sort(key=lambda unit: unit[0] is not run[0])
    kept: list[Sentence] = []
    used = 0
    for unit in ranked:
        words = sum(sentence.word_count() for sentence in unit)
        if used + words <= budget or abs(budget - used - words) < abs(budget - used):
            kept.extend(unit)
            used += words
    return sorted(kept, key=lambda s: s.start)


_PERSONS = frozenset("he she him his her they them their".split())
_READERS = frozenset("you your yours".split())


def news_lead(text: str) -> bool:
    """True for a first sentence written as news writes its lead: it names someone,
    something, a place, a time or a figure. A feature's opening hook names nothing and is
    left to the score ("Strange tattoos are plentiful around the world, but you'd probably
    still be hard pressed to find one ...", The Local, would have displaced the sentence
    saying whose portrait was tattooed), as is a lead that speaks to the reader or says
    "his" of someone only the headline names (Politico's "Republicans ... are grumbling
    about his last-minute announcement"). Of the 25 English trafilatura-eval plans that
    left out their first sentence, this offers it in 13."""
    doc = parse(text)
    words = {token.lower_ for token in doc}
    named = any(entity.label_ == "PERSON" for entity in doc.ents)
    if words & _READERS or (words & _PERSONS and not named):
        return False
    return bool(doc.ents)


#: Openings that lean on the sentence before: "Another, Pelco, announced ..." after "One
#: company, Avigilon, sells ...", which a rewrite that kept only the second published with
#: nothing for "another" to follow (Axios' page in trafilatura-eval, 2026-12-05). "Several"
#: picks from a set the sentence before defines: the same page's "Several schools have
#: cameras in every classroom" was kept without "in Wilson County, Tennessee, schools are
#: brimming with security tech", and read as if about another county.
#: "Either way" weighs the two accounts before it: The Intercept's "Either way, the damages
#: ... have severely reduced the hospital's capabilities" was published after the sentence
#: with Israel's and Indonesia's accounts had been dropped (2026-12-06).
_LEANING = re.compile(
    r"(?:another|it|its|they|their|these|those|such|both|the other|others|the rest|several|"
    r"neither|nor|either way|even so|in that case|in either case)\b",
    re.I,
)


def leans_back(sentence: Sentence) -> bool:
    """True when the sentence opens with a word that points back to the one before (after a
    connective, if it has one), or goes on with a quotation whose speaker only the sentences
    before it name ("... target of the Paris Agreement.”", DiEM25; see
    `continues_a_quotation`)."""
    text = after_joining(sentence.text)
    leaning = _LEANING.match(text) and not _EXPLETIVE.match(text)
    pointing = _unnamed_in_opening(text) or _pointing_subject(text) or _they_unnamed(text)
    pointing = pointing or _pointing_object(text)
    return bool(leaning) or pointing or continues_a_quotation(sentence.text)


#: Determiners that point at something named before; nouns of time they merely date by.
_POINTING = frozenset({"this", "that", "these", "those"})
_TIMES = frozenset(
    "day week month year decade century morning afternoon evening night time".split()
)


def _pointing_subject(text: str) -> bool:
    """True when the main clause's subject is "that speaker", "this plan" or "this" alone:
    something the sentence before introduced ("To reach ears in the farthest rows, that
    speaker will have to shout." was published after a quotation from a chief executive,
    without "he uses the example of someone trying to deliver a speech in a large hall";
    Wevolver's page in trafilatura-eval, 2026-12-06)."""
    for clause in _main_clauses(parse(text)):
        for subject in (c for c in clause.children if c.dep_ in SUBJECTS):
            pointed = any(c.dep_ == "det" and c.lower_ in _POINTING for c in subject.children)
            if pointed and subject.lemma_.lower() not in _TIMES:
                return True
            if _unnamed_role(subject):
                return True
            # "This is a site commonly used for designer sneaker sales" (Tom's Hardware,
            # 2026-12-06): the site was named in the list item before it, which was dropped.
            if subject.pos_ == "PRON" and subject.lower_ in _POINTING:
                return True
    return False


def _main_clauses(doc: Any) -> list[Any]:
    """The main verb, and a reported clause that stands before its speech tag: in "This
    was the case even when other risk factors were taken into account, the researchers
    said." the parser makes "said" the root, and "This" is what the sentence is about
    (BBC, XSumFaith dev, 2026-12-07: kept without the finding it meant, it was retold as
    a condition on the next one)."""
    roots = [token for token in doc if token.dep_ == "ROOT"]
    fronted = [c for root in roots for c in root.children if c.dep_ == "ccomp" and c.i < root.i]
    return roots + fronted


def _pointing_object(text: str) -> bool:
    """True when a preposition's object is "this issue" or "that question": the topic the
    sentence before raised ("And there seems to be little doubt as to where the majority
    of Scots stand on this issue" was published after a sentence on immigration, without
    the one on tax it meant; BBC, XSumFaith dev, 2026-12-07). Only nouns of a topic count:
    read for every "this"/"these" noun, the rule changed 73 of the 276 plans of the English
    trafilatura-eval pages, mostly guides' "these tips" and "at this stage"."""
    for token in parse(text):
        pointed = any(c.dep_ == "det" and c.lower_ in _POINTING for c in token.children)
        if pointed and token.dep_ == "pobj" and token.lemma_.lower() in _TOPICS:
            return True
    return False


_TOPICS = frozenset("issue matter question subject topic regard score front".split())


def _unnamed_role(subject: Any) -> bool:
    """True for a subject such as "the Conservative MP" or "the spokesman": a role with
    "the" and no name beside it means someone the sentences before named. The Standard's
    "Speaking in the Commons, the Conservative MP said: ..." (Chris Grayling, named in the
    sentence before) was kept after a sentence about Grant Shapps, also a Conservative MP
    (trafilatura-eval, 2026-12-06)."""
    the = any(child.dep_ == "det" and child.lower_ == "the" for child in subject.children)
    named = any(child.ent_type_ == "PERSON" or child.dep_ == "appos" for child in subject.children)
    return the and not named and subject.lemma_.lower() in ROLE_NOUNS


def _they_unnamed(text: str) -> bool:
    """True when "they" is the main clause's subject, or says the sentence's words, with
    no one named as the subject of anything before it: New Republic's "After a
    generation of neoliberal policies, in 2014 they captured more than 20 percent of
    national income" and "All that was needed was better postwar planning, they said"
    were each published without the sentence that says who (trafilatura-eval,
    2026-12-06). On the 141 English pages this marked 39 more sentences; read, nearly all
    point back (a joke page's "Because they ...", a guide's "If a bus is used they can
    ..."), a few at a noun of their own ("so they even have ..." of an airport shop)."""
    doc = parse(text)
    for token in doc:
        main = token.head.dep_ in ("ROOT", "parataxis")
        if token.lower_ == "they" and token.dep_ in SUBJECTS and main:
            return not any(_named_subject(other) for other in doc[: token.i])
    return False


def _named_subject(token: Any) -> bool:
    """True for a noun or name that is the subject of a clause, or joined to one."""
    subject = token.dep_ in SUBJECTS or (token.dep_ == "conj" and token.head.dep_ in SUBJECTS)
    return subject and token.pos_ in ("NOUN", "PROPN")


#: An opening clause that says "she" or "they" of someone the main clause after it does
#: not name: "After she suspended her campaign, the group made headlines for backing
#: Biden." was kept without the sentence before, which names her (CBS News' page in
#: trafilatura-eval, read 2026-12-06). A main clause that opens with a name or with "he"
#: or "she" is left alone: the name is whom the pronoun means, and `references` names the
#: person of a subject "he" or "she".
_OPENING_CLAUSE = re.compile(
    r"(?:after|before|when|whenever|while|since|as|although|though|because|if|once|until|"
    r"unless|despite|following)\b([^,;]{1,120}),\s+([\w’']+)",
    re.I,
)
#: The pronoun must open the clause (its first two words): further in, it mostly points
#: at a noun of the clause itself ("When Major was elected in his own right, ...").
_PERSONAL = re.compile(r"\s*(?:\S+\s+)?(?:he|she|his|her|they|their)\b", re.I)
_NOT_NAMES = frozenset("the a an this that these those its his her their our it they".split())


def _unnamed_in_opening(text: str) -> bool:
    """True when an opening clause's pronoun stands for someone named before the sentence."""
    found = _OPENING_CLAUSE.match(text)
    if not found or not _PERSONAL.match(found[1]):
        return False
    main = re.split(r"[’']", found[2])[0]
    names = main[:1].isupper() and main.lower() not in _NOT_NAMES
    return not names and main.lower() not in {"he", "she"}


#: An "it" that stands for the clause after it, not for anything before: "But it is
#: looking increasingly unlikely that ...", "It remains to be seen how ..." (seed 000).
_EXPLETIVE = re.compile(
    r"it(?:'s|’s| is| was| appears| seems| remains| looks| is looking| will be| would be)\b"
    r".*\b(?:that|how|whether|if|to)\b"
    # "It is hoped the theatre ... will be used": a passive of belief says "that" unsaid.
    r"|it (?:is|was|has been) (?:hoped|expected|thought|believed|understood|feared|estimated|"
    r"claimed|reported|alleged|said)\b",
    re.I,
)


def units(run: list[Sentence], starts: Set[int] | None = None) -> list[list[Sentence]]:
    """The run in units to keep whole: each sentence, joined by those that lean on it (one
    that opens the run stands alone, as its sentence before is another run's) and by the
    later parts of it where it is part of a long sentence cut at its clauses."""
    found: list[list[Sentence]] = []
    for sentence in run:
        if _holds_on(sentence, starts) and found:
            found[-1].append(sentence)
        else:
            found.append([sentence])
    return found


def _holds_on(sentence: Sentence, starts: Set[int] | None) -> bool:
    """True when the sentence is not to be kept without the one before it: it leans on it,
    or it goes on a long sentence cut at its clauses (it starts where no whole sentence
    of the article does). Miami Today's 78-word "Among the trust's 28 questions ... were
    the operating concept, whether ... had approved of that concept, whether buses ..."
    was cut in two, and only its first part kept: retold alone, it published a list cut
    short as "Among the questions were the operating concept, whether ... had approved of
    that concept." (trafilatura-eval, 2026-12-06)."""
    return leans_back(sentence) or (starts is not None and sentence.start not in starts)


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
