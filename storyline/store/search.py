"""What full-text search over stories reads: one body of text per story.

Its title, every claim's own wording (a paraphrase is found by its own words, not
only by the first wording of its fact) and its articles' titles, each once.
"""

from __future__ import annotations

import re

from ..model import StoryReport

_WORD = re.compile(r"\w+", re.UNICODE)


def search_text(report: StoryReport) -> str:
    parts = [report.title] + [a.title for a in report.articles]
    parts += [c.text for f in report.facts for c in f.claims]
    return "\n".join(dict.fromkeys(p for p in parts if p))


def match_query(q: str) -> str | None:
    """An FTS5 query that every word of ``q`` must match (as typed, quoted, so no word is
    read as an operator); None when ``q`` has no word."""
    words = _WORD.findall(q or "")
    return " ".join(f'"{w}"' for w in words) or None
