"""French and German names of places, shown under their English names (data only).

GeoNames' alternate names already give most cities their French and German forms ("Moscou",
"Mailand"); what they lack are the other languages' names of regions, seas, mountains, rivers and
continents, which the gazetteer holds as hand-written places (`geo_aliases.EXTRA_PLACES`), and the
regions of France and Germany that French and German news names without the country ("à Quimper,
dans le Finistère", "in Passau, Niederbayern"). `gazetteer.load_gazetteer` reads these tables.
A name that is also an English word or a common surname ("Manche", "Franken", "Wallis", "Europa"
for Jupiter's moon) is left out: the gazetteer does not know the article's language.
"""

from __future__ import annotations

from typing import Final

from newsfacet.model import LocationKind

# Regions the gazetteer had no entry for: (English name, kind, ISO country, latitude, longitude,
# names in French and German). The point is a representative one inside the region.
REGIONS: Final[tuple[tuple[str, LocationKind, str | None, float, float, tuple[str, ...]], ...]] = (
    # The German Länder (Bavaria is in `geo_aliases`; Berlin, Hamburg and Bremen are cities).
    ("Baden-Württemberg", "region", "DE", 48.5, 9.0, ("Bade-Wurtemberg",)),
    ("Lower Saxony", "region", "DE", 52.6, 9.8, ("Niedersachsen", "Basse-Saxe")),
    ("North Rhine-Westphalia", "region", "DE", 51.5, 7.5, ("Nordrhein-Westfalen", "NRW")),
    ("Hesse", "region", "DE", 50.6, 9.0, ("Hessen",)),
    ("Saxony", "region", "DE", 51.0, 13.3, ("Sachsen", "Saxe")),
    ("Saxony-Anhalt", "region", "DE", 51.9, 11.7, ("Sachsen-Anhalt", "Saxe-Anhalt")),
    ("Thuringia", "region", "DE", 50.9, 11.0, ("Thüringen", "Thuringe")),
    ("Brandenburg", "region", "DE", 52.4, 13.0, ("Brandebourg",)),
    ("Mecklenburg-Western Pomerania", "region", "DE", 53.6, 12.4, ("Mecklenburg-Vorpommern",)),
    ("Schleswig-Holstein", "region", "DE", 54.2, 9.8, ()),
    ("Rhineland-Palatinate", "region", "DE", 49.9, 7.4, ("Rheinland-Pfalz", "Rhénanie-Palatinat")),
    ("Saarland", "region", "DE", 49.4, 6.9, ("Sarre",)),
    ("Lower Bavaria", "region", "DE", 48.7, 12.8, ("Niederbayern", "Basse-Bavière")),
    ("Upper Bavaria", "region", "DE", 48.0, 11.7, ("Oberbayern", "Haute-Bavière")),
    ("Allgäu", "region", "DE", 47.7, 10.3, ()),
    ("Rhineland", "region", "DE", 50.7, 7.1, ("Rheinland", "Rhénanie")),
    ("Harz", "mountain", "DE", 51.75, 10.6, ()),
    # Austrian states and Swiss cantons news names as places.
    ("Styria", "region", "AT", 47.25, 15.0, ("Steiermark", "Styrie")),
    ("Carinthia", "region", "AT", 46.75, 13.8, ("Kärnten", "Carinthie")),
    ("Vorarlberg", "region", "AT", 47.25, 9.9, ()),
    ("Burgenland", "region", "AT", 47.5, 16.4, ()),
    ("Ticino", "region", "CH", 46.3, 8.8, ("Tessin",)),
    ("Graubünden", "region", "CH", 46.7, 9.6, ("Grisons",)),
    # The regions of France (Brittany, Normandy, Corsica are in `geo_aliases`).
    ("Île-de-France", "region", "FR", 48.7, 2.5, ()),
    ("Hauts-de-France", "region", "FR", 50.0, 2.8, ()),
    ("Grand Est", "region", "FR", 48.7, 5.6, ()),
    ("Pays de la Loire", "region", "FR", 47.5, -0.8, ()),
    ("Centre-Val de Loire", "region", "FR", 47.5, 1.7, ()),
    ("Bourgogne-Franche-Comté", "region", "FR", 47.2, 4.8, ()),
    ("Auvergne-Rhône-Alpes", "region", "FR", 45.5, 4.5, ()),
    ("Nouvelle-Aquitaine", "region", "FR", 45.2, 0.2, ()),
    ("Occitania", "region", "FR", 43.7, 2.2, ("Occitanie",)),
    ("Provence-Alpes-Côte d'Azur", "region", "FR", 43.9, 6.1, ("PACA", "Région Sud")),
    ("French Riviera", "region", "FR", 43.6, 7.1, ("Côte d'Azur",)),
    # French départements local news names most, none of them an English word.
    ("Finistère", "region", "FR", 48.25, -4.1, ()),
    ("Morbihan", "region", "FR", 47.85, -2.8, ()),
    ("Côtes-d'Armor", "region", "FR", 48.45, -2.8, ()),
    ("Ille-et-Vilaine", "region", "FR", 48.15, -1.65, ()),
    ("Loire-Atlantique", "region", "FR", 47.35, -1.7, ()),
    ("Maine-et-Loire", "region", "FR", 47.4, -0.55, ()),
    ("Vendée", "region", "FR", 46.65, -1.3, ()),
    ("Charente-Maritime", "region", "FR", 45.8, -0.8, ()),
    ("Gironde", "region", "FR", 44.85, -0.6, ()),
    ("Pyrénées-Atlantiques", "region", "FR", 43.25, -0.75, ()),
    ("Haute-Garonne", "region", "FR", 43.35, 1.2, ()),
    ("Hérault", "region", "FR", 43.6, 3.4, ()),
    ("Bouches-du-Rhône", "region", "FR", 43.5, 5.1, ()),
    ("Alpes-Maritimes", "region", "FR", 43.9, 7.2, ()),
    ("Vaucluse", "region", "FR", 44.0, 5.15, ()),
    ("Isère", "region", "FR", 45.25, 5.6, ()),
    ("Haute-Savoie", "region", "FR", 46.0, 6.4, ()),
    ("Bas-Rhin", "region", "FR", 48.6, 7.5, ()),
    ("Haut-Rhin", "region", "FR", 47.85, 7.25, ()),
    ("Pas-de-Calais", "region", "FR", 50.5, 2.3, ()),
    ("Seine-Maritime", "region", "FR", 49.65, 1.0, ()),
    ("Seine-Saint-Denis", "region", "FR", 48.9, 2.48, ()),
    ("Hauts-de-Seine", "region", "FR", 48.85, 2.2, ()),
    ("Val-de-Marne", "region", "FR", 48.78, 2.47, ()),
    ("Seine-et-Marne", "region", "FR", 48.6, 2.95, ()),
    ("Yvelines", "region", "FR", 48.8, 1.85, ()),
    ("Essonne", "region", "FR", 48.5, 2.25, ()),
    ("Val-d'Oise", "region", "FR", 49.08, 2.15, ()),
)

# French and German names -> the English name of a place the gazetteer already knows (a country,
# continent, region, sea, area, river or mountain of `geo_aliases`, `geo_regions` or `REGIONS`).
OTHER_NAMES: Final[dict[str, str]] = {
    # Countries pycountry's translations miss
    "RDC": "Democratic Republic of the Congo", "DR Kongo": "Democratic Republic of the Congo",
    "Hexagone": "France",  # "l'Hexagone", French news' name for metropolitan France
    # Continents and areas
    "Asie": "Asia", "Asien": "Asia", "Afrique": "Africa", "Afrika": "Africa",
    "Amérique du Nord": "North America", "Nordamerika": "North America",
    "Amérique du Sud": "South America", "Südamerika": "South America",
    "Amérique latine": "Latin America", "Lateinamerika": "Latin America",
    "Océanie": "Oceania", "Ozeanien": "Oceania", "Antarctique": "Antarctica", "Antarktis": "Antarctica",
    "Moyen-Orient": "Middle East", "Proche-Orient": "Middle East", "Nahost": "Middle East",
    "Naher Osten": "Middle East", "Nahen Osten": "Middle East",
    "Afrique du Nord": "North Africa", "Nordafrika": "North Africa",
    "Afrique de l'Ouest": "West Africa", "Westafrika": "West Africa",
    "Asie centrale": "Central Asia", "Zentralasien": "Central Asia",
    "Asie du Sud-Est": "Southeast Asia", "Südostasien": "Southeast Asia",
    "Europe de l'Est": "Eastern Europe", "Osteuropa": "Eastern Europe",
    "Scandinavie": "Scandinavia", "Skandinavien": "Scandinavia",
    "Caucase": "Caucasus", "Kaukasus": "Caucasus",
    # Seas
    "Méditerranée": "Mediterranean", "Mittelmeer": "Mediterranean",
    "Mer du Nord": "North Sea", "Nordsee": "North Sea",
    "Mer Baltique": "Baltic Sea", "Ostsee": "Baltic Sea",
    "Mer Noire": "Black Sea", "Schwarzes Meer": "Black Sea", "Schwarzen Meer": "Black Sea",
    "Mer Rouge": "Red Sea", "Rotes Meer": "Red Sea", "Roten Meer": "Red Sea",
    "Mer de Chine méridionale": "South China Sea", "Südchinesisches Meer": "South China Sea",
    "Golfe persique": "Persian Gulf", "Persischer Golf": "Persian Gulf",
    "Détroit d'Ormuz": "Strait of Hormuz", "Straße von Hormus": "Strait of Hormuz",
    "Atlantique": "Atlantic Ocean", "Atlantik": "Atlantic Ocean",
    "Pacifique": "Pacific Ocean", "Pazifik": "Pacific Ocean",
    "Océan Indien": "Indian Ocean", "Indischer Ozean": "Indian Ocean",
    "Arctique": "Arctic Ocean", "Arktis": "Arctic Ocean",
    "Caraïbes": "Caribbean", "Karibik": "Caribbean",
    "Ärmelkanal": "English Channel", "Lac Léman": "Lake Geneva", "Genfer See": "Lake Geneva",
    # Rivers and mountains
    "Rhin": "Rhine", "Nil": "Nile", "Tamise": "Thames", "Weichsel": "Vistula", "Dnjepr": "Dnipro",
    "Wolga": "Volga", "Jangtse": "Yangtze", "Gange": "Ganges", "Euphrate": "Euphrates",
    "Euphrat": "Euphrates",
    "Pyrénées": "Pyrenees", "Pyrenäen": "Pyrenees", "Carpates": "Carpathians", "Karpaten": "Carpathians",
    "Dolomiten": "Dolomites", "Oural": "Urals", "Anden": "Andes", "Rocheuses": "Rocky Mountains",
    "Forêt-Noire": "Black Forest", "Alpes": "Alps", "Alpen": "Alps",
    # Regions
    "Catalogne": "Catalonia", "Katalonien": "Catalonia", "Bavière": "Bavaria",
    "Andalousie": "Andalusia", "Andalusien": "Andalusia", "Pays basque": "Basque Country",
    "Baskenland": "Basque Country", "Lombardie": "Lombardy", "Lombardei": "Lombardy",
    "Toscane": "Tuscany", "Toskana": "Tuscany", "Sicile": "Sicily", "Sizilien": "Sicily",
    "Sardaigne": "Sardinia", "Sardinien": "Sardinia", "Korsika": "Corsica", "Elsass": "Alsace",
    "Flandre": "Flanders", "Flandern": "Flanders", "Wallonie": "Wallonia", "Wallonien": "Wallonia",
    "Tyrol du Sud": "South Tyrol", "Südtirol": "South Tyrol",
    "Haute-Autriche": "Upper Austria", "Oberösterreich": "Upper Austria",
    "Basse-Autriche": "Lower Austria", "Niederösterreich": "Lower Austria",
    "Bohême": "Bohemia", "Böhmen": "Bohemia", "Silésie": "Silesia", "Schlesien": "Silesia",
    "Transylvanie": "Transylvania", "Siebenbürgen": "Transylvania",
    "Angleterre": "England", "Écosse": "Scotland", "Schottland": "Scotland", "Pays de Galles": "Wales",
    "Irlande du Nord": "Northern Ireland", "Nordirland": "Northern Ireland",
    "Sibérie": "Siberia", "Sibirien": "Siberia", "Crimée": "Crimea", "Krim": "Crimea",
    "Cachemire": "Kashmir", "Kaschmir": "Kashmir", "Galilée": "Galilee", "Galiläa": "Galilee",
    "Golanhöhen": "Golan Heights", "Plateau du Golan": "Golan Heights",
    "Cisjordanie": "West Bank", "Westjordanland": "West Bank",
    "Bande de Gaza": "Gaza Strip", "Gazastreifen": "Gaza Strip", "Ruhrgebiet": "Ruhr",
}  # fmt: skip

# French and German names of cities that GeoNames gives to no city or to another one ("Pékin" is a
# town in Illinois): name -> (GeoNames name, ISO country).
CITY_NAMES: Final[dict[str, tuple[str, str]]] = {
    "Pékin": ("Beijing", "CN"),
    "Venise": ("Venice", "IT"),
    "Venedig": ("Venice", "IT"),
    "Venezia": ("Venice", "IT"),
    "Lucerne": ("Luzern", "CH"),
    "Tel-Aviv": ("Tel Aviv", "IL"),
    "Abou Dhabi": ("Abu Dhabi", "AE"),
    "Kichinev": ("Chisinau", "MD"),
    "Cherson": ("Kherson", "UA"),
}

# GeoNames' names of cities that English news writes otherwise: (GeoNames name, ISO country) ->
# the English name, shown whatever language the article was in.
ENGLISH_CITY_NAMES: Final[dict[tuple[str, str], str]] = {
    ("Köln", "DE"): "Cologne",
    ("Sevilla", "ES"): "Seville",
    ("Brugge", "BE"): "Bruges",
    ("Zaporizhzhya", "UA"): "Zaporizhzhia",
    ("Mykolayiv", "UA"): "Mykolaiv",
    ("Zürich", "CH"): "Zurich",
    ("Luzern", "CH"): "Lucerne",
    ("Gent", "BE"): "Ghent",
    ("Frankfurt am Main", "DE"): "Frankfurt",
    ("Montréal", "CA"): "Montreal",
}
