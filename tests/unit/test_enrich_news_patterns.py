"""How news writes names, on sentences written for these tests: people introduced by their job or
position or alongside another person, listed companies, employers, facilities and streets, products,
and national bodies. Each runs the real pipeline (spaCy model and gazetteer)."""

from __future__ import annotations

from newsfacet.enrich import Enrichment
from newsfacet.enrich.actors import extract_actors
from newsfacet.enrich.mentions import mention_at
from newsfacet.enrich.names import clean_name

from tests.unit.enrich_helpers import enriched


def actor_types(result: Enrichment) -> dict[str, str]:
    return {actor.name: actor.type for actor in result.actors}


def place_kinds(result: Enrichment) -> dict[str, str]:
    return {location.name: location.kind for location in result.locations}


def test_a_full_name_after_a_sports_position_is_a_person_and_the_city_before_it_a_team() -> None:
    result = enriched(
        "Late hit sparks brawl as visitors hold on",
        "The league suspended Denver center Tomas Halvorsen for two games on Monday after the brawl. "
        "Halvorsen apologised to the referee. The rematch in Denver is set for next month.",
    )
    assert actor_types(result).get("Tomas Halvorsen") == "person"
    assert "Denver" in actor_types(result)  # the team, named by its city before a position
    assert "Denver" in place_kinds(result)  # and the city, after "in"


def test_a_second_person_given_like_the_first_is_a_person_too() -> None:
    result = enriched(
        "Two engineers freed after months in captivity",
        "American Robert Lindqvist and Canadian Maribel Ostrowski, both engineers at a mining firm, "
        "were freed on Sunday. Lindqvist and Ostrowski had been held since March, officials said.",
    )
    types = actor_types(result)
    assert types.get("Robert Lindqvist") == "person"
    assert types.get("Maribel Ostrowski") == "person"
    ostrowski = next(actor for actor in result.actors if actor.name == "Maribel Ostrowski")
    assert ostrowski.mentions == 2 and "Ostrowski" in ostrowski.aliases


def test_a_name_before_a_stock_ticker_is_a_company_with_its_possessive_s() -> None:
    result = enriched(
        "Retail shares slip after cautious forecasts",
        "Shares of the hardware chain fell 4% in early trading. Rival Pellow’s (PLW) was down 2%, and "
        "Pellow’s reports its own results on Wednesday.",
    )
    assert actor_types(result).get("Pellow's") == "organization"
    assert "Pellow" not in actor_types(result)


def test_an_employer_before_analyst_and_a_name_is_an_organisation_whatever_the_model_typed() -> None:
    # The model sometimes types a brokerage's name a place ("Jefferies analyst ..."); no gazetteer
    # place of that name was resolved, so the staff noun after it decides.
    text = "In a note to clients, Harwick analyst Dana Moreau said demand would stay strong."
    start = text.index("Harwick")
    employer = mention_at(text, start, start + len("Harwick"), "GPE", in_title=False)
    assert employer.before_staff
    start = text.index("Dana Moreau")
    analyst = mention_at(text, start, start + len("Dana Moreau"), "PERSON", in_title=False)
    actors = extract_actors([employer, analyst])
    assert {(actor.name, actor.type) for actor in actors} == {
        ("Harwick", "organization"),
        ("Dana Moreau", "person"),
    }


def test_facilities_and_streets_are_places_under_their_full_names() -> None:
    result = enriched(
        "Suspect held after standoff",
        "Police said the man walked down Fort Worth's 9th Avenue before noon, then drove to the "
        "town's Brambleton Suites hotel. He was later taken to the city's Calloway prison. "
        "Protesters gathered in Linden Park on Sunday.",
    )
    kinds = place_kinds(result)
    assert kinds.get("Calloway Prison") == "facility"
    assert kinds.get("Brambleton Suites") == "facility"
    assert "9th Avenue" in kinds
    assert kinds.get("Linden Park") == "facility"
    assert not {"Brambleton", "Brambleton Suites", "Calloway"} & set(actor_types(result))


def test_a_maker_named_for_its_product_is_no_actor() -> None:
    result = enriched(
        "Stolen car found",
        "Officers found the stolen Ford sedan abandoned near the river on Tuesday, a spokesman said.",
    )
    assert "Ford" not in actor_types(result)


def test_a_coast_guard_goes_by_its_country_and_a_ministry_by_the_demonym() -> None:
    result = enriched(
        "Patrol boats handed over",
        "Japan's coast guard received two patrol boats on Friday, while China's commerce ministry "
        "said talks would continue.",
    )
    types = actor_types(result)
    assert types.get("Japan Coast Guard") == "organization"
    assert types.get("Chinese Commerce Ministry") == "organization"


def test_a_span_that_joins_two_names_or_starts_with_a_possessive_is_cleaned() -> None:
    assert clean_name("Garrett hit Rudolph", person=True) is None
    assert clean_name("Catherine of Aragon", person=True) == "Catherine of Aragon"
    assert clean_name("’s Hoa Lo") == "Hoa Lo"


def test_a_ministry_deciding_about_a_police_building_is_politics_too() -> None:
    codes = {
        topic.code
        for topic in enriched(
            "Barracks where a dictator trained will become a police station, minister says",
            "The barracks will become a police station, the interior minister said on Tuesday, after "
            "years of debate over a site that drew neo-Nazis. The building will house the local "
            "police force, the Interior Ministry said. A jury of architects will judge the designs, "
            "the ministry said. Recent governments have recognised the crimes of the era.",
        ).topics
    }
    assert {"medtop:02000000", "medtop:11000000"} <= codes
