"""Adding articles from the web: pasted text, a URL or feed, an uploaded file.

Each input goes through the same readers and checks as ``storyline add``; the
result is one :class:`ItemResult` per article read or input rejected, in input order.
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Literal, Sequence, Union

from ..errors import InputError
from ..ingest import read_inputs
from ..ingest.checks import finish
from ..ingest.jsonl import article_from_record
from ..model import Article, Rejection

PASTED = "pasted text"


@dataclass(frozen=True)
class TextInput:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    source: str = PASTED


@dataclass(frozen=True)
class UrlInput:
    url: str


@dataclass(frozen=True)
class FileInput:
    filename: str
    content: bytes


WebInput = Union[TextInput, UrlInput, FileInput]


@dataclass
class ItemResult:
    source: str
    status: Literal["added", "unchanged", "rejected"]
    reason: str | None = None
    article_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    story_id: str | None = None
    story_title: str | None = None

    def to_json(self) -> dict:
        return {
            "source": self.source,
            "status": self.status,
            "reason": self.reason,
            "article_id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "story_id": self.story_id,
            "story_title": self.story_title,
        }


def add_inputs(tracker, inputs: Sequence[WebInput], *, transport=None) -> list[ItemResult]:
    """Read every input, store the articles through ``tracker``, say what became of each."""
    read: list[Article | Rejection] = []
    for item in inputs:
        read.extend(_read(item, tracker.settings, transport))
    articles = [a for a in read if isinstance(a, Article)]
    added = set(tracker.add(articles).added) if articles else set()
    results, seen = [], set()
    for got in read:
        if isinstance(got, Rejection):
            results.append(ItemResult(got.source, "rejected", reason=got.reason))
            continue
        status = "added" if got.id in added and got.id not in seen else "unchanged"
        seen.add(got.id)
        results.append(ItemResult(got.source, status, article_id=got.id, title=got.title, outlet=got.outlet))
    return results


def _read(item: WebInput, settings, transport) -> Iterator[Article | Rejection]:
    if isinstance(item, TextInput):
        yield _pasted(item, settings)
    elif isinstance(item, UrlInput):
        yield from _url(item.url.strip(), settings, transport)
    else:
        yield from _file(item, settings, transport)


def _pasted(item: TextInput, settings) -> Article | Rejection:
    record = {
        "text": item.text, "title": item.title, "outlet": item.outlet,
        "published": item.published, "url": item.url,
    }
    record = {k: (v.strip() if isinstance(v, str) else v) for k, v in record.items()}
    try:
        return finish(article_from_record(json.dumps(record), item.source), settings)
    except InputError as exc:
        return Rejection(exc.source, exc.reason)


def _url(url: str, settings, transport) -> Iterator[Article | Rejection]:
    # Only http(s): any other name would be read as a path on the server's disk.
    if not re.match(r"https?://[^\s/]+", url, re.IGNORECASE):
        yield Rejection(url or "(empty)", "not an http:// or https:// address")
        return
    yield from read_inputs([url], settings=settings, transport=transport)


def _file(item: FileInput, settings, transport) -> Iterator[Article | Rejection]:
    name = safe_filename(item.filename)
    if len(item.content) > settings.max_bytes:
        yield Rejection(name, f"larger than the limit of {settings.max_bytes:,} bytes")
        return
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(item.content)
        for got in read_inputs([str(path)], settings=settings, transport=transport):
            # Name the upload as the user did, not by the temporary path.
            yield replace(got, source=got.source.replace(str(path), name, 1))


def safe_filename(filename: str | None) -> str:
    """The last part of an uploaded file's name, with only plain characters, never empty."""
    base = re.split(r"[\\/]", filename or "")[-1]
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")
    return base[:120] or "upload.txt"
