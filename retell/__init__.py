"""retell: turn raw news pages into clean articles and faithful rewrites.

The public API: `clean()` reads one page (a scraped text dump or HTML) and
returns an `Article`; `rewrite()` retells it through a backend and returns a
`Result`; `retell.errors` holds every error retell reports.
"""

from retell.article import Article, Block, Removed, Result
from retell.errors import RetellError
from retell.pipeline import clean, rewrite

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "Removed",
    "Result",
    "RetellError",
    "__version__",
    "clean",
    "rewrite",
]
