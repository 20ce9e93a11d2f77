"""What the words in and around a place-like name say it is not: a stock index ("the Shanghai
Composite"), a word or a unit that folds like a state's abbreviation ("The Mass", "540 Nm"), an
office whose name opens with a state's ("the New York State Attorney General").
`places.resolve_places` leaves such mentions unresolved.
"""

from __future__ import annotations

from typing import Final

from newsfacet.enrich.geo_aliases import US_STATE_ABBREVIATIONS
from newsfacet.enrich.mentions import Mention
from newsfacet.enrich.names import fold

# Words after a place's name that make it a stock index's ("the Shanghai Composite", "the Taiwan
# Weighted index", "the Jakarta Composite Index").
INSTRUMENT_WORDS: Final = frozenset({"composite", "component", "index", "weighted"})
# US states' AP abbreviations, folded ("Mass." is "mass"): places only written with their dots or in
# capitals ("N.M.", "NM"); "Mass", "Nm", "Ore", "Del" are words.
STATE_ABBREVIATION_KEYS: Final = frozenset(fold(abbreviation) for abbreviation in US_STATE_ABBREVIATIONS)
# Words after "<state> State" that make it the start of an office's or body's name.
STATE_OFFICE_WORDS: Final = frozenset(
    {"attorney", "comptroller", "treasurer", "senate", "assembly", "legislature", "police", "patrol"}
    | {"troopers", "university", "department", "board", "court", "senator", "assemblyman"}
)


def is_no_place(mention: Mention, key: str) -> bool:
    """Whether the mention's words say it names no place, whatever the gazetteer holds."""
    if key in STATE_ABBREVIATION_KEYS and "." not in mention.text and not mention.text.isupper():
        return True
    return key.endswith(" state") and mention.next_word in STATE_OFFICE_WORDS
