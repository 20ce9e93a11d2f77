"""OpenSearch-only guarantees of writes: every bulk item is checked, throttling is retried with
backoff, refused documents are reported without losing the rest, tombstones outlive gc_deletes,
and the production refresh policy gives read-your-writes without waiting for a refresh.

Throttling is real: the node's in-flight-requests circuit breaker is squeezed to one byte, so it
answers HTTP 429 (`circuit_breaking_exception`) exactly as a busy cluster does; the backoff's sleep
hook releases it. Nothing here mocks OpenSearch's responses.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from newsfacet.config import Settings
from newsfacet.model import Actor, Article, Origin, SearchQuery, StoredVersion
from newsfacet.store.base import PutArticle, ReleaseHold, StoreUnavailable, StoreWrite, WriteFailed
from newsfacet.store.opensearch.store import DocumentRejected, OpenSearchStore, RetryPolicy

from tests.integration.opensearch_calls import record_calls

BREAKER = "network.breaker.inflight_requests.limit"


def article(number: int, *, version: int = 1, actor: str = "Hamas", article_id: str | None = None) -> Article:
    return Article(
        id=article_id or f"w{number:03d}",
        version=version,
        title=f"Truce report {number}",
        text=f"Body of truce report {number}.",
        lede=f"Truce report {number}.",
        source="Wire",
        published_at=datetime(2024, 3, 1 + number % 28, tzinfo=UTC),
        language="en",
        word_count=5,
        content_sha256=f"{number:064x}",
        simhash=f"{number:016x}",
        actors=[Actor(name=actor, type="group", mentions=1, salience=0.5)],
        ingested_at=datetime(2024, 3, 2, tzinfo=UTC),
        origin=Origin(bucket="uploads", key=f"truce/{number}.html"),
    )


def opensearch(make_store) -> OpenSearchStore:  # type: ignore[no-untyped-def]
    store = make_store("opensearch")
    assert isinstance(store, OpenSearchStore)
    return store


def store_on(url: str, alias: str, **options) -> OpenSearchStore:  # type: ignore[no-untyped-def]
    return OpenSearchStore.from_settings(
        Settings(store=url, index_alias=alias, opensearch_auth="none"), **options
    )


class Breaker:
    """Squeezes the node's in-flight-requests breaker so every request carrying a body gets 429."""

    def __init__(self, store: OpenSearchStore) -> None:
        self._client = store.client
        self.trips = 0

    def trip(self) -> None:
        self._client.cluster.put_settings(body={"transient": {BREAKER: "1b"}})
        self.trips += 1

    def release(self) -> None:
        self._client.cluster.put_settings(body={"transient": {BREAKER: None}})


@pytest.fixture
def breaker(make_store) -> Iterator[Breaker]:  # type: ignore[no-untyped-def]
    squeezer = Breaker(opensearch(make_store))
    try:
        yield squeezer
    finally:
        squeezer.release()


def test_throttled_bulk_is_retried_with_backoff_until_written(make_store, opensearch_url, breaker) -> None:  # type: ignore[no-untyped-def]
    target = opensearch(make_store)
    target.ensure_index()  # the index exists; only the bulk request meets the breaker
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            breaker.release()  # the cluster recovers during the second backoff

    store = store_on(
        opensearch_url,
        target.alias,
        refresh="true",
        sleep=sleep,
        retry=RetryPolicy(attempts=5, base_delay_s=0.1),
    )
    breaker.trip()
    try:
        outcomes = store.upsert([article(1), article(2)])
    finally:
        store.close()

    assert [o.status for o in outcomes] == ["written", "written"]
    assert len(waits) == 2
    assert 0.05 <= waits[0] <= 0.1 and 0.1 <= waits[1] <= 0.2  # exponential, jittered
    assert target.search(SearchQuery(q="truce")).total == 2


def test_throttling_that_outlasts_the_retries_is_store_unavailable_and_loses_nothing(
    make_store, opensearch_url, breaker
) -> None:  # type: ignore[no-untyped-def]
    target = opensearch(make_store)
    target.ensure_index()
    waits: list[float] = []
    store = store_on(
        opensearch_url, target.alias, refresh="true", sleep=waits.append, retry=RetryPolicy(attempts=3)
    )
    breaker.trip()
    try:
        with pytest.raises(StoreUnavailable, match="429"):
            store.upsert([article(1)])
    finally:
        breaker.release()
    assert len(waits) == 2  # three attempts, two backoffs

    # The caller (SQS) retries the same event later: it is written then.
    assert [o.status for o in store.upsert([article(1)])] == ["written"]
    store.close()
    assert target.get("w001") == article(1)


def test_an_item_refused_for_good_is_reported_and_the_rest_of_the_batch_is_written(make_store) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    immense = article(2, actor="x" * 40_000)  # a keyword term Lucene cannot index (> 32766 bytes)
    batch = [article(1), immense, article(3)]

    with pytest.raises(DocumentRejected) as caught:
        store.upsert(batch)

    assert list(caught.value.failures) == ["w002"]
    assert "400" in caught.value.failures["w002"]
    assert [(o.id, o.status) for o in caught.value.outcomes] == [("w001", "written"), ("w003", "written")]
    assert {hit.id for hit in store.search(SearchQuery(q="truce")).hits} == {"w001", "w003"}
    assert store.get("w002") is None


def test_an_id_opensearch_cannot_store_is_refused_without_failing_the_batch(make_store) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    too_long = article(2, article_id="é" * 300)  # 600 bytes: OpenSearch would reject the whole request

    with pytest.raises(DocumentRejected) as caught:
        store.upsert([article(1), too_long])

    assert list(caught.value.failures) == ["é" * 300]
    assert [(o.id, o.status) for o in caught.value.outcomes] == [("w001", "written")]
    assert store.get("w001") == article(1)


def test_a_repeated_or_older_event_is_stale_not_an_error(make_store) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    assert store.upsert([article(1, version=5)])[0].status == "written"
    outcomes = store.upsert([article(1, version=5), article(1, version=4), article(2)])
    assert [(o.id, o.status) for o in outcomes] == [("w001", "stale"), ("w001", "stale"), ("w002", "written")]


def test_a_tombstone_blocks_older_writes_even_after_gc_deletes(make_store) -> None:  # type: ignore[no-untyped-def]
    """A real delete is forgotten after `index.gc_deletes`; a tombstone document never is."""
    store = opensearch(make_store)
    store.upsert([article(1, version=1)])
    store.client.indices.put_settings(index=store.alias, body={"index": {"gc_deletes": "0s"}})

    assert store.delete("w001", version=3, bucket="uploads", key="truce/1.html").status == "written"
    store.client.indices.flush(index=store.alias)

    assert store.upsert([article(1, version=2)])[0].status == "stale"
    assert store.get("w001") is None
    assert store.search(SearchQuery(q="truce")).total == 0
    assert store.upsert([article(1, version=4)])[0].status == "written"
    assert store.get("w001") == article(1, version=4)


def test_default_refresh_policy_gives_read_your_writes(make_store, opensearch_url) -> None:  # type: ignore[no-untyped-def]
    """Production writes do not wait for the scheduled refresh, yet the writing store's next search
    and find_by_origin see the article (an ObjectRemoved right after its ObjectCreated finds it)."""
    alias = opensearch(make_store).alias  # make_store cleans this alias up afterwards
    store = store_on(opensearch_url, alias)  # the production default
    try:
        store.upsert([article(1, version=7)])
        assert [v.model_dump() for v in store.find_by_origin("uploads", "truce/1.html")] == [
            {"id": "w001", "version": 7, "deleted": False}
        ]
        store.delete("w001", version=8, bucket="uploads", key="truce/1.html")
        assert store.search(SearchQuery(q="truce")).total == 0
    finally:
        store.close()


def test_a_batch_of_origin_lookups_is_one_search_and_answers_as_each_lookup_alone(  # type: ignore[no-untyped-def]
    make_store, monkeypatch
) -> None:
    """A document held by two keys of the batch is listed under both (at each hold's version), a
    document written before holders were recorded by its origin alone, a tombstone by the key that
    left it. Should the batch's hits fill the search's window, each key is searched alone."""
    from newsfacet.store.opensearch import store as adapter
    from newsfacet.store.opensearch.documents import article_document

    store = opensearch(make_store)
    twin = article(2, version=5).model_copy(update={"origin": Origin(bucket="uploads", key="twin/a.html")})
    store.upsert([article(1), article(2, version=3), twin, article(3)])
    store.delete("w003", version=4, bucket="uploads", key="truce/3.html")
    legacy = article_document(article(4))
    del legacy["holders"], legacy["holder_keys"]  # as written before holders were recorded
    store.client.index(
        index=store.alias, id="w004", body=legacy, version=1, version_type="external", refresh=True
    )
    origins = [
        ("uploads", "truce/2.html"),
        ("uploads", "twin/a.html"),
        ("uploads", "truce/3.html"),
        ("uploads", "truce/4.html"),
        ("elsewhere", "truce/1.html"),  # another bucket's key of the same name holds nothing
        ("uploads", "truce/2.html"),  # asked twice: answered twice
    ]
    expected = [
        [StoredVersion(id="w002", version=3, deleted=False)],
        [StoredVersion(id="w002", version=5, deleted=False)],
        [StoredVersion(id="w003", version=4, deleted=True)],
        [StoredVersion(id="w004", version=1, deleted=False)],
        [],
        [StoredVersion(id="w002", version=3, deleted=False)],
    ]
    assert [store.find_by_origin(*origin) for origin in origins] == expected
    calls = record_calls(store)

    assert store.find_by_origin_batch(origins) == expected
    assert [call.path for call in calls.calls] == [f"/{store.alias}/_search"]

    monkeypatch.setattr(adapter, "_MAX_ORIGIN_IDS", 3)  # the batch's 4 documents fill it
    calls.clear()
    assert store.find_by_origin_batch(origins) == expected
    assert [call.path for call in calls.calls] == [f"/{store.alias}/_search", f"/{store.alias}/_msearch"]


def test_an_unreachable_cluster_is_store_unavailable_for_reads_and_writes() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    waits: list[float] = []
    store = store_on(f"http://127.0.0.1:{port}", "nowhere", sleep=waits.append, retry=RetryPolicy(attempts=2))

    with pytest.raises(StoreUnavailable):
        store.search(SearchQuery(q="truce"))
    with pytest.raises(StoreUnavailable):
        store.get("w001")
    with pytest.raises(StoreUnavailable):
        store.upsert([article(1)])


class AnswerLost:
    """A client whose first bulk request reaches the node but whose answer never comes back."""

    def __init__(self, client) -> None:  # type: ignore[no-untyped-def]
        self._client = client
        self.lost = 0

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._client, name)

    def bulk(self, **request):  # type: ignore[no-untyped-def]
        from opensearchpy.exceptions import ConnectionError as ClientConnectionError

        answer = self._client.bulk(**request)
        if not self.lost:
            self.lost += 1
            raise ClientConnectionError("N/A", "connection reset while reading the answer", None)
        return answer


def test_a_write_whose_answer_was_lost_is_written_not_stale_on_retry(make_store, opensearch_url) -> None:  # type: ignore[no-untyped-def]
    target = opensearch(make_store)
    target.ensure_index()
    settings = Settings(store=opensearch_url, index_alias=target.alias, opensearch_auth="none")
    real = store_on(opensearch_url, target.alias).client
    client = AnswerLost(real)
    store = OpenSearchStore(lambda: client, settings.index_alias, refresh="true", sleep=lambda _: None)
    try:
        outcomes = store.upsert([article(1), article(2)])
        again = store.upsert([article(1)])  # a redelivery of the same event: that one is stale
    finally:
        store.close()

    assert client.lost == 1
    assert [o.status for o in outcomes] == ["written", "written"]
    assert [o.status for o in again] == ["stale"]
    assert target.get("w001") == article(1)


def test_a_batch_is_one_bulk_request_and_a_refused_item_fails_alone(make_store) -> None:  # type: ignore[no-untyped-def]
    store = opensearch(make_store)
    store.upsert([article(9)])  # the index exists: what is counted is the batch's own requests
    calls = record_calls(store)
    batch: list[StoreWrite] = [
        PutArticle(article=article(1)),
        PutArticle(article=article(2, actor="x" * 40_000)),  # a keyword term Lucene cannot index
        ReleaseHold(article_id="w009", version=2, bucket="uploads", key="truce/9.html"),
        PutArticle(article=article(3)),
    ]

    results = store.write_batch(batch)

    assert [(call.method, call.path) for call in calls.calls] == [
        ("POST", f"/{store.alias}/_mget"),
        ("POST", f"/{store.alias}/_bulk"),
    ]
    written, refused, released, third = results
    assert isinstance(refused, WriteFailed) and not refused.transient and "400" in refused.reason
    assert [(r.id, getattr(r, "status", None)) for r in (written, released, third)] == [
        ("w001", "written"),
        ("w009", "written"),
        ("w003", "written"),
    ]
    assert {hit.id for hit in store.search(SearchQuery(q="truce")).hits} == {"w001", "w003"}
