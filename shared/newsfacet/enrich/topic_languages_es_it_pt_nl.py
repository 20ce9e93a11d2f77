"""Spanish, Italian, Portuguese and Dutch evidence for the IPTC top-level topics (data only; how
it is read: `topic_languages`).

Compact lists of the topics news reports most. The stemmer is English ("elecciones" ->
"eleccion", but "elezioni" and "elezione" stay apart), so a term's common plural is listed with it.
"partido" (a party, and in Spanish a match too) is left out of Spanish, "arts" (Dutch for doctor)
out of Dutch, Italian "mostra" (an exhibition, and "shows"); words every story writes ("maioria",
"maggioranza": most of anything; "temporal": temporary too) weigh little.
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
    LABOUR,
    POLITICS,
    RELIGION,
    SCIENCE,
    SPORT,
    WEATHER,
)

SPANISH: Final[dict[str, dict[str, float]]] = {
    POLITICS: {
        "gobierno": 1.2, "ministro": 1.2, "ministra": 1.2, "presidente del gobierno": 2,
        "parlamento": 1.5, "diputado": 1.5, "diputados": 1.5, "senado": 1.5, "elecciones": 2,
        "partido popular": 2, "partido socialista": 2, "oposicion": 1, "votacion": 1.5,
        "votantes": 2, "encuesta": 1.5, "candidato": 1.2, "alcalde": 1.2, "presupuestos": 1.5,
        "consejo de ministros": 2.5, "congreso": 1.5, "investidura": 2.5,
        "legislatura": 1.5, "autonomicas": 2.5, "municipales": 2.5, "generales": 1,
        "presidente": 1, "gobernador": 1.5, "gobernadores": 1.5,
    },
    ECONOMY: {
        "economia": 1.5, "empresa": 1.2, "empresas": 1.2, "crecimiento": 1.5, "desempleo": 1.5,
        "paro": 1.2, "inflacion": 2, "bolsa": 1.5, "banco": 1.2, "mercado": 0.8, "pib": 2,
        "inversion": 1.5, "facturacion": 2, "precios": 1, "exportaciones": 1.5, "aranceles": 2,
        "gasto publico": 2, "recortes": 1.2, "deficit": 1.5,
    },
    CRIME: {
        "policia": 1.5, "juzgado": 2, "juez": 1.5, "jueza": 1.5, "juicio": 1.5, "condenado": 2,
        "asesinato": 2.5, "detenido": 2, "detenidos": 2, "guardia civil": 2, "fiscalia": 2,
        "sospechoso": 1.5, "robo": 2, "tribunal supremo": 2,
    },
    CONFLICT: {
        "guerra": 2.5, "ejercito": 1.5, "soldados": 1.5, "bombardeo": 2.5, "ataque": 1.5,
        "rebeldes": 2, "alto el fuego": 3, "ofensiva": 2, "militar": 1.2, "militares": 1.2,
        "atentado": 2.5,
    },
    SPORT: {
        "equipo": 1.2, "liga": 1.5, "laliga": 3, "campeonato": 2, "entrenador": 2, "gol": 1.5,
        "goles": 1.5, "jugador": 1.5, "jugadores": 1.5, "mundial": 1.5, "victoria": 1,
        "derrota": 1.2, "goleador": 2.5, "temporada": 1.2, "clasificacion": 1.5, "futbol": 2.5,
        "estadio": 1.5, "penalti": 2.5, "delantero": 2.5, "portero": 2.5, "aficion": 1.5,
        "jornada": 1.5, "empate": 2,
    },
    HEALTH: {
        "sanidad": 2, "salud": 2, "enfermedad": 2, "enfermedades": 2, "medico": 1.5, "medicos": 1.5,
        "pacientes": 1.2, "vacuna": 2, "sanitario": 1.5, "sanitarios": 1.5,
    },
    SCIENCE: {
        "investigadores": 2, "cientificos": 2, "investigacion": 1, "estudio": 1, "tecnologia": 1.5,
        "inteligencia artificial": 2.5,
    },
    ENVIRONMENT: {
        "clima": 2, "cambio climatico": 3, "calentamiento": 2, "contaminacion": 2,
        "medio ambiente": 2.5, "biodiversidad": 2.5, "emisiones": 1.5,
    },
    DISASTER: {
        "inundacion": 2.5, "inundaciones": 2.5, "terremoto": 3, "sismo": 3, "incendio": 2,
        "incendios": 2, "riada": 2.5, "evacuar": 1.5, "evacuados": 1.5, "bomberos": 1.5,
        "rescate": 1.5, "rescataron": 1.5, "danos": 1.5, "heridos": 1.2, "victimas": 1.2,
        "desaparecidos": 1.5, "emergencias": 1.5, "dana": 2.5, "muertos": 1.2, "damnificados": 2,
    },
    WEATHER: {
        "meteorologia": 2.5, "aemet": 3, "lluvia": 1.5, "lluvias": 1.5, "tormenta": 2,
        "tormentas": 2, "ola de calor": 3, "nieve": 1.5, "granizo": 2, "aviso rojo": 3,
        "aviso naranja": 3, "temporal": 1.5, "temperaturas": 1,
    },
    ARTS: {
        "cine": 1.5, "pelicula": 1.5, "musica": 1.5, "exposicion": 1.5, "libro": 1, "novela": 1.5,
        "teatro": 1.5, "museo": 1.5, "concierto": 1.5,
    },
    LABOUR: {
        "huelga": 2.5, "sindicato": 2, "sindicatos": 2, "trabajadores": 1.5, "salario": 1.5,
        "despidos": 2, "empleo": 1.2, "pensiones": 1.5, "gremios": 1.5,
    },
    EDUCATION: {
        "colegio": 1.5, "escuela": 1.5, "alumnos": 1.5, "profesores": 1.5, "universidad": 1,
        "estudiantes": 1.2, "selectividad": 2.5,
    },
    RELIGION: {"iglesia": 1.5, "obispo": 1.5, "sacerdote": 1.5, "mezquita": 1.5, "catolica": 1},
}  # fmt: skip

ITALIAN: Final[dict[str, dict[str, float]]] = {
    POLITICS: {
        "governo": 1.2, "ministro": 1.2, "presidente del consiglio": 2, "premier": 1,
        "parlamento": 1.5, "deputato": 1.5, "deputati": 1.5, "senato": 1.5, "senatore": 1.5,
        "elezioni": 2, "elezione": 2, "elettorale": 2, "partito": 1.2, "partiti": 1.2,
        "opposizione": 1, "voto": 1, "elettori": 2, "sondaggio": 1.5, "sondaggi": 1.5,
        "candidato": 1.2, "sindaco": 1.2, "maggioranza": 0.8, "palazzo chigi": 2.5,
        "camera dei deputati": 2.5, "legge di bilancio": 2.5, "manovra": 2, "regionali": 2,
        "presidente": 1,
    },
    ECONOMY: {
        "economia": 1.5, "impresa": 1.2, "imprese": 1.2, "azienda": 1.2, "aziende": 1.2,
        "crescita": 1.5, "disoccupazione": 1.5, "inflazione": 2, "borsa": 1.5, "banca": 1.2,
        "banche": 1.2, "mercato": 0.8, "mercati": 0.8, "pil": 2, "prodotto interno lordo": 3,
        "investimenti": 1.5, "fatturato": 2, "prezzi": 1, "tasse": 1.2, "istat": 2,
    },
    CRIME: {
        "polizia": 1.5, "carabinieri": 2, "indagine": 1.5, "indagini": 1.5, "tribunale": 2,
        "processo": 1.2, "condannato": 2, "omicidio": 2.5, "arrestato": 2, "arrestati": 2,
        "procura": 2, "sospettato": 1.5, "furto": 2, "rapina": 2, "mafia": 2,
    },
    CONFLICT: {
        "guerra": 2.5, "esercito": 1.5, "soldati": 1.5, "bombardamento": 2.5,
        "bombardamenti": 2.5, "attacco": 1.5, "ribelli": 2, "cessate il fuoco": 3, "tregua": 2.5,
        "offensiva": 2, "militare": 1.2, "militari": 1.2, "attentato": 2.5,
    },
    SPORT: {
        "partita": 1.5, "squadra": 1.2, "campionato": 2, "allenatore": 2, "gol": 1.5,
        "giocatore": 1.5, "giocatori": 1.5, "serie a": 2.5, "vittoria": 1, "sconfitta": 1.2,
        "classifica": 1.5, "calcio": 2.5, "stagione": 1.2, "rigore": 2, "pareggio": 2,
        "stadio": 1.5, "tifosi": 2, "spettatori": 1, "attaccante": 2.5, "portiere": 2.5,
        "scudetto": 3,
    },
    HEALTH: {
        "sanita": 2, "salute": 2, "ospedale": 1.5, "ospedali": 1.5, "malattia": 2, "malattie": 2,
        "medico": 1.5, "medici": 1.5, "pazienti": 1.2, "vaccino": 2, "vaccini": 2,
    },
    SCIENCE: {
        "ricercatori": 2, "scienziati": 2, "ricerca": 1.2, "studio": 1, "tecnologia": 1.5,
        "intelligenza artificiale": 2.5,
    },
    ENVIRONMENT: {
        "clima": 2, "cambiamento climatico": 3, "cambiamenti climatici": 3, "riscaldamento": 2,
        "inquinamento": 2, "ambiente": 2, "biodiversita": 2.5, "emissioni": 1.5,
    },
    DISASTER: {
        "alluvione": 3, "alluvioni": 3, "terremoto": 3, "sisma": 3, "incendio": 2, "incendi": 2,
        "frana": 2.5, "esondazione": 2.5, "evacuati": 1.5, "vigili del fuoco": 2, "soccorsi": 1.5,
        "protezione civile": 2.5, "danni": 1.5, "feriti": 1.2, "vittime": 1.2, "dispersi": 1.5,
    },
    WEATHER: {
        "meteo": 2.5, "maltempo": 2.5, "pioggia": 1.5, "piogge": 1.5, "temporale": 2,
        "temporali": 2, "ondata di calore": 3, "neve": 1.5, "grandine": 2, "allerta rossa": 3,
        "allerta arancione": 3, "temperature": 1,
    },
    ARTS: {
        "musica": 1.5, "libro": 1, "romanzo": 1.5, "teatro": 1.5, "museo": 1.5,
        "concerto": 1.5,
    },
    LABOUR: {
        "sciopero": 2.5, "sindacato": 2, "sindacati": 2, "lavoratori": 1.5, "salari": 1.5,
        "licenziamenti": 2, "occupazione": 1.2, "pensioni": 1.5,
    },
    EDUCATION: {
        "scuola": 1.5, "scuole": 1.5, "studenti": 1.2, "insegnanti": 1.5, "universita": 1,
        "maturita": 2.5,
    },
    RELIGION: {"chiesa": 1.5, "vescovo": 1.5, "pontefice": 2, "sacerdote": 1.5, "moschea": 1.5},
}  # fmt: skip

PORTUGUESE: Final[dict[str, dict[str, float]]] = {
    POLITICS: {
        "governo": 1.2, "ministro": 1.2, "ministra": 1.2, "primeiro ministro": 2,
        "parlamento": 1.5, "deputado": 1.5, "deputados": 1.5, "assembleia da republica": 2.5,
        "eleicao": 2, "eleicoes": 2, "eleitoral": 2, "legislativas": 2.5, "autarquicas": 2.5,
        "partido": 1.2, "partidos": 1.2, "oposicao": 1, "votacao": 1.5, "eleitores": 2,
        "sondagem": 1.5, "candidato": 1.2, "presidente da republica": 2, "orcamento": 1.5,
        "maioria": 0.8, "abstencao": 2, "congresso": 1.5, "senado": 1.5, "prefeito": 1.2,
        "camara dos deputados": 2.5, "presidente": 1, "governador": 1.5,
    },
    ECONOMY: {
        "economia": 1.5, "empresa": 1.2, "empresas": 1.2, "crescimento": 1.5, "desemprego": 1.5,
        "inflacao": 2, "bolsa": 1.5, "banco": 1.2, "mercado": 0.8, "pib": 2, "investimento": 1.5,
        "faturacao": 2, "precos": 1, "exportacoes": 1.5, "juros": 2,
    },
    CRIME: {
        "policia": 1.5, "julgamento": 2, "condenado": 2, "homicidio": 2.5, "detido": 2,
        "detidos": 2, "ministerio publico": 2, "suspeito": 1.5, "roubo": 2, "prisao": 2,
        "inquerito": 1.5,
    },
    CONFLICT: {
        "guerra": 2.5, "exercito": 1.5, "soldados": 1.5, "bombardeamento": 2.5, "bombardeio": 2.5,
        "ataque": 1.5, "rebeldes": 2, "cessar fogo": 3, "ofensiva": 2, "militar": 1.2,
        "militares": 1.2, "atentado": 2.5,
    },
    SPORT: {
        "jogo": 1.2, "equipa": 1.2, "campeonato": 2, "treinador": 2, "golo": 1.5, "golos": 1.5,
        "gol": 1.5, "jogador": 1.5, "jogadores": 1.5, "liga": 1.5, "vitoria": 1, "derrota": 1.2,
        "classificacao": 1.5, "futebol": 2.5, "temporada": 1.2, "estadio": 1.5, "penalti": 2.5,
        "empate": 2, "avancado": 2.5, "guarda redes": 2.5, "goleiro": 2.5, "adeptos": 1.5,
        "torcida": 2, "selecao": 1.5,
    },
    HEALTH: {
        "saude": 2, "doenca": 2, "doencas": 2, "medico": 1.5, "medicos": 1.5, "doentes": 1.5,
        "pacientes": 1.2, "vacina": 2, "urgencias": 1.5,
    },
    SCIENCE: {
        "investigadores": 2, "pesquisadores": 2, "cientistas": 2, "pesquisa": 1.2, "estudo": 1,
        "tecnologia": 1.5, "inteligencia artificial": 2.5,
    },
    ENVIRONMENT: {
        "clima": 2, "alteracoes climaticas": 3, "mudancas climaticas": 3, "aquecimento": 2,
        "poluicao": 2, "ambiente": 2, "biodiversidade": 2.5, "emissoes": 1.5,
    },
    DISASTER: {
        "incendio": 2, "incendios": 2, "incendio florestal": 3, "cheias": 2.5, "inundacoes": 2.5,
        "sismo": 3, "terremoto": 3, "evacuar": 1.5, "evacuadas": 1.5, "bombeiros": 1.5,
        "protecao civil": 2.5, "danos": 1.5, "feridos": 1.2, "vitimas": 1.2, "desalojados": 2,
        "chamas": 1.5, "deslizamento": 2.5, "mortos": 1.2, "desalojadas": 2,
        "desabrigados": 2, "enchente": 2.5, "enchentes": 2.5, "alagamentos": 2.5,
    },
    WEATHER: {
        "meteorologia": 2.5, "ipma": 3, "chuva": 1.5, "chuvas": 1.5, "tempestade": 2, "calor": 1.5,
        "onda de calor": 3, "neve": 1.5, "aviso vermelho": 3, "aviso laranja": 3,
        "temperaturas": 1, "vento": 1.2, "temporal": 1.5,
    },
    ARTS: {
        "filme": 1.5, "musica": 1.5, "exposicao": 1.5, "livro": 1, "teatro": 1.5, "museu": 1.5,
        "concerto": 1.5,
    },
    LABOUR: {
        "greve": 2.5, "sindicato": 2, "sindicatos": 2, "trabalhadores": 1.5, "salario": 1.5,
        "salarios": 1.5, "despedimentos": 2, "emprego": 1.2, "pensoes": 1.5,
    },
    EDUCATION: {
        "escola": 1.5, "escolas": 1.5, "alunos": 1.5, "professores": 1.5, "universidade": 1,
        "estudantes": 1.2,
    },
    RELIGION: {"igreja": 1.5, "bispo": 1.5, "papa": 1.2, "mesquita": 1.5},
}  # fmt: skip

DUTCH: Final[dict[str, dict[str, float]]] = {
    POLITICS: {
        "regering": 1.2, "kabinet": 2, "premier": 1.5, "minister president": 2, "tweede kamer": 2.5,
        "eerste kamer": 2, "parlement": 1.5, "kamerlid": 2, "kamerleden": 2, "verkiezing": 2,
        "verkiezingen": 2, "partij": 1.5, "partijen": 1.5, "oppositie": 1, "kiezers": 2,
        "peiling": 1.5, "peilingen": 1.5, "kandidaat": 1.2, "burgemeester": 1.2, "coalitie": 2,
        "formatie": 2, "begroting": 1.5, "miljoenennota": 3, "prinsjesdag": 3, "fractie": 2,
        "fracties": 2, "gemeenteraad": 2,
    },
    ECONOMY: {
        "economie": 1.5, "bedrijf": 1.2, "bedrijven": 1.2, "groei": 1.5, "werkloosheid": 1.5,
        "inflatie": 2, "beurs": 2, "markt": 0.8, "omzet": 2, "investering": 1.5,
        "investeringen": 1.5, "koopkracht": 2, "rente": 2, "aandelen": 2, "winst": 1.2,
    },
    CRIME: {
        "politie": 1.5, "rechtbank": 2, "rechter": 1.5, "rechtszaak": 2, "veroordeeld": 2.5,
        "moord": 2.5, "aangehouden": 2.5, "gearresteerd": 2.5, "openbaar ministerie": 2.5,
        "verdachte": 2, "verdachten": 2, "celstraf": 2.5, "overval": 2,
    },
    CONFLICT: {
        "oorlog": 2.5, "leger": 1.5, "soldaten": 1.5, "bombardement": 2.5, "aanval": 1.5,
        "rebellen": 2, "staakt het vuren": 3, "wapenstilstand": 3, "offensief": 2, "militair": 1.2,
        "militairen": 1.2, "aanslag": 2.5, "defensie": 1.5,
    },
    SPORT: {
        "wedstrijd": 1.5, "ploeg": 1.2, "elftal": 2, "kampioenschap": 2, "doelpunt": 2,
        "doelpunten": 2, "speler": 1.5, "spelers": 1.5, "eredivisie": 3, "voetbal": 2.5,
        "zege": 1.5, "overwinning": 1, "nederlaag": 1.2, "seizoen": 1.2, "gelijkspel": 2,
        "strafschop": 3, "competitie": 1.5, "kampioen": 1.5,
    },
    HEALTH: {
        "gezondheid": 2, "ziekenhuis": 1.5, "ziekenhuizen": 1.5, "ziekte": 2, "patienten": 1.2,
        "vaccin": 2, "vaccinatie": 2, "zorg": 1.5, "huisarts": 2,
    },
    SCIENCE: {
        "onderzoekers": 2, "wetenschappers": 2, "onderzoek": 1.2, "studie": 1, "technologie": 1.5,
        "kunstmatige intelligentie": 2.5,
    },
    ENVIRONMENT: {
        "klimaat": 2, "klimaatverandering": 3, "opwarming": 2, "vervuiling": 2, "milieu": 2,
        "biodiversiteit": 2.5, "uitstoot": 2, "stikstof": 2,
    },
    DISASTER: {
        "overstroming": 3, "overstromingen": 3, "aardbeving": 3, "brand": 1.5, "bosbrand": 3,
        "brandweer": 1.5, "hulpdiensten": 2, "geevacueerd": 2, "schade": 1.5, "gewonden": 1.2,
        "slachtoffers": 1.2, "ramp": 2, "noodweer": 2.5,
    },
    WEATHER: {
        "weerbericht": 2.5, "knmi": 3, "regen": 1.2, "onweer": 2, "hittegolf": 3, "sneeuw": 1.5,
        "hagel": 2, "code oranje": 3, "code rood": 3, "code geel": 2, "windstoten": 2.5,
        "temperaturen": 1, "weeralarm": 3,
    },
    ARTS: {"muziek": 1.5, "tentoonstelling": 1.5, "boek": 1, "kunst": 1.5, "voorstelling": 1.5},
    LABOUR: {
        "staking": 2.5, "vakbond": 2.5, "vakbonden": 2.5, "werknemers": 2, "werkgevers": 2,
        "loon": 1.5, "lonen": 1.5, "cao": 2.5, "banen": 1.2, "pensioen": 1.5, "arbeidsmarkt": 2.5,
    },
    EDUCATION: {
        "scholen": 1.5, "leerlingen": 1.5, "leraren": 1.5, "docenten": 1.5, "universiteit": 1,
        "studenten": 1.2, "onderwijs": 1.5,
    },
    RELIGION: {"kerk": 1.5, "moskee": 1.5, "bisschop": 1.5, "paus": 1.5, "priester": 1.5, "geloof": 1},
}  # fmt: skip
