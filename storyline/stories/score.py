"""How well an article fits a story: TF-IDF cosine to the story centroid, shared
entities, a penalty when the places disagree, and decay with the time gap.

Two events of one kind (two earthquakes, two shootings) share most of their
vocabulary; what tells them apart is where, who and when. So place
disagreement and the time gap scale the score down rather than add to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

ENTITY_PREFIX = "e:"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PERSON_LABELS = frozenset({"PERSON"})


@dataclass(frozen=True)
class Weights:
    """Scoring constants (tuned on the tune splits only: ECB+ 1-35, GVC dev)."""

    entity: float = 0.5  # weight of the shared-entity share, added to the cosine
    entity_feature: float = 1.5  # "e:" features count this much more than lemmas in the cosine
    place_conflict: float = 0.7  # multiplier when both name places and none is shared
    person_conflict: float = 0.6  # multiplier when both name people and none is shared
    year_conflict: float = 1.0  # multiplier when both name years and none is shared (no gain on tune)
    half_life_days: float = 30.0  # the score halves for each such gap between article and story


@dataclass
class ArticleView:
    """One article as the scorer sees it, with IDF applied at arrival time."""

    vector: dict[str, float]  # unit length
    entities: dict[str, float]  # key -> idf
    places: frozenset[str]
    people: frozenset[str]
    years: frozenset[str]
    day: float | None  # days since the epoch, None when undated


@dataclass
class StoryState:
    id: str
    article_ids: list[str]
    duplicates: dict[str, str] = field(default_factory=dict)
    centroid: dict[str, float] = field(default_factory=dict)  # sum of member unit vectors
    norm: float = 0.0
    entities: dict[str, int] = field(default_factory=dict)  # key -> members naming it
    places: dict[str, int] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)
    years: dict[str, int] = field(default_factory=dict)
    first_day: float | None = None
    last_day: float | None = None
    members: int = 0  # articles in the centroid (copies are not)


def gap_days(day: float | None, story: StoryState) -> float:
    """Days between an article and the span of its story's dated articles (0 inside it)."""
    if day is None or story.first_day is None or story.last_day is None:
        return 0.0
    if day < story.first_day:
        return story.first_day - day
    return max(0.0, day - story.last_day)


def score(article: ArticleView, story: StoryState, w: Weights) -> float:
    cosine = 0.0
    if story.norm > 0:
        c = story.centroid
        cosine = sum(v * c[t] for t, v in article.vector.items() if t in c) / story.norm
    shared = 0.0
    total = sum(article.entities.values())
    if total > 0:
        shared = sum(v for k, v in article.entities.items() if k in story.entities) / total
    s = cosine + w.entity * shared
    if article.places and story.places and article.places.isdisjoint(story.places):
        s *= w.place_conflict
    if article.people and story.people and article.people.isdisjoint(story.people):
        s *= w.person_conflict
    if article.years and story.years and article.years.isdisjoint(story.years):
        s *= w.year_conflict
    gap = gap_days(article.day, story)
    if gap > 0:
        s *= 0.5 ** (gap / w.half_life_days)
    return s
