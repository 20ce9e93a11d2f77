"""The embedded store's tables (see the package's docstring), their migrations, and how facet values
are coded in them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsfacet.model import Dimension
from newsfacet.store.base import StoreError
from newsfacet.stories import simhash_bands

SCHEMA_VERSION = 4
NO_DATE = -(2**62)  # sort_at of an article without published_at: after every real date (desc)
DIMENSIONS = list(Dimension)
DIM_CODE = {dimension: code for code, dimension in enumerate(DIMENSIONS)}
DIMS = len(DIMENSIONS)  # packed facet id = value_id * DIMS + dimension code

_HOLDERS_SCHEMA = """
CREATE TABLE holders (
    id TEXT NOT NULL,
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (id, bucket, key)
) WITHOUT ROWID;
CREATE INDEX holders_by_object ON holders (bucket, key);
"""
# Schema 2 -> 3: the objects holding each live article; until then, the one origin of its row.
_MIGRATE_2_TO_3 = (
    _HOLDERS_SCHEMA
    + """
INSERT INTO holders (id, bucket, key, version)
    SELECT id, origin_bucket, origin_key, version FROM versions WHERE deleted = 0;
PRAGMA user_version = 3;
"""
)

# Each live article's story is `articles.story`; `simhash_bands` finds a new article's near-duplicates
# (`newsfacet.stories.simhash_bands`).
_STORIES_SCHEMA = """
CREATE INDEX articles_by_story ON articles (story);
CREATE TABLE simhash_bands (
    band TEXT NOT NULL,
    doc_id INTEGER NOT NULL,
    PRIMARY KEY (band, doc_id)
) WITHOUT ROWID;
CREATE INDEX simhash_bands_by_doc ON simhash_bands (doc_id);
"""

_SCHEMA = f"""
CREATE TABLE versions (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    origin_bucket TEXT NOT NULL,
    origin_key TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX versions_by_origin ON versions (origin_bucket, origin_key);
{_HOLDERS_SCHEMA}
CREATE TABLE articles (
    doc_id INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    sort_at INTEGER NOT NULL,
    published_day INTEGER,
    facets BLOB NOT NULL,
    story TEXT NOT NULL DEFAULT ''
);
CREATE INDEX articles_by_date ON articles (sort_at DESC, id);
CREATE INDEX articles_by_day ON articles (published_day);

CREATE TABLE article_content (
    doc_id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    lede TEXT NOT NULL,
    text TEXT NOT NULL,
    authors TEXT NOT NULL,
    entities TEXT NOT NULL,
    source TEXT NOT NULL,
    doc TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, lede, text, authors, entities, source,
    content = 'article_content', content_rowid = 'doc_id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE facet_values (
    value_id INTEGER PRIMARY KEY,
    dim INTEGER NOT NULL,
    value TEXT NOT NULL,
    live INTEGER NOT NULL DEFAULT 0,
    UNIQUE (dim, value)
);
CREATE INDEX facet_values_by_count ON facet_values (dim, live DESC, value);

CREATE TABLE facet_words (
    dim INTEGER NOT NULL,
    suffix TEXT NOT NULL,
    value_id INTEGER NOT NULL,
    PRIMARY KEY (dim, suffix, value_id)
) WITHOUT ROWID;

CREATE TABLE article_facets (
    doc_id INTEGER NOT NULL,
    dim INTEGER NOT NULL,
    value_id INTEGER NOT NULL,
    PRIMARY KEY (doc_id, dim, value_id)
) WITHOUT ROWID;
CREATE INDEX article_facets_by_value ON article_facets (value_id, doc_id);
{_STORIES_SCHEMA}
PRAGMA user_version = {SCHEMA_VERSION};
"""


def ensure_schema(conn: sqlite3.Connection, path: Path | None) -> None:
    """Create the tables in a new database, migrate an older one, refuse a newer one."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version in (0, 2):
            for statement in (_SCHEMA if version == 0 else _MIGRATE_2_TO_3).split(";"):
                if statement.strip():
                    conn.execute(statement)
        if version in (2, 3):
            _migrate_to_stories(conn)
        elif version not in (0, SCHEMA_VERSION):
            raise StoreError(
                f"{path}: schema version {version}, this newsfacet reads {SCHEMA_VERSION};"
                " re-index into a new file"
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _migrate_to_stories(conn: sqlite3.Connection) -> None:
    """Schema 3 -> 4: every article a story of its own, its simhash bands indexed."""
    conn.execute("ALTER TABLE articles ADD COLUMN story TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE articles SET story = id")
    for statement in _STORIES_SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    rows = conn.execute("SELECT doc_id, json_extract(doc, '$.simhash') FROM article_content").fetchall()
    conn.executemany(
        "INSERT OR IGNORE INTO simhash_bands (band, doc_id) VALUES (?, ?)",
        [(band, doc_id) for doc_id, simhash in rows if simhash for band in simhash_bands(simhash)],
    )
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
