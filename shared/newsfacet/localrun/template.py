"""template.yaml as data: one CloudFormation YAML reader (short tags such as `!Ref X` and `!GetAtt
A.B` become their JSON forms, `{"Ref": "X"}` and `{"Fn::GetAtt": "A.B"}`), shared by the local run and
the tests, and the resources the local run recreates from it (the bucket that notifies a queue, that
queue and its dead-letter queue), so the local wiring cannot drift from the deployed one.
YAML parsing is a development dependency: nothing Lambda loads imports this module."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # comes with moto[server]; no stubs installed


class LocalRunError(RuntimeError):
    """The local run cannot start (bad template, busy port, missing checkout files, node down)."""


class CloudFormationLoader(yaml.SafeLoader):  # type: ignore[misc]
    """A safe YAML loader (the template builds no objects) that keeps CloudFormation's short forms."""


def _short_form(loader: CloudFormationLoader, suffix: str, node: Any) -> dict[str, Any]:
    if suffix == "Ref":
        return {"Ref": loader.construct_scalar(node)}
    if isinstance(node, yaml.ScalarNode):
        return {f"Fn::{suffix}": loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {f"Fn::{suffix}": loader.construct_sequence(node, deep=True)}
    return {f"Fn::{suffix}": loader.construct_mapping(node, deep=True)}


CloudFormationLoader.add_multi_constructor("!", _short_form)


def read_cloudformation(path: Path) -> dict[str, Any]:
    """A CloudFormation (or SAM) template as plain data."""
    document: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=CloudFormationLoader)
    return document


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
    """What the local run recreates from template.yaml."""

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

    Raises `LocalRunError` if the template has no such bucket or names a queue it does not define.
    """
    try:
        document = read_cloudformation(path)
    except (OSError, yaml.YAMLError) as error:
        raise LocalRunError(f"cannot read {path}: {error}") from error
    resources: dict[str, Any] = document.get("Resources") or {}
    parameters: dict[str, Any] = document.get("Parameters") or {}
    buckets = [
        (name, body.get("Properties") or {})
        for name, body in resources.items()
        if body.get("Type") == "AWS::S3::Bucket"
        and ((body.get("Properties") or {}).get("NotificationConfiguration") or {}).get("QueueConfigurations")
    ]
    if len(buckets) != 1:
        raise LocalRunError(f"{path}: expected one bucket with queue notifications, found {len(buckets)}")
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
            raise LocalRunError(f"{path}: {logical_id} is not an AWS::SQS::Queue resource")
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
    if isinstance(value, dict) and "Ref" in value:
        default = (parameters.get(str(value["Ref"])) or {}).get("Default")
        return _literal(default, parameters) if default is not None else None
    return None


def _logical_id(arn: Any, path: Path) -> str:
    """`X` from `!GetAtt X.Arn`, `!GetAtt [X, Arn]` or `{"Fn::GetAtt": [X, Arn]}`."""
    target: Any = None
    if isinstance(arn, dict) and "Fn::GetAtt" in arn:
        target = arn["Fn::GetAtt"]
    if isinstance(target, str):
        return target.split(".", 1)[0]
    if isinstance(target, list) and target:
        return str(target[0])
    raise LocalRunError(f"{path}: a queue is named by {arn!r}; expected !GetAtt Queue.Arn")


def local_name(logical_id: str) -> str:
    """The local name of a resource: `IngestDeadLetterQueue` -> `newsfacet-ingest-dead-letter-queue`."""
    return "newsfacet-" + re.sub(r"(?<!^)(?=[A-Z])", "-", logical_id).lower()
