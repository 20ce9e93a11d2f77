"""Ingest rate through the local stack (moto S3 + SQS, the ingest handler), on both engines.

The same pages (the corpus's `aeb/html_gz`, N of them) are uploaded through S3 as fast as boto3
puts them; the clock stops when the ingest queue is drained (no message visible or in flight).
Writes `docs/BENCHMARKS.md`'s "Ingest rate" section.

    python bench/ingest_rate.py [--pages 60] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import boto3
from newsfacet.config import Settings
from newsfacet.localrun.run import LOCAL_CREDENTIALS, LocalRun, StackOptions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import load_average, machine, write_section

REPO = Path(__file__).resolve().parents[1]
START, END = "<!-- ingest-rate:start -->", "<!-- ingest-rate:end -->"


def drained(sqs: object, queue_url: str) -> bool:
    attributes = sqs.get_queue_attributes(  # type: ignore[attr-defined]
        QueueUrl=queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return all(int(value) == 0 for value in attributes.values())


def measure(pages: list[Path], warm_up: Path, *, opensearch: bool) -> tuple[float, int]:
    """(seconds from the first upload to a drained queue, articles searchable besides `warm_up`)."""
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(store=f"sqlite:///{scratch}/articles.db")
        options = StackOptions(
            port=0, upload_samples=False, start_opensearch=opensearch, quiet=True, root=REPO
        )
        with LocalRun(settings, options, log=open(os.devnull, "w")) as stack:
            session = boto3.session.Session(region_name=stack.region, **_credentials())
            s3 = session.client("s3", endpoint_url=stack.s3_endpoint)
            sqs = session.client("sqs", endpoint_url=stack.s3_endpoint)
            # Warm up first (the pipeline's first call, a cold JVM's first requests, index creation):
            # the figure is the steady rate, not a cold start.
            s3.put_object(Bucket=stack.bucket, Key="warm-up.html.gz", Body=warm_up.read_bytes())
            wait_until_drained(sqs, stack.queue_url)
            started = time.perf_counter()
            for path in pages:
                s3.put_object(Bucket=stack.bucket, Key=f"bench/{path.name}", Body=path.read_bytes())
            wait_until_drained(sqs, stack.queue_url)
            elapsed = time.perf_counter() - started
            return elapsed, stack.searchable_count() - 1


def wait_until_drained(sqs: object, queue_url: str) -> None:
    time.sleep(1.0)
    while not (drained(sqs, queue_url) and drained(sqs, queue_url)):
        time.sleep(0.25)


def _credentials() -> dict[str, str]:
    return {
        "aws_access_key_id": LOCAL_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": LOCAL_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    args = parser.parse_args()
    found = sorted((args.corpus / "aeb" / "html_gz").glob("*.html.gz"))
    pages, warm_up = found[: args.pages], found[args.pages : args.pages + 1]
    if not pages or not warm_up:
        print(f"fewer than {args.pages + 1} pages under {args.corpus}/aeb/html_gz", file=sys.stderr)
        return 2
    rows = []
    rates = {}
    for engine, opensearch in (("embedded", False), ("OpenSearch", True)):
        seconds, searchable = measure(pages, warm_up[0], opensearch=opensearch)
        rates[engine] = len(pages) / seconds
        rows.append(f"| {engine} | {len(pages)} | {searchable} | {seconds:.1f} | {rates[engine]:.1f} |")
        print(rows[-1], flush=True)
    ratio = rates["OpenSearch"] / rates["embedded"]
    section = "\n".join(
        [
            START,
            "## Ingest rate through the local stack",
            "",
            f"`bench/ingest_rate.py`, {datetime.now(UTC):%Y-%m-%d}, {machine()}, load {load_average()}.",
            f"{len(pages)} corpus pages (`aeb/html_gz`) put through S3 at once, after one warm-up upload;",
            "the clock stops when the ingest queue is drained. The NLP pipeline runs in the one worker of",
            "the local stack; the OpenSearch node shares the machine's cores with it. The machine is shared",
            "with other jobs (see the load): the two rows, measured back to back, compare; their absolute",
            "rates move with the load.",
            "",
            "| store | uploads | searchable | seconds | uploads/s |",
            "|---|---|---|---|---|",
            *rows,
            "",
            f"OpenSearch reaches {ratio:.0%} of the embedded store's rate.",
            END,
        ]
    )
    write_section(section, START, END)
    print(f"OpenSearch / embedded: {ratio:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
