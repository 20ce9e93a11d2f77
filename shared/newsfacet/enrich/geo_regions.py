"""Hand-written place vocabulary, continued from `geo_aliases`: the short forms news uses for
countries whose full name is longer, macro-regions, historical states, mountain ranges and the
metropolitan regions news names by a compound of their cities ("Dallas-Fort Worth").

Data only; `gazetteer.load_gazetteer` adds them, `places` resolves them.
"""

from __future__ import annotations

from typing import Final

from newsfacet.model import LocationKind

# Short forms news writes for one of several countries -> their ISO codes, the usual meaning first.
# "Korea" is South Korea unless the article is about the North ("Korea" beside "Pyongyang");
# "Congo" is the larger of the two Congos unless the article names the other one's places.
# `places._pick` chooses by the article's other places.
AMBIGUOUS_COUNTRY_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "Korea": ("KR", "KP"),
    "Congo": ("CD", "CG"),
}

# Short and long forms news writes for one country that pycountry's names lack (its "Bosnia and
# Herzegovina", "Congo, The Democratic Republic of the"): form -> ISO code.
COUNTRY_SHORT_FORMS: Final[dict[str, str]] = {
    "Bosnia": "BA",
    "Democratic Republic of Congo": "CD",
    "Democratic Republic of the Congo": "CD",
    "Republic of Congo": "CG",
    "Antigua": "AG",
    "St. Kitts and Nevis": "KN",
    "St. Vincent and the Grenadines": "VC",
}

# Continents, macro-regions and historical states news names as places that GeoNames' tables
# lack: (name, kind, ISO country or None, latitude, longitude, other names). The point is a
# representative one inside the area, not a capital.
MACRO_REGIONS: Final[tuple[tuple[str, LocationKind, str | None, float, float, tuple[str, ...]], ...]] = (
    ("Americas", "continent", None, 8.0, -80.0, ("the Americas",)),
    ("East Asia", "area", None, 35.0, 120.0, ()),
    ("South Asia", "area", None, 23.0, 79.0, ()),
    ("Western Europe", "area", None, 48.0, 4.0, ()),
    ("Central Europe", "area", None, 49.0, 16.0, ()),
    ("Northern Europe", "area", None, 60.0, 15.0, ()),
    ("Southern Europe", "area", None, 41.0, 14.0, ()),
    ("Southern Africa", "area", None, -24.0, 25.0, ()),
    ("Central Africa", "area", None, 2.0, 20.0, ()),
    ("Indo-Pacific", "area", None, 5.0, 110.0, ()),
    ("Levant", "area", None, 33.5, 36.0, ()),
    ("Maghreb", "area", None, 32.0, 3.0, ()),
    ("Eurasia", "area", None, 50.0, 70.0, ()),
    ("Soviet Union", "area", None, 60.0, 90.0, ("USSR", "U.S.S.R.")),
    ("Yugoslavia", "area", None, 44.0, 20.0, ()),
    ("Czechoslovakia", "area", None, 49.5, 17.0, ()),
    ("East Germany", "area", "DE", 52.0, 12.5, ()),
    ("West Germany", "area", "DE", 50.5, 8.0, ()),
    ("Sierra Nevada", "mountain", "US", 38.0, -119.5, ()),
)

# Metropolitan regions news names by a compound of their cities or of a city and the region's
# acronym, in any of the spellings a hyphen, dash, slash or space gives ("Delhi-NCR", "Delhi/NCR",
# "Delhi NCR" fold alike): one region, not its cities and never an organisation. Same format as
# `MACRO_REGIONS`; a name several countries use lists each, the usual news meaning first.
METRO_REGIONS: Final[tuple[tuple[str, LocationKind, str | None, float, float, tuple[str, ...]], ...]] = (
    ("National Capital Region", "region", "IN", 28.6, 77.2, ("Delhi-NCR", "Delhi National Capital Region")),
    ("National Capital Region", "region", "PH", 14.6, 121.0, ()),
    ("Dallas-Fort Worth", "region", "US", 32.8, -97.0, ("DFW", "Dallas-Fort Worth Metroplex", "Metroplex")),
    ("Raleigh-Durham", "region", "US", 35.9, -78.8, ()),
    ("Minneapolis-St. Paul", "region", "US", 44.96, -93.2, ("Minneapolis-Saint Paul", "Twin Cities")),
    ("Tri-State Area", "region", "US", 40.9, -74.2, ("Tri-State region", "Tristate area")),
)
