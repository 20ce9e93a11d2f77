"""Cold import time of the search Lambda's handler module, and what it loads.

Each run is a fresh interpreter (like a new Lambda execution environment) that imports
`functions/search/app.py` and reports how long the import took, excluding interpreter start-up,
which Lambda's Python runtime pays before our code anyway. Bytecode is compiled first, as it is in
a deployed package built with compiled `.pyc` files. Target: under 0.4 s.

    .venv/bin/python bench/search_cold_import.py [--runs 15]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "functions" / "search" / "app.py"
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
    print(f"search function cold import, {args.runs} fresh interpreters")
    wall, cpu = statistics.median(seconds), statistics.median(cpu_seconds)
    print(f"  wall: median {wall:.3f} s, min {min(seconds):.3f} s, max {max(seconds):.3f} s")
    # CPU time is what the import costs with a core to itself, as a Lambda environment has.
    print(f"  CPU:  median {cpu:.3f} s, min {min(cpu_seconds):.3f} s")
    print(f"  load average while measuring: {os.getloadavg()[0]:.1f}")
    print(f"  modules loaded: {len(modules)}; heavy ones: {heavy or 'none'}")
    print(f"  machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"  date: {datetime.now(UTC):%Y-%m-%d}")


if __name__ == "__main__":
    main()
