"""Places the gazetteer may not hold, known by how the text names them: the noun of their kind
("Walter Reed hospital", "Zabul province", "the Pangram area"), a street in an address ("of 1909
Jolinda Drive"), the town a person is from ("Jane Roe, 31, of Hope"), an introducer ("the town of
Ziketan"), or a list of counties that names its kind once ("Orange and Riverside counties").
`places.resolve_places` asks `named_by_noun` about each mention the gazetteer could not resolve.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Final

from newsfacet.enrich.gazetteer import Gazetteer, Place
from newsfacet.enrich.geo_aliases import FACILITY_WORDS
from newsfacet.enrich.mentions import SITES_BEFORE_IN, Mention, mention_at
from newsfacet.enrich.names import clean_name, fold, list_item_spans
from newsfacet.model import LocationKind

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels of the mentions found here by pattern: a street of an address, the town a person is from.
STREET: Final = "STREET"
TOWN: Final = "TOWN"
# Last words of a street's name: "6th Avenue", "Downing Street".
STREET_WORDS = frozenset({"street", "avenue", "road", "boulevard", "lane", "highway"})
# Lower-case nouns after a name that make it a facility ("Walter Reed hospital", "Evin prison").
FACILITY_NOUNS = frozenset({"hospital", "prison", "airport", "stadium", "arena", "airbase", "mall", "hotel"})
# The facilities a city's name names without more ("the Delhi airport", "Kabul airport"): the city
# has one, where "a London hospital" is any of many.
CITY_FACILITY_NOUNS = frozenset({"airport", "airbase"})
# Facility nouns that, alone and capitalised, refer back to the one facility of that noun named.
REFERRING_FACILITY_NOUNS = frozenset(
    {"capitol", "statehouse", "courthouse", "jail", "prison", "stadium", "arena"}
)
# Lower-case nouns after a name that make it a region ("Zabul province", "the Donetsk region").
REGION_NOUNS = frozenset({"province", "district", "governorate", "region", "prefecture", "oblast", "area"})
# Capitalised last words that make a name a region's, whatever the model typed it ("the National
# Capital Region", "the Northern Territory"; the model often says ORG). Not "District": school and
# water districts are bodies.
PROPER_REGION_NOUNS = frozenset({"Region", "Territory", "Province", "Governorate", "Prefecture", "Oblast"})
# What "the <kind> of X" makes X, for a name no gazetteer holds ("the town of Ziketan"). Not "port
# of", which software has too.
_INTRODUCED_KINDS: Final[dict[str, LocationKind]] = {
    "town": "city",
    "city": "city",
    "village": "city",
    "suburb": "city",
    "region": "region",
    "province": "region",
    "district": "region",
    "area": "region",
    # "the fuel plant in Senkata": where a site is, a town or a part of one.
    **dict.fromkeys(SITES_BEFORE_IN, "area"),
}


_COUNTY_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?"
# "Berrien, Cass, Kalamazoo and Van Buren counties", "Orange and Riverside counties".
_COUNTY_LIST = re.compile(
    rf"(?<![\w'’-])(?P<names>{_COUNTY_NAME}(?:,\s+{_COUNTY_NAME})*,?\s+(?:and|or)\s+{_COUNTY_NAME})\s+counties\b"
)


def listed_county_mentions(title: str, text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Place mentions for the counties of a list that names its kind once, at the end ("Orange and
    Riverside counties"): each name is "<name> County", when the gazetteer knows such a county."""
    found = []
    for source, origin in ((0, title), (1, text)):
        for match in _COUNTY_LIST.finditer(origin) if "counties" in origin else ():
            for start, end in list_item_spans(origin, match.start("names"), match.end("names")):
                county = f"{origin[start:end]} County"
                if gazetteer.candidates(county):
                    mention = mention_at(origin, start, end, "GPE", in_title=source == 0)
                    found.append(dataclasses.replace(mention, text=county))
    return found


# Street words of US addresses, spelled out or abbreviated as news writes them.
_STREET_SUFFIXES: Final = (
    "Street", "St.", "Avenue", "Ave.", "Road", "Rd.", "Drive", "Dr.", "Lane", "Ln.", "Place", "Pl.",
    "Court", "Ct.", "Boulevard", "Blvd.", "Way", "Terrace", "Parkway", "Circle", "Trail",
)  # fmt: skip
_SUFFIX_ALTERNATION = "|".join(re.escape(suffix) for suffix in _STREET_SUFFIXES)
# "of 1909 Jolinda Drive", "at 2134 Caldwell Place", "3170 W. County Road 600S": a house number, a
# compass point, then the street's name ("287 Park Avenue South"); a county or state road keeps its
# number. Not a title that goes on ("2 Week California Road Trip").
_ADDRESS = re.compile(
    rf"(?<![\w.,-])\d{{1,6}}\s+(?:[NSEW]\.\s+)?(?P<street>(?:County|State)\s+Road\s+\w+"
    rf"|(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{_SUFFIX_ALTERNATION})(?: (?:North|South|East|West))?"
    r"(?![\w-]|(?<!\.) [A-Z]))"
)
# "Ryan Roe, 31, of Hope", "Jane Roe 31, of Franklin,": the town after a person's age.
_RESIDENCE = re.compile(
    r"(?<![\d,])\d{1,3},\s+of\s+(?P<town>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[,.;]|\s+(?:and|on|in|was|is|who)\b)"
)


def address_mentions(title: str, text: str) -> list[Mention]:
    """Place mentions for the streets of addresses and the towns people are from (see the module
    docstring), whatever the model typed them: local crime and court reports name them often."""
    found = []
    for source, origin in ((0, title), (1, text)):
        # Most articles hold no address: a plain substring test skips the scan (run per article).
        has_street = any(suffix in origin for suffix in _STREET_SUFFIXES)
        for match in _ADDRESS.finditer(origin) if has_street else ():
            # Named as written ("Eighth St."): the model's span of the same name then finds it.
            found.append(mention_at(origin, *match.span("street"), STREET, in_title=source == 0))
        for match in _RESIDENCE.finditer(origin) if ", of" in origin else ():
            found.append(
                mention_at(origin, match.start("town"), match.end("town"), TOWN, in_title=source == 0)
            )
    return found


# Facilities that are places wherever news puts someone in, at or into them ("transported to the
# Bartholomew County Jail", "a rally at the Indiana Statehouse"), whatever the model typed them. Not
# hospitals, centres, parks or stations: "a nurse at Mercy Hospital" names her employer. A centre
# or facility of detention is a jail by another name ("held at the Metropolitan Correctional
# Center", "inmates at the Otero County Detention Facility").
_PLACE_FACILITY_WORDS: Final = (
    "Jail", "Prison", "Penitentiary", "Statehouse", "Courthouse", "Stadium", "Arena", "Airport",
    "Correctional Center", "Correctional Facility", "Detention Center", "Detention Facility",
)  # fmt: skip
_FACILITY_AFTER_PREPOSITION = re.compile(
    r"(?<![\w-])(?:in|at|into|inside|outside|to)\s+(?:the\s+)?"
    rf"(?P<name>(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:{'|'.join(_PLACE_FACILITY_WORDS)}))(?![\w-])"
)


# Buildings whose name names nothing else: "the Texas Capitol", "the Indiana Statehouse" are places
# wherever the text names them (the legislature that sits there is named as such). Not before
# another capitalised word: "U.S. Capitol Police" is a body, "Capitol Hill" stands for Congress.
# Body text only: a headline in title case capitalises the words before ("Rally At Texas Capitol").
# A brand's showroom is the shop where its shows and launches take place ("the Vela Showroom").
_BUILDING_WORDS: Final = ("Capitol", "Statehouse", "Courthouse", "Showroom")
_BUILDING_WORD = re.compile(rf"\b(?:{'|'.join(_BUILDING_WORDS)})(?![\w'’-]|[ \t]+[A-Z])")
# The one or two capitalised words that end right before the building's word (searched in a short
# window before it, so the scan runs only where the word is).
# On the building's line, and not over a sentence's end: a word with a full stop is initials or a
# short abbreviation ("U.S. Capitol", "St. Clair County Courthouse"), not "... by Anna Berg. Vela".
_WORDS_BEFORE_BUILDING = re.compile(
    r"(?<![\w'’.-])(?!(?:The|A|An|This|That|Its|Our|Their)\s)"
    r"(?:(?:[A-Z][\w'’-]*|(?:[A-Z]\.)+|[A-Z][a-z]{1,2}\.)[ \t]+){1,2}\Z"
)


def _building_mentions(origin: str) -> list[Mention]:
    found = []
    for word in _BUILDING_WORD.finditer(origin):
        window = max(0, word.start() - 60)
        before = _WORDS_BEFORE_BUILDING.search(origin, window, word.start())
        if before is not None:
            found.append(mention_at(origin, before.start(), word.end(), "FAC", in_title=False))
    return found


# Where an event is held is a place, whatever the facility ("will take place at the World Trade
# Center", "was held at the Javits Center"): the verb says so, where "a nurse at Mercy Hospital"
# names her employer.
_VENUE_WORDS: Final = ("Center", "Centre", "Hall", "Park", "Square", "Garden", "Arena", "Stadium")
_VENUE_AFTER_EVENT_VERB = re.compile(r"\b(?:place|held|hosted|staged)\s+(?:at|in)\s+(?:the\s+)?")
_TAKE_BEFORE_PLACE = re.compile(r"\b(?:take|takes|took|taken|taking)\s+\Z")
_VENUE_NAME = re.compile(rf"(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:{'|'.join(_VENUE_WORDS)})(?![\w-])")


def _venue_mentions(origin: str, *, in_title: bool) -> list[Mention]:
    found = []
    for verb in _VENUE_AFTER_EVENT_VERB.finditer(origin) if "place" in origin or "held" in origin else ():
        took_place = verb.group().startswith("place") and bool(
            _TAKE_BEFORE_PLACE.search(origin, max(0, verb.start() - 10), verb.start())
        )
        name = _VENUE_NAME.match(origin, verb.end())
        if name is not None and (took_place or not verb.group().startswith("place")):
            found.append(mention_at(origin, name.start(), name.end(), "FAC", in_title=in_title))
    return found


def facility_mentions(title: str, text: str) -> list[Mention]:
    """Place mentions for the facilities the text puts someone in, at or into (see
    `_PLACE_FACILITY_WORDS`), for buildings named as such anywhere (`_BUILDING_WORDS`) and for
    the venues events take place or are held at (`_VENUE_WORDS`)."""
    found: list[Mention] = []
    for source, origin in ((0, title), (1, text)):
        if any(word in origin for word in _PLACE_FACILITY_WORDS):
            found.extend(
                mention_at(origin, match.start("name"), match.end("name"), "FAC", in_title=source == 0)
                for match in _FACILITY_AFTER_PREPOSITION.finditer(origin)
            )
        if source and any(word in origin for word in _BUILDING_WORDS):
            found.extend(_building_mentions(origin))
        found.extend(_venue_mentions(origin, in_title=source == 0))
    return found


def _is_one_name(mention: Mention) -> bool:
    """A name the model typed as a place, person or organisation that lists no other ("an area of
    Orange and Riverside counties" introduces the counties, not a place "Orange and Riverside")."""
    return mention.label in {"GPE", "LOC", "PERSON", "ORG"} and not _LIST_WORDS.search(mention.text)


_LIST_WORDS = re.compile(r",|&|\band\b")


def named_by_nouns(mentions: Sequence[Mention], keys: Sequence[str]) -> tuple[dict[str, str], set[str]]:
    """Names the article writes before a facility noun ("Walter Reed hospital": key -> noun) and
    before a region noun ("Zabul province", inside the span or after it): facilities and regions
    wherever they occur, whatever the model typed them, which the gazetteer may not hold."""
    facilities = {
        k: m.next_word
        for m, k in zip(mentions, keys, strict=True)
        if k and m.next_word in FACILITY_NOUNS and m.label in {"PERSON", "ORG", "FAC", "GPE", "LOC"}
    }
    regions = {
        k
        for m, k in zip(mentions, keys, strict=True)
        if k and m.next_word in REGION_NOUNS and m.label in {"GPE", "LOC", "PERSON", "ORG", "FAC"}
    }
    return facilities, regions


def named_by_noun(
    mention: Mention,
    key: str,
    context: set[str],
    facilities: dict[str, str],
    regions: set[str],
    *,
    sited: frozenset[str] = frozenset(),
) -> Place | None:
    """A place the gazetteer does not hold, known by the noun that names its kind: a facility
    ("KeyBank Center", "Hoa Lo Prison", "Walter Reed Hospital" of "Walter Reed hospital"), a street
    ("6th Avenue", an address's "Jolinda Drive") or a region ("Zabul" of "Zabul province"), a town
    after a person's age or a kind's introducer ("the town of Ziketan"); in the article's country
    when it names only one, with no point of its own."""
    name = clean_name(mention.text)
    if name is None:
        return None
    first_words, _, last_word = name.rpartition(" ")
    named_as_place = mention.label in PLACE_LABELS and bool(first_words)
    kind: LocationKind
    if mention.label == STREET:
        kind = "area"
    elif mention.label == TOWN:
        kind = "city"
    elif named_as_place and last_word.casefold() in FACILITY_WORDS:
        kind = "facility"
    elif named_as_place and last_word.casefold() in STREET_WORDS:
        kind = "area"
    elif key in facilities:
        kind = "facility"
        if last_word.casefold() not in FACILITY_WORDS:
            name = f"{name} {facilities[key].title()}"  # "Walter Reed hospital": the facility's name
    elif key in regions:
        kind = "region"
    elif first_words and last_word in REGION_NOUNS and mention.label in {"GPE", "LOC"}:
        kind, name = "region", first_words
    elif first_words and last_word in PROPER_REGION_NOUNS and mention.label in {"GPE", "LOC", "ORG"}:
        kind = "region"
    elif mention.introduced_kind in _INTRODUCED_KINDS and _is_one_name(mention):
        kind = _INTRODUCED_KINDS[mention.introduced_kind]
    elif key in sited:
        kind = "area"
    else:
        return None
    country = next(iter(context)) if len(context) == 1 else None
    return Place(name, kind, country, None, None)


def count_facilities_named_by_their_noun(
    mentions: Sequence[Mention],
    keys: Sequence[str],
    *,
    consumed: set[int],
    scores: dict[Place, float],
    counts: dict[Place, int],
) -> None:
    """ "the Statehouse" after "the Indiana Statehouse": a facility's noun alone, in an article
    that names one facility of that noun, is that facility (counted there, and no actor)."""
    by_noun: dict[str, list[Place]] = {}
    for place in scores:
        if place.kind == "facility":
            by_noun.setdefault(fold(place.name).rsplit(" ", 1)[-1], []).append(place)
    for index, (mention, key) in enumerate(zip(mentions, keys, strict=True)):
        if index in consumed or mention.label == "PERSON" or key not in REFERRING_FACILITY_NOUNS:
            continue  # "Park" is a surname too: only a building's noun refers back
        places = by_noun.get(key)
        if places is not None and len(places) == 1:
            consumed.add(index)
            scores[places[0]] += 1.0 + (1.0 - mention.position)
            counts[places[0]] += 1


# Lower-case nouns after a name that put something there ("the al-Tanf base", "the Rukban camp").
SITE_NOUNS: Final = FACILITY_NOUNS | {"base", "camp", "crossing", "checkpoint", "border"}
# Lower-case nouns of a settlement after a name the model calls a place or facility ("the Gush
# Etzion settlement bloc", "the Ein Hilweh camp"): a place, however often the text names it.
SETTLEMENT_NOUNS: Final = frozenset(
    {"settlement", "settlements", "village", "township", "kibbutz", "camp", "neighborhood"}
    | {"neighbourhood", "suburb", "enclave", "outpost"}
)
# Verbs after a name that make it a speaker, a person or an organisation ("Zoox declined to
# comment", "at Zoox" though it is written elsewhere).
SPEAKING_VERBS: Final = frozenset(
    {"said", "says", "told", "declined", "announced", "confirmed", "denied", "added", "wrote"}
)
# How often, at least, the text puts a name after a place word ("in", "at", "near"...).
MIN_SITED = 2


def sited_names(
    mentions: Sequence[Mention], keys: Sequence[str], known: Callable[[str], bool]
) -> frozenset[str]:
    """One-word names the gazetteer does not know that the text uses as a place more than once and
    in at least half of their mentions: after a place word ("troops in al-Tanf", "at al-Tanf") or
    before a site's noun ("the al-Tanf base"). The model often calls them people; a person's name
    is seldom set so ("according to Trump" once in a story that names him twenty times). Not in a
    sports story (callers), where "a move to Arsenal" and "at Arsenal" name a club. And any name
    the model calls a place that the text sets before a settlement's noun ("the Gush Etzion
    settlement bloc"), or a name of several words it calls a town after a place word ("drove to
    Forest Hill's"), however often."""
    sited: dict[str, int] = {}
    total: dict[str, int] = {}
    settled = set()
    for mention, key in zip(mentions, keys, strict=True):
        if key and mention.label in PLACE_LABELS and mention.head_noun in SETTLEMENT_NOUNS:
            settled.add(key)
        elif key and " " in key and mention.label == "GPE" and mention.after_place_word:
            settled.add(key)  # the model and the text both say place: "took the child to Forest Hill's"
        if not key or " " in mention.text.strip():
            continue
        total[key] = total.get(key, 0) + 1
        if mention.label not in {"PERSON", "GPE", "LOC"}:
            continue  # "a move to Arsenal", "at Google": an organisation's mention counts against
        if (
            mention.with_age
            or mention.in_job_title
            or mention.before_staff
            or mention.as_team
            or mention.next_word in SPEAKING_VERBS
        ):
            total[key] += (
                99  # a person's or an organisation's cue ("Zoox declined to comment"): never a place
            )
        elif mention.after_place_word or mention.head_noun in SITE_NOUNS:
            sited[key] = sited.get(key, 0) + 1
    sited_often = {key for key, count in sited.items() if count >= MIN_SITED and 2 * count >= total[key]}
    return frozenset(key for key in sited_often | settled if not known(key))
