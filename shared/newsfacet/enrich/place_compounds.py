"""Places written as a compound with a hyphen, dash or slash: a metropolitan region named by its
cities or by a city and the region's acronym ("Dallas-Fort Worth", "Delhi-NCR"), and two places
named together ("the U.S.-Mexico border", "Russia-Ukraine talks").

The model cuts such compounds anywhere: "Dallas" and "Fort Worth" as two places, "Raleigh-Durham"
or "U.S.-Mexico" as one organisation, "Delhi NCR" as a person. `compound_place_spans` finds them
before the model's entities are read, so that they take the text: a compound the gazetteer knows
as a whole is that region, any other compound of two places is each of its places.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from newsfacet.enrich.gazetteer import Gazetteer, Place
from newsfacet.enrich.names import clean_name

if TYPE_CHECKING:  # `mentions` finds compounds with `compound_place_spans`
    from newsfacet.enrich.mentions import Mention

# A capitalised word ("Fort"), an abbreviation ("St.", "U.S.") or a region's acronym ("NCR").
# (Its capital apart: `_COMPOUND` opens with it, as a pattern that opens with a letter is scanned
# for much faster, 0.37 -> 0.24 ms a page.)
_AFTER_CAPITAL: Final = r"(?:\.[A-Z])+\.|[a-z]{1,2}\.(?=\s)|\w*"
_WORD: Final = rf"[A-Z](?:{_AFTER_CAPITAL})"
_NAME: Final = rf"(?:{_WORD})(?:[ ](?:{_WORD})){{0,2}}"
_FIRST_NAME: Final = rf"[A-Z](?<![\w.'’-][A-Z])(?:{_AFTER_CAPITAL})(?:[ ](?:{_WORD})){{0,2}}"
# Two names joined by a hyphen, an en dash or a slash (spaces around a slash or dash allowed), or
# a name and a region's acronym after a space ("Delhi NCR"). Not inside a longer hyphenated word,
# but before "-based" ("a Dallas-Fort Worth-based airline").
_JOINT_OR_ACRONYM: Final = r"-|–|\s?/\s?|\s–\s|[ ](?=[A-Z]{2,5}\b)"
_COMPOUND: Final = re.compile(
    rf"(?P<first>{_FIRST_NAME})(?P<joint>{_JOINT_OR_ACRONYM})(?P<second>{_NAME})(?!\w|-(?!based\b))"
)

# Nouns after a compound of two places that make it one region, or a road between them.
_REGION_AFTER: Final = re.compile(r"\s+(?:area|metro|metropolitan|region|metroplex)\b")
ROUTE_NOUNS: Final = ("highway", "road", "railway", "railroad", "expressway", "motorway", "freeway")
# With the road's number between ("the Baghdad-Damascus (M2) highway"), left out of its name.
_ROAD_NUMBER: Final = re.compile(r"\s+\([A-Z]{0,3}-?\d{1,4}\)")
_ROUTE_AFTER: Final = re.compile(rf"(?:{_ROAD_NUMBER.pattern})?\s+(?:{'|'.join(ROUTE_NOUNS)})\b")


def compound_place_spans(
    origins: tuple[str, str], is_place_name: Callable[[str], bool]
) -> list[tuple[int, int, int, str]]:
    """The place compounds of the title (source 0) and the body (source 1), as the model's
    entities are given: (source, start, end, "GPE"). A compound the gazetteer knows as a whole
    ("Raleigh-Durham") is one span; two places joined otherwise ("U.S.-Mexico") are two spans;
    a compound of which a part is no place ("Coca-Cola", "Israel-Hamas") gives none."""
    found: list[tuple[int, int, int, str]] = []
    for source, origin in enumerate(origins):
        # In prose, a capitalised word right after the compound makes it part of a longer name
        # ("the U.S.-China Business Council", "Dallas-Fort Worth International Airport"), which the
        # model reads whole; a headline in title case capitalises every word.
        in_prose = source == 1 or not _is_title_case(origin)
        for match in _COMPOUND.finditer(origin):
            spans = _place_parts(origin, match, is_place_name)
            if spans and in_prose and _NAME_GOES_ON.match(origin, spans[-1][1]):
                continue
            found.extend((source, start, end, "GPE") for start, end in spans)
    return found


_NAME_GOES_ON: Final = re.compile(r"[ ]+[A-Z]")
_TITLE_WORD: Final = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _is_title_case(title: str) -> bool:
    words = _TITLE_WORD.findall(title)
    return len(words) >= 2 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


def _place_parts(
    origin: str, match: re.Match[str], is_place_name: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The spans of the places of one compound: the whole, or its two parts, or none. A part may
    carry capitalised words that are not its own ("In Dallas-Fort Worth Home Prices"): the last
    words of the first part and the first words of the second that name a place are taken."""
    first_start, first_end = match.span("first")
    second_start, second_end = match.span("second")
    firsts = _suffix_starts(origin, first_start, first_end)
    seconds = _prefix_ends(origin, second_start, second_end)
    for whole_start in firsts:
        for whole_end in seconds:
            if is_place_name(origin[whole_start:whole_end]):
                return [(whole_start, whole_end)]
    if match.group("joint").isspace():
        return []  # "Delhi NCR" is a place only as a whole
    found_start = next((s for s in firsts if is_place_name(origin[s:first_end])), None)
    found_end = next((e for e in seconds if is_place_name(origin[second_start:e])), None)
    if found_start is None or found_end is None:
        return []
    start, end = found_start, found_end
    if end == second_end and _REGION_AFTER.match(origin, end):
        return [(start, end)]  # "the Tampa-St. Petersburg area": one region
    route = _ROUTE_AFTER.match(origin, end) if end == second_end else None
    if route is not None:
        return [(start, route.end())]  # "the Baghdad-Damascus highway": the road, a place of its own
    return [(start, first_end), (second_start, end)]


def _suffix_starts(origin: str, start: int, end: int) -> list[int]:
    """Where the first part's word runs that end at `end` start, longest first."""
    starts = [start]
    starts += [start + at + 1 for at, char in enumerate(origin[start:end]) if char == " "]
    return starts


def _prefix_ends(origin: str, start: int, end: int) -> list[int]:
    """Where the second part's word runs that start at `start` end, longest first."""
    ends = [start + at for at, char in enumerate(origin[start:end]) if char == " "]
    return [end, *reversed(ends)]


_JOINT: Final = re.compile(r"\s?[-–/]\s?")


def compound_place(mention: Mention, gazetteer: Gazetteer) -> Place | None:
    """The place of a compound the text names as one (see `compound_region`), else None."""
    name = clean_name(mention.text) if mention.label == "GPE" and mention.text.count("-") == 1 else None
    return compound_region(name, gazetteer) if name else None


def compound_region(name: str, gazetteer: Gazetteer) -> Place | None:
    """The place a compound the gazetteer does not list names: a region ("Tampa-St. Petersburg" of
    "the Tampa-St. Petersburg area") when both its cities are of one country, in that country; a
    road ("Baghdad-Damascus highway") in the country of both ends, if they share one. A point
    between the two."""
    name = _ROAD_NUMBER.sub("", name)
    words, _, last = name.rpartition(" ")
    is_route = last in ROUTE_NOUNS
    parts = _JOINT.split(words if is_route else name)
    if len(parts) != 2:
        return None
    first, second = (next(iter(gazetteer.candidates(part)), None) for part in parts)
    if first is None or second is None or (first.country_code != second.country_code and not is_route):
        return None
    country = first.country_code if first.country_code == second.country_code else None
    points = [(p.latitude, p.longitude) for p in (first, second)]
    if any(lat is None or lon is None for lat, lon in points):
        return Place(name, "area" if is_route else "region", country, None, None)
    latitude = round(sum(lat or 0.0 for lat, _ in points) / 2, 4)
    longitude = round(sum(lon or 0.0 for _, lon in points) / 2, 4)
    return Place(name, "area" if is_route else "region", country, latitude, longitude)
