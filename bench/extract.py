"""retell against plain trafilatura on the trafilatura evaluation pages.

Both run in this one process over the same pages, so their ratio holds on a
busy machine. Scoring follows ../shared/data/README.md: a page scores a true
positive per `with` snippet found in the extracted text, a false positive per
`without` snippet found, and a false negative per `with` snippet missed.

retell is scored on what it publishes as the article: the title and the body
paragraphs. Its captions are kept apart from the story; the score with them
added is printed too, as is the body alone.

    python bench/extract.py [--limit N] [--data ../shared/data/trafilatura-eval]
"""

from __future__ import annotations

import argparse
import json
import logging
import tarfile
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import trafilatura

import retell
from retell.article import Article
from retell.errors import RetellError
from retell.eval.extraction import Case, ExtractionScore, snippet_counts

T = TypeVar("T")
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "trafilatura-eval"


class Score(ExtractionScore):
    """Snippet counts and time for one extractor, scored as `retell eval extract` scores."""

    def add(self, text: str, wanted: list[str], unwanted: list[str]) -> None:
        """Score one page's extracted text against its snippets."""
        case = Case("", Path(), None, tuple(wanted), tuple(unwanted))
        found = snippet_counts(text, case)
        self.tp, self.fp, self.fn = self.tp + found[0], self.fp + found[1], self.fn + found[2]


def load_cases(data: Path, workdir: Path) -> list[tuple[str, bytes, dict[str, list[str]]]]:
    """(url, page bytes, snippets) for every page of the evaluation set."""
    with tarfile.open(data / "pages.tar.gz") as archive:
        archive.extractall(workdir, filter="data")
    evaldata = json.loads((data / "evaldata.json").read_text(encoding="utf-8"))
    cases = []
    for url, case in evaldata.items():
        path = next(
            p
            for p in (workdir / "eval" / case["file"], workdir / "cache" / case["file"])
            if p.exists()
        )
        cases.append((url, path.read_bytes(), case))
    return cases


def timed(function: Callable[[], T], score: Score, name: str) -> T | None:
    """Run one extraction and add its time to the score; a retell error gives None."""
    start = time.perf_counter()
    try:
        return function()
    except RetellError:
        score.failures.append(name)
        return None
    finally:
        score.seconds += time.perf_counter() - start


def retell_views(article: Article | None) -> dict[str, str]:
    """The texts retell is scored on: title and body, body only, and with captions."""
    if article is None:
        return {"title+body": "", "body": "", "title+body+captions": ""}
    body = "\n".join(article.body)
    title = article.title or ""
    return {
        "title+body": f"{title}\n{body}",
        "body": body,
        "title+body+captions": "\n".join([title, body, *article.captions]),
    }


def main() -> None:
    """Run both extractors over the set and print scores, speeds and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as workdir:
        cases = load_cases(args.data, Path(workdir))
    if args.limit:
        cases = cases[: args.limit]
    anchor = Score()
    views = {name: Score() for name in retell_views(None)}
    for url, page, case in cases:
        text = timed(partial(trafilatura.extract, page), anchor, url) or ""
        anchor.add(text, case["with"], case["without"])
        article = timed(partial(retell.clean, page, url=url, source=url), views["body"], url)
        for name, view in retell_views(article).items():
            views[name].add(view, case["with"], case["without"])
    report(len(cases), anchor, views)


def report(pages: int, anchor: Score, views: dict[str, Score]) -> None:
    """Print one line per extractor and the ratios against trafilatura."""
    seconds = views["body"].seconds
    print(f"{pages} pages; snippets scored: with/without as in ../shared/data/README.md")
    print(f"{'extractor':32} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8}")
    print(_line("trafilatura 2.3.1 (default)", anchor, anchor.seconds, pages))
    for name, score in views.items():
        print(_line(f"retell ({name})", score, seconds, pages))
    print(f"retell pages that raised an error: {len(views['body'].failures)}")
    f1_ratio = views["title+body"].f1()[2] / anchor.f1()[2]
    print(f"ratio retell/trafilatura: F1 {f1_ratio:.3f}, speed {anchor.seconds / seconds:.3f}")


def _line(name: str, score: Score, seconds: float, pages: int) -> str:
    precision, recall, f1 = score.f1()
    return f"{name:32} {f1:6.4f} {precision:6.4f} {recall:6.4f} {pages / seconds:8.1f}"


if __name__ == "__main__":
    main()
