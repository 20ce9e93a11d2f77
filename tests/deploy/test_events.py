"""events/ (what `sam local invoke -e` and the README use) stays valid: each search event is a
route the template's API defines and the search handler answers it with data; each ingest event is
an SQS batch of S3 notifications that ingest understands, for keys the bucket notifies; the local
environment file names real functions and real settings."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from newsfacet.config import Settings
from newsfacet.localserver import LocalContext, load_search_handler
from newsfacet.model import Actor, Article, Location, Origin
from newsfacet.s3events import parse_notification
from newsfacet.store import open_store

from scripts.package import ROOT
from tests.deploy.cfn import read_template

EVENTS = ROOT / "events"
TEMPLATE = read_template(ROOT / "template.yaml")
ROUTES = TEMPLATE["Resources"]["SearchApi"]["Properties"]["DefinitionBody"]["paths"]
NOTIFIED = {
    (entry["Event"].split(":")[1], entry["Filter"]["S3Key"]["Rules"][0]["Value"])
    for entry in TEMPLATE["Resources"]["ArticlesBucket"]["Properties"]["NotificationConfiguration"][
        "QueueConfigurations"
    ]
}


def names(pattern: str) -> list[Path]:
    found = sorted(EVENTS.glob(pattern))
    assert found, pattern
    return found


@pytest.fixture
def search_handler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The search handler on a store holding the article the events ask about."""
    url = f"sqlite:///{tmp_path / 'articles.db'}"
    store = open_store(Settings(store=url))
    store.upsert(
        [
            Article(
                id="0123456789abcdef0123456789abcdef",
                version=1,
                title="Ceasefire talks resume in Doha",
                text="Ceasefire talks resumed in Doha on Monday, mediators said.",
                lede="Ceasefire talks resumed in Doha on Monday.",
                source="Wire",
                published_at=datetime(2026, 10, 12, tzinfo=UTC),
                language="en",
                word_count=10,
                content_sha256="0" * 64,
                simhash="0" * 16,
                actors=[Actor(name="Manuel Ortega", type="person", mentions=1, salience=0.5)],
                locations=[Location(name="Qatar", kind="country", mentions=1)],
                ingested_at=datetime(2026, 10, 12, tzinfo=UTC),
                origin=Origin(bucket="b", key="world/talks.html"),
            )
        ]
    )
    store.close()
    monkeypatch.setenv("NEWSFACET_STORE", url)
    return load_search_handler()


@pytest.mark.parametrize("path", names("search-*.json"), ids=lambda path: path.stem)
def test_each_search_event_is_a_template_route_that_the_handler_answers(
    path: Path, search_handler: Any
) -> None:
    event = json.loads(path.read_text())
    assert event["httpMethod"].lower() in ROUTES[event["resource"]]
    reply = search_handler(event, LocalContext())
    assert reply["statusCode"] == 200, reply
    body = json.loads(reply["body"])
    if path.stem == "search-query":
        assert body["total"] == 1
    elif path.stem == "search-article":
        assert body["id"] == event["pathParameters"]["id"]
    elif path.stem == "search-facet-values":
        assert [value["value"] for value in body["values"]] == ["Manuel Ortega"]


@pytest.mark.parametrize("path", names("ingest-*.json"), ids=lambda path: path.stem)
def test_each_ingest_event_is_an_sqs_batch_of_notifications_ingest_acts_on(path: Path) -> None:
    records = json.loads(path.read_text())["Records"]
    assert records and all(record["eventSource"] == "aws:sqs" for record in records)
    for record in records:
        notification = parse_notification(record["body"])
        assert notification.is_test_event or notification.events
        for event in notification.events:
            kind = "ObjectCreated" if event.name.startswith("ObjectCreated") else "ObjectRemoved"
            assert any(kind == notified and event.key.endswith(suffix) for notified, suffix in NOTIFIED), (
                event
            )


def test_the_local_environment_names_real_functions_and_settings() -> None:
    environment = json.loads((EVENTS / "local-env.json").read_text())
    functions = {
        name for name, body in TEMPLATE["Resources"].items() if body["Type"] == "AWS::Serverless::Function"
    }
    assert set(environment) == functions
    settings = {f"NEWSFACET_{name.upper()}" for name in Settings.model_fields}
    for variables in environment.values():
        assert all(name in settings or name.startswith("POWERTOOLS_") for name in variables), variables
