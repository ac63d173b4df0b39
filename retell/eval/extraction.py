"""Scoring extraction against gold files, in the two formats public benchmarks use.

- Snippets (trafilatura's evaluation set): `{url: {"file", "with": [...], "without": [...]}}`.
  A page scores a true positive per `with` snippet found in the extracted text, a false
  positive per `without` snippet found, and a false negative per `with` snippet missed;
  precision, recall and F1 over all snippets (../shared/data/README.md).
- Article bodies (the ScrapingHub article-extraction benchmark): `{id: {"articleBody"}}`,
  the page being the file whose name without its extension is the id. Each page's text
  and its gold body are compared as bags of whitespace tokens; precision, recall and F1
  over all tokens of all pages.

retell is scored on what it publishes as the article: its title and body paragraphs.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retell.article import Article
from retell.errors import InputError, RetellError


@dataclass
class ExtractionScore:
    """True and false positives and negatives over a set, the pages retell could not
    clean, and the seconds spent cleaning."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    pages: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def f1(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        precision = self.tp / max(1, self.tp + self.fp)
        recall = self.tp / max(1, self.tp + self.fn)
        return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)

    def as_dict(self) -> dict[str, Any]:
        """The score as JSON."""
        precision, recall, f1 = self.f1()
        return {
            "pages": self.pages,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "pages_per_second": round(self.pages / max(1e-9, self.seconds), 2),
            "failures": len(self.failures),
        }


@dataclass(frozen=True)
class Case:
    """One page to score: where its bytes are, and what its text should hold."""

    name: str
    path: Path
    url: str | None
    wanted: tuple[str, ...] = ()
    unwanted: tuple[str, ...] = ()
    body: str | None = None


def snippet_counts(text: str, case: Case) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of one page by snippets."""
    found = sum(snippet in text for snippet in case.wanted)
    return found, sum(snippet in text for snippet in case.unwanted), len(case.wanted) - found


def token_counts(text: str, body: str) -> tuple[int, int, int]:
    """The same by bags of tokens against a gold body."""
    got, gold = Counter(text.split()), Counter(body.split())
    shared = sum((got & gold).values())
    return shared, sum(got.values()) - shared, sum(gold.values()) - shared


def cases(pages: Path, gold: Path) -> list[Case]:
    """The pages of a folder that a gold file describes, in the gold file's order."""
    try:
        described: dict[str, dict[str, Any]] = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(
            f"cannot be read as a gold JSON file: {error}", source=str(gold)
        ) from error
    files = {path.name: path for path in sorted(pages.rglob("*")) if path.is_file()}
    stems = {path.stem: path for path in files.values()}
    found: list[Case] = []
    for key, entry in described.items():
        if "articleBody" in entry:
            path = stems.get(key)
            if path is not None:
                found.append(Case(key, path, entry.get("url"), body=str(entry["articleBody"])))
        elif "file" in entry and entry["file"] in files:
            found.append(
                Case(key, files[entry["file"]], key, tuple(entry["with"]), tuple(entry["without"]))
            )
    if not found:
        raise InputError("no page of the folder is described in the gold file", source=str(gold))
    return found


def published_text(article: Article | None) -> str:
    """What an article is scored on: its title and body."""
    if article is None:
        return ""
    return "\n".join([article.title or "", *article.body])


def score(
    found: list[Case], extract: Callable[[bytes, str | None, str], Article]
) -> ExtractionScore:
    """Extract every page and score it; a page retell cannot clean scores as empty."""
    total = ExtractionScore()
    for case in found:
        start = time.perf_counter()
        try:
            article: Article | None = extract(case.path.read_bytes(), case.url, case.name)
        except RetellError:
            article = None
            total.failures.append(case.name)
        total.seconds += time.perf_counter() - start
        text = published_text(article)
        counts = (
            token_counts(text, case.body) if case.body is not None else snippet_counts(text, case)
        )
        total.tp, total.fp, total.fn = (
            a + b for a, b in zip((total.tp, total.fp, total.fn), counts, strict=True)
        )
        total.pages += 1
    return total
