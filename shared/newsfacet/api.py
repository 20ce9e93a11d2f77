"""The HTTP API: routes on top of the store, shared by the search Lambda and the local server.

`create_app` builds a Powertools `APIGatewayRestResolver` whose routes turn query strings into a
`SearchQuery` (`api_parameters`), call the store and shape the reply (`api_replies`). The same route
definitions generate the OpenAPI document (`/openapi.json`) and the Swagger UI (`/docs`):
`api_openapi`. Stories, trends and alerts add their routes from `api_stories`, `api_trends` and
`api_alerts`.

Error replies are JSON, never a stack trace:

- a bad parameter -> 400 `{"error": "invalid_parameter", "parameter": NAME, "detail": ...}`
  (Powertools' request validation, a malformed date, `from` after `to`, a foreign cursor);
- an unknown article -> 404 `{"error": "not_found", ...}`;
- the store cannot be reached -> 503 `{"error": "store_unavailable", ...}` with `Retry-After`.

This module must stay light: the search function imports it, and it must not pull the NLP stack.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from http import HTTPStatus
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, CORSConfig, Response
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from newsfacet.api_openapi import DOCS_PATH, OPENAPI_PATH, add_document_routes
from newsfacet.api_parameters import ArticleId, build_query, with_filters
from newsfacet.api_replies import (
    BAD_PARAMETER_DOC,
    JSON_TYPE,
    UNAVAILABLE_DOC,
    FacetValuesResult,
    Health,
    add_error_replies,
    error_doc,
    json_reply,
    not_found,
)
from newsfacet.config import Settings
from newsfacet.model import (
    MAX_FACET_SIZE,
    MAX_PAGE_SIZE,
    Article,
    Collapse,
    Dimension,
    HistogramInterval,
    SearchResult,
    SortOrder,
)
from newsfacet.store.base import ArticleStore

if TYPE_CHECKING:
    from aws_lambda_powertools import Logger as PowertoolsLogger

__all__ = ["StoreProvider", "cors_config", "create_app", "lazy_store"]

logger = logging.getLogger(__name__)

StoreProvider = Callable[[], ArticleStore]
"""Returns the process's store, opening it on first use (see `lazy_store`)."""

Opened = TypeVar("Opened")

# The routes (all GET), declared once: the resolver's routes and the 405 test both read them.
SEARCH_PATH = "/search"
ARTICLE_PATH = "/articles/<id>"
RELATED_PATH = "/articles/<id>/related"
STORY_PATH = "/stories/<id>"
FACETS_PATH = "/facets/<dimension>"
HEALTH_PATH = "/health"
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


# --- The application -----------------------------------------------------------------------------


def lazy_store(open_store: Callable[[], Opened]) -> Callable[[], Opened]:
    """Open the store (an article or alert store) on first use, once per process, even when requests
    race on a threaded server.

    A failed open (e.g. OpenSearch down) is not remembered, so the next request tries again.
    """
    opened: list[Opened] = []
    lock = threading.Lock()

    def provide() -> Opened:
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


def create_app(
    settings: Settings, store: StoreProvider, log: logging.Logger | PowertoolsLogger | None = None
) -> APIGatewayRestResolver:
    """The search API's routes, validation, error replies and OpenAPI document, on one resolver.

    `log` receives outages and unexpected errors (the Lambda passes its Powertools Logger, so they
    carry the request's correlation id); by default this module's logger.
    """
    cors = cors_config(settings)
    app = APIGatewayRestResolver(enable_validation=True, cors=cors)
    add_error_replies(app, log or logger, cors=cors is not None, get_routes=_GET_ROUTES)
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
    add_document_routes(app)
    return app


def _add_search_routes(app: APIGatewayRestResolver, store: StoreProvider) -> None:
    """`/search` and `/facets/{dimension}`: the routes that take the filters, on `store`."""

    @app.get(
        SEARCH_PATH,
        summary="Search articles, with facet counts",
        responses={
            200: {"description": "A page of hits", "content": {JSON_TYPE: {"model": SearchResult}}},
            400: BAD_PARAMETER_DOC,
            503: UNAVAILABLE_DOC,
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
        return Response(status_code=HTTPStatus.OK.value, content_type=JSON_TYPE, body=body)

    @app.get(
        FACETS_PATH,
        summary="Values of one facet dimension having a word that starts with a prefix",
        responses={
            200: {"description": "Values with counts", "content": {JSON_TYPE: {"model": FacetValuesResult}}},
            400: BAD_PARAMETER_DOC,
            503: UNAVAILABLE_DOC,
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
        return json_reply(HTTPStatus.OK, FacetValuesResult(dimension=dimension, values=values))


def _add_lookup_routes(app: APIGatewayRestResolver, store: StoreProvider) -> None:
    """`/articles/{id}` and `/health`, on `store`."""

    @app.get(
        ARTICLE_PATH,
        summary="One article, as indexed",
        responses={
            200: {"description": "The article", "content": {JSON_TYPE: {"model": Article}}},
            400: error_doc("`id` is not an article id (32 lower-case hex digits)"),
            404: error_doc("No live article has this id"),
            503: UNAVAILABLE_DOC,
        },
    )
    def article(*, id: ArticleId) -> Response[str]:
        """The full article (text, actors, locations, topics, origin) or 404."""
        found = store().get(id)
        return not_found("article", id) if found is None else json_reply(HTTPStatus.OK, found)

    @app.get(
        HEALTH_PATH,
        summary="Whether the store answers",
        responses={
            200: {"description": "Healthy", "content": {JSON_TYPE: {"model": Health}}},
            503: UNAVAILABLE_DOC,
        },
    )
    def health() -> Response[str]:
        """200 when the store answers a lookup, 503 (with `Retry-After`) when it does not."""
        store().get("newsfacet-health-probe")
        return json_reply(HTTPStatus.OK, Health(status="ok"))
