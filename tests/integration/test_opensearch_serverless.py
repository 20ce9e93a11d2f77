"""The store on Amazon OpenSearch Serverless (`serverless=True`), run on the real node: it must use
only what a SEARCH collection supports (no aliases, `_refresh`, `refresh=`, external versions,
`_reindex`, index templates, shard settings) and degrade as the adapter documents: the index is
the alias name itself, stale writes are found by reading versions first, reindex is refused."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from newsfacet.config import Settings
from newsfacet.model import SearchQuery
from newsfacet.store.base import StoreError
from newsfacet.store.opensearch.store import OpenSearchConfigError, OpenSearchStore
from opensearchpy import OpenSearch

from tests.integration.opensearch_calls import record_calls
from tests.integration.test_opensearch_writes import article

UNSUPPORTED_PATHS = ("_alias", "_aliases", "_refresh", "_reindex", "_index_template", "_template")
UNSUPPORTED_PARAMS = {"refresh", "version", "version_type", "if_seq_no", "if_primary_term"}


@pytest.fixture
def serverless(opensearch_url: str) -> Iterator[OpenSearchStore]:
    settings = Settings(
        store=opensearch_url,
        index_alias=f"s-{uuid.uuid4().hex[:12]}",
        opensearch_auth="none",
        opensearch_flavour="serverless",
    )
    store = OpenSearchStore.from_settings(settings)
    assert store.serverless
    yield store
    store.destroy()
    store.close()


def make_searchable(store: OpenSearchStore) -> None:
    """What Serverless does by itself within seconds; the local node needs asking, on a client of
    its own so that the request is not the store's."""
    url = store.client.transport.hosts[0]
    client = OpenSearch(hosts=[f"http://{url['host']}:{url['port']}"])
    client.indices.refresh(index=store.alias)
    client.close()


def test_writes_and_reads_use_only_what_serverless_supports(serverless: OpenSearchStore) -> None:
    calls = record_calls(serverless)
    assert [outcome.status for outcome in serverless.upsert([article(1), article(2)])] == ["written"] * 2
    serverless.delete("w002", 2, "uploads", "truce/2.html")
    serverless.refresh()
    make_searchable(serverless)
    assert serverless.get("w001") is not None
    assert serverless.search(SearchQuery(q="truce")).total == 1
    assert serverless.find_by_origin("uploads", "truce/1.html")
    for call in calls.calls:
        assert not any(part in call.path for part in UNSUPPORTED_PATHS), call
        assert not UNSUPPORTED_PARAMS & {name for name, _ in call.params}, call
        assert "version_type" not in call.path
    assert not serverless.client.indices.exists_alias(name=serverless.alias)
    assert serverless.client.indices.exists(index=serverless.alias)  # the index is the alias name


def test_an_older_or_repeated_write_is_still_stale(serverless: OpenSearchStore) -> None:
    serverless.upsert([article(1, version=5)])
    make_searchable(serverless)
    assert [outcome.status for outcome in serverless.upsert([article(1, version=4)])] == ["stale"]
    assert [outcome.status for outcome in serverless.upsert([article(1, version=5)])] == ["stale"]
    assert serverless.delete("w001", 6, "uploads", "truce/1.html").status == "written"
    make_searchable(serverless)
    # the tombstone's version guards the article as the 409 does on a cluster
    assert [outcome.status for outcome in serverless.upsert([article(1, version=6)])] == ["stale"]
    assert serverless.get("w001") is None


def test_an_older_write_later_in_the_same_batch_is_stale(serverless: OpenSearchStore) -> None:
    outcomes = serverless.upsert([article(1, version=3), article(1, version=2)])
    assert [outcome.status for outcome in outcomes] == ["written", "stale"]
    make_searchable(serverless)
    stored = serverless.get("w001")
    assert stored is not None and stored.version == 3


def test_reindex_is_refused_with_a_reason(serverless: OpenSearchStore) -> None:
    serverless.upsert([article(1)])
    with pytest.raises(StoreError, match="not available on OpenSearch Serverless"):
        serverless.reindex()


def test_the_flavour_follows_the_host_unless_set() -> None:
    def flavour_of(url: str, flavour: str = "auto") -> bool:
        settings = Settings(store=url, opensearch_auth="none", opensearch_flavour=flavour)
        return OpenSearchStore.from_settings(settings).serverless

    assert flavour_of("https://abc123.eu-west-1.aoss.amazonaws.com")
    assert not flavour_of("https://search-news-x.eu-west-1.es.amazonaws.com")
    assert flavour_of("http://localhost:9200", "serverless")
    assert not flavour_of("https://abc123.eu-west-1.aoss.amazonaws.com", "cluster")
    with pytest.raises(OpenSearchConfigError, match="opensearch_flavour"):
        flavour_of("http://localhost:9200", "elastic")
