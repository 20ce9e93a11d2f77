"""The rows of one article in the embedded store: its version, its holders, its content, full-text
entry and facet memberships (see the package's docstring for the tables)."""

from __future__ import annotations

import sqlite3
import sys
from array import array
from collections import Counter
from datetime import UTC, datetime

from newsfacet.model import Article, Dimension, Holder
from newsfacet.store.embedded.schema import DIM_CODE, DIMS, NO_DATE
from newsfacet.store.facets import article_facet_values, searchable_forms, value_suffixes
from newsfacet.store.snippets import strip_sentinels
from newsfacet.stories import simhash_bands

KNOWN_FACET_IDS = 200_000  # committed facet value ids a store keeps in memory (~60 MB at most)


class BatchFacets:
    """The facet values one batch writes: each value's id looked up (or its row and word suffixes
    created) once, and the changes of the live counts summed and applied once, by `flush`, before the
    batch commits. One upsert per value per article made facets most of a write's cost.

    `known` holds ids of committed values across batches (a value's row is never deleted nor its id
    changed); `committed` adds this batch's ids to it once the batch has committed."""

    def __init__(self, conn: sqlite3.Connection, known: dict[tuple[int, str], int]) -> None:
        self._conn = conn
        self._known = known
        self._ids: dict[tuple[int, str], int] = {}
        self._live: Counter[int] = Counter()
        self._words: set[tuple[int, str, int]] = set()

    def add(self, article: Article, values: dict[Dimension, list[str]]) -> list[tuple[int, int]]:
        """The (dimension code, value id) of each of the article's `values`, each counted once more."""
        rows = []
        for dimension, dimension_values in values.items():
            code = DIM_CODE[dimension]
            for value in dimension_values:
                value_id = self._id(code, value)
                self._live[value_id] += 1
                rows.append((code, value_id))
        actor = DIM_CODE[Dimension.ACTOR]
        for name in {each.name for each in article.actors if each.aliases}:  # found by other names too
            self._add_words(actor, self._id(actor, name), searchable_forms(article, Dimension.ACTOR, name))
        return rows

    def flush(self) -> None:
        self._conn.executemany(
            "UPDATE facet_values SET live = live + ? WHERE value_id = ?",
            [(count, value_id) for value_id, count in self._live.items()],
        )
        self._live.clear()

    def committed(self) -> None:
        if len(self._known) + len(self._ids) > KNOWN_FACET_IDS:
            self._known.clear()
        self._known.update(self._ids)

    def _id(self, code: int, value: str) -> int:
        value_id = self._ids.get((code, value)) or self._known.get((code, value))
        if value_id is None:
            row = self._conn.execute(
                "SELECT value_id FROM facet_values WHERE dim = ? AND value = ?", (code, value)
            ).fetchone()
            if row is None:
                value_id = inserted_rowid(
                    self._conn, "INSERT INTO facet_values (dim, value, live) VALUES (?, ?, 0)", (code, value)
                )
                self._add_words(code, value_id, [value])
            else:
                value_id = row[0]
            self._ids[code, value] = value_id
        return value_id

    def _add_words(self, code: int, value_id: int, forms: list[str]) -> None:
        """The word suffixes facet value search finds the value by: the value's own when its row is
        created, an actor's aliases as articles bring them."""
        rows = {(code, suffix, value_id) for form in forms for suffix in value_suffixes(form)} - self._words
        if rows:
            self._conn.executemany(
                "INSERT OR IGNORE INTO facet_words (dim, suffix, value_id) VALUES (?, ?, ?)", sorted(rows)
            )
            self._words |= rows


def held(conn: sqlite3.Connection, article_id: str) -> tuple[int, bool]:
    """The version held for the id (-1: none) and whether it is a live article."""
    row = conn.execute("SELECT version, deleted FROM versions WHERE id = ?", (article_id,)).fetchone()
    return (-1, False) if row is None else (int(row[0]), not row[1])


def holders_of(conn: sqlite3.Connection, article_id: str) -> list[Holder]:
    rows = conn.execute(
        "SELECT bucket, key, version FROM holders WHERE id = ? ORDER BY bucket, key", (article_id,)
    )
    return [Holder(bucket=row[0], key=row[1], version=row[2]) for row in rows]


def set_holders(conn: sqlite3.Connection, article_id: str, holders: list[Holder]) -> None:
    conn.execute("DELETE FROM holders WHERE id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO holders (id, bucket, key, version) VALUES (?, ?, ?, ?)",
        [(article_id, held.bucket, held.key, held.version) for held in holders],
    )


def write_article(conn: sqlite3.Connection, article: Article, facets: BatchFacets) -> None:
    published = article.published_at
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)  # naive datetimes are taken as UTC
    sort_at = NO_DATE if published is None else micros(published)
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
    facet_rows = facets.add(article, values)
    packed = pack([value_id * DIMS + code for code, value_id in facet_rows])
    row = conn.execute("SELECT doc_id FROM articles WHERE id = ?", (article.id,)).fetchone()
    if row is None:
        doc_id = inserted_rowid(
            conn,
            "INSERT INTO articles (id, sort_at, published_day, facets, story) VALUES (?, ?, ?, ?, ?)",
            (article.id, sort_at, day, packed, article.story),
        )
    else:
        doc_id = row[0]
        unindex(conn, doc_id)
        conn.execute(
            "UPDATE articles SET sort_at = ?, published_day = ?, facets = ?, story = ? WHERE doc_id = ?",
            (sort_at, day, packed, article.story, doc_id),
        )
    conn.executemany(
        "INSERT INTO simhash_bands (band, doc_id) VALUES (?, ?)",
        [(band, doc_id) for band in simhash_bands(article.simhash)],
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


def unindex(conn: sqlite3.Connection, doc_id: int) -> None:
    """Remove a live article's full-text entry, facet memberships and simhash bands (the row stays)."""
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
    conn.execute("DELETE FROM simhash_bands WHERE doc_id = ?", (doc_id,))


def remove_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Remove a live article's rows (its version row stays, for the tombstone)."""
    row = conn.execute("SELECT doc_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is not None:
        unindex(conn, row[0])
        conn.execute("DELETE FROM articles WHERE doc_id = ?", (row[0],))
        conn.execute("DELETE FROM article_content WHERE doc_id = ?", (row[0],))


def record_version(
    conn: sqlite3.Connection, article_id: str, version: int, *, deleted: bool, bucket: str, key: str
) -> None:
    """The version held for the id, live or tombstone, with its origin."""
    conn.execute(
        "INSERT INTO versions (id, version, deleted, origin_bucket, origin_key)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
        " deleted = excluded.deleted, origin_bucket = excluded.origin_bucket,"
        " origin_key = excluded.origin_key",
        (article_id, version, int(deleted), bucket, key),
    )


def inserted_rowid(conn: sqlite3.Connection, sql: str, parameters: tuple[object, ...]) -> int:
    """The rowid `sql` (one INSERT) gave its row. Not `RETURNING`: measured through Python's
    sqlite3 on a growing store, an INSERT ... RETURNING took about 20 times a plain INSERT (some
    250 us against 14), more than the rest of a write's statements together."""
    rowid = conn.execute(sql, parameters).lastrowid
    assert rowid is not None  # an INSERT of one row always sets it
    return rowid


def pack(keys: list[int]) -> bytes:
    """Packed facet ids as stored in `articles.facets`: little-endian int32."""
    packed = array("i", keys)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def micros(moment: datetime) -> int:
    delta = moment.astimezone(UTC) - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
