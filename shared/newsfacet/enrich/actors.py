"""Actors: the people, organisations and groups an article is about, one entry per real-world name.

This module types each mention (which names are actors, of what kind); `actor_clusters` merges the
variants of one actor within the article; `credits` knows the publisher and wire services the
caller names in `exclude`, dropped with all their variants.

Types: PERSON -> person, ORG -> organization, NORP -> group when plural ("Houthis"; an adjective
such as "Syrian" and a people such as "Kurds" or "Muslims" are not actors), institutions named by
their building ("the Kremlin") -> organization. Other labels (dates, amounts, events, works, laws,
products) are never actors.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Final

from newsfacet.enrich.actor_clusters import (
    Cluster,
    aliases_of,
    attach_words_of_organizations,
    merge_organizations,
    merge_persons,
)
from newsfacet.enrich.actor_vocabulary import (
    BODY_LAST_WORDS,
    CLUB_WORDS,
    COMPANY_NEXT_WORDS,
    MODEL_WORDS,
    NOT_ACTOR_FIRST_WORDS,
    NOT_ACTOR_LAST_WORDS,
    NOT_ENTITY_KEYS,
    ORGANIZATION_ALIASES,
    ORGANIZATION_WORDS,
    PARTIES,
    PLATFORM_KEYS,
    PRODUCT_NOUNS,
)
from newsfacet.enrich.credits import exclusion_keys, is_excluded
from newsfacet.enrich.kind_cues import names_no_actor
from newsfacet.enrich.mentions import GAZETTEER, USED_LABELS, Mention
from newsfacet.enrich.name_shapes import names_a_people
from newsfacet.enrich.names import clean_name, fold
from newsfacet.enrich.organization_cues import has_legal_form, is_bare_legal_form, listed_companies
from newsfacet.enrich.product_evidence import is_product_name
from newsfacet.enrich.span_rules import facility_heads, names_a_family_or_tenure
from newsfacet.model import Actor, ActorType

MAX_ACTORS: Final = 40

LABEL_TYPES: Final[dict[str, ActorType]] = {"PERSON": "person", "ORG": "organization", "NORP": "group"}

_PLACE_LABELS: Final = frozenset({"FAC", "GPE", "LOC", GAZETTEER})


def _majority_labels(mentions: Sequence[Mention], companies: Collection[str]) -> dict[str, str]:
    """The label the model gave a name most often: it sometimes types "Assad" as an ORG once. A
    name the article writes as a company's (`companies`, folded) is an organisation."""
    votes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        votes[fold(mention.text)][mention.label] += 1
    labels = {key: counts.most_common(1)[0][0] for key, counts in votes.items()}
    # A name before a stock ticker is a company's, however else the model typed it.
    labels.update((fold(m.text), "ORG") for m in mentions if m.ticker)
    labels.update((key, "ORG") for key in companies if key in labels)
    return labels


@dataclass(frozen=True, slots=True)
class _ArticleEvidence:
    """What the whole article says about its names, for typing one mention (see `extract_actors`)."""

    excluded: frozenset[str]
    place_keys: Collection[str]
    city_teams: Collection[str]
    institutions: dict[str, str]
    demonyms: Collection[str]
    common_words: Collection[str]
    labels: dict[str, str]  # folded name -> the label the model gave it most often
    teams: dict[str, str]  # names written after "the": folded -> display (`_names_after_the`)
    # Names written before a stock ticker ("Lowe's (LOW)"), folded without their "'s" -> as written;
    # and the tickers, which are no actors.
    listed_companies: dict[str, str]
    tickers: frozenset[str]
    # Folded names the model typed as organisations: makers, for "<maker> <model>" products.
    makers: frozenset[str]
    # Folded names the article gives as an employer, with a legal form or as a source ("product
    # manager at Google Cloud"): no product, though a maker's name opens them.
    named_organizations: frozenset[str]
    facility_heads: frozenset[str]  # first words of its facilities' names (`facility_heads`)


def extract_actors(
    mentions: Sequence[Mention],
    *,
    skip: Collection[int] = (),
    exclude: Collection[str] = (),
    place_keys: Collection[str] = (),
    city_teams: Collection[str] = (),
    institutions: dict[str, str] | None = None,
    demonyms: Collection[str] = (),
    common_words: Collection[str] = (),
    companies: Collection[str] = (),
    named_organizations: Collection[str] = (),
    title_case_title: bool = False,
    is_place_name: Callable[[str], bool] | None = None,
) -> list[Actor]:
    """Merge the actor mentions of one article into `Actor`s, most salient first.

    `skip` holds indices of mentions already used as places; `place_keys` folded place names that
    must not reappear as organisations; `city_teams` folded names of teams named after their city
    ("Liverpool beat Chelsea"), organisations though the model typed them places; `institutions`
    maps folded facility names to the organisation they stand for; `demonyms` holds folded demonym
    adjectives (never actors);
    `common_words` the words the article also writes in lower case: a one-word organisation or
    group among them is a common noun capitalised by a title ("Defence Minister ..." beside "the
    defence ministry"), not an actor. In a headline written in title case every word is
    capitalised, so there a name the body never repeats is no evidence of an actor
    (`title_case_title`: "Royal Self-Indicting Arrogance"). `companies` holds folded names the
    article writes as companies' ("apps like Chime"): organisations, whatever the model said;
    `named_organizations` those it names as an employer, with a legal form or as a source ("a
    manager at Google Cloud"): no product and no person either.
    `is_place_name` (the gazetteer's, by folded name) tells a company's regional arm ("Paris
    Baguette North America") from a longer name of the company.
    """
    kept = [m for i, m in enumerate(mentions) if i not in skip]
    if title_case_title:
        kept = _without_title_fragments(kept)
    evidence = _ArticleEvidence(
        excluded=exclusion_keys(exclude),
        place_keys=place_keys,
        city_teams=city_teams,
        institutions=institutions or {},
        demonyms=demonyms,
        common_words=common_words,
        labels=_majority_labels(kept, companies),
        teams=_names_after_the(kept, demonyms),
        listed_companies=listed_companies(kept),
        tickers=frozenset(m.ticker for m in kept if m.ticker),
        makers=frozenset(fold(name) for m in kept if m.label == "ORG" and (name := clean_name(m.text))),
        named_organizations=frozenset(named_organizations),
        facility_heads=facility_heads(place_keys),
    )
    aliases = {fold(k): v for k, v in ORGANIZATION_ALIASES.items()}
    persons: list[tuple[str, Mention]] = []
    orgs: list[tuple[str, Mention, ActorType]] = []
    for mention in kept:
        typed = _actor_of(mention, evidence)
        if typed is None:
            continue
        name, actor_type = typed
        if actor_type == "person":
            persons.append((name, mention))
        else:
            orgs.append((name, mention, actor_type))

    _people_typed_as_organizations(persons, orgs, aliases, evidence)
    clusters = merge_persons(persons)
    merge_organizations(orgs, clusters, aliases, is_place_name or evidence.place_keys.__contains__)
    attach_words_of_organizations(clusters)
    if title_case_title:
        clusters = [c for c in clusters if c.body_mentions > 0]
    return _rank(clusters, aliases, evidence.excluded)


def _actor_of(mention: Mention, evidence: _ArticleEvidence) -> tuple[str, ActorType] | None:
    """The actor one mention names, (display name, type), or None if it names none."""
    excluded = evidence.excluded
    raw_key = fold(mention.text)
    if mention.in_furniture:
        return None  # "Follow us on Twitter": the page's, not the article's
    platform = clean_name(mention.text) if raw_key.split(" ", 1)[0] in PLATFORM_KEYS else None
    if platform and fold(platform) in PLATFORM_KEYS and mention.label in USED_LABELS:
        # "posted on Twitter" (the model says PERSON or GPE as often as ORG): the company's platform
        return platform, "organization"
    label = evidence.labels.get(raw_key, mention.label)
    team = evidence.teams.get(fold(clean_name(mention.text) or mention.text))
    if team is not None:
        # "the Convertible": a model named by its edition, the one thing named so with "the"
        # that is no team, party or body
        no_actor = is_excluded(fold(team), excluded) or fold(team) in MODEL_WORDS
        return None if no_actor else (team, "organization")
    if (
        mention.label in _PLACE_LABELS
        and not mention.after_place_word
        and (name := clean_name(mention.text))
        and fold(name) in evidence.city_teams
    ):
        # "Liverpool beat Chelsea": a team
        return None if is_excluded(fold(name), excluded) else (name, "organization")
    if mention.label in {"FAC", "GPE", "LOC"} and label != "ORG":
        return _actor_named_as_a_place(mention, evidence)
    party = _PARTY_KEYS.get(raw_key) if label in {"NORP", "ORG"} else None
    if party is not None:
        return party, "organization"
    actor_type = LABEL_TYPES.get(label)
    if actor_type is None or _is_job_title_word(mention, actor_type):
        return None
    if actor_type == "organization" and mention.next_word in PRODUCT_NOUNS:
        return None  # a product ("a Ford sedan"), not its maker acting
    if names_no_actor(mention) and not has_legal_form(mention.text):
        return None  # "the COTS program", "Inherent Resolve, the ... operation", "“Mary Poppins”"
    name = clean_name(mention.text, person=actor_type == "person")
    if name is None:
        return None
    if name in evidence.tickers:
        return None
    if fold(name) not in evidence.named_organizations and is_product_name(
        name, evidence.makers, person=actor_type == "person"
    ):
        return None
    name = evidence.listed_companies.get(fold(name), name)
    if actor_type == "person":
        name = _without_leading_place_or_gerund(name, evidence.place_keys, evidence.common_words)
    key = fold(name)
    if _COMPETITION_GROUP.match(name):
        return None
    # A place of the article, also as a listed county ("Cass" of "Cass and Kalamazoo counties").
    in_places = key in evidence.place_keys or f"{key} county" in evidence.place_keys
    in_places = in_places or (actor_type == "person" and key in evidence.facility_heads)
    if is_excluded(key, excluded) or in_places or _is_not_an_actor(key) or is_bare_legal_form(name):
        return None
    if actor_type == "group" and (not _is_group_name(name, key, evidence.demonyms) or names_a_people(name)):
        return None
    if actor_type != "person" and _is_capitalised_common_word(name, evidence.common_words):
        return None
    last = key.rsplit(" ", 1)[-1]
    if actor_type == "person" and (last in CLUB_WORDS or (" " in key and last in BODY_LAST_WORDS)):
        actor_type = "organization"  # "Manchester United", "Ava Labs" typed PERSON by the model
    return name, actor_type


def _actor_named_as_a_place(mention: Mention, evidence: _ArticleEvidence) -> tuple[str, ActorType] | None:
    """The actor a name the model calls a place names, if the text says it is one."""
    institution = evidence.institutions.get(fold(clean_name(mention.text) or mention.text))
    if institution:
        return institution, "organization"
    if mention.with_age and (name := clean_name(mention.text, person=True)):
        return name, "person"  # "Hilton, 43, said": not a place, a person
    if mention.before_staff and (name := clean_name(mention.text)) and fold(name) not in evidence.place_keys:
        return name, "organization"  # "Jefferies analyst Jane Roe": no place, an employer
    if (
        mention.next_word in COMPANY_NEXT_WORDS
        and (name := clean_name(mention.text))
        and fold(name) not in evidence.place_keys
    ):
        return name, "organization"  # "Uber CEO Dara Khosrowshahi": a company
    return None


# "Group A", "Pool C", "Path B": a division of a competition, no actor.
_COMPETITION_GROUP: Final = re.compile(r"^(?:Group|Pool|Path)\s+[A-Z]\.?$")


def _without_title_fragments(mentions: list[Mention]) -> list[Mention]:
    """In a headline written in title case, a span the body never writes ("Future of Apple
    Innovation Is Backwards", "Early Reviews For Google") is capitals, not a name: it goes, and the
    names inside it count through their body mentions ("Apple")."""
    in_body = {fold(m.text) for m in mentions if not m.in_title}
    return [m for m in mentions if not m.in_title or fold(m.text) in in_body or " " not in m.text.strip()]


def _without_leading_place_or_gerund(
    name: str, place_keys: Collection[str], common_words: Collection[str]
) -> str:
    """ "Ukraine Kurt Volker" -> "Kurt Volker", "Questioning Vindman" -> "Vindman": a place the
    article names, or a verb in -ing it also writes in lower case, glued before a person's name by
    a headline or a caption."""
    first, _, rest = name.partition(" ")
    if not rest:
        return name
    if (fold(first) in place_keys and " " in rest) or (
        first.endswith("ing") and first.casefold() in common_words
    ):
        return rest
    return name


def _people_typed_as_organizations(
    persons: list[tuple[str, Mention]],
    orgs: list[tuple[str, Mention, ActorType]],
    aliases: dict[str, str],
    evidence: _ArticleEvidence,
) -> None:
    """Move to `persons` the organisation-typed names that are people: one followed by an age
    ("Hilton, 43, said"), and then any carrying a person's surname ("Paris Hilton" typed ORG)
    that the article does not write as a company's ("a manager at Google Cloud")."""
    for item in [o for o in orgs if o[1].with_age and o[2] == "organization" and " " not in o[0]]:
        orgs.remove(item)
        persons.append((item[0], item[1]))
    surnames = {fold(name).split()[-1] for name, _mention in persons}
    for item in list(orgs):
        name, mention, actor_type = item
        words = fold(name).split()
        if (
            actor_type == "organization"
            and 2 <= len(words) <= 3
            and words[-1] in surnames
            and not ORGANIZATION_WORDS & set(words)
            and fold(name) not in aliases
            and fold(name) not in evidence.named_organizations
        ):
            orgs.remove(item)
            person = clean_name(name, person=True) or name
            persons.append(
                (
                    _without_leading_place_or_gerund(person, evidence.place_keys, evidence.common_words),
                    mention,
                )
            )


_PARTY_KEYS: Final = {fold(form): party for form, party in PARTIES.items()}


def _is_not_an_actor(key: str) -> bool:
    """Celestial bodies, indices, commodities, and names of events, works and ideas ("Central
    Division", "Paris Air Show", "National Socialism")."""
    if " " not in key:
        return key in NOT_ENTITY_KEYS
    first, *_, last = key.split(" ")
    return key in NOT_ENTITY_KEYS or last in NOT_ACTOR_LAST_WORDS or first in NOT_ACTOR_FIRST_WORDS


_SHOUTED_WORD: Final = 7


def _is_capitalised_common_word(name: str, common_words: Collection[str]) -> bool:
    """ "Defence" beside "the defence ministry": one Title-case (or shouted) word the article also
    writes in lower case. Acronyms and camel case ("WHO" beside "who", "GiveWell") are names."""
    if " " in name or name.casefold() not in common_words:
        return False
    # "QUARANTINED" in a cross-heading: a shouted word, longer than the acronyms news writes.
    return (name[:1].isupper() and name[1:].islower()) or (name.isupper() and len(name) >= _SHOUTED_WORD)


def _is_group_name(name: str, key: str, demonyms: Collection[str]) -> bool:
    """A group is a plural people ("Kurds", "Palestinians", "Democrats"), not an adjective."""
    singular = key[:-1] if key.endswith("s") else key
    if key in demonyms or singular in demonyms or (key.endswith("es") and key[:-2] in demonyms):
        return False
    last = key.rsplit(maxsplit=1)[-1]
    return last.endswith("s") and not last.endswith("ss") and len(last) > 3 and not name.isupper()


def _is_job_title_word(mention: Mention, actor_type: ActorType) -> bool:
    """A name inside a job title ("Secretary of State", "Advocacy Director"), not an acronym, of
    up to two words (one if the model took it for a person): a department, not an actor."""
    longest = 1 if actor_type == "person" else 2
    return mention.in_job_title and len(mention.text.split()) <= longest and not mention.text.isupper()


_COMPASS_POINTS: Final = frozenset({"west", "east", "north", "south", "midwest"})


def _names_after_the(mentions: Sequence[Mention], demonyms: Collection[str]) -> dict[str, str]:
    """One-word names the article writes after "the" that the model took for a person or a place
    no gazetteer knows ("the Browns", "the Wild", "the Taliban"): people and towns take no article,
    teams, parties and bodies do. Folded name -> display name."""
    found: dict[str, str] = {}
    # "the Bidens" beside "Joe Biden": a family (`names_a_family_or_tenure`)
    surnames = {fold(m.text).rsplit(" ", 1)[-1] for m in mentions if m.label == "PERSON" and " " in m.text}
    for mention in mentions:
        if not mention.after_the or mention.label not in {"PERSON", "GPE", "LOC"} or names_no_actor(mention):
            continue  # (the "the" of "the Quillbox app" is the app's)
        name = clean_name(mention.text)
        if name is None or " " in name or not name[:1].isupper() or name.isupper():
            continue
        key = fold(name)
        if key in _COMPASS_POINTS or names_a_family_or_tenure(key, mention.next_word, surnames):
            continue  # "the West", "the South": a part of the world, no team or body
        if key not in demonyms and key.rstrip("s") not in demonyms and key not in NOT_ENTITY_KEYS:
            found[key] = name
    return found


def _rank(clusters: Sequence[Cluster], aliases: dict[str, str], excluded: frozenset[str]) -> list[Actor]:
    kept = [c for c in clusters if not c.is_doubtful() and not any(is_excluded(k, excluded) for k in c.keys)]
    if not kept:
        return []
    top = max(c.score for c in kept)
    actors = []
    for cluster in kept:
        alias = next((aliases[k] for k in cluster.keys if k in aliases), None)
        name = cluster.canonical(alias)
        actors.append(
            Actor(
                name=name,
                aliases=aliases_of(name, cluster),
                type=cluster.actor_type,
                mentions=cluster.mentions,
                salience=round(cluster.score / top, 4),
            )
        )
    actors.sort(key=lambda a: (-a.salience, -a.mentions, a.name))
    return actors[:MAX_ACTORS]
