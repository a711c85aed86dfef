"""A story's key dates: the days whose facts are best supported.

Each fact dated to one day votes for that day with its weight: its independent origins count
fully, the further articles that repeat it a little (a rewrite adds reach, not evidence). A
fact dated only to a range of at most a month ("last week", "in March") votes weakly: a small
share of its weight (``coarse``, 0.05) spread over the range's days, so it orders days that
day-precise facts leave tied and names days when nothing more precise does; longer ranges
(seasons, years) name no day and do not vote. A day's score is the sum of its votes; days rank
by score, then earlier first. Deadlines and open ranges ("by Friday", "since Monday") vote like
"on" dates: the day a state began or must end is a day the story turns on.

Measured on the T17 tune topics with ``storyline.eval.timeline17`` (news-tls Date-F1, five
topics, seven timelines): day-precise facts alone 0.681; with ranges of up to 31 days at a 0.05
share 0.705 (a share of 0.01-0.2 gave the same; 1.0 gave 0.698; ranges up to 8 days 0.689);
only "on" dates 0.669 with one topic; later-first ties 0.676. The article weight cannot be
measured there (each folder is one outlet and few facts repeat): 0, 0.25 and 0.5 tie.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from ..model import Fact, KeyDate, StoryReport


@dataclass(frozen=True)
class KeyDateWeights:
    origin: float = 1.0  # per independent origin
    article: float = 0.25  # per article beyond the first of each origin
    coarse: float = 0.05  # share of its weight a fact dated to a range spreads over the range's days
    coarse_max_days: int = 31  # longest range that still votes: a month


DEFAULT_WEIGHTS = KeyDateWeights()


def fact_weight(fact: Fact, weights: KeyDateWeights = DEFAULT_WEIGHTS) -> float:
    """How much a fact's support says it happened: origins count fully, repeats a little."""
    s = fact.support
    origins = max(s.independent_origins, 1)
    return weights.origin * origins + weights.article * max(s.articles - origins, 0)


def fact_days(fact: Fact, weights: KeyDateWeights = DEFAULT_WEIGHTS) -> tuple[date, ...]:
    """The days a fact's event date covers: one for a day, a range's days up to a month, else none."""
    d = fact.event_date
    if d is None:
        return ()
    n = (d.end - d.start).days + 1
    if n == 1:
        return (d.start,)
    if n < 1 or n > weights.coarse_max_days or weights.coarse <= 0:
        return ()
    return tuple(d.start + timedelta(days=i) for i in range(n))


def key_dates(
    report: StoryReport, limit: int | None = None, weights: KeyDateWeights = DEFAULT_WEIGHTS
) -> tuple[KeyDate, ...]:
    """The report's key dates, best first; at most ``limit`` of them when given."""
    return rank_days(report.facts, weights)[:limit]


def rank_days(facts: Iterable[Fact], weights: KeyDateWeights = DEFAULT_WEIGHTS) -> tuple[KeyDate, ...]:
    votes: dict[date, list[tuple[float, int, str]]] = defaultdict(list)
    for i, f in enumerate(facts):
        days = fact_days(f, weights)
        if not days:
            continue
        vote = fact_weight(f, weights) * (1.0 if len(days) == 1 else weights.coarse / len(days))
        for day in days:
            votes[day].append((vote, i, f.id))
    out = []
    for day, vs in votes.items():
        vs.sort(key=lambda v: (-v[0], v[1]))  # strongest vote first, then first seen
        out.append(KeyDate(day, tuple(v[2] for v in vs), round(sum(v[0] for v in vs), 6)))
    out.sort(key=lambda k: (-k.score, k.date))
    return tuple(out)
