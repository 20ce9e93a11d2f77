"""Ingest function: S3 notifications from the SQS queue -> `newsfacet.ingest` -> the store.

Thin on purpose: have the `Ingestor` make the stale checks of the whole batch in one store request,
parse each SQS record and have the `Ingestor` prepare each S3 event (the pipeline work); once every
record is prepared, the `Ingestor` writes the whole batch to the store in one go (one bulk request
on OpenSearch), then each event is reported. Powertools
provides partial batch failures (only failed records return to the queue), structured logs with
the S3 key as correlation id, EMF metrics and X-Ray tracing.

A record fails (and is redelivered, then parked in the DLQ) only on transient trouble, a message
that is not an S3 notification, or a bug. A rejected upload is final and does not fail its record.
"""

from __future__ import annotations

import gc

# No garbage collection while the init phase imports and warms up (everything it builds lives as long
# as the process; the collector would walk it again and again for nothing): ~0.1 s of cold start.
# Collection resumes once `warm_up` has frozen what it loaded, below.
gc.disable()

import os
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from time import perf_counter
from typing import Any, TypeVar

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import EphemeralMetrics, MetricUnit
from aws_lambda_powertools.shared.functions import strtobool
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from newsfacet.alerts import AlertNotifier
from newsfacet.alerts.delivery import TargetSender
from newsfacet.config import Settings
from newsfacet.ingest import (
    TRANSIENT_ERRORS,
    EventFailed,
    Ingestor,
    IngestOutcome,
    KnownVersions,
    PreparedEvent,
)
from newsfacet.objects.s3 import S3ObjectSource
from newsfacet.pipeline import warm_up
from newsfacet.rejections import open_rejection_log
from newsfacet.s3events import MalformedNotification, S3ObjectEvent, parse_notification
from newsfacet.store import alert_store, open_store

NAMESPACE = "newsfacet"
Function = TypeVar("Function", bound=Callable[..., Any])


def tracing_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether Powertools' Tracer would trace here: in Lambda (not SAM local), unless
    POWERTOOLS_TRACE_DISABLED says otherwise. Decided before building a Tracer, because a disabled
    Tracer still imports the X-Ray SDK, whose recorder builds two botocore clients at import: about
    0.3 s of cold start (scripts/package.py) spent where nothing is traced."""
    if strtobool(environ.get("POWERTOOLS_TRACE_DISABLED", "false")):
        return False
    return bool(environ.get("LAMBDA_TASK_ROOT")) and not environ.get("AWS_SAM_LOCAL")


class Untraced:
    """The Tracer's decorators where tracing is off: each leaves its function as it is."""

    @staticmethod
    def capture_method(method: Function) -> Function:
        return method

    @staticmethod
    def capture_lambda_handler(handler: Function) -> Function:
        return handler


logger = Logger(service="newsfacet-ingest")
metrics = Metrics(namespace=NAMESPACE, service="newsfacet-ingest")
# Rejections are counted per reason, each in its own EMF line; unlike `single_metric`, a provider's
# flush honours POWERTOOLS_METRICS_DISABLED (the local run would print one line per rejection).
rejection_metrics = EphemeralMetrics(namespace=NAMESPACE, service="newsfacet-ingest")
tracer: Tracer | Untraced = Tracer(service="newsfacet-ingest") if tracing_enabled() else Untraced()
processor = BatchProcessor(event_type=EventType.SQS)

_ingestor: Ingestor | None = None
# The events the batch's records prepared, with their record's message id, written once every record
# is prepared.
_prepared: list[tuple[str, PreparedEvent]] = []
# What the store holds from each key of the batch, looked up for all of them at once.
_known: KnownVersions = {}

# Load trafilatura, spaCy and the geo tables now, in the init phase (which Lambda runs on a full
# CPU before the first invocation), rather than on the first upload's clock.
warm_up(Settings.from_env())
gc.enable()


def get_ingestor() -> Ingestor:
    """The process's `Ingestor`, built on first use from the environment (once per container)."""
    global _ingestor  # noqa: PLW0603 - one per process, built lazily so imports stay cheap
    if _ingestor is None:
        settings = Settings.from_env()
        store = open_store(settings)
        _ingestor = Ingestor(
            store=store,
            source=S3ObjectSource.from_settings(settings),
            rejections=open_rejection_log(settings),
            settings=settings,
            alerts=AlertNotifier(alert_store(store), TargetSender(settings), log=logger)
            if settings.alerts
            else None,
        )
    return _ingestor


@tracer.capture_method
def record_handler(record: SQSRecord) -> None:
    """Apply every S3 event of one SQS message; raise to have the queue redeliver the message."""
    try:
        notification = parse_notification(record.body)
    except MalformedNotification:
        logger.exception("message is not an S3 notification; it will reach the dead-letter queue")
        metrics.add_metric(name="MalformedMessages", unit=MetricUnit.Count, value=1)
        raise
    if notification.is_test_event:
        logger.info("s3:TestEvent acknowledged")
        return
    for name in notification.ignored:
        logger.info("event ignored", extra={"s3_event": name})
    for event in notification.events:
        _prepare(event, record.message_id)


def _prepare(event: S3ObjectEvent, message_id: str) -> None:
    logger.set_correlation_id(event.key)
    logger.append_keys(bucket=event.bucket, version=event.version, s3_event=event.name)
    started = perf_counter()
    try:
        prepared = get_ingestor().prepare(event, _known.get((event.bucket, event.key)))
    except TRANSIENT_ERRORS as error:
        _transient(error)
        raise
    _prepared.append((message_id, prepared))
    metrics.add_metric(
        name="IngestLatency", unit=MetricUnit.Milliseconds, value=(perf_counter() - started) * 1000
    )


def _events_of(batch: dict[str, Any]) -> list[S3ObjectEvent]:
    """The S3 events of an SQS batch's records; a malformed record fails later, in its turn."""
    events: list[S3ObjectEvent] = []
    for record in batch.get("Records", []):
        try:
            events += parse_notification(record.get("body", "")).events
        except MalformedNotification:
            continue
    return events


def _transient(error: Exception) -> None:
    logger.warning("transient failure; the queue will redeliver", extra={"error": repr(error)})
    metrics.add_metric(name="TransientFailures", unit=MetricUnit.Count, value=1)


def _report(outcome: IngestOutcome) -> None:
    logger.set_correlation_id(outcome.key)
    logger.append_keys(bucket=outcome.bucket, version=outcome.version)
    details = {"status": outcome.status, "article_id": outcome.article_id, "tombstoned": outcome.tombstoned}
    if outcome.status == "rejected" and outcome.reason is not None:
        logger.warning(
            "upload rejected", extra={**details, "reason": outcome.reason.value, "detail": outcome.detail}
        )
        rejection_metrics.add_dimension(name="reason", value=outcome.reason.value)
        rejection_metrics.add_metric(name="UploadsRejected", unit=MetricUnit.Count, value=1)
        rejection_metrics.flush_metrics()
    else:
        logger.info(f"event applied: {outcome.status}", extra=details)
        name = {
            "indexed": "ArticlesIndexed",
            "stale": "StaleEvents",
            "deleted": "RemovalsApplied",
            "gone": "ObjectsGone",
            "ignored": "EventsIgnored",
        }[outcome.status]
        metrics.add_metric(name=name, unit=MetricUnit.Count, value=1)
    if outcome.tombstoned:
        metrics.add_metric(name="ArticlesDeleted", unit=MetricUnit.Count, value=len(outcome.tombstoned))


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler  # type: ignore[untyped-decorator]  # Powertools' is typed Callable[..., Any]
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    """SQS batch in, the ids of the records to redeliver out (`ReportBatchItemFailures`)."""
    _prepared.clear()
    _known.clear()
    _known.update(get_ingestor().known_versions(_events_of(event)))
    response = process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
    failed = {item["itemIdentifier"] for item in response["batchItemFailures"]}
    batch = [(message_id, prepared) for message_id, prepared in _prepared if message_id not in failed]
    _prepared.clear()
    results = get_ingestor().apply_batch([prepared for _, prepared in batch])
    for (message_id, prepared), result in zip(batch, results, strict=True):
        if isinstance(result, EventFailed):
            logger.set_correlation_id(result.key)
            _transient(result.error)
            if message_id not in failed:
                failed.add(message_id)
                response["batchItemFailures"].append({"itemIdentifier": message_id})
            continue
        _report(result)
        lag = (datetime.now(UTC) - prepared.event.event_time).total_seconds() * 1000
        metrics.add_metric(name="EventLag", unit=MetricUnit.Milliseconds, value=max(lag, 0.0))
    return response
