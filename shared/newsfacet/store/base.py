"""The store port: the one small interface every search engine adapter implements.

Semantics shared by all engines (proven by `tests/contract/`):

- Writes are versioned. `upsert` writes an article only if its `version` is greater than the
  version the store holds for that id, live or deleted; otherwise the outcome is `stale` and nothing
  changes. `delete` leaves a tombstone carrying its version, so a late write of an older version can
  never bring a deleted article back. Tombstones are invisible to `get`, `search` and facets.
- Origins: an article knows every S3 object that holds it (its holders; the same page uploaded
  under two keys is one article). `upsert` adds the article's `origin` to its holders, even when the
  write itself is stale (the object holds the article all the same); `delete` takes one object's
  hold away and tombstones the article only when no object holds it any more (else `kept`).
- `find_by_origin` lists every id (live or tombstone) one S3 object holds or last held, so an
  ObjectRemoved event, which names only the key, can be applied.
- Transient trouble (engine down, throttled, timed out) raises `StoreUnavailable`; callers retry.
- A document the engine refuses for good (e.g. a field it cannot index) raises `DocumentRejected`
  once the rest of the batch is written; retrying it cannot help.
- A cursor that does not belong to the query raises `InvalidCursor`.
- Stories: every article carries `story` (see `newsfacet.stories`). `search` with `collapse="story"`
  returns one hit per story (the version first in the query's order), `SearchHit.story` with the
  number of matching versions and up to five others (oldest first), and `SearchResult.stories`; its
  cursor is an offset, signed like the others. `story` lists a story's live versions.
- Batches: `write_batch` applies a sequence of puts and hold releases in order, in one round trip
  where the engine allows it (one `_bulk` request on OpenSearch, one transaction on SQLite), and
  answers per write, so one write's failure fails only itself (`WriteFailed`). A later write of
  the same id builds on the earlier ones of the batch. `upsert` and `delete` are batches of one
  kind, raising instead of answering `WriteFailed`.
- Batched lookups: `find_by_origin_batch` and `story_candidates_batch` answer several lookups in
  one round trip where the engine allows it (on OpenSearch one search for every object, one
  `_msearch` for the candidates; other engines loop), one answer per lookup, so one lookup's
  transient failure fails only itself (`LookupFailed`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from newsfacet.model import (
    Article,
    Dimension,
    FacetValue,
    Holder,
    SearchHit,
    SearchQuery,
    SearchResult,
    StoredVersion,
    Story,
    StoryCandidate,
    WriteOutcome,
)


class StoreError(Exception):
    """Base of the errors a store raises."""


class StoreUnavailable(StoreError):  # noqa: N818 - reads as a state, like TimeoutError
    """The engine cannot be reached or refuses work for now. Retrying later may succeed."""


class DocumentRejected(StoreError):  # noqa: N818 - a verdict on input, like ArticleRejected
    """The engine refused some documents for good (retrying cannot help); the rest were written.

    `failures` maps each refused id to the engine's reason; `outcomes` holds the other items' results.
    """

    def __init__(self, failures: dict[str, str], outcomes: list[WriteOutcome]) -> None:
        reasons = "; ".join(f"{article_id[:80]}: {reason}" for article_id, reason in failures.items())
        super().__init__(f"the store refused {len(failures)} document(s): {reasons}")
        self.failures = failures
        self.outcomes = outcomes


class InvalidCursor(StoreError, ValueError):  # noqa: N818 - a verdict on input, like ArticleRejected
    """A paging cursor is malformed or was made for another query."""


class PutArticle(BaseModel):
    """Write `article` unless the store holds its id at the same or a newer version (`stale`); its
    origin holds it either way."""

    model_config = ConfigDict(frozen=True)

    article: Article


class ReleaseHold(BaseModel):
    """Take the hold of object `bucket`/`key` (as of event `version`) off article `article_id`;
    replace the article by a tombstone if no other object holds it (`written`), else `kept`.

    A live article this object does not hold, or holds since a newer event, is `stale`. An id the
    store does not hold live gets a tombstone at `version` unless it holds a newer one; its origin
    `bucket`/`key` is recorded, so a delete that arrives before the create it follows still blocks
    that older create."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    version: int
    bucket: str
    key: str


StoreWrite = PutArticle | ReleaseHold


class WriteFailed(BaseModel):
    """One write of a batch that did not happen: refused for good (`transient=False`, retrying
    cannot help) or still failing after the store's own retries (`transient=True`)."""

    model_config = ConfigDict(frozen=True)

    id: str
    reason: str
    transient: bool


WriteResult = WriteOutcome | WriteFailed


class LookupFailed(BaseModel):
    """One lookup of a batch that failed transiently (retrying later may succeed)."""

    model_config = ConfigDict(frozen=True)

    reason: str


Asked = TypeVar("Asked")
Found = TypeVar("Found")


class ArticleStore(ABC):
    """Keeps articles and answers faceted searches over them."""

    @abstractmethod
    def write_batch(self, writes: Sequence[StoreWrite]) -> list[WriteResult]:
        """Apply `writes` in order, in one request or transaction where the engine allows; one
        result per write, in order. Raises `StoreUnavailable` if the batch could not be written at
        all; a write that failed alone is answered `WriteFailed` and the others stand."""

    def upsert(self, articles: Sequence[Article]) -> list[WriteOutcome]:
        """`PutArticle` for each article; one outcome per article, in order.

        Raises `StoreUnavailable` if any write failed transiently (after the store's retries), and
        `DocumentRejected` for writes refused for good, after writing the others.
        """
        return _raise_failures(self.write_batch([PutArticle(article=article) for article in articles]))

    def delete(self, article_id: str, version: int, bucket: str, key: str) -> WriteOutcome:
        """`ReleaseHold` of one object on one article; raises as `upsert` does."""
        release = ReleaseHold(article_id=article_id, version=version, bucket=bucket, key=key)
        return _raise_failures(self.write_batch([release]))[0]

    @abstractmethod
    def find_by_origin(self, bucket: str, key: str, *, fresh: bool = True) -> list[StoredVersion]:
        """Every live id this S3 object holds (at the version of its hold) and every tombstone it
        left. `fresh=False` may miss writes of the last second (OpenSearch's refresh interval): for
        checks that only save work, never for decisions."""

    def find_by_origin_batch(
        self, origins: Sequence[tuple[str, str]], *, fresh: bool = True
    ) -> list[list[StoredVersion] | LookupFailed]:
        """`find_by_origin` of each (bucket, key), in order, in one request where the engine allows.
        Raises `StoreUnavailable` if no lookup could be made; one that failed alone is `LookupFailed`."""
        return each_lookup(origins, lambda origin: self.find_by_origin(*origin, fresh=fresh))

    @abstractmethod
    def live_holders(self) -> Iterator[tuple[str, list[Holder]]]:
        """Every live article's id with its holders, in id order (what a reconcile walks)."""

    @abstractmethod
    def get(self, article_id: str) -> Article | None:
        """The live article with this id, or None (unknown or deleted)."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResult:
        """Hits, total, disjunctive facet counts, next cursor and (if asked) a histogram."""

    @abstractmethod
    def facet_values(
        self, dimension: Dimension, prefix: str, query: SearchQuery, size: int = 10
    ) -> list[FacetValue]:
        """Values of `dimension` with a word starting with `prefix` (case- and accent-insensitive),
        counted over the articles matching `query` without its own selection in `dimension`."""

    @abstractmethod
    def story_candidates(self, article: Article, limit: int) -> list[StoryCandidate]:
        """Live articles `article` might share a story with (`newsfacet.stories`): those sharing a
        band of its simhash, or (when it has a date) an actor or place and a publication date within
        `STORY_WINDOW` of its own; near-duplicates first, at most `limit`. May miss writes of the
        last second (OpenSearch's refresh interval; `newsfacet.stories.StoryAssigner` covers them)."""

    def story_candidates_batch(
        self, articles: Sequence[Article], limit: int
    ) -> list[list[StoryCandidate] | LookupFailed]:
        """`story_candidates` of each article, in order, answered as `find_by_origin_batch` is."""
        return each_lookup(articles, lambda article: self.story_candidates(article, limit))

    @abstractmethod
    def story(self, story_id: str, size: int) -> Story | None:
        """The story's live versions, oldest first (at most `size` listed), or None if it has none."""

    @abstractmethod
    def related(self, article: Article, size: int) -> list[SearchHit]:
        """Up to `size` live articles of other stories about the same actors, places and words as
        `article`, most related first, one per story (its most related version)."""

    def roll_over_if_full(self, max_size: str) -> str | None:
        """Start a new index generation for new articles once the one they go to holds `max_size`
        (e.g. "30gb") of primary store, keeping the older ones searchable; the new index's name, or
        None. What the scheduled reconcile calls. Engines with nothing to roll over do nothing: one
        SQLite file, OpenSearch Serverless (the service shards a collection's index itself)."""
        return None

    def close(self) -> None:  # noqa: B027 - optional hook, most adapters have nothing to release
        """Release connections or files."""


def each_lookup(asked: Sequence[Asked], lookup: Callable[[Asked], Found]) -> list[Found | LookupFailed]:
    """A batched lookup made one by one (for engines without a multi-search): each answer, or its
    transient failure."""
    answers: list[Found | LookupFailed] = []
    for item in asked:
        try:
            answers.append(lookup(item))
        except StoreUnavailable as error:
            answers.append(LookupFailed(reason=str(error)))
    return answers


def _raise_failures(results: list[WriteResult]) -> list[WriteOutcome]:
    """The outcomes of a batch, or the error its failures amount to (see `ArticleStore.upsert`)."""
    outcomes = [result for result in results if isinstance(result, WriteOutcome)]
    failed = [result for result in results if isinstance(result, WriteFailed)]
    transient = [failure for failure in failed if failure.transient]
    if transient:
        raise StoreUnavailable(f"{len(transient)} write(s) failed: {transient[0].reason}")
    if failed:
        raise DocumentRejected({failure.id: failure.reason for failure in failed}, outcomes)
    return outcomes
