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

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Final

from newsfacet.enrich.gazetteer import GAZETTEER_MIN_CITY, Gazetteer, Place
from newsfacet.enrich.mentions import GAZETTEER, Mention, mention_at
from newsfacet.enrich.names import fold

# German articles and determiners, alone or joined to a preposition: a capitalised word after one is
# a noun ("das Essen", "beim Essen"), for cities take none ("in Essen").
GERMAN_DETERMINERS: Final = (
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines",
    "im", "am", "vom", "zum", "zur", "beim", "kein", "keine", "unser", "unsere", "mein", "sein",
)  # fmt: skip
_GERMAN_DETERMINER: Final = "|".join(GERMAN_DETERMINERS)

# German nouns for a kind of place, written before its name ("die Stadt Zürich", "im Kanton Bern",
# "der Freistaat Bayern"): German capitalises them, so the gazetteer sees one run, "Stadt Zürich".
GERMAN_PLACE_NOUNS: Final = (
    "Stadt", "Kanton", "Bundesland", "Land", "Landeshauptstadt", "Hauptstadt", "Gemeinde", "Landkreis",
    "Kreis", "Freistaat", "Bezirk", "Region", "Großraum", "Metropole", "Stadtteil", "Ortsteil",
    "Marktgemeinde", "Kurort",
)  # fmt: skip
_NAME: Final = r"(?P<name>[A-ZÄÖÜ][\w]+(?:-[A-ZÄÖÜ][\w]+)*)(?![\w-])"
_AFTER_GERMAN_PLACE_NOUN: Final = re.compile(rf"(?<![\w-])(?:{'|'.join(GERMAN_PLACE_NOUNS)})\s+{_NAME}")
# A headline's one-word kicker ("Zürich: Stadt plant ..."): it opens the sentence, where the
# gazetteer's runs take no lone word.
_KICKER: Final = re.compile(rf"\s*{_NAME}\s*:")

# A capitalised word in the German genitive ("Bayerns Ministerpräsident", "Deutschlands Exporte").
_GENITIVE: Final = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w-]*?[a-zäöü])s(?![\w'’-])")

# Where the news of a language no model reads is about: its towns need no country named ("Zürich"
# in a Swiss story that never writes "Schweiz"). Only German: other languages are spoken in too many
# countries, or have a model.
HOME_COUNTRIES: Final[dict[str, frozenset[str]]] = {"de": frozenset({"DE", "AT", "CH"})}


def home_countries(language: str) -> frozenset[str]:
    """Countries an article in `language` no model read is about unless it names others."""
    return HOME_COUNTRIES.get(language, frozenset())


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


def read_without_model(
    mentions: Sequence[Mention],
    title: str,
    text: str,
    gazetteer: Gazetteer,
    language: str,
) -> list[Mention]:
    """The gazetteer's mentions of an article no model read, with the places a headline's kicker
    names and, in German, those named after their kind's noun ("Stadt Zürich") or in the genitive
    ("Bayerns"), and without towns the text never puts after "in" nor, in German, city names it
    also writes as nouns."""
    is_place_name = place_name_test(gazetteer)
    found = list(mentions) + _introduced_places(title, text, is_place_name, german=language == "de")
    if language == "de":
        found += _german_genitives(title, text, gazetteer)
        nouns = _german_nouns({m.text for m in found if _names_a_city(m, gazetteer)}, text)
        found = [m for m in found if m.label != GAZETTEER or m.text not in nouns]
    towns = [_is_guessed_town(mention, gazetteer) for mention in found]
    put_as_places = {
        fold(mention.text)
        for mention, town in zip(found, towns, strict=True)
        if town and (mention.after_place_word or mention.introduced_as_place)
    }
    return [m for m, town in zip(found, towns, strict=True) if not town or fold(m.text) in put_as_places]


def _introduced_places(
    title: str, text: str, is_place_name: Callable[[str], bool], *, german: bool
) -> list[Mention]:
    kicker = _KICKER.match(title)
    spans = [] if kicker is None else [(0, kicker.start("name"), kicker.end("name"))]
    if german:
        spans += [
            (source, match.start("name"), match.end("name"))
            for source, origin in enumerate((title, text))
            for match in _AFTER_GERMAN_PLACE_NOUN.finditer(origin)
        ]
    origins = (title, text)
    return [
        dataclasses.replace(
            mention_at(origins[source], start, end, GAZETTEER, in_title=source == 0), introduced_as_place=True
        )
        for source, start, end in spans
        if is_place_name(origins[source][start:end])
    ]


def _german_genitives(title: str, text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Countries, regions and world cities named in the genitive, as mentions of their own name.
    Not smaller cities: "des Essens" is the genitive of a noun."""
    found = []
    for source, origin in enumerate((title, text)):
        for match in _GENITIVE.finditer(origin):
            key = fold(match.group(1))
            rows = (
                None
                if key in gazetteer.named
                else gazetteer.city_index.get(key) or gazetteer.alternate_index.get(key)
            )
            if key in gazetteer.named or (
                rows is not None and gazetteer.city(rows[0]).population >= WORLD_CITY
            ):
                found.append(
                    mention_at(origin, match.start(1), match.end(1), GAZETTEER, in_title=source == 0)
                )
    return found


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
