"""What the words around a name say about the kind of thing it names, beyond the model's label.

News names a programme, a mission, an event or a product by setting its name before the noun of
its kind ("the COTS program", "its Dream Chaser vehicle", "a Suboxone strip"), often after the
acronym it introduces ("the Volatiles Investigating Polar Exploration Rover (VIPER) mission"); or
by an apposition that says what it is ("Inherent Resolve, the U.S. military operation against
..."); and a work by its title in quotation marks ("classics such as “Mary Poppins”"). Each cue is
read once per mention, anchored at the name's ends (`mentions.mention_at`); `actors` drops the
mentions whose cue names a kind that is no actor (`actor_vocabulary.NOT_ACTOR_HEADS`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Final

from newsfacet.enrich.actor_vocabulary import (
    MACHINE_HEADS,
    MODEL_WORDS,
    NOT_ACTOR_HEADS,
    ORGANIZATION_LAST_WORDS,
    PRODUCT_KEYS,
    PRODUCT_NOUNS,
)
from newsfacet.enrich.names import fold

if TYPE_CHECKING:  # `mentions` reads these cues for each mention it makes
    from newsfacet.enrich.mentions import Mention

# The lower-case noun right after a name, or after the acronym the name introduces.
_HEAD_NOUN = re.compile(r"(?:\s*\([A-Z][\w.&-]*\)|\))?\s+(?P<noun>[a-z]+)(?![\w-])")
# ", the U.S. military operation against ...", ", a prescription drug.": the apposition's noun
# closes it, after at most four words (an adjective, a possessive, a place).
_APPOSITION = re.compile(
    r",\s+(?:a|an|the|its|their)\s+(?:[\w.’'-]+\s+){0,4}?(?P<noun>[a-z]+)(?=\s+(?:of|for|against|to|that|which)\b|[,;.])"
)
# "published in the journal JAMA Psychiatry", "the film Joker", "the rover VIPER": the noun of a
# work's, a programme's or a product's kind set right before its name.
_KIND_BEFORE = re.compile(
    r"(?<![\w-])(?:journal|album|film|movie|novel|song|show|series|podcast|documentary|book|program"
    r"|programme|operation|mission|rover|lander|spacecraft|drug)\s+$"
)
_KIND_BEFORE_REACH: Final = 14
# A word of a name that mixes letters and digits, as model numbers do ("LC500", "3D", "PS4"); not an
# ordinal ("21st Century Fox").
_MODEL_NUMBER = re.compile(
    r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])(?![\d]+(?:st|nd|rd|th)\b)[\w-]+(?![\w-])"
)
# Words joined by "and" on a line of their own: a cross-heading. Not "&", which joins the words of
# many firms' names ("Clark Moving & Storage") that list pages set as headings.
_JOINED = re.compile(r" and ")
_OPENING_QUOTES: Final = '“"‘'
_CLOSING_QUOTES: Final = '”"’'


def head_noun(origin: str, end: int) -> str:
    """The lower-case noun a name ending at `end` is set before ("program" for "the COTS program"
    and for "the Commercial Orbital Transportation Services (COTS) program"), or ""."""
    match = _HEAD_NOUN.match(origin, end)
    return match.group("noun") if match else ""


def apposition_noun(origin: str, end: int) -> str:
    """The noun of an apposition that follows the name and says what it is ("operation" for
    "Inherent Resolve, the U.S. military operation against ..."), or ""."""
    match = _APPOSITION.match(origin, end)
    return match.group("noun") if match else ""


def follows_kind_noun(origin: str, start: int) -> bool:
    """Whether the name comes right after the noun of a kind that is no actor ("the journal JAMA
    Psychiatry", "the album Lover")."""
    return _KIND_BEFORE.search(origin, max(0, start - _KIND_BEFORE_REACH), start) is not None


def is_quoted_title(origin: str, start: int, end: int) -> bool:
    """Whether the name stands alone in quotation marks, as news writes the titles of works
    ("including “Mary Poppins” and “Bambi.”"); a quote that opens or closes with the name but goes
    on is a quotation, not a title."""
    if start == 0 or origin[start - 1] not in _OPENING_QUOTES:
        return False
    after = origin[end : end + 2]
    closes = after[:1] in _CLOSING_QUOTES and after[:1] != ""
    return closes or (after[:1] in ".,!?" and after[:1] != "" and after[1:2] in _CLOSING_QUOTES)


def is_whole_line(origin: str, start: int, end: int) -> bool:
    """Whether the span is all its line holds, as a cross-heading is. Walks out from the span
    rather than slicing the text, which would copy a long body for every mention."""
    at = start - 1
    while at >= 0 and origin[at] in " \t":
        at -= 1
    if at >= 0 and origin[at] != "\n":
        return False
    at = end
    while at < len(origin) and origin[at] in " \t":
        at += 1
    return at == len(origin) or origin[at] == "\n"


def names_no_actor(mention: Mention) -> bool:
    """Whether the cues around one mention say it names no actor: a title in quotation marks, the
    noun of a kind that is no actor before the name, after it or in an apposition, or the noun of a machine
    after a name that is not an organisation's ("his Navy jet"). Only this mention goes: the name
    stays an actor where the text names it otherwise ("a NASA mission", "NASA said")."""
    if mention.quoted_title or mention.after_kind_noun or mention.apposition_noun in NOT_ACTOR_HEADS:
        return True
    if mention.whole_line and _JOINED.search(mention.text):
        return True  # a cross-heading ("Interior and Technology", "Price and Availability")
    if mention.head_noun in NOT_ACTOR_HEADS:
        return True
    if mention.head_noun not in MACHINE_HEADS:
        return False
    words = mention.text.casefold().split()
    return bool(words) and words[-1] not in ORGANIZATION_LAST_WORDS


def is_product(name: str, makers: Collection[str], *, person: bool = False) -> bool:
    """A product's name, not an actor's: a model word or a product noun at the end ("Switch Lite",
    "AirPods Pro", "Magic Keyboard"), a model number ("Premium 3D Sound System", "LC500
    Convertible"), a product the vocabulary knows after its maker ("Amazon Alexa"), or a maker the
    article names followed by words that make no organisation ("Apple AirPods", "Amazon Echo Buds";
    but "Walt Disney Co.", "Samsung Electronics", "U.S. Navy"). The maker itself stays an actor
    wherever it is named alone. One word is a product only as a model's edition ("the Convertible";
    not for a person: "Max")."""
    key = fold(name)
    if " " not in name:
        return not person and key in MODEL_WORDS
    first, last = key.split(" ", 1)[0], key.rsplit(" ", 1)[-1]
    if last in ORGANIZATION_LAST_WORDS:
        return False
    return (
        last in MODEL_WORDS
        or last in PRODUCT_NOUNS  # "Magic Keyboard", "Surface Laptop"
        or _MODEL_NUMBER.search(name) is not None
        or key[len(first) + 1 :] in PRODUCT_KEYS
        or any(key.startswith(maker + " ") for maker in makers if maker != key)
    )
