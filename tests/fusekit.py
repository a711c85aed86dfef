"""Hand-built claims, articles and a stand-in embedder for the fusion tests."""

from __future__ import annotations

from datetime import date, datetime, timezone

import numpy as np

from storyline.fuse.cosines import affirmative
from storyline.model import AnalysedArticle, Article, Claim, EventDate, Quantity, Source, Span


def article(text: str, outlet: str | None, day: int, title: str = "") -> Article:
    return Article(text=text, title=title, outlet=outlet,
                   published=datetime(2024, 3, day, 8, tzinfo=timezone.utc))


def when(start: date, end: date | None = None, text: str = "then", relation: str = "on") -> EventDate:
    end = end or start
    granularity = "day" if start == end else "month"
    return EventDate(text, Span("text", 0, 1), start, end, granularity, relation)


def figure(value: float | None, counted: str | None = None, qualifier: str = "exact",
           unit: str | None = None, low: float | None = None, high: float | None = None,
           tally: str | None = None) -> Quantity:
    return Quantity(f"{value}", Span("text", 0, 1), value, low, high, qualifier, unit, counted, tally)


def outlet(name: str) -> Source:
    return Source(name, "outlet", cue="citing")


def person(name: str) -> Source:
    return Source(name, "official", cue="said")


def claim(text: str, art: Article | str = "a0", n: int = 0, **kw) -> Claim:
    article_id = art if isinstance(art, str) else art.id
    kw.setdefault("status", "asserted")
    return Claim(id=f"{article_id}:{n}", article_id=article_id, sentence_index=n,
                 span=Span("text", 0, len(text)), text=text, **kw)


def analysed(art: Article, *claims: Claim, relayed=()) -> AnalysedArticle:
    return AnalysedArticle(article=art, sentences=(), mentions=(), entities=(), claims=tuple(claims),
                           relayed=tuple(relayed))


class TopicEmbed:
    """Texts given the same topic get nearly the same unit vector; others are orthogonal.

    Stands in for the sentence model so a test says which wordings are
    paraphrases instead of depending on a model's scores.
    """

    def __init__(self, topics: dict[str, str], closeness: float = 0.97):
        self.topics = topics
        self.closeness = closeness
        names = sorted(set(topics.values()))
        self.axis = {name: i for i, name in enumerate(names)}
        self.dim = 2 * len(names) + len(topics) + 1

    def __call__(self, texts):
        out = np.zeros((len(texts), self.dim))
        own = {t: i for i, t in enumerate(sorted(self.topics))}
        # what a negated text negates (fuse.cosines.affirmative) is about its text's topic
        affirmed = {affirmative(t): t for t in self.topics}
        for row, text in enumerate(texts):
            text = text if text in self.topics else affirmed[text]
            topic = self.topics[text]
            out[row, self.axis[topic]] = self.closeness ** 0.5
            out[row, 2 * len(self.axis) + own[text]] = (1 - self.closeness) ** 0.5
        return out
