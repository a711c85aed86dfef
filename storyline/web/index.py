"""An in-memory index of the stored stories, kept in step with the database.

Every read first compares the store's report stamps (one query) with what the
index holds and reads again only the reports that changed, so a write from this
server or from ``storyline add`` in another process shows at the next request.
The index holds one :class:`StorySummary` per story, built from the store's
light overviews (no report is decoded for the list), and the maps from article
and entity to story; whole reports are kept only for the few stories read last
(``reports_cached``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from ..errors import NotFound
from ..model import Entity, StoryReport
from ..store import Store
from .summary import StorySummary, latest_first, summary_of_overview


class StoryIndex:
    def __init__(self, store: Store, reports_cached: int = 16):
        self.store = store
        self._lock = threading.RLock()
        self._stamps: dict[str, str] = {}
        self._summaries: dict[str, StorySummary] = {}
        self._entities: dict[str, dict[str, Entity]] = {}  # story id -> key -> entity
        self._ordered: list[StorySummary] | None = None
        self._names: dict[str, dict[str, None]] | None = None  # name or alias -> entity keys
        self._by_article: dict[str, str] = {}
        self._by_entity: dict[str, set[str]] = {}
        self._reports: OrderedDict[str, tuple[str, StoryReport]] = OrderedDict()
        self._reports_cached = reports_cached

    # ------------------------------------------------------------------ reading

    def summaries(self) -> list[StorySummary]:
        """Every story, latest activity first."""
        with self._lock:
            self.refresh()
            if self._ordered is None:
                self._ordered = latest_first(self._summaries.values())
            return self._ordered

    def summary(self, story_id: str) -> StorySummary:
        with self._lock:
            self.refresh()
            if story_id not in self._summaries:
                raise NotFound("story", story_id)
            return self._summaries[story_id]

    def report(self, story_id: str) -> StoryReport:
        with self._lock:
            self.refresh()
            stamp = self._stamps.get(story_id)
            if stamp is None:
                raise NotFound("story", story_id)
            cached = self._reports.get(story_id)
            if cached and cached[0] == stamp:
                self._reports.move_to_end(story_id)
                return cached[1]
        report = self.store.get_report(story_id)  # outside the lock: other readers go on
        with self._lock:
            self._remember(story_id, stamp, report)
        return report

    def warm(self, stories: int) -> int:
        """Read the reports of the ``stories`` latest stories into the cache; how many were read.

        Run at start-up, so the stories a visitor opens first are not the ones that pay
        for decoding a big report (0.4-0.5 s at 500 articles).
        """
        done = 0
        for s in self.summaries()[: min(stories, self._reports_cached)]:
            try:
                self.report(s.id)
            except NotFound:  # removed meanwhile
                continue
            done += 1
        return done

    def story_of_article(self, article_id: str) -> str | None:
        with self._lock:
            self.refresh()
            return self._by_article.get(article_id)

    def story_of_fact(self, fact_id: str) -> str:
        story_id = self.store.story_of_fact(fact_id)
        if story_id is None:
            raise NotFound("fact", fact_id)
        return story_id

    def stories_with_entity(self, key: str) -> list[StorySummary]:
        with self._lock:
            ids = set(self._by_entity.get(key, ()))
            return [s for s in self.summaries() if s.id in ids]

    def entity_keys(self, name: str) -> list[str]:
        """Entity keys whose key, name or an alias is ``name`` (case-insensitive)."""
        wanted = _norm(name)
        with self._lock:
            self.refresh()
            if wanted in self._by_entity:
                return [wanted]
            if self._names is None:  # rebuilt after a change, on the first lookup by name
                self._names = {}
                for entities in self._entities.values():
                    for e in entities.values():
                        for n in (e.name, *e.aliases):
                            self._names.setdefault(_norm(n), {})[e.key] = None
            return list(self._names.get(wanted, {}))

    def entity(self, key: str) -> Entity:
        """The entity ``key`` with the aliases every story gives it, merged."""
        with self._lock:
            self.refresh()
            seen = [self._entities[sid][key] for sid in self._by_entity.get(key, ()) if key in self._entities[sid]]
        if not seen:
            raise NotFound("entity", key)
        first = seen[0]
        aliases = dict.fromkeys(a for e in seen for a in e.aliases if a != first.name)
        return Entity(key=first.key, name=first.name, type=first.type, aliases=tuple(aliases))

    # ------------------------------------------------------------------ keeping in step

    def refresh(self) -> None:
        with self._lock:
            stamps = self.store.report_stamps()
            if stamps == self._stamps:
                return
            gone = [sid for sid in self._stamps if sid not in stamps]
            changed = [sid for sid, stamp in stamps.items() if self._stamps.get(sid) != stamp]
            for sid in gone:
                self._forget(sid)
            overviews = self.store.report_overviews(None if not self._stamps else changed)
            for o in overviews:
                self._forget(o["id"])
                self._learn(o)
                stamps[o["id"]] = o["stamp"]  # the overview may be newer than the stamps read above
            self._stamps = stamps
            self._ordered = None
            self._names = None

    def _learn(self, overview: dict) -> None:
        s = summary_of_overview(overview)
        self._summaries[s.id] = s
        for aid in s.article_ids:
            self._by_article[aid] = s.id
        entities = {e.key: e for e in overview["entities"]}
        self._entities[s.id] = entities
        for key in entities:
            self._by_entity.setdefault(key, set()).add(s.id)

    def _forget(self, story_id: str) -> None:
        s = self._summaries.pop(story_id, None)
        self._reports.pop(story_id, None)
        if s is None:
            return
        for aid in s.article_ids:
            if self._by_article.get(aid) == story_id:
                del self._by_article[aid]
        for key in self._entities.pop(story_id, {}):
            ids = self._by_entity.get(key)
            if ids is not None:
                ids.discard(story_id)
                if not ids:
                    del self._by_entity[key]

    def _remember(self, story_id: str, stamp: str, report: StoryReport) -> None:
        self._reports[story_id] = (stamp, report)
        self._reports.move_to_end(story_id)
        while len(self._reports) > self._reports_cached:
            self._reports.popitem(last=False)


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())
