"""Which mentions are places, and which places they are.

Two passes over the mentions. The first collects the article's context: the countries it names
(directly, through a demonym, or through a place that can only be in one country). The second
resolves each place-like mention against the gazetteer, preferring a candidate in a context country
and then the most populous one ("Tripoli" with Lebanon in the text is the Lebanese city). A span the
model typed as an organisation, group or person becomes a place only on firm evidence: it names a
country, region or sea, or a city in a context country; multi-word person names never do
("Paris Hilton", "Jordan Peterson").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsfacet.enrich.actor_vocabulary import COMPANY_NEXT_WORDS, NOT_ENTITY_KEYS
from newsfacet.enrich.gazetteer import Gazetteer, Place, distance_km
from newsfacet.enrich.geo_aliases import INSTITUTIONS
from newsfacet.enrich.mentions import GAZETTEER, Mention
from newsfacet.enrich.names import clean_name, fold
from newsfacet.enrich.place_compounds import compound_place
from newsfacet.enrich.place_cues import (
    is_no_place,
    listed_with_firms,
    names_a_thing,
    state_named,
    states_after_cities,
)
from newsfacet.enrich.place_epithets import epithet_place
from newsfacet.enrich.place_forms import city_teams, count_acronyms_of_places, count_countries_of_bodies
from newsfacet.enrich.places_without_model import home_countries, says_its_country
from newsfacet.enrich.unlisted_places import (
    CITY_FACILITY_NOUNS,
    PLACE_LABELS,
    count_facilities_named_by_their_noun,
    named_by_noun,
    named_by_nouns,
    sited_names,
)
from newsfacet.model import Location

TITLE_WEIGHT = 3.0
MAX_LOCATIONS = 25
PERSON_AS_CITY_MIN_POPULATION = 100_000
WORLD_CITY = 1_000_000
# A world city this many times larger than its namesake in a context country keeps its name unless
# the namesake lies within NEAR_KM of a sub-national place the article names ("Paris" beside
# "Texas" is Paris, Texas; "Paris" in a Delhi story that names the United States once is not).
DWARFED = 20
NEAR_KM = 500.0
# Buildings that stand for an institution ("the Kremlin", "l'Élysée"): actors, never places.
INSTITUTION_KEYS = frozenset(fold(name) for name in INSTITUTIONS)
# Words after which an English model's place may be cut short ("Rio Grande" of "Rio Grande do Sul");
# French writes "de" after any name ("accuse Israël de bloquer").
TRUNCATING_PARTICLES = frozenset({"do", "da", "de", "del", "dos", "das"})
# Kinds of place a one-word name the model calls a person can be ("Inn", "Danube", "Galilee").
NATURAL_KINDS = frozenset({"river", "lake", "mountain", "region", "sea"})
# Last words of a company's full name (folded): "Sierra Nevada Corporation", "Texas Roadhouse Inc".
CORPORATE_SUFFIXES = frozenset(
    {"corporation", "corp", "inc", "incorporated", "co", "company", "ltd", "llc", "plc"}
)


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    """The locations of an article and the indices of the mentions they used up (so those spans do
    not also become actors). `context` is the set of countries the article is about."""

    locations: list[Location]
    consumed: frozenset[int]
    context: frozenset[str]
    # Folded names of teams named after their city (`city_teams`): organisations, not places.
    teams: frozenset[str] = frozenset()


def _clean_key(text: str) -> str:
    cleaned = clean_name(text)
    return fold(cleaned) if cleaned else ""


def resolve_places(
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    place_nouns: frozenset[str],
    *,
    without_model: bool = False,
    sport: bool = False,
    language: str = "en",
) -> PlaceResolution:
    """Resolve the place mentions of one article (see the module docstring). `without_model`: no NER
    read the text, only the gazetteer; `sport`: a sports story, where a bare city is a team;
    `language`: the article's (ISO 639-1), for what its model does and where its news is about."""
    keys = [_clean_key(m.text) for m in mentions]
    evidence = _article_evidence(
        mentions, keys, gazetteer, place_nouns, without_model=without_model, language=language
    )
    context = evidence.context
    facilities, regions = named_by_nouns(mentions, keys)
    sited = frozenset() if sport else sited_names(mentions, keys, lambda key: bool(gazetteer.candidates(key)))
    teams = city_teams(mentions, keys, gazetteer, sport=sport)
    states = states_after_cities(mentions, keys, gazetteer)
    firms = listed_with_firms(mentions, keys, gazetteer)
    scores: dict[Place, float] = {}
    counts: dict[Place, int] = {}
    display: dict[Place, str] = {}
    consumed: set[int] = set()
    for index, (mention, key) in enumerate(zip(mentions, keys, strict=True)):
        if not key or key in NOT_ENTITY_KEYS or key in INSTITUTION_KEYS:
            continue
        if key in teams | firms and not mention.after_place_word:
            continue
        if names_a_thing(mention) and gazetteer.candidates(key):
            consumed.add(index)  # "the Shanghai Composite", "the Enterprise plan": neither place nor actor
            continue
        place = (
            states.get(index)
            or _resolve(mention, key, evidence)
            or compound_place(mention, gazetteer)
            or named_by_noun(mention, key, context, facilities, regions, sited=sited)
            or epithet_place(key, context, gazetteer)
        )
        if place is None:
            continue
        consumed.add(index)
        weight = TITLE_WEIGHT if mention.in_title else 1.0 + (1.0 - mention.position)
        # "the Delhi airport" names the city and its airport, a place of its own.
        airport = mention.next_word in CITY_FACILITY_NOUNS and place.kind in {"city", "region"}
        also = named_by_noun(mention, key, context, facilities, regions) if airport else None
        for named in (place,) if also is None else (place, also):
            display.setdefault(named, _display_name(named, mention))
            scores[named] = scores.get(named, 0.0) + weight
            counts[named] = counts.get(named, 0) + 1
    _count_people_named_like_places(
        mentions, keys, evidence, teams=teams, consumed=consumed, scores=scores, counts=counts
    )
    count_facilities_named_by_their_noun(mentions, keys, consumed=consumed, scores=scores, counts=counts)
    count_acronyms_of_places(mentions, display, consumed=consumed, scores=scores, counts=counts)
    count_countries_of_bodies(mentions, gazetteer, display, scores=scores, counts=counts)
    ranked = sorted(scores, key=lambda p: (-scores[p], p.name))[:MAX_LOCATIONS]
    locations = [
        Location(
            name=display[place],
            kind=place.kind,
            country_code=place.country_code,
            latitude=place.latitude,
            longitude=place.longitude,
            mentions=counts[place],
        )
        for place in ranked
    ]
    return PlaceResolution(locations, frozenset(consumed), frozenset(context), teams)


def _article_evidence(
    mentions: Sequence[Mention],
    keys: Sequence[str],
    gazetteer: Gazetteer,
    place_nouns: frozenset[str],
    *,
    without_model: bool,
    language: str,
) -> _Evidence:
    """What the whole article says about its places (see `_Evidence`)."""
    context, local, local_points = _context(mentions, keys, gazetteer, without_model=without_model)
    # Where no model reads, the language's home countries are context too ("Valencia" in Spanish).
    context.update(home_countries(language) if without_model else ())
    # A span the model calls a person is a place if the same name is a place elsewhere in the
    # article: typed so, or introduced as one ("the Israeli town of Kiryat Shmona").
    place_words = {
        k
        for m, k in zip(mentions, keys, strict=True)
        if k and (m.label in {"GPE", "LOC"} or m.introduced_as_place)
    }
    # Words of multi-word person names: "Jordan" of "Jordan Peterson" is never a place on its own.
    person_words = {
        word
        for m, k in zip(mentions, keys, strict=True)
        if m.label == "PERSON" and " " in k
        for word in k.split()
    }
    # First and last words of multi-word person names: "Buckley" of "Jessie Buckley" (`_is_name_of_someone`).
    full_names = [k.split() for m, k in zip(mentions, keys, strict=True) if m.label == "PERSON" and " " in k]
    surnames = {words[-1] for words in full_names}
    first_names = {words[0] for words in full_names}  # "Sydney" of "Sydney Sweeney"
    # Names written as a company's ("Chime CEO ...", "SoFi shares"): never a town in this article.
    # Not a name in capitals: a dateline's place before the story's first word ("LONDON - Shares").
    companies = {
        k
        for m, k in zip(mentions, keys, strict=True)
        if k and m.next_word in COMPANY_NEXT_WORDS and not m.text.isupper()
    }
    # Names the article gives a company in full ("Sierra Nevada Corporation"): alone, that company.
    corporate = {
        k.rsplit(" ", 1)[0]
        for m, k in zip(mentions, keys, strict=True)
        if m.label == "ORG" and " " in k and k.rsplit(" ", 1)[1] in CORPORATE_SUFFIXES
    }
    return _Evidence(
        gazetteer,
        context,
        local,
        local_points,
        place_words,
        person_words,
        surnames,
        first_names,
        companies,
        frozenset(corporate),
        place_nouns,
        without_model,
        language,
    )


def _count_people_named_like_places(
    mentions: Sequence[Mention],
    keys: Sequence[str],
    evidence: _Evidence,
    *,
    teams: frozenset[str],
    consumed: set[int],
    scores: dict[Place, float],
    counts: dict[Place, int],
) -> None:
    """A name the model called a person that is a place the article already names ("al-Qusayr"
    beside "the town of Qusair") is that place: counted there, and consumed."""
    for index, (mention, key) in enumerate(zip(mentions, keys, strict=True)):
        if index in consumed or mention.label != "PERSON" or not key or key in evidence.person_words:
            continue
        if key in teams and not mention.after_place_word:
            continue
        place = next((c for c in evidence.gazetteer.candidates(key) if c in scores), None)
        if place is not None:
            consumed.add(index)
            scores[place] += 1.0 + (1.0 - mention.position)
            counts[place] += 1


def _display_name(place: Place, mention: Mention) -> str:
    """The English name of a place: the gazetteer's, unless that is a local form with accents
    ("Nabatîyé et Tahta", "Al Quşayr") and the article wrote it plainly ("Nabatieh", "Qusair")."""
    if place.kind != "city" or place.name.isascii():
        return place.name
    written = clean_name(mention.text)
    return written if written and written.isascii() and not written.isupper() else place.name


def _context(
    mentions: Sequence[Mention], keys: Sequence[str], gazetteer: Gazetteer, *, without_model: bool = False
) -> tuple[set[str], set[str], list[tuple[float, float]]]:
    """Countries the article names, countries of its sub-national places named without doubt, and
    the points of those places. Where no model read the text, every place is an untyped run, and a
    region ("Niederbayern") or a world city says its country as surely as the country's name would."""
    named: set[str] = set()
    local: set[str] = set()
    points: list[tuple[float, float]] = []
    for mention, key in zip(mentions, keys, strict=True):
        if not key:
            continue
        demonym = gazetteer.demonym_country(mention.text)
        if demonym and mention.label in {"NORP", "GPE"}:
            named.add(demonym)
            continue
        if mention.label not in {"GPE", "LOC", GAZETTEER}:
            continue
        candidates = gazetteer.candidates(key)
        if not candidates:
            continue
        first = candidates[0]
        says_country = without_model and says_its_country(candidates)
        if mention.label == GAZETTEER and first.kind != "country" and not says_country:
            continue  # an untyped capitalised word is context only when it names a country
        if first.kind == "country" and len(candidates) > 1 and candidates[1].kind == "country":
            continue  # "Korea": which one is for the article's other places to say (`_pick`)
        if first.kind == "country" and first.country_code:
            named.add(first.country_code)
        elif (says_country or len({c.country_code for c in candidates}) == 1) and first.country_code:
            local.add(first.country_code)
            if len(candidates) == 1 and first.latitude is not None and first.longitude is not None:
                points.append((first.latitude, first.longitude))
    return named | local, local, points


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What the whole article says about places, for resolving one mention."""

    gazetteer: Gazetteer
    context: set[str]
    local: set[str]
    local_points: list[tuple[float, float]]
    place_words: set[str]
    person_words: set[str]
    surnames: set[str]
    first_names: set[str]
    companies: set[str]
    corporate: frozenset[str]
    place_nouns: frozenset[str]
    without_model: bool
    language: str = "en"


def _resolve(mention: Mention, key: str, evidence: _Evidence) -> Place | None:
    label = mention.label
    gazetteer = evidence.gazetteer
    if label == "NORP":
        country = gazetteer.demonym_country(mention.text)
        if country is not None:
            # "Syrian forces" is about Syria but not a mention of it; "the Syrian border" is.
            return gazetteer.country(country) if mention.next_word in evidence.place_nouns else None
    if mention.next_word in TRUNCATING_PARTICLES and evidence.language == "en":
        return None  # "Rio Grande" of "Rio Grande do Sul": the model cut a longer name short
    if label == "PERSON" and key in evidence.person_words:
        return None
    if is_no_place(mention, key):
        return None
    candidates = state_named(mention, key, gazetteer) or gazetteer.candidates(key)
    if not candidates:
        return None
    place = _pick(candidates, evidence.context, evidence.local, evidence.local_points)
    if _is_name_of_someone(mention, key, place, evidence):
        return None
    if key in evidence.companies and place.kind == "city" and not mention.after_place_word:
        return None
    if key in evidence.corporate and place.kind != "country" and not mention.after_place_word:
        return None
    if label in PLACE_LABELS or (label == "PERSON" and key in evidence.place_words):
        return place
    if place.kind == "city" and not gazetteer.names_as_its_own(key, place):
        return None  # typed a person or an organisation, and a city only by another spelling
    if label == "PERSON" and place.kind in NATURAL_KINDS and not mention.with_age:
        # A river, mountain or region is no one's surname here (`person_words`), and a region's
        # whole name no one's full name ("Tamil Nadu", "New South Wales").
        return place
    if label == "PERSON":
        # The model calls a person what may be a city ("Porto Alegre", "Misrata"): trust the
        # gazetteer only for a sizeable city of a country the article is about.
        big_city = place.kind == "city" and place.population >= PERSON_AS_CITY_MIN_POPULATION
        return place if big_city and place.country_code in evidence.context else None
    # ORG, NORP, or a capitalised run the model left untyped: a place only on firm evidence (a
    # world city needs none where no model read the text: "Madrid" in a Spanish article).
    if place.kind != "city" or place.country_code in evidence.context:
        return place
    world_city = evidence.without_model and place.population >= WORLD_CITY
    return place if label == GAZETTEER and world_city else None


def _pick(
    candidates: Sequence[Place],
    context: set[str],
    local: set[str],
    local_points: Sequence[tuple[float, float]],
) -> Place:
    """The candidate an article most plausibly means.

    A sub-national place beats a same-named country only when the article names other places of
    that country ("Georgia" next to "Atlanta"); otherwise a country wins, the usual one of a short
    form that names several ("Korea") unless the article is about the other. Among cities, one in a
    context country wins, then the most populous.
    """
    first = candidates[0]
    if first.kind == "country":
        for other in candidates[1:]:
            if (
                other.kind == "country"
                and first.country_code not in context
                and other.country_code in context
            ):
                return other  # "Korea" in a story about Pyongyang is North Korea
            if other.kind != "country" and other.country_code in local and first.country_code not in local:
                return other
        return first
    in_context = [c for c in candidates if c.country_code in context]
    if not in_context:
        return first
    # A world city keeps its name against a small namesake in a context country ("Moscow" in a
    # story that also names Washington), unless the namesake is near a place the article names
    # (Paris beside Texas); a town against a town goes to the context.
    namesake = in_context[0]
    if (
        first.population >= WORLD_CITY
        and first.population > DWARFED * namesake.population
        and not any(distance_km(namesake, point) <= NEAR_KM for point in local_points)
    ):
        return first
    return namesake


def _is_name_of_someone(mention: Mention, key: str, place: Place, evidence: _Evidence) -> bool:
    """ "Buckley" after "Jessie Buckley", "Sydney" after "Sydney Sweeney": a town's name that is a
    word of a person the article names in full stands for that person, unless the text puts it as a
    place ("in Buckley", "the town of Buckley"). Countries and regions keep their name ("Jordan"),
    and world cities against a surname ("Houston"), not against a first name ("Sydney told
    reporters")."""
    if place.kind != "city" or " " in key or mention.after_place_word or mention.introduced_as_place:
        return False
    return key in evidence.first_names or (key in evidence.surnames and place.population < WORLD_CITY)
