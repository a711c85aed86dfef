"""The Python API: ingest -> analyze -> stories -> fuse -> store.

    >>> t = Tracker(db="news.db")
    >>> result = t.add(["reports/", "https://example.org/feed.xml"])
    >>> for report in t.stories():
    ...     print(report.title, len(report.facts))

The tracker owns the store and the online story state. Story assignment is
online, in publish order; the clusterer is rebuilt at start-up by replaying the
stored articles in the order they were assigned, which gives the same stories.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .analyze.pipeline import ANALYZER_VERSION, analyze_many
from .fuse.report import fuse_story
from .ingest import read_inputs
from .model import AnalysedArticle, Article, Rejection, StoryReport
from .settings import DEFAULT, Settings
from .store import Store
from .stories.cluster import StoryClusterer

Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class AddResult:
    added: list[str] = field(default_factory=list)  # article ids newly stored
    unchanged: list[str] = field(default_factory=list)  # already stored: nothing changed
    rejected: list[Rejection] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # stories that changed

    @property
    def ok(self) -> bool:
        return not self.rejected


class Tracker:
    def __init__(self, db: str | Path = "storyline.db", settings: Settings = DEFAULT):
        self.settings = settings
        self.store = Store(db)
        self._clusterer: StoryClusterer | None = None
        self._replayed = 0  # the last analysis (store seq) the clusterer has seen
        self._embedder = None

    # ------------------------------------------------------------------ writing

    def add(
        self,
        inputs: str | Article | Iterable[str | Article],
        *,
        published: datetime | None = None,
        outlet: str | None = None,
        transport=None,
        stdin=None,
        progress: Progress | None = None,
    ) -> AddResult:
        """Read inputs (paths, URLs, feeds, folders, "-", or Article objects) into stories."""
        result = AddResult()
        items = [inputs] if isinstance(inputs, (str, Article)) else list(inputs)
        names = [i for i in items if isinstance(i, str)]
        articles = [i for i in items if isinstance(i, Article)]
        for item in read_inputs(
            names, published=published, outlet=outlet, settings=self.settings,
            transport=transport, stdin=stdin,
        ):
            if isinstance(item, Rejection):
                result.rejected.append(item)
            else:
                articles.append(item)
        fresh: list[Article] = []
        seen: set[str] = set()
        for a in articles:
            if a.id in seen or self.store.has_article(a.id):
                result.unchanged.append(a.id)
            else:
                seen.add(a.id)
                fresh.append(a)
        fresh.sort(key=_publish_order)
        analysed = self._analyse(fresh, progress)
        self._store(analysed, with_articles=True)
        result.added.extend(a.id for a in analysed)
        result.stories = self._assign_and_fuse(analysed)
        return result

    def rebuild(self, progress: Progress | None = None) -> int:
        """Derive everything again from the stored articles (after a model change). Returns stories."""
        articles = sorted(self.store.articles(), key=_publish_order)
        with self.store.write():
            self.store.clear_derived()
        self._clusterer, self._replayed = StoryClusterer(self.settings), 0
        analysed = self._analyse(articles, progress)
        self._store(analysed, with_articles=False)
        return len(self._assign_and_fuse(analysed))

    # ------------------------------------------------------------------ reading

    def stories(self) -> list[StoryReport]:
        """Every story, latest activity first."""
        reports = list(self.store.reports())
        return sorted(reports, key=_latest, reverse=True)

    def story(self, story_id: str) -> StoryReport:
        return self.store.get_report(story_id)

    def close(self) -> None:
        if self._embedder is not None:
            self._embedder.close()
        self.store.close()

    def __enter__(self) -> "Tracker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ inside

    def _analyse(self, articles: Sequence[Article], progress: Progress | None) -> list[AnalysedArticle]:
        """Analyse ``articles``; each one's claims start embedding while the next is parsed.

        Fusion embeds every claim of every new article (``group_claims``), so embedding
        them early changes when the vectors are made, not which: on two cores the
        model's work hides behind spaCy's instead of following it.
        """
        outlets = {a.outlet for a in articles if a.outlet}
        out: list[AnalysedArticle] = []
        for a in analyze_many(articles, known_outlets=outlets):
            out.append(a)
            if a.claims:
                self._embedding().prefetch(c.text for c in a.claims)
            if progress:
                progress(len(out), len(articles))
        return out

    def _store(self, analysed: Sequence[AnalysedArticle], with_articles: bool) -> None:
        """Store analyses (in assignment order) with the story state caught up to just before them.

        The catch-up runs first outside the write lock (a long replay must not hold it),
        then again under it for whatever another process stored meanwhile. The new
        analyses then count as replayed: they are assigned from the objects in hand,
        never read back from the store.
        """
        self._clusterer_state()
        with self.store.write():
            self._clusterer_state()
            for a in analysed:
                if with_articles:
                    self.store.add_article(a.article)
                self.store.put_analysis(a)
            last = self.store.last_analysis_seq()
        self._replayed = last

    def _clusterer_state(self) -> StoryClusterer:
        """The online story state, caught up with every analysis in the store.

        Built by replay on first use; after that, analyses another process stored
        meanwhile (a second tracker, ``storyline add`` beside ``storyline serve``)
        are replayed before anything new is assigned, so no story is written back
        without members it gained elsewhere.
        """
        if self._clusterer is None:
            self._clusterer, self._replayed = StoryClusterer(self.settings), 0
        for seq, stored in self.store.clustering_inputs(after=self._replayed):
            self._clusterer.assign(stored)
            self._replayed = seq
        return self._clusterer

    def _assign_and_fuse(self, analysed: Sequence[AnalysedArticle]) -> list[str]:
        clusterer = self._clusterer_state()
        touched: dict[str, None] = {}
        for a in analysed:
            touched[clusterer.assign(a)] = None
        stories = {s.id: s for s in clusterer.stories()}
        fresh = {a.id: a for a in analysed}
        embed = self._embed()
        reports = []
        for story_id in touched:
            story = stories[story_id]
            # The new articles are in hand; only earlier members come from the store.
            members = [fresh.get(i) or self.store.get_analysis(i) for i in story.article_ids]
            reports.append(fuse_story(
                story, [m for m in members if m is not None], embed, self.settings.fact_threshold
            ))
        with self.store.write():
            for report in reports:
                self.store.put_story(report.story, report.title)
                self.store.put_report(report)
        return list(touched)

    def _embed(self):
        return self._embedding().embed

    def _embedding(self):
        if self._embedder is None:
            from .analyze.embeddings import Embedder

            self._embedder = Embedder(backing=self.store)
        return self._embedder


def _publish_order(a: Article):
    # Undated articles go last: they cannot be placed in time.
    return (a.published is None, a.published.timestamp() if a.published else 0.0, a.id)


def _latest(r: StoryReport):
    dates = [a.published.timestamp() for a in r.articles if a.published]
    return max(dates) if dates else 0.0
