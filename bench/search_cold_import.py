"""Cold import time of the search Lambda's handler module, and what it loads.

Each run is a fresh interpreter (like a new Lambda execution environment) that imports
`functions/search/app.py` and reports how long the import took, excluding interpreter start-up,
which Lambda's Python runtime pays before our code anyway. Bytecode is compiled first, as it is in
a deployed package built with compiled `.pyc` files. Target: under 0.4 s. Writes the "Search function
cold import" section of docs/BENCHMARKS.md (`make package` measures the built artifact the same way).

    .venv/bin/python bench/search_cold_import.py [--runs 15]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import load_average, machine, write_section

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "functions" / "search" / "app.py"
START, END = "<!-- search-cold-import: start -->", "<!-- search-cold-import: end -->"
HEAVY = ("spacy", "thinc", "trafilatura", "lxml", "opensearchpy", "newsfacet.ingest", "newsfacet.extract")

PROBE = """
import importlib.util, json, sys, time
started, cpu_started = time.perf_counter(), time.process_time()
spec = importlib.util.spec_from_file_location("app", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
print(json.dumps({"seconds": elapsed, "cpu_seconds": cpu, "modules": sorted(sys.modules)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    compileall.compile_dir(REPO / "shared" / "newsfacet", quiet=1)
    compileall.compile_dir(REPO / "functions" / "search", quiet=1)

    seconds: list[float] = []
    cpu_seconds: list[float] = []
    modules: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "NEWSFACET_STORE": f"sqlite:///{scratch}/bench.db"}
        # One discarded run writes any .pyc still missing in site-packages, as a built package has.
        for _ in range(args.runs + 1):
            completed = subprocess.run(
                [sys.executable, "-c", PROBE, str(APP)], capture_output=True, text=True, env=env, check=True
            )
            report = json.loads(completed.stdout)
            seconds.append(report["seconds"])
            cpu_seconds.append(report["cpu_seconds"])
            modules = report["modules"]
        seconds, cpu_seconds = seconds[1:], cpu_seconds[1:]

    heavy = [name for name in modules if name.startswith(HEAVY)]
    wall, cpu = statistics.median(seconds), statistics.median(cpu_seconds)
    section = "\n".join(
        [
            START,
            "## Search function cold import (`bench/search_cold_import.py`)",
            "",
            f"{datetime.now(UTC):%Y-%m-%d}, {machine()}; load average at the end {load_average()} (the"
            " machine is shared: wall times include waiting for a core; CPU time is what the import costs"
            " with a core to itself, as in a Lambda environment). Each run is a fresh interpreter importing"
            " `functions/search/app.py` from the checkout's venv (bytecode compiled; one discarded warm-up"
            " run), timing the import only, not interpreter start-up.",
            "",
            "| runs | wall median | wall best | wall worst | CPU median | CPU best |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {len(seconds)} | {wall:.3f} s | {min(seconds):.3f} s | {max(seconds):.3f} s | {cpu:.3f} s |"
            f" {min(cpu_seconds):.3f} s |",
            "",
            f"Target: under 0.4 s (CPU median: {'met' if cpu < 0.4 else 'missed'}). {len(modules)} modules"
            f" are loaded; of spaCy, thinc, trafilatura, lxml, opensearch-py and the ingest pipeline:"
            f" {', '.join(heavy) or 'none'} (also asserted by"
            " `tests/unit/test_api.py::test_the_search_function_does_not_import_the_nlp_stack`).",
            END,
        ]
    )
    print(section)
    write_section(section, START, END)


if __name__ == "__main__":
    main()
