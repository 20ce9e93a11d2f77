"""IPTC Media Topics vocabulary: codes, labels and the weighted terms that evidence the 17
top-level topics (their finer subjects are in `topic_subjects`).

Data only; `topics.py` does the scoring. Codes and English labels are IPTC's (NewsCodes Media
Topic, cv.iptc.org/newscodes/mediatopic, CC BY 4.0). Each top-level topic's terms follow IPTC's own
tree under it: the second- and third-level topics' labels and what their definitions name, in the
words news writes them ("economy, business and finance" covers the economic sectors, so carmakers,
airlines, retailers and farmers; "society" covers demographics and immigration; "labour" covers
wages, unions, hiring and retirement), never words taken from one annotated page.

Terms are matched on word stems (see `topics.stem`), so "flood" covers "floods", "flooded" and
"flooding"; multi-word terms match as phrases. Weights: 2-3 for a term that alone says the topic
("airstrike", "touchdown", "interest rate"), 1-1.5 for a typical word, below 1 for a word with
other common meanings ("strike", "attack", "court"). A word whose stem is another common word
is left out or written as a phrase: "cooking" stems to "cook" (a surname), "fire" to "fir" (as
"fired" does), "wine" to "win", "dating" to "dat", "mining" to "min" (as "mine" does),
"programming" to "program", "boxing" to "box", "rape" to "rap", "hiking" to "hik" (a price
hike), "inning" to "inn", "care" to "car", "pope" to "pop", "camping" to "camp", "parenting" to
"parent" (a parent company); "hail" is also "hailed", "shelling" also a shell, "cases" any case.
Such collisions were found by listing, for every term, the words of the two extraction corpora
(AEB and WCXB bodies, 2026-12-02) that share its stem.
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


def top(number: str, label: str, terms: dict[str, float]) -> TopicEntry:
    return TopicEntry(f"medtop:{number}", label, None, terms)


def sub(number: str, label: str, parent: str, terms: dict[str, float]) -> TopicEntry:
    return TopicEntry(f"medtop:{number}", label, f"medtop:{parent}", terms)


ARTS, CRIME, DISASTER, ECONOMY = "01000000", "02000000", "03000000", "04000000"
EDUCATION, ENVIRONMENT, HEALTH, HUMAN_INTEREST = "05000000", "06000000", "07000000", "08000000"
LABOUR, LIFESTYLE, POLITICS, RELIGION = "09000000", "10000000", "11000000", "12000000"
SCIENCE, SOCIETY, SPORT, CONFLICT, WEATHER = "13000000", "14000000", "15000000", "16000000", "17000000"

TOP_LEVEL: Final[tuple[TopicEntry, ...]] = (
    top(ARTS, "arts, culture, entertainment and media", {
        "film": 1, "movie": 1.2, "cinema": 1.2, "box office": 2, "album": 1.5, "song": 1, "singer": 1.2,
        "concert": 1.5, "band": 0.5, "music": 1, "musician": 1.5, "actor": 0.6, "actress": 1.5,
        "director": 0.3, "festival": 0.8, "museum": 1.2, "exhibition": 1.2, "gallery": 1, "artist": 1,
        "painting": 1, "novel": 1.2, "author": 0.5, "book": 0.6, "theatre": 1.2, "theater": 1.2,
        "oscar": 2, "grammy": 2, "hollywood": 1.5, "netflix": 1, "tv series": 1.5, "television": 0.6,
        "broadcaster": 0.6, "box-office": 2,
        "entertainment": 1.2, "reality show": 2, "reality tv": 2, "talent show": 2, "tv show": 1.5,
        "sitcom": 2, "episode": 1.2, "contestant": 1.5, "dancer": 1.2, "dancing": 1, "ballroom": 1.5,
        "voted off": 1.5, "showbiz": 2,
        # IPTC: animation, dance, literature, music styles, opera, visual arts, heritage, mass media.
        "animation": 1.2, "cartoon": 1.2, "ballet": 2, "choreographer": 2, "literature": 1.5,
        "literary": 1.5, "poetry": 2, "poet": 2, "novelist": 2, "opera": 2, "orchestra": 2,
        "symphony": 2, "jazz": 1.5, "rapper": 1.5, "pop star": 2, "rock band": 2, "sculpture": 2,
        "sculptor": 2, "photography": 1.2, "architecture": 1, "heritage site": 2, "culture": 0.6,
        "cultural": 0.6, "newspaper": 1.2, "journalism": 1.5, "journalist": 0.8, "publisher": 1,
        "magazine": 1, "radio": 0.8, "podcast": 1, "broadcast": 0.8, "newsroom": 1.5,
        "documentary": 1.5, "filmmaker": 2, "screenplay": 2, "comedian": 1.5, "comedy": 1.2,
        "emmy": 2, "golden globe": 2, "red carpet": 1.5, "streaming service": 1.5,
    }),
    top(CRIME, "crime, law and justice", {
        "police": 1, "arrest": 1.2, "arrested": 1.2, "crime": 1.5, "criminal": 1.2, "murder": 1.5,
        "suspect": 1.2, "prosecutor": 1.5, "prosecution": 1.2, "court": 0.8, "judge": 1, "trial": 1,
        "jury": 1.5, "verdict": 1.5, "sentenced": 1.5, "prison": 1.2, "jail": 1.2, "charged with": 1.2,
        "criminal charges": 1.5, "faces charges": 1.2, "facing charges": 1.2,
        "lawsuit": 1.2, "lawyer": 0.8, "attorney": 0.8, "indictment": 1.5, "convicted": 1.5,
        "guilty": 1.2, "investigation": 0.5, "fraud": 1.2, "theft": 1.2, "robbery": 1.5, "detained": 0.8,
        "supreme court": 1.2, "appeal": 0.4,
        "trafficking": 1.5, "drug trafficking": 2.5, "trafficker": 1.5, "smuggling": 1.5,
        "smuggler": 1.5, "cartel": 1.5, "narcotics": 1.5, "drug seizure": 2, "seized": 1,
        "border patrol": 1, "contraband": 1.5,
        # IPTC crime: arson, assault, computer crime, kidnapping, organised crime, vandalism...
        "arson": 2, "assault": 1.2, "sexual assault": 2.5, "rapist": 2, "kidnapping": 2, "kidnapped": 2,
        "abduction": 2, "abducted": 1.5, "cybercrime": 2, "burglary": 2, "vandalism": 2, "gang": 1,
        "gunman": 1.5, "stabbing": 1.5, "stabbed": 1.5, "shooting": 0.8, "money laundering": 2.5,
        "organised crime": 2.5, "organized crime": 2.5, "mafia": 2, "felony": 2, "misdemeanor": 2,
        # ...and justice: pleas, sentences, courts, prisons; law enforcement.
        "pleaded guilty": 2.5, "pleads guilty": 2.5, "plead guilty": 2.5, "plea deal": 2,
        "sentencing": 1.5, "life sentence": 2, "prison sentence": 2, "parole": 1.5, "probation": 1.2,
        "inmate": 1.5, "death penalty": 2, "extradition": 2, "warrant": 1, "sued": 1.2,
        "litigation": 1.2, "allegation": 0.8, "district attorney": 1.5, "attorney general": 1,
        "justice department": 1.2, "sheriff": 1, "detective": 1.5, "crime scene": 2, "forensic": 1.2,
        "police officer": 1, "prosecuted": 1.5,
    }),
    top(DISASTER, "disaster, accident and emergency incident", {
        "disaster": 1.5, "accident": 1.2, "crash": 1, "collision": 1.2, "derail": 1.5, "rescue": 1,
        "rescuer": 1.5, "survivor": 0.8, "emergency service": 1.5, "evacuate": 1.2, "evacuation": 1.2,
        "death toll": 1.5, "casualties": 0.6, "collapse": 0.6, "search and rescue": 2, "firefighter": 1.2,
        "blaze": 1, "explosion": 0.6, "emergency": 0.5, "injured": 0.4, "debris": 0.8, "rubble": 1.2,
        # IPTC: avalanche, famine, landslide, tsunami, drowning, industrial accident, emergency
        # planning and response.
        "avalanche": 2.5, "landslide": 1, "mudslide": 2.5, "tsunami": 3, "famine": 2, "drowned": 1.5,
        "drowning": 1.5, "wildfire": 2, "fire danger": 2, "fire risk": 1.5, "fire crew": 2,
        "red flag warning": 2, "power outage": 1.2, "first responder": 1.5, "state of emergency": 2,
        "fema": 2, "industrial accident": 3, "gas leak": 2, "chemical spill": 2, "emergency landing": 2,
        "evacuation order": 2.5, "emergency management": 2, "trapped": 0.8,
    }),
    top(ECONOMY, "economy, business and finance", {
        "economy": 1.5, "economic": 1, "economist": 1.2, "market": 0.6, "investor": 1.2, "share": 0.4,
        "stock": 0.8, "stock market": 1.5, "bond": 0.6, "company": 0.5, "firm": 0.4, "revenue": 1.2,
        "profit": 1.2, "earnings": 1.2, "billion": 0.4, "gdp": 2, "growth": 0.5, "bank": 0.6,
        "price": 0.5, "trade": 0.6, "export": 1, "import": 0.6, "currency": 1.2, "dollar": 0.5,
        "euro": 0.5, "business": 0.6, "industry": 0.6, "ceo": 0.8, "quarter": 0.4, "sales": 0.6,
        "budget": 0.5, "debt": 0.8, "tax": 0.6, "oil price": 1.5, "shareholder": 1.2,
        "automaker": 2, "carmaker": 2, "auto industry": 2, "car sales": 2, "dealership": 1.5,
        # IPTC economic sectors: agriculture, construction and property, consumer goods, energy,
        # financial services, manufacturing (automotive, aerospace), retail, transport, media.
        "agriculture": 1.2, "farmer": 1, "crop": 1, "harvest": 1, "real estate": 1.5,
        "housing market": 2, "mortgage": 1.5, "retail": 1.2, "retailer": 1.5, "consumer": 0.8,
        "consumer spending": 2, "e-commerce": 1.5, "brand": 0.6, "crude oil": 1.5, "opec": 2,
        "banking": 1.2, "banker": 1.2, "lender": 1.5, "loan": 1, "insurer": 1.5, "insurance": 0.8,
        "investment": 1, "hedge fund": 2, "private equity": 2, "venture capital": 2,
        "funding round": 2, "valuation": 1.5, "ipo": 2, "initial public offering": 2.5,
        "stock exchange": 2, "wall street": 1.5, "nasdaq": 1.5, "share price": 2, "analyst": 1,
        "airline": 1.2, "aerospace": 1, "aircraft": 0.6, "manufacturer": 1.2, "manufacturing": 1.2,
        "factory": 1, "automotive": 2, "vehicle": 0.5, "sedan": 1, "suv": 1,
        "auto show": 2, "motor show": 2, "showroom": 1.5, "dealer": 1, "horsepower": 1.2,
        "mining company": 1.5, "miner": 1, "steel": 1, "supply chain": 1.5, "logistics": 1.2, "freight": 1.2,
        "customer": 0.8, "supplier": 1.2, "market share": 2, "competitor": 1, "entrepreneur": 1.5,
        "chief executive": 1, "executive": 0.6, "cfo": 1.5, "subsidiary": 1.5, "franchise": 0.8,
        "net income": 2, "fiscal": 1.2, "financial": 0.8, "finance": 1, "pricing": 1,
        "bankruptcy": 2, "commodity": 1.5, "cryptocurrency": 1.5, "bitcoin": 1.5, "fintech": 2,
        "telecom": 1.2, "wholesale": 1.5, "drugmaker": 2, "advertising": 1, "advertiser": 1.5,
        "marketing": 1, "subscriber": 1, "startup": 0.6, "restaurant chain": 2,
    }),
    top(EDUCATION, "education", {
        "school": 1, "pupil": 1.5, "student": 1, "teacher": 1.2, "university": 0.8, "college": 0.6,
        "curriculum": 1.5, "exam": 1.2, "education": 1.5, "classroom": 1.5, "tuition": 1.5,
        "graduate": 0.6, "kindergarten": 1.5, "campus": 0.8,
        # IPTC: schools and their levels, teaching and learning, vocational education.
        "teaching": 1.2, "tutor": 1.5, "school district": 2, "school board": 2, "superintendent": 1.5,
        "educator": 1.5, "enrollment": 1.2, "enrolment": 1.2, "academic": 0.8, "professor": 0.8,
        "semester": 1.5, "literacy": 1.5, "homework": 1.5, "preschool": 2, "vocational": 1.5,
        "scholarship": 1.5, "student loan": 2, "test score": 1.5, "undergraduate": 1.5,
        "high school": 1.2, "middle school": 1.5, "elementary school": 1.5, "primary school": 1.5,
        "secondary school": 1.5,
    }),
    top(ENVIRONMENT, "environment", {
        "environment": 1, "environmental": 1.2, "pollution": 1.5, "emission": 1.2, "carbon": 1,
        "climate": 1.2, "biodiversity": 2, "wildlife": 1.2, "species": 1, "deforestation": 2,
        "conservation": 1.2, "ecosystem": 1.5, "greenhouse gas": 2, "renewable": 1.2, "fossil fuel": 1.5,
        "plastic": 0.6, "recycling": 1.2, "endangered": 1.2, "habitat": 1, "net zero": 1.5,
        # IPTC: natural resources, nature, waste, environmental policy.
        "natural resource": 2, "rainforest": 1.5, "forest": 0.8, "wetland": 1.5, "national park": 1.2,
        "coral reef": 2, "extinction": 1.5, "landfill": 1.5, "water quality": 2, "solar power": 1.5,
        "wind farm": 1.5, "wind power": 1.5, "clean energy": 1.5, "sustainability": 1.2,
        "sustainable": 1, "environmental protection": 2, "air pollution": 2, "nature": 0.6,
    }),
    top(HEALTH, "health", {
        "health": 1, "hospital": 1, "patient": 1.2, "doctor": 1, "nurse": 1, "disease": 1.5,
        "virus": 1.2, "infection": 1.2, "vaccine": 1.5, "vaccination": 1.5, "medical": 1,
        "medicine": 1, "treatment": 0.6, "cancer": 1.5, "symptom": 1.2, "outbreak": 1.2,
        "clinical": 1.2, "drug": 0.5, "health ministry": 1, "covid": 2, "pandemic": 1.5, "obesity": 1.5,
        "mental health": 1.5,
        "public health": 2, "health department": 1.5, "addiction": 1.5, "overdose": 1.5,
        "substance abuse": 2, "drug use": 1.5, "methamphetamine": 1.5, "meth": 1.2, "opioid": 1.5,
        "rehab": 1.2, "respiratory": 1.2, "lung": 1, "diagnosis": 1.2, "diagnosed": 1.2,
        # IPTC: diseases and conditions, treatments and procedures, the medical profession, health
        # care and insurance.
        "illness": 1.5, "physician": 1.5, "clinic": 1.2, "surgery": 1.5, "surgeon": 1.5,
        "medication": 1.5, "prescription": 1.2, "pharmacy": 1.2, "therapy": 1, "anxiety": 1,
        "dementia": 2, "alzheimer": 2, "diabetes": 2, "heart disease": 2, "blood pressure": 2,
        "immune": 1.2, "asthma": 1.5, "allergy": 1.5, "healthcare": 1.5, "health care": 1.5,
        "medicaid": 1.5, "medicare": 1.5, "health insurance": 2, "nutrition": 1.2,
        "weight loss": 1.5, "mortality": 1, "life expectancy": 2, "infectious": 1.5, "bacteria": 1.2,
        "pathogen": 1.5, "influenza": 2, "flu": 1.5, "hiv": 2, "malaria": 2, "tuberculosis": 2,
        "pneumonia": 2, "plague": 1.5, "physical health": 2, "brain": 0.6, "chronic": 0.8,
    }),
    top(HUMAN_INTEREST, "human interest", {
        "celebrity": 1.5, "royal family": 1.5, "wedding": 1, "birthday": 1, "anniversary": 0.6,
        "zoo": 1.5, "pet": 0.8, "centenarian": 2, "heartwarming": 2, "viral video": 1.5,
        # IPTC: awards and prizes, ceremonies, royalty, records and achievements, people, animals.
        "award": 0.8, "prize": 0.8, "ceremony": 0.8, "royal": 1.2, "prince": 1, "princess": 1.2,
        "duchess": 1.5, "monarchy": 1.2, "world record": 1.5, "puppy": 1.2, "kitten": 1.2, "dog": 0.5,
        "miscarriage": 1, "pregnant": 0.6, "divorce": 1, "obituary": 1.5,
        # ...and IPTC's "people", "human mishap" and "high society": the personal, emotional story.
        "oldest": 0.6, "world's oldest": 1.5, "record holder": 1.5, "guinness": 2, "grandmother": 0.6,
        "grandfather": 0.6, "granddaughter": 0.6, "grandson": 0.6, "reunited": 1.2, "went viral": 2,
        "bucket list": 1.5, "kindness": 1.2, "good samaritan": 2, "mishap": 1.5, "socialite": 2,
        "accomplishment": 0.8, "milestone": 0.6,
    }),
    top(LABOUR, "labour", {
        "worker": 1, "employee": 0.8, "union": 0.6, "trade union": 1.5, "wage": 1.2, "salary": 1,
        "unemployment": 1.5, "job": 0.6, "layoff": 1.5, "labour": 1.2, "labor": 1.2, "walkout": 1.5,
        "strike": 0.5, "pension": 0.8, "minimum wage": 2, "employer": 1, "workforce": 1.2,
        # IPTC: employment, wages and benefits, labour relations, the labour market, retirement.
        "pay raise": 2, "pay rise": 2, "better pay": 2, "collective bargaining": 3, "labor union": 2,
        "labour union": 2, "teachers union": 2, "union member": 2, "on strike": 2, "picket": 2,
        "laid off": 2, "job cut": 2, "job loss": 2, "hiring": 1.2, "workplace": 1.2,
        "remote work": 1.5, "retirement": 1, "retiree": 1.2, "jobs report": 2.5,
        "unemployment rate": 2, "jobless": 1.5, "labor market": 2.5, "labour market": 2.5,
        "job market": 2, "employment": 1.2, "paycheck": 1.5, "gig worker": 2, "gig economy": 2,
        "labor shortage": 2, "labour shortage": 2, "staff shortage": 2, "job training": 2,
        "child labour": 3, "child labor": 3, "apprenticeship": 1.2, "career": 0.6,
    }),
    top(LIFESTYLE, "lifestyle and leisure", {
        "travel": 1, "tourist": 1, "tourism": 1.2, "holiday": 0.8, "restaurant": 1.2, "recipe": 2,
        "chef": 1.2, "fashion": 1.2, "hotel": 0.8, "vacation": 1.2, "wellness": 1.5, "hobby": 1.5,
        "garden": 0.8, "shopping": 0.8, "gaming": 1, "video game": 1.5, "console": 1, "gamer": 1.2,
        # IPTC: leisure (games, hobbies, outdoor recreation, travel), lifestyle (food and drink,
        # house and home), wellness.
        "cuisine": 1.5, "culinary": 1.5, "cookbook": 2, "dining": 1.2, "cocktail": 1.2,
        "home decor": 2, "interior design": 1.5, "gardening": 1.5, "hiker": 1.5, "hiking trail": 2,
        "campsite": 1.5,
        "cruise": 1, "itinerary": 1.5, "traveler": 1.2, "traveller": 1.2, "resort": 1,
        "leisure": 1.2, "lifestyle": 1.2, "yoga": 1.5, "workout": 1.2, "skincare": 1.5,
        "makeup": 1.2, "gambling": 1.2, "casino": 1.2, "board game": 2,
    }),
    top(POLITICS, "politics", {
        "government": 1, "minister": 1, "president": 0.6, "parliament": 1.5, "lawmaker": 1.5,
        "legislation": 1.2, "bill": 0.4, "vote": 0.8, "voter": 1.2, "election": 1.5, "campaign": 0.6,
        "party": 0.5, "opposition": 1, "senate": 1.2, "congress": 1, "politician": 1.5, "political": 1,
        "policy": 0.6, "diplomat": 1.2, "diplomatic": 1.2, "sanction": 1.2, "cabinet": 1,
        "prime minister": 1, "summit": 1, "foreign minister": 1.2, "referendum": 1.5, "coalition": 0.8,
        "regime": 0.8, "democracy": 1.2, "constitution": 1, "ministry": 1, "interior minister": 1,
        "neo-nazi": 1, "far-right": 1.2, "extremist": 0.8,
        # IPTC: government and its heads, parties and the political process, legislatures,
        # international relations, fundamental rights.
        "republican": 1.2, "democrat": 1.2, "gop": 2, "tory": 1.5, "white house": 1.5,
        "kremlin": 1.5, "downing street": 1.5, "capitol hill": 1.5, "administration": 0.8,
        "governor": 1.2, "mayor": 1, "senator": 1.5, "congressman": 1.5, "congresswoman": 1.5,
        "legislator": 1.5, "statehouse": 1.5, "city council": 1.5, "impeachment": 2.5, "impeach": 2,
        "partisan": 1.5, "bipartisan": 1.5, "caucus": 1.5, "pollster": 1.5, "presidency": 1.5,
        "presidential": 1.2, "ruling party": 2, "opposition party": 2, "secretary of state": 1.5,
        "state department": 1.5, "foreign policy": 2, "united nations": 1, "security council": 2,
        "brexit": 2, "treaty": 1, "veto": 1.5, "executive order": 2, "federal government": 1.5,
        "politics": 1.5, "civil rights": 1, "freedom of speech": 1.5, "censorship": 1.2,
        "dissident": 1.5, "lobbying": 1.5, "lobbyist": 1.5, "conservative": 0.6, "liberal": 0.6,
    }),
    top(RELIGION, "religion", {
        "church": 1.2, "mosque": 1.5, "synagogue": 1.5, "temple": 1, "pontiff": 2, "papal": 2, "bishop": 1.5,
        "imam": 1.5, "rabbi": 1.5, "religious": 1.2, "religion": 1.5, "faith": 1, "worship": 1.5,
        "prayer": 1, "muslim": 0.8, "christian": 0.8, "jewish": 0.8, "catholic": 1, "vatican": 1.5,
        "ramadan": 1.5, "easter": 0.8, "christmas": 0.5, "clergy": 1.5, "pilgrim": 1.5,
        # IPTC: belief systems, religious leaders, facilities, festivals and texts.
        "congregation": 1.5, "parish": 1.5, "priest": 1.5, "pastor": 1.2, "evangelical": 1.2,
        "islam": 1.5, "islamic": 1, "hindu": 1, "buddhist": 1.2, "theology": 2, "bible": 1.5,
        "quran": 2, "sermon": 2, "blasphemy": 2, "cathedral": 1.2, "archbishop": 2, "diocese": 2,
        "pilgrimage": 1.5, "religious leader": 2,
    }),
    top(SCIENCE, "science and technology", {
        "scientist": 1.5, "research": 0.8, "researcher": 1.2, "study": 0.5, "laboratory": 1.2,
        "technology": 1, "tech": 0.8, "software": 1.2, "artificial intelligence": 2, "algorithm": 1.2,
        "smartphone": 1.2, "app": 0.6, "internet": 0.8, "space": 0.5, "nasa": 1.5, "satellite": 1,
        "rocket": 0.8, "astronaut": 2, "physics": 1.5, "chemistry": 1.5, "biology": 1.5,
        "experiment": 1.2, "data": 0.4, "chip": 0.8, "semiconductor": 1.5, "cyber": 1, "digital": 0.5,
        "computer": 1, "startup": 0.8, "platform": 0.4, "cloud": 0.3, "streaming": 0.8,
        "laptop": 1.2, "processor": 1.2, "gadget": 1.2, "hardware": 1.2, "operating system": 1.5,
        "bluetooth": 1.2, "touchscreen": 1.2, "wireless": 0.8, "device": 0.5, "electric vehicle": 1.2,
        "keyboard": 1.2, "notebook": 0.6, "iphone": 1.5, "ipad": 1.5, "macbook": 2, "macos": 2,
        "ios": 1.5, "android": 1.2, "cpu": 1.5, "gpu": 1.5, "ssd": 1.5, "tech giant": 1.5,
        "display": 0.4, "screen": 0.6, "battery": 0.6, "model": 0.3,
        # IPTC: natural sciences (astronomy, genetics, geology...), mathematics, research,
        # technology and engineering (computer science, AI, robotics, telecoms, electronics).
        "science": 1.2, "scientific": 1.5, "astronomy": 2, "astronomer": 2, "galaxy": 2,
        "telescope": 2, "planet": 1.2, "orbit": 1.2, "spacecraft": 2, "space agency": 2, "lunar": 1.5,
        "genetics": 1.5, "dna": 1.5, "genome": 2, "molecule": 1.5, "quantum": 1.5,
        "mathematics": 1.5, "mathematician": 2, "geology": 2, "geologist": 2, "fossil": 1.2,
        "dinosaur": 2, "archaeology": 2, "archaeologist": 2, "neuroscience": 2, "peer-reviewed": 2,
        "engineering": 1, "robot": 1.5, "robotics": 1.5, "machine learning": 2, "ai": 1.2,
        "language model": 2, "llm": 2, "chatbot": 2, "neural network": 2, "generative ai": 2,
        "programmer": 1.5, "open source": 1.5, "cybersecurity": 1.5,
        "encryption": 1.5, "malware": 1.5, "browser": 1, "broadband": 1.2, "electronics": 1.2,
        "chipmaker": 2, "wearable": 1.5, "smartwatch": 1.5, "virtual reality": 1.5,
        "augmented reality": 1.5, "biotechnology": 2, "nanotechnology": 2,
    }),
    top(SOCIETY, "society", {
        "poverty": 1.5, "homeless": 1.5, "homelessness": 1.5, "inequality": 1.5, "discrimination": 1.5,
        "racism": 1.5, "gender": 1, "lgbt": 1.5, "welfare": 1, "migrant": 1.2, "immigration": 1.2,
        "asylum": 1.2, "refugee": 1, "charity": 1, "volunteer": 0.8, "community": 0.4,
        "human rights": 1, "social media": 0.8, "family": 0.3, "children": 0.3,
        # IPTC: demographics and migration, discrimination and diversity, family, social
        # conditions and problems, values, welfare.
        "immigrant": 1.2, "undocumented": 1.5, "deported": 2, "deportation": 2, "deportee": 2,
        "emigration": 1.5, "visa": 0.8, "citizenship": 1.2, "population": 0.8, "census": 1.5,
        "demographic": 1.2, "birth rate": 2, "abortion": 2, "same-sex": 1.5, "transgender": 1.5,
        "lgbtq": 1.5, "women's rights": 2, "gender equality": 2, "racial": 1.2, "diversity": 1,
        "disability": 1.2, "disabled": 1.2, "elderly": 1, "parenthood": 1.5, "child care": 1.5,
        "childcare": 1.5, "foster care": 2, "social security": 1.2, "food bank": 2,
        "public housing": 2, "affordable housing": 1.5, "eviction": 1.5, "suicide": 1.2,
        "loneliness": 1.5, "ethics": 1, "nonprofit": 0.8, "philanthropy": 1.2, "social worker": 1.5,
    }),
    top(SPORT, "sport", {
        "match": 0.6, "goal": 0.6, "league": 1.2, "championship": 1.2, "tournament": 1.2, "coach": 1,
        "team": 0.6, "season": 0.5, "football": 1.5, "soccer": 1.5, "tennis": 1.5, "cricket": 1.5,
        "rugby": 1.5, "basketball": 1.5, "baseball": 1.5, "olympic": 1.5, "olympics": 1.5,
        "world cup": 1.5, "cup final": 2, "striker": 1.2, "midfielder": 2, "goalkeeper": 2,
        "scored": 0.8, "win": 0.4, "defeat": 0.6, "victory": 0.4, "athlete": 1.5, "stadium": 1,
        "medal": 1.2, "premier league": 2, "champions league": 2, "grand slam": 2, "formula one": 2,
        "player": 0.6, "fans": 0.6, "final": 0.4, "semi-final": 1.5, "quarter-final": 1.5,
        # IPTC: the competition disciplines, sport events, organisations and transactions.
        "sport": 1.5, "hockey": 1.5, "nhl": 2, "nfl": 2, "nba": 2, "mlb": 2, "fifa": 2, "uefa": 2,
        "golf": 1.5, "golfer": 2, "boxer": 1.5, "mma": 2, "ufc": 2, "cyclist": 1.2,
        "marathon": 1.2, "athletics": 1.5, "sprinter": 2, "swimmer": 1.2, "skier": 1.5,
        "volleyball": 2, "handball": 2, "motorsport": 2, "grand prix": 2, "nascar": 2,
        "quarterback": 2, "touchdown": 2.5, "linebacker": 2.5, "goalie": 2, "goaltender": 2.5,
        "pitcher": 1.2, "home run": 2, "playoff": 2, "postseason": 2, "preseason": 2,
        "head coach": 2, "squad": 1, "roster": 1.2, "draft pick": 2, "free agent": 1.5,
        "transfer window": 2.5, "kickoff": 1.5, "halftime": 2, "power play": 2, "referee": 2,
        "umpire": 2, "defenseman": 2.5, "winger": 2, "wide receiver": 2.5, "running back": 2,
        "game": 0.5, "olympian": 2, "paralympic": 2, "world championship": 2, "club": 0.5,
    }),
    top(CONFLICT, "conflict, war and peace", {
        "war": 1.5, "troop": 1.5, "military": 1, "army": 1.2, "soldier": 1.5, "force": 0.4,
        "fighting": 0.8, "fighter": 0.8, "rebel": 1.5, "militant": 1.5, "militia": 1.5, "offensive": 1,
        "frontline": 1.5, "front line": 1.5, "airstrike": 2, "air strike": 2,
        "missile": 1.2, "drone": 0.8, "bombing": 1.2, "bombardment": 2, "artillery": 1.5,
        "ceasefire": 2, "truce": 2, "invasion": 1.5, "occupation": 0.8, "combat": 1.2, "battle": 1,
        "killed": 0.4, "attack": 0.6, "weapon": 0.8, "insurgent": 1.5, "jihadist": 1.5,
        "hostage": 1, "siege": 1.5, "civilian": 0.8, "humanitarian": 0.6, "defence ministry": 1,
        "defense ministry": 1,
        # IPTC: armed conflict, civil unrest, prisoners of war, military occupation, peacekeeping.
        "armed forces": 1.5, "navy": 1.2, "air force": 1.2, "warship": 2, "fighter jet": 2,
        "nato": 1, "pentagon": 1.2, "defense secretary": 1.5, "defence secretary": 1.5,
        "military base": 2, "prisoner of war": 3, "killed in action": 3, "peacekeeper": 2,
        "peacekeeping": 2, "annexation": 2, "insurgency": 2, "guerrilla": 2, "paramilitary": 2,
        "security forces": 1.5, "martial law": 2.5, "displaced": 0.8, "protest": 0.6,
    }),
    top(WEATHER, "weather", {
        "weather": 1.5, "forecast": 0.8, "forecaster": 1.5, "temperature": 1, "rain": 1, "rainfall": 1.5,
        "snow": 1.2, "snowfall": 1.5, "storm": 1, "heatwave": 2, "heat wave": 2, "wind": 0.8,
        "meteorological": 2, "met office": 2, "celsius": 1, "fahrenheit": 1, "hurricane": 1.5,
        "typhoon": 1.5, "cyclone": 1.5, "drought": 1, "frost": 1.2, "thunderstorm": 1.5,
        "weather warning": 2, "sunshine": 1,
        # IPTC: weather forecasts, phenomena, statistics and warnings.
        "heat index": 2, "humidity": 1.5, "precipitation": 2, "drizzle": 1.5, "fog": 1.2,
        "sleet": 2, "blizzard": 2, "cold front": 2.5, "warm front": 2.5,
        "weather service": 2.5, "wind chill": 2, "meteorologist": 2,
    }),
)  # fmt: skip
