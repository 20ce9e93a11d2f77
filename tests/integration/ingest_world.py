"""The ingest harness: a bucket, queue and rejections table as in template.yaml (moto), the real handler.

The bucket gets the notification configuration of `template.yaml` (read from the template, not
copied), S3 puts its notifications on a real (moto) queue with the template's redrive policy, the
Lambda SQS event is built from the messages received from that queue, and `functions/ingest/app.py`
is invoked in-process against both stores (the real OpenSearch node and the embedded store). The
harness then does what the Lambda SQS poller does: it deletes the messages the handler did not report
as failed and makes the failed ones visible again.

moto's notifications carry no `sequencer` and a millisecond `eventTime`, and moto sends no event for
a delete on a versioned bucket. So the test bucket is unversioned, and S3 calls are spaced a few
milliseconds apart so that each event has its own time, as each S3 event has its own sequencer.
"""

from __future__ import annotations

import importlib.util
import io
import json
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import boto3
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError
from newsfacet.config import Settings
from newsfacet.ingest import Ingestor
from newsfacet.localrun.template import read_cloudformation
from newsfacet.model import Article, SearchQuery, StoredVersion
from newsfacet.objects.s3 import S3ObjectSource
from newsfacet.rejections.dynamodb import DynamoDBRejectionLog
from newsfacet.store.base import (
    ArticleStore,
    PutArticle,
    StoreUnavailable,
    StoreWrite,
    WriteFailed,
    WriteResult,
)


class CapturedOutput(Protocol):
    out: str


class OutputCapture(Protocol):
    """What the harness needs of pytest's `capsys`: what was printed since the last call."""

    def readouterr(self) -> CapturedOutput: ...


ROOT = Path(__file__).resolve().parents[2]
REGION = "us-east-1"
ENGINES = ["embedded", "opensearch"]


# --- The template, read as CloudFormation YAML ------------------------------------------------------


def template() -> dict[str, Any]:
    return read_cloudformation(ROOT / "template.yaml")


def _resource(name: str) -> dict[str, Any]:
    return template()["Resources"][name]["Properties"]


def _notification_configuration(queue_arn: str) -> dict[str, Any]:
    """The bucket's queue notifications in template.yaml, as boto3 takes them."""
    configurations = _resource("ArticlesBucket")["NotificationConfiguration"]["QueueConfigurations"]
    assert all(item["Queue"] == {"Fn::GetAtt": "IngestQueue.Arn"} for item in configurations)
    return {
        "QueueConfigurations": [
            {
                "QueueArn": queue_arn,
                "Events": [item["Event"]],
                **(
                    {
                        "Filter": {
                            "Key": {
                                "FilterRules": [
                                    {"Name": rule["Name"], "Value": rule["Value"]}
                                    for rule in item["Filter"]["S3Key"]["Rules"]
                                ]
                            }
                        }
                    }
                    if "Filter" in item
                    else {}
                ),
            }
            for item in configurations
        ]
    }


# --- Pages written for these tests ------------------------------------------------------------------


def news_page(title: str, canonical: str | None, paragraphs: Sequence[str]) -> bytes:
    """A small but realistic article page: head metadata, navigation, body, related links, footer."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Harbour Ledger</title>{link}
<meta property="og:site_name" content="Harbour Ledger">
<meta name="author" content="Ines Carvalho">
<meta property="article:published_time" content="2026-10-12T08:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>{title}</h1><p class="byline">By Ines Carvalho</p>
{body}
</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Ferry timetable changes</a></li></ul></aside>
<footer>© 2026 Harbour Ledger</footer></body></html>""".encode()


PORT_STRIKE = [
    "Dock workers in Lisbon walked out on Monday morning, halting container traffic at the city's "
    "largest terminal as talks over night-shift pay broke down for the third time this month.",
    "The union said about 1,200 members had joined the strike and that picket lines would stay in "
    "place until the port authority returned to the table with a written offer.",
    "Shipping lines diverted at least four vessels to Sines, some 150 kilometres to the south, "
    "according to harbour officials who asked not to be named because they were not authorised to speak.",
    "Exporters of cork and wine warned that a long stoppage would delay shipments bound for Brazil "
    "and the United States during the busiest weeks of the year.",
]
PORT_DEAL = [
    "Dock workers in Lisbon voted on Wednesday to accept a new pay agreement, ending a three-day "
    "strike that had halted container traffic at the city's largest terminal.",
    "The deal raises night-shift pay by eight percent and adds a second rest day every fortnight, "
    "the union said after a ballot in which more than two thirds of members took part.",
    "Port officials said the backlog of about forty vessels waiting offshore would be cleared by the "
    "end of next week, with priority given to refrigerated cargo and perishable exports.",
    "Exporters of cork and wine welcomed the agreement but asked the government to review how "
    "essential services are defined at national ports.",
]
BRIDGE = [
    "Engineers in Porto closed the lower deck of the Luis I bridge to traffic on Thursday after an "
    "inspection found corrosion on two of the supports installed during the last renovation.",
    "The city council said buses would be rerouted across the Arrabida bridge for at least six "
    "weeks while specialists assess the damage and prepare a repair plan.",
    "Shop owners on both banks of the Douro said the closure came at the worst possible time, just "
    "as the autumn tourist season reached its peak in the old town.",
]
POISON = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


# --- The harness --------------------------------------------------------------------------------------


@dataclass
class LambdaContextStub:
    """The attributes Powertools reads from a Lambda context."""

    function_name: str = "newsfacet-ingest"
    function_version: str = "$LATEST"
    invoked_function_arn: str = f"arn:aws:lambda:{REGION}:123456789012:function:newsfacet-ingest"
    memory_limit_in_mb: int = 2048
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = "/aws/lambda/newsfacet-ingest"
    log_stream_name: str = "test"

    def get_remaining_time_in_millis(self) -> int:
        return 60_000


class FlakyStore(ArticleStore):
    """The real store, except that calls about the given S3 keys raise `StoreUnavailable` while `down`.

    Fault injection only: every other call, and every call once `down` is False, reaches the real store.
    """

    def __init__(self, inner: ArticleStore, *keys: str) -> None:
        self.inner, self.keys, self.down = inner, set(keys), True

    def _check(self, key: str) -> None:
        if self.down and key in self.keys:
            raise StoreUnavailable(f"injected outage for {key}")

    def write_batch(self, writes: Sequence[StoreWrite]) -> list[WriteResult]:
        """The writes about those keys fail alone (as one bulk item fails); the others reach the store."""

        def key_of(write: StoreWrite) -> str:
            return write.article.origin.key if isinstance(write, PutArticle) else write.key

        failing = {index for index, write in enumerate(writes) if self.down and key_of(write) in self.keys}
        answers = iter(self.inner.write_batch([w for i, w in enumerate(writes) if i not in failing]))
        return [
            WriteFailed(id=key_of(write), reason=f"injected outage for {key_of(write)}", transient=True)
            if index in failing
            else next(answers)
            for index, write in enumerate(writes)
        ]

    def find_by_origin(self, bucket: str, key: str, *, fresh: bool = True) -> list[StoredVersion]:
        self._check(key)
        return self.inner.find_by_origin(bucket, key, fresh=fresh)

    def holders(self, article_id: str) -> Any:
        return self.inner.holders(article_id)

    def story_candidates(self, article: Article, limit: int) -> Any:
        self._check(article.origin.key)
        return self.inner.story_candidates(article, limit)

    def story(self, story_id: str, size: int) -> Any:
        return self.inner.story(story_id, size)

    def related(self, article: Article, size: int) -> Any:
        return self.inner.related(article, size)

    def live_holders(self) -> Any:
        return self.inner.live_holders()

    def get(self, article_id: str) -> Article | None:
        return self.inner.get(article_id)

    def search(self, query: SearchQuery) -> Any:
        return self.inner.search(query)

    def facet_values(self, dimension: Any, prefix: str, query: SearchQuery, size: int = 10) -> Any:
        return self.inner.facet_values(dimension, prefix, query, size)

    def histogram(self, query: SearchQuery, interval: Any) -> Any:
        return self.inner.histogram(query, interval)


def load_handler_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ingest_app_under_test", ROOT / "functions/ingest/app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Delivery:
    """One handler invocation: what was sent, which records failed, what the handler printed."""

    messages: list[dict[str, Any]]
    failed_ids: set[str]
    output: list[dict[str, Any]]

    def logs(self, message: str) -> list[dict[str, Any]]:
        return [line for line in self.output if line.get("message") == message]

    def metric_values(self, name: str) -> list[tuple[float, dict[str, Any]]]:
        """(value, dimensions) of every EMF metric `name` the handler emitted."""
        found = []
        for line in self.output:
            for directive in line.get("_aws", {}).get("CloudWatchMetrics", []):
                if any(metric["Name"] == name for metric in directive["Metrics"]):
                    values = line[name] if isinstance(line[name], list) else [line[name]]
                    found += [(float(value), line) for value in values]
        return found


class IngestWorld:
    """A bucket wired to a queue as in template.yaml, a rejections table, and the handler on a store."""

    def __init__(self, store: ArticleStore, capsys: OutputCapture) -> None:
        self.s3 = boto3.client("s3", region_name=REGION)
        self.sqs = boto3.client("sqs", region_name=REGION)
        self.dynamodb = boto3.client("dynamodb", region_name=REGION)
        self.capsys = capsys
        self.bucket = f"articles-{uuid.uuid4().hex[:8]}"
        queue = _resource("IngestQueue")
        self.dlq_url = self.sqs.create_queue(QueueName="ingest-dlq")["QueueUrl"]
        dlq_arn = self._arn(self.dlq_url)
        redrive = {
            "deadLetterTargetArn": dlq_arn,
            "maxReceiveCount": str(queue["RedrivePolicy"]["maxReceiveCount"]),
        }
        self.queue_url = self.sqs.create_queue(
            QueueName="ingest",
            Attributes={
                "RedrivePolicy": json.dumps(redrive),
                "VisibilityTimeout": str(queue["VisibilityTimeout"]),
            },
        )["QueueUrl"]
        self.queue_arn = self._arn(self.queue_url)
        table = _resource("RejectionsTable")
        self.table = "rejections"
        self.dynamodb.create_table(
            TableName=self.table,
            AttributeDefinitions=table["AttributeDefinitions"],
            KeySchema=table["KeySchema"],
            BillingMode=table["BillingMode"],
        )
        self.s3.create_bucket(Bucket=self.bucket)
        self.s3.put_bucket_notification_configuration(
            Bucket=self.bucket, NotificationConfiguration=_notification_configuration(self.queue_arn)
        )
        self.store = store
        self.rejections = DynamoDBRejectionLog(self.table, self.dynamodb)
        self.app = load_handler_module()
        self.app._ingestor = Ingestor(
            store=store,
            source=S3ObjectSource(self.s3),
            rejections=self.rejections,
            settings=Settings(store="sqlite:///unused.db", rejections_table=self.table),
        )

    def _arn(self, queue_url: str) -> str:
        attributes = self.sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
        return attributes["Attributes"]["QueueArn"]

    # S3 calls, spaced so each moto event gets its own millisecond (see the module docstring).
    def put(self, key: str, body: bytes) -> None:
        time.sleep(0.003)
        self.s3.put_object(Bucket=self.bucket, Key=key, Body=body)

    def remove(self, key: str) -> None:
        time.sleep(0.003)
        self.s3.delete_object(Bucket=self.bucket, Key=key)

    def receive(self) -> list[dict[str, Any]]:
        """Every message now visible on the ingest queue, oldest first."""
        messages: list[dict[str, Any]] = []
        while True:
            batch = self.sqs.receive_message(
                QueueUrl=self.queue_url, MaxNumberOfMessages=10, AttributeNames=["All"]
            ).get("Messages", [])
            if not batch:
                return messages
            messages += batch

    def invoke(self, messages: Sequence[dict[str, Any]]) -> Delivery:
        """Invoke the handler with these messages, then settle them as the Lambda poller would."""
        event = {"Records": [self._record(message) for message in messages]}
        self.capsys.readouterr()
        # Powertools loggers are process-wide: point this one's handler at a buffer of our own.
        logs = io.StringIO()
        handler = self.app.logger.registered_handler
        previous_stream, handler.stream = handler.stream, logs
        try:
            response = self.app.lambda_handler(event, LambdaContextStub())
            failed = {item["itemIdentifier"] for item in response["batchItemFailures"]}
        except BatchProcessingError:  # every record failed: Lambda retries the whole batch
            failed = {message["MessageId"] for message in messages}
        finally:
            handler.stream = previous_stream
        printed = self.capsys.readouterr().out.splitlines() + logs.getvalue().splitlines()
        output = [json.loads(line) for line in printed if line.startswith("{")]
        for message in messages:
            if message["MessageId"] in failed:
                self.sqs.change_message_visibility(
                    QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
                )
            else:
                self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])
        return Delivery(list(messages), failed, output)

    def deliver(self) -> Delivery:
        return self.invoke(self.receive())

    def _record(self, message: dict[str, Any]) -> dict[str, Any]:
        return {
            "messageId": message["MessageId"],
            "receiptHandle": message["ReceiptHandle"],
            "body": message["Body"],
            "attributes": message.get("Attributes", {}),
            "messageAttributes": {},
            "md5OfBody": message["MD5OfBody"],
            "eventSource": "aws:sqs",
            "eventSourceARN": self.queue_arn,
            "awsRegion": REGION,
        }

    def live_ids(self, key: str) -> list[str]:
        return [entry.id for entry in self.store.find_by_origin(self.bucket, key) if not entry.deleted]

    def article(self, key: str) -> Article | None:
        """The one live article that came from `key`, or None."""
        ids = self.live_ids(key)
        assert len(ids) <= 1, f"{key} has several live articles: {ids}"
        return self.store.get(ids[0]) if ids else None

    def titles(self) -> set[str]:
        """Every searchable article's title, page after page."""
        found: set[str] = set()
        cursor: str | None = None
        while True:
            page = self.store.search(SearchQuery(size=100, cursor=cursor))
            found |= {hit.title for hit in page.hits}
            if page.next_cursor is None or not page.hits:
                return found
            cursor = page.next_cursor

    def dlq_bodies(self) -> list[str]:
        messages = self.sqs.receive_message(QueueUrl=self.dlq_url, MaxNumberOfMessages=10).get("Messages", [])
        return [message["Body"] for message in messages]
