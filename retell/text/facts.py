"""Reading the checkable facts of a sentence: numbers (in digits and words, with units and
ordinals), names, people's titles, quotations, negation.

Both the quick guard on each retelling (`retell.rewrite.guard`) and the full
verification (`retell.verify`) read sentences with these, so a number or a
name means the same thing to both.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_PLAIN = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-"}
)


def plain(text: str) -> str:
    """Text with typographic quotes and dashes made plain and whitespace collapsed."""
    return " ".join(text.translate(_PLAIN).split())


# ---------------------------------------------------------------- numbers

_NUMBER = re.compile(
    r"(?<![\w.])(\d+(?:[.,]\d+)*)(\s*(?:%|per cent|percent|million|billion|"
    r"bn|m\b|k\b))?",
    re.I,
)
_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "k": 1e3}
#: Number words a reader may write for digits. "One" and "ein" are left out: they are far
#: more often a pronoun or an article than a count.
NUMBER_WORDS = {
    word: float(value)
    for value, words in enumerate(
        [
            "",
            "",
            "two zwei",
            "three drei",
            "four vier",
            "five fünf",
            "six sechs",
            "seven sieben",
            "eight acht",
            "nine neun",
            "ten zehn",
            "eleven elf",
            "twelve zwölf",
            "thirteen dreizehn",
            "fourteen vierzehn",
            "fifteen fünfzehn",
            "sixteen sechzehn",
            "seventeen siebzehn",
            "eighteen achtzehn",
            "nineteen neunzehn",
            "twenty zwanzig",
        ]
    )
    for word in words.split()
} | {
    "thousand": 1000.0,
    "thirty": 30.0,
    "forty": 40.0,
    "fifty": 50.0,
    "sixty": 60.0,
    "seventy": 70.0,
}
NUMBER_WORDS |= {"eighty": 80.0, "ninety": 90.0, "hundred": 100.0, "dozen": 12.0}
_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_FRACTION = re.compile(
    r"\b(a|an|one|two|three|four)[- ](third|quarter|fifth|sixth|eighth|tenth)s?\b", re.I
)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.I)
_COMPOUND = re.compile(
    r"\b(" + "|".join(NUMBER_WORDS) + r")[\s-]+(hundred|thousand|two|three|four|five|six|"
    r"seven|eight|nine)\b",
    re.I,
)
_TIME = re.compile(r"\b(\d{1,2})[.:](\d{2})\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h)\b", re.I)


def numbers(text: str) -> set[float]:
    """The numbers a text states, with "3billion", "3 bn", "3,000,000,000" and "three" equal.

    Fractions written in words count as their value ("a third" is 1/3), and a
    time of day as hours and minutes ("2.45am" is 2.45).
    """
    text = plain(text)
    found = {_fraction(whole, part) for whole, part in _FRACTION.findall(text)}
    text = _COMPOUND.sub(_compound, _FRACTION.sub(" ", text))
    found |= {NUMBER_WORDS[word.lower()] for word in _NUMBER_WORD.findall(text)}
    for digits, unit in _NUMBER.findall(text):
        value = float(digits.replace(",", "")) if _is_grouped(digits) else _decimal(digits)
        found.add(value * _SCALE.get(unit.strip().lower(), 1.0))
    return found


_PARTS = {"third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}


def _fraction(whole: str, part: str) -> float:
    count = 1.0 if whole.lower() in ("a", "an", "one") else NUMBER_WORDS[whole.lower()]
    return round(count / _PARTS[part.lower()], 4)


def _compound(match: re.Match[str]) -> str:
    """Digits for a number written in two words: "twenty-five", "two hundred"."""
    first, second = (NUMBER_WORDS[word.lower()] for word in match.groups())
    value = first * second if second >= 100 else first + second
    return f" {value:.0f} "


def time_parts(text: str) -> set[float]:
    """The hours and minutes of every time of day a text states ("2.45am" gives 2 and 45)."""
    return {float(part) for time in _TIME.findall(plain(text)) for part in time}


_DAY_CLOCK = re.compile(r"\b([01]?\d|2[0-3]):[0-5]\d\b(?!\s*(?:am|pm|a\.m\.|p\.m\.))", re.I)
_WHOLE_HOUR = re.compile(r"\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)", re.I)
_AFTERNOON = re.compile(r"\b(\d{1,2})(?:[.:][0-5]\d)?\s*(?:pm|p\.m\.)", re.I)


def other_clock_hours(text: str) -> set[float]:
    """Each hour of a time of day a text states, on the other clock: 2 for "14:00", 14 for
    "2pm" or "2:00 p.m.", so a retelling may write either (FaithBench's "around 2:00 PM"
    for a crash the source puts at 14:00 was flagged as a new number), and the zero
    minutes of a whole hour ("6pm")."""
    text = plain(text)
    found = {float(int(hour) - 12) for hour in _DAY_CLOCK.findall(text) if int(hour) > 12}
    found |= {float(int(hour) + 12) for hour in _AFTERNOON.findall(text) if int(hour) < 12}
    # "6pm" is "18:00": a whole hour lends its zero minutes.
    return found | ({0.0} if _WHOLE_HOUR.search(text) else set())


def ordinals(text: str) -> set[int]:
    """Ordinal numbers a text uses in words or digits ("second", "3rd"), fractions aside."""
    text = _FRACTION.sub(" ", plain(text))
    found = {
        _ORDINALS.index(word.lower()) + 1
        for word in re.findall(r"[A-Za-z]+", text)
        if word.lower() in _ORDINALS
    }
    return found | {int(n) for n in re.findall(r"\b(\d+)(?:st|nd|rd|th)\b", text)}


#: Units of time, by their singular English names.
_TIME_UNITS = "second|minute|hour|day|week|month|year|decade"
_UNIT = re.compile(
    r"(?:(\d+(?:[.,]\d+)?)|\b(" + "|".join(NUMBER_WORDS) + r"))[\s-]+"
    r"(" + _TIME_UNITS + r"|mile|kilometre|metre|km|"
    r"stunde|minute|tag|woche|monat|jahr)(?:s|e|en|n|es)?\b",
    re.I,
)


#: Words before a figure that say it is a bound or an estimate, by the side they put the
#: true value on: "more than 41,000" is above it, "nearly 900" below, "about 900" either.
BOUND_WORDS = {
    "above": "more than|over|at least|upwards of|in excess of|exceeding|just over|"
    "no fewer than|no less than|not less than",
    "below": "less than|fewer than|under|nearly|almost|up to|just under|as many as|as much as|"
    "no more than|not more than|at most",
    "about": "about|around|roughly|approximately|some|an estimated|estimated|close to",
}
_BOUND = re.compile(
    r"\b("
    + "|".join(BOUND_WORDS.values())
    + r")\s+((?:[£$€]\s?)?\d[\d,.]*(?:\s*(?:%|per cent|percent|million|billion|bn|m\b|k\b))?|"
    + "|".join(w for w in NUMBER_WORDS if w)
    + r")",
    re.I,
)
_SIDE = {word: side for side, words in BOUND_WORDS.items() for word in words.split("|")}


def bounds(text: str) -> dict[float, set[str]]:
    """For each figure a text qualifies, the sides its qualifiers put the true value on
    ("above", "below" or "about"); a figure given bare has "exact" among them. "A week"
    counts as the figure 1 here, so that "up to a week" and "a week or more" differ."""
    found: dict[float, set[str]] = {}
    text = _ONE_UNIT.sub(r"1 \1", plain(text))
    for match in _BOUND.finditer(text):
        for value in numbers(match.group(2)):
            found.setdefault(value, set()).add(_SIDE[match.group(1).lower()])
    for match in _BOUND_AFTER.finditer(text):
        for value in numbers(match.group(1)):
            found.setdefault(value, set()).add(_SIDE_AFTER[match.group(2).lower()])
    bare = _BOUND_AFTER.sub(" ", _BOUND.sub(" ", text))
    for value in numbers(bare):
        found.setdefault(value, set()).add("exact")
    return found


#: "a week", "an hour": one of a unit of time, read as the figure 1 by `bounds` only.
_ONE_UNIT = re.compile(r"\b(?:a|an|one)\s+(" + _TIME_UNITS + r")\b", re.I)
#: Words after a figure that make it a bound: "a week or more", "80 or fewer".
_SIDE_AFTER = {"more": "above", "longer": "above", "over": "above", "less": "below"}
_SIDE_AFTER |= {"fewer": "below", "under": "below", "so": "about"}
_BOUND_AFTER = re.compile(
    r"\b(\d[\d,.]*(?:\s+[a-z]+)?)\s+or\s+(" + "|".join(_SIDE_AFTER) + r")\b", re.I
)


def quantities(text: str) -> set[tuple[float, str]]:
    """(number, unit) pairs such as (6.0, "week") for "six weeks" or "a six-week appeal"."""
    found = set()
    for digits, word, unit in _UNIT.findall(plain(text)):
        value = NUMBER_WORDS[word.lower()] if word else _decimal(digits)
        found.add((value, unit.lower()))
    return found


def _is_grouped(digits: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits))


def _decimal(digits: str) -> float:
    try:
        return float(digits.replace(",", "."))
    except ValueError:
        return float(re.sub(r"[.,]", "", digits))


def show_number(value: float) -> str:
    """A number as a reader would write it; years and other numbers below 10,000 ungrouped."""
    if value == int(value):
        return f"{value:.0f}" if abs(value) < 10_000 else f"{value:,.0f}"
    return f"{value:g}"


# ---------------------------------------------------------------- names

_NAME = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|of|de|von|van|al))*")
#: Capitalised words any sentence may use without naming anyone.
COMMON_CAPITALISED = frozenset(
    "The A An It In On At As But And Or So Yet This That These Those He She They We I You His "
    "Her Their Its Our Your There Here When While After Before Since Although However Meanwhile "
    "Also Still Even Some Many Most Such What Who Which Where Why How According Last Next If For "
    "With By From To Of Despite Under Over Both Each Every Other Another Then Now Today "
    "Yesterday Tomorrow Later Earlier Instead Only Mr Mrs Ms Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday".split()
)


_GERMAN_WORDS = frozenset(
    "der die das und ist nicht ein eine einer mit für von zu den dem des auf sich wurde hat "
    "im auch wie bei nach sie er es".split()
)
_ENGLISH_WORDS = frozenset("the and of to is was in for on with that by at it has".split())
_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,}$")


def german(text: str) -> bool:
    """True when a text reads as German: it uses more German function words than English ones."""
    words = [word.lower() for word in re.findall(r"\w+", text)]
    return sum(w in _GERMAN_WORDS for w in words) > sum(w in _ENGLISH_WORDS for w in words)


def names(text: str, in_german: bool | None = None) -> set[str]:
    """Capitalised words that name someone or something; a sentence's first word is skipped,
    since every sentence capitalises it.

    German capitalises every noun, so there only runs of two or more
    capitalised words ("Sabine Krüger", "Roten Liste") and acronyms count.
    """
    if in_german is None:
        in_german = german(text)
    found = set()
    for match in _NAME.finditer(plain(text)):
        words = match.group().split()
        if match.start() == 0:
            words = words[1:]
        if in_german:
            words = _german_names(words)
        found |= {
            word.removesuffix("'s")
            for word in words
            if word[:1].isupper() and word not in COMMON_CAPITALISED
        }
    return found


def _german_names(words: list[str]) -> list[str]:
    """Acronyms, and words in runs of two or more directly adjacent capitalised words."""
    kept: list[str] = []
    run: list[str] = []
    for word in [*words, "."]:
        if word[:1].isupper() and word not in COMMON_CAPITALISED:
            run.append(word)
            continue
        kept += run if len(run) > 1 else [w for w in run if _ACRONYM.match(w)]
        run = []
    return kept


def known_words(text: str) -> set[str]:
    """Every word of a text, lowercased, with and without a possessive ('s or a bare
    apostrophe) or the single quotation marks around it ("ppap" of "'PPAP'", which left a
    BBC article's own sentence unsupported), each part of a hyphenated word ("bolton"
    of "bolton-born"), and a title's short and long forms ("governor" of "Gov.")."""
    words = {word.lower() for word in re.findall(r"[\w'-]+", plain(text))}
    words |= {word.removesuffix("'s").strip("'") for word in words}
    words |= {part for word in words if "-" in word for part in word.split("-") if part}
    words |= {TITLES[word] for word in words if word in TITLES}
    return words | {short for short, title in TITLES.items() if title in words}


#: Titles news writing shortens before a name, by their short form, lower-cased. A
#: retelling of the Times of Israel's "Gov. Inslee said" as "Governor Inslee said" was
#: refused as naming a new person and role (trafilatura-eval, 2026-12-05). Left out are
#: short forms that stand for more than one word ("St.", "Dr.", "Mt.").
TITLES = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "lt": "lieutenant",
    "gen": "general",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "sgt": "sergeant",
    "cpl": "corporal",
    "adm": "admiral",
    "det": "detective",
    "insp": "inspector",
    "supt": "superintendent",
    "prof": "professor",
    "atty": "attorney",
    "pres": "president",
}
_TITLE = re.compile(r"\b(" + "|".join(TITLES) + r")\.(?=\s+[A-Z])", re.I)


def full_titles(text: str) -> str:
    """The text with each shortened title before a name written out ("Gov. Jay Inslee" as
    "Governor Jay Inslee"), so that roles read the same in either form."""
    return _TITLE.sub(lambda match: _capitalised(TITLES[match.group(1).lower()]), text)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


# ---------------------------------------------------------------- roles

# The role is matched in any case ("Prime Minister", "prime minister"); the name must be
# capitalised, so "the president and ..." never pairs a role with an ordinary word.
_ROLE = re.compile(
    r"\b((?i:former|ex-|late|acting|interim|deputy|shadow|opposition leader|opposition|"
    r"prime minister|foreign minister|defen[cs]e secretary|culture secretary|council leader|"
    r"chief executive|president|chancellor|spokesman|spokeswoman|envoy|minister|secretary|"
    r"councillor|chairman|chairwoman|chair|leader|chief|mayor|governor|professor|judge))\s+"
    r"(?:[a-z-]+\s+){0,3}?((?:[A-Z][\w'.-]+\s*){1,4})"
)


def roles(text: str) -> list[tuple[str, str]]:
    """(role, surname) pairs such as ("prime minister", "Starmer") a text attaches."""
    pairs = []
    for role, name in _ROLE.findall(full_titles(plain(text))):
        surname = name.split()[-1].rstrip(".").removesuffix("'s")
        if surname not in COMMON_CAPITALISED:
            pairs.append((role.lower(), surname))
    return pairs


def role_mismatches(text: str, source: str) -> list[tuple[str, str, set[str]]]:
    """(role, surname, the source's roles for them) for each role the source does not give.

    Roles must match exactly: "secretary" is not "culture secretary", since
    the words before it may name another office ("Foreign Secretary"). A
    person the source never names is left to the name check.
    """
    source_pairs = roles(source)
    named = plain(source).lower()
    found = []
    for role, surname in roles(text):
        theirs = {r for r, s in source_pairs if s == surname}
        if role in theirs or surname.lower() not in named:
            continue
        found.append((role, surname, theirs))
    return found


# ---------------------------------------------------------------- quotations and negation

# A quotation opens after a space or the start and closes before a space or punctuation, so
# the apostrophes of "it's" and "Ukraine's" never count as quote marks.
# An apostrophe between letters ("Ukraine's", "don't") stays inside a quotation.
_QUOTED = re.compile(
    r"(?:^|(?<=[\s(]))['\"]((?:[^'\"]|(?<=\w)'(?=\w)){8,}?)[,.!?]?['\"](?=[\s.,;:!?)]|$)"
)
NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b|"
    r"n['’]t\b",
    re.I,
)


#: A quotation in double marks may hold another in single marks ("Warren says it herself,
#: 'This is the fight of our lives.'"), which the pattern above, keeping out every mark, does
#: not find: a retelling that trimmed such a quotation passed (CBS News, 2026-12-04).
_DOUBLE_QUOTED = re.compile(r'(?:^|(?<=[\s(]))"([^"]{8,}?)[,.!?]?"(?=[\s.,;:!?)]|$)')


def quotations(text: str) -> list[str]:
    """The words a text puts inside quotation marks, without trailing punctuation."""
    text = plain(text)
    found = [*_QUOTED.findall(text), *_DOUBLE_QUOTED.findall(text)]
    return list(dict.fromkeys(quoted.strip(" ,.") for quoted in found))


def quoted_in(words: str, source: str) -> bool:
    """True when quoted words stand in the source word for word (quotes, case and the
    punctuation between words aside: "an 'unacceptable direct threat'" quotes the source's
    'unacceptable, direct threat' faithfully)."""
    return f" {_word_run(words)} " in f" {_word_run(source)} "


@functools.lru_cache(maxsize=64)
def _word_run(text: str) -> str:
    """The words of a text in order, lower-cased, one space apart."""
    return " ".join(_QUOTE_WORD.findall(plain(text).lower()))


_QUOTE_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def negated(text: str) -> bool:
    """True when a text holds a negation."""
    return NEGATION.search(plain(text)) is not None


# ---------------------------------------------------------------- people and what they are

#: Words that say a role is past or temporary; "former" and its kin change who someone is.
FORMER = frozenset(
    "former ex late frühere früherer früheren ehemalige ehemaliger ehemaligen".split()
)
MODIFIERS = FORMER | frozenset(
    "acting interim deputy outgoing incoming retired amtierende amtierender "
    "stellvertretende stellvertretender".split()
)
#: Common titles and occupations that carry no telltale ending.
ROLE_NOUNS = frozenset(
    "president minister secretary chancellor spokesman spokeswoman spokesperson envoy chair "
    "chief head leader mayor governor professor judge councillor inspector sergeant constable "
    "detective superintendent commissioner nurse doctor surgeon curator consultant officer "
    "director manager editor captain coach general admiral colonel pastor bishop king queen "
    "prince princess senator mp mep ambassador analyst economist scientist biologist "
    "bürgermeister bürgermeisterin sprecher sprecherin präsident präsidentin kanzler kanzlerin "
    "landrat ministerin vorsitzende chef chefin".split()
)
_ROLE_ENDING = re.compile(r"(?:er|or|ist|ian|man|woman|master|ant|ent|ess|ee|ief)$")
HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Sir Dame Lord Lady Prof Herr Frau".split())
_BOUNDARY = frozenset(
    "the a an and or but of to in on at by for with from as said says told who which that "
    "after before under over other never however whether rather either neither later ever "
    "der die das den dem des ein eine einer und oder von mit für sagte".split()
)
_TOKEN = re.compile(r"[^\W\d_][\w'-]*|\d[\w.,-]*|[^\w\s]")


@dataclass(frozen=True)
class Person:
    """One mention of a person: the surname, the modifiers ("former") and titles beside it.

    Each title is a role word with the word before it ("culture", "secretary");
    `words` is every word of the description, lowercased.
    """

    surname: str
    modifiers: frozenset[str]
    titles: tuple[tuple[str, str], ...]
    words: frozenset[str]


def _is_role(word: str, lowercase: set[str], loose: bool = True) -> bool:
    """True for a title or occupation: a known one or, when `loose`, a word used in lower case
    with an occupation's ending ("harbourmaster", "curator")."""
    low = word.lower()
    if low in ROLE_NOUNS or low.removesuffix("in") in ROLE_NOUNS:
        return True
    return loose and (word.islower() or low in lowercase) and bool(_ROLE_ENDING.search(low))


def _capital(word: str) -> bool:
    return word[:1].isupper() and word not in COMMON_CAPITALISED


def people(text: str, lowercase: set[str] | None = None) -> list[Person]:
    """Every described mention of a person: "former harbourmaster Iain Gourlay",
    "Prime Minister Starmer", "Derek Halloran, a retired postman,".

    `lowercase` is the words the writer also uses in lower case (so a
    sentence-initial "Harbourmaster" still reads as a role); by default the
    text's own. A lone capitalised word counts as a person only after a
    known title, so "further Russian attacks" names nobody.
    """
    spaced = re.sub(r"\b([Ee]x)-(?=\w)", r"\1 ", plain(text))
    tokens = [t.removesuffix("'s") for t in _TOKEN.findall(spaced)]
    lowercase = lowercase if lowercase is not None else {t for t in tokens if t.islower()}
    found = []
    for i, token in enumerate(tokens):
        if not _capital(token) or _is_role(token, lowercase) or token in HONORIFICS:
            continue
        if i + 1 < len(tokens) and _capital(tokens[i + 1]):
            continue  # not the last word of the name
        start = i
        while start > 0 and _capital(tokens[start - 1]) and i - start < 2:
            if _is_role(tokens[start - 1], lowercase) or tokens[start - 1] in HONORIFICS:
                break
            start -= 1
        full = start < i or tokens[start - 1 : start] in [[h] for h in HONORIFICS]
        if start > 0 and tokens[start - 1] in HONORIFICS:
            start -= 1  # "Sir", "Dr": part of the name, so the description starts before it
        described = _described(tokens[:start], lowercase, full) + _appositive(tokens[i + 1 :])
        modifiers = {w.lower().rstrip("-") for w in described} & MODIFIERS
        titles = _titles(described, lowercase, full)
        if modifiers or titles:
            words = frozenset(w.lower() for w in described)
            found.append(Person(token, frozenset(modifiers), titles, words))
    return found


def _described(tokens: list[str], lowercase: set[str], loose: bool) -> list[str]:
    """The words describing a name, read back from it to a boundary word or punctuation."""
    words: list[str] = []
    for token in reversed(tokens[-6:]):
        if not token[:1].isalpha() or token.lower() in _BOUNDARY:
            break
        if token[:1].isupper() and not words and not _is_role(token, lowercase, loose):
            break  # a capitalised word right before the name, but no title: not a description
        words.insert(0, token)
    return words


def _titles(words: list[str], lowercase: set[str], loose: bool) -> tuple[tuple[str, str], ...]:
    """(word before, role word) for each role word of a description, nearest the name first."""
    found = []
    for index, word in enumerate(words):
        if _is_role(word, lowercase, loose) and word.lower() not in MODIFIERS:
            before = words[index - 1].lower() if index else ""
            found.append((before.rstrip("-"), word.lower()))
    return tuple(reversed(found))


def _appositive(tokens: list[str]) -> list[str]:
    """The words of ", a retired postman," or ", Ukraine's leader," right after a name;
    none for ", 71,"."""
    if tokens[:1] != [","] or len(tokens) < 3:
        return []
    if tokens[1].lower() not in ("a", "an", "the", "der", "die", "das", "ein", "eine"):
        return _owned_role(tokens[1:5])
    phrase: list[str] = []
    for token in tokens[2:9]:
        if token in (",", ".", ";", ")"):
            return phrase
        phrase.append(token)
    return []


def _owned_role(tokens: list[str]) -> list[str]:
    """The words of "Ukraine's leader," (the possessive already cut): a capitalised owner
    and one or two lower-case words, closed by a comma; none for a list of names."""
    end = tokens.index(",") if "," in tokens else -1
    phrase = tokens[:end]
    if not 2 <= len(phrase) <= 3 or not _capital(phrase[0]):
        return []
    return phrase if all(word.islower() for word in phrase[1:]) else []


#: Words that end a company's name, not a person's ("ForwardTech Inc").
_COMPANY_ENDINGS = frozenset("Inc Ltd Corp Co Plc PLC LLC LLP GmbH AG SA Group Holdings".split())
_CAPITAL_RUN = re.compile(r"(?<![\w'-])(?:([Tt]he)\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+)")


def person_names(text: str) -> set[str]:
    """Surnames of the people a text names: anyone described by a title ("Councillor
    Priya Hallam") or an honorific ("Dr Helen Oduya"), and the last word of a run of
    capitalised words ("Priya Hallam") that the text also uses on its own ("Hallam
    said").

    A run after "the" names a place or body ("the United States"); one that
    ends in a role, a company word or a word the text also writes in lower
    case ("Sales Consultant", "ForwardTech Inc", "Customer Support") names no
    person.
    """
    plain_text = plain(text)
    lowercase = {word for word in re.findall(r"[^\W\d_]+", text) if word.islower()}
    found = {person.surname for person in people(text, lowercase)}
    alone = _lone_capitals(plain_text)
    for match in _CAPITAL_RUN.finditer(plain_text):
        words = [w.removesuffix("'s") for w in match.group(2).split()]
        words = [w for w in words if w not in COMMON_CAPITALISED]
        last = words[-1] if len(words) >= 2 else ""
        named = last in alone or match.group(2).split()[0] in HONORIFICS
        if named and not match.group(1) and _person_word(last, lowercase):
            found.add(last)
    return found


def _lone_capitals(text: str) -> set[str]:
    """Capitalised words with no capitalised word right before or after them."""
    tokens = [token.removesuffix("'s") for token in _TOKEN.findall(text)]
    capital = [token[:1].isupper() and token not in COMMON_CAPITALISED for token in tokens]
    return {
        token
        for i, token in enumerate(tokens)
        if capital[i] and not (i and capital[i - 1]) and capital[i + 1 : i + 2] != [True]
    }


def _person_word(word: str, lowercase: set[str]) -> bool:
    """False for a company word, a role, and a word the text also uses in lower case."""
    low = word.lower()
    return word not in _COMPANY_ENDINGS and not _is_role(word, lowercase) and low not in lowercase
