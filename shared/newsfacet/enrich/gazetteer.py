"""The gazetteer: every place name enrichment knows, folded, with its candidate places.

Built once per process, on first use, from the compact GeoNames-derived table shipped in
`newsfacet/data/geo.json.gz` (see `scripts/build_geo_table.py`), pycountry's country names, and the
hand-written tables of `geo_aliases`. Lookups are dictionary hits on a folded key.
"""

from __future__ import annotations

import gettext
import gzip
import json
import math
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib.resources import files
from typing import Final

import pycountry

from newsfacet.enrich import foreign_place_names, geo_aliases, geo_regions, geo_subdivisions
from newsfacet.enrich.names import fold, loose_key
from newsfacet.model import LocationKind

TABLE_RESOURCE: Final = "geo.json.gz"
# Languages whose country names the gazetteer knows besides English (from pycountry's translations).
COUNTRY_NAME_LANGUAGES: Final = ("fr", "de", "es", "it", "pt", "nl")
TABLE_VERSION: Final = 6
GAZETTEER_MIN_CITY: Final = 100_000
MIN_LOOSE_KEY: Final = 5
# How alike another spelling of a city's name and its official one are, at least (`difflib` ratio:
# "qusair" and "al qusayr" 0.67, "google" and "topeka" 0.17).
MIN_SPELLING_LIKENESS: Final = 0.5
_KIND_ORDER: Final[dict[str, int]] = {
    "country": 0,
    "continent": 1,
    "sea": 1,
    "area": 1,
    "river": 1,
    "lake": 1,
    "mountain": 1,
    "region": 2,
    "city": 3,
    "facility": 4,
}


class GazetteerError(RuntimeError):
    """The shipped geo table is missing or unreadable: a broken build, not bad input."""


@dataclass(frozen=True, slots=True)
class Place:
    """A place a name can refer to. `population` ranks same-named cities (0 when unknown)."""

    name: str
    kind: LocationKind
    country_code: str | None
    latitude: float | None
    longitude: float | None
    population: int = 0


def distance_km(place: Place, point: tuple[float, float]) -> float:
    """Great-circle distance from a place to a point, in kilometres (infinite without a point)."""
    if place.latitude is None or place.longitude is None:
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (place.latitude, place.longitude, *point))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


class RowIndex:
    """Folded name -> row numbers of the city table, from the table's `keys` and `rows` columns
    (`scripts/build_geo_table.py`): the numbers are parsed when a name is looked up, not at load."""

    __slots__ = ("_rows",)

    def __init__(self, column: dict[str, str]) -> None:
        self._rows = dict(zip(column["keys"].split("\n"), column["rows"].split("\n"), strict=True))

    def get(self, key: str) -> list[int] | None:
        rows = self._rows.get(key)
        return None if rows is None else [int(row) for row in rows.split(",")]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Folded name -> candidate places, most plausible first.

    `named` holds countries, continents, regions, seas and hand-written aliases: a few thousand
    keys, built at load. Cities stay lines of the shipped table until looked up (`city_index` for
    official names, `alternate_index` for other spellings, `loose_index` for transliteration keys
    (`names.loose_key`), each giving row numbers, largest city first). A name in `named` is never
    also a city ("Jordan" the country, not the town in Hong Kong), and an official name always wins
    over another city's alternate spelling.
    """

    named: dict[str, tuple[Place, ...]]
    city_rows: list[str]  # name, country, latitude, longitude, population: tab-separated
    city_index: RowIndex
    alternate_index: RowIndex
    loose_index: RowIndex
    countries: dict[str, Place]
    demonyms: dict[str, str]
    _cities: dict[int, Place] = field(default_factory=dict)

    def candidates(self, name: str) -> tuple[Place, ...]:
        key = fold(name)
        named = self.named.get(key)
        if named is not None:
            return named
        rows = self.city_index.get(key) or self.alternate_index.get(key)
        if rows is None:
            # A transliteration of the name ("Qusair" for Al Quşayr), or a river, sea or region
            # written with its article ("al-Qusayr").
            # Only for one-word names: English multi-word names ("Forest Hill") are not
            # transliterations, and loosening them meets other towns' variants ("Forest Hills").
            words = key.replace("-", " ").split()
            loose = loose_key(name) if len(words) == 1 or (len(words) == 2 and len(words[0]) <= 3) else ""
            rows = (self.loose_index.get(loose) or []) if len(loose) >= MIN_LOOSE_KEY else []
        return tuple(self.city(row) for row in rows)

    def city(self, row: int) -> Place:
        place = self._cities.get(row)
        if place is None:
            name, iso, lat, lon, population = self.city_rows[row].split("\t")
            name = foreign_place_names.ENGLISH_CITY_NAMES.get((name, iso), name)
            place = self._cities[row] = Place(name, "city", iso, float(lat), float(lon), int(population))
        return place

    def is_place_name(self, text: str) -> bool:
        """Whether a capitalised phrase the NER left untyped is worth resolving as a place: any
        country, region, sea or area name, or a city of 100,000 people or more (`places` still
        requires that city's country to be in the article)."""
        key = fold(text)
        if key in self.named:
            return True
        rows = self.city_index.get(key)
        return rows is not None and self.city(rows[0]).population >= GAZETTEER_MIN_CITY

    def names_as_its_own(self, name: str, place: Place) -> bool:
        """Whether `name` is `place`'s own name or a spelling of it ("Qusair" for Al Qusayr), not a
        name the city only took for a while or in another tongue ("Google", which Topeka took for a
        month in 2010; "Constantinople" for Istanbul): those resemble the city's name too little."""
        key = fold(name)
        if key in self.named or self.city_index.get(key) is not None:
            return True
        return _spelling_likeness(key, fold(place.name)) >= MIN_SPELLING_LIKENESS

    def country(self, code: str) -> Place | None:
        return self.countries.get(code)

    def demonym_country(self, word: str) -> str | None:
        """The country a demonym names ("Syrian" -> "SY"), plural forms included ("Syrians")."""
        key = fold(word)
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)


@lru_cache(maxsize=4096)
def _spelling_likeness(name: str, official: str) -> float:
    return SequenceMatcher(None, name, official).ratio()


def _add(index: dict[str, list[Place]], name: str, place: Place) -> None:
    key = fold(name)
    if key and place not in index.setdefault(key, []):
        index[key].append(place)


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first call (a JSON parse of a few long strings and a few
    thousand names; cities become `Place`s, and their index entries numbers, only when looked up)."""
    try:
        raw = files("newsfacet.data").joinpath(TABLE_RESOURCE).read_bytes()
        table = json.loads(gzip.decompress(raw))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read newsfacet/data/{TABLE_RESOURCE}: {exc}") from exc
    if table.get("version") != TABLE_VERSION:
        raise GazetteerError(f"{TABLE_RESOURCE} is version {table.get('version')}, need {TABLE_VERSION}")

    named: dict[str, list[Place]] = {}
    countries: dict[str, Place] = {}
    for iso, name, lat, lon, population, _continent in table["countries"]:
        display = geo_aliases.COUNTRY_NAME_OVERRIDES.get(iso, name)
        place = Place(display, "country", iso, lat, lon, population)
        countries[iso] = place
        _add(named, display, place)
        _add(named, name, place)
    _add_pycountry_names(named, countries)
    for alias, iso in (geo_aliases.COUNTRY_ALIASES | geo_regions.COUNTRY_SHORT_FORMS).items():
        if iso in countries:
            _add(named, alias, countries[iso])
    for form, codes in geo_regions.AMBIGUOUS_COUNTRY_FORMS.items():
        # Every country the form can mean, and only those ("Congo" is no city); `_ranked` puts
        # the most populous first, `places._pick` the one the article's other places point to.
        named[fold(form)] = [countries[iso] for iso in codes if iso in countries]

    for _code, name, lat, lon in table["continents"]:
        _add(named, name, Place(name, "continent", None, lat, lon))

    for _code, name, iso, lat, lon in table["regions"]:
        _add(named, name, Place(name, "region", iso, lat, lon))
        # "Washington State", "New York state": the state, where the name alone is the city.
        _add(named, f"{name} State", Place(name, "region", iso, lat, lon))
    for name, _state in table["counties"]:
        # One entry per name however many states have it ("Washington County": 30); no point.
        named.setdefault(fold(name), [Place(name, "region", "US", None, None)])
    for abbreviation, state in geo_aliases.US_STATE_ABBREVIATIONS.items():
        if fold(state) in named:
            named.setdefault(fold(abbreviation), []).extend(named[fold(state)])

    # Hand-written places replace whatever GeoNames files under the same key ("Gaza").
    named.update(_hand_written_places())
    for other, english in foreign_place_names.OTHER_NAMES.items():
        named.setdefault(fold(other), named[fold(english)])

    gazetteer = Gazetteer(
        named={},
        city_rows=table["cities"].split("\n"),
        city_index=RowIndex(table["city_index"]),
        alternate_index=RowIndex(table["alternate_index"]),
        loose_index=RowIndex(table["loose_index"]),
        countries=countries,
        demonyms={fold(word): iso for word, iso in geo_aliases.DEMONYMS.items()},
    )
    for name, *_ in geo_subdivisions.SUBDIVISIONS:
        # A county or state shares its name with towns elsewhere ("Norfolk, Va.", "Kent, Wash."):
        # both are candidates, and the article's other places choose (`places._pick`).
        named[fold(name)] += [gazetteer.city(row) for row in gazetteer.city_index.get(fold(name)) or []]
    for alias, (city_name, iso) in (geo_aliases.CITY_ALIASES | foreign_place_names.CITY_NAMES).items():
        rows = gazetteer.city_index.get(fold(city_name)) or []
        match = next((row for row in rows if gazetteer.city(row).country_code == iso), None)
        if match is not None:
            city = gazetteer.city(match)
            display = geo_aliases.CITY_NAME_OVERRIDES.get((city_name, iso))
            named[fold(alias)] = [replace(city, name=display) if display else city]
    gazetteer.named.update({key: _ranked(places) for key, places in named.items()})
    return gazetteer


def _hand_written_places() -> dict[str, list[Place]]:
    """Folded name -> the hand-written places of that name (`geo_aliases`, `geo_regions`,
    `geo_subdivisions`, `foreign_place_names`); a name several of them share lists each
    ("National Capital Region")."""
    hand_written: dict[str, list[Place]] = {}
    for name, kind, iso, lat, lon, spellings in (
        geo_aliases.EXTRA_PLACES
        + geo_regions.MACRO_REGIONS
        + geo_regions.METRO_REGIONS
        + geo_regions.NEWS_REGIONS
        + geo_subdivisions.SUBDIVISIONS
        + foreign_place_names.REGIONS
    ):
        place = Place(name, kind, iso, lat, lon)
        for spelling in (name, *spellings):
            _add(hand_written, spelling, place)
    return hand_written


def _ranked(places: list[Place]) -> tuple[Place, ...]:
    """Countries before seas and areas before regions before cities."""
    if len(places) == 1:
        return tuple(places)
    return tuple(sorted(places, key=lambda p: (_KIND_ORDER[p.kind], -p.population)))


def _add_pycountry_names(primary: dict[str, list[Place]], countries: dict[str, Place]) -> None:
    """Official and common country names ("Syrian Arab Republic", "Russian Federation"), and their
    names in other languages ("Allemagne", "Deutschland"), so places in articles in those languages
    resolve too. Inverted translations ("Syrienne, République arabe") are skipped."""
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for language in COUNTRY_NAME_LANGUAGES
    ]
    for record in pycountry.countries:
        place = countries.get(record.alpha_2)
        if place is None:
            continue
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(record, attribute, None)
            if isinstance(value, str):
                _add(primary, value, place)
                for translation in translations:
                    translated = translation.gettext(value)
                    if translated != value and "," not in translated:
                        _add(primary, translated, place)
