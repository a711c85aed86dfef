"""The public JSON of a story (documented by ``story.schema.json``).

This shape is public API: change it only with a changelog entry and a schema
update. It is built from a StoryReport by plain functions, never from storage.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Iterable, Mapping, Sequence

from ..fuse.key_dates import key_dates
from ..fuse.origins import inherited_sources
from ..model import Claim, EventDate, Fact, KeyDate, Quantity, Source, Span, StoryReport

SCHEMA_VERSION = "1.2"


def load_schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("story.schema.json").read_text("utf-8"))


def export_document(reports: Iterable[StoryReport]) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "stories": [story_json(r) for r in reports]}


def story_json(report: StoryReport) -> dict[str, Any]:
    names = {e.key: (e.name, e.type) for e in report.entities}
    return {
        "id": report.story.id,
        "title": report.title,
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published.isoformat() if a.published else None,
                "url": a.url,
                "duplicate_of": report.story.duplicates.get(a.id),
            }
            for a in report.articles
        ],
        "facts": [fact_json(f, names, report.relayed) for f in report.facts],
        "timeline": list(report.timeline),
        "undated": list(report.undated),
        "key_dates": [key_date_json(k) for k in key_dates(report)],
        "conflicts": [
            {
                "about": c.about,
                "fact_ids": list(c.fact_ids),
                "values": [quantity_json(q) for q in c.values],
            }
            for c in report.conflicts
        ],
        "updates": [
            {
                "article_id": u.article_id,
                "new_facts": list(u.new_facts),
                "confirmed_facts": list(u.confirmed_facts),
            }
            for u in report.updates
        ],
        "entities": [
            {"key": e.key, "name": e.name, "type": e.type, "aliases": list(e.aliases)}
            for e in report.entities
        ],
    }


def key_date_json(k: KeyDate) -> dict[str, Any]:
    return {"date": k.date.isoformat(), "fact_ids": list(k.fact_ids), "score": k.score}


def fact_json(
    fact: Fact,
    entity_names: dict[str, tuple[str, str]] | None = None,
    relayed: Mapping[str, Sequence[Source]] = {},
) -> dict[str, Any]:
    """``relayed``: article id -> its relay chain (``StoryReport.relayed``)."""
    return {
        "id": fact.id,
        "text": fact.text,
        "status": fact.status,
        "event_date": date_json(fact.event_date),
        "quantities": [quantity_json(q) for q in fact.quantities],
        "entities": [_entity_ref(k, entity_names or {}) for k in fact.entities],
        "claims": [claim_json(c, relayed.get(c.article_id, ())) for c in fact.claims],
        "origins": list(fact.origins),
        "support": {
            "articles": fact.support.articles,
            "outlets": fact.support.outlets,
            "independent_origins": fact.support.independent_origins,
        },
        "first_seen": fact.first_seen,
    }


def _entity_ref(key: str, names: dict[str, tuple[str, str]]) -> dict[str, Any]:
    name, type_ = names.get(key, (key, None))
    return {"key": key, "name": name, "type": type_}


def _where(span: Span | None) -> dict[str, Any]:
    """Where a thing stands in its article: part and character offsets (all null if inherited)."""
    if span is None:
        return {"part": None, "char_start": None, "char_end": None}
    return {"part": span.part, "char_start": span.start, "char_end": span.end}


def date_json(d: EventDate | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "start": d.start.isoformat(),
        "end": d.end.isoformat(),
        "granularity": d.granularity,
        "relation": d.relation,
        "text": d.text,
        **_where(d.span),
    }


def quantity_json(q: Quantity) -> dict[str, Any]:
    return {
        "text": q.text,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "counted": q.counted,
        "tally": q.tally,
        **_where(q.span),
    }


def source_json(s: Source) -> dict[str, Any]:
    return {
        "name": s.name,
        "kind": s.kind,
        "cue": s.cue,
        "entity": s.entity,
        **_where(s.span),
    }


def claim_json(c: Claim, relayed: Sequence[Source] = ()) -> dict[str, Any]:
    """``attribution`` is the chain the claim's own sentence gives; ``inherited_attribution``
    the links it takes from its article's relay chain ``relayed`` when it has no source of
    its own, or only unnamed ones (:func:`storyline.fuse.origins.inherited_sources`)."""
    return {
        "id": c.id,
        "article_id": c.article_id,
        "sentence": c.text,
        "part": c.span.part,
        "start": c.span.start,
        "end": c.span.end,
        "status": c.status,
        "negated": c.negated,
        "attribution": [source_json(s) for s in c.attribution],
        "inherited_attribution": [source_json(s) for s in inherited_sources(c, relayed)],
        "event_date": date_json(c.event_date),
        "quantities": [quantity_json(q) for q in c.quantities],
    }
