"""What `newsfacet ingest`, `newsfacet search` and `newsfacet local` do, and how they look on a terminal.

`cli.py` declares the arguments; the work and the rendering are here, so the parser stays a table of
options. Exit statuses: 0 success, 1 something failed (a file, the store), 2 bad input (usage).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast
from urllib.parse import quote, urlencode

from newsfacet.alerts import Alert
from newsfacet.config import Settings
from newsfacet.model import Dimension, SearchResult
from newsfacet.trends import TrendsResult

if TYPE_CHECKING:
    from newsfacet.fileingest import FileOutcome, IngestReport
    from newsfacet.rejections import RejectionRecord

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_REJECTED = 2  # `newsfacet extract`: the page is not an article
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


# --- ingest ------------------------------------------------------------------------------------


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


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet ingest PATH...`: see `newsfacet.fileingest`. Summary on stdout, problems on stderr."""
    from newsfacet.fileingest import NoSuchPath, ingest_files  # noqa: PLC0415
    from newsfacet.rejections import open_rejection_log  # noqa: PLC0415
    from newsfacet.store import StoreUnavailable, open_store  # noqa: PLC0415

    paths: list[Path] = args.paths
    missing = [path for path in paths if not path.exists()]
    if missing:
        print(f"newsfacet ingest: no such file or directory: {missing[0]}", file=sys.stderr)
        return EXIT_USAGE
    try:
        store = open_store(settings)
    except (ValueError, StoreUnavailable) as error:
        print(f"newsfacet ingest: cannot open the store {settings.store}: {error}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, ValueError) else EXIT_FAILED
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    try:
        report = ingest_files(
            paths,
            store,
            settings,
            rejections=open_rejection_log(settings),
            workers=args.workers,
            batch_size=args.batch_size,
            on_start=bar.start if bar else None,
            on_outcome=bar.advance if bar else None,
        )
    except NoSuchPath as error:  # a path vanished between the check and the walk
        print(f"newsfacet ingest: {error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if bar:
            bar.finish()
        store.close()
    print_ingest_report(report, sys.stdout, sys.stderr)
    if report.interrupted:
        print("newsfacet ingest: interrupted; run it again to continue", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_FAILED if report.failed else EXIT_OK


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


# --- search ------------------------------------------------------------------------------------

# API parameter -> the option a CLI user typed, to name it in an error message.
_OPTION_OF_PARAMETER = {"q": "QUERY", "from": "--from", "to": "--to", "filter": "a filter option"}


def search_params(args: argparse.Namespace, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """The query-string parameters the search arguments describe: `q`, the filters, and the named
    other options (`from`, `to`, `sort`, ... as `args.date_from`, `args.date_to`, `args.sort`)."""
    params: list[tuple[str, str]] = []
    if args.query:
        params.append(("q", " ".join(args.query)))
    for dimension in Dimension:
        params += [(dimension.value, value) for value in getattr(args, dimension.value) or []]
    for name in names:
        value = getattr(args, {"from": "date_from", "to": "date_to"}.get(name, name))
        if value is not None:
            params.append((name, str(value)))
    return params


def search_target(args: argparse.Namespace) -> str:
    """The `/search?...` request the arguments describe, as the HTTP API takes it."""
    params = search_params(args, ("from", "to", "sort", "size", "cursor"))
    return "/search" + (f"?{urlencode(params)}" if params else "")


def call_api(
    settings: Settings,
    target: str,
    *,
    method: str = "GET",
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> tuple[int, str]:
    """Answer one request with the search API's own routes, in this process: the status code and
    the body exactly as the deployed API and `newsfacet serve` would send them."""
    from aws_lambda_powertools.utilities.typing import LambdaContext  # noqa: PLC0415

    from newsfacet.api import create_app, lazy_store  # noqa: PLC0415
    from newsfacet.localserver import LocalContext, event_from_request  # noqa: PLC0415
    from newsfacet.store import open_store  # noqa: PLC0415 - loaded only by the command that needs it

    opened: list[Any] = []

    def provide() -> Any:
        opened.append(open_store(settings))
        return opened[-1]

    app = create_app(settings, lazy_store(provide))
    try:
        event = event_from_request(method, target, headers or {}, body)
        response = app.resolve(event, cast(LambdaContext, LocalContext()))
    finally:
        for store in opened:
            store.close()
    return int(response["statusCode"]), str(response.get("body") or "")


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet search`: a table of hits and facets, or (`--json`) the API's response body."""
    try:
        status, body = call_api(settings, search_target(args))
    except ValueError as error:  # an unsupported store URL
        print(f"newsfacet search: {error}", file=sys.stderr)
        return EXIT_USAGE
    if status != 200:
        return report_api_error(status, body)
    if args.json:
        print(body)
    else:
        result = SearchResult.model_validate_json(body)
        print_search_result(result, args, sys.stdout, color=sys.stdout.isatty())
    return EXIT_OK


def report_api_error(status: int, body: str, command: str = "search") -> int:
    """Print the API's error reply as the command's own message; the exit status for it."""
    try:
        error = json.loads(body)
    except json.JSONDecodeError:
        error = {"detail": body}
    parameter = error.get("parameter")
    detail = error.get("detail") or error.get("message") or body
    if status == 400:
        option = _OPTION_OF_PARAMETER.get(parameter, f"--{parameter}") if parameter else "input"
        print(f"newsfacet {command}: invalid {option}: {detail}", file=sys.stderr)
        return EXIT_USAGE
    print(f"newsfacet {command}: {detail} (HTTP {status})", file=sys.stderr)
    return EXIT_FAILED


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


# --- local -------------------------------------------------------------------------------------


def local_state_dir(settings: Settings) -> Path:
    """Where `newsfacet local` keeps its bucket and queues between runs: beside the rejection log."""
    from newsfacet.rejections import local_log_path  # noqa: PLC0415

    return local_log_path(settings).parent / "local-stack"


def run_local(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet local`: the whole stack on this machine until Ctrl-C (see `newsfacet.localrun`)."""
    from newsfacet.localrun.run import LocalRun, LocalRunError, StackOptions  # noqa: PLC0415

    options = StackOptions(
        host=args.host,
        port=args.port,
        moto_port=args.moto_port,
        start_opensearch=args.opensearch,
        upload_samples=not args.no_samples,
        state=local_state_dir(settings),
    )
    try:
        return LocalRun(settings, options).run_until_stopped(sys.stdout)
    except LocalRunError as error:
        print(f"newsfacet local: {error}", file=sys.stderr)
        return EXIT_FAILED


def run_reindex(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet reindex`: reindex and swap, report on stdout; exit 1 (with the reason) on failure."""
    if args.alias:
        settings = settings.model_copy(update={"index_alias": args.alias})
    delete_old: bool = args.delete_old
    from newsfacet.store import StoreError  # noqa: PLC0415
    from newsfacet.store.opensearch.store import OpenSearchStore  # noqa: PLC0415

    if not settings.store.startswith(("http://", "https://")):
        print(f"newsfacet reindex: {settings.store!r} is not an OpenSearch URL", file=sys.stderr)
        return 2
    store = OpenSearchStore.from_settings(settings)
    try:
        report = store.reindex(delete_old=delete_old)
    except StoreError as error:
        print(f"newsfacet reindex: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    kept = "" if report.source is None or delete_old else f"; {report.source} kept (delete it when satisfied)"
    print(
        f"{report.alias} -> {report.target} (was {report.source or 'nothing'}): "
        f"{report.copied} documents copied, {report.caught_up} caught up after the swap{kept}"
    )
    return 0


def format_rejections(entries: list[RejectionRecord]) -> str:
    """One line per rejection, newest first, for `newsfacet rejections`."""
    if not entries:
        return "no rejections recorded"
    return "\n".join(
        f"{entry.rejected_at.isoformat(timespec='seconds')}  {entry.reason.value:<18}  "
        f"s3://{entry.bucket}/{entry.key}  (version {entry.version}): {entry.detail}"
        for entry in entries
    )


def run_rejections(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet rejections`: print the newest rejections; exit 2 on an unknown reason."""
    limit: int = args.limit
    reason: str | None = args.reason
    as_json: bool = args.json
    from newsfacet.model import RejectionReason  # noqa: PLC0415
    from newsfacet.rejections import open_rejection_log  # noqa: PLC0415

    try:
        wanted = RejectionReason(reason) if reason else None
    except ValueError:
        known = ", ".join(member.value for member in RejectionReason)
        print(f"unknown reason {reason!r}: expected one of {known}", file=sys.stderr)
        return 2
    entries = open_rejection_log(settings).recent(limit=limit, reason=wanted)
    if as_json:
        for entry in entries:
            print(entry.model_dump_json())
    else:
        print(format_rejections(entries))
    return 0


def run_reconcile(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet reconcile`: reconcile `settings.articles_bucket`, print the report; exit 2 when
    the bucket or queue is not configured, 1 when something could not be reached."""
    from botocore.exceptions import BotoCoreError, ClientError  # noqa: PLC0415

    from newsfacet.reconcile import ReconcileNotConfiguredError, reconcile_configured_bucket  # noqa: PLC0415
    from newsfacet.rejections import RejectionLogUnavailable  # noqa: PLC0415
    from newsfacet.store import StoreError  # noqa: PLC0415

    overrides = {"articles_bucket": args.bucket, "ingest_queue_url": args.queue_url}
    settings = settings.model_copy(update={name: value for name, value in overrides.items() if value})
    try:
        report = reconcile_configured_bucket(settings)
    except ReconcileNotConfiguredError:
        print(
            "newsfacet reconcile: set NEWSFACET_ARTICLES_BUCKET and NEWSFACET_INGEST_QUEUE_URL"
            " (or --bucket and --queue-url)",
            file=sys.stderr,
        )
        return 2
    except (StoreError, RejectionLogUnavailable, BotoCoreError, ClientError) as error:
        print(f"newsfacet reconcile: {error}", file=sys.stderr)
        return 1
    print(report.model_dump_json() if args.json else report.summary())
    return 0


# --- extract, serve --------------------------------------------------------------------------


def run_extract(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet extract`: the article as JSON (0), a rejection (2) or an unreadable file (1)."""
    # Lazy: the pipeline loads trafilatura and spaCy, which other subcommands never need.
    from newsfacet.model import Origin, Rejection  # noqa: PLC0415
    from newsfacet.pipeline import build_article  # noqa: PLC0415

    path: Path = args.file.resolve()
    try:
        raw = path.read_bytes()
    except OSError as error:
        print(f"newsfacet extract: cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED  # unreadable
    # Same origin as `newsfacet ingest` gives the file, so both compute the same article id.
    origin = Origin(bucket="local", key=str(path), source_url=args.url)
    result = build_article(raw, origin, version=0, settings=settings)
    if isinstance(result, Rejection):
        print(f"rejected: {result.reason.value}: {result.detail}", file=sys.stderr)
        return EXIT_REJECTED
    print(result.model_dump_json(indent=2))
    return EXIT_OK


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet serve`: the search API and page over a store until Ctrl-C."""
    from newsfacet.localserver import serve  # noqa: PLC0415

    try:
        serve(args.host, args.port, store=settings.store)
    except OSError as error:  # e.g. the port is taken
        print(f"newsfacet serve: cannot listen on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


# --- trends, alerts ---------------------------------------------------------------------------

_BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(counts: list[int]) -> str:
    """One block character per count, scaled to the highest."""
    highest = max(counts, default=0) or 1
    return "".join(_BLOCKS[count * (len(_BLOCKS) - 1) // highest] for count in counts)


def run_trends(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet trends DIMENSION`: the rising values with sparklines, or the API's JSON."""
    params = [*search_params(args, ("to", "size")), ("window", args.window), ("baseline", args.baseline)]
    try:
        status, body = call_api(settings, f"/trends/{quote(args.dimension)}?{urlencode(params)}")
    except ValueError as error:  # an unsupported store URL
        print(f"newsfacet trends: {error}", file=sys.stderr)
        return EXIT_USAGE
    if status != 200:
        return report_api_error(status, body, "trends")
    if args.json:
        print(body)
    else:
        print_trends(TrendsResult.model_validate_json(body), sys.stdout)
    return EXIT_OK


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


def run_alerts(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet alerts list | add QUERY... | delete ID`, as the API key `--api-key`."""
    headers = {"x-api-key": args.api_key, "Content-Type": "application/json"}
    if args.action == "delete" and len(args.query) != 1:
        print("newsfacet alerts: delete takes one alert id", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.action == "list":
            status, body = call_api(settings, "/alerts", headers=headers)
        elif args.action == "add":
            request: dict[str, str | list[str]] = {}
            for name, value in search_params(args, ("from", "to", "target")):
                chosen = request.setdefault(name, value if name in ("q", "from", "to", "target") else [])
                if isinstance(chosen, list):
                    chosen.append(value)
            status, body = call_api(
                settings, "/alerts", method="POST", body=json.dumps(request).encode(), headers=headers
            )
        else:
            status, body = call_api(
                settings, f"/alerts/{quote(args.query[0])}", method="DELETE", headers=headers
            )
    except ValueError as error:  # an unsupported store URL
        print(f"newsfacet alerts: {error}", file=sys.stderr)
        return EXIT_USAGE
    if status not in (200, 201, 204):
        return report_api_error(status, body, "alerts")
    if args.action == "list":
        alerts = [Alert.model_validate(item) for item in json.loads(body)["alerts"]]
        if getattr(args, "json", False):
            print(body)
        for alert in [] if getattr(args, "json", False) else alerts:
            print(f"{alert.id}  {alert.created_at:%Y-%m-%d}  -> {alert.target}  {_describe(alert)}")
    elif args.action == "add":
        alert = Alert.model_validate_json(body)
        print(f"saved {alert.id}: {_describe(alert)} -> {alert.target}")
    else:
        print(f"deleted {args.query[0]}")
    return EXIT_OK


def _describe(alert: Alert) -> str:
    search = alert.search
    parts = [f'"{search.q}"'] if search.q else []
    parts += [f"{dimension.value}={'|'.join(chosen.values)}" for dimension, chosen in search.filters.items()]
    parts += [f"from {search.date_from}"] if search.date_from else []
    parts += [f"to {search.date_to}"] if search.date_to else []
    return " ".join(parts) or "every article"
