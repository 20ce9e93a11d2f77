"""The uploads' ports: reading one uploaded object (`ObjectSource`, for ingest) and the bucket as a
whole (`Bucket`, for reconcile). They keep S3 (and boto3) out of the domain and its tests."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable


class ObjectGone(Exception):  # noqa: N818 - reads as a state of the object
    """The object (or that version of it) no longer exists."""


class SourceUnavailable(Exception):  # noqa: N818 - reads as a state, like StoreUnavailable
    """S3 throttled, failed (5xx) or timed out. Retrying later may succeed."""


class ObjectSource(ABC):
    """Reads uploaded objects. The port keeps S3 (and boto3) out of the domain's tests."""

    @abstractmethod
    def read(self, bucket: str, key: str, version_id: str | None, limit: int) -> bytes:
        """At most `limit` bytes of the object (the version `version_id` if given).

        Raises `ObjectGone` if it no longer exists, `SourceUnavailable` on transient trouble.
        """


class Bucket(ABC):
    """The object store side of a reconcile: list the keys, ask for one to be ingested again."""

    name: str

    @abstractmethod
    def keys(self) -> Iterable[str]:
        """Every key the bucket holds now."""

    @abstractmethod
    def requeue(self, key: str) -> None:
        """Send the ingest queue the ObjectCreated notification S3 would send for `key`."""
