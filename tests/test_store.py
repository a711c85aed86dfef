"""Store: a real SQLite file, its migrations, transactions and concurrency."""

import sqlite3
import tempfile
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from model_strategies import analysed_articles, articles, stories, story_reports

from storyline.errors import NotFound, StoreError
from storyline.model import AnalysedArticle, Article, Claim, Entity, Span, Story, StoryReport
from storyline.store import SCHEMA_VERSION, Store
from storyline.store import migrations as mig

UTC = timezone.utc
few = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def art(text="body", url="https://n.example/a", published=None, title="Head", **kw) -> Article:
    return Article(text=text, title=title, url=url, published=published, **kw)


def analysis(a: Article, analyzer="v1") -> AnalysedArticle:
    claim = Claim("c1", a.id, 0, Span("text", 0, 4), a.text[:4], "reported", entities=("north korea",))
    return AnalysedArticle(a, (), (), (), (claim,), terms={"troop": 0.5}, analyzer=analyzer)


def report(story: Story, members, entities=()) -> StoryReport:
    return StoryReport(story, "A title", tuple(members), (), (), (), (), (), entities)


def day(n: int) -> datetime:
    return datetime(2024, 10, n, 9, tzinfo=UTC)


def rows(path: Path, table: str) -> list[tuple]:
    # A plain connection of its own: what is on disk, not what the Store believes.
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()


def everything(path: Path) -> dict[str, list[tuple]]:
    tables = ("articles", "analyses", "stories", "story_articles", "story_reports", "story_entities")
    return {t: rows(path, t) for t in tables}


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def store(db):
    with Store(db) as s:
        yield s


# ------------------------------------------------------------------ opening and migrations


def test_new_file_gets_every_migration(db):
    Store(db).close()
    assert [r[:2] for r in rows(db, "migrations")] == [(i + 1, n) for i, (n, _) in enumerate(mig.MIGRATIONS)]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_reopening_keeps_data_and_applies_nothing_again(db):
    with Store(db) as s:
        s.add_article(art())
    with Store(db) as s:
        assert s.has_article(art().id)
    assert len(rows(db, "migrations")) == SCHEMA_VERSION


def test_older_database_is_migrated_in_place(db, monkeypatch):
    with Store(db) as s:
        s.add_article(art())

    def backfill(conn):
        conn.execute("INSERT INTO word_counts SELECT id, length(text) FROM articles")

    newer = mig.MIGRATIONS + [
        ("word_counts", "CREATE TABLE word_counts (article_id TEXT, n INTEGER); CREATE INDEX wc ON word_counts (n);"),
        ("backfill", backfill),
    ]
    monkeypatch.setattr(mig, "MIGRATIONS", newer)
    with Store(db) as s:
        assert s.has_article(art().id)
    assert [r[1] for r in rows(db, "migrations")][-2:] == ["word_counts", "backfill"]
    assert rows(db, "word_counts") == [(art().id, len("body"))]


def test_failing_migration_is_undone_and_earlier_ones_stay(db, monkeypatch):
    Store(db).close()
    broken = mig.MIGRATIONS + [("half", "CREATE TABLE half (x); INSERT INTO no_such_table VALUES (1);")]
    monkeypatch.setattr(mig, "MIGRATIONS", broken)
    with pytest.raises(StoreError, match="no_such_table"):
        Store(db)
    assert len(rows(db, "migrations")) == SCHEMA_VERSION
    with sqlite3.connect(db) as conn:  # its first statement was rolled back with it
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half'").fetchone()


def test_newer_schema_version_is_refused(db):
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO migrations VALUES (?, 'from_the_future', '2030-01-01')", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}, newer than this storyline"):
        Store(db)


def test_foreign_migration_history_is_refused(db):
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE migrations SET name = 'something_else' WHERE version = 1")
    with pytest.raises(StoreError, match="different storyline"):
        Store(db)


def test_a_file_that_is_not_a_database_is_a_store_error(db):
    db.write_bytes(b"this is not sqlite, just some bytes" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(db)


def test_missing_directory_is_a_store_error(tmp_path):
    with pytest.raises(StoreError):
        Store(tmp_path / "nowhere" / "x.db")


def test_split_sql_keeps_semicolons_inside_strings():
    script = "INSERT INTO t VALUES ('a;b'); -- done; really\nSELECT 1;"
    assert [s.strip() for s in mig.split_sql(script)] == ["INSERT INTO t VALUES ('a;b');", "-- done; really\nSELECT 1;"]


def test_wal_mode_and_foreign_keys(db, store):
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # Foreign keys are per connection: check the writer's, which enforces them.
    assert store._w.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# ------------------------------------------------------------------ articles


@few
@given(st.lists(articles, max_size=6))
def test_adding_any_articles_twice_changes_nothing_the_second_time(batch):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.db"
        with Store(path) as s:
            first = [s.add_article(a) for a in batch]
            before = rows(path, "articles")
            second = [s.add_article(a) for a in batch]
            assert rows(path, "articles") == before
        # True exactly for the first sight of each id; never again.
        expected, seen = [], set()
        for a in batch:
            expected.append(a.id not in seen)
            seen.add(a.id)
        assert first == expected
        assert second == [False] * len(batch)


@few
@given(articles)
def test_article_round_trip(a):
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as s:
        s.add_article(a)
        assert s.get_article(a.id) == a


def test_changed_text_at_same_url_is_a_new_version(store, db):
    v1, v2 = art("first text"), art("corrected text")
    assert store.add_article(v1) and store.add_article(v2)
    assert not store.add_article(v1)
    assert (store.article_version(v1.id), store.article_version(v2.id)) == (1, 2)
    assert store.get_article(v1.id).text == "first text"  # never overwritten
    assert store.article_version(store_add(store, art("elsewhere", url="https://other.example"))) == 1
    assert store.article_version(store_add(store, art("no url", url=None))) == 1
    assert store.article_version(store_add(store, art("no url either", url=None))) == 1


def store_add(store: Store, a: Article) -> str:
    assert store.add_article(a)
    return a.id


def test_articles_in_publish_order_undated_last_ties_by_added_order(store):
    late, early = art("late", published=day(20)), art("early", published=day(2))
    undated1, undated2 = art("undated 1"), art("undated 2")
    tie_a, tie_b = art("tie a", published=day(10)), art("tie b", published=day(10))
    # Same instant written in another offset: an instant tie, not a string tie.
    tie_c = art("tie c", published=day(10).astimezone(timezone(timedelta(hours=-7))))
    for a in (undated1, late, tie_b, early, undated2, tie_a, tie_c):
        store.add_article(a)
    order = [a.text for a in store.articles()]
    assert order == ["early", "tie b", "tie a", "tie c", "late", "undated 1", "undated 2"]
    assert [a.text for a in store.articles(order="added")][:2] == ["undated 1", "late"]


def test_articles_streams_past_one_chunk(store, monkeypatch):
    import storyline.store.sqlite as sq

    monkeypatch.setattr(sq, "_CHUNK", 3)
    batch = [art(f"text {i}", published=day(1) + timedelta(hours=i)) for i in range(8)]
    for a in reversed(batch):
        store.add_article(a)
    assert list(store.articles()) == batch


def test_articles_refuses_an_unknown_order(store):
    with pytest.raises(ValueError):
        list(store.articles(order="title"))


def test_missing_article(store):
    assert not store.has_article("a000")
    with pytest.raises(NotFound):
        store.get_article("a000")


# ------------------------------------------------------------------ analyses


@few
@given(analysed_articles())
def test_analysis_round_trip(analysed):
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as s:
        s.add_article(analysed.article)
        s.put_analysis(analysed)
        assert s.get_analysis(analysed.id) == analysed


def test_analysis_of_an_unstored_article_is_refused(store, db):
    analysed = analysis(art("never stored"))
    with pytest.raises(NotFound):
        store.put_analysis(analysed)
    assert rows(db, "analyses") == []
    assert store.get_analysis(analysed.id) is None


def test_replaced_analysis_keeps_its_assignment_place(store):
    a, b = art("a"), art("b")
    for x in (a, b):
        store.add_article(x)
    store.put_analysis(analysis(a, "v1"))
    store.put_analysis(analysis(b, "v1"))
    newer = analysis(a, "v2")
    store.put_analysis(newer)
    assert store.assignment_order() == [a.id, b.id]
    assert store.get_analysis(a.id) == newer


def test_clustering_inputs_are_light_analyses_in_assignment_order(store):
    from storyline.model import EntityMention

    a, b = art("a"), art("b")
    for x in (a, b):
        store.add_article(x)
    mention = EntityMention("Kursk", "GPE", "kursk", Span("text", 0, 1))
    full_b = AnalysedArticle(b, (), (mention,), (), analysis(b).claims, terms={"kursk": 1.0}, analyzer="v1")
    store.put_analysis(full_b)
    store.put_analysis(analysis(a))
    light = [x for _, x in store.clustering_inputs()]
    assert [x.id for x in light] == [b.id, a.id]
    (seq, only_a), = store.clustering_inputs(after=next(store.clustering_inputs())[0])
    assert only_a.id == a.id
    assert light[0].article == b and light[0].mentions == (mention,) and light[0].terms == {"kursk": 1.0}
    assert light[0].claims == () and light[1].claims == ()  # what assignment never reads is not decoded


# ------------------------------------------------------------------ stories and reports


@st.composite
def stored_report(draw):
    """A report whose story members are distinct articles (the store needs them stored)."""
    members = draw(st.lists(articles, max_size=4, unique_by=lambda a: a.id))
    story = draw(stories(article_ids=[a.id for a in members]))
    return members, draw(story_reports(story=story, report_articles=members))


@few
@given(stored_report())
def test_report_round_trip(case):
    members, report = case
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as s:
        for a in members:
            s.add_article(a)
        s.put_report(report)
        assert s.get_report(report.story.id) == report
        assert s.get_story(report.story.id) == report.story
        assert list(s.reports()) == [report]


def test_story_is_replaced_not_duplicated_and_keeps_created(store, db):
    a, b = art("a"), art("b")
    store.add_article(a)
    store.add_article(b)
    store.put_story(Story("s1", (a.id,)), "First title")
    created = rows(db, "stories")[0][3]
    store.put_story(Story("s1", (a.id, b.id), {b.id: a.id}), "Second title")
    assert store.stories() == [Story("s1", (a.id, b.id), {b.id: a.id})]
    assert store.story_title("s1") == "Second title"
    assert rows(db, "stories")[0][3] == created


def test_story_with_a_stray_duplicate_is_refused(store):
    a = art("a")
    store.add_article(a)
    with pytest.raises(StoreError, match="not members"):
        store.put_story(Story("s1", (a.id,), {"a-elsewhere": a.id}), "t")


def test_entity_index_finds_stories(store):
    a = art("a")
    store.add_article(a)
    store.put_report(report(Story("s1", (a.id,)), [a], (Entity("north korea", "North Korea", "GPE"),)))
    assert store.stories_with_entity("north korea") == ["s1"]
    assert store.stories_with_entity("kursk") == []


def test_missing_story_and_report(store):
    with pytest.raises(NotFound):
        store.get_story("nope")
    with pytest.raises(NotFound):
        store.get_report("nope")


def test_clear_derived_keeps_only_articles(store, db):
    a = art("a")
    store.add_article(a)
    store.put_analysis(analysis(a))
    store.put_report(report(Story("s1", (a.id,)), [a]))
    store.clear_derived()
    assert {t: len(r) for t, r in everything(db).items()} == {
        "articles": 1, "analyses": 0, "stories": 0, "story_articles": 0, "story_reports": 0, "story_entities": 0,
    }
    assert store.assignment_order() == [] and list(store.reports()) == []


# ------------------------------------------------------------------ transactions


def test_a_failed_batch_leaves_everything_as_it_was(store, db):
    store.add_article(art("kept"))
    before = everything(db)
    with pytest.raises(RuntimeError):
        with store.write():
            store.add_article(art("lost"))
            store.put_story(Story("s1", (art("lost").id,)), "t")
            raise RuntimeError("crash in the middle of a batch")
    assert everything(db) == before
    assert not store.has_article(art("lost").id)


def test_a_failed_put_changes_nothing(store, db):
    a = art("a")
    store.add_article(a)
    store.put_report(report(Story("s1", (a.id,)), [a]))
    before = everything(db)
    # Its story names an article that is not stored.
    bad = report(Story("s1", (a.id, "a-missing")), [a])
    with pytest.raises(NotFound):
        store.put_report(bad)
    assert everything(db) == before


def test_a_put_failing_at_its_last_statement_undoes_its_earlier_ones(store, db):
    a, b = art("a"), art("b")
    store.add_article(a)
    store.add_article(b)
    store.put_report(report(Story("s1", (a.id,)), [a]))
    before = everything(db)
    with sqlite3.connect(db) as conn:  # sabotage the entity index, written last
        conn.execute("CREATE TRIGGER boom BEFORE INSERT ON story_entities BEGIN SELECT RAISE(ABORT, 'boom'); END")
    grown = report(Story("s1", (a.id, b.id)), [a, b], (Entity("kursk", "Kursk", "GPE"),))
    with pytest.raises(StoreError, match="boom"):
        store.put_report(grown)
    assert everything(db) == before  # story, members and report rows all rolled back


def test_a_caught_failure_inside_a_batch_undoes_only_itself(store):
    good, also = art("good"), art("also good")
    with store.write():
        store.add_article(good)
        with pytest.raises(NotFound):
            store.put_story(Story("s1", ("a-missing",)), "t")
        store.add_article(also)
    assert store.has_article(good.id) and store.has_article(also.id)
    assert store.stories() == []


def test_a_put_failing_midway_inside_a_batch_is_undone_and_the_batch_goes_on(store, db):
    a, b, c = art("a"), art("b"), art("c")
    store.add_article(a)
    store.add_article(b)
    store.put_report(report(Story("s1", (a.id,)), [a]))
    before = everything(db)
    with sqlite3.connect(db) as conn:  # the report's last statement will fail
        conn.execute("CREATE TRIGGER boom BEFORE INSERT ON story_entities BEGIN SELECT RAISE(ABORT, 'boom'); END")
    with store.write():
        with pytest.raises(StoreError, match="boom"):
            store.put_report(report(Story("s1", (a.id, b.id)), [a, b], (Entity("kursk", "Kursk", "GPE"),)))
        store.add_article(c)
    after = everything(db)
    assert after["articles"] == before["articles"] + [rows(db, "articles")[-1]]
    assert {t: r for t, r in after.items() if t != "articles"} == {t: r for t, r in before.items() if t != "articles"}


def test_writer_reads_its_own_uncommitted_rows(store):
    with store.write():
        store.add_article(art("fresh"))
        assert store.has_article(art("fresh").id)


def run_in_thread(fn):
    out: dict = {}

    def target():
        try:
            out["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            out["error"] = exc

    t = threading.Thread(target=target)
    t.start()
    t.join(timeout=5)
    assert not t.is_alive(), "the reader was blocked by the writer"
    if "error" in out:
        raise out["error"]
    return out["value"]


def test_readers_see_committed_data_while_a_writer_holds_a_transaction(store, db):
    committed, pending = art("committed"), art("pending")
    store.add_article(committed)
    with store.write():
        store.add_article(pending)
        # Another thread of the same store, and another Store (as another process would).
        seen_by_thread = run_in_thread(lambda: [a.text for a in store.articles()])
        with Store(db) as other:
            seen_by_other = run_in_thread(lambda: [a.text for a in other.articles()])
    assert seen_by_thread == seen_by_other == ["committed"]
    assert run_in_thread(lambda: store.has_article(pending.id))


def test_a_second_writer_waits_then_gives_up_with_a_store_error(store, db):
    with Store(db, timeout=0.2) as other:
        with store.write():
            store.add_article(art("mine"))
            with pytest.raises(StoreError, match="locked"):
                run_in_thread(lambda: other.add_article(art("theirs")))
        assert other.add_article(art("theirs"))  # free again once we commit


def test_closed_store_refuses_work(db):
    s = Store(db)
    s.close()
    s.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        s.has_article("a1")
    with pytest.raises(StoreError, match="closed"):
        s.add_article(art())


def test_many_reader_threads_share_a_bounded_pool(store):
    # Threads that come and go (a web server's) must not leave a connection each.
    store.add_article(art())
    results = [run_in_thread(lambda: store.has_article(art().id)) for _ in range(20)]
    assert all(results)
    assert len(store._idle) <= 4


def test_concurrent_writers_in_threads_take_turns(store):
    def add_batch(k):
        def go():
            with store.write():
                for i in range(10):
                    store.add_article(art(f"thread {k} article {i}"))
            return True
        return go

    threads = [threading.Thread(target=add_batch(k)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert sum(1 for _ in store.articles()) == 40
    # Same URL throughout: versions 1..40, each exactly once, however the threads interleaved.
    assert sorted(store.article_version(a.id) for a in store.articles()) == list(range(1, 41))


def test_text_with_nul_and_astral_characters_survives(store):
    a = art("nul \x00 inside, emoji \U0001f4f0, rtl \u05e9\u05dc\u05d5\u05dd", title="\x00")
    store.add_article(a)
    assert store.get_article(a.id) == a


# ------------------------------------------------------------------ full-text search


def _told(story: Story, member: Article, *sentences: str) -> StoryReport:
    """A report whose one fact gathers ``sentences`` as its claims' wordings."""
    from storyline.model import Fact, Support

    claims = tuple(Claim(f"c{n}", member.id, n, Span("text", 0, 1), t, "asserted") for n, t in enumerate(sentences))
    fact = Fact("f1", sentences[0], "asserted", None, (), (), claims, (), Support(1, 1, 1), member.id)
    return StoryReport(story, "Ferry strike", (member,), (fact,), (), ("f1",), (), ())


def test_search_finds_a_story_by_any_claims_words_and_follows_its_report(store):
    a = art()
    store.add_article(a)
    story = Story("s1", (a.id,))
    store.put_report(_told(story, a, "Dockers walked out on Monday.", "The harbour at Lowick is idle."))
    assert store.search_stories("harbour LOWICK") == {"s1"}  # a later claim's words, any case
    assert store.search_stories("ferry") == {"s1"}  # the title
    assert store.search_stories("harbour Brennick") == set()  # every word must be there
    assert store.search_stories('"idle* (') == {"s1"}  # quotes, stars, brackets: never syntax
    assert store.search_stories("harbour OR brennick") == set()  # OR is a word to find, not "either"
    assert store.search_stories("  ,. ") == set()
    store.put_report(_told(story, a, "Dockers went back to work."))
    assert store.search_stories("harbour") == set() and store.search_stories("went back") == {"s1"}
    store.clear_derived()
    assert store.search_stories("dockers") == set()


def test_reports_stored_before_search_existed_are_indexed_by_its_migration(db, monkeypatch):
    a = art()
    monkeypatch.setattr(mig, "MIGRATIONS", mig.MIGRATIONS[:2])
    with Store(db) as s:
        s.add_article(a)
        s.put_story(Story("s1", (a.id,)), "Ferry strike")
        with s._put("old report") as conn:  # as a store of schema 2 wrote it: no search row
            from storyline.store.sqlite import _dumps
            conn.execute("INSERT INTO story_reports (story_id, data, built_at) VALUES ('s1', ?, 'x')",
                         (_dumps(_told(Story("s1", (a.id,)), a, "Cranes stood still at Lowick.")),))
    monkeypatch.undo()
    with Store(db) as s:
        assert s.search_stories("cranes") == {"s1"}


def test_reports_stored_before_relay_chains_load_and_get_them_from_their_analyses(db, monkeypatch):
    from dataclasses import replace

    from storyline.model import Source

    rewrite, own = art("rewrite", url="https://n.example/r"), art("own", url="https://n.example/o")
    relay = (Source("The Valley Times", "outlet", Span("text", 0, 4), "reported"),)
    monkeypatch.setattr(mig, "MIGRATIONS", mig.MIGRATIONS[:3])
    with Store(db) as s:
        for a in (rewrite, own):
            s.add_article(a)
        s.put_analysis(replace(analysis(rewrite), relayed=relay))
        s.put_analysis(analysis(own))
        s.put_report(report(Story("s1", (rewrite.id, own.id)), [rewrite, own]))
        with s._put("old report") as conn:  # as a store of schema 3 wrote it: no relay chains
            conn.execute("UPDATE story_reports SET data = json_remove(data, '$.relayed')")
        assert s.get_report("s1").relayed == {}  # an old report still loads: no relays known
    monkeypatch.undo()
    with Store(db) as s:
        loaded = s.get_report("s1")
    assert loaded.relayed == {rewrite.id: relay}  # only the article that relays a report
    assert loaded == replace(report(Story("s1", (rewrite.id, own.id)), [rewrite, own]), relayed={rewrite.id: relay})
    assert "report_relays" in [r[1] for r in rows(db, "migrations")]
