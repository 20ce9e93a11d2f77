"""`sam build` the functions and their layers, check the built artifacts, measure, and report.

    python scripts/package.py --sam .venv-tools/bin/sam        (what `make package` runs)

`sam build` alone makes deployable artifacts: each layer's trimming happens in its SAM build hook
(layers/Makefile, layers/trim.py). This script adds what a release wants on top:
1. `sam build` (cached: an unchanged layer is copied from .aws-sam/cache, not rebuilt).
2. Smoke-test the artifacts in a clean interpreter (no venv, only the built directories on the
   path): the ingest handler builds an article from a sample page, the search handler answers
   /health. tests/deploy/test_built_artifacts.py checks the same on every `make test`, with the
   helpers below.
3. Measure unzipped sizes (Lambda's 250 MB limit covers a function plus its layers, unzipped) and
   the cold import time of each handler, then rewrite the packaging section of docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / ".aws-sam" / "build"
# function -> (its built code, its built layer's python/ directory, mounted as /opt/python)
SIDES = {
    "ingest": (BUILD / "IngestFunction", BUILD / "IngestLayer" / "python"),
    "search": (BUILD / "SearchFunction", BUILD / "SearchLayer" / "python"),
    "reconcile": (BUILD / "ReconcileFunction", BUILD / "SearchLayer" / "python"),  # the slim layer too
}
sys.path.insert(0, str(ROOT / "bench"))  # the benchmark reports' shared helpers
from report import cpu_model, write_section  # noqa: E402 - after the path it needs

SECTION_START = "<!-- package.py: start -->"
SECTION_END = "<!-- package.py: end -->"
LAMBDA_LIMIT_MB = 250
# What we allow ourselves, below Lambda's limit: room for a patch release's growth.
SIDE_BUDGET_MB = {"ingest": 230, "search": 40, "reconcile": 40}


@dataclass(frozen=True)
class Timing:
    median_wall: float
    best_wall: float
    median_cpu: float
    best_cpu: float

    def row(self, label: str) -> str:
        return (
            f"| {label} | {self.median_wall:.3f} s | {self.best_wall:.3f} s | {self.median_cpu:.3f} s "
            f"| {self.best_cpu:.3f} s |"
        )


def run_sam_build(sam: str) -> str | None:
    """`sam build` as a user runs it (samconfig.toml: cached), with the repo's uv on PATH so the
    layer hooks install from uv's cache instead of pip's. None on success, else SAM's output tail."""
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0"}
    env["PATH"] = f"{ROOT / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    completed = subprocess.run([sam, "build"], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if completed.returncode:
        return (completed.stdout + completed.stderr)[-4000:]
    return None


def side_bytes(function: str) -> int:
    """Unzipped bytes of a function and its layer: what Lambda's limit counts."""
    code, layer = SIDES[function]
    return tree_bytes(code) + tree_bytes(layer)


def tree_bytes(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def base_python() -> str:
    """The interpreter without our venv: the artifacts alone must be enough."""
    return getattr(sys, "_base_executable", sys.executable)


def artifact_env(function: str, store: str | None = None) -> dict[str, str]:
    """An environment in which `import app` finds only the built function and its layer, in
    Lambda's order (task root, then /opt/python); `store` sets NEWSFACET_STORE."""
    code, layer = SIDES[function]
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "NEWSFACET_"))
    }
    env["PYTHONPATH"] = f"{code}{os.pathsep}{layer}"
    env["POWERTOOLS_TRACE_DISABLED"] = "1"
    env["AWS_DEFAULT_REGION"] = "us-east-1"
    if store is not None:
        env["NEWSFACET_STORE"] = store
    return env


def run_in_artifacts(
    function: str, code: str, store: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter without site-packages (`-S`), only the artifacts on its path."""
    return subprocess.run(
        [base_python(), "-S", "-c", code],
        check=False,
        env=artifact_env(function, store),
        cwd=cwd or BUILD,
        capture_output=True,
        text=True,
        timeout=300,
    )


def sample_page() -> Path:
    return sorted((ROOT / "samples").glob("*.html"))[0]


FIRST_ARTICLE = """
import app
from newsfacet.ingest import default_builder
from newsfacet.config import Settings
from newsfacet.model import Origin
raw = open({page!r}, "rb").read()
article = default_builder()(raw, Origin(bucket="b", key="k.html"), 1, Settings())
"""
SEARCH_HEALTH = """
import json, app
class Context:
    function_name = "search"; memory_limit_in_mb = 512; aws_request_id = "smoke"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:search"
reply = app.lambda_handler(json.load(open({event!r})), Context())
"""
# The reconcile handler's module, its clients' botocore models, and one reconcile of a listed bucket
# against the store (a bucket and queue need AWS; the listing is the one S3 would give).
RECONCILE_RUN = """
import boto3, app
from newsfacet.config import Settings
from newsfacet.objects.base import Bucket
from newsfacet.reconcile import reconcile
from newsfacet.rejections import open_rejection_log
from newsfacet.store import open_store
boto3.client("s3", region_name="us-east-1"), boto3.client("sqs", region_name="us-east-1")
boto3.client("dynamodb", region_name="us-east-1")
class Listed(Bucket):
    name = "uploads"
    requeued = []
    def keys(self): return ["world/talks.html"]
    def requeue(self, key): self.requeued.append(key)
settings = Settings.from_env()
report = reconcile(Listed(), open_store(settings), open_rejection_log(settings))
"""


def smoke_test() -> None:
    checks = {
        "ingest": FIRST_ARTICLE.format(page=str(sample_page()))
        + "assert article.actors or article.locations, article\nprint('ingest ok:', article.title)",
        "search": SEARCH_HEALTH.format(event=str(ROOT / "events" / "search-health.json"))
        + "assert reply['statusCode'] == 200, reply\nprint('search ok:', reply['body'])",
        "reconcile": RECONCILE_RUN
        + "assert report.missing == Listed.requeued, report\nprint('reconcile ok')",
    }
    for function, code in checks.items():
        completed = run_in_artifacts(function, code, store="sqlite:///:memory:")
        if completed.returncode:
            raise SystemExit(f"{function} smoke test failed:\n{completed.stderr}")
        print(completed.stdout, end="")


def cold_import_seconds(function: str, runs: int = 7) -> Timing:
    """Wall and CPU time of `import app` in fresh interpreters with only the artifacts on the path."""
    code = (
        "import time; w, c = time.perf_counter(), time.process_time(); import app; "
        "print(time.perf_counter() - w, time.process_time() - c)"
    )
    return _timed(function, code, runs)


def first_article_seconds(runs: int = 3) -> Timing:
    """Import the ingest handler (which warms the pipeline up) and build a first real article, in
    fresh interpreters: the whole cold start of an ingest container."""
    code = (
        "import time; w, c = time.perf_counter(), time.process_time()\n"
        + FIRST_ARTICLE.format(page=str(sample_page()))
        + "print(time.perf_counter() - w, time.process_time() - c)"
    )
    return _timed("ingest", code, runs)


def _timed(function: str, code: str, runs: int) -> Timing:
    samples = []
    for _ in range(runs):
        completed = run_in_artifacts(function, code, store="sqlite:///:memory:")
        completed.check_returncode()
        wall, cpu = completed.stdout.split()[-2:]
        samples.append((float(wall), float(cpu)))
    walls, cpus = [wall for wall, _ in samples], [cpu for _, cpu in samples]
    return Timing(statistics.median(walls), min(walls), statistics.median(cpus), min(cpus))


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def report(timings: dict[str, Timing]) -> str:
    cpu = cpu_model()
    rows = []
    for function, (code, layer) in SIDES.items():
        rows.append(
            f"| {layer.parent.name} (`python/`, trimmed, with bytecode) | {megabytes(tree_bytes(layer))} |"
        )
        rows.append(f"| {code.name} code | {megabytes(tree_bytes(code))} |")
        rows.append(
            f"| **{function} side (function + layer)** | **{megabytes(side_bytes(function))}** "
            f"(budget {SIDE_BUDGET_MB[function]}, Lambda limit {LAMBDA_LIMIT_MB}) |"
        )
    largest = sorted(
        ((tree_bytes(path), path.name) for path in SIDES["ingest"][1].iterdir() if path.is_dir()),
        reverse=True,
    )[:8]
    lines = [
        SECTION_START,
        "## Packaging (Lambda artifacts)",
        "",
        f"Measured by `make package` (`scripts/package.py`, which runs a plain `sam build`) on "
        f"{datetime.now(UTC):%Y-%m-%d}, {platform.system()} {platform.machine()} ({cpu}, "
        f"{os.cpu_count()} cores shared with other jobs), Python {platform.python_version()}. Sizes are "
        "unzipped bytes (1 MB = 10^6 bytes), what Lambda's 250 MB limit (function + layers) counts. "
        "Each layer is trimmed in its own SAM build hook (`layers/Makefile`, `layers/trim.py`, which "
        "prints what each rule freed); tests/deploy/test_built_artifacts.py fails `make test` when a "
        "side exceeds its budget.",
        "",
        "| artifact | unzipped MB |",
        "|---|---|",
        *rows,
        "",
        "Largest packages in the ingest layer: "
        + ", ".join(f"{name} {megabytes(size)} MB" for size, name in largest)
        + ".",
        "",
        "Cold imports, fresh interpreter, only the built artifacts on the path (no venv), bytecode "
        f"compiled with `unchecked-hash`; load average {os.getloadavg()[0]:.1f} on this shared machine "
        "during the run, so wall times include waiting for a core and CPU time is the fairer figure:",
        "",
        "| handler | median wall | best wall | median CPU | best CPU |",
        "|---|---|---|---|---|",
        timings["search"].row("search: `import app` (target < 0.4 s)"),
        timings["ingest"].row(
            "ingest: `import app` (target < 1.5 s; init: warms up trafilatura, spaCy, geo tables)"
        ),
        timings["ingest_first"].row("ingest: `import app` + a first real article"),
        "",
        "The ingest handler warms the pipeline up at import, in Lambda's init phase (which runs on a "
        "full CPU), so the first record pays only for its own article; the last row is the whole "
        "cold start of an ingest container.",
        SECTION_END,
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sam", default="sam", help="the sam executable (make passes .venv-tools/bin/sam)")
    parser.add_argument("--skip-build", action="store_true", help="re-measure the last build")
    parser.add_argument("--no-write", action="store_true", help="print the section; leave docs/BENCHMARKS.md")
    args = parser.parse_args()
    failure = None if args.skip_build else run_sam_build(args.sam)
    if failure:
        print(failure, file=sys.stderr)
        return 1
    smoke_test()
    timings = {
        "search": cold_import_seconds("search"),
        "ingest": cold_import_seconds("ingest"),
        "ingest_first": first_article_seconds(),
    }
    section = report(timings)
    if not args.no_write:
        write_section(section, SECTION_START, SECTION_END)
    print(section)
    sizes = {function: round(side_bytes(function) / 1e6, 1) for function in SIDES}
    print(json.dumps({"unzipped_mb": sizes}))
    over = [function for function, size in sizes.items() if size > SIDE_BUDGET_MB[function]]
    if over:
        print(f"over budget: {over}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
