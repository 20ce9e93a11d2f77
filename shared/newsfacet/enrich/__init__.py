"""Enrichment: article title + body -> actors, locations, IPTC topics.

The pipeline calls `enrich` once per article. The spaCy model and the gazetteer load lazily, once
per process, on the first call (`warm_up` does it ahead of time, e.g. during a Lambda init).
Importing this package is cheap: spaCy itself is imported by the first `enrich` or `warm_up`.

Modules, one per concern: `nlp` (the NER model), `mentions` (names in their context), `names`
(cleaning and folding names), `gazetteer` + `geo_aliases` (place names), `places` (which mentions
are which places), `unlisted_places` (places known by their kind's noun, an address or an
introducer), `place_phrases` (a firm's "-based" town, a venue after its city's possessive),
`actors` + `actor_vocabulary` (people, organisations, groups; what is no actor),
`kind_cues` (the noun, apposition or quotes that say a name is a programme, event, product or
work), `web_mentions` (what web pages make look like actors: `product_evidence` for products,
`page_lines` for cross-headings and other lines that are no prose, `name_shapes` for job titles,
peoples and common-noun acronyms, `cut_names` for pieces of a thing's name), `joined_names`
(lists the model reads as one name), `actor_clusters` (one actor per real-world name), `credits`
(the publisher, wire and photo credits, the publisher's words about itself), `institutions`
(governments, ministries, police forces by pattern), `organization_cues` (a firm after a job, a
company by its legal form, a medium named as a source), `known_organizations` (militant groups and
defence firms the model misses), `person_patterns` (people named by how news introduces them),
`topics` + `topic_vocabulary` + `topic_languages` (IPTC Media Topics; English, French, German,
Spanish, Italian, Portuguese and Dutch terms). Other languages: `foreign_place_names` (other
languages' names of places), `places_without_model` (places of an
article no NER model reads), `french_spans` + `french_institutions` (what the French model misreads).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from pydantic import BaseModel, ConfigDict

from newsfacet.enrich.actors import extract_actors
from newsfacet.enrich.credits import (
    blank_credit_lines,
    blank_credits,
    blank_publisher_blurbs,
    blank_staff_lists,
)
from newsfacet.enrich.french_institutions import FRENCH_INSTITUTIONS
from newsfacet.enrich.gazetteer import GazetteerError, load_gazetteer
from newsfacet.enrich.geo_aliases import INSTITUTIONS, PLACE_NOUNS
from newsfacet.enrich.institutions import company_mentions, institution_mentions, named_body_mentions
from newsfacet.enrich.known_organizations import listed_organization_mentions
from newsfacet.enrich.mentions import find_mentions
from newsfacet.enrich.names import fold
from newsfacet.enrich.nlp import NER_LANGUAGES, load_model
from newsfacet.enrich.organization_cues import organization_cue_mentions
from newsfacet.enrich.place_ellipsis import split_place_ellipses
from newsfacet.enrich.place_epithets import epithet_mentions
from newsfacet.enrich.place_forms import (
    credits_not_named_like_places,
    listed_team_mentions,
    party_tag_mentions,
)
from newsfacet.enrich.place_phrases import based_town_mentions, city_venue_mentions
from newsfacet.enrich.places import resolve_places
from newsfacet.enrich.places_without_model import place_name_test, read_without_model
from newsfacet.enrich.topic_languages import LANGUAGE_TERMS
from newsfacet.enrich.topic_vocabulary import SPORT
from newsfacet.enrich.topics import classify
from newsfacet.enrich.unlisted_places import (
    address_mentions,
    facility_mentions,
    listed_county_mentions,
)
from newsfacet.enrich.web_mentions import without_web_look_alikes
from newsfacet.model import Actor, EnrichmentCoverage, Location, Topic

__all__ = ["TOPIC_LANGUAGES", "Enrichment", "GazetteerError", "coverage", "enrich", "warm_up"]

SPORT_TOPIC = f"medtop:{SPORT}"
# Languages the topic lexicon has words for (`topic_vocabulary`, `topic_languages`).
TOPIC_LANGUAGES = frozenset({"en", *LANGUAGE_TERMS})


class Enrichment(BaseModel):
    """What enrichment found in one article, each list ordered by importance."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    actors: list[Actor] = []
    locations: list[Location] = []
    topics: list[Topic] = []
    coverage: EnrichmentCoverage = EnrichmentCoverage()


def coverage(language: str | None) -> EnrichmentCoverage:
    """What enrichment can do for an article in `language` (None: undetected, read as English).
    Places come from the gazetteer in any language written in Latin script; actors need a NER
    model for the language; topics need words of the language in the topic lexicon."""
    read_as = language or "en"
    return EnrichmentCoverage(
        language=language,
        actors=read_as in NER_LANGUAGES,
        locations=True,
        topics=read_as in TOPIC_LANGUAGES,
    )


# A word the article writes in lower case somewhere ("the defence ministry").
_LOWERCASE_WORD = re.compile(r"(?<![\w'-])[a-z]+(?![\w'-])")


def enrich(
    title: str, text: str, *, language: str | None = None, exclude: Collection[str] = ()
) -> Enrichment:
    """Find the actors, locations and topics of an article in `language` (ISO 639-1; None reads
    it as English); what was attempted is in the result's `coverage`.

    `exclude` holds names to keep out of actors: the publisher and wire credits ("AFP", "Reuters",
    "FRANCE 24 with wires"), with their variants. Empty or whitespace-only input gives an empty
    `Enrichment`. Raises `GazetteerError` only if the installed package is broken.
    """
    attempted = coverage(language)
    title, text = title.strip(), text.strip()
    if not title and not text:
        return Enrichment(coverage=attempted)
    # Credit lines ("FRANCE 24 with wires") are not content: blank them (keeping offsets) so their
    # words become neither actors nor places ("France"); so are a wire story's credit lines.
    # The publisher's words about itself after the story go first, while its name still opens them.
    text = blank_publisher_blurbs(text, exclude)
    gazetteer = load_gazetteer()
    blanked = credits_not_named_like_places(exclude, gazetteer)
    title, text = blank_credits(title, blanked), blank_credit_lines(blank_credits(text, blanked))
    text = blank_staff_lists(text)
    read_as = language or "en"
    is_place_name = gazetteer.is_place_name if attempted.actors else place_name_test(gazetteer, read_as)
    mentions = find_mentions(title, text, language=read_as, is_place_name=is_place_name)
    if not attempted.actors:
        mentions = read_without_model(mentions, title, text, gazetteer, read_as)
    # Institutions, listed counties, party tags' states and companies found by pattern (English wording).
    common_words = frozenset(_LOWERCASE_WORD.findall(text))
    companies = company_mentions(title, text, gazetteer, common_words) if read_as == "en" else []
    # Organisations named by a job, a legal form, a reporting verb or a list: never a product.
    named = []
    if read_as == "en":
        named = organization_cue_mentions(title, text, gazetteer, common_words, mentions)
        named += listed_organization_mentions(title, text)
        companies += named
        mentions += institution_mentions(title, text, gazetteer) + listed_county_mentions(
            title, text, gazetteer
        )
        mentions += party_tag_mentions(title, text, gazetteer) + named_body_mentions(
            title, text, common_words
        )
        mentions += companies + address_mentions(title, text) + facility_mentions(title, text)
        mentions += city_venue_mentions(title, text, gazetteer)
        mentions += epithet_mentions(title, text) + based_town_mentions(title, text, gazetteer, mentions)
    mentions = without_web_look_alikes(text, mentions, exclude, common_words)
    mentions = split_place_ellipses(mentions, gazetteer.is_place_name)
    topics = classify(title, text, read_as) if attempted.topics else []
    sport = bool(topics) and topics[0].code == SPORT_TOPIC
    if sport and read_as == "en":
        mentions += listed_team_mentions(title, text)
    places = resolve_places(
        mentions,
        gazetteer,
        PLACE_NOUNS,
        without_model=not attempted.actors,
        sport=sport,
        language=read_as,
    )
    actors = extract_actors(
        mentions,
        skip=places.consumed,
        exclude=exclude,
        place_keys={fold(location.name) for location in places.locations},
        city_teams=places.teams,
        institutions={fold(name): org for name, org in (INSTITUTIONS | FRENCH_INSTITUTIONS).items()},
        demonyms=gazetteer.demonyms.keys(),
        common_words=common_words,
        companies={fold(mention.text) for mention in companies},
        named_organizations={fold(mention.text) for mention in named},
        title_case_title=is_title_case(title),
        is_place_name=gazetteer.is_place_name,
    )
    return Enrichment(
        actors=actors if attempted.actors else [],
        locations=places.locations,
        topics=topics,
        coverage=attempted,
    )


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def is_title_case(title: str) -> bool:
    """Whether a headline capitalises (nearly) all its longer words ("Royal Self-Indicting
    Arrogance"), so that capitals there say nothing about names."""
    words = _TITLE_WORD.findall(title)
    return len(words) >= 2 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


def warm_up() -> None:
    """Load the NER model and the gazetteer now rather than on the first article."""
    load_model()
    load_gazetteer()
