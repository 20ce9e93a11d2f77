"""Bucket against index: find what events lost, and repair it.

S3 notifications can be lost (a local stack killed mid-batch, a queue purged, a bug that parked
messages in the dead-letter queue past retention), so the index can drift from the bucket. This
module compares the two and repairs the difference:

- **missing**: an object the bucket holds that no live article is held by and the rejection log does
  not list. It is re-enqueued as an `ObjectCreated` notification (the very message S3 sends), so it
  takes the ordinary ingest path: indexed, or rejected with its reason.
- **orphaned**: an article hold whose object the bucket no longer holds. The hold is taken away (the
  article is tombstoned when no object holds it any more), as the lost `ObjectRemoved` would have.

A report counts both (`lost` is what was missing before the repair). The same code runs as
`newsfacet reconcile`, at the start of the local stack, and on AWS on a schedule
(`functions/reconcile/app.py`). Objects uploaded while it runs may show as missing: re-enqueuing
them is harmless (a repeated event is `stale`).
"""

from __future__ import annotations

import json
import sys
from abc import ABC, abstractmethod
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import quote_plus

from botocore.exceptions import BotoCoreError, ClientError
from pydantic import BaseModel, ConfigDict

from newsfacet.config import Settings
from newsfacet.rejections import RejectionLog
from newsfacet.store.base import ArticleStore

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient


class ReconcileReport(BaseModel):
    """What one reconcile found and did."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bucket: str
    objects: int  # keys the bucket holds
    indexed: int  # of those, held by a live article
    rejected: int  # of those, listed in the rejection log
    missing: list[str]  # keys re-enqueued
    orphaned: list[str]  # "id <- key" holds taken away: objects gone from the bucket

    @property
    def lost(self) -> int:
        return len(self.missing)

    def summary(self) -> str:
        return (
            f"s3://{self.bucket}: {self.objects} objects, {self.indexed} indexed, {self.rejected} rejected, "
            f"{len(self.missing)} missing (re-enqueued), {len(self.orphaned)} orphaned holds removed"
        )


class Bucket(ABC):
    """The object store side of a reconcile: list the keys, ask for one to be ingested again."""

    name: str

    @abstractmethod
    def keys(self) -> Iterable[str]:
        """Every key the bucket holds now."""

    @abstractmethod
    def requeue(self, key: str) -> None:
        """Send the ingest queue the ObjectCreated notification S3 would send for `key`."""


def reconcile(bucket: Bucket, store: ArticleStore, rejections: RejectionLog) -> ReconcileReport:
    """Compare `bucket` with the index and the rejection log; re-enqueue the missing, release the
    orphaned holds. See the module docstring."""
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
    )


def created_notification(bucket: str, key: str, at: datetime | None = None) -> str:
    """The SQS body S3 sends for an ObjectCreated:Put of `key` (no sequencer: its version is `at`)."""
    moment = (at or datetime.now(UTC)).isoformat().replace("+00:00", "Z")
    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "eventName": "ObjectCreated:Put",
        "eventTime": moment,
        "s3": {"bucket": {"name": bucket}, "object": {"key": quote_plus(key)}},
    }
    return json.dumps({"Records": [record]})


class S3Bucket(Bucket):
    """A bucket on S3 (or moto), and the ingest queue its notifications go to."""

    def __init__(self, name: str, s3: S3Client, sqs: SQSClient, queue_url: str) -> None:
        self.name = name
        self._s3 = s3
        self._sqs = sqs
        self._queue_url = queue_url

    def keys(self) -> Iterable[str]:
        for page in self._s3.get_paginator("list_objects_v2").paginate(Bucket=self.name):
            for item in page.get("Contents", []):
                yield item["Key"]

    def requeue(self, key: str) -> None:
        self._sqs.send_message(QueueUrl=self._queue_url, MessageBody=created_notification(self.name, key))


class ReconcileNotConfiguredError(ValueError):
    """The bucket to reconcile, or the ingest queue to re-enqueue to, is not configured."""


def reconcile_configured_bucket(settings: Settings) -> ReconcileReport:
    """Reconcile `settings.articles_bucket` (on S3, re-enqueuing to `settings.ingest_queue_url`) with
    the configured store and rejection log: what `newsfacet reconcile` and the scheduled function run.
    Raises `ReconcileNotConfiguredError`, or the store's, the log's or boto's error when one is
    unreachable."""
    import boto3  # noqa: PLC0415 - only this command and the scheduled function talk to S3 here

    from newsfacet.rejections import open_rejection_log  # noqa: PLC0415
    from newsfacet.store import open_store  # noqa: PLC0415

    if not (settings.articles_bucket and settings.ingest_queue_url):
        raise ReconcileNotConfiguredError(
            "NEWSFACET_ARTICLES_BUCKET and NEWSFACET_INGEST_QUEUE_URL must be set"
        )
    bucket = S3Bucket(
        settings.articles_bucket,
        boto3.client("s3", region_name=settings.aws_region),
        boto3.client("sqs", region_name=settings.aws_region),
        settings.ingest_queue_url,
    )
    store = open_store(settings)
    try:
        return reconcile(bucket, store, open_rejection_log(settings))
    finally:
        store.close()


def run_reconcile_command(settings: Settings, *, as_json: bool) -> int:
    """`newsfacet reconcile`: reconcile `settings.articles_bucket`, print the report; exit 2 when
    the bucket or queue is not configured, 1 when something could not be reached."""
    from newsfacet.rejections import RejectionLogUnavailable  # noqa: PLC0415
    from newsfacet.store import StoreError  # noqa: PLC0415

    try:
        report = reconcile_configured_bucket(settings)
    except ReconcileNotConfiguredError:
        print(
            "newsfacet reconcile: set NEWSFACET_ARTICLES_BUCKET and NEWSFACET_INGEST_QUEUE_URL"
            " (or --bucket and --queue-url)",
            file=sys.stderr,
        )
        return 2
    except (StoreError, RejectionLogUnavailable, BotoCoreError, ClientError) as error:
        print(f"newsfacet reconcile: {error}", file=sys.stderr)
        return 1
    print(report.model_dump_json() if as_json else report.summary())
    return 0
