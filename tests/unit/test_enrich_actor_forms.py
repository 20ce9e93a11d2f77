"""Actor names as news writes them, read into the one name a reader looks up: a country's force
by its proper name ("Nigeria Police"), the United States' bodies by its name, a ticker glued to an
index's name, a family named by the plural of a surname ("the Bidens"). Each runs the real
pipeline (spaCy model and gazetteer) on text written for it."""

from __future__ import annotations

from tests.unit.enrich_helpers import actor_names, enriched


def test_a_country_force_written_as_a_proper_name_keeps_its_name() -> None:
    result = enriched(
        "Senators sue police chief",
        "ABUJA - Two senators have sued the Inspector-General of Police over their arrest by the "
        "Nigeria Police. The Nigeria Police said on Friday it would defend the suit in court.",
    )
    names = actor_names(result)
    assert "Nigeria Police" in names, names
    assert "Nigerian Police" not in names, names


def test_the_us_government_goes_by_the_name_of_the_united_states() -> None:
    result = enriched(
        "Markets wait on trade talks",
        "Stocks were mixed in Asia on Tuesday. The US government extended a temporary licence that "
        "lets American firms keep selling parts to Huawei, the Commerce Department said.",
    )
    names = actor_names(result)
    assert "United States Government" in names, names
    assert "American Government" not in names, names


def test_a_ticker_glued_to_an_index_leaves_no_actor() -> None:
    result = enriched(
        "Asian shares edge higher",
        "HONG KONG - Hong Kong's Hang Seng Index(HSI) rose 1% in early trade, while analysts at "
        "Nomura Holdings said investors were waiting for news from the trade talks.",
    )
    names = actor_names(result)
    assert not any("Hang Seng" in name for name in names), names
    assert "Nomura Holdings" in names, names


def test_a_family_named_by_a_surname_in_the_plural_is_no_organisation() -> None:
    result = enriched(
        "Inquiry widens",
        "Former vice president Joe Biden defended his son on Tuesday. Critics say the Bidens now "
        "face questions over Ukraine, and Republicans in the Senate want the Bidens to testify.",
    )
    names = actor_names(result)
    assert "Joe Biden" in names, names
    assert "Bidens" not in names, names


def test_a_name_closing_a_quoted_title_is_part_of_a_work() -> None:
    result = enriched(
        "Band reunites",
        "The reunited band closed the show in Nashville, bringing out Michael McDonald to perform "
        "“Takin’ It to the Streets.” Fans cheered. “I told Johnston that we would play,” McDonald said.",
    )
    names = actor_names(result)
    assert "Streets" not in names, names
    assert "Johnston" in names, names  # a quotation, not a title


def test_a_facility_named_by_its_first_word_is_no_person() -> None:
    result = enriched(
        "Rock band to reunite with singer for Blossom show",
        "CLEVELAND, Ohio - The rock band will reunite with singer Michael McDonald for a tour next "
        "summer. Billboard reported details of the reunion tour that stops at Blossom Music Center "
        "on July 22. The band will also play Nashville.",
    )
    names = actor_names(result)
    assert "Blossom" not in names, names
    assert "Blossom Music Center" in {location.name for location in result.locations}


def test_a_leader_named_before_a_tenure_is_a_person() -> None:
    result = enriched(
        "The Impeachment Clock",
        "The Obama administration reset ties with Russia. Critics of the Bush era said little, and "
        "an anonymous Bush holdover went to the inspector general. Obama declined to comment.",
    )
    types = {actor.name: actor.type for actor in result.actors}
    assert types.get("Obama") == "person", types
    assert types.get("Bush") == "person", types


def test_a_medium_a_source_spoke_to_is_an_organisation() -> None:
    result = enriched(
        "Three killed in clashes near fuel plant",
        "A doctor on the scene told Quintly that he tried to save one of the wounded, and a witness "
        "told Streamlo the shots came from soldiers. The mayor told Smith, a resident, to leave.",
    )
    types = {actor.name: actor.type for actor in result.actors}
    assert types.get("Quintly") == "organization", types
    assert "Streamlo" not in types, types  # no statement after it: no cue
