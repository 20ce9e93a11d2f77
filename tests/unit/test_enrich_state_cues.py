"""A US state whose name alone is a city's, named with a cue that says the state (session 16,
s16-places): "Washington state", "New York State", "the state of New York". The name alone stays
the city ("New York" is New York City, "Washington" is Washington, D.C.). A story written in the
style of a news site; the pipeline runs with the real model and gazetteer."""

from __future__ import annotations

from tests.unit.enrich_helpers import actor_names, enriched, places


def test_a_state_cue_makes_the_name_the_state_not_the_city() -> None:
    result = enriched(
        "Wildfires force evacuations",
        "Wildfires in Washington state forced thousands to evacuate on Sunday, and Washington State "
        "officials said crews were stretched. In New York state, a new law on burn bans takes effect "
        "in March; the state of New York will also expand its firefighting program.",
    )
    found = places(result)
    assert found["Washington"] == ("region", "US") and found["New York"] == ("region", "US")
    assert not {"Washington, D.C.", "New York City"} & found.keys()
    assert "Washington State" not in actor_names(result)
    # Without a cue, the name alone stays the city.
    result = enriched(
        "Mayor signs budget",
        "The mayor of New York signed the budget on Friday, a week after lawmakers in Washington "
        "approved new federal funding for transit. The New York State Attorney General's office "
        "declined to comment.",
    )
    found = places(result)
    assert found["New York City"] == ("city", "US")
    assert found["Washington, D.C."] == ("city", "US")
    assert "New York" not in found  # "State" opens an office's name there


def test_a_resident_or_a_federal_district_of_the_name_is_the_state() -> None:
    result = enriched(
        "Man charged over threats",
        "A New York man was charged on Friday with threatening a member of Congress, the U.S. "
        "Attorney's Office for the Western District of New York said. A Washington woman was "
        "charged in a separate case.",
    )
    found = places(result)
    assert found["New York"] == ("region", "US") and found["Washington"] == ("region", "US")
    assert not {"New York City", "Washington, D.C."} & found.keys()


def test_a_state_after_one_of_its_cities_is_the_state_but_not_in_a_list_of_cities() -> None:
    result = enriched(
        "Boatbuilder opens plant",
        "The boatbuilder, based in Vancouver, Washington, will open a plant near Buffalo. Its founder, "
        "raised in Queens, New York, said the site was chosen for its port.",
    )
    found = places(result)
    assert found["Washington"] == ("region", "US") and found["New York"] == ("region", "US")
    assert not {"Washington, D.C.", "New York City"} & found.keys()
    listed = places(enriched("Protests spread", "Protests spread to Boston, New York and Chicago on Sunday."))
    assert listed["New York City"] == ("city", "US")
