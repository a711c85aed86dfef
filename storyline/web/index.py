"""An in-memory index of the stored stories, kept in step with the database.

Every read first compares the store's report stamps (one query) with what the
index holds and reads again only the reports that changed, so a write from this
server or from ``storyline add`` in another process shows at the next request.
The index holds one :class:`StorySummary` per story and the maps from article,
fact and entity to story; whole reports are kept only for the few stories read
last (``reports_cached``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from ..errors import NotFound
from ..model import Entity, StoryReport
from ..store import Store
from .summary import StorySummary, latest_first, summarise

FULL_RELOAD = 500  # more changed stories than this: stream every report instead of one by one


class StoryIndex:
    def __init__(self, store: Store, reports_cached: int = 16):
        self.store = store
        self._lock = threading.RLock()
        self._stamps: dict[str, str] = {}
        self._summaries: dict[str, StorySummary] = {}
        self._entities: dict[str, dict[str, Entity]] = {}  # story id -> key -> entity
        self._ordered: list[StorySummary] | None = None
        self._by_article: dict[str, str] = {}
        self._by_fact: dict[str, str] = {}
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

    def story_of_article(self, article_id: str) -> str | None:
        with self._lock:
            self.refresh()
            return self._by_article.get(article_id)

    def story_of_fact(self, fact_id: str) -> str:
        with self._lock:
            self.refresh()
            if fact_id not in self._by_fact:
                raise NotFound("fact", fact_id)
            return self._by_fact[fact_id]

    def stories_with_entity(self, key: str) -> list[StorySummary]:
        with self._lock:
            ids = set(self._by_entity.get(key, ()))
            return [s for s in self.summaries() if s.id in ids]

    def entity_keys(self, name: str) -> list[str]:
        """Entity keys whose key, name or an alias is ``name`` (case-insensitive)."""
        wanted = " ".join(name.casefold().split())
        with self._lock:
            self.refresh()
            if wanted in self._by_entity:
                return [wanted]
            found: dict[str, None] = {}
            for entities in self._entities.values():
                for e in entities.values():
                    if wanted in (" ".join(n.casefold().split()) for n in (e.name, *e.aliases)):
                        found[e.key] = None
            return list(found)

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
            if len(changed) > FULL_RELOAD:
                wanted = set(changed)
                reports = (r for r in self.store.reports() if r.story.id in wanted)
            else:
                reports = (self.store.get_report(sid) for sid in changed)
            for report in reports:
                sid = report.story.id
                self._forget(sid)
                self._learn(report)
                self._remember(sid, stamps[sid], report)
            self._stamps = stamps
            self._ordered = None

    def _learn(self, report: StoryReport) -> None:
        s = summarise(report)
        self._summaries[s.id] = s
        for aid in s.article_ids:
            self._by_article[aid] = s.id
        for fid in s.fact_ids:
            self._by_fact.setdefault(fid, s.id)
        entities = {e.key: e for e in report.entities}
        for f in report.facts:
            for key in f.entities:
                entities.setdefault(key, Entity(key=key, name=key, type=""))
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
        for fid in s.fact_ids:
            if self._by_fact.get(fid) == story_id:
                del self._by_fact[fid]
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
