"""What the words around a name say about the kind of thing it names, beyond the model's label.

News names a programme, a mission, an event or a product by setting its name before the noun of
its kind ("the COTS program", "its Dream Chaser vehicle", "a Suboxone strip"), often after the
acronym it introduces ("the Volatiles Investigating Polar Exploration Rover (VIPER) mission"); or
by an apposition that says what it is ("Inherent Resolve, the U.S. military operation against
..."); and a work by its title in quotation marks ("classics such as “Mary Poppins”"). Each cue is
read once per mention, anchored at the name's ends (`mentions.mention_at`); `actors` drops the
mentions whose cue names a kind that is no actor (`actor_vocabulary.NOT_ACTOR_HEADS`). What makes
a name a product across the article (its own words, a version, a category) is `product_evidence`;
what makes a line a cross-heading is `page_lines`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from newsfacet.enrich.actor_vocabulary import (
    MACHINE_HEADS,
    NOT_ACTOR_HEADS,
    ORGANIZATION_LAST_WORDS,
)

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
    after = origin[end : end + 2]
    closes = after[:1] in _CLOSING_QUOTES and after[:1] != ""
    closes = closes or (after[:1] in ".,!?" and after[:1] != "" and after[1:2] in _CLOSING_QUOTES)
    if start == 0 or origin[start - 1] not in _OPENING_QUOTES:
        return closes and _closes_a_title(origin, start)
    return closes


# A title's words before a name that closes it ("“Takin’ It to the Streets”"): capitalised, or
# the short words titles keep in lower case. A quotation has lower-case words ("“I told Smith”").
_TITLE_BEFORE_NAME = re.compile(
    r"[“‘\"](?:(?:[A-Z][\w’'-]*|a|an|the|to|of|in|on|at|for|and|or|with|from|by)\s+){1,6}$"
)
_TITLE_REACH: Final = 60


def _closes_a_title(origin: str, start: int) -> bool:
    return _TITLE_BEFORE_NAME.search(origin, max(0, start - _TITLE_REACH), start) is not None


def names_no_actor(mention: Mention) -> bool:
    """Whether the cues around one mention say it names no actor: a title in quotation marks, the
    noun of a kind that is no actor before the name, after it or in an apposition, or the noun of a machine
    after a name that is not an organisation's ("his Navy jet"). Only this mention goes: the name
    stays an actor where the text names it otherwise ("a NASA mission", "NASA said")."""
    if mention.quoted_title or mention.after_kind_noun or mention.apposition_noun in NOT_ACTOR_HEADS:
        return True
    if mention.head_noun in NOT_ACTOR_HEADS:
        return True
    if mention.head_noun not in MACHINE_HEADS:
        return False
    words = mention.text.casefold().split()
    return bool(words) and words[-1] not in ORGANIZATION_LAST_WORDS
