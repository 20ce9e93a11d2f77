"""The HTTP API: routes on top of the store, shared by the search Lambda and the local server.

`create_app` builds a Powertools `APIGatewayRestResolver` whose routes turn query strings into a
`SearchQuery`, call the store and shape the reply. The same route definitions generate the OpenAPI
document (`/openapi.json`) and the Swagger UI (`/docs`).

Error replies are JSON, never a stack trace:

- a bad parameter -> 400 `{"error": "invalid_parameter", "parameter": NAME, "detail": ...}`
  (Powertools' request validation, a malformed date, `from` after `to`, a foreign cursor);
- an unknown article -> 404 `{"error": "not_found", ...}`;
- the store cannot be reached -> 503 `{"error": "store_unavailable", ...}` with `Retry-After`.

This module must stay light: the search function imports it, and it must not pull the NLP stack.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import re
import threading
from collections.abc import Callable
from datetime import date
from http import HTTPStatus
from importlib import resources
from typing import TYPE_CHECKING, Annotated, Any, Literal

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, CORSConfig, Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from pydantic import BaseModel, ValidationError

from newsfacet import __version__
from newsfacet.config import Settings
from newsfacet.model import (
    ARTICLE_ID_PATTERN,
    MAX_FACET_SIZE,
    MAX_PAGE_SIZE,
    Article,
    Collapse,
    Dimension,
    FacetFilter,
    FacetValue,
    HistogramInterval,
    Model,
    SearchQuery,
    SearchResult,
    SortOrder,
)
from newsfacet.store.base import ArticleStore, InvalidCursor, StoreUnavailable

if TYPE_CHECKING:
    from aws_lambda_powertools import Logger as PowertoolsLogger
    from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse

__all__ = [
    "ApiError",
    "FacetValuesResult",
    "Health",
    "InvalidParameter",
    "StoreProvider",
    "build_query",
    "cors_config",
    "create_app",
    "lazy_store",
    "openapi_document",
]

logger = logging.getLogger(__name__)

StoreProvider = Callable[[], ArticleStore]
"""Returns the process's store, opening it on first use (see `lazy_store`)."""

RETRY_AFTER_SECONDS = 5
"""What a 503 asks clients to wait: long enough for a throttled or restarting node to recover."""

MAX_QUERY_CHARS = 1000
"""A search box is not a document: longer `q` is refused rather than turned into a huge query."""

MAX_FILTER_VALUES = 50
"""Selected values per dimension; more is not a human's selection and would bloat engine queries."""

REPEATABLE = frozenset(dimension.value for dimension in Dimension)
"""The parameters that may be given several times: the facet dimensions' selected values."""

# A day of the proleptic Gregorian calendar, years 0001-9999 (what `datetime.date` holds); with
# `format: date` the OpenAPI document says the rest (no 30 February), and the API checks it.
_DATE_PATTERN = r"^(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$"
_DATE_SCHEMA = {"format": "date"}
_JSON = "application/json"

# The routes (all GET), declared once: the resolver's routes and the 405 test both read them.
SEARCH_PATH = "/search"
ARTICLE_PATH = "/articles/<id>"
RELATED_PATH = "/articles/<id>/related"
STORY_PATH = "/stories/<id>"
FACETS_PATH = "/facets/<dimension>"
HEALTH_PATH = "/health"
OPENAPI_PATH = "/openapi.json"
DOCS_PATH = "/docs"
TRENDS_PATH = "/trends/<dimension>"
_GET_ROUTES = [
    re.compile("[^/]+".join(re.escape(part) for part in re.split(r"<\w+>", path)))
    for path in (
        SEARCH_PATH,
        ARTICLE_PATH,
        RELATED_PATH,
        STORY_PATH,
        FACETS_PATH,
        HEALTH_PATH,
        OPENAPI_PATH,
        DOCS_PATH,
        TRENDS_PATH,
    )
]

# Field names of `SearchQuery` -> the query-string parameter a user typed, to name it in a 400.
_PARAMETER_OF_FIELD = {"date_from": "from", "date_to": "to", "filters": "filter"}


# --- Reply bodies ----------------------------------------------------------------------------------


class ApiError(Model):
    """Every error reply. `parameter` names the offending query or path parameter, if one is to blame."""

    error: Literal[
        "invalid_parameter",
        "unauthorized",
        "not_found",
        "method_not_allowed",
        "store_unavailable",
        "internal_error",
    ]
    parameter: str | None = None
    detail: str


class FacetValuesResult(Model):
    """The body of `GET /facets/{dimension}`: matching values of one dimension, with counts."""

    dimension: Dimension
    values: list[FacetValue]


class Health(Model):
    """The body of a healthy `GET /health`."""

    status: Literal["ok"]


class InvalidParameter(ValueError):  # noqa: N818 - like InvalidCursor, reads as what was sent
    """A query or path parameter that validation by type alone could not reject (dates, ranges)."""

    def __init__(self, parameter: str, detail: str) -> None:
        super().__init__(f"{parameter}: {detail}")
        self.parameter = parameter
        self.detail = detail


def _json_reply(status: HTTPStatus, body: BaseModel, headers: dict[str, str] | None = None) -> Response[str]:
    return Response(
        status_code=status.value,
        content_type=_JSON,
        body=body.model_dump_json(exclude_none=isinstance(body, ApiError)),
        headers=headers,
    )


def _error_reply(status: HTTPStatus, error: ApiError, headers: dict[str, str] | None = None) -> Response[str]:
    if status is HTTPStatus.SERVICE_UNAVAILABLE:
        headers = {**(headers or {}), "Retry-After": str(RETRY_AFTER_SECONDS)}
    return _json_reply(status, error, headers)


def _error_doc(description: str) -> OpenAPIResponse:
    """An OpenAPI response whose body is an `ApiError`."""
    return {"description": description, "content": {_JSON: {"model": ApiError}}}


_UNAVAILABLE_DOC: OpenAPIResponse = {
    **_error_doc(f"The store cannot be reached; retry after `Retry-After` ({RETRY_AFTER_SECONDS}) seconds"),
    "headers": {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}},
}
_BAD_PARAMETER_DOC = _error_doc("A parameter is invalid; `parameter` names it")


# --- Query-string parameters -> SearchQuery ------------------------------------------------------
#
# `/search` and `/facets/{dimension}` take the same filters. Each is declared once, here, and both
# routes list them, so Powertools validates and documents them identically. (Powertools neither
# passes query parameters to a `Depends()` callable nor documents a model's fields faithfully.)

Match = Literal["any", "all"]

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
        pattern=_DATE_PATTERN,
        json_schema_extra=_DATE_SCHEMA,
        description="First day (UTC, inclusive), YYYY-MM-DD",
    ),
]
DateTo = Annotated[
    str | None,
    Query(
        alias="to",
        pattern=_DATE_PATTERN,
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
"""The query-string parameters `/search` and `/facets/{dimension}` share, declared once."""

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


# --- The application -----------------------------------------------------------------------------


def lazy_store(open_store: StoreProvider) -> StoreProvider:
    """Open the store on first use, once per process, even when requests race on a threaded server.

    A failed open (e.g. OpenSearch down) is not remembered, so the next request tries again.
    """
    opened: list[ArticleStore] = []
    lock = threading.Lock()

    def provide() -> ArticleStore:
        if not opened:
            with lock:
                if not opened:
                    opened.append(open_store())
        return opened[0]

    return provide


def cors_config(settings: Settings) -> CORSConfig | None:
    """CORS as `Settings.cors_origins` asks: `*`, a comma-separated list of origins, or empty (off)."""
    origins = [origin.strip() for origin in settings.cors_origins.split(",") if origin.strip()]
    if not origins:
        return None
    return CORSConfig(allow_origin=origins[0], extra_origins=origins[1:], max_age=600)


_OPENAPI_INFO: dict[str, Any] = {
    "title": "newsfacet search API",
    "version": __version__,
    "description": (
        "Faceted full-text search over cleaned, enriched news articles. Facet counts are disjunctive: "
        "a dimension's counts honour every filter except its own selection. Page with `next_cursor`."
    ),
}


def _invalid_request(error: RequestValidationError) -> Response[str]:
    first = error.errors()[0] if error.errors() else {}
    # loc is ("query" | "path", parameter, [list index or field]): name the parameter as sent.
    location = [str(part) for part in first.get("loc", ())]
    parameter = location[1] if len(location) > 1 else "request"
    detail = str(first.get("msg", "invalid value"))
    if isinstance(first.get("input"), list) and parameter not in REPEATABLE:
        detail = "given more than once; this parameter takes a single value"
    return _error_reply(
        HTTPStatus.BAD_REQUEST, ApiError(error="invalid_parameter", parameter=parameter, detail=detail)
    )


def _invalid_parameter(error: InvalidParameter) -> Response[str]:
    return _error_reply(
        HTTPStatus.BAD_REQUEST,
        ApiError(error="invalid_parameter", parameter=error.parameter, detail=error.detail),
    )


def _invalid_cursor(error: InvalidCursor) -> Response[str]:
    detail = f"not a cursor of this query ({error}); start again without one"
    return _error_reply(
        HTTPStatus.BAD_REQUEST, ApiError(error="invalid_parameter", parameter="cursor", detail=detail)
    )


def create_app(
    settings: Settings, store: StoreProvider, log: logging.Logger | PowertoolsLogger | None = None
) -> APIGatewayRestResolver:
    """The search API's routes, validation, error replies and OpenAPI document, on one resolver.

    `log` receives outages and unexpected errors (the Lambda passes its Powertools Logger, so they
    carry the request's correlation id); by default this module's logger.
    """
    cors = cors_config(settings)
    app = APIGatewayRestResolver(enable_validation=True, cors=cors)
    _add_error_replies(app, log or logger, cors=cors is not None)
    _add_search_routes(app, store)
    _add_lookup_routes(app, store)
    # Stories and related articles, trends, alerts: their own modules, built on this module's
    # parameters and replies (imported here: they import this module).
    from newsfacet.api_alerts import add_alert_routes  # noqa: PLC0415
    from newsfacet.api_stories import add_story_routes  # noqa: PLC0415
    from newsfacet.api_trends import add_trend_routes  # noqa: PLC0415

    add_story_routes(app, store)
    add_trend_routes(app, store)
    if settings.alerts:
        add_alert_routes(app, settings, store)
    _add_document_routes(app)
    return app


def _add_error_replies(
    app: APIGatewayRestResolver, log: logging.Logger | PowertoolsLogger, *, cors: bool
) -> None:
    """Every failure as an `ApiError` reply: 400 naming the parameter, 404, 405, 503, 500."""

    def store_unavailable(error: StoreUnavailable) -> Response[str]:
        log.warning("store unavailable: %s", error)
        detail = "the search store cannot be reached right now; retry shortly"
        return _error_reply(
            HTTPStatus.SERVICE_UNAVAILABLE, ApiError(error="store_unavailable", detail=detail)
        )

    def unexpected(error: Exception) -> Response[str]:
        # A bug or a misconfiguration: the trace goes to the log, never to the client.
        log.error("unhandled error in the search API", exc_info=error)
        return _error_reply(
            HTTPStatus.INTERNAL_SERVER_ERROR,
            ApiError(error="internal_error", detail="unexpected error; it has been logged"),
        )

    app.exception_handler(RequestValidationError)(_invalid_request)
    app.exception_handler(InvalidParameter)(_invalid_parameter)
    app.exception_handler(InvalidCursor)(_invalid_cursor)
    app.exception_handler(StoreUnavailable)(store_unavailable)
    app.exception_handler(Exception)(unexpected)

    @app.not_found
    def _no_route(_: Exception) -> Response[str]:
        method, path = app.current_event.http_method, app.current_event.path
        if any(route.fullmatch(path) for route in _GET_ROUTES):
            # The resource exists, the method does not: 405 and what it does take (RFC 9110 15.5.6).
            allowed = "GET, OPTIONS" if cors else "GET"
            detail = f"{method} is not allowed on {path}; use {allowed}"
            return _error_reply(
                HTTPStatus.METHOD_NOT_ALLOWED,
                ApiError(error="method_not_allowed", detail=detail),
                {"Allow": allowed},
            )
        detail = f"no route {method} {path}"
        return _error_reply(HTTPStatus.NOT_FOUND, ApiError(error="not_found", detail=detail))


def _add_search_routes(app: APIGatewayRestResolver, store: StoreProvider) -> None:
    """`/search` and `/facets/{dimension}`: the routes that take the filters, on `store`."""

    @app.get(
        SEARCH_PATH,
        summary="Search articles, with facet counts",
        responses={
            200: {"description": "A page of hits", "content": {_JSON: {"model": SearchResult}}},
            400: _BAD_PARAMETER_DOC,
            503: _UNAVAILABLE_DOC,
        },
    )
    @with_filters
    def search(
        *,
        filters: dict[str, Any],
        sort: Annotated[
            SortOrder | None, Query(description="relevance (default with words in q) or date (newest first)")
        ] = None,
        size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Hits per page")] = 20,
        cursor: Annotated[
            str | None, Query(max_length=4096, description="`next_cursor` of the previous page")
        ] = None,
        facet_size: Annotated[int, Query(ge=1, le=MAX_FACET_SIZE, description="Values per facet")] = 10,
        histogram: Annotated[
            HistogramInterval | None, Query(description="Also count matches per day, week or month")
        ] = None,
        collapse: Annotated[
            Collapse | None,
            Query(
                description="story: one hit per story (its first version in this order), with `story.size` "
                "and its other versions; `stories` then counts the hits of every page. `total` and the "
                "facets still count articles"
            ),
        ] = None,
    ) -> Response[str]:
        """Full-text search with filters; the body is the store's `SearchResult`, exactly."""
        query = build_query(
            **filters,
            sort=sort,
            size=size,
            cursor=cursor or None,
            facet_size=facet_size,
            histogram=histogram,
            collapse=collapse,
        )
        result = store().search(query)
        # `histogram` and `stories` are in the body only when asked for; every other key always is.
        absent = {key for key in ("histogram", "stories") if getattr(result, key) is None}
        body = result.model_dump_json(exclude=absent or None)
        return Response(status_code=HTTPStatus.OK.value, content_type=_JSON, body=body)

    @app.get(
        FACETS_PATH,
        summary="Values of one facet dimension having a word that starts with a prefix",
        responses={
            200: {"description": "Values with counts", "content": {_JSON: {"model": FacetValuesResult}}},
            400: _BAD_PARAMETER_DOC,
            503: _UNAVAILABLE_DOC,
        },
    )
    @with_filters
    def facet_values(
        *,
        dimension: Annotated[Dimension, Path(description="actor, location, topic, source or language")],
        prefix: Annotated[
            str, Query(max_length=100, description="Start of any word of the value; case and accents ignored")
        ] = "",
        size: Annotated[int, Query(ge=1, le=MAX_FACET_SIZE, description="Values to return")] = 10,
        filters: dict[str, Any],
    ) -> Response[str]:
        """Disjunctive counts (every filter but this dimension's own) of the matching values."""
        query = build_query(**filters)
        values = store().facet_values(dimension, prefix.strip(), query, size)
        return _json_reply(HTTPStatus.OK, FacetValuesResult(dimension=dimension, values=values))


def _add_lookup_routes(app: APIGatewayRestResolver, store: StoreProvider) -> None:
    """`/articles/{id}` and `/health`, on `store`."""

    @app.get(
        ARTICLE_PATH,
        summary="One article, as indexed",
        responses={
            200: {"description": "The article", "content": {_JSON: {"model": Article}}},
            400: _error_doc("`id` is not an article id (32 lower-case hex digits)"),
            404: _error_doc("No live article has this id"),
            503: _UNAVAILABLE_DOC,
        },
    )
    def article(
        *,
        id: Annotated[
            str, Path(pattern=ARTICLE_ID_PATTERN, description="The article id: 32 lower-case hex digits")
        ],
    ) -> Response[str]:
        """The full article (text, actors, locations, topics, origin) or 404."""
        found = store().get(id)
        if found is None:
            detail = f"no article {id!r}"
            return _error_reply(
                HTTPStatus.NOT_FOUND, ApiError(error="not_found", parameter="id", detail=detail)
            )
        return _json_reply(HTTPStatus.OK, found)

    @app.get(
        HEALTH_PATH,
        summary="Whether the store answers",
        responses={
            200: {"description": "Healthy", "content": {_JSON: {"model": Health}}},
            503: _UNAVAILABLE_DOC,
        },
    )
    def health() -> Response[str]:
        """200 when the store answers a lookup, 503 (with `Retry-After`) when it does not."""
        store().get("newsfacet-health-probe")
        return _json_reply(HTTPStatus.OK, Health(status="ok"))


def _add_document_routes(app: APIGatewayRestResolver) -> None:
    """The OpenAPI document and Swagger UI on it."""

    @app.get(OPENAPI_PATH, include_in_schema=False)
    def openapi_json() -> Response[str]:
        return Response(
            status_code=HTTPStatus.OK.value, content_type=_JSON, body=openapi_document(app, _base_path(app))
        )

    @app.get(DOCS_PATH, include_in_schema=False)
    def swagger_ui() -> Response[str]:
        # Imported here: Swagger's models cost cold-start time that only this page needs.
        from aws_lambda_powertools.event_handler.openapi.swagger_ui import (  # noqa: PLC0415
            generate_swagger_html,
        )

        spec = openapi_document(app, _base_path(app)).replace(
            "</", "<\\/"
        )  # keep the JSON from closing <script>
        html = generate_swagger_html(spec, *_swagger_assets(), "", None)
        return Response(status_code=HTTPStatus.OK.value, content_type="text/html; charset=utf-8", body=html)


def openapi_document(app: APIGatewayRestResolver, base_path: str = "") -> str:
    """The OpenAPI 3 document generated from `app`'s routes, as JSON, served from `base_path`.

    Powertools documents a 422 for request validation on every route; this API answers 400 with an
    `ApiError` instead (declared on each route), so the 422 and its schemas are dropped here.
    """
    document: dict[str, Any] = json.loads(app.get_openapi_json_schema(**_OPENAPI_INFO))
    document["servers"] = [{"url": base_path or "/"}]
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            operation.get("responses", {}).pop("422", None)
    schemas = document.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    return json.dumps(document, separators=(",", ":"))


def _base_path(app: APIGatewayRestResolver) -> str:
    """`/{stage}` when the API is called on its execute-api URL, where paths start with the stage;
    empty behind a custom domain or on the local server. "Try it out" in Swagger UI needs it."""
    context = app.current_event.request_context
    stage = context.stage
    if stage and stage != "$default" and (context.path or "").startswith(f"/{stage}/"):
        return f"/{stage}"
    return ""


@functools.cache
def _swagger_assets() -> tuple[str, str]:
    """Swagger UI's script and stylesheet, shipped inside Powertools (nothing fetched at run time)."""
    package = resources.files("aws_lambda_powertools.event_handler.openapi.swagger_ui")
    return (
        package.joinpath("swagger-ui-bundle.min.js").read_text(encoding="utf-8"),
        package.joinpath("swagger-ui.min.css").read_text(encoding="utf-8"),
    )
