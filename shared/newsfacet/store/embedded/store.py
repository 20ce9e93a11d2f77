"""`EmbeddedStore`: the port's methods on one SQLite file (see the package's docstring)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from itertools import groupby
from pathlib import Path

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
    Story,
    StoryCandidate,
    WriteOutcome,
)
from newsfacet.store.base import ArticleStore, PutArticle, StoreWrite, WriteResult
from newsfacet.store.cursor import decode_cursor, decode_offset, encode_cursor, encode_offset
from newsfacet.store.embedded import stories
from newsfacet.store.embedded.connections import Connections
from newsfacet.store.embedded.facet_counts import facet_counts, has_prefix
from newsfacet.store.embedded.hits import read_hits
from newsfacet.store.embedded.query import Plan
from newsfacet.store.embedded.rows import (
    BatchFacets,
    held,
    holders_of,
    record_version,
    remove_article,
    set_holders,
    write_article,
)
from newsfacet.store.embedded.schema import DIMENSIONS
from newsfacet.store.facets import fill_histogram, fold, ordered_facet
from newsfacet.store.holders import with_holder, without_holder

__all__ = ["EmbeddedStore"]


class EmbeddedStore(ArticleStore):
    """`ArticleStore` on one SQLite file (or in memory). Safe for threads of one process."""

    def __init__(self, path: Path | None, *, cursor_key: bytes | None = None) -> None:
        """Open (creating if needed) the store at `path`; None keeps it in memory. `cursor_key` signs
        paging cursors (by default, `Settings.cursor_signing_key` for this store's URL)."""
        self._cursor_key = cursor_key or Settings(store=url_of(path)).cursor_signing_key()
        self._connections = Connections(path)
        self._facet_ids: dict[tuple[int, str], int] = {}  # see `BatchFacets`
        self._path = path

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None in memory (the saved searches live in the same file)."""
        return self._path

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

    # --- writing -------------------------------------------------------------------------------

    def write_batch(self, writes: Sequence[StoreWrite]) -> list[WriteResult]:
        """The whole batch in one transaction: SQLite refuses no single document, so a batch is
        written whole or (the database locked or failing) not at all."""
        with self._connections.writing() as conn:
            facets = BatchFacets(conn, self._facet_ids)
            results: list[WriteResult] = [
                _put(conn, write.article, facets)
                if isinstance(write, PutArticle)
                else _release(conn, write.article_id, write.version, write.bucket, write.key)
                for write in writes
            ]
            facets.flush()
        facets.committed()
        return results

    # --- reading -------------------------------------------------------------------------------

    def find_by_origin(self, bucket: str, key: str, *, fresh: bool = True) -> list[StoredVersion]:
        with self._connections.reading() as conn:
            rows = conn.execute(
                "SELECT id, version, 0 FROM holders WHERE bucket = ? AND key = ?"
                " UNION ALL SELECT id, version, 1 FROM versions"
                " WHERE deleted = 1 AND origin_bucket = ? AND origin_key = ? ORDER BY 1",
                (bucket, key, bucket, key),
            ).fetchall()
        return [StoredVersion(id=row[0], version=row[1], deleted=bool(row[2])) for row in rows]

    def live_holders(self) -> Iterator[tuple[str, list[Holder]]]:
        with self._connections.reading() as conn:
            rows = conn.execute(
                "SELECT id, bucket, key, version FROM holders ORDER BY id, bucket, key"
            ).fetchall()
        for article_id, group in groupby(rows, key=lambda row: str(row[0])):
            yield article_id, [Holder(bucket=row[1], key=row[2], version=row[3]) for row in group]

    def holders(self, article_id: str) -> list[Holder]:
        with self._connections.reading() as conn:
            return holders_of(conn, article_id)

    def get(self, article_id: str) -> Article | None:
        with self._connections.reading() as conn:
            row = conn.execute(
                "SELECT c.title, c.lede, c.text, c.doc FROM articles a"
                " JOIN article_content c ON c.doc_id = a.doc_id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            return None
        return Article.model_validate({**json.loads(row[3]), "title": row[0], "lede": row[1], "text": row[2]})

    def search(self, query: SearchQuery) -> SearchResult:
        if query.collapse is not None:
            return self._collapsed_search(query)
        position = decode_cursor(query, query.cursor, self._cursor_key) if query.cursor else None
        with self._connections.reading() as conn:
            plan = Plan.build(conn, query)
            plan.materialise(conn)
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
            hits = read_hits(conn, plan, [row[0] for row in rows])
            facets, histogram = _facets_and_histogram(conn, plan, query)
        next_cursor = (
            encode_cursor(query, [rows[-1][1]], rows[-1][2], self._cursor_key) if more and rows else None
        )
        return SearchResult(
            total=total, hits=hits, facets=facets, next_cursor=next_cursor, histogram=histogram
        )

    def _collapsed_search(self, query: SearchQuery) -> SearchResult:
        """One hit per story (see `embedded.stories`); the cursor is an offset among stories."""
        offset = decode_offset(query, query.cursor, self._cursor_key) if query.cursor else 0
        with self._connections.reading() as conn:
            plan = Plan.build(conn, query)
            plan.materialise(conn)
            total = plan.count(conn)
            source, params = plan.source()
            rows = stories.collapsed_rows(
                conn,
                source,
                params,
                sort=query.effective_sort(),
                ranked=plan.ranked,
                limit=query.size + 1,
                offset=offset,
            )
            more, rows = len(rows) > query.size, rows[: query.size]
            members = stories.story_members(conn, [row[2] for row in rows], source, params)
            hits = stories.with_stories(read_hits(conn, plan, [row[0] for row in rows]), rows, members)
            story_count = stories.count_stories(conn, source, params)
            facets, histogram = _facets_and_histogram(conn, plan, query)
        next_cursor = encode_offset(query, offset + len(rows), self._cursor_key) if more else None
        return SearchResult(
            total=total,
            stories=story_count,
            hits=hits,
            facets=facets,
            next_cursor=next_cursor,
            histogram=histogram,
        )

    # --- stories and related articles ----------------------------------------------------------

    def story_candidates(self, article: Article, limit: int) -> list[StoryCandidate]:
        with self._connections.reading() as conn:
            return stories.story_candidates(conn, article, limit)

    def story(self, story_id: str, size: int) -> Story | None:
        with self._connections.reading() as conn:
            (count,) = conn.execute("SELECT count(*) FROM articles WHERE story = ?", [story_id]).fetchone()
            if not count:
                return None
            source = "SELECT doc_id FROM articles WHERE story = ?"
            members = stories.story_members(conn, [story_id], source, [story_id])[story_id]
        return Story(id=story_id, size=count, articles=members[:size])

    def related(self, article: Article, size: int) -> list[SearchHit]:
        with self._connections.reading() as conn:
            plan = Plan.build(conn, SearchQuery())  # nothing to highlight: ledes as snippets
            return read_hits(conn, plan, stories.related_ids(conn, article, size))

    def facet_values(
        self, dimension: Dimension, prefix: str, query: SearchQuery, size: int = 10
    ) -> list[FacetValue]:
        folded = fold(prefix)
        with self._connections.reading() as conn:
            plan = Plan.build(conn, query)
            plan.materialise(conn)
            counts = facet_counts(conn, plan, [dimension], skip=dimension, prefix=folded, top=size)
        selected = query.selected(dimension).values
        wanted = [value for value in selected if not folded or has_prefix(value, folded)]
        return ordered_facet(counts[dimension], wanted, size)

    def histogram(self, query: SearchQuery, interval: HistogramInterval) -> list[HistogramBucket]:
        with self._connections.reading() as conn:
            plan = Plan.build(conn, query)
            plan.materialise(conn)
            return fill_histogram(plan.day_counts(conn), interval)

    def close(self) -> None:
        self._connections.close()


def _facets_and_histogram(
    conn: sqlite3.Connection, plan: Plan, query: SearchQuery
) -> tuple[dict[Dimension, list[FacetValue]], list[HistogramBucket] | None]:
    """Every dimension's disjunctive counts (of articles) and, if asked, the histogram."""
    counts = facet_counts(
        conn, plan, [d for d in DIMENSIONS if d not in plan.selections], skip=None, top=query.facet_size
    )
    for dimension in plan.selections:
        counts |= facet_counts(conn, plan, [dimension], skip=dimension, top=query.facet_size)
    histogram = fill_histogram(plan.day_counts(conn), query.histogram) if query.histogram else None
    facets = {
        dimension: ordered_facet(counts[dimension], query.selected(dimension).values, query.facet_size)
        for dimension in DIMENSIONS
    }
    return facets, histogram


def url_of(path: Path | None) -> str:
    return "sqlite:///:memory:" if path is None else f"sqlite:///{path}"


def _put(conn: sqlite3.Connection, article: Article, facets: BatchFacets) -> WriteOutcome:
    holder = Holder(bucket=article.origin.bucket, key=article.origin.key, version=article.version)
    held_version, live = held(conn, article.id)
    current = holders_of(conn, article.id) if live else []
    if held_version >= article.version:
        # Stale, but the object holds the (newer) article all the same.
        attached = with_holder(current, holder) if live else None
        if attached is not None:
            set_holders(conn, article.id, attached)
        return WriteOutcome(id=article.id, status="stale")
    set_holders(conn, article.id, with_holder(current, holder) or current)
    write_article(conn, article, facets)
    origin = article.origin
    record_version(conn, article.id, article.version, deleted=False, bucket=origin.bucket, key=origin.key)
    return WriteOutcome(id=article.id, status="written")


def _release(conn: sqlite3.Connection, article_id: str, version: int, bucket: str, key: str) -> WriteOutcome:
    held_version, live = held(conn, article_id)
    if live:
        remaining = without_holder(holders_of(conn, article_id), bucket, key, version)
        if remaining is None:
            return WriteOutcome(id=article_id, status="stale")
        if remaining:
            set_holders(conn, article_id, remaining)
            return WriteOutcome(id=article_id, status="kept")
        version = max(version, held_version)  # the last hold is gone: the article too
    elif held_version >= version:
        return WriteOutcome(id=article_id, status="stale")
    set_holders(conn, article_id, [])
    remove_article(conn, article_id)
    record_version(conn, article_id, version, deleted=True, bucket=bucket, key=key)
    return WriteOutcome(id=article_id, status="written")
