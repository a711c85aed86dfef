"""RSS and Atom feeds, expanded to their items.

An item with full content (``content:encoded``, Atom ``<content>``) is read from the feed. An item
with only a summary is read from its link, fetched like any page; when it has no link, the summary
is the text (and is usually rejected as too short). Each item is accepted or rejected alone. The
feed's title stands in for the outlet when the page names none.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from typing import Callable, Iterator

from ..errors import FormatError, InputError
from ..model import Article
from .checks import normalise
from .dates import parse_published
from .html import fragment_text

FEED_EXTENSIONS = (".xml", ".rss", ".atom")
FEED_MEDIA_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
                    "application/feed+json", "application/xml", "text/xml")
_PROLOG = re.compile(
    rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)
_ROOT = re.compile(rb"\A<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")

# Reads a linked page: (url, source) -> Article. Given by the caller, which owns the client.
PageReader = Callable[[str, str], Article]


def looks_like_feed(raw: bytes) -> bool:
    """True when the first element of the document is <rss>, <feed> or <rdf:RDF>."""
    head = raw[:4096].removeprefix(b"\xef\xbb\xbf")
    while True:
        m = _PROLOG.match(head)
        if not m or not m.group(0):
            break
        head = head[m.end():]
    root = _ROOT.match(head)
    return bool(root) and root.group(2).lower() in (b"rss", b"feed", b"rdf")


def claims_feed(name: str, media_type: str = "") -> bool:
    """Whether a file name, URL path or media type says the input is a feed."""
    path = name.split("?", 1)[0].split("#", 1)[0].lower()
    return path.endswith(FEED_EXTENSIONS) or media_type in FEED_MEDIA_TYPES


def read_feed(raw: bytes, source: str, read_page: PageReader) -> Iterator[Article | InputError]:
    """Each item of the feed in ``raw`` as an Article, or the InputError that rejects it."""
    import feedparser

    if not looks_like_feed(raw):
        raise FormatError(source, "not an RSS or Atom feed")
    parsed = feedparser.parse(io.BytesIO(raw))  # a stream: feedparser would fetch a URL string
    if not parsed.get("version"):
        reason = getattr(parsed.get("bozo_exception"), "args", [""])[0] or "unrecognised"
        raise FormatError(source, f"not an RSS or Atom feed ({reason})")
    if not parsed.entries:
        raise FormatError(source, "the feed has no items")
    feed_title = normalise(parsed.feed.get("title", "")) or None
    for number, entry in enumerate(parsed.entries, 1):
        link = (entry.get("link") or "").strip()
        item_source = link or f"{source}#item{number}"
        try:
            yield _item(entry, item_source, link, feed_title, read_page)
        except InputError as exc:
            yield exc


def _item(entry, source: str, link: str, feed_title: str | None, read_page: PageReader) -> Article:
    title = normalise(fragment_text(entry.get("title", ""))).replace("\n", " ")
    raw_date = entry.get("published") or entry.get("updated")
    published = parse_published(raw_date, source=source) if raw_date else None
    content = _full_content(entry)
    if content is None and link:
        page = read_page(link, source)
        return replace(
            page,
            title=page.title or title,
            published=page.published or published,
            outlet=page.outlet or feed_title,
            url=page.url or link,
        )
    text = content if content is not None else fragment_text(entry.get("summary", ""))
    if not text:
        raise FormatError(source, "feed item has no text and no link")
    return Article(text=text, title=title, outlet=feed_title, published=published,
                   url=link or None, source=source)


def _full_content(entry) -> str | None:
    for content in entry.get("content", []) or []:
        value = content.get("value") or ""
        text = fragment_text(value) if "html" in (content.get("type") or "html") else normalise(value)
        if text:
            return text
    return None
