"""What the search API answers: the reply bodies, JSON and error replies, their OpenAPI response
documentation, and every failure as an `ApiError` reply (400 naming the parameter, 404, 405, 503, 500).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from http import HTTPStatus
from typing import TYPE_CHECKING, Literal

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from pydantic import BaseModel

from newsfacet.api_parameters import REPEATABLE, InvalidParameter
from newsfacet.model import Dimension, FacetValue, Model
from newsfacet.store.base import InvalidCursor, StoreUnavailable

if TYPE_CHECKING:
    from aws_lambda_powertools import Logger as PowertoolsLogger
    from aws_lambda_powertools.event_handler.openapi.types import OpenAPIResponse

__all__ = [
    "BAD_PARAMETER_DOC",
    "JSON_TYPE",
    "RETRY_AFTER_SECONDS",
    "UNAVAILABLE_DOC",
    "ApiError",
    "FacetValuesResult",
    "Health",
    "add_error_replies",
    "error_doc",
    "error_reply",
    "json_reply",
    "not_found",
]

RETRY_AFTER_SECONDS = 5
"""What a 503 asks clients to wait: long enough for a throttled or restarting node to recover."""

JSON_TYPE = "application/json"


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


def json_reply(status: HTTPStatus, body: BaseModel, headers: dict[str, str] | None = None) -> Response[str]:
    return Response(
        status_code=status.value,
        content_type=JSON_TYPE,
        body=body.model_dump_json(exclude_none=isinstance(body, ApiError)),
        headers=headers,
    )


def error_reply(status: HTTPStatus, error: ApiError, headers: dict[str, str] | None = None) -> Response[str]:
    if status is HTTPStatus.SERVICE_UNAVAILABLE:
        headers = {**(headers or {}), "Retry-After": str(RETRY_AFTER_SECONDS)}
    return json_reply(status, error, headers)


def error_doc(description: str) -> OpenAPIResponse:
    """An OpenAPI response whose body is an `ApiError`."""
    return {"description": description, "content": {JSON_TYPE: {"model": ApiError}}}


UNAVAILABLE_DOC: OpenAPIResponse = {
    **error_doc(f"The store cannot be reached; retry after `Retry-After` ({RETRY_AFTER_SECONDS}) seconds"),
    "headers": {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}},
}
BAD_PARAMETER_DOC = error_doc("A parameter is invalid; `parameter` names it")


def not_found(what: str, id: str) -> Response[str]:
    """404: no `what` has the `id` of the path."""
    detail = f"no {what} {id!r}"
    return error_reply(HTTPStatus.NOT_FOUND, ApiError(error="not_found", parameter="id", detail=detail))


def _bad_parameter(parameter: str, detail: str) -> Response[str]:
    return error_reply(
        HTTPStatus.BAD_REQUEST, ApiError(error="invalid_parameter", parameter=parameter, detail=detail)
    )


def _invalid_request(error: RequestValidationError) -> Response[str]:
    first = error.errors()[0] if error.errors() else {}
    # loc is ("query" | "path", parameter, [list index or field]): name the parameter as sent.
    location = [str(part) for part in first.get("loc", ())]
    parameter = location[1] if len(location) > 1 else "request"
    detail = str(first.get("msg", "invalid value"))
    if isinstance(first.get("input"), list) and parameter not in REPEATABLE:
        detail = "given more than once; this parameter takes a single value"
    return _bad_parameter(parameter, detail)


def _invalid_parameter(error: InvalidParameter) -> Response[str]:
    return _bad_parameter(error.parameter, error.detail)


def _invalid_cursor(error: InvalidCursor) -> Response[str]:
    return _bad_parameter("cursor", f"not a cursor of this query ({error}); start again without one")


def add_error_replies(
    app: APIGatewayRestResolver,
    log: logging.Logger | PowertoolsLogger,
    *,
    cors: bool,
    get_routes: Sequence[re.Pattern[str]],
) -> None:
    """Every failure as an `ApiError` reply: 400 naming the parameter, 404, 405 (a path of
    `get_routes` asked with another method), 503, 500. `log` receives outages and unexpected errors."""

    def store_unavailable(error: StoreUnavailable) -> Response[str]:
        log.warning("store unavailable: %s", error)
        detail = "the search store cannot be reached right now; retry shortly"
        return error_reply(HTTPStatus.SERVICE_UNAVAILABLE, ApiError(error="store_unavailable", detail=detail))

    def unexpected(error: Exception) -> Response[str]:
        # A bug or a misconfiguration: the trace goes to the log, never to the client.
        log.error("unhandled error in the search API", exc_info=error)
        return error_reply(
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
        if any(route.fullmatch(path) for route in get_routes):
            # The resource exists, the method does not: 405 and what it does take (RFC 9110 15.5.6).
            allowed = "GET, OPTIONS" if cors else "GET"
            detail = f"{method} is not allowed on {path}; use {allowed}"
            return error_reply(
                HTTPStatus.METHOD_NOT_ALLOWED,
                ApiError(error="method_not_allowed", detail=detail),
                {"Allow": allowed},
            )
        detail = f"no route {method} {path}"
        return error_reply(HTTPStatus.NOT_FOUND, ApiError(error="not_found", detail=detail))
