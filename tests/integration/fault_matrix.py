"""The fault matrix's scenarios, each taking its size: CI runs them reduced
(`test_ingest_pipeline.py`, `test_local_stack.py`), `bench/fault_matrix.py` at the issue's full sizes.

Each scenario does what an operator or an attacker would (poison inputs, churn, a burst, a store
outage and its recovery, the local stack killed mid-batch) and ends with a reconcile of the bucket
against the index and the rejection log. It returns what it expected and what it found; the callers
judge (the tests assert, the benchmark counts).
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import boto3
from newsfacet.config import Settings
from newsfacet.ingest import Ingestor
from newsfacet.localrun.run import LOCAL_CREDENTIALS, LocalRun, StackOptions
from newsfacet.objects.s3 import S3Bucket, S3ObjectSource
from newsfacet.reconcile import ReconcileReport, reconcile
from newsfacet.rejections import open_rejection_log

from tests.integration import ingest_world
from tests.integration.ingest_world import POISON, PORT_STRIKE, FlakyStore, IngestWorld, news_page


def _sqs_batch_size() -> int:
    """The ingest function's SQS batch size in template.yaml: messages reach the handler so many at most."""
    events = ingest_world.template()["Resources"]["IngestFunction"]["Properties"]["Events"]
    return int(next(event["Properties"]["BatchSize"] for event in events.values() if event["Type"] == "SQS"))


SQS_BATCH = _sqs_batch_size()


@dataclass(frozen=True)
class Outcome:
    """What a scenario expected to be searchable, what was, and the reconcile that ended it."""

    expected_titles: set[str]
    found_titles: set[str]
    report: ReconcileReport
    expected_rejections: AbstractSet[str] = frozenset()
    found_rejections: AbstractSet[str] = frozenset()

    @property
    def lost(self) -> int:
        """Uploads neither indexed nor rejected, expected articles not searchable, holds without objects."""
        missing_titles = len(self.expected_titles - self.found_titles)
        missing_rejections = len(self.expected_rejections - self.found_rejections)
        return self.report.lost + missing_titles + missing_rejections + len(self.report.orphaned)


def story(number: int, canonical: bool = True) -> bytes:
    url = f"https://harbourledger.example/story-{number}" if canonical else None
    return news_page(f"Harbour story number {number}", url, [f"Story {number}. ", *PORT_STRIKE])


def title(number: int) -> str:
    return f"Harbour story number {number}"


def final_reconcile(world: IngestWorld) -> ReconcileReport:
    return reconcile(
        S3Bucket(world.bucket, world.s3, world.sqs, world.queue_url), world.store, world.rejections
    )


def deliver_all(world: IngestWorld) -> None:
    """Deliver until the queue is empty, `SQS_BATCH` messages per invocation."""
    while messages := world.receive():
        for start in range(0, len(messages), SQS_BATCH):
            world.invoke(messages[start : start + SQS_BATCH])


def outcome(
    world: IngestWorld, expected_titles: set[str], expected_rejections: AbstractSet[str] = frozenset()
) -> Outcome:
    return Outcome(
        expected_titles=expected_titles,
        found_titles=world.titles(),
        report=final_reconcile(world),
        expected_rejections=expected_rejections,
        found_rejections=world.rejections.rejected_keys(world.bucket),
    )


def poison_inputs(world: IngestWorld, copies: int = 1) -> Outcome:
    """Each kind of poison `copies` times (binary, blank, a gzip bomb, no markup, not an article key),
    and as many good pages under an upper-case suffix."""
    bomb = gzip.compress(b"<p>" + b" " * 60_000_000)
    rejected: set[str] = set()
    for copy in range(copies):
        poisons = {
            f"binary-{copy}.html": POISON,
            f"empty-{copy}.html": b"   \n",
            f"bomb-{copy}.html.gz": bomb,
            f"not-a-page-{copy}.html": b"just words, no markup, " * 3,
            f"notes-{copy}.txt": b"not an article key",
        }
        for key, body in poisons.items():
            world.put(key, body)
        rejected |= set(poisons)
        world.put(f"good-{copy}.HTML", story(copy + 1))
    deliver_all(world)
    return outcome(world, {title(copy + 1) for copy in range(copies)}, rejected)


def churn(world: IngestWorld, rounds: int = 1) -> Outcome:
    """Per round: a duplicate, a re-upload, a delete, a put/delete/put, twins of which one is deleted;
    every message delivered twice, the second copies in reverse order."""
    expected: set[str] = set()
    for turn in range(rounds):
        first = 5 * turn + 1
        edited = first + 1
        world.put(f"{turn}/dup.html", story(first))
        world.put(f"{turn}/edit.html", story(edited))
        world.put(
            f"{turn}/edit.html",
            story(edited).replace(title(edited).encode(), b"%s, updated" % title(edited).encode()),
        )
        world.put(f"{turn}/gone.html", story(first + 2))
        world.remove(f"{turn}/gone.html")
        world.put(f"{turn}/back.html", story(first + 3))
        world.remove(f"{turn}/back.html")
        world.put(f"{turn}/back.html", story(first + 3))
        world.put(f"{turn}/twin-a.html", story(first + 4))
        world.put(f"{turn}/twin-b.html", story(first + 4))
        world.remove(f"{turn}/twin-a.html")
        expected |= {title(first), f"{title(edited)}, updated", title(first + 3), title(first + 4)}
    messages = world.receive()
    # Delivered at least once and in any order: every message twice, the second copies reversed.
    for start in range(0, len(messages), SQS_BATCH):
        world.invoke(messages[start : start + SQS_BATCH])
    for message in reversed(messages):
        world.sqs.send_message(QueueUrl=world.queue_url, MessageBody=message["Body"])
    deliver_all(world)
    return outcome(world, expected)


def burst(world: IngestWorld, uploads: int = 24, senders: int = 8) -> tuple[Outcome, float]:
    """`uploads` pages put as fast as S3 takes them, from `senders` threads at once (half without a
    canonical URL), then ingested; also returns the seconds the puts took."""
    pages = {f"burst/{number}.html": story(number, canonical=number % 2 == 0) for number in range(uploads)}

    def put(key: str) -> None:
        world.s3.put_object(Bucket=world.bucket, Key=key, Body=pages[key])

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=senders) as pool:
        list(pool.map(put, pages))
    put_seconds = time.perf_counter() - started
    deliver_all(world)
    return outcome(world, {title(number) for number in range(uploads)}), put_seconds


def outage_and_recovery(world: IngestWorld, before: int = 1, during: int = 1) -> tuple[Outcome, int]:
    """`before` uploads the store takes, `during` uploads it fails while it is down; then it is back.
    Also returns how many records failed (and stayed queued) while it was down."""
    during_keys = [f"during-{number}.html" for number in range(during)]
    flaky = FlakyStore(world.store, *during_keys)
    world.app._ingestor = Ingestor(
        store=flaky, source=S3ObjectSource(world.s3), rejections=world.rejections, settings=Settings()
    )
    for number in range(before):
        world.put(f"before-{number}.html", story(number))
    for number, key in enumerate(during_keys, start=before):
        world.put(key, story(number))
    failed = 0
    for_now = world.receive()
    for start in range(0, len(for_now), SQS_BATCH):
        failed += len(world.invoke(for_now[start : start + SQS_BATCH]).failed_ids)
    flaky.down = False  # the node is back
    deliver_all(world)
    return outcome(world, {title(number) for number in range(before + during)}), failed


@dataclass(frozen=True)
class KilledStack:
    """What a stack killed mid-batch and started again showed."""

    listed_after_restart: list[str]
    reconciled_at_start: bool
    missing_at_start: int  # uploads the restart's reconcile found neither indexed nor rejected
    searchable: int  # articles searchable when every upload was, or when the wait ran out
    report: ReconcileReport


def killed_mid_batch(
    settings: Settings,
    options: StackOptions,
    pages: Sequence[tuple[str, bytes]],
    timeout_s: float,
) -> KilledStack:
    """Put `pages` (key, body) through a local stack's S3, stop it at once (moto's memory and the
    notifications not yet ingested are gone), start it again on the same state, wait (at most
    `timeout_s`) until every page is searchable, then reconcile."""
    first = LocalRun(settings, options).start()
    try:
        s3 = _client("s3", first)
        for key, body in pages:
            s3.put_object(Bucket=first.bucket, Key=key, Body=body)
    finally:
        first.stop()

    with LocalRun(settings, options) as second:
        s3 = _client("s3", second)
        listed = [item["Key"] for item in s3.list_objects_v2(Bucket=second.bucket).get("Contents", [])]
        reconciled_at_start = second.last_reconcile is not None
        missing_at_start = second.last_reconcile.lost if second.last_reconcile is not None else 0
        deadline = time.monotonic() + timeout_s
        while (searchable := second.searchable_count()) < len(pages) and time.monotonic() < deadline:
            time.sleep(0.5)
        store_settings = settings.model_copy(update={"store": second.store_url})
        from newsfacet.store import open_store

        store = open_store(store_settings)
        try:
            report = reconcile(
                S3Bucket(second.bucket, s3, _client("sqs", second), second.queue_url),
                store,
                open_rejection_log(store_settings),
            )
        finally:
            destroy = getattr(store, "destroy", None)
            if destroy is not None:  # an OpenSearch index the caller's node would keep: remove it
                destroy()
            store.close()
    return KilledStack(sorted(listed), reconciled_at_start, missing_at_start, searchable, report)


def _client(service: str, stack: LocalRun) -> Any:
    return boto3.client(
        service,
        endpoint_url=stack.s3_endpoint,
        region_name=stack.region,
        aws_access_key_id=LOCAL_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=LOCAL_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
