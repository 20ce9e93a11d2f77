"""The local server: HTTP requests become API Gateway events for the search handler, and back.

The server runs on a free port over an embedded store; requests go through real sockets.
"""

from __future__ import annotations

import base64
import json
import sys
import threading
from collections.abc import Iterator
from http.client import HTTPConnection
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from newsfacet.config import Settings
from newsfacet.localserver import LocalServer, event_from_request
from newsfacet.store import open_store
from test_api import CORPUS, art, ids_where, names


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, serve_search: Any) -> Iterator[LocalServer]:
    url = f"sqlite:///{tmp_path_factory.mktemp('local') / 'articles.db'}"
    open_store(Settings(store=url)).upsert(CORPUS)
    with serve_search({"NEWSFACET_STORE": url}) as local:
        yield local


def request(
    server: LocalServer, method: str, target: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    host, port = server.server_address[:2]
    connection = HTTPConnection(str(host), int(port), timeout=10)
    try:
        connection.request(method, target, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


# --- The event a request becomes ----------------------------------------------------------------


def test_event_carries_every_value_of_a_repeated_parameter_decoded() -> None:
    target = "/search?" + urlencode([("location", "São Paulo"), ("location", "Lebanon"), ("q", "a+b c")])
    event = event_from_request(
        "GET", target, [("Accept", "application/json"), ("X-Many", "1"), ("X-Many", "2")]
    )
    assert event["path"] == "/search"
    assert event["httpMethod"] == "GET"
    assert event["multiValueQueryStringParameters"] == {"location": ["São Paulo", "Lebanon"], "q": ["a+b c"]}
    assert event["queryStringParameters"] == {"location": "Lebanon", "q": "a+b c"}  # last value, as AWS
    assert event["multiValueHeaders"]["X-Many"] == ["1", "2"]
    assert event["requestContext"]["stage"] == "local"


def test_event_keeps_blank_values_and_omits_an_absent_query() -> None:
    assert event_from_request("GET", "/search?q=&size=", {})["multiValueQueryStringParameters"] == {
        "q": [""],
        "size": [""],
    }
    bare = event_from_request("GET", "/health", {})
    assert bare["queryStringParameters"] is None
    assert bare["multiValueQueryStringParameters"] is None


def test_event_body_is_text_or_base64() -> None:
    assert event_from_request("POST", "/x", {}, b'{"a": 1}')["body"] == '{"a": 1}'
    binary = event_from_request("POST", "/x", {}, b"\xff\x00\xfe")
    assert binary["isBase64Encoded"] is True
    assert base64.b64decode(binary["body"]) == b"\xff\x00\xfe"


# --- Over HTTP ------------------------------------------------------------------------------


def test_the_page_and_its_assets_are_served(server: LocalServer) -> None:
    status, headers, body = request(server, "GET", "/")
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert b'<script type="module" src="/static/app.js">' in body
    for asset, kind in (("/static/app.js", "text/javascript"), ("/static/style.css", "text/css")):
        status, headers, _ = request(server, "GET", asset)
        assert status == 200
        assert headers["Content-Type"].startswith(kind)


@pytest.mark.parametrize("target", ["/static/missing.js", "/static/%2e%2e/api.py", "/static/..%2fapi.py"])
def test_nothing_outside_the_page_is_served(server: LocalServer, target: str) -> None:
    status, _, body = request(server, "GET", target)
    assert status == 404
    assert b"import" not in body


def test_repeated_parameters_reach_the_api(server: LocalServer) -> None:
    query = urlencode([("location", "Qatar"), ("location", "Egypt")])
    status, headers, body = request(server, "GET", f"/search?{query}")
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    expected = ids_where(lambda article: bool({"Qatar", "Egypt"} & names(article.locations)))
    assert {hit["id"] for hit in json.loads(body)["hits"]} == expected


def test_accented_values_survive_percent_encoding(server: LocalServer) -> None:
    status, _, body = request(server, "GET", f"/search?location={quote('São Paulo')}")
    assert status == 200
    assert [hit["id"] for hit in json.loads(body)["hits"]] == [art(6)]


def test_error_status_and_body_pass_through(server: LocalServer) -> None:
    status, headers, body = request(server, "GET", "/search?size=500")
    assert status == 400
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["parameter"] == "size"


def test_cors_preflight_and_head(server: LocalServer) -> None:
    origin = {"Origin": "https://app.example", "Access-Control-Request-Method": "GET"}
    status, headers, _ = request(server, "OPTIONS", "/search", origin)
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, body = request(server, "HEAD", "/")
    assert status == 200
    assert body == b""
    assert int(headers["Content-Length"]) > 0
    status, headers, body = request(server, "HEAD", "/health")
    assert (status, body) == (200, b"")
    # The API declares GET routes only: other methods get the API's own JSON 405.
    status, headers, _ = request(server, "POST", "/search")
    assert (status, headers["Content-Type"]) == (405, "application/json")


def test_concurrent_requests_each_get_their_own_answer(server: LocalServer) -> None:
    """The handler keeps the current event on itself: the server must not let calls overlap."""
    queries = {name: f"/search?location={quote(name)}" for name in ("Lebanon", "Germany", "Egypt", "Brazil")}
    expected = {name: ids_where(lambda a, name=name: name in names(a.locations)) for name in queries}
    answers: dict[str, list[set[str]]] = {name: [] for name in queries}
    failures: list[BaseException] = []

    def ask(name: str) -> None:
        try:
            for _ in range(5):
                _, _, body = request(server, "GET", queries[name])
                answers[name].append({hit["id"] for hit in json.loads(body)["hits"]})
        except BaseException as error:  # surfaced below, in the test's thread
            failures.append(error)

    threads = [threading.Thread(target=ask, args=(name,)) for name in queries for _ in range(2)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so overlapping calls would interleave
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
    for name, seen in answers.items():
        assert seen == [expected[name]] * 10, name


def test_a_crashing_handler_is_a_502_without_a_trace() -> None:
    def broken(event: dict[str, Any], context: Any) -> dict[str, Any]:
        raise RuntimeError("secret internals")

    local = LocalServer(("127.0.0.1", 0), broken, quiet=True).start()
    try:
        status, _, body = request(local, "GET", "/search")
    finally:
        local.stop()
    assert status == 502
    assert json.loads(body) == {"message": "Internal server error"}
    assert b"secret" not in body


# --- Methods and malformed requests ---------------------------------------------------------------


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "TRACE", "FROBNICATE"])
@pytest.mark.parametrize("path", ["/search", "/health", f"/articles/{art(1)}", "/facets/actor"])
def test_a_method_a_route_does_not_take_is_a_json_405_with_allow(
    server: LocalServer, method: str, path: str
) -> None:
    status, headers, body = request(server, method, path)
    assert status == 405
    assert "GET" in headers["Allow"]
    assert json.loads(body)["error"] == "method_not_allowed"


def test_an_unknown_path_is_still_a_404_whatever_the_method(server: LocalServer) -> None:
    status, _, body = request(server, "TRACE", "/nothing/here")
    assert status == 404
    assert json.loads(body)["error"] == "not_found"


@pytest.mark.parametrize("length", ["abc", "-1", "1e3", "5x"])
def test_a_malformed_content_length_is_a_400(server: LocalServer, length: str) -> None:
    host, port = server.server_address[:2]
    connection = HTTPConnection(str(host), int(port), timeout=10)
    try:
        connection.putrequest("POST", "/search")
        connection.putheader("Content-Length", length)
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == 400
        assert json.loads(response.read())["message"] == "Bad Content-Length"
    finally:
        connection.close()
