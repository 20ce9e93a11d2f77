"""The gazetteer: every place name enrichment knows, folded, with its candidate places.

Built once per process, on first use, from the compact GeoNames-derived table shipped in
`newsfacet/data/geo.json.gz` (see `scripts/build_geo_table.py`), pycountry's country names, and the
hand-written tables of `geo_aliases`. Lookups are dictionary hits on a folded key.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Final

import pycountry

from newsfacet.enrich import geo_aliases
from newsfacet.enrich.names import fold
from newsfacet.model import LocationKind

TABLE_RESOURCE: Final = "geo.json.gz"
TABLE_VERSION: Final = 2
GAZETTEER_MIN_CITY: Final = 100_000
_KIND_ORDER: Final[dict[str, int]] = {
    "country": 0,
    "continent": 1,
    "sea": 1,
    "area": 1,
    "region": 2,
    "city": 3,
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


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Folded name -> candidate places. `primary` holds official and hand-written names, which
    always win over `alternate` (other spellings GeoNames lists for larger cities)."""

    primary: dict[str, tuple[Place, ...]]
    alternate: dict[str, tuple[Place, ...]]
    countries: dict[str, Place]
    demonyms: dict[str, str]

    def candidates(self, name: str) -> tuple[Place, ...]:
        key = fold(name)
        return self.primary.get(key) or self.alternate.get(key, ())

    def is_place_name(self, text: str) -> bool:
        """Whether a capitalised phrase the NER left untyped is worth resolving as a place: any
        country, region, sea or area name, or a city of 100,000 people or more (`places` still
        requires that city's country to be in the article)."""
        found = self.primary.get(fold(text))
        if not found:
            return False
        return found[0].kind != "city" or found[0].population >= GAZETTEER_MIN_CITY

    def country(self, code: str) -> Place | None:
        return self.countries.get(code)

    def demonym_country(self, word: str) -> str | None:
        """The country a demonym names ("Syrian" -> "SY"), plural forms included ("Syrians")."""
        key = fold(word)
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)


def _add(index: dict[str, list[Place]], name: str, place: Place) -> None:
    key = fold(name)
    if key and place not in index.setdefault(key, []):
        index[key].append(place)


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first call (about 0.2 s)."""
    try:
        raw = files("newsfacet.data").joinpath(TABLE_RESOURCE).read_bytes()
        table = json.loads(gzip.decompress(raw))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read newsfacet/data/{TABLE_RESOURCE}: {exc}") from exc

    primary: dict[str, list[Place]] = {}
    alternate: dict[str, list[Place]] = {}
    countries: dict[str, Place] = {}
    cities: dict[tuple[str, str], Place] = {}

    for iso, name, lat, lon, population, _continent in table["countries"]:
        display = geo_aliases.COUNTRY_NAME_OVERRIDES.get(iso, name)
        place = Place(display, "country", iso, lat, lon, population)
        countries[iso] = place
        _add(primary, display, place)
        _add(primary, name, place)
    _add_pycountry_names(primary, countries)
    for alias, iso in geo_aliases.COUNTRY_ALIASES.items():
        if iso in countries:
            _add(primary, alias, countries[iso])

    for _code, name, lat, lon in table["continents"]:
        _add(primary, name, Place(name, "continent", None, lat, lon))

    for _code, name, iso, lat, lon in table["regions"]:
        _add(primary, name, Place(name, "region", iso, lat, lon))

    for name, kind, iso, lat, lon, spellings in geo_aliases.EXTRA_PLACES:
        place = Place(name, kind, iso, lat, lon)
        # Hand-written places replace whatever GeoNames files under the same key ("Gaza").
        for spelling in (name, *spellings):
            primary[fold(spelling)] = [place]

    if table.get("version") != TABLE_VERSION:
        raise GazetteerError(f"{TABLE_RESOURCE} is version {table.get('version')}, need {TABLE_VERSION}")
    # Rows are ordered by population, so same-named cities are already largest first.
    for name, key, iso, lat, lon, population, alternate_keys in table["cities"]:
        place = Place(name, "city", iso, lat, lon, population)
        cities.setdefault((name, iso), place)
        # A city never shadows a country, region or sea of the same name ("Jordan", Hong Kong).
        known = primary.get(key)
        if known is None:
            primary[key] = [place]
        elif known[-1].kind == "city":
            known.append(place)
        for alt_key in alternate_keys:
            alternate.setdefault(alt_key, []).append(place)

    for alias, (city_name, iso) in geo_aliases.CITY_ALIASES.items():
        if (city_name, iso) in cities:
            primary[fold(alias)] = [cities[(city_name, iso)]]

    demonyms = {fold(word): iso for word, iso in geo_aliases.DEMONYMS.items()}
    return Gazetteer(
        primary={key: _ranked(places) for key, places in primary.items()},
        # Alternate spellings only name cities, appended largest first: already ranked.
        alternate={key: tuple(places) for key, places in alternate.items()},
        countries=countries,
        demonyms=demonyms,
    )


def _ranked(places: list[Place]) -> tuple[Place, ...]:
    """Countries before regions before cities; larger cities first."""
    if len(places) == 1 or all(p.kind == "city" for p in places):
        return tuple(places)
    return tuple(sorted(places, key=lambda p: (_KIND_ORDER[p.kind], -p.population)))


def _add_pycountry_names(primary: dict[str, list[Place]], countries: dict[str, Place]) -> None:
    """Official and common country names ("Syrian Arab Republic", "Russian Federation")."""
    for record in pycountry.countries:
        place = countries.get(record.alpha_2)
        if place is None:
            continue
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(record, attribute, None)
            if isinstance(value, str):
                _add(primary, value, place)
