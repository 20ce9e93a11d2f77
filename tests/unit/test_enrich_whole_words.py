"""`WholeWords` finds exactly what the regex alternation it replaces found (same matches, same order)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from newsfacet.enrich.whole_words import WholeWords

_STORY = (
    "Maria Lopez, the mayor of San José, met Lopez's rivals in San Jose-Nord on Monday. "
    "The Port Authority of San José said the port's authority ended; Authority-wide cuts follow. "
    'Lopez said: "Lopez Lopez" (Lopez) and San José.\nSan José_2 is not a name; Éloi Lopez is one.'
)
_NAMES = ("Maria Lopez", "Lopez", "San José", "San Jose", "Port Authority", "Authority", "José", "(Lopez)")


def _by_regex(surfaces: tuple[str, ...], text: str) -> list[tuple[int, int, str]]:
    ordered = sorted(surfaces, key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(s) for s in ordered)})(?!\w)")
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def _by_whole_words(surfaces: tuple[str, ...], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in WholeWords(surfaces).finditer(text)]


def test_finds_the_longest_whole_name_at_each_place_as_the_regex_did() -> None:
    found = _by_whole_words(_NAMES, _STORY)
    assert found == _by_regex(_NAMES, _STORY)
    texts = [text for _, _, text in found]
    assert (0, 11, "Maria Lopez") in found  # the longer name wins over "Lopez" inside it
    assert "José" not in texts  # "San José" is taken whole wherever it stands
    assert texts.count("San José") == 3  # not the one touching "_2"
    assert "Authority" in texts  # "Authority-wide": a hyphen is not a word character


def test_nothing_to_find() -> None:
    assert list(WholeWords(()).finditer(_STORY)) == []
    assert list(WholeWords(("Lisbon",)).finditer(_STORY)) == []


_letters = st.sampled_from(list("ab _-.'é1"))


@settings(max_examples=300, deadline=None)
@given(
    surfaces=st.lists(st.text(_letters, min_size=2, max_size=4), min_size=1, max_size=6, unique=True),
    text=st.text(_letters, max_size=60),
)
def test_same_matches_as_the_regex_on_any_text(surfaces: list[str], text: str) -> None:
    assert _by_whole_words(tuple(surfaces), text) == _by_regex(tuple(surfaces), text)
