"""The search page in headless Chromium, against the local server over each engine.

The local server runs on a free port and calls the search Lambda's own handler; the browser types a
query, ticks and unticks facets, filters a long facet list and pages, reads an article, and the test
checks what a reader sees against what the API answers for the same request. Every test runs on the
embedded store and on the session's OpenSearch node.

The fixture news: 14 stories, one of them (the Doha ceasefire talks) carried by five outlets, so 18
articles that the page shows as 14 hits.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
from newsfacet.config import Settings
from newsfacet.localserver import LocalServer
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
# The wire story four more outlets carried: five versions, one hit.
WIRE_STORY = "Ceasefire talks open in Doha"
WIRE_COPIES = ["Meridian", "Levant Notes", "Global Dispatch", "Nordwire"]
ARTICLES = len(STORIES) + len(WIRE_COPIES)
EVERYTHING = f"{ARTICLES} articles in {len(STORIES)} stories"  # the status line with no filter


def article_id(number: int) -> str:
    return f"{number:032x}"


def _article(number: int, story: Story, source: str, story_id: str, hour: int = 8) -> Article:
    return Article(
        id=article_id(number),
        version=1,
        title=story.title,
        text=f"{story.text}\n\nA second paragraph from {source}.",
        lede=story.text,
        url=f"https://{source.lower().replace(' ', '')}.example/{number}",
        source=source,
        authors=[f"{source} staff"],
        published_at=datetime(2026, 10, story.day, hour, tzinfo=UTC),
        language="de" if story.title == GERMAN_STORY else "en",
        word_count=len(story.text.split()),
        content_sha256=f"{number:064x}",
        simhash=f"{number:016x}",
        actors=[Actor(name=name, type="person", mentions=1, salience=0.5) for name in story.actors],
        locations=[Location(name=name, kind="country", mentions=1) for name in story.locations],
        topics=[Topic(code=f"medtop:{i}", label=label, score=0.7) for i, label in enumerate(story.topics)],
        ingested_at=datetime(2026, 11, 3, tzinfo=UTC),
        origin=Origin(bucket="articles", key=f"{number}.html"),
        story=story_id,
    )


WIRE_NUMBER = next(number for number, story in enumerate(STORIES, start=1) if story.title == WIRE_STORY)


def _articles() -> list[Article]:
    originals = [
        _article(number, story, story.source, article_id(number))
        for number, story in enumerate(STORIES, start=1)
    ]
    wire = STORIES[WIRE_NUMBER - 1]
    copies = [
        _article(100 + index, wire, source, article_id(WIRE_NUMBER), hour=9 + index)
        for index, source in enumerate(WIRE_COPIES)
    ]
    return originals + copies


@pytest.fixture(scope="module", params=["embedded", "opensearch"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, serve_search: Any
) -> Iterator[LocalServer]:
    """The local server over a store of each engine holding the fixture news."""
    if request.param == "embedded":
        settings = Settings(store=f"sqlite:///{tmp_path_factory.mktemp('page') / 'articles.db'}")
    else:
        url = request.getfixturevalue("opensearch_url")
        settings = Settings(store=url, index_alias=f"e2e-{uuid.uuid4().hex[:12]}", opensearch_auth="none")
    store = open_store(settings)
    store.upsert(_articles())
    refresh = getattr(store, "refresh", None)
    if refresh is not None:
        refresh()  # searchable before the first page asks
    environment = {
        "NEWSFACET_STORE": settings.store,
        "NEWSFACET_INDEX_ALIAS": settings.index_alias,
        "NEWSFACET_OPENSEARCH_AUTH": settings.opensearch_auth,
    }
    with serve_search(environment) as local:
        yield local
    destroy = getattr(store, "destroy", None)
    if destroy is not None:
        destroy()
    store.close()


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
    expect(page.locator("#status")).to_have_text(EVERYTHING)

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
    expect(page.locator("#page")).to_have_text(f"1–10 of {len(STORIES)}")
    first_ids = {item.get_attribute("data-id") for item in first.all()}
    page.locator("#next").click()
    expect(page.locator("#page")).to_have_text(f"11–{len(STORIES)} of {len(STORIES)}")
    page.wait_for_function("window.scrollY === 0")  # the next page starts at its top
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
    expect(page.locator(".facet-values input")).to_have_count(0)  # no stray checkboxes


def test_swagger_ui_documents_the_api_offline(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/docs")
    expect(page.locator(".opblock-summary-path").filter(has_text="/facets/{dimension}")).to_have_count(1)
    expect(page.locator(".opblock-summary-path").filter(has_text="/search")).to_have_count(1)


def test_a_date_range_narrows_the_results(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/")
    expect(page.locator("#status")).to_have_text(EVERYTHING)
    page.locator("#from").fill("2026-10-20")
    page.locator("#to").fill("2026-10-24")
    in_range = [story for story in STORIES if 20 <= story.day <= 24]
    assert all(story.title != WIRE_STORY for story in in_range)  # so articles and stories agree
    expect(page.locator("#status")).to_have_text(f"{len(in_range)} articles")
    assert "from=2026-10-20" in page.url and "to=2026-10-24" in page.url
    shown = {title.inner_text() for title in page.locator("#results .title").all()}
    assert shown == {story.title for story in in_range}


def test_the_language_facet_counts_and_filters_by_language(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/")
    expect(page.locator("#status")).to_have_text(EVERYTHING)
    # Languages read by name; the counts are the API's.
    assert shown_counts(page, "language") == {"English": ARTICLES - 1, "German": 1}
    page.locator('section[data-dimension="language"] label').filter(has_text="German").locator(
        "input"
    ).check()
    expect(page.locator("#status")).to_have_text("1 article")
    assert "language=de" in page.url
    assert page.locator("#results .title").all_inner_texts() == [GERMAN_STORY]
    # Ticking a language leaves the others' counts in place (OR within a dimension).
    assert shown_counts(page, "language") == {"English": ARTICLES - 1, "German": 1}


# --- Stories, the article view, the timeline, facets, autocomplete --------------------------------


def hit_titled(page: Page, title: str) -> Any:
    return page.locator("#results > li").filter(has=page.locator(".title", has_text=title))


def test_a_wire_story_is_one_hit_with_its_five_versions(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/?q=ceasefire")
    ceasefire = api(server, "/search", q="ceasefire", collapse="story")
    expect(page.locator("#results > li")).to_have_count(ceasefire["stories"])
    expect(page.locator("#status")).to_have_text(
        f"{ceasefire['total']} articles in {ceasefire['stories']} stories"
    )
    wire = hit_titled(page, WIRE_STORY)
    expect(wire).to_have_count(1)
    expect(wire.locator(".story-size")).to_have_text("5 versions")
    answer = api(server, "/search", q="doha", collapse="story")
    (hit,) = answer["hits"]
    assert hit["story"]["size"] == 5
    shown = wire.locator(".story-line a").all_inner_texts()
    assert sorted([hit["source"], *shown]) == sorted([STORIES[WIRE_NUMBER - 1].source, *WIRE_COPIES])


def test_the_article_view_reads_an_article_and_its_story(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/?q=doha")
    hit_titled(page, WIRE_STORY).locator(".title a").click()
    reader = page.locator("#reader")
    expect(reader.locator("h1")).to_have_text(WIRE_STORY)
    expect(reader.locator("h1")).to_be_focused()
    assert "article=" in page.url and "q=doha" in page.url  # shareable: the URL names the article
    shown_id = re.search(r"article=([0-9a-f]{32})", page.url).group(1)  # type: ignore[union-attr]
    article = api(server, f"/articles/{shown_id}")
    expect(reader.locator(".reader-meta")).to_contain_text(article["source"])
    expect(reader.locator(".reader-meta")).to_contain_text(f"By {article['authors'][0]}")
    expect(reader.locator(".reader-text p")).to_have_count(2)  # the cleaned text, by paragraph
    expect(reader.locator("a.original")).to_have_attribute("href", article["url"])
    versions = reader.locator(".reader-part").filter(has_text="Other versions").locator("li")
    expect(versions).to_have_count(4)
    related = api(server, f"/articles/{shown_id}/related", size=5)["articles"]
    assert related  # Lebanon's other stories
    expect(reader.locator(".reader-part").filter(has_text="Related stories").locator("li a")).to_have_count(
        len(related)
    )
    # Another version is one click away, and Back returns to the first.
    versions.first.locator("a").click()
    expect(reader.locator("h1")).to_have_text(WIRE_STORY)
    page.go_back()
    assert f"article={shown_id}" in page.url
    # An entity chip leaves the view for the search it names.
    reader.locator(".reader-entities button").filter(has_text="Karim Nassar").click()
    expect(reader).to_be_hidden()
    assert "actor=Karim+Nassar" in page.url and "article=" not in page.url
    karim = api(server, "/search", q="doha", actor="Karim Nassar")
    expect(page.locator("#status")).to_have_text(f"{karim['total']} articles in 1 stories")


def test_the_timeline_is_labelled_and_filters_by_a_click(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/")
    bars = page.locator("#timeline .bar")
    expect(bars.first).to_be_visible()
    assert page.locator("#timeline .axis span").count() == 3  # first, middle and last day
    expect(page.locator("#timeline .axis span").first).to_have_text("14 Oct")
    day = page.locator('#timeline .bar[data-day="2026-10-16"]')
    expect(day).to_have_attribute("aria-label", "16 Oct: 5 articles; show only this day")
    day.click()
    assert "from=2026-10-16" in page.url and "to=2026-10-16" in page.url
    expect(page.locator("#status")).to_have_text("5 articles in 1 stories")


def test_show_more_lists_every_value_of_a_facet(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/")
    actors = page.locator('section[data-dimension="actor"]')
    expect(actors.locator(".facet-values label")).to_have_count(8)
    every = api(server, "/facets/actor", size=50)["values"]
    assert len(every) > 8
    actors.locator(".more").click()
    expect(actors.locator(".facet-values label")).to_have_count(len(every))
    expect(actors.locator(".more")).to_have_text("Show fewer")
    actors.locator(".more").click()
    expect(actors.locator(".facet-values label")).to_have_count(8)


def test_autocomplete_suggests_actors_places_and_topics_by_keyboard(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/")
    box = page.locator("#q")
    box.press_sequentially("amir")
    option = page.locator("#suggestions [role=option]").filter(has_text="Amira Haddad")
    expect(option).to_have_count(1)
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    expect(page.locator("#suggestions [aria-selected=true]")).to_contain_text("Amira Haddad")
    box.press("Enter")
    expect(page.locator("#suggestions")).to_be_hidden()
    assert "actor=Amira+Haddad" in page.url and "q=" not in page.url
    amira = api(server, "/search", actor="Amira Haddad", collapse="story")
    expect(page.locator("#results > li")).to_have_count(amira["stories"])


def test_keyboard_alone_reaches_and_opens_an_article(server: LocalServer, page: Page) -> None:
    page.goto(f"{server.url}/")
    page.locator("#q").focus()
    page.keyboard.type("chip plant")
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text("1 article")
    for _ in range(60):  # Tab through the controls until the hit's title link has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#results a[data-article]')"):
            break
    else:
        pytest.fail("the keyboard never reached a result")
    page.keyboard.press("Enter")
    expect(page.locator("#reader h1")).to_be_focused()
    expect(page.locator("#reader h1")).to_have_text("Chip plant opens in Dresden")


AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now (WCAG 2 A and AA rules)."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        "async () => { const r = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a',"
        " 'wcag21aa', 'best-practice']}); return {passes: r.passes.length, violations: r.violations.map("
        "v => ({id: v.id, impact: v.impact, where: v.nodes.map(n => n.target.join(' ')).join(', ')}))} }"
    )
    assert results["passes"] > 10, "axe-core did not check the page"
    return [
        f"{found['id']}: {found['where']}"
        for found in results["violations"]
        if found["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_axe_finds_no_serious_violation(server: LocalServer, browser: BrowserContext, viewport: str) -> None:
    tab = browser.new_page()
    try:
        if viewport == "phone":
            tab.set_viewport_size({"width": 390, "height": 800})
        tab.goto(f"{server.url}/?q=ceasefire")
        expect(tab.locator("#results > li").first).to_be_visible()
        if viewport == "phone":  # the filters wait behind their button, results come first
            expect(tab.locator("#sidebar")).to_be_hidden()
            tab.locator("#filters-toggle").click()
            expect(tab.locator("#sidebar")).to_be_visible()
            expect(tab.locator("#filters-toggle")).to_have_attribute("aria-expanded", "true")
        assert serious_violations(tab) == []
        tab.locator("#results .title a").first.click()
        expect(tab.locator("#reader h1")).to_be_focused()
        assert serious_violations(tab) == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"article-{viewport}.png"), full_page=True)
    finally:
        tab.close()
