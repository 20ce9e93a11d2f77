"""IPTC Media Topics vocabulary: codes, labels and the weighted terms that evidence them.

Data only; `topics.py` does the scoring. Codes and English labels are IPTC's (NewsCodes Media
Topic, cv.iptc.org/newscodes/mediatopic, CC BY 4.0): the 17 top-level topics and a selection of
finer subjects where news wording is distinctive. Each subject's `parent` is its top-level topic
(the field the `Topic` model defines), even where IPTC nests it deeper.

Terms are matched on word stems (see `topics.stem`), so "flood" covers "floods", "flooded" and
"flooding"; multi-word terms match as phrases. Weights: 2-3 for a term that alone says the topic
("airstrike", "ceasefire", "interest rate"), 1 for a typical word, below 1 for a word with other
common meanings ("strike", "attack", "court").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class TopicEntry:
    code: str
    label: str
    parent: str | None
    terms: dict[str, float]


def _top(number: str, label: str, terms: dict[str, float]) -> TopicEntry:
    return TopicEntry(f"medtop:{number}", label, None, terms)


def _sub(number: str, label: str, parent: str, terms: dict[str, float]) -> TopicEntry:
    return TopicEntry(f"medtop:{number}", label, f"medtop:{parent}", terms)


ARTS, CRIME, DISASTER, ECONOMY = "01000000", "02000000", "03000000", "04000000"
EDUCATION, ENVIRONMENT, HEALTH, HUMAN_INTEREST = "05000000", "06000000", "07000000", "08000000"
LABOUR, LIFESTYLE, POLITICS, RELIGION = "09000000", "10000000", "11000000", "12000000"
SCIENCE, SOCIETY, SPORT, CONFLICT, WEATHER = "13000000", "14000000", "15000000", "16000000", "17000000"

VOCABULARY: Final[tuple[TopicEntry, ...]] = (
    # --- top level ------------------------------------------------------------------------------
    _top(ARTS, "arts, culture, entertainment and media", {
        "film": 1, "movie": 1.2, "cinema": 1.2, "box office": 2, "album": 1.5, "song": 1, "singer": 1.2,
        "concert": 1.5, "band": 0.5, "music": 1, "musician": 1.5, "actor": 1, "actress": 1.5,
        "director": 0.3, "festival": 0.8, "museum": 1.2, "exhibition": 1.2, "gallery": 1, "artist": 1,
        "painting": 1, "novel": 1.2, "author": 0.5, "book": 0.6, "theatre": 1.2, "theater": 1.2,
        "oscar": 2, "grammy": 2, "hollywood": 1.5, "netflix": 1, "tv series": 1.5, "television": 0.6,
        "broadcaster": 0.6, "premiere": 1.2, "box-office": 2,
        # Television entertainment: shows, their contestants and dancers.
        "entertainment": 1.2, "reality show": 2, "reality tv": 2, "talent show": 2, "tv show": 1.5,
        "sitcom": 2, "episode": 1.2, "contestant": 1.5, "dancer": 1.2, "dancing": 1, "ballroom": 1.5,
        "voted off": 1.5, "showbiz": 2,
    }),
    _top(CRIME, "crime, law and justice", {
        "police": 1, "arrest": 1.2, "arrested": 1.2, "crime": 1.5, "criminal": 1.2, "murder": 1.5,
        "suspect": 1.2, "prosecutor": 1.5, "prosecution": 1.2, "court": 0.8, "judge": 1, "trial": 1,
        "jury": 1.5, "verdict": 1.5, "sentenced": 1.5, "prison": 1.2, "jail": 1.2, "charged with": 1.2,
        "criminal charges": 1.5, "faces charges": 1.2, "facing charges": 1.2,
        "lawsuit": 1.2, "lawyer": 0.8, "attorney": 0.8, "indictment": 1.5, "convicted": 1.5,
        "guilty": 1.2, "investigation": 0.5, "fraud": 1.2, "theft": 1.2, "robbery": 1.5, "detained": 0.8,
        "supreme court": 1.2, "appeal": 0.4,
        # Drugs as crime: the trade and its policing.
        "trafficking": 1.5, "drug trafficking": 2.5, "trafficker": 1.5, "smuggling": 1.5,
        "smuggler": 1.5, "cartel": 1.5, "narcotics": 1.5, "drug seizure": 2, "seized": 1,
        "border patrol": 1, "contraband": 1.5,
    }),
    _top(DISASTER, "disaster, accident and emergency incident", {
        "disaster": 1.5, "accident": 1.2, "crash": 1, "collision": 1.2, "derail": 1.5, "rescue": 1,
        "rescuer": 1.5, "survivor": 0.8, "emergency service": 1.5, "evacuate": 1.2, "evacuation": 1.2,
        "death toll": 1.5, "casualties": 0.6, "collapse": 0.6, "search and rescue": 2, "firefighter": 1.2,
        "blaze": 1, "explosion": 0.6, "emergency": 0.5, "injured": 0.4, "debris": 0.8, "rubble": 1.2,
    }),
    _top(ECONOMY, "economy, business and finance", {
        "economy": 1.5, "economic": 1, "economist": 1.2, "market": 0.6, "investor": 1.2, "share": 0.4,
        "stock": 0.8, "stock market": 1.5, "bond": 0.6, "company": 0.5, "firm": 0.4, "revenue": 1.2,
        "profit": 1.2, "earnings": 1.2, "billion": 0.4, "gdp": 2, "growth": 0.5, "bank": 0.6,
        "price": 0.5, "trade": 0.6, "export": 1, "import": 0.6, "currency": 1.2, "dollar": 0.5,
        "euro": 0.5, "business": 0.6, "industry": 0.6, "ceo": 0.8, "quarter": 0.4, "sales": 0.6,
        "budget": 0.5, "debt": 0.8, "tax": 0.6, "oil price": 1.5, "shareholder": 1.2,
        "automaker": 2, "carmaker": 2, "auto industry": 2, "car sales": 2, "dealership": 1.5,
    }),
    _top(EDUCATION, "education", {
        "school": 1, "pupil": 1.5, "student": 1, "teacher": 1.2, "university": 0.8, "college": 0.6,
        "curriculum": 1.5, "exam": 1.2, "education": 1.5, "classroom": 1.5, "tuition": 1.5,
        "graduate": 0.6, "kindergarten": 1.5, "campus": 0.8,
    }),
    _top(ENVIRONMENT, "environment", {
        "environment": 1, "environmental": 1.2, "pollution": 1.5, "emission": 1.2, "carbon": 1,
        "climate": 1.2, "biodiversity": 2, "wildlife": 1.2, "species": 1, "deforestation": 2,
        "conservation": 1.2, "ecosystem": 1.5, "greenhouse gas": 2, "renewable": 1.2, "fossil fuel": 1.5,
        "plastic": 0.6, "recycling": 1.2, "endangered": 1.2, "habitat": 1, "net zero": 1.5,
    }),
    _top(HEALTH, "health", {
        "health": 1, "hospital": 1, "patient": 1.2, "doctor": 1, "nurse": 1, "disease": 1.5,
        "virus": 1.2, "infection": 1.2, "vaccine": 1.5, "vaccination": 1.5, "medical": 1,
        "medicine": 1, "treatment": 0.6, "cancer": 1.5, "symptom": 1.2, "outbreak": 1.2,
        "clinical": 1.2, "drug": 0.5, "health ministry": 1, "covid": 2, "pandemic": 1.5, "obesity": 1.5,
        "mental health": 1.5,
        # Public health and addiction.
        "public health": 2, "health department": 1.5, "addiction": 1.5, "overdose": 1.5,
        "substance abuse": 2, "drug use": 1.5, "methamphetamine": 1.5, "meth": 1.2, "opioid": 1.5,
        "rehab": 1.2, "respiratory": 1.2, "lung": 1, "diagnosis": 1.2, "diagnosed": 1.2,
    }),
    _top(HUMAN_INTEREST, "human interest", {
        "celebrity": 1.5, "royal family": 1.5, "wedding": 1, "birthday": 1, "anniversary": 0.6,
        "zoo": 1.5, "pet": 0.8, "centenarian": 2, "heartwarming": 2, "viral video": 1.5,
    }),
    _top(LABOUR, "labour", {
        "worker": 1, "employee": 0.8, "union": 0.6, "trade union": 1.5, "wage": 1.2, "salary": 1,
        "unemployment": 1.5, "job": 0.6, "layoff": 1.5, "labour": 1.2, "labor": 1.2, "walkout": 1.5,
        "strike": 0.5, "pension": 0.8, "minimum wage": 2, "employer": 1, "workforce": 1.2,
    }),
    _top(LIFESTYLE, "lifestyle and leisure", {
        "travel": 1, "tourist": 1, "tourism": 1.2, "holiday": 0.8, "restaurant": 1.2, "recipe": 2,
        "chef": 1.2, "fashion": 1.2, "hotel": 0.8, "vacation": 1.2, "wellness": 1.5, "hobby": 1.5,
        "cooking": 1.2, "garden": 0.8, "shopping": 0.8, "gaming": 1, "video game": 1.5,
        "console": 1, "gamer": 1.2,
    }),
    _top(POLITICS, "politics", {
        "government": 1, "minister": 1, "president": 0.6, "parliament": 1.5, "lawmaker": 1.5,
        "legislation": 1.2, "bill": 0.4, "vote": 0.8, "voter": 1.2, "election": 1.5, "campaign": 0.6,
        "party": 0.5, "opposition": 1, "senate": 1.2, "congress": 1, "politician": 1.5, "political": 1,
        "policy": 0.6, "diplomat": 1.2, "diplomatic": 1.2, "sanction": 1.2, "cabinet": 1,
        "prime minister": 1, "summit": 1, "foreign minister": 1.2, "referendum": 1.5, "coalition": 0.8,
        "regime": 0.8, "democracy": 1.2, "constitution": 1, "ministry": 1, "interior minister": 1,
        "neo-nazi": 1, "far-right": 1.2, "extremist": 0.8,
    }),
    _top(RELIGION, "religion", {
        "church": 1.2, "mosque": 1.5, "synagogue": 1.5, "temple": 1, "pope": 1.5, "bishop": 1.5,
        "imam": 1.5, "rabbi": 1.5, "religious": 1.2, "religion": 1.5, "faith": 1, "worship": 1.5,
        "prayer": 1, "muslim": 0.8, "christian": 0.8, "jewish": 0.8, "catholic": 1, "vatican": 1.5,
        "ramadan": 1.5, "easter": 0.8, "christmas": 0.5, "clergy": 1.5, "pilgrim": 1.5,
    }),
    _top(SCIENCE, "science and technology", {
        "scientist": 1.5, "research": 0.8, "researcher": 1.2, "study": 0.5, "laboratory": 1.2,
        "technology": 1, "tech": 0.8, "software": 1.2, "artificial intelligence": 2, "algorithm": 1.2,
        "smartphone": 1.2, "app": 0.6, "internet": 0.8, "space": 0.5, "nasa": 1.5, "satellite": 1,
        "rocket": 0.8, "astronaut": 2, "physics": 1.5, "chemistry": 1.5, "biology": 1.5,
        "experiment": 1.2, "data": 0.4, "chip": 0.8, "semiconductor": 1.5, "cyber": 1, "digital": 0.5,
        "computer": 1, "startup": 0.8, "platform": 0.4, "cloud": 0.3, "streaming": 0.8,
        "laptop": 1.2, "processor": 1.2, "gadget": 1.2, "hardware": 1.2, "operating system": 1.5,
        "bluetooth": 1.2, "touchscreen": 1.2, "wireless": 0.8, "device": 0.5, "electric vehicle": 1.2,
        # Consumer computing: devices, their parts and their systems.
        "keyboard": 1.2, "notebook": 0.6, "iphone": 1.5, "ipad": 1.5, "macbook": 2, "macos": 2,
        "ios": 1.5, "android": 1.2, "cpu": 1.5, "gpu": 1.5, "ssd": 1.5, "tech giant": 1.5,
        "display": 0.4, "screen": 0.6, "battery": 0.6, "model": 0.3,
    }),
    _top(SOCIETY, "society", {
        "poverty": 1.5, "homeless": 1.5, "homelessness": 1.5, "inequality": 1.5, "discrimination": 1.5,
        "racism": 1.5, "gender": 1, "lgbt": 1.5, "welfare": 1, "migrant": 1.2, "immigration": 1.2,
        "asylum": 1.2, "refugee": 1, "charity": 1, "volunteer": 0.8, "community": 0.4,
        "human rights": 1, "social media": 0.8, "family": 0.3, "children": 0.3,
    }),
    _top(SPORT, "sport", {
        "match": 1, "goal": 0.8, "league": 1.2, "championship": 1.2, "tournament": 1.2, "coach": 1,
        "team": 0.6, "season": 0.5, "football": 1.5, "soccer": 1.5, "tennis": 1.5, "cricket": 1.5,
        "rugby": 1.5, "basketball": 1.5, "baseball": 1.5, "olympic": 1.5, "olympics": 1.5,
        "world cup": 1.5, "cup final": 2, "striker": 1.2, "midfielder": 2, "goalkeeper": 2,
        "scored": 1, "win": 0.4, "defeat": 0.6, "victory": 0.4, "athlete": 1.5, "stadium": 1,
        "medal": 1.2, "premier league": 2, "champions league": 2, "grand slam": 2, "formula one": 2,
        "player": 0.6, "fans": 0.6, "final": 0.4, "semi-final": 1.5, "quarter-final": 1.5,
    }),
    _top(CONFLICT, "conflict, war and peace", {
        "war": 1.5, "troop": 1.5, "military": 1, "army": 1.2, "soldier": 1.5, "force": 0.4,
        "fighting": 1.2, "fighter": 0.8, "rebel": 1.5, "militant": 1.5, "militia": 1.5, "offensive": 1,
        "frontline": 1.5, "front line": 1.5, "shelling": 2, "airstrike": 2, "air strike": 2,
        "missile": 1.2, "drone": 0.8, "bombing": 1.2, "bombardment": 2, "artillery": 1.5,
        "ceasefire": 2, "truce": 2, "invasion": 1.5, "occupation": 0.8, "combat": 1.2, "battle": 1,
        "killed": 0.4, "attack": 0.6, "weapon": 0.8, "insurgent": 1.5, "jihadist": 1.5,
        "hostage": 1, "siege": 1.5, "civilian": 0.8, "humanitarian": 0.6, "defence ministry": 1,
        "defense ministry": 1,
    }),
    _top(WEATHER, "weather", {
        "weather": 1.5, "forecast": 0.8, "forecaster": 1.5, "temperature": 1, "rain": 1, "rainfall": 1.5,
        "snow": 1.2, "snowfall": 1.5, "storm": 1, "heatwave": 2, "heat wave": 2, "wind": 0.8,
        "meteorological": 2, "met office": 2, "celsius": 1, "fahrenheit": 1, "hurricane": 1.5,
        "typhoon": 1.5, "cyclone": 1.5, "drought": 1, "frost": 1.2, "thunderstorm": 1.5,
        "weather warning": 2, "sunshine": 1,
    }),
    # --- conflict, war and peace ----------------------------------------------------------------
    _sub("20000053", "act of terror", CONFLICT, {
        "terror attack": 2.5, "terrorist attack": 2.5, "suicide bomber": 2.5, "suicide bombing": 2.5,
        "car bomb": 2, "terrorist": 1.2, "terrorism": 1.2, "jihadist": 1, "claimed responsibility": 1.5,
        "counter-terrorism": 1,
    }),
    _sub("20000056", "armed conflict", CONFLICT, {
        "shelling": 2, "airstrike": 2, "air strike": 2, "artillery": 1.5, "frontline": 1.5,
        "front line": 1.5, "offensive": 1, "troop": 1, "rebel": 1.2, "militia": 1.2, "fighting": 1.2,
        "clash": 1, "bombardment": 2, "ground operation": 2, "military operation": 1.5, "siege": 1.2,
        "invasion": 1.5, "combat": 1, "battle": 0.8,
    }),
    _sub("20000062", "war", CONFLICT, {
        "war": 1.5, "wartime": 2, "war crime": 1.5, "declared war": 2.5, "invasion": 1.2,
    }),
    _sub("20000063", "civil war", CONFLICT, {"civil war": 3}),
    _sub("20000065", "civil unrest", CONFLICT, {
        "protest": 1.2, "protester": 1.5, "demonstrator": 1.5, "riot": 2, "unrest": 2, "tear gas": 2,
        "rubber bullet": 2, "crackdown": 1, "uprising": 1.5, "rally": 0.6, "demonstration": 1,
    }),
    _sub("20000070", "coup d'etat", CONFLICT, {
        "military coup": 3, "coup attempt": 3, "attempted coup": 3, "failed coup": 3, "staged a coup": 3,
        "junta": 2, "coup d'etat": 3, "putsch": 3,
    }),
    _sub("20000071", "massacre", CONFLICT, {"massacre": 3, "genocide": 2.5, "mass killing": 2.5}),
    _sub("20000073", "peace process", CONFLICT, {
        "peace talks": 3, "peace process": 3, "peace deal": 3, "peace plan": 3, "peace agreement": 3,
        "ceasefire": 2, "truce": 2, "negotiation": 1, "mediator": 1.5, "mediation": 1.5, "envoy": 1,
        "peace negotiations": 3, "armistice": 3,
    }),
    # --- crime, law and justice -----------------------------------------------------------------
    _sub("20000099", "homicide", CRIME, {
        "murder": 2, "murdered": 2, "homicide": 3, "manslaughter": 3, "stabbed to death": 3,
        "shot dead": 2, "killer": 1.5,
    }),
    _sub("20000093", "corruption", CRIME, {
        "corruption": 2.5, "bribery": 3, "bribe": 2.5, "embezzlement": 3, "kickback": 2.5,
    }),
    _sub("20000103", "terrorism", CRIME, {
        "terrorism charge": 3, "terror charge": 3, "terrorist offence": 3, "terror plot": 2.5,
    }),
    _sub("20000106", "judiciary", CRIME, {
        "court": 1, "judge": 1.2, "trial": 1.5, "verdict": 2, "jury": 2, "ruling": 1, "appeal": 0.6,
        "supreme court": 2, "sentenced": 1.5, "acquitted": 2, "defendant": 2, "testified": 1.5,
    }),
    _sub("20000129", "law enforcement", CRIME, {
        "police": 1.2, "arrest": 1.5, "arrested": 1.5, "detained": 1, "raid": 1, "officer": 0.6,
        "custody": 1.2, "investigator": 1, "manhunt": 2.5,
    }),
    # --- disaster, accident and emergency incident ----------------------------------------------
    _sub("20000153", "earthquake", DISASTER, {
        "earthquake": 3, "quake": 2.5, "tremor": 1.5, "aftershock": 2.5, "magnitude": 1, "seismic": 1.5,
        "epicentre": 2.5, "epicenter": 2.5, "richter": 2.5,
    }),
    _sub("20000154", "flood", DISASTER, {
        "flood": 2.5, "flooding": 2.5, "flash flood": 3, "floodwater": 3, "inundated": 2,
        "overflowing": 1.2, "burst its banks": 3, "submerged": 1.2, "waterlogged": 1.5, "monsoon": 1,
        "torrential": 1.5,
    }),
    _sub("20000152", "drought", DISASTER, {"drought": 3, "water shortage": 2, "crop failure": 2}),
    _sub("20000150", "fire", DISASTER, {
        "wildfire": 3, "bushfire": 3, "forest fire": 3, "blaze": 1.5, "firefighter": 1.5,
        "fire broke out": 2.5, "engulfed": 1.2, "burned": 0.6, "hectare": 1,
    }),
    _sub("20000158", "windstorms", DISASTER, {
        "hurricane": 2.5, "typhoon": 2.5, "cyclone": 2.5, "tornado": 2.5, "storm surge": 2.5,
        "gust": 1.2, "landfall": 2.5,
    }),
    _sub("20000159", "volcanic eruption", DISASTER, {
        "volcano": 3, "eruption": 2, "erupted": 2, "lava": 2.5, "ash cloud": 2.5,
    }),
    _sub("20000143", "transport accident and incident", DISASTER, {
        "plane crash": 3, "train crash": 3, "derail": 3, "derailed": 3, "car crash": 2.5,
        "capsized": 3, "shipwreck": 3, "road accident": 3, "collision": 1.5, "crashed": 1.5,
    }),
    # --- economy, business and finance ----------------------------------------------------------
    _sub("20000379", "money and monetary policy", ECONOMY, {
        "central bank": 2.5, "monetary policy": 3, "interest rate": 2.5, "rate hike": 3, "rate cut": 3,
        "federal reserve": 2, "quantitative easing": 3, "basis point": 2, "policymaker": 1.2,
        "money supply": 3, "european central bank": 2, "bank of england": 2, "ecb": 2,
    }),
    _sub("20000370", "inflation", ECONOMY, {
        "inflation": 3, "consumer price": 2, "cost of living": 2, "deflation": 3, "price rise": 1.5,
    }),
    _sub("20000383", "recession", ECONOMY, {
        "recession": 3, "economic downturn": 2.5, "contraction": 1.5, "slump": 1.2,
    }),
    _sub("20000373", "international trade", ECONOMY, {
        "tariff": 2.5, "trade war": 3, "trade deal": 3, "trade agreement": 3, "export": 1, "import": 1,
        "trade deficit": 3, "free trade": 2.5, "customs duty": 2.5, "world trade organization": 2,
    }),
    _sub("20000204", "merger or acquisition", ECONOMY, {
        "merger": 3, "acquisition": 2, "takeover": 2.5, "acquire": 1.5, "buyout": 2.5,
        "takeover bid": 3,
    }),
    # --- politics -------------------------------------------------------------------------------
    _sub("20000574", "election", POLITICS, {
        "election": 2, "vote": 1, "voter": 1.5, "ballot": 2, "polling station": 3, "turnout": 2,
        "candidate": 1.5, "campaign": 0.8, "electoral": 2, "runoff": 2.5, "exit poll": 3,
        "polls open": 3, "re-election": 2.5, "presidential race": 2.5,
    }),
    _sub("20000639", "diplomacy", POLITICS, {
        "diplomat": 1.5, "diplomatic": 1.5, "diplomacy": 2.5, "ambassador": 1.5, "summit": 1.2,
        "bilateral": 1.5, "foreign minister": 1.5, "embassy": 1.2, "talks": 0.5, "envoy": 1,
    }),
    _sub("20000642", "economic sanction", POLITICS, {
        "sanction": 2.5, "sanctions": 2.5, "embargo": 2.5, "asset freeze": 3, "blacklist": 1.5,
    }),
    _sub("20000615", "parliament", POLITICS, {
        "parliament": 2, "lawmaker": 1.5, "mp": 1, "legislature": 2, "house of commons": 3,
        "senate": 1.5, "bill": 0.6, "parliamentary": 2, "congress": 1,
    }),
    _sub("20000635", "nuclear policy", POLITICS, {
        "nuclear weapon": 3, "nuclear programme": 3, "nuclear program": 3, "uranium enrichment": 3,
        "enriched uranium": 3, "warhead": 2, "non-proliferation": 3, "nuclear deal": 3,
        "nuclear test": 3, "iaea": 2, "atomic energy agency": 2, "nuclear power": 1.5,
    }),
    # --- environment, health, weather -----------------------------------------------------------
    _sub("20000418", "climate change", ENVIRONMENT, {
        "climate change": 3, "global warming": 3, "climate crisis": 3, "greenhouse gas": 2,
        "emission": 1.2, "net zero": 2, "paris agreement": 2.5, "cop28": 3, "cop29": 3, "carbon dioxide": 2,
    }),
    _sub("20000424", "environmental pollution", ENVIRONMENT, {
        "pollution": 2.5, "pollutant": 2.5, "air quality": 2, "oil spill": 3, "contamination": 2,
        "toxic": 1, "smog": 2.5, "sewage": 2,
    }),
    _sub("20000449", "epidemic", HEALTH, {
        "epidemic": 3, "pandemic": 3, "outbreak": 2, "cases": 0.6, "infection": 1.2, "virus": 1,
        "cholera": 2.5, "ebola": 2.5, "covid": 2.5, "measles": 2.5, "mpox": 2.5, "contagion": 2,
    }),
    _sub("20001128", "weather forecast", WEATHER, {
        "forecast": 1.5, "forecaster": 2, "met office": 2, "meteorologist": 2, "outlook": 0.8,
    }),
    _sub("20001131", "weather warning", WEATHER, {
        "weather warning": 3, "red alert": 2, "orange alert": 2, "amber warning": 3, "red warning": 3,
        "storm warning": 3, "heat warning": 3, "weather alert": 3,
    }),
)  # fmt: skip

# French and German evidence for the top-level topics, merged into the same lexicon (accents are
# folded before stemming, so "élections" and "election" meet). Topics then work for articles in
# those languages without a model of their own; words shared with English are left out.
OTHER_LANGUAGE_TERMS: Final[dict[str, dict[str, float]]] = {
    POLITICS: {
        # French
        "gouvernement": 1.2, "ministre": 1.2, "premier ministre": 2, "parlement": 1.5, "depute": 1.5,
        "senateur": 1.5, "elu": 1, "scrutin": 2, "legislative": 2, "presidentielle": 2.5,
        "assemblee nationale": 2, "parti": 1.2, "opposition": 1, "vote": 1, "electeur": 2,
        # German
        "regierung": 1.2, "bundesregierung": 2, "kanzler": 2, "bundeskanzler": 2.5, "minister": 1,
        "bundestag": 2.5, "landtag": 2, "partei": 1.5, "wahl": 1.5, "wahlkampf": 2.5,
        "abgeordnete": 2, "koalition": 2, "wahler": 2,
    },
    ECONOMY: {
        "economie": 1.5, "entreprise": 1.2, "croissance": 1.5, "chomage": 1.5, "inflation": 2,
        "bourse": 2, "banque": 1.2, "marche": 0.8, "chiffre d affaires": 2.5, "investissement": 1.5,
        "wirtschaft": 1.5, "unternehmen": 1.2, "wachstum": 1.5, "arbeitslosigkeit": 1.5,
        "borse": 2, "umsatz": 2, "konzern": 1.5, "aktie": 2, "zinsen": 2, "investition": 1.5,
    },
    CRIME: {
        "police": 1, "enquete": 1.5, "tribunal": 2, "proces": 1.5, "condamne": 2, "meurtre": 2.5,
        "arrete": 1, "gendarmerie": 2, "parquet": 2, "suspect": 1.5,
        "polizei": 1.5, "ermittlung": 2, "gericht": 1.5, "prozess": 1.2, "verurteilt": 2.5,
        "mord": 2.5, "festgenommen": 2.5, "staatsanwaltschaft": 2.5, "verdachtig": 2, "taeter": 2,
        "tater": 2,
    },
    CONFLICT: {
        "guerre": 2.5, "armee": 1.5, "soldat": 1.5, "bombardement": 2.5, "frappe": 1.5, "rebelle": 2,
        "cessez le feu": 3, "offensive": 2, "militaire": 1.2, "attentat": 2.5,
        "krieg": 2.5, "soldaten": 1.5, "angriff": 1.5, "rebellen": 2,
        "waffenruhe": 3, "militar": 1.2, "truppen": 2, "bundeswehr": 2, "anschlag": 2.5,
    },
    SPORT: {
        "match": 1, "equipe": 1.2, "championnat": 2, "entraineur": 2, "un but": 0.8, "joueur": 1.5,
        "mannschaft": 1.5, "spiel": 1, "meisterschaft": 2, "trainer": 1, "ein tor": 1, "spieler": 1.5,
        "bundesliga": 3, "ligue 1": 3,
    },
    HEALTH: {
        "sante": 2, "hopital": 1.5, "maladie": 2, "medecin": 1.5, "patient": 1.2, "vaccin": 2,
        "gesundheit": 2, "krankenhaus": 1.5, "krankheit": 2, "arzt": 1.5, "patienten": 1.2,
        "impfung": 2,
    },
    SCIENCE: {
        "chercheur": 2, "scientifique": 2, "recherche": 1.2, "etude": 1, "technologie": 1.5,
        "forscher": 2, "wissenschaftler": 2, "forschung": 1.5, "studie": 1,
    },
    ENVIRONMENT: {
        "climat": 2, "rechauffement": 2, "pollution": 2, "environnement": 2, "biodiversite": 2.5,
        "klima": 2, "klimawandel": 3, "umwelt": 2, "erwarmung": 2, "artensterben": 2.5,
    },
    DISASTER: {
        "inondation": 2.5, "seisme": 3, "incendie": 2, "crue": 2.5, "sinistre": 1.5, "secours": 1.5,
        "hochwasser": 3, "uberschwemmung": 3, "erdbeben": 3, "einen brand": 1.5, "der brand": 1.5,
        "katastrophe": 2, "rettungskrafte": 2.5, "pegel": 2, "flut": 2.5,
    },
    WEATHER: {
        "meteo": 2.5, "tempete": 2, "pluie": 1.5, "canicule": 2.5,
        "wetter": 2.5, "unwetter": 2.5, "regen": 1.2, "hitzewelle": 2.5, "sturm": 1.5,
    },
    ARTS: {
        "cinema": 1.5, "festival": 1.2, "musique": 1.5, "exposition": 1.5, "livre": 1, "theatre": 1.5,
        "kino": 1.5, "musik": 1.5, "ausstellung": 1.5, "buch": 1, "theater": 1.5,
    },
}  # fmt: skip
