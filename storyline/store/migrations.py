"""The database schema, as an ordered list of named migrations.

Migration N (1-based) is ``MIGRATIONS[N - 1]``. Each is applied once, in its own
transaction, and recorded in the ``migrations`` table with its number and name;
``PRAGMA user_version`` mirrors the number for tools that only look there.

Rules for adding one:
* append, never edit or reorder a released entry: databases in the field have run it;
* a step is either SQL (several statements are fine) or a function taking the
  connection, for data changes SQL cannot express. It runs inside the transaction:
  it must not commit, and SQL that needs foreign keys off (table rebuilds) must
  check ``PRAGMA foreign_key_check`` itself instead.

Timestamps are ISO 8601 UTC text. Every other JSON column is ``storyline.codec``
data of a model type.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from typing import Callable, Union

from ..errors import StoreError

Step = Union[str, Callable[[sqlite3.Connection], None]]

INITIAL = """
CREATE TABLE articles (
    seq          INTEGER PRIMARY KEY,          -- added order
    id           TEXT    NOT NULL UNIQUE,      -- Article.id: hash of url, title, text
    url          TEXT,
    version      INTEGER NOT NULL,             -- 1, 2, ... per URL: a changed text is a new row
    title        TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    outlet       TEXT,
    published    TEXT,                         -- ISO 8601 as given (offset or zone kept)
    published_us INTEGER,                      -- microseconds since 1970 UTC, for ordering
    language     TEXT,
    source       TEXT    NOT NULL,
    added_at     TEXT    NOT NULL,
    CHECK (version >= 1)
);
CREATE UNIQUE INDEX articles_url_version ON articles (url, version) WHERE url IS NOT NULL;
CREATE INDEX articles_published ON articles (published_us IS NULL, published_us, seq);

CREATE TABLE analyses (
    seq        INTEGER PRIMARY KEY,            -- stored order = the tracker's assignment order
    article_id TEXT NOT NULL UNIQUE REFERENCES articles (id),
    analyzer   TEXT NOT NULL,
    data       TEXT NOT NULL,                  -- AnalysedArticle
    stored_at  TEXT NOT NULL
);

CREATE TABLE stories (
    seq     INTEGER PRIMARY KEY,               -- creation order
    id      TEXT NOT NULL UNIQUE,
    title   TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);

CREATE TABLE story_articles (
    story_id     TEXT    NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,             -- publish order within the story
    article_id   TEXT    NOT NULL REFERENCES articles (id),
    duplicate_of TEXT             REFERENCES articles (id),
    PRIMARY KEY (story_id, position),
    UNIQUE (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles (article_id);

CREATE TABLE story_reports (
    story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    data     TEXT NOT NULL,                    -- StoryReport
    built_at TEXT NOT NULL
);

CREATE TABLE story_entities (
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    entity_key TEXT NOT NULL,
    PRIMARY KEY (story_id, entity_key)
) WITHOUT ROWID;
CREATE INDEX story_entities_key ON story_entities (entity_key, story_id);
"""

# Sentence embeddings of claim texts, so that fusing a story again (a new article
# joined it, another process, a rebuild) embeds only what it has never seen.
# Keyed by model, so a new model never reads an old one's vectors; float32 bytes,
# so a stored vector gives the very cosines a fresh one would.
VECTORS = """
CREATE TABLE vectors (
    model     TEXT NOT NULL,
    text_hash BLOB NOT NULL,                   -- sha256 of the UTF-8 text, first 16 bytes
    vector    BLOB NOT NULL,                   -- float32, native order
    PRIMARY KEY (model, text_hash)
) WITHOUT ROWID;
"""


def _story_text(conn: sqlite3.Connection) -> None:
    """Full-text search over what each story says (its title, every claim's wording, its
    articles' titles), filled from the reports already stored, one at a time."""
    from ..codec import from_data
    from ..model import StoryReport
    from .search import search_text

    conn.execute(
        "CREATE VIRTUAL TABLE story_text USING fts5("
        "story_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    for story_id, data in conn.execute("SELECT story_id, data FROM story_reports"):
        try:
            report = from_data(StoryReport, json.loads(data))
        except (ValueError, TypeError, KeyError):
            continue  # an unreadable report is rebuilt by `storyline rebuild`, and indexed then
        conn.execute("INSERT INTO story_text (story_id, body) VALUES (?, ?)", (story_id, search_text(report)))


def _report_relays(conn: sqlite3.Connection) -> None:
    """Give each stored report the relay chains of its articles (``StoryReport.relayed``),
    taken from their stored analyses, as fusing the story again would.

    Works on the stored JSON alone, so a report is neither decoded nor changed otherwise;
    one that is not JSON is left for `storyline rebuild`. Without this, a report stored
    before the field existed reads as if no article relayed a report, until rebuilt.
    """
    story_ids = [sid for (sid,) in conn.execute("SELECT story_id FROM story_reports")]
    for story_id in story_ids:  # one report in memory at a time
        (text,) = conn.execute("SELECT data FROM story_reports WHERE story_id = ?", (story_id,)).fetchone()
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if not isinstance(data, dict) or "relayed" in data:
            continue
        relayed = {}
        members = conn.execute(
            "SELECT sa.article_id, an.data FROM story_articles sa"
            " JOIN analyses an ON an.article_id = sa.article_id"
            " WHERE sa.story_id = ? ORDER BY sa.position",
            (story_id,),
        )
        for article_id, analysis in members:
            try:
                chain = json.loads(analysis).get("relayed")
            except (ValueError, AttributeError):
                continue
            if chain:
                relayed[article_id] = chain
        data["relayed"] = relayed
        conn.execute(
            "UPDATE story_reports SET data = ? WHERE story_id = ?",
            (json.dumps(data, ensure_ascii=False, separators=(",", ":")), story_id),
        )


MIGRATIONS: list[tuple[str, Step]] = [
    ("initial", INITIAL),
    ("vectors", VECTORS),
    ("story_text", _story_text),
    ("report_relays", _report_relays),
]

SCHEMA_VERSION = len(MIGRATIONS)

_LEDGER = """
CREATE TABLE IF NOT EXISTS migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


def migrate(conn: sqlite3.Connection, migrations: list[tuple[str, Step]] | None = None) -> list[str]:
    """Bring the database up to date. Returns the names of the migrations applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each step gets
    its own ``BEGIN IMMEDIATE``, so two processes opening the same old file at once
    take turns, and the second finds nothing left to do.
    """
    if migrations is None:
        migrations = MIGRATIONS  # looked up now, so a test can append a migration
    conn.execute(_LEDGER)
    done = _applied(conn)
    _check_known(done, migrations)
    applied: list[str] = []
    if len(done) == len(migrations):
        return applied  # the usual open: up to date, no write lock taken
    for version, (name, step) in enumerate(migrations, start=1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the lock: another process may have migrated meanwhile.
            done = _applied(conn)
            _check_known(done, migrations)
            if version in done:
                conn.execute("ROLLBACK")
                continue
            if isinstance(step, str):
                for statement in split_sql(step):
                    conn.execute(statement)
            else:
                step(conn)
            conn.execute(
                "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, utc_now()),
            )
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _applied(conn: sqlite3.Connection) -> dict[int, str]:
    return dict(conn.execute("SELECT version, name FROM migrations").fetchall())


def _check_known(done: dict[int, str], migrations: list[tuple[str, Step]]) -> None:
    newest = max(done, default=0)
    if newest > len(migrations):
        raise StoreError(
            f"the database has schema version {newest}, newer than this storyline knows "
            f"(up to {len(migrations)}): it was written by a newer storyline; upgrade storyline "
            "to open it"
        )
    for version, name in sorted(done.items()):
        expected = migrations[version - 1][0]
        if name != expected:
            raise StoreError(
                f"the database's migration {version} is {name!r}, but this storyline's is "
                f"{expected!r}: it was made by a different storyline"
            )


def split_sql(script: str) -> list[str]:
    """The statements of ``script``. (``executescript`` would commit the open transaction.)"""
    statements, buffer = [], ""
    for piece in script.split(";"):
        buffer += piece + ";"
        # Only cut where SQLite agrees a statement ends: not at a ';' in a string or trigger.
        if sqlite3.complete_statement(buffer):
            if _strip_comments(buffer).strip(" \t\r\n;"):
                statements.append(buffer)
            buffer = ""
    if _strip_comments(buffer).strip(" \t\r\n;"):
        raise StoreError(f"incomplete SQL statement in migration: {buffer.strip()[:80]!r}")
    return statements


def _strip_comments(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat()
