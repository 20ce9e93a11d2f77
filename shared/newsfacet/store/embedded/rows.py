"""The rows of one article in the embedded store: its version, its holders, its content, full-text
entry and facet memberships (see the package's docstring for the tables)."""

from __future__ import annotations

import sqlite3
import sys
from array import array
from datetime import UTC, datetime

from newsfacet.model import Article, Dimension, Holder
from newsfacet.store.embedded.schema import DIM_CODE, DIMS, NO_DATE
from newsfacet.store.facets import article_facet_values, searchable_forms, value_suffixes
from newsfacet.store.snippets import strip_sentinels
from newsfacet.stories import simhash_bands


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


def write_article(conn: sqlite3.Connection, article: Article) -> None:
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
    facet_rows: list[tuple[int, int]] = []  # (dimension code, value id)
    for dimension, dimension_values in values.items():
        code = DIM_CODE[dimension]
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
    packed = pack([value_id * DIMS + code for code, value_id in facet_rows])
    row = conn.execute("SELECT doc_id FROM articles WHERE id = ?", (article.id,)).fetchone()
    if row is None:
        doc_id = conn.execute(
            "INSERT INTO articles (id, sort_at, published_day, facets, story) VALUES (?, ?, ?, ?, ?)"
            " RETURNING doc_id",
            (article.id, sort_at, day, packed, article.story),
        ).fetchone()[0]
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


def pack(keys: list[int]) -> bytes:
    """Packed facet ids as stored in `articles.facets`: little-endian int32."""
    packed = array("i", keys)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def micros(moment: datetime) -> int:
    delta = moment.astimezone(UTC) - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
