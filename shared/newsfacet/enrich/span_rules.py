"""What the words in and around a name's span say about it, beyond the model's label: a possessive
inside the span that joins two names ("Elon Musk's SpaceX"), and platforms named after their
company ("posted on Twitter") as against page furniture ("Follow us on Twitter").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from typing import Final

from newsfacet.enrich.actor_vocabulary import COMPANIES, PLATFORMS
from newsfacet.enrich.geo_aliases import FACILITY_WORDS

# "Elon Musk's SpaceX", "NASA's Office of the Inspector General": an owner, its possessive, and a
# capitalised name (words of a name may be joined by "of", "the", "for", "and", "&").
_INNER_POSSESSIVE = re.compile(r"['’]s?\s+(?=[A-Z0-9])")
_COMPANY_SUFFIXES: Final = frozenset(
    {"inc", "corp", "co", "ltd", "llc", "plc", "company", "companies", "group", "holdings", "investors"}
)
_NAME_WORD = re.compile(r"(?:[A-Z0-9][\w.&]*(?:-[A-Z0-9][\w.&]*)*|of|the|for|and|&)$")


# "L'Équipe, la Ligue de football professionnel": a comma and a lower-case article open a second
# name set beside the first; the French model's spans run over both.
_APPOSITION = re.compile(r",\s+(?=(?:(?:la|le|les|the)\s+|l['’])[A-ZÀ-Þ])")


def apposition_parts(origin: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names of a span that runs over an apposition, each apart; the span itself otherwise."""
    parts = []
    for comma in _APPOSITION.finditer(origin, start, end):
        parts.append((start, comma.start()))
        start = comma.end()
    parts.append((start, end))
    return parts


def split_possessive(
    origin: str,
    start: int,
    end: int,
    label: str,
    is_place_name: Callable[[str], bool] | None,
    *,
    texts: tuple[str, ...] = (),
) -> list[tuple[int, int, str]]:
    """A person's or organisation's span that runs over a possessive names two actors: the owner,
    as the model typed it, and what it owns, an organisation ("Jeff Bezos's Blue Origin",
    "Tufts University's Feinstein International Center"), or no actor when the words after the
    possessive are no name ("Alibaba's New York-listed", "Holcomb's 2016"). A place's possessive
    stays whole: it is a description of the body it names ("Vietnam's Communist Party"). So does
    one word owning one word where `texts` (the title and body) never name the owner apart: the
    whole is one title ("Dawson's Creek"), where "Apple's MacBook" has an Apple of its own."""
    if label not in {"PERSON", "ORG"}:
        return [(start, end, label)]
    possessive = _INNER_POSSESSIVE.search(origin, start, end)
    if possessive is None or possessive.start() == start:
        return [(start, end, label)]
    owner = origin[start : possessive.start()]
    if is_place_name is not None and is_place_name(owner):
        if label == "PERSON":
            # "Russia's Vladimir Putin", "Punjab's Bhatinda": no person's name holds a place's
            # possessive; the place is mentioned, what follows keeps the model's label.
            return [(start, possessive.start(), "GPE"), (possessive.end(), end, label)]
        return [(start, end, label)]
    owned = origin[possessive.end() : end].split()
    if not owned or owned[0].casefold().rstrip(".") in _COMPANY_SUFFIXES:
        return [(start, end, label)]  # "McDonald's Corp.": the company's own "'s"
    one_word_each = len(owned) == 1 and len(owner.split()) == 1
    if one_word_each and not _named_apart(owner, origin[start:end], texts or (origin,)):
        return [(start, end, label)]
    parts = [(start, possessive.start(), label)]
    if all(_NAME_WORD.match(word) for word in owned) and owned[-1][:1].isupper():
        parts.append((possessive.end(), end, "ORG"))
    return parts


def _named_apart(word: str, whole: str, texts: tuple[str, ...]) -> bool:
    return sum(text.count(word) - text.count(whole) for text in texts) > 0


# One scan for all of them (compiled once): a `str.find` per name cost twice as much.
_KNOWN_ORGANIZATIONS: Final = re.compile(
    "|".join(re.escape(name) for name in sorted(PLATFORMS | COMPANIES, key=len, reverse=True))
)


def add_known_organizations(origins: tuple[str, str], labels: defaultdict[str, Counter[str]]) -> None:
    """Platforms named after their company (`PLATFORMS`) and companies the model misses
    (`COMPANIES`), which it often leaves untyped ("posted on Twitter Tuesday", "Nvidia and
    Samsung"): organisations wherever the text writes them (furniture aside, see `is_furniture`)."""
    for origin in origins:
        for name in _KNOWN_ORGANIZATIONS.findall(origin):
            if name not in labels:
                labels[name]["ORG"] += 1


def known_label(text: str, label: str) -> str:
    """ORG for a company of `COMPANIES` the model typed a place or a person ("Netflix" as a
    country), else `label`."""
    return "ORG" if label in {"GPE", "LOC", "PERSON"} and text in COMPANIES else label


# "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube", "Share this story on Facebook".
_FURNITURE_BEFORE = re.compile(
    r"\b(?i:follow|share|like|subscribe|join|find|connect|watch)\b[^\n.!?]{0,40}?\b(?i:on|via|with)\s+"
    r"(?:[A-Z][\w.]*,?\s+(?:(?:and|or|&)\s+)?){0,6}$"
)
_FURNITURE_REACH = 120
# A platform's name opening a span, matched in place: this runs for every mention.
_PLATFORM_FIRST = re.compile(rf"(?i:{'|'.join(sorted(PLATFORMS))})(?!\w)")


def is_furniture(origin: str, start: int, end: int) -> bool:
    """Whether a platform's name (or a span it opens) is page furniture: asked to follow or share
    on, before a handle ("Twitter: @janeroe"), or alone on its line with at most a few other
    capitalised words ("Facebook Twitter Email")."""
    if _PLATFORM_FIRST.match(origin, start) is None:
        return False
    if origin.startswith(":", end):
        return True  # "Twitter: @janeroe" in a byline or a bio
    line_start = origin.rfind("\n", 0, start) + 1
    if _FURNITURE_BEFORE.search(origin, max(line_start, start - _FURNITURE_REACH), start):
        return True
    line_end = origin.find("\n", end)
    words = origin[line_start : line_end if line_end >= 0 else len(origin)].split()
    return len(words) <= 4 and all(word[:1].isupper() for word in words)


def facility_heads(place_keys: Collection[str]) -> frozenset[str]:
    """The first words of the article's facilities' folded names ("blossom" of "blossom music
    center"): that word alone ("Doobie Brothers to play Blossom") is the place's short form, no
    person."""
    heads = (key.split(" ", 1)[0] for key in place_keys if key.rsplit(" ", 1)[-1] in FACILITY_WORDS)
    return frozenset(head for head in heads if " " not in head)


# Nouns a leader's surname is set before after "the": "the Obama administration", "the Bush era".
_TENURE_NOUNS: Final = frozenset({"administration", "presidency", "era", "years", "campaign"})


def names_a_family_or_tenure(key: str, next_word: str, surnames: Collection[str]) -> bool:
    """Whether a name written after "the" is a family, by the plural of a surname of the article
    ("the Bidens" beside "Joe Biden"), or a leader's name set before a tenure ("the Obama
    administration"): a person's name either way, never a team's or a body's."""
    family = key[:-1] in surnames or key.removesuffix("es") in surnames
    return family or next_word.casefold() in _TENURE_NOUNS
