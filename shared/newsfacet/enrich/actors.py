"""Actors: the people, organisations and groups an article is about, one entry per real-world name.

Variants merge within the article: a person's longest full-name form is canonical and every
shorter form whose words it contains attaches to it ("Assad", "President Bashar al-Assad",
"Bashar al-Assad's" -> "Bashar al-Assad"). Organisations merge on their folded name, a small table
of well-known names ("U.N." -> "United Nations") and acronyms of a longer form in the same article.
The publisher and wire services the caller names in `exclude` are dropped with all their variants.

Types: PERSON -> person, ORG -> organization, NORP -> group when plural ("Kurds", "Democrats"; an
adjective such as "Syrian" is not an actor), institutions named by their building ("the Kremlin")
-> organization. Other labels (dates, amounts, events, works, laws, products) are never actors.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Final

from newsfacet.enrich.actor_vocabulary import NOT_ACTOR_LAST_WORDS, NOT_ENTITY_KEYS, PARTIES
from newsfacet.enrich.names import acronym, clean_name, fold, normalize_text, person_tokens
from newsfacet.enrich.nlp import GAZETTEER, Mention
from newsfacet.model import Actor, ActorType

TITLE_WEIGHT: Final = 3.0
MAX_ACTORS: Final = 30

LABEL_TYPES: Final[dict[str, ActorType]] = {"PERSON": "person", "ORG": "organization", "NORP": "group"}

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

# Other names of wire services and broadcasters, so `exclude=["AFP"]` also drops
# "Agence France-Presse".
WIRE_VARIANTS: Final[tuple[frozenset[str], ...]] = tuple(
    frozenset(fold(name) for name in group)
    for group in (
        ("AFP", "Agence France-Presse", "Agence France Presse"),
        ("AP", "Associated Press", "The Associated Press"),
        ("Reuters", "Thomson Reuters"),
        ("DPA", "Deutsche Presse-Agentur"),
        ("UPI", "United Press International"),
        ("ANSA", "Agenzia Nazionale Stampa Associata"),
        ("BBC", "British Broadcasting Corporation", "BBC News"),
        ("France 24", "France24"),
    )
)
# Credit suffixes the pipeline may pass along ("FRANCE 24 with wires", "Staff and agencies").
CREDIT_SUFFIXES: Final = (" with wires", " with agencies", " and agencies", " wires", " staff", " newsroom")


@dataclass(slots=True)
class _Cluster:
    """The mentions of one actor while merging."""

    actor_type: ActorType
    forms: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    tokens: frozenset[str] = frozenset()
    score: float = 0.0
    mentions: int = 0
    sentence_openings: int = 0
    body_mentions: int = 0

    def add(
        self, form: str, weight: float, count: int = 1, *, opens_sentence: bool = False, in_body: bool = True
    ) -> None:
        self.body_mentions += count if in_body else 0
        self.forms[form] += count
        self.keys.add(fold(form))
        self.score += weight
        self.mentions += count
        self.sentence_openings += opens_sentence

    def is_doubtful(self) -> bool:
        """One single-word "person" seen once, opening a sentence: usually a capitalised common
        word the model misread ("Calm returned to Tripoli")."""
        return (
            self.actor_type == "person"
            and self.mentions == 1
            and self.sentence_openings == 1
            and all(" " not in form for form in self.forms)
        )

    def canonical(self, alias: str | None) -> str:
        if alias:
            return alias
        # The longest form; among equally long ones the most frequent, then not shouted.
        return max(self.forms, key=lambda f: (len(person_tokens(f)), len(f), self.forms[f], not f.isupper()))


def exclusion_keys(exclude: Collection[str]) -> frozenset[str]:
    """Folded names (with wire-service variants) to keep out of actors."""
    keys: set[str] = set()
    for raw in exclude:
        for part in raw.replace("/", ",").replace(" and ", ",").replace(" & ", ",").split(","):
            name = clean_name(part) or part.strip()
            key = fold(name)
            for suffix in CREDIT_SUFFIXES:
                if key.endswith(suffix):
                    key = key[: -len(suffix)].strip()
            if not key:
                continue
            keys.add(key)
            for group in WIRE_VARIANTS:
                if key in group:
                    keys |= group
    return frozenset(keys)


def blank_credits(text: str, exclude: Collection[str]) -> str:
    """`text` with every occurrence of an excluded credit ("FRANCE 24 with wires", then "FRANCE 24")
    replaced by spaces of the same length, so offsets and positions do not move."""
    forms: set[str] = set()
    for raw in exclude:
        name = normalize_text(raw)
        if len(name) < 2:
            continue
        forms.add(name)
        lowered = name.casefold()
        for suffix in CREDIT_SUFFIXES:
            if lowered.endswith(suffix):
                forms.add(name[: -len(suffix)].strip())
    if not forms:
        return text
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda match: " " * len(match.group(0)), text)


def _weight(mention: Mention) -> float:
    return TITLE_WEIGHT if mention.in_title else 1.0 + (1.0 - mention.position)


_PLACE_LABELS: Final = frozenset({"FAC", "GPE", "LOC", GAZETTEER})


def _majority_labels(mentions: Sequence[Mention]) -> dict[str, str]:
    """The label the model gave a name most often: it sometimes types "Assad" as an ORG once."""
    votes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        votes[fold(mention.text)][mention.label] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in votes.items()}


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
    title_case_title: bool = False,
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
    (`title_case_title`: "Royal Self-Indicting Arrogance").
    """
    excluded = exclusion_keys(exclude)
    institution_names = institutions or {}
    labels = _majority_labels([m for i, m in enumerate(mentions) if i not in skip])
    aliases = {fold(k): v for k, v in ORGANIZATION_ALIASES.items()}

    persons: list[tuple[str, Mention]] = []
    orgs: list[tuple[str, Mention, ActorType]] = []
    teams = _names_after_the(mentions, skip, demonyms)
    for index, mention in enumerate(mentions):
        if index in skip:
            continue
        raw_key = fold(mention.text)
        label = labels.get(raw_key, mention.label)
        team = teams.get(fold(clean_name(mention.text) or mention.text))
        if team is not None and not _is_excluded(fold(team), excluded):
            orgs.append((team, mention, "organization"))
            continue
        if (
            mention.label in _PLACE_LABELS
            and not mention.after_in_or_at
            and (name := clean_name(mention.text))
            and fold(name) in city_teams
        ):
            if not _is_excluded(fold(name), excluded):
                orgs.append((name, mention, "organization"))  # "Liverpool beat Chelsea": a team
            continue
        if mention.label in {"FAC", "GPE", "LOC"}:
            institution = institution_names.get(fold(clean_name(mention.text) or mention.text))
            if institution:
                orgs.append((institution, mention, "organization"))
            elif mention.with_age and (name := clean_name(mention.text, person=True)):
                persons.append((name, mention))  # "Hilton, 43, said": not a place, a person
            continue
        party = _PARTY_KEYS.get(raw_key) if label in {"NORP", "ORG"} else None
        if party is not None:
            orgs.append((party, mention, "organization"))
            continue
        actor_type = LABEL_TYPES.get(label)
        if actor_type is None or _is_job_title_word(mention, actor_type):
            continue
        name = clean_name(mention.text, person=actor_type == "person")
        if name is None:
            continue
        key = fold(name)
        if _is_excluded(key, excluded) or key in place_keys or _is_not_an_actor(key):
            continue
        if actor_type == "group" and not _is_group_name(name, key, demonyms):
            continue
        if actor_type != "person" and _is_capitalised_common_word(name, common_words):
            continue
        if actor_type == "person" and key.rsplit(" ", 1)[-1] in CLUB_WORDS:
            actor_type = "organization"  # "Manchester United" typed PERSON by the model
        if actor_type == "person":
            persons.append((name, mention))
        else:
            orgs.append((name, mention, actor_type))

    _people_typed_as_organizations(persons, orgs, aliases)
    clusters = _merge_persons(persons)
    _merge_organizations(orgs, clusters, aliases)
    _attach_words_of_organizations(clusters)
    if title_case_title:
        clusters = [c for c in clusters if c.body_mentions > 0]
    return _rank(clusters, aliases, excluded)


def _people_typed_as_organizations(
    persons: list[tuple[str, Mention]], orgs: list[tuple[str, Mention, ActorType]], aliases: dict[str, str]
) -> None:
    """Move to `persons` the organisation-typed names that are people: one followed by an age
    ("Hilton, 43, said"), and then any carrying a person's surname ("Paris Hilton" typed ORG)."""
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
        ):
            orgs.remove(item)
            persons.append((clean_name(name, person=True) or name, mention))


_PARTY_KEYS: Final = {fold(form): party for form, party in PARTIES.items()}


def _is_not_an_actor(key: str) -> bool:
    """Celestial bodies, indices, commodities, and names of events, works and ideas ("Central
    Division", "Paris Air Show", "National Socialism")."""
    return key in NOT_ENTITY_KEYS or (" " in key and key.rsplit(" ", 1)[1] in NOT_ACTOR_LAST_WORDS)


def _is_capitalised_common_word(name: str, common_words: Collection[str]) -> bool:
    """ "Defence" beside "the defence ministry": one Title-case word the article also writes in lower
    case. Acronyms and camel case ("WHO" beside "who", "GiveWell") are names, not capitalised words."""
    return " " not in name and name[:1].isupper() and name[1:].islower() and name.casefold() in common_words


# What a site's domain adds to its name ("sputniknews" for Sputnik, "cbssports" for CBS Sports).
_MEDIA_SUFFIXES: Final = ("news", "online", "daily", "tv", "media", "sports", "international")


def _is_excluded(key: str, excluded: frozenset[str]) -> bool:
    """The publisher and its credits in any of their forms: as given, with words run together
    ("CBS Sports" for cbssports.com), plus a media word ("Sputnik" for sputniknews), or as the last
    word of a longer name ("the Times" in the Los Angeles Times)."""
    if key in excluded or any(key.startswith(e + " ") for e in excluded if len(e) > 3):
        return True
    joined = key.replace(" ", "")
    for name in excluded:
        if joined == name.replace(" ", "") or (
            len(joined) > 3 and name.startswith(joined) and name[len(joined) :] in _MEDIA_SUFFIXES
        ):
            return True
        if " " not in key and len(key) > 3 and " " in name and name.rsplit(" ", 1)[1] == key:
            return True
    return False


def _is_group_name(name: str, key: str, demonyms: Collection[str]) -> bool:
    """A group is a plural people ("Kurds", "Palestinians", "Democrats"), not an adjective."""
    singular = key[:-1] if key.endswith("s") else key
    if key in demonyms or singular in demonyms or (key.endswith("es") and key[:-2] in demonyms):
        return False
    last = key.rsplit(maxsplit=1)[-1]
    return last.endswith("s") and not last.endswith("ss") and len(last) > 3 and not name.isupper()


def _merge_persons(persons: Sequence[tuple[str, Mention]]) -> list[_Cluster]:
    """Cluster person names: each name joins the cluster of the longest name containing its words."""
    by_name: defaultdict[str, list[Mention]] = defaultdict(list)
    for name, mention in persons:
        by_name[name].append(mention)
    names = sorted(by_name, key=lambda n: (-len(person_tokens(n)), -len(n), -len(by_name[n]), n))
    clusters: list[_Cluster] = []
    for name in names:
        tokens = person_tokens(name)
        if not tokens:
            continue
        owners = [c for c in clusters if tokens <= c.tokens]
        if owners:
            # Ambiguous short forms ("Smith" with John and Jane Smith) go to the most mentioned.
            cluster = max(owners, key=lambda c: (c.mentions, c.score))
        else:
            cluster = _Cluster("person", tokens=tokens)
            clusters.append(cluster)
        for mention in by_name[name]:
            cluster.add(
                name, _weight(mention), opens_sentence=mention.opens_sentence, in_body=not mention.in_title
            )
    return clusters


def _merge_organizations(
    orgs: Sequence[tuple[str, Mention, ActorType]], clusters: list[_Cluster], aliases: dict[str, str]
) -> None:
    """Cluster organisations and groups by alias, folded name, or acronym of a longer form."""
    by_key: dict[str, _Cluster] = {}
    for name, mention, actor_type in orgs:
        key = fold(name)
        alias = aliases.get(key)
        cluster_key = fold(alias) if alias else key
        tokens = person_tokens(name)
        # A one-word organisation that is really a known person's name ("Assad" typed ORG).
        if actor_type == "organization" and len(tokens) == 1 and not name.isupper():
            person = next((c for c in clusters if c.actor_type == "person" and tokens <= c.tokens), None)
            if person is not None:
                person.add(name, _weight(mention), in_body=not mention.in_title)
                continue
        cluster = by_key.get(cluster_key)
        if cluster is None:
            cluster = _Cluster(actor_type)
            by_key[cluster_key] = cluster
            clusters.append(cluster)
        cluster.add(alias or name, _weight(mention), in_body=not mention.in_title)

    # "NATO" and "North Atlantic Treaty Organization" in one article: fold the acronym into the
    # long form (unless the alias table already did).
    long_forms = {
        acronym(c.canonical(None)): c for c in by_key.values() if len(c.canonical(None).split()) > 1
    }
    for key, cluster in list(by_key.items()):
        form = cluster.canonical(None)
        target = long_forms.get(form) if form.isupper() and 2 <= len(form) <= 6 else None
        if target is not None and target is not cluster:
            _absorb(target, cluster, clusters)
            del by_key[key]

    # "Commission" beside "European Commission", "Samsung" beside "Samsung Electronics": a shorter
    # name whose words begin or end a longer organisation's name in the same article is that one.
    longest_first = sorted(by_key.items(), key=lambda item: -len(item[0].split()))
    for key, cluster in reversed(longest_first):
        words = key.split()
        if cluster.actor_type != "organization" or words[-1] in _NEVER_SHORT_FORMS:
            continue
        targets = [
            other
            for other_key, other in longest_first
            if other is not cluster
            and other.actor_type == "organization"
            and len(other_key.split()) > len(words)
            and (other_key.startswith(key + " ") or other_key.endswith(" " + key))
        ]
        if len(targets) == 1 and targets[0] in clusters and cluster in clusters:
            _absorb(targets[0], cluster, clusters)


# Short forms too generic to attach to a longer name by themselves ("House" is not the White House).
_NEVER_SHORT_FORMS: Final = frozenset(
    {"house", "senate", "court", "party", "state", "city", "group", "times"}
)


def _absorb(target: _Cluster, cluster: _Cluster, clusters: list[_Cluster]) -> None:
    for variant, count in cluster.forms.items():
        target.forms[variant] += count
    target.keys |= cluster.keys
    target.score += cluster.score
    target.mentions += cluster.mentions
    target.body_mentions += cluster.body_mentions
    clusters.remove(cluster)


def _is_job_title_word(mention: Mention, actor_type: ActorType) -> bool:
    """A name inside a job title ("Secretary of State", "Advocacy Director"), not an acronym, of
    up to two words (one if the model took it for a person): a department, not an actor."""
    longest = 1 if actor_type == "person" else 2
    return mention.in_job_title and len(mention.text.split()) <= longest and not mention.text.isupper()


def _names_after_the(
    mentions: Sequence[Mention], skip: Collection[int], demonyms: Collection[str]
) -> dict[str, str]:
    """One-word names the article writes after "the" that the model took for a person or a place
    no gazetteer knows ("the Browns", "the Wild", "the Taliban"): people and towns take no article,
    teams, parties and bodies do. Folded name -> display name."""
    found: dict[str, str] = {}
    for index, mention in enumerate(mentions):
        if index in skip or not mention.after_the or mention.label not in {"PERSON", "GPE", "LOC"}:
            continue
        name = clean_name(mention.text)
        if name is None or " " in name or not name[:1].isupper() or name.isupper():
            continue
        key = fold(name)
        if key not in demonyms and key.rstrip("s") not in demonyms and key not in NOT_ENTITY_KEYS:
            found[key] = name
    return found


def _aliases(name: str, cluster: _Cluster) -> list[str]:
    """The other forms the article names an actor by, one per folded key, most used first."""
    seen = {fold(name)}
    aliases = []
    for form, _count in cluster.forms.most_common():
        key = fold(form)
        if key and key not in seen:
            seen.add(key)
            aliases.append(form)
    return aliases


def _attach_words_of_organizations(clusters: list[_Cluster]) -> None:
    """A one-word name that is a word of one organisation's longer name in the article ("the
    Observatory" beside "Syrian Observatory for Human Rights"), whether the model took it for a
    person or an organisation, is that organisation's short form."""
    organizations = [c for c in clusters if c.actor_type != "person"]
    for cluster in list(clusters):
        forms = list(cluster.forms)
        if any(" " in form or form.isupper() for form in forms):
            continue
        words = {fold(form) for form in forms}
        if len(words) != 1 or words & _NEVER_SHORT_FORMS:
            continue
        word = next(iter(words))
        owners = [
            o
            for o in organizations
            if o is not cluster and any(" " in key and word in key.split() for key in o.keys)
        ]
        if len(owners) == 1 and owners[0] in clusters:
            _absorb(owners[0], cluster, clusters)


def _rank(clusters: Sequence[_Cluster], aliases: dict[str, str], excluded: frozenset[str]) -> list[Actor]:
    kept = [c for c in clusters if not c.is_doubtful() and not any(_is_excluded(k, excluded) for k in c.keys)]
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
                aliases=_aliases(name, cluster),
                type=cluster.actor_type,
                mentions=cluster.mentions,
                salience=round(cluster.score / top, 4),
            )
        )
    actors.sort(key=lambda a: (-a.salience, -a.mentions, a.name))
    return actors[:MAX_ACTORS]
