"""What is rising: the facet values whose share of articles grew in a recent window.

An engine only counts (`TrendCounter`: matching articles per day, and per day for each candidate
value of one dimension); the ranking rule lives here, once, so both engines rank alike.

## The score

For a value, the window and the baseline (the days just before the window) form a 2x2 table:
articles with the value and without it, in each period. The score is the z statistic of that
table's log odds ratio, with 0.5 added to every cell (the Haldane-Anscombe correction):

    log OR = ln((a + .5)(d + .5) / ((b + .5)(c + .5)))      z = log OR / sqrt(sum of 1/(cell + .5))

where a, b are the value's articles in the window and baseline and c, d the other articles. The
variance term grows as counts shrink, so a value seen once in the window and never before (an
infinite raw ratio) scores far below one seen thirty times against a handful before; and a value
whose share is the same every day scores about zero, however frequent it is. Only values whose
share rose (a larger share in the window, and a score above zero) are listed, highest score
first. `ratio` is the share in the window over the share in the baseline, with the same 0.5
smoothing, so it is finite.
"""

from __future__ import annotations

import math
import re
from abc import ABC, abstractmethod
from datetime import date, timedelta

from pydantic import Field

from newsfacet.model import Dimension, Model, SearchQuery

__all__ = [
    "MAX_PERIOD_DAYS",
    "TREND_CANDIDATES",
    "DailyCount",
    "Period",
    "Trend",
    "TrendCounter",
    "TrendCounts",
    "TrendsResult",
    "parse_days",
    "rising",
]

MAX_PERIOD_DAYS = 366
"""The longest window or baseline: a year of daily counts is still a small answer."""

TREND_CANDIDATES = 500
"""Values an engine counts per request: the most frequent in the window. A value outside them has
so few window articles that it could not outscore them."""

_PERIOD = re.compile(r"^([1-9]\d{0,2})d$")
_SMOOTHING = 0.5


class DailyCount(Model):
    day: date
    count: int = Field(ge=0)


class TrendCounts(Model):
    """What an engine counted over the days asked: matching articles per day (`articles`), and for
    each candidate value, its matching articles per day. Days without articles may be absent."""

    articles: dict[date, int]
    values: dict[str, dict[date, int]]


class TrendCounter(ABC):
    """The port an engine implements for trends (see `newsfacet.store.trend_counter`)."""

    @abstractmethod
    def count(
        self,
        dimension: Dimension,
        query: SearchQuery,
        first_day: date,
        last_day: date,
        window_first_day: date,
    ) -> TrendCounts:
        """Articles matching `query` (its own dates ignored) published from `first_day` to `last_day`
        (inclusive, UTC), per day; and per day for the `TREND_CANDIDATES` values of `dimension` found
        in most of those articles from `window_first_day` on."""


class Period(Model):
    """Inclusive UTC days, with the matching articles published in them."""

    first_day: date
    last_day: date
    articles: int = Field(ge=0)


class Trend(Model):
    """One rising value. `series` has one count per day, baseline then window, oldest first."""

    value: str
    window_count: int = Field(ge=0)
    baseline_count: int = Field(ge=0)
    window_share: float = Field(ge=0, le=1)
    baseline_share: float = Field(ge=0, le=1)
    ratio: float = Field(ge=0, description="window share / baseline share, each cell smoothed by 0.5")
    score: float = Field(description="z of the log odds ratio (0.5 added to each cell); see the module")
    series: list[DailyCount]


class TrendsResult(Model):
    """The body of `GET /trends/{dimension}`."""

    dimension: Dimension
    window: Period
    baseline: Period
    trends: list[Trend]


def parse_days(text: str) -> int:
    """`7d` -> 7. Raises ValueError for anything else or more than `MAX_PERIOD_DAYS`."""
    found = _PERIOD.fullmatch(text.strip())
    if found is None or int(found.group(1)) > MAX_PERIOD_DAYS:
        raise ValueError(f"{text!r} is not a number of days like 7d (1d to {MAX_PERIOD_DAYS}d)")
    return int(found.group(1))


def rising(
    counter: TrendCounter,
    dimension: Dimension,
    query: SearchQuery,
    *,
    last_day: date,
    window_days: int,
    baseline_days: int,
    size: int = 10,
) -> TrendsResult:
    """The `size` values of `dimension` whose share of the articles matching `query` rose most in
    the `window_days` ending on `last_day`, against the `baseline_days` before them."""
    window_first = last_day - timedelta(days=window_days - 1)
    baseline_first = window_first - timedelta(days=baseline_days)
    counts = counter.count(dimension, query, baseline_first, last_day, window_first)
    days = [baseline_first + timedelta(days=n) for n in range(baseline_days + window_days)]

    def split(per_day: dict[date, int]) -> tuple[int, int]:
        window = sum(count for day, count in per_day.items() if window_first <= day <= last_day)
        baseline = sum(count for day, count in per_day.items() if baseline_first <= day < window_first)
        return window, baseline

    window_total, baseline_total = split(counts.articles)
    trends = []
    for value, per_day in counts.values.items():
        window_count, baseline_count = split(per_day)
        score = _log_odds_z(window_count, window_total, baseline_count, baseline_total)
        window_share = window_count / window_total if window_total else 0.0
        baseline_share = baseline_count / baseline_total if baseline_total else 0.0
        if window_share <= baseline_share or score <= 0:
            continue
        trends.append(
            Trend(
                value=value,
                window_count=window_count,
                baseline_count=baseline_count,
                window_share=window_share,
                baseline_share=baseline_share,
                ratio=((window_count + _SMOOTHING) / (window_total + _SMOOTHING))
                / ((baseline_count + _SMOOTHING) / (baseline_total + _SMOOTHING)),
                score=round(score, 6),
                series=[DailyCount(day=day, count=per_day.get(day, 0)) for day in days],
            )
        )
    trends.sort(key=lambda trend: (-trend.score, trend.value))
    return TrendsResult(
        dimension=dimension,
        window=Period(first_day=window_first, last_day=last_day, articles=window_total),
        baseline=Period(
            first_day=baseline_first, last_day=window_first - timedelta(days=1), articles=baseline_total
        ),
        trends=trends[:size],
    )


def _log_odds_z(window_count: int, window_total: int, baseline_count: int, baseline_total: int) -> float:
    cells = [
        window_count + _SMOOTHING,
        baseline_count + _SMOOTHING,
        window_total - window_count + _SMOOTHING,
        baseline_total - baseline_count + _SMOOTHING,
    ]
    with_value_window, with_value_baseline, without_window, without_baseline = cells
    log_odds_ratio = math.log(with_value_window * without_baseline / (with_value_baseline * without_window))
    return log_odds_ratio / math.sqrt(sum(1 / cell for cell in cells))
