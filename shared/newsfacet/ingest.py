"""One upload in, one article (or a typed rejection) out, then the store.

The domain of the ingest function, free of Lambda and SQS: it takes a parsed `S3ObjectEvent` and
brings the store to the state that event implies. Everything it touches is a port, so tests run it
against the real stores with an in-process S3.

## Keeping the index in the state of the newest event

S3 delivers notifications at least once and in any order. Every write carries the event's version
(from its sequencer, see `newsfacet.s3events`) and stores refuse writes older than what they hold,
tombstones included. One key can map to different article ids over time (the id comes from the
page's canonical URL), so after every event the ids that came from the key are *reconciled*: the
entry with the newest version says what the key holds now, and the key lets go of every other id
it held (an article is tombstoned when no key holds it any more: the same page uploaded under two
keys lives until both are removed). Events that leave no article (a removal, a rejected re-upload)
leave a tombstone under `key_article_id(bucket, key)`, so the newest event of a key is always
visible to `find_by_origin` and a late, older create is blocked or buried.

A permanent delete of one object version (versioned bucket, `ObjectRemoved:Delete` with a version
id) is not a removal of the key: the key is re-indexed from what it holds now (an older version
may have become current), and only if it holds nothing is the event a removal.

Writing before reconciling (rather than checking first, then writing) is what makes concurrent
deliveries converge: whichever event reconciles last sees both writes. Ingest also checks first, to
skip fetching and parsing an object a newer event has already superseded.

## Batches

An SQS batch is applied in two steps, so the store sees one request for it rather than several per
upload: `prepare` does each event's pipeline work (the stale check, reading S3, cleaning and
enriching), without writing; `apply_batch` then writes every article and every rejection's
tombstone in one `ArticleStore.write_batch` (on OpenSearch one `_bulk`), in event order, and
reconciles each key written once at the end (reconciling must see the writes, which on OpenSearch
costs one refresh per batch). A removal must see the writes before it, so it ends the run of writes
and is applied in its turn. Each write is answered on its own: an event whose write failed fails
alone (`EventFailed`, its record goes back to the queue) and the others stand. Reconciling later is
safe because reconciling is idempotent: it only follows the key's newest entry, whenever it runs.

## Failures

- A rejection is final: recorded in the `RejectionLog`, reported, never retried.
- An object that is gone when fetched (deleted or overwritten since) is not an error: the event that
  removed or replaced it is on its way.
- Transient trouble (`TRANSIENT_ERRORS`) propagates, so the caller fails only this record and the
  queue redelivers it. Anything else also propagates: it is a bug or a misconfiguration, and the
  dead-letter queue is where an operator sees it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import BaseModel, ConfigDict

from newsfacet.config import Settings
from newsfacet.ids import key_marker_id
from newsfacet.model import Article, Origin, Rejection, RejectionReason, StoredVersion
from newsfacet.objects.base import ObjectGone, ObjectSource, SourceUnavailable
from newsfacet.rejections import RejectionLog, RejectionLogUnavailable, RejectionRecord
from newsfacet.s3events import S3EventKind, S3ObjectEvent
from newsfacet.store.base import (
    ArticleStore,
    PutArticle,
    ReleaseHold,
    StoreUnavailable,
    StoreWrite,
    WriteFailed,
    WriteResult,
)
from newsfacet.stories import StoryAssigner

if TYPE_CHECKING:
    from newsfacet.alerts import AlertNotifier


ARTICLE_SUFFIXES = (".html", ".htm", ".html.gz")
"""Keys ending in one of these (in any case: `.HTML`, `.Htm`) hold article pages; ingest records any
other uploaded key as an `unsupported_key` rejection, so nothing uploaded is ignored silently."""


def is_article_key(key: str) -> bool:
    """True for a key (or file name) that holds an article page, by its suffix in any case."""
    return key.lower().endswith(ARTICLE_SUFFIXES)


TRANSIENT_ERRORS: tuple[type[Exception], ...] = (StoreUnavailable, SourceUnavailable, RejectionLogUnavailable)
"""Failures that fail one record so the queue retries it (and finally parks it in the DLQ)."""


class ArticleBuilder(Protocol):
    """The pipeline's entry point, `newsfacet.pipeline.build_article`."""

    def __call__(
        self, raw: bytes, origin: Origin, version: int, settings: Settings, now: datetime | None = None
    ) -> Article | Rejection: ...


IngestStatus = Literal["indexed", "stale", "rejected", "deleted", "gone", "ignored"]


class IngestOutcome(BaseModel):
    """What applying one event did, for logs and metrics.

    - `indexed`: the article was written; `stale`: a newer or equal event had already been applied;
    - `rejected`: the upload is not an article (`reason`); `deleted`: the key's articles were removed;
    - `gone`: the object had been deleted or overwritten before it could be read;
    - `ignored`: the removal of a key that never held an article (see `is_article_key`).
    `tombstoned` lists ids this event removed from the index.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: IngestStatus
    bucket: str
    key: str
    version: int
    article_id: str | None = None
    reason: RejectionReason | None = None
    detail: str | None = None
    tombstoned: list[str] = []


class Removal(BaseModel):
    """A removal of the key, applied in its turn in the batch (it must see the writes before it)."""

    model_config = ConfigDict(frozen=True)


class PreparedEvent(BaseModel):
    """What `Ingestor.prepare` made of one event, before the store is written: the article or the
    rejection the upload makes, a removal, or an outcome already known (stale, gone, ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event: S3ObjectEvent
    work: Article | Rejection | Removal | IngestOutcome


class EventFailed(BaseModel):
    """An event of a batch that failed transiently (its record goes back to the queue)."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    bucket: str
    key: str
    error: Exception

    @classmethod
    def of(cls, event: S3ObjectEvent, error: Exception) -> EventFailed:
        return cls(bucket=event.bucket, key=event.key, error=error)


def _store_write(item: PreparedEvent) -> StoreWrite:
    """The store write of an upload: its article, or for a rejection, the tombstone under the id the
    key would get (older creates stay buried; reconciling then buries what the key held)."""
    event = item.event
    if isinstance(item.work, Article):
        return PutArticle(article=item.work)
    return ReleaseHold(
        article_id=key_article_id(event.bucket, event.key),
        version=event.version,
        bucket=event.bucket,
        key=event.key,
    )


def key_article_id(bucket: str, key: str) -> str:
    """The id under which removals and rejections of this key leave their tombstone, so the key's
    newest event is always visible to `find_by_origin` (see `newsfacet.ids.key_marker_id`)."""
    return key_marker_id(bucket, key)


def _default_builder() -> ArticleBuilder:
    # Heavy (spaCy, trafilatura): loaded on first use, and never by processes that only delete.
    from newsfacet.pipeline import build_article  # noqa: PLC0415

    return build_article


class Ingestor:
    """Applies S3 object events to a store. Build one per process; it holds no per-event state
    beyond the stories of the articles it placed last (see `newsfacet.stories.StoryAssigner`)."""

    def __init__(
        self,
        *,
        store: ArticleStore,
        source: ObjectSource,
        rejections: RejectionLog,
        settings: Settings,
        build: ArticleBuilder | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        alerts: AlertNotifier | None = None,
    ) -> None:
        """`alerts`: matches each newly indexed article against the saved searches and delivers the
        matches (never raising: a failed alert does not fail the upload)."""
        self._alerts = alerts
        self._store = store
        self._source = source
        self._rejections = rejections
        self._settings = settings
        self._build = build
        self._clock = clock
        self._stories = StoryAssigner(store)

    def apply_batch(self, prepared: Sequence[PreparedEvent]) -> list[IngestOutcome | EventFailed]:
        """Write what `prepare` made of a batch of events, in their order: the puts and tombstones in
        one `write_batch` per run of them (a removal, which must see the writes before it, ends a
        run), then reconcile each key written once. One result per event; an event whose write
        failed is `EventFailed` and the others stand."""
        results: list[IngestOutcome | EventFailed | None] = [None] * len(prepared)
        keys: dict[tuple[str, str], list[int]] = {}  # key -> the events whose results reconciling it updates
        run: list[int] = []
        for position, item in enumerate(prepared):
            if isinstance(item.work, Removal):
                self._write_run(prepared, run, results, keys)
                results[position] = self._guarded(item.event, self._removed, item.event)
            elif isinstance(item.work, Rejection) and not is_article_key(item.event.key):
                # Never read, so it never held an article: nothing to bury.
                results[position] = self._guarded(item.event, self._rejected, item.event, item.work, [])
            elif isinstance(item.work, IngestOutcome):
                results[position] = item.work
                if item.work.status == "stale":
                    keys.setdefault((item.event.bucket, item.event.key), []).append(position)
            else:
                run.append(position)
        self._write_run(prepared, run, results, keys)
        for (bucket, key), positions in keys.items():
            self._reconcile_key(bucket, key, positions, results)
        settled = [result for result in results if result is not None]
        assert len(settled) == len(prepared), "every event has a result"
        return settled

    def prepare(self, event: S3ObjectEvent) -> PreparedEvent:
        """The pipeline's work for one event, before the store is written: the article or the
        rejection an upload makes, a removal to apply in order, or an outcome known already.
        Raises a `TRANSIENT_ERRORS` error (reading S3, the store's stale check) for a retry."""
        if not is_article_key(event.key):
            if event.kind is S3EventKind.REMOVED:
                return PreparedEvent(event=event, work=self._outcome("ignored", event))
            suffixes = ", ".join(ARTICLE_SUFFIXES)
            rejection = Rejection(
                reason=RejectionReason.UNSUPPORTED_KEY,
                detail=f"the key does not end in {suffixes} (in any case): not read",
                origin=event.origin(),
            )
            return PreparedEvent(event=event, work=rejection)
        if event.kind is S3EventKind.CREATED:
            return self._created(event)
        if _deletes_one_version(event):
            # A permanent delete of one version, not a delete marker: the key may still hold an
            # object (an older version, now current). Index what it holds now, at this event's
            # version; if it holds nothing, this is a removal.
            return self._created(event, current=True)
        return PreparedEvent(event=event, work=Removal())

    def _created(self, event: S3ObjectEvent, current: bool = False) -> PreparedEvent:
        """Build the object version the event names, or (`current`) the key's current object."""
        bucket, key, version = event.bucket, event.key, event.version
        origin = event.origin().model_copy(update={"version_id": None}) if current else event.origin()
        known = self._store.find_by_origin(bucket, key, fresh=False)  # only saves work: may lag
        if any(entry.version >= version for entry in known):
            # A newer (or this same) event was applied: skip the fetch, but finish its reconciling in
            # case that earlier attempt failed between writing and reconciling.
            return PreparedEvent(event=event, work=self._outcome("stale", event))
        try:
            # One byte past the limit lets the pipeline tell "too large" from "exactly at the limit"
            # without pulling a multi-gigabyte object into memory.
            raw = self._source.read(bucket, key, origin.version_id, self._settings.max_upload_bytes + 1)
        except ObjectGone:
            return PreparedEvent(event=event, work=Removal() if current else self._outcome("gone", event))
        result = self._builder()(raw, origin, version, self._settings, now=self._clock())
        if isinstance(result, Article):
            result = self._stories.assign(result)  # its story, before the batch is written
        return PreparedEvent(event=event, work=result)

    def _write_run(
        self,
        prepared: Sequence[PreparedEvent],
        run: list[int],
        results: list[IngestOutcome | EventFailed | None],
        keys: dict[tuple[str, str], list[int]],
    ) -> None:
        """One `write_batch` for the articles and rejections at `run`, then each event's result."""
        if not run:
            return
        writes = [_store_write(prepared[position]) for position in run]
        try:
            answers = self._store.write_batch(writes)
        except TRANSIENT_ERRORS as error:
            for position in run:
                results[position] = EventFailed.of(prepared[position].event, error)
            run.clear()
            return
        indexed: list[Article] = []  # newly written articles, for the saved searches
        for position, answer in zip(run, answers, strict=True):
            item = prepared[position]
            result = results[position] = self._guarded(item.event, self._settle, item, answer)
            if not isinstance(result, EventFailed):
                keys.setdefault((item.event.bucket, item.event.key), []).append(position)
            if (
                isinstance(result, IngestOutcome)
                and result.status == "indexed"
                and isinstance(item.work, Article)
            ):
                indexed.append(item.work)
        run.clear()
        if indexed and self._alerts is not None:
            self._alerts.notify(indexed)

    def _settle(self, item: PreparedEvent, answer: WriteResult) -> IngestOutcome:
        """The outcome of one event whose write was answered; raises a transient failure."""
        event, work = item.event, item.work
        if isinstance(answer, WriteFailed):
            if answer.transient or not isinstance(work, Article):
                raise StoreUnavailable(answer.reason)
            # Refused for good (e.g. a field the engine cannot index): a rejection, recorded with the
            # engine's reason, rather than five redeliveries on the way to the DLQ. It takes the path
            # of any rejection: its tombstone written (`_store_write`), then recorded.
            rejection = Rejection(
                reason=RejectionReason.INDEX_REFUSED, detail=answer.reason, origin=work.origin
            )
            refused = PreparedEvent(event=event, work=rejection)
            (tombstone,) = self._store.write_batch([_store_write(refused)])
            return self._settle(refused, tombstone)
        if isinstance(work, Rejection):
            return self._rejected(event, work, tombstoned=[])
        assert isinstance(work, Article)
        self._rejections.forget(event.bucket, event.key, event.version)  # the key holds an article now
        status: IngestStatus = "indexed" if answer.status == "written" else "stale"
        return self._outcome(status, event, article_id=work.id)

    def _reconcile_key(
        self, bucket: str, key: str, positions: list[int], results: list[IngestOutcome | EventFailed | None]
    ) -> None:
        """Reconcile a key the batch wrote; what it buried goes to the key's last event's outcome,
        and a transient failure fails every event of the key (the queue redelivers them)."""
        try:
            tombstoned = reconcile_origin(self._store, bucket, key)
        except TRANSIENT_ERRORS as error:
            for position in positions:
                if isinstance(results[position], IngestOutcome):
                    results[position] = EventFailed(bucket=bucket, key=key, error=error)
            return
        last = results[positions[-1]]
        if tombstoned and isinstance(last, IngestOutcome):
            results[positions[-1]] = last.model_copy(update={"tombstoned": [*last.tombstoned, *tombstoned]})

    @staticmethod
    def _guarded(
        event: S3ObjectEvent, step: Callable[..., IngestOutcome], *args: object
    ) -> IngestOutcome | EventFailed:
        """`step(*args)`, or the transient failure that stopped it."""
        try:
            return step(*args)
        except TRANSIENT_ERRORS as error:
            return EventFailed.of(event, error)

    def _rejected(self, event: S3ObjectEvent, rejection: Rejection, tombstoned: list[str]) -> IngestOutcome:
        record = RejectionRecord.of(rejection, event.bucket, event.key, event.version, self._clock())
        self._rejections.record(record)
        return self._outcome(
            "rejected", event, reason=rejection.reason, detail=rejection.detail, tombstoned=tombstoned
        )

    def _removed(self, event: S3ObjectEvent) -> IngestOutcome:
        bucket, key, version = event.bucket, event.key, event.version
        known = self._store.find_by_origin(bucket, key)
        # Nothing known from the key yet: leave the marker, so the create this removal follows
        # (delivered late) is buried when it comes.
        targets = (
            [entry.id for entry in known if entry.version < version]
            if known
            else [key_article_id(bucket, key)]
        )
        # `kept`: the key let go of an article that other keys still hold.
        statuses = {
            article_id: self._store.delete(article_id, version, bucket, key).status for article_id in targets
        }
        removed = [article_id for article_id, status in statuses.items() if status != "stale"]
        tombstoned = [
            article_id
            for article_id, status in statuses.items()
            if status == "written" and _was_live(article_id, known)
        ]
        tombstoned += reconcile_origin(self._store, bucket, key)
        self._rejections.forget(bucket, key, version)  # the key holds nothing any more
        return self._outcome("deleted" if removed else "stale", event, tombstoned=tombstoned)

    def _builder(self) -> ArticleBuilder:
        if self._build is None:
            self._build = _default_builder()
        return self._build

    @staticmethod
    def _outcome(
        status: IngestStatus,
        event: S3ObjectEvent,
        *,
        article_id: str | None = None,
        reason: RejectionReason | None = None,
        detail: str | None = None,
        tombstoned: list[str] | None = None,
    ) -> IngestOutcome:
        return IngestOutcome(
            status=status,
            bucket=event.bucket,
            key=event.key,
            version=event.version,
            article_id=article_id,
            reason=reason,
            detail=detail,
            tombstoned=tombstoned or [],
        )


def bury_origin(store: ArticleStore, bucket: str, key: str, version: int) -> list[str]:
    """The object no longer holds an article (it became a rejection): leave a tombstone at `version`
    under the id the key would get, so older creates stay buried, then bury what the key held.
    Returns the ids buried."""
    store.delete(key_article_id(bucket, key), version, bucket, key)
    return reconcile_origin(store, bucket, key)


def reconcile_origin(store: ArticleStore, bucket: str, key: str) -> list[str]:
    """Let one object go of every live id it holds since an event older than its newest entry (the
    key now holds another canonical article, or nothing). Returns the ids this buried (no other
    object held them). See the module docstring."""
    entries = store.find_by_origin(bucket, key)
    if not entries:
        return []
    newest = max(entry.version for entry in entries)
    return [
        entry.id
        for entry in entries
        if not entry.deleted
        and entry.version < newest
        and store.delete(entry.id, newest, bucket, key).status == "written"
    ]


def _deletes_one_version(event: S3ObjectEvent) -> bool:
    """`ObjectRemoved:Delete` naming a real version id: a version was deleted for good (deleting a
    key in a versioned bucket creates a delete marker instead, `ObjectRemoved:DeleteMarkerCreated`;
    unversioned and suspended buckets send no version id or "null")."""
    return event.name == "ObjectRemoved:Delete" and event.version_id not in (None, "null")


def _was_live(article_id: str, known: list[StoredVersion]) -> bool:
    return any(entry.id == article_id and not entry.deleted for entry in known)
