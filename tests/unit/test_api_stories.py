"""The story routes over HTTP on both engines: `collapse=story`, `/stories/{id}`, `/articles/{id}/related`,
their 400s and 404s, and their place in the OpenAPI document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from newsfacet.model import Article, Location, Origin
from newsfacet.store.base import ArticleStore
from test_api import Call, app_caller

WIRE = "Dock workers at the port of Rotterdam walked out over pay, halting container traffic for two days."
OUTLETS = ["Harbour Times", "Daily Ledger", "Eurowire", "The Courier", "Metro Post"]
STORY = f"{1:032x}"


def _article(number: int, title: str, text: str, source: str, story: str) -> Article:
    return Article(
        id=f"{number:032x}",
        version=1,
        title=title,
        text=text,
        lede=text,
        url=f"https://{source.lower().replace(' ', '')}.example/{number}",
        source=source,
        published_at=datetime(2026, 10, 6, number, tzinfo=UTC),
        language="en",
        word_count=len(text.split()),
        content_sha256=f"{number:064x}",
        simhash=f"{number:016x}",
        locations=[Location(name="Rotterdam", kind="city", mentions=1)],
        ingested_at=datetime(2026, 11, 3, tzinfo=UTC),
        origin=Origin(bucket="articles", key=f"{number}.html"),
        story=story,
    )


CORPUS = [
    _article(number, "Rotterdam dock strike", WIRE, outlet, STORY) for number, outlet in enumerate(OUTLETS, 1)
] + [
    _article(
        9, "Rotterdam opens a floating farm", "A floating farm opened in Rotterdam's harbour.", "City", ""
    ),
]


@pytest.fixture(params=["embedded", "opensearch"])
def api(request: pytest.FixtureRequest, make_store: Callable[[str], ArticleStore]) -> Iterator[Call]:
    store = make_store(request.param)
    store.upsert(CORPUS)
    yield app_caller(lambda: store)


def test_five_copies_are_one_hit_with_story_size_five(api: Call) -> None:
    reply = api("/search", q="rotterdam", collapse="story", sort="date")
    assert reply.status == 200
    assert (reply.body["total"], reply.body["stories"]) == (6, 2)
    strike = next(hit for hit in reply.body["hits"] if hit["story"]["id"] == STORY)
    assert strike["story"]["size"] == 5
    assert sorted([other["source"] for other in strike["story"]["others"]] + [strike["source"]]) == sorted(
        OUTLETS
    )
    plain = api("/search", q="rotterdam")
    assert "stories" not in plain.body and len(plain.body["hits"]) == 6


def test_a_story_lists_its_versions_and_an_unknown_one_is_404(api: Call) -> None:
    reply = api(f"/stories/{STORY}")
    assert reply.status == 200
    assert reply.body["size"] == 5
    assert [member["source"] for member in reply.body["articles"]] == OUTLETS  # oldest first
    assert api(f"/stories/{STORY}", size=2).body["articles"] == reply.body["articles"][:2]
    missing = api("/stories/" + "e" * 32)
    assert (missing.status, missing.body["error"], missing.body["parameter"]) == (404, "not_found", "id")


def test_related_articles_leave_the_story_out(api: Call) -> None:
    reply = api(f"/articles/{STORY}/related", size=3)
    assert reply.status == 200
    assert reply.body["id"] == STORY
    assert [hit["id"] for hit in reply.body["articles"]] == [f"{9:032x}"]  # Rotterdam, another story
    missing = api("/articles/" + "e" * 32 + "/related")
    assert (missing.status, missing.body["error"]) == (404, "not_found")


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("/stories/not-an-id", {}, "id"),
        (f"/stories/{STORY}", {"size": "0"}, "size"),
        (f"/articles/{STORY}/related", {"size": "21"}, "size"),
        ("/articles/NOPE/related", {}, "id"),
        ("/search", {"collapse": "source"}, "collapse"),
    ],
)
def test_a_bad_story_parameter_is_a_400_naming_it(
    api: Call, path: str, query: dict[str, str], parameter: str
) -> None:
    reply = api(path, **query)
    assert (reply.status, reply.body["error"], reply.body["parameter"]) == (
        400,
        "invalid_parameter",
        parameter,
    )


def test_openapi_documents_the_story_routes(api: Call) -> None:
    document = api("/openapi.json").body
    paths = document["paths"]
    assert {"/stories/{id}", "/articles/{id}/related"} <= set(paths)
    for path in ("/stories/{id}", "/articles/{id}/related"):
        assert {"200", "400", "404", "503"} <= set(paths[path]["get"]["responses"])
    assert "collapse" in {parameter["name"] for parameter in paths["/search"]["get"]["parameters"]}
    schemas = document["components"]["schemas"]
    assert {"Story", "RelatedArticles", "HitStory"} <= set(schemas)
    assert "stories" in schemas["SearchResult"]["properties"]
