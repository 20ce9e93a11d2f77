"""Places written as compounds and epithets (session 16, s16-places): a metropolitan region named by
a hyphen or slash compound of its cities or of a city and the region's acronym ("Delhi-NCR",
"Dallas-Fort Worth"), two places named together ("the U.S.-Mexico border"), a road between two
cities, and "the National Capital" of Indian news. Stories written for each in the style of a news
site; the pipeline runs with the real model and gazetteer."""

from __future__ import annotations

from newsfacet.enrich.gazetteer import load_gazetteer
from newsfacet.enrich.place_compounds import compound_place_spans

from tests.unit.enrich_helpers import actor_names, enriched, places

SMOG_STORY = (
    "Air quality across Delhi-NCR slipped into the 'severe' category on Sunday, with residents of "
    "Noida and Gurugram waking to a thick haze. The pollution control board said the National "
    "Capital would see no relief before Wednesday.\n\n"
    "Schools in the national capital will stay shut until Friday, the Delhi government said, and "
    "construction work across Delhi/NCR has been halted for a week."
)


def test_a_city_and_region_acronym_compound_is_the_region_and_no_actor() -> None:
    result = enriched("Delhi-NCR wakes to toxic haze as schools close", SMOG_STORY)
    assert places(result)["National Capital Region"] == ("region", "IN")
    assert {"Delhi-NCR", "Delhi/NCR", "National Capital"}.isdisjoint(actor_names(result))


def test_the_national_capital_in_an_indian_story_is_delhi() -> None:
    result = enriched("Delhi-NCR wakes to toxic haze as schools close", SMOG_STORY)
    delhi = next(location for location in result.locations if location.name == "Delhi")
    assert (delhi.kind, delhi.country_code) == ("city", "IN")
    assert delhi.mentions >= 3  # "the National Capital", "the national capital", "Delhi government"


def test_the_national_capital_region_is_known_as_a_region_of_india_first() -> None:
    candidates = load_gazetteer().candidates("National Capital Region")
    assert (candidates[0].kind, candidates[0].country_code) == ("region", "IN")


HOUSING_STORY = (
    "Home prices in Dallas-Fort Worth rose 4.2% in October from a year earlier, the fastest pace "
    "in the country, according to the brokerage's monthly report. Buyers in Raleigh-Durham and "
    "Minneapolis-St. Paul saw smaller gains, while sales in the Tri-State Area fell for a third "
    "month.\n\nIn the Tampa-St. Petersburg area, listings doubled as insurers raised premiums."
)


def test_metro_compounds_are_one_region_each_not_their_cities_nor_actors() -> None:
    result = enriched("Texas metro leads October home price gains", HOUSING_STORY)
    found = places(result)
    for metro in ("Dallas-Fort Worth", "Raleigh-Durham", "Minneapolis-St. Paul", "Tri-State Area"):
        assert found[metro] == ("region", "US")
    assert found["Tampa-St. Petersburg"] == ("region", "US")  # listed nowhere: two cities + "area"
    assert not {"Dallas", "Fort Worth", "Raleigh", "Durham", "Tampa"} & found.keys()
    assert not {"Raleigh-Durham", "Tri-State Area", "Tampa-St. Petersburg"} & actor_names(result)


def test_two_places_joined_by_a_hyphen_are_both_places_and_no_actor() -> None:
    result = enriched(
        "Border crossings fall",
        "Crossings at the U.S.-Mexico border fell by a third in November, officials said, while "
        "Russia-Ukraine talks in Istanbul made no progress.",
    )
    found = places(result)
    assert found["United States"] == ("country", "US") and found["Mexico"] == ("country", "MX")
    assert found["Russia"] == ("country", "RU") and found["Ukraine"] == ("country", "UA")
    assert not {"U.S.-Mexico", "Russia-Ukraine"} & actor_names(result)


def test_a_road_between_two_cities_is_a_place_of_its_own() -> None:
    result = enriched(
        "Convoy attacked near border",
        "The convoy was attacked on the Baghdad-Damascus highway, 20 kilometres from the border "
        "post, the ministry said on Monday. A second convoy was stopped on the Aleppo-Latakia (M4) "
        "highway.",
    )
    assert places(result)["Baghdad-Damascus highway"] == ("area", None)
    assert places(result)["Aleppo-Latakia highway"] == ("area", "SY")  # without the road's number
    assert not {"Baghdad", "Latakia"} & places(result).keys()


def test_hyphenated_names_that_are_not_two_places_give_no_compound() -> None:
    body = "Jean-Pierre Roe, a Rolls-Royce engineer, drank Coca-Cola. Israel-Hamas fighting resumed."
    assert compound_place_spans(("", body), load_gazetteer().is_place_name) == []


def test_a_place_compound_that_opens_a_longer_name_is_left_to_that_name() -> None:
    result = enriched(
        "Business group warns on tariffs",
        "The U.S.-China Business Council said on Monday that its members were worried, and the "
        "Japan-America Society cancelled its annual dinner.",
    )
    assert {"U.S.-China Business Council", "Japan-America Society"} <= actor_names(result)
    assert not {"China", "Japan"} & places(result).keys()


def test_a_metro_compound_before_based_is_the_region() -> None:
    result = enriched(
        "Airline signs software deal",
        "The Dallas-Fort Worth-based airline said on Monday that a Delhi-NCR-based startup would "
        "build its booking app.",
    )
    found = places(result)
    assert found["Dallas-Fort Worth"] == ("region", "US")
    assert found["National Capital Region"] == ("region", "IN")
