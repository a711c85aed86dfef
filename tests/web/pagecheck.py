"""Small HTML checks shared by the page tests: text without tags, and unlabelled controls."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


def text_of(fragment: str) -> str:
    """The text a browser shows for an HTML fragment (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def between(page: str, start: str, end: str) -> str:
    i = page.index(start) + len(start)
    return page[i : page.index(end, i)]


class _Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.controls: list[dict] = []
        self.labels: set[str] = set()
        self._in_label = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "label":
            self._in_label += 1
            if a.get("for"):
                self.labels.add(a["for"])
        if tag in ("input", "textarea", "select") and a.get("type") not in ("hidden", "submit", "button"):
            self.controls.append({**a, "_tag": tag, "_wrapped": self._in_label > 0})

    def handle_endtag(self, tag):
        if tag == "label":
            self._in_label -= 1


def unlabelled_controls(page: str) -> list[dict]:
    p = _Controls()
    p.feed(page)
    return [
        c for c in p.controls
        if not (c.get("id") in p.labels or c["_wrapped"] or c.get("aria-label") or c.get("aria-labelledby"))
    ]


def controls(page: str) -> list[dict]:
    p = _Controls()
    p.feed(page)
    return p.controls
