"""The bundled samples (what `make run` uploads) give a corpus whose facets say something.

Runs the real pipeline on every page of `samples/` into an embedded store.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from newsfacet.config import Settings
from newsfacet.fileingest import ingest_files
from newsfacet.ingest import is_article_key
from newsfacet.model import SearchQuery, SearchResult
from newsfacet.store.embedded.store import EmbeddedStore

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> SearchResult:
    url = f"sqlite:///{tmp_path_factory.mktemp('samples')}/articles.db"
    store = EmbeddedStore.from_url(url)
    try:
        report = ingest_files([SAMPLES], store, Settings(store=url), workers=1)
        assert [o for o in report.outcomes if o.status != "indexed"] == [], "every sample is an article"
        return store.search(SearchQuery(size=100))
    finally:
        store.close()


def test_every_sample_page_becomes_an_article_with_a_date(corpus: SearchResult) -> None:
    pages = [path for path in SAMPLES.iterdir() if is_article_key(path.name)]
    assert 14 <= len(pages) <= 20
    assert corpus.total == len(pages)
    dates = sorted(hit.published_at.date() for hit in corpus.hits if hit.published_at)
    assert len(dates) == len(pages)
    assert (dates[-1] - dates[0]).days >= 14, "dates spread over a few weeks (histograms, date filters)"


def test_actors_and_places_recur_across_different_sites(corpus: SearchResult) -> None:
    sources_of_actor: dict[str, set[str | None]] = defaultdict(set)
    sources_of_place: dict[str, set[str | None]] = defaultdict(set)
    for hit in corpus.hits:
        for actor in hit.actors:
            sources_of_actor[actor].add(hit.source)
        for place in hit.locations:
            sources_of_place[place].add(hit.source)

    assert sum(1 for sources in sources_of_actor.values() if len(sources) >= 3) >= 5
    assert sum(1 for sources in sources_of_place.values() if len(sources) >= 3) >= 5
    assert len({hit.source for hit in corpus.hits}) >= 8


def test_boilerplate_names_never_become_actors(corpus: SearchResult) -> None:
    # Each appears only in navigation, "most read", related links or comments of some sample page.
    boilerplate_only = {
        "Taylor Swift",
        "Macron",
        "Pope Leo",
        "Chloe Martin",
        "Maya Fares",
        "Jamal Musiala",
        "Rami Nassar",
    }
    actors = {actor for hit in corpus.hits for actor in hit.actors}
    assert not {name for name in actors if any(word in name for word in boilerplate_only)}
