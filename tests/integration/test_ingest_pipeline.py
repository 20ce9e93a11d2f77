"""Uploads flow into the index: real boto3 calls against in-process AWS (moto), the real handler,
on both stores (the harness, `IngestWorld`, and why S3 calls are spaced, are in `ingest_world.py`)."""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import pytest
from moto import mock_aws
from newsfacet.config import Settings
from newsfacet.ingest import Ingestor
from newsfacet.model import Actor, Article, RejectionReason, SearchQuery, StoredVersion
from newsfacet.objects.s3 import S3ObjectSource
from newsfacet.pipeline import build_article
from newsfacet.reconcile import ReconcileReport
from newsfacet.store.base import (
    ArticleStore,
    StoreWrite,
    WriteResult,
)

from tests.integration import fault_matrix
from tests.integration.fault_matrix import final_reconcile, story
from tests.integration.ingest_world import (
    BRIDGE,
    ENGINES,
    POISON,
    PORT_DEAL,
    PORT_STRIKE,
    REGION,
    ROOT,
    FlakyStore,
    IngestWorld,
    LambdaContextStub,
    news_page,
)
from tests.integration.opensearch_calls import record_calls


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "POWERTOOLS_TRACE_DISABLED": "1",
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        yield


@pytest.fixture(params=ENGINES)
def world(
    request: pytest.FixtureRequest, aws: None, make_store: Any, capsys: pytest.CaptureFixture[str]
) -> IngestWorld:
    world = IngestWorld(make_store(request.param), capsys)
    world.deliver()  # the s3:TestEvent S3 sent when the notification was configured
    return world


# --- The tests ------------------------------------------------------------------------------------------


def test_s3_test_event_is_acknowledged_and_changes_nothing(aws: None, make_store: Any, capsys: Any) -> None:
    world = IngestWorld(make_store("embedded"), capsys)

    delivery = world.deliver()

    assert [json.loads(message["Body"]).get("Event") for message in delivery.messages] == ["s3:TestEvent"]
    assert delivery.failed_ids == set()
    assert world.receive() == []
    assert delivery.logs("s3:TestEvent acknowledged")
    assert world.store.search(SearchQuery()).total == 0


def test_upload_is_indexed_with_its_origin(world: IngestWorld) -> None:
    key = "world/2026/lisbon port strike (update).html"
    world.put(
        key,
        news_page(
            "Lisbon dock workers strike over night pay",
            "https://harbourledger.example/port-strike",
            PORT_STRIKE,
        ),
    )

    delivery = world.deliver()

    assert delivery.failed_ids == set()
    article = world.article(key)
    assert article is not None
    assert article.title == "Lisbon dock workers strike over night pay"
    assert article.origin.bucket == world.bucket
    assert article.origin.key == key  # URL-decoded: S3 sent "world/2026/lisbon+port+strike+%28update%29.html"
    assert "night-shift pay" in article.text
    assert world.titles() == {"Lisbon dock workers strike over night pay"}
    assert [value for value, _ in delivery.metric_values("ArticlesIndexed")] == [1.0]
    (applied,) = delivery.logs("event applied: indexed")
    assert applied["correlation_id"] == key


def test_reupload_under_another_canonical_url_replaces_the_article(world: IngestWorld) -> None:
    key = "port.html"
    world.put(
        key,
        news_page(
            "Lisbon dock workers strike over night pay",
            "https://harbourledger.example/port-strike",
            PORT_STRIKE,
        ),
    )
    world.deliver()
    first = world.article(key)
    assert first is not None

    world.put(
        key,
        news_page(
            "Lisbon dock workers accept pay deal", "https://harbourledger.example/port-deal", PORT_DEAL
        ),
    )
    world.deliver()

    second = world.article(key)
    assert second is not None and second.id != first.id
    assert second.title == "Lisbon dock workers accept pay deal"
    assert world.store.get(first.id) is None
    assert world.titles() == {"Lisbon dock workers accept pay deal"}


def test_a_page_held_by_two_keys_lives_until_both_are_deleted(world: IngestWorld) -> None:
    page = news_page("Lisbon dock workers strike", "https://harbourledger.example/port", PORT_STRIKE)
    world.put("A.html", page)
    world.put("B.html", page)
    world.deliver()
    (article_id,) = {hit.id for hit in world.store.search(SearchQuery()).hits}
    assert sorted(held.key for held in world.store.holders(article_id)) == ["A.html", "B.html"]

    world.remove("B.html")
    world.deliver()
    assert world.store.get(article_id) is not None
    assert [held.key for held in world.store.holders(article_id)] == ["A.html"]

    world.remove("A.html")
    world.deliver()
    assert world.store.get(article_id) is None
    assert world.titles() == set()


def test_reupload_of_an_edited_page_updates_it_in_place(world: IngestWorld) -> None:
    key = "port.htm"
    canonical = "https://harbourledger.example/port"
    world.put(key, news_page("Lisbon dock workers strike", canonical, PORT_STRIKE))
    world.deliver()
    world.put(key, news_page("Lisbon dock workers strike, ships diverted to Sines", canonical, PORT_STRIKE))
    world.deliver()

    article = world.article(key)
    assert article is not None
    assert article.title == "Lisbon dock workers strike, ships diverted to Sines"
    assert world.store.search(SearchQuery()).total == 1


def test_delete_removes_the_article(world: IngestWorld) -> None:
    world.put("bridge.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))
    world.put(
        "port.html", news_page("Lisbon dock workers strike", "https://harbourledger.example/p", PORT_STRIKE)
    )
    world.deliver()
    bridge = world.article("bridge.html")
    assert bridge is not None

    world.remove("bridge.html")
    delivery = world.deliver()

    assert delivery.failed_ids == set()
    assert world.store.get(bridge.id) is None
    assert world.live_ids("bridge.html") == []
    assert world.titles() == {"Lisbon dock workers strike"}
    assert [value for value, _ in delivery.metric_values("ArticlesDeleted")] == [1.0]


def test_a_delete_delivered_before_its_create_leaves_nothing(world: IngestWorld) -> None:
    world.put(
        "late.html",
        news_page("Lisbon dock workers strike", "https://harbourledger.example/late", PORT_STRIKE),
    )
    world.remove("late.html")
    created, removed = world.receive()

    world.invoke([removed])
    delivery = world.invoke([created])

    assert delivery.failed_ids == set()
    assert world.live_ids("late.html") == []
    assert world.store.search(SearchQuery()).total == 0


def test_a_late_create_whose_object_is_gone_is_not_an_error(world: IngestWorld) -> None:
    """The object was deleted before its create event was processed: nothing to index, no retry."""
    world.put("gone.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))
    world.remove("gone.html")
    created, removed = world.receive()

    delivery = world.invoke([created])

    assert delivery.failed_ids == set()
    assert world.receive() == []  # acknowledged, not retried
    assert [value for value, _ in delivery.metric_values("ObjectsGone")] == [1.0]
    world.invoke([removed])
    assert world.store.search(SearchQuery()).total == 0


def test_creates_delivered_newest_first_leave_the_newest(world: IngestWorld) -> None:
    key = "port.html"
    world.put(
        key,
        news_page(
            "Lisbon dock workers strike over night pay", "https://harbourledger.example/a", PORT_STRIKE
        ),
    )
    world.put(
        key, news_page("Lisbon dock workers accept pay deal", "https://harbourledger.example/b", PORT_DEAL)
    )
    older, newer = world.receive()

    world.invoke([newer])
    world.invoke([older])

    article = world.article(key)
    assert article is not None and article.title == "Lisbon dock workers accept pay deal"
    assert world.titles() == {"Lisbon dock workers accept pay deal"}


def test_duplicate_delivery_changes_nothing(world: IngestWorld) -> None:
    world.put("bridge.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))
    (message,) = world.receive()
    world.invoke([message])
    before = world.article("bridge.html")

    # SQS delivers at least once: the same notification arrives again, in a later batch.
    world.sqs.send_message(QueueUrl=world.queue_url, MessageBody=message["Body"])
    delivery = world.deliver()

    assert delivery.failed_ids == set()
    assert world.article("bridge.html") == before
    assert [value for value, _ in delivery.metric_values("StaleEvents")] == [1.0]


def test_a_poison_file_is_rejected_recorded_and_not_retried(world: IngestWorld) -> None:
    world.put("poison.html", POISON)
    world.put("bridge.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))

    delivery = world.deliver()

    assert delivery.failed_ids == set()
    assert world.receive() == []  # the poison message was acknowledged: no retry, no dead letter
    assert world.dlq_bodies() == []
    assert world.titles() == {"Porto closes lower deck of Luis I bridge"}
    (entry,) = world.rejections.recent()
    assert (entry.bucket, entry.key, entry.reason) == (world.bucket, "poison.html", RejectionReason.BINARY)
    (logged,) = delivery.logs("upload rejected")
    assert logged["reason"] == "binary" and logged["correlation_id"] == "poison.html"
    assert [(value, line["reason"]) for value, line in delivery.metric_values("UploadsRejected")] == [
        (1.0, "binary")
    ]


def test_with_metrics_off_a_rejection_prints_no_metric_line(
    world: IngestWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "true")
    world.put("poison.html", POISON)

    delivery = world.deliver()

    assert [entry.key for entry in world.rejections.recent()] == ["poison.html"]
    assert delivery.metric_values("UploadsRejected") == []


def test_an_article_opensearch_refuses_for_good_is_a_recorded_rejection_not_a_retry(
    aws: None, make_store: Any, capsys: Any
) -> None:
    world = IngestWorld(make_store("opensearch"), capsys)
    world.deliver()

    def with_unindexable_actor(*args: Any, **kwargs: Any) -> Any:
        # A keyword term over Lucene's 32766-byte limit: OpenSearch refuses the document itself.
        result = build_article(*args, **kwargs)
        assert isinstance(result, Article)
        huge = Actor(name="x" * 40_000, type="person", mentions=1, salience=0.5)
        return result.model_copy(update={"actors": [*result.actors, huge]})

    world.app._ingestor = Ingestor(
        store=world.store,
        source=S3ObjectSource(world.s3),
        rejections=world.rejections,
        settings=Settings(),
        build=with_unindexable_actor,
    )
    world.put("bridge.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))

    delivery = world.deliver()

    assert delivery.failed_ids == set()
    assert world.receive() == [] and world.dlq_bodies() == []
    (entry,) = world.rejections.recent()
    assert (entry.key, entry.reason) == ("bridge.html", RejectionReason.INDEX_REFUSED)
    assert world.store.search(SearchQuery()).total == 0


def test_a_rejected_reupload_removes_the_previous_article(world: IngestWorld) -> None:
    world.put(
        "port.html", news_page("Lisbon dock workers strike", "https://harbourledger.example/p", PORT_STRIKE)
    )
    world.deliver()
    world.put("port.html", POISON)

    world.deliver()

    assert world.live_ids("port.html") == []
    assert world.store.search(SearchQuery()).total == 0


def test_the_store_down_fails_only_that_record_until_the_dead_letter_queue(world: IngestWorld) -> None:
    flaky = FlakyStore(world.store, "port.html")
    world.app._ingestor = Ingestor(
        store=flaky, source=S3ObjectSource(world.s3), rejections=world.rejections, settings=Settings()
    )
    world.put(
        "port.html", news_page("Lisbon dock workers strike", "https://harbourledger.example/p", PORT_STRIKE)
    )
    world.put("bridge.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))

    first = world.deliver()

    (failed_message,) = [m for m in first.messages if m["MessageId"] in first.failed_ids]
    assert "port.html" in failed_message["Body"]
    assert world.titles() == {"Porto closes lower deck of Luis I bridge"}
    assert first.logs("transient failure; the queue will redeliver")

    # Still down: SQS redelivers it until its fifth receive, then parks it in the dead-letter queue.
    for _ in range(4):
        assert world.deliver().failed_ids == {failed_message["MessageId"]}
    assert world.receive() == []
    (parked,) = world.dlq_bodies()
    assert "port.html" in parked

    # The operator redrives it once the store is back: it is indexed.
    flaky.down = False
    world.sqs.send_message(QueueUrl=world.queue_url, MessageBody=parked)
    assert world.deliver().failed_ids == set()
    assert world.titles() == {"Lisbon dock workers strike", "Porto closes lower deck of Luis I bridge"}


def _version_deleted_message(world: IngestWorld, key: str, version_id: str) -> str:
    """The notification S3 sends when one version is deleted for good (moto sends none)."""
    now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "awsRegion": REGION,
        "eventTime": now,
        "eventName": "ObjectRemoved:Delete",
        "s3": {
            "s3SchemaVersion": "1.0",
            "bucket": {"name": world.bucket, "arn": f"arn:aws:s3:::{world.bucket}"},
            "object": {"key": quote_plus(key), "versionId": version_id},
        },
    }
    return json.dumps({"Records": [record]})


def test_deleting_the_current_version_for_good_brings_the_previous_one_back(world: IngestWorld) -> None:
    world.s3.put_bucket_versioning(Bucket=world.bucket, VersioningConfiguration={"Status": "Enabled"})
    key = "port strike.html"
    world.put(key, news_page("Lisbon dock workers strike", "https://harbourledger.example/a", PORT_STRIKE))
    world.put(
        key, news_page("Lisbon dock workers accept pay deal", "https://harbourledger.example/b", PORT_DEAL)
    )
    world.deliver()
    versions = world.s3.list_object_versions(Bucket=world.bucket, Prefix=key)["Versions"]
    newest, oldest = sorted(versions, key=lambda version: version["LastModified"], reverse=True)[:2]
    assert world.titles() == {"Lisbon dock workers accept pay deal"}

    time.sleep(0.003)
    world.s3.delete_object(Bucket=world.bucket, Key=key, VersionId=newest["VersionId"])
    world.sqs.send_message(
        QueueUrl=world.queue_url, MessageBody=_version_deleted_message(world, key, newest["VersionId"])
    )
    assert world.deliver().failed_ids == set()
    assert world.titles() == {"Lisbon dock workers strike"}

    time.sleep(0.003)
    world.s3.delete_object(Bucket=world.bucket, Key=key, VersionId=oldest["VersionId"])
    world.sqs.send_message(
        QueueUrl=world.queue_url, MessageBody=_version_deleted_message(world, key, oldest["VersionId"])
    )
    assert world.deliver().failed_ids == set()
    assert world.live_ids(key) == []


def test_a_message_that_is_not_an_s3_notification_fails_alone(world: IngestWorld) -> None:
    world.sqs.send_message(QueueUrl=world.queue_url, MessageBody="{not json")
    world.put("bridge.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))

    delivery = world.deliver()

    (failed,) = [m for m in delivery.messages if m["MessageId"] in delivery.failed_ids]
    assert failed["Body"] == "{not json"
    assert world.titles() == {"Porto closes lower deck of Luis I bridge"}


def test_an_unreachable_opensearch_fails_the_records_and_loses_nothing(
    aws: None, make_store: Any, capsys: Any
) -> None:
    """A real outage, not an injected one: the adapter pointed at a port nothing listens on."""
    import socket

    from newsfacet.store.opensearch.store import OpenSearchStore

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    dead = OpenSearchStore.from_settings(
        Settings(store=f"http://127.0.0.1:{dead_port}", opensearch_auth="none", index_alias="down")
    )
    world = IngestWorld(make_store("embedded"), capsys)
    world.deliver()
    world.app._ingestor = Ingestor(
        store=dead, source=S3ObjectSource(world.s3), rejections=world.rejections, settings=Settings()
    )
    world.put("bridge.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))

    delivery = world.deliver()

    assert delivery.failed_ids == {message["MessageId"] for message in delivery.messages}
    assert len(world.receive()) == 1  # back on the queue for a retry


def test_article_keys_in_any_case_are_indexed_and_other_keys_recorded_as_rejections(
    aws: None, make_store: Any, capsys: Any
) -> None:
    world = IngestWorld(make_store("embedded"), capsys)
    world.deliver()
    world.put("upper.HTML", news_page("Lisbon dock strike", None, PORT_STRIKE))
    world.put("mixed.Htm", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))
    world.put("notes.pdf", b"%PDF-1.4 not an article")

    world.deliver()

    titles = {hit.title for hit in world.store.search(SearchQuery(size=10)).hits}
    assert titles == {"Lisbon dock strike", "Porto closes lower deck of Luis I bridge"}
    recorded = world.rejections.recent()
    assert [(entry.key, entry.reason) for entry in recorded] == [
        ("notes.pdf", RejectionReason.UNSUPPORTED_KEY)
    ]


def test_rejections_command_lists_recorded_rejections(
    world: IngestWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfacet.cli import main

    world.put("poison.html", POISON)
    world.deliver()
    monkeypatch.setenv("NEWSFACET_REJECTIONS_TABLE", world.table)
    world.capsys.readouterr()

    assert main(["rejections"]) == 0

    out = world.capsys.readouterr().out
    assert f"s3://{world.bucket}/poison.html" in out
    assert "binary" in out


def test_a_rejected_key_leaves_the_log_once_it_is_indexed_or_removed(world: IngestWorld) -> None:
    world.put("fixed-later.html", POISON)
    world.put("removed-later.html", POISON)
    world.deliver()
    assert {entry.key for entry in world.rejections.recent()} == {"fixed-later.html", "removed-later.html"}

    world.put("fixed-later.html", news_page("Lisbon dock strike", None, PORT_STRIKE))
    world.remove("removed-later.html")
    world.deliver()

    assert world.rejections.recent() == []
    assert world.store.search(SearchQuery(q="dock strike")).total == 1


# --- Reconcile: notifications lost, drift found and repaired ---------------------------------------


def lose_notifications(world: IngestWorld) -> None:
    """What a crash between S3's acknowledgement and ingest does: the notifications never arrive."""
    world.sqs.purge_queue(QueueUrl=world.queue_url)


def test_reconcile_reenqueues_lost_uploads_and_releases_lost_removals(world: IngestWorld) -> None:
    from newsfacet.objects.s3 import S3Bucket
    from newsfacet.reconcile import reconcile

    world.put("kept.html", news_page("Lisbon dock strike", None, PORT_STRIKE))
    world.put("removed.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))
    world.put("poison.html", POISON)
    world.deliver()
    world.put("lost.html", news_page("Lisbon dock workers accept pay deal", None, PORT_DEAL))
    world.remove("removed.html")
    lose_notifications(world)
    bucket = S3Bucket(world.bucket, world.s3, world.sqs, world.queue_url)

    report = reconcile(bucket, world.store, world.rejections)

    assert report.missing == ["lost.html"]
    assert [hold.split(" <- ")[1] for hold in report.orphaned] == ["removed.html"]
    assert (report.objects, report.indexed, report.rejected) == (3, 1, 1)
    assert world.titles() == {"Lisbon dock strike"}
    world.deliver()  # the re-enqueued notification takes the ordinary path
    assert world.titles() == {"Lisbon dock strike", "Lisbon dock workers accept pay deal"}
    again = reconcile(bucket, world.store, world.rejections)
    assert (again.lost, again.orphaned, again.indexed, again.rejected) == (0, [], 2, 1)


def test_the_scheduled_reconcile_function_reenqueues_a_lost_upload(
    aws: None, make_store: Any, capsys: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_url = f"sqlite:///{tmp_path}/articles.db"
    world = IngestWorld(open_store_at(store_url), capsys)
    world.deliver()
    world.put("lost.html", news_page("Lisbon dock strike", None, PORT_STRIKE))
    lose_notifications(world)
    for name, value in {
        "NEWSFACET_STORE": store_url,
        "NEWSFACET_ARTICLES_BUCKET": world.bucket,
        "NEWSFACET_INGEST_QUEUE_URL": world.queue_url,
        "NEWSFACET_REJECTIONS_TABLE": world.table,
        "POWERTOOLS_METRICS_DISABLED": "true",
    }.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location(
        "reconcile_app_under_test", ROOT / "functions/reconcile/app.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    report = module.lambda_handler({"source": "aws.scheduler"}, LambdaContextStub())

    assert report["missing"] == ["lost.html"]
    world.deliver()
    assert world.titles() == {"Lisbon dock strike"}


def open_store_at(url: str) -> ArticleStore:
    from newsfacet.store import open_store

    return open_store(Settings(store=url))


# --- The fault matrix (reduced sizes): each case ends with a reconcile that finds nothing lost -------


def assert_nothing_lost(world: IngestWorld) -> None:
    """Every object of the bucket is indexed or rejected, and nothing indexed lacks its object."""
    assert_reconciled(final_reconcile(world))


def assert_reconciled(report: ReconcileReport) -> None:
    assert (report.lost, report.orphaned) == (0, []), report.summary()
    assert report.objects == report.indexed + report.rejected, report.summary()


def test_fault_matrix_poison_inputs_are_all_rejected_with_a_reason(world: IngestWorld) -> None:
    found = fault_matrix.poison_inputs(world, copies=1)
    assert (
        found.found_rejections
        == found.expected_rejections
        == {
            "binary-0.html",
            "empty-0.html",
            "bomb-0.html.gz",
            "not-a-page-0.html",
            "notes-0.txt",
        }
    )
    assert found.found_titles == found.expected_titles == {"Harbour story number 1"}
    assert_reconciled(found.report)


def test_fault_matrix_churn_duplicates_reuploads_deletes_and_twins(world: IngestWorld) -> None:
    found = fault_matrix.churn(world, rounds=1)
    assert found.found_titles == {
        "Harbour story number 1",
        "Harbour story number 2, updated",
        "Harbour story number 4",
        "Harbour story number 5",
    }
    assert found.expected_titles == found.found_titles
    assert_reconciled(found.report)


def test_fault_matrix_a_burst_is_indexed_whole(world: IngestWorld) -> None:
    found, _ = fault_matrix.burst(world, uploads=24)
    assert len(found.found_titles) == 24
    assert found.found_titles == found.expected_titles
    assert_reconciled(found.report)


def test_fault_matrix_an_outage_then_recovery_loses_nothing(world: IngestWorld) -> None:
    found, failed_while_down = fault_matrix.outage_and_recovery(world, before=1, during=1)
    assert failed_while_down == 1  # the store is down for this key: the queue keeps it
    assert found.found_titles == {"Harbour story number 0", "Harbour story number 1"}
    assert found.expected_titles == found.found_titles
    assert_reconciled(found.report)


def test_fault_matrix_notifications_lost_in_a_crash_are_found_by_reconcile(world: IngestWorld) -> None:
    world.put("early.html", story(1))
    world.deliver()
    world.put("acknowledged.html", story(2))  # S3 said yes; the stack dies before ingest
    world.remove("early.html")
    lose_notifications(world)

    repaired = final_reconcile(world)
    assert (repaired.lost, len(repaired.orphaned)) == (1, 1)
    world.deliver()
    assert world.titles() == {"Harbour story number 2"}
    assert_nothing_lost(world)


HARBOUR = "https://harbourledger.example"


class ReconcileOutageStore(FlakyStore):
    """Writes reach the store; reading one key's versions fresh (what reconciling does) fails while `down`."""

    def write_batch(self, writes: Sequence[StoreWrite]) -> list[WriteResult]:
        return self.inner.write_batch(writes)

    def story_candidates(self, article: Article, limit: int) -> Any:
        return self.inner.story_candidates(article, limit)

    def find_by_origin(self, bucket: str, key: str, *, fresh: bool = True) -> list[StoredVersion]:
        if fresh:
            self._check(key)
        return self.inner.find_by_origin(bucket, key, fresh=fresh)


def test_one_batch_of_reuploads_and_deletes_leaves_what_each_key_last_holds(world: IngestWorld) -> None:
    world.put(
        "port.html",
        news_page("Lisbon dock workers strike over night pay", f"{HARBOUR}/a", PORT_STRIKE),
    )
    world.put("port.html", news_page("Lisbon dock workers accept pay deal", f"{HARBOUR}/b", PORT_DEAL))
    world.put("bridge.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))
    world.remove("bridge.html")

    delivery = world.deliver()  # all four in one batch: the removal must see the upload before it

    assert len(delivery.messages) == 4 and delivery.failed_ids == set()
    assert world.titles() == {"Lisbon dock workers accept pay deal"}
    assert len(world.live_ids("port.html")) == 1
    assert world.live_ids("bridge.html") == []


def test_a_batch_whose_reconcile_fails_redelivers_only_the_records_of_that_key(world: IngestWorld) -> None:
    outage = ReconcileOutageStore(world.store, "port.html")
    world.app._ingestor = Ingestor(
        store=outage, source=S3ObjectSource(world.s3), rejections=world.rejections, settings=Settings()
    )
    world.put("port.html", news_page("Lisbon dock workers strike", f"{HARBOUR}/a", PORT_STRIKE))
    world.put("bridge.html", news_page("Porto closes lower deck of Luis I bridge", None, BRIDGE))

    first = world.deliver()

    (failed,) = [message for message in first.messages if message["MessageId"] in first.failed_ids]
    assert "port.html" in failed["Body"]
    assert first.logs("transient failure; the queue will redeliver")

    outage.down = False
    world.put("port.html", news_page("Lisbon dock workers accept pay deal", f"{HARBOUR}/b", PORT_DEAL))
    assert world.deliver().failed_ids == set()
    deal, bridge = "Lisbon dock workers accept pay deal", "Porto closes lower deck of Luis I bridge"
    assert world.titles() == {deal, bridge}
    assert len(world.live_ids("port.html")) == 1


def test_an_sqs_batch_is_one_bulk_request_two_searches_and_grouped_lookups_on_opensearch(
    aws: None, make_store: Any, capsys: Any
) -> None:
    world = IngestWorld(make_store("opensearch"), capsys)
    world.deliver()
    world.put("warm.html", story(0))  # the index exists: what is counted is the batch's own requests
    world.deliver()
    for number in range(1, 6):
        world.put(f"story-{number}.html", story(number))
    world.put("twin.html", story(1))  # the same page under a second key
    world.put("poison.html", b"\x00\x01 not a page")
    calls = record_calls(world.store)  # type: ignore[arg-type]

    delivery = world.deliver()

    assert len(delivery.messages) == 7 and delivery.failed_ids == set()
    paths = [call.path for call in calls.calls]
    alias = world.store.alias  # type: ignore[attr-defined]
    # The versions and holders the writes build on, then the writes, made searchable by the bulk
    # request itself (no separate refresh).
    assert (paths.count(f"/{alias}/_mget"), paths.count(f"/{alias}/_bulk")) == (1, 1)
    assert paths.count(f"/{alias}/_refresh") == 0
    # The stale checks and the reconciling reads: one search each for the whole batch's keys; the
    # story candidates (ranked per article) of the six articles (the twin's included, none for the
    # poison): a multi-search of the first four as soon as they are built, while the others are
    # built, and one of the last two once the batch is built.
    assert (paths.count(f"/{alias}/_search"), paths.count(f"/{alias}/_msearch")) == (2, 2)
    assert len(world.titles()) == 6
    assert len(world.store.holders(world.live_ids("twin.html")[0])) == 2
    (rejected,) = world.rejections.recent()
    assert rejected.key == "poison.html"
    assert_nothing_lost(world)
