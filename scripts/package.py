"""Build both functions and the layer with `sam build`, trim the layer, measure, and report.

    python scripts/package.py --sam .venv-tools/bin/sam        (what `make package` runs)

Steps:
1. `sam build` (the layer from `shared/` with `shared/requirements.txt` -> `requirements/runtime.txt`).
2. Trim the built layer, in place, of what Lambda never loads (see `trim_layer`), strip debug symbols
   from shared objects, and compile bytecode with `unchecked-hash` validation: Lambda's /opt is
   read-only, so a missing or mtime-stale .pyc would be recompiled on every cold start.
3. Smoke-test the trimmed artifacts in a clean interpreter (no venv, only the built directories on
   the path): the ingest handler builds an article from a sample page, the search handler answers
   /health. A trim that removed something needed fails here, not in AWS.
4. Measure unzipped sizes (Lambda's 250 MB limit covers a function plus its layers, unzipped) and
   the cold import time of each handler, then rewrite the packaging section of docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import py_compile
import re
import shutil
import statistics
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / ".aws-sam" / "build"
LAYER = BUILD / "SharedLayer" / "python"
FUNCTIONS = {"ingest": BUILD / "IngestFunction", "search": BUILD / "SearchFunction"}
sys.path.insert(0, str(ROOT / "bench"))  # the benchmark reports' shared helpers
from report import cpu_model, write_section  # noqa: E402 - after the path it needs

SECTION_START = "<!-- package.py: start -->"
SECTION_END = "<!-- package.py: end -->"
LAMBDA_LIMIT_MB = 250


@dataclass(frozen=True)
class Timing:
    median_wall: float
    best_wall: float
    median_cpu: float

    def row(self, label: str) -> str:
        return f"| {label} | {self.median_wall:.3f} s | {self.best_wall:.3f} s | {self.median_cpu:.3f} s |"


# Botocore service models the functions call (S3, DynamoDB), may need for credentials (STS), or
# that the X-Ray SDK creates a client for at import (xray, found by the smoke test);
# the other ~440 services are dead weight. Endpoint, partition and retry data stay.
BOTOCORE_SERVICES = {"s3", "dynamodb", "sts", "sqs", "xray"}
# spaCy languages: English, the multi-language class, and those spaCy's registry imports when it
# populates itself (spacy/registrations.py: ja, ko, th, vi, zh tokenizers in 3.8).
SPACY_LANGUAGES = {"en", "xx"}
# Source and build files shipped inside wheels; Python never reads them at run time.
SOURCE_SUFFIXES = {".pyx", ".pxd", ".pxi", ".c", ".cpp", ".h", ".hpp"}


def run_sam_build(sam: str) -> None:
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0"}
    subprocess.run(
        [sam, "build", "--template", "template.yaml", "--build-dir", str(BUILD)],
        cwd=ROOT,
        check=True,
        env=env,
    )


def _remove(path: Path) -> int:
    """Delete a file or a tree; the bytes freed."""
    if not path.exists():
        return 0
    if path.is_dir():
        size = tree_bytes(path)
        shutil.rmtree(path)
        return size
    size = path.stat().st_size
    path.unlink()
    return size


def trim_layer(layer: Path) -> dict[str, int]:
    """Remove what no import reaches; returns bytes freed per rule (for the report)."""
    freed: dict[str, int] = {}

    def account(rule: str, paths: list[Path]) -> None:
        freed[rule] = freed.get(rule, 0) + sum(_remove(path) for path in paths)

    account("__pycache__ (recompiled below)", list(layer.rglob("__pycache__")))
    account(
        "test suites inside packages",
        [path for path in layer.glob("*/**/tests") if path.is_dir()] + [layer / "newsfacet.egg-info"],
    )
    account("Cython/C sources", [path for path in layer.rglob("*") if path.suffix in SOURCE_SUFFIXES])
    registered = set(
        re.findall(r"from \.lang\.(\w+) import", (layer / "spacy" / "registrations.py").read_text())
    )
    keep = SPACY_LANGUAGES | registered
    account(
        "spaCy languages never loaded",
        [
            path
            for path in (layer / "spacy" / "lang").iterdir()
            if path.is_dir() and path.name not in keep and path.name != "__pycache__"
        ],
    )
    account(
        "botocore models of services never called",
        [
            path
            for path in (layer / "botocore" / "data").iterdir()
            if path.is_dir() and path.name not in BOTOCORE_SERVICES
        ],
    )
    # pycountry: only the ISO databases are read; the locales are gettext translations of names.
    account("pycountry translations", [layer / "pycountry" / "locales"])
    # babel (used by courlan only to filter URLs by a target language, which we never set):
    # keep the root and English data, drop the other ~800 locales.
    account(
        "babel locales other than root/en",
        [
            path
            for path in (layer / "babel" / "locale-data").glob("*.dat")
            if not (path.stem == "root" or path.stem.startswith("en"))
        ],
    )
    # numpy's Fortran wrapper generator and legacy distutils are never imported at run time.
    account("numpy f2py/distutils", [layer / "numpy" / "f2py", layer / "numpy" / "distutils"])
    account("requirements file copied by sam", [layer / "requirements.txt"])
    freed["debug symbols in shared objects"] = strip_shared_objects(layer)
    return freed


def strip_shared_objects(layer: Path) -> int:
    """`strip --strip-unneeded` the extension modules (debug symbols only); the bytes freed.

    Libraries that auditwheel vendored into `<package>.libs/` were rewritten by patchelf, and
    stripping those corrupts them (numpy's OpenBLAS then fails to load): they are left alone.
    """
    strip = shutil.which("strip")
    if strip is None:
        print("strip not found: shared objects keep their debug symbols", file=sys.stderr)
        return 0
    libraries = [
        path
        for path in layer.rglob("*.so*")
        if path.is_file() and not any(parent.name.endswith(".libs") for parent in path.parents)
    ]
    before = sum(path.stat().st_size for path in libraries)
    for library in libraries:
        subprocess.run([strip, "--strip-unneeded", str(library)], check=False, capture_output=True)
    return before - sum(path.stat().st_size for path in libraries)


def compile_bytecode(*directories: Path) -> None:
    for directory in directories:
        compileall.compile_dir(
            directory,
            quiet=1,
            workers=1,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )


def tree_bytes(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def base_python() -> str:
    """The interpreter without our venv: the artifacts alone must be enough."""
    return getattr(sys, "_base_executable", sys.executable)


def _artifact_env(function_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "NEWSFACET_"))
    }
    env["PYTHONPATH"] = f"{function_dir}{os.pathsep}{LAYER}"  # Lambda: task root, then /opt/python
    env["POWERTOOLS_TRACE_DISABLED"] = "1"
    env["AWS_DEFAULT_REGION"] = "us-east-1"
    return env


def smoke_test() -> None:
    sample = sorted((ROOT / "samples").glob("*.html"))[0]
    ingest = textwrap.dedent(
        f"""
        import app
        from newsfacet.ingest import _default_builder
        from newsfacet.config import Settings
        from newsfacet.model import Article, Origin
        raw = open({str(sample)!r}, "rb").read()
        article = _default_builder()(raw, Origin(bucket="b", key="k.html"), 1, Settings())
        assert isinstance(article, Article), article
        assert article.actors or article.locations, "enrichment produced nothing"
        print("ingest ok:", article.title)
        """
    )
    search = textwrap.dedent(
        f"""
        import json, app
        class Context:
            function_name = "search"; memory_limit_in_mb = 512; aws_request_id = "smoke"
            invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:search"
        event = json.load(open({str(ROOT / "events" / "search-health.json")!r}))
        reply = app.lambda_handler(event, Context())
        assert reply["statusCode"] == 200, reply
        print("search ok:", reply["body"])
        """
    )
    for name, code in (("ingest", ingest), ("search", search)):
        env = _artifact_env(FUNCTIONS[name])
        if name == "search":
            env["NEWSFACET_STORE"] = "sqlite:///:memory:"
        subprocess.run([base_python(), "-S", "-c", code], check=True, env=env, cwd="/tmp")


def cold_import_seconds(function: str, runs: int = 7) -> Timing:
    """Wall and CPU time of `import app` in fresh interpreters with only the artifacts on the path."""
    code = (
        "import time; w, c = time.perf_counter(), time.process_time(); import app; "
        "print(time.perf_counter() - w, time.process_time() - c)"
    )
    env = _artifact_env(FUNCTIONS[function])
    env["NEWSFACET_STORE"] = "sqlite:///:memory:"
    return _timed(code, env, runs)


def _timed(code: str, env: dict[str, str], runs: int) -> Timing:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [base_python(), "-S", "-c", code], check=True, env=env, cwd="/tmp", capture_output=True, text=True
        ).stdout.split()
        samples.append((float(out[0]), float(out[1])))
    walls, cpus = [wall for wall, _ in samples], [cpu for _, cpu in samples]
    return Timing(statistics.median(walls), min(walls), statistics.median(cpus))


def first_article_seconds(runs: int = 3) -> Timing:
    """Import the ingest handler (which warms the pipeline up) and build a first real article, in
    fresh interpreters: the whole cold start of an ingest container."""
    sample = sorted((ROOT / "samples").glob("*.html"))[0]
    code = textwrap.dedent(
        f"""
        import time; w, c = time.perf_counter(), time.process_time()
        import app
        from newsfacet.ingest import _default_builder
        from newsfacet.config import Settings
        from newsfacet.model import Origin
        raw = open({str(sample)!r}, "rb").read()
        _default_builder()(raw, Origin(bucket="b", key="k.html"), 1, Settings())
        print(time.perf_counter() - w, time.process_time() - c)
        """
    )
    return _timed(code, _artifact_env(FUNCTIONS["ingest"]), runs)


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def report(before: int, freed: dict[str, int], timings: dict[str, Timing]) -> str:
    layer = tree_bytes(LAYER.parent)
    sizes = {name: tree_bytes(path) for name, path in FUNCTIONS.items()}
    largest = sorted(
        ((tree_bytes(path), path.name) for path in LAYER.iterdir() if path.is_dir()), reverse=True
    )[:8]
    cpu = cpu_model()
    lines = [
        SECTION_START,
        "## Packaging (Lambda artifacts)",
        "",
        f"Measured by `make package` (`scripts/package.py`) on {datetime.now(UTC):%Y-%m-%d}, "
        f"{platform.system()} {platform.machine()} ({cpu}, {os.cpu_count()} cores shared with other "
        f"jobs), Python {platform.python_version()}. Sizes are unzipped bytes (1 MB = 10^6 bytes), "
        "what Lambda's 250 MB limit (function + layers) counts.",
        "",
        "| artifact | unzipped MB |",
        "|---|---|",
        f"| layer as `sam build` makes it | {megabytes(before)} |",
        f"| layer after trimming (`python/`, with bytecode) | {megabytes(layer)} |",
        f"| ingest function code | {megabytes(sizes['ingest'])} |",
        f"| search function code | {megabytes(sizes['search'])} |",
        f"| **ingest side (function + layer)** | **{megabytes(layer + sizes['ingest'])}** "
        f"(limit {LAMBDA_LIMIT_MB}) |",
        f"| **search side (function + layer)** | **{megabytes(layer + sizes['search'])}** "
        f"(limit {LAMBDA_LIMIT_MB}) |",
        "",
        "What trimming removed:",
        "",
        "| rule | MB freed |",
        "|---|---|",
        *[f"| {rule} | {megabytes(size)} |" for rule, size in freed.items()],
        "",
        "Largest packages left in the layer: "
        + ", ".join(f"{name} {megabytes(size)} MB" for size, name in largest)
        + ".",
        "",
        "Cold imports, fresh interpreter, only the built artifacts on the path (no venv), bytecode "
        f"compiled with `unchecked-hash`; load average {os.getloadavg()[0]:.1f} on this shared machine "
        "during the run, so wall times include waiting for a core and CPU time is the fairer figure:",
        "",
        "| handler | median wall | best wall | median CPU |",
        "|---|---|---|---|",
        timings["search"].row("search: `import app` (target < 0.4 s)"),
        timings["ingest"].row("ingest: `import app` (init: warms up trafilatura, spaCy, geo tables)"),
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
    parser.add_argument("--skip-build", action="store_true", help="re-trim and re-measure the last build")
    args = parser.parse_args()
    if not args.skip_build:
        run_sam_build(args.sam)
    before = tree_bytes(LAYER.parent)
    freed = trim_layer(LAYER)
    compile_bytecode(LAYER, *FUNCTIONS.values())
    smoke_test()
    timings = {
        "search": cold_import_seconds("search"),
        "ingest": cold_import_seconds("ingest"),
        "ingest_first": first_article_seconds(),
    }
    section = report(before, freed, timings)
    write_section(section, SECTION_START, SECTION_END)
    print(section)
    ingest_total = tree_bytes(LAYER.parent) + tree_bytes(FUNCTIONS["ingest"])
    if ingest_total > LAMBDA_LIMIT_MB * 1_000_000:
        print(f"ingest side is {megabytes(ingest_total)} MB unzipped: over the Lambda limit", file=sys.stderr)
        return 1
    print(json.dumps({"ingest_unzipped_mb": round(ingest_total / 1e6, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
