"""The search API's OpenAPI document (`/openapi.json`), generated from the routes, and the Swagger UI
on it (`/docs`)."""

from __future__ import annotations

import functools
import json
from http import HTTPStatus
from importlib import resources
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response

from newsfacet import __version__
from newsfacet.api_replies import JSON_TYPE

__all__ = ["DOCS_PATH", "OPENAPI_PATH", "add_document_routes", "openapi_document"]

OPENAPI_PATH = "/openapi.json"
DOCS_PATH = "/docs"

_OPENAPI_INFO: dict[str, Any] = {
    "title": "newsfacet search API",
    "version": __version__,
    "description": (
        "Faceted full-text search over cleaned, enriched news articles. Facet counts are disjunctive: "
        "a dimension's counts honour every filter except its own selection. Page with `next_cursor`."
    ),
}


def add_document_routes(app: APIGatewayRestResolver) -> None:
    """The OpenAPI document and Swagger UI on it."""

    @app.get(OPENAPI_PATH, include_in_schema=False)
    def openapi_json() -> Response[str]:
        return Response(
            status_code=HTTPStatus.OK.value,
            content_type=JSON_TYPE,
            body=openapi_document(app, _base_path(app)),
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
