"""Web app response times on big synthetic stores: a story of 500 articles, and 10,000 stories.

    python bench/bench_web.py [--articles 500] [--facts-per-article 4] [--stories 10000] [--repeat 20]

How the stores are made: StoryReports are synthesised directly from the model types (no
NLP): articles with ~1,500 characters of text, facts with 1-4 claims from different
articles, event dates over two months, figures on every third fact, conflicts, and one
update per article; they are written through the public Store API (``add_article`` then
``put_report``), exactly as the tracker writes them. The requests go through the real
app (``create_app``) in-process with Starlette's TestClient, so the times include
routing, the data layer, JSON encoding or template rendering, but not the network.

"start" is the app's start-up, which builds the story index (one overview query) and
decodes the latest stories' reports; "cold" is the first request after it (a story's
report not decoded at start-up is then read from SQLite and decoded); "warm" is the
median of ``--repeat`` later requests.

Measured 2026-11-23 on the project's 2-core machine (ms):
  500-article story (2,000 facts, 1.5 MB of HTML): page cold 934, warm 128; JSON warm 123;
  a fact 31; an article 3.
  10,000 stories: start-up 2,029 (index built); /api/stories cold 40, warm 18; a deep page
  18; words 25; entity 57; the HTML list 16.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from storyline.model import (
    Article, Claim, Conflict, Entity, EventDate, Fact, Quantity, Source, Span, Story, StoryReport,
    Support, Update,
)
from storyline.store import Store

OUTLETS = [f"Outlet {i}" for i in range(40)]
WORDS = ("troops region officials said border talks aid city council vote port strike quake toll "
         "minister report village rescue teams estimate figure").split()
START = datetime(2024, 9, 1, tzinfo=timezone.utc)


def synthetic_report(sid: str, n_articles: int, facts_per_article: int, rng: random.Random) -> StoryReport:
    articles = []
    for k in range(n_articles):
        text = " ".join(rng.choice(WORDS) for _ in range(220)) + "."
        articles.append(Article(
            text=text, title=f"{sid} report {k}: " + " ".join(rng.choice(WORDS) for _ in range(8)),
            outlet=rng.choice(OUTLETS), published=START + timedelta(hours=3 * k),
            url=f"https://news.example/{sid}/{k}",
        ))
    ids = [a.id for a in articles]
    entities = (Entity("north korea", "North Korea", "GPE", ("DPRK",)), Entity(f"place {sid}", f"Place {sid}", "GPE"))
    facts, updates_new = [], {aid: [] for aid in ids}
    updates_conf = {aid: [] for aid in ids}
    for n in range(n_articles * facts_per_article):
        first = rng.randrange(n_articles)
        members = sorted({first, *(rng.randrange(first, n_articles) for _ in range(rng.randrange(0, 4)))})
        claims = []
        for m in members:
            a = articles[m]
            start = rng.randrange(0, len(a.text) - 120)
            claims.append(Claim(
                id=f"{a.id}:{n}:0", article_id=a.id, sentence_index=n % 40, span=Span("text", start, start + 100),
                text=a.text[start:start + 100], status=rng.choice(["asserted", "reported", "denied"]),
                attribution=(Source("officials", "official", Span("text", start, start + 9), "said"),
                             Source(rng.choice(OUTLETS), "outlet", None, "reported")),
                entities=("north korea",),
            ))
        day = date(2024, 9, 1) + timedelta(days=rng.randrange(60))
        when = EventDate("on Monday", Span("text", 0, 9), day, day + timedelta(days=rng.choice([0, 0, 0, 6])), "day")
        qty = (Quantity("about 3,000", Span("text", 0, 11), 3000.0, 3000.0, 3000.0, "approx", None, "troops"),) \
            if n % 3 == 0 else ()
        origins = tuple(dict.fromkeys(c.attribution[1].name for c in claims))
        fid = f"f{sid}{n:06d}"
        facts.append(Fact(
            id=fid, text=claims[0].text, status=claims[0].status, event_date=when if n % 4 else None,
            quantities=qty, entities=("north korea", f"place {sid}"), claims=tuple(claims), origins=origins,
            support=Support(len(members), len({articles[m].outlet for m in members}), len(origins)),
            first_seen=ids[first],
        ))
        updates_new[ids[first]].append(fid)
        for m in members[1:]:
            updates_conf[ids[m]].append(fid)
    dated = sorted((f for f in facts if f.event_date), key=lambda f: (f.event_date.start, f.id))
    with_figures = [f for f in facts if f.quantities]
    conflicts = tuple(
        Conflict("troops", (a.id, b.id), (a.quantities[0], b.quantities[0]))
        for a, b in zip(with_figures[0:40:2], with_figures[1:40:2])
    )
    return StoryReport(
        story=Story(sid, tuple(ids)), title=f"Story {sid}", articles=tuple(articles), facts=tuple(facts),
        timeline=tuple(f.id for f in dated), undated=tuple(f.id for f in facts if not f.event_date),
        conflicts=conflicts,
        updates=tuple(Update(aid, tuple(updates_new[aid]), tuple(updates_conf[aid])) for aid in ids),
        entities=entities,
    )


def write(db: Path, reports) -> float:
    t = time.perf_counter()
    with Store(db) as store:
        batch = []
        for r in reports:
            batch.append(r)
            if len(batch) == 500:
                _put(store, batch)
                batch = []
        _put(store, batch)
    return time.perf_counter() - t


def _put(store: Store, reports) -> None:
    with store.write():
        for r in reports:
            for a in r.articles:
                store.add_article(a)
            store.put_report(r)


def timed(client, path: str, repeat: int) -> tuple[float, float, int]:
    t = time.perf_counter()
    r = client.get(path)
    cold = time.perf_counter() - t
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    warm = []
    for _ in range(repeat):
        t = time.perf_counter()
        client.get(path)
        warm.append(time.perf_counter() - t)
    return cold, statistics.median(warm), len(r.content)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, default=500, help="articles in the big story")
    p.add_argument("--facts-per-article", type=int, default=4)
    p.add_argument("--stories", type=int, default=10_000, help="stories in the big store")
    p.add_argument("--repeat", type=int, default=20)
    args = p.parse_args()

    from fastapi.testclient import TestClient

    from storyline.web import create_app

    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder, "big-story.db")
        report = synthetic_report("big", args.articles, args.facts_per_article, rng)
        took = write(big, [report])
        print(f"store 1: one story of {len(report.articles)} articles, {len(report.facts)} facts, "
              f"{len(report.conflicts)} conflicts (written in {took:.1f} s)")
        t = time.perf_counter()
        with TestClient(create_app(big), base_url="http://127.0.0.1") as c:
            print(f"  start-up with the index built and the latest reports decoded: "
                  f"{(time.perf_counter() - t) * 1000:.0f} ms")
            fact = report.facts[0].id
            for path in ("/stories/big", "/stories/big?page=5", "/stories/big?since=2024-10-20",
                         "/api/stories/big", f"/facts/{fact}", f"/articles/{report.articles[0].id}"):
                cold, warm, size = timed(c, path, args.repeat)
                print(f"  GET {path:34s} cold {cold * 1000:7.1f} ms   warm {warm * 1000:7.1f} ms   {size / 1024:7.0f} KiB")

        many = Path(folder, "many-stories.db")
        took = write(many, (synthetic_report(f"s{i:05d}", 3, 3, rng) for i in range(args.stories)))
        print(f"store 2: {args.stories} stories of 3 articles, 9 facts each (written in {took:.1f} s)")
        t = time.perf_counter()
        with TestClient(create_app(many), base_url="http://127.0.0.1") as c:
            print(f"  start-up with the story index built: {(time.perf_counter() - t) * 1000:.0f} ms")
            for path in ("/api/stories", "/api/stories?offset=9950", "/api/stories?q=s09999",
                         "/api/stories?entity=DPRK&limit=500", "/api/stories?since=2024-09-02", "/"):
                cold, warm, size = timed(c, path, args.repeat)
                print(f"  GET {path:34s} cold {cold * 1000:7.1f} ms   warm {warm * 1000:7.1f} ms   {size / 1024:7.0f} KiB")


if __name__ == "__main__":
    main()
