"""Key dates against journalists' timelines: T17 (Timeline17) Date-F1, news-tls style.

For each topic, its articles go into a fresh store through :class:`storyline.tracker.Tracker`
(the same ingest checks, analysis, story clustering and fusion a user runs); the key dates of
every story it builds are pooled, a day's score summed over the stories, and the ranking is
scored with news-tls's Date-F1 against each reference timeline of the topic.

Two choices keep the run inside the CI budget without changing or bypassing product code:
each article is clipped to its first ``CLIP_SENTENCES`` sentences before it is added (news-tls's
DATEWISE clips to 5; a news article's lead carries its main event and date, and the full texts,
about 80 sentences each, would take hours to embed on two cores), and the topics are built in
parallel, one process per core, each with a one-thread embedder (two processes of two threads
each on two cores thrash).

Splits (see data/README.md): tune on ``tune`` (BP oil, financial crisis, H1N1, Haiti, Iraq
war, Michael Jackson); report on ``report`` (Egypt, Libya, Syria).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from ..fuse.key_dates import DEFAULT_WEIGHTS, KeyDateWeights, key_dates
from ..model import Article, StoryReport
from .date_f1 import average_prf, date_prf, top_k_in_span
from .t17_data import load_topic, topic_folders

CLIP_SENTENCES = 5


def clip(article: Article, sentences: int = CLIP_SENTENCES) -> Article:
    """The article with only its first ``sentences`` lines (T17 has one sentence a line)."""
    return replace(article, text="\n".join(article.text.split("\n")[:sentences]))


def topic_ranking(reports: Iterable[StoryReport], weights: KeyDateWeights = DEFAULT_WEIGHTS) -> list[date]:
    """Days ranked by their key-date scores summed over every story; ties earlier first."""
    total: dict[date, float] = defaultdict(float)
    for r in reports:
        for k in key_dates(r, weights=weights):
            total[k.date] += k.score
    return [d for d, _ in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))]


def publish_date_ranking(articles: Iterable[Article]) -> list[date]:
    """The naive baseline: days ranked by how many articles were published on them."""
    counts = Counter(a.published_date for a in articles if a.published_date)
    return [d for d, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def score_ranking(ranked: Sequence[date], timelines: Sequence[Sequence[date]]) -> list[tuple[float, float, float]]:
    """Date precision, recall and F1 of the ranking against each reference timeline."""
    return [date_prf(top_k_in_span(ranked, ref), ref) for ref in timelines]


def build_reports(articles: Sequence[Article]) -> list[StoryReport]:
    """The stories a fresh store builds from these articles, as a user's `storyline add` would."""
    from ..tracker import Tracker

    with tempfile.TemporaryDirectory(prefix="storyline-t17-") as tmp:
        with Tracker(Path(tmp) / "t17.db") as tracker:
            tracker.add(list(articles))
            return tracker.stories()


def topic_days(articles: Sequence[Article], weights: KeyDateWeights = DEFAULT_WEIGHTS) -> tuple[int, list[date]]:
    """(how many stories a fresh store builds from the articles, their pooled key-date ranking)."""
    reports = build_reports(articles)
    return len(reports), topic_ranking(reports, weights)


def _one_thread() -> None:
    os.environ["OMP_NUM_THREADS"] = "1"


def _build_all(article_sets: list[list[Article]], weights: KeyDateWeights,
               workers: int | None) -> list[tuple[int, list[date]]]:
    workers = workers or min(len(article_sets), os.cpu_count() or 1)
    if workers <= 1:
        return [topic_days(a, weights) for a in article_sets]
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # Largest topics first, so the last one to start is a small one.
    order = sorted(range(len(article_sets)), key=lambda i: -len(article_sets[i]))
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_one_thread) as pool:
        futures = {i: pool.submit(topic_days, article_sets[i], weights) for i in order}
        return [futures[i].result() for i in range(len(article_sets))]


def evaluate(folder: Path, split: str = "report", clip_sentences: int = CLIP_SENTENCES,
             weights: KeyDateWeights = DEFAULT_WEIGHTS, workers: int | None = None) -> dict:
    started = time.perf_counter()
    topics = [load_topic(name, folders) for name, folders in topic_folders(Path(folder), split).items()]
    built = _build_all([[clip(a, clip_sentences) for a in t.articles] for t in topics], weights, workers)
    ours, naive, per_timeline = [], [], []
    stories = 0
    for topic, (n_stories, ranking) in zip(topics, built):
        stories += n_stories
        mine = score_ranking(ranking, topic.timelines)
        base = score_ranking(publish_date_ranking(topic.articles), topic.timelines)
        ours += mine
        naive += base
        per_timeline += [{"topic": topic.name, "dates": len(set(ref)), "right": round(m[1] * len(set(ref))),
                          "date_f1": m[2], "naive_date_f1": b[2]}
                         for ref, m, b in zip(topic.timelines, mine, base)]
    p, r, f = average_prf(ours)
    return {
        "date_f1": f, "date_p": p, "date_r": r, **pooled(per_timeline),
        "naive_date_f1": average_prf(naive)[2],
        "topics": len(topics), "timelines": len(ours), "articles": sum(len(t.articles) for t in topics),
        "stories": stories, "clip_sentences": clip_sentences, "per_timeline": per_timeline,
        "seconds": time.perf_counter() - started,
    }


def pooled(per_timeline: Sequence[dict]) -> dict:
    """The reference dates found over all timelines together, beside news-tls's average.

    The average weighs a 13-date timeline like a 38-date one, so one date of a small
    timeline moves it by about 0.01; the pooled share says how many dates moved."""
    right = sum(t["right"] for t in per_timeline)
    total = sum(t["dates"] for t in per_timeline)
    return {"dates_right": right, "dates": total, "date_f1_pooled": right / total if total else 0.0}


def main(argv: Sequence[str] | None = None) -> None:
    """python -m storyline.eval.timeline17 DATA/timeline17 [tune|report]"""
    args = list(sys.argv[1:] if argv is None else argv)
    result = evaluate(Path(args[0]), args[1] if len(args) > 1 else "tune")
    for row in result.pop("per_timeline"):
        print(f"{row['topic']:16} {row['dates']:4d} dates  {row['right']:4d} right  date F1 {row['date_f1']:.3f}"
              f"  naive {row['naive_date_f1']:.3f}")
    print({k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()})


if __name__ == "__main__":
    main()

