"""Paging cursors, shared by every engine: the last hit's sort values + id + the query's fingerprint.

A cursor is opaque to clients: url-safe base64 of a small JSON array. It carries

- the sort values of the last hit of the page (engine-specific: a score, a timestamp, ...),
- that hit's id (the tie-breaker every sort ends with),
- a fingerprint of everything that decides which hits a query has and in which order (parsed `q`,
  filters, dates, effective sort), so a cursor used with another query is rejected.

`size`, `facet_size` and `histogram` are not part of the fingerprint: changing the page size while
paging is fine. `decode_cursor` raises `InvalidCursor` for garbage or a cursor of another query.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass

from newsfacet.model import SearchQuery
from newsfacet.query_syntax import parse
from newsfacet.store.base import InvalidCursor

__all__ = ["CursorPosition", "SortValue", "decode_cursor", "encode_cursor", "query_fingerprint"]

SortValue = str | int | float | None

_FORMAT = 1  # bump when the layout changes: old cursors then fail cleanly as InvalidCursor


@dataclass(frozen=True)
class CursorPosition:
    """Where the previous page ended: its last hit's sort values and id."""

    sort_values: list[SortValue]
    last_id: str


def query_fingerprint(query: SearchQuery) -> str:
    """A short digest of what decides a query's hits and their order."""
    filters = {
        dimension.value: {"values": sorted(selected.values), "match": selected.match}
        for dimension, selected in sorted(query.filters.items())
        if selected.values
    }
    material = {
        "q": parse(query.q).canonical(),
        "filters": filters,
        "from": query.date_from.isoformat() if query.date_from else None,
        "to": query.date_to.isoformat() if query.date_to else None,
        "sort": query.effective_sort(),
    }
    digest = hashlib.blake2b(json.dumps(material, sort_keys=True).encode(), digest_size=9)
    return base64.urlsafe_b64encode(digest.digest()).decode()


def encode_cursor(query: SearchQuery, sort_values: list[SortValue], last_id: str) -> str:
    """The cursor that continues `query` after the hit with these sort values and id."""
    payload = json.dumps(
        [_FORMAT, query_fingerprint(query), sort_values, last_id], separators=(",", ":")
    ).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode_cursor(query: SearchQuery, cursor: str) -> CursorPosition:
    """The position `cursor` encodes, checked against `query`. Raises `InvalidCursor`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
    except (binascii.Error, ValueError) as error:  # UnicodeDecodeError and JSONDecodeError too
        raise InvalidCursor("malformed cursor") from error
    if not (
        isinstance(data, list)
        and len(data) == 4
        and data[0] == _FORMAT
        and isinstance(data[1], str)
        and isinstance(data[2], list)
        and all(value is None or isinstance(value, str | int | float) for value in data[2])
        and isinstance(data[3], str)
    ):
        raise InvalidCursor("malformed cursor")
    if data[1] != query_fingerprint(query):
        raise InvalidCursor("cursor belongs to another query")
    return CursorPosition(sort_values=list(data[2]), last_id=data[3])
