"""The `newsfacet` command.

This module declares the arguments: `_add_<name>(subparsers)` per subcommand, with
`handler=_command("run_<name>")`; `newsfacet.commands.run_<name>(args, settings) -> int` does the
work (imported only when the command runs, so `newsfacet --help` stays instant). To add one, write
both and append the `_add_` function to `SUBCOMMANDS`. Commands that use a store call
`add_store_option`, which gives them `--store` (default: `Settings.from_env().store`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from newsfacet import __version__
from newsfacet.config import Settings

__all__ = ["SUBCOMMANDS", "add_store_option", "build_parser", "main"]

Handler = Callable[[argparse.Namespace, Settings], int]


def _command(name: str) -> Handler:
    """The subcommand `newsfacet.commands.<name>(args, settings)`, imported only when it runs: heavy
    modules (the pipeline, spaCy, store clients) stay out of `newsfacet --help`."""

    def run(args: argparse.Namespace, settings: Settings) -> int:
        from newsfacet import commands  # noqa: PLC0415

        handler: Handler = getattr(commands, name)
        return handler(args, settings)

    return run


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """`--store URL`: sqlite:///path or http(s)://host:port; overrides NEWSFACET_STORE."""
    parser.add_argument(
        "--store",
        default=None,
        help="sqlite:///path (embedded) or http(s)://host:port (OpenSearch); default: $NEWSFACET_STORE",
    )


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
    parser.set_defaults(handler=_command("run_extract"))


# --- ingest, search, local ------------------------------------------------------------------


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
    parser.set_defaults(handler=_command("run_ingest"))


def _add_search(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the store: hits and facet counts, or the API's JSON",
        description="Full-text search with facet filters, answered by the search API's own routes. "
        "Repeat a filter for OR within a dimension; different dimensions combine with AND. "
        "Exits 2 on bad input (e.g. a malformed date).",
        epilog='example: newsfacet search "ceasefire talks" --location Lebanon --from 2026-10-01 --json',
    )
    parser.add_argument("query", nargs="*", metavar="QUERY", help='words, "phrases", -excluded, OR')
    parser.add_argument("--actor", action="append", metavar="A", help="an actor name (repeatable)")
    parser.add_argument("--location", action="append", metavar="L", help="a location name (repeatable)")
    parser.add_argument("--topic", action="append", metavar="T", help="an IPTC topic label (repeatable)")
    parser.add_argument("--source", action="append", metavar="S", help="a site name (repeatable)")
    parser.add_argument("--language", action="append", metavar="L", help="ISO 639-1, e.g. en (repeatable)")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD")
    parser.add_argument("--sort", choices=["relevance", "date"], default=None)
    parser.add_argument("--size", type=int, default=None, metavar="N", help="hits per page (1-100)")
    parser.add_argument("--cursor", default=None, metavar="C", help="next_cursor of the previous page")
    parser.add_argument("--json", action="store_true", help="print exactly the API's response body")
    add_store_option(parser)
    parser.set_defaults(handler=_command("run_search"))


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
    parser.set_defaults(handler=_command("run_local"))


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
    parser.set_defaults(handler=_command("run_serve"))


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
    parser.set_defaults(handler=_command("run_reconcile"))


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
    parser.set_defaults(handler=_command("run_rejections"))


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
    parser.set_defaults(handler=_command("run_reindex"))


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
