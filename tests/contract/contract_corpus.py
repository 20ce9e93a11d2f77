"""The contract suite's fixture corpus: 24 short, invented articles with a shared cast.

Every expectation in the suite is reasoned from this file, so the words queries use are placed
deliberately. Which articles contain which query word (anywhere searched: title, lede, text,
authors, actor/location names, topic labels, source):

    ceasefire(s)     c01 (title + lede + text twice: the obvious best hit) c02 c05 c06
    gaza             c05 c06
    talks            c03 ("peace talks", adjacent) c04 ("Talks ... peace", apart)
    negotiat*        c04
    vaccine(s)       c10 c11
    inflation        c13 c14
    São/Sao Paulo    c16 (accented text) c17 (plain text, accented location)
    António          c03 c10 (actor name only; texts say "Guterres" or spell it out in c03)
    elect*           c15 (elected) c16 (topic label "election") c18 (election)
    malware          c21 (text with a <script> element)
    okafor           c02 c11 (author)
    reuters          the Reuters articles only (source)
    summit           c14 c19

Published dates run from 2023-12-31 to 2024-04-20; c19 and c20 have none. c01 and c02 share the
exact same timestamp (ties break by id). c07 and c16 carry non-UTC offsets: c16 is 2024-03-31
23:00 in São Paulo, i.e. 2024-04-01 in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from newsfacet.model import Actor, Article, Dimension, Location, Origin, Topic

# --- the cast ------------------------------------------------------------------------------------

ASSAD = Actor(name="Bashar al-Assad", type="person", mentions=3, salience=0.8)
GUTERRES = Actor(name="António Guterres", type="person", mentions=2, salience=0.6)
MACRON = Actor(name="Emmanuel Macron", type="person", mentions=2, salience=0.7)
LULA = Actor(name="Lula da Silva", type="person", mentions=2, salience=0.7)
WHO = Actor(name="World Health Organization", type="organization", mentions=2, salience=0.5)
HAMAS = Actor(name="Hamas", type="group", mentions=2, salience=0.6)
BIDEN = Actor(name="Joe Biden", type="person", mentions=2, salience=0.6)


def _place(name: str, kind: str, cc: str | None, lat: float, lon: float) -> Location:
    return Location(name=name, kind=kind, country_code=cc, latitude=lat, longitude=lon, mentions=1)


SYRIA = _place("Syria", "country", "SY", 35.0, 38.0)
DAMASCUS = _place("Damascus", "city", "SY", 33.51, 36.29)
GAZA = _place("Gaza", "area", "PS", 31.5, 34.47)
GENEVA = _place("Geneva", "city", "CH", 46.2, 6.15)
PARIS = _place("Paris", "city", "FR", 48.86, 2.35)
FRANCE = _place("France", "country", "FR", 46.0, 2.0)
SAO_PAULO = _place("São Paulo", "city", "BR", -23.55, -46.63)
BRAZIL = _place("Brazil", "country", "BR", -10.0, -55.0)
USA = _place("United States", "country", "US", 39.8, -98.6)

CONFLICT = Topic(code="medtop:16000000", label="conflict, war and peace", score=0.9)
ARMED = Topic(code="medtop:20000053", label="armed conflict", score=0.7, parent="medtop:16000000")
POLITICS = Topic(code="medtop:11000000", label="politics", score=0.8)
ELECTION = Topic(code="medtop:20000065", label="election", score=0.6, parent="medtop:11000000")
HEALTH = Topic(code="medtop:07000000", label="health", score=0.8)
ECONOMY = Topic(code="medtop:04000000", label="economy, business and finance", score=0.8)

BRT = timezone(timedelta(hours=-3))
CET = timezone(timedelta(hours=1))


def _article(
    article_id: str,
    title: str,
    text: str,
    *,
    source: str | None,
    published_at: datetime | None,
    language: str | None = "en",
    actors: tuple[Actor, ...] = (),
    locations: tuple[Location, ...] = (),
    topics: tuple[Topic, ...] = (),
    authors: tuple[str, ...] = (),
    version: int = 1,
) -> Article:
    lede = text.split(". ", maxsplit=1)[0].rstrip(".") + "."
    return Article(
        id=article_id,
        version=version,
        title=title,
        text=text,
        lede=lede,
        url=f"https://news.example/{article_id}",
        source=source,
        authors=list(authors),
        published_at=published_at,
        language=language,
        word_count=len(text.split()),
        content_sha256=article_id.encode().hex().ljust(64, "0"),
        simhash="0123456789abcdef",
        actors=list(actors),
        locations=list(locations),
        topics=list(topics),
        ingested_at=datetime(2024, 5, 1, tzinfo=UTC),
        origin=Origin(bucket="raw", key=f"2024/{article_id}.html"),
    )


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


CORPUS: list[Article] = [
    _article(
        "c01",
        "Ceasefire holds in northern Syria",
        "A fragile ceasefire held overnight in northern Syria. Residents said the ceasefire was the "
        "first quiet night in months, and monitors reported no shelling along the front line.",
        source="Reuters",
        published_at=_utc(2024, 1, 3, 8),
        actors=(ASSAD,),
        locations=(SYRIA,),
        topics=(CONFLICT, ARMED),
    ),
    _article(
        "c02",
        "Damascus signals openness to monitors",
        "Officials in Damascus said monitors could observe the ceasefire in the north. The government "
        "of Bashar al-Assad has rejected such missions before.",
        source="AP",
        published_at=_utc(2024, 1, 3, 8),
        actors=(ASSAD,),
        locations=(SYRIA, DAMASCUS),
        topics=(CONFLICT, ARMED),
        authors=("Amara Okafor",),
    ),
    _article(
        "c03",
        "Geneva hosts new round of diplomacy",
        "Delegations met in Geneva as peace talks resumed after a long pause. Secretary-General "
        "António Guterres urged both sides to keep the momentum.",
        source="BBC",
        published_at=_utc(2024, 1, 5, 12),
        actors=(GUTERRES,),
        locations=(GENEVA,),
        topics=(CONFLICT,),
    ),
    _article(
        "c04",
        "Negotiations stall over prisoner exchange",
        "Talks stalled on Monday over a prisoner exchange, delegates in Geneva said. Lasting peace "
        "seems distant while negotiations on Syria drag on.",
        source="Reuters",
        published_at=_utc(2024, 1, 8, 9, 30),
        locations=(SYRIA, GENEVA),
        topics=(CONFLICT,),
    ),
    _article(
        "c05",
        "Mediators table a truce plan for Gaza",
        "Mediators presented a ceasefire proposal for Gaza. Hamas said it was studying the text, and "
        "Joe Biden called the plan serious.",
        source="AP",
        published_at=_utc(2024, 1, 14, 23, 30),
        actors=(HAMAS, BIDEN),
        locations=(GAZA,),
        topics=(CONFLICT,),
    ),
    _article(
        "c06",
        "Regional fighters watch the truce",
        "Fighters across the region watched the truce closely. Previous ceasefires in Gaza and in "
        "Syria collapsed within weeks, analysts noted, and Hamas remains wary of Assad.",
        source="BBC",
        published_at=_utc(2024, 1, 15, 0, 30),
        actors=(HAMAS, ASSAD),
        locations=(GAZA, SYRIA),
        topics=(CONFLICT, ARMED),
    ),
    _article(
        "c07",
        "Macron annonce une réforme des retraites",
        "Le président Emmanuel Macron a annoncé une réforme à Paris. Les syndicats préparent une "
        "grève nationale.",
        source="Le Monde",
        published_at=datetime(2024, 1, 20, 10, tzinfo=CET),
        language="fr",
        actors=(MACRON,),
        locations=(PARIS, FRANCE),
        topics=(POLITICS,),
    ),
    _article(
        "c08",
        "Damascus markets reopen",
        "Shops in the old city of Damascus reopened their shutters. Traders in Syria described a "
        "cautious return of customers.",
        source="BBC",
        published_at=_utc(2024, 1, 31, 23, 59, 59),
        actors=(ASSAD,),
        locations=(DAMASCUS, SYRIA),
        topics=(CONFLICT,),
    ),
    _article(
        "c09",
        "Le gouvernement face aux agriculteurs",
        "Les agriculteurs bloquent les routes autour de Paris. Emmanuel Macron promet des mesures.",
        source="Le Monde",
        published_at=_utc(2024, 2, 1),
        language="fr",
        actors=(MACRON,),
        locations=(PARIS, FRANCE),
        topics=(POLITICS,),
    ),
    _article(
        "c10",
        "Health agency backs new vaccine",
        "The World Health Organization endorsed a new vaccine against malaria. UN chief Guterres "
        "welcomed the decision in Geneva.",
        source="Reuters",
        published_at=_utc(2024, 2, 10, 7),
        actors=(WHO, GUTERRES),
        locations=(GENEVA,),
        topics=(HEALTH,),
    ),
    _article(
        "c11",
        "Clinics in Brazil expand vaccination",
        "Clinics across Brazil received vaccines for the dengue season. The health agency praised "
        "the rollout.",
        source="AP",
        published_at=_utc(2024, 2, 10, 15),
        actors=(WHO,),
        locations=(BRAZIL,),
        topics=(HEALTH,),
        authors=("Amara Okafor", "Luis Pereira"),
    ),
    _article(
        "c12",
        "Hospitals report a quieter winter",
        "Hospitals reported fewer admissions than last winter. The health agency credited masks and "
        "hand washing.",
        source="BBC",
        published_at=_utc(2024, 2, 29, 12),
        actors=(WHO,),
        topics=(HEALTH,),
    ),
    _article(
        "c13",
        "French inflation eases",
        "Inflation in France eased to its lowest level in two years. Emmanuel Macron welcomed the figures.",
        source="Reuters",
        published_at=_utc(2024, 3, 1, 9),
        actors=(MACRON,),
        locations=(FRANCE,),
        topics=(ECONOMY,),
    ),
    _article(
        "c14",
        "Central bankers meet at summit",
        "Central bankers gathered at a summit to discuss inflation. Joe Biden praised the Federal Reserve.",
        source="AP",
        published_at=_utc(2024, 3, 15, 14),
        actors=(BIDEN,),
        locations=(USA,),
        topics=(ECONOMY,),
    ),
    _article(
        "c15",
        "Biden campaign opens new offices",
        "The campaign opened offices in three swing states. Biden was elected four years ago on a "
        "narrow margin.",
        source="Reuters",
        published_at=_utc(2024, 3, 15, 18),
        actors=(BIDEN,),
        locations=(USA,),
        topics=(POLITICS, ELECTION),
    ),
    _article(
        "c16",
        "Eleições municipais em São Paulo",
        "Os eleitores de São Paulo escolhem o novo prefeito em outubro. Lula da Silva apoia o "
        "candidato do governo.",
        source="Folha",
        published_at=datetime(2024, 3, 31, 23, tzinfo=BRT),
        language="pt",
        actors=(LULA,),
        locations=(SAO_PAULO, BRAZIL),
        topics=(POLITICS, ELECTION),
    ),
    _article(
        "c17",
        "Brazilian president visits industrial hub",
        "Lula da Silva toured factories in Sao Paulo on Tuesday. The president promised new "
        "investment in Brazil.",
        source="Reuters",
        published_at=_utc(2024, 4, 2, 11),
        actors=(LULA,),
        locations=(SAO_PAULO, BRAZIL),
        topics=(POLITICS,),
    ),
    _article(
        "c18",
        "Primary season heats up",
        "Voters in several states head to the polls in a primary election. Joe Biden faces little "
        "opposition.",
        source="AP",
        published_at=_utc(2024, 4, 20, 20),
        actors=(BIDEN,),
        locations=(USA,),
        topics=(POLITICS, ELECTION),
    ),
    _article(
        "c19",
        "Leaders prepare for summit",
        "Leaders prepared their agendas for the summit. Joe Biden will attend.",
        source="BBC",
        published_at=None,
        actors=(BIDEN,),
        locations=(USA,),
        topics=(POLITICS,),
    ),
    _article(
        "c20",
        "Undated wire note",
        "A short note from the wire without a date or a language tag.",
        source="AP",
        published_at=None,
        language=None,
    ),
    _article(
        "c21",
        "Researchers find hostile code in adverts",
        "Researchers found <script>alert('pwned')</script> malware & \"exploits\" hidden in adverts. "
        "The malware stole cookies.",
        source="BBC",
        published_at=_utc(2024, 2, 5, 10),
    ),
    _article(
        "c22",
        "Agency publishes flu figures",
        "The health agency published weekly flu figures for the region.",
        source=None,
        published_at=_utc(2024, 2, 6, 10),
        actors=(WHO,),
        topics=(HEALTH,),
    ),
    _article(
        "c23",
        "Year ends with shelling near Damascus",
        "Shelling was reported near Damascus on the last day of the year. Syria state media blamed rebels.",
        source="AP",
        published_at=_utc(2023, 12, 31, 22),
        actors=(ASSAD,),
        locations=(DAMASCUS, SYRIA),
        topics=(CONFLICT, ARMED),
    ),
    _article(
        "c24",
        "Aid convoy reaches northern towns",
        "An aid convoy reached northern towns in Syria. Drivers said roads were damaged.",
        source="Reuters",
        published_at=_utc(2024, 1, 10, 6),
        locations=(SYRIA,),
        topics=(CONFLICT,),
    ),
]

BY_ID = {article.id: article for article in CORPUS}
ALL_IDS = frozenset(BY_ID)


def values_of(article: Article, dimension: Dimension) -> list[str]:
    """The facet values an article has in `dimension` (the rule the suite checks engines against)."""
    if dimension is Dimension.ACTOR:
        return [actor.name for actor in article.actors]
    if dimension is Dimension.LOCATION:
        return [location.name for location in article.locations]
    if dimension is Dimension.TOPIC:
        return [topic.label for topic in article.topics]
    if dimension is Dimension.LANGUAGE:
        return [article.language] if article.language else []
    return [article.source] if article.source else []


def ids_with(dimension: Dimension, *values: str, match: str = "any") -> frozenset[str]:
    """Ids of the corpus articles having any (or all) of `values` in `dimension`."""
    test = all if match == "all" else any
    return frozenset(
        article.id for article in CORPUS if test(v in values_of(article, dimension) for v in values)
    )


def counts_over(ids: frozenset[str], dimension: Dimension) -> dict[str, int]:
    """How many of `ids` have each value of `dimension`."""
    counts: dict[str, int] = {}
    for article_id in ids:
        for value in values_of(BY_ID[article_id], dimension):
            counts[value] = counts.get(value, 0) + 1
    return counts
