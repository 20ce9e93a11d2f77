"""French articles get the same actors as English ones: the French model's spans keep titles
("le Premier ministre", "Mme") and run over appositions ("L'Équipe, la Ligue ..."), and neither
may become an actor or hide one. Stories written for the test in the style of a French news site."""

from __future__ import annotations

from newsfacet.enrich import Enrichment, enrich
from newsfacet.enrich.names import clean_name

from tests.unit.enrich_helpers import actor_names, places

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


GOVERNMENT_TITLE = "Budget : l'Élysée et Matignon cherchent un compromis avant le vote"
GOVERNMENT_BODY = (
    "Le président Emmanuel Macron a reçu mardi soir à l'Élysée les chefs de la majorité, au "
    "lendemain de la censure évitée de justesse à l'Assemblée nationale. Le chef de l'État souhaite "
    "que Matignon présente un nouveau texte avant la fin du mois.\n"
    "À Bercy, le ministre de l'Économie, Éric Lombard, a rappelé que le déficit devait baisser. Le "
    "Conseil constitutionnel devra se prononcer sur le texte. Au Quai d'Orsay, on s'inquiète de "
    "l'image du pays, alors que Jean-Noël Barrot se rend jeudi à Pékin puis à Moscou."
)

EXPORT_TITLE = "Airbus relève ses objectifs malgré les difficultés de ses fournisseurs"
EXPORT_BODY = (
    "L'avionneur européen Airbus a relevé jeudi ses prévisions de livraisons, porté par la demande "
    "en Asie. Son président exécutif, Guillaume Faury, a salué les usines de Hambourg et de Séville.\n"
    "En Catalogne et en Bavière, les sous-traitants régionaux ont déjà annoncé des embauches."
)

CUP_TITLE = "Ligue des champions : le PSG s'incline à Munich"
CUP_BODY = (
    "Le Paris Saint-Germain a été battu (2-1) mercredi soir à l'Allianz Arena, lors de la quatrième "
    "journée de la Ligue des champions. L'entraîneur parisien Luis Enrique a regretté « un manque de "
    "réalisme ».\n"
    "Ousmane Dembélé, blessé lors de la Coupe du monde des clubs, devrait être disponible samedi. "
    "Plusieurs joueurs espèrent aussi être remis pour Roland-Garros, où le club organise une soirée."
)

ROAD_TITLE = "Finistère : un motard grièvement blessé dans une collision près de Quimper"
ROAD_BODY = (
    "Un motard de 34 ans a été grièvement blessé samedi dans une collision avec une voiture, près "
    "de Quimper. Les sapeurs-pompiers du Finistère sont intervenus vers 15 h 30. La victime a été "
    "héliportée vers Brest."
)


def test_french_buildings_that_stand_for_the_state_are_its_institutions() -> None:
    result = french(GOVERNMENT_TITLE, GOVERNMENT_BODY)
    actors = {actor.name: actor.type for actor in result.actors}
    for name in ("Matignon", "French Economy Ministry", "French Foreign Ministry", "Elysee Palace"):
        assert actors.get(name) == "organization", actors
    assert not {"Matignon", "Bercy", "Quai d'Orsay"} & {location.name for location in result.locations}


def test_a_french_body_keeps_its_lower_case_adjective() -> None:
    names = actor_names(french(GOVERNMENT_TITLE, GOVERNMENT_BODY))
    assert {"Conseil constitutionnel", "Assemblée nationale"} <= names
    assert "Conseil" not in names


def test_french_names_of_foreign_places_are_shown_in_english() -> None:
    government = places(french(GOVERNMENT_TITLE, GOVERNMENT_BODY))
    assert government.get("Beijing") == ("city", "CN")  # not Pekin, Illinois
    assert government.get("Moscow") == ("city", "RU")
    export = places(french(EXPORT_TITLE, EXPORT_BODY))
    assert export.get("Catalonia") == ("region", "ES")
    assert export.get("Bavaria") == ("region", "DE")
    assert export.get("Seville") == ("city", "ES")
    assert export.get("Asia") == ("continent", None)


def test_a_french_competition_is_no_actor() -> None:
    names = actor_names(french(CUP_TITLE, CUP_BODY))
    assert {"Luis Enrique", "Ousmane Dembélé"} <= names
    assert not any(name.startswith(("Ligue des", "Coupe", "Roland")) for name in names), names


def test_a_french_departement_is_a_region_of_france() -> None:
    assert places(french(ROAD_TITLE, ROAD_BODY)).get("Finistère") == ("region", "FR")


def test_a_french_plural_in_ies_is_its_singular() -> None:
    # The stemmer reads "-ies" as an English plural: "pluies" must still be "pluie".
    result = french(
        "Alerte aux orages dans le Sud-Ouest",
        "Météo-France prévoit de fortes pluies et des orages mardi. Les pluies pourraient atteindre "
        "60 millimètres en Gironde.",
    )
    assert result.topics and result.topics[0].label == "weather"


COURT_TITLE = "Assistants parlementaires : la Cour de cassation rejette le pourvoi"
COURT_BODY = (
    "La Cour de cassation a rejeté mercredi le pourvoi de l'ancien député, condamné en appel à deux "
    "ans de prison avec sursis. Son avocat, Me Antoine Vey, a dénoncé « une décision politique ». La "
    "Cour des comptes avait déjà relevé des irrégularités."
)

SAHEL_TITLE = "Mali : la junte suspend deux partis d'opposition"
SAHEL_BODY = (
    "La junte au pouvoir à Bamako a suspendu mardi deux partis d'opposition. Le général Assimi Goïta "
    "avait promis des élections.\n"
    "Au Sahel, la situation sécuritaire reste préoccupante, selon l'armée malienne."
)


def test_a_french_body_named_with_lower_case_words_is_one_organisation() -> None:
    actors = {actor.name: actor.type for actor in french(COURT_TITLE, COURT_BODY).actors}
    assert actors.get("Cour de cassation") == "organization", actors
    assert actors.get("Cour des comptes") == "organization", actors
    assert actors.get("Antoine Vey") == "person", actors  # "Me", a lawyer's title, dropped


def test_a_french_name_after_au_or_en_is_a_place_not_a_person() -> None:
    result = french(SAHEL_TITLE, SAHEL_BODY)
    assert "Sahel" not in actor_names(result)
    assert places(result).get("Sahel") == ("area", None)


GAZA_TITLE = "Gaza : l'ONU alerte sur la famine"
GAZA_BODY = (
    "Le secrétaire général de l'ONU, António Guterres, a alerté sur un risque de famine. Le Hamas a "
    "accusé Israël de bloquer les négociations menées au Caire. La RDC a appelé à un cessez-le-feu."
)

PALMARES_TITLE = "Cannes : le jury dévoile son palmarès"
PALMARES_BODY = (
    "La Palme d'or a été attribuée samedi soir au film du réalisateur iranien Jafar Panahi. Le jury, "
    "présidé par l'actrice Juliette Binoche, a salué « un geste de courage »."
)


def test_a_french_place_before_de_is_no_cut_short_name() -> None:
    # "Israël de bloquer": French writes "de" after any name; only the English model cuts a place
    # short before it ("Rio Grande" of "Rio Grande do Sul").
    found = places(french(GAZA_TITLE, GAZA_BODY))
    assert found.get("Israel") == ("country", "IL"), found
    assert found.get("Democratic Republic of the Congo") == ("country", "CD"), found


def test_a_french_headline_kicker_is_a_place() -> None:
    assert places(french(PALMARES_TITLE, PALMARES_BODY)).get("Cannes") == ("city", "FR")


def test_l_hexagone_is_france() -> None:
    result = french(
        "Canicule : l'Hexagone suffoque",
        "Les températures dépassent 40 degrés dans une grande partie de l'Hexagone, selon Météo-France.",
    )
    assert places(result).get("France") == ("country", "FR")


def test_french_party_names_with_lower_case_words_are_whole() -> None:
    result = french(
        "Budget : la gauche réclame une taxe sur les hauts patrimoines",
        "La France insoumise et le Parti socialiste réclament une taxe sur les hauts patrimoines. "
        "Les Républicains ont annoncé qu'ils ne voteraient pas le texte, a indiqué Olivier Faure.",
    )
    names = actor_names(result)
    assert {"La France insoumise", "Les Républicains", "Parti socialiste"} <= names, names
    assert "France" not in places(result)  # named only inside the party's name


def test_a_french_building_fire_is_an_emergency() -> None:
    result = french(
        "Incendie dans un immeuble à Marseille : trois blessés",
        "Un incendie s'est déclaré dans la nuit dans un immeuble de Marseille. Trois personnes ont été "
        "légèrement blessées, selon les marins-pompiers. Une enquête a été ouverte par le parquet.",
    )
    assert result.topics[0].label.startswith("disaster")
