"""The ingest worker of the local run: feeds the ingest queue (on moto) to the very ingest
`lambda_handler` AWS runs, as Lambda's SQS event source mapping does."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newsfacet.localrun.template import LocalRunError
from newsfacet.localserver import LocalContext, import_file

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sqs.type_defs import MessageTypeDef

POLL_SECONDS = 1
"""Long-poll wait of the worker: short, so Ctrl-C stops it within a second."""


def load_handler(path: Path) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    """Import a function's `app.py` afresh (a new execution environment) and return its handler."""
    if not path.is_file():
        raise LocalRunError(f"{path} not found: run from a checkout (pip install -e .)")
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
