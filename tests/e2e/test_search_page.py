"""The search page in headless Chromium, against the local server over an embedded store.

The local server runs on a free port and calls the search Lambda's own handler; the browser types a
query, ticks and unticks facets, filters a long facet list and pages, and the test checks what a
reader sees against what the API answers for the same request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
from newsfacet.config import Settings
from newsfacet.localserver import LocalServer, load_search_handler
from newsfacet.model import Actor, Article, Location, Origin, Topic
from newsfacet.store import open_store
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@dataclass(frozen=True)
class Story:
    title: str
    text: str
    day: int  # of October 2026
    source: str
    actors: list[str]
    locations: list[str]
    topics: list[str]


# Floods in Germany and Austria, a ceasefire in the Levant, central banks: enough articles for two
# pages, and enough actors that their facet list is long and offers its filter box.
STORIES = [
    Story(
        "Floodwaters reach Passau",
        "The Danube floods reached Passau overnight and the old town was evacuated.",
        17, "Nordwire", ["Olaf Vogel", "Petra Albers"], ["Germany", "Passau"], ["disaster"],
    ),
    Story(
        "Vienna braces for the Danube crest",
        "Vienna raised barriers as the floods moved downstream from Germany.",
        20, "Danube Gazette", ["Lena Huber"], ["Austria", "Vienna"], ["disaster"],
    ),
    Story(
        "Albers tours flooded towns",
        "Petra Albers toured flooded towns in Bavaria and promised aid for floods.",
        19, "Meridian", ["Petra Albers"], ["Germany"], ["disaster", "politics"],
    ),
    Story(
        "Bayern match delayed by floods",
        "The Bayern match was delayed because floods closed roads near Munich.",
        26, "Pitchside", ["Jonas Keller"], ["Germany", "Munich"], ["sport"],
    ),
    Story(
        "Vogel claims victory after the floods",
        "Olaf Vogel claimed victory; the floods shaped the vote in Germany.",
        30, "Nordwire", ["Olaf Vogel"], ["Germany"], ["politics"],
    ),
    Story(
        "Insurers count flood losses",
        "Insurers in Austria and Germany said floods caused record claims.",
        28, "Global Dispatch", ["Marta Weiss"], ["Austria", "Germany"], ["economy"],
    ),
    Story(
        "Ceasefire talks open in Doha",
        "Negotiators met in Doha for ceasefire talks on southern Lebanon.",
        16, "Cairo Wire", ["Amira Haddad", "Karim Nassar"], ["Qatar", "Lebanon"], ["conflict"],
    ),
    Story(
        "Ceasefire agreed in Cairo",
        "A ceasefire was agreed in Cairo; families in Lebanon prepared to return.",
        24, "Meridian", ["Amira Haddad"], ["Egypt", "Lebanon"], ["conflict"],
    ),
    Story(
        "What the truce means for the displaced",
        "Families displaced in Lebanon ask what the truce means.",
        25, "Levant Notes", ["Karim Nassar"], ["Lebanon"], ["conflict"],
    ),
    Story(
        "Central bank holds rates",
        "The central bank held rates as oil prices climbed after the floods.",
        15, "Meridian", ["Elsa Lindqvist"], ["Germany"], ["economy"],
    ),
    Story(
        "Fed cuts rates",
        "The Federal Reserve cut rates by a quarter point, citing slower hiring.",
        22, "Rate Desk", ["Grace Whitcombe"], ["United States"], ["economy"],
    ),
    Story(
        "Chip plant opens in Dresden",
        "Voltaic opened a chip plant in Dresden, <img src=x onerror=alert(1)> hiring 900.",
        23, "Circuit Review", ["Tomas Brandt"], ["Germany", "Dresden"], ["economy", "technology"],
    ),
    Story(
        "Malaria vaccine rollout in Kenya",
        "Kenya began a malaria vaccine rollout in western counties.",
        14, "Health Ledger", ["Wanjiru Otieno"], ["Kenya"], ["health"],
    ),
    Story(
        "Cholera fears in Lebanon shelters",
        "Aid agencies warned of cholera in crowded shelters in Lebanon.",
        21, "Nordwire", ["Rana Khoury"], ["Lebanon"], ["health", "conflict"],
    ),
]  # fmt: skip


# The one story indexed as German, for the language filter.
GERMAN_STORY = "Floodwaters reach Passau"


def _articles() -> list[Article]:
    return [
        Article(
            id=f"story-{number:02d}",
            version=1,
            title=story.title,
            text=story.text,
            lede=story.text,
            url=f"https://{story.source.lower().replace(' ', '')}.example/{number}",
            source=story.source,
            published_at=datetime(2026, 10, story.day, 8, tzinfo=UTC),
            language="de" if story.title == GERMAN_STORY else "en",
            word_count=len(story.text.split()),
            content_sha256=f"{number:064x}",
            simhash=f"{number:016x}",
            actors=[Actor(name=name, type="person", mentions=1, salience=0.5) for name in story.actors],
            locations=[Location(name=name, kind="country", mentions=1) for name in story.locations],
            topics=[
                Topic(code=f"medtop:{i}", label=label, score=0.7) for i, label in enumerate(story.topics)
            ],
            ingested_at=datetime(2026, 11, 3, tzinfo=UTC),
            origin=Origin(bucket="articles", key=f"{number}.html"),
        )
        for number, story in enumerate(STORIES, start=1)
    ]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    url = f"sqlite:///{tmp_path_factory.mktemp('page') / 'articles.db'}"
    open_store(Settings(store=url)).upsert(_articles())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSFACET_STORE", url)
        handler = load_search_handler()
    local = LocalServer(("127.0.0.1", 0), handler, quiet=True).start()
    yield local
    local.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """Debian's Chromium, headless, with a fresh profile, for this module's tests."""
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser: BrowserContext) -> Iterator[Page]:
    """A new tab per test; the page keeps no state outside its URL."""
    tab = browser.new_page()
    try:
        yield tab
    finally:
        tab.close()


def api(server: LocalServer, path: str, **params: Any) -> Any:
    """What the API answers for a request: the oracle the page is checked against."""
    pairs = [
        (key, value)
        for key, values in params.items()
        for value in (values if isinstance(values, list) else [values])
    ]
    with urlopen(f"{server.url}{path}?{urlencode(pairs)}", timeout=10) as response:
        return json.load(response)


def facet_count(page: Page, dimension: str, value: str) -> int:
    row = page.locator(f'section[data-dimension="{dimension}"] label').filter(has_text=value)
    return int(row.locator(".count").inner_text().replace(",", ""))


def shown_counts(page: Page, dimension: str) -> dict[str, int]:
    rows = page.locator(f'section[data-dimension="{dimension}"] .facet-values label')
    return {
        rows.nth(index).locator(".value").inner_text(): int(rows.nth(index).locator(".count").inner_text())
        for index in range(rows.count())
    }


def expected_counts(result: Any, dimension: str) -> dict[str, int]:
    return {entry["value"]: entry["count"] for entry in result["facets"][dimension]}


def test_ticking_a_facet_narrows_results_and_updates_counts(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/")
    expect(page.locator("#status")).to_have_text(f"{len(STORIES)} articles")

    page.locator("#q").fill("floods")
    page.locator("#q").press("Enter")
    floods = api(server, "/search", q="floods", facet_size=8)
    expect(page.locator("#status")).to_have_text(f"{floods['total']} articles")
    assert shown_counts(page, "location") == expected_counts(floods, "location")
    assert page.locator("#results mark").count() > 0  # matches are highlighted

    austria = page.locator('section[data-dimension="location"] label').filter(has_text="Austria")
    austria.locator("input").check()
    narrowed = api(server, "/search", q="floods", location="Austria", facet_size=8)
    assert 0 < narrowed["total"] < floods["total"]
    expect(page.locator("#status")).to_have_text(f"{narrowed['total']} articles")
    expect(page.locator("#results > li")).to_have_count(narrowed["total"])
    for hit in page.locator("#results > li").all():
        expect(hit.locator(".tag-location").filter(has_text="Austria")).to_have_count(1)
    # Other dimensions now count only the narrowed articles; locations stay disjunctive.
    assert shown_counts(page, "actor") == expected_counts(narrowed, "actor")
    assert shown_counts(page, "actor") != expected_counts(floods, "actor")
    assert shown_counts(page, "location") == expected_counts(narrowed, "location")
    assert re.search(r"[?&]location=Austria(&|$)", page.url) and "q=floods" in page.url

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search-page.png"), full_page=True)

    austria.locator("input").uncheck()
    expect(page.locator("#status")).to_have_text(f"{floods['total']} articles")
    assert shown_counts(page, "actor") == expected_counts(floods, "actor")
    assert "location=" not in page.url

    page.go_back()  # the state lives in the URL: back restores the ticked facet
    expect(page.locator("#status")).to_have_text(f"{narrowed['total']} articles")
    expect(austria.locator("input")).to_be_checked()


def test_the_filter_box_finds_values_beyond_the_visible_list(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/")
    actors = page.locator('section[data-dimension="actor"]')
    expect(actors.locator(".facet-values label")).to_have_count(8)  # a long list: the box shows
    hidden = api(server, "/facets/actor", prefix="khou")["values"]
    assert hidden == [{"value": "Rana Khoury", "count": 1}]
    actors.locator(".facet-filter").fill("khou")
    expect(actors.locator(".facet-values label")).to_have_count(1)
    expect(actors.locator(".facet-values label .value")).to_have_text("Rana Khoury")
    actors.locator(".facet-values input").check()
    expect(page.locator("#status")).to_have_text("1 article")
    expect(page.locator("#results .title")).to_have_text("Cholera fears in Lebanon shelters")


def test_paging_with_the_cursor_and_escaped_snippets(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/?sort=date")
    first = page.locator("#results > li")
    expect(first).to_have_count(10)
    first_ids = {item.get_attribute("data-id") for item in first.all()}
    page.locator("#next").click()
    expect(page.locator("#page")).to_have_text("Page 2")
    expect(first).to_have_count(len(STORIES) - 10)
    second_ids = {item.get_attribute("data-id") for item in first.all()}
    assert first_ids.isdisjoint(second_ids)
    assert len(first_ids | second_ids) == len(STORIES)
    page.locator("#previous").click()
    expect(page.locator("#previous")).to_be_hidden()
    expect(first).to_have_count(10)
    assert {item.get_attribute("data-id") for item in first.all()} == first_ids

    page.locator("#q").fill("chip plant")
    page.locator("#q").press("Enter")
    expect(page.locator("#status")).to_have_text("1 article")
    snippet = page.locator("#results .snippet")
    expect(snippet).to_contain_text("<img src=x onerror=alert(1)>")  # shown as text, not markup
    assert page.locator("#results img").count() == 0
    expect(snippet.locator("mark").first).to_be_visible()


def test_a_bad_url_parameter_is_reported_not_crashed(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/?from=2026-11-02&to=2026-10-01")
    expect(page.locator("#error")).to_contain_text("from")
    expect(page.locator("#status")).to_have_text("No results to show.")


def test_swagger_ui_documents_the_api_offline(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/docs")
    expect(page.locator(".opblock-summary-path").filter(has_text="/facets/{dimension}")).to_have_count(1)
    expect(page.locator(".opblock-summary-path").filter(has_text="/search")).to_have_count(1)


def test_a_date_range_narrows_the_results(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/")
    expect(page.locator("#status")).to_have_text(f"{len(STORIES)} articles")
    page.locator("#from").fill("2026-10-20")
    page.locator("#to").fill("2026-10-24")
    in_range = [story for story in STORIES if 20 <= story.day <= 24]
    expect(page.locator("#status")).to_have_text(f"{len(in_range)} articles")
    assert "from=2026-10-20" in page.url and "to=2026-10-24" in page.url
    shown = {title.inner_text() for title in page.locator("#results .title").all()}
    assert shown == {story.title for story in in_range}


def test_the_language_facet_counts_and_filters_by_language(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/")
    expect(page.locator("#status")).to_have_text(f"{len(STORIES)} articles")
    # Languages read by name; the counts are the API's.
    assert shown_counts(page, "language") == {"English": len(STORIES) - 1, "German": 1}
    page.locator('section[data-dimension="language"] label').filter(has_text="German").locator(
        "input"
    ).check()
    expect(page.locator("#status")).to_have_text("1 article")
    assert "language=de" in page.url
    assert page.locator("#results .title").all_inner_texts() == [GERMAN_STORY]
    # Ticking a language leaves the others' counts in place (OR within a dimension).
    assert shown_counts(page, "language") == {"English": len(STORIES) - 1, "German": 1}
