"""Extraction benchmark over the public article-extraction benchmark (Zyte AEB, 181 pages).

Measures, in one run on one pinned core:

- body quality of newsfacet's cleaning and of trafilatura 2.3.1 `favor_precision=True` (the
  baseline), with the benchmark's own metric (see /work/shared/corpus/README.md and `page_scores`);
- title accuracy against the page's visible `<h1>`;
- pages per second for cleaning alone and for the whole pipeline (decode, clean, enrich);
- cold start: imports plus the first article (which loads the spaCy model) in a fresh interpreter.

Writes its section of docs/BENCHMARKS.md (between markers, other sections untouched).

    .venv/bin/python bench/extraction.py [--corpus DIR] [--worst N] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from report import load_average, machine, write_section

# One core, one BLAS thread: the figure must mean "per core", as in a Lambda with 1 vCPU.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path("/work/shared/corpus/aeb")
START_MARKER = "<!-- bench/extraction.py:start -->"
END_MARKER = "<!-- bench/extraction.py:end -->"
TOKEN = re.compile(r"\w+")
SHINGLE = 4


# --- the benchmark's metric -------------------------------------------------------------------


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Multiset of contiguous 4-token shingles; a shorter non-empty text is one shingle."""
    tokens = TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def page_scores(extracted: str, truth: str) -> tuple[float, float]:
    """(precision, recall) of one page; tp/fp/fn normalised to sum to 1 (which leaves ratios as is)."""
    got, want = shingles(extracted), shingles(truth)
    tp = sum((got & want).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


@dataclass
class Quality:
    precision: float
    recall: float
    f1: float
    accuracy: float


def corpus_quality(pairs: list[tuple[str, str]]) -> Quality:
    """Mean page precision and recall, F1 of the two means, exact token-list match share."""
    scores = [page_scores(extracted, truth) for extracted, truth in pairs]
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = sum(TOKEN.findall(extracted) == TOKEN.findall(truth) for extracted, truth in pairs)
    return Quality(precision, recall, f1, exact / len(pairs))


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Page:
    page_id: str
    url: str
    raw: bytes
    truth: str


def load_pages(corpus: Path) -> list[Page]:
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(
            page_id,
            item["url"],
            (corpus / "html_gz" / f"{page_id}.html.gz").read_bytes(),
            item["articleBody"],
        )
        for page_id, item in sorted(truth.items())
    ]


def visible_h1(raw_html: str) -> str | None:
    """The first `<h1>` with at least two words, as a reader sees it."""
    from lxml import html as lxml_html

    tree = lxml_html.document_fromstring(raw_html)
    for heading in tree.iter("h1"):
        text = " ".join(heading.text_content().split())
        if len(text.split()) >= 2:
            return text
    return None


def same_title(a: str, b: str) -> bool:
    return TOKEN.findall(a.casefold()) == TOKEN.findall(b.casefold())


def cold_start_seconds() -> tuple[float, float]:
    """(import seconds, import + first article seconds) in a fresh interpreter, best of three."""
    probe = (
        "import time; t0 = time.perf_counter();"
        "from newsfacet.pipeline import build_article; from newsfacet.config import Settings;"
        "from newsfacet.model import Origin; t1 = time.perf_counter();"
        "page = b'<html><body><article><h1>Storm hits the coast</h1><p>'"
        " + b'The storm reached the coast of Portugal on Monday and the government of Spain said '"
        " b'it would send help to the towns that were flooded by the rain. ' * 3"
        " + b'</p></article></body></html>';"
        "build_article(page, Origin(bucket='b', key='k'), 1, Settings()); t2 = time.perf_counter();"
        "print(t1 - t0, t2 - t0)"
    )
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
        ).stdout
        imported, total = (float(value) for value in out.split())
        runs.append((imported, total))
    return min(runs, key=lambda run: run[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--worst", type=int, default=0, help="print the N pages with the lowest F1")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/BENCHMARKS.md")
    parser.add_argument("--scores", type=Path, help="save per-page (precision, recall) as JSON here")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes; the best one counts")
    args = parser.parse_args(argv)

    import trafilatura
    from newsfacet.config import Settings
    from newsfacet.extract import decode_upload, extract_article
    from newsfacet.model import Article, ArticleRejected, Origin
    from newsfacet.pipeline import build_article

    settings = Settings()
    pages = load_pages(args.corpus)
    decoded = [
        decode_upload(
            page.raw,
            max_upload_bytes=settings.max_upload_bytes,
            max_decompressed_bytes=settings.max_decompressed_bytes,
        )
        for page in pages
    ]

    def run_baseline() -> list[str]:
        """trafilatura's best mode on the same decoded pages."""
        return [
            trafilatura.extract(text, url=page.url, favor_precision=True, include_comments=False) or ""
            for page, text in zip(pages, decoded, strict=True)
        ]

    def run_cleaning() -> tuple[list[str], list[str], list[str]]:
        """Ours, cleaning alone: parse, metadata, pre-clean, trafilatura, post-clean."""
        texts, found_titles, refused = [], [], []
        for page, text in zip(pages, decoded, strict=True):
            try:
                result = extract_article(text, page.url)
            except ArticleRejected as rejection:
                refused.append(f"{page.page_id[:12]} {rejection.reason.value}: {rejection.detail}")
                texts.append("")
                found_titles.append("")
                continue
            texts.append(result.text)
            found_titles.append(result.metadata.title)
        return texts, found_titles, refused

    def run_pipeline() -> int:
        """Whole pipeline: gzip bytes in, enriched Article out."""
        built = 0
        for page in pages:
            origin = Origin(bucket="bench", key=page.page_id, source_url=page.url)
            built += isinstance(build_article(page.raw, origin, 1, settings), Article)
        return built

    build_article(pages[0].raw, Origin(bucket="bench", key="warmup"), 0, settings)  # load the model
    # Each timing is the best of `--repeat` passes, the passes of the three interleaved, so a burst
    # of load from other work on this shared machine does not land on one extractor only.
    baseline_time = cleaning_time = pipeline_time = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        baseline = run_baseline()
        baseline_time = min(baseline_time, time.perf_counter() - started)
        started = time.perf_counter()
        ours, titles, rejected = run_cleaning()
        cleaning_time = min(cleaning_time, time.perf_counter() - started)
        started = time.perf_counter()
        articles = run_pipeline()
        pipeline_time = min(pipeline_time, time.perf_counter() - started)
    baseline_rate = len(pages) / baseline_time
    cleaning_rate = len(pages) / cleaning_time
    pipeline_rate = len(pages) / pipeline_time

    truths = [page.truth for page in pages]
    mine = corpus_quality(list(zip(ours, truths, strict=True)))
    base = corpus_quality(list(zip(baseline, truths, strict=True)))
    h1s = [visible_h1(text) for text in decoded]
    with_h1 = [(title, h1) for title, h1 in zip(titles, h1s, strict=True) if h1]
    title_hits = sum(same_title(title, h1) for title, h1 in with_h1)
    imported, cold = cold_start_seconds()

    if args.scores:
        per_page = {
            page.page_id: page_scores(text, page.truth) for page, text in zip(pages, ours, strict=True)
        }
        args.scores.write_text(json.dumps(per_page, indent=0), encoding="utf-8")
    if args.worst:
        ranked = sorted(
            zip(pages, ours, baseline, strict=True), key=lambda item: sum(page_scores(item[1], item[0].truth))
        )
        for page, text, base_text in ranked[: args.worst]:
            p, r = page_scores(text, page.truth)
            bp, br = page_scores(base_text, page.truth)
            print(
                f"{page.page_id[:12]} ours P={p:.3f} R={r:.3f}  trafilatura P={bp:.3f} R={br:.3f}  {page.url}"
            )
    for line in rejected:
        print("rejected", line)

    section = render(
        pages=len(pages),
        mine=mine,
        base=base,
        title_hits=title_hits,
        title_total=len(with_h1),
        cleaning_rate=cleaning_rate,
        baseline_rate=baseline_rate,
        pipeline_rate=pipeline_rate,
        articles=articles,
        rejected=len(rejected),
        imported=imported,
        cold=cold,
    )
    print(section)
    if not args.no_write:
        write_section(section, START_MARKER, END_MARKER)
    return 0


def render(
    *,
    pages: int,
    mine: Quality,
    base: Quality,
    title_hits: int,
    title_total: int,
    cleaning_rate: float,
    baseline_rate: float,
    pipeline_rate: float,
    articles: int,
    rejected: int,
    imported: float,
    cold: float,
) -> str:
    today = dt.date.today().isoformat()
    return "\n".join(
        [
            START_MARKER,
            "## Extraction (`bench/extraction.py`)",
            "",
            f"Corpus: Zyte article-extraction benchmark, {pages} pages (`/work/shared/corpus/aeb`). "
            "Metric: the benchmark's own (4-token shingles, page-normalised; corpus P/R are means over "
            "pages, F1 their harmonic mean; accuracy = exact token match).",
            f"Machine: {machine()}; pinned to one core. Date: {today}. Load average when the run "
            f"ended: {load_average()} (the machine is shared; rates fall as the load rises).",
            "",
            "| extractor | precision | recall | F1 | accuracy | pages/s |",
            "|---|---|---|---|---|---|",
            f"| newsfacet cleaning (pre-clean + trafilatura + post-clean) | {mine.precision:.3f} | "
            f"{mine.recall:.3f} | {mine.f1:.3f} | {mine.accuracy:.3f} | {cleaning_rate:.0f} |",
            f"| trafilatura 2.3.1 `favor_precision=True`, no comments (baseline, same run) | "
            f"{base.precision:.3f} | {base.recall:.3f} | {base.f1:.3f} | {base.accuracy:.3f} | "
            f"{baseline_rate:.0f} |",
            "",
            f"- Title accuracy vs the visible `<h1>`: {title_hits}/{title_total} "
            f"({title_hits / max(title_total, 1):.1%}) of the pages that have one.",
            f"- Whole pipeline (gzip bytes -> decode, clean, metadata, enrich -> `Article`): "
            f"{pipeline_rate:.1f} pages/s on one core; {articles} articles, {pages - articles} rejections "
            f"({rejected} by cleaning).",
            f"- Cold start in a fresh interpreter: imports {imported * 1000:.0f} ms, imports + first article "
            f"(loads the spaCy model) {cold * 1000:.0f} ms.",
            "- Rates are the best of interleaved passes. Enrichment (spaCy NER) takes most of the "
            "pipeline's time and the model load most of the cold start: see the enrichment section. "
            "`pipeline.warm_up()` moves that load to process start.",
            "- Most remaining title mismatches are pages whose first `<h1>` is the site's logo (the "
            "article's headline is then right and the reference wrong).",
            END_MARKER,
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
