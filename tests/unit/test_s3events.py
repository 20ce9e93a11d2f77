"""S3 notifications in SQS bodies -> typed events, and sequencers -> monotonic store versions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsfacet.s3events import (
    EXACT_LIMIT,
    MAX_VERSION,
    MalformedNotification,
    S3EventKind,
    parse_notification,
    version_from_event_time,
    version_from_sequencer,
)

ROOT = Path(__file__).resolve().parents[2]


def _record(name: str, key: str, sequencer: str | None = "0062E99A88DC407460", **obj: Any) -> dict[str, Any]:
    """A record shaped like the ones S3 sends (see the AWS notification-content-structure page)."""
    s3_object: dict[str, Any] = {"key": key, "size": 1024, "eTag": "d41d8cd98f00b204e9800998ecf8427e", **obj}
    if sequencer is not None:
        s3_object["sequencer"] = sequencer
    return {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "awsRegion": "eu-west-1",
        "eventTime": "2022-08-02T21:07:52.531Z",
        "eventName": name,
        "s3": {
            "s3SchemaVersion": "1.0",
            "configurationId": "articles",
            "bucket": {"name": "news-bucket", "arn": "arn:aws:s3:::news-bucket"},
            "object": s3_object,
        },
    }


def test_created_event_has_decoded_key_version_and_origin() -> None:
    body = json.dumps(
        {
            "Records": [
                _record("ObjectCreated:Put", "world/Syria+talks+%282024%29%2Bmore.html", versionId="v1")
            ]
        }
    )

    notification = parse_notification(body)

    (event,) = notification.events
    assert event.kind is S3EventKind.CREATED
    assert event.key == "world/Syria talks (2024)+more.html"
    assert event.bucket == "news-bucket"
    assert event.version == 0x0062E99A88DC407460
    assert event.origin().key == "world/Syria talks (2024)+more.html"
    assert event.origin().version_id == "v1"
    assert event.origin().sequencer == "0062E99A88DC407460"
    assert not notification.is_test_event


def test_delete_marker_is_a_removal() -> None:
    notification = parse_notification(
        json.dumps({"Records": [_record("ObjectRemoved:DeleteMarkerCreated", "a.html")]})
    )
    assert [event.kind for event in notification.events] == [S3EventKind.REMOVED]


def test_test_event_is_recognised_and_carries_nothing() -> None:
    body = json.dumps(
        {"Service": "Amazon S3", "Event": "s3:TestEvent", "Time": "2024-01-01T00:00:00.000Z", "Bucket": "b"}
    )
    notification = parse_notification(body)
    assert notification.is_test_event
    assert notification.events == []


def test_other_event_families_are_listed_as_ignored() -> None:
    notification = parse_notification(json.dumps({"Records": [_record("ObjectRestore:Completed", "a.html")]}))
    assert notification.events == []
    assert notification.ignored == ["ObjectRestore:Completed"]


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[1, 2]",
        json.dumps({"hello": "world"}),
        json.dumps({"Records": ["nope"]}),
        json.dumps({"Records": [{"eventName": "ObjectCreated:Put", "s3": {}}]}),
        json.dumps({"Records": [_record("ObjectCreated:Put", "a.html", sequencer="zz-not-hex")]}),
    ],
)
def test_a_body_that_is_not_an_s3_notification_is_a_typed_error(body: str) -> None:
    with pytest.raises(MalformedNotification):
        parse_notification(body)


def test_without_a_sequencer_the_event_time_orders_events_like_a_sequencer() -> None:
    """moto sends no sequencer: versions then follow eventTime, on the same scale as real ones."""
    first = _record("ObjectCreated:Put", "a.html", sequencer=None)
    later = {
        **_record("ObjectRemoved:Delete", "a.html", sequencer=None),
        "eventTime": "2022-08-02T21:07:52.532Z",
    }
    events = parse_notification(json.dumps({"Records": [first, later]})).events

    assert events[0].version < events[1].version
    # A real sequencer of that second: "00" + the Unix seconds in 8 hex digits + 8 more hex digits.
    seconds = int(datetime(2022, 8, 2, 21, 7, 52, tzinfo=UTC).timestamp())
    assert seconds << 32 <= events[0].version < (seconds + 1) << 32


def test_sequencers_of_different_lengths_compare_as_left_padded_hex() -> None:
    assert version_from_sequencer("FF") < version_from_sequencer("0100")
    assert version_from_sequencer("00FF") == version_from_sequencer("FF")
    assert version_from_sequencer("0055AED6DCD90281E5") < version_from_sequencer("0062E99A88DC407460")


def test_versions_always_fit_a_signed_64_bit_long() -> None:
    assert version_from_sequencer("F" * 200) == MAX_VERSION
    assert version_from_sequencer("F" * 18) <= MAX_VERSION
    assert version_from_event_time(datetime(2999, 1, 1, tzinfo=UTC)) <= MAX_VERSION


_sequencer_values = st.one_of(
    st.integers(min_value=0, max_value=2**80),
    st.integers(min_value=EXACT_LIMIT - 2**20, max_value=EXACT_LIMIT + 2**60),
    st.integers(min_value=0, max_value=2**300),
)


@given(_sequencer_values, _sequencer_values, st.integers(0, 6), st.integers(0, 6))
def test_the_mapping_never_inverts_the_order_of_two_sequencers(
    a: int, b: int, pad_a: int, pad_b: int
) -> None:
    low, high = sorted((a, b))
    low_hex, high_hex = "0" * pad_a + f"{low:X}", "0" * pad_b + f"{high:X}"
    assert 0 <= version_from_sequencer(low_hex) <= version_from_sequencer(high_hex) <= MAX_VERSION


@given(
    st.integers(min_value=0, max_value=EXACT_LIMIT + 2**51 - 2),
    st.integers(min_value=1, max_value=2**40),
)
def test_the_mapping_is_strict_where_sequencers_live(value: int, step: int) -> None:
    """Distinct sequencers below EXACT_LIMIT + 2**51 (S3's for decades to come) get distinct versions."""
    later = min(value + step, EXACT_LIMIT + 2**51 - 1)
    if later > value:
        assert version_from_sequencer(f"{value:X}") < version_from_sequencer(f"{later:X}")


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)), st.integers(1, 10**9))
def test_event_time_versions_grow_with_time(moment: datetime, micros: int) -> None:
    start = moment.replace(tzinfo=UTC)
    assert version_from_event_time(start) < version_from_event_time(start + timedelta(microseconds=micros))


@pytest.mark.parametrize("path", sorted((ROOT / "events").glob("ingest-*.json")), ids=lambda path: path.name)
def test_the_sample_events_for_sam_local_invoke_parse(path: Path) -> None:
    records = json.loads(path.read_text())["Records"]
    notifications = [parse_notification(record["body"]) for record in records]
    assert all(record["eventSource"] == "aws:sqs" for record in records)
    assert all(notification.events or notification.is_test_event for notification in notifications)
