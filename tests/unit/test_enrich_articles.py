"""Enrichment of whole articles: the actors, places and topics a reader would name.

The texts are written for these tests (realistic wire-style copy, not taken from any site). They
run the real spaCy model, loaded once for the session.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsfacet.enrich import Enrichment, enrich
from newsfacet.model import Actor, Location

SYRIA_TITLE = "Syria: Assad forces shell Aleppo as Russia backs offensive"
SYRIA_TEXT = """President Bashar al-Assad's forces shelled rebel-held districts of Aleppo on Tuesday, \
killing at least 12 civilians, the Syrian Observatory for Human Rights said.

Russian warplanes carried out airstrikes near the Turkish border, AFP correspondents reported. \
Mr Assad said the offensive would continue until "terrorists" were driven out.

Bashar al-Assad's government has regained control of much of Syria with the help of Russia and \
Iran. Vladimir Putin met Assad in Moscow last month. Putin's spokesman said the talks covered a \
ceasefire.

The United Nations called for a truce. UN envoy Geir Pedersen said the fighting threatened the \
peace process. "We need a ceasefire now," Pedersen told reporters in Geneva.

Tens of thousands of Syrians have fled towards the Turkish border. Turkey already hosts 3.6 \
million refugees. The Kurds in the north-east fear a new offensive.

FRANCE 24 with wires
"""

LEBANON_TITLE = "Clashes in Tripoli leave three dead"
LEBANON_TEXT = """Three people were killed overnight in clashes between rival gunmen in Tripoli, \
Lebanon's second city, the army said on Sunday.

The Lebanese army deployed troops in the Bab al-Tabbaneh district after the fighting, which also \
wounded 14 people. Prime Minister Najib Mikati called for calm and said the state would not allow \
the northern port city to slide back into violence.

Residents of Tripoli have long complained of neglect by authorities in Beirut. "We are tired of \
this," said shopkeeper Ahmad Khaled, 45.
"""

LIBYA_TITLE = "Libyan capital calm after militia fighting"
LIBYA_TEXT = """Calm returned to Tripoli on Saturday after two days of fighting between rival \
militias in the Libyan capital that killed at least 23 people, the health ministry said.

The UN mission in Libya urged both sides to respect a ceasefire brokered by elders. Prime Minister \
Abdul Hamid Dbeibah ordered an investigation.

Libya has been divided between rival administrations in Tripoli and Benghazi since 2014, Reuters \
reported.
"""

CELEBRITY_TITLE = "Paris Hilton and Jordan Peterson debate fame on podcast"
CELEBRITY_TEXT = """Socialite Paris Hilton and psychologist Jordan Peterson traded views on fame \
and responsibility in a podcast released on Monday.

Hilton, 43, said she had learned to use her public image as a business. Peterson said young people \
needed purpose more than celebrity. The episode was recorded in Los Angeles.
"""

FED_TITLE = "Fed holds interest rates steady as inflation cools"
FED_TEXT = """The US Federal Reserve held interest rates steady on Wednesday, saying inflation was \
easing but remained above its 2% target.

Fed chair Jerome Powell told reporters the central bank was prepared to keep monetary policy tight \
for as long as needed. Policymakers left the benchmark rate in a range of 5.25% to 5.5%.

Markets had expected the decision. The S&P 500 rose 0.4% and Treasury yields fell after Powell's \
remarks, as investors bet on rate cuts next year. Consumer prices rose 3.1% in the year to \
November, down from a peak of 9.1% in 2022.
"""

FLOOD_TITLE = "Floods kill dozens in southern Brazil"
FLOOD_TEXT = """Torrential rain triggered floods and landslides across the south of the country, \
killing at least 39 people, Brazilian authorities said on Friday.

Rivers burst their banks and submerged entire neighbourhoods of Porto Alegre, the state capital. \
Rescuers used boats and helicopters to reach families stranded on rooftops. More than 24,000 \
people have been evacuated.

President Luiz Inacio Lula da Silva flew over the flooded region and promised federal aid. \
Forecasters warned that more heavy rain was expected over the weekend.
"""

VAGUE_TITLE = "A few thoughts on an ordinary afternoon"
VAGUE_TEXT = """It was a quiet day. People went about their business, some stopping to chat, \
others hurrying along. The light changed slowly through the afternoon.

Later, a few of them gathered to talk about nothing in particular. Someone mentioned the weekend. \
Then everyone went home.
"""


@cache
def enriched(title: str, text: str, exclude: tuple[str, ...] = ()) -> Enrichment:
    return enrich(title, text, exclude=exclude)


def actor(result: Enrichment, name: str) -> Actor:
    found = [a for a in result.actors if a.name == name]
    assert found, f"{name!r} not among {[a.name for a in result.actors]}"
    return found[0]


def location(result: Enrichment, name: str) -> Location:
    found = [loc for loc in result.locations if loc.name == name]
    assert found, f"{name!r} not among {[loc.name for loc in result.locations]}"
    return found[0]


def syria() -> Enrichment:
    return enriched(SYRIA_TITLE, SYRIA_TEXT, ("AFP", "FRANCE 24 with wires"))


# --- actors ------------------------------------------------------------------------------------


def test_person_variants_merge_under_the_full_name() -> None:
    result = syria()
    assad = actor(result, "Bashar al-Assad")
    assert assad.type == "person"
    # Title "Assad", "President Bashar al-Assad's", "Mr Assad", "Bashar al-Assad's", "met Assad".
    assert assad.mentions == 5
    names = {a.name for a in result.actors}
    assert not names & {"Assad", "Mr Assad", "President Bashar al-Assad", "Bashar al-Assad's"}


def test_the_most_prominent_actor_has_the_highest_salience() -> None:
    result = syria()
    assert result.actors[0].name == "Bashar al-Assad"
    assert result.actors[0].salience == 1.0
    assert all(0.0 < a.salience < 1.0 for a in result.actors[1:])
    assert actor(result, "Vladimir Putin").mentions == 2  # "Vladimir Putin", "Putin's"


def test_actor_types_come_from_the_entity_kind() -> None:
    result = syria()
    assert actor(result, "Geir Pedersen").type == "person"
    assert actor(result, "Syrian Observatory for Human Rights").type == "organization"
    # "The Kurds in the north-east fear ...": a people, no actor (annotation rules, section 4)
    assert "Kurds" not in {a.name for a in result.actors}


def test_organisation_spellings_share_one_name() -> None:
    united_nations = actor(syria(), "United Nations")
    assert united_nations.mentions == 2  # "The United Nations", "UN envoy"


def test_wire_credits_and_their_words_are_kept_out() -> None:
    result = syria()
    names = {a.name.casefold() for a in result.actors}
    assert not names & {"afp", "agence france-presse", "france 24"}
    # "FRANCE" of the credit line is not a place the article is about either.
    assert "France" not in {loc.name for loc in result.locations}


def test_without_exclusions_the_wire_is_an_actor() -> None:
    result = enriched(SYRIA_TITLE, SYRIA_TEXT)
    assert "AFP" in {a.name for a in result.actors}


def test_exclusion_covers_the_agency_s_other_names() -> None:
    text = "Agence France-Presse said the talks in Geneva had stalled. Geir Pedersen declined to comment."
    result = enrich("Talks stall", text, exclude=["AFP"])
    assert "Agence France-Presse" not in {a.name for a in result.actors}
    assert "Geir Pedersen" in {a.name for a in result.actors}


def test_no_junk_actors() -> None:
    result = syria()
    for found in result.actors:
        assert found.name[0].isupper()
        assert not any(ch.isdigit() for ch in found.name)
    # Adjectives are not groups: "Syrian", "Russian", "Turkish" are about places, not actors.
    assert not {a.name for a in result.actors} & {"Syrian", "Russian", "Turkish"}


def test_names_found_early_are_counted_to_the_end_of_a_long_body() -> None:
    filler = "The talks went on through the night without any statement. " * 200  # ~12,000 characters
    text = (
        "UN envoy Geir Pedersen arrived in Geneva on Monday for talks on Syria.\n\n"
        + filler
        + "\n\nPedersen said the talks would resume in March. Pedersen left Geneva on Friday."
    )
    result = enrich("Envoy in Geneva", text)
    assert actor(result, "Geir Pedersen").mentions == 3
    assert location(result, "Geneva").mentions == 3


# --- locations ---------------------------------------------------------------------------------


def test_places_resolve_with_country_codes_and_coordinates() -> None:
    result = syria()
    aleppo = location(result, "Aleppo")
    assert (aleppo.kind, aleppo.country_code) == ("city", "SY")
    assert aleppo.latitude == pytest.approx(36.2, abs=0.1)
    assert aleppo.longitude == pytest.approx(37.16, abs=0.1)
    assert location(result, "Syria").kind == "country"
    assert location(result, "Moscow").country_code == "RU"
    assert location(result, "Geneva").country_code == "CH"


def test_demonym_used_as_a_place_counts_for_the_country() -> None:
    # "Turkey" once and "the Turkish border" twice; "Russian warplanes" is not a place mention.
    result = syria()
    assert location(result, "Turkey").mentions == 3
    assert location(result, "Russia").mentions == 2


@pytest.mark.parametrize(
    ("title", "text", "country"),
    [(LEBANON_TITLE, LEBANON_TEXT, "LB"), (LIBYA_TITLE, LIBYA_TEXT, "LY")],
    ids=["lebanon", "libya"],
)
def test_a_city_is_the_one_in_the_country_the_article_names(title: str, text: str, country: str) -> None:
    tripoli = location(enriched(title, text), "Tripoli")
    assert tripoli.country_code == country


def test_a_capitalised_sentence_opener_is_not_a_person() -> None:
    result = enriched(LIBYA_TITLE, LIBYA_TEXT)
    assert "Calm" not in {a.name for a in result.actors}
    assert actor(result, "Abdul Hamid Dbeibah").type == "person"


def test_person_names_never_become_places() -> None:
    result = enriched(CELEBRITY_TITLE, CELEBRITY_TEXT)
    places = {loc.name for loc in result.locations}
    assert not places & {"Paris", "Jordan"}
    assert location(result, "Los Angeles").country_code == "US"
    peterson = actor(result, "Jordan Peterson")
    assert (peterson.type, peterson.mentions) == ("person", 3)
    # The model types "Paris Hilton" as an organisation and "Hilton, 43," as a place; the age and
    # the shared surname make her one person.
    hilton = actor(result, "Paris Hilton")
    assert (hilton.type, hilton.mentions) == ("person", 3)


def test_a_city_the_model_calls_a_person_is_a_place_in_context() -> None:
    result = enriched(FLOOD_TITLE, FLOOD_TEXT)
    porto_alegre = location(result, "Porto Alegre")
    assert porto_alegre.country_code == "BR"
    assert "Porto Alegre" not in {a.name for a in result.actors}
    assert actor(result, "Luiz Inacio Lula da Silva").type == "person"


# --- topics ------------------------------------------------------------------------------------


def topic_codes(result: Enrichment) -> list[str]:
    return [t.code for t in result.topics]


def test_war_reporting_is_conflict_with_finer_subjects() -> None:
    topics = {t.code: t for t in syria().topics}
    assert syria().topics[0].code == "medtop:16000000"
    assert topics["medtop:16000000"].label == "conflict, war and peace"
    assert topics["medtop:16000000"].parent is None
    assert topics["medtop:20000056"].parent == "medtop:16000000"  # armed conflict
    assert topics["medtop:20000073"].label == "peace process"


def test_central_bank_story_is_economy_and_monetary_policy() -> None:
    topics = {t.code: t for t in enriched(FED_TITLE, FED_TEXT).topics}
    assert "medtop:04000000" in topics
    assert topics["medtop:20000379"].parent == "medtop:04000000"
    assert "medtop:20000370" in topics  # inflation
    assert "medtop:16000000" not in topics


def test_flood_story_is_a_disaster_and_a_flood() -> None:
    result = enriched(FLOOD_TITLE, FLOOD_TEXT)
    assert result.topics[0].code == "medtop:03000000"
    assert "medtop:20000154" in topic_codes(result)


def test_vague_text_gets_no_topic() -> None:
    assert enriched(VAGUE_TITLE, VAGUE_TEXT).topics == []


def test_empty_input_gives_an_empty_enrichment_that_says_what_was_attempted() -> None:
    empty = enrich("", "   \n ")
    assert (empty.actors, empty.locations, empty.topics) == ([], [], [])
    assert empty.coverage.actors and empty.coverage.locations and empty.coverage.topics


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=80), st.text(max_size=600), st.lists(st.text(max_size=20), max_size=3))
def test_any_text_is_enriched_without_error(title: str, text: str, exclude: list[str]) -> None:
    result = enrich(title, text, exclude=exclude)
    assert isinstance(result, Enrichment)
