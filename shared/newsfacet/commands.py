"""What the `newsfacet` subcommands do: `run_<name>(args, settings) -> int` for each.

`cli.py` declares the arguments, so the parser stays a table of options; the work is here, and how
its results look on a terminal is `terminal.py`. Exit statuses: 0 success, 1 something failed (a
file, the store), 2 bad input (usage).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote, urlencode

from newsfacet.alerts import Alert
from newsfacet.config import Settings
from newsfacet.model import Dimension, SearchResult
from newsfacet.terminal import (
    ProgressBar,
    describe_alert,
    format_rejections,
    print_ingest_report,
    print_search_result,
    print_trends,
)
from newsfacet.trends import TrendsResult

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_REJECTED = 2  # `newsfacet extract`: the page is not an article
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


# --- ingest ------------------------------------------------------------------------------------


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """`newsfacet ingest PATH...`: see `newsfacet.fileingest`. Summary on stdout, problems on stderr."""
    from newsfacet.fileingest import ingest_files  # noqa: PLC0415
    from newsfacet.objects.local_files import NoSuchPath  # noqa: PLC0415
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
    from newsfacet.objects.base import ObjectGone, SourceUnavailable  # noqa: PLC0415
    from newsfacet.objects.local_files import LOCAL_BUCKET, LocalFiles  # noqa: PLC0415
    from newsfacet.pipeline import build_article  # noqa: PLC0415

    path: Path = args.file.resolve()
    try:
        # One byte past the limit lets the pipeline tell "too large" without reading it all.
        raw = LocalFiles().read(LOCAL_BUCKET, str(path), None, settings.max_upload_bytes + 1)
    except (ObjectGone, SourceUnavailable) as error:
        print(f"newsfacet extract: cannot read {args.file}: {error}", file=sys.stderr)
        return EXIT_FAILED  # unreadable
    # Same origin as `newsfacet ingest` gives the file, so both compute the same article id.
    origin = Origin(bucket=LOCAL_BUCKET, key=str(path), source_url=args.url)
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
            print(f"{alert.id}  {alert.created_at:%Y-%m-%d}  -> {alert.target}  {describe_alert(alert)}")
    elif args.action == "add":
        alert = Alert.model_validate_json(body)
        print(f"saved {alert.id}: {describe_alert(alert)} -> {alert.target}")
    else:
        print(f"deleted {args.query[0]}")
    return EXIT_OK
