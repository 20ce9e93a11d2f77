"""Record the HTTP requests an `OpenSearchStore` sends (method, path, query parameters): what IAM
and Serverless see of it. Used by the Serverless tests and the template's least-privilege test."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsfacet.store.opensearch.store import OpenSearchStore


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    params: tuple[tuple[str, str], ...]


@dataclass
class CallLog:
    calls: list[Call] = field(default_factory=list)

    def clear(self) -> None:
        self.calls.clear()


def record_calls(store: OpenSearchStore) -> CallLog:
    """From now on, log every request `store` sends (its client is created if need be)."""
    log = CallLog()
    transport = store.client.transport
    send = transport.perform_request

    def perform_request(method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        params = kwargs.get("params") or {}
        log.calls.append(
            Call(method, url.split("?", maxsplit=1)[0], tuple(sorted((k, str(v)) for k, v in params.items())))
        )
        return send(method, url, *args, **kwargs)

    transport.perform_request = perform_request
    return log
