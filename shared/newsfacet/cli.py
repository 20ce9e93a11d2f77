"""The `newsfacet` command.

This module declares the subcommands and their arguments, as data (`SUBCOMMANDS`);
`newsfacet.commands.run_<name>(args, settings) -> int` does the work (imported only when the command
runs, so `newsfacet --help` stays instant). To add one, add a `Subcommand` and write its `run_`
function. Subcommands take `--store` (default: `Settings.from_env().store`) unless `uses_store` is
false.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfacet import __version__
from newsfacet.config import InvalidSetting, Settings

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


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive integer")
    return value


class Argument:
    """One `add_argument` call: its names (or positional name) and options."""

    def __init__(self, *names: str, **options: Any) -> None:
        self.names = names
        self.options = options


@dataclass(frozen=True)
class Subcommand:
    """One subcommand: what `--help` says, its arguments, and whether it takes `--store`. It runs
    `newsfacet.commands.run_<name>(args, settings)`."""

    name: str
    help: str
    description: str
    epilog: str
    arguments: tuple[Argument, ...]
    uses_store: bool = True


_FILTERS = (
    Argument("--actor", action="append", metavar="A", help="an actor name (repeatable)"),
    Argument("--location", action="append", metavar="L", help="a location name (repeatable)"),
    Argument("--topic", action="append", metavar="T", help="an IPTC topic label (repeatable)"),
    Argument("--source", action="append", metavar="S", help="a site name (repeatable)"),
    Argument("--language", action="append", metavar="L", help="ISO 639-1, e.g. en (repeatable)"),
)
"""The facet filters of a search, as `search`, `trends` and `alerts add` take them."""
_SEARCH_WORDS_AND_FILTERS = (
    Argument("query", nargs="*", metavar="QUERY", help='words, "phrases", -excluded, OR'),
    *_FILTERS,
)

SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand(
        "extract",
        help="clean and enrich one HTML file, print the article as JSON",
        description="Print the Article as JSON on stdout (exit 0), or one line "
        "'rejected: <reason>: <detail>' on stderr (exit 2). An unreadable file exits 1.",
        epilog="example: newsfacet extract page.html.gz --url https://example.org/2026/10/story",
        arguments=(
            Argument("file", type=Path, help="an HTML page, possibly gzip-compressed"),
            Argument("--url", default=None, help="the URL the page was fetched from"),
        ),
        uses_store=False,
    ),
    Subcommand(
        "ingest",
        help="clean, enrich and index HTML files and directories into a store",
        description="Index files and directories (recursing; .html, .htm, .html.gz) into the store, "
        "parsing on every CPU core. A file's version is its mtime: re-ingesting an unchanged file "
        "is 'unchanged', an edited one replaces its article. Prints a summary; exits 1 only if a "
        "file failed (unreadable, store down), not when one is rejected as not an article.",
        epilog="example: newsfacet ingest samples/ --store sqlite:///.newsfacet/articles.db",
        arguments=(
            Argument("paths", nargs="+", type=Path, metavar="PATH", help="a file or a directory"),
            Argument(
                "--workers", type=_positive_int, default=None, help="parsing processes (default: CPU cores)"
            ),
            Argument("--batch-size", type=_positive_int, default=50, help="articles per store write"),
            Argument("--quiet", action="store_true", help="no progress bar"),
        ),
    ),
    Subcommand(
        "search",
        help="search the store: hits and facet counts, or the API's JSON",
        description="Full-text search with facet filters, answered by the search API's own routes. "
        "Repeat a filter for OR within a dimension; different dimensions combine with AND. "
        "Exits 2 on bad input (e.g. a malformed date).",
        epilog='example: newsfacet search "ceasefire talks" --location Lebanon --from 2026-10-01 --json',
        arguments=(
            *_SEARCH_WORDS_AND_FILTERS,
            Argument("--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD"),
            Argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD"),
            Argument("--sort", choices=["relevance", "date"], default=None),
            Argument("--size", type=int, default=None, metavar="N", help="hits per page (1-100)"),
            Argument("--cursor", default=None, metavar="C", help="next_cursor of the previous page"),
            Argument("--json", action="store_true", help="print exactly the API's response body"),
        ),
    ),
    Subcommand(
        "local",
        help="the whole system on this machine: S3 + SQS (moto), ingest worker, search API and page",
        description="Start moto (S3 + SQS with the template's bucket, queues and notifications), a "
        "worker feeding the queue to the ingest Lambda handler, and the search API + page. Uploads "
        "the bundled samples through S3. Store: $NEWSFACET_STORE / --store (default: embedded), or "
        "--opensearch to start a local OpenSearch node. Ctrl-C stops everything.",
        epilog="example: newsfacet local --port 8080   (what `make run` calls)",
        arguments=(
            Argument("--host", default="127.0.0.1", help="address to listen on"),
            Argument("--port", type=int, default=8080, help="search API and page port"),
            Argument("--moto-port", type=int, default=0, help="S3/SQS endpoint port (default: free)"),
            Argument("--opensearch", action="store_true", help="start a local OpenSearch node"),
            Argument("--no-samples", action="store_true", help="do not upload the bundled samples"),
        ),
    ),
    Subcommand(
        "serve",
        help="the search API and the search page over a store (no S3, no ingest)",
        description="Serve the search API and, at /, the search page. Requests are turned into API "
        "Gateway events for the search Lambda's own handler, so routes, validation and error bodies "
        "are the deployed API's. OpenAPI at /openapi.json, Swagger UI at /docs. Ctrl-C stops it.",
        epilog="example: newsfacet serve --port 8080 --store sqlite:///.newsfacet/articles.db",
        arguments=(
            Argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"),
            Argument("--port", type=int, default=8080, help="port of the API and the page (default 8080)"),
        ),
    ),
    Subcommand(
        "rejections",
        help="list uploads ingest rejected, newest first, with their reasons",
        description="Reads the rejection log: the DynamoDB table $NEWSFACET_REJECTIONS_TABLE when set "
        "(as deployed), else rejections.db next to the embedded store.",
        epilog="example: NEWSFACET_REJECTIONS_TABLE=<RejectionsTableName output> newsfacet rejections",
        arguments=(
            Argument("--limit", type=_positive_int, default=50, help="most rejections to list"),
            Argument("--reason", default=None, help="only this reason (e.g. binary, error_page)"),
            Argument("--json", action="store_true", help="one JSON object per line"),
        ),
    ),
    Subcommand(
        "reconcile",
        help="compare the bucket with the index and the rejection log, and repair the drift",
        description="Lists the uploads bucket; re-enqueues every object that is neither indexed nor "
        "rejected (lost notifications) and removes from the index what no object holds any more "
        "(lost removals). Prints the counts.",
        epilog="example: newsfacet reconcile --bucket <ArticlesBucketName> --queue-url <IngestQueueUrl>",
        arguments=(
            Argument("--bucket", default=None, help="the uploads bucket (NEWSFACET_ARTICLES_BUCKET)"),
            Argument("--queue-url", default=None, help="the ingest queue (NEWSFACET_INGEST_QUEUE_URL)"),
            Argument("--json", action="store_true", help="print the report as JSON"),
        ),
    ),
    Subcommand(
        "reindex",
        help="OpenSearch: rebuild the index from the current template and swap the alias",
        description="Copies every document (with its version) from the index the alias names into "
        "<alias>-v<N+1>, built from the packaged template, then swaps the alias atomically: searches "
        "never stop. Run after changing the template. The old index is kept unless --delete-old.",
        epilog="example: newsfacet reindex --store http://127.0.0.1:9200 --alias articles",
        arguments=(
            Argument("--alias", default=None, help="index alias (default: $NEWSFACET_INDEX_ALIAS)"),
            Argument("--delete-old", action="store_true", help="delete the old index after the swap"),
        ),
    ),
    Subcommand(
        "trends",
        help="what is rising: values of a dimension whose share of articles grew lately",
        description="The values of DIMENSION (actor, location, topic, source, language) whose share of "
        "the matching articles rose most in the window against the baseline before it, ranked by the "
        "z of the smoothed log odds ratio, with a sparkline of their daily articles.",
        epilog="example: newsfacet trends actor --window 7d --baseline 28d --location Germany",
        arguments=(
            Argument("dimension", metavar="DIMENSION", help="actor, location, topic, source or language"),
            *_SEARCH_WORDS_AND_FILTERS,
            Argument("--window", default="7d", help="the recent period, in days (default 7d)"),
            Argument("--baseline", default="28d", help="the period before it (default 28d)"),
            Argument("--to", dest="date_to", metavar="DATE", help="the window's last day (default today)"),
            Argument("--size", type=int, default=None, metavar="N", help="values to show (1-50)"),
            Argument("--json", action="store_true", help="print exactly the API's response body"),
        ),
    ),
    Subcommand(
        "alerts",
        help="saved searches: list, add or delete the alerts of an API key",
        description="Alerts belong to a caller, here the API key given (as the page and the API see "
        "it): each article indexed after an alert is saved that its search finds is sent to its "
        "target once. `list`; `add QUERY... [filters] [--target T]`; `delete ID`.",
        epilog='example: newsfacet alerts add "dock strike" --location Lisbon --target https://hooks.example/x',
        arguments=(
            Argument("action", choices=["list", "add", "delete"], help="list, add or delete"),
            Argument("query", nargs="*", metavar="QUERY|ID", help="add: the search's words; delete: the id"),
            *_FILTERS,
            Argument("--from", dest="date_from", metavar="DATE", help="add: first day, YYYY-MM-DD"),
            Argument("--to", dest="date_to", metavar="DATE", help="add: last day, YYYY-MM-DD"),
            Argument("--target", default=None, help="add: log, sns or a webhook URL (default: sns if any)"),
            Argument(
                "--api-key",
                default=os.environ.get("NEWSFACET_API_KEY", "newsfacet-cli"),
                help="whose alerts: the x-api-key to act as (default $NEWSFACET_API_KEY, else newsfacet-cli)",
            ),
            Argument("--json", action="store_true", help="list: print exactly the API's response body"),
        ),
    ),
)
"""Every subcommand, in `newsfacet --help` order."""


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand of `SUBCOMMANDS`."""
    parser = argparse.ArgumentParser(prog="newsfacet", description="Clean, enrich and search news articles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in SUBCOMMANDS:
        subparser = subparsers.add_parser(
            command.name, help=command.help, description=command.description, epilog=command.epilog
        )
        for argument in command.arguments:
            subparser.add_argument(*argument.names, **argument.options)
        if command.uses_store:
            add_store_option(subparser)
        subparser.set_defaults(handler=_command(f"run_{command.name}"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newsfacet` console script; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except InvalidSetting as error:
        print(f"newsfacet: {error}", file=sys.stderr)
        return 2
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
