"""The alert routes over the embedded store: caller identity, ownership, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from newsfacet.api import create_app
from newsfacet.config import Settings
from newsfacet.localserver import LocalContext, event_from_request
from newsfacet.store.embedded.store import EmbeddedStore

ALICE = {"x-api-key": "alice-key"}
BOB = {"x-api-key": "bob-key"}


@pytest.fixture
def call(tmp_path: Path) -> Any:
    store = EmbeddedStore(tmp_path / "articles.db")
    app = create_app(Settings(alert_webhooks=True), lambda: store)

    def invoke(
        method: str, path: str, headers: dict[str, str] | None = None, body: Any = None
    ) -> tuple[int, Any]:
        payload = b"" if body is None else json.dumps(body).encode()
        event = event_from_request(
            method, path, {"Content-Type": "application/json", **(headers or {})}, payload
        )
        response = app.resolve(event, LocalContext())
        return response["statusCode"], json.loads(response["body"]) if response["body"] else None

    return invoke


def test_a_caller_sees_and_deletes_only_its_own_alerts(call: Any) -> None:
    status, first = call("POST", "/alerts", ALICE, {"q": "ceasefire", "actor": ["Bashar al-Assad"]})
    assert status == 201
    assert first["search"] == {
        "q": "ceasefire",
        "filters": {"actor": {"values": ["Bashar al-Assad"], "match": "any"}},
        "date_from": None,
        "date_to": None,
    }
    assert first["target"] == "log"  # no topic configured here
    _, second = call(
        "POST", "/alerts", ALICE, {"q": "floods", "from": "2026-10-01", "target": "https://hooks.example/a"}
    )
    _, bobs = call("POST", "/alerts", BOB, {"q": "ceasefire"})
    assert [alert["id"] for alert in call("GET", "/alerts", ALICE)[1]["alerts"]] == [
        first["id"],
        second["id"],
    ]
    assert [alert["id"] for alert in call("GET", "/alerts", BOB)[1]["alerts"]] == [bobs["id"]]
    # Another caller's alert does not exist for Bob: 404, and it stays.
    assert call("DELETE", f"/alerts/{first['id']}", BOB)[0] == 404
    assert call("DELETE", f"/alerts/{first['id']}", ALICE) == (204, None)
    assert call("DELETE", f"/alerts/{first['id']}", ALICE)[0] == 404
    assert [alert["id"] for alert in call("GET", "/alerts", ALICE)[1]["alerts"]] == [second["id"]]


def test_alert_routes_need_a_caller_identity(call: Any) -> None:
    for method, path, body in (
        ("POST", "/alerts", {"q": "x"}),
        ("GET", "/alerts", None),
        ("DELETE", "/alerts/" + "a" * 32, None),
    ):
        status, reply = call(method, path, None, body)
        assert (status, reply["error"]) == (401, "unauthorized")


def test_an_iam_caller_is_its_principal() -> None:
    from newsfacet.api_alerts import caller_identity

    signed = {"identity": {"userArn": "arn:aws:iam::1:user/ana", "apiKeyId": "k1"}}
    assert caller_identity(signed) == "iam:arn:aws:iam::1:user/ana"
    assert caller_identity({"identity": {"apiKeyId": "k1"}}) == "key:k1"
    assert caller_identity({"identity": {"sourceIp": "1.2.3.4"}}) is None


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({"q": "x", "target": "ftp://files.example/"}, "target"),
        ({"q": "x", "target": "sns"}, "target"),  # no topic configured here
        ({"q": "x", "target": "x" * 3000}, "target"),
        ({"q": " ".join(f"w{n}" for n in range(101))}, "q"),
        ({"q": "x" * 1001}, "q"),
        ({"from": "2026-02-30"}, "from"),
        ({"from": "yesterday"}, "from"),
        ({"from": "2026-11-02", "to": "2026-10-01"}, "from"),
        ({"actor_match": "some"}, "actor_match"),
        ({"actor": [f"a{n}" for n in range(51)]}, "actor"),
        ({"size": 5}, "size"),
    ],
)
def test_an_invalid_search_or_target_is_a_400_naming_it(
    call: Any, body: dict[str, Any], parameter: str
) -> None:
    status, reply = call("POST", "/alerts", ALICE, body)
    assert (status, reply["error"], reply["parameter"]) == (400, "invalid_parameter", parameter)
    assert call("GET", "/alerts", ALICE)[1]["alerts"] == []


def test_webhooks_can_be_turned_off(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "articles.db")
    app = create_app(
        Settings(alert_webhooks=False, alerts_topic_arn="arn:aws:sns:eu-west-1:1:alerts"), lambda: store
    )
    event = event_from_request(
        "POST", "/alerts", ALICE, json.dumps({"target": "https://hooks.example/"}).encode()
    )
    response = app.resolve(event, LocalContext())
    assert (response["statusCode"], json.loads(response["body"])["parameter"]) == (400, "target")
    event = event_from_request("POST", "/alerts", ALICE, json.dumps({"q": "floods"}).encode())
    assert json.loads(app.resolve(event, LocalContext())["body"])["target"] == "sns"


def test_the_openapi_document_describes_alerts(call: Any) -> None:
    document = call("GET", "/openapi.json")[1]
    assert {"post", "get"} <= set(document["paths"]["/alerts"])
    assert {"204", "401", "404"} <= set(document["paths"]["/alerts/{id}"]["delete"]["responses"])
    assert "AlertRequest" in document["components"]["schemas"]
