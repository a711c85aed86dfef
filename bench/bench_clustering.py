"""Cost of one story assignment as the number of active stories grows.

    python bench/bench_clustering.py [--sizes 10000 100000] [--probe 2000]

Fills a clusterer with N synthetic stories (all inside the time window, so all
stay in the candidate index), then times ``assign`` for a probe stream: half
follow-ups to random existing stories, half new stories. Prints the mean time
per article at each size and the ratio largest/smallest (target: < 2), and, as a
check that speed was not bought with recall, the share of probe follow-ups that
joined their story's first article and of probe new stories that started one.

Synthetic articles: each story has rare signature words and entities; every
article also carries common words drawn from a Zipf distribution, so postings
of common words overflow and must be skipped or capped.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import datetime, timedelta, timezone

from storyline.model import AnalysedArticle, Article, EntityMention, Span
from storyline.settings import DEFAULT
from storyline.stories.cluster import StoryClusterer

T0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
COMMON = [f"common{i}" for i in range(20_000)]
ZIPF = [1.0 / (i + 1) for i in range(len(COMMON))]


def article(rng: random.Random, story: int, n: int, when: datetime) -> AnalysedArticle:
    srng = random.Random(story)  # the story's own signature, the same for all its articles
    signature = [f"sig{story}_{j}" for j in range(10)]
    people = [f"person{srng.randrange(500_000)}" for _ in range(2)]
    place = f"place{srng.randrange(50_000)}"
    words = rng.sample(signature, 6) + rng.choices(COMMON, weights=ZIPF, k=40)
    terms: dict[str, float] = {}
    for w in words:
        terms[w] = terms.get(w, 0.0) + 1.0
    mentions = [EntityMention(p, "PERSON", p, Span("text", 0, 1)) for p in people]
    mentions.append(EntityMention(place, "GPE", place, Span("text", 0, 1)))
    for m in mentions:
        terms["e:" + m.key] = 1.5
    text = " ".join(words) + f" article {story}-{n}"
    return AnalysedArticle(Article(text=text, title=f"story {story}", published=when), (),
                           tuple(mentions), (), (), terms=terms)


def run(size: int, probe: int, seed: int = 7) -> tuple[float, float, int, float, float]:
    rng = random.Random(seed)
    clusterer = StoryClusterer(DEFAULT)
    span = timedelta(days=DEFAULT.story_window_days - 2)  # everything stays active
    firsts = [article(rng, s, 0, T0 + span * (s / size)) for s in range(size)]
    started = time.perf_counter()
    for a in firsts:
        clusterer.assign(a)
    fill = time.perf_counter() - started
    now = T0 + span
    targets: list[int | None] = []  # the story a follow-up belongs to; None for a new story
    stream = []
    for i in range(probe):  # one draw of the target, then the article, as the data always was
        targets.append(rng.randrange(size) if i % 2 == 0 else None)
        stream.append(article(rng, size + i if targets[-1] is None else targets[-1], i + 1,
                              now + timedelta(seconds=i)))
    started = time.perf_counter()
    placed = [clusterer.assign(a) for a in stream]
    per = (time.perf_counter() - started) / probe
    joined, started_new = placement(clusterer, firsts, targets, placed)
    return per, fill / size, len(clusterer.index), joined, started_new


def placement(clusterer: StoryClusterer, firsts: list[AnalysedArticle], targets: list[int | None],
              placed: list[str]) -> tuple[float, float]:
    """Share of follow-ups placed with their story's first article, and of new stories started anew."""
    known = {clusterer.story_of(a.id) for a in firsts}
    follow = [clusterer.story_of(firsts[t].id) == sid for t, sid in zip(targets, placed) if t is not None]
    new = [sid not in known for t, sid in zip(targets, placed) if t is None]
    return sum(follow) / max(len(follow), 1), sum(new) / max(len(new), 1)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    p.add_argument("--probe", type=int, default=2000)
    args = p.parse_args()
    times = []
    for size in args.sizes:
        per, fill_per, active, joined, started_new = run(size, args.probe)
        times.append(per)
        print(f"{size:>8} stories ({active} active): assign {per * 1e3:.3f} ms/article "
              f"(fill {fill_per * 1e3:.3f} ms/article); follow-ups joined {joined:.1%}, "
              f"new stories started {started_new:.1%}", flush=True)
    print(f"ratio {args.sizes[-1]}/{args.sizes[0]}: {times[-1] / times[0]:.2f}x (target < 2x)")


if __name__ == "__main__":
    main()
