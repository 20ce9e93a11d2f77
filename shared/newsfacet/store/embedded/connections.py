"""Connections to the embedded store's database: WAL journal; each thread gets its own connection (so
the local server's threads read in parallel), writers take the write lock up front (`BEGIN
IMMEDIATE`), and other processes may read while one writes. `sqlite:///:memory:` keeps everything in
one connection behind a lock."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsfacet.store.base import StoreUnavailable
from newsfacet.store.embedded.schema import ensure_schema


class Connections:
    """The connections of one store (file or memory), each with the `matched` temporary table a
    search fills (`query.Plan.materialise`)."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._registry_lock = threading.Lock()
        self._memory_lock = threading.RLock()
        self._memory: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        with self.connection() as conn:
            ensure_schema(conn, path)

    def _open(self) -> sqlite3.Connection:
        target = ":memory:" if self._path is None else str(self._path)
        conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, timeout=30.0)
        if self._path is not None:
            _use_write_ahead_log(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA mmap_size = 268435456")
        conn.execute("CREATE TEMP TABLE matched (doc_id INTEGER PRIMARY KEY, score REAL NOT NULL)")
        with self._registry_lock:
            self._connections.append(conn)
        return conn

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection (file) or the one shared connection, locked (memory)."""
        if self._path is None:
            with self._memory_lock:
                if self._memory is None:
                    self._memory = self._open()
                yield self._memory
            return
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open()
        yield conn

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        with self.connection() as conn, unavailable_on_lock():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self.connection() as conn, unavailable_on_lock():
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")

    def close(self) -> None:
        with self._registry_lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
            self._memory = None
        self._local = threading.local()


@contextmanager
def unavailable_on_lock() -> Iterator[None]:
    """A database locked past the busy timeout is transient: callers may retry."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StoreUnavailable(f"embedded store busy: {error}") from error
        raise


# How long opening a connection retries switching to WAL while another process holds the file.
_WAL_SWITCH_SECONDS = 30.0


def _use_write_ahead_log(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode, retrying while another connection holds it.

    SQLite can answer "database is locked" to this pragma at once, without waiting out the busy
    timeout (a writer in the middle of a checkpoint or of WAL recovery): a search opening the store
    while the ingest worker writes failed with a 500 (seen once in CI's local-stack test)."""
    deadline = time.monotonic() + _WAL_SWITCH_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
