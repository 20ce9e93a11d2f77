"""The `newsfacet` command.

Each subcommand is two small functions: `_add_<name>(subparsers)` declares its arguments and sets
`handler=_run_<name>`, and `_run_<name>(args, settings) -> int` does the work. To add one, write both
and append the `_add_` function to `SUBCOMMANDS`. Commands that use a store call `add_store_option`,
which gives them `--store` (default: `Settings.from_env().store`). Heavy modules (the pipeline, spaCy,
store clients) are imported inside the `_run_` functions so `newsfacet --help` stays instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from newsfacet import __version__
from newsfacet.config import Settings

__all__ = ["SUBCOMMANDS", "add_store_option", "build_parser", "main"]

Handler = Callable[[argparse.Namespace, Settings], int]

EXIT_OK = 0
EXIT_REJECTED = 2


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
        "'rejected: <reason>: <detail>' on stderr (exit 2).",
    )
    parser.add_argument("file", type=Path, help="an HTML page, possibly gzip-compressed")
    parser.add_argument("--url", default=None, help="the URL the page was fetched from")
    parser.set_defaults(handler=_run_extract)


def _run_extract(args: argparse.Namespace, settings: Settings) -> int:
    # Lazy: the pipeline loads trafilatura and spaCy, which other subcommands never need.
    from newsfacet.model import Origin, Rejection  # noqa: PLC0415
    from newsfacet.pipeline import build_article  # noqa: PLC0415

    path: Path = args.file
    raw = path.read_bytes()
    origin = Origin(bucket="local", key=str(path), source_url=args.url)
    result = build_article(raw, origin, version=0, settings=settings)
    if isinstance(result, Rejection):
        print(f"rejected: {result.reason.value}: {result.detail}", file=sys.stderr)
        return EXIT_REJECTED
    print(result.model_dump_json(indent=2))
    return EXIT_OK


# --- wiring -----------------------------------------------------------------------------------

SUBCOMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    _add_extract,
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
    return handler(args, settings)


if __name__ == "__main__":
    sys.exit(main())
