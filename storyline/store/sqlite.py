"""The SQLite store: articles as read, and everything derived from them.

Concurrency: one write connection, behind a lock, in WAL mode, so readers never wait
for the writer and the writer never waits for readers. Reads take a connection of
their own from a small pool, except in the thread inside ``write()``, which reads on
the write connection and so sees its own uncommitted changes. Another process may open
the same file; the busy timeout makes its writes take turns with ours.

Every write is one transaction: a put on its own commits alone; puts inside
``with store.write():`` commit together. Nested writes are savepoints, so a put that
fails inside a batch undoes only itself (and the batch too, unless the caller
catches the error). Either way, a failed write leaves the database as it was.

Articles are never overwritten: an article's id hashes its URL, title and text, so
a changed text at the same URL is a new row, with ``version`` one more than the
URL's last. Analyses, stories and reports are derived data: ``clear_derived``
drops them all for ``storyline rebuild``. Claim vectors stay: they depend only on
the text and the model named with them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence, TypeVar

import numpy as np

from ..codec import from_data, to_data
from ..errors import NotFound, StoreError
from ..model import AnalysedArticle, Article, Entity, Story, StoryReport
from .migrations import migrate, utc_now
from .search import match_query, search_text

T = TypeVar("T")

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_CHUNK = 200  # rows per query when streaming articles or reports
_IDLE_READERS = 4  # reader connections kept open between reads
_ARTICLE_COLUMNS = ("text", "title", "outlet", "published", "url", "language", "source")


class Store:
    def __init__(self, path: str | Path, *, timeout: float = 10.0):
        """Open (creating or migrating) the database at ``path``.

        ``timeout`` is how long, in seconds, to wait for another process's write lock.
        """
        self.path = Path(path)
        self._timeout = timeout
        self._lock = threading.RLock()  # the one writer
        self._owner: int | None = None  # thread inside write()
        self._depth = 0  # write() nesting; >1 means savepoints
        self._idle: list[sqlite3.Connection] = []  # reader connections not in use
        self._readers_lock = threading.Lock()
        self._closed = False
        self._w: sqlite3.Connection | None = None
        try:
            self._w = self._connect()
            mode = self._w.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"cannot open {self.path}: WAL journal mode refused (got {mode!r})")
            self._w.execute("PRAGMA synchronous=NORMAL")  # durable enough in WAL, much faster
            migrate(self._w)
        except sqlite3.Error as exc:
            self.close()
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ connections

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions; we BEGIN and COMMIT ourselves.
        conn = sqlite3.connect(
            str(self.path), timeout=self._timeout, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={int(self._timeout * 1000)}")
        return conn

    @contextmanager
    def _read(self, what: str) -> Iterator[sqlite3.Connection]:
        """A read-only snapshot: several SELECTs that see one committed state."""
        if self._closed:
            raise StoreError(f"the store {self.path} is closed")
        if self._owner == threading.get_ident():
            yield self._w  # inside write(): see our own uncommitted rows
            return
        try:
            conn = self._checkout()
            try:
                conn.execute("BEGIN")
                try:
                    yield conn
                finally:
                    conn.execute("COMMIT")
            finally:
                self._checkin(conn)
        except sqlite3.Error as exc:
            raise StoreError(f"{what}: {exc}") from exc

    def _checkout(self) -> sqlite3.Connection:
        # A pool rather than one connection per thread: threads come and go (a web
        # server's), and a connection left behind by each would never be closed.
        with self._readers_lock:
            if self._idle:
                return self._idle.pop()
        conn = self._connect()
        conn.execute("PRAGMA query_only=ON")
        return conn

    def _checkin(self, conn: sqlite3.Connection) -> None:
        with self._readers_lock:
            if not self._closed and len(self._idle) < _IDLE_READERS:
                self._idle.append(conn)
                return
        conn.close()

    @contextmanager
    def write(self) -> Iterator["Store"]:
        """One transaction for everything written inside; rolled back if anything raises.

        Writers in other threads of this process wait for the lock; writers in other
        processes wait up to ``timeout`` and then fail with StoreError.
        """
        with self._lock:
            if self._closed:
                raise StoreError(f"the store {self.path} is closed")
            with (_outer if self._depth == 0 else _nested)(self) as store:
                yield store

    @contextmanager
    def _put(self, what: str) -> Iterator[sqlite3.Connection]:
        """A write transaction (or savepoint) that reports SQLite errors as StoreError."""
        try:
            with self.write():
                yield self._w
        except sqlite3.Error as exc:
            raise StoreError(f"{what}: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self._closed = True
            with self._readers_lock:
                readers, self._idle = self._idle, []
            for conn in readers:  # readers in use close themselves at checkin
                conn.close()
            if self._w is not None:
                self._w.close()
                self._w = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ articles

    def add_article(self, article: Article) -> bool:
        """Store ``article``; False (and nothing written) if its id is stored already."""
        aid = article.id
        data = to_data(article)
        with self._put(f"cannot store article {aid}") as conn:
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone():
                return False
            version = 1
            if article.url is not None:
                (last,) = conn.execute(
                    "SELECT COALESCE(MAX(version), 0) FROM articles WHERE url = ?", (article.url,)
                ).fetchone()
                version = last + 1
            conn.execute(
                "INSERT INTO articles (id, url, version, title, text, outlet, published, published_us,"
                " language, source, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    aid, data["url"], version, data["title"], data["text"], data["outlet"],
                    data["published"], _micros(article.published), data["language"], data["source"],
                    utc_now(),
                ),
            )
            return True

    def has_article(self, article_id: str) -> bool:
        with self._read("cannot read articles") as conn:
            return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def get_article(self, article_id: str) -> Article:
        with self._read(f"cannot read article {article_id}") as conn:
            row = conn.execute(
                f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if row is None:
            raise NotFound("article", article_id)
        return _article(row)

    def article_version(self, article_id: str) -> int:
        """The article's version at its URL: 1 for the first text seen there, then 2, ..."""
        with self._read(f"cannot read article {article_id}") as conn:
            row = conn.execute("SELECT version FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound("article", article_id)
        return row[0]

    def articles(self, order: str = "published") -> Iterator[Article]:
        """Every article: by publish time (undated last, ties in added order), or ``"added"``."""
        orders = {
            "published": "published_us IS NULL, published_us, seq",
            "added": "seq",
        }
        if order not in orders:
            raise ValueError(f"order must be one of {', '.join(orders)}, not {order!r}")
        with self._read("cannot read articles") as conn:
            seqs = [s for (s,) in conn.execute(f"SELECT seq FROM articles ORDER BY {orders[order]}")]
        # Fetch in chunks, each its own short read, so no snapshot stays open across a yield.
        columns = ", ".join(_ARTICLE_COLUMNS)
        for rows in self._chunks(seqs, f"SELECT seq, {columns} FROM articles WHERE seq IN", "articles"):
            for row in rows:
                yield _article(row[1:])

    # ------------------------------------------------------------------ analyses

    def put_analysis(self, analysed: AnalysedArticle) -> None:
        """Store (or replace) the analysis of a stored article."""
        aid = analysed.id
        payload = _dumps(analysed)
        with self._put(f"cannot store the analysis of {aid}") as conn:
            if not conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone():
                raise NotFound("article", aid)
            conn.execute(
                "INSERT INTO analyses (article_id, analyzer, data, stored_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (article_id) DO UPDATE SET"
                " analyzer = excluded.analyzer, data = excluded.data, stored_at = excluded.stored_at",
                (aid, analysed.analyzer, payload, utc_now()),
            )

    def get_analysis(self, article_id: str) -> AnalysedArticle | None:
        with self._read(f"cannot read the analysis of {article_id}") as conn:
            row = conn.execute("SELECT data FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else _loads(AnalysedArticle, row[0], f"the analysis of {article_id}")

    def assignment_order(self) -> list[str]:
        """Ids of the analysed articles, in the order their analyses were first stored.

        The tracker stores analyses in the order it assigns articles to stories, so this
        is the order to replay them in to rebuild the same stories.
        """
        with self._read("cannot read analyses") as conn:
            return [aid for (aid,) in conn.execute("SELECT article_id FROM analyses ORDER BY seq")]

    def last_analysis_seq(self) -> int:
        """The seq of the analysis stored last (0 when there is none)."""
        with self._read("cannot read analyses") as conn:
            return conn.execute("SELECT COALESCE(MAX(seq), 0) FROM analyses").fetchone()[0]

    def clustering_inputs(self, after: int = 0) -> Iterator[tuple[int, AnalysedArticle]]:
        """(seq, analysis) in assignment order, for the analyses stored after ``after``,
        each with only what story assignment reads.

        Each holds its article, entity mentions and terms; sentences, entities and
        claims are left empty. Decoding claims is most of the cost of a full analysis,
        and a tracker replays every stored article at start-up, then whatever other
        processes stored since.
        """
        with self._read("cannot read analyses") as conn:
            seqs = [s for (s,) in conn.execute("SELECT seq FROM analyses WHERE seq > ? ORDER BY seq", (after,))]
        query = "SELECT seq, article_id, data FROM analyses WHERE seq IN"
        for rows in self._chunks(seqs, query, "analyses"):
            for seq, aid, data in rows:
                yield seq, _for_clustering(data, f"the analysis of {aid}")

    # ------------------------------------------------------------------ stories

    def put_story(self, story: Story, title: str) -> None:
        """Store (or replace) a story's membership and title."""
        members = set(story.article_ids)
        strays = sorted(set(story.duplicates) - members)
        if strays or len(members) != len(story.article_ids):
            problem = f"duplicates {strays} are not members" if strays else "an article appears twice"
            raise StoreError(f"cannot store story {story.id}: {problem}")
        with self._put(f"cannot store story {story.id}") as conn:
            wanted = members | set(story.duplicates.values())
            for aid in sorted(wanted):
                if not conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone():
                    raise NotFound("article", aid)
            now = utc_now()
            conn.execute(
                "INSERT INTO stories (id, title, created, updated) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated = excluded.updated",
                (story.id, title, now, now),
            )
            conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
            conn.executemany(
                "INSERT INTO story_articles (story_id, position, article_id, duplicate_of) VALUES (?, ?, ?, ?)",
                [(story.id, i, aid, story.duplicates.get(aid)) for i, aid in enumerate(story.article_ids)],
            )

    def stories(self) -> list[Story]:
        """Every story, in order of creation."""
        with self._read("cannot read stories") as conn:
            ids = [sid for (sid,) in conn.execute("SELECT id FROM stories ORDER BY seq")]
            return [_story(conn, sid) for sid in ids]

    def get_story(self, story_id: str) -> Story:
        with self._read(f"cannot read story {story_id}") as conn:
            if not conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
                raise NotFound("story", story_id)
            return _story(conn, story_id)

    def story_title(self, story_id: str) -> str:
        with self._read(f"cannot read story {story_id}") as conn:
            row = conn.execute("SELECT title FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFound("story", story_id)
        return row[0]

    def stories_with_entity(self, entity_key: str) -> list[str]:
        """Ids of the stories whose report names ``entity_key``, in order of creation."""
        with self._read("cannot search stories") as conn:
            rows = conn.execute(
                "SELECT s.id FROM story_entities e JOIN stories s ON s.id = e.story_id"
                " WHERE e.entity_key = ? ORDER BY s.seq",
                (entity_key,),
            )
            return [sid for (sid,) in rows]

    # ------------------------------------------------------------------ reports

    def put_report(self, report: StoryReport) -> None:
        """Store (or replace) a story's report; its story and title are stored with it."""
        sid = report.story.id
        payload = _dumps(report)
        keys = {e.key for e in report.entities}
        for fact in report.facts:
            keys.update(fact.entities)
        with self._put(f"cannot store the report of story {sid}") as conn:
            self.put_story(report.story, report.title)
            conn.execute(
                "INSERT INTO story_reports (story_id, data, built_at) VALUES (?, ?, ?)"
                " ON CONFLICT (story_id) DO UPDATE SET data = excluded.data, built_at = excluded.built_at",
                (sid, payload, utc_now()),
            )
            conn.execute("DELETE FROM story_text WHERE story_id = ?", (sid,))
            conn.execute("INSERT INTO story_text (story_id, body) VALUES (?, ?)", (sid, search_text(report)))
            conn.execute("DELETE FROM story_entities WHERE story_id = ?", (sid,))
            conn.executemany(
                "INSERT INTO story_entities (story_id, entity_key) VALUES (?, ?)",
                [(sid, k) for k in sorted(keys)],
            )

    def search_stories(self, q: str) -> set[str]:
        """Ids of the stories whose title, claims or article titles hold every word of ``q``
        (case and accents ignored); empty when ``q`` has no word."""
        query = match_query(q)
        if query is None:
            return set()
        with self._read("cannot search stories") as conn:
            rows = conn.execute("SELECT story_id FROM story_text WHERE story_text MATCH ?", (query,)).fetchall()
        return {r[0] for r in rows}

    def get_report(self, story_id: str) -> StoryReport:
        with self._read(f"cannot read the report of story {story_id}") as conn:
            row = conn.execute("SELECT data FROM story_reports WHERE story_id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFound("story report", story_id)
        return _loads(StoryReport, row[0], f"the report of story {story_id}")

    def report_stamps(self) -> dict[str, str]:
        """Story id -> when it was last stored, for every story with a report: one cheap query.

        A reader that caches reports (the web app) compares these to know which to read again;
        any put, from this process or another, changes the stamp of the story it wrote
        (``put_report`` puts the story too). The stamp is the story row's, not the report
        row's: reading it never touches the large report data, so 10,000 stories take
        milliseconds.
        """
        with self._read("cannot read story reports") as conn:
            return dict(conn.execute(
                "SELECT s.id, s.updated FROM stories s"
                " WHERE EXISTS (SELECT 1 FROM story_reports r WHERE r.story_id = s.id)"
            ))

    def report_overviews(self, story_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """A light listing of stored reports (all, or ``story_ids``), without building them.

        Each is a dict: ``id``, ``stamp`` (as :meth:`report_stamps`), ``title``, ``facts`` and
        ``conflicts`` (counts), ``entities`` (Entity list) and ``articles``: (id, title,
        outlet, published) in story order, ``published`` a UTC datetime or None. SQLite reads
        the counts inside the stored JSON, so no report is decoded in Python: listing
        10,000 stories takes about a second, where decoding them would take a minute.
        """
        query = (
            "SELECT s.id, s.updated, s.title, json_array_length(r.data, '$.facts'),"
            " json_array_length(r.data, '$.conflicts'), json_extract(r.data, '$.entities')"
            " FROM stories s JOIN story_reports r ON r.story_id = s.id"
        )
        members = (
            "SELECT sa.story_id, a.id, a.title, a.outlet, a.published_us FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id"
        )
        order = " ORDER BY sa.story_id, sa.position"
        with self._read("cannot list story reports") as conn:
            if story_ids is None:
                rows = conn.execute(query).fetchall()
                article_rows = conn.execute(members + order).fetchall()
            else:
                ids = list(story_ids)
                rows, article_rows = [], []
                for i in range(0, len(ids), _CHUNK):
                    part = ids[i : i + _CHUNK]
                    marks = ", ".join("?" * len(part))
                    rows += conn.execute(f"{query} WHERE s.id IN ({marks})", part).fetchall()
                    article_rows += conn.execute(f"{members} WHERE sa.story_id IN ({marks}){order}", part).fetchall()
        articles: dict[str, list[tuple]] = {}
        for sid, aid, title, outlet, us in article_rows:
            when = None if us is None else _EPOCH + timedelta(microseconds=us)
            articles.setdefault(sid, []).append((aid, title, outlet, when))
        out = []
        for sid, stamp, title, n_facts, n_conflicts, entities in rows:
            out.append({
                "id": sid, "stamp": stamp, "title": title, "facts": n_facts or 0,
                "conflicts": n_conflicts or 0, "articles": articles.get(sid, []),
                "entities": [_decoded(Entity, e, f"the entities of story {sid}") for e in json.loads(entities or "[]")],
            })
        return out

    def story_of_fact(self, fact_id: str) -> str | None:
        """The story whose report holds the fact ``fact_id``, or None."""
        needle = '"id":' + json.dumps(fact_id)  # as _dumps writes it: no spaces
        with self._read(f"cannot look up fact {fact_id}") as conn:
            row = conn.execute(
                "SELECT story_id FROM story_reports WHERE instr(data, ?) > 0 AND EXISTS"
                " (SELECT 1 FROM json_each(data, '$.facts') f WHERE json_extract(f.value, '$.id') = ?)"
                " LIMIT 1",
                (needle, fact_id),
            ).fetchone()
        return row[0] if row else None

    def reports(self) -> Iterator[StoryReport]:
        """Every story report, in order of story creation."""
        with self._read("cannot read story reports") as conn:
            seqs = [
                s for (s,) in conn.execute(
                    "SELECT s.seq FROM stories s JOIN story_reports r ON r.story_id = s.id ORDER BY s.seq"
                )
            ]
        query = "SELECT s.seq, s.id, r.data FROM stories s JOIN story_reports r ON r.story_id = s.id WHERE s.seq IN"
        for rows in self._chunks(seqs, query, "story reports", column="s.seq"):
            for _, sid, data in rows:
                yield _loads(StoryReport, data, f"the report of story {sid}")

    # ------------------------------------------------------------------ vectors

    def get_vectors(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of ``model`` for those of ``texts`` it has."""
        keys = {_text_hash(t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        hashes = list(keys)
        for i in range(0, len(hashes), _CHUNK):
            part = hashes[i : i + _CHUNK]
            with self._read("cannot read vectors") as conn:
                rows = conn.execute(
                    f"SELECT text_hash, vector FROM vectors WHERE model = ? AND text_hash IN"
                    f" ({', '.join('?' * len(part))})",
                    [model, *part],
                ).fetchall()
            for h, blob in rows:
                found[keys[h]] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_vectors(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Store ``model``'s vectors by text; a text stored already keeps its vector."""
        rows = [(model, _text_hash(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in vectors.items()]
        with self._put("cannot store vectors") as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO vectors (model, text_hash, vector) VALUES (?, ?, ?)", rows
            )

    # ------------------------------------------------------------------ derived data

    def clear_derived(self) -> None:
        """Drop analyses, stories and reports; keep the articles (for ``storyline rebuild``)."""
        with self._put("cannot clear derived data") as conn:
            for table in ("story_text", "story_entities", "story_reports", "story_articles", "stories", "analyses"):
                conn.execute(f"DELETE FROM {table}")

    # ------------------------------------------------------------------ inside

    def _chunks(self, seqs: list[int], query: str, what: str, column: str = "seq") -> Iterator[list[tuple]]:
        """Rows for ``seqs`` in the given order, ``_CHUNK`` at a time (first column: seq)."""
        for i in range(0, len(seqs), _CHUNK):
            part = seqs[i : i + _CHUNK]
            marks = ", ".join("?" * len(part))
            with self._read(f"cannot read {what}") as conn:
                rows = conn.execute(f"{query} ({marks})", part).fetchall()
            by_seq = {row[0]: row for row in rows}
            yield [by_seq[s] for s in part if s in by_seq]


# ------------------------------------------------------------------ transactions


@contextmanager
def _outer(store: Store) -> Iterator[Store]:
    conn = store._w
    try:
        conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not at the first write
    except sqlite3.Error as exc:
        raise StoreError(f"cannot write to {store.path}: {exc}") from exc
    store._owner, store._depth = threading.get_ident(), 1
    try:
        yield store
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot commit to {store.path}: {exc}") from exc
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        store._owner, store._depth = None, 0


@contextmanager
def _nested(store: Store) -> Iterator[Store]:
    conn = store._w
    name = f"sp{store._depth}"
    conn.execute(f"SAVEPOINT {name}")
    store._depth += 1
    try:
        yield store
    except BaseException:
        conn.execute(f"ROLLBACK TO {name}")
        conn.execute(f"RELEASE {name}")
        raise
    else:
        conn.execute(f"RELEASE {name}")
    finally:
        store._depth -= 1


# ------------------------------------------------------------------ rows and JSON


def _text_hash(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()[:16]


def _micros(when: datetime | None) -> int | None:
    """Microseconds since 1970 UTC (naive times read as UTC): exact, unlike a float."""
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return (when - _EPOCH) // timedelta(microseconds=1)


def _article(row: Iterable[Any]) -> Article:
    return _decoded(Article, dict(zip(_ARTICLE_COLUMNS, row)), "a stored article")


def _story(conn: sqlite3.Connection, story_id: str) -> Story:
    rows = conn.execute(
        "SELECT article_id, duplicate_of FROM story_articles WHERE story_id = ? ORDER BY position",
        (story_id,),
    ).fetchall()
    return Story(
        id=story_id,
        article_ids=tuple(aid for aid, _ in rows),
        duplicates={aid: dup for aid, dup in rows if dup is not None},
    )


def _dumps(obj: Any) -> str:
    return json.dumps(to_data(obj), ensure_ascii=False, separators=(",", ":"))


def _loads(cls: type[T], text: str, what: str) -> T:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise StoreError(f"{what} is damaged ({exc}); `storyline rebuild` derives it again") from exc
    return _decoded(cls, data, what)


def _for_clustering(text: str, what: str) -> AnalysedArticle:
    try:
        data = json.loads(text)
        light = {"article": data["article"], "sentences": [], "mentions": data["mentions"],
                 "entities": [], "claims": [], "terms": data["terms"], "analyzer": data.get("analyzer", "")}
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"{what} is damaged ({exc!r}); `storyline rebuild` derives it again") from exc
    return _decoded(AnalysedArticle, light, what)


def _decoded(cls: type[T], data: Any, what: str) -> T:
    try:
        return from_data(cls, data)
    except (ValueError, TypeError) as exc:
        raise StoreError(
            f"{what} cannot be read ({exc}); it may come from another storyline version: "
            "`storyline rebuild` derives it again"
        ) from exc
