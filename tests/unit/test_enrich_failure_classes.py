"""One test per failure class of the facets (issue 8), on articles written for these tests.

The fixtures in tests/fixtures/articles are the team's own copy in the style of a wire story, a
French and a German regional paper; they run the real spaCy models.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from newsfacet.enrich import enrich
from newsfacet.enrich.gazetteer import load_gazetteer
from newsfacet.enrich.names import loose_key
from newsfacet.model import Actor, Location

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


@cache
def article(name: str, language: str = "en") -> tuple[list[Actor], list[Location], list[str], object]:
    title, body = (ARTICLES / name).read_text(encoding="utf-8").split("\n", 1)
    result = enrich(title, body, language=language, exclude=["FRANCE 24 with wires"])
    return result.actors, result.locations, [t.code for t in result.topics], result.coverage


def actor_names(actors: list[Actor]) -> set[str]:
    return {a.name for a in actors}


def test_the_qusair_story_names_the_town_a_syrian_city_and_its_actors() -> None:
    actors, locations, _topics, _ = article("en_qusair.txt")
    qusair = next(loc for loc in locations if loc.name == "Qusair")
    assert (qusair.kind, qusair.country_code) == ("city", "SY")
    # Obama is named only past the first 3,000 characters: the whole article is read.
    assert {"Bashar al-Assad", "Hezbollah", "Barack Obama"} <= actor_names(actors)


def test_no_place_of_the_qusair_story_is_also_an_actor() -> None:
    actors, locations, _topics, _ = article("en_qusair.txt")
    place_words = {loc.name.casefold() for loc in locations} | {"qusair", "qusayr", "al-qusayr"}
    assert not {a.name.casefold() for a in actors} & place_words
    assert not any(alias.casefold() in place_words for a in actors for alias in a.aliases)


def test_variants_of_one_actor_are_one_actor_with_its_aliases() -> None:
    actors, _locations, _topics, _ = article("en_qusair.txt")
    assad = next(a for a in actors if a.name == "Bashar al-Assad")
    assert "Assad" in assad.aliases
    assert not {"Assad", "Obama", "Observatory"} & actor_names(actors)


def test_transliterations_of_a_place_resolve_to_one_place() -> None:
    gazetteer = load_gazetteer()
    assert loose_key("Qusair") == loose_key("Qusayr") == loose_key("al-Qusayr")
    for spelling in ("Qusair", "Qusayr", "al-Qusayr"):
        assert gazetteer.candidates(spelling)[0].country_code == "SY"


def test_rivers_towns_and_regions_are_places_not_actors() -> None:
    title = "Danube and Inn burst their banks as rain hits Bavaria"
    body = (
        "The Danube rose above eight metres in Passau on Monday, where it meets the Inn. "
        "Upstream, the Isar flooded parks in Munich, and in the Czech Republic the Vltava closed "
        "roads in Prague. Hydrologists said the Danube would peak in Vienna on Wednesday. "
        "Downstream, officials in Austria evacuated villages along the river."
    )
    result = enrich(title, body, language="en")
    places = {loc.name: loc.kind for loc in result.locations}
    assert places["Danube"] == "river" and places["Inn"] == "river" and places["Isar"] == "river"
    assert places.get("Vltava") == "river"
    names = actor_names(result.actors)
    assert not names & {"Danube", "Inn", "Isar", "Vltava", "Passau", "Munich", "Hydrologists", "Downstream"}


def test_demonyms_products_indices_and_events_are_neither_actors_nor_places() -> None:
    title = "Markets slip as oil climbs"
    body = (
        "Germans and Americans sold shares on Tuesday. The Sensex fell 1.2 per cent and the S&P 500 "
        "lost 0.8 per cent, while Brent crude rose to $84 a barrel. Astronomers watching Jupiter "
        "said nothing of it. Investors at the Paris Air Show shrugged, said Anna Keller, an analyst "
        "at Deutsche Bank in Frankfurt."
    )
    result = enrich(title, body, language="en")
    names = actor_names(result.actors)
    assert not names & {"Germans", "Americans", "Sensex", "S&P 500", "Brent", "Paris Air Show", "Jupiter"}
    assert not {loc.name for loc in result.locations} & {"Brent", "Jupiter"}
    assert {"Anna Keller", "Deutsche Bank"} <= names


def test_a_title_case_headline_fragment_is_no_actor() -> None:
    result = enrich(
        "Royal Self-Indicting Arrogance Meets Its Match",
        "The prince gave an interview to the BBC on Saturday. Critics said it went badly.",
        language="en",
    )
    assert "Royal Self-Indicting Arrogance" not in actor_names(result.actors)


def test_short_forms_merge_into_the_full_name_found_in_the_article() -> None:
    body = (
        "Samsung Electronics said on Thursday that profits fell. Samsung blamed weak chip prices. "
        "The European Commission opened an inquiry; the Commission gave no date. "
        "Chair Daniel Whitcombe said the board was confident. Whitcombe declined to comment further."
    )
    result = enrich("Chip maker warns", body, language="en")
    names = actor_names(result.actors)
    assert {"Samsung Electronics", "European Commission", "Daniel Whitcombe"} <= names
    assert not names & {"Samsung", "Commission", "Whitcombe", "Chair Daniel Whitcombe"}


def test_institutions_are_actors_the_way_news_names_them() -> None:
    body = (
        "The Syrian government rejected the report. Germany's defence ministry said it would send "
        "more troops, and Munich police closed the city centre."
    )
    names = actor_names(enrich("Reactions", body, language="en").actors)
    assert {"Syrian Government", "German Defence Ministry", "Munich Police"} <= names


def test_the_publisher_in_its_other_forms_is_no_actor() -> None:
    body = "CBS Sports reported that the Cleveland Browns suspended Myles Garrett on Friday."
    names = actor_names(
        enrich("Browns suspend Garrett", body, language="en", exclude=["cbssports.com", "cbssports"]).actors
    )
    assert "CBS Sports" not in names and "Myles Garrett" in names


def test_places_are_shown_under_their_english_name_with_the_country_at_a_representative_point() -> None:
    body = "Israeli jets struck near Nabatieh in southern Lebanon on Sunday, the army said."
    nabatieh = next(loc for loc in enrich("Strikes", body, language="en").locations if loc.kind == "city")
    assert (nabatieh.name, nabatieh.country_code) == ("Nabatieh", "LB")
    gazetteer = load_gazetteer()
    brazil, brasilia = gazetteer.country("BR"), gazetteer.candidates("Brasília")[0]
    assert brazil is not None and (brazil.latitude, brazil.longitude) != (
        brasilia.latitude,
        brasilia.longitude,
    )


def test_a_french_article_gets_actors_places_and_topics() -> None:
    actors, locations, topics, coverage = article("fr_crues.txt", "fr")
    assert coverage.language == "fr" and coverage.actors and coverage.locations and coverage.topics
    assert {"Emmanuel Macron", "Michel Barnier"} <= actor_names(actors)
    places = {loc.name: loc.country_code for loc in locations}
    assert places["Paris"] == "FR" and places["Germany"] == "DE" and "Seine" in places
    assert "medtop:03000000" in topics


def test_a_german_article_gets_places_and_topics_and_says_actors_were_not_attempted() -> None:
    actors, locations, topics, coverage = article("de_hochwasser.txt", "de")
    assert coverage.language == "de" and coverage.locations and coverage.topics and not coverage.actors
    assert actors == []
    places = {loc.name for loc in locations}
    assert {"Danube", "Bavaria", "Germany", "Austria"} <= places
    assert "medtop:03000000" in topics


def test_an_article_in_another_language_records_what_was_attempted() -> None:
    result = enrich("Översvämningar i Spanien", "Regnet orsakade översvämningar i Spanien.", language="sv")
    assert (result.coverage.language, result.coverage.actors, result.coverage.topics) == ("sv", False, False)
    assert result.coverage.locations and "Spain" in {loc.name for loc in result.locations}


def test_teams_written_after_the_are_organisations_and_role_tags_are_not_names() -> None:
    body = (
        "The Browns lost again on Sunday. Browns DL Sheldon Richardson said the Browns would "
        "recover, and the Wild beat the Sabres in Buffalo, N.Y., on Tuesday."
    )
    result = enrich("Weekend roundup", body, language="en")
    teams = {a.name: a.type for a in result.actors}
    assert teams.get("Browns") == "organization" and teams.get("Wild") == "organization"
    assert "Sheldon Richardson" in teams and "Browns DL Sheldon Richardson" not in teams
    assert "New York" in {loc.name for loc in result.locations}


def test_a_name_written_before_a_facility_noun_is_a_place_not_an_actor() -> None:
    body = (
        "Donald Trump made an unscheduled visit to Walter Reed hospital on Saturday. Aides said the "
        "trip to Walter Reed was part of his annual physical."
    )
    result = enrich("Trump visits hospital", body, language="en")
    # Named as the facility it is, the noun that made it one included.
    assert "Walter Reed Hospital" in {loc.name for loc in result.locations}
    assert not {"Walter Reed", "Walter Reed Hospital"} & actor_names(result.actors)


def test_departments_inside_job_titles_are_not_actors() -> None:
    body = (
        'Secretary of State Mike Pompeo welcomed the release. "It is a start," said Rusmik Oza, '
        "Head of Fundamental Research at Kotak Securities, and Philip Luther, Advocacy Director at "
        "Amnesty International, agreed."
    )
    names = actor_names(enrich("Reactions", body, language="en").actors)
    assert {"Mike Pompeo", "Rusmik Oza", "Kotak Securities", "Amnesty International"} <= names
    assert not names & {"State", "Fundamental Research", "Advocacy"}


def test_a_name_before_a_region_noun_is_a_region_the_gazetteer_need_not_hold() -> None:
    body = (
        "The two hostages were handed over to US forces in the country's southern Zabul province, "
        "an insurgent source said. Officials in Afghanistan confirmed the exchange."
    )
    result = enrich("Hostages freed", body, language="en")
    zabul = next(loc for loc in result.locations if loc.name == "Zabul")
    assert zabul.kind == "region"
    assert not {actor.name for actor in result.actors} & {"Zabul", "Zabul province"}
