"""The rejection log on one machine: a SQLite file next to the embedded store (`local_log_path`)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from newsfacet.model import RejectionReason
from newsfacet.rejections.base import RejectionLog, RejectionLogUnavailable, RejectionRecord

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
