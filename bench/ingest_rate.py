"""Ingest end to end through the local stack, with 1, 2 and 4 worker processes, against the
pipeline's single-core rate.

The local stack (moto S3 + SQS wired from template.yaml, the search handler) runs without its own
worker; this script starts N worker processes instead, each polling the ingest queue and calling
the ingest `lambda_handler` as Lambda's SQS event source mapping would (as many processes as Lambda
would run concurrent environments). The same corpus pages (`aeb/html_gz`) are uploaded through S3
at once; the clock stops when the queue is drained. Beside the wall-clock rate: the workers' CPU
per upload (every process's user + system time), against the CPU per article of the pipeline alone
(`pipeline.build_article` in this process, warm), so the glue's cost (S3 read, SQS, handler,
store writes and reconcile) shows whatever the load on the machine. Results go to
`bench/results/ingest.json` (read by `bench/cost.py`) and the "Ingest rate" section.

    python bench/ingest_rate.py [--pages 40] [--workers 1,2,4] [--stores opensearch,embedded]
                                [--corpus ../shared/corpus] [--no-write]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
from newsfacet.config import Settings
from newsfacet.localrun.run import LOCAL_CREDENTIALS, LocalRun, StackOptions
from newsfacet.localrun.worker import QueueWorker, load_handler

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import corpus_dir, load_average, machine, process_cpu_s, write_section

# The pipeline alone is measured in this process as the ingest function runs it (functions/ingest/app.py).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results" / "ingest.json"
START, END = "<!-- ingest-rate:start -->", "<!-- ingest-rate:end -->"
READY = "ready"
# Pages handled before the clock starts, at least one per worker: the first writes and the index's
# creation (with one page per worker, the first run met a colder node than the later ones). The node
# is still compiling its hot paths after them, as it is for a user who has just started the local
# stack: the node's JIT compiler CPU is measured apart.
WARM_UP_PAGES = 20


def drained(sqs: Any, queue_url: str) -> bool:
    attributes = sqs.get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return all(int(value) == 0 for value in attributes.values())


def wait_until_drained(sqs: Any, queue_url: str) -> None:
    time.sleep(1.0)
    while not (drained(sqs, queue_url) and drained(sqs, queue_url)):
        time.sleep(0.25)


def _credentials() -> dict[str, str]:
    return {
        "aws_access_key_id": LOCAL_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": LOCAL_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    }


def run_worker(queue_url: str, queue_arn: str, region: str) -> int:
    """One worker process: load the ingest handler (its init warms the pipeline), say so, poll until
    SIGTERM. The stack's environment (endpoint, store, credentials) comes from the parent."""
    handler = load_handler(REPO / "functions" / "ingest" / "app.py")
    sqs = boto3.session.Session(region_name=region, **_credentials()).client(
        "sqs", endpoint_url=os.environ["AWS_ENDPOINT_URL"]
    )
    worker = QueueWorker(
        sqs=sqs,
        queue_url=queue_url,
        queue_arn=queue_arn,
        region=region,
        handler=handler,
        log=open(os.devnull, "w"),  # noqa: SIM115 - for the process's lifetime
    )
    terminated = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: terminated.set())
    worker.start()
    print(READY, flush=True)
    terminated.wait()
    worker.stop()
    return 0


def pipeline_cpu_per_article(pages: list[Path]) -> float:
    """CPU ms per article of `pipeline.build_article` alone, in this process, after a warm-up."""
    import gzip

    from newsfacet.model import Origin
    from newsfacet.pipeline import build_article

    settings = Settings()
    raws = [gzip.decompress(path.read_bytes()) for path in pages]
    build_article(raws[0], Origin(bucket="b", key="warm-up"), 1, settings)
    started = time.process_time()
    for n, raw in enumerate(raws):
        build_article(raw, Origin(bucket="b", key=f"{n}.html"), 1, settings)
    return (time.process_time() - started) * 1000 / len(raws)


def compiling_cpu_s(pid: int | None) -> float:
    """CPU seconds the JVM's just-in-time compiler threads of process `pid` have used (0 without a
    pid): a node started seconds ago spends much of its CPU compiling its hot paths."""
    if pid is None:
        return 0.0
    total = 0.0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):  # a thread that ended meanwhile
            stat = (task / "stat").read_text()
            if "CompilerThre" in stat[: stat.rindex(")")]:
                fields = stat.rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def node_cpu_s(pid: int | None) -> tuple[float, float]:
    """The node's CPU seconds so far: all its threads, and its compiler threads."""
    return process_cpu_s(pid), compiling_cpu_s(pid)


def measure(
    pages: list[Path], warm_ups: list[Path], workers: int, store: str, node_pid: int | None
) -> dict[str, Any]:
    """Upload every page at once to a fresh stack with `workers` worker processes, once they have
    handled `warm_ups` (other pages: the same page twice is one article). Beside the workers' CPU,
    the OpenSearch node's (`node_pid`: every thread, and its JIT compiler's) and this process's
    (moto's S3 and SQS, the polling), so that what an upload costs the machine shows whole."""
    settings = Settings(store=store, index_alias=f"ingest-{uuid.uuid4().hex[:8]}")
    os.environ["NEWSFACET_INDEX_ALIAS"] = settings.index_alias  # for the search handler and the workers
    options = StackOptions(port=0, upload_samples=False, quiet=True, root=REPO, ingest_worker=False)
    with LocalRun(settings, options, log=open(os.devnull, "w")) as stack:
        environment = dict(os.environ)
        children = [
            subprocess.Popen(
                [sys.executable, __file__, "--worker", stack.queue_url, stack.queue_arn, stack.region],
                stdout=subprocess.PIPE,
                text=True,
                env=environment,
            )
            for _ in range(workers)
        ]
        try:
            for child in children:
                assert child.stdout is not None and child.stdout.readline().strip() == READY
            session = boto3.session.Session(region_name=stack.region, **_credentials())
            s3 = session.client("s3", endpoint_url=stack.s3_endpoint)
            sqs = session.client("sqs", endpoint_url=stack.s3_endpoint)
            for path in warm_ups:
                s3.put_object(Bucket=stack.bucket, Key=f"warm-up/{path.name}", Body=path.read_bytes())
            wait_until_drained(sqs, stack.queue_url)
            time.sleep(1.5)  # OpenSearch's refresh interval, before counting what is searchable
            warmed = stack.searchable_count()
            cpu_before = sum(process_cpu_s(child.pid) for child in children)
            node_before, stack_before = node_cpu_s(node_pid), time.process_time()
            started = time.perf_counter()
            for path in pages:
                s3.put_object(Bucket=stack.bucket, Key=f"bench/{path.name}", Body=path.read_bytes())
            wait_until_drained(sqs, stack.queue_url)
            seconds = time.perf_counter() - started
            cpu = sum(process_cpu_s(child.pid) for child in children) - cpu_before
            node_after, stack_cpu = node_cpu_s(node_pid), time.process_time() - stack_before
        finally:
            for child in children:
                child.terminate()
            for child in children:
                child.wait(timeout=30)
        time.sleep(1.5)  # OpenSearch's refresh interval, before counting what is searchable
        searchable = stack.searchable_count() - warmed
    return {
        "workers": workers,
        "uploads": len(pages),
        "searchable": searchable,
        "seconds": seconds,
        "uploads_per_s": len(pages) / seconds,
        "worker_cpu_ms_per_upload": cpu * 1000 / len(pages),
        "node_cpu_ms_per_upload": (node_after[0] - node_before[0]) * 1000 / len(pages),
        "node_jit_cpu_ms_per_upload": (node_after[1] - node_before[1]) * 1000 / len(pages),
        "stack_cpu_ms_per_upload": stack_cpu * 1000 / len(pages),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--stores", default="opensearch,embedded")
    parser.add_argument("--corpus", type=Path, help="default: $NEWSFACET_CORPUS or ../shared/corpus")
    parser.add_argument(
        "--worker", nargs=3, metavar=("QUEUE_URL", "QUEUE_ARN", "REGION"), help=argparse.SUPPRESS
    )
    parser.add_argument("--report-only", action="store_true", help="rewrite the section from saved results")
    parser.add_argument(
        "--no-write", action="store_true", help="print the results only (no results file, no section)"
    )
    args = parser.parse_args()
    if args.worker:
        return run_worker(*args.worker)
    if args.report_only:
        write_section(report(json.loads(RESULTS.read_text(encoding="utf-8"))), START, END)
        return 0
    workers_counts = [int(n) for n in args.workers.split(",")]
    found = sorted((corpus_dir(args.corpus) / "aeb" / "html_gz").glob("*.html.gz"))
    warm_up_count = max(WARM_UP_PAGES, *workers_counts)
    pages, warm_ups = found[: args.pages], found[args.pages : args.pages + warm_up_count]
    if len(warm_ups) < warm_up_count:
        print(
            f"need {args.pages + warm_up_count} pages in {corpus_dir(args.corpus)}/aeb/html_gz",
            file=sys.stderr,
        )
        return 2
    pipeline_ms = pipeline_cpu_per_article(pages)
    print(f"pipeline alone: {pipeline_ms:.0f} CPU ms per article", file=sys.stderr, flush=True)
    runs = []
    node = None
    try:
        # The stores alternate at each worker count, so that both meet about the same load on a
        # shared machine and their ratio means something even when the load changes.
        for workers in workers_counts:
            for store in args.stores.split(","):
                with tempfile.TemporaryDirectory(prefix="nf-ingest-") as scratch:
                    if store == "opensearch" and node is None:
                        sys.path.insert(0, str(REPO))
                        from infrastructure.opensearch.node import LocalNode

                        node = LocalNode.start()
                        os.environ["NEWSFACET_OPENSEARCH_AUTH"] = "none"
                    url = node.url if store == "opensearch" and node else f"sqlite:///{scratch}/articles.db"
                    node_pid = node.process.pid if store == "opensearch" and node else None
                    run = {"store": store, **measure(pages, warm_ups, workers, url, node_pid)}
                    print(run, file=sys.stderr, flush=True)
                    runs.append(run)
    finally:
        if node is not None:
            node.stop()
    result = {
        "date": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "machine": machine(),
        "load_average": load_average(),
        "pipeline_cpu_ms_per_article": pipeline_ms,
        "warm_up_pages": warm_up_count,
        "runs": runs,
    }
    if args.no_write:
        print(report(result))
        return 0
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    write_section(report(result), START, END)
    return 0


def report(result: dict[str, Any]) -> str:
    pipeline_ms = result["pipeline_cpu_ms_per_article"]
    runs = sorted(result["runs"], key=lambda run: (run["store"] != "opensearch", run["workers"]))
    rows = [
        f"| {run['store']} | {run['workers']} | {run['uploads']} | {run['searchable']} |"
        f" {run['seconds']:.1f} | {run['uploads_per_s']:.2f} | {run['worker_cpu_ms_per_upload']:.0f} |"
        f" {run['worker_cpu_ms_per_upload'] / pipeline_ms:.2f}x | {_node_cpu(run)} |"
        f" {run.get('stack_cpu_ms_per_upload', 0):.0f} |"
        for run in runs
    ]
    return "\n".join(
        [
            START,
            "## Ingest end to end through the local stack (`bench/ingest_rate.py`)",
            "",
            f"Run ending {result['date']} on {result['machine']}; load average at the end"
            f" {result['load_average']}. On two cores, with more"
            " workers than free cores, wall-clock rates cannot scale, so the workers' CPU per upload is"
            " the figure to read for the glue's cost.",
            "",
            "The pipeline alone (`pipeline.build_article`, warm, one core, one BLAS thread as the ingest"
            f" function runs it): {pipeline_ms:.0f} CPU ms per"
            f" article, {1000 / pipeline_ms:.1f} articles per CPU-second. End to end: the pages uploaded"
            f" through S3 at once after {result['warm_up_pages']} warm-up pages (the first writes and the"
            " index's creation); the clock stops when the queue is drained; worker processes poll SQS"
            " (10 messages per receive, the most SQS returns; Lambda"
            " gathers the template's BatchSize from several) and call the ingest handler, as Lambda"
            " would; the OpenSearch node shares the machine, started when the run starts, as"
            " `newsfacet local --opensearch` starts it (its JIT compiler's share of its CPU in"
            " brackets), and moto (S3 and SQS) runs in the benchmark's process.",
            "",
            "| store | workers | uploads | searchable | seconds | uploads/s | worker CPU ms/upload |"
            " vs pipeline alone | node CPU ms/upload (JIT compiler) | moto CPU ms/upload |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            *rows,
            "",
            shares(result["runs"]),
            *busy_machine_note(result["load_average"]),
            END,
        ]
    )


def _node_cpu(run: dict[str, Any]) -> str:
    if run["store"] != "opensearch" or "node_cpu_ms_per_upload" not in run:
        return "-"
    return f"{run['node_cpu_ms_per_upload']:.0f} ({run['node_jit_cpu_ms_per_upload']:.0f})"


def busy_machine_note(load_average: str) -> list[str]:
    """A warning under the table when the machine was busy enough to swamp the comparison."""
    load = float(load_average.split("/", maxsplit=1)[0])
    cores = os.cpu_count() or 1
    if load <= cores:
        return []
    return [
        "",
        f"The load was {load:.1f} on {cores} cores: the other jobs' CPU swamps both engines' wall-clock"
        " rates and the share between them (the OpenSearch node competes for the cores as one more"
        " process); judge the share on a quiet machine, and read `bench/ingest_store_calls.py` for the"
        " store's own time per record.",
    ]


def shares(runs: list[dict[str, Any]]) -> str:
    """OpenSearch's rate as a share of the embedded store's, at each worker count both ran."""
    rates = {(run["store"], run["workers"]): run["uploads_per_s"] for run in runs}
    pairs = [
        f"{workers} worker{'s' if workers > 1 else ''} {rates['opensearch', workers] / rate:.0%}"
        for (store, workers), rate in sorted(rates.items(), key=lambda item: item[0][1])
        if store == "embedded" and ("opensearch", workers) in rates
    ]
    return (
        "OpenSearch's rate as a share of the embedded store's (the two measured one after the other"
        " at each worker count): " + ", ".join(pairs) + "."
    )


if __name__ == "__main__":
    sys.exit(main())
