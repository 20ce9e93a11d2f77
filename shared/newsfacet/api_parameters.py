"""The search API's query-string parameters, declared once, and the `SearchQuery` they describe.

`/search`, `/facets/{dimension}` and `/trends/{dimension}` take the same filters (`FILTER_PARAMETERS`,
added to a route by `with_filters`), so Powertools validates and documents them identically;
`build_query` turns them into a `SearchQuery`, raising `InvalidParameter` (a 400 naming the
parameter) for what types alone cannot catch. (Powertools neither passes query parameters to a
`Depends()` callable nor documents a model's fields faithfully.)
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from pydantic import ValidationError

from newsfacet.model import ARTICLE_ID_PATTERN, Dimension, FacetFilter, SearchQuery

__all__ = [
    "DATE_PATTERN",
    "FILTER_PARAMETERS",
    "MAX_FILTER_VALUES",
    "MAX_QUERY_CHARS",
    "REPEATABLE",
    "ArticleId",
    "InvalidParameter",
    "Match",
    "build_query",
    "with_filters",
]

MAX_QUERY_CHARS = 1000
"""A search box is not a document: longer `q` is refused rather than turned into a huge query."""

MAX_FILTER_VALUES = 50
"""Selected values per dimension; more is not a human's selection and would bloat engine queries."""

REPEATABLE = frozenset(dimension.value for dimension in Dimension)
"""The parameters that may be given several times: the facet dimensions' selected values."""

# A day of the proleptic Gregorian calendar, years 0001-9999 (what `datetime.date` holds); with
# `format: date` the OpenAPI document says the rest (no 30 February), and the API checks it.
DATE_PATTERN = r"^(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$"
_DATE_SCHEMA = {"format": "date"}

# Field names of `SearchQuery` -> the query-string parameter a user typed, to name it in a 400.
_PARAMETER_OF_FIELD = {"date_from": "from", "date_to": "to", "filters": "filter"}


class InvalidParameter(ValueError):  # noqa: N818 - like InvalidCursor, reads as what was sent
    """A query or path parameter that validation by type alone could not reject (dates, ranges)."""

    def __init__(self, parameter: str, detail: str) -> None:
        super().__init__(f"{parameter}: {detail}")
        self.parameter = parameter
        self.detail = detail


Match = Literal["any", "all"]

ArticleId = Annotated[
    str, Path(pattern=ARTICLE_ID_PATTERN, description="The article id: 32 lower-case hex digits")
]

QueryText = Annotated[
    str,
    Query(
        max_length=MAX_QUERY_CHARS,
        description='Words, "quoted phrases", -excluded, OR between clauses. Empty: every article.',
    ),
]
DateFrom = Annotated[
    str | None,
    Query(
        alias="from",
        pattern=DATE_PATTERN,
        json_schema_extra=_DATE_SCHEMA,
        description="First day (UTC, inclusive), YYYY-MM-DD",
    ),
]
DateTo = Annotated[
    str | None,
    Query(
        alias="to",
        pattern=DATE_PATTERN,
        json_schema_extra=_DATE_SCHEMA,
        description="Last day (UTC, inclusive), YYYY-MM-DD",
    ),
]

# Per dimension: what one selected value is, and what `<dimension>_match` chooses between.
_FILTER_DESCRIPTIONS = {
    Dimension.ACTOR: (
        "Actor name; repeat for several",
        "any: one of the actors (OR); all: each of them (AND)",
    ),
    Dimension.LOCATION: ("Location name; repeat for several", "any (OR) or all (AND) of the locations"),
    Dimension.TOPIC: ("IPTC topic label; repeat for several", "any (OR) or all (AND) of the topics"),
    Dimension.SOURCE: ("Site name; repeat for several", "any (OR) or all (AND) of the sources"),
    Dimension.LANGUAGE: (
        "ISO 639-1 code, exact; repeat for several",
        "any (OR) or all (AND) of the languages",
    ),
}


def _keyword(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


FILTER_PARAMETERS: list[inspect.Parameter] = [
    _keyword("q", QueryText, ""),
    *(
        _keyword(
            dimension.value,
            Annotated[list[str] | None, Query(max_length=MAX_FILTER_VALUES, description=values)],
            None,
        )
        for dimension, (values, _) in _FILTER_DESCRIPTIONS.items()
    ),
    *(
        _keyword(f"{dimension.value}_match", Annotated[Match, Query(description=match)], "any")
        for dimension, (_, match) in _FILTER_DESCRIPTIONS.items()
    ),
    _keyword("date_from", DateFrom, None),
    _keyword("date_to", DateTo, None),
]
"""The query-string parameters `/search`, `/facets/{dimension}` and `/trends/{dimension}` share."""

Route = Callable[..., Response[str]]


def with_filters(route: Route) -> Route:
    """`route` taking the filter parameters (`FILTER_PARAMETERS`, where its `filters` parameter
    stands) and called with them gathered into `filters`: the keyword arguments of `build_query`."""
    parameters = [
        shared
        for parameter in inspect.signature(route, eval_str=True).parameters.values()
        for shared in (FILTER_PARAMETERS if parameter.name == "filters" else [parameter])
    ]

    @functools.wraps(route)
    def handler(**arguments: Any) -> Response[str]:
        filters = {
            "q": arguments.pop("q"),
            "selections": {
                dimension: (arguments.pop(dimension.value), arguments.pop(f"{dimension.value}_match"))
                for dimension in _FILTER_DESCRIPTIONS
            },
            "date_from": arguments.pop("date_from"),
            "date_to": arguments.pop("date_to"),
        }
        return route(filters=filters, **arguments)

    handler.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        parameters, return_annotation=Response[str]
    )
    return handler


def _day(parameter: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidParameter(parameter, f"{value!r} is not a calendar date (YYYY-MM-DD)") from None


def build_query(
    *,
    q: str,
    selections: dict[Dimension, tuple[list[str] | None, Match]],
    date_from: str | None,
    date_to: str | None,
    **paging: Any,
) -> SearchQuery:
    """The `SearchQuery` that validated query-string parameters describe.

    Raises `InvalidParameter` for what types alone cannot catch: an impossible date, `from` after
    `to`, or anything `SearchQuery` itself refuses (named by its query-string parameter).
    """
    first_day, last_day = _day("from", date_from), _day("to", date_to)
    if first_day and last_day and first_day > last_day:
        raise InvalidParameter("from", f"from ({first_day}) is after to ({last_day})")
    filters = {
        dimension: FacetFilter(values=values, match=match)
        for dimension, (values, match) in selections.items()
        if values
    }
    try:
        return SearchQuery(
            q=q,
            filters=filters,
            date_from=first_day,
            date_to=last_day,
            **paging,
        )
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "q"
        raise InvalidParameter(_PARAMETER_OF_FIELD.get(field, field), first["msg"]) from None
