"""Invented scraped news pages for batch tests and benchmarks: originals, near-duplicates
and broken inputs, with a manifest saying which is which.

Every story is made up from the word lists and sentence patterns below (all
invented: towns, people and organisations that do not exist). A page looks
like what copy sites produce: a date header, the URL slug glued to the
title, body paragraphs, each photo caption twice, a "Read More" teaser and
a copy-protection notice. A near-duplicate is an earlier story as another
outlet would carry it: a new date line and headline, one paragraph left
out, a sentence added and a figure corrected. Broken inputs are empty,
blank, binary, over the size limit or hold no article.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

TOWNS = (
    "Ashby Marsh Brackwater Corran Dunmore Eastmere Fallowby Greyholt Hollin Ivesby Kelder "
    "Larkhill Merrow Northcote Oakridge Penmoor Quarley Rydal Stanmere Thornfield Ulverby "
    "Wexcombe Whitlow Yarrowby Skerrin Calder Brinsop Elmstead Farthing Gorsley"
).split()
FIRST = (
    "Aileen Bernard Carys Dominic Elspeth Fergus Greta Hamish Imogen Jonas Keira Lionel Maren "
    "Nadia Osric Priya Quentin Rosalind Soren Tamsin Ulric Verity Wilfred Yusuf Zelda"
).split()
LAST = (
    "Ashworth Bellamy Corrigan Dunleavy Everard Fairbairn Gillespie Hartigan Ingleby Jessop "
    "Kilbride Lomax Marchbank Nettleton Ormsby Pettigrew Quennell Rudge Sowerby Trelawney "
    "Underhill Villiers Wainwright Yelland"
).split()
ROLES = (
    "council leader|head teacher|harbour master|union organiser|ward councillor|chief executive|"
    "planning officer|parish clerk|site manager|campaign spokesperson|fire station manager|"
    "library manager|bus depot manager|head of transport"
).split("|")
THINGS = (
    "footbridge|library|bus route|swimming pool|flood barrier|market hall|health centre|"
    "primary school|ferry service|recycling depot|skate park|community orchard|cycle lane|"
    "harbour wall|village hall|tram extension|fire station|allotment site"
).split("|")
ACTIONS = (
    "close for repairs|reopen after a refit|be rebuilt|move to a new site|cut its hours|"
    "double in size|get a new roof|be handed to a trust|stay open at weekends|"
    "shut during the winter|be sold to a developer|open a second entrance"
).split("|")
REASONS = (
    "rising energy bills|a fall in visitor numbers|cracks found in the foundations|"
    "a shortage of trained staff|complaints from nearby residents|a grant that ran out|"
    "new safety rules|a rise in demand from young families|storm damage last winter|"
    "a lease that ends next spring"
).split("|")
GROUPS = (
    "residents|shopkeepers|parents|bus drivers|fishermen|pensioners|students|nurses|"
    "volunteers|allotment holders|cyclists|market traders"
).split("|")
FEELINGS = (
    "angry|relieved|worried|divided|cautiously hopeful|frustrated|surprised|delighted"
).split("|")
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()

PATTERNS = (
    "{Town} {thing} will {action} from {month}, {org} said on {day}.",
    "The decision follows {reason}, according to a report seen by {group}.",
    "{person}, the {role}, said the change would cost about £{money} over {years} years.",
    "'We did not take this lightly,' {surname} told a meeting of {number} {group}.",
    "Local {group} said they were {feeling} and asked for a public vote.",
    "A petition against the plan has gathered {number} signatures since {day}.",
    "{org} first raised concerns about the {thing} in {month} {year}.",
    "The {thing} opened in {year} and is used by around {number} people a week.",
    "{person2}, who leads the {town2} {group} group, called the move short-sighted.",
    "Officials expect a final answer by the end of {month}.",
    "Work on the {thing} is due to take {weeks} weeks if the plan is approved.",
    "{surname} said a temporary {thing2} would be set up in {town2} meanwhile.",
    "Figures from {org} show running costs rose by {percent} per cent last year.",
    "Some {group} said they had not been told about the plan until {day}.",
    "The nearest alternative is in {town2}, {miles} miles away by road.",
    "A spokesperson for {org} said no jobs would be lost.",
    "{person2} said {group} in {town2} had faced the same problem in {year}.",
    "The meeting on {day} ran for {hours} hours and ended without a vote.",
    "Engineers will inspect the {thing} again in {month} before work begins.",
    "{surname} promised to publish the full report within {weeks} weeks.",
)
CAPTIONS = (
    "{group} gathered outside the {thing} in {town} on {day} morning",
    "The {thing} in {town}, which opened in {year}",
    "{person} speaking to {group} at the meeting",
    "A notice about the plans pinned to the door of the {thing}",
)


@dataclass(frozen=True)
class Story:
    """An invented story: a headline, paragraphs of sentences, captions and a date."""

    title: str
    paragraphs: list[list[str]]
    captions: list[str]
    date: tuple[int, int, int]

    def body(self) -> str:
        """The story's body text, for similarity measurements."""
        return "\n".join(" ".join(paragraph) for paragraph in self.paragraphs)


@dataclass(frozen=True)
class Page:
    """A generated input: its file name, its bytes, and what it is."""

    name: str
    data: bytes
    kind: str  # original, duplicate or broken
    of: str | None = None  # the original a duplicate repeats
    error: str | None = None  # the error a broken input must be recorded with


def story(rng: random.Random) -> Story:
    """A new invented story."""
    town, town2 = rng.sample(TOWNS, 2)
    slots = {
        "Town": town,
        "town": town,
        "town2": town2,
        "thing": rng.choice(THINGS),
        "thing2": rng.choice(THINGS),
        "action": rng.choice(ACTIONS),
        "reason": rng.choice(REASONS),
        "group": rng.choice(GROUPS),
        "feeling": rng.choice(FEELINGS),
        "role": rng.choice(ROLES),
        "org": f"{town} {rng.choice(['Council', 'Trust', 'Partnership', 'Board'])}",
        "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "person2": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "day": rng.choice(DAYS),
        "month": rng.choice(MONTHS),
        "year": str(rng.randint(1962, 2023)),
        "money": f"{rng.randint(2, 95) * 10_000:,}",
        "number": str(rng.randint(12, 4800)),
        "percent": str(rng.randint(3, 41)),
        "years": str(rng.randint(2, 12)),
        "weeks": str(rng.randint(3, 30)),
        "miles": str(rng.randint(2, 40)),
        "hours": str(rng.randint(2, 5)),
    }
    slots["surname"] = slots["person"].split()[1]
    chosen = [PATTERNS[0], *rng.sample(PATTERNS[1:], rng.randint(9, 13))]
    sentences = [pattern.format(**slots) for pattern in chosen]
    paragraphs = _split(sentences, rng)
    captions = [c.format(**slots) for c in rng.sample(CAPTIONS, 2)]
    captions = [c[0].upper() + c[1:] for c in captions]
    title = f"{town} {slots['thing']} to {slots['action']} as {slots['group']} react"
    date = (2025, rng.randint(1, 12), rng.randint(1, 28))
    return Story(title.title(), paragraphs, captions, date)


def _split(sentences: list[str], rng: random.Random) -> list[list[str]]:
    """Sentences grouped into paragraphs of one to three."""
    paragraphs: list[list[str]] = []
    while sentences:
        size = min(len(sentences), rng.randint(1, 3))
        paragraphs.append(sentences[:size])
        sentences = sentences[size:]
    return paragraphs


def retold_elsewhere(original: Story, rng: random.Random) -> Story:
    """The same story as another outlet carries it: a new headline and date line, one
    sentence left out, one added, one figure corrected and a caption fewer."""
    paragraphs = [list(p) for p in original.paragraphs]
    longest = max(range(1, len(paragraphs)), key=lambda i: len(paragraphs[i]), default=0)
    if len(paragraphs[longest]) > 1:
        del paragraphs[longest][rng.randrange(len(paragraphs[longest]))]
    paragraphs[-1].append(f"The story was first reported by the {rng.choice(TOWNS)} Herald.")
    first = paragraphs[0][0]
    paragraphs[0][0] = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), first, count=1)
    return Story(f"Update: {original.title}", paragraphs, original.captions[:1], original.date)


def scraped(item: Story, rng: random.Random) -> str:
    """A story laid out as a copy site scrapes it."""
    year, month, day = item.date
    slug = re.sub(r"[^a-z0-9]+", "-", item.title.lower()).strip("-")
    lines = [f"{DAYS[(day + month) % 7][:3]}. {MONTHS[month - 1][:3]} {day}th, {year}"]
    lines.append(f"{slug}{item.title}")
    lines.append("")
    for number, paragraph in enumerate(item.paragraphs):
        lines += [" ".join(paragraph), ""]
        if number == 1:
            for caption in item.captions:
                lines += [caption, "", caption, ""]
    teaser = f"{rng.choice(TOWNS)} {rng.choice(THINGS)} plans put on hold"
    lines += ["Read More", "", "EXCLUSIVE", "", teaser, "", "article image", ""]
    lines.append("Content is protected !!")
    return "\n".join(lines) + "\n"


BROKEN: tuple[tuple[str, bytes | None, str], ...] = (
    ("empty", b"", "EmptyInput"),
    ("blank", b"   \n\n \t \n", "EmptyInput"),
    ("binary", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "BinaryInput"),
    ("huge", None, "InputTooLarge"),
    (
        "no_article",
        b"Read More\n\nEXCLUSIVE\n\narticle image\n\nContent is protected !!\n",
        "NoArticle",
    ),
)
#: The size limit a batch over these pages must be given (`--max-bytes`): the "huge"
#: input is larger, every other page far smaller.
MAX_BYTES = 64_000


def pages(
    count: int = 200, *, seed: int = 7, duplicates: float = 0.2, broken: float = 0.05
) -> list[Page]:
    """`count` pages in a shuffled but fixed order: originals, then near-duplicates of earlier
    originals and broken inputs mixed in."""
    rng = random.Random(seed)
    n_broken = round(count * broken)
    n_dups = round(count * duplicates)
    n_originals = count - n_broken - n_dups
    made: list[Page] = []
    stories: dict[str, Story] = {}
    kinds = ["original"] * n_originals + ["duplicate"] * n_dups + ["broken"] * n_broken
    # Originals come first often enough that every duplicate has one before it.
    order = kinds[:5] + rng.sample(kinds[5:], max(0, len(kinds) - 5))
    for index, kind in enumerate(order):
        name = f"page{index:04d}.txt"
        if kind == "duplicate" and stories:
            of = rng.choice(sorted(stories))
            data = scraped(retold_elsewhere(stories[of], rng), rng).encode("utf-8")
            made.append(Page(name, data, "duplicate", of=of))
        elif kind == "broken":
            label, fixed, error = BROKEN[len([p for p in made if p.kind == "broken"]) % len(BROKEN)]
            data = fixed if fixed is not None else scraped(story(rng), rng).encode() * 80
            made.append(Page(f"page{index:04d}_{label}.txt", data, "broken", error=error))
        else:
            stories[name] = story(rng)
            made.append(Page(name, scraped(stories[name], rng).encode("utf-8"), "original"))
    return made


def write(folder: Path, count: int = 200, **options: float) -> list[Page]:
    """Write the pages into a folder and return them."""
    folder.mkdir(parents=True, exist_ok=True)
    made = pages(count, **options)  # type: ignore[arg-type]
    for page in made:
        (folder / page.name).write_bytes(page.data)
    return made
