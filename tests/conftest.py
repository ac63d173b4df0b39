"""Shared paths for the test suite."""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from retell.backends import Backend, get_backend
from retell.cli.main import cli
from retell.store.sqlite import SQLiteStore

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


#: English test pages batched with the seed for the publishing tests.
ENGLISH = ["01_port_callow_ferry", "02_eastmere_budget", "03_riverside_tram",
           "04_hollin_bridge", "06_wenlow_frost"]  # fmt: skip


def run_cli(*args: str) -> tuple[int, str, str]:
    """`retell ARGS` through click's runner: exit code, stdout, stderr."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="session")
def batch_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding a fake-backend batch over the seed and five English pages."""
    folder = tmp_path_factory.mktemp("pages")
    shutil.copy(SEED_PAGE, folder)
    for name in ENGLISH:
        shutil.copy(DATA / "scraped" / f"{name}.txt", folder)
    store = tmp_path_factory.mktemp("store") / "store.sqlite"
    code, _, stderr = run_cli(
        "batch", str(folder), "--db", str(store), "--backend", "fake", "--quiet"
    )
    assert code == 0, stderr
    return store


@pytest.fixture
def batch_copy(batch_store: Path, tmp_path: Path) -> Path:
    """A copy of the batch's store that a test may change (SQLite's backup, which takes
    what the write-ahead log holds too)."""
    copy = tmp_path / "store.sqlite"
    source, target = sqlite3.connect(batch_store), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    return copy


def add_rewrite(store: Path, article_id: str, text: str, label: str, key: str) -> None:
    """A later rewrite of an article, its one sentence labelled as given."""
    opened = SQLiteStore(store)
    old = opened.rewrites(article_id)[-1]
    result = {
        **old["result"],
        "text": text,
        "paragraphs": [{"text": text, "sentences": [{"text": text}], "pieces": []}],
    }
    verdict = {"text": text, "label": label, "types": [], "reason": "checked", "evidence": []}
    opened.add_rewrite(key, article_id, old["settings"], result, [verdict])
    opened.close()
