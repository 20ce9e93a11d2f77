"""`newsfacet ingest`'s versioning on every engine: a file's mtime is its version, so an unchanged
file is skipped, an edited one replaces its article (even under a new id), and a file that turns
into a rejection takes its article out of the index."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from newsfacet.config import Settings
from newsfacet.fileingest import FileStatus, ingest_files
from newsfacet.model import SearchQuery
from newsfacet.store.base import ArticleStore

ENGINES = ("embedded", "opensearch")
StoreFactory = Callable[[str], ArticleStore]  # the `make_store` fixture of tests/conftest.py

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "2026-10-24-meridian-ceasefire-agreed-cairo.html"


def touch_later(path: Path) -> None:
    """Give the file a newer mtime, as an edit one second later would."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def ingest(page: Path, store: ArticleStore) -> list[FileStatus]:
    report = ingest_files([page], store, Settings(), workers=1)
    return [outcome.status for outcome in report.outcomes]


def titles(store: ArticleStore) -> list[str]:
    return [hit.title for hit in store.search(SearchQuery(size=10)).hits]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_files_mtime_orders_its_versions(engine: str, make_store: StoreFactory, tmp_path: Path) -> None:
    store = make_store(engine)
    page = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, page)

    assert ingest(page, store) == ["indexed"]
    (first,) = store.search(SearchQuery(size=10)).hits
    assert ingest(page, store) == ["stale"]

    page.write_text(
        page.read_text(encoding="utf-8")
        .replace("Lebanon and Israel accept", "Lebanon and Israel sign")
        .replace("meridian-ceasefire-agreed-cairo", "meridian-ceasefire-signed-cairo"),
        encoding="utf-8",
    )
    touch_later(page)
    assert ingest(page, store) == ["indexed"]
    assert titles(store) == ["Lebanon and Israel sign UN-monitored ceasefire in Cairo"]
    assert store.get(first.id) is None

    page.write_bytes(b"<html><body><p>Page not found</p></body></html>")
    touch_later(page)
    assert ingest(page, store) == ["rejected"]
    assert titles(store) == []
