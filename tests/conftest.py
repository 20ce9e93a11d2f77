"""Fixtures every test suite shares: the real OpenSearch node and fresh, empty stores.

- `opensearch_url`: one real single-node OpenSearch per test session (see
  `infrastructure/opensearch/node.py`), started only when a test asks for it, stopped at the end.
  `NEWSFACET_TEST_OPENSEARCH_URL` points the tests at a node you already run instead. A node that
  cannot start FAILS the tests that need it, with the node's log tail; it never skips them.
- `make_store("embedded" | "opensearch" | "opensearch-rolled")`: a fresh, empty `ArticleStore` for
  one test, removed at teardown (the SQLite file lives in `tmp_path`; the OpenSearch alias, indices
  and template are deleted). "opensearch-rolled" has been rolled over once: its alias spans two
  indices, the newer one its write index.

- `serve_search(environment)`: a context manager serving the search Lambda's own handler, configured
  through `environment` as on AWS, over HTTP on a free local port (what the page and fuzz tests call).

Tests that use the node are marked `opensearch` automatically, so `pytest -m "not opensearch"` runs
everything else without starting Java.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from newsfacet.config import Settings
from newsfacet.store.base import ArticleStore

if TYPE_CHECKING:
    from newsfacet.localserver import LocalServer

OPENSEARCH_URL_ENV = "NEWSFACET_TEST_OPENSEARCH_URL"
# "opensearch-rolled": OpenSearch with the alias spanning several indices, as after a rollover
# (the layout of docs/SCALING.md).
ENGINES = ("embedded", "opensearch", "opensearch-rolled")

StoreFactory = Callable[[str], ArticleStore]
SearchServing = Callable[[Mapping[str, str]], AbstractContextManager["LocalServer"]]


@pytest.fixture(scope="session")
def opensearch_url() -> Iterator[str]:
    """Base URL of a real OpenSearch node, started once per session on first use."""
    external = os.environ.get(OPENSEARCH_URL_ENV)
    if external:
        yield external.rstrip("/")
        return
    from infrastructure.opensearch.node import LocalNode, NodeError

    failure = ""
    try:
        node = LocalNode.start()
    except NodeError as error:
        failure = str(error)
    if failure:
        pytest.fail(f"the test OpenSearch node could not start: {failure}", pytrace=False)
    try:
        yield node.url
    finally:
        node.stop()


@pytest.fixture
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """`make_store(engine)` -> a fresh, empty store of that engine, destroyed after the test."""
    created: list[ArticleStore] = []

    def make(engine: str) -> ArticleStore:
        store: ArticleStore
        if engine == "embedded":
            from newsfacet.store.embedded.store import EmbeddedStore

            store = EmbeddedStore.from_url(f"sqlite:///{tmp_path}/articles-{len(created)}.db")
        elif engine in ("opensearch", "opensearch-rolled"):
            from newsfacet.store.opensearch.store import OpenSearchStore

            url = request.getfixturevalue("opensearch_url")
            # refresh="true" (the production default): each write is searchable at once, without
            # waiting for the next scheduled refresh.
            store = OpenSearchStore.from_settings(
                Settings(store=url, index_alias=f"t-{uuid.uuid4().hex[:12]}", opensearch_auth="none"),
                refresh="true",
            )
            if engine == "opensearch-rolled":
                store.rollover()
        else:
            raise ValueError(f"unknown engine {engine!r}: expected one of {ENGINES}")
        created.append(store)
        return store

    yield make

    for store in reversed(created):
        destroy = getattr(store, "destroy", None)
        if destroy is not None:
            destroy()
        store.close()


@contextmanager
def _serving(environment: Mapping[str, str]) -> Iterator[LocalServer]:
    from newsfacet.localserver import LocalServer, load_search_handler

    with pytest.MonkeyPatch.context() as patch:
        for name, value in environment.items():
            patch.setenv(name, value)
        handler = load_search_handler()  # reads its settings now, as a new Lambda environment does
    server = LocalServer(("127.0.0.1", 0), handler, quiet=True).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def serve_search() -> SearchServing:
    """`with serve_search(environment) as server:` the search handler served on `server.url`."""
    return _serving


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the OpenSearch node, directly or through an engine parameter."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        on_opensearch = any(value in ("opensearch", "opensearch-rolled") for value in params.values())
        if "opensearch_url" in getattr(item, "fixturenames", ()) or on_opensearch:
            item.add_marker(pytest.mark.opensearch)
