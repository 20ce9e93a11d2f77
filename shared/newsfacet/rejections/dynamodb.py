"""The rejection log on AWS: the template's DynamoDB table (key `origin` + `version`, PITR, SSE)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from newsfacet.config import Settings
from newsfacet.model import RejectionReason
from newsfacet.rejections.base import RejectionLog, RejectionLogUnavailable, RejectionRecord

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_TRANSIENT_DYNAMODB_CODES = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "InternalServerError",
        "ServiceUnavailable",
    }
)


class DynamoDBRejectionLog(RejectionLog):
    """The AWS adapter. Listing scans the table: rejections are rare and listed by a human."""

    def __init__(self, table_name: str, client: DynamoDBClient) -> None:
        self._table = table_name
        self._client = client

    @classmethod
    def from_settings(cls, settings: Settings) -> DynamoDBRejectionLog:
        if not settings.rejections_table:
            raise ValueError("settings.rejections_table is not set")
        return cls(settings.rejections_table, boto3.client("dynamodb", region_name=settings.aws_region))

    def record(self, entry: RejectionRecord) -> None:
        item: dict[str, Any] = {
            "origin": {"S": f"s3://{entry.bucket}/{entry.key}"},
            "version": {"N": str(entry.version)},
            "bucket": {"S": entry.bucket},
            "key": {"S": entry.key},
            "reason": {"S": entry.reason.value},
            "detail": {"S": entry.detail or "-"},
            "rejected_at": {"S": entry.rejected_at.isoformat()},
        }
        if entry.version_id:
            item["version_id"] = {"S": entry.version_id}
        try:
            self._client.put_item(TableName=self._table, Item=item)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if code in _TRANSIENT_DYNAMODB_CODES:
                raise RejectionLogUnavailable(f"DynamoDB {code}") from error
            raise
        except BotoCoreError as error:  # connection and read timeouts, endpoint unreachable
            raise RejectionLogUnavailable(str(error)) from error

    def recent(self, limit: int = 50, reason: RejectionReason | None = None) -> list[RejectionRecord]:
        paginator = self._client.get_paginator("scan")
        options: dict[str, Any] = {"TableName": self._table}
        if reason is not None:
            options["FilterExpression"] = "reason = :reason"
            options["ExpressionAttributeValues"] = {":reason": {"S": reason.value}}
        entries = [_from_item(item) for page in paginator.paginate(**options) for item in page["Items"]]
        entries.sort(key=lambda entry: entry.rejected_at, reverse=True)
        return entries[:limit]

    def rejected_keys(self, bucket: str) -> set[str]:
        pages = self._client.get_paginator("scan").paginate(
            TableName=self._table,
            FilterExpression="#bucket = :bucket",
            ExpressionAttributeNames={"#bucket": "bucket", "#key": "key"},
            ExpressionAttributeValues={":bucket": {"S": bucket}},
            ProjectionExpression="#key",
        )
        return {item["key"]["S"] for page in pages for item in page["Items"]}

    def forget(self, bucket: str, key: str, up_to_version: int) -> None:
        origin = f"s3://{bucket}/{key}"
        try:
            paginator = self._client.get_paginator("query")
            pages = paginator.paginate(
                TableName=self._table,
                KeyConditionExpression="#origin = :origin AND #version <= :version",
                ExpressionAttributeNames={"#origin": "origin", "#version": "version"},
                ExpressionAttributeValues={":origin": {"S": origin}, ":version": {"N": str(up_to_version)}},
                ProjectionExpression="#origin, #version",
            )
            for page in pages:
                for item in page["Items"]:
                    self._client.delete_item(
                        TableName=self._table, Key={"origin": item["origin"], "version": item["version"]}
                    )
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if code in _TRANSIENT_DYNAMODB_CODES:
                raise RejectionLogUnavailable(f"DynamoDB {code}") from error
            raise
        except BotoCoreError as error:
            raise RejectionLogUnavailable(str(error)) from error


def _from_item(item: dict[str, Any]) -> RejectionRecord:
    return RejectionRecord(
        bucket=item["bucket"]["S"],
        key=item["key"]["S"],
        version=int(item["version"]["N"]),
        version_id=item["version_id"]["S"] if "version_id" in item else None,
        reason=RejectionReason(item["reason"]["S"]),
        detail=item["detail"]["S"],
        rejected_at=datetime.fromisoformat(item["rejected_at"]["S"]),
    )
