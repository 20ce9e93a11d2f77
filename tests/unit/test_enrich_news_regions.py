"""Named regions of the United States and the United Kingdom that news writes as places (session
16, s16-places): "the Gulf Coast", "South Florida", "the Texas Panhandle", "the Research
Triangle", "the Midlands". GeoNames' table holds US states and counties only; these come from
`geo_regions.NEWS_REGIONS`. Stories written for each in the style of a news site; the pipeline runs
with the real model and gazetteer."""

from __future__ import annotations

from tests.unit.enrich_helpers import actor_names, enriched, places

STORM_STORY = (
    "Forecasters said the storm would make landfall on the Gulf Coast late on Tuesday before moving "
    "across the Florida Panhandle. Schools in South Florida closed, and ranchers in the Texas "
    "Panhandle moved cattle to higher ground.\n\n"
    "Employers in the Research Triangle, the Midlands and the Bay Area said remote staff were "
    "unaffected. Factories in the West Midlands reported delays."
)


def test_named_us_and_uk_regions_are_regions_of_their_country() -> None:
    result = enriched("Storm heads for Gulf Coast", STORM_STORY)
    found = places(result)
    for region in (
        "Gulf Coast",
        "Florida Panhandle",
        "South Florida",
        "Texas Panhandle",
        "Research Triangle",
    ):
        assert found[region] == ("region", "US")
    assert found["Midlands"] == ("region", "GB") and found["West Midlands"] == ("region", "GB")
    assert found["San Francisco Bay Area"] == ("region", "US")


def test_named_regions_are_no_actors() -> None:
    result = enriched("Storm heads for Gulf Coast", STORM_STORY)
    assert not {"Texas Panhandle", "Research Triangle", "Gulf Coast"} & actor_names(result)
