"""Phrases with stop words count the same on both engines, over a generated 5,000-article corpus;
writes the "Phrase counts" section of docs/BENCHMARKS.md.

Issue 10 found OpenSearch dropping the stop word inside a quoted phrase (`"in Lebanon"` 2,827 hits
against 848 on the embedded store, `"killed by"` 1,340 against 0). The corpus is generated from a
seed: news-like sentences with those phrases, and filler drawn from the differential suite's
vocabulary (`tests/contract/test_differential.py`, which also gives the stores: a fresh embedded
store and a fresh index on a local OpenSearch node, each holding the corpus). Each phrase is counted
quoted and unquoted on both.

    python bench/phrase_counts.py [--articles 5000] [--seed 10]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(Path(__file__).resolve().parent)]

from newsfacet.model import Article, Origin, SearchQuery  # noqa: E402
from report import load_average, machine, write_section  # noqa: E402

from infrastructure.opensearch.node import LocalNode  # noqa: E402
from tests.contract.test_differential import STOP_WORDS, WORDS, both_engines  # noqa: E402

START, END = "<!-- phrase-counts:start -->", "<!-- phrase-counts:end -->"
PHRASES = [
    "in Lebanon",
    "killed by",
    "the ceasefire",
    "killed by a drone",
    "ceasefire in Lebanon",
    "the aid convoy",
    "talks on the ceasefire",
    "was killed",
    "of the minister",
]
SENTENCES = [
    "{n} soldiers were killed by a drone in {place}.",
    "A drone killed {n} soldiers near the border of {place}.",
    "The ceasefire in {place} held as the minister arrived.",
    "Talks on the ceasefire were {verb} by the vote.",
    "The aid convoy reached {place} after {n} days.",
    "A reporter was killed in {place} on {day}.",
    "The office of the minister said the report was wrong.",
    "Floods in the south; {place} sent aid.",
    "Ceasefire talks in {place} went on; the convoy was stopped.",
]
PLACES = ["Lebanon", "Gaza", "Syria", "Lebanon", "Israel"]
VERBS = ["killed off", "delayed", "ended", "killed"]
DAYS = ["Monday", "Tuesday", "Friday"]


def generated_corpus(size: int, seed: int) -> tuple[Article, ...]:
    """`size` articles of 2 to 5 sentences, each followed by filler words of the differential suite."""
    rng = random.Random(seed)
    articles = []
    for number in range(1, size + 1):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            sentence = rng.choice(SENTENCES).format(
                n=rng.randint(2, 9), place=rng.choice(PLACES), verb=rng.choice(VERBS), day=rng.choice(DAYS)
            )
            filler = " ".join(rng.choices(WORDS + STOP_WORDS, k=rng.randint(0, 8)))
            sentences.append(f"{sentence} {filler.capitalize()}." if filler else sentence)
        text = " ".join(sentences)
        articles.append(
            Article(
                id=f"{number:032x}",
                version=1,
                title=f"Report {number}",
                text=text,
                lede=sentences[0],
                word_count=len(text.split()),
                content_sha256=f"{number:064x}",
                simhash=f"{number:016x}",
                ingested_at=datetime(2024, 5, 1, tzinfo=UTC),
                origin=Origin(bucket="b", key=f"{number}.html"),
            )
        )
    return tuple(articles)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    corpus = generated_corpus(args.articles, args.seed)
    node = LocalNode.start()
    rows, disagreements = [], 0
    try:
        with both_engines(node.url, corpus) as (embedded, opensearch):
            for phrase in PHRASES:
                for q in (f'"{phrase}"', phrase):
                    counts = [
                        store.search(SearchQuery(q=q, size=1)).total for store in (embedded, opensearch)
                    ]
                    agree = counts[0] == counts[1]
                    disagreements += not agree
                    rows.append(f"| `{q}` | {counts[0]:,} | {counts[1]:,} | {'yes' if agree else '**no**'} |")
                    print(rows[-1], flush=True)
    finally:
        node.stop()
    section = "\n".join(
        [
            START,
            "## Phrase counts on both engines",
            "",
            f"`bench/phrase_counts.py`, {datetime.now(UTC):%Y-%m-%d}, {machine()}, load {load_average()}.",
            f"{args.articles:,} generated articles (seed {args.seed}: news-like sentences with the phrases",
            "of issue 10, filler from the differential suite's vocabulary), written to a fresh embedded",
            "store and a fresh index on a local OpenSearch node; each phrase counted quoted and unquoted.",
            "",
            "| query | embedded | OpenSearch | agree |",
            "|---|---|---|---|",
            *rows,
            "",
            f"{len(rows) - disagreements} of {len(rows)} queries agree.",
            END,
        ]
    )
    write_section(section, START, END)
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
