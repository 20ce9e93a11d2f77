"""French articles get the same actors as English ones: the French model's spans keep titles
("le Premier ministre", "Mme") and run over appositions ("L'Équipe, la Ligue ..."), and neither
may become an actor or hide one. Stories written for the test in the style of a French news site."""

from __future__ import annotations

from newsfacet.enrich import Enrichment, enrich
from newsfacet.enrich.names import clean_name

from tests.unit.enrich_helpers import actor_names

STRIKE_TITLE = "Grève à la SNCF : le gouvernement convoque les syndicats avant les vacances"
STRIKE_BODY = (
    "Le Premier ministre François Bayrou a convoqué mardi les syndicats de cheminots à Matignon, "
    "au lendemain d'un appel à la grève lancé par la CGT-Cheminots pour le week-end des départs.\n"
    "« Nous ne laisserons pas les Français sans train », a déclaré le ministre des Transports, "
    "Philippe Tabarot, sur France Inter. M. Tabarot recevra les syndicats jeudi.\n"
    "La présidente de la région, Mme Carole Delga, a appelé l'État à « prendre ses "
    "responsabilités ». Mme Delga réunira les élus vendredi à Toulouse. Le Premier ministre "
    "s'exprimera dimanche."
)

DERBY_TITLE = "Ligue 1 : le PSG s'impose à Marseille, enquête après des fumigènes"
DERBY_BODY = (
    "Le Paris Saint-Germain a battu l'Olympique de Marseille (2-1) dimanche soir à Marseille. "
    "Ousmane Dembélé a inscrit un doublé.\n"
    "Selon L'Équipe, la Ligue de football professionnel pourrait ouvrir une enquête après des "
    "jets de fumigènes. Le club marseillais devra s'expliquer devant la commission de discipline."
)


def french(title: str, body: str) -> Enrichment:
    return enrich(title, body, language="fr")


def test_a_french_title_before_a_name_is_dropped_and_the_person_is_one_actor() -> None:
    names = actor_names(french(STRIKE_TITLE, STRIKE_BODY))
    assert {"François Bayrou", "Philippe Tabarot", "Carole Delga"} <= names
    assert not any(name.startswith(("Premier", "Mme", "M.")) for name in names), names


def test_a_french_title_alone_is_no_name() -> None:
    assert clean_name("Premier ministre", person=True) is None
    assert clean_name("Mme", person=True) is None
    assert clean_name("le Premier ministre François Bayrou", person=True) == "François Bayrou"
    assert clean_name("Mme Carole Delga", person=True) == "Carole Delga"
    # A name that begins with a particle keeps it when no title was dropped before it.
    assert clean_name("de Gaulle", person=True) == "de Gaulle"


def test_two_names_set_side_by_side_by_a_comma_are_two_actors() -> None:
    names = actor_names(french(DERBY_TITLE, DERBY_BODY))
    assert {"L'Équipe", "Ligue de football professionnel"} <= names
    assert not any(", " in name for name in names), names
