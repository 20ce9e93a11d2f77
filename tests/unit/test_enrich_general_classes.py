"""Failure classes found on news pages outside the development set (issue 8, generalising): US
counties and regions, products, companies, namesakes of world cities, people's surnames that are
also towns. Each runs the real pipeline (spaCy model and gazetteer) on sentences written for it."""

from __future__ import annotations

from newsfacet.enrich import Enrichment, enrich


def enriched(title: str, body: str) -> Enrichment:
    return enrich(title, body, language="en")


def places(result: Enrichment) -> dict[str, tuple[str, str | None]]:
    return {location.name: (location.kind, location.country_code) for location in result.locations}


def actor_names(result: Enrichment) -> set[str]:
    return {actor.name for actor in result.actors}


def test_us_counties_and_regions_are_places_in_the_united_states() -> None:
    result = enriched(
        "Wildfire forces evacuations",
        "Firefighters in Ventura County battled a blaze on Tuesday as dry winds swept Southern "
        "California. In Harris County, Texas, officials opened shelters. Farmers across the Midwest "
        "and in Cook County watched prices fall.",
    )
    found = places(result)
    for name in ("Ventura County", "Harris County", "Cook County", "Southern California", "Midwest"):
        assert found.get(name) == ("region", "US"), name
    assert not actor_names(result) & {"Ventura County", "Harris County", "Cook County", "Midwest"}
