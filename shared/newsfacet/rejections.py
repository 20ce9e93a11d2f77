"""Where rejected uploads are recorded, so an operator can list them with their reasons.

A rejection is final (retrying cannot turn a binary file into an article), so ingest acknowledges the
message instead of retrying it; this log is what remains of it. One port, two adapters:

- `DynamoDBRejectionLog` on AWS (the template's table: key `origin` + `version`, PITR, SSE);
- `SQLiteRejectionLog` on one machine (a file next to the embedded store).

Records are keyed by object and event version, so a redelivered message rewrites the same entry
instead of adding a duplicate. A key that is later indexed or removed is `forget`-ten: the log lists
what the bucket holds and the index does not, never a key that was fixed since.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from abc import ABC, abstractmethod
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import boto3
from botocore.exceptions import BotoCoreError, ClientError
from pydantic import BaseModel, ConfigDict, Field

from newsfacet.config import Settings
from newsfacet.model import Rejection, RejectionReason

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

MAX_DETAIL_CHARS = 2000
"""Details are cut to this length: they are for a human, and DynamoDB items are capped at 400 KB."""

_TRANSIENT_DYNAMODB_CODES = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "InternalServerError",
        "ServiceUnavailable",
    }
)


class RejectionLogUnavailable(Exception):  # noqa: N818 - reads as a state, like StoreUnavailable
    """The log cannot be written now; the message is retried so the rejection is not lost."""


class RejectionRecord(BaseModel):
    """One rejected upload: which object, which event version, why, and when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bucket: str
    key: str
    version: int = Field(ge=0)
    version_id: str | None = None
    reason: RejectionReason
    detail: str
    rejected_at: datetime

    @classmethod
    def of(cls, rejection: Rejection, bucket: str, key: str, version: int, at: datetime) -> RejectionRecord:
        version_id = rejection.origin.version_id if rejection.origin else None
        return cls(
            bucket=bucket,
            key=key,
            version=version,
            version_id=version_id,
            reason=rejection.reason,
            detail=rejection.detail[:MAX_DETAIL_CHARS],
            rejected_at=at,
        )


class RejectionLog(ABC):
    """Records rejections and lists the most recent ones."""

    @abstractmethod
    def record(self, entry: RejectionRecord) -> None:
        """Store `entry`; recording the same object and version again replaces it.

        Raises `RejectionLogUnavailable` on transient trouble.
        """

    @abstractmethod
    def recent(self, limit: int = 50, reason: RejectionReason | None = None) -> list[RejectionRecord]:
        """The newest rejections first, optionally only those with `reason`."""

    @abstractmethod
    def rejected_keys(self, bucket: str) -> set[str]:
        """Every key of `bucket` with a rejection recorded (what a reconcile need not re-enqueue)."""

    @abstractmethod
    def forget(self, bucket: str, key: str, up_to_version: int) -> None:
        """Drop the key's rejections of events up to `up_to_version` (a newer event indexed or removed
        it). Raises `RejectionLogUnavailable` on transient trouble."""


# --- DynamoDB ----------------------------------------------------------------------------------------


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


# --- SQLite ------------------------------------------------------------------------------------------


_SCHEMA = """
CREATE TABLE IF NOT EXISTS rejections (
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    version_id TEXT,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    rejected_at TEXT NOT NULL,
    PRIMARY KEY (bucket, key, version)
)
"""


class SQLiteRejectionLog(RejectionLog):
    """The one-machine adapter: a SQLite file, one connection per call (ingest and CLI may share it)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as connection:
            connection.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self._path, timeout=10)

    def record(self, entry: RejectionRecord) -> None:
        try:
            with self._connect() as connection:
                connection.execute(
                    "INSERT OR REPLACE INTO rejections VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        entry.bucket,
                        entry.key,
                        entry.version,
                        entry.version_id,
                        entry.reason.value,
                        entry.detail,
                        entry.rejected_at.isoformat(),
                    ),
                )
        except sqlite3.OperationalError as error:  # "database is locked" after the busy timeout
            raise RejectionLogUnavailable(str(error)) from error

    def recent(self, limit: int = 50, reason: RejectionReason | None = None) -> list[RejectionRecord]:
        sql = "SELECT bucket, key, version, version_id, reason, detail, rejected_at FROM rejections"
        parameters: tuple[Any, ...] = ()
        if reason is not None:
            sql += " WHERE reason = ?"
            parameters = (reason.value,)
        sql += " ORDER BY rejected_at DESC LIMIT ?"
        with self._connect() as connection:
            rows = connection.execute(sql, (*parameters, limit)).fetchall()
        return [
            RejectionRecord(
                bucket=bucket,
                key=key,
                version=version,
                version_id=version_id,
                reason=RejectionReason(reason_value),
                detail=detail,
                rejected_at=datetime.fromisoformat(rejected_at),
            )
            for bucket, key, version, version_id, reason_value, detail, rejected_at in rows
        ]

    def rejected_keys(self, bucket: str) -> set[str]:
        with self._connect() as connection:
            rows = connection.execute("SELECT DISTINCT key FROM rejections WHERE bucket = ?", (bucket,))
            return {row[0] for row in rows}

    def forget(self, bucket: str, key: str, up_to_version: int) -> None:
        try:
            with self._connect() as connection:
                connection.execute(
                    "DELETE FROM rejections WHERE bucket = ? AND key = ? AND version <= ?",
                    (bucket, key, up_to_version),
                )
        except sqlite3.OperationalError as error:
            raise RejectionLogUnavailable(str(error)) from error


def local_log_path(settings: Settings) -> Path:
    """Where one machine keeps the log of `settings.store`, wherever the command runs from:
    `rejections.db` next to the embedded store's file, or, for an OpenSearch store, one file per
    node and alias under `~/.newsfacet/`."""
    if settings.store.startswith("sqlite:///"):
        return Path(settings.store.removeprefix("sqlite:///")).resolve().parent / "rejections.db"
    parts = urlsplit(settings.store)
    node = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{parts.hostname}-{parts.port or parts.scheme}")
    return Path.home() / ".newsfacet" / f"rejections-{node}-{settings.index_alias}.db"


def open_rejection_log(settings: Settings) -> RejectionLog:
    """DynamoDB when `settings.rejections_table` names a table, else the local SQLite file."""
    if settings.rejections_table:
        return DynamoDBRejectionLog.from_settings(settings)
    return SQLiteRejectionLog(local_log_path(settings))


def format_rejections(entries: list[RejectionRecord]) -> str:
    """One line per rejection, newest first, for `newsfacet rejections`."""
    if not entries:
        return "no rejections recorded"
    return "\n".join(
        f"{entry.rejected_at.isoformat(timespec='seconds')}  {entry.reason.value:<18}  "
        f"s3://{entry.bucket}/{entry.key}  (version {entry.version}): {entry.detail}"
        for entry in entries
    )


def run_rejections_command(settings: Settings, *, limit: int, reason: str | None, as_json: bool) -> int:
    """`newsfacet rejections`: print the newest rejections; exit 2 on an unknown reason."""
    try:
        wanted = RejectionReason(reason) if reason else None
    except ValueError:
        known = ", ".join(member.value for member in RejectionReason)
        print(f"unknown reason {reason!r}: expected one of {known}", file=sys.stderr)
        return 2
    entries = open_rejection_log(settings).recent(limit=limit, reason=wanted)
    if as_json:
        for entry in entries:
            print(entry.model_dump_json())
    else:
        print(format_rejections(entries))
    return 0
