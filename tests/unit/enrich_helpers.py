"""What the enrichment tests read off an article: the real pipeline (spaCy model and gazetteer) run
in English over a title and a body written for the test, its actors' names and its places."""

from __future__ import annotations

from newsfacet.enrich import Enrichment, enrich


def enriched(title: str, body: str) -> Enrichment:
    return enrich(title, body, language="en")


def places(result: Enrichment) -> dict[str, tuple[str, str | None]]:
    return {location.name: (location.kind, location.country_code) for location in result.locations}


def actor_names(result: Enrichment) -> set[str]:
    return {actor.name for actor in result.actors}
