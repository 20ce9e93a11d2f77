"""Trend counts on the embedded store: one pass over the matching articles' packed facets."""

from __future__ import annotations

import json
import sys
from array import array
from collections import Counter, defaultdict
from datetime import date

from newsfacet.model import Dimension, SearchQuery
from newsfacet.store.embedded.query import Plan
from newsfacet.store.embedded.schema import DIM_CODE, DIMS
from newsfacet.store.embedded.store import EmbeddedStore
from newsfacet.trends import TREND_CANDIDATES, TrendCounter, TrendCounts

__all__ = ["EmbeddedTrendCounter"]


class EmbeddedTrendCounter(TrendCounter):
    def __init__(self, store: EmbeddedStore) -> None:
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
        code = DIM_CODE[dimension]
        articles: Counter[int] = Counter()  # day ordinal -> articles
        per_value: defaultdict[int, Counter[int]] = defaultdict(Counter)  # value id -> day -> articles
        with self._store._connections.reading() as conn:
            plan = Plan.build(conn, span)
            plan.materialise(conn)
            source, params = plan.source()
            rows = conn.execute(
                f"SELECT a.published_day, a.facets FROM ({source}) s CROSS JOIN articles a"
                " ON a.doc_id = s.doc_id",
                params,
            )
            for day, blob in rows:
                articles[day] += 1
                packed = array("i")
                packed.frombytes(blob)
                if sys.byteorder != "little":
                    packed.byteswap()
                for key in set(packed):
                    if key % DIMS == code:
                        per_value[key // DIMS][day] += 1
            window_start = window_first_day.toordinal()
            in_window = Counter(
                {
                    value_id: sum(n for day, n in days.items() if day >= window_start)
                    for value_id, days in per_value.items()
                }
            )
            candidates = [value_id for value_id, n in in_window.most_common(TREND_CANDIDATES) if n]
            names = dict(
                conn.execute(
                    "SELECT value_id, value FROM facet_values"
                    " WHERE value_id IN (SELECT value FROM json_each(?))",
                    [json.dumps(candidates)],
                ).fetchall()
            )
        return TrendCounts(
            articles={date.fromordinal(day): n for day, n in articles.items()},
            values={
                names[value_id]: {date.fromordinal(day): n for day, n in per_value[value_id].items()}
                for value_id in candidates
            },
        )
