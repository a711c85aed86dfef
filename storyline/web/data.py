"""The one way the web app reads and writes: pages and the JSON API both call this.

It returns the core's own types (StoryReport, Fact, Article, AnalysedArticle) in
small context records; turning them into JSON or HTML is the callers' business.
Errors are the library's (NotFound, InputError, StoreError); the web edge maps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Sequence

from ..errors import NotFound
from ..model import AnalysedArticle, Article, Entity, Fact, StoryReport
from ..settings import DEFAULT, Settings
from ..tracker import Tracker
from .adding import ItemResult, WebInput, add_inputs
from .index import StoryIndex
from .jobs import Jobs
from .summary import StorySummary, query_words

MAX_PAGE = 500  # most stories one request may ask for
ENTITY_FACT_STORIES = 20  # an entity page lists the facts of its latest this-many stories


@dataclass(frozen=True)
class StoriesPage:
    stories: list[StorySummary]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class FactContext:
    report: StoryReport
    fact: Fact
    analyses: dict[str, AnalysedArticle]  # article id -> analysis, for every claim's article


@dataclass(frozen=True)
class ArticleContext:
    article: Article
    analysis: AnalysedArticle | None
    report: StoryReport | None  # the story it belongs to, if it has been assigned one


@dataclass(frozen=True)
class EntityContext:
    entity: Entity
    stories: list[StorySummary]
    facts: list[tuple[StorySummary, Fact]]  # from the latest ENTITY_FACT_STORIES stories
    more_stories: int  # stories whose facts are not listed


class Data:
    def __init__(self, db: str | Path, *, settings: Settings = DEFAULT, transport=None):
        self.tracker = Tracker(db, settings)
        self.store = self.tracker.store
        self.index = StoryIndex(self.store)
        self.transport = transport  # for URL inputs; tests pass an httpx.MockTransport
        # Adds run in the jobs' one worker, so one at a time: story assignment is sequential.
        self.jobs = Jobs(self.add)

    def close(self) -> None:
        self.jobs.close()
        self.tracker.close()

    # ------------------------------------------------------------------ stories

    def stories(
        self,
        q: str | None = None,
        entity: str | None = None,
        since: date | None = None,
        until: date | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> StoriesPage:
        words = query_words(q)
        said = self.store.search_stories(q) if words else set()  # what the claims say, too
        keys = set(self.index.entity_keys(entity)) if entity and entity.strip() else None
        found = [
            s for s in self.index.summaries()
            if (not words or s.matches(words) or s.id in said)
            and (keys is None or any(k in keys for k, _ in s.entities))
            and s.active_between(since, until)
        ]
        limit = max(1, min(limit, MAX_PAGE))
        offset = max(0, offset)
        return StoriesPage(found[offset : offset + limit], len(found), offset, limit)

    def story(self, story_id: str) -> StoryReport:
        return self.index.report(story_id)

    def summary(self, story_id: str) -> StorySummary:
        return self.index.summary(story_id)

    # ------------------------------------------------------------------ facts and articles

    def fact(self, fact_id: str) -> FactContext:
        report = self.index.report(self.index.story_of_fact(fact_id))
        fact = next((f for f in report.facts if f.id == fact_id), None)
        if fact is None:  # the story changed between the two reads
            raise NotFound("fact", fact_id)
        analyses = {}
        for aid in dict.fromkeys(c.article_id for c in fact.claims):
            a = self.store.get_analysis(aid)
            if a is not None:
                analyses[aid] = a
        return FactContext(report, fact, analyses)

    def article(self, article_id: str) -> ArticleContext:
        article = self.store.get_article(article_id)
        story_id = self.index.story_of_article(article_id)
        report = self.index.report(story_id) if story_id else None
        return ArticleContext(article, self.store.get_analysis(article_id), report)

    # ------------------------------------------------------------------ entities

    def entity(self, name: str) -> EntityContext:
        keys = self.index.entity_keys(name)
        if not keys:
            raise NotFound("entity", name)
        key = keys[0]
        stories = self.index.stories_with_entity(key)
        facts = []
        for s in stories[:ENTITY_FACT_STORIES]:
            report = self.index.report(s.id)
            facts += [(s, f) for f in report.facts if key in f.entities]
        more = max(0, len(stories) - ENTITY_FACT_STORIES)
        return EntityContext(self.index.entity(key), stories, facts, more)

    # ------------------------------------------------------------------ writing

    def add(self, inputs: Sequence[WebInput]) -> list[ItemResult]:
        results = add_inputs(self.tracker, inputs, transport=self.transport)
        for r in results:
            if r.article_id and r.status != "rejected":
                story_id = self.index.story_of_article(r.article_id)
                if story_id:
                    r.story_id, r.story_title = story_id, self.index.summary(story_id).title
        return results
