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
of common words overflow and must be skipped or capped. Names are random letter
strings: numbered names ("person123456", "person123457") are near spellings of
each other, which story scoring forgives as a misspelling, so at 100,000
stories most first articles merged into another story (7% started their own),
an artefact of the data and not a cost of the index.

Both sizes are built first, then their probe articles are assigned in turn, one
of each size after the other, so that a change in machine load during the run
weighs on both sizes alike and the ratio holds on a noisy machine.
"""

from __future__ import annotations

import argparse
import hashlib
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
    people = [name("person", srng.randrange(500_000)) for _ in range(2)]
    place = name("place", srng.randrange(50_000))
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


def name(kind: str, i: int) -> str:
    """A name of 10 random letters for entity ``i`` of a kind: two names hardly ever look alike."""
    digest = hashlib.blake2b(f"{kind}{i}".encode(), digest_size=10).digest()
    return "".join(chr(ord("a") + b % 26) for b in digest)


class Setup:
    """A clusterer filled with ``size`` stories, and its probe stream of articles."""

    def __init__(self, size: int, probe: int, seed: int = 7):
        rng = random.Random(seed)
        self.size = size
        self.clusterer = StoryClusterer(DEFAULT)
        span = timedelta(days=DEFAULT.story_window_days - 2)  # everything stays active
        self.firsts = [article(rng, s, 0, T0 + span * (s / size)) for s in range(size)]
        started = time.perf_counter()
        for a in self.firsts:
            self.clusterer.assign(a)
        self.fill_per = (time.perf_counter() - started) / size
        now = T0 + span
        self.targets: list[int | None] = []  # the story a follow-up belongs to; None for a new story
        self.stream = []
        for i in range(probe):  # one draw of the target, then the article, as the data always was
            self.targets.append(rng.randrange(size) if i % 2 == 0 else None)
            self.stream.append(article(rng, size + i if self.targets[-1] is None else self.targets[-1], i + 1,
                                       now + timedelta(seconds=i)))
        self.placed: list[str] = []
        self.seconds = 0.0

    def assign_next(self) -> None:
        a = self.stream[len(self.placed)]
        started = time.perf_counter()
        self.placed.append(self.clusterer.assign(a))
        self.seconds += time.perf_counter() - started


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
    setups = [Setup(size, args.probe) for size in args.sizes]
    for _ in range(args.probe):  # in turn, so load drift weighs on every size alike
        for setup in setups:
            setup.assign_next()
    times = []
    for setup in setups:
        per = setup.seconds / args.probe
        times.append(per)
        joined, started_new = placement(setup.clusterer, setup.firsts, setup.targets, setup.placed)
        print(f"{setup.size:>8} stories ({len(setup.clusterer.index)} active): assign {per * 1e3:.3f} ms/article "
              f"(fill {setup.fill_per * 1e3:.3f} ms/article); follow-ups joined {joined:.1%}, "
              f"new stories started {started_new:.1%}", flush=True)
    print(f"ratio {args.sizes[-1]}/{args.sizes[0]}: {times[-1] / times[0]:.2f}x (target < 2x)")


if __name__ == "__main__":
    main()
