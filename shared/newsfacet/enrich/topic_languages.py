"""French and German evidence for the IPTC top-level topics (data only; `topics.py` scores it).

Accents are folded before stemming, so "élections" and "election" meet. An article in French or
German is read with the English lexicon plus its own language's terms; an English article with the
English lexicon alone, so a French or German word that is also an English one ("marche" and
"March", "regen", "trainer") never counts in English text. Words shared with English are left out.
"""

from __future__ import annotations

from typing import Final

from newsfacet.enrich.topic_vocabulary import (
    ARTS,
    CONFLICT,
    CRIME,
    DISASTER,
    ECONOMY,
    EDUCATION,
    ENVIRONMENT,
    HEALTH,
    HUMAN_INTEREST,
    LABOUR,
    LIFESTYLE,
    POLITICS,
    RELIGION,
    SCIENCE,
    SOCIETY,
    SPORT,
    WEATHER,
)

FRENCH: Final[dict[str, dict[str, float]]] = {
    POLITICS: {
        "gouvernement": 1.2, "ministre": 1.2, "premier ministre": 2, "parlement": 1.5, "depute": 1.5,
        "senateur": 1.5, "elu": 1, "scrutin": 2, "legislative": 2, "presidentielle": 2.5,
        "assemblee nationale": 2, "parti": 1.2, "opposition": 1, "vote": 1, "electeur": 2,
        "municipales": 2.5, "sondage": 1.5, "candidat": 1.2, "conseil municipal": 1.5,
    },
    ECONOMY: {
        "economie": 1.5, "entreprise": 1.2, "croissance": 1.5, "chomage": 1.5, "inflation": 2,
        "bourse": 2, "banque": 1.2, "marche": 0.8, "chiffre d affaires": 2.5, "investissement": 1.5,
    },
    CRIME: {
        "police": 1, "enquete": 1.5, "tribunal": 2, "proces": 1.5, "condamne": 2, "meurtre": 2.5,
        "arrete": 1, "gendarmerie": 2, "parquet": 2, "suspect": 1.5,
    },
    CONFLICT: {
        "guerre": 2.5, "armee": 1.5, "soldat": 1.5, "bombardement": 2.5, "frappe": 1.5, "rebelle": 2,
        "cessez le feu": 3, "offensive": 2, "militaire": 1.2, "attentat": 2.5,
    },
    SPORT: {
        "match": 1, "equipe": 1.2, "championnat": 2, "entraineur": 2, "un but": 0.8, "joueur": 1.5,
        "ligue 1": 3, "ligue des champions": 3, "coupe du monde": 2,
        "victoire": 1, "defaite": 1.2, "buteur": 2.5,
        "saison": 1.2, "classement": 1.5,
    },
    HEALTH: {
        "sante": 2, "hopital": 1.5, "maladie": 2, "maladies": 2, "medecin": 1.5, "patient": 1.2,
        "vaccin": 2,
    },
    SCIENCE: {
        "chercheur": 2, "scientifique": 2, "recherche": 1.2, "etude": 1, "technologie": 1.5,
    },
    ENVIRONMENT: {
        "climat": 2, "rechauffement": 2, "pollution": 2, "environnement": 2, "biodiversite": 2.5,
    },
    DISASTER: {
        "inondation": 2.5, "seisme": 3, "incendie": 2, "crue": 2.5, "sinistre": 1.5, "secours": 1.5,
        "intemperies": 2.5, "glissement de terrain": 3, "digue": 1.5, "sapeurs-pompiers": 1.5,
        "pompiers": 1.5, "marins-pompiers": 2, "blesse": 1.2, "degats": 1.5, "evacue": 1.5,
    },
    # "pluies" and "maladies" are listed as well: the stemmer reads "-ies" as an English plural.
    WEATHER: {
        "meteo": 2.5, "tempete": 2, "pluie": 1.5, "pluies": 1.5, "canicule": 2.5, "orage": 2,
        "neige": 1.5, "vigilance orange": 3, "vigilance rouge": 3,
    },
    ARTS: {
        "cinema": 1.5, "festival": 1.2, "musique": 1.5, "exposition": 1.5, "livre": 1, "theatre": 1.5,
    },
    # IPTC's French labels and their news wording for the topics above had none.
    LABOUR: {
        "greve": 2.5, "syndicat": 2, "salarie": 1.5, "salaire": 1.5, "licenciement": 2,
        "travailleur": 1.5, "retraite": 1.2, "smic": 2, "intersyndicale": 3, "employeur": 1.5,
        "embauche": 1.5, "emploi": 1.2,
    },
    EDUCATION: {
        "ecole": 1.5, "eleve": 1.5, "enseignant": 1.5, "lycee": 1.5, "universite": 1, "etudiant": 1.2,
        "baccalaureat": 2, "rentree scolaire": 2.5, "education nationale": 2.5,
    },
    SOCIETY: {
        "pauvrete": 2, "sans-abri": 2, "egalite": 1, "handicap": 1.5, "solidarite": 1,
        "immigre": 1.2, "expulsion": 1,
    },
    RELIGION: {
        "eglise": 1.5, "mosquee": 1.5, "pretre": 1.5, "pape": 1.5, "eveque": 1.5, "religieux": 1.5,
        "culte": 1.2, "catholique": 1, "musulman": 1,
    },
    LIFESTYLE: {"voyage": 1.2, "tourisme": 1.5, "vacances": 1.5, "loisirs": 1.5, "gastronomie": 2},
    HUMAN_INTEREST: {"anniversaire": 1, "celebrite": 1.5, "mariage": 1, "insolite": 2, "centenaire": 1.5},
}  # fmt: skip

GERMAN: Final[dict[str, dict[str, float]]] = {
    POLITICS: {
        "regierung": 1.2, "bundesregierung": 2, "kanzler": 2, "bundeskanzler": 2.5, "minister": 1,
        "bundestag": 2.5, "landtag": 2, "partei": 1.5, "wahl": 1.5, "wahlkampf": 2.5,
        "abgeordnete": 2, "koalition": 2, "wahler": 2, "landtagswahl": 3, "bundestagswahl": 3,
        "kommunalwahl": 3, "europawahl": 3, "wahlbeteiligung": 2.5, "ministerprasident": 2,
        "hochrechnung": 2, "spitzenkandidat": 2.5, "kandidat": 1.2, "umfrage": 1.5,
        "nationalrat": 2.5, "landesregierung": 2, "finanzminister": 2, "innenminister": 2,
        "aussenminister": 2, "haushalt": 1.5, "ministerprasidenten": 2, "regierungschef": 2,
        "regierungschefin": 2, "bundesrat": 2.5, "schuldenbremse": 2.5, "parteien": 1.5,
        "gesundheitsminister": 2, "burgermeister": 1.2, "burgermeisterin": 1.2, "kanzlerin": 2,
    },
    ECONOMY: {
        "wirtschaft": 1.5, "unternehmen": 1.2, "wachstum": 1.5, "arbeitslosigkeit": 1.5,
        "borse": 2, "umsatz": 2, "konzern": 1.5, "aktie": 2, "zinsen": 2, "investition": 1.5,
    },
    CRIME: {
        "polizei": 1.5, "ermittlung": 2, "gericht": 1.5, "prozess": 1.2, "verurteilt": 2.5,
        "mord": 2.5, "festgenommen": 2.5, "staatsanwaltschaft": 2.5, "verdachtig": 2, "taeter": 2,
        "tater": 2,
    },
    CONFLICT: {
        "krieg": 2.5, "soldaten": 1.5, "angriff": 1.5, "rebellen": 2,
        "waffenruhe": 3, "militar": 1.2, "truppen": 2, "bundeswehr": 2, "anschlag": 2.5,
    },
    SPORT: {
        "mannschaft": 1.5, "spiel": 1, "meisterschaft": 2, "trainer": 1, "ein tor": 1, "spieler": 1.5,
        "bundesliga": 3, "fussball": 2.5, "torhuter": 2.5, "tabellenfuhrer": 2.5, "auswartssieg": 2.5,
        "spitzenspiel": 2.5, "heimspiel": 2.5, "heimsieg": 2.5, "zuschauer": 1, "zuschauern": 1,
        "tabelle": 1.5, "saison": 1.2, "elfmeter": 3, "torschutze": 2.5, "unentschieden": 2,
        "abstieg": 2, "pokal": 2, "europapokal": 2.5, "sieg": 1, "niederlage": 1.2,
    },
    HEALTH: {
        "gesundheit": 2, "krankenhaus": 1.5, "krankheit": 2, "arzt": 1.5, "patienten": 1.2,
        "impfung": 2,
    },
    SCIENCE: {"forscher": 2, "wissenschaftler": 2, "forschung": 1.5, "studie": 1},
    ENVIRONMENT: {"klima": 2, "klimawandel": 3, "umwelt": 2, "erwarmung": 2, "artensterben": 2.5},
    DISASTER: {
        "hochwasser": 3, "uberschwemmung": 3, "erdbeben": 3, "einen brand": 1.5, "der brand": 1.5,
        "katastrophe": 2, "rettungskrafte": 2.5, "pegel": 2, "flut": 2.5, "lawine": 2.5,
        "lawinengefahr": 3, "lawinenwarnstufe": 3, "erdrutsch": 3, "waldbrand": 3,
        "katastrophenfall": 3, "feuerwehr": 1.5, "evakuiert": 2,
    },
    WEATHER: {
        "wetter": 2.5, "unwetter": 2.5, "regen": 1.2, "hitzewelle": 2.5, "sturm": 1.5, "schnee": 1.5,
        "schneefall": 2, "schneefalle": 2, "gewitter": 2, "glatteis": 2.5, "wetterdienst": 2.5,
    },
    ARTS: {"kino": 1.5, "musik": 1.5, "ausstellung": 1.5, "buch": 1, "theater": 1.5},
    # IPTC's German labels and their news wording for the topics above had none.
    LABOUR: {
        "streik": 2.5, "gewerkschaft": 2.5, "arbeitnehmer": 2, "arbeitgeber": 2, "lohn": 1.5,
        "lohne": 1.5, "tarifvertrag": 2.5, "beschaftigte": 1.5, "stellenabbau": 2.5, "rente": 1.2,
        "mindestlohn": 2.5, "fachkrafte": 2, "arbeitsmarkt": 2.5, "arbeitslose": 1.5,
    },
    EDUCATION: {
        "schule": 1.5, "schuler": 1.5, "lehrer": 1.5, "lehrerin": 1.5, "universitat": 1,
        "studierende": 1.5, "unterricht": 1.5, "bildung": 1.5, "kita": 1.5, "abitur": 2,
    },
    SOCIETY: {
        "armut": 2, "obdachlose": 2, "fluchtlinge": 1.2, "migranten": 1.2, "einwanderung": 1.5,
        "gleichstellung": 1.5, "rassismus": 1.5, "sozialhilfe": 1.5, "burgergeld": 2,
    },
    RELIGION: {
        "kirche": 1.5, "moschee": 1.5, "pfarrer": 1.5, "papst": 1.5, "bischof": 1.5,
        "gottesdienst": 2, "glaube": 1, "katholisch": 1, "evangelisch": 1, "muslime": 1,
    },
    LIFESTYLE: {"urlaub": 1.5, "tourismus": 1.5, "rezept": 1.5, "freizeit": 1.5, "wandern": 1.5},
    HUMAN_INTEREST: {"geburtstag": 1, "hochzeit": 1, "prominente": 1.5, "kurios": 2},
}  # fmt: skip

# Language (ISO 639-1) -> topic number -> terms; English needs none beyond the main vocabulary.
LANGUAGE_TERMS: Final[dict[str, dict[str, dict[str, float]]]] = {"fr": FRENCH, "de": GERMAN}
