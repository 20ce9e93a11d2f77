"""Trends on every engine: a planted burst tops the list; a value frequent every day does not, nor
does one seen once. The corpus is built here: 35 days ending on `LAST_DAY`, four articles a day,
"Dana Daily" in two of them and "Sam Steady" in one every day; "Bea Burst" in six more articles
on each of the last three days (and once, long before); "Tom Tiny" once, in the window."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from contract_corpus import _article
from newsfacet.model import Actor, Article, Dimension, FacetFilter, Location, SearchQuery
from newsfacet.store import trend_counter
from newsfacet.store.base import ArticleStore
from newsfacet.trends import rising

LAST_DAY = date(2025, 6, 30)
FIRST_DAY = LAST_DAY - timedelta(days=34)
BURST_DAY_OF_BASELINE = FIRST_DAY + timedelta(days=9)


def _actor(name: str) -> Actor:
    return Actor(name=name, type="person", mentions=2, salience=0.5)


DANA, BEA, TOM, SAM = (_actor(name) for name in ("Dana Daily", "Bea Burst", "Tom Tiny", "Sam Steady"))
LISBON = Location(name="Lisbon", kind="city", country_code="PT", mentions=1)
PORTO = Location(name="Porto", kind="city", country_code="PT", mentions=1)


def _burst_corpus() -> list[Article]:
    articles: list[Article] = []
    for offset in range(35):
        day = FIRST_DAY + timedelta(days=offset)
        noon = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
        for n in range(4):
            cast = [DANA] if n < 2 else []
            if n == 3:
                cast.append(SAM)
            if day == LAST_DAY - timedelta(days=1) and n == 2:
                cast.append(TOM)
            articles.append(
                _article(
                    f"t{offset:02d}{n}",
                    f"Council meets, day {offset}",
                    "The city council met again and discussed the budget at length.",
                    source="Daily Wire",
                    published_at=noon + timedelta(minutes=n),
                    actors=tuple(cast),
                    locations=(PORTO,),
                )
            )
        bursts = 6 if day > LAST_DAY - timedelta(days=3) else 1 if day == BURST_DAY_OF_BASELINE else 0
        for n in range(bursts):
            articles.append(
                _article(
                    f"b{offset:02d}{n}",
                    "Harbour strike spreads",
                    "Dock workers in the harbour walked out as the strike spread along the coast.",
                    source="Coast News",
                    published_at=noon + timedelta(hours=1, minutes=n),
                    actors=(BEA,),
                    locations=(LISBON,),
                )
            )
    return articles


@pytest.fixture
def burst_store(empty_store: ArticleStore) -> ArticleStore:
    corpus = _burst_corpus()
    assert {outcome.status for outcome in empty_store.upsert(corpus)} == {"written"}
    return empty_store


def _trends(store: ArticleStore, dimension: Dimension, query: SearchQuery | None = None):  # type: ignore[no-untyped-def]
    return rising(
        trend_counter(store),
        dimension,
        query or SearchQuery(),
        last_day=LAST_DAY,
        window_days=7,
        baseline_days=28,
    )


def test_the_burst_tops_and_the_daily_actor_does_not_rise(burst_store: ArticleStore) -> None:
    result = _trends(burst_store, Dimension.ACTOR)
    assert [trend.value for trend in result.trends] == ["Bea Burst", "Tom Tiny"]
    assert (result.window.articles, result.baseline.articles) == (7 * 4 + 18, 28 * 4 + 1)
    assert (result.window.first_day, result.baseline.first_day) == (LAST_DAY - timedelta(days=6), FIRST_DAY)
    assert result.baseline.last_day == LAST_DAY - timedelta(days=7)
    bea, tom = result.trends
    assert (bea.window_count, bea.baseline_count) == (18, 1)
    assert bea.window_share == pytest.approx(18 / 46)
    assert bea.ratio > 20
    # Seen once and never before: an infinite raw ratio, yet a far lower score than the burst.
    assert (tom.window_count, tom.baseline_count) == (1, 0)
    assert tom.score < bea.score / 2


def test_the_series_is_daily_over_baseline_and_window(burst_store: ArticleStore) -> None:
    bea = _trends(burst_store, Dimension.ACTOR).trends[0]
    assert [point.day for point in bea.series] == [FIRST_DAY + timedelta(days=n) for n in range(35)]
    counts = {point.day: point.count for point in bea.series if point.count}
    assert counts == {
        BURST_DAY_OF_BASELINE: 1,
        LAST_DAY - timedelta(days=2): 6,
        LAST_DAY - timedelta(days=1): 6,
        LAST_DAY: 6,
    }


def test_other_dimensions_and_filters(burst_store: ArticleStore) -> None:
    assert [trend.value for trend in _trends(burst_store, Dimension.LOCATION).trends] == ["Lisbon"]
    assert [trend.value for trend in _trends(burst_store, Dimension.SOURCE).trends] == ["Coast News"]
    # Within one source, the burst's source is all there is: nothing rises against itself.
    daily_wire = SearchQuery(filters={Dimension.SOURCE: FacetFilter(values=["Daily Wire"])})
    narrowed = _trends(burst_store, Dimension.ACTOR, daily_wire)
    assert [trend.value for trend in narrowed.trends] == ["Tom Tiny"]
    assert narrowed.window.articles == 28
    # `q` narrows too: among articles about the harbour, Bea Burst's share is the same throughout.
    assert _trends(burst_store, Dimension.ACTOR, SearchQuery(q="harbour")).trends == []


def test_no_articles_no_trends(empty_store: ArticleStore) -> None:
    result = _trends(empty_store, Dimension.ACTOR)
    assert (result.trends, result.window.articles, result.baseline.articles) == ([], 0, 0)
