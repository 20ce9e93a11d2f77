"""`GET /trends/{dimension}` over the embedded store: shape, the window's end, filters, bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from newsfacet.model import Actor, Article, Origin
from newsfacet.store.embedded.store import EmbeddedStore
from newsfacet.trends import TrendsResult
from test_api import Call, app_caller

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
def call() -> Call:
    store = EmbeddedStore(None)
    articles = [trend_article(n, LAST_DAY - timedelta(days=n % 20), "Ada Always") for n in range(40)]
    articles += [
        trend_article(100 + n, LAST_DAY - timedelta(days=n % 3), "Rui Rising", "Port Post") for n in range(9)
    ]
    store.upsert(articles)
    return app_caller(lambda: store)


def test_trends_reply_ranks_the_rising_actor_with_its_series(call: Call) -> None:
    reply = call("/trends/actor", window="7d", baseline="14d", to=LAST_DAY.isoformat())
    assert reply.status == 200
    result = TrendsResult.model_validate(reply.body)
    assert [trend.value for trend in result.trends] == ["Rui Rising"]
    assert result.window.last_day == LAST_DAY
    assert result.baseline.first_day == LAST_DAY - timedelta(days=20)
    assert len(result.trends[0].series) == 21
    assert result.trends[0].window_count == 9
    narrowed = TrendsResult.model_validate(call("/trends/actor", to=LAST_DAY.isoformat(), source="Wire").body)
    assert narrowed.trends == []


def test_the_window_ends_today_by_default(call: Call) -> None:
    reply = call("/trends/source")
    assert reply.status == 200
    assert reply.body["window"]["last_day"] == datetime.now(UTC).date().isoformat()


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
    call: Call, path: str, query: dict[str, str], parameter: str
) -> None:
    reply = call(path, **query)
    assert (reply.status, reply.body["error"], reply.body["parameter"]) == (
        400,
        "invalid_parameter",
        parameter,
    )


def test_a_window_ending_too_early_for_its_baseline_is_a_400_not_a_crash(call: Call) -> None:
    reply = call("/trends/language", to="0001-01-31")  # 35 days before it: before year 1
    assert (reply.status, reply.body["error"], reply.body["parameter"]) == (400, "invalid_parameter", "to")
    fits = call("/trends/language", to="0001-02-04", window="7d", baseline="28d")  # just fits
    assert fits.status == 200


def test_the_openapi_document_describes_trends(call: Call) -> None:
    document = call("/openapi.json").body
    operation = document["paths"]["/trends/{dimension}"]["get"]
    assert {"window", "baseline", "to", "q", "actor"} <= {p["name"] for p in operation["parameters"]}
    assert {"200", "400", "503"} <= set(operation["responses"])
    assert "TrendsResult" in document["components"]["schemas"]
