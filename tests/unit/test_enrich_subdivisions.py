"""First-level subdivisions of countries besides the US that news names as places (session 16,
s16-places): India's states, Canada's provinces, Australia's states, China's provinces. GeoNames'
shipped table holds only the US states; these come from `geo_subdivisions`. Stories written for
each in the style of a news site; the pipeline runs with the real model and gazetteer."""

from __future__ import annotations

from newsfacet.enrich.gazetteer import load_gazetteer

from tests.unit.enrich_helpers import actor_names, enriched, places


def test_states_and_provinces_of_other_countries_are_regions_of_their_country() -> None:
    result = enriched(
        "Monsoon rains lash Maharashtra",
        "Heavy rain lashed Maharashtra and Karnataka on Monday, and the weather office warned that "
        "Kerala and Tamil Nadu would be next. In Uttar Pradesh, the state government shut schools.\n\n"
        "Wildfires in British Columbia and Alberta sent smoke across the border, while floods in New "
        "South Wales and Queensland forced evacuations. Factories in Guangdong also shut.",
    )
    found = places(result)
    for state in ("Maharashtra", "Karnataka", "Kerala", "Tamil Nadu", "Uttar Pradesh"):
        assert found[state] == ("region", "IN")
    assert found["British Columbia"] == ("region", "CA") and found["Alberta"] == ("region", "CA")
    assert found["New South Wales"] == ("region", "AU") and found["Queensland"] == ("region", "AU")
    assert found["Guangdong"] == ("region", "CN")
    assert "Tamil Nadu" not in actor_names(result)  # the model calls it a person


def test_a_subdivision_named_like_its_capital_stays_the_city() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.candidates("Lagos")[0].kind == "city"
    assert gazetteer.candidates("Delhi")[0].kind == "city"
    assert gazetteer.candidates("Bali")[0].country_code == "ID"  # not the town near Kolkata


def test_uk_counties_are_regions_and_us_towns_of_their_name_stay_towns_in_us_stories() -> None:
    uk = places(
        enriched(
            "Floods hit southern England",
            "Police in Kent said a man from Maidstone had been arrested. Flooding hit parts of Essex, "
            "Surrey and Devon, and warnings were issued for Norfolk and Lancashire.",
        )
    )
    for county in ("Kent", "Essex", "Surrey", "Devon", "Norfolk", "Lancashire"):
        assert uk[county] == ("region", "GB")
    us = places(
        enriched(
            "Victims named",
            "A sailor from Norfolk, Va., was among the victims, police said. The Navy base in Norfolk "
            "will hold a memorial on Friday.",
        )
    )
    assert us["Norfolk"] == ("city", "US")
