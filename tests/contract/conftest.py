"""The contract suite runs every test once per engine, on a fresh store (see `make_store`).

`store` is loaded with the fixture corpus (`contract_corpus.CORPUS`); `empty_store` is not. On
"opensearch-rolled" the corpus is split over two indices behind the alias (half written, a rollover,
the other half), so reads span both and rewrites of the first half go to the older index.
"""

from __future__ import annotations

import pytest
from contract_corpus import CORPUS
from newsfacet.store.base import ArticleStore
from newsfacet.store.opensearch.store import OpenSearchStore


@pytest.fixture(params=["embedded", "opensearch", "opensearch-rolled"])
def engine(request: pytest.FixtureRequest) -> str:
    """The engine under test; tests using "opensearch" are marked `opensearch` by tests/conftest.py."""
    return str(request.param)


@pytest.fixture
def empty_store(make_store, engine: str) -> ArticleStore:  # type: ignore[no-untyped-def]
    return make_store(engine)  # type: ignore[no-any-return]


@pytest.fixture
def store(empty_store: ArticleStore, engine: str) -> ArticleStore:
    half = len(CORPUS) // 2 if engine == "opensearch-rolled" else len(CORPUS)
    outcomes = empty_store.upsert(CORPUS[:half])
    if half < len(CORPUS):
        assert isinstance(empty_store, OpenSearchStore)
        empty_store.rollover()
        outcomes += empty_store.upsert(CORPUS[half:])
    assert [outcome.status for outcome in outcomes] == ["written"] * len(CORPUS)
    return empty_store
