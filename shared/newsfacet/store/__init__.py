"""Stores: one port (`ArticleStore`), one adapter per engine, chosen by URL."""

from __future__ import annotations

from newsfacet.config import Settings
from newsfacet.store.base import ArticleStore, InvalidCursor, StoreError, StoreUnavailable

__all__ = ["ArticleStore", "InvalidCursor", "StoreError", "StoreUnavailable", "open_store"]


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
