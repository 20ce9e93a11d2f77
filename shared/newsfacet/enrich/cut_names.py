"""Names the model cut from the longer name of a thing: "Hazel" of "the Hazel Hen supercomputer",
"Guinness World" of "a Guinness World Record", "Yerba" of "Yerba Buena Center", "Advent" of
"Advent of Code". The words after the span carry on the name in capitals, and the whole name is a
thing's: it holds the word of an event, a record, a facility or a code, or it is set before
the noun of a product or a programme. What the model kept is a piece of that name, no actor.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from newsfacet.enrich.actor_vocabulary import NOT_ACTOR_HEADS, NOT_ACTOR_LAST_WORDS, PRODUCT_NOUNS

# Up to three more capitalised words right after the span, "of" or "for the" allowed between.
_CONTINUATION: Final = re.compile(
    r"(?:[ \t]+(?:of|for|for\s+the|de)?[ \t]*[A-Z][\w'’-]*){1,3}(?=(?P<after>[ \t]+[a-z]+)?)"
)
_THING_LAST_WORDS: Final = NOT_ACTOR_LAST_WORDS | frozenset(
    {"record", "records", "code", "center", "centre", "hall", "arena", "stadium", "building"}
    | {"tower", "bridge", "airport", "station", "hotel", "museum", "theatre", "theater", "park"}
)


def names_cut_from_things(text: str, mentions: Iterable[tuple[str, tuple[int, int], bool]]) -> frozenset[str]:
    """The names (as written) every body mention of which (name, (start, end), whether the model
    typed it a person's) the model cut from a thing's longer name (see the module's docstring).
    After a person's name, "of" opens an affiliation ("Jane Roe of the Acme Center"), no name."""
    votes: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, (_start, end), person in mentions:
        count = votes[name]
        count[0] += _is_cut_from_a_thing(text, end, person=person)
        count[1] += 1
    return frozenset(name for name, (cut, total) in votes.items() if cut == total)


def _is_cut_from_a_thing(text: str, end: int, *, person: bool) -> bool:
    if text[end - 1 : end] in {"'", "’"} or text[end - 2 : end] in {"'s", "’s"}:
        return False  # "Harvard University’s Belfer Center": the owner, then what it owns
    match = _CONTINUATION.match(text, end)
    if match is None or (person and match.group(0).split(None, 1)[0] in {"of", "for", "de"}):
        return False
    words = {word.casefold() for word in match.group(0).split()}
    head = (match.group("after") or "").strip()
    return bool(words & _THING_LAST_WORDS) or head in NOT_ACTOR_HEADS or head in PRODUCT_NOUNS
