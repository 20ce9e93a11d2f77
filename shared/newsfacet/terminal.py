"""How the `newsfacet` commands' results look on a terminal: the ingest progress bar and summary,
search hits and facets as a table, rejections, trends with sparklines, alerts in one line each.
`commands.py` does the work and calls these; they only format and write."""

from __future__ import annotations

import argparse
import html
import re
import shutil
from typing import TYPE_CHECKING, TextIO

from newsfacet.alerts import Alert
from newsfacet.model import Dimension, SearchResult
from newsfacet.trends import TrendsResult

if TYPE_CHECKING:
    from newsfacet.fileingest import FileOutcome, IngestReport
    from newsfacet.rejections import RejectionRecord


class ProgressBar:
    """One line on a terminal, redrawn per file: `  12/18 [######----] 10 indexed, 1 rejected`."""

    WIDTH = 28

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._total = 0
        self._done = 0
        self._counts: dict[str, int] = {}

    def start(self, total: int) -> None:
        self._total = total
        self._draw()

    def advance(self, outcome: FileOutcome) -> None:
        self._done += 1
        self._counts[outcome.status] = self._counts.get(outcome.status, 0) + 1
        self._draw()

    def finish(self) -> None:
        self._stream.write("\r\x1b[2K")  # erase the bar: the summary replaces it
        self._stream.flush()

    def _draw(self) -> None:
        filled = self.WIDTH * self._done // self._total if self._total else self.WIDTH
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        counts = ", ".join(f"{count} {status}" for status, count in sorted(self._counts.items()))
        width = len(str(self._total))
        self._stream.write(f"\r\x1b[2K  {self._done:>{width}}/{self._total} [{bar}] {counts}")
        self._stream.flush()


def print_ingest_report(report: IngestReport, out: TextIO, err: TextIO) -> None:
    """Each rejected or failed file on `err`, then the counts on `out`."""
    for outcome in report.outcomes:
        if outcome.status == "rejected" and outcome.reason is not None:
            print(f"rejected: {outcome.path}: {outcome.reason.value}: {outcome.detail}", file=err)
        elif outcome.status == "failed":
            print(f"failed: {outcome.path}: {outcome.detail}", file=err)
    total = len(report.outcomes)
    print(
        f"{total} file{'s' if total != 1 else ''}: {report.count('indexed')} indexed, "
        f"{report.count('stale')} unchanged, {report.count('rejected')} rejected, "
        f"{report.count('failed')} failed",
        file=out,
    )
    reasons = report.rejected_by_reason()
    if reasons:
        print("rejected by reason: " + ", ".join(f"{r.value} {n}" for r, n in reasons.items()), file=out)


_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def plain_snippet(snippet: str, *, color: bool) -> str:
    """The API's HTML snippet for a terminal: matches in bold (or `*like this*`), entities decoded."""
    marked = _MARK.sub(r"\x1b[1m\1\x1b[0m" if color else r"*\1*", snippet)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", marked)).split())


def print_search_result(result: SearchResult, args: argparse.Namespace, out: TextIO, *, color: bool) -> None:
    """Hits as a numbered table with snippets, then each facet's values with counts."""
    width = max(60, shutil.get_terminal_size((100, 24)).columns)
    order = args.sort or ("relevance" if args.query else "date")
    print(f"{result.total} article{'s' if result.total != 1 else ''} match, by {order}", file=out)
    if result.hits:
        print(f"\n{'#':>3}  {'DATE':10}  {'SOURCE':18}  TITLE", file=out)
    for number, hit in enumerate(result.hits, start=1):
        day = hit.published_at.date().isoformat() if hit.published_at else "-"
        source = _cut(hit.source or "-", 18)
        print(f"{number:>3}  {day:10}  {source:18}  {_cut(hit.title, width - 37)}", file=out)
        snippet = plain_snippet(hit.snippet, color=color)
        if snippet:
            print(f"{'':37}{_cut(snippet, width - 37, ansi=color)}", file=out)
        print(f"{'':37}id {hit.id}", file=out)
    if any(result.facets.values()):
        print("\nfacets", file=out)
        for dimension in Dimension:
            values = result.facets.get(dimension, [])
            if values:
                listed = " · ".join(f"{value.value} ({value.count})" for value in values)
                print(f"  {dimension.value:9} {listed}", file=out)
    if result.next_cursor:
        print(f"\nnext page: add --cursor {result.next_cursor}", file=out)


def _cut(text: str, width: int, *, ansi: bool = False) -> str:
    visible = re.sub(r"\x1b\[[0-9;]*m", "", text) if ansi else text
    if len(visible) <= width:
        return text
    if ansi:  # cutting through escape codes is not worth it: drop the emphasis instead
        text = visible
    return text[: max(1, width - 1)] + "…"


def format_rejections(entries: list[RejectionRecord]) -> str:
    """One line per rejection, newest first, for `newsfacet rejections`."""
    if not entries:
        return "no rejections recorded"
    return "\n".join(
        f"{entry.rejected_at.isoformat(timespec='seconds')}  {entry.reason.value:<18}  "
        f"s3://{entry.bucket}/{entry.key}  (version {entry.version}): {entry.detail}"
        for entry in entries
    )


_BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(counts: list[int]) -> str:
    """One block character per count, scaled to the highest."""
    highest = max(counts, default=0) or 1
    return "".join(_BLOCKS[count * (len(_BLOCKS) - 1) // highest] for count in counts)


def print_trends(result: TrendsResult, out: TextIO) -> None:
    window, baseline = result.window, result.baseline
    out.write(
        f"{result.dimension.value}: {window.first_day} to {window.last_day} ({window.articles} articles)"
        f" against {baseline.first_day} to {baseline.last_day} ({baseline.articles})\n"
    )
    if not result.trends:
        out.write("nothing rose\n")
        return
    width = max(len(trend.value) for trend in result.trends)
    for trend in result.trends:
        out.write(
            f"{trend.value:<{width}}  {trend.window_count:>5} vs {trend.baseline_count:<5}"
            f" x{trend.ratio:<6.1f} z {trend.score:5.1f}  {sparkline([p.count for p in trend.series])}\n"
        )


def describe_alert(alert: Alert) -> str:
    search = alert.search
    parts = [f'"{search.q}"'] if search.q else []
    parts += [f"{dimension.value}={'|'.join(chosen.values)}" for dimension, chosen in search.filters.items()]
    parts += [f"from {search.date_from}"] if search.date_from else []
    parts += [f"to {search.date_to}"] if search.date_to else []
    return " ".join(parts) or "every article"
