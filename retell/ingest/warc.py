"""WARC files: the pages a web crawl captured, read with warcio.

A WARC file (plain or gzip-compressed) holds one record per captured
response. Each `response` or `resource` record whose payload is HTML or
plain text becomes one page, named `PATH#OFFSET` after the record's place in
the file, with the captured URL as the page's URL. Requests, metadata and
images are passed over.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from retell.errors import InputError
from retell.ingest.sources import Raw, open_error

_MAGIC = b"WARC/"
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: str) -> bool:
    """Whether a file is a WARC file, judged by its first bytes (after gzip, if any)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(2)
        opener = gzip.open if head == b"\x1f\x8b" else open
        with opener(path, "rb") as handle:
            return bool(handle.read(len(_MAGIC)) == _MAGIC)
    except (OSError, EOFError):
        return False


def warc_pages(path: str, max_bytes: int) -> Iterator[tuple[str, Raw]]:
    """Each HTML or text page of a WARC file, with its name; records over the size limit
    and records of other kinds are passed over."""
    try:
        with open(path, "rb") as handle:
            records = ArchiveIterator(handle)
            for record in records:
                if record.rec_type not in ("response", "resource"):
                    continue
                if not _is_page(record):
                    continue
                data = record.content_stream().read(max_bytes + 1)
                source = f"{path}#{records.get_record_offset()}"
                if len(data) <= max_bytes:
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    yield source, Raw(source, data, _charset(record), url)
    except OSError as error:
        raise open_error(error, path) from error
    except ArchiveLoadFailed as error:
        raise InputError(f"is not a readable WARC file: {error}", source=path) from error


def _content_type(record: Any) -> str:
    """The payload's content type: the HTTP header for responses, the record's otherwise."""
    if record.http_headers is not None:
        return str(record.http_headers.get_header("Content-Type") or "")
    return str(record.rec_headers.get_header("Content-Type") or "")


def _is_page(record: Any) -> bool:
    """Whether a record's payload is a page of text."""
    kind = _content_type(record).split(";")[0].strip().lower()
    return kind in _PAGE_TYPES


def _charset(record: Any) -> str | None:
    """The charset the record's content type declares, if any."""
    for part in _content_type(record).split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"'")
    return None
