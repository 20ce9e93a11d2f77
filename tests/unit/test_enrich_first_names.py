"""A city's name that is the first name of a person the article names in full stands for that
person where the text uses it alone ("Sydney told reporters" after "Sydney Sweeney"), even a world
city's (session 16, s16-places); put as a place ("in Sydney") it stays the city. A story written in
the style of an entertainment site; the pipeline runs with the real model and gazetteer."""

from __future__ import annotations

from tests.unit.enrich_helpers import enriched, places


def test_a_first_name_alone_is_the_person_not_the_city() -> None:
    result = enriched(
        "Stars shine at premiere",
        "Sydney Sweeney and Austin Butler walked the red carpet in Los Angeles on Sunday. Later, "
        "Sydney told reporters she was thrilled. Brooklyn Beckham skipped the event; Brooklyn later "
        "posted a photo from home.",
    )
    found = places(result)
    assert not {"Sydney", "Brooklyn"} & found.keys()
    assert found["Los Angeles"] == ("city", "US")
    # Put as a place, the first name stays the city.
    result = enriched(
        "Actor films in Australia",
        "Sydney Sweeney arrived in Sydney on Monday to begin filming, her publicist said. Sydney "
        "told reporters she loved the harbour.",
    )
    assert places(result)["Sydney"] == ("city", "AU")
