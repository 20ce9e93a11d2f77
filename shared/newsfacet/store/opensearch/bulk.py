"""Writing documents to OpenSearch: `_bulk` with external versions, in chunks, with every item's
status checked and transient failures retried with backoff (see the package's docstring, "Writes"),
and the realtime reads a write builds on."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from opensearchpy.exceptions import ConnectionError as ClientConnectionError
from opensearchpy.exceptions import NotFoundError, TransportError

from newsfacet.model import Holder, WriteOutcome, WriteStatus
from newsfacet.store.base import StoreError, StoreUnavailable, WriteFailed, WriteResult
from newsfacet.store.opensearch.connection import (
    MAX_ID_BYTES,
    RETRYABLE_STATUSES,
    Connection,
    Document,
    Refresh,
    describe,
    is_retryable,
)

_BULK_MAX_DOCS = 500
_BULK_MAX_BYTES = 8 * 1024 * 1024

VersionType = Literal["external", "external_gte"]


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


class Write(NamedTuple):
    """One document to index: `external_gte` rewrites the version held (to change its holders);
    `reports` replaces "written" in the outcome (such a rewrite is `stale` or `kept` to callers)."""

    article_id: str
    version: int
    document: str  # JSON text
    version_type: VersionType = "external"
    reports: WriteStatus | None = None


@dataclass
class _Pending:
    """One write of a bulk request: kept serialised so a retry sends the same bytes."""

    position: int
    article_id: str
    version: int
    lines: str
    unanswered: bool = False  # sent in a request whose answer was lost: it may have been written


@dataclass
class _BulkResult:
    """Each write's fate, by its position in the batch."""

    statuses: dict[int, WriteStatus] = field(default_factory=dict)
    failures: dict[int, WriteFailed] = field(default_factory=dict)


class BulkWriter:
    """Writes and the realtime reads they build on, retried with `retry`'s backoff (`sleep` is its
    clock: tests shorten it)."""

    def __init__(
        self,
        connection: Connection,
        *,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._connection = connection
        self._retry = retry or RetryPolicy()
        self._sleep = sleep

    def held_documents(self, article_ids: list[str]) -> dict[str, Document]:
        """The stored `_source` of each id (live or tombstone) the index holds, read in real time
        (what a write builds on: retried with the writes' backoff)."""
        wanted = sorted(
            {article_id for article_id in article_ids if len(article_id.encode()) <= MAX_ID_BYTES}
        )
        if not wanted:
            return {}
        alias = self._connection.alias
        for attempt in range(self._retry.attempts):
            if attempt:
                self._sleep(self._retry.delay(attempt - 1))
            try:
                found = self._connection.call(lambda client: client.mget(index=alias, body={"ids": wanted}))
            except NotFoundError:
                return {}
            except StoreUnavailable:
                if attempt + 1 == self._retry.attempts:
                    raise
                continue  # throttled or restarting: back off as a write does
            return {doc["_id"]: doc["_source"] for doc in found.get("docs", []) if doc.get("found")}
        raise AssertionError("unreachable: the last attempt returns or raises")

    def write(self, writes: list[Write], index: str, refresh: Refresh) -> list[WriteResult]:
        """Index each document with external versioning, in order, in bulk chunks; one result per
        write. Raises `StoreUnavailable` only when a request as a whole kept failing."""
        serverless = self._connection.serverless
        result = _BulkResult()
        chunk: list[_Pending] = []
        chunk_bytes = 0
        stored = self._stored_versions(writes, index) if serverless else {}
        for position, (article_id, version, document, version_type, _) in enumerate(writes):
            if len(article_id.encode()) > MAX_ID_BYTES:
                result.failures[position] = WriteFailed(
                    id=article_id, reason=f"id longer than {MAX_ID_BYTES} bytes", transient=False
                )
                continue
            if serverless:  # what a 409 says elsewhere; external_gte lets an equal version in
                held = stored.get(article_id, -1)
                if held > version or (held == version and version_type == "external"):
                    result.statuses[position] = "stale"
                    continue
                stored[article_id] = version  # an older write later in this batch is stale too
            # The index is in the request path, not in the action: IAM policies scoped to the
            # alias's paths then cover bulk writes (IAM cannot see into a request body).
            action: Document = {"index": {"_id": article_id}}
            if not serverless:
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

    def _stored_versions(self, writes: list[Write], index: str) -> dict[str, int]:
        """The stored version (live or tombstone) of each id about to be written, read in pages of
        `_BULK_MAX_DOCS` ids: Serverless cannot compare external versions itself."""
        ids = sorted({write.article_id for write in writes if len(write.article_id.encode()) <= MAX_ID_BYTES})
        stored: dict[str, int] = {}
        for start in range(0, len(ids), _BULK_MAX_DOCS):
            page = ids[start : start + _BULK_MAX_DOCS]
            body = {"query": {"ids": {"values": page}}, "_source": ["version"], "size": len(page)}
            response = self._connection.search(body, index=index)
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
                if self._connection.serverless:
                    response = self._connection.client.bulk(body=body, index=index)
                else:
                    response = self._connection.client.bulk(body=body, index=index, refresh=refresh)
            except ClientConnectionError as error:
                last_problem, request_failed = f"unreachable: {error}", True
                _mark_unanswered(pending)
                continue
            except TransportError as error:
                if is_retryable(error):
                    last_problem, request_failed = describe(error), True
                    _mark_unanswered(pending)
                    continue
                raise StoreError(f"OpenSearch refused a bulk request: {describe(error)}") from error
            request_failed = False
            retry: list[_Pending] = []
            self._connection.unrefreshed = self._connection.unrefreshed or refresh == "false"
            for item, answer in zip(pending, response["items"], strict=True):
                outcome = answer["index"]
                status = int(outcome["status"])
                if status in (200, 201):
                    result.statuses[item.position] = "written"
                elif status == 409:  # version conflict: the store holds this or a newer version
                    result.statuses[item.position] = "written" if self._wrote_before(item, index) else "stale"
                elif status in RETRYABLE_STATUSES:
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
            found = self._connection.call(
                lambda client: client.mget(index=index, body={"ids": [item.article_id]}, _source=False)
            )
        except NotFoundError:
            return False
        return any(doc.get("found") and int(doc.get("_version", -1)) == item.version for doc in found["docs"])


def held_state(source: Document | None) -> tuple[int, list[Holder]]:
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


def _reason(outcome: Document) -> str:
    error = outcome.get("error")
    if isinstance(error, dict):
        return f"{error.get('type', 'error')}: {str(error.get('reason', ''))[:300]}"
    return str(error)
