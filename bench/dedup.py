"""How the near-duplicate threshold was chosen: Jaccard similarity of five-word shingle
sets for pairs that are and are not the same story.

    python bench/dedup.py [--pages ../shared/data/trafilatura-eval/pages.tar.gz]

Different stories: every pair of real pages from the trafilatura evaluation
set (cleaned by retell, bodies of 150 words or more). The same story: each
of those pages against edited copies of itself, as another outlet or a
later version would carry it, and the near-duplicates of tests/pagegen.py
against their originals. Exact Jaccard values, not MinHash estimates.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from retell import clean
from retell.batch.dedup import DEFAULT_THRESHOLD, shingles
from retell.errors import RetellError
from tests import pagegen

DEFAULT_PAGES = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "trafilatura-eval" / "pages.tar.gz"
)


def jaccard(one: str, other: str) -> float:
    """Exact Jaccard similarity of two texts' shingle sets."""
    a, b = shingles(one), shingles(other)
    return len(a & b) / max(1, len(a | b))


def bodies(archive: Path, limit: int) -> list[str]:
    """Bodies of the real pages that clean to 150 words or more."""
    found: list[str] = []
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if not member.name.endswith(".html") or len(found) >= limit:
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            try:
                article = clean(handle.read(), source=member.name)
            except RetellError:
                continue
            text = "\n".join(article.body)
            if len(text.split()) >= 150:
                found.append(text)
    return found


def _sentences(text: str) -> list[str]:
    return text.replace("\n", " ").split(". ")


EDITS: dict[str, Callable[[str], str]] = {
    "one sentence in ten dropped": lambda t: ". ".join(
        s for i, s in enumerate(_sentences(t)) if i % 10 != 3
    ),
    "two sentences added": lambda t: t + " Another outlet added this. It quoted a new source.",
    "one word in twenty changed": lambda t: " ".join(
        "changed" if i % 20 == 7 else w for i, w in enumerate(t.split())
    ),
    "one word in ten changed": lambda t: " ".join(
        "changed" if i % 10 == 7 else w for i, w in enumerate(t.split())
    ),
    "first half only": lambda t: ". ".join(_sentences(t)[: len(_sentences(t)) // 2]),
}


def summary(values: list[float]) -> str:
    return f"min {min(values):.3f}  median {statistics.median(values):.3f}  max {max(values):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    texts = bodies(args.pages, args.limit)
    pairs = [jaccard(a, b) for a, b in itertools.combinations(texts, 2)]
    print(f"{len(texts)} real pages, {len(pairs)} pairs of different stories: {summary(pairs)}")
    for name, edit in EDITS.items():
        print(f"same story, {name:28}: {summary([jaccard(t, edit(t)) for t in texts])}")
    made = pagegen.pages()
    stories = {p.name: clean(p.data).body for p in made if p.kind == "original"}
    dups = [
        jaccard("\n".join(stories[p.of]), "\n".join(clean(p.data).body))
        for p in made
        if p.kind == "duplicate" and p.of
    ]
    print(f"tests/pagegen.py near-duplicates vs originals: {summary(dups)}")
    originals = list(stories.values())
    apart = [jaccard("\n".join(a), "\n".join(b)) for a, b in itertools.combinations(originals, 2)]
    print(f"tests/pagegen.py different stories: {summary(apart)}")
    print(f"default threshold: {DEFAULT_THRESHOLD}")


if __name__ == "__main__":
    main()
