"""What every benchmark report shares: the machine it ran on, and its own section of
docs/BENCHMARKS.md (replaced in place between its markers, every other section kept)."""

from __future__ import annotations

import os
import platform
from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parents[1] / "docs" / "BENCHMARKS.md"
CORPUS_ENV = "NEWSFACET_CORPUS"
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"  # ../shared/corpus
_NEW_FILE = "# Benchmarks\n\nFigures measured by the scripts in `bench/` (`make bench`) and `make package`.\n"


def cpu_model() -> str:
    """The processor's marketing name where Linux tells it, else the architecture."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    """e.g. "AMD EPYC 7B13, 2 cores (Linux 6.1.0, Python 3.11.7; OpenBLAS kernels SkylakeX)"."""
    system = f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    return f"{cpu_model()}, {os.cpu_count()} cores ({system}{blas_kernels()})"


def blas_kernels() -> str:
    """Which OpenBLAS kernels the run's numpy chose (spaCy's NER runs on them), and whether the
    environment forced them: some machines pin old kernels with OPENBLAS_CORETYPE, which slows the
    NER by a fifth; empty when no BLAS is loaded yet."""
    from threadpoolctl import threadpool_info

    kernels = sorted(
        {str(pool.get("architecture")) for pool in threadpool_info() if pool["internal_api"] == "openblas"}
    )
    if not kernels:
        return ""
    forced = os.environ.get("OPENBLAS_CORETYPE")
    return f"; OpenBLAS kernels {', '.join(kernels)}" + (
        f", forced by OPENBLAS_CORETYPE={forced}" if forced else ""
    )


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: figures on a shared machine fall as they rise."""
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def corpus_dir(argument: Path | None = None) -> Path:
    """The corpora: the script's argument, else $NEWSFACET_CORPUS, else ../shared/corpus beside the
    repository."""
    if argument is not None:
        return argument
    return Path(os.environ.get(CORPUS_ENV) or DEFAULT_CORPUS)


def process_cpu_s(pid: int | None) -> float:
    """User + system CPU seconds a process (every thread) has used; 0 without a pid. Load on a shared
    machine stretches wall-clock times but barely changes this."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def write_section(section: str, start: str, end: str, path: Path = BENCHMARKS_MD) -> None:
    """Put `section` (which begins with `start` and ends with `end`) in place of the file's section
    between those markers, or append it; the rest of the file is left as it is."""
    text = path.read_text(encoding="utf-8") if path.exists() else _NEW_FILE
    section = section.strip("\n") + "\n"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        tail = rest.split(end, 1)[1].lstrip("\n")
        text = head + section + ("\n" + tail if tail else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
