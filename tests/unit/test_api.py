"""The search API over real stores: routes, reply shapes, filters, paging and error replies.

Most tests call the routes of `newsfacet.api.create_app` on a store from `make_store`, on both
engines; the tests of configuration, CORS and outages go through the search Lambda's own
`lambda_handler`, loaded the way the local server loads it.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from newsfacet.api import create_app
from newsfacet.config import Settings
from newsfacet.localserver import LocalContext, event_from_request, load_search_handler
from newsfacet.model import (
    Actor,
    Article,
    Dimension,
    FacetFilter,
    Location,
    Origin,
    SearchQuery,
    SearchResult,
    Topic,
)
from newsfacet.store import open_store
from newsfacet.store.base import ArticleStore

REPO = Path(__file__).resolve().parents[2]

# --- A small corpus with overlapping actors, places, topics and sources ------------------------


def art(number: int) -> str:
    """The id of corpus article `number`, in the one id format (32 hex digits)."""
    return f"{number:032x}"


def _article(
    number: int,
    title: str,
    text: str,
    *,
    day: date | None,
    source: str,
    actors: tuple[str, ...] = (),
    locations: tuple[str, ...] = (),
    topics: tuple[str, ...] = (),
    language: str = "en",
) -> Article:
    return Article(
        id=art(number),
        version=1,
        title=title,
        text=text,
        lede=text.split(". ", maxsplit=1)[0] + ".",
        url=f"https://{source.lower().replace(' ', '')}.example/news/{number}",
        source=source,
        published_at=datetime(day.year, day.month, day.day, 9, 30, tzinfo=UTC) if day else None,
        language=language,
        word_count=len(text.split()),
        content_sha256=f"{number:064x}",
        simhash=f"{number:016x}",
        actors=[Actor(name=name, type="person", mentions=2, salience=0.5) for name in actors],
        locations=[Location(name=name, kind="country", mentions=1) for name in locations],
        topics=[
            Topic(code=f"medtop:{zlib.crc32(label.encode()) % 10**8:08d}", label=label, score=0.8)
            for label in topics
        ],
        ingested_at=datetime(2026, 11, 3, tzinfo=UTC),
        origin=Origin(bucket="articles", key=f"news/{number}.html"),
    )


WAR = "conflict, war and peace"
ECONOMY = "economy, business and finance"
DISASTER = "disaster, accident and emergency incident"

CORPUS = [
    _article(
        1,
        "Ceasefire talks open in Doha",
        "Negotiators gathered in Doha on Monday for ceasefire talks on southern Lebanon. "
        "Mediators from Qatar and Egypt carried proposals between the delegations.",
        day=date(2026, 10, 16),
        source="Cairo Wire",
        actors=("Amira Haddad", "Karim Nassar"),
        locations=("Qatar", "Lebanon"),
        topics=(WAR,),
    ),
    _article(
        2,
        "Ceasefire agreed in Cairo after a week of talks",
        "A ceasefire was agreed in Cairo late on Thursday. Displaced families in Lebanon "
        "waited to hear when they could return to Tyre and Nabatieh.",
        day=date(2026, 10, 24),
        source="Meridian",
        actors=("Amira Haddad",),
        locations=("Egypt", "Lebanon"),
        topics=(WAR,),
    ),
    _article(
        3,
        "Central bank holds rates as oil climbs",
        "The central bank held its main rate on Thursday while oil prices climbed. "
        "Governor Elsa Lindqvist said inflation risks remained balanced.",
        day=date(2026, 10, 15),
        source="Meridian",
        actors=("Elsa Lindqvist",),
        locations=("Germany",),
        topics=(ECONOMY,),
    ),
    _article(
        4,
        "Floodwaters reach Passau",
        "The Danube burst its banks in Passau overnight. Chancellor Olaf Vogel visited "
        "the flooded old town and promised federal aid.",
        day=date(2026, 10, 17),
        source="Nordwire",
        actors=("Olaf Vogel",),
        locations=("Germany",),
        topics=(DISASTER,),
    ),
    _article(
        5,
        "Vogel claims victory in a vote shaped by the floods",
        "Olaf Vogel claimed victory on Sunday night. His handling of the Danube floods "
        "weighed on voters across Germany and Austria.",
        day=date(2026, 11, 2),
        source="Nordwire",
        actors=("Olaf Vogel", "Elsa Lindqvist"),
        locations=("Germany", "Austria"),
        topics=("politics",),
    ),
    _article(
        6,
        "Coffee exporters in São Paulo count the cost of drought",
        "Exporters in São Paulo said the drought had cut the harvest. Prices for arabica "
        "rose on markets from New York to Hamburg.",
        day=date(2026, 10, 20),
        source="Global Dispatch",
        actors=("Rafael Souza",),
        locations=("São Paulo", "Brazil"),
        topics=(ECONOMY, DISASTER),
        language="pt",
    ),
    _article(
        7,
        "Undated explainer: what a truce means for the displaced",
        "Families displaced from southern Lebanon ask what the truce means for them. "
        "Aid agencies in Egypt and Lebanon prepare for returns.",
        day=None,
        source="Levant Notes",
        actors=("Karim Nassar",),
        locations=("Lebanon", "Egypt"),
        topics=(WAR,),
    ),
]
BY_ID = {article.id: article for article in CORPUS}


def ids_where(keep: Callable[[Article], bool]) -> set[str]:
    """The expected membership of a result, computed from the corpus itself."""
    return {article.id for article in CORPUS if keep(article)}


def names(items: list[Any]) -> set[str]:
    return {getattr(item, "name", None) or item.label for item in items}


# --- Calling the API ------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: Any


def _reply(response: dict[str, Any]) -> Reply:
    headers = {name: values[-1] for name, values in (response.get("multiValueHeaders") or {}).items()}
    headers.update(response.get("headers") or {})
    body = response["body"]
    if headers.get("Content-Type", "").startswith("application/json"):
        body = json.loads(body)
    return Reply(response["statusCode"], headers, body)


Call = Callable[..., Reply]


def caller(invoke: Callable[[dict[str, Any]], dict[str, Any]]) -> Call:
    """`call(path, **query)`: list values become repeated parameters, as a browser sends them."""

    def call(path: str, headers: dict[str, str] | None = None, **query: Any) -> Reply:
        pairs = [
            (key.rstrip("_"), str(item))
            for key, value in query.items()
            for item in (value if isinstance(value, list) else [value])
        ]
        target = f"{path}?{urlencode(pairs)}" if pairs else path
        return _reply(invoke(event_from_request("GET", target, headers or {})))

    return call


def app_caller(open_store: Callable[[], ArticleStore]) -> Call:
    """The API's routes called in-process (no Lambda handler), over the store `open_store` gives."""
    app = create_app(Settings(), open_store)
    return caller(lambda event: app.resolve(event, LocalContext()))


@pytest.fixture(params=["embedded", "opensearch"])
def engine_api(request: pytest.FixtureRequest, make_store: Callable[[str], ArticleStore]) -> Iterator[Call]:
    """The API's routes over a real store of each engine, holding the corpus."""
    store = make_store(request.param)
    store.upsert(CORPUS)
    yield app_caller(lambda: store)


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """An embedded store file holding the corpus."""
    url = f"sqlite:///{tmp_path}/articles.db"
    store = open_store(Settings(store=url))
    store.upsert(CORPUS)
    store.close()
    return url


@pytest.fixture
def lambda_api(store_url: str, monkeypatch: pytest.MonkeyPatch) -> Call:
    """The search Lambda's `lambda_handler`, configured through its environment as on AWS."""
    monkeypatch.setenv("NEWSFACET_STORE", store_url)
    handler = load_search_handler()
    return caller(lambda event: handler(event, LocalContext()))


# --- /search ----------------------------------------------------------------------------------


def test_search_body_is_the_stores_search_result_exactly(store_url: str, lambda_api: Call) -> None:
    reply = lambda_api("/search", q="ceasefire", size=2)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json"
    assert set(reply.body) == {"total", "hits", "facets", "next_cursor"}  # no histogram unless asked
    direct = open_store(Settings(store=store_url)).search(SearchQuery(q="ceasefire", size=2))
    assert SearchResult.model_validate(reply.body) == direct


def test_search_filters_words_and_facets(engine_api: Call) -> None:
    reply = engine_api("/search", q="ceasefire", location="Lebanon")
    expected = ids_where(
        lambda a: "ceasefire" in (a.title + a.text).lower() and "Lebanon" in names(a.locations)
    )
    assert {hit["id"] for hit in reply.body["hits"]} == expected
    assert reply.body["total"] == len(expected)
    hit = next(hit for hit in reply.body["hits"] if hit["id"] == art(1))
    assert hit["actors"] == ["Amira Haddad", "Karim Nassar"]  # names, in the article's order
    assert "<mark>" in hit["snippet"].lower()
    assert set(reply.body["facets"]) == {"actor", "location", "topic", "source", "language"}


def test_repeated_values_of_a_dimension_combine_with_or_or_with_and(engine_api: Call) -> None:
    wanted = {"Olaf Vogel", "Elsa Lindqvist"}
    any_of = engine_api("/search", actor=sorted(wanted))
    all_of = engine_api("/search", actor=sorted(wanted), actor_match="all")
    assert {hit["id"] for hit in any_of.body["hits"]} == ids_where(lambda a: bool(wanted & names(a.actors)))
    assert {hit["id"] for hit in all_of.body["hits"]} == ids_where(lambda a: wanted <= names(a.actors))
    assert all_of.body["total"] < any_of.body["total"]


def test_facet_counts_are_disjunctive_and_selected_values_stay(engine_api: Call) -> None:
    reply = engine_api("/search", location="Austria", facet_size=2)
    locations = {entry["value"]: entry["count"] for entry in reply.body["facets"]["location"]}
    # Its own selection does not narrow the location facet: Lebanon still counts every article.
    assert locations["Lebanon"] == len(ids_where(lambda a: "Lebanon" in names(a.locations)))
    # The selected value appears even beyond facet_size (Germany and Lebanon have more articles).
    assert list(locations) == ["Germany", "Lebanon", "Austria"]
    assert locations["Austria"] == 1
    # Other dimensions are narrowed by it: only the one article in Austria counts.
    assert reply.body["facets"]["actor"] == [
        {"value": "Elsa Lindqvist", "count": 1},
        {"value": "Olaf Vogel", "count": 1},
    ]


def test_date_range_is_inclusive_and_drops_undated_articles(engine_api: Call) -> None:
    reply = engine_api("/search", from_="2026-10-16", to="2026-10-20", size=100)
    expected = ids_where(
        lambda a: (
            a.published_at is not None and date(2026, 10, 16) <= a.published_at.date() <= date(2026, 10, 20)
        )
    )
    assert {hit["id"] for hit in reply.body["hits"]} == expected
    assert art(7) not in expected  # the undated explainer


@pytest.mark.parametrize(("first", "last"), [("0001-01-01", "9999-12-31"), ("9999-12-31", "9999-12-31")])
def test_the_extreme_days_of_the_calendar_are_answered(engine_api: Call, first: str, last: str) -> None:
    reply = engine_api("/search", from_=first, to=last, histogram="day")
    assert reply.status == 200
    dated = ids_where(lambda a: a.published_at is not None)
    assert reply.body["total"] == (len(dated) if first == "0001-01-01" else 0)


def test_the_date_parameters_say_what_a_valid_value_is(lambda_api: Call) -> None:
    document = lambda_api("/openapi.json").body
    parameters = {p["name"]: p["schema"] for p in document["paths"]["/search"]["get"]["parameters"]}
    for name in ("from", "to"):
        assert parameters[name]["format"] == "date"
        schema = parameters[name].get("anyOf", [parameters[name]])[0]
        assert not re.match(schema["pattern"], "0000-00-00")
        assert re.match(schema["pattern"], "2026-10-16")


def test_language_sort_and_histogram(engine_api: Call) -> None:
    portuguese = engine_api("/search", language="pt")
    assert [hit["id"] for hit in portuguese.body["hits"]] == [art(6)]
    # The language facet ignores its own selection: every language, counted over the whole corpus.
    languages = {value["value"]: value["count"] for value in portuguese.body["facets"]["language"]}
    assert languages == Counter(article.language for article in CORPUS if article.language)
    newest_first = engine_api("/search", sort="date", size=100, histogram="month")
    dated = sorted((a for a in CORPUS if a.published_at), key=lambda a: a.published_at, reverse=True)  # type: ignore[arg-type, return-value]
    assert [hit["id"] for hit in newest_first.body["hits"]] == [a.id for a in dated] + [art(7)]
    assert newest_first.body["histogram"] == [
        {"start": "2026-10-01", "count": 5},
        {"start": "2026-11-01", "count": 1},
    ]


def test_paging_with_the_cursor_visits_every_hit_once(engine_api: Call) -> None:
    seen: list[str] = []
    cursor: str | None = None
    for _ in range(len(CORPUS)):
        reply = engine_api("/search", size=2, **({"cursor": cursor} if cursor else {}))
        assert reply.status == 200
        seen += [hit["id"] for hit in reply.body["hits"]]
        cursor = reply.body["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(BY_ID)
    assert reply.body["total"] == len(CORPUS)


def test_a_cursor_of_another_query_is_a_400_naming_cursor(engine_api: Call) -> None:
    first_page = engine_api("/search", q="ceasefire", size=1)
    other_query = engine_api("/search", q="floods", size=1, cursor=first_page.body["next_cursor"])
    assert other_query.status == 400
    assert other_query.body["parameter"] == "cursor"


# --- /articles, /facets, /health ------------------------------------------------------------


def test_article_by_id_and_unknown_article(engine_api: Call) -> None:
    found = engine_api(f"/articles/{art(3)}")
    assert found.status == 200
    assert Article.model_validate(found.body) == BY_ID[art(3)]
    missing = engine_api("/articles/" + "f" * 32)
    assert missing.status == 404
    assert missing.body["error"] == "not_found"


def test_facet_value_search_is_accent_and_case_blind_under_the_filters(engine_api: Call) -> None:
    reply = engine_api("/facets/location", prefix="sao")
    assert reply.body == {"dimension": "location", "values": [{"value": "São Paulo", "count": 1}]}
    narrowed = engine_api("/facets/actor", prefix="o", topic=DISASTER)
    assert narrowed.body["values"] == [{"value": "Olaf Vogel", "count": 1}]


def test_health_answers_when_the_store_does(engine_api: Call) -> None:
    reply = engine_api("/health")
    assert (reply.status, reply.body) == (200, {"status": "ok"})


# --- Errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("/search", {"size": "0"}, "size"),
        ("/search", {"size": "101"}, "size"),
        ("/search", {"size": "ten"}, "size"),
        ("/search", {"facet_size": "0"}, "facet_size"),
        ("/search", {"sort": "random"}, "sort"),
        ("/search", {"histogram": "year"}, "histogram"),
        ("/search", {"actor_match": "most"}, "actor_match"),
        ("/search", {"from": "2026-13-01"}, "from"),
        ("/search", {"to": "2026-02-30"}, "to"),
        ("/search", {"from": "0000-00-00"}, "from"),
        ("/search", {"from": "0000-01-01"}, "from"),
        ("/articles/not-an-id", {}, "id"),
        ("/articles/" + "F" * 32, {}, "id"),
        ("/search", {"from": "yesterday"}, "from"),
        ("/search", {"from": "2026-11-02", "to": "2026-10-01"}, "from"),
        ("/search", {"cursor": "not-a-cursor"}, "cursor"),
        ("/search", {"q": "war " * 300}, "q"),
        ("/search", {"q": " ".join(f"w{n}" for n in range(101))}, "q"),  # too many clauses to run
        ("/facets/actor", {"q": " OR ".join(f"w{n}" for n in range(101))}, "q"),
        ("/search", {"actor": [f"actor {n}" for n in range(51)]}, "actor"),
        ("/search", {"q": ["ceasefire", "floods"]}, "q"),
        ("/search", {"size": ["5", "6"]}, "size"),
        ("/facets/person", {}, "dimension"),
        ("/facets/actor", {"size": "1000"}, "size"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(
    lambda_api: Call, path: str, query: dict[str, Any], parameter: str
) -> None:
    reply = lambda_api(path, **{key.replace("from", "from_"): value for key, value in query.items()})
    assert reply.status == 400
    assert reply.body["error"] == "invalid_parameter"
    assert reply.body["parameter"] == parameter
    assert reply.body["detail"]


def test_unknown_route_is_a_json_404(lambda_api: Call) -> None:
    reply = lambda_api("/nothing/here")
    assert reply.status == 404
    assert reply.body["error"] == "not_found"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_store_down_is_a_503_with_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFACET_STORE", f"http://127.0.0.1:{_closed_port()}")
    monkeypatch.setenv("NEWSFACET_OPENSEARCH_AUTH", "none")
    handler = load_search_handler()
    call = caller(lambda event: handler(event, LocalContext()))
    for path in ("/health", "/search", f"/articles/{art(1)}", "/facets/actor"):
        reply = call(path)
        assert reply.status == 503, path
        assert int(reply.headers["Retry-After"]) > 0
        assert reply.body["error"] == "store_unavailable"


# --- Configuration at the edge ---------------------------------------------------------------


def test_cors_origins_come_from_the_settings(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFACET_STORE", store_url)
    monkeypatch.setenv("NEWSFACET_CORS_ORIGINS", "https://news.example, https://desk.example")
    handler = load_search_handler()
    call = caller(lambda event: handler(event, LocalContext()))
    allowed = call("/search", headers={"Origin": "https://desk.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://desk.example"
    refused = call("/search", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_openapi_document_describes_the_routes_and_their_errors(lambda_api: Call) -> None:
    document = lambda_api("/openapi.json").body
    assert {"/search", "/articles/{id}", "/facets/{dimension}", "/health"} <= set(document["paths"])
    search = document["paths"]["/search"]["get"]
    parameters = {parameter["name"] for parameter in search["parameters"]}
    assert {
        "q",
        "actor",
        "location",
        "topic",
        "source",
        "language",
        "from",
        "to",
        "sort",
        "size",
        "cursor",
    } <= (parameters)
    assert {"language", "language_match"} <= {
        parameter["name"] for parameter in document["paths"]["/facets/{dimension}"]["get"]["parameters"]
    }
    # The facet counts of a search reply name every dimension, the language included.
    schemas = document["components"]["schemas"]
    assert schemas["SearchResult"]["properties"]["facets"]["propertyNames"]["$ref"].endswith("/Dimension")
    assert "language" in schemas["Dimension"]["enum"]
    assert {"200", "400", "503"} <= set(search["responses"])
    assert "422" not in json.dumps(document["paths"])  # validation errors are 400s here
    docs = lambda_api("/docs")
    assert docs.status == 200
    assert "swagger-ui" in docs.body
    assert '"/facets/{dimension}"' in docs.body


# --- The search function stays light ---------------------------------------------------------


def test_the_search_function_does_not_import_the_nlp_stack(tmp_path: Path) -> None:
    probe = (
        "import importlib.util, json, sys\n"
        f"spec = importlib.util.spec_from_file_location('app', {str(REPO / 'functions/search/app.py')!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {"NEWSFACET_STORE": f"sqlite:///{tmp_path}/probe.db", "PATH": "/usr/bin:/bin"}
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True, timeout=60
    )
    loaded = json.loads(completed.stdout)
    assert "newsfacet.api" in loaded  # the probe did import the function
    heavy = (
        "spacy",
        "trafilatura",
        "thinc",
        "lxml",
        "newsfacet.ingest",
        "newsfacet.extract",
        "newsfacet.enrich",
    )
    assert [name for name in loaded if name.split(".")[0] in heavy or name.startswith(heavy)] == []


def test_store_filters_reach_the_store_as_a_typed_query(store_url: str, lambda_api: Call) -> None:
    """The API's parameters mean exactly the `SearchQuery` fields the store contract specifies."""
    reply = lambda_api(
        "/search",
        q="floods",
        actor=["Olaf Vogel"],
        location=["Germany", "Austria"],
        location_match="all",
        from_="2026-11-01",
        sort="date",
        facet_size=3,
    )
    query = SearchQuery(
        q="floods",
        filters={
            Dimension.ACTOR: FacetFilter(values=["Olaf Vogel"]),
            Dimension.LOCATION: FacetFilter(values=["Germany", "Austria"], match="all"),
        },
        date_from=date(2026, 11, 1),
        sort="date",
        facet_size=3,
    )
    assert SearchResult.model_validate(reply.body) == open_store(Settings(store=store_url)).search(query)
    assert [hit["id"] for hit in reply.body["hits"]] == [art(5)]


def test_openapi_servers_follow_the_stage_in_the_url(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """On an execute-api URL paths start with the stage; Swagger UI's "Try it out" must keep it."""
    monkeypatch.setenv("NEWSFACET_STORE", store_url)
    handler = load_search_handler()
    on_stage = event_from_request("GET", "/openapi.json", {})
    on_stage["requestContext"].update(stage="prod", path="/prod/openapi.json")
    assert json.loads(handler(on_stage, LocalContext())["body"])["servers"] == [{"url": "/prod"}]
    local = event_from_request("GET", "/openapi.json", {})
    assert json.loads(handler(local, LocalContext())["body"])["servers"] == [{"url": "/"}]


def test_a_bug_is_a_json_500_without_a_trace(caplog: pytest.LogCaptureFixture) -> None:
    def broken_store() -> ArticleStore:
        raise RuntimeError("secret internals")

    reply = app_caller(broken_store)("/search", q="ceasefire")
    assert reply.status == 500
    assert reply.body == {"error": "internal_error", "detail": "unexpected error; it has been logged"}
    assert "secret internals" in caplog.text  # the operator sees it in the log
