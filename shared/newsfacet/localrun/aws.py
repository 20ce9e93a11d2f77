"""The AWS side of the local run: moto in server mode (S3 + SQS) on 127.0.0.1, with the bucket, the
queues and the bucket's notifications of template.yaml; optionally recording its requests to a file
so that a restart finds the bucket as it was."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfacet.localrun.template import LocalRunError, StackResources, local_name

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient

LOCAL_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
"""moto accepts any credentials; fixed fake ones keep a real AWS account out of reach."""

DEFAULT_REGION = "us-east-1"


class Emulator:
    """moto with the template's resources: `start()`, then `create_resources()`, `stop()` at the end."""

    def __init__(self, resources: StackResources, region: str, port: int = 0) -> None:
        self.resources = resources
        self.region = region
        self.bucket = local_name(resources.bucket.logical_id)
        self.endpoint = ""
        self.queue_url = ""
        self.dead_letter_url = ""
        self._port = port
        self._moto: Any = None
        self._recording = False

    def start(self) -> None:
        """Start moto on `port` (0: a free one); `endpoint` is then its URL."""
        from moto.server import ThreadedMotoServer  # noqa: PLC0415 - dev dependency, local only

        self._moto = ThreadedMotoServer(ip_address="127.0.0.1", port=self._port, verbose=False)
        try:
            self._moto.start()
        except OSError as error:
            raise LocalRunError(f"cannot start moto on port {self._port}: {error}") from error
        host, port = self._moto.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"

    def create_resources(self, state: Path | None) -> dict[str, str]:
        """The template's queues and bucket, from nothing (or, with `state`, from the last run's
        recorded requests); returns the queues' logical id -> ARN."""
        # moto's state lives in the process, not in the server: start from nothing, as a new process.
        with urllib.request.urlopen(urllib.request.Request(f"{self.endpoint}/moto-api/reset", method="POST")):
            pass
        s3, sqs = self.clients()
        kept = self._replay_and_record(s3, state) if state is not None else {}
        queue_arns = self._create_queues(sqs)
        self._create_bucket(s3, queue_arns, kept)
        return queue_arns

    def stop(self) -> None:
        """Stop recording and stop moto; safe to call twice."""
        if self._recording:
            from moto.moto_api import recorder  # noqa: PLC0415 - dev dependency, local only

            recorder.stop_recording()
            self._recording = False
        if self._moto is not None:
            with suppress(Exception):  # a half-started server has nothing to shut down
                self._moto.stop()
            self._moto = None

    def _replay_and_record(self, s3: S3Client, state: Path) -> dict[str, bytes]:
        """Bring back what the last run's S3 and SQS held, and record this run's requests.

        moto keeps everything in memory, so the stack records every request it serves to a file
        under `state`, each before it is answered (an upload S3 acknowledged is on disk).
        At start the file is replayed into the new moto, the bucket's objects are read back, and the
        recording starts afresh from them (re-uploaded while the bucket sends no notification), so it
        holds one run's requests, not every run's. Messages the crash lost are found by the
        reconcile that follows the start.
        """
        from moto.moto_api import recorder  # noqa: PLC0415 - dev dependency, local only

        path = state / "moto-requests.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        recorder.stop_recording()
        recorder._location = str(path)  # moto reads its path from the environment at import only
        kept: dict[str, bytes] = {}
        if path.is_file() and path.stat().st_size:
            recorder.replay_recording(target_host=self.endpoint)
            with suppress(s3.exceptions.NoSuchBucket):
                for page in s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket):
                    for item in page.get("Contents", []):
                        kept[item["Key"]] = s3.get_object(Bucket=self.bucket, Key=item["Key"])["Body"].read()
        recorder.reset_recording()
        recorder.start_recording()
        self._recording = True
        return kept

    def clients(self) -> tuple[S3Client, SQSClient]:
        import boto3  # noqa: PLC0415 - only the local run talks to moto

        session = boto3.session.Session(
            region_name=self.region,
            aws_access_key_id=LOCAL_CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=LOCAL_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )
        s3 = session.client("s3", endpoint_url=self.endpoint)
        sqs = session.client("sqs", endpoint_url=self.endpoint)
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
            sqs = self.clients()[1]
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
