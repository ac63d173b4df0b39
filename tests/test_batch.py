"""Batch runs over 200 invented pages: stored once, duplicates linked, broken inputs
recorded; killed with SIGKILL and resumed; the same through a real local Ray cluster."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from retell.batch.engine import InProcess
from retell.batch.run import Batch
from retell.batch.worker import Settings
from retell.cli.main import cli
from retell.pipeline import InputOptions
from retell.store import open_store
from retell.store.sqlite import SQLiteStore

from . import pagegen, postgres

SETTINGS = Settings(backend="fake")
BATCH = ["batch", "--backend", "fake", "--max-bytes", str(pagegen.MAX_BYTES), "--quiet"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[pagegen.Page]]:
    folder = tmp_path_factory.mktemp("batch") / "pages"
    return folder, pagegen.write(folder)


@pytest.fixture(scope="module")
def uninterrupted(
    pages: tuple[Path, list[pagegen.Page]], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The store of one run over the 200 pages, start to finish, through the library."""
    folder, _ = pages
    path = tmp_path_factory.mktemp("whole") / "store.db"
    store = SQLiteStore(path)
    batch = Batch(store, SETTINGS, inputs=InputOptions(max_bytes=pagegen.MAX_BYTES))
    engine = InProcess(SETTINGS)
    batch.run([str(folder)], engine, ["test"])
    engine.close()
    store.close()
    return path


def dump(path: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a store (a file or a PostgreSQL URL) holds except times and run numbers,
    in a fixed order."""
    store = open_store(str(path))
    db = store.db
    queries = {
        "pages": "SELECT hash, source, url, length(raw) FROM pages ORDER BY hash",
        "inputs": "SELECT source, page FROM inputs ORDER BY source",
        "articles": "SELECT id, page, seq, title, url, article, signature, duplicate_of, "
        "similarity FROM articles ORDER BY id",
        "rewrites": "SELECT key, article, settings, text, result FROM rewrites ORDER BY key",
        "verdicts": "SELECT * FROM verdicts ORDER BY rewrite, number",
        "errors": "SELECT key, source, article, stage, kind, exit_code, message FROM errors "
        "ORDER BY key",
    }
    tables = {
        name: [tuple(row) for row in db.execute(query).fetchall()]
        for name, query in queries.items()
    }
    tables["rewrites"] = [(*row[:4], _timeless(json.loads(row[4]))) for row in tables["rewrites"]]
    store.close()
    return tables


def assert_same_store(path: Path | str, expected: Path) -> None:
    """The two stores hold the same rows; on a difference, name the first differing row."""
    mine, theirs = dump(path), dump(expected)
    for table, rows in theirs.items():
        assert len(mine[table]) == len(rows), f"{table}: {len(mine[table])} rows, not {len(rows)}"
        for got, want in zip(mine[table], rows, strict=True):
            assert got == want, f"{table} differs:\n{got}\n{want}"


def _timeless(value: Any) -> Any:
    """A result without its timings, which differ from run to run."""
    if isinstance(value, dict):
        return {k: _timeless(v) for k, v in value.items() if k not in ("seconds", "model_seconds")}
    if isinstance(value, list):
        return [_timeless(v) for v in value]
    return value


def test_every_good_page_is_stored_once_duplicates_linked_and_broken_inputs_recorded(
    pages: tuple[Path, list[pagegen.Page]], uninterrupted: Path
) -> None:
    _, made = pages
    tables = dump(uninterrupted)
    source_of = {row[1]: row[0] for row in tables["inputs"] if row[1]}
    by_page = {row[1]: row for row in tables["articles"]}
    id_of = {Path(source).name: by_page[page][0] for page, source in source_of.items()}
    duplicate_of = {Path(source_of[row[1]]).name: row[7] for row in tables["articles"]}
    errors = {Path(row[1]).name: row[4] for row in tables["errors"]}
    assert len(tables["inputs"]) == len(made) == 200
    for page in made:
        if page.kind == "broken":
            assert errors[page.name] == page.error, page.name
        elif page.kind == "duplicate":
            assert duplicate_of[page.name] == id_of[page.of], page.name  # type: ignore[index]
        else:
            assert duplicate_of[page.name] is None, page.name
    originals = sum(page.kind == "original" for page in made)
    assert len(tables["rewrites"]) == originals == 150
    assert len(tables["errors"]) == 10
    assert all(row[3] == "supported" for row in tables["verdicts"])


#: The test cluster runs on loopback only; Ray's token authentication is off for it, so that a
#: token left in ~/.ray by another Ray session cannot lock the test out.
RAY_ENV = {**os.environ, "RAY_AUTH_MODE": "disabled"}


def run_cli(*args: str) -> subprocess.Popen[bytes]:
    """`retell ARGS` in a new process, as a user would start it."""
    return subprocess.Popen(
        [sys.executable, "-m", "retell", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=RAY_ENV,
    )


def test_a_run_killed_five_times_and_resumed_ends_as_an_uninterrupted_one(
    pages: tuple[Path, list[pagegen.Page]], uninterrupted: Path, tmp_path: Path
) -> None:
    folder, _ = pages
    store = tmp_path / "store.db"
    rng = random.Random(int(os.environ.get("RETELL_KILL_SEED", "5")))
    killed = 0
    for _ in range(5):
        process = run_cli(*BATCH, str(folder), "--db", str(store))
        time.sleep(rng.uniform(1.0, 6.0))
        process.send_signal(signal.SIGKILL)
        killed += process.wait() == -signal.SIGKILL
    assert killed >= 3, "most kills should land while the run is working"
    final = run_cli(*BATCH, str(folder), "--db", str(store))
    _, stderr = final.communicate(timeout=600)
    # 1 when this last run met one of the broken inputs, 0 when an earlier one recorded them all
    assert final.returncode in (0, 1) and b"Traceback" not in stderr, stderr
    assert_same_store(store, uninterrupted)


def test_a_run_killed_and_resumed_on_postgresql_ends_as_an_uninterrupted_one(
    pages: tuple[Path, list[pagegen.Page]], uninterrupted: Path, postgres_server: str
) -> None:
    """The same resume guarantee on a shared PostgreSQL store as on a SQLite file."""
    folder, _ = pages
    store = postgres.fresh_database(postgres_server, "batch_resume")
    rng = random.Random(7)
    for _ in range(3):
        process = run_cli(*BATCH, str(folder), "--db", store)
        time.sleep(rng.uniform(2.0, 6.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
    final = run_cli(*BATCH, str(folder), "--db", store)
    _, stderr = final.communicate(timeout=600)
    assert final.returncode in (0, 1) and b"Traceback" not in stderr, stderr
    assert_same_store(store, uninterrupted)


def test_running_again_repeats_nothing(
    pages: tuple[Path, list[pagegen.Page]], uninterrupted: Path, tmp_path: Path
) -> None:
    folder, _ = pages
    copy = tmp_path / "store.db"
    shutil.copy(uninterrupted, copy)
    result = CliRunner().invoke(cli, [*BATCH, str(folder), "--db", str(copy)])
    assert result.exit_code == 0, result.output
    assert "read 0 " in result.stdout and "skipped 200 done before" in result.stdout
    assert_same_store(copy, uninterrupted)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def ray_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Ray cluster on loopback, started with `ray start --head`, stopped after."""
    pytest.importorskip("ray")
    ray = shutil.which("ray") or str(Path(sys.executable).with_name("ray"))
    port = free_port()
    temp = tmp_path_factory.mktemp("ray")
    start = [
        ray,
        "start",
        "--head",
        "--node-ip-address=127.0.0.1",
        f"--port={port}",
        "--num-cpus=2",
        "--include-dashboard=false",
        "--disable-usage-stats",
        "--object-store-memory=200000000",
        f"--temp-dir={temp}",
    ]
    subprocess.run(start, check=True, capture_output=True, timeout=180, env=RAY_ENV)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run([ray, "stop", "--force"], capture_output=True, timeout=120, env=RAY_ENV)


def test_the_ray_engine_on_a_local_cluster_gives_the_same_store(
    pages: tuple[Path, list[pagegen.Page]], uninterrupted: Path, ray_cluster: str, tmp_path: Path
) -> None:
    folder, _ = pages
    store = tmp_path / "store.db"
    args = ["--engine", "ray", "--ray-address", ray_cluster, "--workers", "2"]
    process = run_cli(*BATCH, str(folder), "--db", str(store), *args)
    _, stderr = process.communicate(timeout=900)
    assert process.returncode == 1, stderr
    assert_same_store(store, uninterrupted)


def test_worker_processes_give_the_same_store(
    pages: tuple[Path, list[pagegen.Page]], uninterrupted: Path, tmp_path: Path
) -> None:
    folder, _ = pages
    store = tmp_path / "store.db"
    result = CliRunner().invoke(cli, [*BATCH, str(folder), "--db", str(store), "--workers", "2"])
    assert result.exit_code == 1, result.output
    assert_same_store(store, uninterrupted)


def test_an_item_that_trips_a_bug_is_recorded_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import retell.batch.run

    real = retell.batch.run.clean_page

    def buggy(page: Any) -> Any:
        if page.source.endswith("page0001.txt"):
            raise RuntimeError("a parser fell over")
        return real(page)

    monkeypatch.setattr(retell.batch.run, "clean_page", buggy)
    folder = tmp_path / "pages"
    pagegen.write(folder, 6, duplicates=0.0, broken=0.0)
    result = CliRunner().invoke(cli, [*BATCH, str(folder), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    store = SQLiteStore(tmp_path / "s.db")
    [error] = store.errors()
    assert error.kind == "RuntimeError" and "a parser fell over" in error.message
    assert store.counts()["rewrites"] == 5


# --- out of the store -----------------------------------------------------------------------


def test_export_writes_one_record_per_article_and_per_failed_input(uninterrupted: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(uninterrupted)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    statuses = [record["status"] for record in records]
    assert statuses.count("rewritten") == 150 and statuses.count("duplicate") == 40
    assert statuses.count("failed") == 10
    rewritten = next(r for r in records if r["status"] == "rewritten")
    assert rewritten["credit"].startswith("Source:") and rewritten["text"]
    assert rewritten["supported"] == rewritten["sentences"] > 0


def test_export_markdown_credits_every_retold_story(uninterrupted: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(uninterrupted), "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout.count("*Retold from the original. Source:") == 150
    assert result.stdout.count("Same story as ") == 40


def test_export_parquet_holds_every_record(uninterrupted: Path, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    args = ["export", "--db", str(uninterrupted), "--format", "parquet", "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    table = parquet.read_table(out)
    assert table.num_rows == 200
    assert sorted(set(table.column("status").to_pylist())) == ["duplicate", "failed", "rewritten"]


def test_show_prints_one_article_with_its_verdicts(uninterrupted: Path) -> None:
    first = json.loads(
        CliRunner().invoke(cli, ["export", "--db", str(uninterrupted)]).stdout.splitlines()[0]
    )
    result = CliRunner().invoke(cli, ["show", first["id"][:8], "--db", str(uninterrupted)])
    assert result.exit_code == 0
    assert first["text"] in result.stdout and "- supported: " in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "abcdef", "--db"], "no single article has this ID"),
        (["show", "not-hex!", "--db"], "an ID is 4 to 64 hex digits"),
        (["export", "--db"], None),
    ],
)
def test_store_commands_fail_in_one_line(
    uninterrupted: Path, tmp_path: Path, args: list[str], message: str | None
) -> None:
    db = str(uninterrupted) if message else str(tmp_path / "missing.db")
    result = CliRunner().invoke(cli, [*args, db])
    assert result.exit_code == 13
    assert len(result.stderr.strip().splitlines()) == 1
    assert (message or "no such store") in result.stderr


def test_the_ray_engine_without_ray_installed_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    page = tmp_path / "story.txt"
    page.write_bytes(pagegen.pages(1)[0].data)
    args = [*BATCH, str(page), "--db", str(tmp_path / "s.db"), "--engine", "ray"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 14
    assert "pip install 'retell[ray]'" in result.stderr


# --- inputs a batch reads -------------------------------------------------------------------


def html_page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
        "</article></body></html>"
    ).encode()


def test_a_warc_file_gives_one_item_per_captured_page(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(3)
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number in range(3):
            invented = pagegen.story(rng)
            paragraphs = [" ".join(p) for p in invented.paragraphs]
            payload = html_page(invented.title, paragraphs)
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            url = f"http://news.example/story/{number}"
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "http://news.example/a.png",
                "response",
                payload=io.BytesIO(b"\x89PNG"),
                http_headers=image,
            )
        )
    store_path = tmp_path / "s.db"
    result = CliRunner().invoke(cli, [*BATCH, str(path), "--db", str(store_path)])
    assert result.exit_code == 0, result.output
    store = SQLiteStore(store_path)
    articles = list(store.articles())
    assert len(articles) == 3
    assert all(a.source.startswith(f"{path}#") for a in articles)
    assert [a.url for a in articles] == [f"http://news.example/story/{n}" for n in range(3)]
