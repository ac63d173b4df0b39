"""Shared paths for the test suite."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from retell.backends import Backend, get_backend

from . import postgres

# Speed is measured in bench/, not in tests: hypothesis's per-example deadline (200 ms)
# failed a cache round trip on a loaded 2-core machine, so no property test is timed. The
# fuzz tests bound each input themselves, far above any real run, to catch hangs.
settings.register_profile("retell", deadline=None)
settings.load_profile("retell")

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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server on loopback for the whole session (see tests/postgres.py);
    RETELL_TEST_POSTGRES names one already running instead."""
    given = os.environ.get("RETELL_TEST_POSTGRES")
    if given:
        yield given
        return
    with postgres.server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def store_spec(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh, empty store lives: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    server: str = request.getfixturevalue("postgres_server")
    return postgres.fresh_database(server, f"t{uuid.uuid4().hex[:12]}")


@pytest.fixture(scope="session")
def embedded() -> Iterator[Backend]:
    """The embedded model, loaded once for every test that needs the real thing."""
    backend = get_backend("local")
    yield backend
    backend.close()


#: Where a claim's source lives, by the prefix of its `source` field ("seed:000_...").
CLAIM_SOURCES = {"seed": SHARED / "seeds", "scraped": DATA / "scraped", "heldout": DATA / "heldout"}


def claim_path(source: str) -> Path:
    """The file a claim's `source` field ("seed:NAME", "scraped:NAME", "heldout:NAME") names."""
    kind, _, name = source.partition(":")
    return CLAIM_SOURCES[kind] / f"{name}.txt"
