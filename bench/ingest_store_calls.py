"""Where an upload's store time goes: the store calls ingest makes, timed call by call, on OpenSearch
and on the embedded store.

For each SQS batch (ten records), ingest asks the store for the keys' known versions (the stale
checks, which may lag), the articles' story candidates, writes the batch (a real-time mget, then a
bulk, on OpenSearch), matches the new articles against the saved searches (a percolate), and
reconciles the keys (reading them after the writes, so OpenSearch refreshes the index first). Each
lookup is one request for the whole batch (`_msearch` on OpenSearch). This times each call on a
fresh store of each engine, and on OpenSearch also the calls made one record at a time as ingest made
them before batching. Writes `docs/BENCHMARKS.md`'s "Ingest store calls" section.

    python bench/ingest_store_calls.py [--records 40]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from newsfacet.config import Settings
from newsfacet.model import Article, Origin
from newsfacet.store import alert_store
from newsfacet.store.base import ArticleStore, PutArticle
from newsfacet.store.embedded.store import EmbeddedStore
from newsfacet.store.opensearch.store import OpenSearchStore
from newsfacet.stories import MAX_CANDIDATES

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import load_average, machine, write_section

REPO = Path(__file__).resolve().parents[1]
START, END = "<!-- ingest-store-calls:start -->", "<!-- ingest-store-calls:end -->"
Result = TypeVar("Result")


def article(number: int) -> Article:
    return Article(
        id=f"b{number:05d}",
        version=1,
        title=f"Bench report {number}",
        text=f"Body of bench report {number}.",
        lede=f"Bench report {number}.",
        source="Wire",
        published_at=datetime(2024, 3, 1 + number % 28, tzinfo=UTC),
        language="en",
        word_count=5,
        content_sha256=f"{number:064x}",
        simhash=f"{number:016x}",
        ingested_at=datetime(2024, 3, 2, tzinfo=UTC),
        origin=Origin(bucket="uploads", key=f"bench/{number}.html"),
    )


class Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def time(self, name: str, call: Callable[..., Result], *args: object, **kwargs: object) -> Result:
        started = time.perf_counter()
        result = call(*args, **kwargs)
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
        return result


def per_record(store: OpenSearchStore, articles: list[Article], clock: Clock) -> float:
    """Seconds for the calls ingest made before batching, one record after the other."""
    started = time.perf_counter()
    for one in articles:
        key = one.origin.key
        clock.time("search by origin", store.find_by_origin, "uploads", key, fresh=False)
        clock.time("story candidates", store.story_candidates, one, MAX_CANDIDATES)
        clock.time("write", store.upsert, [one])
        clock.time("refresh", store.refresh)
        clock.time("fresh search by origin", store.find_by_origin, "uploads", key)
    return time.perf_counter() - started


def as_ingest_batches(store: ArticleStore, articles: list[Article], clock: Clock, batch: int = 10) -> float:
    """Seconds for the calls ingest makes per SQS batch of `batch` records, each call timed."""
    alerts = alert_store(store)
    started = time.perf_counter()
    for at in range(0, len(articles), batch):
        chunk = articles[at : at + batch]
        origins = [("uploads", one.origin.key) for one in chunk]
        clock.time("stale checks (may lag)", store.find_by_origin_batch, origins, fresh=False)
        clock.time("story candidates", store.story_candidates_batch, chunk, MAX_CANDIDATES)
        clock.time("write (mget + bulk)", store.write_batch, [PutArticle(article=one) for one in chunk])
        clock.time("saved searches (percolate)", alerts.match, chunk)
        if isinstance(store, OpenSearchStore):  # what its next fresh read would do first
            clock.time("refresh (the writes made searchable)", store.refresh)
        clock.time("reconciling reads", store.find_by_origin_batch, origins)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=40)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "infrastructure" / "opensearch"))
    import node

    count = args.records
    clocks = {"OpenSearch": Clock(), "embedded": Clock(), "one at a time": Clock()}
    totals: dict[str, float] = {}
    with node.LocalNode.start() as local, tempfile.TemporaryDirectory() as scratch:
        stores: dict[str, ArticleStore] = {
            "OpenSearch": OpenSearchStore.from_settings(
                Settings(store=local.url, index_alias=f"bench-{uuid.uuid4().hex[:8]}", opensearch_auth="none")
            ),
            "embedded": EmbeddedStore.from_url(f"sqlite:///{scratch}/articles.db"),
        }
        try:
            for name, store in stores.items():
                store.upsert([article(count * 3)])  # create the index and warm the engine first
                alert_store(store).match([article(count * 3)])
                totals[name] = as_ingest_batches(store, [article(n) for n in range(count)], clocks[name])
            opensearch = stores["OpenSearch"]
            assert isinstance(opensearch, OpenSearchStore)
            one_by_one = [article(number) for number in range(count, 2 * count)]
            totals["one at a time"] = per_record(opensearch, one_by_one, clocks["one at a time"])
        finally:
            for store in stores.values():
                destroy = getattr(store, "destroy", None)
                if destroy is not None:
                    destroy()
                store.close()
    calls = list(clocks["OpenSearch"].seconds)
    rows = [
        f"| {call} | {clocks['OpenSearch'].seconds[call] / count * 1000:.1f} |"
        f" {clocks['embedded'].seconds.get(call, 0.0) / count * 1000:.1f} |"
        for call in calls
    ]
    before = [
        f"{name} {seconds / count * 1000:.0f}" for name, seconds in clocks["one at a time"].seconds.items()
    ]
    section = "\n".join(
        [
            START,
            "## Ingest store calls (`bench/ingest_store_calls.py`)",
            "",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}, load {load_average()}"
            " (the machine was shared with other jobs).",
            f"{count} small articles, each under its own key, in SQS batches of ten, on a fresh local node"
            " and a fresh embedded store; ms per record.",
            "",
            "| call (one per batch) | OpenSearch | embedded |",
            "|---|---:|---:|",
            *rows,
            f"| **all** | **{totals['OpenSearch'] / count * 1000:.1f}**"
            f" | **{totals['embedded'] / count * 1000:.1f}** |",
            "",
            "On OpenSearch, the same calls one record at a time (as ingest made them before batching):"
            f" {totals['one at a time'] / count * 1000:.0f} ms per record ({', '.join(before)}).",
            END,
        ]
    )
    write_section(section, START, END)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
