"""The start page's Trending panel and the Notify me action, in headless Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.request import Request, urlopen

import pytest
from newsfacet.config import Settings
from newsfacet.localserver import LocalServer
from newsfacet.model import Actor, Article, Location, Origin
from newsfacet.store import open_store
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def _articles() -> list[Article]:
    """Five weeks up to today: Dana Daily in one article a day; Bea Burst in four a day lately."""
    today = datetime.now(UTC).replace(hour=6, minute=0, second=0, microsecond=0)
    cast = []
    for days_ago in range(35):
        cast.append(("Dana Daily", "Porto", days_ago))
        if days_ago < 3:
            cast += [("Bea Burst", "Lisbon", days_ago)] * 4
    return [
        Article(
            id=f"{number:032x}",
            version=1,
            title=f"{actor} in {place}",
            text=f"{actor} spoke in {place} about the harbour.",
            lede=f"{actor} spoke in {place}.",
            source="Coast News",
            published_at=today - timedelta(days=days_ago, minutes=number),
            language="en",
            word_count=7,
            content_sha256=f"{number:064x}",
            simhash=f"{number:016x}",
            actors=[Actor(name=actor, type="person", mentions=1, salience=0.5)],
            locations=[Location(name=place, kind="city", mentions=1)],
            ingested_at=today,
            origin=Origin(bucket="articles", key=f"{number}.html"),
        )
        for number, (actor, place, days_ago) in enumerate(cast)
    ]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, serve_search: Any) -> Iterator[LocalServer]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('trending')) / 'articles.db'}"
    open_store(Settings(store=url)).upsert(_articles())
    with serve_search({"NEWSFACET_STORE": url}) as local:
        yield local


def test_the_start_page_shows_what_is_rising_with_sparklines(server: LocalServer, page: Page) -> None:
    page.goto(server.url)
    actors = page.locator('#trending section[data-dimension="actor"] .trend')
    expect(actors).to_have_count(1)  # the daily actor's share fell: it is not rising
    expect(actors.first.locator(".trend-value")).to_have_text("Bea Burst")
    expect(actors.first.locator(".trend-counts")).to_have_text("12 this week")
    assert actors.first.locator("svg.sparkline polyline").count() == 1
    expect(page.locator('#trending section[data-dimension="location"] .trend-value')).to_have_text(["Lisbon"])
    expect(page.locator("#notify")).to_be_hidden()

    actors.first.click()
    expect(page).to_have_url(f"{server.url}/?actor=Bea+Burst")
    expect(page.locator("#status")).to_have_text("12 articles")
    expect(page.locator("#trending")).to_be_hidden()


def test_notify_me_saves_the_search_on_screen_as_this_browsers_alert(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/?q=harbour&location=Lisbon")
    expect(page.locator("#status")).to_have_text("12 articles")
    page.locator("#notify").click()
    expect(page.locator("#notify-status")).to_have_text(
        "Saved. New articles matching this search will be sent to log."
    )
    key = page.evaluate("localStorage.getItem('newsfacet-api-key')")
    with urlopen(Request(f"{server.url}/alerts", headers={"x-api-key": key}), timeout=10) as response:
        (alert,) = json.load(response)["alerts"]
    assert alert["search"]["q"] == "harbour"
    assert alert["search"]["filters"] == {"location": {"values": ["Lisbon"], "match": "any"}}
    with urlopen(
        Request(f"{server.url}/alerts", headers={"x-api-key": "someone-else"}), timeout=10
    ) as response:
        assert json.load(response)["alerts"] == []
