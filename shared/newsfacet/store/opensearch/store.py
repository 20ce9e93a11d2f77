"""`OpenSearchStore`: the port's methods on OpenSearch (writes through `bulk`, request bodies from
`query`, the index layout from `admin`); see the package's docstring for the whole design."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from opensearchpy.exceptions import NotFoundError, TransportError

from newsfacet.config import Settings
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
from newsfacet.store.base import (
    ArticleStore,
    DocumentRejected,
    InvalidCursor,
    LookupFailed,
    PutArticle,
    ReleaseHold,
    StoreError,
    StoreWrite,
    WriteResult,
)
from newsfacet.store.cursor import CursorPosition, decode_cursor, decode_offset, encode_cursor, encode_offset
from newsfacet.store.holders import with_holder, without_holder
from newsfacet.store.opensearch import documents, responses, stories
from newsfacet.store.opensearch import query as bodies
from newsfacet.store.opensearch.admin import IndexAdmin, ReindexReport, index_template
from newsfacet.store.opensearch.bulk import (
    BulkWriter,
    RetryPolicy,
    VersionType,
    Write,
    held_state,
    spans_several_indices,
)
from newsfacet.store.opensearch.connection import (
    MAX_ID_BYTES,
    Connection,
    Document,
    OpenSearchConfigError,
    Refresh,
    client_factory,
)

__all__ = [
    "DocumentRejected",
    "OpenSearchConfigError",
    "OpenSearchStore",
    "ReindexReport",
    "RetryPolicy",
    "index_template",
]

_MAX_ORIGIN_IDS = 10_000


class OpenSearchStore(ArticleStore):
    """`ArticleStore` on OpenSearch. Thread-safe; one instance per process is enough."""

    def __init__(
        self,
        client_factory: Callable[[], Any],
        alias: str,
        *,
        refresh: Refresh = "true",
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        serverless: bool = False,
        cursor_key: bytes = b"",
    ) -> None:
        """`client_factory` builds the opensearch-py client on first use. `sleep` is the backoff's
        clock (tests shorten it). `serverless`: talk the subset Amazon OpenSearch Serverless
        supports (see the package docstring). `cursor_key` signs paging cursors
        (`Settings.cursor_signing_key`)."""
        self._connection = Connection(client_factory, alias, serverless=serverless)
        self.alias = alias
        self.serverless = serverless
        self._refresh = refresh
        self._writer = BulkWriter(self._connection, retry=retry, sleep=sleep)
        self._admin = IndexAdmin(self._connection, self._writer)
        self._cursor_key = cursor_key or Settings(index_alias=alias).cursor_signing_key()

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        refresh: Refresh = "true",
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> OpenSearchStore:
        """The store `settings.store` (an http(s) URL) and `settings.index_alias` name."""
        build_client, serverless = client_factory(settings)
        return cls(
            build_client,
            settings.index_alias,
            refresh=refresh,
            retry=retry,
            sleep=sleep,
            serverless=serverless,
            cursor_key=settings.cursor_signing_key(),
        )

    # --- the client and the index ------------------------------------------------------------------

    @property
    def client(self) -> Any:
        """The opensearch-py client, created on first use."""
        return self._connection.client

    def ensure_index(self) -> None:
        """Create the template and `<alias>-v1` behind the alias unless the alias exists."""
        self._admin.ensure_index()

    def destroy(self) -> None:
        """Remove the indices, the alias and the template (tests and teardown only)."""
        self._admin.destroy()

    def reindex(self, *, delete_old: bool = False, batch_size: int = 500) -> ReindexReport:
        """Move the alias to a new index built from the current template (`IndexAdmin.reindex`)."""
        return self._admin.reindex(delete_old=delete_old, batch_size=batch_size)

    def rollover(self, *, max_docs: int | None = None, max_size: str | None = None) -> str | None:
        """Start a new write index behind the alias, keeping the older ones (`IndexAdmin.rollover`)."""
        return self._admin.rollover(max_docs=max_docs, max_size=max_size)

    def roll_over_if_full(self, max_size: str) -> str | None:
        """`rollover(max_size=...)` where the alias exists and can span indices (not Serverless)."""
        if self._connection.serverless or not self._connection.alias_indices():
            return None
        return self.rollover(max_size=max_size)

    def refresh(self) -> None:
        """Make every write so far searchable (searches by this store do it themselves)."""
        self._connection.refresh()

    def close(self) -> None:
        self._connection.close()

    # --- writing ---------------------------------------------------------------------------------

    def write_batch(self, writes: Sequence[StoreWrite]) -> list[WriteResult]:
        """One real-time `_mget` of the ids the batch touches, then every write in one `_bulk`
        request (more only past the bulk size limits, `bulk.py`). Each write is planned on what the
        store holds as the earlier writes of the batch leave it, and each bulk item's answer goes
        back to its own write."""
        if not writes:
            return []
        self.ensure_index()
        found = self._writer.held_documents([_write_id(write) for write in writes])
        held: dict[str, Document | None] = {article_id: each.source for article_id, each in found.items()}
        # Where the alias spans several indices (after a rollover): the index holding each article.
        where = {article_id: each.held_in for article_id, each in found.items() if each.held_in}
        documents: list[Write] = []
        planned: list[WriteOutcome | int] = []  # per write: its outcome, or its document's position
        for write in writes:
            plan = (
                _plan_put(held, write.article)
                if isinstance(write, PutArticle)
                else _plan_release(held, write)
            )
            if isinstance(plan, WriteOutcome):
                planned.append(plan)
                continue
            held[plan.article_id] = json.loads(plan.document)
            planned.append(len(documents))
            documents.append(plan._replace(held_in=where.get(plan.article_id)))
        results = self._writer.write(documents, index=self.alias, refresh=self._refresh)
        return [results[item] if isinstance(item, int) else item for item in planned]

    def holders(self, article_id: str) -> list[Holder]:
        found = self._writer.held_documents([article_id]).get(article_id)
        if found is None or found.source.get("deleted"):
            return []
        return held_state(found.source)[1]

    def live_holders(self) -> Iterator[tuple[str, list[Holder]]]:
        for batch in self._admin.scan(self.alias, 500, live_only=True):
            for hit in batch:
                yield hit["_id"], held_state(hit["_source"])[1]

    # --- reading ---------------------------------------------------------------------------------

    def find_by_origin(self, bucket: str, key: str, *, fresh: bool = True) -> list[StoredVersion]:
        found = self._held_by([(bucket, key)], fresh=fresh)
        assert found is not None, "one object's search is its own"
        return found[bucket, key]

    def find_by_origin_batch(
        self, origins: Sequence[tuple[str, str]], *, fresh: bool = True
    ) -> list[list[StoredVersion] | LookupFailed]:
        """One search for every object's documents; should they fill its result window (it
        could be one object's alone), one `_msearch` of each object's own search instead."""
        if not origins:
            return []
        found = self._held_by(list(dict.fromkeys(origins)), fresh=fresh)
        if found is not None:
            return [found[origin] for origin in origins]
        searches = [bodies.find_by_origin_body([origin], _MAX_ORIGIN_IDS) for origin in origins]
        answers = self._connection.msearch(searches, fresh=fresh)
        return [
            answer if isinstance(answer, LookupFailed) else responses.read_origin_hits(answer, [each])[each]
            for each, answer in zip(origins, answers, strict=True)
        ]

    def _held_by(self, origins: list[tuple[str, str]], *, fresh: bool) -> responses.HeldBy | None:
        """What each object holds or last held, from one search; None if several objects' hits
        filled the result window (some may be missing)."""
        response = self._connection.search(bodies.find_by_origin_body(origins, _MAX_ORIGIN_IDS), fresh=fresh)
        if response is None:
            return {origin: [] for origin in origins}
        if len(origins) > 1 and len(response["hits"]["hits"]) >= _MAX_ORIGIN_IDS:
            return None
        return responses.read_origin_hits(response, origins)

    def get(self, article_id: str) -> Article | None:
        if not article_id or len(article_id.encode()) > MAX_ID_BYTES:
            return None
        try:
            found: Document = self._connection.call(
                lambda client: client.get(index=self.alias, id=article_id)
            )
        except NotFoundError:
            return None
        except StoreError as error:
            cause = error.__cause__
            if not (isinstance(cause, TransportError) and spans_several_indices(cause.info)):
                raise
            # An alias of several indices (after a rollover) refuses GET /_doc: search it by id
            # (the search role's grant), which sees what the last refresh made searchable.
            response = self._connection.search({"query": {"ids": {"values": [article_id]}}, "size": 1})
            hits = [] if response is None else response["hits"]["hits"]
            found = {"found": bool(hits), "_source": hits[0]["_source"] if hits else {}}
        source: Document = found.get("_source", {})
        if not found.get("found") or source.get("deleted"):
            return None
        return documents.article_from_source(source)

    def search(self, query: SearchQuery) -> SearchResult:
        if query.collapse is not None:
            return self._collapsed_search(query)
        position = _position(query, self._cursor_key) if query.cursor else None
        response = self._connection.search(bodies.search_body(query, position))
        if response is None:
            return responses.empty_result(query)
        hits = response["hits"]["hits"]
        page, more = hits[: query.size], len(hits) > query.size
        next_cursor = None
        if more and page:
            last = page[-1]
            next_cursor = encode_cursor(query, list(last["sort"][:-1]), last["_id"], self._cursor_key)
        aggregations: Document = response.get("aggregations", {})
        return SearchResult(
            total=int(response["hits"]["total"]["value"]),
            hits=[responses.read_hit(hit) for hit in page],
            facets=responses.read_facets(aggregations, query),
            next_cursor=next_cursor,
            histogram=responses.read_histogram_aggregation(aggregations, query),
        )

    def _collapsed_search(self, query: SearchQuery) -> SearchResult:
        """One hit per story, by field collapsing (see `opensearch.stories`)."""
        offset = decode_offset(query, query.cursor, self._cursor_key) if query.cursor else 0
        body = stories.collapse(bodies.search_body(query, None), bodies.story_selections(query), offset)
        response = self._connection.search(body)
        if response is None:
            return responses.empty_result(query).model_copy(update={"stories": 0})
        hits = response["hits"]["hits"]
        page, more = hits[: query.size], len(hits) > query.size
        aggregations: Document = response.get("aggregations", {})
        return SearchResult(
            total=int(response["hits"]["total"]["value"]),
            stories=stories.story_count(aggregations),
            hits=[stories.read_collapsed_hit(hit, responses.read_hit(hit)) for hit in page],
            facets=responses.read_facets(aggregations, query),
            next_cursor=encode_offset(query, offset + len(page), self._cursor_key) if more else None,
            histogram=responses.read_histogram_aggregation(aggregations, query),
        )

    # --- stories and related articles ------------------------------------------------------------

    def story_candidates(self, article: Article, limit: int) -> list[StoryCandidate]:
        body = stories.story_candidates_body(article, bodies.LIVE, limit)
        response = self._connection.search(body, fresh=False)
        return [] if response is None else stories.read_candidates(response)

    def story_candidates_batch(
        self, articles: Sequence[Article], limit: int
    ) -> list[list[StoryCandidate] | LookupFailed]:
        """One `_msearch` of every article's `story_candidates` search."""
        searches = [stories.story_candidates_body(article, bodies.LIVE, limit) for article in articles]
        answers = self._connection.msearch(searches, fresh=False)
        return [a if isinstance(a, LookupFailed) else stories.read_candidates(a) for a in answers]

    def story(self, story_id: str, size: int) -> Story | None:
        response = self._connection.search(stories.story_body(story_id, bodies.LIVE, size))
        return None if response is None else stories.read_story(story_id, response)

    def related(self, article: Article, size: int) -> list[SearchHit]:
        response = self._connection.search(
            stories.related_body(article, bodies.LIVE, size, bodies.HIT_SOURCE)
        )
        return [] if response is None else [responses.read_hit(hit) for hit in response["hits"]["hits"]]

    def facet_values(
        self, dimension: Dimension, prefix: str, query: SearchQuery, size: int = 10
    ) -> list[FacetValue]:
        response = self._connection.search(bodies.facet_values_body(dimension, prefix, query, size))
        aggregations: Document = {} if response is None else response.get("aggregations", {})
        return responses.read_facet_values(aggregations, dimension, prefix, query, size)

    def histogram(self, query: SearchQuery, interval: HistogramInterval) -> list[HistogramBucket]:
        response = self._connection.search(bodies.histogram_body(query, interval))
        if response is None:
            return []
        return responses.read_histogram(response.get("aggregations", {}).get("buckets", {}))


# --- helpers --------------------------------------------------------------------------------------


def _write_id(write: StoreWrite) -> str:
    return write.article.id if isinstance(write, PutArticle) else write.article_id


def _plan_put(held: dict[str, Document | None], article: Article) -> WriteOutcome | Write:
    """What putting `article` takes, given the stored documents `held`: the document to index, or
    the outcome when there is nothing to write."""
    holder = Holder(bucket=article.origin.bucket, key=article.origin.key, version=article.version)
    source = held.get(article.id)
    held_version, current = held_state(source)
    if held_version >= article.version:
        # Stale, but the object holds the (newer) article all the same.
        attached = with_holder(current, holder) if source and not source.get("deleted") else None
        if attached is None:
            return WriteOutcome(id=article.id, status="stale")
        rewritten = {**source, **documents.holder_fields(attached)}  # type: ignore[dict-item]
        return Write(article.id, held_version, json.dumps(rewritten), "external_gte", "stale")
    holders = with_holder(current, holder) or current
    return Write(article.id, article.version, documents.article_source(article, holders))


def _plan_release(held: dict[str, Document | None], release: ReleaseHold) -> WriteOutcome | Write:
    """What releasing one object's hold takes, given the stored documents `held` (see `_plan_put`)."""
    article_id, version = release.article_id, release.version
    source = held.get(article_id)
    held_version, current = held_state(source)
    version_type: VersionType = "external"
    if source is not None and not source.get("deleted"):
        remaining = without_holder(current, release.bucket, release.key, version)
        if remaining is None:
            return WriteOutcome(id=article_id, status="stale")
        if remaining:
            kept = json.dumps({**source, **documents.holder_fields(remaining)})
            return Write(article_id, held_version, kept, "external_gte", "kept")
        if held_version >= version:  # the last hold is gone: the article too
            version, version_type = held_version, "external_gte"
    elif held_version >= version:
        return WriteOutcome(id=article_id, status="stale")
    tombstone = documents.tombstone_document(article_id, version, release.bucket, release.key)
    return Write(article_id, version, json.dumps(tombstone), version_type)


def _position(query: SearchQuery, cursor_key: bytes) -> CursorPosition:
    """The decoded cursor of `query`. Its one sort value must be what OpenSearch returned for this
    sort: a score (a number) or a date (a 64-bit integer of milliseconds), so that even a forged
    cursor with a valid fingerprint is `InvalidCursor`, never a failed search."""
    assert query.cursor is not None
    position = decode_cursor(query, query.cursor, cursor_key)
    values = position.sort_values
    if len(values) != 1 or isinstance(values[0], bool):
        raise InvalidCursor("malformed cursor")
    value = values[0]
    if query.effective_sort() == "date":
        if not isinstance(value, int) or not -(2**63) <= value < 2**63:
            raise InvalidCursor("malformed cursor")
    elif not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidCursor("malformed cursor")
    return position
