"""Which keys hold article pages, and where a key's removals and rejections leave their mark."""

from __future__ import annotations

from newsfacet.ids import key_marker_id
from newsfacet.s3events import S3ObjectEvent

ARTICLE_SUFFIXES = (".html", ".htm", ".html.gz")
"""Keys ending in one of these (in any case: `.HTML`, `.Htm`) hold article pages; ingest records any
other uploaded key as an `unsupported_key` rejection, so nothing uploaded is ignored silently."""


def is_article_key(key: str) -> bool:
    """True for a key (or file name) that holds an article page, by its suffix in any case."""
    return key.lower().endswith(ARTICLE_SUFFIXES)


def key_article_id(bucket: str, key: str) -> str:
    """The id under which removals and rejections of this key leave their tombstone, so the key's
    newest event is always visible to `find_by_origin` (see `newsfacet.ids.key_marker_id`)."""
    return key_marker_id(bucket, key)


def deletes_one_version(event: S3ObjectEvent) -> bool:
    """`ObjectRemoved:Delete` naming a real version id: a version was deleted for good (deleting a
    key in a versioned bucket creates a delete marker instead, `ObjectRemoved:DeleteMarkerCreated`;
    unversioned and suspended buckets send no version id or "null")."""
    return event.name == "ObjectRemoved:Delete" and event.version_id not in (None, "null")
