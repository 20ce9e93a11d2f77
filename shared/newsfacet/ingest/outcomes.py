"""What ingest makes of each event: the work prepared before the store is written, and the outcome
(or the transient failure) once it is applied."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from newsfacet.model import Article, Rejection, RejectionReason
from newsfacet.objects.base import SourceUnavailable
from newsfacet.rejections import RejectionLogUnavailable
from newsfacet.s3events import S3ObjectEvent
from newsfacet.store.base import StoreUnavailable

TRANSIENT_ERRORS: tuple[type[Exception], ...] = (StoreUnavailable, SourceUnavailable, RejectionLogUnavailable)
"""Failures that fail one record so the queue retries it (and finally parks it in the DLQ)."""

IngestStatus = Literal["indexed", "stale", "rejected", "deleted", "gone", "ignored"]


class IngestOutcome(BaseModel):
    """What applying one event did, for logs and metrics.

    - `indexed`: the article was written; `stale`: a newer or equal event had already been applied;
    - `rejected`: the upload is not an article (`reason`); `deleted`: the key's articles were removed;
    - `gone`: the object had been deleted or overwritten before it could be read;
    - `ignored`: the removal of a key that never held an article (see `is_article_key`).
    `tombstoned` lists ids this event removed from the index.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: IngestStatus
    bucket: str
    key: str
    version: int
    article_id: str | None = None
    reason: RejectionReason | None = None
    detail: str | None = None
    tombstoned: list[str] = []


class Removal(BaseModel):
    """A removal of the key, applied in its turn in the batch (it must see the writes before it)."""

    model_config = ConfigDict(frozen=True)


class PreparedEvent(BaseModel):
    """What `Ingestor.prepare` made of one event, before the store is written: the article or the
    rejection the upload makes, a removal, or an outcome already known (stale, gone, ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event: S3ObjectEvent
    work: Article | Rejection | Removal | IngestOutcome


class EventFailed(BaseModel):
    """An event of a batch that failed transiently (its record goes back to the queue)."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    bucket: str
    key: str
    error: Exception

    @classmethod
    def of(cls, event: S3ObjectEvent, error: Exception) -> EventFailed:
        return cls(bucket=event.bucket, key=event.key, error=error)


def outcome(
    status: IngestStatus,
    event: S3ObjectEvent,
    *,
    article_id: str | None = None,
    reason: RejectionReason | None = None,
    detail: str | None = None,
    tombstoned: list[str] | None = None,
) -> IngestOutcome:
    """The outcome of `event`."""
    return IngestOutcome(
        status=status,
        bucket=event.bucket,
        key=event.key,
        version=event.version,
        article_id=article_id,
        reason=reason,
        detail=detail,
        tombstoned=tombstoned or [],
    )
