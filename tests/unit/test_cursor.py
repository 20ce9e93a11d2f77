"""Paging cursors: opaque, url-safe, bound to their query, garbage rejected with a typed error."""

from __future__ import annotations

import base64
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsfacet.model import Dimension, FacetFilter, SearchQuery
from newsfacet.store.base import InvalidCursor
from newsfacet.store.cursor import decode_cursor, encode_cursor

QUERY = SearchQuery(q="syria ceasefire", filters={Dimension.SOURCE: FacetFilter(values=["Reuters"])})
KEY = b"a test key"


def test_round_trip_keeps_sort_values_exactly() -> None:
    values = [-3.141592653589793, 1_700_000_000_123_456, None, "x"]
    cursor = encode_cursor(QUERY, values, "article-é/1", KEY)
    assert re.fullmatch(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+", cursor)
    position = decode_cursor(QUERY, cursor, KEY)
    assert position.sort_values == values
    assert position.last_id == "article-é/1"


def test_same_query_spelled_differently_or_other_page_size_accepts_the_cursor() -> None:
    cursor = encode_cursor(QUERY, [1.0], "a", KEY)
    same = SearchQuery(
        q="  Syria   CEASEFIRE",
        filters={Dimension.SOURCE: FacetFilter(values=["Reuters"])},
        size=50,
        facet_size=3,
    )
    assert decode_cursor(same, cursor, KEY).last_id == "a"


@pytest.mark.parametrize(
    "other",
    [
        SearchQuery(q="syria"),
        SearchQuery(q="syria ceasefire"),
        SearchQuery(
            q="syria ceasefire",
            filters={Dimension.SOURCE: FacetFilter(values=["Reuters"], match="all")},
        ),
        SearchQuery(
            q="syria ceasefire",
            filters={Dimension.SOURCE: FacetFilter(values=["Reuters"])},
            sort="date",
        ),
        SearchQuery(
            q="syria ceasefire",
            filters={
                Dimension.SOURCE: FacetFilter(values=["Reuters"]),
                Dimension.LANGUAGE: FacetFilter(values=["en"]),
            },
        ),
    ],
)
def test_a_cursor_of_another_query_is_rejected(other: SearchQuery) -> None:
    with pytest.raises(InvalidCursor):
        decode_cursor(other, encode_cursor(QUERY, [1.0], "a", KEY), KEY)


@given(st.text())
def test_garbage_raises_invalid_cursor_only(garbage: str) -> None:
    with pytest.raises(InvalidCursor):
        decode_cursor(QUERY, garbage, KEY)


@pytest.mark.parametrize("garbage", ["", "%%%", "bnVsbA", "WzEsIngiLFtdLCJhIl0", "W10"])
def test_well_formed_base64_of_the_wrong_shape_is_rejected(garbage: str) -> None:
    with pytest.raises(InvalidCursor):
        decode_cursor(QUERY, garbage, KEY)


def test_a_cursor_signed_with_another_key_is_rejected() -> None:
    with pytest.raises(InvalidCursor, match="not a cursor this service issued"):
        decode_cursor(QUERY, encode_cursor(QUERY, [1.0], "a", b"someone else's key"), KEY)


def test_a_tampered_payload_is_rejected() -> None:
    payload, tag = encode_cursor(QUERY, [1.0], "a", KEY).split(".")
    forged = base64.urlsafe_b64encode(
        json.dumps([2, json.loads(base64.urlsafe_b64decode(payload + "=="))[1], [2**70], "a"]).encode()
    )
    with pytest.raises(InvalidCursor):
        decode_cursor(QUERY, f"{forged.decode().rstrip('=')}.{tag}", KEY)


@pytest.mark.parametrize(
    "value", [2**63, -(2**63) - 1, 2**70, float("inf"), float("nan"), True, [1], {"a": 1}]
)
def test_sort_values_no_engine_returns_are_rejected_even_when_signed(value: object) -> None:
    with pytest.raises(InvalidCursor):
        decode_cursor(QUERY, encode_cursor(QUERY, [value], "a", KEY), KEY)  # type: ignore[list-item]
