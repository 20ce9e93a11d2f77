"""Trend counts on OpenSearch: the window's most frequent values (a terms aggregation), then each
one's articles per day over the whole span (a daily date histogram under a terms aggregation)."""

from __future__ import annotations

from datetime import date
from typing import Any

from newsfacet.model import Dimension, SearchQuery
from newsfacet.query_syntax import parse
from newsfacet.store.opensearch.documents import FACET_FIELD
from newsfacet.store.opensearch.query import _matching, _selections
from newsfacet.store.opensearch.responses import read_histogram
from newsfacet.store.opensearch.store import OpenSearchStore
from newsfacet.trends import TREND_CANDIDATES, TrendCounter, TrendCounts

__all__ = ["OpenSearchTrendCounter"]

Body = dict[str, Any]

_DAILY: Body = {
    "date_histogram": {
        "field": "published_at",
        "calendar_interval": "day",
        "time_zone": "UTC",
        "min_doc_count": 1,
    }
}


def _counts(histogram: Body) -> dict[date, int]:
    return {bucket.start: bucket.count for bucket in read_histogram(histogram) if bucket.count}


class OpenSearchTrendCounter(TrendCounter):
    def __init__(self, store: OpenSearchStore) -> None:
        self._store = store

    def count(
        self,
        dimension: Dimension,
        query: SearchQuery,
        first_day: date,
        last_day: date,
        window_first_day: date,
    ) -> TrendCounts:
        span = query.model_copy(update={"date_from": first_day, "date_to": last_day})
        window = query.model_copy(update={"date_from": window_first_day, "date_to": last_day})
        field = FACET_FIELD[dimension]
        parsed = parse(query.q)
        first = self._store._connection.search(
            {
                "query": _matching(window, parsed, _selections(window)),
                "size": 0,
                "track_total_hits": False,
                "aggs": {"top": {"terms": {"field": field, "size": TREND_CANDIDATES}}},
            }
        )
        if first is None:
            return TrendCounts(articles={}, values={})
        candidates = [str(bucket["key"]) for bucket in first["aggregations"]["top"]["buckets"]]
        aggs: Body = {"days": _DAILY}
        if candidates:
            aggs["values"] = {
                "terms": {"field": field, "size": len(candidates), "include": candidates},
                "aggs": {"days": _DAILY},
            }
        second = self._store._connection.search(
            {
                "query": _matching(span, parsed, _selections(span)),
                "size": 0,
                "track_total_hits": False,
                "aggs": aggs,
            }
        )
        aggregations: Body = {} if second is None else second.get("aggregations", {})
        return TrendCounts(
            articles=_counts(aggregations.get("days", {})),
            values={
                str(bucket["key"]): _counts(bucket["days"])
                for bucket in aggregations.get("values", {}).get("buckets", [])
            },
        )
