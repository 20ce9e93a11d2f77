"""A TCP relay on a fixed local port to an upstream that may move: the OpenSearch endpoint of a node
that is killed and started again (on a new port), as a client of a real cluster sees one endpoint
across a node's restart. While the upstream is down, each connection is closed at once (a client sees
the connection fail, as it would with a node down), never held open."""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from urllib.parse import urlsplit


class Relay(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, upstream_url: str) -> None:
        super().__init__(("127.0.0.1", 0), _Pipe)
        self.upstream_url = upstream_url
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def upstream(self) -> tuple[str, int]:
        parts = urlsplit(self.upstream_url)
        assert parts.hostname is not None and parts.port is not None
        return parts.hostname, parts.port

    def close(self) -> None:
        self.shutdown()
        self.server_close()


class _Pipe(socketserver.BaseRequestHandler):
    """One client connection, piped both ways to the upstream until either side closes."""

    server: Relay

    def handle(self) -> None:
        try:
            upstream = socket.create_connection(self.server.upstream(), timeout=5)
        except OSError:
            return  # the node is down: the client's connection is closed
        upstream.settimeout(None)
        with upstream:
            back = threading.Thread(target=_copy, args=(upstream, self.request), daemon=True)
            back.start()
            _copy(self.request, upstream)
            back.join()


def _copy(source: socket.socket, target: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            target.sendall(data)
    for end in (source, target):
        with contextlib.suppress(OSError):
            end.shutdown(socket.SHUT_RDWR)
