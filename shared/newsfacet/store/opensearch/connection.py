"""One OpenSearch connection: the client (created once, lazily, on first use; only this package
imports opensearch-py), how requests fail (`StoreUnavailable` or `StoreError`), whether the other end
is Amazon OpenSearch Serverless, and authentication (none, basic, or SigV4: `es` for a domain,
`aoss` for Serverless; `auto` picks SigV4 for `*.amazonaws.com` hosts).

The connection also remembers whether this process wrote since the last refresh, so that its own
searches see its writes (see the package's docstring, "Visibility").
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import urlsplit

from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConnectionError as ClientConnectionError
from opensearchpy.exceptions import NotFoundError, TransportError

from newsfacet.config import Settings
from newsfacet.store.base import LookupFailed, StoreError, StoreUnavailable

Refresh = Literal["wait_for", "true", "false"]
Document = dict[str, Any]

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ID_BYTES = 512  # OpenSearch refuses longer `_id`s, and fails the whole bulk request for one


class OpenSearchConfigError(StoreError, ValueError):
    """The settings do not describe a usable OpenSearch connection (e.g. SigV4 without a region)."""


class Connection:
    """The client of one alias's cluster (or Serverless collection). Thread-safe."""

    def __init__(self, client_factory: Callable[[], Any], alias: str, *, serverless: bool = False) -> None:
        if not alias or alias != alias.lower() or any(ch in alias for ch in ' "*\\<|,>/?#:'):
            raise OpenSearchConfigError(
                f"invalid index alias {alias!r}: use lowercase letters, digits, - and _"
            )
        self.alias = alias
        self.serverless = serverless
        self.unrefreshed = False  # written with refresh=false since the last refresh
        self._client_factory = client_factory
        self._client_instance: Any = None
        self._lock = threading.Lock()

    @property
    def client(self) -> Any:
        """The opensearch-py client, created on first use."""
        if self._client_instance is None:
            with self._lock:
                if self._client_instance is None:
                    self._client_instance = self._client_factory()
        return self._client_instance

    def call(self, action: Callable[[Any], Any]) -> Any:
        """Run one request; connection trouble, 429 and 5xx become `StoreUnavailable`."""
        try:
            return action(self.client)
        except ClientConnectionError as error:
            raise StoreUnavailable(f"OpenSearch unreachable: {error}") from error
        except NotFoundError:
            raise
        except TransportError as error:
            if is_retryable(error):
                raise StoreUnavailable(f"OpenSearch unavailable: {describe(error)}") from error
            raise StoreError(f"OpenSearch refused the request: {describe(error)}") from error

    def refresh(self) -> None:
        """Make every write so far searchable. Serverless refreshes on its own and has no
        `_refresh`: nothing to do there."""
        self.unrefreshed = False
        if self.serverless:
            return
        self.call(lambda client: client.indices.refresh(index=self.alias))

    def search(self, body: Document, index: str | None = None, *, fresh: bool = True) -> Document | None:
        """The raw response, or None while the index does not exist yet (nothing written)."""
        if self.unrefreshed and index is None and fresh:
            self.refresh()  # read our own writes
        try:
            response: Document = self.call(lambda client: client.search(index=index or self.alias, body=body))
        except NotFoundError:
            return None
        return response

    def msearch(self, bodies: list[Document], *, fresh: bool = True) -> list[Document | LookupFailed]:
        """Several searches of the alias in one `_msearch` request: each raw response (no hits while
        the index does not exist yet), or `LookupFailed` for a search that failed transiently.
        Raises `StoreUnavailable` if the request itself failed, `StoreError` on a refused search."""
        if not bodies:
            return []
        if self.unrefreshed and fresh:
            self.refresh()  # read our own writes
        lines = [line for body in bodies for line in ({}, body)]
        nothing: Document = {"hits": {"hits": []}}
        try:
            response = self.call(lambda client: client.msearch(index=self.alias, body=lines))
        except NotFoundError:
            return [nothing] * len(bodies)
        answers: list[Document | LookupFailed] = []
        for each in response["responses"]:
            error, status = each.get("error"), each.get("status")
            if error is None:
                answers.append(each)
            elif status == 404:  # the index does not exist yet
                answers.append(nothing)
            elif status in RETRYABLE_STATUSES:
                answers.append(LookupFailed(reason=f"OpenSearch unavailable: {status} {error}"))
            else:
                raise StoreError(f"OpenSearch refused a search: {status} {error}")
        return answers

    def alias_indices(self) -> list[str]:
        """The indices the alias points to (one, or several after a rollover)."""
        try:
            found = self.call(lambda client: client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []
        return sorted(found)

    def close(self) -> None:
        if self._client_instance is not None:
            self._client_instance.close()
            self._client_instance = None


def client_factory(settings: Settings) -> tuple[Callable[[], Any], bool]:
    """How to build the client `settings.store` (an http(s) URL) names, and whether it is
    Serverless. The authentication is checked now: a bad configuration fails at start."""
    url = settings.store
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OpenSearchConfigError(f"not an OpenSearch URL: {url!r}")
    auth = http_auth(settings, parts.hostname)

    def build_client() -> Any:
        return OpenSearch(
            hosts=[url],
            http_auth=auth,
            verify_certs=True,
            ssl_show_warn=False,
            timeout=30,
            max_retries=0,  # retries are ours, with backoff (writes) or the caller's (reads)
            retry_on_timeout=False,
            http_compress=parts.scheme == "https",
            pool_maxsize=8,
        )

    return build_client, is_serverless(settings.opensearch_flavour, parts.hostname)


def is_retryable(error: TransportError) -> bool:
    status = error.status_code
    return isinstance(status, int) and status in RETRYABLE_STATUSES


def describe(error: TransportError) -> str:
    return f"{error.status_code} {error.error}"


def is_serverless(flavour: str, host: str) -> bool:
    """`opensearch_flavour` (cluster | serverless | auto: by the host's *.aoss.amazonaws.com name)."""
    if flavour == "auto":
        return host.endswith(".aoss.amazonaws.com")
    if flavour in ("cluster", "serverless"):
        return flavour == "serverless"
    raise OpenSearchConfigError(f"unknown opensearch_flavour {flavour!r}: use cluster, serverless or auto")


def http_auth(settings: Settings, host: str) -> Any:
    """The client's `http_auth` for `settings.opensearch_auth` (see `Settings`)."""
    mode = settings.opensearch_auth
    if mode == "auto":
        if host.endswith(".aoss.amazonaws.com"):
            mode = "sigv4-aoss"
        elif host.endswith(".amazonaws.com"):
            mode = "sigv4-es"
        else:
            mode = "basic" if settings.opensearch_username else "none"
    if mode == "none":
        return None
    if mode == "basic":
        if not (settings.opensearch_username and settings.opensearch_password):
            raise OpenSearchConfigError("basic auth needs NEWSFACET_OPENSEARCH_USERNAME and _PASSWORD")
        return (settings.opensearch_username, settings.opensearch_password)
    return _sigv4(settings, host, service=mode.removeprefix("sigv4-"))  # sigv4-es or sigv4-aoss


def _sigv4(settings: Settings, host: str, service: str) -> Any:
    """SigV4 request signing with the process's AWS credentials (the Lambda role's)."""
    import boto3  # noqa: PLC0415 - only SigV4 needs it
    from opensearchpy import Urllib3AWSV4SignerAuth  # noqa: PLC0415

    region = settings.aws_region or _region_of(host)
    if not region:
        raise OpenSearchConfigError(f"SigV4 needs a region: set AWS_REGION (host {host!r} names none)")
    credentials = boto3.Session().get_credentials()
    if credentials is None:
        raise OpenSearchConfigError("SigV4 needs AWS credentials; none were found")
    return Urllib3AWSV4SignerAuth(credentials, region, service)


def _region_of(host: str) -> str | None:
    """The region in an AWS endpoint: search-x.eu-west-1.es.amazonaws.com, id.us-east-1.aoss..."""
    match = re.search(r"\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.(?:es|aoss)\.amazonaws\.com$", host)
    return match.group(1) if match else None
