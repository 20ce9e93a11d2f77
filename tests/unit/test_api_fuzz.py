"""No query string can make the search API fail: every reply is a 200 result or a 400 naming a parameter.

Arbitrary query strings (raw text, and well-formed pairs over the API's own parameter names with
arbitrary values) are turned into API Gateway events exactly as the local server does and sent
through the search Lambda's `lambda_handler` over a real embedded store holding a few articles.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from newsfacet.config import Settings
from newsfacet.localserver import LocalContext, event_from_request, load_search_handler
from newsfacet.store import open_store
from test_api import CORPUS

PARAMETERS = [
    "q",
    "actor",
    "location",
    "topic",
    "source",
    "actor_match",
    "location_match",
    "topic_match",
    "source_match",
    "from",
    "to",
    "language",
    "sort",
    "size",
    "cursor",
    "facet_size",
    "histogram",
    "prefix",
]

# Values that look almost right are where parsers break: near-dates, near-numbers, engine syntax.
TRICKY = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "1e3",
        "100",
        "101",
        "20.5",
        "2026-10-16",
        "2026-02-30",
        "9999-99-99",
        "any",
        "all",
        "date",
        "relevance",
        "week",
        '"',
        '"ceasefire talks',
        "-",
        "OR",
        "ceasefire OR",
        "NEAR(a b)",
        "title:x*",
        "a AND (b",
        "São Paulo",
        "\x00",
        "%",
        "eyJhIjoxfQ",
    ]
)
VALUES = st.one_of(TRICKY, st.text(max_size=40))
PAIRS = st.lists(st.tuples(st.sampled_from(PARAMETERS), VALUES), max_size=6)
# Free text in `q`, `language` and the filters: every such query is valid, so each reaches the engine.
SHORT_TEXT = st.one_of(TRICKY, st.text(max_size=16))
TEXT_PAIRS = st.builds(
    lambda q, language, filters: [("q", q), *filters] + ([("language", language)] if language else []),
    SHORT_TEXT,
    st.none() | SHORT_TEXT,
    st.lists(st.tuples(st.sampled_from(["actor", "location", "topic", "source"]), SHORT_TEXT), max_size=4),
)


@pytest.fixture(scope="module")
def handler(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, Any]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'articles.db'}"
    open_store(Settings(store=url)).upsert(CORPUS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSFACET_STORE", url)
        lambda_handler = load_search_handler()
    return lambda target: lambda_handler(event_from_request("GET", target, {}), LocalContext())


def assert_answered_cleanly(response: dict[str, Any]) -> None:
    event(f"status {response['statusCode']}")
    assert response["statusCode"] in {200, 400}, response["body"]
    body = json.loads(response["body"])
    if response["statusCode"] == 400:
        assert body["error"] == "invalid_parameter"
        assert body["parameter"]
        assert "Traceback" not in response["body"]
    else:
        assert isinstance(body["total"], int)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=PAIRS)
def test_any_parameters_get_a_result_or_a_400(
    handler: Callable[[str], dict[str, Any]], pairs: list[tuple[str, str]]
) -> None:
    assert_answered_cleanly(handler(f"/search?{urlencode(pairs)}"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=TEXT_PAIRS)
def test_any_words_and_filter_values_get_a_result(
    handler: Callable[[str], dict[str, Any]], pairs: list[tuple[str, str]]
) -> None:
    response = handler(f"/search?{urlencode(pairs)}")
    assert response["statusCode"] == 200, response["body"]
    assert_answered_cleanly(response)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.text(max_size=120))
def test_any_raw_query_string_gets_a_result_or_a_400(
    handler: Callable[[str], dict[str, Any]], raw: str
) -> None:
    # Quote only what cannot appear in a request line; keep & = % + as a client might send them.
    assert_answered_cleanly(handler(f"/search?{quote(raw, safe='&=%+;/?:@,$!*()')}"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=PAIRS, dimension=st.sampled_from(["actor", "location", "topic", "source"]))
def test_facet_value_search_never_fails_either(
    handler: Callable[[str], dict[str, Any]], pairs: list[tuple[str, str]], dimension: str
) -> None:
    response = handler(f"/facets/{dimension}?{urlencode(pairs)}")
    assert response["statusCode"] in {200, 400}, response["body"]
    if response["statusCode"] == 200:
        assert json.loads(response["body"])["dimension"] == dimension


def test_the_fuzzed_handler_does_answer_searches(handler: Callable[[str], dict[str, Any]]) -> None:
    """Guards the fuzz tests above against passing on a handler that only ever says 400."""
    response = handler("/search?q=ceasefire&location=Lebanon")
    assert response["statusCode"] == 200
    assert json.loads(response["body"])["total"] == 2
