"""The uploads on S3 (or moto): `S3ObjectSource` reads one object for ingest, `S3Bucket` lists the
bucket and re-enqueues a key for reconcile."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from newsfacet.config import Settings
from newsfacet.objects.base import Bucket, ObjectGone, ObjectSource, SourceUnavailable
from newsfacet.s3events import created_notification

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient


_GONE_CODES = frozenset({"NoSuchKey", "NoSuchVersion", "404"})
_TRANSIENT_S3_CODES = frozenset(
    {"SlowDown", "Throttling", "ThrottlingException", "RequestTimeout", "InternalError", "ServiceUnavailable"}
)


class S3ObjectSource(ObjectSource):
    """Reads objects with boto3. Needs s3:GetObject(Version) and s3:ListBucket: without the latter,
    S3 answers 403 instead of 404 for a missing key, and a deleted object would look like an error."""

    def __init__(self, client: S3Client) -> None:
        self._client = client

    @classmethod
    def from_settings(cls, settings: Settings) -> S3ObjectSource:
        return cls(boto3.client("s3", region_name=settings.aws_region))

    def read(self, bucket: str, key: str, version_id: str | None, limit: int) -> bytes:
        try:
            if version_id:
                response = self._client.get_object(Bucket=bucket, Key=key, VersionId=version_id)
            else:
                response = self._client.get_object(Bucket=bucket, Key=key)
            body = response["Body"]
            try:
                return body.read(limit)
            finally:
                body.close()
        except ClientError as error:
            code = str(error.response.get("Error", {}).get("Code", ""))
            status = int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
            if code in _GONE_CODES:
                raise ObjectGone(f"s3://{bucket}/{key}") from error
            if code in _TRANSIENT_S3_CODES or status >= 500:
                raise SourceUnavailable(f"S3 {code or status} reading s3://{bucket}/{key}") from error
            raise
        except BotoCoreError as error:  # connection errors, read timeouts, truncated streams
            raise SourceUnavailable(f"{type(error).__name__} reading s3://{bucket}/{key}") from error


class S3Bucket(Bucket):
    """A bucket on S3 (or moto), and the ingest queue its notifications go to."""

    def __init__(self, name: str, s3: S3Client, sqs: SQSClient, queue_url: str) -> None:
        self.name = name
        self._s3 = s3
        self._sqs = sqs
        self._queue_url = queue_url

    @classmethod
    def from_settings(cls, name: str, queue_url: str, settings: Settings) -> S3Bucket:
        """The bucket `name` and the queue at `queue_url`, with clients for `settings.aws_region`."""
        region = settings.aws_region
        return cls(
            name, boto3.client("s3", region_name=region), boto3.client("sqs", region_name=region), queue_url
        )

    def keys(self) -> Iterable[str]:
        for page in self._s3.get_paginator("list_objects_v2").paginate(Bucket=self.name):
            for item in page.get("Contents", []):
                yield item["Key"]

    def requeue(self, key: str) -> None:
        self._sqs.send_message(QueueUrl=self._queue_url, MessageBody=created_notification(self.name, key))
