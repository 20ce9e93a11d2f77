"""The OpenSearch adapter: `ArticleStore` on an OpenSearch 2.x cluster (local node, AWS domain or
Serverless collection).

Layout. Articles live in a versioned index behind an alias: `<alias>` -> `<alias>-v1`. The mapping is
one index template, `opensearch_template.json` beside this module (shipped in the layer), applied to
`<alias>-v*`. The first write creates the template and `<alias>-v1` if the alias does not exist yet;
`reindex()` (`newsfacet reindex`) moves to `<alias>-v<N+1>` with the current template and swaps the
alias atomically. Readers never create anything (the search role may only read): before the first
write, a search simply finds nothing.

Writes. `write_batch` reads the stored state of every id a batch touches in one real-time `_mget`,
plans each write on it in order, and sends them all in one `_bulk` request (an SQS batch is one
request), with `version_type=external`: OpenSearch refuses (409) a version that is not greater
than the stored one, which is exactly the port's `stale`. A delete indexes a tombstone (`deleted:
true`, its version and origin) rather than deleting, so a late, older create can never resurrect the
article, even after `index.gc_deletes` would have forgotten a real delete; every read filters
tombstones out. Every item's status is checked: 429 and 5xx items (and whole requests failing with
429, 5xx or a connection error) are retried with exponential backoff and jitter, a bounded number of
times; an item still failing then, or refused for good, is answered `WriteFailed` (and `upsert`
raises `StoreUnavailable` or `DocumentRejected` after the rest of the batch is written), a request
still failing as a whole raises `StoreUnavailable`.

Visibility. Writes do not wait for a refresh (`refresh=false`, the default): waiting made every
single-record ingest wait up to the 1 s refresh interval. Instead a store that has written refreshes
the index once before its next search, so its own reads see its writes (an ObjectRemoved right after
an ObjectCreated finds the article by origin; ingest always writes before it reconciles, so of two
processes racing on one key, the one that reconciles last sees both writes). Realtime reads (`get`,
the version checks before a write) need no refresh (ingest reconciles a batch's keys after all its
writes, so a batch costs one refresh); other processes' searches see writes within the
refresh interval. `refresh="wait_for"` or `"true"` remain available (tests use `"true"`).

Amazon OpenSearch Serverless (`serverless=True`, `opensearch_flavour`). A SEARCH collection keeps
custom document ids but has no aliases, no `_refresh`/`refresh=`, no external versioning and no
`_reindex`, so there the store degrades, on purpose and only there:
- the index is `<alias>` itself, created on the first write with the template's mappings and
  analysis (Serverless manages shards, replicas and refresh itself);
- stale writes are found by reading the stored versions first (one `ids` search per bulk chunk)
  instead of by OpenSearch's 409: two writers racing on the same article between that read and
  their write can both win, the later write landing last (the S3 -> SQS path rarely races, and the
  next event for the key repairs it);
- writes return before they are searchable (Serverless makes them visible within seconds), so an
  ObjectRemoved that follows its ObjectCreated within those seconds may not find the article by
  its origin yet and leave it in the index (deleting the object again removes it); `refresh()`
  does nothing;
- `reindex()` raises `StoreError`: build a new collection (or index) and ingest again instead.

The client (opensearch-py) is created once, lazily, on first use; only this module imports it.
Authentication: none, basic, or SigV4 (`es` for a domain, `aoss` for Serverless); `auto` picks SigV4
for `*.amazonaws.com` hosts.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import math
import random
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal, NamedTuple
from urllib.parse import urlsplit

from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConnectionError as ClientConnectionError
from opensearchpy.exceptions import NotFoundError, TransportError
from pydantic import ValidationError

from newsfacet.config import Settings
from newsfacet.model import (
    Article,
    Dimension,
    FacetValue,
    HistogramBucket,
    HistogramInterval,
    Holder,
    SearchQuery,
    SearchResult,
    StoredVersion,
    WriteOutcome,
    WriteStatus,
)
from newsfacet.store import opensearch_query as bodies
from newsfacet.store.base import (
    ArticleStore,
    DocumentRejected,
    InvalidCursor,
    PutArticle,
    ReleaseHold,
    StoreError,
    StoreUnavailable,
    StoreWrite,
    WriteFailed,
    WriteResult,
)
from newsfacet.store.cursor import CursorPosition, decode_cursor, encode_cursor
from newsfacet.store.facets import ordered_facet
from newsfacet.store.holders import with_holder, without_holder

__all__ = [
    "DocumentRejected",
    "OpenSearchConfigError",
    "OpenSearchStore",
    "ReindexReport",
    "RetryPolicy",
    "index_template",
    "run_reindex_command",
]

Refresh = Literal["wait_for", "true", "false"]
Document = dict[str, Any]

TEMPLATE_RESOURCE = "opensearch_template.json"
_RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
_MAX_ID_BYTES = 512  # OpenSearch refuses longer `_id`s, and fails the whole bulk request for one
_BULK_MAX_DOCS = 500
_BULK_MAX_BYTES = 8 * 1024 * 1024
_MAX_ORIGIN_IDS = 10_000
_INDEX_VERSION = re.compile(r"-v(\d+)$")


class OpenSearchConfigError(StoreError, ValueError):
    """The settings do not describe a usable OpenSearch connection (e.g. SigV4 without a region)."""


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded exponential backoff with jitter for throttled (429) or failing (5xx) writes."""

    attempts: int = 6
    base_delay_s: float = 0.2
    max_delay_s: float = 5.0

    def delay(self, retry: int) -> float:
        """Seconds to wait before retry number `retry` (0-based): half fixed, half random, so
        writers throttled together do not come back together."""
        ceiling = min(self.max_delay_s, self.base_delay_s * 2**retry)
        return random.uniform(ceiling / 2, ceiling)


@dataclass(frozen=True)
class ReindexReport:
    """What `OpenSearchStore.reindex` did."""

    alias: str
    source: str | None  # the index the alias pointed to before, None if there was none
    target: str  # the index it points to now
    copied: int  # documents written to the target (live and tombstones), in the first pass
    caught_up: int = 0  # documents that reached the old index during the copy, carried over after


@functools.cache
def _packaged_template() -> Document:
    text = resources.files("newsfacet.store").joinpath(TEMPLATE_RESOURCE).read_text(encoding="utf-8")
    template: Document = json.loads(text)
    return template


def index_template(alias: str) -> Document:
    """The packaged index template, applied to `<alias>-v*`."""
    template = copy.deepcopy(_packaged_template())
    template["index_patterns"] = [f"{alias}-v*"]
    return template


@dataclass
class _Pending:
    """One write of a bulk request: kept serialised so a retry sends the same bytes."""

    position: int
    article_id: str
    version: int
    lines: str
    unanswered: bool = False  # sent in a request whose answer was lost: it may have been written


VersionType = Literal["external", "external_gte"]


class _Write(NamedTuple):
    """One document to index: `external_gte` rewrites the version held (to change its holders);
    `reports` replaces "written" in the outcome (such a rewrite is `stale` or `kept` to callers)."""

    article_id: str
    version: int
    document: str  # JSON text
    version_type: VersionType = "external"
    reports: WriteStatus | None = None


@dataclass
class _BulkResult:
    """Each write's fate, by its position in the batch."""

    statuses: dict[int, WriteStatus] = field(default_factory=dict)
    failures: dict[int, WriteFailed] = field(default_factory=dict)


class OpenSearchStore(ArticleStore):
    """`ArticleStore` on OpenSearch. Thread-safe; one instance per process is enough."""

    def __init__(
        self,
        client_factory: Callable[[], Any],
        alias: str,
        *,
        refresh: Refresh = "false",
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        serverless: bool = False,
        cursor_key: bytes = b"",
    ) -> None:
        """`client_factory` builds the opensearch-py client on first use. `sleep` is the backoff's
        clock (tests shorten it). `serverless`: talk the subset Amazon OpenSearch Serverless
        supports (see the module docstring). `cursor_key` signs paging cursors
        (`Settings.cursor_signing_key`)."""
        if not alias or alias != alias.lower() or any(ch in alias for ch in ' "*\\<|,>/?#:'):
            raise OpenSearchConfigError(
                f"invalid index alias {alias!r}: use lowercase letters, digits, - and _"
            )
        self.alias = alias
        self._client_factory = client_factory
        self._client_instance: Any = None
        self._refresh = refresh
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._lock = threading.Lock()
        self._index_ready = False
        self.serverless = serverless
        self._unrefreshed = False  # written with refresh=false since the last refresh
        self._cursor_key = cursor_key or Settings(index_alias=alias).cursor_signing_key()

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        refresh: Refresh = "false",
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> OpenSearchStore:
        """The store `settings.store` (an http(s) URL) and `settings.index_alias` name."""
        url = settings.store
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise OpenSearchConfigError(f"not an OpenSearch URL: {url!r}")
        auth = _auth(settings, parts.hostname)  # checked now: a bad configuration fails at start

        def build_client() -> Any:
            return OpenSearch(
                hosts=[url],
                http_auth=auth,
                verify_certs=True,
                ssl_show_warn=False,
                timeout=30,
                max_retries=0,  # retries are ours, with backoff (writes) or the caller's (reads)
                retry_on_timeout=False,
                http_compress=parts.scheme == "https",
                pool_maxsize=8,
            )

        return cls(
            build_client,
            settings.index_alias,
            refresh=refresh,
            retry=retry,
            sleep=sleep,
            serverless=_is_serverless(settings.opensearch_flavour, parts.hostname),
            cursor_key=settings.cursor_signing_key(),
        )

    # --- the client and the index ------------------------------------------------------------------

    @property
    def client(self) -> Any:
        """The opensearch-py client, created on first use."""
        if self._client_instance is None:
            with self._lock:
                if self._client_instance is None:
                    self._client_instance = self._client_factory()
        return self._client_instance

    def _call(self, action: Callable[[Any], Any]) -> Any:
        """Run one request; connection trouble, 429 and 5xx become `StoreUnavailable`."""
        try:
            return action(self.client)
        except ClientConnectionError as error:
            raise StoreUnavailable(f"OpenSearch unreachable: {error}") from error
        except NotFoundError:
            raise
        except TransportError as error:
            if _is_retryable(error):
                raise StoreUnavailable(f"OpenSearch unavailable: {_describe(error)}") from error
            raise StoreError(f"OpenSearch refused the request: {_describe(error)}") from error

    def ensure_index(self) -> None:
        """Create the template and `<alias>-v1` behind the alias unless the alias exists. Idempotent
        and safe when several processes race (the loser's create fails harmlessly)."""
        if self._index_ready:
            return
        if self.serverless:
            self._ensure_serverless_index()
        elif not self._call(lambda client: client.indices.exists_alias(name=self.alias)):
            self._put_template()
            try:
                self._call(
                    lambda client: client.indices.create(
                        index=f"{self.alias}-v1", body={"aliases": {self.alias: {}}}
                    )
                )
            except StoreError as error:
                if "resource_already_exists_exception" not in str(error):
                    raise
        self._index_ready = True

    def _ensure_serverless_index(self) -> None:
        """Serverless has no aliases: create the index `<alias>` itself, from the template's
        mappings and analysis settings, unless it exists."""
        if self._call(lambda client: client.indices.exists(index=self.alias)):
            return
        template = index_template(self.alias)["template"]
        body = {
            "mappings": template["mappings"],
            "settings": {"analysis": template["settings"]["analysis"]},
        }
        try:
            self._call(lambda client: client.indices.create(index=self.alias, body=body))
        except StoreError as error:
            if "resource_already_exists_exception" not in str(error):
                raise

    def _put_template(self) -> None:
        self._call(
            lambda client: client.indices.put_index_template(name=self.alias, body=index_template(self.alias))
        )

    def _alias_indices(self) -> list[str]:
        """The indices the alias points to (one, except in the middle of a manual change)."""
        try:
            found = self._call(lambda client: client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []
        return sorted(found)

    def _versioned_indices(self) -> list[str]:
        """Every `<alias>-v<N>` index, whether or not the alias points to it."""
        found = self._call(lambda client: client.indices.get(index=f"{self.alias}-v*", allow_no_indices=True))
        return sorted(name for name in found if _INDEX_VERSION.search(name))

    def destroy(self) -> None:
        """Remove the indices, the alias and the template (tests and teardown only)."""
        if self.serverless:
            with contextlib.suppress(NotFoundError):
                self._call(lambda client: client.indices.delete(index=self.alias))
            self._index_ready = False
            return
        indices = self._versioned_indices()
        if indices:
            self._call(lambda client: client.indices.delete(index=",".join(indices)))
        with contextlib.suppress(NotFoundError):
            self._call(lambda client: client.indices.delete_index_template(name=self.alias))
        self._index_ready = False

    def refresh(self) -> None:
        """Make every write so far searchable (searches by this store do it themselves).
        Serverless refreshes on its own and has no `_refresh`: nothing to do there."""
        self._unrefreshed = False
        if self.serverless:
            return
        self._call(lambda client: client.indices.refresh(index=self.alias))

    def close(self) -> None:
        if self._client_instance is not None:
            self._client_instance.close()
            self._client_instance = None

    # --- writing ---------------------------------------------------------------------------------

    def write_batch(self, writes: Sequence[StoreWrite]) -> list[WriteResult]:
        """One real-time `_mget` of the ids the batch touches, then every write in one `_bulk`
        request (more only past `_BULK_MAX_DOCS` or `_BULK_MAX_BYTES`). Each write is planned on
        what the store holds as the earlier writes of the batch leave it, and each bulk item's
        answer goes back to its own write."""
        if not writes:
            return []
        self.ensure_index()
        held: dict[str, Document | None] = dict(self._held_documents([_write_id(write) for write in writes]))
        documents: list[_Write] = []
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
            documents.append(plan)
        results = self._write(documents, index=self.alias, refresh=self._refresh)
        return [results[item] if isinstance(item, int) else item for item in planned]

    def holders(self, article_id: str) -> list[Holder]:
        source = self._held_documents([article_id]).get(article_id)
        if source is None or source.get("deleted"):
            return []
        return _held_state(source)[1]

    def live_holders(self) -> Iterator[tuple[str, list[Holder]]]:
        for batch in self._scan(self.alias, 500, live_only=True):
            for hit in batch:
                yield hit["_id"], _held_state(hit["_source"])[1]

    def _held_documents(self, article_ids: list[str]) -> dict[str, Document]:
        """The stored `_source` of each id (live or tombstone) the index holds, read in real time
        (what a write builds on: retried with the writes' backoff)."""
        wanted = sorted(
            {article_id for article_id in article_ids if len(article_id.encode()) <= _MAX_ID_BYTES}
        )
        if not wanted:
            return {}
        for attempt in range(self._retry.attempts):
            if attempt:
                self._sleep(self._retry.delay(attempt - 1))
            try:
                found = self._call(lambda client: client.mget(index=self.alias, body={"ids": wanted}))
            except NotFoundError:
                return {}
            except StoreUnavailable:
                if attempt + 1 == self._retry.attempts:
                    raise
                continue  # throttled or restarting: back off as a write does
            return {doc["_id"]: doc["_source"] for doc in found.get("docs", []) if doc.get("found")}
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _write(self, writes: list[_Write], index: str, refresh: Refresh) -> list[WriteResult]:
        """Index each document with external versioning, in order, in bulk chunks; one result per
        write. Raises `StoreUnavailable` only when a request as a whole kept failing."""
        result = _BulkResult()
        chunk: list[_Pending] = []
        chunk_bytes = 0
        stored = self._stored_versions(writes, index) if self.serverless else {}
        for position, (article_id, version, document, version_type, _) in enumerate(writes):
            if len(article_id.encode()) > _MAX_ID_BYTES:
                result.failures[position] = WriteFailed(
                    id=article_id, reason=f"id longer than {_MAX_ID_BYTES} bytes", transient=False
                )
                continue
            if self.serverless:  # what a 409 says elsewhere; external_gte lets an equal version in
                held = stored.get(article_id, -1)
                if held > version or (held == version and version_type == "external"):
                    result.statuses[position] = "stale"
                    continue
                stored[article_id] = version  # an older write later in this batch is stale too
            # The index is in the request path, not in the action: IAM policies scoped to the
            # alias's paths then cover bulk writes (IAM cannot see into a request body).
            action: Document = {"index": {"_id": article_id}}
            if not self.serverless:
                action["index"].update(version=version, version_type=version_type)
            lines = json.dumps(action) + "\n" + document + "\n"
            size = len(lines.encode())
            if chunk and (len(chunk) >= _BULK_MAX_DOCS or chunk_bytes + size > _BULK_MAX_BYTES):
                self._bulk(chunk, result, index, refresh)
                chunk, chunk_bytes = [], 0
            chunk.append(_Pending(position, article_id, version, lines))
            chunk_bytes += size
        if chunk:
            self._bulk(chunk, result, index, refresh)
        return [
            result.failures[position]
            if position in result.failures
            else WriteOutcome(
                id=write.article_id,
                status=(write.reports or "written") if result.statuses[position] == "written" else "stale",
            )
            for position, write in enumerate(writes)
        ]

    def _stored_versions(self, writes: list[_Write], index: str) -> dict[str, int]:
        """The stored version (live or tombstone) of each id about to be written, read in pages of
        `_BULK_MAX_DOCS` ids: Serverless cannot compare external versions itself."""
        ids = sorted(
            {write.article_id for write in writes if len(write.article_id.encode()) <= _MAX_ID_BYTES}
        )
        stored: dict[str, int] = {}
        for start in range(0, len(ids), _BULK_MAX_DOCS):
            page = ids[start : start + _BULK_MAX_DOCS]
            body = {"query": {"ids": {"values": page}}, "_source": ["version"], "size": len(page)}
            response = self._search(body, index=index)
            for hit in [] if response is None else response["hits"]["hits"]:
                stored[hit["_id"]] = int(hit["_source"]["version"])
        return stored

    def _bulk(self, chunk: list[_Pending], result: _BulkResult, index: str, refresh: Refresh) -> None:
        """Send one chunk; retry what failed transiently; record every item's fate in `result`.
        Items still failing after the last attempt are transient `WriteFailed`s; a request that
        still fails as a whole raises `StoreUnavailable`."""
        pending = chunk
        last_problem = ""
        request_failed = False
        for attempt in range(self._retry.attempts):
            if attempt:
                self._sleep(self._retry.delay(attempt - 1))
            body = "".join(item.lines for item in pending)
            try:
                if self.serverless:
                    response = self.client.bulk(body=body, index=index)
                else:
                    response = self.client.bulk(body=body, index=index, refresh=refresh)
            except ClientConnectionError as error:
                last_problem, request_failed = f"unreachable: {error}", True
                _mark_unanswered(pending)
                continue
            except TransportError as error:
                if _is_retryable(error):
                    last_problem, request_failed = _describe(error), True
                    _mark_unanswered(pending)
                    continue
                raise StoreError(f"OpenSearch refused a bulk request: {_describe(error)}") from error
            request_failed = False
            retry: list[_Pending] = []
            self._unrefreshed = self._unrefreshed or refresh == "false"
            for item, answer in zip(pending, response["items"], strict=True):
                outcome = answer["index"]
                status = int(outcome["status"])
                if status in (200, 201):
                    result.statuses[item.position] = "written"
                elif status == 409:  # version conflict: the store holds this or a newer version
                    result.statuses[item.position] = "written" if self._wrote_before(item, index) else "stale"
                elif status in _RETRYABLE_STATUSES:
                    retry.append(item)
                    last_problem = f"{status} {_reason(outcome)}"
                else:
                    result.failures[item.position] = WriteFailed(
                        id=item.article_id, reason=f"{status} {_reason(outcome)}", transient=False
                    )
            pending = retry
            if not pending:
                return
        problem = f"OpenSearch did not accept {len(pending)} write(s) after {self._retry.attempts} attempts"
        if request_failed:
            raise StoreUnavailable(f"{problem}: {last_problem}")
        for item in pending:
            result.failures[item.position] = WriteFailed(
                id=item.article_id, reason=f"{problem}: {last_problem}", transient=True
            )

    def _wrote_before(self, item: _Pending, index: str) -> bool:
        """Whether a 409 answers our own earlier attempt: the request was sent, its answer lost, and
        the stored version is exactly ours. (Another writer of the same id and version would be
        the same event delivered twice, which writes the same document.)"""
        if not item.unanswered:
            return False
        # `_mget` rather than GET /_doc: the read the write path sends anyway (no extra IAM grant)
        try:
            found = self._call(
                lambda client: client.mget(index=index, body={"ids": [item.article_id]}, _source=False)
            )
        except NotFoundError:
            return False
        return any(doc.get("found") and int(doc.get("_version", -1)) == item.version for doc in found["docs"])

    # --- reading ---------------------------------------------------------------------------------

    def _search(self, body: Document, index: str | None = None, *, fresh: bool = True) -> Document | None:
        """The raw response, or None while the index does not exist yet (nothing written)."""
        if self._unrefreshed and index is None and fresh:
            self.refresh()  # read our own writes
        try:
            response: Document = self._call(
                lambda client: client.search(index=index or self.alias, body=body)
            )
        except NotFoundError:
            return None
        return response

    def find_by_origin(self, bucket: str, key: str, *, fresh: bool = True) -> list[StoredVersion]:
        response = self._search(bodies.find_by_origin_body(bucket, key, _MAX_ORIGIN_IDS), fresh=fresh)
        if response is None:
            return []
        return [bodies.read_origin_hit(hit, bucket, key) for hit in response["hits"]["hits"]]

    def get(self, article_id: str) -> Article | None:
        if not article_id or len(article_id.encode()) > _MAX_ID_BYTES:
            return None
        try:
            found: Document = self._call(lambda client: client.get(index=self.alias, id=article_id))
        except NotFoundError:
            return None
        source: Document = found.get("_source", {})
        if not found.get("found") or source.get("deleted"):
            return None
        return bodies.article_from_source(source)

    def search(self, query: SearchQuery) -> SearchResult:
        position = _position(query, self._cursor_key) if query.cursor else None
        response = self._search(bodies.search_body(query, position))
        if response is None:
            return _empty_result(query)
        hits = response["hits"]["hits"]
        page, more = hits[: query.size], len(hits) > query.size
        next_cursor = None
        if more and page:
            last = page[-1]
            next_cursor = encode_cursor(query, list(last["sort"][:-1]), last["_id"], self._cursor_key)
        aggregations: Document = response.get("aggregations", {})
        histogram = None
        if query.histogram is not None:
            histogram = bodies.read_histogram(aggregations.get("histogram", {}).get("buckets", {}))
        return SearchResult(
            total=int(response["hits"]["total"]["value"]),
            hits=[bodies.read_hit(hit) for hit in page],
            facets=bodies.read_facets(aggregations, query),
            next_cursor=next_cursor,
            histogram=histogram,
        )

    def facet_values(
        self, dimension: Dimension, prefix: str, query: SearchQuery, size: int = 10
    ) -> list[FacetValue]:
        response = self._search(bodies.facet_values_body(dimension, prefix, query, size))
        aggregations: Document = {} if response is None else response.get("aggregations", {})
        return bodies.read_facet_values(aggregations, dimension, prefix, query, size)

    def histogram(self, query: SearchQuery, interval: HistogramInterval) -> list[HistogramBucket]:
        response = self._search(bodies.histogram_body(query, interval))
        if response is None:
            return []
        return bodies.read_histogram(response.get("aggregations", {}).get("buckets", {}))

    # --- reindexing ------------------------------------------------------------------------------

    def reindex(self, *, delete_old: bool = False, batch_size: int = 500) -> ReindexReport:
        """Move the alias to a new index built from the current template, with no downtime.

        1. Put the current template; create `<alias>-v<N+1>` (N: the highest existing version).
        2. Copy every document (articles re-derived from the stored `Article`, so new derived
           fields get filled; tombstones as they are) with its external version; refresh.
        3. Swap the alias in one atomic `_aliases` call: searches see the old index, then the new.
        4. Copy again: writes that reached the old index during step 2 are carried over; the ones
           already there come back `stale` (external versions make this idempotent).
        5. Optionally delete the old index (kept by default, for a rollback by alias swap).

        Serverless has neither aliases nor external versions: `StoreError` there.
        """
        if self.serverless:
            raise StoreError(
                "reindex is not available on OpenSearch Serverless (no aliases to swap, no external "
                "versions): create a new collection or index and ingest the bucket again"
            )
        self._put_template()
        sources = self._alias_indices()
        existing = self._versioned_indices()
        number = max((int(m.group(1)) for name in existing if (m := _INDEX_VERSION.search(name))), default=0)
        target = f"{self.alias}-v{number + 1}"
        if not sources:
            # Nothing to copy: this is the first index (as the first write would create it).
            self._call(lambda client: client.indices.create(index=target, body={"aliases": {self.alias: {}}}))
            self._index_ready = True
            return ReindexReport(alias=self.alias, source=None, target=target, copied=0)
        if len(sources) != 1:
            raise StoreError(f"alias {self.alias!r} points to {sources}; expected one index")
        source = sources[0]
        self._call(lambda client: client.indices.create(index=target))
        copied = self._copy(source, target, batch_size)
        self._call(lambda client: client.indices.refresh(index=target))
        self._call(
            lambda client: client.indices.update_aliases(
                body={
                    "actions": [
                        {"remove": {"index": source, "alias": self.alias}},
                        {"add": {"index": target, "alias": self.alias}},
                    ]
                }
            )
        )
        caught_up = self._copy(source, target, batch_size)
        self._call(lambda client: client.indices.refresh(index=target))
        if delete_old:
            self._call(lambda client: client.indices.delete(index=source))
        return ReindexReport(
            alias=self.alias,
            source=source,
            target=target,
            copied=copied,
            caught_up=caught_up,
        )

    def _copy(self, source: str, target: str, batch_size: int) -> int:
        """Copy every document of `source` into `target`; return how many `target` did not hold yet
        (the others it holds at the same or a newer version come back `stale`)."""
        written = 0
        for batch in self._scan(source, batch_size):
            writes = [_rederived(hit) for hit in batch]
            results = self._write(writes, index=target, refresh="false")
            written += sum(
                isinstance(result, WriteOutcome) and result.status == "written" for result in results
            )
        return written

    def _scan(self, index: str, batch_size: int, *, live_only: bool = False) -> Iterator[list[Document]]:
        """Every document of `index` (or only the live ones, with just what says who holds them), in
        pages, by `search_after` on `id` (no scroll context)."""
        after: list[Any] | None = None
        while True:
            body: Document = {"query": {"match_all": {}}, "size": batch_size, "sort": [{"id": "asc"}]}
            if live_only:
                body["query"] = bodies.LIVE
                body["_source"] = {"includes": ["version", "deleted", "holders", "origin"]}
            if after is not None:
                body["search_after"] = after
            response = self._search(body, index=index)
            hits = [] if response is None else response["hits"]["hits"]
            if not hits:
                return
            yield hits
            after = hits[-1]["sort"]


# --- helpers --------------------------------------------------------------------------------------


def _write_id(write: StoreWrite) -> str:
    return write.article.id if isinstance(write, PutArticle) else write.article_id


def _plan_put(held: dict[str, Document | None], article: Article) -> WriteOutcome | _Write:
    """What putting `article` takes, given the stored documents `held`: the document to index, or
    the outcome when there is nothing to write."""
    holder = Holder(bucket=article.origin.bucket, key=article.origin.key, version=article.version)
    source = held.get(article.id)
    held_version, current = _held_state(source)
    if held_version >= article.version:
        # Stale, but the object holds the (newer) article all the same.
        attached = with_holder(current, holder) if source and not source.get("deleted") else None
        if attached is None:
            return WriteOutcome(id=article.id, status="stale")
        rewritten = {**source, **bodies.holder_fields(attached)}  # type: ignore[dict-item]
        return _Write(article.id, held_version, json.dumps(rewritten), "external_gte", "stale")
    holders = with_holder(current, holder) or current
    return _Write(article.id, article.version, bodies.article_source(article, holders))


def _plan_release(held: dict[str, Document | None], release: ReleaseHold) -> WriteOutcome | _Write:
    """What releasing one object's hold takes, given the stored documents `held` (see `_plan_put`)."""
    article_id, version = release.article_id, release.version
    source = held.get(article_id)
    held_version, current = _held_state(source)
    version_type: VersionType = "external"
    if source is not None and not source.get("deleted"):
        remaining = without_holder(current, release.bucket, release.key, version)
        if remaining is None:
            return WriteOutcome(id=article_id, status="stale")
        if remaining:
            kept = json.dumps({**source, **bodies.holder_fields(remaining)})
            return _Write(article_id, held_version, kept, "external_gte", "kept")
        if held_version >= version:  # the last hold is gone: the article too
            version, version_type = held_version, "external_gte"
    elif held_version >= version:
        return WriteOutcome(id=article_id, status="stale")
    tombstone = bodies.tombstone_document(article_id, version, release.bucket, release.key)
    return _Write(article_id, version, json.dumps(tombstone), version_type)


def _held_state(source: Document | None) -> tuple[int, list[Holder]]:
    """The version a stored document holds (-1: none) and, if live, its holders. A document written
    before holders were recorded is held by its one origin."""
    if source is None:
        return -1, []
    version = int(source["version"])
    if source.get("deleted"):
        return version, []
    if "holders" in source:
        return version, [Holder.model_validate(held) for held in source["holders"]]
    origin = source.get("origin", {})
    return version, [Holder(bucket=origin.get("bucket", ""), key=origin.get("key", ""), version=version)]


def _mark_unanswered(items: list[_Pending]) -> None:
    for item in items:
        item.unanswered = True


def _rederived(hit: Document) -> _Write:
    """One stored document, to copy into a new index."""
    source: Document = hit["_source"]
    version = int(source["version"])
    if source.get("deleted"):
        return _Write(hit["_id"], version, json.dumps(source, ensure_ascii=False))
    try:
        article = bodies.article_from_source(source)
        return _Write(hit["_id"], version, bodies.article_source(article, _held_state(source)[1]))
    except ValidationError:
        # not an Article any more: copy it as it is
        return _Write(hit["_id"], version, json.dumps(source, ensure_ascii=False))


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


def _empty_result(query: SearchQuery) -> SearchResult:
    return SearchResult(
        total=0,
        hits=[],
        facets={
            dimension: ordered_facet({}, query.selected(dimension).values, query.facet_size)
            for dimension in Dimension
        },
        next_cursor=None,
        histogram=[] if query.histogram is not None else None,
    )


def _is_retryable(error: TransportError) -> bool:
    status = error.status_code
    return isinstance(status, int) and status in _RETRYABLE_STATUSES


def _describe(error: TransportError) -> str:
    return f"{error.status_code} {error.error}"


def _reason(outcome: Document) -> str:
    error = outcome.get("error")
    if isinstance(error, dict):
        return f"{error.get('type', 'error')}: {str(error.get('reason', ''))[:300]}"
    return str(error)


def _is_serverless(flavour: str, host: str) -> bool:
    """`opensearch_flavour` (cluster | serverless | auto: by the host's *.aoss.amazonaws.com name)."""
    if flavour == "auto":
        return host.endswith(".aoss.amazonaws.com")
    if flavour in ("cluster", "serverless"):
        return flavour == "serverless"
    raise OpenSearchConfigError(f"unknown opensearch_flavour {flavour!r}: use cluster, serverless or auto")


def _auth(settings: Settings, host: str) -> Any:
    """The client's `http_auth` for `settings.opensearch_auth` (see `Settings`)."""
    mode = settings.opensearch_auth
    if mode == "auto":
        if host.endswith(".aoss.amazonaws.com"):
            mode = "sigv4-aoss"
        elif host.endswith(".amazonaws.com"):
            mode = "sigv4-es"
        else:
            mode = "basic" if settings.opensearch_username else "none"
    if mode == "none":
        return None
    if mode == "basic":
        if not (settings.opensearch_username and settings.opensearch_password):
            raise OpenSearchConfigError("basic auth needs NEWSFACET_OPENSEARCH_USERNAME and _PASSWORD")
        return (settings.opensearch_username, settings.opensearch_password)
    if mode in ("sigv4-es", "sigv4-aoss"):
        return _sigv4(settings, host, service=mode.removeprefix("sigv4-"))
    raise OpenSearchConfigError(
        f"unknown opensearch_auth {mode!r}: use none, basic, sigv4-es, sigv4-aoss or auto"
    )


def _sigv4(settings: Settings, host: str, service: str) -> Any:
    """SigV4 request signing with the process's AWS credentials (the Lambda role's)."""
    import boto3  # noqa: PLC0415 - only SigV4 needs it
    from opensearchpy import Urllib3AWSV4SignerAuth  # noqa: PLC0415

    region = settings.aws_region or _region_of(host)
    if not region:
        raise OpenSearchConfigError(f"SigV4 needs a region: set AWS_REGION (host {host!r} names none)")
    credentials = boto3.Session().get_credentials()
    if credentials is None:
        raise OpenSearchConfigError("SigV4 needs AWS credentials; none were found")
    return Urllib3AWSV4SignerAuth(credentials, region, service)


def _region_of(host: str) -> str | None:
    """The region in an AWS endpoint: search-x.eu-west-1.es.amazonaws.com, id.us-east-1.aoss..."""
    match = re.search(r"\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.(?:es|aoss)\.amazonaws\.com$", host)
    return match.group(1) if match else None


def run_reindex_command(settings: Settings, *, delete_old: bool) -> int:
    """`newsfacet reindex`: reindex and swap, report on stdout; exit 1 (with the reason) on failure."""
    if not settings.store.startswith(("http://", "https://")):
        print(f"newsfacet reindex: {settings.store!r} is not an OpenSearch URL", file=sys.stderr)
        return 2
    store = OpenSearchStore.from_settings(settings)
    try:
        report = store.reindex(delete_old=delete_old)
    except StoreError as error:
        print(f"newsfacet reindex: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    kept = "" if report.source is None or delete_old else f"; {report.source} kept (delete it when satisfied)"
    print(
        f"{report.alias} -> {report.target} (was {report.source or 'nothing'}): "
        f"{report.copied} documents copied, {report.caught_up} caught up after the swap{kept}"
    )
    return 0
