"""`GET /trends/{dimension}`: what is rising (see `newsfacet.trends`), on the search API's resolver."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from http import HTTPStatus
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from newsfacet.api import TRENDS_PATH, StoreProvider
from newsfacet.api_parameters import InvalidParameter, build_query, with_filters
from newsfacet.api_replies import BAD_PARAMETER_DOC, JSON_TYPE, UNAVAILABLE_DOC, json_reply
from newsfacet.model import Dimension
from newsfacet.store import trend_counter
from newsfacet.trends import MAX_PERIOD_DAYS, TrendsResult, parse_days, rising

MAX_TRENDS = 50

_PERIOD_HELP = f"days, as Nd (1d to {MAX_PERIOD_DAYS}d)"


def _days(parameter: str, value: str) -> int:
    try:
        return parse_days(value)
    except ValueError as error:
        raise InvalidParameter(parameter, str(error)) from None


def add_trend_routes(
    app: APIGatewayRestResolver,
    store: StoreProvider,
    today: Callable[[], date] = lambda: datetime.now(UTC).date(),
) -> None:
    """Add `GET /trends/{dimension}` to `app`; `today` is the default last day of the window."""

    @app.get(
        TRENDS_PATH,
        summary="The values whose share of articles rose most in a recent window",
        responses={
            200: {
                "description": "Rising values, with daily series",
                "content": {JSON_TYPE: {"model": TrendsResult}},
            },
            400: BAD_PARAMETER_DOC,
            503: UNAVAILABLE_DOC,
        },
    )
    @with_filters
    def trends(
        *,
        dimension: Annotated[Dimension, Path(description="actor, location, topic, source or language")],
        window: Annotated[str, Query(max_length=8, description=f"The recent period: {_PERIOD_HELP}")] = "7d",
        baseline: Annotated[
            str, Query(max_length=8, description=f"The period just before the window: {_PERIOD_HELP}")
        ] = "28d",
        size: Annotated[int, Query(ge=1, le=MAX_TRENDS, description="Values to return")] = 10,
        filters: dict[str, Any],
    ) -> Response[str]:
        """Ranked by the z of the log odds ratio (window against baseline, 0.5 added to each cell), so
        tiny counts do not top the list. `to` is the window's last day (default: today, UTC); the
        window and the baseline set the first day, so `from` is refused."""
        if filters["date_from"] is not None:
            raise InvalidParameter("from", "the window and the baseline set the days; give `to` only")
        query = build_query(**filters)
        last_day = query.date_to or today()
        window_days, baseline_days = _days("window", window), _days("baseline", baseline)
        if last_day.toordinal() < window_days + baseline_days:  # the baseline would start before year 1
            raise InvalidParameter(
                "to", f"{last_day} leaves no room for the window and the baseline before it"
            )
        result = rising(
            trend_counter(store()),
            dimension,
            query,
            last_day=last_day,
            window_days=window_days,
            baseline_days=baseline_days,
            size=size,
        )
        return json_reply(HTTPStatus.OK, result)
