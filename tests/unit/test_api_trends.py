"""`GET /trends/{dimension}` over the embedded store: shape, the window's end, filters, bad input."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from newsfacet.api import create_app
from newsfacet.config import Settings
from newsfacet.localserver import LocalContext, event_from_request
from newsfacet.model import Actor, Article, Origin
from newsfacet.store.embedded.store import EmbeddedStore
from newsfacet.trends import TrendsResult

LAST_DAY = date(2026, 11, 30)


def trend_article(number: int, day: date, actor: str, source: str = "Wire") -> Article:
    """Article `number`, published on `day` by `source`, naming `actor` (the trend tests' one dimension)."""
    return Article(
        id=f"{number:032x}",
        version=1,
        title=f"Report {number}",
        text="The port authority published its weekly figures.",
        lede="The port authority published its weekly figures.",
        source=source,
        published_at=datetime(day.year, day.month, day.day, 10, tzinfo=UTC),
        word_count=7,
        content_sha256=f"{number:064x}",
        simhash=f"{number:016x}",
        actors=[Actor(name=actor, type="person", mentions=1, salience=0.5)],
        ingested_at=datetime(2026, 12, 1, tzinfo=UTC),
        origin=Origin(bucket="raw", key=f"{number}.html"),
    )


@pytest.fixture
def call() -> Any:
    store = EmbeddedStore(None)
    articles = [trend_article(n, LAST_DAY - timedelta(days=n % 20), "Ada Always") for n in range(40)]
    articles += [
        trend_article(100 + n, LAST_DAY - timedelta(days=n % 3), "Rui Rising", "Port Post") for n in range(9)
    ]
    store.upsert(articles)
    app = create_app(Settings(), lambda: store)

    def invoke(path: str, **query: Any) -> tuple[int, Any]:
        target = f"{path}?{urlencode(query, doseq=True)}" if query else path
        response = app.resolve(event_from_request("GET", target, {}), LocalContext())
        return response["statusCode"], json.loads(response["body"])

    return invoke


def test_trends_reply_ranks_the_rising_actor_with_its_series(call: Any) -> None:
    status, body = call("/trends/actor", window="7d", baseline="14d", to=LAST_DAY.isoformat())
    assert status == 200
    result = TrendsResult.model_validate(body)
    assert [trend.value for trend in result.trends] == ["Rui Rising"]
    assert result.window.last_day == LAST_DAY
    assert result.baseline.first_day == LAST_DAY - timedelta(days=20)
    assert len(result.trends[0].series) == 21
    assert result.trends[0].window_count == 9
    narrowed = TrendsResult.model_validate(call("/trends/actor", to=LAST_DAY.isoformat(), source="Wire")[1])
    assert narrowed.trends == []


def test_the_window_ends_today_by_default(call: Any) -> None:
    status, body = call("/trends/source")
    assert status == 200
    assert body["window"]["last_day"] == datetime.now(UTC).date().isoformat()


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("/trends/actor", {"window": "7"}, "window"),
        ("/trends/actor", {"window": "0d"}, "window"),
        ("/trends/actor", {"baseline": "999d"}, "baseline"),
        ("/trends/actor", {"to": "2026-02-30"}, "to"),
        ("/trends/actor", {"from": "2026-01-01"}, "from"),  # the window and baseline set the days
        ("/trends/actor", {"size": "500"}, "size"),
        ("/trends/person", {}, "dimension"),
    ],
)
def test_bad_trend_parameters_are_400s_naming_them(
    call: Any, path: str, query: dict[str, str], parameter: str
) -> None:
    status, body = call(path, **query)
    assert (status, body["error"], body["parameter"]) == (400, "invalid_parameter", parameter)


def test_a_window_ending_too_early_for_its_baseline_is_a_400_not_a_crash(call: Any) -> None:
    status, body = call("/trends/language", to="0001-01-31")  # 35 days before it: before year 1
    assert (status, body["error"], body["parameter"]) == (400, "invalid_parameter", "to")
    status, _ = call("/trends/language", to="0001-02-04", window="7d", baseline="28d")  # just fits
    assert status == 200


def test_the_openapi_document_describes_trends(call: Any) -> None:
    document = call("/openapi.json")[1]
    operation = document["paths"]["/trends/{dimension}"]["get"]
    assert {"window", "baseline", "to", "q", "actor"} <= {p["name"] for p in operation["parameters"]}
    assert {"200", "400", "503"} <= set(operation["responses"])
    assert "TrendsResult" in document["components"]["schemas"]
