"""Dollars per million articles ingested and per million searches on AWS at template.yaml's defaults,
from the CPU times the other benchmarks measured (`bench/results/*.json`, written by
`bench/ingest_rate.py` and `bench/search.py`; run those first).

    .venv/bin/python bench/cost.py [--corpus ../shared/corpus]

Lambda bills GB-seconds of wall-clock duration; the figures below use the measured CPU time (a
2,048 MB ingest function gets about 1.2 vCPUs, so a single-threaded handler's duration is its CPU
time plus its waits on S3, SQS and OpenSearch, which are left out and noted). OpenSearch capacity is
costed from the node's measured CPU per document and per query, as a share of an instance's vCPU
hours (or of an OCU, taken as one vCPU); the fixed floor (the instance or the minimum OCUs running
all month) is shown apart. Prices: on-demand list prices for us-east-1 as known to us in December
2026 (PRICES below); check the AWS pricing pages before relying on them.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import corpus_dir, write_section

RESULTS = Path(__file__).resolve().parent / "results"
START, END = "<!-- bench/cost.py: start -->", "<!-- bench/cost.py: end -->"
HOURS_PER_MONTH = 730

PRICES = {
    "lambda_gb_s": 0.0000166667,  # x86_64
    "lambda_request": 0.20 / 1e6,
    "sqs_request": 0.40 / 1e6,  # standard queue, per 64 KB request
    "s3_put": 0.005 / 1000,
    "s3_get": 0.0004 / 1000,
    "s3_gb_month": 0.023,
    "api_gateway_rest_request": 3.50 / 1e6,  # REST API (AWS::Serverless::Api), first 333 million
    "t3_small_search_hour": 0.036,  # 2 vCPUs, 2 GiB: the template's default data node
    "gp3_gb_month": 0.122,  # OpenSearch Service gp3 storage
    "ocu_hour": 0.24,
    "serverless_gb_month": 0.024,
}
# template.yaml's defaults
INGEST_MEMORY_GB = 2.0
SEARCH_MEMORY_GB = 0.5
SQS_CALL_MESSAGES = 10  # the most messages one ReceiveMessage or DeleteMessageBatch call handles
DOMAIN_VCPUS = 2
DOMAIN_VOLUME_GB = 10
MIN_OCUS = 2  # redundancy on (CollectionStandbyReplicas ENABLED): 0.5 x 2 indexing + 0.5 x 2 search


def ingest_batch_size() -> int:
    """The ingest function's SQS `BatchSize` in template.yaml (records per invocation)."""
    template = (Path(__file__).resolve().parents[1] / "template.yaml").read_text(encoding="utf-8")
    found = re.search(r"^\s+BatchSize: (\d+)", template, re.MULTILINE)
    assert found, "template.yaml has no BatchSize"
    return int(found.group(1))


def mean_upload_bytes(corpus: Path) -> float:
    pages = list((corpus / "aeb" / "html_gz").glob("*.html.gz"))
    return statistics.mean(page.stat().st_size for page in pages)


def compute(ingest: dict[str, Any], search: dict[str, Any], upload_bytes: float) -> dict[str, Any]:
    runs = [run for run in ingest["runs"] if run["store"] == "opensearch"] or ingest["runs"]
    worker_cpu_s = statistics.mean(run["worker_cpu_ms_per_upload"] for run in runs) / 1000
    step = search["steps"][-1]  # the largest size measured
    node_index_cpu_s = step["index_server_cpu_ms_per_doc"] / 1000
    kinds = step["latency"].values()
    node_query_cpu_s = statistics.mean(kind["server_cpu_ms_mean"] for kind in kinds) / 1000
    client_query_cpu_s = statistics.mean(kind["cpu_p50"] for kind in kinds) / 1000
    bytes_per_article = step["bytes_per_article"]
    p = PRICES
    million = 1e6
    vcpu_hour = p["t3_small_search_hour"] / DOMAIN_VCPUS
    batch = ingest_batch_size()
    lambda_ingest = (
        f"Lambda ingest: {worker_cpu_s * 1000:.0f} ms CPU x {INGEST_MEMORY_GB:g} GB, one call per {batch}"
    )
    domain_index = (
        f"OpenSearch domain: {node_index_cpu_s * 1000:.2f} ms node CPU per article (t3.small vCPU-h)"
    )
    ingest_rows = {
        "S3: the upload (PUT) and the ingest's read (GET)": million * (p["s3_put"] + p["s3_get"]),
        "SQS: the notification, and a receive and a delete per 10 messages": million
        * (1 + 2 / SQS_CALL_MESSAGES)
        * p["sqs_request"],
        lambda_ingest: million
        * (worker_cpu_s * INGEST_MEMORY_GB * p["lambda_gb_s"] + p["lambda_request"] / batch),
        domain_index: million * node_index_cpu_s / 3600 * vcpu_hour,
        "Serverless: the same CPU as indexing OCU-hours": million * node_index_cpu_s / 3600 * p["ocu_hour"],
    }
    search_seconds = client_query_cpu_s + node_query_cpu_s
    lambda_search = (
        f"Lambda search: {search_seconds * 1000:.1f} ms (own CPU + the node's) x {SEARCH_MEMORY_GB:g} GB"
    )
    domain_search = (
        f"OpenSearch domain: {node_query_cpu_s * 1000:.1f} ms node CPU per search (t3.small vCPU-h)"
    )
    search_rows = {
        "API Gateway (REST)": million * p["api_gateway_rest_request"],
        lambda_search: million * (search_seconds * SEARCH_MEMORY_GB * p["lambda_gb_s"] + p["lambda_request"]),
        domain_search: million * node_query_cpu_s / 3600 * vcpu_hour,
        "Serverless: the same CPU as search OCU-hours": million * node_query_cpu_s / 3600 * p["ocu_hour"],
    }
    gb_per_million = million * bytes_per_article / 1e9
    uploads = f"S3: a million raw uploads ({upload_bytes / 1000:.0f} kB each, gzip), per month"
    domain_disk = (
        f"OpenSearch domain: a million articles' index ({gb_per_million:.1f} GB, no replica), gp3 per month"
    )
    domain_floor = f"OpenSearch domain floor: 1 x t3.small.search + {DOMAIN_VOLUME_GB} GB gp3, per month"
    monthly = {
        uploads: million * upload_bytes / 1e9 * p["s3_gb_month"],
        domain_disk: gb_per_million * p["gp3_gb_month"],
        "Serverless: the same bytes, managed storage per month": gb_per_million * p["serverless_gb_month"],
        domain_floor: HOURS_PER_MONTH * p["t3_small_search_hour"] + DOMAIN_VOLUME_GB * p["gp3_gb_month"],
        f"Serverless floor: {MIN_OCUS} OCUs all month": MIN_OCUS * HOURS_PER_MONTH * p["ocu_hour"],
    }
    return {
        "ingest": ingest_rows,
        "search": search_rows,
        "monthly": monthly,
        "articles_measured": step["articles"],
        "bytes_per_article": bytes_per_article,
    }


def report(costs: dict[str, Any], ingest: dict[str, Any], search: dict[str, Any]) -> str:
    def table(rows: dict[str, float], total: str | None) -> list[str]:
        lines = ["| item | US$ |", "|---|---:|"]
        lines += [f"| {item} | {dollars:,.2f} |" for item, dollars in rows.items()]
        if total:
            domain = sum(v for k, v in rows.items() if not k.startswith("Serverless"))
            serverless = sum(v for k, v in rows.items() if not k.startswith("OpenSearch domain"))
            lines.append(f"| **{total}, with a domain** | **{domain:,.2f}** |")
            lines.append(f"| **{total}, on Serverless** | **{serverless:,.2f}** |")
        return lines

    return "\n".join(
        [
            START,
            "## Cost at the template's defaults (`bench/cost.py`)",
            "",
            f"From `bench/ingest_rate.py` ({ingest['date']}: the ingest workers' CPU per upload) and"
            f" `bench/search.py` ({search['date']}, OpenSearch at {costs['articles_measured']:,} articles:"
            " the node's CPU per indexed article and per search, the search client's CPU). On-demand list"
            " prices for us-east-1 as known in December 2026 (`PRICES` in the script). Lambda durations"
            " are CPU time only (waits on S3, SQS and OpenSearch are billed too and not counted here);"
            " the domain's and an OCU's share are their vCPU-hours the measured node CPU takes, which"
            " assumes a t3.small sustains them (its CPU credits do not, for long: see docs/SCALING.md).",
            "",
            "Per million articles ingested:",
            "",
            *table(costs["ingest"], "per million articles"),
            "",
            "Per million searches (the query mix of `bench/search.py`):",
            "",
            *table(costs["search"], "per million searches"),
            "",
            "Held, per month:",
            "",
            *table(costs["monthly"], None),
            END,
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, help="default: $NEWSFACET_CORPUS or ../shared/corpus")
    args = parser.parse_args()
    try:
        ingest = json.loads((RESULTS / "ingest.json").read_text(encoding="utf-8"))
        search = json.loads((RESULTS / "search-opensearch.json").read_text(encoding="utf-8"))
    except FileNotFoundError as missing:
        print(
            f"{missing.filename} missing: run bench/ingest_rate.py and bench/search.py first", file=sys.stderr
        )
        return 2
    costs = compute(ingest, search, mean_upload_bytes(corpus_dir(args.corpus)))
    section = report(costs, ingest, search)
    print(section)
    write_section(section, START, END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
