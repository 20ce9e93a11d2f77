"""Organisations news names often that the small English model misses, cuts short or takes for a
person ("Boko Haram", "Northrop Grumman" typed PERSON; "the Haqqani network" cut to "Haqqani";
"Raytheon" left untyped; "Reform UK" cut to "Reform"), by name: organisations wherever the text
writes them.

Only names that are no common word, no place and no person's first name ("Leonardo" and "Rafael"
stay out), and only those the model gets wrong: the ones it knows ("Hezbollah", "BAE Systems") need
no list.
"""

from __future__ import annotations

import re
from typing import Final

from newsfacet.enrich.mentions import Mention, mention_at

# Insurgent and militant groups.
MILITANT_GROUPS: Final = frozenset(
    {"Haqqani network", "Haqqani Network", "al-Shabaab", "Al-Shabaab", "al-Shabab", "Al-Shabab"}
    | {"Boko Haram", "Hayat Tahrir al-Sham", "Lashkar-e-Taiba", "Jaish-e-Mohammed", "Ansar Allah"}
    | {"Tehrik-i-Taliban Pakistan", "Lord's Resistance Army", "Lord’s Resistance Army"}
)
# Defence, aerospace and space companies.
DEFENCE_AND_SPACE_FIRMS: Final = frozenset(
    {"Lockheed Martin", "Northrop Grumman", "Raytheon", "Rheinmetall", "Anduril", "SpaceX"}
    | {"L3Harris", "Huntington Ingalls", "Dassault Aviation", "Kongsberg", "Hanwha Aerospace"}
)
# Political parties the model misses or cuts ("Reform UK" to "Reform").
PARTIES_THE_MODEL_MISSES: Final = frozenset(
    {"Reform UK", "Plaid Cymru", "Sinn Féin", "Sinn Fein", "Alba Party", "Alliance Party"}
)

# One scan for all of them, compiled once.
_LISTED_NAMES: Final = MILITANT_GROUPS | DEFENCE_AND_SPACE_FIRMS | PARTIES_THE_MODEL_MISSES
_LISTED: Final = re.compile(
    r"(?<![\w'’-])(?:"
    + "|".join(re.escape(name) for name in sorted(_LISTED_NAMES, key=len, reverse=True))
    + r")(?![\w-])"
)


def listed_organization_mentions(title: str, text: str) -> list[Mention]:
    """An organisation mention for every occurrence of a listed name in the title and body."""
    return [
        mention_at(origin, match.start(), match.end(), "ORG", in_title=source == 0)
        for source, origin in ((0, title), (1, text))
        # A substring test per name first: most pages name none, and it cost a tenth of the scan.
        for match in (_LISTED.finditer(origin) if any(name in origin for name in _LISTED_NAMES) else ())
    ]
