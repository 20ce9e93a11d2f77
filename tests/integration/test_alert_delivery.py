"""Alerts delivered at ingest: through the real ingest handler with moto's S3, SQS and SNS (both
engines), and through the local stack to a webhook. A saved search receives exactly the articles
ingested after it was saved that match it, once each (a redelivered notification, a re-upload of
an edited page do not send it again); a failing target is retried, recorded, and ingest goes on."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import boto3
import pytest
from newsfacet.alerts import Alert, AlertNotifier, new_alert
from newsfacet.alerts.delivery import TargetSender
from newsfacet.config import Settings
from newsfacet.ingest import Ingestor
from newsfacet.localrun.run import LocalRun, StackOptions
from newsfacet.model import SearchQuery
from newsfacet.objects.s3 import S3ObjectSource
from newsfacet.store import alert_store, open_store
from test_ingest_pipeline import ENGINES, REGION, IngestWorld, aws, news_page  # noqa: F401 - aws: a fixture
from test_local_stack import FIRST_INGEST_TIMEOUT_S, LATER_TIMEOUT_S, wait_for

STRIKE = [
    "Dock workers at the port of Lisbon walked out on Monday in a dispute over night-shift pay, "
    "leaving container ships waiting at anchor in the Tagus estuary.",
    "The union said the strike would continue until the port authority reopened talks on the "
    "overtime rules it changed last spring without consulting the workforce.",
]
STRIKE_SPREADS = [
    "The strike by dock workers spread from Lisbon to the port of Setubal on Wednesday, where "
    "crane operators joined the stoppage over the same changes to night-shift pay.",
    "Shipping lines diverted two container vessels to Sines while the stoppage lasts.",
]
BRIDGE = [
    "Porto closed the lower deck of the Luis I bridge to traffic on Tuesday after inspectors found "
    "corrosion on two of the iron girders that carry the roadway over the Douro.",
    "The city said buses would be diverted across the Infante bridge for at least three weeks.",
]
EARLIER_STRIKE = [
    "Dock workers at the port of Leixoes held a one-day strike over pay last month, the union "
    "recalled, and warned that the dispute over shift rules could spread to other ports.",
    "The port authority said talks with the union would resume after the summer holidays.",
]


@pytest.fixture(params=ENGINES)
def topic_world(
    request: pytest.FixtureRequest, make_store: Any, capsys: pytest.CaptureFixture[str]
) -> Iterator[tuple[IngestWorld, Any, str]]:
    """The ingest world with an SNS topic (what the template adds) and a queue subscribed to it."""
    request.getfixturevalue("aws")  # moto, from the ingest pipeline's tests
    world = IngestWorld(make_store(request.param), capsys)
    world.deliver()  # the s3:TestEvent
    sns = boto3.client("sns", region_name=REGION)
    topic = sns.create_topic(Name="newsfacet-alerts")["TopicArn"]
    inbox = world.sqs.create_queue(QueueName="alert-inbox")["QueueUrl"]
    sns.subscribe(
        TopicArn=topic,
        Protocol="sqs",
        Endpoint=world._arn(inbox),
        Attributes={"RawMessageDelivery": "true"},
    )
    settings = Settings(store="sqlite:///unused.db", rejections_table=world.table, alerts_topic_arn=topic)
    saved = alert_store(world.store)
    world.app._ingestor = Ingestor(
        store=world.store,
        source=S3ObjectSource(world.s3),
        rejections=world.rejections,
        settings=settings,
        alerts=AlertNotifier(saved, TargetSender(settings, sns), sleep=lambda _: None),
    )
    yield world, saved, inbox
    destroy = getattr(saved, "destroy", None)
    if destroy is not None:
        destroy()
    saved.close()


def _inbox(world: IngestWorld, inbox: str) -> list[dict[str, Any]]:
    messages = []
    while batch := world.sqs.receive_message(QueueUrl=inbox, MaxNumberOfMessages=10).get("Messages", []):
        messages += [json.loads(message["Body"]) for message in batch]
        for message in batch:
            world.sqs.delete_message(QueueUrl=inbox, ReceiptHandle=message["ReceiptHandle"])
    return messages


def test_a_saved_search_gets_each_later_matching_article_once_on_sns(
    topic_world: tuple[IngestWorld, Any, str],
) -> None:
    world, saved, inbox = topic_world
    world.put("earlier.html", news_page("Leixoes dockers held strike", None, EARLIER_STRIKE))
    world.deliver()
    strikes: Alert = new_alert("key:alice", SearchQuery(q="strike dock"), "sns")
    bridges: Alert = new_alert("key:bob", SearchQuery(q="bridge"), "sns")
    saved.save(strikes)
    saved.save(bridges)

    world.put("strike.html", news_page("Lisbon dock workers strike", "https://port.example/strike", STRIKE))
    world.put("spreads.html", news_page("Strike spreads to Setubal", None, STRIKE_SPREADS))
    world.put("bridge.html", news_page("Porto closes bridge deck", None, BRIDGE))
    (first, *others) = world.receive()
    world.invoke([first, *others])
    # At least once: the same notification again; and an edited re-upload of a matching page.
    world.sqs.send_message(QueueUrl=world.queue_url, MessageBody=first["Body"])
    world.deliver()
    edited = [*STRIKE, "Talks are due to resume on Friday."]
    world.put("strike.html", news_page("Lisbon dock workers strike", "https://port.example/strike", edited))
    world.deliver()

    messages = _inbox(world, inbox)
    by_alert: dict[str, list[str]] = {}
    for message in messages:
        by_alert.setdefault(message["alert_id"], []).append(message["title"])
    assert sorted(by_alert[strikes.id]) == ["Lisbon dock workers strike", "Strike spreads to Setubal"]
    assert by_alert[bridges.id] == ["Porto closes bridge deck"]
    assert len(messages) == 3
    assert {entry.status for entry in saved.deliveries(strikes.id)} == {"delivered"}
    assert {message["owner"] for message in messages if message["alert_id"] == strikes.id} == {"key:alice"}


def test_a_failing_target_is_retried_recorded_and_ingest_goes_on(
    topic_world: tuple[IngestWorld, Any, str],
) -> None:
    world, saved, _ = topic_world
    # A closed port: every attempt fails at once.
    dead = new_alert("key:alice", SearchQuery(q="bridge"), "http://127.0.0.1:9/hook")
    saved.save(dead)

    world.put("bridge.html", news_page("Porto closes bridge deck", None, BRIDGE))
    delivery = world.deliver()

    assert delivery.failed_ids == set()
    assert world.titles() == {"Porto closes bridge deck"}
    (entry,) = saved.deliveries(dead.id)
    assert (entry.status, entry.attempts) == ("failed", 3)
    assert "unreachable" in entry.detail


# --- the local stack, to a webhook ------------------------------------------------------------------


class _Hook(BaseHTTPRequestHandler):
    received: list[dict[str, Any]]

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.received.append(json.loads(self.rfile.read(length)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _request(method: str, url: str, body: Any = None, key: str = "alice") -> tuple[int, Any]:
    import urllib.request

    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, method=method, headers={"x-api-key": key, "Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read()
        return response.status, json.loads(text) if text else None


def test_the_local_stack_sends_matches_to_a_webhook_once(tmp_path: Path) -> None:
    received: list[dict[str, Any]] = []
    hook = ThreadingHTTPServer(("127.0.0.1", 0), type("Hook", (_Hook,), {"received": received}))
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    hook_url = f"http://127.0.0.1:{hook.server_address[1]}/hook"
    settings = Settings(store=f"sqlite:///{tmp_path}/articles.db")
    try:
        with LocalRun(settings, StackOptions(port=0, upload_samples=False, quiet=True)) as stack:
            status, alert = _request("POST", f"{stack.api_url}/alerts", {"q": "strike", "target": hook_url})
            assert status == 201
            s3, _ = stack.emulator.clients()
            canonical = "https://port.example/strike"
            s3.put_object(Bucket=stack.bucket, Key="strike.html", Body=news_page("Strike", canonical, STRIKE))
            s3.put_object(Bucket=stack.bucket, Key="bridge.html", Body=news_page("Bridge", None, BRIDGE))
            wait_for(
                lambda: stack.searchable_count() == 2 and received, FIRST_INGEST_TIMEOUT_S, "two articles"
            )
            # The same page under a second key: the article is written again, not sent again.
            s3.put_object(Bucket=stack.bucket, Key="again.html", Body=news_page("Strike", canonical, STRIKE))
            store = open_store(settings)
            wait_for(
                lambda: store.find_by_origin(stack.bucket, "again.html"), LATER_TIMEOUT_S, "the re-upload"
            )
            assert stack.searchable_count() == 2
            assert [message["alert_id"] for message in received] == [alert["id"]]
            assert received[0]["title"] == "Strike"
            assert _request("GET", f"{stack.api_url}/alerts")[1]["alerts"][0]["target"] == hook_url
            assert _request("GET", f"{stack.api_url}/alerts", key="bob")[1]["alerts"] == []
    finally:
        hook.shutdown()
