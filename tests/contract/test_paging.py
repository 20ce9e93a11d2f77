"""Cursor paging: walking every page yields each hit exactly once, in the one-page order."""

from __future__ import annotations

import pytest
from contract_corpus import ALL_IDS
from newsfacet.model import Dimension, FacetFilter, SearchQuery
from newsfacet.store.base import ArticleStore, InvalidCursor

QUERIES = {
    "everything by date": SearchQuery(),
    "words by relevance": SearchQuery(q="syria OR ceasefire OR health"),
    "words by date": SearchQuery(q="syria OR ceasefire OR health", sort="date"),
    "exclusion by relevance (equal scores)": SearchQuery(q="-ceasefire", sort="relevance"),
    "filtered by date": SearchQuery(filters={Dimension.SOURCE: FacetFilter(values=["AP", "BBC"])}),
    "filtered words": SearchQuery(
        q="aid OR syria OR summit",
        filters={Dimension.TOPIC: FacetFilter(values=["politics", "armed conflict"])},
    ),
}


def walk(store: ArticleStore, query: SearchQuery, size: int) -> list[str]:
    ids: list[str] = []
    page = store.search(query.model_copy(update={"size": size}))
    total = page.total
    while True:
        assert len(page.hits) <= size
        assert page.total == total
        ids.extend(hit.id for hit in page.hits)
        if page.next_cursor is None:
            break
        assert len(page.hits) == size, "only the last page may be short"
        page = store.search(query.model_copy(update={"size": size, "cursor": page.next_cursor}))
    assert len(ids) == total
    return ids


@pytest.mark.parametrize("name", list(QUERIES))
def test_walking_all_pages_never_repeats_or_skips(store: ArticleStore, name: str) -> None:
    query = QUERIES[name]
    one_page = [hit.id for hit in store.search(query.model_copy(update={"size": 100})).hits]
    assert one_page, name
    for size in (1, 3, 7, len(one_page)):
        walked = walk(store, query, size)
        assert walked == one_page, (name, size)
        assert len(set(walked)) == len(walked)


def test_an_exact_fit_has_no_next_cursor(store: ArticleStore) -> None:
    assert store.search(SearchQuery(size=len(ALL_IDS))).next_cursor is None
    assert store.search(SearchQuery(size=len(ALL_IDS) - 1)).next_cursor is not None


def test_cursor_is_url_safe_and_opaque(store: ArticleStore) -> None:
    cursor = store.search(SearchQuery(q="syria", size=2)).next_cursor
    assert cursor is not None
    assert all(ch.isalnum() or ch in "-_." for ch in cursor)


@pytest.mark.parametrize("garbage", ["nonsense", "!!!", "eyJ4IjoxfQ", "W10", "A" * 500])
def test_garbage_cursor_raises_invalid_cursor(store: ArticleStore, garbage: str) -> None:
    with pytest.raises(InvalidCursor):
        store.search(SearchQuery(q="syria", cursor=garbage))


def test_a_cursor_of_another_query_raises_invalid_cursor(store: ArticleStore) -> None:
    cursor = store.search(SearchQuery(q="syria", size=2)).next_cursor
    assert cursor is not None
    for other in (
        SearchQuery(q="damascus", cursor=cursor),
        SearchQuery(q="syria", sort="date", cursor=cursor),
        SearchQuery(q="syria", filters={Dimension.LANGUAGE: FacetFilter(values=["en"])}, cursor=cursor),
        SearchQuery(q="syria", filters={Dimension.SOURCE: FacetFilter(values=["AP"])}, cursor=cursor),
    ):
        with pytest.raises(InvalidCursor):
            store.search(other)
    # The same query with another page size continues fine.
    assert store.search(SearchQuery(q="syria", size=5, cursor=cursor)).total == 7


def test_a_forged_cursor_is_invalid_not_a_failed_search(store: ArticleStore) -> None:
    """A cursor whose payload was edited (here: a sort value beyond 64 bits) fails its signature."""
    import base64
    import json

    query = SearchQuery(q="syria", sort="date", size=2)
    cursor = store.search(query).next_cursor
    assert cursor is not None
    payload, tag = cursor.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data[2] = [2**70]
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
    with pytest.raises(InvalidCursor):
        store.search(query.model_copy(update={"cursor": f"{forged}.{tag}"}))
