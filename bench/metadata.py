"""Metadata misses on WCXB, page by page: title, author and date of our extraction against the
references, with the same loading, parts and matching as bench/extraction.py (whose metadata line
this reproduces without its baselines and timings).

    .venv/bin/python bench/metadata.py [--part tuning|held-out|all] [--misses title author date]
        [--save FILE] [--against FILE]

`--misses` prints, for each field named, every page that misses: page id, ours, the reference and
the page's URL. `--save` keeps every page's metadata (both corpora) as JSON; `--against` lists the
pages whose metadata changed since such a file (the AEB has no metadata references: that is how its
pages are checked for harm).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extraction import (
    CORPORA,
    TOKEN,
    Outcome,
    Page,
    author_matches,
    build_extractors,
    load_pages,
    same_tokens,
)
from report import corpus_dir

FIELDS = ("title", "author", "date")


def misses(field: str, page: Page, outcome: Outcome) -> tuple[str, str] | None:
    """(ours, reference) when `field` misses on this page, else None (also when it has no reference)."""
    if outcome.refused or outcome.crashed:
        return None
    if field == "title" and page.headline and not same_tokens(outcome.title, page.headline):
        return outcome.title, page.headline
    if field == "author" and page.author and not author_matches(outcome.authors, page.author):
        return " ; ".join(outcome.authors), page.author
    if field == "date" and page.published and outcome.published != page.published[:10]:
        return outcome.published, page.published
    return None


def summary(pages: list[Page], outcomes: list[Outcome]) -> str:
    wcxb = [(p, o) for p, o in zip(pages, outcomes, strict=True) if p.corpus == "wcxb-dev"]
    cells = []
    for field, has in (
        ("title", lambda p: bool(p.headline)),
        ("author", lambda p: bool(p.author)),
        ("date", lambda p: bool(p.published)),
    ):
        judged = [(p, o) for p, o in wcxb if has(p) and not o.refused and not o.crashed]
        hits = sum(misses(field, p, o) is None for p, o in judged)
        cells.append(f"{field} {hits}/{len(judged)} ({hits / max(len(judged), 1):.1%})")
    # The same author count without reading "A and B" as the list [A, B] (the figure before 2026-12-02).
    strict = sum(
        any(same_tokens(name, p.author) for name in o.authors)
        or sorted(TOKEN.findall(" ".join(o.authors).casefold())) == sorted(TOKEN.findall(p.author.casefold()))
        for p, o in wcxb
        if p.author and not o.refused and not o.crashed
    )
    undated = sum(bool(o.published) for p, o in wcxb if not p.published and not o.refused and not o.crashed)
    return (
        "WCXB metadata: "
        + "; ".join(cells)
        + f" (author {strict} counting 'and' as a word); a date on {undated} pages the reference dates not"
    )


def as_record(outcome: Outcome) -> dict[str, object]:
    return {"title": outcome.title, "authors": outcome.authors, "date": outcome.published}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-root", type=Path, default=corpus_dir())
    parser.add_argument("--part", choices=("tuning", "held-out", "all"), default="tuning")
    parser.add_argument("--corpus", choices=(*CORPORA, "both"), default="both")
    parser.add_argument("--misses", nargs="*", choices=FIELDS, default=[], help="print these fields' misses")
    parser.add_argument("--save", type=Path, help="save every page's metadata as JSON here")
    parser.add_argument("--against", type=Path, help="list pages whose metadata differs from this file")
    args = parser.parse_args(argv)

    from newsfacet.config import Settings
    from newsfacet.extract import decode_upload

    settings = Settings()
    corpora = CORPORA if args.corpus == "both" else (args.corpus,)
    pages = [page for corpus in corpora for page in load_pages(args.corpus_root / corpus)]
    if args.part != "all":
        pages = [page for page in pages if page.held_out == (args.part == "held-out")]
    ours = build_extractors([])["newsfacet"]
    outcomes = [
        ours(
            page,
            decode_upload(
                page.raw,
                max_upload_bytes=settings.max_upload_bytes,
                max_decompressed_bytes=settings.max_decompressed_bytes,
            ),
        )
        for page in pages
    ]
    for field in args.misses:
        print(f"--- {field} misses")
        for page, outcome in zip(pages, outcomes, strict=True):
            missed = misses(field, page, outcome)
            if missed is not None:
                print(f"{page.name} | ours: {missed[0]!r} | ref: {missed[1]!r} | {page.url}")
    if args.against:
        earlier = json.loads(args.against.read_text(encoding="utf-8"))
        for page, outcome in zip(pages, outcomes, strict=True):
            before, now = earlier.get(page.name), as_record(outcome)
            if before is not None and before != now:
                changed = {key: (before[key], now[key]) for key in now if before[key] != now[key]}
                print(f"changed {page.name}: {changed}")
    if args.save:
        records = {page.name: as_record(o) for page, o in zip(pages, outcomes, strict=True)}
        args.save.write_text(json.dumps(records, indent=0, ensure_ascii=False), encoding="utf-8")
    print(summary(pages, outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
