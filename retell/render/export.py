"""What a store holds, written out: JSON Lines, markdown or Parquet, one record per item.

Every article gets a record with its status: `rewritten` (with the
published text, the source credit and the verdict counts), `duplicate`
(with the article it repeats), `failed` (with the stage and reason) or
`pending` (stored, not yet rewritten). Inputs that failed before there was
an article get a `failed` record of their own. Parquet needs pyarrow
(`pip install 'retell[parquet]'`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from retell.errors import StoreError
from retell.render.formats import article_from_dict, credit
from retell.store.base import Store, StoredArticle

EXPORT_FORMATS = ("jsonl", "markdown", "parquet")

#: Parquet columns, in order; nested parts of a record are stored as JSON text.
COLUMNS = (
    "id",
    "source",
    "url",
    "title",
    "status",
    "duplicate_of",
    "similarity",
    "style",
    "text",
    "credit",
    "sentences",
    "supported",
    "error",
)


def records(store: Store) -> Iterator[dict[str, Any]]:
    """One record per article in arrival order, then one per input that failed unread."""
    for stored in store.articles():
        yield article_record(store, stored)
    for error in store.errors():
        if error.article is None:
            yield {
                "id": None,
                "source": error.source,
                "status": "failed",
                "error": {
                    "stage": error.stage,
                    "kind": error.kind,
                    "exit_code": error.exit_code,
                    "message": error.message,
                },
            }


def article_record(store: Store, stored: StoredArticle) -> dict[str, Any]:
    """The record of one stored article, with its latest rewrite if it has one."""
    record: dict[str, Any] = {
        "id": stored.id,
        "source": stored.source,
        "url": stored.url,
        "title": stored.title,
        "credit": credit(article_from_dict(stored.article)),
        "status": "pending",
    }
    if stored.duplicate_of:
        record |= {"status": "duplicate", "duplicate_of": stored.duplicate_of}
        record["similarity"] = stored.similarity
        return record
    rewrites = store.rewrites(stored.id)
    if rewrites:
        latest = rewrites[-1]
        labels = Counter(verdict["label"] for verdict in latest["verdicts"])
        record |= {
            "status": "rewritten",
            "style": latest["settings"].get("style"),
            "settings": latest["settings"],
            "text": latest["result"]["text"],
            "sentences": sum(labels.values()),
            "supported": labels.get("supported", 0),
            "verdicts": latest["verdicts"],
        }
    elif (failure := store.article_error(stored.id)) is not None:
        error = {"stage": failure.stage, "kind": failure.kind, "message": failure.message}
        record |= {"status": "failed", "error": error}
    return record


def write_jsonl(store: Store, output: IO[str]) -> int:
    """Write every record as one JSON line; return how many."""
    count = 0
    for record in records(store):
        output.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_markdown(store: Store, output: IO[str]) -> int:
    """Write every rewritten story with its credit, and list duplicates and failures."""
    count = 0
    for record in records(store):
        output.write(markdown_record(record) + "\n")
        count += 1
    return count


def markdown_record(record: dict[str, Any]) -> str:
    """One record as markdown."""
    name = record.get("title") or record["source"]
    status = record["status"]
    if status == "rewritten":
        return f"## {name}\n\n{record['text']}\n\n*Retold from the original. {record['credit']}*\n"
    if status == "duplicate":
        return f"## {name}\n\nSame story as {record['duplicate_of']}; not retold again.\n"
    if status == "failed":
        return f"## {name}\n\nFailed: {record['error']['message']}\n"
    return f"## {name}\n\nNot rewritten yet.\n"


def write_parquet(store: Store, path: Path) -> int:
    """Write every record as a row of a Parquet file; return how many."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise StoreError(
            "Parquet export needs pyarrow: pip install 'retell[parquet]'", source=str(path)
        ) from error
    rows = [_flat(record) for record in records(store)]
    columns = {name: [row.get(name) for row in rows] for name in COLUMNS}
    pq.write_table(pa.table(columns), path)
    return len(rows)


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    """A record with its nested parts as JSON text, for a flat table."""
    flat = dict(record)
    if "error" in flat:
        flat["error"] = json.dumps(flat["error"], ensure_ascii=False)
    return flat
