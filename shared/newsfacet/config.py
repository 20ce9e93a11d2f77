"""Settings, read once at the edge (environment -> `Settings`) and passed inward.

The domain never reads `os.environ`; handlers, the CLI and the local run call `Settings.from_env()`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

DEFAULT_STORE_URL = f"sqlite:///{Path('.newsfacet') / 'articles.db'}"

OpenSearchAuth = Literal["none", "basic", "sigv4-es", "sigv4-aoss", "auto"]
"""How the OpenSearch adapter authenticates; `auto`: SigV4 for *.amazonaws.com hosts, else basic
auth when a user name is set, else none."""


class InvalidSetting(ValueError):  # noqa: N818 - reads as what was given, like InvalidParameter
    """An environment variable holds a value its setting cannot take; the message names the variable."""

    def __init__(self, variable: str, detail: str) -> None:
        super().__init__(f"{variable}: {detail}")
        self.variable = variable
        self.detail = detail


class Settings(BaseModel):
    """Every knob newsfacet has. Environment variable names are the field names, upper-cased,
    prefixed with `NEWSFACET_` (e.g. `NEWSFACET_STORE`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    store: str = Field(
        default=DEFAULT_STORE_URL,
        description="sqlite:///path for the embedded store, http(s)://host:port for OpenSearch",
    )
    index_alias: str = Field(default="articles", description="OpenSearch alias searched and written")
    opensearch_auth: OpenSearchAuth = Field(
        default="auto",
        description="none | basic | sigv4-es | sigv4-aoss | auto (SigV4 for *.amazonaws.com hosts)",
    )
    opensearch_flavour: str = Field(
        default="auto",
        description="cluster | serverless | auto (serverless for *.aoss.amazonaws.com hosts); see the "
        "OpenSearch adapter for what the store does differently on Amazon OpenSearch Serverless",
    )
    opensearch_username: str | None = Field(default=None, description="basic auth user")
    opensearch_password: str | None = Field(default=None, description="basic auth password")
    aws_region: str | None = Field(default=None, description="region for SigV4 signing")
    max_upload_bytes: int = Field(default=10 * 1024 * 1024, gt=0, description="largest accepted upload")
    max_decompressed_bytes: int = Field(
        default=50 * 1024 * 1024, gt=0, description="cap on a gzip upload's inflated size"
    )
    rejections_table: str | None = Field(default=None, description="DynamoDB table recording rejections")
    articles_bucket: str | None = Field(default=None, description="the uploads bucket (reconcile lists it)")
    ingest_queue_url: str | None = Field(
        default=None, description="the ingest queue (reconcile re-enqueues missing uploads to it)"
    )
    rollover_max_size: str = Field(
        default="",
        pattern=r"^$|^[0-9]+(b|kb|mb|gb|tb)$",
        description="OpenSearch: the scheduled reconcile starts a new index behind the alias once the"
        " one written holds this much primary store (e.g. 30gb); empty: never (docs/SCALING.md)",
    )
    cursor_key: str = Field(
        default="",
        description="secret that signs paging cursors (any text, 32+ characters); empty: a key derived"
        " from the store URL, which keeps cursors valid across processes but is not a secret",
    )
    alerts: bool = Field(
        default=True,
        description="saved searches and alerts (the template turns them off on OpenSearch Serverless)",
    )
    alerts_topic_arn: str | None = Field(
        default=None, description="the SNS topic alert matches are published to (target `sns`)"
    )
    alert_webhooks: bool = Field(
        default=True, description="whether alerts may send to webhook URLs (off on AWS: only the topic)"
    )
    cors_origins: str = Field(
        default="*",
        description="origins the search API allows (CORS): *, a comma-separated list, or empty for none",
    )

    def cursor_signing_key(self) -> bytes:
        """The HMAC key of paging cursors: `cursor_key`, or one every process of this store derives."""
        return (self.cursor_key or f"newsfacet-cursor\n{self.store}\n{self.index_alias}").encode()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment gives. Raises `InvalidSetting`, naming the variable, for a
        value its setting cannot take (e.g. `NEWSFACET_OPENSEARCH_AUTH=kerberos`)."""
        env = os.environ if environ is None else environ
        variables = {name: f"NEWSFACET_{name.upper()}" for name in cls.model_fields}
        if variables["aws_region"] not in env and "AWS_REGION" in env:
            variables["aws_region"] = "AWS_REGION"
        values = {name: env[variable] for name, variable in variables.items() if variable in env}
        try:
            return cls.model_validate(values)
        except ValidationError as error:
            first = error.errors()[0]
            name = str(first["loc"][0])
            message = str(first["msg"])
            detail = f"{values.get(name)!r} is not accepted: {message[:1].lower()}{message[1:]}"
            raise InvalidSetting(variables[name], detail) from None
