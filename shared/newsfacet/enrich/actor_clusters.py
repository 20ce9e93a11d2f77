"""Merging the mentions of one article into one cluster per real-world actor.

A person's longest full-name form is canonical and every shorter form whose words it contains
attaches to it ("Assad", "President Bashar al-Assad" -> "Bashar al-Assad"). Organisations merge on
their folded name, the alias table (`actor_vocabulary.ORGANIZATION_ALIASES`), acronyms of a longer
form, and short forms that begin or end a longer name in the same article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from newsfacet.enrich.mentions import Mention
from newsfacet.enrich.names import acronym, fold, person_tokens
from newsfacet.model import ActorType

TITLE_WEIGHT: Final = 3.0


@dataclass(slots=True)
class Cluster:
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


def weight(mention: Mention) -> float:
    return TITLE_WEIGHT if mention.in_title else 1.0 + (1.0 - mention.position)


def merge_persons(persons: Sequence[tuple[str, Mention]]) -> list[Cluster]:
    """Cluster person names: each name joins the cluster of the longest name containing its words,
    once a verb glued before a surname is gone ("Said Ferrer", see `_without_glued_verbs`)."""
    by_name: defaultdict[str, list[Mention]] = defaultdict(list)
    for name, mention in _without_glued_verbs(persons):
        by_name[name].append(mention)
    names = sorted(by_name, key=lambda n: (-len(person_tokens(n)), -len(n), -len(by_name[n]), n))
    clusters: list[Cluster] = []
    for name in names:
        tokens = person_tokens(name)
        if not tokens:
            continue
        owners = [c for c in clusters if tokens <= c.tokens]
        if owners:
            # Ambiguous short forms ("Smith" with John and Jane Smith) go to the most mentioned.
            cluster = max(owners, key=lambda c: (c.mentions, c.score))
        else:
            cluster = Cluster("person", tokens=tokens)
            clusters.append(cluster)
        for mention in by_name[name]:
            cluster.add(
                name, weight(mention), opens_sentence=mention.opens_sentence, in_body=not mention.in_title
            )
    return clusters


# Verbs that open a sentence right before a surname and that the model reads as a first name:
# "Said Ferrer: ...", "Added Lind, ...", "Ask Ruiz and ...".
_VERBS_BEFORE_SURNAME: Final = frozenset({"said", "says", "added", "adds", "asked", "ask", "told", "wrote"})


def _without_glued_verbs(persons: Sequence[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    """ "Said Ferrer" -> "Ferrer" where the article names a Tomas Ferrer: a verb opening the
    sentence glued to a surname. A name whose second word is no one's surname stays ("Said
    Jalili" is a first name and a surname)."""
    surnames = {
        name.rsplit(" ", 1)[1]
        for name, _mention in persons
        if " " in name and name.split(" ", 1)[0].casefold() not in _VERBS_BEFORE_SURNAME
    }
    unglued = []
    for name, mention in persons:
        verb, _, rest = name.partition(" ")
        glued = mention.opens_sentence and verb.casefold() in _VERBS_BEFORE_SURNAME
        unglued.append((rest, mention) if glued and rest in surnames and " " not in rest else (name, mention))
    return unglued


def merge_organizations(
    orgs: Sequence[tuple[str, Mention, ActorType]],
    clusters: list[Cluster],
    aliases: dict[str, str],
    is_place: Callable[[str], bool] = lambda _key: False,
) -> None:
    """Cluster organisations and groups by alias, folded name, or acronym of a longer form. A
    longer name that is the shorter one and a place of the article ("Paris Baguette North
    America") is a regional arm, an actor of its own."""
    by_key: dict[str, Cluster] = {}
    for name, mention, actor_type in orgs:
        key = fold(name)
        alias = aliases.get(key)
        cluster_key = fold(alias) if alias else key
        tokens = person_tokens(name)
        # A one-word organisation that is really a known person's name ("Assad" typed ORG).
        if actor_type == "organization" and len(tokens) == 1 and not name.isupper():
            person = next((c for c in clusters if c.actor_type == "person" and tokens <= c.tokens), None)
            if person is not None:
                person.add(name, weight(mention), in_body=not mention.in_title)
                continue
        cluster = by_key.get(cluster_key)
        if cluster is None:
            cluster = Cluster(actor_type)
            by_key[cluster_key] = cluster
            clusters.append(cluster)
        cluster.add(alias or name, weight(mention), in_body=not mention.in_title)

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
            and not (other_key.startswith(key + " ") and is_place(other_key.removeprefix(key + " ")))
        ]
        if len(targets) == 1 and targets[0] in clusters and cluster in clusters:
            if _named_apart(key, targets[0], cluster):
                continue
            _absorb(targets[0], cluster, clusters)


# How often both a short and a longer name must be written to be two actors.
_NAMED_APART: Final = 3
# Short forms too generic to attach to a longer name by themselves ("House" is not the White House).
_NEVER_SHORT_FORMS: Final = frozenset(
    {"house", "senate", "court", "party", "state", "city", "group", "times"}
)


def _absorb(target: Cluster, cluster: Cluster, clusters: list[Cluster]) -> None:
    for variant, count in cluster.forms.items():
        target.forms[variant] += count
    target.keys |= cluster.keys
    target.score += cluster.score
    target.mentions += cluster.mentions
    target.body_mentions += cluster.body_mentions
    clusters.remove(cluster)


def aliases_of(name: str, cluster: Cluster) -> list[str]:
    """The other forms the article names an actor by, one per folded key, most used first."""
    seen = {fold(name)}
    aliases = []
    for form, _count in cluster.forms.most_common():
        key = fold(form)
        if key and key not in seen:
            seen.add(key)
            aliases.append(form)
    return aliases


def attach_words_of_organizations(clusters: list[Cluster]) -> None:
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
        if len(owners) == 1 and owners[0] in clusters and not _named_apart(word, owners[0], cluster):
            _absorb(owners[0], cluster, clusters)


def _named_apart(word: str, owner: Cluster, cluster: Cluster) -> bool:
    """ "Google" and "Google Cloud", each named again and again: a parent and its arm, two actors."""
    opens_owner = any(key.startswith(word + " ") for key in owner.keys)
    return opens_owner and min(owner.mentions, cluster.mentions) >= _NAMED_APART
