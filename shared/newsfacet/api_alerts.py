"""`POST/GET /alerts`, `DELETE /alerts/{id}`: a caller's saved searches, on the search API's resolver.

Every alert route needs a caller identity, from API Gateway's request context: an IAM principal
(`ApiAuth=AWS_IAM`: the signed caller's ARN) or else an API key (`ApiKeys=true`: the key's id; the
local server passes a digest of the `x-api-key` header the same way). No identity: 401. A caller
lists and deletes only its own alerts; another's alert is answered as if it did not exist (404).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Body, Path
from pydantic import BaseModel, ConfigDict, Field

from newsfacet.alerts import ALERT_ID_PATTERN, MAX_TARGET_CHARS, Alert, new_alert, target_problem
from newsfacet.alerts.delivery import default_target
from newsfacet.api import StoreProvider, lazy_store
from newsfacet.api_parameters import (
    DATE_PATTERN,
    MAX_FILTER_VALUES,
    MAX_QUERY_CHARS,
    InvalidParameter,
    Match,
    build_query,
)
from newsfacet.api_replies import (
    BAD_PARAMETER_DOC,
    JSON_TYPE,
    UNAVAILABLE_DOC,
    ApiError,
    error_doc,
    error_reply,
    json_reply,
)
from newsfacet.config import Settings
from newsfacet.model import Dimension, Model
from newsfacet.store import alert_store

__all__ = ["ALERTS_PATH", "ALERT_PATH", "AlertList", "AlertRequest", "add_alert_routes", "caller_identity"]

ALERTS_PATH = "/alerts"
ALERT_PATH = "/alerts/<id>"


class AlertRequest(BaseModel):
    """The body of `POST /alerts`: the parameters of `/search` (as JSON; lists for repeated ones)
    and where to send matches."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    q: str = Field(default="", max_length=MAX_QUERY_CHARS)
    actor: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    location: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    topic: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    source: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    language: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    actor_match: Match = "any"
    location_match: Match = "any"
    topic_match: Match = "any"
    source_match: Match = "any"
    language_match: Match = "any"
    date_from: str | None = Field(
        default=None, alias="from", pattern=DATE_PATTERN, json_schema_extra={"format": "date"}
    )
    date_to: str | None = Field(
        default=None, alias="to", pattern=DATE_PATTERN, json_schema_extra={"format": "date"}
    )
    target: str | None = Field(
        default=None,
        max_length=MAX_TARGET_CHARS,
        description="log, sns (the deployment's topic) or a webhook URL; default: sns if there is a topic",
    )

    def selections(self) -> dict[Dimension, tuple[list[str] | None, Match]]:
        """Each dimension's selected values and how they combine, as `build_query` takes them."""
        return {
            dimension: (getattr(self, dimension.value), getattr(self, f"{dimension.value}_match"))
            for dimension in Dimension
        }


class AlertList(Model):
    """The body of `GET /alerts`: the caller's alerts, oldest first."""

    alerts: list[Alert]


def caller_identity(request_context: dict[str, Any]) -> str | None:
    """Who is calling, from API Gateway's request context: `iam:<ARN>` or `key:<API key id>`."""
    identity = request_context.get("identity") or {}
    if identity.get("userArn"):
        return f"iam:{identity['userArn']}"
    if identity.get("apiKeyId"):
        return f"key:{identity['apiKeyId']}"
    return None


class NoCallerIdentity(Exception):  # noqa: N818 - reads as the problem, like ObjectGone
    """An alert route was called with no caller identity: answered 401."""


_UNAUTHORIZED_DOC = error_doc("No caller identity: sign the request (IAM) or send x-api-key")


def add_alert_routes(app: APIGatewayRestResolver, settings: Settings, store: StoreProvider) -> None:
    """Add the alert routes to `app`; the saved searches live beside `store` (`alert_store`)."""
    alerts = lazy_store(lambda: alert_store(store()))
    webhooks, topic = settings.alert_webhooks, bool(settings.alerts_topic_arn)

    def owner() -> str:
        identity = caller_identity(app.current_event.raw_event.get("requestContext") or {})
        if identity is None:
            raise NoCallerIdentity
        return identity

    def unauthorized(_: NoCallerIdentity) -> Response[str]:
        detail = "alerts belong to a caller: sign the request (IAM) or send an x-api-key header"
        return error_reply(HTTPStatus.UNAUTHORIZED, ApiError(error="unauthorized", detail=detail))

    app.exception_handler(NoCallerIdentity)(unauthorized)

    @app.post(
        ALERTS_PATH,
        summary="Save a search; each article indexed from now on that it finds is sent to the target once",
        responses={
            201: {"description": "The alert", "content": {JSON_TYPE: {"model": Alert}}},
            400: BAD_PARAMETER_DOC,
            401: _UNAUTHORIZED_DOC,
            503: UNAVAILABLE_DOC,
        },
    )
    def create_alert(request: Annotated[AlertRequest, Body()]) -> Response[str]:
        caller = owner()
        query = build_query(
            q=request.q, selections=request.selections(), date_from=request.date_from, date_to=request.date_to
        )
        target = (request.target or default_target(settings)).strip()
        problem = target_problem(target, topic=topic, webhooks=webhooks)
        if problem is not None:
            raise InvalidParameter("target", problem)
        alert = new_alert(caller, query, target)
        alerts().save(alert)
        return json_reply(HTTPStatus.CREATED, alert)

    @app.get(
        ALERTS_PATH,
        summary="The caller's alerts",
        responses={
            200: {"description": "Oldest first", "content": {JSON_TYPE: {"model": AlertList}}},
            401: _UNAUTHORIZED_DOC,
            503: UNAVAILABLE_DOC,
        },
    )
    def list_alerts() -> Response[str]:
        caller = owner()
        return json_reply(HTTPStatus.OK, AlertList(alerts=alerts().alerts_of(caller)))

    @app.delete(
        ALERT_PATH,
        summary="Delete one of the caller's alerts",
        responses={
            204: {"description": "Deleted"},
            400: error_doc("`id` is not an alert id (32 lower-case hex digits)"),
            401: _UNAUTHORIZED_DOC,
            404: error_doc("The caller has no alert with this id"),
            503: UNAVAILABLE_DOC,
        },
    )
    def delete_alert(
        *, id: Annotated[str, Path(pattern=ALERT_ID_PATTERN, description="The alert id: 32 hex digits")]
    ) -> Response[str]:
        caller = owner()
        if not alerts().delete(caller, id):
            detail = f"you have no alert {id!r}"
            return error_reply(
                HTTPStatus.NOT_FOUND, ApiError(error="not_found", parameter="id", detail=detail)
            )
        return Response(status_code=HTTPStatus.NO_CONTENT.value, body="")
