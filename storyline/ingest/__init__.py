"""Inputs to Articles: one reader per kind of input, one entry point.

    >>> for item in read_inputs(["reports/", "https://example.org/feed.xml", "-"]):
    ...     print(item.source, "rejected: " + item.reason if isinstance(item, Rejection) else "ok")

Kinds, by name: ``-`` is JSON Lines on stdin; ``http(s)://`` is fetched and read as a feed or a
page by its content; a folder is walked (recursively, sorted, hidden files and folders skipped);
a file by its extension: ``.txt``/``.md`` (text, optional YAML front matter), ``.jsonl``,
``.html``/``.htm``, ``.xml``/``.rss``/``.atom`` (feeds). Every other name is rejected.

Every failure is a :class:`Rejection` with the input's name and the reason; the batch goes on.
``published`` and ``outlet`` fill only what an input lacks. Publish dates are timezone-aware
(naive values are UTC: see :mod:`storyline.ingest.dates`); an unknown date is ``None``.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator, TextIO

import httpx

from ..errors import FormatError, InputError
from ..model import Article, Rejection
from ..settings import DEFAULT, Settings
from .checks import decode, finish
from .dates import parse_published
from .feed import FEED_EXTENSIONS, claims_feed, looks_like_feed, read_feed
from .fetch import Fetcher
from .html import article_from_html, sniff_charset
from .jsonl import articles_from_lines
from .textfile import article_from_text

__all__ = ["read_inputs", "parse_published", "TEXT_EXTENSIONS", "HTML_EXTENSIONS", "FEED_EXTENSIONS"]

TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
JSONL_EXTENSIONS = (".jsonl",)
KNOWN_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSONL_EXTENSIONS + FEED_EXTENSIONS


def read_inputs(
    inputs: Iterable[str],
    *,
    published: datetime | None = None,
    outlet: str | None = None,
    settings: Settings = DEFAULT,
    transport: httpx.BaseTransport | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article | Rejection]:
    """Each input as Articles (a feed, folder or JSON Lines file gives several) or Rejections."""
    if isinstance(inputs, str):
        inputs = [inputs]
    reader = _Reader(settings, transport, stdin, published, outlet)
    try:
        for name in inputs:
            yield from reader.read(name)
    finally:
        reader.close()


class _Reader:
    """The state of one batch: settings, defaults and a lazily opened HTTP client."""

    def __init__(self, settings, transport, stdin, published, outlet):
        self.settings = settings
        self.transport = transport
        self.stdin = stdin
        self.published = published
        self.outlet = outlet
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings, self.transport)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    # ------------------------------------------------------------------ dispatch

    def read(self, name: str) -> Iterator[Article | Rejection]:
        try:
            for item in self._items(name):
                yield self._checked(item)
        except InputError as exc:
            yield Rejection(exc.source, exc.reason)

    def _checked(self, item: Article | InputError) -> Article | Rejection:
        if isinstance(item, InputError):
            return Rejection(item.source, item.reason)
        try:
            return finish(item, self.settings, published=self.published, outlet=self.outlet)
        except InputError as exc:
            return Rejection(exc.source, exc.reason)

    def _items(self, name: str) -> Iterator[Article | InputError]:
        if name == "-":
            stream = self.stdin if self.stdin is not None else sys.stdin
            yield from articles_from_lines(stream, "<stdin>")
        elif name.lower().startswith(("http://", "https://")):
            yield from self._url(name)
        else:
            yield from self._path(name)

    # ------------------------------------------------------------------ URLs

    def _url(self, url: str) -> Iterator[Article | InputError]:
        got = self.fetcher.get(url)
        if looks_like_feed(got.content):
            yield from read_feed(got.content, url, self._page)
        elif claims_feed(url, got.content_type):
            raise FormatError(url, f"not an RSS or Atom feed (served as {got.content_type or 'unknown type'})")
        elif got.content_type == "text/plain":
            yield article_from_text(decode(got.content, url, self.settings, got.charset), url)
        else:
            yield self._html_page(got.content, url, got.url, got.charset)

    def _page(self, url: str, source: str) -> Article:
        """A feed item's linked page."""
        got = self.fetcher.get(url, source)
        return self._html_page(got.content, source, got.url, got.charset)

    def _html_page(self, raw: bytes, source: str, url: str | None, charset: str | None) -> Article:
        text = decode(raw, source, self.settings, charset or sniff_charset(raw))
        return article_from_html(text, source, url)

    # ------------------------------------------------------------------ files

    def _path(self, name: str) -> Iterator[Article | InputError]:
        path = Path(name)
        if path.is_dir():
            for file in _walk(path):
                try:
                    yield from self._file(file, str(file))
                except InputError as exc:
                    yield exc
        elif path.exists():
            yield from self._file(path, name)
        else:
            raise InputError(name, "no such file or folder")

    def _file(self, path: Path, source: str) -> Iterator[Article | InputError]:
        ext = path.suffix.lower()
        if ext not in KNOWN_EXTENSIONS:
            known = " ".join(KNOWN_EXTENSIONS)
            raise FormatError(source, f"unknown file extension {ext or '(none)'!r}; known: {known}")
        raw = self._bytes(path, source)
        if ext in TEXT_EXTENSIONS:
            yield article_from_text(decode(raw, source, self.settings), source)
        elif ext in JSONL_EXTENSIONS:
            text = decode(raw, source, self.settings)
            yield from articles_from_lines(text.splitlines(), source)
        elif ext in HTML_EXTENSIONS:
            yield self._html_page(raw, source, None, None)
        else:
            decode(raw, source, self.settings)  # empty, binary and size say so first
            yield from read_feed(raw, source, self._page)

    def _bytes(self, path: Path, source: str) -> bytes:
        try:
            size = path.stat().st_size
            if size > self.settings.max_bytes:
                raise InputError(source, f"larger than the limit of {self.settings.max_bytes:,} bytes")
            return path.read_bytes()
        except OSError as exc:
            raise InputError(source, f"cannot read: {exc.strerror or exc}") from None


def _walk(folder: Path) -> list[Path]:
    """Files under ``folder``, sorted by path, without hidden files or anything in hidden folders."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, f) for f in files if not f.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)
