"""Recall classes the model misses (issue 8): companies named only before a noun that only a
company takes, sheriff's and police departments written as part of their name, and the topic of a
story told in words the lexicon lacked (drug smuggling, public health, consumer computing, television
entertainment). Each runs the real pipeline (spaCy model and gazetteer) or the topic classifier on
text written for it."""

from __future__ import annotations

from newsfacet.enrich import Enrichment
from newsfacet.enrich.topic_vocabulary import ARTS, CRIME, HEALTH, SCIENCE
from newsfacet.enrich.topics import classify

from tests.unit.enrich_helpers import enriched


def actor_types(result: Enrichment) -> dict[str, str]:
    return {actor.name: actor.type for actor in result.actors}


def place_names(result: Enrichment) -> set[str]:
    return {location.name for location in result.locations}


def test_names_before_a_company_noun_or_after_drivers_for_are_companies() -> None:
    result = enriched(
        "Pay advances come to the gig economy",
        "Zelvo and Quindle customers can now draw their wages two days early. Drivers for Marlo and "
        "Tavix can cash out after every trip, and Brisket CEO Ana Ruiz says more is coming. Parnell "
        "shares rose 3 percent.",
    )
    types = actor_types(result)
    for company in ("Zelvo", "Quindle", "Marlo", "Tavix", "Brisket", "Parnell"):
        assert types.get(company) == "organization", (company, types)


def test_a_place_a_demonym_or_a_sentence_opener_before_a_company_noun_is_no_company() -> None:
    result = enriched(
        "Toll lanes open",
        "California drivers paid more in tolls last year, and Canadian customers crossed the border to "
        "shop. When Marlo drivers struck, fares rose; Ana Ruiz and Brisket CEO Tom Lee met in Sacramento.",
    )
    types = actor_types(result)
    assert "California" not in types and "Canadian" not in types
    assert "California" in place_names(result)
    assert "When Marlo" not in types and types.get("Marlo") == "organization"
    assert types.get("Ana Ruiz") != "organization"  # a singular company noun takes one name only


def test_sheriffs_and_police_departments_are_organisations_however_capitalised() -> None:
    result = enriched(
        "Deputy hurt in chase",
        "The Marlow County Sheriff's Department said a deputy was hurt on Friday. The chase began in "
        "the next county, where the Dunmore County, Ore., sheriff's office had set up a roadblock, "
        "and ended near a mall patrolled by the Elkhorn Police Department.",
    )
    types = actor_types(result)
    for force in (
        "Marlow County Sheriff's Department",
        "Dunmore County Sheriff's Office",
        "Elkhorn Police Department",
    ):
        assert types.get(force) == "organization", (force, types)
    assert "Oregon" in place_names(result)  # the state between county and force is a place too


def primary_codes(title: str, text: str) -> list[str]:
    return [topic.code for topic in classify(title, text) if topic.parent is None]


def test_drug_smuggling_at_a_border_is_crime() -> None:
    codes = primary_codes(
        "Lawmaker says tons of narcotics cross the border every week",
        "The figure comes from seizure data. Agents seized heroin and other narcotics at ports of "
        "entry, where cartels move most contraband, and smuggling through tunnels is rarer. The "
        "lawmaker repeated the claim in a speech about trafficking; fact-checkers rated it half true.",
    )
    assert f"medtop:{CRIME}" in codes


def test_a_public_health_campaign_against_a_drug_is_health() -> None:
    codes = primary_codes(
        "Ad agencies judge the state's new anti-meth campaign",
        "Advertising professionals judged the state's campaign against methamphetamine. It aims to "
        "raise awareness of meth addiction, a public health official said, as overdose deaths and "
        "drug use rise. Some creative directors called the slogan a mistake; public health experts "
        "said any attention helps.",
    )
    assert f"medtop:{HEALTH}" in codes


def test_a_laptop_release_is_science_and_technology() -> None:
    codes = primary_codes(
        "New 13-inch notebook with a better keyboard expected next spring",
        "The maker plans a 13-inch MacBook with a scissor-switch keyboard in early 2020, an analyst "
        "said in a note to investors. The keyboard replaces a design users disliked; the notebook "
        "may also get a faster CPU and a brighter screen.",
    )
    assert f"medtop:{SCIENCE}" in codes


def test_a_contestant_voted_off_a_dance_show_is_entertainment() -> None:
    codes = primary_codes(
        "Actor voted off dance show days after family loss",
        "The actor was voted off the ballroom competition on Monday night. He and his partner were "
        "eliminated in the semifinal episode after the judges praised their last dance. Fans of the "
        "reality show sent messages of support, and the contestant thanked the audience.",
    )
    assert f"medtop:{ARTS}" in codes


def test_a_name_ending_in_a_capitalised_region_noun_is_a_region_not_an_organisation() -> None:
    result = enriched(
        "Haze lingers over the capital",
        "Air quality in Lahore and the Upper Valley Region stayed poor on Monday, Pakistani officials "
        "said. Schools across the Upper Valley Region were closed.",
    )
    regions = {location.name: (location.kind, location.country_code) for location in result.locations}
    assert regions.get("Upper Valley Region") == ("region", "PK")
    assert "Upper Valley Region" not in actor_types(result)


def test_in_a_sports_story_a_city_named_without_a_place_word_is_a_team() -> None:
    result = enriched(
        "Rivals brace for rematch after brawl",
        "The quarterback was suspended for the rest of the season after the brawl, the league said. "
        '"Only way that game means anything is if we win this one, so our focus has got to be on '
        'Denver right now," the linebacker said. The coach, a Tokyo native, told players the same '
        "when he took over Portland. The team flew to Denver on Friday; the rematch in Portland is "
        "set for next month.",
    )
    assert {"Denver", "Portland"} <= set(actor_types(result))  # the teams
    assert {"Denver", "Portland", "Tokyo"} <= place_names(result)  # and, after "to" and "in", the cities


def test_outside_sport_a_city_named_without_a_place_word_stays_a_place() -> None:
    result = enriched(
        "Council approves new budget",
        "The council approved the budget on Tuesday. The mayor said the plan would change Portland "
        "for the better, and residents of the city welcomed lower taxes.",
    )
    assert "Portland" in place_names(result)
    assert "Portland" not in actor_types(result)


def test_the_acronym_of_a_place_named_in_full_is_that_place_alone_or_in_a_compound() -> None:
    result = enriched(
        "Haze lingers over the capital",
        "Air quality in Lahore and the Upper Valley Region (UVR) stayed poor on Monday, Pakistani "
        "officials said. Smog over Lahore-UVR worsened, and UVR hospitals filled.",
    )
    counts = {location.name: location.mentions for location in result.locations}
    assert counts.get("Upper Valley Region") == 4  # in full, "(UVR)", "Lahore-UVR", "UVR hospitals"
    assert counts.get("Lahore") == 2
    assert not {"UVR", "Lahore-UVR"} & set(actor_types(result))


def test_names_listed_with_a_company_are_companies_but_not_a_place() -> None:
    result = enriched(
        "Pay advances come to the gig economy",
        "Zelvo customers can draw their wages early. Zelvo, Quindle and Tavix all want your "
        "paycheck. Daniel Marquez, the founder of a rival, said Zelvo and Marquez disagree on fees. "
        "Zelvo and Germany signed a deal.",
    )
    types = actor_types(result)
    assert types.get("Quindle") == "organization" and types.get("Tavix") == "organization"
    assert types.get("Daniel Marquez") == "person" and "Marquez" not in types
    assert "Germany" not in types and "Germany" in place_names(result)


def test_newspapers_listed_under_their_kind_are_organisations_and_a_list_stops_at_the_sentence_end() -> None:
    result = enriched(
        "Chain to cut print days",
        "The chain owns 30 newspapers including the Harbor City Bee, Lakeside Herald and Prairie "
        "Star, and rivals such as Quindle. Readers complained on Monday.",
    )
    types = actor_types(result)
    for paper in ("Harbor City Bee", "Lakeside Herald", "Prairie Star", "Quindle"):
        assert types.get(paper) == "organization", (paper, types)
    assert not any("Readers" in name for name in types)
