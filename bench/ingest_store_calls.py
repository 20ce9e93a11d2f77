"""Where an upload's store time goes: the store calls ingest makes, timed call by call, on OpenSearch
and on the embedded store.

For each SQS batch (ten records), ingest asks the store for the keys' known versions (the stale
checks, which may lag), the articles' story candidates (a group of articles at a time, early, in the
background, and the batch's last ones once it is built), writes the batch (a real-time mget, then a
bulk, on OpenSearch), matches the new articles against the saved searches (a percolate, once a
search is saved), and reconciles the keys (reading them after the writes, which OpenSearch must have
made searchable).
The articles are corpus pages as the pipeline builds them (`aeb/html_gz`, the pages
`bench/ingest_rate.py` uploads), each under its own key, written to a fresh index (or SQLite file)
in each round. Beside each call's wall-clock time, the OpenSearch node's CPU time during it (every
thread of the node's process): load on a shared machine stretches the first, barely the second.
Before the rounds, one untimed round warms the node (a deployed cluster is warm; a node started
seconds ago compiles its hot paths during the first thousands of requests). On OpenSearch, the
same calls are also made one record at a time, as ingest made them before batching. Writes
`docs/BENCHMARKS.md`'s "Ingest store calls" section.

    python bench/ingest_store_calls.py [--records 60] [--rounds 5] [--corpus ../shared/corpus]
                                       [--no-write]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from newsfacet.alerts import new_alert
from newsfacet.config import Settings
from newsfacet.model import Article, Origin, SearchQuery
from newsfacet.store import alert_store
from newsfacet.store.base import ArticleStore, PutArticle
from newsfacet.store.embedded.store import EmbeddedStore
from newsfacet.store.opensearch.connection import Refresh
from newsfacet.store.opensearch.store import OpenSearchStore
from newsfacet.stories import EARLY_LOOKUP_GROUP, MAX_CANDIDATES

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import corpus_dir, load_average, machine, process_cpu_s, write_section

REPO = Path(__file__).resolve().parents[1]
START, END = "<!-- ingest-store-calls:start -->", "<!-- ingest-store-calls:end -->"
BATCH = 10
Result = TypeVar("Result")


def corpus_articles(corpus: Path, count: int) -> list[Article]:
    """The first `count` corpus pages that make articles, built as ingest builds them."""
    from newsfacet.pipeline import build_article

    settings, articles = Settings(), []
    for path in sorted((corpus / "aeb" / "html_gz").glob("*.html.gz")):
        built = build_article(
            gzip.decompress(path.read_bytes()), Origin(bucket="uploads", key=path.name), 1, settings
        )
        if isinstance(built, Article):
            articles.append(built)
        if len(articles) == count:
            return articles
    raise SystemExit(f"{corpus}/aeb/html_gz holds fewer than {count} articles")


def under_keys(articles: list[Article], prefix: str) -> list[Article]:
    """The articles as uploaded under keys of their own (a round's keys are new to its store)."""
    return [
        article.model_copy(update={"origin": Origin(bucket="uploads", key=f"{prefix}/{article.origin.key}")})
        for article in articles
    ]


class Clock:
    """Wall-clock and node CPU seconds per call name (node CPU: the process `node_pid`, if any)."""

    def __init__(self, node_pid: int | None = None) -> None:
        self.seconds: dict[str, float] = {}
        self.node_cpu: dict[str, float] = {}
        self._node_pid = node_pid

    def time(self, name: str, call: Callable[..., Result], *args: object, **kwargs: object) -> Result:
        node_before, started = process_cpu_s(self._node_pid), time.perf_counter()
        result = call(*args, **kwargs)
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
        self.node_cpu[name] = self.node_cpu.get(name, 0.0) + process_cpu_s(self._node_pid) - node_before
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


EARLY = "story candidates, early (in the background)"
PERCOLATE = "saved searches, one saved (percolate)"


def as_ingest_batches(store: ArticleStore, articles: list[Article], clock: Clock) -> float:
    """Seconds for the calls ingest makes per SQS batch of `BATCH` records, each call timed. The story
    candidates of each full group of `EARLY_LOOKUP_GROUP` articles are looked up early, on a
    background thread while ingest builds the next articles (timed here like the others, but off the
    worker's path); the last ones once the batch is built. Nobody saved a search: the saved
    searches' call finds that out (`PERCOLATE` is timed apart, in `percolate`)."""
    alerts = alert_store(store)
    started = time.perf_counter()
    for at in range(0, len(articles), BATCH):
        chunk = articles[at : at + BATCH]
        origins = [("uploads", one.origin.key) for one in chunk]
        clock.time("stale checks (may lag)", store.find_by_origin_batch, origins, fresh=False)
        early = len(chunk) - len(chunk) % EARLY_LOOKUP_GROUP
        for group in range(0, early, EARLY_LOOKUP_GROUP):
            clock.time(
                EARLY, store.story_candidates_batch, chunk[group : group + EARLY_LOOKUP_GROUP], MAX_CANDIDATES
            )
        if early < len(chunk):
            clock.time(
                "story candidates, the batch's last",
                store.story_candidates_batch,
                chunk[early:],
                MAX_CANDIDATES,
            )
        clock.time("write (mget + bulk)", store.write_batch, [PutArticle(article=one) for one in chunk])
        clock.time("saved searches, none saved", alerts.match, chunk)
        clock.time("reconciling reads (after a refresh if due)", store.find_by_origin_batch, origins)
    return time.perf_counter() - started


def percolate(store: ArticleStore, articles: list[Article], clock: Clock) -> None:
    """The saved searches' call of each batch once a search is saved (one that matches nothing)."""
    alerts = alert_store(store)
    alerts.save(new_alert("bench", SearchQuery(q="zyzzyva"), "log"))
    for at in range(0, len(articles), BATCH):
        clock.time(PERCOLATE, alerts.match, articles[at : at + BATCH])
    destroy = getattr(alerts, "destroy", None)
    if destroy is not None:
        destroy()
    alerts.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path, help="default: $NEWSFACET_CORPUS or ../shared/corpus")
    parser.add_argument("--no-write", action="store_true", help="print the section only")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "infrastructure" / "opensearch"))
    import node

    count, rounds = args.records, args.rounds
    *articles, warm_up = corpus_articles(corpus_dir(args.corpus), count + 1)
    totals: dict[str, float] = {"OpenSearch": 0.0, "embedded": 0.0}
    with node.LocalNode.start() as local, tempfile.TemporaryDirectory() as scratch:
        clocks = {
            "OpenSearch": Clock(local.process.pid),
            "embedded": Clock(),
            "one at a time": Clock(local.process.pid),
        }

        def fresh_store(name: str, round_: int, refresh: Refresh = "true") -> ArticleStore:
            if name == "embedded":
                return EmbeddedStore.from_url(f"sqlite:///{scratch}/articles-{round_}.db")
            alias = f"bench-{uuid.uuid4().hex[:8]}"
            settings = Settings(store=local.url, index_alias=alias, opensearch_auth="none")
            return OpenSearchStore.from_settings(settings, refresh=refresh)

        def dispose(store: ArticleStore) -> None:
            if isinstance(store, OpenSearchStore):
                store.destroy()
            store.close()

        for round_ in range(-1, rounds):  # round -1 warms the node and the stores' code, untimed
            for name in ("OpenSearch", "embedded"):
                store = fresh_store(name, round_)
                try:
                    store.upsert([warm_up])  # create the index first, as the warm-up page does
                    clock = clocks[name] if round_ >= 0 else Clock()
                    keyed = under_keys(articles, f"r{round_}")
                    seconds = as_ingest_batches(store, keyed, clock)
                    totals[name] += seconds if round_ >= 0 else 0.0
                    percolate(store, keyed, clock)
                finally:
                    dispose(store)
        one_by_one = fresh_store("OpenSearch", rounds, refresh="false")
        try:
            one_by_one.upsert([warm_up])
            assert isinstance(one_by_one, OpenSearchStore)
            totals["one at a time"] = per_record(
                one_by_one, under_keys(articles, "single"), clocks["one at a time"]
            )
        finally:
            dispose(one_by_one)
    records = count * rounds
    calls = list(clocks["OpenSearch"].seconds)
    opensearch, embedded = clocks["OpenSearch"], clocks["embedded"]
    node_cpu = sum(opensearch.node_cpu.values()) - opensearch.node_cpu[PERCOLATE]
    rows = [
        f"| {call} | {opensearch.seconds[call] / records * 1000:.1f}"
        f" | {opensearch.node_cpu[call] / records * 1000:.1f}"
        f" | {embedded.seconds.get(call, 0.0) / records * 1000:.1f} |"
        for call in calls
    ]
    single = clocks["one at a time"]
    before = [f"{name} {seconds / count * 1000:.0f}" for name, seconds in single.seconds.items()]
    section = "\n".join(
        [
            START,
            "## Ingest store calls (`bench/ingest_store_calls.py`)",
            "",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}, load {load_average()}"
            " (the machine was shared with other jobs).",
            f"{count} corpus pages (`aeb/html_gz`) as the pipeline builds them, each under its own key,"
            f" in SQS batches of {BATCH}, written to a fresh index (and a fresh SQLite file) in each of"
            f" {rounds} rounds,"
            " after one untimed round that warms the node; ms per record. Node CPU: the OpenSearch node's"
            " CPU during the call (all its threads), which load on the machine barely changes.",
            "",
            f"| call (one per batch; early lookups one per {EARLY_LOOKUP_GROUP} articles)"
            " | OpenSearch wall | OpenSearch node CPU | embedded wall |",
            "|---|---:|---:|---:|",
            *rows,
            f"| **all but `{PERCOLATE}`** | **{totals['OpenSearch'] / records * 1000:.1f}**"
            f" | **{node_cpu / records * 1000:.1f}**"
            f" | **{totals['embedded'] / records * 1000:.1f}** |",
            f"| **of which the worker waits for** (all but the early lookups)"
            f" | **{(totals['OpenSearch'] - opensearch.seconds[EARLY]) / records * 1000:.1f}** |"
            f" | **{(totals['embedded'] - embedded.seconds[EARLY]) / records * 1000:.1f}** |",
            "",
            f"Ingest looks up the story candidates of each group of {EARLY_LOOKUP_GROUP} articles on a"
            " background thread while it builds the next ones (`StoryAssigner.look_up_early`), so the"
            " worker waits only for the batch's last few; and it percolates a batch only once a search"
            " is saved (until then, one search counting up to one).",
            "",
            "On OpenSearch, the same calls one record at a time (as ingest made them before batching,"
            f" refreshing before each fresh read): {totals['one at a time'] / count * 1000:.0f} ms per record"
            f" ({', '.join(before)}).",
            END,
        ]
    )
    if not args.no_write:
        write_section(section, START, END)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
