"""One line per story for the stories list: counts, dates, entities and words to search.

Pure functions over a StoryReport; the index in :mod:`storyline.web.index` keeps one
summary per stored story so that listing 10,000 stories never reads 10,000 reports.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Iterable, Sequence

from ..model import Entity, StoryReport


@dataclass(frozen=True)
class StorySummary:
    id: str
    title: str
    articles: int
    outlets: int
    facts: int
    conflicts: int
    first: datetime | None  # earliest publish time
    latest: datetime | None  # latest publish time: the story's last activity
    days: tuple[date, ...]  # sorted publish dates, for date filters
    entities: tuple[tuple[str, str], ...]  # (key, display name), in the report's order
    article_ids: tuple[str, ...]
    words: str  # casefolded title, headlines, entity names and aliases

    def active_between(self, since: date | None, until: date | None) -> bool:
        """True if an article of the story was published within [since, until] (inclusive)."""
        if since is None and until is None:
            return True
        i = bisect.bisect_left(self.days, since) if since else 0
        return i < len(self.days) and (until is None or self.days[i] <= until)

    def matches(self, words: Sequence[str]) -> bool:
        return all(w in self.words for w in words)


ArticleLine = tuple[str, str, "str | None", "datetime | None"]  # id, title, outlet, published


def summary_of(
    story_id: str, title: str, articles: Sequence[ArticleLine], facts: int, conflicts: int,
    entities: Sequence[Entity],
) -> StorySummary:
    published = sorted(_utc(p) for _, _, _, p in articles if p)
    outlets = {o.strip().casefold() for _, _, o, _ in articles if o and o.strip()}
    text = [title, *(t for _, t, _, _ in articles)]
    text += [name for e in entities for name in (e.name, *e.aliases)]
    return StorySummary(
        id=story_id,
        title=title,
        articles=len(articles),
        outlets=len(outlets),
        facts=facts,
        conflicts=conflicts,
        first=published[0] if published else None,
        latest=published[-1] if published else None,
        days=tuple(sorted(p.date() for p in published)),
        entities=tuple((e.key, e.name) for e in entities),
        article_ids=tuple(a[0] for a in articles),
        words="\n".join(text).casefold(),
    )


def _utc(when: datetime) -> datetime:
    return when.astimezone(timezone.utc) if when.tzinfo else when.replace(tzinfo=timezone.utc)


def summarise(report: StoryReport) -> StorySummary:
    """The summary of a report in hand (the index builds the same from the store's overviews)."""
    return summary_of(
        report.story.id, report.title,
        [(a.id, a.title, a.outlet, a.published) for a in report.articles],
        len(report.facts), len(report.conflicts), report.entities,
    )


def summary_of_overview(o: dict) -> StorySummary:
    return summary_of(o["id"], o["title"], o["articles"], o["facts"], o["conflicts"], o["entities"])


def query_words(q: str | None) -> list[str]:
    return (q or "").casefold().split()


def latest_first(summaries: Iterable[StorySummary]) -> list[StorySummary]:
    """Latest activity first; undated stories last; ties by id so the order is stable."""
    return sorted(
        summaries,
        key=lambda s: (s.latest is not None, s.latest.timestamp() if s.latest else 0.0, s.id),
        reverse=True,
    )


def summary_json(s: StorySummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "articles": s.articles,
        "outlets": s.outlets,
        "facts": s.facts,
        "conflicts": s.conflicts,
        "first_published": s.first.isoformat() if s.first else None,
        "latest_published": s.latest.isoformat() if s.latest else None,
        "entities": [{"key": k, "name": n} for k, n in s.entities],
    }
