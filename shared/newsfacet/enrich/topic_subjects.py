"""IPTC Media Topics below the top level where news wording is distinctive: data only, in the
form of `topic_vocabulary` (whose docstring says how terms are matched and weighed). Each subject's
`parent` is its top-level topic (the field the `Topic` model defines), even where IPTC nests it
deeper; a subject's evidence also counts for its parent.
"""

from __future__ import annotations

from typing import Final

from newsfacet.enrich.topic_vocabulary import (
    CONFLICT,
    CRIME,
    DISASTER,
    ECONOMY,
    ENVIRONMENT,
    HEALTH,
    POLITICS,
    WEATHER,
    TopicEntry,
    sub,
)

SUBJECTS: Final[tuple[TopicEntry, ...]] = (
    # --- conflict, war and peace ----------------------------------------------------------------
    sub("20000053", "act of terror", CONFLICT, {
        "terror attack": 2.5, "terrorist attack": 2.5, "suicide bomber": 2.5, "suicide bombing": 2.5,
        "car bomb": 2, "terrorist": 1.2, "terrorism": 1.2, "jihadist": 1, "claimed responsibility": 1.5,
        "counter-terrorism": 1,
    }),
    sub("20000056", "armed conflict", CONFLICT, {
        "shelling": 1.2, "airstrike": 2, "air strike": 2, "artillery": 1.5, "frontline": 1.5,
        "front line": 1.5, "offensive": 1, "troop": 1, "rebel": 1.2, "militia": 1.2, "fighting": 0.8,
        "clash": 1, "bombardment": 2, "ground operation": 2, "military operation": 1.5, "siege": 1.2,
        "invasion": 1.5, "combat": 1, "battle": 0.8,
    }),
    sub("20000062", "war", CONFLICT, {
        "war": 1.5, "wartime": 2, "war crime": 1.5, "declared war": 2.5, "invasion": 1.2,
    }),
    sub("20000063", "civil war", CONFLICT, {"civil war": 3}),
    sub("20000065", "civil unrest", CONFLICT, {
        "protest": 1.2, "protester": 1.5, "demonstrator": 1.5, "riot": 2, "unrest": 2, "tear gas": 2,
        "rubber bullet": 2, "crackdown": 1, "uprising": 1.5, "rally": 0.6, "demonstration": 1,
    }),
    sub("20000070", "coup d'etat", CONFLICT, {
        "military coup": 3, "coup attempt": 3, "attempted coup": 3, "failed coup": 3, "staged a coup": 3,
        "junta": 2, "coup d'etat": 3, "putsch": 3,
    }),
    sub("20000071", "massacre", CONFLICT, {"massacre": 3, "genocide": 2.5, "mass killing": 2.5}),
    sub("20000073", "peace process", CONFLICT, {
        "peace talks": 3, "peace process": 3, "peace deal": 3, "peace plan": 3, "peace agreement": 3,
        "ceasefire": 2, "truce": 2, "negotiation": 1, "mediator": 1.5, "mediation": 1.5, "envoy": 1,
        "peace negotiations": 3, "armistice": 3,
    }),
    # --- crime, law and justice -----------------------------------------------------------------
    sub("20000099", "homicide", CRIME, {
        "murder": 2, "murdered": 2, "homicide": 3, "manslaughter": 3, "stabbed to death": 3,
        "shot dead": 2, "killer": 1.5,
    }),
    sub("20000093", "corruption", CRIME, {
        "corruption": 2.5, "bribery": 3, "bribe": 2.5, "embezzlement": 3, "kickback": 2.5,
    }),
    sub("20000103", "terrorism", CRIME, {
        "terrorism charge": 3, "terror charge": 3, "terrorist offence": 3, "terror plot": 2.5,
    }),
    sub("20000106", "judiciary", CRIME, {
        "court": 1, "judge": 1.2, "trial": 1.5, "verdict": 2, "jury": 2, "court ruling": 2, "appeal": 0.6,
        "supreme court": 2, "sentenced": 1.5, "acquitted": 2, "defendant": 2, "testified": 1.5,
    }),
    sub("20000129", "law enforcement", CRIME, {
        "police": 1.2, "arrest": 1.5, "arrested": 1.5, "detained": 1, "raid": 1, "officer": 0.6,
        "custody": 1.2, "investigator": 1, "manhunt": 2.5,
    }),
    # --- disaster, accident and emergency incident ----------------------------------------------
    sub("20000153", "earthquake", DISASTER, {
        "earthquake": 3, "quake": 2.5, "tremor": 1.5, "aftershock": 2.5, "magnitude": 1, "seismic": 1.5,
        "epicentre": 2.5, "epicenter": 2.5, "richter": 2.5,
    }),
    sub("20000154", "flood", DISASTER, {
        "flood": 2.5, "flooding": 2.5, "flash flood": 3, "floodwater": 3, "inundated": 2,
        "overflowing": 1.2, "burst its banks": 3, "submerged": 1.2, "waterlogged": 1.5, "monsoon": 1,
        "torrential": 1.5,
    }),
    sub("20000152", "drought", DISASTER, {"drought": 3, "water shortage": 2, "crop failure": 2}),
    sub("20000150", "fire", DISASTER, {
        "wildfire": 3, "bushfire": 3, "forest fire": 3, "blaze": 1.5, "firefighter": 1.5,
        "fire broke out": 2.5, "engulfed": 1.2, "burned": 0.6, "hectare": 1,
    }),
    sub("20000158", "windstorms", DISASTER, {
        "hurricane": 2.5, "typhoon": 2.5, "cyclone": 2.5, "tornado": 2.5, "storm surge": 2.5,
        "gust": 1.2, "landfall": 2.5,
    }),
    sub("20000159", "volcanic eruption", DISASTER, {
        "volcano": 3, "eruption": 2, "erupted": 2, "lava": 2.5, "ash cloud": 2.5,
    }),
    sub("20000143", "transport accident and incident", DISASTER, {
        "plane crash": 3, "train crash": 3, "derail": 3, "derailed": 3, "car crash": 2.5,
        "capsized": 3, "shipwreck": 3, "road accident": 3, "collision": 1.5, "crashed": 1.5,
    }),
    # --- economy, business and finance ----------------------------------------------------------
    sub("20000379", "money and monetary policy", ECONOMY, {
        "central bank": 2.5, "monetary policy": 3, "interest rate": 2.5, "rate hike": 3, "rate cut": 3,
        "federal reserve": 2, "quantitative easing": 3, "basis point": 2, "policymaker": 1.2,
        "money supply": 3, "european central bank": 2, "bank of england": 2, "ecb": 2,
    }),
    sub("20000370", "inflation", ECONOMY, {
        "inflation": 3, "consumer price": 2, "cost of living": 2, "deflation": 3, "price rise": 1.5,
    }),
    sub("20000383", "recession", ECONOMY, {
        "recession": 3, "economic downturn": 2.5, "contraction": 1.5, "slump": 1.2,
    }),
    sub("20000373", "international trade", ECONOMY, {
        "tariff": 2.5, "trade war": 3, "trade deal": 3, "trade agreement": 3, "export": 1, "import": 1,
        "trade deficit": 3, "free trade": 2.5, "customs duty": 2.5, "world trade organization": 2,
    }),
    sub("20000204", "merger or acquisition", ECONOMY, {
        "merger": 3, "acquisition": 2, "takeover": 2.5, "acquire": 1.5, "buyout": 2.5,
        "takeover bid": 3,
    }),
    # --- politics -------------------------------------------------------------------------------
    sub("20000574", "election", POLITICS, {
        "election": 2, "vote": 1, "voter": 1.5, "ballot": 2, "polling station": 3, "turnout": 2,
        "candidate": 1.5, "campaign": 0.8, "electoral": 2, "runoff": 2.5, "exit poll": 3,
        "polls open": 3, "re-election": 2.5, "presidential race": 2.5,
    }),
    sub("20000639", "diplomacy", POLITICS, {
        "diplomat": 1.5, "diplomatic": 1.5, "diplomacy": 2.5, "ambassador": 1.5, "summit": 1.2,
        "bilateral": 1.5, "foreign minister": 1.5, "embassy": 1.2, "held talks": 1.5, "envoy": 1,
    }),
    sub("20000642", "economic sanction", POLITICS, {
        "sanction": 2.5, "sanctions": 2.5, "embargo": 2.5, "asset freeze": 3, "blacklist": 1.5,
    }),
    sub("20000615", "parliament", POLITICS, {
        "parliament": 2, "lawmaker": 1.5, "mp": 1, "legislature": 2, "house of commons": 3,
        "senate": 1.5, "bill": 0.6, "parliamentary": 2, "congress": 1,
    }),
    sub("20000635", "nuclear policy", POLITICS, {
        "nuclear weapon": 3, "nuclear programme": 3, "nuclear program": 3, "uranium enrichment": 3,
        "enriched uranium": 3, "warhead": 2, "non-proliferation": 3, "nuclear deal": 3,
        "nuclear test": 3, "iaea": 2, "atomic energy agency": 2, "nuclear power": 1.5,
    }),
    # --- environment, health, weather -----------------------------------------------------------
    sub("20000418", "climate change", ENVIRONMENT, {
        "climate change": 3, "global warming": 3, "climate crisis": 3, "greenhouse gas": 2,
        "emission": 1.2, "net zero": 2, "paris agreement": 2.5, "cop28": 3, "cop29": 3, "carbon dioxide": 2,
    }),
    sub("20000424", "environmental pollution", ENVIRONMENT, {
        "pollution": 2.5, "pollutant": 2.5, "air quality": 2, "oil spill": 3, "contamination": 2,
        "toxic": 1, "smog": 2.5, "sewage": 2,
    }),
    sub("20000449", "epidemic", HEALTH, {
        "epidemic": 3, "pandemic": 3, "outbreak": 2, "confirmed cases": 2, "new cases": 1.5,
        "infection": 1.2, "virus": 1,
        "cholera": 2.5, "ebola": 2.5, "covid": 2.5, "measles": 2.5, "mpox": 2.5, "contagion": 2,
    }),
    sub("20001128", "weather forecast", WEATHER, {
        "forecast": 1.5, "forecaster": 2, "met office": 2, "meteorologist": 2, "outlook": 0.8,
    }),
    sub("20001131", "weather warning", WEATHER, {
        "weather warning": 3, "red alert": 2, "orange alert": 2, "amber warning": 3, "red warning": 3,
        "storm warning": 3, "heat warning": 3, "weather alert": 3,
    }),
)  # fmt: skip
