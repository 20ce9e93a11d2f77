"""What only the embedded store promises: a file chosen by URL, persistence, and safe concurrency
(threads of the local server, one writer process beside readers). Search semantics are proven for
every engine by tests/contract/."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from newsfacet.config import Settings
from newsfacet.model import Article, Dimension, FacetFilter, Origin, SearchQuery
from newsfacet.store import open_store
from newsfacet.store.base import StoreError
from newsfacet.store.embedded import connections
from newsfacet.store.embedded.store import EmbeddedStore


def article(n: int, *, text: str = "", source: str = "Wire", version: int = 1) -> Article:
    body = text or f"Report number {n} about harbour cranes and tides."
    return Article(
        id=f"a{n:04d}",
        version=version,
        title=f"Harbour report {n}",
        text=body,
        lede=body,
        source=source,
        published_at=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=n),
        language="en",
        word_count=len(body.split()),
        content_sha256="0" * 64,
        simhash="0" * 16,
        ingested_at=datetime(2024, 1, 1, tzinfo=UTC),
        origin=Origin(bucket="raw", key=f"{n}.html"),
    )


def test_url_picks_the_file_and_creates_its_directory(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "articles.db"
    store = EmbeddedStore.from_url(f"sqlite:///{path}")
    store.upsert([article(1)])
    store.close()
    assert path.is_file()


def test_default_path_is_under_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = open_store(Settings())
    store.upsert([article(1)])
    store.close()
    assert (tmp_path / ".newsfacet" / "articles.db").is_file()


def test_memory_store_keeps_nothing_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = EmbeddedStore.from_url("sqlite:///:memory:")
    store.upsert([article(1)])
    assert store.search(SearchQuery(q="harbour")).total == 1
    assert list(tmp_path.iterdir()) == []


def test_not_an_embedded_url_is_refused() -> None:
    with pytest.raises(ValueError, match="sqlite"):
        EmbeddedStore.from_url("http://localhost:9200")


def test_articles_survive_reopening(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/a.db"
    first = EmbeddedStore.from_url(url)
    first.upsert([article(1), article(2, source="Post")])
    first.delete("a0002", 2, "raw", "2.html")
    first.close()
    again = EmbeddedStore.from_url(url)
    assert again.get("a0001") == article(1)
    assert again.get("a0002") is None
    assert [o.status for o in again.upsert([article(2, version=2)])] == ["stale"]  # tombstone kept
    facets = again.search(SearchQuery()).facets[Dimension.SOURCE]
    assert [(v.value, v.count) for v in facets] == [("Wire", 1)]


def test_a_file_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    sqlite3.connect(path).execute("PRAGMA user_version = 99").connection.close()
    with pytest.raises(StoreError, match="schema version 99"):
        EmbeddedStore.from_url(f"sqlite:///{path}")


def test_marker_characters_in_article_text_cannot_forge_markup(tmp_path: Path) -> None:
    store = EmbeddedStore.from_url(f"sqlite:///{tmp_path}/a.db")
    store.upsert([article(1, text="Cranes \x02<b>\x03 lifted \x03 the tides \x02 today.")])
    (hit,) = store.search(SearchQuery(q="tides")).hits
    assert hit.snippet.count("<mark>") == hit.snippet.count("</mark>") == 1
    assert "<mark>tides</mark>" in hit.snippet
    assert "&lt;b&gt;" in hit.snippet


@pytest.mark.parametrize("url", ["file", "sqlite:///:memory:"])
def test_threads_read_while_one_writes(tmp_path: Path, url: str) -> None:
    store = EmbeddedStore.from_url(f"sqlite:///{tmp_path}/a.db" if url == "file" else url)
    store.upsert([article(n) for n in range(50)])
    errors: list[BaseException] = []
    seen: list[int] = []

    def read() -> None:
        try:
            for _ in range(30):
                result = store.search(
                    SearchQuery(q="harbour", filters={Dimension.SOURCE: FacetFilter(values=["Wire"])})
                )
                seen.append(result.total)
                assert result.total == len(result.hits) or result.next_cursor is not None
        except BaseException as error:
            errors.append(error)

    def write() -> None:
        try:
            for start in range(50, 150, 10):
                store.upsert([article(n) for n in range(start, start + 10)])
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=read) for _ in range(4)] + [threading.Thread(target=write)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert seen and min(seen) >= 50 and max(seen) <= 150
    assert store.search(SearchQuery(q="harbour")).total == 150
    store.close()


def test_a_writer_process_and_a_reader_share_the_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/shared.db"
    reader = EmbeddedStore.from_url(url)
    writer = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_embedded_store import article
        from newsfacet.store.embedded.store import EmbeddedStore
        store = EmbeddedStore.from_url({url!r})
        for start in range(0, 200, 20):
            store.upsert([article(n) for n in range(start, start + 20)])
        store.close()
        """
    )
    process = subprocess.Popen([sys.executable, "-c", writer])
    totals = []
    while process.poll() is None:
        totals.append(reader.search(SearchQuery(q="harbour")).total)
    assert process.wait() == 0
    assert totals == sorted(totals)  # a reader never sees the count go back
    assert all(total % 20 == 0 for total in totals)  # each batch is atomic
    assert reader.search(SearchQuery(q="harbour")).total == 200


def test_a_schema_2_file_gains_holders_from_its_origins(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    store = EmbeddedStore(path)
    store.upsert([article(1), article(2)])
    store.close()
    with sqlite3.connect(path) as conn:  # back to what schema 2 had: no holders table, no stories
        conn.execute("DROP TABLE holders")
        _drop_stories(conn)
        conn.execute("PRAGMA user_version = 2")

    reopened = EmbeddedStore(path)
    first = article(1)
    assert [(held.key, held.version) for held in reopened.holders(first.id)] == [(first.origin.key, 1)]
    assert [entry.id for entry in reopened.find_by_origin(first.origin.bucket, first.origin.key)] == [
        first.id
    ]
    reopened.close()


def _drop_stories(conn: Any) -> None:
    """Back to what schema 3 had: no story column, no simhash bands."""
    conn.execute("DROP INDEX articles_by_story")
    conn.execute("ALTER TABLE articles DROP COLUMN story")
    conn.execute("DROP TABLE simhash_bands")


def test_a_schema_3_file_gains_stories_and_finds_near_duplicates(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    store = EmbeddedStore(path)
    store.upsert([article(1), article(2)])
    store.close()
    with sqlite3.connect(path) as conn:
        _drop_stories(conn)
        conn.execute("PRAGMA user_version = 3")

    reopened = EmbeddedStore(path)
    first = article(1)
    assert reopened.story(first.id, 10) is not None  # each article is a story of its own
    copy = first.model_copy(update={"id": "f" * 32, "story": ""})
    assert first.id in {candidate.id for candidate in reopened.story_candidates(copy, 10)}
    reopened.close()


def test_a_failed_batch_leaves_no_facet_value_behind_for_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Facet value ids are remembered across batches: only those of batches that committed."""
    import newsfacet.store.embedded.store as embedded

    store = EmbeddedStore.from_url(f"sqlite:///{tmp_path}/a.db")
    written = embedded.write_article

    def fail_on_the_second(conn: Any, each: Article, facets: Any) -> None:
        written(conn, each, facets)
        if each.id == "a0002":
            raise RuntimeError("disk full")

    monkeypatch.setattr(embedded, "write_article", fail_on_the_second)
    with pytest.raises(RuntimeError):
        store.upsert([article(1, source="Tide Gazette"), article(2, source="Tide Gazette")])
    monkeypatch.setattr(embedded, "write_article", written)

    assert store.search(SearchQuery()).total == 0
    store.upsert([article(3, source="Tide Gazette"), article(4, source="Tide Gazette")])
    facets = store.search(SearchQuery(q="harbour")).facets[Dimension.SOURCE]
    assert [(v.value, v.count) for v in facets] == [("Tide Gazette", 2)]
    found = store.facet_values(Dimension.SOURCE, "gaz", SearchQuery())
    assert [(v.value, v.count) for v in found] == [("Tide Gazette", 2)]


def test_counts_stay_exact_when_batches_add_and_move_the_same_values(tmp_path: Path) -> None:
    """A batch counts each value once per article however often it recurs, including an article
    re-written in the same batch and one moved off the value by a later batch."""
    store = EmbeddedStore.from_url(f"sqlite:///{tmp_path}/a.db")
    store.upsert([article(n, source="Wire") for n in range(1, 6)] + [article(1, source="Post", version=2)])
    store.upsert([article(2, source="Post", version=2), article(6, source="Wire")])
    store.delete("a0003", 2, "raw", "3.html")

    for query in (SearchQuery(), SearchQuery(q="harbour")):  # the live counts and the tallied ones
        facets = store.search(query).facets[Dimension.SOURCE]
        assert [(v.value, v.count) for v in facets] == [("Wire", 3), ("Post", 2)]


class _WalRefusedTwice(sqlite3.Connection):
    """A connection whose first two switches to WAL are refused at once, as SQLite does while
    another connection checkpoints or recovers the log."""

    refusals = 0

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.startswith("PRAGMA journal_mode") and _WalRefusedTwice.refusals < 2:
            _WalRefusedTwice.refusals += 1
            raise sqlite3.OperationalError("database is locked")
        return super().execute(sql, *args)


def _connect_with(factory: type[sqlite3.Connection]) -> Any:
    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        return real_connect(*args, factory=factory, **kwargs)

    return connect


def test_opening_waits_out_a_refused_switch_to_wal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _WalRefusedTwice.refusals = 0
    monkeypatch.setattr(connections.sqlite3, "connect", _connect_with(_WalRefusedTwice))
    store = EmbeddedStore.from_url(f"sqlite:///{tmp_path / 'articles.db'}")
    store.upsert([article(1, text="Cranes idle in the harbour.")])
    found = store.search(SearchQuery(q="cranes"))
    store.close()
    assert _WalRefusedTwice.refusals == 2
    assert [hit.id for hit in found.hits] == ["a0001"]
    with sqlite3.connect(tmp_path / "articles.db") as reader:
        assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_lock_that_outlasts_the_wait_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class AlwaysRefused(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            if sql.startswith("PRAGMA journal_mode"):
                raise sqlite3.OperationalError("database is locked")
            return super().execute(sql, *args)

    monkeypatch.setattr(connections.sqlite3, "connect", _connect_with(AlwaysRefused))
    monkeypatch.setattr(connections, "_WAL_SWITCH_SECONDS", 0.2)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        EmbeddedStore.from_url(f"sqlite:///{tmp_path / 'articles.db'}")
