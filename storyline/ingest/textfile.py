"""Plain-text and Markdown articles, with optional YAML front matter.

    ---
    title: Harbour bridge closes after cracks found
    outlet: Coastline Courier
    published: 2025-03-04T08:00:00+00:00
    url: https://courier.example/bridge
    language: en
    ---
    The body, one paragraph a line or paragraphs separated by blank lines.

Without a title in front matter, the first line is the headline when it is short (at most
``HEADLINE_MAX_WORDS`` words), ends without punctuation and is followed by more text; a Markdown
``# Heading`` first line is the headline too. Otherwise the whole text is the body.
"""

from __future__ import annotations

import re

import yaml

from ..errors import FormatError
from ..model import Article
from .checks import normalise, paragraphs
from .dates import parse_published

HEADLINE_MAX_WORDS = 25
FIELDS = ("title", "outlet", "published", "url", "language")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FINAL_PUNCT = re.compile(r"[.!?,;:…]$")


def article_from_text(text: str, source: str) -> Article:
    """Article from the decoded text of a .txt/.md file. Raises FormatError."""
    text = normalise(text)
    meta: dict = {}
    m = _FRONT.match(text)
    if m:
        meta = _front_matter(m.group(1), source)
        text = text[m.end():]
    elif text.startswith("---\n") and "\n---" not in text[4:]:
        raise FormatError(source, "unreadable front matter: no closing '---' line")
    title = _str(meta.get("title"), "title", source)
    if title is None:
        title, text = split_headline(text)
    published = meta.get("published")
    return Article(
        text=paragraphs(text),
        title=normalise(title),
        outlet=_str(meta.get("outlet"), "outlet", source),
        published=parse_published(published, source=source) if published not in (None, "") else None,
        url=_str(meta.get("url"), "url", source),
        language=_str(meta.get("language"), "language", source),
        source=source,
    )


def split_headline(text: str) -> tuple[str, str]:
    """(headline, body) by the first-line rule; ("", text) when the first line is no headline."""
    text = text.lstrip("\n")
    first, newline, rest = text.partition("\n")
    first = first.strip()
    if first.startswith("# "):
        return first[2:].strip(), rest
    if (newline and rest.strip() and first
            and len(first.split()) <= HEADLINE_MAX_WORDS and not _FINAL_PUNCT.search(first)):
        return first, rest
    return "", text


def _front_matter(block: str, source: str) -> dict:
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 2}" if where is not None else ""
        raise FormatError(source, f"unreadable front matter (bad YAML{at})") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise FormatError(source, "unreadable front matter: expected 'key: value' lines")
    return {str(k).lower(): v for k, v in meta.items()}


def _str(value, name: str, source: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise FormatError(source, f"unreadable front matter: {name} must be text")
    value = str(value).strip()
    return value or None
