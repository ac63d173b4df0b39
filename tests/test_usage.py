"""Cost you can see: every stored rewrite records its tokens and model seconds, `retell
usage` sums them by day, backend or feed, and `batch --max-tokens` stops cleanly at the
budget, the next run going on with no rewrite made twice."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from retell.cli.main import cli
from retell.store.sqlite import SQLiteStore

from .conftest import DATA, ENGLISH, SEED_PAGE


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SEED_PAGE, folder)
    for name in ENGLISH:
        shutil.copy(DATA / "scraped" / f"{name}.txt", folder)
    return folder


def test_a_budget_stops_the_run_and_the_next_run_finishes_the_rest(
    pages: Path, tmp_path: Path
) -> None:
    store = str(tmp_path / "store.sqlite")
    batch = ("batch", str(pages), "--db", store, "--backend", "fake", "--quiet")
    code, stdout, stderr = run(*batch, "--max-tokens", "3000")
    assert code == 17, stderr
    assert "stopped at the token budget" in stderr and "articles still to rewrite" in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert "rewrote " in stdout, "the run's summary is printed before the stop"
    first = SQLiteStore(store).counts()["rewrites"]
    assert 1 <= first < 6
    code, _, stderr = run(*batch)
    assert code == 0, stderr
    opened = SQLiteStore(store)
    assert opened.counts()["rewrites"] == 6
    keys = [row[0] for row in opened.db.execute("SELECT article FROM rewrites").fetchall()]
    assert len(keys) == len(set(keys)) == 6
    rows = opened.db.execute("SELECT COUNT(*) FROM usage").fetchone()[0]
    assert rows == 6


def test_usage_totals_match_the_stored_rows(pages: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "store.sqlite")
    code, _, stderr = run("batch", str(pages), "--db", store, "--backend", "fake", "--quiet")
    assert code == 0, stderr
    opened = SQLiteStore(store)
    results = [json.loads(row[0]) for row in opened.db.execute("SELECT result FROM rewrites")]
    prompt = sum(result["totals"]["prompt_tokens"] for result in results)
    completion = sum(result["totals"]["completion_tokens"] for result in results)
    assert prompt > 0 and completion > 0
    for by in ("day", "backend", "feed"):
        code, stdout, _ = run("usage", "--db", store, "--by", by, "--format", "json")
        assert code == 0
        *groups, total = json.loads(stdout)
        assert (total["prompt_tokens"], total["completion_tokens"]) == (prompt, completion)
        assert total["calls"] == 6
        assert sum(group["tokens"] for group in groups) == prompt + completion
    _, stdout, _ = run("usage", "--db", store, "--by", "feed", "--format", "json")
    assert [group["group"] for group in json.loads(stdout)[:-1]] == [str(pages)]
    _, stdout, _ = run("usage", "--db", store, "--by", "backend")
    assert stdout.splitlines()[1].startswith("fake") and "total" in stdout
    _, stdout, _ = run("usage", "--db", store, "--since", "2999-01-01", "--format", "json")
    assert json.loads(stdout) == [
        {"group": "total", "calls": 0, "prompt_tokens": 0, "completion_tokens": 0,
         "seconds": 0.0, "cost": 0.0, "unpriced": 0, "tokens": 0}
    ]  # fmt: skip


def test_the_judges_questions_get_their_own_usage_rows(pages: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "store.sqlite")
    batch = ("batch", str(pages), "--db", store, "--backend", "fake", "--quiet")
    code, _, stderr = run(*batch, "--judge-all")
    assert code == 0, stderr
    opened = SQLiteStore(store)
    results = [json.loads(row[0]) for row in opened.db.execute("SELECT result FROM rewrites")]
    judged = [result["totals"]["judge"] for result in results]
    assert all(spent["questions"] > 0 for spent in judged)
    kinds = opened.db.execute("SELECT kind, COUNT(*) FROM usage GROUP BY kind").fetchall()
    assert sorted(kinds) == [("judge", 6), ("rewrite", 6)]
    code, stdout, _ = run("usage", "--db", store, "--format", "json")
    total = json.loads(stdout)[-1]
    rewriting = sum(result["totals"]["prompt_tokens"] for result in results)
    assert total["prompt_tokens"] == rewriting + sum(spent["prompt_tokens"] for spent in judged)
    assert total["calls"] == 12


def test_usage_of_a_missing_store_fails_in_one_line(tmp_path: Path) -> None:
    code, _, stderr = run("usage", "--db", str(tmp_path / "none.sqlite"))
    assert code == 13 and "no such store" in stderr


def test_a_dry_run_plans_only_what_the_store_lacks_and_writes_nothing(
    pages: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store.sqlite"
    batch = ("batch", str(pages), "--db", str(store), "--backend", "fake", "--quiet")
    code, stdout, stderr = run(*batch, "--dry-run")
    assert code == 0, stderr
    assert not store.exists()
    planned = [line for line in stdout.splitlines() if not line.startswith("total: ")]
    assert len(planned) == 6 and all("prompt tokens" in line for line in planned)
    assert stdout.splitlines()[-1].startswith("total: ")
    run(*batch)
    code, stdout, _ = run(*batch, "--dry-run")
    assert stdout.strip() == "total: 0 requests, 0 prompt tokens, ~0 generated tokens"
