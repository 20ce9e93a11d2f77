"""Which capitalised words are places in an article no NER model reads (German, Spanish...).

There the gazetteer alone finds places, in capitalised word runs (`mentions._gazetteer_runs`). Two
things it misses in English terms matter in other languages: the other language's name of a world
city ("Moskau", "Brüssel"), which GeoNames lists as an alternate name, and the towns below the
gazetteer's city size that regional news is about ("In Passau stieg die Donau"). A town is taken only
where the text puts it after "in" (here or elsewhere in the article), and `places` still wants its
country in the article's context; German capitalises every noun, so a bare capitalised word that is
also a small town ("Wetter", "Lage", "Norden") is no evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from newsfacet.enrich.gazetteer import GAZETTEER_MIN_CITY, Gazetteer, Place
from newsfacet.enrich.mentions import GAZETTEER, Mention
from newsfacet.enrich.names import fold

# German articles and determiners, alone or joined to a preposition: a capitalised word after one is
# a noun ("das Essen", "beim Essen"), for cities take none ("in Essen").
GERMAN_DETERMINERS: Final = (
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines",
    "im", "am", "vom", "zum", "zur", "beim", "kein", "keine", "unser", "unsere", "mein", "sein",
)  # fmt: skip
_GERMAN_DETERMINER: Final = "|".join(GERMAN_DETERMINERS)

# Another language's name of a city counts alone only for a world city: smaller cities' alternate
# names meet common words ("Zölle", German for tariffs, is an old name of Zwolle).
WORLD_CITY = 1_000_000


def place_name_test(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """What `mentions.find_mentions` asks of a capitalised run when no model read the text: the
    gazetteer's own test, a world city's other name, or a town of any size (see the module)."""

    def is_place_name(text: str) -> bool:
        if gazetteer.is_place_name(text):
            return True
        key = fold(text)
        if gazetteer.city_index.get(key) is not None:
            return True
        rows = gazetteer.alternate_index.get(key)
        return rows is not None and gazetteer.city(rows[0]).population >= WORLD_CITY

    return is_place_name


def says_its_country(candidates: Sequence[Place]) -> bool:
    """Whether an untyped capitalised run, where no model read the text, names its country as
    surely as the country's name would: a region ("Niederbayern"), or a world city no other city of
    the gazetteer's size shares a name with ("Wien", not "Valencia", which is in Venezuela too)."""
    first = candidates[0]
    if first.kind == "region":
        return True
    return first.population >= WORLD_CITY and all(c.population < GAZETTEER_MIN_CITY for c in candidates[1:])


def with_towns_put_as_places(
    mentions: Sequence[Mention], gazetteer: Gazetteer, text: str, language: str
) -> list[Mention]:
    """The mentions without the gazetteer's guesses at towns the text never puts after "in", nor,
    in German, at places whose name the text also writes as a noun, after an article."""
    if language == "de":
        nouns = _german_nouns({m.text for m in mentions if _names_a_city(m, gazetteer)}, text)
        mentions = [m for m in mentions if m.label != GAZETTEER or m.text not in nouns]
    towns = [_is_guessed_town(mention, gazetteer) for mention in mentions]
    put_as_places = {
        fold(mention.text)
        for mention, town in zip(mentions, towns, strict=True)
        if town and mention.after_place_word
    }
    return [
        mention
        for mention, town in zip(mentions, towns, strict=True)
        if not town or fold(mention.text) in put_as_places
    ]


def _is_guessed_town(mention: Mention, gazetteer: Gazetteer) -> bool:
    """A capitalised run taken only for being a town below the gazetteer's city size."""
    if mention.label != GAZETTEER or gazetteer.is_place_name(mention.text):
        return False
    rows = gazetteer.city_index.get(fold(mention.text))
    return rows is not None and gazetteer.city(rows[0]).population < GAZETTEER_MIN_CITY


def _names_a_city(mention: Mention, gazetteer: Gazetteer) -> bool:
    # Countries, regions, rivers and seas take an article in German ("die Schweiz", "im Allgäu").
    return mention.label == GAZETTEER and fold(mention.text) not in gazetteer.named


def _german_nouns(names: set[str], text: str) -> set[str]:
    """The names the text also writes after a German article or determiner ("das Essen")."""
    if not names:
        return set()
    alternation = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    pattern = rf"(?<![\w-])(?i:{_GERMAN_DETERMINER})\s+({alternation})(?![\w-])"
    return {match.group(1) for match in re.finditer(pattern, text)}
