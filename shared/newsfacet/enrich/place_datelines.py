"""Datelines: the place a story was filed from, at the start of its body or of a wire story's
paragraph ("NEW DELHI —", "WASHINGTON (Reuters) -", "LONDON:", "BEIRUT, Lebanon (AP) —",
"Mumbai, Nov 20:"). The model reads a place in capitals as an organisation or nothing ("MUMBAI",
"LOUIS" of "ST. LOUIS"); `dateline_place_spans` gives the dateline's places as places before the
model's entities are read, so that they take the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

_CAPITALS_WORD: Final = r"[A-Z][A-Z.'’-]*"
_TITLE_WORD: Final = r"[A-Z][a-z.'’-]*"
_MONTH: Final = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# The filing place, then its state or country (", Lebanon", " [India]"), a date (", Nov 20",
# ", Nov. 20, 2024"), an agency's credit ("(AP)", "(ANI)", "/PRNewswire/", left blank once credits
# are removed) and the dash or colon that ends the line's dateline. A place in capitals may open
# any paragraph; one in title case only the body.
_AFTER_PLACE: Final = (
    rf"(?:(?:,[ ]+|[ ]+\[)(?P<region>{_TITLE_WORD}(?:[ ]{_TITLE_WORD}){{0,2}})\]?)?"
    rf"(?:,?[ ]+{_MONTH}[ ]+\d{{1,2}}(?:,[ ]+\d{{4}})?)?"
    r"(?:[ ]*\([^()\n]{1,30}\)|[ ]*/[^/\n]{1,30}/|[ ]{2,})?[ ]*(?:—|–|--|-|:)[ ]"
)
_CAPITALS_DATELINE: Final = re.compile(
    rf"(?m)^[ \t]*(?P<place>{_CAPITALS_WORD}(?:[ ]{_CAPITALS_WORD}){{0,3}}){_AFTER_PLACE}"
)
_TITLE_CASE_DATELINE: Final = re.compile(
    rf"[ \t]*(?P<place>{_TITLE_WORD}(?:[ ]{_TITLE_WORD}){{0,2}}){_AFTER_PLACE}"
)


def dateline_place_spans(text: str, is_place_name: Callable[[str], bool]) -> list[tuple[int, int, int, str]]:
    """The places of the body's datelines as the model's entities are given: (1, start, end,
    "GPE"). The filing place counts when the gazetteer knows it or the state or country after it
    ("BRAUNAU AM INN, Austria"); a line opening in capitals that names no place ("BREAKING:",
    "UPDATE —") gives nothing."""
    matches = list(_CAPITALS_DATELINE.finditer(text))
    opening = _TITLE_CASE_DATELINE.match(text)
    if opening is not None and not opening.group("place").isupper():
        matches.append(opening)
    found: list[tuple[int, int, int, str]] = []
    for match in matches:
        place, region = match.group("place"), match.group("region")
        known_region = region is not None and is_place_name(region)
        if not (is_place_name(place) or known_region):
            continue
        found.append((1, *match.span("place"), "GPE"))
        if known_region:
            found.append((1, *match.span("region"), "GPE"))
    return found
