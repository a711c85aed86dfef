"""How well an article fits a story: TF-IDF cosine to the story centroid, shared
entities, a penalty when the places disagree, and decay with the time gap.

Two events of one kind (two earthquakes, two shootings) share most of their
vocabulary; what tells them apart is where, who and when. So place
disagreement and the time gap scale the score down rather than add to it.

"Disagree" is read loosely on names: local reports of one incident spell a
name two ways ("Demontez" / "Damontez Jones") or name a person in full in one
and by surname in the other ("Dan Caron" / "Daniel Caron"), so two sets of
names agree when any of their words match or are spelled nearly alike
(:func:`names_agree`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from rapidfuzz import fuzz, process

ENTITY_PREFIX = "e:"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PERSON_LABELS = frozenset({"PERSON"})


@dataclass(frozen=True)
class Weights:
    """Scoring constants (tuned on the tune splits only: ECB+ 1-35, GVC dev)."""

    entity: float = 0.5  # weight of the shared-entity share, added to the cosine
    entity_feature: float = 1.5  # "e:" features count this much more than lemmas in the cosine
    # Multiplier when both name places and no key or name word agrees. 0.7 -> 0.5 with word
    # agreement and the dated threshold at 0.20 (tune: GVC dev 0.948 -> 0.969, ECB+ 1-35
    # 0.871 -> 0.861); at 0.7 the hand-written look-alike quakes score 0.247, above 0.20.
    place_conflict: float = 0.5
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
    place_words: frozenset[str] = frozenset()  # name_words(places)
    person_words: frozenset[str] = frozenset()  # name_words(people)


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
    place_words: dict[str, int] = field(default_factory=dict)  # word of a place key -> members naming it
    person_words: dict[str, int] = field(default_factory=dict)
    first_day: float | None = None
    last_day: float | None = None
    members: int = 0  # articles in the centroid (copies are not)


_WORD = re.compile(r"[^\W\d_]{3,}")
SPELLING_RATIO = 80.0  # rapidfuzz ratio at which two words of a name are one name misspelled


def name_words(keys: Iterable[str]) -> frozenset[str]:
    """The words (three letters or more) of entity keys: "daniel caron" -> {"daniel", "caron"}."""
    return frozenset(w for k in keys for w in _WORD.findall(k.lower()))


def names_agree(words: Iterable[str], others: Mapping[str, int] | frozenset[str]) -> bool:
    """Whether any word matches one of ``others`` exactly or as a near spelling (4+ letters, at
    most two letters longer or shorter, ratio >= SPELLING_RATIO)."""
    words = list(words)
    if any(w in others for w in words):
        return True
    pool = list(others)
    for w in words:
        if len(w) < 4:
            continue
        # rapidfuzz compares against the whole pool in C; the few near ones are then checked
        for o, _, _ in process.extract(w, pool, scorer=fuzz.ratio, score_cutoff=SPELLING_RATIO, limit=None):
            if len(o) >= 4 and abs(len(o) - len(w)) <= 2 and w[0] == o[0]:
                return True
    return False


def disagree(keys: frozenset[str], words: frozenset[str], story_keys: Mapping[str, int],
             story_words: Mapping[str, int]) -> bool:
    """No key in common and no word of a name in common, even misspelled ("us" has no words)."""
    return keys.isdisjoint(story_keys) and not names_agree(words, story_words)


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
    if article.places and story.places and disagree(article.places, article.place_words,
                                                    story.places, story.place_words):
        s *= w.place_conflict
    if article.people and story.people and disagree(article.people, article.person_words,
                                                    story.people, story.person_words):
        s *= w.person_conflict
    if article.years and story.years and article.years.isdisjoint(story.years):
        s *= w.year_conflict
    gap = gap_days(article.day, story)
    if gap > 0:
        s *= 0.5 ** (gap / w.half_life_days)
    return s
