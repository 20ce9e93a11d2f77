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

An SQS batch is applied in steps, so the store sees a few requests for the whole batch rather than
several per upload (but for the story lookups, which the node answers while the worker works), and
the worker seldom waits for the store: `known_versions` makes every event's stale check in one
request; `prepare` does each event's pipeline work (reading S3, cleaning and enriching), without
writing, and has its article's story candidates looked up in the background, a few articles per
request (the store answers while the next events are prepared); `apply_batch` then places the
batch's articles in their stories, in order, from those answers (`newsfacet.stories.StoryAssigner`),
writes every article and every rejection's tombstone in one `ArticleStore.write_batch` (on
OpenSearch one `_bulk`), in event order, and reconciles each key written once at the end, reading
them all in one request (reconciling must see the writes, which on OpenSearch costs one refresh per
batch). A removal must see the writes before it, so it ends the run of writes and is applied in its
turn. Each write is answered on its own: an event whose write failed fails alone (`EventFailed`, its
record goes back to the queue) and the others stand. Reconciling later is safe because reconciling
is idempotent: it only follows the key's newest entry, whenever it runs.

## Failures

- A rejection is final: recorded in the `RejectionLog`, reported, never retried.
- An object that is gone when fetched (deleted or overwritten since) is not an error: the event that
  removed or replaced it is on its way.
- Transient trouble (`TRANSIENT_ERRORS`) propagates, so the caller fails only this record and the
  queue redelivers it. Anything else also propagates: it is a bug or a misconfiguration, and the
  dead-letter queue is where an operator sees it.

## Modules

`keys` (which keys hold articles), `outcomes` (what each event becomes), `prepare` (the pipeline
work before writing), `ingestor` (`Ingestor`: the batch applied to the store), `origins` (an
object's ids kept in step with its newest event, shared with `newsfacet.fileingest`).
"""

from __future__ import annotations

from newsfacet.ingest.ingestor import Ingestor
from newsfacet.ingest.keys import ARTICLE_SUFFIXES, is_article_key, key_article_id
from newsfacet.ingest.origins import bury_origin, reconcile_origin
from newsfacet.ingest.outcomes import (
    TRANSIENT_ERRORS,
    EventFailed,
    IngestOutcome,
    IngestStatus,
    PreparedEvent,
    Removal,
)
from newsfacet.ingest.prepare import ArticleBuilder, KnownVersions, default_builder

__all__ = [
    "ARTICLE_SUFFIXES",
    "TRANSIENT_ERRORS",
    "ArticleBuilder",
    "EventFailed",
    "IngestOutcome",
    "IngestStatus",
    "Ingestor",
    "KnownVersions",
    "PreparedEvent",
    "Removal",
    "bury_origin",
    "default_builder",
    "is_article_key",
    "key_article_id",
    "reconcile_origin",
]
