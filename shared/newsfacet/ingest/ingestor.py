"""`Ingestor`: applies a batch of S3 object events to the store (see `newsfacet.ingest`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newsfacet.config import Settings
from newsfacet.ingest.keys import is_article_key, key_article_id
from newsfacet.ingest.origins import reconcile_origin, release_superseded
from newsfacet.ingest.outcomes import (
    TRANSIENT_ERRORS,
    EventFailed,
    IngestOutcome,
    IngestStatus,
    PreparedEvent,
    Removal,
    outcome,
)
from newsfacet.ingest.prepare import ArticleBuilder, KnownVersions, Preparer
from newsfacet.model import Article, Rejection, RejectionReason, StoredVersion
from newsfacet.objects.base import ObjectSource
from newsfacet.rejections import RejectionLog, RejectionRecord
from newsfacet.s3events import S3ObjectEvent
from newsfacet.store.base import (
    ArticleStore,
    LookupFailed,
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

Results = list[IngestOutcome | EventFailed | None]
"""One slot per event of the batch being applied, filled as each event is settled."""
KeyPositions = dict[tuple[str, str], list[int]]
"""Each key written by the batch -> the events whose results reconciling it updates."""


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
        self._rejections = rejections
        self._clock = clock
        self._stories = StoryAssigner(store)
        self._preparer = Preparer(store=store, source=source, settings=settings, build=build, clock=clock)

    def known_versions(self, events: Sequence[S3ObjectEvent]) -> KnownVersions:
        """The stale checks of a batch's events in one store request, for `prepare` (which looks up
        alone any key missing from them)."""
        return self._preparer.known_versions(events)

    def prepare(self, event: S3ObjectEvent, known: list[StoredVersion] | None = None) -> PreparedEvent:
        """The pipeline's work for one event, before the store is written: the article or the
        rejection an upload makes, a removal to apply in order, or an outcome known already.
        `known`: what `known_versions` found for its key, if it did. Raises a `TRANSIENT_ERRORS`
        error (reading S3, the store's stale check) for a retry. An article's story candidates
        are looked up early, in the background, for `apply_batch` (`StoryAssigner.look_up_early`)."""
        prepared = self._preparer.prepare(event, known)
        if isinstance(prepared.work, Article):
            self._stories.look_up_early(prepared.work)
        return prepared

    def apply_batch(self, prepared: Sequence[PreparedEvent]) -> list[IngestOutcome | EventFailed]:
        """Place the batch's articles in their stories (from the early lookups, and one store
        request for the rest), then write what `prepare` made of the events, in their order: the
        puts and tombstones in one `write_batch` per run of them (a removal, which must see the
        writes before it, ends a run), then reconcile each key written once (one store request to
        read them all). One result per event; an event whose write failed is `EventFailed` and the
        others stand."""
        results: Results = [None] * len(prepared)
        prepared = self._place_stories(prepared, results)
        keys: KeyPositions = {}
        run: list[int] = []
        for position, item in enumerate(prepared):
            if results[position] is not None:
                continue
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
        self._reconcile_keys(keys, results)
        settled = [result for result in results if result is not None]
        assert len(settled) == len(prepared), "every event has a result"
        return settled

    def _place_stories(self, prepared: Sequence[PreparedEvent], results: Results) -> list[PreparedEvent]:
        """The batch with each article in its story (`StoryAssigner.assign_batch`, in event order, so
        that near-duplicates of one batch share a story); an article whose story could not be
        looked up fails its event."""
        found = [
            (position, item.work) for position, item in enumerate(prepared) if isinstance(item.work, Article)
        ]
        positions, articles = [position for position, _ in found], [article for _, article in found]
        try:
            placed = self._stories.assign_batch(articles)
        except TRANSIENT_ERRORS as error:
            placed = [LookupFailed(reason=str(error))] * len(positions)
        updated = list(prepared)
        for position, article in zip(positions, placed, strict=True):
            if isinstance(article, LookupFailed):
                results[position] = EventFailed.of(prepared[position].event, StoreUnavailable(article.reason))
            else:
                updated[position] = prepared[position].model_copy(update={"work": article})
        return updated

    def _write_run(
        self, prepared: Sequence[PreparedEvent], run: list[int], results: Results, keys: KeyPositions
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
        return outcome(status, event, article_id=work.id)

    def _reconcile_keys(self, keys: KeyPositions, results: Results) -> None:
        """Reconcile each key the batch wrote, reading them all in one request; what a key buried
        goes to its last event's outcome, and a transient failure fails every event of the key (the
        queue redelivers them)."""
        if not keys:
            return
        origins = list(keys)
        try:
            found = self._store.find_by_origin_batch(origins)
        except TRANSIENT_ERRORS as error:
            found = [LookupFailed(reason=str(error))] * len(origins)
        for (bucket, key), entries in zip(origins, found, strict=True):
            positions = keys[bucket, key]
            try:
                if isinstance(entries, LookupFailed):
                    raise StoreUnavailable(entries.reason)
                tombstoned = release_superseded(self._store, bucket, key, entries)
            except TRANSIENT_ERRORS as error:
                for position in positions:
                    if isinstance(results[position], IngestOutcome):
                        results[position] = EventFailed(bucket=bucket, key=key, error=error)
                continue
            last = results[positions[-1]]
            if tombstoned and isinstance(last, IngestOutcome):
                results[positions[-1]] = last.model_copy(
                    update={"tombstoned": [*last.tombstoned, *tombstoned]}
                )

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
        return outcome(
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
        return outcome("deleted" if removed else "stale", event, tombstoned=tombstoned)


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


def _was_live(article_id: str, known: list[StoredVersion]) -> bool:
    return any(entry.id == article_id and not entry.deleted for entry in known)
