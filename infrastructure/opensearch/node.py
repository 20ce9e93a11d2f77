"""A local single-node OpenSearch 2.19 built from Maven Central jars: no Docker, no tarball.

    python -m infrastructure.opensearch.node build   # fetch jars (cached in ~/.m2), compile the launcher
    python -m infrastructure.opensearch.node run     # start in the foreground; Ctrl-C stops it
    python -m infrastructure.opensearch.node start   # start in the background, print the URL
    python -m infrastructure.opensearch.node url     # the URL of the background node
    python -m infrastructure.opensearch.node stop    # stop it and remove its data

The node listens on 127.0.0.1 on a free port, keeps its data in a temporary directory that stopping
removes, runs with a small heap and without security, and is ready when this module says so: the
cluster is green. `LocalNode` is the same thing as a Python object (the test session uses it).

Only the standard library is used, so the launcher works before (and without) the project's venv.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
POM = HERE / "pom.xml"
SOURCES = HERE / "src"
STATE_DIR = ROOT / ".opensearch"  # git-ignored: build output and the background node's state
BUILD_DIR = STATE_DIR / "target"
CLASSES_DIR = BUILD_DIR / "classes"
CLASSPATH_FILE = BUILD_DIR / "classpath.txt"
STATE_FILE = STATE_DIR / "node.json"
MAIN_CLASS = "newsfacet.opensearch.LocalNode"

# What OpenSearch's own jvm.options sets that matters here (the heap apart). COMPAT locale data keeps
# 2.x date parsing identical to the distribution's.
JVM_OPTIONS = (
    "-XX:+UseSerialGC",
    "-Xss1m",
    "-Djava.awt.headless=true",
    "-Dfile.encoding=UTF-8",
    "-Djava.locale.providers=SPI,COMPAT",
    "-Dlog4j.shutdownHookEnabled=false",
    "-Dlog4j2.disable.jmx=true",
    "-Dio.netty.noUnsafe=true",
    "-Dio.netty.noKeySetOptimization=true",
    "-Dio.netty.recycler.maxCapacityPerThread=0",
)


# Small enough to share a two-core CI machine with the test session.
DEFAULT_HEAP = "1g"

# How much the JIT compiles. "quick" (the default): the client compiler (C1) only. A node started
# seconds ago otherwise spends its first minutes in the server compiler's (C2) threads: during
# `bench/ingest_rate.py`'s uploads they took 35-49 ms of CPU per upload, against 13-18 ms for all of
# OpenSearch's own threads, on the cores the ingest workers and the tests need; C1's code served the
# same uploads without more CPU in OpenSearch's threads. "full": tiered compilation up to C2, as a
# long-lived cluster runs, for benchmarks of search latency on a large index.
COMPILERS = {"quick": ("-XX:TieredStopAtLevel=1",), "full": ()}


class NodeError(RuntimeError):
    """The node could not be built, started or stopped. The message ends with its log tail."""


# --- Building -----------------------------------------------------------------------------------


def _newest_source_mtime() -> float:
    sources = [POM, *SOURCES.rglob("*.java")]
    return max(path.stat().st_mtime for path in sources)


def _is_built() -> bool:
    """True when the classpath and the compiled launcher are newer than the pom and the sources
    and every jar they name is still in the Maven cache."""
    launcher = CLASSES_DIR / (MAIN_CLASS.replace(".", "/") + ".class")
    if not (CLASSPATH_FILE.is_file() and launcher.is_file()):
        return False
    built = min(CLASSPATH_FILE.stat().st_mtime, launcher.stat().st_mtime)
    if built < _newest_source_mtime():
        return False
    return all(Path(jar).is_file() for jar in CLASSPATH_FILE.read_text().strip().split(os.pathsep))


def build(*, force: bool = False) -> str:
    """Fetch the pinned jars (Maven caches them in ~/.m2), compile the launcher and return the
    runtime classpath. Instant when nothing changed, so every entry point may call it."""
    if force or not _is_built():
        mvn = shutil.which("mvn")
        if mvn is None:
            raise NodeError("Maven (mvn) is not installed: apt-get install maven openjdk-17-jdk-headless")
        done = subprocess.run(
            [mvn, "-q", "-B", "-f", str(POM), "compile"],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0 and CLASSPATH_FILE.is_file():
            # mvn leaves an unchanged classpath file untouched; touching it records this build.
            CLASSPATH_FILE.touch()
        if done.returncode != 0 or not _is_built():
            raise NodeError(f"building the OpenSearch launcher failed:\n{done.stdout}{done.stderr}")
    return os.pathsep.join([str(CLASSES_DIR), CLASSPATH_FILE.read_text().strip()])


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise NodeError("Java 17 is not installed: apt-get install openjdk-17-jdk-headless")
    return java


# --- Running ------------------------------------------------------------------------------------


def jvm_options(heap: str, compiler: str, environ: Mapping[str, str]) -> list[str]:
    """The node's JVM options: heap, ours (`JVM_OPTIONS`), the compiler's (`COMPILERS`), then any in
    `OPENSEARCH_JAVA_OPTS` (the JVM takes the last of two contradicting options)."""
    if compiler not in COMPILERS:
        raise NodeError(f"unknown compiler {compiler!r}: use one of {', '.join(COMPILERS)}")
    extra = environ.get("OPENSEARCH_JAVA_OPTS", "").split()
    return ["-Xms512m", f"-Xmx{heap}", *JVM_OPTIONS, *COMPILERS[compiler], *extra]


def cluster_health(url: str, *, wait_for: str = "green", timeout_s: float = 30.0) -> str:
    """The cluster's status once it reaches `wait_for` (or the timeout passes)."""
    request = f"{url}/_cluster/health?wait_for_status={wait_for}&timeout={int(timeout_s)}s"
    with urllib.request.urlopen(request, timeout=timeout_s + 10) as response:
        status: str = json.load(response)["status"]
    return status


class LocalNode:
    """One running node. Start it with `LocalNode.start()`; `stop()` (or leaving a `with` block)
    shuts it down and removes its data directory."""

    def __init__(self, process: subprocess.Popen[bytes], url: str, home: Path) -> None:
        self.process = process
        self.url = url
        self.home = home

    @property
    def log_path(self) -> Path:
        return self.home / "node.log"

    @classmethod
    def start(
        cls,
        *,
        timeout_s: float = 180.0,
        tied_to_parent: bool = True,
        heap: str = DEFAULT_HEAP,
        home: Path | None = None,
        compiler: str = "quick",
    ) -> LocalNode:
        """Start a node and return once the cluster is green.

        `tied_to_parent`: the node exits when this Python process dies (it watches a pipe from us),
        so a crashed or killed test session leaves no orphan JVM. `False` detaches it (`start`).
        `heap`: the JVM's maximum heap (`-Xmx`), e.g. "4g" for a benchmark at a million articles.
        `home`: the directory of a node that stopped (or was killed), to start it again on its data
        (on another port); by default a new temporary directory.
        `compiler`: "quick" or "full" (`COMPILERS`). OPENSEARCH_JAVA_OPTS, as for OpenSearch's own
        launcher, adds JVM options after ours.
        Raises `NodeError`, with the node's log tail, if it does not come up within `timeout_s`.
        """
        classpath = build()
        home = home or Path(tempfile.mkdtemp(prefix="newsfacet-opensearch-"))
        url_file = home / "url"
        url_file.unlink(missing_ok=True)  # a restarted node writes its new URL
        command = [
            _java(),
            *jvm_options(heap, compiler, os.environ),
            "-cp",
            classpath,
            MAIN_CLASS,
            str(home),
            str(url_file),
        ]
        if tied_to_parent:
            command.append("--exit-on-stdin-eof")
        with open(home / "node.log", "wb") as log:
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE if tied_to_parent else subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=home,
                start_new_session=not tied_to_parent,
            )
        node = cls(process, url="", home=home)
        try:
            node.url = node._wait_until_green(url_file, deadline=time.monotonic() + timeout_s)
        except BaseException:
            tail = node.log_tail()
            node.stop()
            raise NodeError(f"the OpenSearch node did not start; its log ends with:\n{tail}") from None
        return node

    def _wait_until_green(self, url_file: Path, deadline: float) -> str:
        while not url_file.is_file():
            if self.process.poll() is not None:
                raise NodeError(f"the node exited with status {self.process.returncode}")
            if time.monotonic() > deadline:
                raise NodeError("timed out waiting for the node to bind HTTP")
            time.sleep(0.2)
        url = url_file.read_text().strip()
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise NodeError("timed out waiting for a green cluster")
            with contextlib.suppress(urllib.error.URLError, OSError):
                if cluster_health(url, timeout_s=min(remaining, 30.0)) == "green":
                    return url
            if self.process.poll() is not None:
                raise NodeError(f"the node exited with status {self.process.returncode}")
            time.sleep(0.2)

    def log_tail(self, lines: int = 60) -> str:
        """The last lines the node logged (empty if it never wrote any)."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout_s: float = 30.0) -> None:
        """SIGTERM (the node closes cleanly), SIGKILL if it hangs, then remove its data."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdin is not None:
            self.process.stdin.close()
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> LocalNode:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


# --- The background node (start / url / stop) ---------------------------------------------------


def _pid_is_our_node(pid: int, home: str) -> bool:
    """Guard against a recycled pid: the process must be our launcher on that home directory."""
    try:
        command_line = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return MAIN_CLASS.encode() in command_line and home.encode() in command_line


def _read_state() -> dict[str, str] | None:
    try:
        state: dict[str, str] = json.loads(STATE_FILE.read_text())
    except (OSError, ValueError):
        return None
    return state if _pid_is_our_node(int(state["pid"]), state["home"]) else None


def start_background(out: IO[str]) -> int:
    state = _read_state()
    if state is None:
        node = LocalNode.start(tied_to_parent=False)
        state = {"pid": str(node.process.pid), "url": node.url, "home": str(node.home)}
        STATE_DIR.mkdir(exist_ok=True)
        STATE_FILE.write_text(json.dumps(state))
    print(state["url"], file=out)
    return 0


def stop_background(timeout_s: float = 30.0) -> int:
    state = _read_state()
    if state is None:
        STATE_FILE.unlink(missing_ok=True)
        print("no local OpenSearch node is running", file=sys.stderr)
        return 0
    pid = int(state["pid"])
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while _pid_is_our_node(pid, state["home"]) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _pid_is_our_node(pid, state["home"]):
        os.kill(pid, signal.SIGKILL)
    shutil.rmtree(state["home"], ignore_errors=True)
    STATE_FILE.unlink(missing_ok=True)
    return 0


def run_foreground(out: IO[str]) -> int:
    stop_requested = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stop_requested
        stop_requested = True

    signal.signal(signal.SIGTERM, request_stop)
    with LocalNode.start() as node:
        print(node.url, file=out, flush=True)
        try:
            while not stop_requested and node.process.poll() is None:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        if node.process.poll() is not None:
            print(f"the node exited; its log ends with:\n{node.log_tail()}", file=sys.stderr)
            return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m infrastructure.opensearch.node",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=["build", "run", "start", "url", "stop"])
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            build()
            return 0
        if args.command == "run":
            return run_foreground(sys.stdout)
        if args.command == "start":
            return start_background(sys.stdout)
        if args.command == "stop":
            return stop_background()
        state = _read_state()
        if state is None:
            print("no local OpenSearch node is running", file=sys.stderr)
            return 1
        print(state["url"])
        return 0
    except NodeError as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
