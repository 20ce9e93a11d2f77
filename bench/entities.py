"""Entity benchmark: the whole pipeline over the hand-annotated development set, scored by its own rules.

    .venv/bin/python bench/entities.py                  # score, print, update docs/BENCHMARKS.md
    .venv/bin/python bench/entities.py --no-write       # score and print only
    .venv/bin/python bench/entities.py --per-page       # also the misses and extras of tuning pages
    .venv/bin/python bench/entities.py --per-page --held-out   # ...and of the held-out pages

Reads `../shared/corpus/entities-dev` (25 pages of the AEB corpus annotated with actors, locations
and IPTC topics; its README holds the annotation rules) and the raw pages in `../shared/corpus/aeb`,
read only. Every page goes through `pipeline.build_article` (decode, clean, metadata, enrich) as an
upload would, and the Article's actors, locations and topics are scored with the corpus's own
`score.py` (imported from the corpus, not copied), so the figures are those the scorer prints.

The pages are split once, by the sha1 of their id: ids whose sha1 starts with 0-3 are held out of
tuning (their misses are printed only with --held-out). The report gives both parts and the total.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from report import load_average, machine, write_section

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
START_MARKER = "<!-- bench/entities.py:start -->"
END_MARKER = "<!-- bench/entities.py:end -->"
HELD_OUT_PREFIXES = tuple("0123")
KINDS = ("actors", "locations")
COUNTS = ("pred", "pred_matched", "ref", "ref_found", "central", "central_found")


def is_held_out(page_id: str) -> bool:
    return hashlib.sha1(page_id.encode()).hexdigest().startswith(HELD_OUT_PREFIXES)


def load_scorer(corpus: Path) -> ModuleType:
    """The corpus's own `score.py` (standard library only), imported from where it lies."""
    spec = importlib.util.spec_from_file_location("entities_dev_score", corpus / "entities-dev" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {corpus / 'entities-dev'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(corpus: Path, reference: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], float]:
    """Run the whole pipeline over every annotated page: page id -> prediction, and the seconds taken."""
    from newsfacet.config import Settings
    from newsfacet.model import Article, Origin
    from newsfacet.pipeline import build_article

    settings = Settings()
    pages = corpus / "aeb" / "html_gz"
    raws = {page_id: (pages / f"{page_id}.html.gz").read_bytes() for page_id in reference}
    build_article(next(iter(raws.values())), Origin(bucket="bench", key="warm-up"), 0, settings)
    predictions: dict[str, dict[str, Any]] = {}
    started = time.perf_counter()
    for page_id, raw in raws.items():
        origin = Origin(bucket="bench", key=f"{page_id}.html.gz", source_url=reference[page_id]["url"])
        article = build_article(raw, origin, 1, settings)
        if not isinstance(article, Article):
            print(f"{page_id[:12]} rejected: {article.reason.value}: {article.detail}", file=sys.stderr)
            continue
        predictions[page_id] = {
            "actors": [{"name": actor.name} for actor in article.actors],
            "locations": [{"name": location.name} for location in article.locations],
            "topics": [{"code": topic.code} for topic in article.topics],
        }
    return predictions, time.perf_counter() - started


def score(
    scorer: ModuleType, reference: dict[str, Any], predictions: dict[str, dict[str, Any]], page_ids: list[str]
) -> tuple[dict[str, dict[str, int]], int, dict[str, Any]]:
    """Summed counts per kind, primary-topic hits, and the per-page detail, over `page_ids`."""
    totals: dict[str, dict[str, int]] = {kind: dict.fromkeys(COUNTS, 0) for kind in (*KINDS, "all")}
    hits = 0
    pages: dict[str, Any] = {}
    for page_id in page_ids:
        ref, pred = reference[page_id], predictions.get(page_id, {})
        per_kind = {kind: scorer.score_kind(ref[kind], scorer._names(pred.get(kind))) for kind in KINDS}
        for kind in KINDS:
            scorer.add_into(totals[kind], per_kind[kind])
            scorer.add_into(totals["all"], per_kind[kind])
        codes = scorer._codes(pred.get("topics"))
        primary = ref["topics"][0] if ref["topics"] else None
        hit = primary is not None and primary in codes
        hits += hit
        pages[page_id] = (per_kind, primary, codes, hit)
    return totals, hits, pages


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "-"


def table_rows(label: str, totals: dict[str, dict[str, int]], hits: int, pages: int) -> list[str]:
    rows = []
    for kind in KINDS:
        s = totals[kind]
        rows.append(
            f"| {label} | {kind} | {s['pred']} | {s['pred_matched']} | "
            f"{ratio(s['pred_matched'], s['pred'])} | "
            f"{s['ref']} | {s['ref_found']} | {ratio(s['ref_found'], s['ref'])} | {s['central']} | "
            f"{s['central_found']} | {ratio(s['central_found'], s['central'])} | "
            + (f"{hits}/{pages} |" if kind == "actors" else " |")
        )
    return rows


def print_pages(reference: dict[str, Any], pages: dict[str, Any], title: str) -> None:
    print(f"\n##### {title}")
    for page_id, (per_kind, primary, codes, hit) in pages.items():
        print(f"\n{page_id[:12]}  {reference[page_id]['url'][:90]}")
        print(f"  topic {primary}: {'hit' if hit else 'MISS'}; predicted {', '.join(sorted(codes)) or '-'}")
        for kind in KINDS:
            s = per_kind[kind]
            misses = [("*" if e.get("central") else "") + e["name"] for e in s["misses"]]
            print(f"  {kind} missed ({len(misses)}): {'; '.join(misses) or '-'}")
            print(f"  {kind} extra  ({len(s['extras'])}): {'; '.join(s['extras']) or '-'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the shared corpus folder")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/BENCHMARKS.md")
    parser.add_argument("--per-page", action="store_true", help="print misses and extras of tuning pages")
    parser.add_argument("--held-out", action="store_true", help="with --per-page: held-out pages too")
    parser.add_argument("--save", type=Path, help="write the predictions here (JSON, for score.py)")
    args = parser.parse_args(argv)

    scorer = load_scorer(args.corpus)
    reference = json.loads((args.corpus / "entities-dev" / "entities.json").read_text(encoding="utf-8"))
    predictions, seconds = predict(args.corpus, reference)
    if args.save:
        args.save.write_text(json.dumps(predictions, ensure_ascii=False, indent=1), encoding="utf-8")

    tuning = [page_id for page_id in reference if not is_held_out(page_id)]
    held_out = [page_id for page_id in reference if is_held_out(page_id)]
    parts = [("tuning", tuning), ("held-out", held_out), ("all", list(reference))]
    scored = {label: score(scorer, reference, predictions, ids) for label, ids in parts}

    if args.per_page:
        print_pages(reference, scored["tuning"][2], f"tuning pages ({len(tuning)})")
        if args.held_out:
            print_pages(reference, scored["held-out"][2], f"held-out pages ({len(held_out)})")

    rows = [
        row for label, ids in parts for row in table_rows(label, scored[label][0], scored[label][1], len(ids))
    ]
    section = "\n".join(
        [
            START_MARKER,
            "## Entities (`bench/entities.py`)",
            "",
            f"Development set `../shared/corpus/entities-dev` ({len(reference)} hand-annotated AEB pages), "
            "each page run through the whole pipeline from its raw HTML (`pipeline.build_article`) and "
            "scored with the set's own `score.py` (micro-averaged; P = matched predictions / predictions, "
            "R = annotated entities found / annotated, cR = the same over central entities; topic = pages "
            "whose primary annotated IPTC code is among the predicted codes). Held out of tuning: the "
            f"{len(held_out)} pages whose id's sha1 starts with 0-3; the other {len(tuning)} were used for "
            "tuning.",
            f"Machine: {machine()}. Date: {dt.date.today().isoformat()}. {len(reference) / seconds:.1f} "
            f"pages/s through the whole pipeline (load average {load_average()}).",
            "",
            "| pages | kind | pred | match | P | ref | found | R | central | found | cR | primary topic |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
            *rows,
            END_MARKER,
        ]
    )
    print()
    print(section)
    if not args.no_write:
        write_section(section, START_MARKER, END_MARKER)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
