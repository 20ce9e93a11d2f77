"""Names that fold like a place but are none (session 16, s16-places): a stock index named after its
city ("the Shanghai Composite"), a unit after a quantity ("540 Nm", which folds like "N.M."), a
word that folds like a state's abbreviation ("The Mass was held...", "Mass." being Massachusetts).
Stories written for each in the style of a news site; the pipeline runs with the real model and
gazetteer."""

from __future__ import annotations

from tests.unit.enrich_helpers import actor_names, enriched, places


def test_a_stock_index_named_after_its_city_is_neither_place_nor_actor() -> None:
    result = enriched(
        "Asian stocks slide",
        "Chinese stocks fell on Monday. The Shanghai Composite index dropped 2%, and the Shanghai "
        "composite closed at its lowest since May. Hong Kong's Hang Seng lost 1%.",
    )
    assert "Shanghai" not in places(result)
    assert "Shanghai" not in actor_names(result)
    assert places(result)["Hong Kong"][0] == "country"  # the city named as a place stays one


def test_a_unit_or_a_word_that_folds_like_a_state_abbreviation_is_no_place() -> None:
    result = enriched(
        "Carmaker unveils electric SUV",
        "The motor produces 540 Nm of torque and the battery holds 90 kWh. The Mass was held at the "
        "plant's chapel before the launch in Hayward, Calif., on Sunday.",
    )
    found = places(result)
    assert not {"New Mexico", "Massachusetts"} & found.keys()
    assert found["California"] == ("region", "US")  # "Calif." with its dot stays the state


def test_a_town_named_word_before_an_offering_is_neither_place_nor_actor() -> None:
    result = enriched(
        "Chat app adds admin controls",
        "The company said on Tuesday that its Enterprise plan now includes single sign-on for "
        "customers in the US, and that the Starter tier keeps 10 GB of storage.",
    )
    assert "Enterprise" not in places(result)
    assert "Enterprise" not in actor_names(result)
    assert places(result)["United States"] == ("country", "US")


def test_a_town_named_firm_listed_with_firms_is_no_town() -> None:
    result = enriched(
        "Utah startup raises $40 million",
        "The Salt Lake City startup raised $40 million from Khosla Ventures, Draper and Lux Capital, "
        "and will open an office in Draper, a suburb of the city, next year.",
    )
    draper = next(location for location in result.locations if location.name == "Draper")
    assert draper.mentions == 1  # "in Draper" only; the investor is no town
