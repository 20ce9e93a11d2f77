"""Paging cursors, shared by every engine: the last hit's sort values + id + the query's fingerprint.

A cursor is opaque to clients: url-safe base64 of a small JSON array, a dot, and an HMAC-SHA256 tag
of that array under the store's cursor key (`Settings.cursor_key`), so a client can replay a cursor
it was given but cannot forge one. It carries

- the sort values of the last hit of the page (engine-specific: a score, a timestamp, ...),
- that hit's id (the tie-breaker every sort ends with),
- a fingerprint of everything that decides which hits a query has and in which order (parsed `q`,
  filters, dates, effective sort, collapse), so a cursor used with another query is rejected.

A search collapsed by story pages by offset instead (`encode_offset`): OpenSearch 2.x cannot combine
field collapsing with `search_after`. Its cursor holds the number of stories already shown, at most
`MAX_COLLAPSED_HITS` (OpenSearch's `from + size` window).

`size`, `facet_size` and `histogram` are not part of the fingerprint: changing the page size while
paging is fine. `decode_cursor` raises `InvalidCursor` for garbage, a bad tag, a cursor of another
query, or sort values no engine produces (beyond a signed 64-bit integer, not finite): a leaked key
still cannot make a search fail.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
from dataclasses import dataclass

from newsfacet.model import SearchQuery
from newsfacet.query_syntax import parse
from newsfacet.store.base import InvalidCursor

__all__ = [
    "MAX_COLLAPSED_HITS",
    "CursorPosition",
    "SortValue",
    "decode_cursor",
    "decode_offset",
    "encode_cursor",
    "encode_offset",
    "query_fingerprint",
]

SortValue = str | int | float | None

_FORMAT = 2  # bump when the layout changes: old cursors then fail cleanly as InvalidCursor
_TAG_BYTES = 16
_INT64 = range(-(2**63), 2**63)
MAX_COLLAPSED_HITS = 10_000


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
    if query.collapse is not None:
        material["collapse"] = query.collapse
    digest = hashlib.blake2b(json.dumps(material, sort_keys=True).encode(), digest_size=9)
    return base64.urlsafe_b64encode(digest.digest()).decode()


def encode_cursor(query: SearchQuery, sort_values: list[SortValue], last_id: str, key: bytes) -> str:
    """The cursor that continues `query` after the hit with these sort values and id, signed with `key`."""
    payload = json.dumps(
        [_FORMAT, query_fingerprint(query), sort_values, last_id], separators=(",", ":")
    ).encode()
    return f"{_b64(payload)}.{_b64(_tag(key, payload))}"


def decode_cursor(query: SearchQuery, cursor: str, key: bytes) -> CursorPosition:
    """The position `cursor` encodes, checked against its tag and `query`. Raises `InvalidCursor`."""
    encoded_payload, dot, encoded_tag = cursor.partition(".")
    try:
        payload, tag = _unb64(encoded_payload), _unb64(encoded_tag)
    except (binascii.Error, ValueError) as error:
        raise InvalidCursor("malformed cursor") from error
    if not dot or not hmac.compare_digest(tag, _tag(key, payload)):
        raise InvalidCursor("not a cursor this service issued")
    try:
        data = json.loads(payload)
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError too
        raise InvalidCursor("malformed cursor") from error
    if not (
        isinstance(data, list)
        and len(data) == 4
        and data[0] == _FORMAT
        and isinstance(data[1], str)
        and isinstance(data[2], list)
        and all(_is_sort_value(value) for value in data[2])
        and isinstance(data[3], str)
    ):
        raise InvalidCursor("malformed cursor")
    if data[1] != query_fingerprint(query):
        raise InvalidCursor("cursor belongs to another query")
    return CursorPosition(sort_values=list(data[2]), last_id=data[3])


def encode_offset(query: SearchQuery, offset: int, key: bytes) -> str | None:
    """The cursor of a collapsed search's next page, starting after `offset` stories; None past
    `MAX_COLLAPSED_HITS` (no engine pages that far without `search_after`)."""
    if offset + query.size > MAX_COLLAPSED_HITS:
        return None
    return encode_cursor(query, [offset], "", key)


def decode_offset(query: SearchQuery, cursor: str, key: bytes) -> int:
    """The offset a collapsed search's cursor holds. Raises `InvalidCursor`."""
    position = decode_cursor(query, cursor, key)
    values = position.sort_values
    if (
        position.last_id
        or len(values) != 1
        or not isinstance(values[0], int)
        or isinstance(values[0], bool)
        or not 0 <= values[0] <= MAX_COLLAPSED_HITS - query.size
    ):
        raise InvalidCursor("malformed cursor")
    return values[0]


def _is_sort_value(value: object) -> bool:
    """What an engine can return as a sort value: null, text, a 64-bit integer, a finite float."""
    if value is None or isinstance(value, str):
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value in _INT64
    return isinstance(value, float) and math.isfinite(value)


def _tag(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()[:_TAG_BYTES]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    if not text or not text.isascii():
        raise ValueError("empty or non-ASCII")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
