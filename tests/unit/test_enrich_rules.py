"""The pure rules of enrichment, without the NER model: names, gazetteer, place evidence, topics."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsfacet.enrich import enrich
from newsfacet.enrich.actors import extract_actors
from newsfacet.enrich.credits import blank_credits, exclusion_keys
from newsfacet.enrich.gazetteer import load_gazetteer
from newsfacet.enrich.geo_aliases import PLACE_NOUNS
from newsfacet.enrich.mentions import GAZETTEER, Mention, find_mentions
from newsfacet.enrich.names import clean_name, fold
from newsfacet.enrich.nlp import NAME_READS, _name_bearing_spans
from newsfacet.enrich.places import resolve_places
from newsfacet.enrich.topics import classify, stem


def mention(text: str, label: str, position: float = 0.5, next_word: str = "") -> Mention:
    return Mention(text=text, label=label, position=position, in_title=False, next_word=next_word)


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("President Bashar al-Assad", "Bashar al-Assad"),
        ("Bashar al-Assad’s", "Bashar al-Assad"),
        ("Prime Minister Keir Starmer", "Keir Starmer"),
        ("Mr. Putin", "Putin"),
        ("Dr Tedros Adhanom Ghebreyesus", "Tedros Adhanom Ghebreyesus"),
        ("former President Donald Trump", "Donald Trump"),
        ("the United Nations", "United Nations"),
        ("“Assad”", "Assad"),
        ("Chelsea 2-0", "Chelsea"),
        ("NATO", "NATO"),
    ],
)
def test_titles_possessives_articles_and_punctuation_are_dropped(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize("junk", ["2024", "Monday", "A", "https://example.com/x", "health ministry", "—"])
def test_non_names_are_rejected(junk: str) -> None:
    assert clean_name(junk) is None


def test_a_shouted_person_name_is_title_cased() -> None:
    assert clean_name("BASHAR AL-ASSAD", person=True) == "Bashar Al-Assad"
    assert fold("Bashar Al-Assad") == fold("Bashar al-Assad")


@given(st.text(max_size=60))
def test_cleaning_any_text_gives_a_name_or_none(raw: str) -> None:
    cleaned = clean_name(raw)
    assert cleaned is None or (cleaned == cleaned.strip() and len(cleaned) >= 2)


# --- gazetteer ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "name", "code"),
    [
        ("UK", "United Kingdom", "GB"),
        ("Britain", "United Kingdom", "GB"),
        ("the United States", "United States", "US"),
        ("U.S.", "United States", "US"),
        ("America", "United States", "US"),
        ("Syrian Arab Republic", "Syria", "SY"),
        ("Kiev", "Kyiv", "UA"),
        ("Sao Paulo", "São Paulo", "BR"),
        ("Gaza", "Gaza Strip", "PS"),
        ("the Netherlands", "Netherlands", "NL"),
        ("Holland", "Netherlands", "NL"),
    ],
)
def test_common_spellings_resolve_to_one_place(spelling: str, name: str, code: str) -> None:
    place = load_gazetteer().candidates(spelling)[0]
    assert (place.name, place.country_code) == (name, code)
    assert place.latitude is not None and place.longitude is not None


@pytest.mark.parametrize(("name", "kind"), [("the Mediterranean", "sea"), ("Middle East", "area")])
def test_seas_and_regions_are_places(name: str, kind: str) -> None:
    assert load_gazetteer().candidates(name)[0].kind == kind


def test_demonyms_name_their_country() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.demonym_country("Syrian") == "SY"
    assert gazetteer.demonym_country("Syrians") == "SY"
    assert gazetteer.demonym_country("Brexit") is None


# --- place evidence ----------------------------------------------------------------------------


def resolve(*mentions: Mention) -> dict[str, str | None]:
    found = resolve_places(list(mentions), load_gazetteer(), PLACE_NOUNS).locations
    return {loc.name: loc.country_code for loc in found}


def test_an_org_typed_span_is_a_place_in_a_mentioned_country() -> None:
    assert resolve(mention("Syria", "GPE"), mention("Aleppo", "ORG")) == {"Syria": "SY", "Aleppo": "SY"}


def test_an_org_typed_city_elsewhere_stays_an_organisation() -> None:
    assert resolve(mention("Syria", "GPE"), mention("Chelsea", "ORG")) == {"Syria": "SY"}


def test_an_untyped_capitalised_city_needs_its_country_in_the_article() -> None:
    assert resolve(mention("Mosul", GAZETTEER)) == {}
    assert resolve(mention("Iraq", "GPE"), mention("Mosul", GAZETTEER)) == {"Iraq": "IQ", "Mosul": "IQ"}


def test_a_demonym_is_a_place_only_before_a_place_noun() -> None:
    assert resolve(mention("Syrian", "NORP", next_word="forces")) == {}
    assert resolve(mention("Syrian", "NORP", next_word="border")) == {"Syria": "SY"}


def test_city_disambiguation_prefers_the_mentioned_country_then_population() -> None:
    assert resolve(mention("Paris", "GPE"))["Paris"] == "FR"
    assert resolve(mention("Texas", "GPE"), mention("Paris", "GPE"))["Paris"] == "US"


def test_a_state_wins_over_a_country_only_next_to_its_own_places() -> None:
    assert resolve(mention("Georgia", "GPE"))["Georgia"] == "GE"
    near_atlanta = resolve(mention("Atlanta", "GPE"), mention("Georgia", "GPE"))
    assert near_atlanta["Georgia"] == "US"


def test_a_small_town_the_model_calls_a_person_is_a_place_when_the_text_introduces_it_as_one() -> None:
    israel = mention("Israel", "GPE")
    plain = mention("Qiryat Shmona", "PERSON")
    introduced = Mention(
        text="Qiryat Shmona", label="PERSON", position=0.3, in_title=False, introduced_as_place=True
    )

    assert resolve(israel, plain) == {"Israel": "IL"}  # a town of 22,000: not on the model's word
    # "the Israeli town of Qiryat Shmona" once: every mention of it is the place.
    assert resolve(israel, introduced, plain) == {"Israel": "IL", "Qiryat Shmona": "IL"}


def test_the_text_before_a_name_tells_whether_it_is_introduced_as_a_place() -> None:
    text = "Rockets hit the Israeli town of Qiryat Shmona, 5 km south of Metula, said Dan Levi near Haifa."
    introduced = {m.text: m.introduced_as_place for m in find_mentions("", text)}
    assert introduced.get("Dan Levi") is False
    assert introduced.get("Haifa") is True
    assert introduced.get("Qiryat Shmona", True) is True


def test_words_of_a_person_name_never_become_places() -> None:
    found = resolve(mention("Jordan Peterson", "PERSON"), mention("Jordan", "PERSON"))
    assert found == {}


# --- actors without the model ------------------------------------------------------------------


def test_excluding_a_credit_excludes_its_variants() -> None:
    keys = exclusion_keys(["FRANCE 24 with wires", "AFP"])
    assert {"france 24", "afp", "agence france presse"} <= keys


def test_blanking_credits_keeps_offsets() -> None:
    text = "Talks resumed. FRANCE 24 with wires"
    blanked = blank_credits(text, ["FRANCE 24 with wires"])
    assert len(blanked) == len(text)
    assert "FRANCE" not in blanked and blanked.startswith("Talks resumed.")


def test_an_acronym_joins_its_long_form() -> None:
    actors = extract_actors(
        [mention("Organization of Petroleum Exporting Countries", "ORG"), mention("OPEC", "ORG")]
    )
    assert [(a.name, a.mentions) for a in actors] == [("Organization of Petroleum Exporting Countries", 2)]


# --- topics ------------------------------------------------------------------------------------


def test_inflections_share_a_stem() -> None:
    assert stem("floods") == stem("flooded") == stem("flooding") == stem("flood")
    assert stem("rates") == stem("rated") == stem("rate")


def test_a_single_repeated_word_is_not_a_topic() -> None:
    assert classify("Notes", "The war. The war. The war.") == []


def test_an_earthquake_report_is_a_disaster() -> None:
    text = (
        "A magnitude 6.8 earthquake struck the region overnight, collapsing buildings. Rescuers "
        "pulled survivors from the rubble as aftershocks shook the area."
    )
    codes = [t.code for t in classify("Earthquake kills dozens", text)]
    assert codes[0] == "medtop:03000000"
    assert "medtop:20000153" in codes


def test_a_club_the_model_calls_a_person_is_an_organisation() -> None:
    actors = extract_actors([mention("Manchester United", "PERSON"), mention("Jose Mourinho", "PERSON")])
    assert {(a.name, a.type) for a in actors} == {
        ("Manchester United", "organization"),
        ("Jose Mourinho", "person"),
    }


def test_nuclear_talks_are_politics_and_nuclear_policy() -> None:
    text = (
        "Negotiators discussed limits on uranium enrichment and inspections by the International "
        "Atomic Energy Agency. Western governments fear the nuclear programme could yield a "
        "warhead; the government insists it only wants nuclear power."
    )
    topics = {t.code: t for t in classify("Talks on the nuclear deal resume", text)}
    assert topics["medtop:20000635"].parent == "medtop:11000000"
    assert "medtop:11000000" in topics


LABELS = st.sampled_from(["PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", GAZETTEER])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.builds(
            Mention,
            text=st.text(max_size=40),
            label=LABELS,
            position=st.floats(0.0, 1.0),
            in_title=st.booleans(),
            next_word=st.sampled_from(["", "border", "said", "do"]),
            with_age=st.booleans(),
        ),
        max_size=12,
    )
)
def test_any_mentions_give_valid_actors_and_places(mentions: list[Mention]) -> None:
    resolution = resolve_places(mentions, load_gazetteer(), PLACE_NOUNS)
    actors = extract_actors(mentions, skip=resolution.consumed, exclude=["AFP"])
    assert all(0.0 <= a.salience <= 1.0 and a.mentions >= 1 for a in actors)
    assert sum(loc.mentions for loc in resolution.locations) <= len(mentions)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.text(max_size=2000))
def test_any_text_gives_valid_topics(title: str, text: str) -> None:
    for topic in classify(title, text):
        assert topic.code.startswith("medtop:")
        assert 0.0 <= topic.score <= 1.0


def test_a_game_report_is_sport_only() -> None:
    text = (
        "The forward scored 31 points as the home team won the game 112-104, their fifth straight "
        "victory of the season. The coach praised every player on the bench, and the fans stayed "
        "on their feet for the final minutes of the league match."
    )
    assert [t.label for t in classify("Hosts extend winning run", text)] == ["sport"]


def test_a_capitalised_common_word_is_not_an_organisation_but_acronyms_and_camel_case_are() -> None:
    def org(text: str) -> Mention:
        return Mention(text=text, label="ORG", position=0.5, in_title=False)

    common_words = {"the", "defence", "ministry", "who", "said", "givewell"}

    actors = extract_actors(
        [org("Defence"), org("WHO"), org("GiveWell"), org("Hezbollah")], common_words=common_words
    )

    names = {actor.name for actor in actors}
    assert "Defence" not in names  # "Defence Minister ..." beside "the defence ministry"
    assert {"GiveWell", "Hezbollah"} <= names
    assert "World Health Organization" in names or "WHO" in names  # not mistaken for "who"


def test_a_name_read_twice_is_not_read_again_yet_every_repeat_counts() -> None:
    text = " ".join(
        f"On day {day} Helga Brandtner met the mayor of the town to talk about the {thing}."
        for day, thing in enumerate(("roads", "bridge", "school", "budget", "harbour", "park"), start=1)
    )
    read = "".join(span for _offset, span in _name_bearing_spans(text))
    assert read.count("Helga Brandtner") == NAME_READS
    mentions = [m for m in find_mentions("", text) if m.text == "Helga Brandtner"]
    assert len(mentions) == 6


def test_a_sentence_with_a_new_name_is_read_even_after_repeats() -> None:
    text = "Helga Brandtner spoke. " * 3 + "Helga Brandtner thanked Oskar Wendelin."
    read = "".join(span for _offset, span in _name_bearing_spans(text))
    assert "Oskar Wendelin" in read


def test_a_team_named_after_its_city_is_an_organisation_not_a_place() -> None:
    text = (
        "Harrowgate beat Wexmouth 3-1 on Saturday. Ottilie Marsh scored twice as Harrowgate moved top "
        "of the league. Wexmouth manager Tobias Crane said the defeat hurt, and Leeds coach Anna Berg agreed."
    )
    result = enrich("Harrowgate beat Wexmouth", text)
    assert "Leeds" not in {location.name for location in result.locations}
    assert "Leeds" in {actor.name for actor in result.actors}
    assert {actor.type for actor in result.actors if actor.name == "Leeds"} == {"organization"}


def test_a_country_in_a_game_stays_a_place_and_a_city_elsewhere_stays_a_city() -> None:
    result = enrich("", "France beat Germany 2-1 in Lyon on Sunday. Kylian Mbappe scored the winner.")
    names = {location.name for location in result.locations}
    assert {"France", "Germany", "Lyon"} <= names


def test_the_city_of_a_team_is_still_a_place_after_in_or_at() -> None:
    text = "On Sunday Leeds beat Wexmouth 2-0. The return game will be played in Leeds in May."
    result = enrich("", text)
    assert "Leeds" in {location.name for location in result.locations}
    assert "Leeds" in {actor.name for actor in result.actors}
