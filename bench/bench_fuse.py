"""Fusion cost for a large story, without the sentence model: claims/s for build_facts.

    python bench/bench_fuse.py [--claims 3000] [--topics 600]

Claims are synthetic: random unit vectors around ``--topics`` centres (so
groups form), a figure on every fifth claim, entities on every claim. Measures
grouping, fact assembly, conflicts, timeline and updates through fuse_story.
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime, timedelta, timezone

import numpy as np

from storyline.fuse.report import fuse_story
from storyline.model import AnalysedArticle, Article, Claim, Quantity, Span, Story


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--claims", type=int, default=3000)
    p.add_argument("--topics", type=int, default=600)
    p.add_argument("--per-article", type=int, default=25)
    args = p.parse_args()
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(args.topics, 384))
    vectors: dict[str, np.ndarray] = {}
    articles: list[AnalysedArticle] = []
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    n_articles = -(-args.claims // args.per_article)
    for k in range(n_articles):
        art = Article(text=f"article {k}", outlet=f"Outlet {k % 7}", published=start + timedelta(hours=k))
        claims = []
        for j in range(args.per_article):
            n = k * args.per_article + j
            topic = int(rng.integers(args.topics))
            text = f"claim {n} on topic {topic}"
            v = centres[topic] + rng.normal(scale=0.25, size=384)
            vectors[text] = v / np.linalg.norm(v)
            q = (Quantity("x", Span("text", 0, 1), float(rng.integers(1, 5) * 1000), None, None, "exact",
                          None, "troops"),) if n % 5 == 0 else ()
            claims.append(Claim(f"{art.id}:{j}", art.id, j, Span("text", 0, 1), text, "asserted",
                                quantities=q, entities=(f"e{topic % 50}",)))
        articles.append(AnalysedArticle(art, (), (), (), tuple(claims)))
    story = Story("bench", tuple(a.id for a in articles))

    def embed(texts):
        return np.stack([vectors[t] for t in texts])

    t = time.perf_counter()
    report = fuse_story(story, articles, embed)
    elapsed = time.perf_counter() - t
    print(f"{args.claims} claims, {len(articles)} articles -> {len(report.facts)} facts, "
          f"{len(report.conflicts)} conflicts in {elapsed:.2f} s ({args.claims / elapsed:.0f} claims/s)")


if __name__ == "__main__":
    main()
