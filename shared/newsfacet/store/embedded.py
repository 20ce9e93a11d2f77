"""The embedded store: one SQLite file (standard library), FTS5 full text, facets by SQL.

It is the default store when no OpenSearch is configured, and obeys the same contract
(`tests/contract/`). Layout:

- `versions`: every id ever written, live or tombstone, with its external version and S3 origin.
- `holders`: the S3 objects holding each live article, with their events' versions (see `holders`).
- `articles`: live articles only, keyed by a small integer `doc_id` that the side tables share,
  kept narrow (id, `sort_at` = published_at in microseconds or a sentinel when missing,
  `published_day` = proleptic ordinal of the UTC day, and `facets`: the article's facet value ids
  packed as little-endian int32 `value_id * dimensions + dimension`) so that sorting, date
  filters, histograms and facet counts read few pages.
- `article_content`: the searchable text in columns (the FTS5 table's external content) and the rest
  of the article as JSON, read only for the hits of a page and by `get`.
- `articles_fts`: FTS5 over title, lede, text, authors, entity names and source, tokenized
  `porter unicode61 remove_diacritics 2`; ranked by bm25 with the title weighted most.
- `facet_values` (one row per distinct value, with its live article count, so the unfiltered
  facets are an index read), `facet_words` (folded word suffixes of each value, for prefix
  search) and `article_facets` (doc_id -> value_id, indexed both ways).

A search materialises the ids matching `q` and the dates once into a temporary table;
the hits, the total and the histogram are then SQL over that set joined with the facet selections,
all in one read transaction (one consistent snapshot). Facet counts read each matching article's
packed `facets` and count in Python (a few times faster than a GROUP BY over `article_facets`);
with no restriction at all they are the live counts `facet_values` keeps on every write.

Concurrency: WAL journal; each thread gets its own connection (so the local server's threads read
in parallel), writers take the write lock up front (`BEGIN IMMEDIATE`), and other processes may
read while one writes. `sqlite:///:memory:` keeps everything in one connection behind a lock.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import groupby
from pathlib import Path
from typing import Any

from newsfacet.config import DEFAULT_STORE_URL, Settings
from newsfacet.model import (
    Article,
    Dimension,
    FacetValue,
    HistogramBucket,
    HistogramInterval,
    Holder,
    SearchHit,
    SearchQuery,
    SearchResult,
    StoredVersion,
    WriteOutcome,
)
from newsfacet.query_policy import searchable
from newsfacet.query_syntax import AnyOf, Clause, Phrase, Term, parse
from newsfacet.store.base import (
    ArticleStore,
    InvalidCursor,
    PutArticle,
    StoreError,
    StoreUnavailable,
    StoreWrite,
    WriteResult,
)
from newsfacet.store.cursor import decode_cursor, encode_cursor
from newsfacet.store.facets import (
    article_facet_values,
    fill_histogram,
    fold,
    ordered_facet,
    searchable_forms,
    value_suffixes,
)
from newsfacet.store.holders import with_holder, without_holder
from newsfacet.store.snippets import (
    MARK_END,
    MARK_START,
    SNIPPET_WORDS,
    has_mark,
    lede_snippet,
    marked_snippet,
    strip_sentinels,
)

__all__ = ["EmbeddedStore"]

SCHEMA_VERSION = 3
# bm25 weights of the FTS columns: title, lede, text, authors, entities, source.
_WEIGHTS = (5.0, 2.0, 1.0, 1.0, 2.0, 1.0)
_TEXT_COLUMN, _LEDE_COLUMN = 2, 1
_NO_DATE = -(2**62)  # sort_at of an article without published_at: after every real date (desc)
_DIMENSIONS = list(Dimension)
_DIM_CODE = {dimension: code for code, dimension in enumerate(_DIMENSIONS)}
_DIMS = len(_DIMENSIONS)  # packed facet id = value_id * _DIMS + dimension code
_TOP_OF_UNICODE = "\U0010ffff"

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
    facets BLOB NOT NULL
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

PRAGMA user_version = {SCHEMA_VERSION};
"""


class EmbeddedStore(ArticleStore):
    """`ArticleStore` on one SQLite file (or in memory). Safe for threads of one process."""

    def __init__(self, path: Path | None, *, cursor_key: bytes | None = None) -> None:
        """Open (creating if needed) the store at `path`; None keeps it in memory. `cursor_key` signs
        paging cursors (by default, `Settings.cursor_signing_key` for this store's URL)."""
        self._path = path
        self._cursor_key = cursor_key or Settings(store=_url_of(path)).cursor_signing_key()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._registry_lock = threading.Lock()
        self._memory_lock = threading.RLock()
        self._memory: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        with self._connection() as conn:
            self._ensure_schema(conn)

    @classmethod
    def from_url(cls, url: str, *, cursor_key: bytes | None = None) -> EmbeddedStore:
        """`sqlite:///relative/path.db`, `sqlite:////absolute/path.db` or `sqlite:///:memory:`."""
        if not url.startswith("sqlite://"):
            raise ValueError(f"not an embedded store URL: {url!r} (use sqlite:///path or sqlite:///:memory:)")
        location = url.removeprefix("sqlite://").removeprefix("/")
        if not location:
            location = DEFAULT_STORE_URL.removeprefix("sqlite:///")
        if location == ":memory:":
            return cls(None, cursor_key=cursor_key)
        return cls(Path(location), cursor_key=cursor_key)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None in memory."""
        return self._path

    # --- writing -------------------------------------------------------------------------------

    def write_batch(self, writes: Sequence[StoreWrite]) -> list[WriteResult]:
        """The whole batch in one transaction: SQLite refuses no single document, so a batch is
        written whole or (the database locked or failing) not at all."""
        with self._writing() as conn:
            return [
                self._put(conn, write.article)
                if isinstance(write, PutArticle)
                else self._release(conn, write.article_id, write.version, write.bucket, write.key)
                for write in writes
            ]

    def _put(self, conn: sqlite3.Connection, article: Article) -> WriteOutcome:
        holder = Holder(bucket=article.origin.bucket, key=article.origin.key, version=article.version)
        held_version, live = self._held(conn, article.id)
        current = self._holders(conn, article.id) if live else []
        if held_version >= article.version:
            # Stale, but the object holds the (newer) article all the same.
            attached = with_holder(current, holder) if live else None
            if attached is not None:
                self._set_holders(conn, article.id, attached)
            return WriteOutcome(id=article.id, status="stale")
        self._set_holders(conn, article.id, with_holder(current, holder) or current)
        self._write_article(conn, article)
        conn.execute(
            "INSERT INTO versions (id, version, deleted, origin_bucket, origin_key)"
            " VALUES (?, ?, 0, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
            " deleted = 0, origin_bucket = excluded.origin_bucket, origin_key = excluded.origin_key",
            (article.id, article.version, article.origin.bucket, article.origin.key),
        )
        return WriteOutcome(id=article.id, status="written")

    def _release(
        self, conn: sqlite3.Connection, article_id: str, version: int, bucket: str, key: str
    ) -> WriteOutcome:
        held_version, live = self._held(conn, article_id)
        if live:
            remaining = without_holder(self._holders(conn, article_id), bucket, key, version)
            if remaining is None:
                return WriteOutcome(id=article_id, status="stale")
            if remaining:
                self._set_holders(conn, article_id, remaining)
                return WriteOutcome(id=article_id, status="kept")
            version = max(version, held_version)  # the last hold is gone: the article too
        elif held_version >= version:
            return WriteOutcome(id=article_id, status="stale")
        self._set_holders(conn, article_id, [])
        row = conn.execute("SELECT doc_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            self._unindex(conn, row[0])
            conn.execute("DELETE FROM articles WHERE doc_id = ?", (row[0],))
            conn.execute("DELETE FROM article_content WHERE doc_id = ?", (row[0],))
        conn.execute(
            "INSERT INTO versions (id, version, deleted, origin_bucket, origin_key)"
            " VALUES (?, ?, 1, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
            " deleted = 1, origin_bucket = excluded.origin_bucket, origin_key = excluded.origin_key",
            (article_id, version, bucket, key),
        )
        return WriteOutcome(id=article_id, status="written")

    # --- reading -------------------------------------------------------------------------------

    def find_by_origin(self, bucket: str, key: str, *, fresh: bool = True) -> list[StoredVersion]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT id, version, 0 FROM holders WHERE bucket = ? AND key = ?"
                " UNION ALL SELECT id, version, 1 FROM versions"
                " WHERE deleted = 1 AND origin_bucket = ? AND origin_key = ? ORDER BY 1",
                (bucket, key, bucket, key),
            ).fetchall()
        return [StoredVersion(id=row[0], version=row[1], deleted=bool(row[2])) for row in rows]

    def live_holders(self) -> Iterator[tuple[str, list[Holder]]]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT id, bucket, key, version FROM holders ORDER BY id, bucket, key"
            ).fetchall()
        for article_id, group in groupby(rows, key=lambda row: str(row[0])):
            yield article_id, [Holder(bucket=row[1], key=row[2], version=row[3]) for row in group]

    def holders(self, article_id: str) -> list[Holder]:
        with self._reading() as conn:
            return self._holders(conn, article_id)

    def get(self, article_id: str) -> Article | None:
        with self._reading() as conn:
            row = conn.execute(
                "SELECT c.title, c.lede, c.text, c.doc FROM articles a"
                " JOIN article_content c ON c.doc_id = a.doc_id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            return None
        return Article.model_validate({**json.loads(row[3]), "title": row[0], "lede": row[1], "text": row[2]})

    def search(self, query: SearchQuery) -> SearchResult:
        position = decode_cursor(query, query.cursor, self._cursor_key) if query.cursor else None
        with self._reading() as conn:
            plan = _Plan.build(conn, query)
            total = plan.count(conn)
            rows = plan.page(
                conn,
                sort=query.effective_sort(),
                limit=query.size + 1,
                total=total,
                after=position.sort_values if position else None,
                after_id=position.last_id if position else None,
            )
            more = len(rows) > query.size
            rows = rows[: query.size]
            hits = self._hits(conn, plan, [row[0] for row in rows])
            counts = plan.facet_counts(
                conn, [d for d in _DIMENSIONS if d not in plan.selections], skip=None, top=query.facet_size
            )
            for dimension in plan.selections:
                counts |= plan.facet_counts(conn, [dimension], skip=dimension, top=query.facet_size)
            histogram = fill_histogram(plan.day_counts(conn), query.histogram) if query.histogram else None
        facets = {
            dimension: ordered_facet(counts[dimension], query.selected(dimension).values, query.facet_size)
            for dimension in _DIMENSIONS
        }
        next_cursor = (
            encode_cursor(query, [rows[-1][1]], rows[-1][2], self._cursor_key) if more and rows else None
        )
        return SearchResult(
            total=total, hits=hits, facets=facets, next_cursor=next_cursor, histogram=histogram
        )

    def facet_values(
        self, dimension: Dimension, prefix: str, query: SearchQuery, size: int = 10
    ) -> list[FacetValue]:
        folded = fold(prefix)
        with self._reading() as conn:
            plan = _Plan.build(conn, query)
            counts = plan.facet_counts(conn, [dimension], skip=dimension, prefix=folded, top=size)
        selected = query.selected(dimension).values
        wanted = [value for value in selected if not folded or _has_prefix(value, folded)]
        return ordered_facet(counts[dimension], wanted, size)

    def histogram(self, query: SearchQuery, interval: HistogramInterval) -> list[HistogramBucket]:
        with self._reading() as conn:
            plan = _Plan.build(conn, query)
            return fill_histogram(plan.day_counts(conn), interval)

    def close(self) -> None:
        with self._registry_lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
            self._memory = None
        self._local = threading.local()

    # --- internals -----------------------------------------------------------------------------

    def _hits(self, conn: sqlite3.Connection, plan: _Plan, doc_ids: list[int]) -> list[SearchHit]:
        if not doc_ids:
            return []
        marks = ",".join("?" * len(doc_ids))
        rows = {
            row[0]: row
            for row in conn.execute(
                "SELECT a.doc_id, a.id, c.title, c.lede, c.text, c.source, c.doc FROM articles a"
                f" JOIN article_content c ON c.doc_id = a.doc_id WHERE a.doc_id IN ({marks})",
                doc_ids,
            )
        }
        snippets: dict[int, str] = {}
        if plan.highlight is not None:
            # Matches in the text first; the lede only for hits whose text has none.
            for column in (_TEXT_COLUMN, _LEDE_COLUMN):
                wanted = [doc_id for doc_id in doc_ids if doc_id not in snippets]
                if not wanted:
                    break
                for doc_id, raw in conn.execute(
                    f"SELECT rowid, snippet(articles_fts, {column}, ?, ?, '…', {SNIPPET_WORDS})"
                    f" FROM articles_fts WHERE articles_fts MATCH ?"
                    f" AND rowid IN ({','.join('?' * len(wanted))})",
                    [MARK_START, MARK_END, plan.highlight, *wanted],
                ):
                    if has_mark(raw):
                        snippets[doc_id] = marked_snippet(raw)
        hits = []
        for doc_id in doc_ids:
            _, article_id, title, lede, text, source, doc = rows[doc_id]
            meta = json.loads(doc)
            hits.append(
                SearchHit(
                    id=article_id,
                    title=title,
                    url=meta.get("url"),
                    source=source or None,
                    published_at=meta.get("published_at"),
                    snippet=snippets.get(doc_id) or lede_snippet(lede, text),
                    actors=[actor["name"] for actor in meta.get("actors", [])],
                    locations=[location["name"] for location in meta.get("locations", [])],
                    topics=[topic["label"] for topic in meta.get("topics", [])],
                )
            )
        return hits

    @staticmethod
    def _held(conn: sqlite3.Connection, article_id: str) -> tuple[int, bool]:
        """The version held for the id (-1: none) and whether it is a live article."""
        row = conn.execute("SELECT version, deleted FROM versions WHERE id = ?", (article_id,)).fetchone()
        return (-1, False) if row is None else (int(row[0]), not row[1])

    @staticmethod
    def _holders(conn: sqlite3.Connection, article_id: str) -> list[Holder]:
        rows = conn.execute(
            "SELECT bucket, key, version FROM holders WHERE id = ? ORDER BY bucket, key", (article_id,)
        )
        return [Holder(bucket=row[0], key=row[1], version=row[2]) for row in rows]

    @staticmethod
    def _set_holders(conn: sqlite3.Connection, article_id: str, holders: list[Holder]) -> None:
        conn.execute("DELETE FROM holders WHERE id = ?", (article_id,))
        conn.executemany(
            "INSERT INTO holders (id, bucket, key, version) VALUES (?, ?, ?, ?)",
            [(article_id, held.bucket, held.key, held.version) for held in holders],
        )

    def _write_article(self, conn: sqlite3.Connection, article: Article) -> None:
        published = article.published_at
        if published is not None and published.tzinfo is None:
            published = published.replace(tzinfo=UTC)  # naive datetimes are taken as UTC
        sort_at = _NO_DATE if published is None else _micros(published)
        day = None if published is None else published.astimezone(UTC).date().toordinal()
        values = article_facet_values(article)
        columns = (
            strip_sentinels(article.title),
            strip_sentinels(article.lede),
            strip_sentinels(article.text),
            strip_sentinels("\n".join(article.authors)),
            strip_sentinels(
                "\n".join(values[Dimension.ACTOR] + values[Dimension.LOCATION] + values[Dimension.TOPIC])
            ),
            strip_sentinels(article.source or ""),
        )
        doc = article.model_dump_json(exclude={"title", "lede", "text"})
        facet_rows: list[tuple[int, int]] = []  # (dimension code, value id)
        for dimension, dimension_values in values.items():
            code = _DIM_CODE[dimension]
            for value in dimension_values:
                value_id = conn.execute(
                    "INSERT INTO facet_values (dim, value, live) VALUES (?, ?, 1)"
                    " ON CONFLICT (dim, value) DO UPDATE SET live = live + 1 RETURNING value_id",
                    (code, value),
                ).fetchone()[0]
                facet_rows.append((code, value_id))
                conn.executemany(
                    "INSERT OR IGNORE INTO facet_words (dim, suffix, value_id) VALUES (?, ?, ?)",
                    [
                        (code, suffix, value_id)
                        for form in searchable_forms(article, dimension, value)
                        for suffix in value_suffixes(form)
                    ],
                )
        packed = _pack([value_id * _DIMS + code for code, value_id in facet_rows])
        row = conn.execute("SELECT doc_id FROM articles WHERE id = ?", (article.id,)).fetchone()
        if row is None:
            doc_id = conn.execute(
                "INSERT INTO articles (id, sort_at, published_day, facets) VALUES (?, ?, ?, ?)"
                " RETURNING doc_id",
                (article.id, sort_at, day, packed),
            ).fetchone()[0]
        else:
            doc_id = row[0]
            self._unindex(conn, doc_id)
            conn.execute(
                "UPDATE articles SET sort_at = ?, published_day = ?, facets = ? WHERE doc_id = ?",
                (sort_at, day, packed, doc_id),
            )
        conn.execute(
            "INSERT OR REPLACE INTO article_content"
            " (doc_id, title, lede, text, authors, entities, source, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, *columns, doc),
        )
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, lede, text, authors, entities, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc_id, *columns),
        )
        conn.executemany(
            "INSERT INTO article_facets (doc_id, dim, value_id) VALUES (?, ?, ?)",
            [(doc_id, code, value_id) for code, value_id in facet_rows],
        )

    @staticmethod
    def _unindex(conn: sqlite3.Connection, doc_id: int) -> None:
        """Remove a live article's full-text entry and facet memberships (the row stays)."""
        conn.execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, lede, text, authors, entities, source)"
            " SELECT 'delete', doc_id, title, lede, text, authors, entities, source"
            " FROM article_content WHERE doc_id = ?",
            (doc_id,),
        )
        conn.execute(
            "UPDATE facet_values SET live = live - 1"
            " WHERE value_id IN (SELECT value_id FROM article_facets WHERE doc_id = ?)",
            (doc_id,),
        )
        conn.execute("DELETE FROM article_facets WHERE doc_id = ?", (doc_id,))

    def _ensure_schema(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version in (0, 2):
                for statement in (_SCHEMA if version == 0 else _MIGRATE_2_TO_3).split(";"):
                    if statement.strip():
                        conn.execute(statement)
            elif version != SCHEMA_VERSION:
                raise StoreError(
                    f"{self._path}: schema version {version}, this newsfacet reads {SCHEMA_VERSION};"
                    " re-index into a new file"
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _open(self) -> sqlite3.Connection:
        target = ":memory:" if self._path is None else str(self._path)
        conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, timeout=30.0)
        if self._path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA mmap_size = 268435456")
        conn.execute("CREATE TEMP TABLE matched (doc_id INTEGER PRIMARY KEY, score REAL NOT NULL)")
        with self._registry_lock:
            self._connections.append(conn)
        return conn

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection (file) or the one shared connection, locked (memory)."""
        if self._path is None:
            with self._memory_lock:
                if self._memory is None:
                    self._memory = self._open()
                yield self._memory
            return
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open()
        yield conn

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._connection() as conn, _unavailable_on_lock():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._connection() as conn, _unavailable_on_lock():
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")


@contextmanager
def _unavailable_on_lock() -> Iterator[None]:
    """A database locked past the busy timeout is transient: callers may retry."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StoreUnavailable(f"embedded store busy: {error}") from error
        raise


# --- query planning ------------------------------------------------------------------------------


@dataclass
class _Selection:
    """The doc_ids satisfying one dimension's selection, as SQL (distinct ids, live articles)."""

    sql: str
    params: list[Any]


# Below this many matches, a date-sorted page sorts the matched set; above, it walks the date index.
_SORT_SET_BELOW = 4000


@dataclass
class _Plan:
    """The SQL pieces of one query: the matched set and each dimension's selection.

    "Matched" is what `q` and the dates allow; when they allow everything
    (`restricted` false) no temporary set is built and the selections alone (or every live
    article) are the source.
    """

    restricted: bool
    ranked: bool  # True: `matched.score` holds bm25 scores (lower is better)
    highlight: str | None  # FTS5 expression of the positive clauses, for snippets
    selections: dict[Dimension, _Selection]
    chosen: dict[Dimension, list[str]]  # the selected values, per dimension

    @classmethod
    def build(cls, conn: sqlite3.Connection, query: SearchQuery) -> _Plan:
        parsed = parse(query.q)
        positive = _fts_expression(searchable(parsed.positive))
        negative = _fts_expression(searchable(parsed.negated), join=" OR ")
        conditions: list[str] = []
        params: list[Any] = []
        if query.date_from is not None:
            conditions.append("a.published_day >= ?")
            params.append(query.date_from.toordinal())
        if query.date_to is not None:
            conditions.append("a.published_day <= ?")
            params.append(query.date_to.toordinal())
        if negative and not positive:
            conditions.append("a.doc_id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(negative)
        conn.execute("DELETE FROM temp.matched")
        if positive:
            # FTS5 subtracts the exclusions itself, merging doclists: far cheaper than NOT IN.
            expression = f"({positive}) NOT ({negative})" if negative else positive
            weights = ", ".join(str(w) for w in _WEIGHTS)
            conn.execute(
                f"INSERT INTO temp.matched (doc_id, score) SELECT rowid, bm25(articles_fts, {weights})"
                " FROM articles_fts WHERE articles_fts MATCH ?",
                [expression],
            )
            if conditions:
                # Narrow after scoring: the FTS index drives, each match is checked once by rowid.
                conn.execute(
                    "DELETE FROM temp.matched WHERE doc_id NOT IN (SELECT a.doc_id FROM temp.matched m"
                    f" CROSS JOIN articles a ON a.doc_id = m.doc_id WHERE {' AND '.join(conditions)})",
                    params,
                )
        elif conditions:
            conn.execute(
                "INSERT INTO temp.matched (doc_id, score) SELECT a.doc_id, 0 FROM articles a"
                f" WHERE {' AND '.join(conditions)}",
                params,
            )
        selections = {
            dimension: _selection(conn, dimension, query)
            for dimension in _DIMENSIONS
            if query.selected(dimension).values
        }
        return cls(
            restricted=bool(positive or conditions),
            ranked=bool(positive),
            highlight=positive or None,
            selections=selections,
            chosen={dimension: query.selected(dimension).values for dimension in selections},
        )

    def source(self, skip: Dimension | None = None) -> tuple[str, list[Any]]:
        """SQL yielding the distinct doc_ids matched under every selection but `skip`'s."""
        parts = [sel for dim, sel in self.selections.items() if dim != skip]
        if self.restricted:
            base, base_params = "SELECT doc_id FROM temp.matched", []
        elif parts:
            first = parts.pop(0)
            base, base_params = f"SELECT doc_id FROM ({first.sql})", list(first.params)
        else:
            return "SELECT doc_id FROM articles", []
        if not parts:
            return base, base_params
        where = " AND ".join(f"doc_id IN ({sel.sql})" for sel in parts)
        return f"{base} WHERE {where}", base_params + [p for sel in parts for p in sel.params]

    def count(self, conn: sqlite3.Connection) -> int:
        sql, params = self.source()
        return int(conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])

    def page(
        self,
        conn: sqlite3.Connection,
        *,
        sort: str,
        limit: int,
        total: int,
        after: list[Any] | None,
        after_id: str | None,
    ) -> list[tuple[int, Any, str]]:
        """(doc_id, sort value, id) of the next `limit` hits after the cursor position, in order."""
        source, source_params = self.source()
        params = list(source_params)
        conditions: list[str] = []
        if self.selections:
            conditions.append(f"a.doc_id IN ({source})")
        else:
            params = []
        if sort == "relevance":
            key = "m.score" if self.ranked else "0.0"
            if after is not None:
                conditions.append(f"({key} > ? OR ({key} = ? AND a.id > ?))")
                params += [_number(after), _number(after), after_id]
            where = "".join(f" AND {c}" for c in conditions)
            if self.ranked:
                sql = (
                    "SELECT a.doc_id, m.score, a.id FROM temp.matched m CROSS JOIN articles a"
                    f" ON a.doc_id = m.doc_id WHERE 1{where} ORDER BY m.score ASC, a.id ASC LIMIT ?"
                )
            elif self.restricted:
                sql = (
                    "SELECT a.doc_id, 0.0, a.id FROM temp.matched m CROSS JOIN articles a"
                    f" ON a.doc_id = m.doc_id WHERE 1{where} ORDER BY a.id ASC LIMIT ?"
                )
            else:
                sql = f"SELECT a.doc_id, 0.0, a.id FROM articles a WHERE 1{where} ORDER BY a.id ASC LIMIT ?"
        else:
            if after is not None:
                conditions.append("(a.sort_at < ? OR (a.sort_at = ? AND a.id > ?))")
                params += [_number(after), _number(after), after_id]
            where = "".join(f" AND {c}" for c in conditions)
            if self.restricted and total < _SORT_SET_BELOW:
                # Few matches: sort them. Many: walk the date index until the page is full.
                sql = (
                    "SELECT a.doc_id, a.sort_at, a.id FROM temp.matched m CROSS JOIN articles a"
                    f" ON a.doc_id = m.doc_id WHERE 1{where} ORDER BY a.sort_at DESC, a.id ASC LIMIT ?"
                )
            elif self.restricted:
                sql = (
                    "SELECT a.doc_id, a.sort_at, a.id FROM articles a INDEXED BY articles_by_date"
                    f" WHERE a.doc_id IN (SELECT doc_id FROM temp.matched){where}"
                    " ORDER BY a.sort_at DESC, a.id ASC LIMIT ?"
                )
            elif self.selections and total < _SORT_SET_BELOW:
                params = source_params + params  # the source drives, and is checked again (cheap)
                sql = (
                    f"SELECT a.doc_id, a.sort_at, a.id FROM ({source}) s CROSS JOIN articles a"
                    f" ON a.doc_id = s.doc_id WHERE 1{where} ORDER BY a.sort_at DESC, a.id ASC LIMIT ?"
                )
            else:
                sql = (
                    "SELECT a.doc_id, a.sort_at, a.id FROM articles a INDEXED BY articles_by_date"
                    f" WHERE 1{where} ORDER BY a.sort_at DESC, a.id ASC LIMIT ?"
                )
        return [(row[0], row[1], row[2]) for row in conn.execute(sql, [*params, limit])]

    def facet_counts(
        self,
        conn: sqlite3.Connection,
        dimensions: list[Dimension],
        skip: Dimension | None,
        prefix: str | None = None,
        top: int | None = None,
    ) -> dict[Dimension, dict[str, int]]:
        """Value counts of `dimensions` over the matched set under every selection but `skip`'s.

        With `prefix`, only values with a word (and what follows) starting with it. With `top`,
        only the `top` most frequent values are needed (any selected value is counted anyway).
        """
        codes = [_DIM_CODE[d] for d in dimensions]
        counts: dict[Dimension, dict[str, int]] = {d: {} for d in dimensions}
        candidates, candidate_params = "", []
        if prefix:
            candidates = (
                " AND v.value_id IN (SELECT value_id FROM facet_words"
                " WHERE dim = v.dim AND suffix >= ? AND suffix < ?)"
            )
            candidate_params = [prefix, prefix + _TOP_OF_UNICODE]
        everything = not self.restricted and not any(d != skip for d in self.selections)
        marks = ",".join("?" * len(codes))
        if everything:
            # Nothing narrows these dimensions: the live counts kept on write are the answer.
            limit = "" if top is None or prefix else " ORDER BY v.live DESC, v.value ASC LIMIT ?"
            for dimension, code in zip(dimensions, codes, strict=True):
                rows = conn.execute(
                    f"SELECT v.value, v.live FROM facet_values v INDEXED BY facet_values_by_count"
                    f" WHERE v.dim = ? AND v.live > 0{candidates}{limit}",
                    [code, *candidate_params, *([top] if limit else [])],
                )
                counts[dimension] = dict(rows)
                missing = self._missing_chosen(dimension, counts[dimension], prefix)
                if limit and missing:  # selected values beyond the top keep their real count
                    counts[dimension].update(
                        conn.execute(
                            "SELECT value, live FROM facet_values WHERE dim = ?"
                            " AND value IN (SELECT value FROM json_each(?))",
                            [code, json.dumps(missing)],
                        )
                    )
            return counts
        source, params = self.source(skip=skip)
        packed = array("i")
        for (blob,) in conn.execute(
            f"SELECT a.facets FROM ({source}) s CROSS JOIN articles a ON a.doc_id = s.doc_id", params
        ):
            packed.frombytes(blob)
        if sys.byteorder != "little":
            packed.byteswap()
        tally = Counter(packed)
        allowed: set[int] | None = None
        if prefix:
            allowed = {
                row[0]
                for row in conn.execute(
                    f"SELECT value_id FROM facet_words WHERE dim IN ({marks}) AND suffix >= ? AND suffix < ?",
                    [*codes, prefix, prefix + _TOP_OF_UNICODE],
                )
            }
        wanted: dict[int, int] = {}  # value id -> count, for the values worth naming
        for code in codes:
            found = [
                (key // _DIMS, n)
                for key, n in tally.items()
                if key % _DIMS == code and (allowed is None or key // _DIMS in allowed)
            ]
            if top is not None and len(found) > top:
                # Only the top values, and every value tied with the last of them, need a name.
                cut = sorted((n for _, n in found), reverse=True)[top - 1]
                found = [(value_id, n) for value_id, n in found if n >= cut]
            wanted.update(found)
        names = conn.execute(
            "SELECT value_id, dim, value FROM facet_values"
            " WHERE value_id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(wanted))],
        )
        for value_id, code, value in names:
            counts[_DIMENSIONS[code]][value] = wanted[value_id]
        for dimension in dimensions:  # selected values beyond the top keep their real count
            missing = self._missing_chosen(dimension, counts[dimension], prefix)
            if missing:
                ids = dict(
                    conn.execute(
                        "SELECT value_id, value FROM facet_values WHERE dim = ?"
                        " AND value IN (SELECT value FROM json_each(?))",
                        [_DIM_CODE[dimension], json.dumps(missing)],
                    )
                )
                for value_id, value in ids.items():
                    counts[dimension][value] = tally.get(value_id * _DIMS + _DIM_CODE[dimension], 0)
        return counts

    def _missing_chosen(self, dimension: Dimension, counted: dict[str, int], prefix: str | None) -> list[str]:
        """Selected values not counted yet (beyond the top), among those the prefix allows."""
        return [
            value
            for value in self.chosen.get(dimension, [])
            if value not in counted and (not prefix or _has_prefix(value, prefix))
        ]

    def day_counts(self, conn: sqlite3.Connection) -> dict[date, int]:
        source, params = self.source()
        rows = conn.execute(
            f"SELECT a.published_day, count(*) FROM ({source}) s CROSS JOIN articles a"
            " ON a.doc_id = s.doc_id WHERE a.published_day IS NOT NULL GROUP BY a.published_day",
            params,
        )
        return {date.fromordinal(day): count for day, count in rows}


def _selection(conn: sqlite3.Connection, dimension: Dimension, query: SearchQuery) -> _Selection:
    """The doc_ids that satisfy `dimension`'s selection (any or all of its values)."""
    selected = query.selected(dimension)
    values = list(dict.fromkeys(selected.values))
    marks = ",".join("?" * len(values))
    ids = [
        row[0]
        for row in conn.execute(
            f"SELECT value_id FROM facet_values WHERE dim = ? AND value IN ({marks})",
            [_DIM_CODE[dimension], *values],
        )
    ]
    if not ids or (selected.match == "all" and len(ids) < len(values)):
        return _Selection("SELECT NULL AS doc_id WHERE 0", [])  # a value nobody has
    if len(ids) == 1:
        return _Selection("SELECT doc_id FROM article_facets WHERE value_id = ?", ids)
    id_marks = ",".join("?" * len(ids))
    if selected.match == "all":
        return _Selection(
            f"SELECT doc_id FROM article_facets WHERE value_id IN ({id_marks})"
            f" GROUP BY doc_id HAVING count(*) = {len(ids)}",
            ids,
        )
    return _Selection(f"SELECT DISTINCT doc_id FROM article_facets WHERE value_id IN ({id_marks})", ids)


def _fts_expression(clauses: list[Clause], join: str = " AND ") -> str:
    """An FTS5 MATCH expression for `clauses`, every word double-quoted (never FTS5 syntax)."""
    return join.join(f"({_fts_clause(clause)})" for clause in clauses)


def _fts_clause(clause: Clause) -> str:
    if isinstance(clause, Term):
        return _quoted(clause.text)
    if isinstance(clause, Phrase):
        return _quoted(" ".join(clause.words))
    assert isinstance(clause, AnyOf)
    return " OR ".join(_fts_clause(option) for option in clause.options)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _has_prefix(value: str, folded_prefix: str) -> bool:
    return any(suffix.startswith(folded_prefix) for suffix in value_suffixes(value))


def _pack(keys: list[int]) -> bytes:
    """Packed facet ids as stored in `articles.facets`: little-endian int32."""
    packed = array("i", keys)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def _url_of(path: Path | None) -> str:
    return "sqlite:///:memory:" if path is None else f"sqlite:///{path}"


def _micros(moment: datetime) -> int:
    delta = moment.astimezone(UTC) - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _number(values: list[Any]) -> float | int:
    if len(values) != 1 or not isinstance(values[0], int | float) or isinstance(values[0], bool):
        raise InvalidCursor("malformed cursor")
    return values[0]
