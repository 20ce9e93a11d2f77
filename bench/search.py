"""Search benchmark: indexing throughput and faceted query latency on both engines.

    .venv/bin/python bench/search.py                       # 10k and 100k, both engines, ~15 min
    .venv/bin/python bench/search.py --sizes 2000 --engines embedded --queries 50   # quick look
    .venv/bin/python bench/search.py --write docs/BENCHMARKS.md                     # record figures

Articles are generated (seeded, so runs compare): a Zipf-distributed vocabulary for the text, and
Zipf-distributed actors, locations, topics and sources (a few very frequent values, a long tail),
published over three years. For each size:

- embedded: `EmbeddedStore.upsert` in batches into a fresh file, then the query mix;
- OpenSearch (a node started here via infrastructure/opensearch): our `OpenSearchStore.upsert`
  vs a raw `opensearchpy.helpers.bulk` of the very same documents into a twin index, then the
  query mix through our store vs the raw query body our store sends, on the same index.

The query mix is what a news search page sends: one or two words with facets, a word with a
facet filter and a date range, browsing by date under a facet filter, a phrase, an exclusion.
Targets (issue 3): indexing >= 0.8x raw bulk, query time <= 1.2x raw, embedded p50 < 30 ms at 100k.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # infrastructure.opensearch

from newsfacet.model import (  # noqa: E402
    Actor,
    Article,
    Dimension,
    FacetFilter,
    Location,
    Origin,
    SearchQuery,
    Topic,
)
from report import load_average, machine, write_section  # noqa: E402 - after the path it needs

BATCH = 500
START = datetime(2022, 1, 1, tzinfo=UTC)
SPAN_DAYS = 3 * 365
SECTION_START = "<!-- bench/search.py: start -->"
SECTION_END = "<!-- bench/search.py: end -->"


# --- generating articles ---------------------------------------------------------------------------


class Zipf:
    """Draws indices 0..n-1 with probability proportional to 1 / (rank + 1) ** s."""

    def __init__(self, n: int, s: float, rng: random.Random) -> None:
        weights = [1.0 / (rank + 1) ** s for rank in range(n)]
        self._cumulative = list(itertools.accumulate(weights))
        self._rng = rng

    def draw(self) -> int:
        return bisect.bisect(self._cumulative, self._rng.random() * self._cumulative[-1])

    def distinct(self, k: int) -> list[int]:
        picked: dict[int, None] = {}
        while len(picked) < k:
            picked.setdefault(self.draw(), None)
        return list(picked)


SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vi", "nel", "da", "pru", "ost", "em", "ya", "gor", "lin"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


@dataclass
class Generator:
    """A seeded world of words, people, places, topics and sites, and articles drawn from it."""

    seed: int = 7
    rng: random.Random = field(init=False)
    words: list[str] = field(init=False)
    actors: list[Actor] = field(init=False)
    locations: list[Location] = field(init=False)
    topics: list[Topic] = field(init=False)
    sources: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.words = list(dict.fromkeys(_word(self.rng, self.rng.randint(2, 4)) for _ in range(30_000)))
        names = [f"{_word(self.rng, 2).title()} {_word(self.rng, 3).title()}" for _ in range(5_000)]
        self.actors = [
            Actor(name=name, type="person" if i % 4 else "organization", mentions=1, salience=0.5)
            for i, name in enumerate(dict.fromkeys(names))
        ]
        places = [_word(self.rng, 3).title() for _ in range(1_500)] + [
            "São Paulo",
            "Zürich",
            "Bashar al-Assad",
        ]
        self.locations = [Location(name=name, kind="city", mentions=1) for name in dict.fromkeys(places)]
        self.topics = [
            Topic(code=f"medtop:{i:08d}", label=f"{_word(self.rng, 2)} {_word(self.rng, 3)}", score=0.5)
            for i in range(120)
        ]
        self.sources = [f"{_word(self.rng, 2).title()} News" for _ in range(80)]
        self._text = Zipf(len(self.words), 1.07, self.rng)
        self._actor = Zipf(len(self.actors), 1.1, self.rng)
        self._location = Zipf(len(self.locations), 1.1, self.rng)
        self._topic = Zipf(len(self.topics), 0.9, self.rng)
        self._source = Zipf(len(self.sources), 1.0, self.rng)

    def article(self, n: int) -> Article:
        rng = self.rng
        words = [self.words[self._text.draw()] for _ in range(rng.randint(120, 400))]
        text = " ".join(words)
        paragraph = text.split(" ", 40)
        published = START + timedelta(seconds=rng.randrange(SPAN_DAYS * 86_400))
        return Article(
            id=f"gen-{n:07d}",
            version=1,
            title=" ".join(self.words[self._text.draw()] for _ in range(rng.randint(5, 11))).capitalize(),
            text=text,
            lede=" ".join(paragraph[:40]),
            url=f"https://bench.example/{n}",
            source=self.sources[self._source.draw()],
            authors=[self.actors[self._actor.draw()].name],
            published_at=published if rng.random() > 0.02 else None,
            language="en" if rng.random() < 0.9 else rng.choice(["fr", "de", "pt"]),
            word_count=len(words),
            content_sha256=f"{n:064x}",
            simhash=f"{n:016x}",
            actors=[self.actors[i] for i in self._actor.distinct(rng.randint(1, 6))],
            locations=[self.locations[i] for i in self._location.distinct(rng.randint(1, 4))],
            topics=[self.topics[i] for i in self._topic.distinct(rng.randint(1, 3))],
            ingested_at=START,
            origin=Origin(bucket="bench", key=f"{n}.html"),
        )

    def articles(self, count: int) -> list[Article]:
        return [self.article(n) for n in range(count)]

    def queries(self, count: int) -> list[tuple[str, SearchQuery]]:
        """The query mix, `count` queries cycling through the kinds a news search page sends."""
        rng = random.Random(self.seed + 1)

        def word(lo: int, hi: int) -> str:  # by frequency rank: low rank = common word
            return self.words[rng.randint(lo, hi)]

        def top(values: Sequence[str], k: int) -> str:
            return values[rng.randint(0, k)]

        actor_names = [a.name for a in self.actors]
        location_names = [loc.name for loc in self.locations]
        topic_labels = [t.label for t in self.topics]
        day = timedelta(days=1)

        def one(kind: int) -> tuple[str, SearchQuery]:
            if kind == 0:
                return "one word + facets", SearchQuery(q=word(50, 2000))
            if kind == 1:
                return "two words + facets", SearchQuery(q=f"{word(20, 500)} {word(20, 500)}")
            if kind == 2:
                since = date(2022, 1, 1) + rng.randint(0, 900) * day
                return "word + location + dates", SearchQuery(
                    q=word(20, 1000),
                    filters={Dimension.LOCATION: FacetFilter(values=[top(location_names, 20)])},
                    date_from=since,
                    date_to=since + 120 * day,
                )
            if kind == 3:
                return "browse: actor, by date", SearchQuery(
                    filters={Dimension.ACTOR: FacetFilter(values=[top(actor_names, 50)])}
                )
            if kind == 4:
                return "browse: topic + source", SearchQuery(
                    filters={
                        Dimension.TOPIC: FacetFilter(values=[top(topic_labels, 10)]),
                        Dimension.SOURCE: FacetFilter(values=[top(self.sources, 10)]),
                    },
                    histogram="month",
                )
            if kind == 5:
                return "phrase + exclusion", SearchQuery(
                    q=f'"{word(0, 60)} {word(0, 60)}" OR {word(100, 3000)} -{word(0, 30)}'
                )
            return "browse: everything", SearchQuery()

        return [one(i % 7) for i in range(count)]


# --- measuring -------------------------------------------------------------------------------------


def batches(articles: Sequence[Article]) -> Iterator[Sequence[Article]]:
    for start in range(0, len(articles), BATCH):
        yield articles[start : start + BATCH]


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Latency:
    """Wall-clock samples (ms) and this thread's CPU time (ms): for the embedded store that is all
    of its work, which other load on a shared machine barely disturbs; for OpenSearch only ours."""

    samples: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, seconds: float, cpu_seconds: float) -> None:
        self.samples.append(seconds * 1000)
        self.cpu.append(cpu_seconds * 1000)

    @property
    def cpu_p50(self) -> float:
        return statistics.median(self.cpu)

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p99(self) -> float:
        return percentile(self.samples, 0.99)


def run_queries(
    search: Callable[[SearchQuery], object], queries: list[tuple[str, SearchQuery]]
) -> dict[str, Latency]:
    """Latency per query kind and overall ("all"), after one warm-up pass over 20 queries."""
    for _, query in queries[:20]:
        search(query)
    result: dict[str, Latency] = {"all": Latency()}
    for kind, query in queries:
        cpu_started = time.thread_time()
        seconds = timed(lambda query=query: search(query))  # type: ignore[misc]
        cpu = time.thread_time() - cpu_started
        result.setdefault(kind, Latency()).add(seconds, cpu)
        result["all"].add(seconds, cpu)
    return result


def bench_embedded(articles: list[Article], queries: list[tuple[str, SearchQuery]], workdir: Path) -> dict:
    from newsfacet.store.embedded.store import EmbeddedStore

    path = workdir / f"bench-{len(articles)}.db"
    store = EmbeddedStore.from_url(f"sqlite:///{path}")
    seconds = sum(timed(lambda batch=batch: store.upsert(batch)) for batch in batches(articles))
    latency = run_queries(store.search, queries)
    store.close()
    return {
        "index_docs_per_s": len(articles) / seconds,
        "file_mb": path.stat().st_size / 1e6,
        "latency": latency,
    }


def bench_opensearch(articles: list[Article], queries: list[tuple[str, SearchQuery]], url: str) -> dict:
    """Ours vs raw on one node: bulk throughput, then the query mix on the same index.

    Both loads skip per-request refreshes (our store's bulk-loader mode, `refresh="false"`) and
    refresh once at the end, so they do the same work. Ours and raw alternate batch by batch and
    query by query (who goes first alternates too), so JVM warm-up and caches favour neither.
    The raw side gets its documents ready-made: converting articles is counted against ours only.
    """
    from newsfacet.config import Settings
    from newsfacet.store.opensearch import documents
    from newsfacet.store.opensearch import query as bodies
    from newsfacet.store.opensearch.store import OpenSearchStore
    from opensearchpy import OpenSearch, helpers

    def store_at(alias: str) -> OpenSearchStore:
        settings = Settings(store=url, index_alias=alias, opensearch_auth="none")
        return OpenSearchStore.from_settings(settings, refresh="false")

    store, twin = store_at(f"bench-{len(articles)}"), store_at(f"bench-{len(articles)}-raw")
    store.ensure_index()
    twin.ensure_index()
    client = OpenSearch(url, timeout=120)
    twin_index = next(iter(client.indices.get_alias(name=twin.alias)))
    ours = raw = 0.0
    for n, batch in enumerate(batches(articles)):
        actions = [
            {
                "_index": twin_index,
                "_id": a.id,
                "_version": a.version,
                "_version_type": "external",
                "_source": documents.article_document(a),
            }
            for a in batch
        ]
        load_ours = lambda batch=batch: store.upsert(batch)  # noqa: E731
        load_raw = lambda actions=actions: helpers.bulk(client, actions, chunk_size=BATCH)  # noqa: E731
        if n % 2:
            raw += timed(load_raw)
            ours += timed(load_ours)
        else:
            ours += timed(load_ours)
            raw += timed(load_raw)
    ours += timed(lambda: client.indices.refresh(index=store.alias))
    raw += timed(lambda: client.indices.refresh(index=twin_index))

    raw_search = lambda body: client.search(index=store.alias, body=body)  # noqa: E731
    for _, query in queries[:20]:
        store.search(query)
    latency: dict[str, Latency] = {"all": Latency()}
    raw_latency: dict[str, Latency] = {"all": Latency()}
    for n, (kind, query) in enumerate(queries):
        body = bodies.search_body(query, None)
        runs = [
            (latency, lambda query=query: store.search(query)),
            (raw_latency, lambda body=body: raw_search(body)),
        ]
        for into, action in runs[:: -1 if n % 2 else 1]:
            cpu_started = time.thread_time()
            seconds = timed(action)
            cpu = time.thread_time() - cpu_started
            into.setdefault(kind, Latency()).add(seconds, cpu)
            into["all"].add(seconds, cpu)
    for each in (store, twin):
        each.destroy()
        each.close()
    return {
        "index_docs_per_s": len(articles) / ours,
        "raw_index_docs_per_s": len(articles) / raw,
        "latency": latency,
        "raw_latency": raw_latency,
    }


# --- reporting -------------------------------------------------------------------------------------


def verdict(met: bool) -> str:
    return "met" if met else "missed"


def report(results: dict[int, dict[str, dict]], queries: int) -> str:
    lines = [
        SECTION_START,
        "## Search (`bench/search.py`)",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}, SQLite {sqlite3.sqlite_version};"
        " load average at the end"
        f" {load_average()} (the machine is shared). {queries} queries per engine and size, the mix of"
        " `Generator.queries`, facets always on. Latencies in ms as the caller sees them; CPU is the"
        " calling thread's CPU time (all of the embedded store's work; only the client side for"
        " OpenSearch), the figure other load on the machine disturbs least.",
        "",
        "| articles | engine | index docs/s | vs raw bulk | p50 | p99 | CPU p50 | raw p50 | raw p99 |"
        " p50 vs raw |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, engines in results.items():
        for engine, r in engines.items():
            lat = r["latency"]["all"]
            raw_idx = r.get("raw_index_docs_per_s")
            raw_lat = r.get("raw_latency", {}).get("all")
            versus_bulk = f"{r['index_docs_per_s'] / raw_idx:.2f}x" if raw_idx else "–"
            versus_raw = (
                f"{raw_lat.p50:.1f} | {raw_lat.p99:.1f} | {lat.p50 / raw_lat.p50:.2f}x"
                if raw_lat
                else "– | – | –"
            )
            lines.append(
                f"| {size:,} | {engine} | {r['index_docs_per_s']:,.0f} | {versus_bulk} | {lat.p50:.1f} |"
                f" {lat.p99:.1f} | {lat.cpu_p50:.1f} | {versus_raw} |"
            )
    lines += ["", "Per query kind (p50 / p99 ms):", ""]
    kinds = sorted({k for e in results.values() for r in e.values() for k in r["latency"] if k != "all"})
    lines += ["| articles | engine | " + " | ".join(kinds) + " |", "|---:|---|" + "---:|" * len(kinds)]
    for size, engines in results.items():
        for engine, r in engines.items():
            for label, latencies in ((engine, r["latency"]), ("opensearch raw", r.get("raw_latency"))):
                if latencies:
                    cells = [f"{latencies[k].p50:.1f} / {latencies[k].p99:.1f}" for k in kinds]
                    lines.append(f"| {size:,} | {label} | " + " | ".join(cells) + " |")
    for size, engines in results.items():
        if "embedded" in engines:
            lines += ["", f"Embedded file at {size:,} articles: {engines['embedded']['file_mb']:.0f} MB."]
    lines += ["", "Against the targets of issue 3:", ""]
    for size, engines in results.items():
        if "opensearch" in engines:
            r = engines["opensearch"]
            indexing = r["index_docs_per_s"] / r["raw_index_docs_per_s"]
            overhead = r["latency"]["all"].p50 / r["raw_latency"]["all"].p50
            lines.append(
                f"- {size:,} articles, OpenSearch: indexing {indexing:.2f}x raw bulk (target >= 0.8x:"
                f" {verdict(indexing >= 0.8)}); query p50 {overhead:.2f}x the raw query"
                f" (target <= 1.2x: {verdict(overhead <= 1.2)})."
            )
        if "embedded" in engines:
            lat = engines["embedded"]["latency"]["all"]
            lines.append(
                f"- {size:,} articles, embedded: p50 {lat.p50:.1f} ms wall, {lat.cpu_p50:.1f} ms CPU"
                f" (target < 30 ms: {verdict(lat.p50 < 30)} on the wall clock,"
                f" {verdict(lat.cpu_p50 < 30)} in CPU time)."
            )
    lines.append(SECTION_END)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated article counts")
    parser.add_argument("--engines", default="embedded,opensearch", help="embedded and/or opensearch")
    parser.add_argument("--queries", type=int, default=300, help="queries per engine and size")
    parser.add_argument("--opensearch-url", help="use this node instead of starting one")
    parser.add_argument("--write", type=Path, help="write the figures into this markdown file")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    engines = args.engines.split(",")

    generator = Generator()
    queries = generator.queries(args.queries)
    print("generating articles ...", file=sys.stderr)
    everything = generator.articles(max(sizes))
    node = None
    url = args.opensearch_url
    if "opensearch" in engines and url is None:
        from infrastructure.opensearch.node import LocalNode

        node = LocalNode.start()
        url = node.url
    results: dict[int, dict[str, dict]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="nf-bench-") as tmp:
            for size in sizes:
                articles = everything[:size]
                results[size] = {}
                if "embedded" in engines:
                    print(f"embedded, {size} articles ...", file=sys.stderr)
                    results[size]["embedded"] = bench_embedded(articles, queries, Path(tmp))
                if "opensearch" in engines:
                    print(f"opensearch, {size} articles ...", file=sys.stderr)
                    assert url is not None
                    results[size]["opensearch"] = bench_opensearch(articles, queries, url)
    finally:
        if node is not None:
            node.stop()
    section = report(results, args.queries)
    print(section)
    if args.write:
        write_section(section, SECTION_START, SECTION_END, args.write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
