"""Hand-written vocabulary for actors: what news names that is no actor, parties, institutions.

Data only; `actors.py` and `institutions.py` apply it. Keys are written as news writes them and
folded (`names.fold`) where they are compared.
"""

from __future__ import annotations

from typing import Final

from newsfacet.enrich.names import fold

# Political parties in the forms news names them; a NORP span ("Democratic candidate",
# "Republicans") is then the party, an organisation.
PARTIES: Final[dict[str, str]] = {
    "Democrat": "Democratic Party",
    "Democrats": "Democratic Party",
    "Democratic": "Democratic Party",
    "Democratic Party": "Democratic Party",
    "Republican": "Republican Party",
    "Republicans": "Republican Party",
    "GOP": "Republican Party",
    "Republican Party": "Republican Party",
    "Labour": "Labour Party",
    "Labour Party": "Labour Party",
    "Tories": "Conservative Party",
    "Tory": "Conservative Party",
    "Conservatives": "Conservative Party",
    "Conservative Party": "Conservative Party",
    "Liberal Democrats": "Liberal Democrats",
    "Lib Dems": "Liberal Democrats",
    "Greens": "Green Party",
}

# Things that are neither actors nor places though the model names them so: celestial bodies,
# financial instruments and indices, commodities.
NOT_ENTITIES: Final = frozenset(
    {
        # celestial bodies
        "Sun", "Moon", "Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune",
        "Pluto", "Europa", "Ganymede", "Callisto", "Io", "Titan", "Enceladus", "Milky Way",
        "Andromeda", "Moon Europa", "Ceres", "Halley's Comet",
        # stock indices, tickers, benchmarks
        "Sensex", "Nifty", "Nifty 50", "S&P 500", "S&P", "Dow", "Dow Jones",
        "Dow Jones Industrial Average", "Nasdaq Composite", "FTSE", "FTSE 100", "DAX", "CAC 40",
        "Nikkei", "Nikkei 225", "Hang Seng", "Stoxx 600", "Euro Stoxx 50", "Russell 2000", "KOSPI",
        "Shanghai Composite", "MSCI World", "Bitcoin", "Ether", "Ethereum",
        # commodities and benchmarks named like places
        "Brent", "Brent crude", "West Texas Intermediate", "WTI",
        # acronyms of common nouns: technology, units, money, medicine, positions on a team
        "AI", "USB", "GPU", "CPU", "RAM", "SSD", "HDR", "LAN", "WiFi", "Wi-Fi", "GPS", "LED", "LCD",
        "OLED", "UHD", "EV", "EVs", "AWD", "RWD", "FWD", "MPG", "IPO", "GDP", "CPI", "ETF", "VR",
        "API", "PC", "PCs", "DNA", "HPV", "ICU", "GMT", "UTC", "ASAP", "PDF", "VPN", "NFT", "ECG",
        "MRI", "CT", "HIV", "RGB", "IPS", "RRP", "MSRP", "VAT", "FPS", "DVD", "VOD", "SMS", "LTE", "5G", "4G",
        "TD", "QB", "CB", "LB", "DL",
        # ... of software, the web and AI, as tech coverage, blogs and newsletters write them
        "UI", "UX", "SEO", "SEM", "PPC", "CTR", "UGC", "IoT", "FAQ", "FAQs", "DIY", "FYI", "IRL",
        "POV", "HTML", "CSS", "SQL", "JSON", "XML", "SVG", "CSV", "RSS", "URL", "HTTP", "HTTPS",
        "DNS", "SSH", "TLS", "CDN", "CMS", "SDK", "IDE", "CLI", "OCR", "ETL", "DOM", "TPU", "NPU",
        "QA", "ML", "AGI", "RL", "NLP", "LLM", "LLMs", "GenAI", "RAG", "MCP", "SaaS", "B2B", "B2C",
        "KPI", "KPIs", "ROI", "CRM", "ERP", "DevOps", "MLOps", "FinOps", "CAD", "BIM", "HVAC",
        "ESG", "DEI", "STEM", "PTO", "HR", "CFO", "CTO", "COO", "CMO", "CEO",
        # ... and of medicine and fitness
        "EEG", "EKG", "EHR", "BMI", "HIIT", "ADHD", "PTSD", "OCD",
        "AC", "IP", "AV", "CI", "YoY", "SIM", "HTML5", "Q&A",
        # programmes and laws, which the annotation rules keep out ("Medicaid")
        "Medicare", "Medicaid", "Obamacare", "GDPR", "HIPAA",
        # words of lists and offers that pages capitalise ("Pros", "Cons", "FREE")
        "Pros", "Cons", "FREE",
        # believers of a faith, named like a nationality ("Muslims"): a description, no group
        "Muslims", "Christians", "Jews", "Hindus", "Sikhs", "Buddhists", "Catholics", "Protestants",
        "Evangelicals", "Mormons", "Shiites", "Sunnis", "Shias", "Copts", "Atheists",
    }
)  # fmt: skip

# Products and platforms news names as if they acted ("Android lets users..."), also after their
# maker ("Amazon Alexa", "Google Chrome").
PRODUCTS: Final = frozenset(
    {
        "Android", "iOS", "macOS", "Windows", "Alexa", "Siri", "Cortana", "Chrome", "Gmail",
        "iPhone", "iPad", "iPod", "iMac", "MacBook", "MacBook Pro", "MacBook Air", "MacBooks",
        "AirPods", "AirPods Pro", "Apple Watch", "Kindle", "PlayStation", "Xbox", "Nintendo Switch",
        "Switch Lite", "Echo Dot", "Apple Pay", "Google Pay", "Photoshop", "iTunes", "iCloud",
        "iMessage", "iPadOS", "watchOS", "tvOS", "eBook", "eBooks", "iPhones", "iPads", "mRNA",
        "eSports", "eCommerce",
        # software, AI models and devices of the 2020s
        "ChatGPT", "GPT", "Claude", "Gemini", "Copilot", "Grok", "Llama", "PyTorch", "TensorFlow",
        "Kubernetes", "Linux", "Python", "JavaScript", "TypeScript", "Excel", "PowerPoint",
        "WordPress", "Bluetooth", "Chromecast", "Stadia", "HomePod", "Chromebook", "Chromebooks",
        "Power BI", "BigQuery", "QuickBooks", "Matplotlib",
    }
)  # fmt: skip
PRODUCT_KEYS: Final = frozenset(fold(name) for name in PRODUCTS)
NOT_ENTITY_KEYS: Final = frozenset(fold(name) for name in NOT_ENTITIES | PRODUCTS)

# Last words that make a capitalised name an event, a competition, a division, a work or an idea,
# not an actor: "Central Division", "Paris Air Show", "Vietnam War", "National Socialism".
NOT_ACTOR_LAST_WORDS: Final = frozenset(
    {
        "division", "conference", "festival", "show", "cup", "championship", "championships",
        "war", "awards", "award", "olympics", "games", "summit", "week", "day", "expo", "fair",
        "marathon", "tournament", "series", "season", "election", "elections", "caucuses",
        "primary", "act", "bill", "treaty", "accord", "agreement", "plan", "report", "index",
        "socialism", "communism", "fascism", "nazism", "capitalism", "islamism", "brexit",
        "pandemic", "crisis", "revolution", "spring", "final", "finals", "playoffs", "prix",
        # tours and prizes, diseases, works, rules, methods, software and courses: things named,
        # none of them acting ("Eras Tour", "Hilla Becher Prize", "Computer Vision Syndrome",
        # "Brain Disorders", "Digital Marketing Podcast", "Perceived Stress Scale", "Agent
        # Sandbox", "Graphic Design Certificate", "Winter Shoe Guide")
        "tour", "prize", "medal", "syndrome", "disease", "disorder", "disorders",
        "virus", "podcast", "album", "film", "movie", "documentary", "novel", "trilogy",
        "amendment", "directive", "regulation", "scale", "theory", "method", "framework", "app",
        "software", "cache", "sandbox", "course", "certificate", "certification",
        "guide", "checklist", "recipe",
    }
)  # fmt: skip
# First words of the names of storms, ships and operations ("Hurricane Melissa", "HMS Victory",
# "Operation Inherent Resolve"): no actors, whatever the words after them.
NOT_ACTOR_FIRST_WORDS: Final = frozenset(
    {"hurricane", "typhoon", "cyclone", "operation", "hms", "uss", "rms", "mv"}
)

# Well-known organisations under one name across articles, whatever the spelling.
ORGANIZATION_ALIASES: Final[dict[str, str]] = {
    "UN": "United Nations",
    "U.N.": "United Nations",
    "United Nations": "United Nations",
    "UN Security Council": "UN Security Council",
    "U.N. Security Council": "UN Security Council",
    "Security Council": "UN Security Council",
    "United Nations Security Council": "UN Security Council",
    "EU": "European Union",
    "E.U.": "European Union",
    "European Union": "European Union",
    "NATO": "NATO",
    "Nato": "NATO",
    "North Atlantic Treaty Organization": "NATO",
    "WHO": "World Health Organization",
    "World Health Organization": "World Health Organization",
    "World Health Organisation": "World Health Organization",
    "IMF": "International Monetary Fund",
    "International Monetary Fund": "International Monetary Fund",
    "ICC": "International Criminal Court",
    "International Criminal Court": "International Criminal Court",
    "Fed": "Federal Reserve",
    "US Federal Reserve": "Federal Reserve",
    "Federal Reserve": "Federal Reserve",
    "ECB": "European Central Bank",
    "European Central Bank": "European Central Bank",
    "IAEA": "International Atomic Energy Agency",
    "International Atomic Energy Agency": "International Atomic Energy Agency",
    "OPCW": "Organisation for the Prohibition of Chemical Weapons",
    "Organisation for the Prohibition of Chemical Weapons": (
        "Organisation for the Prohibition of Chemical Weapons"
    ),
    "Islamic State": "Islamic State",
    "IS": "Islamic State",
    "ISIS": "Islamic State",
    "ISIL": "Islamic State",
    "Daesh": "Islamic State",
}

# Words that make a name an organisation even when it ends in a person's surname.
ORGANIZATION_WORDS: Final = frozenset(
    {"inc", "ltd", "llc", "plc", "group", "party", "bank", "council", "ministry", "corporation", "corp"}
    | {"company", "foundation", "institute", "university", "hotels", "hotel", "fund", "committee"}
)

# Last words of sports club names the model sometimes types as a person.
CLUB_WORDS: Final = frozenset({"united", "city", "fc", "club", "rovers", "athletic", "wanderers", "hotspur"})
# Last words of a body's name that the model types as a person's ("Beth Roe Events", "Ava Labs",
# "Stedelijk Museum", "Wharton Online"): an organisation, whatever the model said.
BODY_LAST_WORDS: Final = frozenset(
    {"inc", "llc", "ltd", "corp", "group", "agency", "events", "media", "studios", "foundation"}
    | {"institute", "university", "school", "college", "hospital", "bank", "partners", "holdings"}
    | {"capital", "ventures", "labs", "technologies", "solutions", "consulting", "associates"}
    | {"company", "hotels", "resorts", "magazine", "society", "association", "council", "museum"}
    | {"gallery", "academy", "online"}
)

# Last words that keep "<maker> <words>" an organisation ("Walt Disney Co.", "Samsung Electronics",
# "Bloomberg News") where other words after a maker's name make a product ("Apple AirPods").
ORGANIZATION_LAST_WORDS: Final = ORGANIZATION_WORDS | frozenset(
    {"co", "holdings", "capital", "partners", "ventures", "labs", "technologies", "systems"}
    | {"electronics", "motors", "airlines", "airways", "energy", "pharmaceuticals", "healthcare"}
    | {"financial", "securities", "insurance", "news", "times", "post", "journal", "media", "studios"}
    | {"entertainment", "network", "networks", "channel", "america", "europe", "international"}
    | {"global", "services", "association", "agency", "department", "office", "board", "commission"}
    | {"school", "college", "hospital", "center", "centre", "clinic", "museum", "library", "press"}
    | {"police", "court", "team", "club", "records", "music", "books", "pictures", "foods", "brands"}
    | {"stores", "aerospace", "health", "research", "exchange", "trust", "union", "league", "democrats"}
    | {"republicans", "federation", "society", "authority", "administration", "government"}
    | {"navy", "army", "force", "forces", "guard", "marines", "corps", "parliament", "assembly"}
    | {"senate", "house", "congress", "cabinet", "embassy", "consulate", "mission", "bureau"}
)

# Last words of product names: models and editions ("Switch Lite", "AirPods Pro", "Disney Plus").
MODEL_WORDS: Final = frozenset(
    {"pro", "max", "plus", "lite", "mini", "ultra", "buds", "edition", "hybrid"}
    # body styles of a car model ("LC 500 Convertible", "LC Convertible Concept")
    | {"convertible", "coupe", "concept", "roadster", "hatchback", "sedan"}
)

# Words after a name that make it a company, whatever the model typed it ("Uber CEO Dara ...",
# "Chime co-founder", "SoFi shares").
COMPANY_NEXT_WORDS: Final = frozenset(
    {"ceo", "founder", "cofounder", "co", "shares", "shareholders", "stock", "app", "apps"}
)

# Nouns after a maker's name that make the phrase a product, not the maker acting ("a Ford sedan";
# but "a Navy jet" is the Navy's).
PRODUCT_NOUNS: Final = frozenset(
    {"sedan", "suv", "hatchback", "minivan", "smartphone", "smartphones", "laptop", "laptops"}
    | {"supercomputer", "telescope", "sneakers", "handset", "handsets", "tablet", "tablets"}
    | {"console", "consoles", "headphones", "earbuds", "smartwatch", "keyboard", "keyboards"}
    | {"airliner", "airliners", "chip", "chips", "lander", "landers", "rover", "rovers", "rocket"}
    | {"rockets", "spacecraft", "capsule", "satellite", "satellites"}
)

# Nouns of kinds that are no actor, after a name that is set before them ("the COTS program", "the
# Code Media conference") or in an apposition that says what the name is (", the U.S. military
# operation"): programmes, missions, events, parts, doses, securities and places. Not works ("the Howard
# Jones song" is the singer's).
NOT_ACTOR_HEADS: Final = (
    frozenset(
        {"program", "programs", "programme", "programmes", "mission", "missions", "initiative", "scheme"}
        | {"project", "effort", "operation", "conference", "summit", "festival", "keynote", "convention"}
        | {"expo", "exhibition", "grille", "strip", "strips", "pill", "pills", "trim", "variant"}
        # contests and prizes, software and its parts, devices, and fields of work ("the
        # Minesweeper challenge", "the Quillbox extension", "the AEC industry"; not "app" nor
        # "model": "Robinhood, the trading app" is the company, "Jane Roe, a fashion model" a person)
        | {"challenge", "challenges", "tournament", "race", "award", "awards", "prize", "ceremony"}
        | {"chatbot", "browser", "software", "update", "updates", "feature", "features"}
        | {"plugin", "extension", "subscription", "device", "devices", "industry"}
        | {"sector"}
        # securities named after their issuer ("U.S. Treasury yields", "Nikkei futures")
        | {"yields", "futures"}
        # places listed under their kind ("Orange and Riverside counties")
        | {"county", "counties", "provinces", "districts", "regions"}
    )
    | PRODUCT_NOUNS
)
# Nouns of machines, after which a name is the model ("its Dream Chaser vehicle", "the 737 Max
# jet") unless it is an organisation's ("his Navy jet", see `ORGANIZATION_LAST_WORDS`).
MACHINE_HEADS: Final = frozenset({"vehicle", "vehicles", "jet", "jets", "aircraft", "engine", "engines"})

# Platforms named after their company: organisations where the text names them ("posted on
# Twitter"), page furniture where it asks to share or follow ("Follow us on Facebook, Twitter").
PLATFORMS: Final = frozenset(
    {"Twitter", "Facebook", "Instagram", "YouTube", "WhatsApp", "TikTok", "Telegram", "Snapchat"}
    | {"LinkedIn", "Reddit", "Tumblr", "Pinterest", "Twitch"}
)
PLATFORM_KEYS: Final = frozenset(fold(name) for name in PLATFORMS)
# Companies news names every day that the small model misses or takes for places ("Netflix" and
# "Cisco" typed as countries, "Nvidia" and "Hulu" left untyped): organisations wherever the text
# writes them. Only names that are no common word, no place and no first name.
COMPANIES: Final = frozenset(
    {"Netflix", "Nvidia", "Cisco", "Hulu", "Shopify", "Tesla", "Anthropic", "OpenAI", "DeepMind"}
    | {"Spotify", "Airbnb", "Uber", "Lyft", "Qualcomm", "Salesforce", "PayPal", "eBay", "Etsy"}
    | {"Starbucks", "Walmart", "Costco", "Boeing", "Airbus", "Pfizer", "Moderna", "Samsung"}
    | {"Huawei", "Xiaomi", "Nintendo", "Microsoft", "Alphabet", "Disney", "Intel", "IBM", "Lenovo"}
    | {"Volkswagen", "Adidas", "PepsiCo", "JPMorgan", "Citigroup", "Coinbase", "Databricks"}
    | {"DeepSeek", "Palantir"}
)
