"""Search function: API Gateway (REST, proxy integration) -> `newsfacet.api` routes.

Thin on purpose: configuration is read here, once per process; the store is opened on the first
request that needs it; routing, validation and reply shapes live in `newsfacet.api`. The local server
(`newsfacet serve`) loads this very module and calls this very `lambda_handler`.

Only light modules are imported: never spaCy, trafilatura or the ingest pipeline (a test checks).
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from newsfacet.api import create_app, lazy_store
from newsfacet.config import Settings
from newsfacet.store import ArticleStore, open_store

settings = Settings.from_env()
logger = Logger(service="newsfacet-search")


def _open_store() -> ArticleStore:
    return open_store(settings)


app = create_app(settings, lazy_store(_open_store), log=logger)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """Route one API Gateway request; errors are JSON replies, never a raised exception."""
    return app.resolve(event, context)
