"""Places news names in short or broad forms (session 13, s13-entities3): a country by its short
form ("Korea", "Congo"), continents and macro-regions ("the Americas", "East Asia"), historical
states and mountain ranges, buildings named for what they are ("the Texas Capitol"), and a place
name that is the short form of a company the article names in full. Sentences written for each in
the style of a news site; the pipeline runs with the real model and gazetteer."""

from __future__ import annotations

from newsfacet.enrich.gazetteer import load_gazetteer
from newsfacet.enrich.geo_aliases import PLACE_NOUNS
from newsfacet.enrich.mentions import find_mentions, mention_at
from newsfacet.enrich.places import resolve_places
from newsfacet.enrich.span_rules import split_possessive
from newsfacet.enrich.unlisted_places import facility_mentions

from tests.unit.enrich_helpers import actor_names, enriched, places


def test_short_country_forms_name_every_country_they_can_mean_usual_one_first() -> None:
    gazetteer = load_gazetteer()
    assert [place.country_code for place in gazetteer.candidates("Korea")] == ["KR", "KP"]
    assert [place.country_code for place in gazetteer.candidates("Congo")] == ["CD", "CG"]


def test_korea_alone_is_south_korea_and_no_actor() -> None:
    result = enriched(
        "Bakery chain plans 300 more stores",
        "The bakery chain, founded in Korea in 1986, now runs 4,000 shops in Korea and China. Its "
        "chief executive said the company would open 300 more in the United States by 2030.",
    )
    assert places(result)["South Korea"] == ("country", "KR")
    assert "Korea" not in actor_names(result)


def test_korea_in_a_story_about_the_north_is_north_korea() -> None:
    assert load_gazetteer().candidates("Korea")  # else the test below proves nothing
    result = enriched(
        "Missile launch condemned",
        "Pyongyang fired two missiles into the sea on Tuesday, North Korea's state media said. The "
        "launch was the third this month, and analysts said Korea would test again before the "
        "anniversary of the regime.",
    )
    assert "South Korea" not in places(result)
    assert places(result)["North Korea"] == ("country", "KP")


def test_continents_and_macro_regions_are_places_with_a_point() -> None:
    result = enriched(
        "Coffee chain expands abroad",
        "The coffee chain will expand across the Americas next year and open its first shops in "
        "East Asia in 2027, its chief executive said in Seattle.",
    )
    found = {location.name: location for location in result.locations}
    assert found["Americas"].kind == "continent" and found["Americas"].latitude is not None
    assert found["East Asia"].kind == "area" and found["East Asia"].longitude is not None
    assert not {"Americas", "East Asia"} & actor_names(result)


def test_historical_states_and_mountain_ranges_are_places() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.candidates("USSR")[0].name == "Soviet Union"
    assert gazetteer.candidates("Sierra Nevada")[0].kind == "mountain"


def test_buildings_named_for_what_they_are_are_places_anywhere_in_the_body() -> None:
    body = (
        "Several thousand teachers surrounded the Ohio Statehouse on Tuesday. Others rallied on the "
        "grounds of the Texas Capitol. The U.S. Capitol Police said nobody was hurt."
    )
    assert {m.text for m in facility_mentions("", body)} == {"Ohio Statehouse", "Texas Capitol"}
    # Not in a headline in title case, not a determiner opening a sentence.
    assert facility_mentions("Teachers Rally At Texas Capitol", "The Capitol was closed.") == []


def test_a_named_capitol_is_a_facility_and_its_noun_alone_refers_back_to_it() -> None:
    result = enriched(
        "Teachers protest vouchers bill",
        "Hundreds of teachers gathered on the grounds of the Texas Capitol in Austin on Monday. "
        "Inside the Capitol, lawmakers debated the bill for six hours.",
    )
    assert places(result)["Texas Capitol"][0] == "facility"
    assert not {"Capitol", "Texas Capitol"} & actor_names(result)


def test_a_facility_word_before_another_capitalised_word_opens_another_name() -> None:
    text = "The office referred the call to U.S. Capitol Police on Friday."
    start = text.index("U.S.")
    assert mention_at(text, start, start + len("U.S."), "GPE", in_title=False).text == "U.S."
    text = "She was found at the WoodSpring Suites on Friday."
    start = text.index("WoodSpring")
    suites = mention_at(text, start, start + len("WoodSpring"), "ORG", in_title=False)
    assert suites.text == "WoodSpring Suites"


def test_a_place_name_that_is_a_company_named_in_full_is_that_company() -> None:
    assert load_gazetteer().candidates("Sierra Nevada")  # a place elsewhere
    result = enriched(
        "NASA picks five more lunar lander firms",
        "NASA added Blue Origin, Sierra Nevada Corporation and SpaceX to its list of lunar lander "
        "providers. Around the table are SpaceX and Blue Origin, Sierra Nevada and Tyvak.",
    )
    assert "Sierra Nevada" not in places(result)


def test_a_country_before_a_national_body_s_short_name_is_mentioned_there() -> None:
    result = enriched(
        "Hong Kong bill advances",
        "The rights bill, under consideration by the US Senate on Monday, would impose sanctions on "
        "officials in Hong Kong, lawmakers said.",
    )
    assert places(result)["United States"] == ("country", "US")
    assert "US Senate" in actor_names(result)


def test_a_country_inside_a_body_s_full_proper_name_is_not_mentioned() -> None:
    result = enriched(
        "Regulator opens inquiry",
        "Japan Airlines said the U.S. Securities and Exchange Commission had asked for documents.",
    )
    assert not {"United States", "Japan"} & set(places(result))


def test_the_venue_an_event_takes_place_at_is_a_place() -> None:
    body = (
        "A central vigil will take place at the Liberty Memorial Center in Kansas City, organisers "
        "said. Last year's was held at the Union Station Hall. A nurse at Mercy Medical Center said "
        "she would attend."
    )
    found = {m.text for m in facility_mentions("", body)}
    assert found == {"Liberty Memorial Center", "Union Station Hall"}
    # "place" is the event verb's only after "take": not "a place at" an employer.
    assert facility_mentions("", "She found a place at the Ford Motor Center in May.") == []
    result = enriched("Vigil planned for Saturday", body)
    assert places(result)["Liberty Memorial Center"][0] == "facility"
    assert "Liberty Memorial Center" not in actor_names(result)
    assert "Mercy Medical Center" not in places(result)


def test_short_and_long_country_forms_pycountry_lacks_resolve() -> None:
    result = enriched(
        "Peacekeepers deployed",
        "Troops from Bosnia and the Democratic Republic of Congo joined the mission, officials said.",
    )
    assert places(result)["Bosnia and Herzegovina"] == ("country", "BA")
    assert places(result)["Democratic Republic of the Congo"] == ("country", "CD")
    assert "Bosnia" not in actor_names(result)


def test_a_place_s_possessive_inside_a_person_span_is_a_place_mention() -> None:
    text = "said Harpreet Sandhu, 27, from Punjab’s Moga, and Russia’s Vladimir Putin"
    is_place = load_gazetteer().is_place_name
    for whole, owner, owned in (
        ("Punjab’s Moga", "Punjab", "Moga"),
        ("Russia’s Vladimir Putin", "Russia", "Vladimir Putin"),
    ):
        start = text.index(whole)
        parts = split_possessive(text, start, start + len(whole), "PERSON", is_place)
        assert [(text[s:e], label) for s, e, label in parts] == [(owner, "GPE"), (owned, "PERSON")]
    # An organisation's span keeps the place's possessive: a description of the body.
    start = text.index("Punjab’s Moga")
    assert split_possessive(text, start, start + len("Punjab’s Moga"), "ORG", is_place) == [
        (start, start + len("Punjab’s Moga"), "ORG")
    ]


def test_a_surname_that_is_a_facility_noun_does_not_refer_back_to_the_facility() -> None:
    text = "Fans filled Olympic Park on Sunday, and Park said the ice was fast. Outside the Statehouse"
    mentions = [
        mention_at(text, text.index("Olympic"), text.index(" on Sunday"), "FAC", in_title=False),
        mention_at(text, text.index("Park said"), text.index(" said"), "PERSON", in_title=False),
    ]
    resolved = resolve_places(mentions, load_gazetteer(), PLACE_NOUNS)
    assert [location.name for location in resolved.locations] == ["Olympic Park"]
    assert resolved.consumed == frozenset({0})


def test_a_company_named_like_another_spelling_of_a_city_is_the_company() -> None:
    body = (
        "Google will open a data center in Mesa, Arizona, next year, the company said on Tuesday. "
        "Google said the site would employ 300 people, and Mesa's mayor, Jane Roe, welcomed it."
    )
    result = enriched("Google picks Arizona for its next data center", body)
    assert "Google" in actor_names(result)
    assert {"Mesa", "Arizona"} <= places(result).keys()
    assert "Topeka" not in places(result)
    gazetteer = load_gazetteer()
    qusayr = gazetteer.candidates("Qusair")[0]
    assert gazetteer.names_as_its_own("Qusair", qusayr)  # a spelling of the town's name
    assert not gazetteer.names_as_its_own("Google", gazetteer.candidates("Google")[0])


def test_a_town_named_by_a_common_word_the_article_writes_in_lower_case_is_no_place() -> None:
    gazetteer = load_gazetteer()

    def runs(text: str) -> set[str]:
        # No NER model reads Italian: the mentions are the gazetteer's capitalised runs alone.
        found = find_mentions("", text, language="it", is_place_name=gazetteer.is_place_name)
        return {mention.text for mention in found}

    assert "Enterprise" in runs("Tre negozi a Henderson ed Enterprise hanno chiuso.")
    assert "Enterprise" not in runs("Il piano Enterprise costa di più del software enterprise.")


def test_a_degree_after_a_persons_name_is_no_state() -> None:
    body = (
        "Walking after meals lowers blood sugar, said Priya Raman, MD, an endocrinologist at "
        "Northfield Clinic in Denver, Colorado. Raman said ten minutes were enough."
    )
    assert "Maryland" not in places(enriched("Why a short walk after dinner helps", body))
    town = "The clinic opened a second site in Bethesda, MD, last year, Raman said."
    assert "Maryland" in places(enriched("Clinic expands", town))
