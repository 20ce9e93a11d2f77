"""`newsfacet local`, in-process on free ports with the embedded store: an upload through S3 becomes
searchable over HTTP, a delete takes it away, a poison file is rejected and leaves the queue; a
stack killed mid-batch and restarted loses no upload (on OpenSearch too, the session's node).

Every wait is bounded; the first upload also pays for loading the NLP models in this process.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from newsfacet.config import Settings
from newsfacet.localrun.run import LocalRun, StackOptions
from newsfacet.localrun.template import read_template
from newsfacet.rejections import open_rejection_log

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "2026-10-23-circuitreview-voltaic-dresden-chip-plant.html.gz"
FIRST_INGEST_TIMEOUT_S = 120.0  # includes the pipeline's cold start on a busy two-core machine
LATER_TIMEOUT_S = 30.0


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LocalRun]:
    settings = Settings(store=f"sqlite:///{tmp_path}/articles.db")
    with LocalRun(settings, StackOptions(port=0, upload_samples=False, quiet=True)) as running:
        yield running


def get_json(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def wait_for(condition: Callable[[], Any], timeout_s: float, what: str) -> Any:
    deadline = time.monotonic() + timeout_s
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout_s:.0f} s waiting for {what}")
        time.sleep(0.3)


def test_an_upload_becomes_searchable_over_http_and_a_delete_removes_it(stack: LocalRun) -> None:
    s3, _ = stack.emulator.clients()
    search = f"{stack.api_url}/search?q=Voltaic+Dresden"

    s3.put_object(Bucket=stack.bucket, Key="uploads/voltaic.html.gz", Body=SAMPLE.read_bytes())

    body = wait_for(
        lambda: (reply := get_json(search)[1])["total"] == 1 and reply,
        FIRST_INGEST_TIMEOUT_S,
        "the upload to be searchable",
    )
    (hit,) = body["hits"]
    assert hit["title"] == "Voltaic opens Dresden chip plant as Albers touts industrial policy"
    status, article = get_json(f"{stack.api_url}/articles/{hit['id']}")
    assert status == 200
    assert article["origin"]["bucket"] == stack.bucket
    assert article["origin"]["key"] == "uploads/voltaic.html.gz"

    s3.delete_object(Bucket=stack.bucket, Key="uploads/voltaic.html.gz")

    wait_for(lambda: get_json(search)[1]["total"] == 0, LATER_TIMEOUT_S, "the delete to be applied")
    assert get_json(f"{stack.api_url}/articles/{hit['id']}")[0] == 404


def test_a_poison_upload_is_rejected_recorded_and_leaves_the_queue(stack: LocalRun, tmp_path: Path) -> None:
    s3, sqs = stack.emulator.clients()
    log = open_rejection_log(Settings(store=f"sqlite:///{tmp_path}/articles.db"))

    s3.put_object(Bucket=stack.bucket, Key="junk/binary.html", Body=b"\x00\x01\x02 not a page" * 50)

    (entry,) = wait_for(log.recent, LATER_TIMEOUT_S, "the rejection to be recorded")
    assert (entry.bucket, entry.key, entry.reason.value) == (stack.bucket, "junk/binary.html", "binary")

    def queue_drained() -> bool:
        attributes = sqs.get_queue_attributes(QueueUrl=stack.queue_url, AttributeNames=["All"])["Attributes"]
        in_flight = int(attributes["ApproximateNumberOfMessages"]) + int(
            attributes["ApproximateNumberOfMessagesNotVisible"]
        )
        return in_flight == 0

    # A rejection is final: its message is deleted, not left to be redelivered into the DLQ.
    wait_for(queue_drained, LATER_TIMEOUT_S, "the queue to be empty")
    assert get_json(f"{stack.api_url}/search")[1]["total"] == 0


def test_the_local_bucket_and_queues_follow_template_yaml(stack: LocalRun) -> None:
    template = read_template(ROOT / "template.yaml")
    s3, sqs = stack.emulator.clients()

    notifications = s3.get_bucket_notification_configuration(Bucket=stack.bucket)
    configured = sorted(
        (
            entry["Events"][0],
            tuple(rule["Value"] for rule in entry.get("Filter", {}).get("Key", {}).get("FilterRules", [])),
        )
        for entry in notifications["QueueConfigurations"]
    )
    assert configured == sorted(
        (spec.event, tuple(value for _, value in spec.filter_rules)) for spec in template.bucket.notifications
    )
    # Every key is notified (S3 filters are case-sensitive): ingest picks article keys itself.
    assert configured == [("s3:ObjectCreated:*", ()), ("s3:ObjectRemoved:*", ())]

    ingest = template.ingest_queue()
    attributes = sqs.get_queue_attributes(QueueUrl=stack.queue_url, AttributeNames=["All"])["Attributes"]
    assert attributes["VisibilityTimeout"] == ingest.attributes["VisibilityTimeout"]
    redrive = json.loads(attributes["RedrivePolicy"])
    assert redrive["maxReceiveCount"] == ingest.max_receive_count
    assert redrive["deadLetterTargetArn"].endswith(":" + stack.dead_letter_url.rsplit("/", 1)[-1])


def test_stopping_restores_the_environment_and_frees_the_ports(tmp_path: Path) -> None:
    before = os.environ.get("AWS_ENDPOINT_URL")
    stack = LocalRun(
        Settings(store=f"sqlite:///{tmp_path}/articles.db"),
        StackOptions(port=0, upload_samples=False, quiet=True),
    ).start()
    api = stack.api_url
    assert os.environ["AWS_ENDPOINT_URL"] == stack.s3_endpoint
    assert get_json(f"{api}/health") == (200, {"status": "ok"})

    stack.stop()

    assert os.environ.get("AWS_ENDPOINT_URL") == before
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{api}/health", timeout=5)


@pytest.mark.parametrize("engine", ["embedded", "opensearch"])
def test_a_stack_killed_mid_batch_keeps_its_bucket_and_loses_no_upload(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfacet.ingest import is_article_key

    from tests.integration.fault_matrix import killed_mid_batch

    if engine == "opensearch":  # the session's node (its index outlives both stacks), a fresh alias
        url = request.getfixturevalue("opensearch_url")
        settings = Settings(store=url, index_alias=f"killed-{uuid.uuid4().hex[:12]}", opensearch_auth="none")
        # The stack hands its functions the store URL only: the alias and auth reach them from here.
        monkeypatch.setenv("NEWSFACET_INDEX_ALIAS", settings.index_alias)
        monkeypatch.setenv("NEWSFACET_OPENSEARCH_AUTH", "none")
    else:
        settings = Settings(store=f"sqlite:///{tmp_path}/articles.db")
    options = StackOptions(port=0, upload_samples=False, quiet=True, state=tmp_path / "state")
    paths = sorted(path for path in (ROOT / "samples").iterdir() if is_article_key(path.name))[:4]
    pages = [(f"up/{path.name}", path.read_bytes()) for path in paths]

    found = killed_mid_batch(settings, options, pages, timeout_s=FIRST_INGEST_TIMEOUT_S)

    assert found.listed_after_restart == sorted(key for key, _ in pages)
    assert found.reconciled_at_start
    assert found.searchable == len(pages)
    assert (found.report.lost, found.report.orphaned, found.report.indexed) == (0, [], len(pages))
