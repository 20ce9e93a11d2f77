"""Reconcile function: on a schedule (EventBridge), the uploads bucket against the index.

Thin on purpose: `newsfacet.reconcile` does the work (lost uploads re-enqueued to the ingest queue,
holds of deleted objects released); this reports the counts as a log line and metrics.
"""

from __future__ import annotations

from typing import Any

import boto3
from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext
from newsfacet.config import Settings
from newsfacet.reconcile import S3Bucket, reconcile
from newsfacet.rejections import open_rejection_log
from newsfacet.store import open_store

logger = Logger(service="newsfacet-reconcile")
metrics = Metrics(namespace="newsfacet", service="newsfacet-reconcile")


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """One reconcile; the report is the result (and the log line)."""
    settings = Settings.from_env()
    if not (settings.articles_bucket and settings.ingest_queue_url):
        raise RuntimeError("NEWSFACET_ARTICLES_BUCKET and NEWSFACET_INGEST_QUEUE_URL must be set")
    bucket = S3Bucket(
        settings.articles_bucket,
        boto3.client("s3", region_name=settings.aws_region),
        boto3.client("sqs", region_name=settings.aws_region),
        settings.ingest_queue_url,
    )
    store = open_store(settings)
    try:
        report = reconcile(bucket, store, open_rejection_log(settings))
    finally:
        store.close()
    logger.info(report.summary(), extra={"missing": report.missing[:100], "orphaned": report.orphaned[:100]})
    metrics.add_metric(name="UploadsLost", unit=MetricUnit.Count, value=report.lost)
    metrics.add_metric(name="OrphanedHoldsRemoved", unit=MetricUnit.Count, value=len(report.orphaned))
    return report.model_dump(mode="json")
