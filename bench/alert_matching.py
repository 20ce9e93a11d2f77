"""Alert matching benchmark: what matching one new article against every saved search costs at
ingest, with 10, 1,000 and 10,000 saved searches, on both engines.

    .venv/bin/python bench/alert_matching.py                          # both engines, ~5 min
    .venv/bin/python bench/alert_matching.py --engines embedded --articles 50   # quick look
    .venv/bin/python bench/alert_matching.py --write docs/BENCHMARKS.md         # record figures

Articles and saved searches come from `bench/search.py`'s seeded generator (Zipf words, actors,
places, topics, sources). The saved searches are what readers save: one word (frequency ranks
100-5,000), two words, a phrase, an actor (one of the 500 most frequent), a word with a place, a
topic with a source. Each article is matched alone, as ingest does after writing it: the time of
`AlertStore.match([article])` (embedded: anchors, then the store's own query on candidates;
OpenSearch: one percolate request on the node started here).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # infrastructure.opensearch

from newsfacet.alerts import Alert, new_alert  # noqa: E402
from newsfacet.model import Dimension, FacetFilter, SearchQuery  # noqa: E402
from report import load_average, machine, write_section  # noqa: E402 - after the path it needs
from search import Generator  # noqa: E402

SECTION_START = "<!-- bench/alert_matching.py: start -->"
SECTION_END = "<!-- bench/alert_matching.py: end -->"
COUNTS = (10, 1_000, 10_000)


def saved_searches(generator: Generator, count: int) -> list[Alert]:
    rng = random.Random(11)
    words = generator.words

    def word(lo: int, hi: int) -> str:
        return words[rng.randint(lo, hi)]

    def one(kind: int) -> SearchQuery:
        if kind == 0:
            return SearchQuery(q=word(100, 5000))
        if kind == 1:
            return SearchQuery(q=f"{word(50, 2000)} {word(50, 2000)}")
        if kind == 2:
            return SearchQuery(q=f'"{word(0, 200)} {word(0, 200)}"')
        if kind == 3:
            actor = generator.actors[rng.randint(0, 500)].name
            return SearchQuery(filters={Dimension.ACTOR: FacetFilter(values=[actor])})
        if kind == 4:
            place = generator.locations[rng.randint(0, 200)].name
            return SearchQuery(q=word(20, 1000), filters={Dimension.LOCATION: FacetFilter(values=[place])})
        topic, source = generator.topics[rng.randint(0, 30)].label, generator.sources[rng.randint(0, 30)]
        return SearchQuery(
            filters={
                Dimension.TOPIC: FacetFilter(values=[topic]),
                Dimension.SOURCE: FacetFilter(values=[source]),
            }
        )

    now = datetime(2026, 12, 1, tzinfo=UTC)
    return [new_alert(f"key:reader{n % 97}", one(n % 6), "log", now=now) for n in range(count)]


def measure(alerts: Any, articles: list[Any]) -> dict[str, float]:
    alerts.match(articles[:3])  # warm: connections, caches, the scratch store's first build
    times, matches = [], []
    for article in articles:
        started = time.perf_counter()
        found = alerts.match([article])
        times.append((time.perf_counter() - started) * 1000)
        matches.append(len(found))
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
        "mean": statistics.fmean(times),
        "matches": statistics.fmean(matches),
    }


def bench_engine(engine: str, generator: Generator, articles: list[Any], url: str | None, tmp: Path) -> dict:
    results = {}
    for count in COUNTS:
        searches = saved_searches(generator, count)
        if engine == "embedded":
            from newsfacet.store.embedded.alerts import EmbeddedAlertStore

            store: Any = EmbeddedAlertStore(tmp / f"alerts-{count}.db")
        else:
            from newsfacet.config import Settings
            from newsfacet.store.opensearch.alerts import OpenSearchAlertStore
            from newsfacet.store.opensearch.store import OpenSearchStore

            assert url is not None
            settings = Settings(
                store=url, index_alias=f"bench-{uuid.uuid4().hex[:8]}", opensearch_auth="none"
            )
            store = OpenSearchAlertStore(OpenSearchStore.from_settings(settings))
        for start in range(0, len(searches), 1000):
            store.save_many(searches[start : start + 1000])
        print(f"{engine}: {count} saved searches ...", file=sys.stderr)
        results[count] = measure(store, articles)
        if engine == "opensearch":
            store.destroy()
        store.close()
    return results


def render(results: dict[str, dict[int, dict[str, float]]], articles: int) -> str:
    lines = [
        SECTION_START,
        "## Alert matching at ingest (`bench/alert_matching.py`)",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {machine()}; load average {load_average()} "
        "(a machine shared with other jobs: figures are upper bounds).",
        f"Each of {articles} generated articles matched alone against every saved search, as ingest"
        " does after writing it (`AlertStore.match([article])`). Saved searches mix one word, two"
        " words, a phrase, an actor, a word with a place, a topic with a source.",
        "",
        "| engine | saved searches | p50 ms / article | p95 ms | mean ms | matches / article |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for engine, by_count in results.items():
        for count, figures in by_count.items():
            p50, p95, mean, matches = (figures[name] for name in ("p50", "p95", "mean", "matches"))
            lines.append(f"| {engine} | {count:,} | {p50:.1f} | {p95:.1f} | {mean:.1f} | {matches:.1f} |")
    lines += [
        "",
        "The embedded store looks up only the searches whose anchors (required words and facet"
        " values) the article has, then runs those as its own queries on a one-article scratch"
        " store: its cost follows the candidates (about 4 per match here), not the saved searches."
        " OpenSearch percolates the article against the percolator index in one request (the node"
        " shares the two cores). For scale: one upload through the local stack takes about 120 ms"
        ' (embedded) to 310 ms (OpenSearch) end to end ("Ingest rate" above, at a lower load), so'
        " up to 1,000 saved searches matching adds a fraction of that; at 10,000 it adds about as"
        " much again on this loaded machine (a Lambda has a core of its own).",
        SECTION_END,
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", default="embedded,opensearch")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--opensearch-url")
    parser.add_argument("--write", type=Path, help="update this BENCHMARKS.md in place")
    args = parser.parse_args()
    engines = args.engines.split(",")
    generator = Generator()
    articles = generator.articles(args.articles + 3)
    node, url = None, args.opensearch_url
    if "opensearch" in engines and url is None:
        from infrastructure.opensearch.node import LocalNode

        node = LocalNode.start()
        url = node.url
    try:
        with tempfile.TemporaryDirectory(prefix="nf-alerts-") as tmp:
            results = {
                engine: bench_engine(engine, generator, articles, url, Path(tmp)) for engine in engines
            }
    finally:
        if node is not None:
            node.stop()
    section = render(results, args.articles)
    print(section)
    if args.write:
        write_section(section, SECTION_START, SECTION_END, args.write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
