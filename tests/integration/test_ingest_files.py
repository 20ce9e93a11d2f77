"""`newsfacet ingest`'s versioning on every engine: a file's mtime is its version, so an unchanged
file is skipped, an edited one replaces its article (even under a new id), and a file that turns
into a rejection takes its article out of the index."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from newsfacet.config import Settings
from newsfacet.fileingest import FileStatus, ingest_files
from newsfacet.model import Actor, Article, Origin, Rejection, RejectionReason, SearchQuery
from newsfacet.pipeline import build_article
from newsfacet.store.base import ArticleStore

ENGINES = ("embedded", "opensearch")
StoreFactory = Callable[[str], ArticleStore]  # the `make_store` fixture of tests/conftest.py

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE = SAMPLES / "2026-10-24-meridian-ceasefire-agreed-cairo.html"
OTHER_SAMPLE = SAMPLES / "2026-10-13-healthledger-kenya-malaria-vaccine-rollout.html"


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


def test_a_file_opensearch_refuses_for_good_is_rejected_and_the_rest_of_its_batch_indexed(
    make_store: StoreFactory, tmp_path: Path
) -> None:
    store = make_store("opensearch")
    refused_page, good_page = tmp_path / "refused.html", tmp_path / "good.html"
    shutil.copy(SAMPLE, refused_page)
    shutil.copy(OTHER_SAMPLE, good_page)

    def build(raw: bytes, origin: Origin, *args: Any, **kwargs: Any) -> Article | Rejection:
        result = build_article(raw, origin, *args, **kwargs)
        if isinstance(result, Article) and origin.key.endswith("refused.html"):
            # A keyword term over Lucene's 32766-byte limit: OpenSearch refuses this document.
            huge = Actor(name="x" * 40_000, type="person", mentions=1, salience=0.5)
            return result.model_copy(update={"actors": [*result.actors, huge]})
        return result

    report = ingest_files([refused_page, good_page], store, Settings(), workers=1, build=build)

    by_file = {Path(outcome.path).name: outcome for outcome in report.outcomes}
    assert by_file["refused.html"].status == "rejected"
    assert by_file["refused.html"].reason is RejectionReason.INDEX_REFUSED
    assert by_file["good.html"].status == "indexed"
    assert not report.failed
    assert store.search(SearchQuery()).total == 1
