"""Search at scale: indexing rate, disk, memory and faceted query latency on both engines, growing
one index step by step to a million articles, against hand-written OpenSearch baselines.

    .venv/bin/python bench/search.py --engines embedded --sizes 10000,100000,300000,1000000
    .venv/bin/python bench/search.py --engines opensearch --sizes 10000,100000,300000,1000000
    .venv/bin/python bench/search.py --report-only          # rewrite the section from bench/results
    .venv/bin/python bench/search.py --sizes 2000 --per-kind 20 --results /tmp/x.json  # quick look

Articles are generated, seeded and streamed (never all in memory), with the shapes of the corpora
(`../shared/corpus`: AEB bodies average ~4,500 characters, 12 actors, 3.6 locations and 1.6 topics per
article, 84% with a topic): a Zipf vocabulary for the text, lognormal lengths, and Zipf-distributed
actors, locations, topics and sources (a few very frequent values, a long tail), published over three
years. Each engine grows ONE store through the sizes: index up to the next size, then measure at that
size. Each engine runs in its own process (one at a time: the machine has two cores), and its
figures go to `bench/results/search-<engine>.json`; the report is built from every results file, so
the section can be rewritten without re-running (`--report-only`).

At every size: the indexing rate of that step (and the client's CPU per article), disk per article
(the SQLite file with its WAL; the OpenSearch index's store size, unmerged, as it is after bulk
loading), memory (the process RSS; the node's RSS and JVM heap), and `--per-kind` queries of each
kind of the mix a news search page sends, facets always on (p50/p95/p99 with the sample count).

OpenSearch baselines (at `--baseline-sizes`): the same questions as a user would write them from the
OpenSearch documentation, then our features added one at a time, each request sent raw on the same
index, round-robin with the order rotating, so caches favour none:

1. `idiomatic`: `multi_match` (`query_string` for the query with a phrase and an exclusion) with the
   filters in the query, plain `terms` aggregations (and the `date_histogram`), the default
   total-hits tracking;
2. `+ disjunctive facets`: the selections move to `post_filter`, each facet a `filter` aggregation
   holding the other dimensions' selections plus the selected values' counts;
3. `+ highlighting`: the snippet highlighter on `text` and `lede`;
4. `our body, raw`: the body our store sends (clause-by-clause text query, tombstone filter of the
   versioning scheme, exact totals, one extra hit for paging);
5. `store.search`: the same through our adapter (query parsing, response reading, cursor signing).

Indexing baseline: `opensearchpy.helpers.bulk` of plain documents (`Article.model_dump`, no derived
facet fields, no holders, no external versions, no read before write) into a twin index with the same
mapping, batch for batch alternating with our `upsert` for the first `--plain-bulk` articles.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any

import numpy as np

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
from report import BENCHMARKS_MD, load_average, machine, process_cpu_s, write_section  # noqa: E402

BATCH = 500
START = datetime(2022, 1, 1, tzinfo=UTC)
SPAN_DAYS = 3 * 365
RESULTS_DIR = Path(__file__).resolve().parent / "results"
SECTION_START = "<!-- bench/search.py: start -->"
SECTION_END = "<!-- bench/search.py: end -->"
INTERACTIVE_P95_MS = 200.0
GOAL_ARTICLES = 1_000_000
GOAL_SAMPLES = 300  # queries of each kind at each size
ENGINE_NAMES = {"embedded": "The embedded store", "opensearch": "OpenSearch"}
# OpenSearch's advice for bulk loading (set per step while loading, reset to the defaults before measuring)
BULK_LOAD_SETTINGS = {"refresh_interval": "-1", "translog.durability": "async"}
VARIANTS = (
    "idiomatic",
    "+ disjunctive facets",
    "+ highlighting",
    "our body, raw",
    "store.search",
)
Document = dict[str, Any]


# --- generating articles ---------------------------------------------------------------------------


def _zipf_weights(n: int, s: float) -> np.ndarray:
    """Cumulative weights of ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1) ** s."""
    return np.cumsum(1.0 / np.arange(1, n + 1) ** s)


SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vi", "nel", "da", "pru", "ost", "em", "ya", "gor", "lin"]


def _word(rng: Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


@dataclass
class Generator:
    """A seeded world of words, people, places, topics and sites, and articles drawn from it."""

    seed: int = 7
    rng: Random = field(init=False)

    def __post_init__(self) -> None:
        rng = self.rng = Random(self.seed)
        self.np_rng = np.random.default_rng(self.seed)
        self.words = list(dict.fromkeys(_word(rng, rng.randint(2, 4)) for _ in range(60_000)))
        names = [f"{_word(rng, 2).title()} {_word(rng, 3).title()}" for _ in range(60_000)]
        self.actors = [
            Actor(name=name, type="person" if i % 4 else "organization", mentions=1, salience=0.5)
            for i, name in enumerate(dict.fromkeys(names))
        ]
        places = [_word(rng, 3).title() for _ in range(6_000)] + ["São Paulo", "Zürich", "Bashar al-Assad"]
        self.locations = [Location(name=name, kind="city", mentions=1) for name in dict.fromkeys(places)]
        self.topics = [
            Topic(code=f"medtop:{i:08d}", label=f"{_word(rng, 2)} {_word(rng, 3)}", score=0.5)
            for i in range(400)
        ]
        self.sources = [f"{_word(rng, 2).title()} News" for _ in range(300)]
        self._words = np.array(self.words, dtype=object)
        self._text = _zipf_weights(len(self.words), 1.07)
        self._actor = _zipf_weights(len(self.actors), 1.0)
        self._location = _zipf_weights(len(self.locations), 1.05)
        self._topic = _zipf_weights(len(self.topics), 0.9)
        self._source = _zipf_weights(len(self.sources), 1.0)

    def _draw(self, cumulative: np.ndarray, k: int) -> np.ndarray:
        """`k` ranks drawn from the Zipf `cumulative` weights (numpy: bisecting in Python per word
        made generating a million articles take longer than indexing them)."""
        return np.searchsorted(cumulative, self.np_rng.random(k) * cumulative[-1], side="right")

    def _distinct(self, population: list[Any], cumulative: np.ndarray, k: int) -> list[Any]:
        picked = dict.fromkeys(int(i) for i in self._draw(cumulative, 3 * k + 4))
        return [population[i] for i in list(picked)[:k]]

    def article(self, n: int, drawn: np.ndarray) -> Article:
        """Article `n`, its title and body made of the words of ranks `drawn` (title first)."""
        rng = self.rng
        title_length = rng.randint(5, 12)
        words = self._words[drawn[title_length:]].tolist()
        length = len(words)
        text = " ".join(words)
        title_words = self._words[drawn[:title_length]].tolist()
        published = START + timedelta(seconds=rng.randrange(SPAN_DAYS * 86_400))
        return Article(
            id=f"gen-{n:07d}",
            version=1,
            title=" ".join(title_words).capitalize(),
            text=text,
            lede=" ".join(words[:40]),
            url=f"https://bench.example/{n}",
            source=self.sources[self._draw(self._source, 1)[0]],
            authors=[self.actors[self._draw(self._actor, 1)[0]].name],
            published_at=published if rng.random() > 0.02 else None,
            language="en" if rng.random() < 0.9 else rng.choice(["fr", "de", "pt"]),
            word_count=length,
            content_sha256=f"{n:064x}",
            simhash=f"{n:016x}",
            actors=self._distinct(self.actors, self._actor, rng.randint(3, 21)),
            locations=self._distinct(self.locations, self._location, rng.randint(1, 6)),
            topics=self._distinct(self.topics, self._topic, rng.choice((0, 1, 1, 2, 2, 2, 3))),
            ingested_at=START,
            origin=Origin(bucket="bench", key=f"{n}.html"),
        )

    def batches(self, start: int, stop: int) -> Iterator[list[Article]]:
        """Articles `start` .. `stop - 1`, `BATCH` at a time (must be asked for in order). A batch's
        words are drawn at once: per word in Python, generating outlasted indexing."""
        for first in range(start, stop, BATCH):
            numbers = range(first, min(stop, first + BATCH))
            # Lognormal body length: median ~420 words, mean ~510, ~4,500 characters as in the AEB,
            # plus a title of up to 12 words.
            lengths = np.clip(np.rint(self.np_rng.lognormal(math.log(420), 0.62, len(numbers))), 60, 4_000)
            ends = np.cumsum(lengths.astype(int) + 12)
            drawn = self._draw(self._text, int(ends[-1]))
            yield [
                self.article(n, drawn[end - length : end])
                for n, end, length in zip(numbers, ends, (lengths.astype(int) + 12), strict=True)
            ]

    def queries(self, per_kind: int, seed: int = 8) -> list[tuple[str, SearchQuery]]:
        """`per_kind` queries of each kind a news search page sends, interleaved kind by kind."""
        rng = Random(seed)

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
                return "one word", SearchQuery(q=word(50, 2000))
            if kind == 1:
                return "two words", SearchQuery(q=f"{word(20, 500)} {word(20, 500)}")
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
                return "browse: topic + source, histogram", SearchQuery(
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

        return [one(i % 7) for i in range(per_kind * 7)]


# --- measuring -------------------------------------------------------------------------------------


def percentile(samples: Sequence[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def summary(samples: Sequence[float]) -> Document:
    return {
        "n": len(samples),
        "p50": percentile(samples, 0.50),
        "p95": percentile(samples, 0.95),
        "p99": percentile(samples, 0.99),
    }


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process (this one by default), MB."""
    for line in Path(f"/proc/{pid or 'self'}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_mix(
    actions: dict[str, Callable[[SearchQuery], object]],
    queries: list[tuple[str, SearchQuery]],
    server_pid: int | None = None,
    progress: Callable[[dict[str, Document]], None] | None = None,
) -> dict[str, Document]:
    """Time every action on every query, round-robin with the order rotating per query; per action,
    per kind: wall-clock ms summary, the calling thread's CPU ms (p50, p95) and the server's mean CPU
    ms per request (clock-tick sampled, so only its mean over many requests means anything).
    `progress` gets the summaries so far after every tenth of the queries (a run cut short keeps
    what it measured, with its sample counts)."""
    names = list(actions)
    for _, query in queries[:: max(1, len(queries) // 20)]:  # warm-up: about 20 queries of each kind
        for name in names:
            actions[name](query)
    wall: dict[str, dict[str, list[float]]] = {name: {} for name in names}
    cpu: dict[str, dict[str, list[float]]] = {name: {} for name in names}
    server: dict[str, dict[str, float]] = {name: {} for name in names}
    for n, (kind, query) in enumerate(queries):
        order = names[n % len(names) :] + names[: n % len(names)]
        for name in order:
            server_started = process_cpu_s(server_pid)
            cpu_started, started = time.thread_time(), time.perf_counter()
            actions[name](query)
            elapsed, cpu_used = time.perf_counter() - started, time.thread_time() - cpu_started
            wall[name].setdefault(kind, []).append(elapsed * 1000)
            cpu[name].setdefault(kind, []).append(cpu_used * 1000)
            server[name][kind] = server[name].get(kind, 0.0) + process_cpu_s(server_pid) - server_started
        if progress is not None and (n + 1) % max(1, len(queries) // 10) == 0:
            progress(_summaries(names, wall, cpu, server))
    return _summaries(names, wall, cpu, server)


def _summaries(
    names: list[str],
    wall: dict[str, dict[str, list[float]]],
    cpu: dict[str, dict[str, list[float]]],
    server: dict[str, dict[str, float]],
) -> dict[str, Document]:
    return {
        name: {
            kind: {
                **summary(samples),
                "cpu_p50": percentile(cpu[name][kind], 0.5),
                "cpu_p95": percentile(cpu[name][kind], 0.95),
                "server_cpu_ms_mean": server[name][kind] * 1000 / len(samples),
            }
            for kind, samples in wall[name].items()
        }
        for name in names
    }


@dataclass
class Step:
    """What one engine measured at one size."""

    articles: int
    index_docs_per_s: float
    index_client_cpu_ms_per_doc: float
    index_server_cpu_ms_per_doc: float | None
    bytes_per_article: float
    memory: Document
    latency: dict[str, Document]
    plain_bulk_docs_per_s: float | None = None
    baselines: dict[str, dict[str, Document]] | None = None
    run: str | None = None  # when it was measured, the load, how it was loaded (None: the file's date)


def bench_embedded(sizes: list[int], per_kind: int, workdir: Path, kept: list[Step]) -> list[Step]:
    from newsfacet.store.embedded.store import EmbeddedStore

    generator = Generator()
    queries = generator.queries(per_kind)
    path = workdir / "bench.db"
    store = EmbeddedStore.from_url(f"sqlite:///{path}")
    steps: list[Step] = list(kept)
    done = 0
    for size in sizes:
        seconds = cpu = 0.0
        for batch in generator.batches(done, size):
            cpu_started, started = time.process_time(), time.perf_counter()
            store.upsert(batch)
            seconds += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
        added, done = size - done, size
        print(f"embedded: {size} articles indexed, measuring ...", file=sys.stderr, flush=True)
        disk = sum(p.stat().st_size for p in workdir.glob("bench.db*"))
        steps.append(
            Step(
                articles=size,
                index_docs_per_s=added / seconds,
                index_client_cpu_ms_per_doc=cpu * 1000 / added,
                index_server_cpu_ms_per_doc=None,
                bytes_per_article=disk / size,
                memory={
                    "rss_mb": rss_mb(),
                    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                },
                latency={},
                run=_stamp(f"one transaction per batch of {BATCH}"),
            )
        )
        save("embedded", steps)  # what loading measured, before the queries

        def record(measured: dict[str, Document], step: Step = steps[-1]) -> None:
            step.latency = measured["store.search"]
            step.memory = {  # after the queries too, as their caches stand
                "rss_mb": rss_mb(),
                "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
            save("embedded", steps)

        record(run_mix({"store.search": store.search}, queries, progress=record))
    store.close()
    return steps


def idiomatic_body(query: SearchQuery, ours: Document) -> Document:
    """The same question as the OpenSearch documentation teaches it: one `multi_match` (or
    `query_string` when the query has syntax) over the same fields, the filters in the query, a plain
    `terms` aggregation per facet field (and the `date_histogram`)."""
    from newsfacet.store.opensearch.documents import FACET_FIELD
    from newsfacet.store.opensearch.query import HIT_SOURCE, SEARCH_FIELDS

    must: list[Document] = []
    if query.q:
        if any(mark in query.q for mark in ('"', " -", " OR ")):
            must.append(
                {"query_string": {"query": query.q, "fields": SEARCH_FIELDS, "default_operator": "AND"}}
            )
        else:
            must.append({"multi_match": {"query": query.q, "fields": SEARCH_FIELDS, "operator": "and"}})
    dates = [f for f in ours["query"]["bool"]["filter"] if "range" in f]
    selections = ours.get("post_filter", {}).get("bool", {}).get("filter", [])
    aggs: Document = {
        dimension.value: {"terms": {"field": FACET_FIELD[dimension], "size": query.facet_size}}
        for dimension in Dimension
    }
    if "histogram" in ours["aggs"]:
        aggs["histogram"] = ours["aggs"]["histogram"]["aggs"]["buckets"]
    return {
        "query": {"bool": {"must": must or [{"match_all": {}}], "filter": dates + selections}},
        "size": query.size,
        "sort": ours["sort"],
        "_source": {"includes": HIT_SOURCE},
        "aggs": aggs,
    }


def baseline_bodies(query: SearchQuery) -> dict[str, Document]:
    """The request of every baseline variant but `store.search`, for one query."""
    from newsfacet.store.opensearch.query import search_body

    ours = search_body(query, None)
    idiomatic = idiomatic_body(query, ours)
    disjunctive = {
        **idiomatic,
        "query": {
            "bool": {
                **idiomatic["query"]["bool"],
                "filter": [f for f in idiomatic["query"]["bool"]["filter"] if "range" in f],
            }
        },
        "aggs": ours["aggs"],
        **({"post_filter": ours["post_filter"]} if "post_filter" in ours else {}),
    }
    return {
        "idiomatic": idiomatic,
        "+ disjunctive facets": disjunctive,
        "+ highlighting": {**disjunctive, "highlight": ours["highlight"]},
        "our body, raw": ours,
    }


def plain_document(article: Article) -> Document:
    return article.model_dump(mode="json")


def load_concurrently(stores: list[Any], batches: Iterator[list[Article]]) -> None:
    """`upsert` the batches, one request in flight per store (its own connection), generating the
    next batch while they load."""
    from concurrent.futures import Future, ThreadPoolExecutor

    in_flight: list[Future[object]] = []
    with ThreadPoolExecutor(len(stores)) as pool:
        for n, batch in enumerate(batches):
            if len(in_flight) == len(stores):
                in_flight.pop(0).result()
            in_flight.append(pool.submit(stores[n % len(stores)].upsert, batch))
        for future in in_flight:
            future.result()


def bench_opensearch(
    sizes: list[int],
    per_kind: int,
    url: str,
    node_pid: int | None,
    *,
    baseline_sizes: set[int],
    plain_bulk: int,
    bulk_load_settings: bool,
    kept: list[Step],
    loaders: int = 1,
) -> list[Step]:
    from newsfacet.config import Settings
    from newsfacet.store.opensearch.store import OpenSearchStore
    from opensearchpy import OpenSearch, helpers

    def store_at(alias: str) -> OpenSearchStore:
        return OpenSearchStore.from_settings(
            Settings(store=url, index_alias=alias, opensearch_auth="none"), refresh="false"
        )

    generator = Generator()
    queries = generator.queries(per_kind)
    store, plain = store_at("bench"), store_at("bench-plain")
    for each in (store, plain):
        each.destroy()
        each.ensure_index()
    client = OpenSearch(url, timeout=300)
    plain_index = next(iter(client.indices.get_alias(name=plain.alias)))
    steps: list[Step] = list(kept)
    done = 0
    indices = f"{store.alias},{plain.alias}"
    extra_loaders = [store_at("bench") for _ in range(loaders - 1)]
    for size in sizes:
        ours = cpu = node_cpu = raw = 0.0
        raw_docs = 0
        if bulk_load_settings:
            client.indices.put_settings(index=indices, body={"index": BULK_LOAD_SETTINGS})
        if loaders > 1:  # whole step on the wall clock, generation included (it overlaps the loading)
            node_started, cpu_started, started = (
                process_cpu_s(node_pid),
                time.process_time(),
                time.perf_counter(),
            )
            load_concurrently([store, *extra_loaders], generator.batches(done, size))
            ours, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            node_cpu = process_cpu_s(node_pid) - node_started
        for n, batch in enumerate(generator.batches(done, size) if loaders == 1 else ()):
            load_ours = lambda batch=batch: store.upsert(batch)  # noqa: E731
            runs: list[tuple[str, Callable[[], object]]] = [("ours", load_ours)]
            if batch[0].id < f"gen-{plain_bulk:07d}":
                raw_docs += len(batch)
                actions = [{"_index": plain_index, "_id": a.id, "_source": plain_document(a)} for a in batch]
                runs.append(("raw", lambda actions=actions: helpers.bulk(client, actions, chunk_size=BATCH)))
            for name, action in runs[:: -1 if n % 2 else 1]:
                node_started = process_cpu_s(node_pid)
                cpu_started, started = time.process_time(), time.perf_counter()
                action()
                if name == "ours":
                    ours += time.perf_counter() - started
                    cpu += time.process_time() - cpu_started
                    node_cpu += process_cpu_s(node_pid) - node_started
                else:
                    raw += time.perf_counter() - started
        added, done = size - done, size
        started = time.perf_counter()
        if bulk_load_settings:  # back to the index's defaults (the template's refresh of one second)
            client.indices.put_settings(index=indices, body={"index": dict.fromkeys(BULK_LOAD_SETTINGS)})
        store.refresh()
        ours += time.perf_counter() - started
        if raw_docs:
            started = time.perf_counter()
            client.indices.refresh(index=plain_index)
            raw += time.perf_counter() - started
        print(f"opensearch: {size} articles indexed, measuring ...", file=sys.stderr, flush=True)
        stats = client.indices.stats(index=store.alias, metric="store,docs")["_all"]["primaries"]
        jvm = client.nodes.stats(metric="jvm")["nodes"]
        heap = next(iter(jvm.values()))["jvm"]["mem"]
        actions: dict[str, Callable[[SearchQuery], object]] = {"store.search": store.search}
        if size in baseline_sizes:
            for variant in VARIANTS[:-1]:
                actions[variant] = lambda query, variant=variant: client.search(  # type: ignore[misc]
                    index=store.alias, body=baseline_bodies(query)[variant]
                )
        steps.append(
            Step(
                articles=size,
                index_docs_per_s=added / ours,
                index_client_cpu_ms_per_doc=cpu * 1000 / added,
                index_server_cpu_ms_per_doc=node_cpu * 1000 / added if node_pid else None,
                bytes_per_article=stats["store"]["size_in_bytes"] / stats["docs"]["count"],
                memory={
                    "node_rss_mb": rss_mb(node_pid) if node_pid else None,
                    "heap_used_mb": heap["heap_used_in_bytes"] / 2**20,
                    "heap_max_mb": heap["heap_max_in_bytes"] / 2**20,
                    "client_rss_mb": rss_mb(),
                },
                latency={},
                plain_bulk_docs_per_s=raw_docs / raw if raw_docs else None,
                run=_stamp(
                    (
                        "refresh off and translog fsync deferred while loading, as OpenSearch advises for"
                        " bulk loads, reset before measuring"
                        if bulk_load_settings
                        else "refresh every second while loading"
                    )
                    + (
                        f"; {loaders} bulk requests in flight at a time (client CPU includes"
                        " generating the articles)"
                        if loaders > 1
                        else ""
                    )
                ),
            )
        )
        save("opensearch", steps)  # what loading measured, before the queries

        def record(measured: dict[str, Document], step: Step = steps[-1]) -> None:
            step.latency = measured["store.search"]
            if len(measured) > 1:
                step.baselines = {variant: measured[variant] for variant in VARIANTS}
            save("opensearch", steps)

        record(run_mix(actions, queries, node_pid, progress=record))
    for each in (store, plain):
        each.destroy()
        each.close()
    for each in extra_loaders:
        each.close()
    return steps


# --- results and the report ----------------------------------------------------------------------

_RESULTS_FILE: dict[str, Path] = {}


def _stamp(loading: str) -> str:
    return f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average {load_average()}; {loading}"


def results_path(engine: str) -> Path:
    return _RESULTS_FILE.get(engine) or RESULTS_DIR / f"search-{engine}.json"


def kept_steps(engine: str, below: int) -> list[Step]:
    """The saved steps of `engine` smaller than `below` (`--extend`: a run adding larger sizes keeps
    them; each says when it was measured)."""
    saved = load_results([results_path(engine)])
    if not saved:
        return []
    kept = []
    for step in saved[0]["steps"]:
        if step["articles"] < below:
            step.setdefault("run", f"{saved[0]['date']}, load average {saved[0]['load_average']}")
            kept.append(Step(**step))
    return kept


def save(engine: str, steps: list[Step]) -> None:
    """Write what is measured so far (a run cut short still leaves its completed sizes)."""
    path = results_path(engine)
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "engine": engine,
        "date": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "machine": machine(),
        "sqlite": sqlite3.sqlite_version,
        "load_average": load_average(),
        "steps": [step.__dict__ for step in steps],
    }
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


def _cell(summary_: Document) -> str:
    return f"{summary_['p50']:.1f} / {summary_['p95']:.1f} / {summary_['p99']:.1f} ({summary_['n']})"


def report(results: list[Document]) -> str:
    lines = [
        SECTION_START,
        "## Search at scale (`bench/search.py`)",
        "",
        "Generated articles with the corpora's shapes (median ~420 words, 3-21 actors, 1-6 locations,"
        " 0-3 topics, Zipf-distributed values over 60,000 actors, 6,000 places, 400 topics, 300 sources;"
        " see the script's docstring), one store per engine grown through the sizes. Latencies are"
        " wall-clock ms as the caller sees them, p50 / p95 / p99 with the number of samples in"
        " brackets; facets are always on (every dimension's top 10 and exact counts).",
        "",
    ]
    for result in results:
        lines.append(f"- {result['engine']} on {result['machine']}, SQLite {result['sqlite']}:")
        for step in result["steps"]:
            run = step.get("run") or f"{result['date']}, load average {result['load_average']}"
            lines.append(f"  - {step['articles']:,} articles measured {run}.")
    lines += [
        "",
        "The machine was shared with other jobs (two cores for five or six sessions): wall times include"
        " waiting for a core, so CPU times are given beside them.",
    ]
    lines += [
        "",
        "| articles | engine | index docs/s (this step) | client CPU ms/doc | node CPU ms/doc |"
        " bytes/article | memory | slowest kind p50 / p95 / p99 (queries in all) |"
        " node CPU ms/query (mean of the kinds) |",
        "|---:|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for result in results:
        for step in result["steps"]:
            memory = step["memory"]
            if "heap_used_mb" in memory:
                rss = f"node RSS {memory['node_rss_mb']:,.0f} MB, " if memory.get("node_rss_mb") else ""
                held = f"{rss}heap {memory['heap_used_mb']:,.0f} of {memory['heap_max_mb']:,.0f} MB"
            else:
                held = f"RSS {memory['rss_mb']:,.0f} MB (peak {memory['max_rss_mb']:,.0f})"
            everything = [s for s in step["latency"].values()]
            weighted = _pooled(everything) if everything else "not measured"
            node_doc = step.get("index_server_cpu_ms_per_doc")
            node_query = [s.get("server_cpu_ms_mean", 0.0) for s in everything] or [float("nan")]
            lines.append(
                f"| {step['articles']:,} | {result['engine']} | {step['index_docs_per_s']:,.0f} |"
                f" {step['index_client_cpu_ms_per_doc']:.2f} | {f'{node_doc:.2f}' if node_doc else '–'} |"
                f" {step['bytes_per_article']:,.0f} | {held} | {weighted} |"
                f" {f'{sum(node_query) / len(node_query):.0f}' if node_doc else '–'} |"
            )
    largest = {r["engine"]: max(s["articles"] for s in r["steps"]) for r in results}
    lines += [
        "",
        "Largest size measured: "
        + ", ".join(f"{engine} {size:,}" for engine, size in largest.items())
        + f" articles (the goal: {GOAL_ARTICLES:,})."
        + "".join(_short_of_goal(result) for result in results)
        + " Node CPU is"
        " the OpenSearch process's user + system time over our bulk requests and over each query"
        " (clock ticks: only means over many calls mean anything; background merges count where they"
        " fall). Bytes per article: the SQLite file with its WAL; OpenSearch's primary store, unmerged.",
    ]
    kinds = sorted({kind for r in results for s in r["steps"] for kind in s["latency"]})
    lines += [
        "",
        "Per query kind, p50 / p95 / p99 ms (samples):",
        "",
        "| articles | engine | " + " | ".join(kinds) + " |",
        "|---:|---|" + "---:|" * len(kinds),
    ]
    for result in results:
        for step in result["steps"]:
            cells = [_cell(step["latency"][k]) if k in step["latency"] else "–" for k in kinds]
            lines.append(f"| {step['articles']:,} | {result['engine']} | " + " | ".join(cells) + " |")
    lines += _interactive_limit(results)
    lines += _for_users(results)
    lines += _baselines(results, kinds)
    lines.append(SECTION_END)
    return "\n".join(lines) + "\n"


def _short_of_goal(result: Document) -> str:
    """Why an engine's measurements stop before `GOAL_ARTICLES`, as far as they show it."""
    steps = [step for step in result["steps"] if step["latency"]]
    largest = max(step["articles"] for step in result["steps"])
    cut_short = len(steps) < len(result["steps"]) or any(
        kind["n"] < GOAL_SAMPLES for kind in result["steps"][-1]["latency"].values()
    )
    if largest >= GOAL_ARTICLES and not cut_short:
        return ""
    slow = [
        step["articles"]
        for step in steps
        if any(s["p95"] > INTERACTIVE_P95_MS for s in step["latency"].values())
    ]
    if cut_short:
        why = (
            f"its queries at {largest:,} articles were cut short by the end of the session, under the"
            f" {GOAL_SAMPLES} per kind asked for (the sample counts say how many ran)"
        )
    elif result["engine"] == "embedded" and slow:
        why = (
            f"no longer interactive on this machine's wall clock from {min(slow):,} articles (a kind's p95"
            f" over {INTERACTIVE_P95_MS:.0f} ms); it was grown no further than {largest:,}"
        )
    else:
        why = f"it was grown no further than {largest:,} articles in the time the run had"
    return f" {ENGINE_NAMES[result['engine']]}: {why}."


def _pooled(per_kind: list[Document]) -> str:
    """The kinds' percentiles do not pool: the kind with the highest p95, and the count of all."""
    worst = max(per_kind, key=lambda s: s["p95"])
    total = sum(s["n"] for s in per_kind)
    return f"{worst['p50']:.1f} / {worst['p95']:.1f} / {worst['p99']:.1f} ({total} in all)"


def _interactive_limit(results: list[Document]) -> list[str]:
    lines = [
        "",
        f"Where a kind's p95 first exceeds {INTERACTIVE_P95_MS:.0f} ms (no longer interactive), on the wall"
        " clock of this shared machine and, for the embedded store (whose whole work is the calling"
        " thread's), in CPU time, what a core of its own would give:",
        "",
    ]
    for result in results:
        for clock, measure in (("wall clock", "p95"), ("CPU time", "cpu_p95")):
            if clock == "CPU time" and result["engine"] != "embedded":
                continue
            verdicts = []
            for step in result["steps"]:
                slow = [k for k, s in step["latency"].items() if s[measure] > INTERACTIVE_P95_MS]
                if slow:
                    verdicts.append(f"at {step['articles']:,} articles: {', '.join(sorted(slow))}")
            largest = max(s["articles"] for s in result["steps"])
            verdict = "; ".join(verdicts) or f"no kind, up to {largest:,} articles (the largest measured)"
            lines.append(f"- {result['engine']}, {clock}: {verdict}.")
    embedded = [r for r in results if r["engine"] == "embedded"]
    if embedded:
        lines += [
            "",
            "The embedded store's CPU time per query kind, p50 / p95 ms (same samples):",
            "",
        ]
        kinds = sorted({k for s in embedded[0]["steps"] for k in s["latency"]})
        lines += ["| articles | " + " | ".join(kinds) + " |", "|---:|" + "---:|" * len(kinds)]
        for step in embedded[0]["steps"]:
            cells = [
                f"{step['latency'][k]['cpu_p50']:.1f} / {step['latency'][k]['cpu_p95']:.1f}"
                if k in step["latency"]
                else "–"
                for k in kinds
            ]
            lines.append(f"| {step['articles']:,} | " + " | ".join(cells) + " |")
    return lines


def _for_users(results: list[Document]) -> list[str]:
    """What the figures mean for someone choosing an engine: up to which size every kind stays
    interactive, and how the slowest kind answers at the largest size measured."""
    lines = ["", "What this means for users:", ""]
    for result in results:
        measured = [step for step in result["steps"] if step["latency"]]
        if not measured:
            continue
        embedded = result["engine"] == "embedded"
        clocks = [("wall clock", "p95"), *([("CPU time", "cpu_p95")] if embedded else [])]
        limits = [f"{clock}, {_interactive_up_to(measured, measure)}" for clock, measure in clocks]
        largest = measured[-1]
        kind, worst = max(largest["latency"].items(), key=lambda item: item[1]["p95"])
        cpu = f", CPU p95 {worst['cpu_p95']:,.0f} ms" if embedded else ""
        lines.append(
            f"- {ENGINE_NAMES[result['engine']]}: {'; '.join(limits)}. At {largest['articles']:,}"
            f" articles its slowest kind ({kind}) answers in p50 {worst['p50']:,.0f} ms, p95"
            f" {worst['p95']:,.0f} ms ({worst['n']} queries{cpu})."
        )
    return lines


def _interactive_up_to(measured: list[Document], measure: str) -> str:
    """The sizes around the first where some kind's `measure` (p95 or cpu_p95) exceeds the limit."""
    limit = f"{INTERACTIVE_P95_MS:.0f} ms"
    first_slow = next(
        (s for s in measured if any(k[measure] > INTERACTIVE_P95_MS for k in s["latency"].values())), None
    )
    if first_slow is None:
        largest = measured[-1]["articles"]
        return f"every kind's p95 within {limit} up to {largest:,} articles (the largest measured)"
    kind, worst = max(first_slow["latency"].items(), key=lambda item: item[1][measure])
    over = f"over {limit} from {first_slow['articles']:,} articles ({kind}: {worst[measure]:,.0f} ms)"
    before = [s["articles"] for s in measured if s["articles"] < first_slow["articles"]]
    return f"every kind's p95 within {limit} up to {max(before):,} articles, {over}" if before else over


def _baselines(results: list[Document], kinds: list[str]) -> list[str]:
    lines: list[str] = []
    for result in results:
        for step in result["steps"]:
            ours, plain = step["index_docs_per_s"], step.get("plain_bulk_docs_per_s")
            if plain:
                lines += [
                    "",
                    f"Indexing up to {step['articles']:,} articles: our `upsert` {ours:,.0f} docs/s against"
                    f" `helpers.bulk` of plain documents {plain:,.0f} docs/s ({ours / plain:.2f}x): the read"
                    " before each write, external versions, the derived facet fields and the holders cost the"
                    " difference.",
                ]
            if not step.get("baselines"):
                continue
            lines += [
                "",
                f"OpenSearch at {step['articles']:,} articles: each feature's cost on top of the idiomatic"
                " request, p50 / p95 / p99 ms (samples), and p50 relative to `idiomatic`:",
                "",
                "| request | " + " | ".join(kinds) + " |",
                "|---|" + "---:|" * len(kinds),
            ]
            base = step["baselines"]["idiomatic"]
            for variant, per_kind in step["baselines"].items():
                cells = [
                    f"{_cell(per_kind[k])}, {per_kind[k]['p50'] / base[k]['p50']:.2f}x"
                    if k in per_kind
                    else "–"
                    for k in kinds
                ]
                lines.append(f"| {variant} | " + " | ".join(cells) + " |")
    return lines


def load_results(paths: Sequence[Path]) -> list[Document]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths if path.exists()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="10000,100000,300000,1000000", help="comma-separated article counts"
    )
    parser.add_argument("--engines", default="embedded,opensearch", help="embedded and/or opensearch")
    parser.add_argument("--per-kind", type=int, default=300, help="queries of each kind at each size")
    parser.add_argument(
        "--baseline-sizes", default="100000,1000000", help="sizes with the OpenSearch baselines"
    )
    parser.add_argument("--plain-bulk", type=int, default=200_000, help="articles also bulk-loaded plain")
    parser.add_argument("--heap", default="4g", help="the benchmark node's JVM heap")
    parser.add_argument("--opensearch-url", help="use this node instead of starting one")
    parser.add_argument("--workdir", type=Path, help="where the SQLite file goes (default: a temp dir)")
    parser.add_argument("--results", type=Path, help="results file (one engine only); default bench/results/")
    parser.add_argument("--report-only", action="store_true", help="rewrite the section from saved results")
    parser.add_argument(
        "--extend",
        action="store_true",
        help="keep the saved steps smaller than --sizes (a new store still grows from 0)",
    )
    parser.add_argument(
        "--loaders",
        type=int,
        default=1,
        help="OpenSearch: bulk requests in flight at once (>1: no plain bulk)",
    )
    parser.add_argument(
        "--refresh-while-loading",
        action="store_true",
        help="OpenSearch: keep refreshing every second while loading (default: refresh off, async translog)",
    )
    parser.add_argument(
        "--write", type=Path, default=BENCHMARKS_MD, help="markdown file to write the section to"
    )
    args = parser.parse_args(argv)
    engines = args.engines.split(",")
    if args.results:
        _RESULTS_FILE.update({engine: args.results for engine in engines})
    if not args.report_only:
        sizes = sorted(int(s) for s in args.sizes.split(","))
        baseline_sizes = {int(s) for s in args.baseline_sizes.split(",") if s}

        def kept(engine: str) -> list[Step]:
            return kept_steps(engine, below=sizes[0]) if args.extend else []

        if "embedded" in engines:
            with tempfile.TemporaryDirectory(prefix="nf-bench-", dir=args.workdir) as tmp:
                bench_embedded(sizes, args.per_kind, Path(tmp), kept("embedded"))
        if "opensearch" in engines:
            node = None
            url = args.opensearch_url
            if url is None:
                from infrastructure.opensearch.node import LocalNode

                node = LocalNode.start(heap=args.heap, compiler="full")  # as a long-lived cluster
                url = node.url
            try:
                pid = node.process.pid if node else None
                bench_opensearch(
                    sizes,
                    args.per_kind,
                    url,
                    pid,
                    baseline_sizes=baseline_sizes,
                    plain_bulk=args.plain_bulk,
                    bulk_load_settings=not args.refresh_while_loading,
                    kept=kept("opensearch"),
                    loaders=args.loaders,
                )
            finally:
                if node is not None:
                    node.stop()
    paths = [results_path(engine) for engine in ("embedded", "opensearch")]
    section = report(load_results(paths))
    print(section)
    if args.write and not args.results:
        write_section(section, SECTION_START, SECTION_END, args.write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
