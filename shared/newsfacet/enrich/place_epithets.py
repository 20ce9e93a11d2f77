"""Places a country's news names by an epithet rather than by their name: "the National Capital"
or "the national capital" in an Indian story is Delhi. An epithet means its place only in a story
about that country (elsewhere "the national capital" is any capital), so the gazetteer does not
hold it; `places.resolve_places` asks `epithet_place` about each mention nothing else resolved.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from newsfacet.enrich.gazetteer import Gazetteer, Place
from newsfacet.enrich.mentions import Mention, mention_at

# Folded epithet -> (country of the stories that use it, city it names there), the usual first.
EPITHETS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "national capital": (("IN", "Delhi"),),
}
# "the national capital" in lower case, which the model leaves untyped; not "the national capital
# region" or "territory", a region's name.
_LOWER_CASE_EPITHET = re.compile(
    r"(?<![\w-])[Tt]he (?P<epithet>national capital)(?![\w-]| (?:[Rr]egion|[Tt]erritory)\b)"
)


def epithet_mentions(title: str, text: str) -> list[Mention]:
    """Place mentions for the epithets written in lower case, named as the capitalised form."""
    found = []
    for source, origin in ((0, title), (1, text)):
        for match in _LOWER_CASE_EPITHET.finditer(origin) if "national capital" in origin else ():
            mention = mention_at(origin, *match.span("epithet"), "GPE", in_title=source == 0)
            found.append(dataclasses.replace(mention, text=match.group("epithet").title()))
    return found


def epithet_place(key: str, context: set[str] | frozenset[str], gazetteer: Gazetteer) -> Place | None:
    """The city an epithet names in a story about its country, else None."""
    for country, city in EPITHETS.get(key, ()):
        if country in context:
            return next((c for c in gazetteer.candidates(city) if c.country_code == country), None)
    return None
