"""A story's key dates: the days whose facts are best supported.

Each fact dated to one day (an event date of day granularity) votes for that day with its
weight: its independent origins count fully, the further articles that repeat it a little
(a rewrite adds reach, not evidence). A day's score is the sum of its facts' weights; days
rank by score, then earlier first.

Facts dated only to a week, month, season or year name no day and do not vote: spreading a
month's weight over 30 days made the ranking worse on the T17 tune topics (see
``storyline.eval.timeline17``). Deadlines and open ranges ("by Friday", "since Monday")
vote like "on" dates: the day a state began or must end is a day the story turns on.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from ..model import Fact, KeyDate, StoryReport


@dataclass(frozen=True)
class KeyDateWeights:
    origin: float = 1.0  # per independent origin
    article: float = 0.25  # per article beyond the first of each origin


DEFAULT_WEIGHTS = KeyDateWeights()


def fact_weight(fact: Fact, weights: KeyDateWeights = DEFAULT_WEIGHTS) -> float:
    """How much a fact's support says it happened: origins count fully, repeats a little."""
    s = fact.support
    origins = max(s.independent_origins, 1)
    return weights.origin * origins + weights.article * max(s.articles - origins, 0)


def fact_day(fact: Fact) -> date | None:
    """The one day a fact is dated to, or None when it has no day-precise event date."""
    d = fact.event_date
    if d is None or d.granularity != "day" or d.start != d.end:
        return None
    return d.start


def key_dates(
    report: StoryReport, limit: int | None = None, weights: KeyDateWeights = DEFAULT_WEIGHTS
) -> tuple[KeyDate, ...]:
    """The report's key dates, best first; at most ``limit`` of them when given."""
    return rank_days(report.facts, weights)[:limit]


def rank_days(facts: Iterable[Fact], weights: KeyDateWeights = DEFAULT_WEIGHTS) -> tuple[KeyDate, ...]:
    votes: dict[date, list[tuple[float, int, str]]] = defaultdict(list)
    for i, f in enumerate(facts):
        day = fact_day(f)
        if day is not None:
            votes[day].append((fact_weight(f, weights), i, f.id))
    out = []
    for day, vs in votes.items():
        vs.sort(key=lambda v: (-v[0], v[1]))  # best supported first, then first seen
        out.append(KeyDate(day, tuple(v[2] for v in vs), round(sum(v[0] for v in vs), 6)))
    out.sort(key=lambda k: (-k.score, k.date))
    return tuple(out)
