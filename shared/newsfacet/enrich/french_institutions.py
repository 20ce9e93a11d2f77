"""How French news names its institutions and its competitions (data only; `french_spans` and
`enrich` use it).

French names a body with its head noun first and a lower-case adjective after ("le Conseil
constitutionnel", "l'Assemblée nationale"), which the French model often leaves out of its span
("Conseil"); it names the presidency, the government and ministries by their buildings ("l'Élysée",
"Matignon", "Bercy", "le Quai d'Orsay"), organisations like "the White House" in English, not
places; and it names competitions with the event's noun first ("Ligue des champions", "Coupe du
monde", "Tour de France"), where the English rule looks at the last word ("World Cup").
"""

from __future__ import annotations

from typing import Final

# Buildings and streets that stand for an institution -> the organisation, under the name English
# news gives it (the Élysée is in `geo_aliases.INSTITUTIONS`).
FRENCH_INSTITUTIONS: Final[dict[str, str]] = {
    "Matignon": "Matignon",
    "Hôtel Matignon": "Matignon",
    "Bercy": "French Economy Ministry",
    "Quai d'Orsay": "French Foreign Ministry",
    "Place Beauvau": "French Interior Ministry",
    "Beauvau": "French Interior Ministry",
    "Palais Bourbon": "Assemblée nationale",
    "Palais du Luxembourg": "Sénat",
}

# Lower-case adjectives that end the names of French public bodies ("Conseil constitutionnel",
# "Banque centrale européenne", "Gendarmerie nationale"): a model span of capitalised words just
# before one of them is cut short.
BODY_ADJECTIVES: Final = frozenset(
    {
        "national", "nationale", "constitutionnel", "constitutionnelle", "européen", "européenne",
        "régional", "départemental", "municipal", "général", "générale", "supérieur", "supérieure",
        "fédéral", "fédérale", "central", "centrale", "populaire", "socialiste", "communiste",
        "écologiste", "républicain", "républicaine", "militaire", "pénale", "administratif",
        "administrative",
    }
)  # fmt: skip

# Bodies and parties whose names hold lower-case words that are not adjectives ("Cour de
# cassation", "La France insoumise"): the model keeps only their first word, or nothing, or reads a
# place in them ("France"); matched as written, first letter capitalised.
FRENCH_BODIES: Final[tuple[str, ...]] = (
    "La France insoumise", "Les Républicains", "Parti communiste français", "Les Écologistes",
    "Cour de cassation", "Cour des comptes", "Cour d'appel de Paris", "Cour de justice de la République",
    "Cour européenne des droits de l'homme", "Cour pénale internationale", "Conseil d'État",
    "Conseil supérieur de la magistrature", "Parquet national financier", "Parquet national antiterroriste",
    "Autorité de la concurrence", "Haute Autorité de santé", "Banque de France", "Caisse des dépôts",
    "Défenseur des droits", "Direction générale de la sécurité intérieure", "Agence régionale de santé",
)  # fmt: skip

# Names of competitions and events, with the event's noun first (matched case-insensitively on
# their first words, accents as written): never actors. "Roland-Garros" is the tournament far more
# often than the stadium or the aviator.
FRENCH_EVENTS: Final[tuple[str, ...]] = (
    "Ligue des champions", "Ligue Europa", "Ligue des nations", "Ligue Europa Conférence",
    "Coupe du monde", "Coupe d'Europe", "Coupe de France", "Coupe de la Ligue", "Coupe Davis",
    "Coupe d'Afrique des nations", "Championnat du monde", "Championnats du monde",
    "Championnat d'Europe", "Championnats d'Europe", "Championnat de France", "Tour de France",
    "Tour d'Italie", "Tour d'Espagne", "Jeux olympiques", "Jeux paralympiques", "Roland-Garros",
    "Tournoi des six nations", "Tournoi des Six Nations", "Festival de Cannes",
    "Festival d'Avignon", "Salon de l'agriculture", "Grand Prix de France", "Mondial",
    "Vendée Globe", "Route du Rhum", "Paris-Roubaix", "Marathon de Paris",
)  # fmt: skip
