"""Stores: one port (`ArticleStore`), one adapter per engine, chosen by URL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfacet.config import Settings
from newsfacet.store.base import ArticleStore, InvalidCursor, StoreError, StoreUnavailable

if TYPE_CHECKING:
    from newsfacet.alerts import AlertStore
    from newsfacet.trends import TrendCounter

__all__ = [
    "ArticleStore",
    "InvalidCursor",
    "StoreError",
    "StoreUnavailable",
    "alert_store",
    "open_store",
    "trend_counter",
]


def open_store(settings: Settings) -> ArticleStore:
    """The store `settings.store` names: `sqlite:///path` (embedded) or `http(s)://...` (OpenSearch).

    Adapters are imported here, lazily, so a process only loads the engine it uses.
    """
    url = settings.store
    if url.startswith("sqlite://"):
        from newsfacet.store.embedded.store import EmbeddedStore  # noqa: PLC0415 - load only the engine in use

        return EmbeddedStore.from_url(url, cursor_key=settings.cursor_signing_key())
    if url.startswith(("http://", "https://")):
        from newsfacet.store.opensearch.store import OpenSearchStore  # noqa: PLC0415 - load only the engine in use

        return OpenSearchStore.from_settings(settings)
    raise ValueError(f"unsupported store URL {url!r}: use sqlite:///path or http(s)://host:port")


def trend_counter(store: ArticleStore) -> TrendCounter:
    """The trend counts of `store`'s engine (see `newsfacet.trends`)."""
    from newsfacet.store.embedded.store import EmbeddedStore  # noqa: PLC0415 - load only the engine in use

    if isinstance(store, EmbeddedStore):
        from newsfacet.store.embedded.trends import EmbeddedTrendCounter  # noqa: PLC0415

        return EmbeddedTrendCounter(store)
    from newsfacet.store.opensearch.store import OpenSearchStore  # noqa: PLC0415

    if isinstance(store, OpenSearchStore):
        from newsfacet.store.opensearch.trends import OpenSearchTrendCounter  # noqa: PLC0415

        return OpenSearchTrendCounter(store)
    raise TypeError(f"no trend counts for {type(store).__name__}")


def alert_store(store: ArticleStore) -> AlertStore:
    """The saved searches kept beside `store` (see `newsfacet.alerts`): the same SQLite file, or a
    percolator index beside the articles."""
    from newsfacet.store.embedded.store import EmbeddedStore  # noqa: PLC0415 - load only the engine in use

    if isinstance(store, EmbeddedStore):
        from newsfacet.store.embedded.alerts import EmbeddedAlertStore  # noqa: PLC0415

        return EmbeddedAlertStore(store.path)
    from newsfacet.store.opensearch.store import OpenSearchStore  # noqa: PLC0415

    if isinstance(store, OpenSearchStore):
        from newsfacet.store.opensearch.alerts import OpenSearchAlertStore  # noqa: PLC0415

        return OpenSearchAlertStore(store)
    raise TypeError(f"no saved searches beside {type(store).__name__}")
