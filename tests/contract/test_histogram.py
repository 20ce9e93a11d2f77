"""Date histograms: UTC days, ISO weeks (from Monday) and months, zero buckets only inside."""

from __future__ import annotations

from datetime import date, timedelta

from newsfacet.model import Dimension, FacetFilter, HistogramBucket, SearchQuery
from newsfacet.store.base import ArticleStore


def buckets(*pairs: tuple[date, int]) -> list[HistogramBucket]:
    return [HistogramBucket(start=start, count=count) for start, count in pairs]


def test_months_of_everything(store: ArticleStore) -> None:
    # c16 is March 31st in São Paulo but April 1st in UTC; c19 and c20 have no date.
    assert store.histogram(SearchQuery(), "month") == buckets(
        (date(2023, 12, 1), 1),
        (date(2024, 1, 1), 9),
        (date(2024, 2, 1), 6),
        (date(2024, 3, 1), 3),
        (date(2024, 4, 1), 3),
    )


def test_days_fill_the_gaps_between_matches(store: ArticleStore) -> None:
    empty_days = [(date(2024, 1, 4) + timedelta(days=n), 0) for n in range(10)]
    assert store.histogram(SearchQuery(q="ceasefire"), "day") == buckets(
        (date(2024, 1, 3), 2), *empty_days, (date(2024, 1, 14), 1), (date(2024, 1, 15), 1)
    )


def test_weeks_start_on_monday(store: ArticleStore) -> None:
    # c05 is Sunday January 14th 23:30 UTC, c06 Monday 15th 00:30 UTC: two weeks.
    assert store.histogram(SearchQuery(q="ceasefire"), "week") == buckets(
        (date(2024, 1, 1), 2), (date(2024, 1, 8), 1), (date(2024, 1, 15), 1)
    )
    reuters = SearchQuery(filters={Dimension.SOURCE: FacetFilter(values=["Reuters"])})
    counts = {date(2024, 1, 1): 1, date(2024, 1, 8): 2, date(2024, 2, 5): 1, date(2024, 2, 26): 1}
    counts |= {date(2024, 3, 11): 1, date(2024, 4, 1): 1}
    mondays = [date(2024, 1, 1) + timedelta(weeks=n) for n in range(14)]
    assert store.histogram(reuters, "week") == buckets(*((day, counts.get(day, 0)) for day in mondays))


def test_histogram_honours_every_filter_and_skips_undated(store: ArticleStore) -> None:
    assert store.histogram(SearchQuery(q="summit"), "day") == buckets((date(2024, 3, 15), 1))
    assert store.histogram(SearchQuery(q="zyzzyva"), "month") == []
    assert store.histogram(SearchQuery(q="undated"), "day") == []
    narrowed = SearchQuery(
        date_from=date(2024, 2, 1),
        date_to=date(2024, 2, 29),
        filters={Dimension.LANGUAGE: FacetFilter(values=["en"])},
    )
    assert store.histogram(narrowed, "month") == buckets((date(2024, 2, 1), 5))


def test_search_fills_the_histogram_when_asked(store: ArticleStore) -> None:
    asked = store.search(SearchQuery(q="ceasefire", histogram="week"))
    assert asked.histogram == store.histogram(SearchQuery(q="ceasefire"), "week")
    assert store.search(SearchQuery(q="ceasefire")).histogram is None
