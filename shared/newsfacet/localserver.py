"""A small local HTTP server in front of the search Lambda handler, plus the search page.

Each HTTP request becomes an API Gateway REST (v1, proxy integration) event, is passed to the very
same `lambda_handler` function object that AWS Lambda calls (loaded from `functions/search/app.py`),
and the handler's proxy response becomes the HTTP response. A frontend developer therefore talks to
exactly the deployed API's routes, validation and error bodies, without Docker or SAM.

`/` and `/static/...` serve the search page from the package's `web/` directory; everything else
goes to the handler. Connections are served on threads, but handler calls are serialized: one
Lambda execution environment runs one invocation at a time, and Powertools' resolver keeps the
current event on itself, so concurrent calls into one handler would mix requests up.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import logging
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "LambdaHandler",
    "LocalContext",
    "LocalServer",
    "event_from_request",
    "import_file",
    "load_search_handler",
    "search_function_path",
]

logger = logging.getLogger(__name__)

LambdaHandler = Callable[[dict[str, Any], Any], dict[str, Any]]
"""A Lambda handler taking an API Gateway proxy event and returning a proxy response."""

MAX_BODY_BYTES = 6 * 1024 * 1024
"""API Gateway -> Lambda's synchronous payload limit; larger requests get 413 as on AWS."""

_JSON = "application/json"
_STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


# --- Loading the handler ------------------------------------------------------------------------


def search_function_path() -> Path:
    """`functions/search/app.py` of the checkout this package is installed from (editable install)."""
    return Path(__file__).resolve().parents[2] / "functions" / "search" / "app.py"


def load_search_handler(path: Path | None = None) -> LambdaHandler:
    """Import the search function's module afresh and return its `lambda_handler`.

    Each call is a new module, like a new Lambda execution environment: it reads `Settings` from the
    environment as it is now (so set `NEWSFACET_STORE` first) and opens its own store lazily.
    """
    module_path = path or search_function_path()
    if not module_path.is_file():
        raise FileNotFoundError(
            f"search function not found at {module_path}: run from a checkout (pip install -e .)"
        )
    module = import_file(module_path, f"newsfacet_search_function_{uuid.uuid4().hex}")
    handler: LambdaHandler = module.lambda_handler
    return handler


def import_file(path: Path, name: str) -> ModuleType:
    """Import the Python file at `path` as a new module called `name` (a Lambda function's `app.py`,
    or a launcher of the checkout): a fresh module each time `name` is new."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # pydantic and typing resolve names through sys.modules
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


# --- HTTP request <-> API Gateway event ---------------------------------------------------------


@dataclass(frozen=True)
class LocalContext:
    """The parts of the Lambda context object that Powertools reads."""

    function_name: str = "newsfacet-search-local"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = "arn:aws:lambda:local:000000000000:function:newsfacet-search-local"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = "/aws/lambda/newsfacet-search-local"
    log_stream_name: str = "local"
    deadline_ms: int = field(default_factory=lambda: int(time.time() * 1000) + 30_000)

    def get_remaining_time_in_millis(self) -> int:
        return max(0, self.deadline_ms - int(time.time() * 1000))


def _single_and_multi(
    pairs: list[tuple[str, str]],
) -> tuple[dict[str, str] | None, dict[str, list[str]] | None]:
    """API Gateway's two views of repeated keys: the last value, and every value in order."""
    if not pairs:
        return None, None
    multi: dict[str, list[str]] = {}
    for key, value in pairs:
        multi.setdefault(key, []).append(value)
    return {key: values[-1] for key, values in multi.items()}, multi


def event_from_request(
    method: str,
    target: str,
    headers: Mapping[str, str] | list[tuple[str, str]],
    body: bytes = b"",
    *,
    source_ip: str = "127.0.0.1",
    stage: str = "local",
) -> dict[str, Any]:
    """The API Gateway REST proxy event for one HTTP request (`target` is the path plus query).

    Query keys and values are percent-decoded, as API Gateway does; repeated keys keep every value
    in `multiValueQueryStringParameters`. A body that is not UTF-8 is passed base64-encoded.
    """
    parts = urlsplit(target)
    path = parts.path or "/"
    query_single, query_multi = _single_and_multi(
        parse_qsl(parts.query, keep_blank_values=True, errors="replace")
    )
    header_pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers)
    headers_single, headers_multi = _single_and_multi(header_pairs)
    encoded_body: str | None = None
    is_base64 = False
    if body:
        try:
            encoded_body = body.decode("utf-8")
        except UnicodeDecodeError:
            encoded_body, is_base64 = base64.b64encode(body).decode("ascii"), True
    now = datetime.now(UTC)
    request_id = str(uuid.uuid4())
    return {
        "resource": "/{proxy+}",
        "path": path,
        "httpMethod": method,
        "headers": headers_single or {},
        "multiValueHeaders": headers_multi or {},
        "queryStringParameters": query_single,
        "multiValueQueryStringParameters": query_multi,
        "pathParameters": {"proxy": path.lstrip("/")},
        "stageVariables": None,
        "requestContext": {
            "accountId": "000000000000",
            "apiId": "local",
            "domainName": (headers_single or {}).get("Host", "localhost"),
            "extendedRequestId": request_id,
            "httpMethod": method,
            "identity": {
                "sourceIp": source_ip,
                "userAgent": (headers_single or {}).get("User-Agent"),
                **_api_key_identity(header_pairs),
            },
            "path": path,  # no stage prefix: like a custom domain, the server has none
            "protocol": "HTTP/1.1",
            "requestId": request_id,
            "requestTime": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "requestTimeEpoch": int(now.timestamp() * 1000),
            "resourcePath": "/{proxy+}",
            "stage": stage,
        },
        "body": encoded_body,
        "isBase64Encoded": is_base64,
    }


def _api_key_identity(headers: list[tuple[str, str]]) -> dict[str, str]:
    """What API Gateway puts in the request context for an `x-api-key` header (with `ApiKeys=true`):
    the key and its id (here a digest of the key, so the key itself is not what alerts record)."""
    key = next((value for name, value in headers if name.lower() == "x-api-key" and value), None)
    if key is None:
        return {}
    return {"apiKey": key, "apiKeyId": hashlib.sha256(key.encode()).hexdigest()[:20]}


def response_headers(response: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every header of a proxy response; `multiValueHeaders` wins over `headers` for a name."""
    multi: Mapping[str, list[Any]] = response.get("multiValueHeaders") or {}
    single: Mapping[str, Any] = response.get("headers") or {}
    pairs = [(name, str(value)) for name, values in multi.items() for value in values]
    seen = {name.lower() for name in multi}
    pairs += [(name, str(value)) for name, value in single.items() if name.lower() not in seen]
    return pairs


def response_body(response: Mapping[str, Any]) -> bytes:
    body = response.get("body") or ""
    if response.get("isBase64Encoded"):
        return base64.b64decode(body)
    return str(body).encode("utf-8")


# --- The server ---------------------------------------------------------------------------------


class LocalServer(ThreadingHTTPServer):
    """Serves the search page and forwards every other request to a Lambda handler."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: LambdaHandler, *, quiet: bool = False) -> None:
        super().__init__(address, _RequestHandler)
        self.lambda_handler = handler
        self.quiet = quiet
        self.invoke_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        """Call the handler as Lambda would: one invocation at a time, with a fresh context."""
        with self.invoke_lock:
            return self.lambda_handler(event, LocalContext())

    def start(self) -> LocalServer:
        """Serve on a background thread (for tests and for `newsfacet local`)."""
        self._thread = threading.Thread(target=self.serve_forever, name="newsfacet-serve", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
            self._thread = None
        self.server_close()


class _RequestHandler(BaseHTTPRequestHandler):
    server: LocalServer
    protocol_version = "HTTP/1.1"
    server_version = "newsfacet-local"

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_OPTIONS(self) -> None:
        self._dispatch()

    def __getattr__(self, name: str) -> Any:
        """Any other method (TRACE, CONNECT, made-up ones) goes to the API as well, which answers
        405 with `Allow` on its routes and 404 elsewhere, in JSON (the base class would send 501 HTML)."""
        if name.startswith("do_"):
            return self._dispatch
        raise AttributeError(name)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def _dispatch(self) -> None:
        path = urlsplit(self.path).path
        if self.command in {"GET", "HEAD"} and (path == "/" or path.startswith("/static/")):
            self._serve_static("index.html" if path == "/" else path.removeprefix("/static/"))
            return
        declared = self.headers.get("Content-Length") or "0"
        if not declared.isascii() or not declared.isdigit():
            # Without a length the body cannot be told from the next request: answer, then close.
            self.close_connection = True
            self._reply(
                HTTPStatus.BAD_REQUEST, [("Content-Type", _JSON)], b'{"message":"Bad Content-Length"}'
            )
            return
        length = int(declared)
        if length > MAX_BODY_BYTES:
            self._reply(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, [], b'{"message":"Request Too Long"}')
            return
        body = self.rfile.read(length) if length > 0 else b""
        # HEAD is GET without the body (`_reply` drops it), as every HTTP server must offer.
        method = "GET" if self.command == "HEAD" else self.command
        event = event_from_request(
            method, self.path, self.headers.items(), body, source_ip=self.client_address[0]
        )
        try:
            response = self.server.invoke(event)
            status = HTTPStatus(int(response["statusCode"]))
            headers, payload = response_headers(response), response_body(response)
        except Exception:
            # What API Gateway answers when the integration fails; the trace stays in this terminal.
            logger.exception("the search handler failed on %s %s", self.command, self.path)
            status, headers = HTTPStatus.BAD_GATEWAY, [("Content-Type", _JSON)]
            payload = b'{"message": "Internal server error"}'
        self._reply(status, headers, payload)

    def _serve_static(self, name: str) -> None:
        web = resources.files("newsfacet") / "web"
        suffix = Path(name).suffix
        # Only plain file names of known types: no directories, no traversal.
        if "/" in name or "\\" in name or name.startswith(".") or suffix not in _STATIC_TYPES:
            self._reply(HTTPStatus.NOT_FOUND, [("Content-Type", "text/plain")], b"not found")
            return
        resource = web / name
        if not resource.is_file():
            self._reply(HTTPStatus.NOT_FOUND, [("Content-Type", "text/plain")], b"not found")
            return
        headers = [("Content-Type", _STATIC_TYPES[suffix]), ("Cache-Control", "no-cache")]
        self._reply(HTTPStatus.OK, headers, resource.read_bytes())

    def _reply(self, status: HTTPStatus, headers: list[tuple[str, str]], payload: bytes) -> None:
        self.send_response(status.value)
        for name, value in headers:
            if name.lower() not in {"content-length", "connection", "transfer-encoding"}:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)


def serve(host: str, port: int, store: str | None = None) -> None:
    """Run the server in the foreground until Ctrl-C (the `newsfacet serve` command).

    `store` (a store URL) is handed to the handler the way Lambda configures it: through the
    environment (`NEWSFACET_STORE`), before the handler's module reads its settings.
    """
    if store:
        os.environ["NEWSFACET_STORE"] = store
    server = LocalServer((host, port), load_search_handler())
    print(f"newsfacet search page: {server.url}/", flush=True)
    print(f"search API:            {server.url}/search?q=ceasefire", flush=True)
    print(f"OpenAPI:               {server.url}/openapi.json  (Swagger UI: {server.url}/docs)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopping", flush=True)
    finally:
        server.server_close()
