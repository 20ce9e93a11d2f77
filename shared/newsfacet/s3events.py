"""S3 event notifications, as the ingest queue delivers them, parsed into typed events.

An SQS message body holds either an S3 notification (`{"Records": [...]}`) or the one-off
`s3:TestEvent` S3 sends when a notification configuration is saved. Object keys arrive URL-encoded
(`quote_plus`), so they are decoded here once.

## Versions from sequencers

The store orders writes of one id by an integer external version; S3 orders events of one key by
`sequencer`, a hex string. AWS documents that sequencers of one key compare as hex numbers after
left-padding the shorter one with zeros, i.e. by their integer value. OpenSearch external versions
are non-negative signed 64-bit longs, so the sequencer's value must be squeezed into [0, 2**63 - 1]
by a mapping that never inverts the order of two events:

- Below `EXACT_LIMIT` (2**63 - 2**58) the version *is* the sequencer's value: exact and injective.
  Today's sequencers are 18 hex digits, `00` + 8 hex digits of Unix seconds + 8 more, so their
  value is about `seconds * 2**32`: they stay in this range until the end of 2035.
- Above, the excess `d = value - EXACT_LIMIT` is encoded like a float in the remaining 2**58 values:
  an 8-bit exponent (`d.bit_length()`) then the 50 bits that follow the leading one. This is
  monotonic (never inverts an order) and exact while `d < 2**51`; past that, two sequencers that
  differ only beyond their 51 leading significant bits share a version, and the later event is
  treated as a repeat (reported `stale`) rather than applied out of order.
- A sequencer longer than ~64 hex digits saturates at `MAX_VERSION`.

Emulators (moto) send no sequencer. Then the version comes from `eventTime` on the same scale
(`seconds * 2**32 + fraction`), which orders events at millisecond resolution only; S3 itself always
sends a sequencer for object events, so the two kinds never mix for one key in AWS.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import quote_plus, unquote_plus

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from newsfacet.model import Origin

MAX_VERSION = (1 << 63) - 1
"""The largest OpenSearch external version (Java's Long.MAX_VALUE)."""

_ROOM_BITS = 58  # the top 2**58 versions hold the compressed encoding of larger sequencers
_MANTISSA_BITS = 50
_MAX_EXPONENT = (1 << (_ROOM_BITS - _MANTISSA_BITS)) - 1  # 8 exponent bits + 50 mantissa bits = room

EXACT_LIMIT = (1 << 63) - (1 << _ROOM_BITS)
"""Sequencer values below this are used as versions unchanged."""


class MalformedNotification(ValueError):  # noqa: N818 - reads as a state of the message
    """An SQS message body that is not an S3 notification. Retrying cannot fix it."""


class S3EventKind(StrEnum):
    """What happened to the object; the only two families ingest acts on."""

    CREATED = "created"
    REMOVED = "removed"


class S3ObjectEvent(BaseModel):
    """One ObjectCreated or ObjectRemoved event, key decoded, ordered by `version`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: S3EventKind
    name: str  # the S3 event name, e.g. "ObjectCreated:Put"
    bucket: str
    key: str  # decoded: "a b+c.html", not "a+b%2Bc.html"
    version: int = Field(ge=0, le=MAX_VERSION)
    sequencer: str | None = None
    version_id: str | None = None  # the object version, when the bucket is versioned
    size: int | None = None
    event_time: datetime

    def origin(self) -> Origin:
        return Origin(bucket=self.bucket, key=self.key, version_id=self.version_id, sequencer=self.sequencer)


class S3Notification(BaseModel):
    """What one SQS message carried: object events, or nothing but a test event or other kinds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    events: list[S3ObjectEvent] = []
    is_test_event: bool = False
    ignored: list[str] = []  # names of events ingest does not act on (restore, tagging, ...)


# --- The version mapping --------------------------------------------------------------------------


def version_from_sequencer(sequencer: str) -> int:
    """The store version for an S3 `sequencer` (see the module docstring for the mapping)."""
    try:
        value = int(sequencer, 16)
    except ValueError as error:
        raise MalformedNotification(f"sequencer {sequencer!r} is not hexadecimal") from error
    if value < 0:
        raise MalformedNotification(f"sequencer {sequencer!r} is negative")
    return _squeeze(value)


def version_from_event_time(event_time: datetime) -> int:
    """A version for emulators that send no sequencer: the event time on the sequencer's scale."""
    stamp = event_time if event_time.tzinfo else event_time.replace(tzinfo=UTC)
    micros = round(stamp.timestamp() * 1_000_000)
    seconds, fraction = divmod(micros, 1_000_000)
    return _squeeze((seconds << 32) + (fraction << 32) // 1_000_000)


def _squeeze(value: int) -> int:
    if value < EXACT_LIMIT:
        return value
    excess = value - EXACT_LIMIT
    exponent = excess.bit_length()
    if exponent > _MAX_EXPONENT:
        return MAX_VERSION
    if exponent == 0:
        return EXACT_LIMIT
    below_leading_one = excess - (1 << (exponent - 1))
    shift = (exponent - 1) - _MANTISSA_BITS
    mantissa = below_leading_one >> shift if shift >= 0 else below_leading_one << -shift
    return EXACT_LIMIT + (exponent << _MANTISSA_BITS) + mantissa


# --- Parsing ---------------------------------------------------------------------------------------


def parse_notification(body: str) -> S3Notification:
    """Parse one SQS message body. Raises `MalformedNotification` if it is not an S3 notification."""
    try:
        document = json.loads(body)
    except (json.JSONDecodeError, TypeError) as error:
        raise MalformedNotification(f"message body is not JSON: {error}") from error
    if not isinstance(document, dict):
        raise MalformedNotification("message body is not a JSON object")
    if document.get("Event") == "s3:TestEvent":
        return S3Notification(is_test_event=True)
    records = document.get("Records")
    if not isinstance(records, list):
        raise MalformedNotification("message body has no Records list and is not an s3:TestEvent")
    events: list[S3ObjectEvent] = []
    ignored: list[str] = []
    for position, record in enumerate(records):
        if not isinstance(record, dict):
            raise MalformedNotification(f"Records[{position}] is not an object")
        name = str(record.get("eventName", ""))
        kind = _kind(name)
        if kind is None:
            ignored.append(name or "<unnamed>")
            continue
        events.append(_parse_record(record, kind, name, position))
    return S3Notification(events=events, ignored=ignored)


def _kind(event_name: str) -> S3EventKind | None:
    # eventName carries no "s3:" prefix in notifications ("ObjectCreated:Put"); accept both.
    family = event_name.removeprefix("s3:").split(":", 1)[0]
    if family == "ObjectCreated":
        return S3EventKind.CREATED
    if family == "ObjectRemoved":
        return S3EventKind.REMOVED
    return None


def _parse_record(record: dict[str, Any], kind: S3EventKind, name: str, position: int) -> S3ObjectEvent:
    try:
        s3 = record["s3"]
        bucket = str(s3["bucket"]["name"])
        obj = s3["object"]
        raw_key = str(obj["key"])
        event_time = datetime.fromisoformat(str(record["eventTime"]).replace("Z", "+00:00"))
    except (KeyError, TypeError, ValueError) as error:
        raise MalformedNotification(f"Records[{position}] lacks bucket, key or eventTime: {error}") from error
    if event_time.tzinfo is None:
        event_time = event_time.replace(tzinfo=UTC)
    sequencer = obj.get("sequencer")
    sequencer = str(sequencer) if sequencer else None
    version = (
        version_from_sequencer(sequencer) if sequencer is not None else version_from_event_time(event_time)
    )
    size = obj.get("size")
    try:
        return S3ObjectEvent(
            kind=kind,
            name=name.removeprefix("s3:"),
            bucket=bucket,
            key=unquote_plus(raw_key),
            version=version,
            sequencer=sequencer,
            version_id=str(obj["versionId"]) if obj.get("versionId") else None,
            size=size if isinstance(size, int) else None,
            event_time=event_time,
        )
    except ValidationError as error:
        raise MalformedNotification(f"Records[{position}] is not a valid S3 event: {error}") from error


def created_notification(bucket: str, key: str, at: datetime | None = None) -> str:
    """The SQS body S3 sends for an ObjectCreated:Put of `key` (no sequencer: its version is `at`)."""
    moment = (at or datetime.now(UTC)).isoformat().replace("+00:00", "Z")
    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "eventName": "ObjectCreated:Put",
        "eventTime": moment,
        "s3": {"bucket": {"name": bucket}, "object": {"key": quote_plus(key)}},
    }
    return json.dumps({"Records": [record]})
