"""retell: turn raw news pages into clean articles and faithful, checked rewrites.

The public API: `clean()` reads one page (a scraped text dump or HTML) and
returns an `Article`; `rewrite()` retells it through a backend, every sentence
checked against the source, and returns a `Result`; `check()` checks any text
against a source and returns a `Report` of `Verdict`s with their `Evidence`.
`retell.errors` holds every error retell reports, each with its exit code.
"""

from retell.article import (
    Article,
    Block,
    Evidence,
    OutputParagraph,
    Piece,
    Removed,
    Repair,
    Result,
    Span,
    Verdict,
)
from retell.errors import RetellError
from retell.pipeline import CheckOptions, check, clean, rewrite
from retell.rewrite.draft import RewriteOptions
from retell.verify import Report

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "CheckOptions",
    "Evidence",
    "OutputParagraph",
    "Piece",
    "Removed",
    "Repair",
    "Report",
    "Result",
    "RetellError",
    "RewriteOptions",
    "Span",
    "Verdict",
    "__version__",
    "check",
    "clean",
    "rewrite",
]
