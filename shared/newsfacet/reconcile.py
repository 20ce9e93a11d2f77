"""Bucket against index: find what events lost, and repair it.

S3 notifications can be lost (a local run killed mid-batch, a queue purged, a bug that parked
messages in the dead-letter queue past retention), so the index can drift from the bucket. This
module compares the two and repairs the difference:

- **missing**: an object the bucket holds that no live article is held by and the rejection log does
  not list. It is re-enqueued as an `ObjectCreated` notification (the very message S3 sends), so it
  takes the ordinary ingest path: indexed, or rejected with its reason.
- **orphaned**: an article hold whose object the bucket no longer holds. The hold is taken away (the
  article is tombstoned when no object holds it any more), as the lost `ObjectRemoved` would have.

Then, when a size is configured, the index generation new articles go to is rolled over once it
is full (`ArticleStore.roll_over_if_full`, docs/SCALING.md): the hourly run is where production
rollover happens.

A report counts both (`lost` is what was missing before the repair). The same code runs as
`newsfacet reconcile`, at the start of the local run, and on AWS on a schedule
(`functions/reconcile/app.py`). Objects uploaded while it runs may show as missing: re-enqueuing
them is harmless (a repeated event is `stale`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from newsfacet.config import Settings
from newsfacet.objects.base import Bucket
from newsfacet.rejections import RejectionLog
from newsfacet.store.base import ArticleStore


class ReconcileReport(BaseModel):
    """What one reconcile found and did."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bucket: str
    objects: int  # keys the bucket holds
    indexed: int  # of those, held by a live article
    rejected: int  # of those, listed in the rejection log
    missing: list[str]  # keys re-enqueued
    orphaned: list[str]  # "id <- key" holds taken away: objects gone from the bucket
    rolled_over_to: str | None = None  # the new index generation, if the write index was full

    @property
    def lost(self) -> int:
        return len(self.missing)

    def summary(self) -> str:
        return (
            f"s3://{self.bucket}: {self.objects} objects, {self.indexed} indexed, {self.rejected} rejected, "
            f"{len(self.missing)} missing (re-enqueued), {len(self.orphaned)} orphaned holds removed"
            + (f"; new articles now go to {self.rolled_over_to}" if self.rolled_over_to else "")
        )


def reconcile(
    bucket: Bucket, store: ArticleStore, rejections: RejectionLog, *, rollover_max_size: str = ""
) -> ReconcileReport:
    """Compare `bucket` with the index and the rejection log; re-enqueue the missing, release the
    orphaned holds; then roll the index over if it holds `rollover_max_size` ("": never). See the
    module docstring."""
    present = set(bucket.keys())
    rejected = rejections.rejected_keys(bucket.name)
    indexed: set[str] = set()
    orphaned: list[str] = []
    for article_id, holders in store.live_holders():
        for held in holders:
            if held.bucket != bucket.name:
                continue
            if held.key in present:
                indexed.add(held.key)
            elif store.delete(article_id, held.version + 1, held.bucket, held.key).status != "stale":
                orphaned.append(f"{article_id} <- {held.key}")
    missing = sorted(present - indexed - rejected)
    for key in missing:
        bucket.requeue(key)
    return ReconcileReport(
        bucket=bucket.name,
        objects=len(present),
        indexed=len(indexed),
        rejected=len(present & rejected - indexed),
        missing=missing,
        orphaned=orphaned,
        rolled_over_to=store.roll_over_if_full(rollover_max_size) if rollover_max_size else None,
    )


class ReconcileNotConfiguredError(ValueError):
    """The bucket to reconcile, or the ingest queue to re-enqueue to, is not configured."""


def reconcile_configured_bucket(settings: Settings) -> ReconcileReport:
    """Reconcile `settings.articles_bucket` (on S3, re-enqueuing to `settings.ingest_queue_url`) with
    the configured store and rejection log: what `newsfacet reconcile` and the scheduled function run.
    Raises `ReconcileNotConfiguredError`, or the store's, the log's or boto's error when one is
    unreachable."""
    from newsfacet.objects.s3 import S3Bucket  # noqa: PLC0415 - only reconcile lists the bucket
    from newsfacet.rejections import open_rejection_log  # noqa: PLC0415
    from newsfacet.store import open_store  # noqa: PLC0415

    if not (settings.articles_bucket and settings.ingest_queue_url):
        raise ReconcileNotConfiguredError(
            "NEWSFACET_ARTICLES_BUCKET and NEWSFACET_INGEST_QUEUE_URL must be set"
        )
    bucket = S3Bucket.from_settings(settings.articles_bucket, settings.ingest_queue_url, settings)
    store = open_store(settings)
    try:
        return reconcile(
            bucket, store, open_rejection_log(settings), rollover_max_size=settings.rollover_max_size
        )
    finally:
        store.close()
