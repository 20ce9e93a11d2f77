"""German articles have no NER model: their places come from the gazetteer alone. Regional news
names a town with its Land or region but not the country, writes foreign places under their German
names, and capitalises every noun. Stories written for the test in the style of German news sites."""

from __future__ import annotations

from newsfacet.enrich import Enrichment, enrich

from tests.unit.enrich_helpers import places

FLOOD_TITLE = "Hochwasser in Niederbayern: Donau steigt weiter"
FLOOD_BODY = (
    "Nach tagelangem Regen steigt die Donau in Niederbayern weiter. In Passau rechnet der "
    "Hochwassernachrichtendienst für den Abend mit einem Pegel von 8,50 Metern. Die Altstadt wurde "
    "teilweise gesperrt.\n"
    "Auch in Regensburg sind Rettungskräfte im Einsatz. Im Süden von Baden-Württemberg blieb es "
    "dagegen ruhig. In Freiburg meldete die Polizei lediglich umgestürzte Bäume. Das Wetter soll "
    "sich zum Wochenende bessern."
)

PLANT_TITLE = "Volkswagen streicht Stellen in Niedersachsen"
PLANT_BODY = (
    "Der Volkswagen-Konzern will in seinem Stammwerk in Wolfsburg bis 2030 rund 4.000 Stellen "
    "abbauen. Die Gewerkschaft IG Metall kündigte Widerstand an. Das Land Niedersachsen will den Plan "
    "prüfen. Auch die Werke in Emden und Salzgitter sollen Kosten senken."
)

VISIT_TITLE = "Kanzler reist nach Peking"
VISIT_BODY = (
    "Der Bundeskanzler reist in der kommenden Woche nach China. Auch in Brüssel wird der Besuch "
    "genau verfolgt. Aus Moskau kam unterdessen Kritik. Die Zölle auf Elektroautos sollen im "
    "Mittelpunkt der Gespräche stehen."
)


def german(title: str, body: str) -> Enrichment:
    return enrich(title, body, language="de")


def test_a_german_region_is_country_context_for_its_towns() -> None:
    found = places(german(FLOOD_TITLE, FLOOD_BODY))
    for town in ("Passau", "Regensburg", "Freiburg"):
        assert found.get(town) == ("city", "DE"), found
    assert found.get("Lower Bavaria") == ("region", "DE")
    assert found.get("Baden-Württemberg") == ("region", "DE")


def test_a_capitalised_german_noun_is_no_town() -> None:
    # "Wetter" and "Regen" are towns too, but German capitalises every noun.
    found = places(german(FLOOD_TITLE, FLOOD_BODY))
    assert "Wetter" not in found and "Regen" not in found, found


def test_a_german_land_is_shown_in_english_and_places_its_towns() -> None:
    found = places(german(PLANT_TITLE, PLANT_BODY))
    assert found.get("Lower Saxony") == ("region", "DE")
    assert {"Wolfsburg", "Emden"} <= found.keys(), found


def test_german_names_of_world_cities_are_places() -> None:
    found = places(german(VISIT_TITLE, VISIT_BODY))
    for city, country in (("Beijing", "CN"), ("Brussels", "BE"), ("Moscow", "RU")):
        assert found.get(city) == ("city", country), found
    assert "Zwolle" not in found  # "Zölle" (tariffs) is an old name of Zwolle


ELECTION_TITLE = "Landtagswahl in Sachsen: AfD knapp vor CDU"
ELECTION_BODY = (
    "Bei der Landtagswahl in Sachsen liegt die AfD nach ersten Hochrechnungen knapp vor der CDU. "
    "Ministerpräsident Michael Kretschmer sprach in Dresden von einem schwierigen Abend. In Leipzig "
    "lag die Wahlbeteiligung über 70 Prozent."
)

AVALANCHE_TITLE = "Lawinengefahr in Tirol: Skigebiete gesperrt"
AVALANCHE_BODY = (
    "Nach starken Schneefällen gilt in Tirol und Vorarlberg die höchste Lawinenwarnstufe. Mehrere "
    "Skigebiete rund um Innsbruck blieben am Sonntag geschlossen."
)


def test_german_compound_nouns_name_the_topic() -> None:
    assert german(ELECTION_TITLE, ELECTION_BODY).topics[0].label == "politics"
    assert german(AVALANCHE_TITLE, AVALANCHE_BODY).topics[0].label.startswith("disaster")


def test_the_states_of_germany_and_austria_place_their_cities() -> None:
    election = places(german(ELECTION_TITLE, ELECTION_BODY))
    assert election.get("Saxony") == ("region", "DE")
    assert {"Dresden", "Leipzig"} <= election.keys(), election
    avalanche = places(german(AVALANCHE_TITLE, AVALANCHE_BODY))
    assert avalanche.get("Innsbruck") == ("city", "AT"), avalanche


CANTEEN_TITLE = "Schulkantinen in Nordrhein-Westfalen: Eltern klagen über Preise"
CANTEEN_BODY = (
    "In vielen Schulen in Nordrhein-Westfalen ist das Essen teurer geworden. Eltern in Dortmund "
    "berichten, dass ein Essen inzwischen fünf Euro kostet. Beim Essen sparen wollen die Schulen "
    "nicht, sagte eine Sprecherin in Düsseldorf."
)


def test_a_german_noun_that_is_also_a_city_is_no_place() -> None:
    found = places(german(CANTEEN_TITLE, CANTEEN_BODY))
    assert found.get("North Rhine-Westphalia") == ("region", "DE")
    assert {"Dortmund", "Düsseldorf"} <= found.keys(), found
    assert "Essen" not in found, found


BUDGET_TITLE = "Wien: Nationalrat beschließt Budget"
BUDGET_BODY = (
    "Der Nationalrat in Wien hat am Donnerstag das Doppelbudget beschlossen. Der Finanzminister sprach "
    "von einem notwendigen Sparkurs. In Graz und Linz protestierten am Abend mehrere hundert Menschen "
    "gegen Kürzungen. Auch in Salzburg wurde demonstriert."
)


def test_a_world_city_is_country_context_for_the_towns_of_its_country() -> None:
    found = places(german(BUDGET_TITLE, BUDGET_BODY))
    for city in ("Vienna", "Graz", "Linz", "Salzburg"):
        assert found.get(city) == ("city", "AT"), found


def test_an_austrian_budget_vote_is_politics() -> None:
    assert german(BUDGET_TITLE, BUDGET_BODY).topics[0].label == "politics"


TRAM_TITLE = "Zürich: Stadt plant neues Tram"
TRAM_BODY = (
    "Die Stadt Zürich will bis 2030 eine neue Tramlinie bauen. Der Stadtrat hat einen Kredit von 250 "
    "Millionen Franken beantragt. Auch in Bern und Basel wird über den Ausbau des Verkehrs diskutiert."
)


def test_a_swiss_story_places_its_cities_without_naming_switzerland() -> None:
    # German news is about Germany, Austria or Switzerland unless it says otherwise; the city comes
    # after its kind's noun ("Stadt Zürich") and as the headline's kicker ("Zürich:").
    result = german(TRAM_TITLE, TRAM_BODY)
    assert places(result).get("Zurich") == ("city", "CH"), places(result)
    assert {"Bern", "Basel"} <= places(result).keys()
    zurich = next(location for location in result.locations if location.name == "Zurich")
    assert zurich.mentions == 2


def test_a_town_after_its_kind_noun_is_a_place() -> None:
    body = "Die Gemeinde Deggendorf hat den Katastrophenfall ausgerufen."
    found = places(german("Hochwasser an der Donau", body))
    assert found.get("Deggendorf") == ("city", "DE"), found


ROUNDUP_TITLE = "Bundesliga: Leipzig patzt in Bremen"
ROUNDUP_BODY = (
    "RB Leipzig kam im Spitzenspiel bei Werder Bremen nicht über ein 1:1 hinaus. Vor 42.000 "
    "Zuschauern verwandelte der Kapitän einen Elfmeter. Leipzig bleibt Tabellendritter.\n"
    "Der VfB Stuttgart gewann in Freiburg mit 2:0. Am Sonntag empfängt der VfL Wolfsburg den 1. FC Köln."
)


def test_a_german_football_round_up_is_sport_and_its_clubs_are_no_places() -> None:
    result = german(ROUNDUP_TITLE, ROUNDUP_BODY)
    assert result.topics and result.topics[0].label == "sport"
    found = places(result)
    assert {"Bremen", "Freiburg"} <= found.keys(), found  # "in Bremen", "in Freiburg"
    assert not {"Leipzig", "Stuttgart", "Wolfsburg", "Cologne"} & found.keys(), found


def test_a_place_in_the_german_genitive_is_a_place() -> None:
    title = "Bayerns Ministerpräsident fordert mehr Geld vom Bund"
    body = "Deutschlands Exporte sind im dritten Quartal gesunken. Wiens Bürgermeister widersprach."
    found = places(german(title, body))
    assert found.get("Bavaria") == ("region", "DE"), found
    assert found.get("Germany") == ("country", "DE"), found
    assert found.get("Vienna") == ("city", "AT"), found


def test_a_town_after_aus_nach_or_bei_is_a_place() -> None:
    title = "Prozess in Hamburg: Angeklagter schweigt"
    body = "Der Angeklagte aus Lüneburg schwieg zu Beginn. Er war nach Winsen geflohen."
    found = places(german(title, body))
    assert found.get("Lüneburg") == ("city", "DE"), found
    assert found.get("Winsen") == ("city", "DE"), found


def test_german_plural_and_compound_titles_of_politics_are_politics() -> None:
    title = "Ministerpräsidentenkonferenz: Länder streiten über Finanzen"
    body = (
        "Die Ministerpräsidenten der Länder haben in Berlin beraten. Der Regierungschef forderte mehr "
        "Geld vom Bund, die Schuldenbremse dürfe nicht fallen."
    )
    assert german(title, body).topics[0].label == "politics"
