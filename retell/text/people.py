"""People by name: the full name a source gives each surname, and a text's first mention
of someone by surname alone.

News writing names a person in full once ("Anne Gonzales, a spokeswoman for the grid
operator") and by surname after that ("Ms. Gonzales said"). A retelling keeps some of the
source's sentences and not others, so it may keep the later mention and skip the first,
and its reader meets a "Ms. Gonzales" nobody introduced (read in trafilatura-eval's NYT
and Politico rewrites, 2026-12-04). `introduce` gives such a first mention the full name
the source uses. Names come from spaCy's PERSON entities; what it takes for a person only
counts when the source gives one full name for the surname, so a misread entity or two
people who share a surname change nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from retell.text.facts import ROLE_NOUNS, TITLES
from retell.text.parse import parse
from retell.text.speech import DOUBLE_QUOTED, SINGLE_QUOTED, narration, sayers

#: The pronouns a sentence's subject may be that stand for one named person.
PRONOUNS = frozenset({"he", "she"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: The possessive forms of PRONOUNS.
POSSESSIVES = frozenset({"his", "her"})
#: Verbs too common to tell one person's sentence from another's.
LINKING = frozenset({"be", "have", "do", "get", "become"})

#: Words before a name that are no part of it: honorifics, and titles short or long ("Supt
#: Peters" was read as a full name with the first name "Supt", and "Superintendent Audley
#: Peters" became "Superintendent Audley Supt Peters", trafilatura-eval's Tribune 242 page,
#: 2026-12-05).
_TITLE_WORDS = "|".join(
    ["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame"]
    + [word.capitalize() for word in TITLES]
    + [word.capitalize() for word in set(TITLES.values()) | ROLE_NOUNS]
)
_HONORIFIC = re.compile(rf"^(?:(?:{_TITLE_WORDS})\.?\s+)+")
#: A capitalised word right before a surname that is neither honorific nor title: a
#: first name, so the mention names more than the surname already.
_NAME_BEFORE = re.compile(rf"\b(?!(?:{_TITLE_WORDS})\b)[A-Z][\w'’-]*\s+$")
_HONORIFIC_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)$")
#: A capitalised word right after a surname: the "surname" opens a longer name, as the
#: MP Jonathan Lord's does "Lord Curry" (trafilatura-eval's Daily Mail page, 2026-12-05,
#: published "Jonathan Lord Curry"); so does one after its possessive, which names a thing
#: of its own ("Moore's Law" was published "Gordon Moore's Law", Wired's page, 2026-12-06).
_NAME_AFTER = re.compile(r"(?:['’]s)?\s+[A-Z][a-z]")
_NAME_WORD = re.compile(r"^[A-Z](?![\w.-]*['’]s$)[\w'’.-]*$")


def full_names(paragraphs: Sequence[str]) -> dict[str, str]:
    """Each surname the paragraphs give one full name for, mapped to that name without
    honorifics ("Gonzales" to "Anne Gonzales"). A name of two or three words that spaCy
    took for something else counts when its last word is elsewhere a person on its own:
    the small model read "Nadia Mohamed, 27, won ..." as an organisation and the later
    "Mohamed" as a person (trafilatura-eval's Twin Cities page)."""
    people: list[list[str]] = []
    others: list[list[str]] = []
    for paragraph in paragraphs:
        for label, words in _names(paragraph):
            (people if label == "PERSON" else others).append(words)
    alone = {words[0] for words in people if len(words) == 1}
    people += [words for words in others if 2 <= len(words) <= 3 and words[-1] in alone]
    found: dict[str, set[str]] = {}
    for words in people:
        if len(words) >= 2:
            found.setdefault(words[-1], set()).add(" ".join(words))
    text = "\n\n".join(paragraphs)
    return {
        surname: name
        for surname, (name, *others) in found.items()
        if not others and not _alone_first(text, surname, name)
    }


def _alone_first(text: str, surname: str, name: str) -> bool:
    """True when the text says the surname alone before it first gives the full name: its
    "McKenzie, 38, will take on ..." is then someone the text never names in full, not the
    "uncle, former three-time world champion Duke McKenzie" of its last sentence (a BBC
    article, XSumFaith dev, retold "Duke McKenzie, 38, will take on ...", 2026-12-07)."""
    first = text.find(name)
    for mention in re.finditer(rf"\b{re.escape(surname)}\b", text[: max(first, 0)]):
        if not text[: mention.end()].endswith(name):
            return True
    return False


def introduce(text: str, names: dict[str, str], named: set[str]) -> tuple[str, set[str]]:
    """The text with the first mention of each person in `names` that is not already in
    `named` given in full, and the surnames it names. A mention by surname alone (with
    its "Mr." or "Ms.") outside quotation marks is replaced by the full name; words inside
    quotation marks are the speaker's and stay as they are.

    Mentions are found by the surname itself, not by spaCy's entities: the small model
    takes a lone surname for an organisation as often as for a person ("Marcus said")."""
    quoted = [match.span() for match in DOUBLE_QUOTED.finditer(text)]
    quoted += [match.span() for match in SINGLE_QUOTED.finditer(text)]
    # Marks that do not pair up leave no telling where a quotation ends, so all after the
    # first counts as quoted: '... confirming: "He will join ... Friday. "The public
    # presentation of Suarez ..."' read as two quotations had "Suarez" made "Luis Suarez"
    # inside the second (a summary of a BBC article, XSumFaith test, 2026-12-07).
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        first = min(place for place in map(text.find, '"“”') if place >= 0)
        quoted.append((first, len(text)))
    now: set[str] = set()
    edits: list[tuple[int, int, str]] = []
    for start, end, surname in _surnames(text, names.keys() - named):
        if surname in now or any(a <= start < b for a, b in quoted):
            continue
        now.add(surname)
        if text[:start].lower().endswith(names[surname][: -len(surname)].lower()):
            continue
        if _NAME_BEFORE.search(text[:start]) or _NAME_AFTER.match(text, end):
            continue
        before = _HONORIFIC_BEFORE.search(text[:start])
        edits.append((before.start() if before else start, end, names[surname]))
    for start, end, name in reversed(edits):
        text = text[:start] + name + text[end:]
    return text, now


def _surnames(text: str, surnames: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where a text uses each of the surnames, in order."""
    found = [
        (match.start(), match.end(), surname)
        for surname in surnames
        for match in re.finditer(rf"\b{re.escape(surname)}\b", text)
    ]
    return sorted(found)


def _names(text: str) -> list[tuple[str, list[str]]]:
    """The label and words of each entity a text names in capitalised words, without
    honorifics or a possessive "'s"; an entity with other words is no name."""
    found = []
    for entity in parse(text).ents:
        words = _HONORIFIC.sub("", re.sub(r"['’]s$", "", entity.text)).split()
        # A verb that opens a line is no part of a name: "Giving Holyrood power to ..." made
        # "Giving Holyrood" a full name, and a kept sentence's "that Holyrood should
        # control" became "that Giving Holyrood should control" (BBC, XSumFaith dev,
        # 2026-12-07).
        named = bool(words) and all(map(_NAME_WORD.match, words))
        named = named and words[0].lower() not in _NOT_NAMES
        if named and not any(token.pos_ == "VERB" for token in entity):
            found.append((entity.label_, words))
    return found


#: Capitalised words spaCy puts at the head of an entity that are no part of a name: "Our
#: Zoom panel" at a sentence's start made "Our Zoom" a full name, and a kept sentence's
#: "attend our Zoom panel" became "attend our Our Zoom panel" (City Limits, 2026-12-05).
_NOT_NAMES = frozenset("our my your their his her its the this that these those a an".split())


def subject_pronoun(doc: Any) -> Any | None:
    """The "he" or "she" that is the subject of a text's main verb, when that verb is an
    action (not "be" or "have", which any sentence about anyone shares) and no person is
    named before the pronoun in the same sentence (it may then mean that person)."""
    for token in doc:
        if token.ent_type_ == "PERSON":
            return None
        if token.lower_ in PRONOUNS and token.dep_ in SUBJECTS:
            head = token.head
            plain = head.dep_ == "ROOT" and head.lemma_.lower() not in LINKING
            return token if plain else None
    return None


def subject_possessive(doc: Any) -> Any | None:
    """The "his" or "her" that owns the subject of a text's main verb ("His comments came
    days after ..."), when no person is named before it in the same sentence."""
    for token in doc:
        if token.ent_type_ == "PERSON":
            return None
        if token.lower_ in POSSESSIVES and token.dep_ == "poss":
            owned = token.head
            return token if owned.dep_ in SUBJECTS and owned.head.dep_ == "ROOT" else None
    return None


#: For each word of a person's name, the pronoun the source uses and a sentence that does.
Genders = dict[str, tuple[str, str]]
#: How far into a sentence its "he" or "she" may stand to tell whom the sentence before
#: named: "But she ...", "However, he ..."; further in, the small parser took the "she"
#: of "As to what Melania's priorities will be there is only one hint - she is ..." for
#: its subject, and the man the sentence before named became "she" (BBC, XSumFaith).
OPENING_WORDS = 4


def source_genders(sources: list[str]) -> Genders:
    """For each word of a person's name, "he" or "she" as the source calls them, read only
    in the plain case: a sentence whose subject is the pronoun, after one whose subject
    names the person ("Nadia Mohamed, 27, won ... She has served ..."), the pronoun among
    the sentence's first OPENING_WORDS words. A name the source calls both is left out."""
    seen: dict[str, dict[str, str]] = {}
    for before, text in pairwise(sources):
        pronoun = opening_pronoun(parse(text))
        said = "" if pronoun is None or pronoun.i >= OPENING_WORDS else pronoun.lower_
        for word in name_words(sentence_person(parse(before))) if said else ():
            seen.setdefault(word, {}).setdefault(said, text)
    return {word: found.popitem() for word, found in seen.items() if len(found) == 1}


def opening_pronoun(doc: Any) -> Any | None:
    """The "he" or "she" that is the subject of a text's main verb, with no person named
    before it in the text."""
    subjects = main_subjects(doc)[:1]
    if not subjects or subjects[0].lower_ not in PRONOUNS:
        return None
    named = any(token.ent_type_ == "PERSON" for token in doc[: subjects[0].i])
    return None if named else subjects[0]


def sentence_person(doc: Any) -> str:
    """The person a sentence is about: its named subject, or, where that subject stands
    inside a quotation, the quotation's named speaker. "'The United States does not
    believe ...,' Hegseth told ..." is Hegseth's sentence, not the United States'."""
    subjects = main_subjects(doc)
    voice = narration(doc.text)
    if subjects and not voice[subjects[0].idx].strip():
        return next((name for name in sayers(doc.text, voice) if name not in PRONOUNS), "")
    return subject_person(doc)


def subject_person(doc: Any) -> str:
    """The person named in the subject of a text's main verb ("Prosecutor Amelia Strand",
    "The woman who ..., accountant Nadia Quist"), or "" when the subject names none."""
    for subject in main_subjects(doc)[:1]:
        return named_subject(subject)
    return ""


def main_subjects(doc: Any) -> list[Any]:
    """The subjects of a text's main verb. Where the parser made a noun the root and hung
    the verb under it ("On December 29, her boyfriend Alastair Uhlig travelled ...", read
    as "boyfriend" described by "Uhlig travelled": the Telegraph's page in
    trafilatura-eval, 2026-12-05), the subjects of the first verb that has one."""
    roots = [token for token in doc if token.dep_ == "ROOT"][:1]
    found = [c for root in roots for c in root.children if c.dep_ in SUBJECTS]
    if found or not roots or roots[0].pos_ not in ("NOUN", "PROPN"):
        return found
    verbs = (t for t in doc if t.pos_ in ("VERB", "AUX"))
    return next(
        (
            subjects
            for verb in verbs
            if (subjects := [c for c in verb.children if c.dep_ in SUBJECTS])
        ),
        [],
    )


def subject_role(doc: Any) -> str:
    """The words of the subject of a text's main verb when they name a person by role
    alone, in a short plain phrase ("A spokesperson for Sheffield University", "The
    harbour master"), or "". A phrase with a clause or a comma in it is not taken: it
    may not come out whole."""
    subjects = main_subjects(doc)
    if not subjects or subjects[0].pos_ != "NOUN":
        return ""
    subject = subjects[0]
    if subject.lemma_.lower() not in ROLE_NOUNS | PERSON_NOUNS:
        return ""
    words = list(subject.subtree)
    if len(words) > ROLE_WORDS or any(w.pos_ in ("VERB", "AUX", "PUNCT") for w in words):
        return ""
    return " ".join(word.text for word in words)


#: The most words `subject_role` takes for a person's role.
ROLE_WORDS = 8
#: Nouns for people that are no title or office.
PERSON_NOUNS = frozenset(
    "official spokesperson resident student teacher worker witness lawyer attorney agent "
    "employee member owner founder expert researcher author woman man boy girl father "
    "mother son daughter neighbour neighbor passenger driver pilot victim".split()
)


def named_subject(subject: Any) -> str:
    """The person's name in a subject's words: a PERSON entity, else the proper noun that
    heads it or stands beside it ("the woman ..., accountant Nadia Quist", where the small
    parser often takes a name for an organisation)."""
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    for entity in subject.doc.ents:
        if entity.label_ == "PERSON" and start <= entity.start and entity.end <= end:
            return str(entity.text)
    beside = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    for name in [subject, *beside]:
        if name.pos_ == "PROPN":
            parts = [c for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            return " ".join(t.text for t in sorted([*parts, name], key=lambda t: t.i))
    return ""


def name_words(text: str) -> set[str]:
    """The lower-cased words of a name (or a sentence), titles and roles aside, so that
    "Prosecutor Amelia Strand" and "Strand" share a word."""
    words = re.findall(r"[^\W\d_]+", text.lower().replace("'s", ""))
    return {word for word in words if word not in ROLE_NOUNS}
