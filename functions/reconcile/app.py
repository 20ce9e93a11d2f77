"""Reconcile function: on a schedule (EventBridge), the uploads bucket against the index.

Thin on purpose: `newsfacet.reconcile` does the work (lost uploads re-enqueued to the ingest queue,
holds of deleted objects released); this reports the counts as a log line and metrics.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext
from newsfacet.config import Settings
from newsfacet.reconcile import reconcile_configured_bucket

logger = Logger(service="newsfacet-reconcile")
metrics = Metrics(namespace="newsfacet", service="newsfacet-reconcile")


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """One reconcile; the report is the result (and the log line)."""
    report = reconcile_configured_bucket(Settings.from_env())
    logger.info(report.summary(), extra={"missing": report.missing[:100], "orphaned": report.orphaned[:100]})
    metrics.add_metric(name="UploadsLost", unit=MetricUnit.Count, value=report.lost)
    metrics.add_metric(name="OrphanedHoldsRemoved", unit=MetricUnit.Count, value=len(report.orphaned))
    return report.model_dump(mode="json")
