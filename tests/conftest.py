"""Shared paths for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
#: The team's shared seeds and data sets live beside the repository (CI has them too).
SHARED = ROOT.parent / "shared"
SEED_PAGE = SHARED / "seeds" / "000_5d66fb248d4ea9b8.txt"


@pytest.fixture(scope="session")
def seed_page() -> Path:
    """The scraped seed page from ../shared/seeds."""
    assert SEED_PAGE.exists(), f"missing shared seed {SEED_PAGE}: tests need ../shared"
    return SEED_PAGE
