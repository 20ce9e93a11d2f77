"""Titles and roles French news writes before a name, which `names.clean_name` drops.

Data only, beside the English ones in `names.HONORIFICS`.
"""

from __future__ import annotations

# French titles and roles written before a name ("le Premier ministre François Bayrou", "Mme
# Delga"): French spans keep them more often than English ones, and a lower-case title word inside
# a span otherwise reads as a verb joining two names.
FRENCH_TITLES: tuple[str, ...] = (
    "m",
    "mme",
    "me",  # Maître, a lawyer's title ("Me Antoine Vey")
    "maître",
    "avocat",
    "avocate",
    "mlle",
    "président",
    "présidente",
    "premier ministre",
    "première ministre",
    "ministre",
    "ministre délégué",
    "ministre déléguée",
    "secrétaire d'état",
    "secrétaire général",
    "secrétaire générale",
    "porte-parole",
    "député",
    "députée",
    "sénateur",
    "sénatrice",
    "maire",
    "préfet",
    "préfète",
    "chancelier",
    "chancelière",
    "ambassadeur",
    "ambassadrice",
    "juge",
    "procureur",
    "procureure",
    "général",
    "entraîneur",
    "sélectionneur",
    "patron",
    "patronne",
    "directeur",
    "directrice",
    "pdg",
    "dirigeant",
    "dirigeante",
)
