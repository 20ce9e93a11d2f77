"""The whole system on one machine: what `newsfacet local` (and `make run`) starts.

- moto in server mode (S3 + SQS) on 127.0.0.1, with the articles bucket, the ingest queue, its
  dead-letter queue and the bucket's notification configuration **read from template.yaml**, so the
  local wiring cannot drift from the deployed one;
- a worker thread that long-polls the ingest queue and calls the very same ingest `lambda_handler`
  as AWS Lambda (loaded from `functions/ingest/app.py`) with an SQS event built from the messages,
  then deletes the messages the handler did not report as failures (`ReportBatchItemFailures`);
  failed ones come back after the queue's visibility timeout and end in the DLQ, as on AWS;
- the search API and page on `http://HOST:PORT` (`newsfacet.localserver`, the search handler);
- the store: embedded by default, `NEWSFACET_STORE=http://...` for an existing OpenSearch node, or
  a local node started from `infrastructure/opensearch` (`start_opensearch`);
- the bundled `samples/` uploaded through S3 (boto3 `put_object`), so they take the real path.

The handlers are configured the way Lambda configures them: through environment variables, set for
the lifetime of the stack and restored when it stops.
"""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import sys
import threading
import time
import urllib.request
import uuid
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO, TYPE_CHECKING, Any, TextIO

import yaml  # type: ignore[import-untyped]  # comes with moto[server]; no stubs installed

from newsfacet.config import Settings
from newsfacet.ingest import is_article_key
from newsfacet.localserver import (
    LocalContext,
    LocalServer,
    event_from_request,
    import_file,
    load_search_handler,
)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sqs.type_defs import MessageTypeDef

    from newsfacet.reconcile import ReconcileReport


__all__ = [
    "BucketSpec",
    "LocalStack",
    "LocalStackError",
    "NotificationSpec",
    "QueueSpec",
    "StackOptions",
    "StackResources",
    "read_template",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The checkout this package is installed from (editable install): template, functions, samples."""

LOCAL_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
"""moto accepts any credentials; fixed fake ones keep a real AWS account out of reach."""

DEFAULT_REGION = "us-east-1"
POLL_SECONDS = 1
"""Long-poll wait of the worker: short, so Ctrl-C stops it within a second."""


class LocalStackError(RuntimeError):
    """The local stack cannot start (bad template, busy port, missing checkout files, node down)."""


# --- Reading the template ------------------------------------------------------------------------


@dataclass(frozen=True)
class Intrinsic:
    """A CloudFormation short-form function (`!Ref X`, `!GetAtt X.Arn`, ...), kept unevaluated."""

    name: str
    value: Any


# YAML with CloudFormation's `!Tag` short forms (a SafeLoader: the template builds no objects).
_TemplateLoader: Any = type("_TemplateLoader", (yaml.SafeLoader,), {})


def _construct_intrinsic(loader: Any, suffix: str, node: Any) -> Intrinsic:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Intrinsic(suffix, value)


_TemplateLoader.add_multi_constructor("!", _construct_intrinsic)


@dataclass(frozen=True)
class NotificationSpec:
    """One `QueueConfigurations` entry: which events, filtered how, go to which queue."""

    queue: str  # logical id of the target queue
    event: str  # e.g. s3:ObjectCreated:*
    filter_rules: tuple[tuple[str, str], ...]  # (prefix|suffix, value)


@dataclass(frozen=True)
class QueueSpec:
    """An SQS queue of the template: plain attributes, and where its failures are redriven."""

    logical_id: str
    attributes: Mapping[str, str]
    dead_letter: str | None = None  # logical id of the dead-letter queue
    max_receive_count: int | None = None


@dataclass(frozen=True)
class BucketSpec:
    """The bucket whose notifications feed the ingest queue.

    Its versioning is deliberately not recreated: moto (5.2) sends no event when a delete creates a
    delete marker in a versioned bucket (AWS sends `ObjectRemoved:DeleteMarkerCreated`), so deletes
    would never reach the queue. Unversioned, a delete sends `ObjectRemoved:Delete`, which ingest
    handles the same way.
    """

    logical_id: str
    notifications: tuple[NotificationSpec, ...]


@dataclass(frozen=True)
class StackResources:
    """What the local stack recreates from template.yaml."""

    bucket: BucketSpec
    queues: Mapping[str, QueueSpec]

    def ingest_queue(self) -> QueueSpec:
        """The queue the bucket notifies (the one the ingest function consumes)."""
        return self.queues[self.bucket.notifications[0].queue]


# Queue properties CreateQueue takes as they are; anything else (policies, tags) does not matter locally.
_QUEUE_ATTRIBUTES = (
    "DelaySeconds",
    "MaximumMessageSize",
    "MessageRetentionPeriod",
    "ReceiveMessageWaitTimeSeconds",
    "VisibilityTimeout",
    "SqsManagedSseEnabled",
)


def read_template(path: Path) -> StackResources:
    """The bucket that notifies a queue, that queue and its dead-letter queue, from a SAM template.

    Raises `LocalStackError` if the template has no such bucket or names a queue it does not define.
    """
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_TemplateLoader)
    except (OSError, yaml.YAMLError) as error:
        raise LocalStackError(f"cannot read {path}: {error}") from error
    resources: dict[str, Any] = document.get("Resources") or {}
    parameters: dict[str, Any] = document.get("Parameters") or {}
    buckets = [
        (name, body.get("Properties") or {})
        for name, body in resources.items()
        if body.get("Type") == "AWS::S3::Bucket"
        and ((body.get("Properties") or {}).get("NotificationConfiguration") or {}).get("QueueConfigurations")
    ]
    if len(buckets) != 1:
        raise LocalStackError(f"{path}: expected one bucket with queue notifications, found {len(buckets)}")
    bucket_id, bucket = buckets[0]
    notifications = tuple(
        NotificationSpec(
            queue=_logical_id(entry.get("Queue"), path),
            event=str(entry["Event"]),
            filter_rules=tuple(
                (str(rule["Name"]).lower(), str(rule["Value"]))
                for rule in ((entry.get("Filter") or {}).get("S3Key") or {}).get("Rules", [])
            ),
        )
        for entry in bucket["NotificationConfiguration"]["QueueConfigurations"]
    )
    queues: dict[str, QueueSpec] = {}
    pending = [notification.queue for notification in notifications]
    while pending:
        logical_id = pending.pop()
        if logical_id in queues:
            continue
        body = resources.get(logical_id)
        if not body or body.get("Type") != "AWS::SQS::Queue":
            raise LocalStackError(f"{path}: {logical_id} is not an AWS::SQS::Queue resource")
        queue = _queue_spec(logical_id, body.get("Properties") or {}, parameters, path)
        queues[logical_id] = queue
        if queue.dead_letter:
            pending.append(queue.dead_letter)
    return StackResources(BucketSpec(bucket_id, notifications), queues)


def _queue_spec(
    logical_id: str, properties: dict[str, Any], parameters: dict[str, Any], path: Path
) -> QueueSpec:
    attributes: dict[str, str] = {}
    for name in _QUEUE_ATTRIBUTES:
        if name in properties:
            value = _literal(properties[name], parameters)
            if value is not None:
                attributes[name] = value
    redrive = properties.get("RedrivePolicy") or {}
    dead_letter = _logical_id(redrive["deadLetterTargetArn"], path) if redrive else None
    count = _literal(redrive.get("maxReceiveCount"), parameters) if redrive else None
    return QueueSpec(logical_id, attributes, dead_letter, int(count) if count else None)


def _literal(value: Any, parameters: dict[str, Any]) -> str | None:
    """A property's value as CreateQueue wants it: literals, or `!Ref` to a parameter's default."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    if isinstance(value, Intrinsic) and value.name == "Ref":
        default = (parameters.get(str(value.value)) or {}).get("Default")
        return _literal(default, parameters) if default is not None else None
    return None


def _logical_id(arn: Any, path: Path) -> str:
    """`X` from `!GetAtt X.Arn`, `!GetAtt [X, Arn]` or `{"Fn::GetAtt": [X, Arn]}`."""
    target: Any = None
    if isinstance(arn, Intrinsic) and arn.name == "GetAtt":
        target = arn.value
    elif isinstance(arn, dict) and "Fn::GetAtt" in arn:
        target = arn["Fn::GetAtt"]
    if isinstance(target, str):
        return target.split(".", 1)[0]
    if isinstance(target, list) and target:
        return str(target[0])
    raise LocalStackError(f"{path}: a queue is named by {arn!r}; expected !GetAtt Queue.Arn")


def local_name(logical_id: str) -> str:
    """The local name of a resource: `IngestDeadLetterQueue` -> `newsfacet-ingest-dead-letter-queue`."""
    return "newsfacet-" + re.sub(r"(?<!^)(?=[A-Z])", "-", logical_id).lower()


# --- Options and environment ---------------------------------------------------------------------


@dataclass(frozen=True)
class StackOptions:
    """How `newsfacet local` runs. Port 0 means a free port (tests)."""

    host: str = "127.0.0.1"
    port: int = 8080
    moto_port: int = 0
    start_opensearch: bool = False
    upload_samples: bool = True
    quiet: bool = False  # no access log lines from the HTTP server
    root: Path = field(default=REPO_ROOT)
    state: Path | None = None  # where S3 and SQS requests are recorded to survive a restart (None: not kept)
    ingest_worker: bool = True  # False: the queue is left to workers started elsewhere (bench/ingest_rate.py)

    @property
    def template(self) -> Path:
        return self.root / "template.yaml"

    @property
    def ingest_function(self) -> Path:
        return self.root / "functions" / "ingest" / "app.py"

    @property
    def samples(self) -> Path:
        return self.root / "samples"


@contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables for the handlers (as Lambda would), restoring them afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, previous in saved.items():
            if previous is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = previous


def _load_handler(path: Path) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    """Import a function's `app.py` afresh (a new execution environment) and return its handler."""
    if not path.is_file():
        raise LocalStackError(f"{path} not found: run from a checkout (pip install -e .)")
    module = import_file(path, f"newsfacet_function_{uuid.uuid4().hex}")
    handler: Callable[[dict[str, Any], Any], dict[str, Any]] = module.lambda_handler
    return handler


# --- The queue worker ----------------------------------------------------------------------------


class QueueWorker(threading.Thread):
    """Feeds the ingest queue to the ingest handler, as Lambda's SQS event source mapping does."""

    def __init__(
        self,
        *,
        sqs: SQSClient,
        queue_url: str,
        queue_arn: str,
        region: str,
        handler: Callable[[dict[str, Any], Any], dict[str, Any]],
        log: TextIO,
    ) -> None:
        super().__init__(name="newsfacet-ingest-worker", daemon=True)
        self._sqs = sqs
        self._queue_url = queue_url
        self._queue_arn = queue_arn
        self._region = region
        self._handler = handler
        self._log = log
        self._stopping = threading.Event()
        self.batches = 0
        self.failed_records = 0

    def stop(self) -> None:
        self._stopping.set()
        self.join(timeout=POLL_SECONDS * 10)

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                reply = self._sqs.receive_message(
                    QueueUrl=self._queue_url,
                    MaxNumberOfMessages=10,
                    WaitTimeSeconds=POLL_SECONDS,
                    MessageSystemAttributeNames=["All"],
                    MessageAttributeNames=["All"],
                )
            except Exception as error:  # moto going away at shutdown, or a hiccup: keep polling
                if not self._stopping.is_set():
                    self._say(f"ingest worker: cannot poll the queue: {error}")
                    self._stopping.wait(POLL_SECONDS)
                continue
            messages = reply.get("Messages", [])
            if messages:
                self._process(messages)

    def _process(self, messages: list[MessageTypeDef]) -> None:
        event = {"Records": [self._record(message) for message in messages]}
        context = LocalContext(
            function_name="newsfacet-ingest-local",
            invoked_function_arn="arn:aws:lambda:local:000000000000:function:newsfacet-ingest-local",
            log_group_name="/aws/lambda/newsfacet-ingest-local",
            deadline_ms=int(time.time() * 1000) + 60_000,
        )
        try:
            response = self._handler(event, context)
            failed = {item["itemIdentifier"] for item in response.get("batchItemFailures", [])}
        except Exception as error:
            # Powertools raises when every record of the batch failed: Lambda retries them all.
            self._say(f"ingest worker: the whole batch failed ({error}); the queue will redeliver it")
            failed = {message["MessageId"] for message in messages}
        done = [message for message in messages if message["MessageId"] not in failed]
        if done:
            self._sqs.delete_message_batch(
                QueueUrl=self._queue_url,
                Entries=[
                    {"Id": str(index), "ReceiptHandle": message["ReceiptHandle"]}
                    for index, message in enumerate(done)
                ],
            )
        self.batches += 1
        self.failed_records += len(failed)
        note = f", {len(failed)} failed (redelivered after the visibility timeout)" if failed else ""
        self._say(f"ingest: {len(messages)} message{'s' if len(messages) != 1 else ''} handled{note}")

    def _record(self, message: MessageTypeDef) -> dict[str, Any]:
        """One record of the SQS event Lambda would send for this message."""
        return {
            "messageId": message["MessageId"],
            "receiptHandle": message["ReceiptHandle"],
            "body": message["Body"],
            "attributes": dict(message.get("Attributes", {})),
            "messageAttributes": dict(message.get("MessageAttributes", {})),
            "md5OfBody": message["MD5OfBody"],
            "eventSource": "aws:sqs",
            "eventSourceARN": self._queue_arn,
            "awsRegion": self._region,
        }

    def _say(self, line: str) -> None:
        print(line, file=self._log, flush=True)


# --- The stack -----------------------------------------------------------------------------------


class LocalStack:
    """Start with `start()` (or `with LocalStack(...)`), stop with `stop()`; see the module docstring."""

    def __init__(
        self, settings: Settings, options: StackOptions | None = None, log: TextIO | None = None
    ) -> None:
        self.options = options or StackOptions()
        self._settings = settings
        self._log = log or sys.stderr
        self.region = settings.aws_region or os.environ.get("AWS_DEFAULT_REGION") or DEFAULT_REGION
        self.resources = read_template(self.options.template)
        self.bucket = local_name(self.resources.bucket.logical_id)
        self.store_url = settings.store
        self.s3_endpoint = ""
        self.api_url = ""
        self.queue_url = ""
        self.dead_letter_url = ""
        self.queue_arn = ""
        self._moto: Any = None
        self._node: Any = None
        self._server: LocalServer | None = None
        self._worker: QueueWorker | None = None
        self._recording = False
        self.last_reconcile: ReconcileReport | None = None
        self._restore_environment = ExitStack()

    # --- lifecycle

    def start(self) -> LocalStack:
        """Start every part, or stop what started and raise `LocalStackError`."""
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        from moto.server import ThreadedMotoServer  # noqa: PLC0415 - dev dependency, local only

        if self.options.start_opensearch:
            launcher = _opensearch_launcher(self.options.root)
            try:
                self._node = launcher.LocalNode.start()
            except launcher.NodeError as error:
                raise LocalStackError(str(error)) from error
            self.store_url = self._node.url
        self._quiet_emulator()
        self._moto = ThreadedMotoServer(ip_address="127.0.0.1", port=self.options.moto_port, verbose=False)
        try:
            self._moto.start()
        except OSError as error:
            raise LocalStackError(f"cannot start moto on port {self.options.moto_port}: {error}") from error
        host, port = self._moto.get_host_and_port()
        self.s3_endpoint = f"http://{host}:{port}"
        environment = {
            **LOCAL_CREDENTIALS,
            "AWS_ENDPOINT_URL": self.s3_endpoint,
            "AWS_DEFAULT_REGION": self.region,
            "AWS_REGION": self.region,
            "NEWSFACET_STORE": self.store_url,
            # Metrics and traces have no CloudWatch or X-Ray to go to here; logs stay on (warnings).
            "POWERTOOLS_METRICS_DISABLED": "true",
            "POWERTOOLS_TRACE_DISABLED": "true",
            "POWERTOOLS_LOG_LEVEL": os.environ.get("POWERTOOLS_LOG_LEVEL", "WARNING"),
        }
        if self.options.start_opensearch:
            environment["NEWSFACET_OPENSEARCH_AUTH"] = "none"
        self._restore_environment.enter_context(_environment(environment))
        # moto's state lives in the process, not in the server: start from nothing, as a new process.
        with urllib.request.urlopen(
            urllib.request.Request(f"{self.s3_endpoint}/moto-api/reset", method="POST")
        ):
            pass
        s3, sqs = self._clients()
        kept = self._replay_and_record(s3) if self.options.state is not None else {}
        queue_arns = self._create_queues(sqs)
        self.queue_arn = queue_arns[self.resources.ingest_queue().logical_id]
        self._create_bucket(s3, queue_arns, kept)
        try:
            self._server = LocalServer(
                (self.options.host, self.options.port), load_search_handler(), quiet=self.options.quiet
            ).start()
        except OSError as error:
            raise LocalStackError(
                f"cannot listen on {self.options.host}:{self.options.port}: {error}"
            ) from error
        self.api_url = self._server.url
        if self.options.ingest_worker:
            self._worker = QueueWorker(
                sqs=sqs,
                queue_url=self.queue_url,
                queue_arn=self.queue_arn,
                region=self.region,
                handler=_load_handler(self.options.ingest_function),
                log=self._log,
            )
            self._worker.start()
        if self.options.state is not None:
            self._reconcile(s3, sqs)

    def _replay_and_record(self, s3: S3Client) -> dict[str, bytes]:
        """Bring back what the last run's S3 and SQS held, and record this run's requests.

        moto keeps everything in memory, so the stack records every request it serves to a file
        under `options.state`, each before it is answered (an upload S3 acknowledged is on disk).
        At start the file is replayed into the new moto, the bucket's objects are read back, and the
        recording starts afresh from them (re-uploaded while the bucket sends no notification), so it
        holds one run's requests, not every run's. Messages the crash lost are found by the
        reconcile that follows the start.
        """
        from moto.moto_api import recorder  # noqa: PLC0415 - dev dependency, local only

        path = self.options.state / "moto-requests.jsonl"  # type: ignore[operator]
        path.parent.mkdir(parents=True, exist_ok=True)
        recorder.stop_recording()
        recorder._location = str(path)  # moto reads its path from the environment at import only
        kept: dict[str, bytes] = {}
        if path.is_file() and path.stat().st_size:
            recorder.replay_recording(target_host=self.s3_endpoint)
            with suppress(s3.exceptions.NoSuchBucket):
                for page in s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket):
                    for item in page.get("Contents", []):
                        kept[item["Key"]] = s3.get_object(Bucket=self.bucket, Key=item["Key"])["Body"].read()
        recorder.reset_recording()
        recorder.start_recording()
        self._recording = True
        return kept

    def _reconcile(self, s3: S3Client, sqs: SQSClient) -> None:
        """Repair what a crash lost (see `newsfacet.reconcile`) and say what was found."""
        from newsfacet.reconcile import S3Bucket, reconcile  # noqa: PLC0415
        from newsfacet.rejections import open_rejection_log  # noqa: PLC0415
        from newsfacet.store import open_store  # noqa: PLC0415

        settings = self._settings.model_copy(update={"store": self.store_url})
        store = open_store(settings)
        try:
            self.last_reconcile = reconcile(
                S3Bucket(self.bucket, s3, sqs, self.queue_url), store, open_rejection_log(settings)
            )
        finally:
            store.close()
        print(f"reconcile at start: {self.last_reconcile.summary()}", file=self._log, flush=True)

    @staticmethod
    def _quiet_emulator() -> None:
        # moto's server logs every request through werkzeug; the worker's own lines say enough.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        # Metrics are disabled locally, so Powertools would warn on every batch that none were sent.
        warnings.filterwarnings("ignore", message="No application metrics to publish", category=UserWarning)

    def stop(self) -> None:
        """Stop everything that runs, in reverse order; safe to call twice."""
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        if self._server is not None:
            self._server.stop()
            self._server = None
        if self._recording:
            from moto.moto_api import recorder  # noqa: PLC0415 - dev dependency, local only

            recorder.stop_recording()
            self._recording = False
        if self._moto is not None:
            with suppress(Exception):  # a half-started server has nothing to shut down
                self._moto.stop()
            self._moto = None
        self._restore_environment.close()
        if self._node is not None:
            self._node.stop()
            self._node = None

    def __enter__(self) -> LocalStack:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    # --- AWS resources, as the template declares them

    def _clients(self) -> tuple[S3Client, SQSClient]:
        import boto3  # noqa: PLC0415 - only the local stack talks to moto

        session = boto3.session.Session(
            region_name=self.region,
            aws_access_key_id=LOCAL_CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=LOCAL_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )
        s3 = session.client("s3", endpoint_url=self.s3_endpoint)
        sqs = session.client("sqs", endpoint_url=self.s3_endpoint)
        return s3, sqs

    def _create_queues(self, sqs: SQSClient) -> dict[str, str]:
        """Every queue, dead-letter queues first; returns logical id -> ARN."""
        arns: dict[str, str] = {}
        ordered = sorted(self.resources.queues.values(), key=lambda queue: queue.dead_letter is not None)
        for queue in ordered:
            attributes: Any = dict(queue.attributes)  # the stubs want literal attribute names
            if queue.dead_letter:
                attributes["RedrivePolicy"] = json.dumps(
                    {
                        "deadLetterTargetArn": arns[queue.dead_letter],
                        "maxReceiveCount": queue.max_receive_count or 5,
                    }
                )
            url = sqs.create_queue(QueueName=local_name(queue.logical_id), Attributes=attributes)["QueueUrl"]
            arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
                "QueueArn"
            ]
            arns[queue.logical_id] = arn
            if queue.logical_id == self.resources.ingest_queue().logical_id:
                self.queue_url = url
            elif queue.dead_letter is None:
                self.dead_letter_url = url
        return arns

    def _create_bucket(self, s3: S3Client, queue_arns: Mapping[str, str], kept: Mapping[str, bytes]) -> None:
        """The bucket, `kept` objects put back into it (before it notifies: they were ingested
        already), then its notifications."""
        spec = self.resources.bucket
        with suppress(s3.exceptions.BucketAlreadyOwnedByYou, s3.exceptions.BucketAlreadyExists):
            if self.region == DEFAULT_REGION:
                s3.create_bucket(Bucket=self.bucket)
            else:
                s3.create_bucket(
                    Bucket=self.bucket,
                    CreateBucketConfiguration={"LocationConstraint": self.region},  # type: ignore[typeddict-item]
                )
        if kept:
            s3.put_bucket_notification_configuration(Bucket=self.bucket, NotificationConfiguration={})
            for key, body in kept.items():
                s3.put_object(Bucket=self.bucket, Key=key, Body=body)
            sqs = self._clients()[1]
            for url in (self.queue_url, self.dead_letter_url):
                sqs.purge_queue(
                    QueueUrl=url
                )  # what the replay re-sent; the reconcile re-enqueues the missing
        configurations: list[Any] = []
        for notification in spec.notifications:
            configuration: dict[str, Any] = {
                "QueueArn": queue_arns[notification.queue],
                "Events": [notification.event],
            }
            if notification.filter_rules:
                rules = [{"Name": name, "Value": value} for name, value in notification.filter_rules]
                configuration["Filter"] = {"Key": {"FilterRules": rules}}
            configurations.append(configuration)
        s3.put_bucket_notification_configuration(
            Bucket=self.bucket, NotificationConfiguration={"QueueConfigurations": configurations}
        )

    # --- using it

    def upload_samples(self) -> list[str]:
        """Put every bundled sample page into the bucket (key `samples/NAME`); returns the keys."""
        s3, _ = self._clients()
        keys = []
        for path in sorted(self.options.samples.iterdir()):
            if not is_article_key(path.name):
                continue
            key = f"samples/{path.name}"
            content_type = "application/gzip" if path.name.endswith(".gz") else "text/html"
            s3.put_object(Bucket=self.bucket, Key=key, Body=path.read_bytes(), ContentType=content_type)
            keys.append(key)
        return keys

    def searchable_count(self) -> int:
        """How many articles the running search API reports (`total` of an empty query).

        Asked of the server's handler directly, as an HTTP request would, minus an access-log line.
        """
        if self._server is None:
            raise LocalStackError("the stack is not running")
        response = self._server.invoke(event_from_request("GET", "/search?size=1", {}))
        if response.get("statusCode") != 200:
            raise LocalStackError(
                f"the search API answered {response.get('statusCode')}: {response.get('body')}"
            )
        total: int = json.loads(response["body"])["total"]
        return total

    def wait_until_searchable(self, count: int, timeout_s: float = 120.0) -> int:
        """Poll the API until it reports at least `count` articles or `timeout_s` passes."""
        deadline = time.monotonic() + timeout_s
        total = self.searchable_count()
        while total < count and time.monotonic() < deadline:
            time.sleep(0.5)
            total = self.searchable_count()
        return total

    def banner(self) -> str:
        """What a user needs to use the stack: URLs, names, credentials and example commands."""
        endpoint = self.s3_endpoint
        return "\n".join(
            [
                "",
                "newsfacet is running",
                f"  search page   {self.api_url}/",
                f"  search API    {self.api_url}/search?q=ceasefire",
                f"  OpenAPI       {self.api_url}/openapi.json   (Swagger UI: {self.api_url}/docs)",
                f"  S3 + SQS      {endpoint}   (moto)   bucket: {self.bucket}",
                f"  store         {self.store_url}",
                "",
                "Use it from another terminal:",
                "  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing"
                f" AWS_DEFAULT_REGION={self.region}",
                f"  aws s3 cp article.html s3://{self.bucket}/my/article.html --endpoint-url {endpoint}",
                f"  aws s3 rm s3://{self.bucket}/my/article.html --endpoint-url {endpoint}",
                f"  curl '{self.api_url}/search?q=ceasefire&location=Lebanon'",
                f"  curl '{self.api_url}/facets/actor?prefix=var'",
                f"  newsfacet search ceasefire --store {self.store_url}",
                "",
                "Press Ctrl-C to stop.",
                "",
            ]
        )

    def run_until_stopped(self, out: IO[str]) -> int:
        """Start, upload the samples, print the banner, wait for SIGINT/SIGTERM, stop. Exit status."""
        stop = threading.Event()

        def request_stop(signum: int, frame: FrameType | None) -> None:
            stop.set()

        previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            print("starting: moto (S3 + SQS), ingest worker, search API...", file=out, flush=True)
            self.start()
            print(self.banner(), file=out, flush=True)
            if self.options.upload_samples and not stop.is_set():
                keys = self.upload_samples()
                print(
                    f"uploaded {len(keys)} sample articles to s3://{self.bucket}/samples/",
                    file=out,
                    flush=True,
                )
                self._report_when_searchable(len(keys), stop, out)
            while not stop.wait(timeout=1.0):
                pass
            print("\nstopping...", file=out, flush=True)
        finally:
            self.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        print("stopped", file=out, flush=True)
        return 0

    def _report_when_searchable(self, count: int, stop: threading.Event, out: IO[str]) -> None:
        """Tell the user when the uploads are searchable (the first one loads the NLP models)."""
        started = time.monotonic()
        total = 0
        while not stop.wait(timeout=1.0):
            total = self.searchable_count()
            if total >= count or time.monotonic() - started > 180:
                break
        if not stop.is_set():
            print(
                f"{total} articles searchable after {time.monotonic() - started:.0f} s: {self.api_url}/",
                file=out,
                flush=True,
            )


def _opensearch_launcher(root: Path) -> Any:
    """`infrastructure/opensearch/node.py` (standard library only), imported from the checkout."""
    path = root / "infrastructure" / "opensearch" / "node.py"
    if not path.is_file():
        raise LocalStackError(f"{path} not found: --opensearch needs the checkout's launcher")
    name = "newsfacet_opensearch_launcher"
    return sys.modules.get(name) or import_file(path, name)
