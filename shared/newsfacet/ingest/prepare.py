"""The pipeline's work for each event of a batch, before the store is written: the stale checks
(one store request for the whole batch), reading S3, cleaning and enriching."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from newsfacet.config import Settings
from newsfacet.ingest.keys import ARTICLE_SUFFIXES, deletes_one_version, is_article_key
from newsfacet.ingest.outcomes import TRANSIENT_ERRORS, PreparedEvent, Removal, outcome
from newsfacet.model import Article, Origin, Rejection, RejectionReason, StoredVersion
from newsfacet.objects.base import ObjectGone, ObjectSource
from newsfacet.s3events import S3EventKind, S3ObjectEvent
from newsfacet.store.base import ArticleStore, LookupFailed

KnownVersions = dict[tuple[str, str], list[StoredVersion]]
"""What the store holds from each (bucket, key), as `find_by_origin(fresh=False)` saw it."""


class ArticleBuilder(Protocol):
    """The pipeline's entry point, `newsfacet.pipeline.build_article`."""

    def __call__(
        self, raw: bytes, origin: Origin, version: int, settings: Settings, now: datetime | None = None
    ) -> Article | Rejection: ...


def default_builder() -> ArticleBuilder:
    # Heavy (spaCy, trafilatura): loaded on first use, and never by processes that only delete.
    from newsfacet.pipeline import build_article  # noqa: PLC0415

    return build_article


class Preparer:
    """Makes a `PreparedEvent` of each event; see `Ingestor.prepare`."""

    def __init__(
        self,
        *,
        store: ArticleStore,
        source: ObjectSource,
        settings: Settings,
        build: ArticleBuilder | None,
        clock: Callable[[], datetime],
    ) -> None:
        self._store = store
        self._source = source
        self._settings = settings
        self._build = build
        self._clock = clock

    def known_versions(self, events: Sequence[S3ObjectEvent]) -> KnownVersions:
        """The stale checks of every event that reads its object, in one store request
        (`find_by_origin_batch`). A key whose lookup failed is left out, and so is every key if the
        request failed: `prepare` then looks it up alone, so the failure fails only its record."""
        origins = list(dict.fromkeys((event.bucket, event.key) for event in events if _reads_object(event)))
        if not origins:
            return {}
        try:
            found = self._store.find_by_origin_batch(origins, fresh=False)  # only saves work: may lag
        except TRANSIENT_ERRORS:
            return {}
        return {
            origin: entries
            for origin, entries in zip(origins, found, strict=True)
            if not isinstance(entries, LookupFailed)
        }

    def prepare(self, event: S3ObjectEvent, known: list[StoredVersion] | None = None) -> PreparedEvent:
        """See `Ingestor.prepare`."""
        if not is_article_key(event.key):
            if event.kind is S3EventKind.REMOVED:
                return PreparedEvent(event=event, work=outcome("ignored", event))
            suffixes = ", ".join(ARTICLE_SUFFIXES)
            rejection = Rejection(
                reason=RejectionReason.UNSUPPORTED_KEY,
                detail=f"the key does not end in {suffixes} (in any case): not read",
                origin=event.origin(),
            )
            return PreparedEvent(event=event, work=rejection)
        if event.kind is S3EventKind.CREATED:
            return self._created(event, known)
        if deletes_one_version(event):
            # A permanent delete of one version, not a delete marker: the key may still hold an
            # object (an older version, now current). Index what it holds now, at this event's
            # version; if it holds nothing, this is a removal.
            return self._created(event, known, current=True)
        return PreparedEvent(event=event, work=Removal())

    def _created(
        self, event: S3ObjectEvent, known: list[StoredVersion] | None, current: bool = False
    ) -> PreparedEvent:
        """Build the object version the event names, or (`current`) the key's current object."""
        bucket, key, version = event.bucket, event.key, event.version
        origin = event.origin().model_copy(update={"version_id": None}) if current else event.origin()
        if known is None:
            known = self._store.find_by_origin(bucket, key, fresh=False)  # only saves work: may lag
        if any(entry.version >= version for entry in known):
            # A newer (or this same) event was applied: skip the fetch, but finish its reconciling in
            # case that earlier attempt failed between writing and reconciling.
            return PreparedEvent(event=event, work=outcome("stale", event))
        try:
            # One byte past the limit lets the pipeline tell "too large" from "exactly at the limit"
            # without pulling a multi-gigabyte object into memory.
            raw = self._source.read(bucket, key, origin.version_id, self._settings.max_upload_bytes + 1)
        except ObjectGone:
            return PreparedEvent(event=event, work=Removal() if current else outcome("gone", event))
        if self._build is None:
            self._build = default_builder()
        result = self._build(raw, origin, version, self._settings, now=self._clock())
        return PreparedEvent(event=event, work=result)


def _reads_object(event: S3ObjectEvent) -> bool:
    """Whether `prepare` reads this event's object (after a stale check)."""
    if not is_article_key(event.key):
        return False
    return event.kind is S3EventKind.CREATED or deletes_one_version(event)
