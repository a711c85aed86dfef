"""Facts in the order their events happened; undated facts kept apart, in first-seen order."""

from __future__ import annotations

from typing import Sequence

from ..model import Fact


def order_timeline(facts: Sequence[Fact], article_order: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(dated fact ids by event start, then end, then first seen; undated fact ids)."""
    rank = {a: i for i, a in enumerate(article_order)}
    seen = {f.id: (rank.get(f.first_seen, len(rank)), i) for i, f in enumerate(facts)}
    dated = [f for f in facts if f.event_date is not None]
    dated.sort(key=lambda f: (f.event_date.start, f.event_date.end, seen[f.id]))
    undated = [f for f in facts if f.event_date is None]
    undated.sort(key=lambda f: seen[f.id])
    return tuple(f.id for f in dated), tuple(f.id for f in undated)
