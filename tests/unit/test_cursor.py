"""Paging cursors: opaque, url-safe, bound to their query, garbage rejected with a typed error."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsfacet.model import Dimension, FacetFilter, SearchQuery
from newsfacet.store.base import InvalidCursor
from newsfacet.store.cursor import decode_cursor, encode_cursor

QUERY = SearchQuery(q="syria ceasefire", filters={Dimension.SOURCE: FacetFilter(values=["Reuters"])})


def test_round_trip_keeps_sort_values_exactly() -> None:
    values = [-3.141592653589793, 1_700_000_000_123_456, None, "x"]
    cursor = encode_cursor(QUERY, values, "article-é/1")
    assert re.fullmatch(r"[A-Za-z0-9_-]+", cursor)
    position = decode_cursor(QUERY, cursor)
    assert position.sort_values == values
    assert position.last_id == "article-é/1"


def test_same_query_spelled_differently_or_other_page_size_accepts_the_cursor() -> None:
    cursor = encode_cursor(QUERY, [1.0], "a")
    same = SearchQuery(
        q="  Syria   CEASEFIRE",
        filters={Dimension.SOURCE: FacetFilter(values=["Reuters"])},
        size=50,
        facet_size=3,
    )
    assert decode_cursor(same, cursor).last_id == "a"


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
        decode_cursor(other, encode_cursor(QUERY, [1.0], "a"))


@given(st.text())
def test_garbage_raises_invalid_cursor_only(garbage: str) -> None:
    with pytest.raises(InvalidCursor):
        decode_cursor(QUERY, garbage)


@pytest.mark.parametrize("garbage", ["", "%%%", "bnVsbA", "WzEsIngiLFtdLCJhIl0", "W10"])
def test_well_formed_base64_of_the_wrong_shape_is_rejected(garbage: str) -> None:
    with pytest.raises(InvalidCursor):
        decode_cursor(QUERY, garbage)
