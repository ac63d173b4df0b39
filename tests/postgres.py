"""A real PostgreSQL server for the test suite: Debian's binaries (package `postgresql`,
which .ci/run installs), a fresh cluster in a temporary folder, listening on loopback only,
stopped when the tests end. As root the server runs as the `postgres` user, since
PostgreSQL refuses to run as root."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

USER = "retell"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, if PostgreSQL's server is installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _as_server_user(command: list[str]) -> list[str]:
    """The command as the user the server may run as."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def server() -> Iterator[str]:
    """Start a throwaway cluster; yields the URL of its `postgres` database."""
    folder = binaries()
    if folder is None:
        raise RuntimeError("PostgreSQL's server is not installed: apt-get install postgresql")
    root = Path(tempfile.mkdtemp(prefix="retell-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()

    def run(program: str, *args: str) -> None:
        command = _as_server_user([str(folder / program), *args])
        subprocess.run(command, check=True, capture_output=True, text=True)

    run("initdb", "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off"
    run("pg_ctl", "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start")
    try:
        yield f"postgresql://{USER}@127.0.0.1:{port}/postgres"
    finally:
        run("pg_ctl", "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)


def fresh_database(url: str, name: str) -> str:
    """Create an empty database on the server and return its URL."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name
