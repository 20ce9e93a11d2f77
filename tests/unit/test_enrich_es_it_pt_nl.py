"""Spanish, Italian, Portuguese and Dutch articles have no NER model: their topics come from each
language's terms, their places from the gazetteer, with the language's home countries where the text
names none and the English names of their cities. Stories written for the test in the style of El
País, Corriere della Sera, Público and NOS."""

from __future__ import annotations

from newsfacet.enrich import Enrichment, enrich

from tests.unit.enrich_helpers import places

BUDGET_ES = (
    "El Gobierno aprueba los presupuestos tras un pacto con sus socios",
    "El Consejo de Ministros aprobó este martes el proyecto de presupuestos generales para 2027 "
    "después de semanas de negociación con los grupos parlamentarios. La ministra de Hacienda "
    "defendió en Madrid que las cuentas reducen el déficit y aumentan la inversión en vivienda. La "
    "oposición anunció que votará en contra en el Congreso y pidió un adelanto electoral. El debate "
    "se celebrará en noviembre, antes de las elecciones autonómicas en Andalucía.",
)
STORM_ES = (
    "La DANA deja lluvias torrenciales en Valencia",
    "Las lluvias torrenciales de la DANA inundaron el miércoles varias calles de Valencia y obligaron "
    "a evacuar a cientos de vecinos. La Agencia Estatal de Meteorología activó el aviso rojo en el "
    "litoral. En Sevilla y Málaga se registraron tormentas y granizo. Los servicios de emergencia "
    "rescataron a diez personas atrapadas en sus coches y los bomberos trabajaron toda la noche. El "
    "temporal se desplazará mañana hacia Cataluña.",
)
DERBY_IT = (
    "L'Inter batte il Milan nel derby e vola in testa alla classifica",
    "Nel derby l'Inter ha battuto il Milan per 2-1 davanti a settantamila spettatori a San Siro. "
    "L'allenatore nerazzurro ha elogiato la squadra dopo la vittoria, che vale il primo posto in "
    "classifica. Il gol decisivo è arrivato al novantesimo minuto su calcio di rigore. Domenica la "
    "Juventus giocherà a Firenze contro la Fiorentina.",
)
PRICES_IT = (
    "Istat, l'inflazione scende all'1,5%: frena la crescita",
    "Secondo le stime dell'Istat, l'inflazione è scesa a ottobre all'1,5 per cento. I prezzi "
    "dell'energia sono calati, mentre quelli dei beni alimentari continuano a salire. La crescita "
    "dell'economia resta debole: il prodotto interno lordo è aumentato dello 0,1 per cento nel terzo "
    "trimestre. Le imprese chiedono al governo di tagliare le tasse sul lavoro. La Borsa di Milano ha "
    "chiuso in rialzo, trainata dalle banche.",
)
FIRE_PT = (
    "Incêndio em Pedrógão obriga a evacuar aldeias",
    "Um incêndio florestal que deflagrou na madrugada de domingo no distrito de Leiria obrigou a "
    "evacuar três aldeias. Mais de quatrocentos bombeiros combatem as chamas, apoiados por meios "
    "aéreos. A Proteção Civil alertou para o risco elevado de incêndio devido ao calor e ao vento "
    "forte. No Porto e em Lisboa as temperaturas devem ultrapassar os 40 graus.",
)
ELECTION_PT = (
    "Eleições: governo perde maioria no Parlamento",
    "O partido do primeiro-ministro venceu as eleições legislativas de domingo, mas perdeu a maioria "
    "absoluta no Parlamento. A oposição exige negociações antes da votação do Orçamento do Estado. Em "
    "Lisboa, o Presidente da República vai ouvir os partidos na próxima semana. Em Coimbra e Braga o "
    "partido do governo ganhou em todos os concelhos.",
)
STORM_NL = (
    "Zware storm raast over het land: code oranje in Zeeland",
    "Een zware storm heeft dinsdag voor veel schade gezorgd in het westen van het land. Het KNMI gaf "
    "code oranje af voor Zeeland en Noord-Holland. In Den Haag en Rotterdam waaiden bomen om en "
    "raakten auto's beschadigd. De brandweer rukte honderden keren uit. Op Schiphol werden tientallen "
    "vluchten geannuleerd. Het onweer trekt woensdag verder naar het oosten.",
)
BUDGET_NL = (
    "Kabinet presenteert begroting: koopkracht omhoog",
    "Het kabinet heeft op Prinsjesdag de begroting voor volgend jaar gepresenteerd. De minister van "
    "Financiën verwacht dat de economie met 1,4 procent groeit en dat de werkloosheid laag blijft. De "
    "oppositie in de Tweede Kamer noemt de plannen onvoldoende voor de woningmarkt. Volgende week "
    "debatteren de fracties in Den Haag over de Miljoenennota. In Amsterdam en Utrecht protesteerden "
    "duizenden mensen tegen de bezuinigingen op onderwijs.",
)


def read(language: str, article: tuple[str, str]) -> Enrichment:
    return enrich(*article, language=language)


def primary_topic(language: str, article: tuple[str, str]) -> str:
    topics = read(language, article).topics
    return topics[0].label if topics else ""


def test_spanish_italian_portuguese_and_dutch_articles_get_topics() -> None:
    assert primary_topic("es", BUDGET_ES) == "politics"
    assert primary_topic("es", STORM_ES) in {"weather", "disaster, accident and emergency incident"}
    assert primary_topic("it", DERBY_IT) == "sport"
    assert primary_topic("it", PRICES_IT) == "economy, business and finance"
    assert primary_topic("pt", FIRE_PT) == "disaster, accident and emergency incident"
    assert primary_topic("pt", ELECTION_PT) == "politics"
    assert primary_topic("nl", STORM_NL) == "weather"
    assert primary_topic("nl", BUDGET_NL) == "politics"


def test_their_enrichment_says_topics_were_attempted() -> None:
    for language, article in (("es", STORM_ES), ("it", PRICES_IT), ("pt", FIRE_PT), ("nl", STORM_NL)):
        coverage = read(language, article).coverage
        assert (coverage.language, coverage.topics, coverage.actors) == (language, True, False)


def test_the_language_s_home_country_places_towns_the_text_gives_no_country() -> None:
    # "Valencia" is larger in Venezuela, "Sevilla" is a town in Colombia too.
    spanish = places(read("es", STORM_ES))
    assert spanish.get("Valencia") == ("city", "ES") and spanish.get("Seville") == ("city", "ES"), spanish
    assert places(read("pt", ELECTION_PT)).get("Coimbra") == ("city", "PT")
    dutch = places(read("nl", BUDGET_NL))
    assert dutch.get("Amsterdam") == ("city", "NL") and dutch.get("Utrecht") == ("city", "NL"), dutch
    # A country the text names counts too, and its larger namesake wins.
    title = "Maduro visita Valencia"
    body = (
        "El presidente de Venezuela visitó el martes Valencia, la tercera ciudad del país, donde "
        "inauguró un hospital. En Maracaibo se registraron protestas."
    )
    assert places(read("es", (title, body))).get("Valencia") == ("city", "VE")


def test_their_cities_and_regions_are_shown_under_their_english_names() -> None:
    assert places(read("it", DERBY_IT)).get("Florence") == ("city", "IT")
    fire = places(read("pt", FIRE_PT))
    assert fire.get("Lisbon") == ("city", "PT") and fire.get("Porto") == ("city", "PT"), fire
    storm = places(read("nl", STORM_NL))
    for name, kind in (("The Hague", "city"), ("Zeeland", "region"), ("North Holland", "region")):
        assert storm.get(name) == (kind, "NL"), storm
    assert places(read("es", STORM_ES)).get("Catalonia") == ("region", "ES")


def test_granada_in_a_spanish_story_is_the_city_not_grenada() -> None:
    # Spanish names the Caribbean country "Granada" too; English writes it "Grenada".
    title = "Detenido un hombre en Granada por el asesinato de su vecina"
    body = (
        "La Policía Nacional detuvo el lunes en Granada a un hombre de 45 años acusado de matar a su "
        "vecina. La jueza de guardia decretó su ingreso en prisión. Según fuentes de la investigación, "
        "el detenido tenía antecedentes."
    )
    result = read("es", (title, body))
    assert places(result).get("Granada") == ("city", "ES"), places(result)
    assert result.topics[0].label == "crime, law and justice"


def test_italian_towns_after_a_place_preposition_are_places() -> None:
    title = "Alluvione in Emilia-Romagna, migliaia di evacuati"
    body = (
        "Le piogge torrenziali hanno causato l'esondazione di diversi fiumi in Emilia-Romagna. A "
        "Faenza e a Cesena migliaia di persone sono state evacuate. La Protezione civile ha dichiarato "
        "l'allerta rossa anche per Bologna. I vigili del fuoco hanno soccorso decine di persone."
    )
    result = read("it", (title, body))
    found = places(result)
    assert found.get("Emilia-Romagna") == ("region", "IT"), found
    for town in ("Faenza", "Cesena", "Bologna"):
        assert found.get(town) == ("city", "IT"), found
    assert result.topics[0].label == "disaster, accident and emergency incident"


def test_a_brazilian_story_keeps_its_towns_in_brazil_and_gets_its_topic() -> None:
    # Portugal is the home country's prior; Brasília names Brazil, whose "Santa Maria" is larger.
    title = "Chuvas deixam mortos no Rio Grande do Sul"
    body = (
        "As chuvas no Rio Grande do Sul deixaram dezenas de mortos. Em Porto Alegre, o rio Guaíba "
        "transbordou e milhares de pessoas foram desalojadas. Em Santa Maria e Pelotas as estradas "
        "estão cortadas. O governo federal enviou ajuda a partir de Brasília."
    )
    result = read("pt", (title, body))
    found = places(result)
    for city in ("Porto Alegre", "Santa Maria", "Pelotas", "Brasília"):
        assert found.get(city) == ("city", "BR"), found
    assert found.get("Rio Grande do Sul") == ("region", "BR"), found
    assert result.topics[0].label == "disaster, accident and emergency incident"


def test_a_brazilian_state_is_no_city() -> None:
    # GeoNames files "Bahia" as another name of Salvador, its capital.
    title = "Seca atinge o interior da Bahia"
    body = (
        "A seca atinge o interior da Bahia e de Minas Gerais. Em Salvador, o governo estadual anunciou ajuda."
    )
    found = places(read("pt", (title, body)))
    assert found.get("Bahia") == ("region", "BR") and found.get("Minas Gerais") == ("region", "BR"), found
    assert found.get("Salvador") == ("city", "BR"), found


def test_mexican_states_are_regions_of_mexico() -> None:
    title = "Lluvias en Guadalajara y Monterrey"
    body = (
        "Las lluvias torrenciales provocaron inundaciones en Guadalajara y Monterrey. Protección Civil "
        "evacuó a cientos de familias en Jalisco y Nuevo León. En Morelos se registraron fuertes vientos."
    )
    found = places(read("es", (title, body)))
    for state in ("Jalisco", "Nuevo León", "Morelos"):
        assert found.get(state) == ("region", "MX"), found
    assert found.get("Guadalajara") == ("city", "MX") and "Ecatepec de Morelos" not in found, found
