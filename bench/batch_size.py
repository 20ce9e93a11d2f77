"""The ingest batch size and the bulk size, chosen by measurement.

    .venv/bin/python bench/batch_size.py [--records 200] [--batch-sizes 1,2,5,10,20,50,100]
                                         [--bulk-sizes 50,100,250,500,1000] [--bulk-articles 5000]

1. **Ingest batch size** (the SQS event source's `BatchSize` in template.yaml): what an SQS batch
   costs the store side of ingest, per record, by the number of records in it. Every record takes the
   ingest path of `functions/ingest/app.py` (`Ingestor.prepare` for each record: the stale check and
   the story lookup; then one `Ingestor.apply_batch`: one `_mget` and one `_bulk`, one refresh, the
   reconcile search of each key; the saved searches matched once per batch) with an article already
   built (generated as in `bench/search.py`): the pipeline's CPU per article does not depend on the
   batch and is taken from `bench/results/ingest.json` (`bench/ingest_rate.py`). On the local
   OpenSearch node and on the embedded store.
2. **Bulk size** (`_BULK_MAX_DOCS` of `store/opensearch/bulk.py`, the most documents per `_bulk`
   request: backfills, reindexing and large batches are cut into requests of this many): indexing
   rate and the node's CPU per document when `--bulk-articles` generated articles are upserted in
   requests of each size, each size into its own fresh index.

The choice is computed, not typed: the smallest size within `--tolerance` of the best per-record
cost measured (beyond it, a larger batch saves next to nothing and makes every retry, every failure
and a record's wait for its batch larger), and for the batch, one that an ingest function finishes
well inside its timeout. The section says what template.yaml and bulk.py hold, so a mismatch shows.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # infrastructure.opensearch
sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsfacet.alerts import AlertNotifier  # noqa: E402
from newsfacet.alerts.delivery import TargetSender  # noqa: E402
from newsfacet.config import Settings  # noqa: E402
from newsfacet.ingest import Ingestor  # noqa: E402
from newsfacet.model import Article, Origin  # noqa: E402
from newsfacet.objects.base import ObjectSource  # noqa: E402
from newsfacet.rejections.sqlite import SQLiteRejectionLog  # noqa: E402
from newsfacet.s3events import S3EventKind, S3ObjectEvent  # noqa: E402
from newsfacet.store import alert_store, open_store  # noqa: E402
from newsfacet.store.base import ArticleStore  # noqa: E402
from report import load_average, machine, process_cpu_s, write_section  # noqa: E402
from search import Generator  # noqa: E402

START, END = "<!-- bench/batch_size.py: start -->", "<!-- bench/batch_size.py: end -->"
RESULTS = Path(__file__).resolve().parent / "results" / "batch_size.json"
INGEST_RESULTS = Path(__file__).resolve().parent / "results" / "ingest.json"
TEMPLATE = ROOT / "template.yaml"
BULK_MODULE = ROOT / "shared" / "newsfacet" / "store" / "opensearch" / "bulk.py"
BUCKET = "bench"
# The ingest function's share of a CPU at its template size (2,048 MB: Lambda gives a full vCPU at
# 1,769 MB) and its timeout; a batch should take at most a third of the timeout.
LAMBDA_VCPUS = 2048 / 1769
TIMEOUT_SHARE = 1 / 3


class PrebuiltSource(ObjectSource):
    """Every object reads as a few bytes: the builder below ignores them."""

    def read(self, bucket: str, key: str, version_id: str | None, limit: int) -> bytes:
        return b"<html></html>"


def prebuilt(articles: dict[str, Article]) -> Callable[..., Article]:
    """A pipeline stand-in: the generated article of the key, at the event's origin and version."""

    def build(
        raw: bytes, origin: Origin, version: int, settings: Settings, now: datetime | None = None
    ) -> Article:
        return articles[origin.key].model_copy(update={"origin": origin, "version": version})

    return build


def events(keys: list[str]) -> list[S3ObjectEvent]:
    return [
        S3ObjectEvent(
            kind=S3EventKind.CREATED,
            name="ObjectCreated:Put",
            bucket=BUCKET,
            key=key,
            version=1,
            event_time=datetime(2026, 1, 1, tzinfo=UTC),
        )
        for key in keys
    ]


@contextmanager
def fresh_store(url: str, scratch: Path) -> Iterator[tuple[ArticleStore, Settings]]:
    alias = f"batch-{uuid.uuid4().hex[:8]}"
    store_url = url if url.startswith("http") else f"sqlite:///{scratch / alias}.db"
    settings = Settings(store=store_url, index_alias=alias, opensearch_auth="none")
    store = open_store(settings)
    try:
        yield store, settings
    finally:
        destroy = getattr(store, "destroy", None)
        if destroy is not None:
            destroy()
        store.close()


def measure_batches(
    url: str, node_pid: int | None, batch: int, records: int, scratch: Path
) -> dict[str, Any]:
    """Per record: wall ms, client CPU ms and node CPU ms of the store side of ingest, `records`
    records in SQS batches of `batch` (after one warm-up batch)."""
    generator = Generator(seed=batch)
    articles = [article for chunk in generator.batches(0, records + batch) for article in chunk]
    by_key = {f"bench/{article.id}.html": article for article in articles}
    with fresh_store(url, scratch) as (store, settings):
        ingestor = Ingestor(
            store=store,
            source=PrebuiltSource(),
            rejections=SQLiteRejectionLog(scratch / f"rejections-{batch}.db"),
            settings=settings,
            build=prebuilt(by_key),
            alerts=AlertNotifier(alert_store(store), TargetSender(settings)),
        )
        keys = list(by_key)
        warm, timed = keys[:batch], keys[batch:]
        ingestor.apply_batch([ingestor.prepare(event) for event in events(warm)])
        node_started, cpu_started, started = process_cpu_s(node_pid), time.process_time(), time.perf_counter()
        for first in range(0, len(timed), batch):
            prepared = [ingestor.prepare(event) for event in events(timed[first : first + batch])]
            outcomes = ingestor.apply_batch(prepared)
            assert all(getattr(outcome, "status", None) == "indexed" for outcome in outcomes), outcomes
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        node = process_cpu_s(node_pid) - node_started
    return {
        "batch": batch,
        "records": len(timed),
        "wall_ms": wall * 1000 / len(timed),
        "client_cpu_ms": cpu * 1000 / len(timed),
        "node_cpu_ms": node * 1000 / len(timed) if node_pid else None,
    }


def measure_bulk(url: str, node_pid: int, size: int, count: int, scratch: Path) -> dict[str, Any]:
    """Docs/s and node CPU ms per document upserting `count` generated articles `size` per request."""
    from newsfacet.store.opensearch import bulk

    generator = Generator(seed=size)
    limit = bulk._BULK_MAX_DOCS
    bulk._BULK_MAX_DOCS = size  # requests of exactly `size` documents (the 8 MB cap still holds)
    try:
        with fresh_store(url, scratch) as (store, _):
            store.upsert(next(generator.batches(0, 50)))  # create the index, warm the path
            wall = cpu = node = 0.0
            for first in range(50, 50 + count, size):
                chunk = [a for part in generator.batches(first, min(50 + count, first + size)) for a in part]
                node_started, cpu_started = process_cpu_s(node_pid), time.process_time()
                started = time.perf_counter()
                store.upsert(chunk)
                wall += time.perf_counter() - started
                cpu += time.process_time() - cpu_started
                node += process_cpu_s(node_pid) - node_started
    finally:
        bulk._BULK_MAX_DOCS = limit
    return {
        "bulk": size,
        "articles": count,
        "docs_per_s": count / wall,
        "client_cpu_ms": cpu * 1000 / count,
        "node_cpu_ms": node * 1000 / count,
    }


def chosen(rows: list[dict[str, Any]], size_key: str, cost_key: str, tolerance: float) -> int:
    """The smallest size whose per-record cost is within `tolerance` of the lowest measured."""
    best = min(row[cost_key] for row in rows)
    return min(row[size_key] for row in rows if row[cost_key] <= best * (1 + tolerance))


def _beyond(rows: list[dict[str, Any]], size_key: str, size: int) -> str:
    if size == max(row[size_key] for row in rows):
        return " (the largest measured: larger ones may save more)"
    return "; larger ones save next to nothing and make each request, retry and failure larger"


def template_setting(name: str) -> str:
    found = re.search(rf"^\s+{name}: (\S+)", TEMPLATE.read_text(encoding="utf-8"), re.MULTILINE)
    return found.group(1) if found else "?"


def ingest_timeout_s() -> int:
    text = TEMPLATE.read_text(encoding="utf-8")
    function = text.split("  IngestFunction:", 1)[1]
    found = re.search(r"^\s+Timeout: (\d+)", function, re.MULTILINE)
    return int(found.group(1)) if found else 60


def bulk_module_limit() -> str:
    found = re.search(r"^_BULK_MAX_DOCS = (\d+)", BULK_MODULE.read_text(encoding="utf-8"), re.MULTILINE)
    return found.group(1) if found else "?"


def report(result: dict[str, Any], tolerance: float) -> str:
    pipeline_ms = result["pipeline_cpu_ms_per_article"]
    timeout = ingest_timeout_s()
    window = template_setting("MaximumBatchingWindowInSeconds")
    lines = [
        START,
        "## Ingest batch size and bulk size (`bench/batch_size.py`)",
        "",
        f"Run ending {result['date']} on {result['machine']}; load average at the end"
        f" {result['load_average']} (the machine was shared: wall times include waiting for a core, so"
        " CPU times are given beside them). Measured on this branch's ingest path as it is: per record,"
        " a stale check and a story lookup (two searches), then per batch one `_mget`, one `_bulk`, one"
        " refresh, a reconcile search per key and one saved-search match. (Looking the stories up in one"
        " `_msearch` per batch, as planned, would make larger batches cheaper still per record.)",
        "",
        "Store side of ingest by SQS batch size, ms per record (the pipeline's own"
        f" {pipeline_ms:.0f} CPU ms per article, from `bench/ingest_rate.py`, comes on top whatever the"
        " batch):",
        "",
        "| engine | batch | records | wall ms/record | client CPU ms/record | node CPU ms/record |"
        " store share of an upload's CPU |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for engine, rows in result["batches"].items():
        for row in rows:
            node = row["node_cpu_ms"]
            store_cpu = row["client_cpu_ms"] + (node or 0.0)
            lines.append(
                f"| {engine} | {row['batch']} | {row['records']} | {row['wall_ms']:.1f} |"
                f" {row['client_cpu_ms']:.1f} | {f'{node:.1f}' if node is not None else '–'} |"
                f" {store_cpu / (store_cpu + pipeline_ms):.0%} |"
            )
    opensearch = result["batches"].get("opensearch") or next(iter(result["batches"].values()))
    for row in opensearch:
        row["cpu_ms"] = row["client_cpu_ms"] + (row["node_cpu_ms"] or 0.0)
    batch = chosen(opensearch, "batch", "cpu_ms", tolerance)
    per_record_s = (
        pipeline_ms / LAMBDA_VCPUS + max(r["wall_ms"] for r in opensearch if r["batch"] == batch)
    ) / 1000
    fits = int(timeout * TIMEOUT_SHARE / per_record_s)
    lines += [
        "",
        f"**Batch size {batch}**: the smallest whose store CPU per record (client + node, OpenSearch) is"
        f" within {tolerance:.0%} of the lowest measured{_beyond(opensearch, 'batch', batch)}. At about"
        f" {per_record_s * 1000:.0f} ms per record on a 2,048 MB function,"
        f" a batch of {batch} takes {batch * per_record_s:.0f} s, within a third of the {timeout} s"
        f" timeout (which would allow {fits}). template.yaml: `BatchSize: {template_setting('BatchSize')}`,"
        f" `MaximumBatchingWindowInSeconds: {window}`: at low traffic a lone upload waits at most {window} s"
        " for its batch to fill; under load batches fill before the window ends.",
    ]
    if result["bulk"]:
        lines += [
            "",
            f"Bulk size: {result['bulk'][0]['articles']:,} generated articles (~7 KB each as indexed)"
            " upserted in requests of each size, a fresh index each:",
            "",
            "| documents per `_bulk` | docs/s (wall) | client CPU ms/doc | node CPU ms/doc |",
            "|---:|---:|---:|---:|",
        ]
        for row in result["bulk"]:
            row["cpu_ms"] = row["client_cpu_ms"] + row["node_cpu_ms"]
            lines.append(
                f"| {row['bulk']} | {row['docs_per_s']:,.0f} | {row['client_cpu_ms']:.2f} |"
                f" {row['node_cpu_ms']:.2f} |"
            )
        size = chosen(result["bulk"], "bulk", "cpu_ms", tolerance)
        lines += [
            "",
            f"**Bulk size {size}**: the smallest within {tolerance:.0%} of the lowest CPU per document"
            f" (client + node){_beyond(result['bulk'], 'bulk', size)}. `store/opensearch/bulk.py`:"
            f" `_BULK_MAX_DOCS = {bulk_module_limit()}`"
            " (and at most 8 MB per request).",
        ]
    lines.append(END)
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=200, help="records per batch size (after a warm-up)")
    parser.add_argument("--batch-sizes", default="1,2,5,10,20,50,100")
    parser.add_argument("--bulk-sizes", default="50,100,250,500,1000")
    parser.add_argument("--bulk-articles", type=int, default=5000, help="articles per bulk size")
    parser.add_argument("--engines", default="opensearch,embedded")
    parser.add_argument("--tolerance", type=float, default=0.15, help="how close to the best counts as best")
    parser.add_argument("--opensearch-url", help="use this node instead of starting one")
    parser.add_argument("--report-only", action="store_true", help="rewrite the section from saved results")
    args = parser.parse_args()
    if args.report_only:
        section = report(json.loads(RESULTS.read_text(encoding="utf-8")), args.tolerance)
        write_section(section, START, END)
        print(section)
        return 0
    batch_sizes = [int(n) for n in args.batch_sizes.split(",")]
    bulk_sizes = [int(n) for n in args.bulk_sizes.split(",") if n]
    pipeline_ms = json.loads(INGEST_RESULTS.read_text(encoding="utf-8"))["pipeline_cpu_ms_per_article"]
    result: dict[str, Any] = {"batches": {}, "bulk": [], "pipeline_cpu_ms_per_article": pipeline_ms}
    node = None
    with tempfile.TemporaryDirectory(prefix="nf-batch-") as tmp:
        scratch = Path(tmp)
        try:
            for engine in args.engines.split(","):
                url, pid = f"sqlite:///{scratch}", None
                if engine == "opensearch":
                    if args.opensearch_url is None and node is None:
                        from infrastructure.opensearch.node import LocalNode

                        node = LocalNode.start()
                    url = args.opensearch_url or node.url  # type: ignore[union-attr]
                    pid = node.process.pid if node else None
                rows = []
                for batch in batch_sizes:
                    rows.append(measure_batches(url, pid, batch, args.records, scratch))
                    print(engine, rows[-1], file=sys.stderr, flush=True)
                result["batches"][engine] = rows
                if engine == "opensearch" and pid is not None:
                    for size in bulk_sizes:
                        result["bulk"].append(measure_bulk(url, pid, size, args.bulk_articles, scratch))
                        print(result["bulk"][-1], file=sys.stderr, flush=True)
        finally:
            if node is not None:
                node.stop()
    result.update(
        date=f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", machine=machine(), load_average=load_average()
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    section = report(result, args.tolerance)
    write_section(section, START, END)
    print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
