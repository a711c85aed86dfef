"""Candidate stories for an article, from an inverted index of rare features.

Each active story posts the distinctive features (rare lemmas, entity keys) of
its articles. A query walks only the postings of the article's own features,
so its cost depends on the posting cap, never on how many stories exist:

* each posting list keeps only its ``max_postings`` most recently touched stories;
* a feature posted by more than ``max_postings`` active stories is skipped: its
  list would propose stories by recency, not by content (see :meth:`common`);
* stories that leave the time window are removed with :meth:`remove`.

A query thus visits at most ``max_postings`` stories per feature, and the
features it walks are the same whatever the number of active stories.
"""

from __future__ import annotations

import heapq
from typing import Iterable, Sequence


class CandidateIndex:
    def __init__(self, max_postings: int = 64, max_features: int = 400):
        self.max_postings = max_postings
        self.max_features = max_features  # per story: bounds memory and removal cost
        # feature -> story ids, least recently touched first (dicts keep order, remove in O(1))
        self._postings: dict[str, dict[str, None]] = {}
        self._df: dict[str, int] = {}  # feature -> active stories that posted it (uncapped)
        self._features: dict[str, dict[str, None]] = {}  # story -> its posted features

    def __len__(self) -> int:
        return len(self._features)

    def __contains__(self, story_id: str) -> bool:
        return story_id in self._features

    def add(self, story_id: str, features: Iterable[str]) -> None:
        """Post (or touch again) features for a story, making it the most recent in each list."""
        own = self._features.setdefault(story_id, {})
        for f in features:
            if f not in own:
                if len(own) >= self.max_features:
                    continue
                own[f] = None
                self._df[f] = self._df.get(f, 0) + 1
            posting = self._postings.setdefault(f, {})
            posting.pop(story_id, None)
            posting[story_id] = None
            if len(posting) > self.max_postings:
                del posting[next(iter(posting))]  # the least recently touched story drops out

    def remove(self, story_id: str) -> None:
        for f in self._features.pop(story_id, ()):
            posting = self._postings.get(f)
            if posting is not None:
                posting.pop(story_id, None)
                if not posting:
                    del self._postings[f]
            n = self._df[f] - 1
            if n:
                self._df[f] = n
            else:
                del self._df[f]

    def common(self, feature: str) -> bool:
        """Too widespread to pick candidates by: its posting list overflowed its cap.

        The cutoff is a count, not a share of the active stories: with a share, ever more
        mid-frequency features were walked as the index grew (2% of 10,000 stories is 200,
        of 100,000 is 2,000), and the query cost grew with it (bench/bench_clustering.py).
        """
        return self._df.get(feature, 0) > self.max_postings

    def candidates(self, query: Sequence[tuple[str, float]], limit: int) -> list[str]:
        """The ``limit`` stories sharing the most query weight; ties go to the most recent."""
        scores: dict[str, float] = {}
        recency: dict[str, int] = {}
        for feature, weight in query:
            posting = self._postings.get(feature)
            if not posting or self.common(feature):
                continue
            for rank, story_id in enumerate(posting):
                scores[story_id] = scores.get(story_id, 0.0) + weight
                recency[story_id] = max(recency.get(story_id, 0), rank)
        # Only the best ``limit`` are wanted: a bounded heap, not a sort of every story touched.
        return heapq.nsmallest(limit, scores, key=lambda s: (-scores[s], -recency[s], s))
