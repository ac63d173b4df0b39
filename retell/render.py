"""Rendering articles as JSON, JSON Lines, markdown or plain text.

Every rendering names where the article came from. The JSON object is the
documented schema of `retell clean` (see the README).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from retell.article import Article
from retell.errors import RetellError

Format = Literal["json", "jsonl", "markdown", "text"]
FORMATS: tuple[Format, ...] = ("json", "jsonl", "markdown", "text")


def article_dict(article: Article) -> dict[str, Any]:
    """The article as the JSON object `retell clean` prints."""
    return {
        "source": article.source,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "authors": list(article.authors),
        "url": article.url,
        "url_slug": article.url_slug,
        "site_name": article.site_name,
        "body": article.body,
        "captions": article.captions,
        "removed": [{"kind": item.kind, "text": item.text} for item in article.removed],
    }


def error_dict(source: str, error: RetellError) -> dict[str, Any]:
    """A failed input as a JSON object, so JSON Lines keep one line per input."""
    return {"source": source, "error": {"exit_code": error.exit_code, "message": error.message}}


def to_json(article: Article) -> str:
    """One article as an indented JSON document."""
    return json.dumps(article_dict(article), ensure_ascii=False, indent=2) + "\n"


def to_json_line(record: dict[str, Any]) -> str:
    """One record as a single JSON line."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def credit(article: Article) -> str:
    """The source credit line: title, date and where the article came from."""
    parts = [f"“{article.title}”" if article.title else "Untitled article"]
    if article.site_name:
        parts.append(article.site_name)
    if article.date:
        parts.append(article.date.isoformat())
    parts.append(article.url or article.source)
    return "Source: " + ", ".join(parts)


def to_markdown(article: Article) -> str:
    """The article as markdown: title, byline, body, captions and the source credit."""
    lines = [f"# {article.title or 'Untitled article'}", ""]
    if article.authors:
        lines += ["By " + ", ".join(article.authors), ""]
    for paragraph in article.body:
        lines += [paragraph, ""]
    if article.captions:
        lines += ["## Captions", ""] + [f"- {caption}" for caption in article.captions] + [""]
    lines += [f"*{credit(article)}*", ""]
    return "\n".join(lines)


def to_text(article: Article) -> str:
    """The article as plain text: title, body paragraphs, and the source credit."""
    parts = [article.title] if article.title else []
    parts += article.body
    parts.append(credit(article))
    return "\n\n".join(parts) + "\n"


def render(article: Article, fmt: Format) -> str:
    """The article in the chosen format."""
    if fmt == "markdown":
        return to_markdown(article)
    if fmt == "text":
        return to_text(article)
    if fmt == "jsonl":
        return to_json_line(article_dict(article))
    return to_json(article)
