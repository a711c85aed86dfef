"""JSON Lines: one article an object a line. ``text`` is required; ``title``, ``outlet``,
``published``, ``url`` and ``language`` are optional. A bad line becomes a Rejection named
``NAME:LINE`` (1-based) and the other lines go on. Blank lines are skipped."""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from ..errors import FormatError, InputError
from ..model import Article
from .checks import paragraphs
from .dates import parse_published

OPTIONAL = ("title", "outlet", "url", "language")


def articles_from_lines(lines: Iterable[str], name: str) -> Iterator[Article | InputError]:
    """Each non-blank line as an Article, or the InputError that rejects that line."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        source = f"{name}:{number}"
        try:
            yield article_from_record(line, source)
        except InputError as exc:
            yield exc


def article_from_record(line: str, source: str) -> Article:
    if "\x00" in line:
        raise FormatError(source, "binary content (NUL bytes), not text")
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise FormatError(source, f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict):
        raise FormatError(source, "not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise FormatError(source, "no 'text' field with the article's text")
    fields = {}
    for key in OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise FormatError(source, f"field {key!r} must be a string")
        fields[key] = value.strip() if value and value.strip() else None
    published = record.get("published")
    return Article(
        text=paragraphs(text),
        title=paragraphs(fields["title"] or "").replace("\n", " "),
        outlet=fields["outlet"],
        published=parse_published(published, source=source) if published not in (None, "") else None,
        url=fields["url"],
        language=fields["language"],
        source=source,
    )
