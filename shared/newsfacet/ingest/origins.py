"""Keeping the ids an S3 object holds in step with its newest event (see `newsfacet.ingest`)."""

from __future__ import annotations

from newsfacet.ingest.keys import key_article_id
from newsfacet.model import StoredVersion
from newsfacet.store.base import ArticleStore


def bury_origin(store: ArticleStore, bucket: str, key: str, version: int) -> list[str]:
    """The object no longer holds an article (it became a rejection): leave a tombstone at `version`
    under the id the key would get, so older creates stay buried, then bury what the key held.
    Returns the ids buried."""
    store.delete(key_article_id(bucket, key), version, bucket, key)
    return reconcile_origin(store, bucket, key)


def reconcile_origin(store: ArticleStore, bucket: str, key: str) -> list[str]:
    """Let one object go of every live id it holds since an event older than its newest entry (the
    key now holds another canonical article, or nothing). Returns the ids this buried (no other
    object held them). See `newsfacet.ingest`."""
    return release_superseded(store, bucket, key, store.find_by_origin(bucket, key))


def release_superseded(store: ArticleStore, bucket: str, key: str, entries: list[StoredVersion]) -> list[str]:
    """`reconcile_origin` given what the object holds (`entries`, from `find_by_origin`)."""
    if not entries:
        return []
    newest = max(entry.version for entry in entries)
    return [
        entry.id
        for entry in entries
        if not entry.deleted
        and entry.version < newest
        and store.delete(entry.id, newest, bucket, key).status == "written"
    ]
