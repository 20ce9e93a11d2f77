"""What the words in and around a place-like name say it is, or is not: a US state rather than the
city of its name ("New York state", "the state of Washington", "a New York man", "Queens, New
York"); no place at all when a stock index ("the Shanghai Composite"), an offering ("the
Enterprise plan"), a word or a unit that folds like a state's abbreviation ("The Mass", "540 Nm"),
or an office whose name opens with a state's ("the New York State Attorney General").
`places.resolve_places` asks about each mention it resolves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from newsfacet.enrich.actor_vocabulary import PRODUCT_NOUNS
from newsfacet.enrich.gazetteer import Gazetteer, Place, distance_km
from newsfacet.enrich.geo_aliases import US_STATE_ABBREVIATIONS
from newsfacet.enrich.mentions import GAZETTEER, Mention
from newsfacet.enrich.names import fold

# Words after a place's name that make it a stock index's ("the Shanghai Composite", "the Taiwan
# Weighted index", "the Jakarta Composite Index").
INSTRUMENT_WORDS: Final = frozenset({"composite", "component", "index", "weighted"})
# US states' AP abbreviations, folded ("Mass." is "mass"): places only written with their dots or in
# capitals ("N.M.", "NM"); "Mass", "Nm", "Ore", "Del" are words.
STATE_ABBREVIATION_KEYS: Final = frozenset(fold(abbreviation) for abbreviation in US_STATE_ABBREVIATIONS)
# Words after "<state> State" that make it the start of an office's or body's name.
STATE_OFFICE_WORDS: Final = frozenset(
    {"attorney", "comptroller", "treasurer", "senate", "assembly", "legislature", "police", "patrol"}
    | {"troopers", "university", "department", "board", "court", "senator", "assemblyman"}
)


# Lower-case nouns of an offering after a name the model left untyped or called an organisation
# ("the Enterprise plan", "the Mobile app"): a product's or a tier's name, not the town of that name.
OFFERING_NOUNS: Final = PRODUCT_NOUNS | frozenset(
    {"plan", "plans", "tier", "tiers", "edition", "version", "mode", "package", "subscription"}
    | {"license", "licence", "model", "app", "apps", "theme", "font", "update", "feature", "bundle"}
)


def names_a_thing(mention: Mention) -> bool:
    """Whether a place's name is set before the word of a thing named after it: a stock index ("the
    Shanghai Composite"), or an offering where the model did not call it a place ("the Enterprise
    plan"). Such a mention is neither place nor actor."""
    if mention.next_word in INSTRUMENT_WORDS:
        return True
    return mention.label in {GAZETTEER, "ORG"} and mention.head_noun in OFFERING_NOUNS


def is_no_place(mention: Mention, key: str) -> bool:
    """Whether the mention's words say it names no place, whatever the gazetteer holds."""
    if key in STATE_ABBREVIATION_KEYS and "." not in mention.text and not mention.text.isupper():
        return True
    return key.endswith(" state") and mention.next_word in STATE_OFFICE_WORDS


# Nouns of people after a place's name that make it their state in US news ("a New York man", "a
# Washington woman"): the state, where the name alone is a city ("New York City", "Washington, D.C.").
RESIDENT_NOUNS: Final = frozenset(
    {"man", "woman", "men", "women", "teen", "teenager", "boy", "girl", "couple", "resident", "residents"}
)

# Kinds before "of" that make the name a state ("the state of", the federal "District of").
STATE_INTRODUCERS: Final = frozenset({"state", "district"})


def state_named(mention: Mention, key: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The US state a name names with a cue ("New York state", "the state of Washington", "a New
    York man", "the Western District of New York"), else nothing. "State" in capitals is not a cue
    ("New York State Police")."""
    if (
        mention.head_noun not in RESIDENT_NOUNS | {"state"}
        and mention.introduced_kind not in STATE_INTRODUCERS
    ):
        return ()
    return tuple(place for place in gazetteer.candidates(f"{key} state") if place.kind == "region")


# A city this populous is named for itself, not for a firm of its name.
WORLD_CITY: Final = 1_000_000
# How far from a state's point a city named before it may lie ("Buffalo, New York": 450 km).
NEAR_STATE_KM: Final = 600.0


def states_after_cities(
    mentions: Sequence[Mention], keys: Sequence[str], gazetteer: Gazetteer
) -> dict[int, Place]:
    """Mentions (by index) of a state named after one of its cities ("Queens, New York", "Tacoma,
    Washington said"): the state, where the name alone is a city. Not an item of a list of cities
    ("Boston, New York and Chicago", "Boston, New York, Chicago"), nor after a city far from the
    state."""
    found: dict[int, Place] = {}
    for index in range(1, len(mentions)):
        mention, key, before = mentions[index], keys[index], mentions[index - 1]
        if not key or before.in_title != mention.in_title or before.next_word != key.split()[0]:
            continue
        after = keys[index + 1] if index + 1 < len(keys) else ""
        if mention.next_word in {"and", "or"} or (after and mention.next_word == after.split()[0]):
            continue
        state = next((p for p in gazetteer.candidates(f"{key} state") if p.kind == "region"), None)
        if state is not None and any(
            _is_city_of(city, state) for city in gazetteer.candidates(keys[index - 1])
        ):
            found[index] = state
    return found


def _is_city_of(city: Place, state: Place) -> bool:
    """Whether a city may lie in a state: one of its country, near its point ("Vancouver" of
    "Vancouver, Washington" is the town in Washington, not the one in British Columbia)."""
    if city.kind != "city" or city.country_code != state.country_code:
        return False
    return (
        city.latitude is not None
        and city.longitude is not None
        and distance_km(state, (city.latitude, city.longitude)) <= NEAR_STATE_KM
    )


# Last words of a firm's name ("Sequoia Capital", "Khosla Ventures", "Accel Partners").
FIRM_LAST_WORDS: Final = frozenset(
    {"capital", "ventures", "partners", "associates", "holdings", "investments", "management"}
    | {"group", "fund", "funds", "inc", "llc", "corp", "co", "ltd", "plc", "labs"}
)


def listed_with_firms(
    mentions: Sequence[Mention], keys: Sequence[str], gazetteer: Gazetteer
) -> frozenset[str]:
    """Towns' names listed next to a firm's full name ("Khosla Ventures, Draper", "investors
    including Draper and Sequoia Capital"): the firm of that name wherever the text does not put it
    as a place ("in Draper"), not the town. Countries and regions keep their name ("Accel India")."""
    found = {mention.next_word for mention, key in zip(mentions, keys, strict=True) if _is_firm(key)}
    for index, (mention, key) in enumerate(zip(mentions, keys[1:], strict=False)):
        if _is_firm(key) and mention.next_word in {"and", "or"} and " " not in keys[index]:
            found.add(keys[index])  # "Draper and Sequoia Capital", the model's mentions in order
    return frozenset(key for key in found if _is_town(key, gazetteer))


def _is_town(key: str, gazetteer: Gazetteer) -> bool:
    """A city's name, not a world city's ("Accel Partners London" is the firm's London office)."""
    candidates = gazetteer.candidates(key) if key else ()
    return bool(candidates) and candidates[0].kind == "city" and candidates[0].population < WORLD_CITY


def _is_firm(key: str) -> bool:
    return " " in key and key.rsplit(" ", 1)[1] in FIRM_LAST_WORDS
