"""What every benchmark report shares: the machine it ran on, and its own section of
docs/BENCHMARKS.md (replaced in place between its markers, every other section kept)."""

from __future__ import annotations

import os
import platform
from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parents[1] / "docs" / "BENCHMARKS.md"
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
    """e.g. "AMD EPYC 7B13, 2 cores (Linux 6.1.0, Python 3.11.7)"."""
    system = f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    return f"{cpu_model()}, {os.cpu_count()} cores ({system})"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: figures on a shared machine fall as they rise."""
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


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
