"""Batch throughput: the local engine against the Ray engine on the same invented pages,
and memory over a long run.

    python bench/batch.py [--pages 200] [--backend fake] [--workers 2] [--memory 1000]

Both engines run in this process, one after the other, on the pages of
tests/pagegen.py (20 % near-duplicates, 5 % broken), each into a fresh
store; Ray starts a local cluster inside this process. The local engine's
pages/s is the anchor; Ray's is printed as a ratio to it. `--memory N`
then runs N pages through the local engine and prints the process's
resident memory every N/10 items, to show whether it grows with the batch.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from retell.batch.engine import make_engine
from retell.batch.run import Batch, Counts
from retell.batch.worker import Engine, Settings
from retell.pipeline import InputOptions
from retell.store.sqlite import SQLiteStore
from tests import pagegen


def run(
    folder: Path, db: Path, settings: Settings, engine: Engine, progress: object = None
) -> Counts:
    """One batch over a folder into a new store."""
    store = SQLiteStore(db)
    options = InputOptions(max_bytes=pagegen.MAX_BYTES)
    batch = Batch(store, settings, inputs=options, progress=progress)  # type: ignore[arg-type]
    try:
        return batch.run([str(folder)], engine, ["bench"])
    finally:
        engine.close()
        store.close()


def resident_mb() -> float:
    """The resident memory of this process now, in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 1e6


class MemoryProbe:
    """Progress that records memory every `every` items."""

    def __init__(self, every: int) -> None:
        self.every = every
        self.items = 0
        self.samples: list[tuple[str, int, float, float]] = []
        self.label = ""

    def start(self, label: str, total: int | None) -> None:
        self.label, self.items = label, 0

    def advance(self, counts: Counts) -> None:
        self.items += 1
        if self.items % self.every == 0:
            # Linux gives ru_maxrss in KiB; resident_mb() counts 10^6 bytes.
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6
            self.samples.append((self.label, self.items, resident_mb(), peak))

    def finish(self) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--backend", default="fake")
    parser.add_argument("--workers", type=int, default=2, help="Ray worker actors")
    parser.add_argument("--memory", type=int, default=0, help="pages for the memory run")
    args = parser.parse_args()
    settings = Settings(backend=args.backend)
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        pagegen.write(root / "pages", args.pages)
        rates = {}
        for name, kind, workers in (("local", "local", 1), ("ray", "ray", args.workers)):
            engine = make_engine(kind, settings, workers)
            start = time.perf_counter()
            counts = run(root / "pages", root / f"{name}.db", settings, engine)
            seconds = time.perf_counter() - start
            rates[name] = args.pages / seconds
            print(
                f"{name:5} ({workers} worker{'s' * (workers > 1)}): {args.pages} pages in "
                f"{seconds:.1f} s = {rates[name]:.2f} pages/s "
                f"({counts.new} new, {counts.duplicates} duplicates, {counts.errors} failed)"
            )
        print(f"ray / local: {rates['ray'] / rates['local']:.2f}")
        if args.memory:
            memory(root, args.memory, settings)


def memory(root: Path, count: int, settings: Settings) -> None:
    """Resident memory along a long local run."""
    pagegen.write(root / "many", count)
    probe = MemoryProbe(max(1, count // 10))
    run(root / "many", root / "many.db", settings, make_engine("local", settings), probe)
    print(f"memory over {count} pages (pass, items done, resident MB, peak MB so far):")
    for label, items, now, peak in probe.samples:
        print(f"  {label:9} {items:5} {now:8.1f} {peak:8.1f}")


if __name__ == "__main__":
    main()
