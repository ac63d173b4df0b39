"""Load on `retell serve`: 1,000 mixed requests on loopback while rewrite jobs run.

    python bench/serve.py [--requests 1000] [--clients 8] [--store sqlite|postgres|both]

A real server (`python -m retell serve --backend fake`, its own process) on a fresh
store; a bounded pool of httpx clients in this process sends a fixed, shuffled mix of
reads, cleans, checks, exports and new rewrite jobs, while a rewrite of the seed page
(every sentence checked) runs in the server's worker. One request of each kind warms the
server first (the first check loads spaCy); then it prints the 5xx count (it must be
0), p50 and p99 latency per kind of request and overall, and each kind's p50 as a ratio
to the anchor measured in the same run: the server's own static file, the cheapest answer
it gives. With `--store postgres` the store is a database on a throwaway PostgreSQL server
on loopback (tests/postgres.py), so both stores are measured the same way.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import postgres  # noqa: E402
from tests.conftest import SEED_PAGE  # noqa: E402

STORY = "\n\n".join(
    [
        "Harbour council approves new ferry timetable",
        "The harbour council voted on Tuesday to add two evening ferries to the island route.",
        "Councillor Mara Quint said the change would cost 40,000 euros a year.",
        "The first of the new sailings will leave the mainland pier at 9 pm in March.",
    ]
)

Request = Callable[[httpx.Client], httpx.Response]


def free_port() -> int:
    """A free local port."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(db: str) -> Iterator[str]:
    """The server in its own process on a fresh store; yields its base URL."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "retell",
        "serve",
        "--backend",
        "fake",
        "--db",
        db,
        "--port",
        str(port),
        "--rate",
        "0",
        "--no-cache",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(base + "/static/retell.css", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def mix(article: str, job: str) -> list[tuple[str, Request]]:
    """The requests of one round, by kind; the rounds are shuffled together."""
    check = {"candidate": "The council added two evening ferries.", "judge": False}
    export = {"text": "Two evening ferries join the route.", "format": "markdown"}
    return [
        ("static (anchor)", lambda c: c.get("/static/retell.js")),
        ("GET /v1/articles", lambda c: c.get("/v1/articles")),
        ("GET /v1/articles?q=", lambda c: c.get("/v1/articles", params={"q": "ferry"})),
        ("GET /v1/articles/{id}", lambda c: c.get(f"/v1/articles/{article}")),
        ("GET /v1/jobs/{id}", lambda c: c.get(f"/v1/jobs/{job}")),
        ("GET / (page)", lambda c: c.get("/")),
        ("GET /articles/{id} (page)", lambda c: c.get(f"/articles/{article}")),
        ("POST /v1/clean", lambda c: c.post("/v1/clean", json={"text": STORY})),
        (
            "POST /v1/articles/{id}/check",
            lambda c: c.post(f"/v1/articles/{article}/check", json=check),
        ),
        (
            "POST /v1/articles/{id}/export",
            lambda c: c.post(f"/v1/articles/{article}/export", json=export),
        ),
    ]


def timed(client: httpx.Client, kind: str, send: Request) -> tuple[str, float, int]:
    """One request: its kind, seconds and status."""
    start = time.perf_counter()
    status = send(client).status_code
    return kind, time.perf_counter() - start, status


def load(base: str, total: int, clients: int) -> dict[str, Any]:
    """Start the long rewrite, then send `total` mixed requests from `clients` threads."""
    with httpx.Client(base_url=base, timeout=120) as setup:
        seed = SEED_PAGE.read_text(encoding="utf-8")
        long_job = setup.post("/v1/rewrites", json={"text": seed, "ratio": 1.0}).json()
        article = setup.post("/v1/articles", json={"text": STORY}).json()["id"]
    rounds = mix(article, long_job["id"])
    with httpx.Client(base_url=base, timeout=120) as warm:
        # The first check loads spaCy's pipeline in the server: timed apart, once.
        cold = {kind: timed(warm, kind, send)[1] for kind, send in rounds}
    plan = [rounds[i % len(rounds)] for i in range(total)]
    random.Random(1).shuffle(plan)
    local = [httpx.Client(base_url=base, timeout=120) for _ in range(clients)]
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(lambda i: timed(local[i % clients], *plan[i]), range(total)))
    seconds = time.perf_counter() - started
    with httpx.Client(base_url=base, timeout=30) as after:
        state = after.get(f"/v1/jobs/{long_job['id']}").json()["state"]
    for client in local:
        client.close()
    return {"results": results, "seconds": seconds, "job": state, "cold": cold}


def report(name: str, run: dict[str, Any]) -> int:
    """Print the figures of one run; returns the number of 5xx answers."""
    by_kind: dict[str, list[float]] = defaultdict(list)
    statuses: dict[int, int] = defaultdict(int)
    for kind, seconds, status in run["results"]:
        by_kind[kind].append(seconds * 1000)
        statuses[status] += 1
    errors = sum(count for status, count in statuses.items() if status >= 500)
    every = [ms for values in by_kind.values() for ms in values]
    anchor = statistics.median(by_kind["static (anchor)"])
    print(
        f"\n{name}: {len(every)} requests in {run['seconds']:.1f} s "
        f"({len(every) / run['seconds']:.0f}/s); statuses {dict(sorted(statuses.items()))}; "
        f"5xx {errors}; the seed-page rewrite job was {run['job']} at the end"
    )
    print(f"{'request':34} {'n':>4} {'p50 ms':>8} {'p99 ms':>8} {'p50/anchor':>10}")
    for kind, values in sorted(by_kind.items()):
        p50, p99 = percentile(values, 50), percentile(values, 99)
        print(f"{kind:34} {len(values):4d} {p50:8.1f} {p99:8.1f} {p50 / anchor:10.1f}")
    print(f"{'all':34} {len(every):4d} {percentile(every, 50):8.1f} {percentile(every, 99):8.1f}")
    slowest = max(run["cold"], key=run["cold"].get)
    print(
        f"first request of each kind, before timing: slowest {slowest}, "
        f"{run['cold'][slowest] * 1000:.0f} ms"
    )
    return errors


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--store", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args()
    errors = 0
    folder = Path(tempfile.mkdtemp(prefix="retell-bench-serve-"))
    if args.store in ("sqlite", "both"):
        with serving(str(folder / "store.sqlite")) as base:
            errors += report("SQLite", load(base, args.requests, args.clients))
    if args.store in ("postgres", "both"):
        with postgres.server() as url:
            db = postgres.fresh_database(url, "bench_serve")
            with serving(db) as base:
                errors += report("PostgreSQL", load(base, args.requests, args.clients))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
