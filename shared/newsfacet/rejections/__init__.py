"""Where rejected uploads are recorded, so an operator can list them with their reasons.

A rejection is final (retrying cannot turn a binary file into an article), so ingest acknowledges the
message instead of retrying it; this log is what remains of it. One port, two adapters:

- `base`: the port, `RejectionLog`, and what it records, `RejectionRecord`;
- `dynamodb`: `DynamoDBRejectionLog` on AWS (the template's table: key `origin` + `version`, PITR, SSE);
- `sqlite`: `SQLiteRejectionLog` on one machine (a file next to the embedded store).

Records are keyed by object and event version, so a redelivered message rewrites the same entry
instead of adding a duplicate. A key that is later indexed or removed is `forget`-ten: the log lists
what the bucket holds and the index does not, never a key that was fixed since.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from newsfacet.config import Settings
from newsfacet.rejections.base import (
    MAX_DETAIL_CHARS,
    RejectionLog,
    RejectionLogUnavailable,
    RejectionRecord,
)

__all__ = [
    "MAX_DETAIL_CHARS",
    "RejectionLog",
    "RejectionLogUnavailable",
    "RejectionRecord",
    "local_log_path",
    "open_rejection_log",
]


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
    """DynamoDB when `settings.rejections_table` names a table, else the local SQLite file.

    Adapters are imported here, lazily, so a process only loads the one it uses."""
    if settings.rejections_table:
        from newsfacet.rejections.dynamodb import DynamoDBRejectionLog  # noqa: PLC0415

        return DynamoDBRejectionLog.from_settings(settings)
    from newsfacet.rejections.sqlite import SQLiteRejectionLog  # noqa: PLC0415

    return SQLiteRejectionLog(local_log_path(settings))
