"""Where an upload's OpenSearch time goes: the store calls ingest makes per record, timed one by one.

Per record, ingest asks the store for the key's known versions (a search that may lag), upserts the
article (a real-time mget, then a bulk), and reconciles the key (a search that must see its own
write, so the store refreshes the index first). This times each call on a fresh node, per record
and with the same records written as one batch (one bulk, one refresh, then the searches), which is
what batching an SQS batch would save. Writes `docs/BENCHMARKS.md`'s "Ingest store calls" section.

    python bench/ingest_store_calls.py [--records 40]
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from newsfacet.config import Settings
from newsfacet.model import Article, Origin
from newsfacet.store.opensearch.store import OpenSearchStore

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
    """Seconds for the calls ingest makes today, one record after the other."""
    refresh = store.refresh
    store.refresh = lambda: clock.time("refresh (before the reconcile search)", refresh)  # type: ignore[method-assign]
    started = time.perf_counter()
    for one in articles:
        key = one.origin.key
        clock.time("search by origin (may lag)", store.find_by_origin, "uploads", key, fresh=False)
        clock.time("upsert (mget + bulk)", store.upsert, [one])
        clock.time("search by origin (fresh, the refresh included)", store.find_by_origin, "uploads", key)
    store.refresh = refresh  # type: ignore[method-assign]
    return time.perf_counter() - started


def batched(store: OpenSearchStore, articles: list[Article]) -> float:
    """Seconds for the same calls with the writes of the batch in one upsert and one refresh."""
    started = time.perf_counter()
    for one in articles:
        store.find_by_origin("uploads", one.origin.key, fresh=False)
    store.upsert(articles)
    for one in articles:
        store.find_by_origin("uploads", one.origin.key)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=40)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "infrastructure" / "opensearch"))
    import node

    count = args.records
    clock = Clock()
    with node.LocalNode.start() as local:
        settings = Settings(
            store=local.url, index_alias=f"bench-{uuid.uuid4().hex[:8]}", opensearch_auth="none"
        )
        store = OpenSearchStore.from_settings(settings)
        try:
            store.upsert([article(count * 3)])  # create the index and warm the node first
            one_by_one = per_record(store, [article(number) for number in range(count)], clock)
            in_batch = batched(store, [article(number) for number in range(count, 2 * count)])
        finally:
            store.destroy()
            store.close()
    rows = [f"| {name} | {seconds / count * 1000:.0f} |" for name, seconds in clock.seconds.items()]
    section = "\n".join(
        [
            START,
            "## Ingest store calls on OpenSearch",
            "",
            f"`bench/ingest_store_calls.py`, {datetime.now(UTC):%Y-%m-%d}, {machine()},",
            f"load {load_average()}.",
            f"{count} small articles, each under its own key, on a fresh local node; ms per record.",
            "",
            "| call | ms per record |",
            "|---|---|",
            *rows,
            f"| **all, one record at a time** | **{one_by_one / count * 1000:.0f}** |",
            f"| all, as one batch (one bulk, one refresh) | {in_batch / count * 1000:.0f} |",
            END,
        ]
    )
    write_section(section, START, END)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
