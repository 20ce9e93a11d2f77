"""The `newsfacet` command.

Each subcommand is two small functions: `_add_<name>(subparsers)` declares its arguments and sets
`handler=_run_<name>`, and `_run_<name>(args, settings) -> int` does the work. To add one, write both
and append the `_add_` function to `SUBCOMMANDS`. Commands that use a store call `add_store_option`,
which gives them `--store` (default: `Settings.from_env().store`). Heavy modules (the pipeline, spaCy,
store clients) are imported inside the `_run_` functions so `newsfacet --help` stays instant.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from newsfacet import __version__
from newsfacet.config import Settings

__all__ = ["SUBCOMMANDS", "add_search_options", "add_store_option", "build_parser", "main"]

Handler = Callable[[argparse.Namespace, Settings], int]

EXIT_OK = 0
EXIT_REJECTED = 2
EXIT_UNREADABLE = 1


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """`--store URL`: sqlite:///path or http(s)://host:port; overrides NEWSFACET_STORE."""
    parser.add_argument(
        "--store",
        default=None,
        help="sqlite:///path (embedded) or http(s)://host:port (OpenSearch); default: $NEWSFACET_STORE",
    )


def add_search_options(parser: argparse.ArgumentParser) -> None:
    """The words and filters of a search (`newsfacet search`, `trends`, `alerts add`)."""
    parser.add_argument("query", nargs="*", metavar="QUERY", help='words, "phrases", -excluded, OR')
    parser.add_argument("--actor", action="append", metavar="A", help="an actor name (repeatable)")
    parser.add_argument("--location", action="append", metavar="L", help="a location name (repeatable)")
    parser.add_argument("--topic", action="append", metavar="T", help="an IPTC topic label (repeatable)")
    parser.add_argument("--source", action="append", metavar="S", help="a site name (repeatable)")
    parser.add_argument("--language", action="append", metavar="L", help="ISO 639-1, e.g. en (repeatable)")


# --- extract ----------------------------------------------------------------------------------


def _add_extract(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="clean and enrich one HTML file, print the article as JSON",
        description="Print the Article as JSON on stdout (exit 0), or one line "
        "'rejected: <reason>: <detail>' on stderr (exit 2). An unreadable file exits 1.",
        epilog="example: newsfacet extract page.html.gz --url https://example.org/2026/10/story",
    )
    parser.add_argument("file", type=Path, help="an HTML page, possibly gzip-compressed")
    parser.add_argument("--url", default=None, help="the URL the page was fetched from")
    parser.set_defaults(handler=_run_extract)


def _run_extract(args: argparse.Namespace, settings: Settings) -> int:
    # Lazy: the pipeline loads trafilatura and spaCy, which other subcommands never need.
    from newsfacet.model import Origin, Rejection  # noqa: PLC0415
    from newsfacet.pipeline import build_article  # noqa: PLC0415

    path: Path = args.file.resolve()
    try:
        raw = path.read_bytes()
    except OSError as error:
        print(f"newsfacet extract: cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return EXIT_UNREADABLE
    # Same origin as `newsfacet ingest` gives the file, so both compute the same article id.
    origin = Origin(bucket="local", key=str(path), source_url=args.url)
    result = build_article(raw, origin, version=0, settings=settings)
    if isinstance(result, Rejection):
        print(f"rejected: {result.reason.value}: {result.detail}", file=sys.stderr)
        return EXIT_REJECTED
    print(result.model_dump_json(indent=2))
    return EXIT_OK


# --- ingest, search, local (the work and the rendering live in newsfacet.commands) ---------------


def _add_ingest(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="clean, enrich and index HTML files and directories into a store",
        description="Index files and directories (recursing; .html, .htm, .html.gz) into the store, "
        "parsing on every CPU core. A file's version is its mtime: re-ingesting an unchanged file "
        "is 'unchanged', an edited one replaces its article. Prints a summary; exits 1 only if a "
        "file failed (unreadable, store down), not when one is rejected as not an article.",
        epilog="example: newsfacet ingest samples/ --store sqlite:///.newsfacet/articles.db",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a file or a directory")
    parser.add_argument(
        "--workers", type=_positive_int, default=None, help="parsing processes (default: CPU cores)"
    )
    parser.add_argument("--batch-size", type=_positive_int, default=50, help="articles per store write")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    add_store_option(parser)
    parser.set_defaults(handler=_run_ingest)


def _run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from newsfacet.commands import run_ingest  # noqa: PLC0415

    return run_ingest(args, settings)


def _add_search(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the store: hits and facet counts, or the API's JSON",
        description="Full-text search with facet filters, answered by the search API's own routes. "
        "Repeat a filter for OR within a dimension; different dimensions combine with AND. "
        "Exits 2 on bad input (e.g. a malformed date).",
        epilog='example: newsfacet search "ceasefire talks" --location Lebanon --from 2026-10-01 --json',
    )
    add_search_options(parser)
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD")
    parser.add_argument("--sort", choices=["relevance", "date"], default=None)
    parser.add_argument("--size", type=int, default=None, metavar="N", help="hits per page (1-100)")
    parser.add_argument("--cursor", default=None, metavar="C", help="next_cursor of the previous page")
    parser.add_argument("--json", action="store_true", help="print exactly the API's response body")
    add_store_option(parser)
    parser.set_defaults(handler=_run_search)


def _run_search(args: argparse.Namespace, settings: Settings) -> int:
    from newsfacet.commands import run_search  # noqa: PLC0415

    return run_search(args, settings)


def _add_local(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "local",
        help="the whole system on this machine: S3 + SQS (moto), ingest worker, search API and page",
        description="Start moto (S3 + SQS with the template's bucket, queues and notifications), a "
        "worker feeding the queue to the ingest Lambda handler, and the search API + page. Uploads "
        "the bundled samples through S3. Store: $NEWSFACET_STORE / --store (default: embedded), or "
        "--opensearch to start a local OpenSearch node. Ctrl-C stops everything.",
        epilog="example: newsfacet local --port 8080   (what `make run` calls)",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8080, help="search API and page port")
    parser.add_argument("--moto-port", type=int, default=0, help="S3/SQS endpoint port (default: free)")
    parser.add_argument("--opensearch", action="store_true", help="start a local OpenSearch node")
    parser.add_argument("--no-samples", action="store_true", help="do not upload the bundled samples")
    add_store_option(parser)
    parser.set_defaults(handler=_run_local)


def _run_local(args: argparse.Namespace, settings: Settings) -> int:
    from newsfacet.commands import run_local  # noqa: PLC0415

    return run_local(args, settings)


# --- serve ------------------------------------------------------------------------------------


def _add_serve(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="the search API and the search page over a store (no S3, no ingest)",
        description="Serve the search API and, at /, the search page. Requests are turned into API "
        "Gateway events for the search Lambda's own handler, so routes, validation and error bodies "
        "are the deployed API's. OpenAPI at /openapi.json, Swagger UI at /docs. Ctrl-C stops it.",
        epilog="example: newsfacet serve --port 8080 --store sqlite:///.newsfacet/articles.db",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port of the API and the page (default 8080)")
    add_store_option(parser)
    parser.set_defaults(handler=_run_serve)


def _run_serve(args: argparse.Namespace, settings: Settings) -> int:
    from newsfacet.localserver import serve  # noqa: PLC0415

    try:
        serve(args.host, args.port, store=settings.store)
    except OSError as error:  # e.g. the port is taken
        print(f"newsfacet serve: cannot listen on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return 1
    return EXIT_OK


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive integer")
    return value


# --- reconcile ----------------------------------------------------------------------------------


def _add_reconcile(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "reconcile",
        help="compare the bucket with the index and the rejection log, and repair the drift",
        description="Lists the uploads bucket; re-enqueues every object that is neither indexed nor "
        "rejected (lost notifications) and removes from the index what no object holds any more "
        "(lost removals). Prints the counts.",
        epilog="example: newsfacet reconcile --bucket <ArticlesBucketName> --queue-url <IngestQueueUrl>",
    )
    parser.add_argument("--bucket", default=None, help="the uploads bucket (NEWSFACET_ARTICLES_BUCKET)")
    parser.add_argument("--queue-url", default=None, help="the ingest queue (NEWSFACET_INGEST_QUEUE_URL)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    add_store_option(parser)
    parser.set_defaults(handler=_run_reconcile)


def _run_reconcile(args: argparse.Namespace, settings: Settings) -> int:
    from newsfacet.reconcile import run_reconcile_command  # noqa: PLC0415

    overrides = {"articles_bucket": args.bucket, "ingest_queue_url": args.queue_url}
    settings = settings.model_copy(update={name: value for name, value in overrides.items() if value})
    return run_reconcile_command(settings, as_json=args.json)


# --- rejections ---------------------------------------------------------------------------------


def _add_rejections(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "rejections",
        help="list uploads ingest rejected, newest first, with their reasons",
        description="Reads the rejection log: the DynamoDB table $NEWSFACET_REJECTIONS_TABLE when set "
        "(as deployed), else rejections.db next to the embedded store.",
        epilog="example: NEWSFACET_REJECTIONS_TABLE=<RejectionsTableName output> newsfacet rejections",
    )
    parser.add_argument("--limit", type=_positive_int, default=50, help="most rejections to list")
    parser.add_argument("--reason", default=None, help="only this reason (e.g. binary, error_page)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    add_store_option(parser)
    parser.set_defaults(handler=_run_rejections)


def _run_rejections(args: argparse.Namespace, settings: Settings) -> int:
    from newsfacet.rejections import run_rejections_command  # noqa: PLC0415

    return run_rejections_command(settings, limit=args.limit, reason=args.reason, as_json=args.json)


# --- reindex (OpenSearch) ---------------------------------------------------------------------


def _add_reindex(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "reindex",
        help="OpenSearch: rebuild the index from the current template and swap the alias",
        description="Copies every document (with its version) from the index the alias names into "
        "<alias>-v<N+1>, built from the packaged template, then swaps the alias atomically: searches "
        "never stop. Run after changing the template. The old index is kept unless --delete-old.",
        epilog="example: newsfacet reindex --store http://127.0.0.1:9200 --alias articles",
    )
    parser.add_argument("--alias", default=None, help="index alias (default: $NEWSFACET_INDEX_ALIAS)")
    parser.add_argument("--delete-old", action="store_true", help="delete the old index after the swap")
    add_store_option(parser)
    parser.set_defaults(handler=_run_reindex)


def _run_reindex(args: argparse.Namespace, settings: Settings) -> int:
    from newsfacet.store.opensearch import run_reindex_command  # noqa: PLC0415

    if args.alias:
        settings = settings.model_copy(update={"index_alias": args.alias})
    return run_reindex_command(settings, delete_old=args.delete_old)


# --- trends, alerts (the work and the rendering live in newsfacet.commands_trends_alerts) ---------


def _add_trends(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "trends",
        help="what is rising: values of a dimension whose share of articles grew lately",
        description="The values of DIMENSION (actor, location, topic, source, language) whose share of "
        "the matching articles rose most in the window against the baseline before it, ranked by the "
        "z of the smoothed log odds ratio, with a sparkline of their daily articles.",
        epilog="example: newsfacet trends actor --window 7d --baseline 28d --location Germany",
    )
    parser.add_argument("dimension", metavar="DIMENSION", help="actor, location, topic, source or language")
    add_search_options(parser)
    parser.add_argument("--window", default="7d", help="the recent period, in days (default 7d)")
    parser.add_argument("--baseline", default="28d", help="the period before it (default 28d)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="the window's last day (default today)")
    parser.add_argument("--size", type=int, default=None, metavar="N", help="values to show (1-50)")
    parser.add_argument("--json", action="store_true", help="print exactly the API's response body")
    add_store_option(parser)
    parser.set_defaults(handler=_run_trends)


def _run_trends(args: argparse.Namespace, settings: Settings) -> int:
    from newsfacet.commands_trends_alerts import run_trends  # noqa: PLC0415

    return run_trends(args, settings)


def _add_alerts(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "alerts",
        help="saved searches: list, add or delete the alerts of an API key",
        description="Alerts belong to a caller, here the API key given (as the page and the API see it): "
        "each article indexed after an alert is saved that its search finds is sent to its target once.",
        epilog='example: newsfacet alerts add "dock strike" --location Lisbon --target https://hooks.example/x',
    )
    parser.add_argument(
        "--api-key",
        default=os.environ.get("NEWSFACET_API_KEY", "newsfacet-cli"),
        help="whose alerts: the x-api-key to act as (default $NEWSFACET_API_KEY, else newsfacet-cli)",
    )
    add_store_option(parser)
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="the alerts of the key").add_argument("--json", action="store_true")
    add = actions.add_parser("add", help="save a search as an alert")
    add_search_options(add)
    add.add_argument("--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD")
    add.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD")
    add.add_argument(
        "--target", default=None, help="log, sns or a webhook URL (default: sns if configured, else log)"
    )
    delete = actions.add_parser("delete", help="delete one alert of the key")
    delete.add_argument("alert_id", metavar="ID")
    parser.set_defaults(handler=_run_alerts)


def _run_alerts(args: argparse.Namespace, settings: Settings) -> int:
    from newsfacet.commands_trends_alerts import run_alerts  # noqa: PLC0415

    return run_alerts(args, settings)


# --- wiring -----------------------------------------------------------------------------------

SUBCOMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    _add_extract,
    _add_ingest,
    _add_search,
    _add_local,
    _add_serve,
    _add_rejections,
    _add_reconcile,
    _add_reindex,
    _add_trends,
    _add_alerts,
]


def build_parser() -> argparse.ArgumentParser:
    """The parser with every registered subcommand."""
    parser = argparse.ArgumentParser(prog="newsfacet", description="Clean, enrich and search news articles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsfacet` console script; returns the exit status."""
    args = build_parser().parse_args(argv)
    settings = Settings.from_env()
    if getattr(args, "store", None):
        settings = settings.model_copy(update={"store": args.store})
    handler: Handler = args.handler
    try:
        status = handler(args, settings)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (`| head`) has what it wanted: no traceback, and none again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
