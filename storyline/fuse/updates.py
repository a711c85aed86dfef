"""What each article added to the story: facts first seen in it, facts it confirmed."""

from __future__ import annotations

from typing import Sequence

from ..model import Fact, Update


def article_updates(facts: Sequence[Fact], article_order: Sequence[str]) -> tuple[Update, ...]:
    """One Update per article, in publish order; facts listed in the order of ``facts``."""
    sources = [{c.article_id for c in fact.claims} for fact in facts]
    updates = []
    for article_id in article_order:
        new, confirmed = [], []
        for fact, ids in zip(facts, sources):
            if fact.first_seen == article_id:
                new.append(fact.id)
            elif article_id in ids:
                confirmed.append(fact.id)
        updates.append(Update(article_id, tuple(new), tuple(confirmed)))
    return tuple(updates)
