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

# Regions of the United States, the United Kingdom and Canada that news names as places ("storms
# along the Gulf Coast", "jobs in the West Midlands"), under the names news uses; a name that is
# also a common word or ambiguous between countries ("the Northeast", "the Highlands", "GTA") is
# left out. Same format as `MACRO_REGIONS`; the point is a representative one inside the region.
NEWS_REGIONS: Final[tuple[tuple[str, LocationKind, str | None, float, float, tuple[str, ...]], ...]] = (
    ("Gulf Coast", "region", "US", 29.5, -90.0, ("Gulf Coast region",)),
    ("South Florida", "region", "US", 26.1, -80.3, ()),
    ("Central Florida", "region", "US", 28.5, -81.4, ()),
    ("Florida Panhandle", "region", "US", 30.4, -86.5, ()),
    ("Texas Panhandle", "region", "US", 35.2, -101.8, ()),
    ("North Texas", "region", "US", 33.0, -97.0, ()),
    ("South Texas", "region", "US", 27.5, -98.5, ()),
    ("West Texas", "region", "US", 31.5, -102.5, ()),
    ("East Texas", "region", "US", 32.0, -94.8, ()),
    ("Central Texas", "region", "US", 31.0, -97.5, ()),
    ("Research Triangle", "region", "US", 35.85, -78.8, ("Research Triangle region",)),
    ("Hampton Roads", "region", "US", 36.9, -76.3, ()),
    ("Inland Empire", "region", "US", 34.0, -117.3, ()),
    ("Lehigh Valley", "region", "US", 40.6, -75.5, ()),
    ("Hudson Valley", "region", "US", 41.7, -73.9, ()),
    ("Upstate New York", "region", "US", 43.0, -75.5, ()),
    ("Long Island", "region", "US", 40.8, -73.1, ()),
    ("Cape Cod", "region", "US", 41.7, -70.3, ()),
    ("Northern Virginia", "region", "US", 38.8, -77.3, ()),
    ("Quad Cities", "region", "US", 41.5, -90.5, ()),
    ("Sun Belt", "region", "US", 33.0, -95.0, ("Sunbelt",)),
    ("Bible Belt", "region", "US", 34.0, -88.0, ()),
    ("Corn Belt", "region", "US", 41.5, -92.0, ()),
    ("Mid-Atlantic", "region", "US", 39.5, -76.5, ()),
    ("East Coast", "region", "US", 38.0, -76.0, ("Eastern Seaboard",)),
    ("West Coast", "region", "US", 40.0, -122.0, ()),
    ("Midlands", "region", "GB", 52.6, -1.6, ()),
    ("West Midlands", "region", "GB", 52.48, -1.9, ()),
    ("East Midlands", "region", "GB", 52.9, -1.0, ()),
    ("Home Counties", "region", "GB", 51.5, -0.5, ()),
    ("East Anglia", "region", "GB", 52.4, 1.0, ()),
    ("Cotswolds", "region", "GB", 51.8, -1.8, ()),
    ("Lake District", "region", "GB", 54.5, -3.1, ()),
    ("Scottish Highlands", "region", "GB", 57.3, -4.8, ()),
    ("Greater London", "region", "GB", 51.5, -0.12, ()),
    ("Greater Manchester", "region", "GB", 53.5, -2.3, ()),
    ("Merseyside", "region", "GB", 53.4, -2.95, ()),
    ("West Yorkshire", "region", "GB", 53.75, -1.6, ()),
    ("South Yorkshire", "region", "GB", 53.5, -1.3, ()),
    ("North Yorkshire", "region", "GB", 54.2, -1.5, ()),
    ("Greater Toronto Area", "region", "CA", 43.7, -79.4, ()),
    ("Lower Mainland", "region", "CA", 49.2, -122.6, ()),
    ("Metro Vancouver", "region", "CA", 49.25, -123.0, ()),
    ("Metro Manila", "region", "PH", 14.6, 121.0, ()),
)
