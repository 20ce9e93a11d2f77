"""The rejection log's port: what a rejected upload leaves behind, and where it is recorded (see the
package's docstring)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from newsfacet.model import Rejection, RejectionReason

MAX_DETAIL_CHARS = 2000
"""Details are cut to this length: they are for a human, and DynamoDB items are capped at 400 KB."""


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
