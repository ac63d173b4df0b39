"""Golden files for the cleaner: the seed page and the team's invented pages.

Each invented page `tests/data/scraped/NN_name.txt` has its expected JSON
beside it, written by hand. The seed's expectation is stored as line numbers
of the shared seed file so that none of its text is copied into the project.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from retell import clean
from retell.extract.scraped import normalise
from retell.render.formats import article_dict

from .conftest import DATA

SCRAPED = sorted((DATA / "scraped").glob("*.txt"))
EXPECTED_KEYS = {"title", "date", "authors", "url_slug", "body", "captions", "removed"}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _seed_expectation(seed: Path) -> dict[str, Any]:
    """Turn the line-number expectation into the strings `retell clean` must print."""
    spec = json.loads((DATA / "seed" / f"{seed.stem}.expected.json").read_text())
    lines = _lines(seed)

    def text(number: int) -> str:
        return normalise(lines[number - 1])

    def removed_text(kind: str, numbers: list[int]) -> str:
        if kind == "blank":
            return lines[numbers[0] - 1]
        if kind == "slug":
            return lines[numbers[0] - 1][: spec["url_slug"]["to"]]
        return "\n".join(text(number) for number in numbers)

    return {
        "title": normalise(lines[spec["title"]["line"] - 1][spec["title"]["from"] :]),
        "date": spec["date"],
        "authors": spec["authors"],
        "url_slug": lines[spec["url_slug"]["line"] - 1][: spec["url_slug"]["to"]],
        "body": [text(number) for number in spec["body"]],
        "captions": [text(number) for number in spec["captions"]],
        "removed": [
            {"kind": item["kind"], "text": removed_text(item["kind"], item["lines"])}
            for item in spec["removed"]
        ],
    }


def _actual(path: Path) -> dict[str, Any]:
    article = clean(path.read_bytes(), source=str(path))
    return {key: value for key, value in article_dict(article).items() if key in EXPECTED_KEYS}


def test_seed_page_matches_its_golden_file(seed_page: Path) -> None:
    expected = _seed_expectation(seed_page)
    actual = _actual(seed_page)
    assert actual["date"] == "2025-02-22"
    for key in ("title", "url_slug", "date", "authors", "captions", "body", "removed"):
        assert actual[key] == expected[key], key


def test_there_are_enough_invented_pages() -> None:
    assert len(SCRAPED) >= 6


@pytest.mark.parametrize("page", SCRAPED, ids=[path.stem for path in SCRAPED])
def test_expected_file_is_complete(page: Path) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert set(expected) >= EXPECTED_KEYS, EXPECTED_KEYS - set(expected)
    assert expected["body"], "an expected file must list the body"


@pytest.mark.parametrize("page", SCRAPED, ids=[path.stem for path in SCRAPED])
def test_invented_page_matches_its_golden_file(page: Path) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    actual = _actual(page)
    for key in ("title", "url_slug", "date", "authors", "captions", "body", "removed"):
        assert actual[key] == expected[key], key
