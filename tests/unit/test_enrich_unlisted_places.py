"""Places the gazetteer does not hold, found by how news names them (session 13): streets of
addresses and the towns people are from in local crime reports, small places introduced by their
kind ("the town of ...", "the ... area of ..."), and a city's airport. Sentences written for each
in the style of a news site; the pipeline runs with the real model and gazetteer."""

from __future__ import annotations

from newsfacet.enrich import Enrichment, enrich
from newsfacet.enrich.gazetteer import load_gazetteer
from newsfacet.enrich.place_forms import credits_not_named_like_places, listed_team_mentions
from newsfacet.enrich.unlisted_places import STREET, TOWN, address_mentions, facility_mentions

from tests.unit.enrich_helpers import actor_names, enriched
from tests.unit.enrich_helpers import places as places_of


def place_names(result: Enrichment) -> set[str]:
    return {location.name for location in result.locations}


CRIME_REPORT = (
    "Deputies arrested Marla K. Steen, 41, of 2207 Birchwood Drive, after a traffic stop. Her "
    "passenger, Colin R. Ames, 27, of Linden, was also charged. A warrant was served at 410 Orchard "
    "Pl. and at 88 N. County Road 300E, Sheriff Dale Parrish said."
)


def test_streets_of_addresses_and_the_towns_people_are_from_are_found() -> None:
    found = {(mention.text, mention.label) for mention in address_mentions("", CRIME_REPORT)}
    assert found == {
        ("Birchwood Drive", STREET),
        ("Orchard Pl.", STREET),
        ("County Road 300E", STREET),
        ("Linden", TOWN),
    }
    assert address_mentions("", "The 2020 Audi Sportback costs 71,350 euros, of which 12 Percent") == []
    assert address_mentions("", "Read our 2 Week California Road Trip Itinerary") == []


def test_addresses_are_places_not_actors() -> None:
    result = enriched("Two arrested in drug investigation", CRIME_REPORT)
    assert {"Birchwood Drive", "Orchard Pl.", "Linden"} <= place_names(result)
    assert not {"Birchwood Drive", "Orchard Pl.", "Orchard Place", "Linden"} & actor_names(result)
    assert "Marla K. Steen" in actor_names(result)


def test_small_places_introduced_by_their_kind_are_places() -> None:
    result = enriched(
        "Three killed in raid",
        "Three fighters were killed overnight in the Dashtak area of Khorvand, officials said. The "
        "last outbreak was in 2011, when two herders died in the town of Oyuunbel.",
    )
    assert {"Dashtak", "Khorvand", "Oyuunbel"} <= place_names(result)
    assert not {"Dashtak", "Khorvand", "Oyuunbel"} & actor_names(result)


def test_a_port_of_software_or_a_list_of_counties_is_no_place_of_its_own() -> None:
    result = enriched(
        "Old kernels live on",
        "Work went on with only the ARM port of Quillux, a niche project. Evacuation warnings were "
        "issued in an area of Marin and Sonoma counties.",
    )
    names = place_names(result)
    assert "Quillux" not in names
    assert "Marin and Sonoma" not in names and "Marin and Sonoma" not in actor_names(result)


def test_a_citys_airport_is_a_place_of_its_own() -> None:
    result = enriched(
        "Deportees return home",
        "The plane carrying 140 deportees landed at the Mumbai airport on Friday morning.",
    )
    assert {"Mumbai", "Mumbai Airport"} <= place_names(result)


def test_a_facility_someone_is_taken_to_or_held_at_is_a_place() -> None:
    text = (
        "The six were taken to the Marlow County Jail. A nurse at Mercy Hospital said a rally at "
        "the Ohio Statehouse was calm."
    )
    assert {mention.text for mention in facility_mentions("", text)} == {
        "Marlow County Jail",
        "Ohio Statehouse",
    }
    result = enriched("Six arrested after raid", text)
    assert "Marlow County Jail" in place_names(result)
    assert "Marlow County Jail" not in actor_names(result)


def test_a_place_of_two_words_opening_a_sentence_is_found() -> None:
    result = enriched(
        "Streaming stocks slide",
        "Shares of streaming companies fell on Tuesday. Wall Street analysts expect more losses.",
    )
    assert "Wall Street" in place_names(result)


def test_cities_listed_with_clubs_in_a_sports_story_are_teams() -> None:
    text = (
        "The new manager has coached FC Basel, Leeds, Everton and Athletic Bilbao, winning the "
        "league twice.\n\nHe also won the cup with Leeds. The striker scored twice in the match."
    )
    assert {mention.text for mention in listed_team_mentions("", text)} == {
        "FC Basel",
        "Leeds",
        "Everton",
        "Athletic Bilbao",
    }
    assert listed_team_mentions("", "Officials in Leeds, York and Hull said the roads were closed.") == []
    result = enriched(
        "Rovers name Fenwick head coach after defeat",
        "Rovers have hired Dario Fenwick as head coach. He has managed FC Lugano, Marseille, Bordeaux "
        "and Sporting Braga, and spent two seasons in charge of Bordeaux before the club sacked him.",
    )
    assert "Bordeaux" not in place_names(result)
    assert "Bordeaux" in actor_names(result)


def test_a_detention_centre_someone_is_held_at_is_a_place() -> None:
    text = (
        "Two guards were charged on Tuesday over the death of an inmate at the Harbor Correctional "
        "Center. Migrants held at Otero Detention Facility staged a hunger strike last month."
    )
    assert {mention.text for mention in facility_mentions("", text)} == {
        "Harbor Correctional Center",
        "Otero Detention Facility",
    }
    result = enriched("Guards charged over inmate death", text)
    assert {"Harbor Correctional Center", "Otero Detention Facility"} <= place_names(result)
    assert "Harbor Correctional Center" not in actor_names(result)


def test_a_site_named_for_its_city_leaves_the_city_in_its_own_stories() -> None:
    # The publisher's credits of a city site ("tampa" for a tampa.com): the dateline and the
    # sentences still name the city, and the city is no actor.
    result = enrich(
        "Tickets on sale for spring arena show",
        "TAMPA, Fla. - The band will play Tampa's Riverside Arena on May 2, its first show in the "
        "city since 2015. More on Tampa.com.",
        language="en",
        exclude=["tampa", "tampa.com", "Tampa.com"],
    )
    assert places_of(result)["Tampa"] == ("city", "US")
    assert "Tampa" not in actor_names(result)


def test_the_town_a_firm_is_based_in_is_a_place_however_small() -> None:
    result = enriched(
        "Home sales slip in May",
        "Home sales in the Dallas area fell 4 percent in May, according to a report from "
        "RealtyData, a Sugar Land-based provider of housing data.",
    )
    assert places_of(result)["Sugar Land"] == ("city", "US")


def test_a_venue_named_after_its_citys_possessive_is_a_place() -> None:
    result = enriched(
        "Band adds spring dates",
        "The band will close its tour at Denver's Paramount Theatre on May 2, then play a benefit "
        "at Austin's Riverside Auditorium. Denver's National Park Service office was closed.",
    )
    found = places_of(result)
    assert found["Paramount Theatre"] == ("facility", "US")
    assert found["Riverside Auditorium"] == ("facility", "US")
    assert "Riverside Auditorium" not in actor_names(result)
    assert "National Park" not in found  # of a longer name: the Service is a body


def test_a_brands_showroom_is_a_place() -> None:
    text = (
        "During design week, the Vela Showroom in Via Solferino 12 shows a light installation by "
        "Anna Berg, a designer who has worked for Vela since 2015."
    )
    # The address block after the story opens with the showroom's name: not run on from the line
    # before it.
    text += " The piece is lit by Anna Berg.\n\nVela Showroom\n\nvia Solferino 12, Milan"
    assert {mention.text for mention in facility_mentions("", text)} == {"Vela Showroom"}
    assert "Vela Showroom" in place_names(enriched("A light installation for Vela", text))


def test_only_a_citys_name_among_the_credits_is_left_in_the_text() -> None:
    # "PA" is the wire service before it is Pennsylvania; "nj" of nj.com is no city either.
    credits = ["tampa", "tampa.com", "PA", "nj"]
    assert credits_not_named_like_places(credits, load_gazetteer()) == ["tampa.com", "PA", "nj"]


def test_the_place_a_site_is_in_is_a_place() -> None:
    result = enriched(
        "Three killed in Bolivia protests",
        "Three people were killed in Bolivia on Tuesday as security forces cleared a blockade. A "
        "journalist reported hearing gunfire near the fuel plant in Kantuta, which protesters have "
        "tried to block for five days.",
    )
    assert places_of(result)["Kantuta"] == ("area", "BO")
    assert "Kantuta" not in actor_names(result)
