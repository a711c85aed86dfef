"""Online story assignment, one article at a time, in publish order.

For each article: a near-duplicate joins its original's story; otherwise the
candidate index proposes at most ``settings.story_candidates`` stories, each is
scored in full (:mod:`.score`), and the best one at or above
``settings.story_threshold`` takes the article; if none does, a new story starts.

Everything here is a function of the articles and their order: replaying the
same articles in the same order gives the same story ids and members (that is
how ``storyline rebuild`` and the tracker's start-up restore the state). IDF
comes from running document frequencies, frozen into each article's vector on
arrival, so no later article changes an earlier decision.

Stories whose last dated article is older than ``settings.story_window_days``
before the newest article seen leave the index (and their sketches leave the
duplicate index): they stay listed in :meth:`stories` but cannot grow.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from datetime import datetime, timezone
from typing import Callable

from ..model import AnalysedArticle, Story
from ..settings import DEFAULT, Settings
from .duplicates import DuplicateIndex
from .index import CandidateIndex
from ..analyze.terms import YEAR_PREFIX
from .score import (ENTITY_PREFIX, PERSON_LABELS, PLACE_LABELS, ArticleView, StoryState, Weights, name_words,
                    score)

QUERY_FEATURES = 40  # an article's most distinctive features used to find candidates
POST_FEATURES = 24  # features each joining article posts for its story
NAME_WORDS_CAP = 300  # name words a story keeps for the place/person checks (its earliest), bounding their cost
CENTROID_CAP = 600  # centroid terms kept (heaviest), so scoring cost stays bounded
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def story_id(first_article_id: str) -> str:
    return "s" + hashlib.sha256(first_article_id.encode("utf-8")).hexdigest()[:12]


class StoryClusterer:
    def __init__(self, settings: Settings = DEFAULT, weights: Weights = Weights(),
                 scorer: Callable[[ArticleView, StoryState, Weights], float] = score):
        self.settings = settings
        self.weights = weights
        self.scorer = scorer  # swappable so tests can count how many stories are scored
        self.index = CandidateIndex()
        self.duplicates = DuplicateIndex(threshold=settings.duplicate_threshold)
        self._stories: dict[str, StoryState] = {}  # creation order
        self._story_of: dict[str, str] = {}  # article id -> story id
        self._df: dict[str, int] = {}  # feature -> articles containing it
        self._docs = 0
        self._now: float | None = None  # newest publish day seen
        self._expiry: list[tuple[float, int, str]] = []  # (last day, seq, story) min-heap, lazy
        self._seq = 0

    # ------------------------------------------------------------------ public

    def assign(self, analysed: AnalysedArticle) -> str:
        """The id of the story this article belongs to (a new one if none fits)."""
        aid = analysed.id
        if aid in self._story_of:  # replaying an article already placed changes nothing
            return self._story_of[aid]
        day = _day(analysed.article.published)
        self._advance(day)
        a = analysed.article
        # The body only: syndicators rewrite headlines more often than text.
        original = self.duplicates.add(aid, a.text)
        if original is not None and self._story_of.get(original) in self.index:
            story = self._stories[self._story_of[original]]
            story.article_ids.append(aid)
            story.duplicates[aid] = original
            self._story_of[aid] = story.id
            self._touch(story, day)
            return story.id
        view = self._view(analysed, day)
        story = self._best(view)
        if story is None:
            story = StoryState(id=story_id(aid), article_ids=[])
            self._stories[story.id] = story
        self._join(story, aid, view, analysed)
        return story.id

    def stories(self) -> list[Story]:
        """Every story ever made (active or closed), in order of creation."""
        return [Story(s.id, tuple(s.article_ids), dict(s.duplicates)) for s in self._stories.values()]

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def candidates(self, view: ArticleView) -> list[str]:
        query = sorted(view.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:QUERY_FEATURES]
        return self.index.candidates(query, self.settings.story_candidates)

    # ------------------------------------------------------------------ inside

    def _best(self, view: ArticleView) -> StoryState | None:
        best, best_score = None, 0.0
        for sid in self.candidates(view):
            story = self._stories[sid]
            s = self.scorer(view, story, self.weights)
            if s >= self._threshold(view, story) and (best is None or s > best_score):
                best, best_score = story, s
        return best

    def _threshold(self, view: ArticleView, story: StoryState) -> float:
        # A dated article near a dated story has time on its side: less text must agree.
        if view.day is not None and story.last_day is not None:
            return self.settings.story_threshold_dated
        return self.settings.story_threshold

    def _idf(self, feature: str) -> float:
        return math.log((1 + self._docs) / (1 + self._df.get(feature, 0))) + 1.0

    def _view(self, analysed: AnalysedArticle, day: float | None) -> ArticleView:
        # Count this article in the document frequencies first, as batch TF-IDF would.
        self._docs += 1
        for t in analysed.terms:
            self._df[t] = self._df.get(t, 0) + 1
        w = self.weights
        vec: dict[str, float] = {}
        for t, tf in analysed.terms.items():
            if t.startswith(YEAR_PREFIX):
                continue  # years only veto (see score.py): as words they split stories on passing mentions
            boost = w.entity_feature if t.startswith(ENTITY_PREFIX) else 1.0
            vec[t] = tf * self._idf(t) * boost
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vec = {t: v / norm for t, v in vec.items()}
        keys = dict.fromkeys(m.key for m in analysed.mentions if m.key)
        places = frozenset(m.key for m in analysed.mentions if m.key and m.label in PLACE_LABELS)
        people = frozenset(m.key for m in analysed.mentions if m.key and m.label in PERSON_LABELS)
        return ArticleView(
            vector=vec,
            entities={k: self._idf(ENTITY_PREFIX + k) for k in keys},
            places=places,
            people=people,
            years=frozenset(t for t in analysed.terms if t.startswith(YEAR_PREFIX)),
            day=day,
            place_words=name_words(places),
            person_words=name_words(people),
        )

    def _join(self, story: StoryState, aid: str, view: ArticleView, analysed: AnalysedArticle) -> None:
        story.article_ids.append(aid)
        self._story_of[aid] = story.id
        c = story.centroid
        sq = story.norm * story.norm
        for t, v in view.vector.items():
            old = c.get(t, 0.0)
            sq += 2 * old * v + v * v
            c[t] = old + v
        if len(c) > 2 * CENTROID_CAP:
            kept = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_CAP]
            story.centroid = c = dict(kept)
            sq = sum(v * v for v in c.values())
        story.norm = math.sqrt(max(sq, 0.0))
        story.members += 1
        for k in view.entities:
            story.entities[k] = story.entities.get(k, 0) + 1
        for k in view.places:
            story.places[k] = story.places.get(k, 0) + 1
        for k in view.people:
            story.people[k] = story.people.get(k, 0) + 1
        for k in view.years:
            story.years[k] = story.years.get(k, 0) + 1
        for words, kept in ((view.place_words, story.place_words), (view.person_words, story.person_words)):
            for k in words:
                if k in kept or len(kept) < NAME_WORDS_CAP:
                    kept[k] = kept.get(k, 0) + 1
        top = sorted(view.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:POST_FEATURES]
        self.index.add(story.id, [t for t, _ in top])
        self._touch(story, view.day)

    def _touch(self, story: StoryState, day: float | None) -> None:
        if day is None:
            return
        story.first_day = day if story.first_day is None else min(story.first_day, day)
        if story.last_day is None or day > story.last_day:
            story.last_day = day
            self._seq += 1
            heapq.heappush(self._expiry, (day, self._seq, story.id))

    def _advance(self, day: float | None) -> None:
        """Move the clock to ``day`` and close the stories that fell out of the window."""
        if day is None or (self._now is not None and day <= self._now):
            return
        self._now = day
        horizon = day - self.settings.story_window_days
        while self._expiry and self._expiry[0][0] < horizon:
            last, _, sid = heapq.heappop(self._expiry)
            story = self._stories[sid]
            if story.last_day == last and sid in self.index:  # else a stale entry: it grew since
                self._close(story)

    def _close(self, story: StoryState) -> None:
        self.index.remove(story.id)
        for aid in story.article_ids:
            self.duplicates.remove(aid)
        # The closed story keeps its members; its scoring state is dropped to bound memory.
        story.centroid, story.norm = {}, 0.0
        story.entities, story.places, story.people, story.years = {}, {}, {}, {}
        story.place_words, story.person_words = {}, {}


def _day(published: datetime | None) -> float | None:
    if published is None:
        return None
    if published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    return (published - _EPOCH).total_seconds() / 86400.0
