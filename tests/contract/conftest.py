"""The contract suite runs every test once per engine, on a fresh store (see `make_store`).

`store` is loaded with the fixture corpus (`contract_corpus.CORPUS`); `empty_store` is not.
"""

from __future__ import annotations

import pytest
from contract_corpus import CORPUS
from newsfacet.store.base import ArticleStore


@pytest.fixture(params=["embedded", "opensearch"])
def engine(request: pytest.FixtureRequest) -> str:
    """The engine under test; tests using "opensearch" are marked `opensearch` by tests/conftest.py."""
    return str(request.param)


@pytest.fixture
def empty_store(make_store, engine: str) -> ArticleStore:  # type: ignore[no-untyped-def]
    return make_store(engine)  # type: ignore[no-any-return]


@pytest.fixture
def store(empty_store: ArticleStore) -> ArticleStore:
    outcomes = empty_store.upsert(CORPUS)
    assert [outcome.status for outcome in outcomes] == ["written"] * len(CORPUS)
    return empty_store
