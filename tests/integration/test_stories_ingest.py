"""One article, one document; one wire story, one hit: the real pipeline through S3 and the command
line, on both engines (the S3 world of `test_ingest_pipeline`)."""

from __future__ import annotations

from pathlib import Path

import test_ingest_pipeline
from newsfacet.config import Settings
from newsfacet.fileingest import ingest_files
from newsfacet.model import SearchQuery
from newsfacet.objects.local_files import LOCAL_BUCKET
from test_ingest_pipeline import PORT_STRIKE, IngestWorld, news_page

aws = test_ingest_pipeline.aws  # the fixtures of that world, used here too
world = test_ingest_pipeline.world

OUTLETS = ["Harbour Ledger", "Tagus Times", "Iberia Wire", "Atlantic Post", "Coastal Courier"]


def outlet_page(outlet: str, number: int) -> bytes:
    """One outlet's copy of the wire story: its own site name, URL and byline, a credit line on top,
    and (for every other outlet) the last sentence cut short."""
    paragraphs = [f"LISBON ({outlet}) - {PORT_STRIKE[0]}", *PORT_STRIKE[1:]]
    if number % 2:
        paragraphs[-1] = paragraphs[-1].split(" during ")[0] + "."
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    slug = outlet.lower().replace(" ", "")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lisbon dock workers strike | {outlet}</title>
<link rel="canonical" href="https://{slug}.example/port-strike-{number}">
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="2026-10-12T0{number}:30:00+00:00">
</head><body><article><h1>Lisbon dock workers strike over night pay</h1>
{body}
</article><footer>© 2026 {outlet}</footer></body></html>""".encode()


def test_the_same_page_through_s3_and_the_command_line_is_one_document(
    world: IngestWorld, tmp_path: Path
) -> None:
    page = news_page("Lisbon dock workers strike", None, PORT_STRIKE)  # no canonical URL
    world.put("inbox/strike.html", page)
    world.deliver()
    local = tmp_path / "strike.html"
    local.write_bytes(page)

    report = ingest_files([local], world.store, Settings(), workers=1)

    assert report.count("failed") == 0
    hits = world.store.search(SearchQuery()).hits
    assert len(hits) == 1
    holders = {(held.bucket, held.key) for held in world.store.holders(hits[0].id)}
    assert holders == {(world.bucket, "inbox/strike.html"), (LOCAL_BUCKET, str(local.resolve()))}


def test_five_outlets_copies_of_a_wire_story_are_one_hit_of_story_size_five(world: IngestWorld) -> None:
    for number, outlet in enumerate(OUTLETS):
        world.put(f"{number}.html", outlet_page(outlet, number))
    world.deliver()

    plain = world.store.search(SearchQuery(q="lisbon strike"))
    assert plain.total == 5  # five documents: each outlet's URL is its own article
    result = world.store.search(SearchQuery(q="lisbon strike", collapse="story"))
    assert result.stories == 1
    (hit,) = result.hits
    assert hit.story is not None and hit.story.size == 5
    assert {hit.source, *(other.source for other in hit.story.others)} == set(OUTLETS)
