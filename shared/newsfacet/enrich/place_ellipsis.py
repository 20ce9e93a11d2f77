"""Places named by ellipsis: "Central and South America", "North and South Carolina".

The model takes "Central and South America" as one place, which no gazetteer knows; the text names
two, sharing their last word. Each half that the gazetteer knows as a place becomes a mention of
its own (the first half with the shared word added: "Central America", "North Carolina").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final

from newsfacet.enrich.mentions import Mention

_PLACE_LABELS: Final = frozenset({"GPE", "LOC"})
# "Central and South America": a modifier, "and" (or "or", "&"), then a full name.
_ELLIPSIS: Final = re.compile(
    r"(?P<first>[A-Z][a-z]+)\s+(?:and|or|&)\s+(?P<second>[A-Z][a-z]+(?P<shared>(?:\s+[A-Z][a-z]+)+))"
)


def split_place_ellipses(mentions: Sequence[Mention], is_place_name: Callable[[str], bool]) -> list[Mention]:
    """`mentions` with each place named by ellipsis that the gazetteer does not know as a whole
    replaced by the halves it knows."""
    found: list[Mention] = []
    for mention in mentions:
        match = _ELLIPSIS.fullmatch(mention.text) if mention.label in _PLACE_LABELS else None
        if match is None or is_place_name(mention.text):
            found.append(mention)
            continue
        halves = [match.group("first") + match.group("shared"), match.group("second")]
        known = [half for half in halves if is_place_name(half)]
        found.extend(replace(mention, text=half) for half in known)
        if not known:
            found.append(mention)
    return found
