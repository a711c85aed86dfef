"""The Python API as the README shows it."""

from datetime import datetime, timezone

import storyline
from storyline.model import Article

BODY = (
    "The regional council voted on Tuesday to close the old ferry terminal after inspectors found "
    "corroded piles under the main pier, a council spokesperson said. About 1,200 passengers use "
    "the terminal each day and will be moved to the north quay from next month."
)


def test_tracker_from_the_package_adds_and_reads_back(tmp_path):
    article = Article(text=BODY, title="Council closes ferry terminal", outlet="Quayside Post",
                      published=datetime(2025, 5, 8, 7, tzinfo=timezone.utc))
    with storyline.Tracker(db=tmp_path / "api.db") as t:
        first = t.add(article)
        again = t.add(article)
        [report] = t.stories()
        assert t.story(report.story.id) == report
    assert first.added == [article.id] and again.unchanged == [article.id]
    assert report.articles == (article,)
    assert any(q.value == 1200 and q.qualifier == "approx" for f in report.facts for q in f.quantities)


def test_reopening_the_store_keeps_the_stories(tmp_path):
    article = Article(text=BODY, title="Council closes ferry terminal", outlet="Quayside Post")
    with storyline.Tracker(db=tmp_path / "api.db") as t:
        t.add(article)
        before = t.stories()
    with storyline.Tracker(db=tmp_path / "api.db") as t:
        assert t.stories() == before
        assert t.add(article).unchanged == [article.id]


def test_rebuild_derives_the_same_stories_from_stored_articles(tmp_path):
    other = Article(text=BODY.replace("ferry terminal", "bus depot").replace("pier", "roof"),
                    title="Council shuts bus depot", outlet="Hillside Herald",
                    published=datetime(2025, 5, 9, 7, tzinfo=timezone.utc))
    first = Article(text=BODY, title="Council closes ferry terminal", outlet="Quayside Post",
                    published=datetime(2025, 5, 8, 7, tzinfo=timezone.utc))
    with storyline.Tracker(db=tmp_path / "api.db") as t:
        t.add([first, other])
        before = {r.story.id: (r.story.article_ids, len(r.facts)) for r in t.stories()}
        assert t.rebuild() == len(before)
        after = {r.story.id: (r.story.article_ids, len(r.facts)) for r in t.stories()}
    assert after == before


def test_a_tracker_sees_what_another_process_added_before_it_assigns(tmp_path):
    db = tmp_path / "two.db"
    day = lambda d: datetime(2025, 5, d, 7, tzinfo=timezone.utc)  # noqa: E731
    first = Article(text=BODY, title="Council closes ferry terminal", outlet="Quayside Post", published=day(8))
    second = Article(text=BODY.replace("a council spokesperson said", "the council's leader said"),
                     title="Ferry terminal to close, council decides", outlet="Harbour News", published=day(9))
    third = Article(text=BODY.replace("About 1,200", "Some 1,200"), title="Old ferry terminal shut",
                    outlet="Coast Daily", published=day(10))
    with storyline.Tracker(db=db) as server, storyline.Tracker(db=db) as cli:
        server.add(first)  # the long-running tracker builds its story state here
        cli.add(second)  # another process adds to the same story meanwhile
        server.add(third)
        [report] = server.stories()
    # Had the server assigned from its stale state, it would have written the story back without 'second'.
    assert {a.id for a in report.articles} == {first.id, second.id, third.id}


def test_articles_being_added_are_assigned_from_hand_not_read_back(tmp_path, monkeypatch):
    from storyline.store import Store

    replayed: list[str] = []
    original = Store.clustering_inputs

    def counting(self, after=0):
        for seq, analysis in original(self, after):
            replayed.append(analysis.id)
            yield seq, analysis

    monkeypatch.setattr(Store, "clustering_inputs", counting)
    first = Article(text=BODY, title="Council closes ferry terminal", outlet="Quayside Post")
    second = Article(text=BODY.replace("About 1,200", "Some 1,200"), title="Terminal shut", outlet="Coast Daily")
    with storyline.Tracker(db=tmp_path / "hand.db") as t:
        t.add(first)
        t.add(second)
        assert t.rebuild() == 1
    assert replayed == []  # one tracker, no other writer: nothing to replay
    with storyline.Tracker(db=tmp_path / "hand.db") as t:
        t.add(Article(text=BODY.replace("Tuesday", "Wednesday"), title="Ferry terminal", outlet="Bay News"))
    assert sorted(replayed) == sorted([first.id, second.id])  # a new tracker replays what was stored


def test_claims_start_embedding_during_analysis_and_fusion_embeds_nothing_more(tmp_path):
    import numpy as np

    from storyline.analyze.embeddings import DIM

    class Recording:
        def __init__(self):
            self.calls: list[list[str]] = []

        def query(self, texts):
            self.calls.append(list(texts))
            return np.ones((len(texts), DIM), dtype=np.float32)

    first = Article(text=BODY, title="Council closes ferry terminal", outlet="Quayside Post")
    second = Article(text=BODY.replace("About 1,200", "Some 1,200"), title="Terminal shut", outlet="Coast Daily")
    with storyline.Tracker(db=tmp_path / "early.db") as t:
        embedder = t._embedding()
        embedder._model = model = Recording()
        analysed = t._analyse([first, second], None)
        claim_texts = {c.text for a in analysed for c in a.claims}
        assert claim_texts and claim_texts <= set(embedder._pending) | set(embedder._cache)
        t._store(analysed, with_articles=True)
        t._assign_and_fuse(analysed)
    embedded = [text for call in model.calls for text in call]
    assert sorted(embedded) == sorted(claim_texts)  # each claim once, none left for fusion to add
