"""Places the model leaves untyped or calls organisations, known by the phrase around them: the
town a firm is based in ("a Sugar Land-based provider") and a venue named after its city's
possessive ("Cleveland's Public Auditorium"). `enrich` adds these mentions to the model's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsfacet.enrich.gazetteer import Gazetteer
from newsfacet.enrich.mentions import GAZETTEER, Mention, mention_at
from newsfacet.enrich.names import fold

# "a Sugar Land-based provider", "the Round Rock-based chipmaker": a firm's home town, before
# "-based", is a place however small (the model rarely types it, and the gazetteer's scan of
# untyped names takes only cities of 100,000 people or more).
_BASED_TOWN = re.compile(r"(?<![\w.'’-])(?P<town>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})-based\b")
# Smaller towns share their names with too many words ("Enterprise-based"); `places` still wants
# the town's country in the article.
MIN_BASED_TOWN: Final = 15_000


def based_town_mentions(
    title: str, text: str, gazetteer: Gazetteer, mentions: Sequence[Mention]
) -> list[Mention]:
    """Place mentions for the towns firms are based in ("a Sugar Land-based provider") that no
    other mention names: a town the gazetteer holds as a city of `MIN_BASED_TOWN` people or more."""
    named = {fold(mention.text) for mention in mentions}
    found = []
    for source, origin in ((0, title), (1, text)):
        for match in _BASED_TOWN.finditer(origin) if "-based" in origin else ():
            town = match.group("town")
            if fold(town) in named or gazetteer.is_place_name(town):
                continue  # found by the model or the gazetteer's own scan
            first = next(iter(gazetteer.candidates(town)), None)
            if first is not None and first.kind == "city" and first.population >= MIN_BASED_TOWN:
                found.append(mention_at(origin, *match.span("town"), GAZETTEER, in_title=source == 0))
    return found


# "Cleveland's Public Auditorium", "Houston's Toyota Center": a city's own venue, named after the
# city's possessive, is a place wherever the text names it so.
_CITY_VENUE_WORDS: Final = (
    "Auditorium", "Arena", "Stadium", "Coliseum", "Theater", "Theatre", "Amphitheater", "Ballpark",
    "Center", "Centre", "Hall", "Garden", "Park", "Field",
)  # fmt: skip
# Not the start of a longer name ("Denver's National Park Service"), but before a day ("Houston's
# Toyota Center Friday").
_NOT_MORE_NAME: Final = r"(?![\w-]| of\b|[ \t]+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z])"
# (The first capital before the look-behind: a pattern that opens with a letter is scanned for
# much faster, 0.25 -> 0.11 ms a page.)
_CITY_VENUE = re.compile(
    r"(?P<city>[A-Z](?<![\w.'’-][A-Z])[a-z]+(?: [A-Z][a-z]+)?)['’]s\s+"
    rf"(?P<venue>(?:[A-Z][\w'’.-]*[ \t]+){{1,3}}(?:{'|'.join(_CITY_VENUE_WORDS)})){_NOT_MORE_NAME}"
)


def city_venue_mentions(title: str, text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Place mentions for the venues named after a place's possessive ("Cleveland's Public
    Auditorium"), whatever the model typed them; the place itself is found as any other."""
    found = []
    for source, origin in ((0, title), (1, text)):
        for match in _CITY_VENUE.finditer(origin) if "'s " in origin or "’s " in origin else ():
            if gazetteer.is_place_name(match.group("city")):
                found.append(mention_at(origin, *match.span("venue"), "FAC", in_title=source == 0))
    return found
