"""Other forms in which an article names its places: a team named after its city ("Liverpool
beat Chelsea", in a sports story "our focus is on Cincinnati"), which is an organisation and not
the place, and a place's acronym ("National Capital Region (NCR)", "Delhi-NCR"), which is the place.
`places.resolve_places` uses both. US news also names a lawmaker's state in a party tag ("Rep. Jane
Roe (D-Minn.)", "R-W.Va."): `party_tag_mentions` makes each such state a place mention."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence
from functools import cache
from typing import Final

import pycountry

from newsfacet.enrich.gazetteer import Gazetteer, Place
from newsfacet.enrich.geo_aliases import US_STATE_ABBREVIATIONS
from newsfacet.enrich.mentions import GAZETTEER, Mention, mention_at
from newsfacet.enrich.names import acronym, clean_name, fold, list_item_spans

# Words after a city that keep it a place even in a sports story ("a Cincinnati native").
PLACE_NOUNS_AFTER_CITY = frozenset(
    {"native", "natives", "area", "based", "resident", "residents", "suburb"}
    # "the London side", "the Madrid club": a description of the team, in which the city is a place
    | {"side", "club", "outfit", "team", "franchise"}
)


def city_teams(
    mentions: Sequence[Mention], keys: Sequence[str], gazetteer: Gazetteer, *, sport: bool = False
) -> frozenset[str]:
    """Names the article uses for a team named after its city ("Liverpool beat Chelsea 2-1"): an
    organisation wherever the article names it, but after a place word ("the game in Pittsburgh").
    A country there is a national side, and stays the place it also is.

    In a sports story (`sport`) a city named with no word that makes it a place ("in", "to",
    "from", "near"...) is a team too: "our focus has got to be on Cincinnati", "when I took over
    Washington". Not a dateline in capitals, nor the first word of a longer name ("Tokyo
    Olympics")."""
    teams = set()
    for mention, key in zip(mentions, keys, strict=True):
        if not key or not (mention.as_team or (sport and _is_bare_city(mention))):
            continue
        first = next(iter(gazetteer.candidates(key)), None)
        if first is None:
            is_team = mention.as_team
        else:
            is_team = first.kind != "country" if mention.as_team else first.kind == "city"
        if is_team:
            teams.add(key)
    return frozenset(teams)


def credits_not_named_like_places(credits: Collection[str], gazetteer: Gazetteer) -> list[str]:
    """The publisher's credits to blank out of the text: all but a city's name, as a site named for
    its city goes by ("cleveland" for cleveland.com). Blanked, the city would vanish from its own
    dateline ("CLEVELAND, Ohio -") and from every sentence that names it; the name is still kept
    out of the actors, and the site's fuller names ("Cleveland.com") are still blanked. Not a
    state's or a country's short form: "PA" is a wire service's credit before it is Pennsylvania."""
    return [name for name in credits if not _is_city_name(name, gazetteer)]


def _is_city_name(name: str, gazetteer: Gazetteer) -> bool:
    first = next(iter(gazetteer.candidates(name)), None)
    return first is not None and first.kind == "city" and gazetteer.is_place_name(name)


def _is_bare_city(mention: Mention) -> bool:
    return (
        mention.label in {"GPE", GAZETTEER}
        and not mention.after_place_word
        and not mention.text.isupper()
        and not mention.next_word[:1].isupper()
        and mention.next_word not in PLACE_NOUNS_AFTER_CITY
    )


# Words that make a name a club's by themselves ("FC Porto", "Manchester United"); not "City",
# which ends the names of cities too ("New York City").
_CLUB_FIRST_WORDS: Final = frozenset({"FC", "AC", "AFC", "SC", "Real", "Inter", "Atletico", "Sporting"})
_CLUB_LAST_WORDS: Final = frozenset({"FC", "United", "Hotspur", "Rovers", "Athletic", "Wanderers", "Albion"})
# Words joined by spaces only, without dots: a name does not run on over a sentence's end.
_LISTED_NAME = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"
_NAME_LIST = re.compile(rf"(?<![\w'’-]){_LISTED_NAME}(?:,\s+{_LISTED_NAME})*,?\s+(?:and|or)\s+{_LISTED_NAME}")


def listed_team_mentions(title: str, text: str) -> list[Mention]:
    """In a sports story, the names listed with a club ("has managed FC Porto, Inter Milan, Chelsea
    and Manchester United"): teams, though a city bears the name (`city_teams`)."""
    found = []
    for source, origin in ((0, title), (1, text)):
        for match in _NAME_LIST.finditer(origin):
            items = list_item_spans(origin, match.start(), match.end())
            words = [origin[start:end].split() for start, end in items]
            if not any(w and (w[0] in _CLUB_FIRST_WORDS or w[-1] in _CLUB_LAST_WORDS) for w in words):
                continue
            for start, end in items:
                mention = mention_at(origin, start, end, "ORG", in_title=source == 0)
                found.append(dataclasses.replace(mention, as_team=True))
    return found


# Shorter acronyms ("SC", "LA") stand for too many other things to be read as a place's.
MIN_PLACE_ACRONYM = 3


def count_acronyms_of_places(
    mentions: Sequence[Mention],
    display: dict[Place, str],
    *,
    consumed: set[int],
    scores: dict[Place, float],
    counts: dict[Place, int],
) -> None:
    """The acronym of a place the article names in full is that place, alone or in a compound
    with another of its places ("National Capital Region (NCR)", "Delhi-NCR"): counted there,
    and consumed, so that it becomes no organisation."""
    acronyms = {
        short: place for place, name in display.items() if len(short := acronym(name)) >= MIN_PLACE_ACRONYM
    }
    if not acronyms:
        return
    names = {fold(name): place for place, name in display.items()}
    for index, mention in enumerate(mentions):
        if index in consumed:
            continue
        parts = (clean_name(mention.text) or "").split("-")
        places = [acronyms.get(part) or names.get(fold(part)) for part in parts]
        if not any(part in acronyms for part in parts) or None in places:
            continue
        consumed.add(index)
        for place in places:
            if place is not None:
                scores[place] += 1.0 + (1.0 - mention.position)
                counts[place] += 1


# "(D-Minn.)", "R-W.Va.", "(R-TX)", "(I-Vermont)": a party's letter, a hyphen, the state, the tag's end.
_PARTY_TAG = re.compile(
    r"(?<![\w.-])[DRI]-(?P<state>(?:[A-Z][a-z]*\.){1,2}|[A-Z]{2}(?![\w.])|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"(?=\)|,|;)"
)


def party_tag_mentions(title: str, text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Place mentions for the US states of party tags, in a form the gazetteer reads as the state
    (AP style, "N.Y." being the state where "New York" is the city)."""
    found = []
    for source, origin in ((0, title), (1, text)):
        if not any(tag in origin for tag in ("D-", "R-", "I-")):
            continue  # no tag's party and hyphen: a substring test costs a third of the scan
        for match in _PARTY_TAG.finditer(origin):
            state = _us_state(match.group("state"))
            if state is None or not gazetteer.candidates(state):
                continue
            start, end = match.span("state")
            mention = mention_at(origin, start, end, "GPE", in_title=source == 0)
            found.append(dataclasses.replace(mention, text=state))
    return found


_AP_STYLE: Final = {state: abbreviation for abbreviation, state in US_STATE_ABBREVIATIONS.items()}


def _us_state(written: str) -> str | None:
    """The state a party tag writes as AP style ("Minn."), as a postal code ("MN") or in full."""
    if written in US_STATE_ABBREVIATIONS:
        return written
    if len(written) == 2 and written.isupper():
        state = _us_postal_codes().get(written)
        return _AP_STYLE.get(state, state) if state else None
    return written if written in _us_postal_codes().values() else None  # "(I-Vermont)", not "D-Day"


@cache
def _us_postal_codes() -> dict[str, str]:
    """ "MN" -> "Minnesota", from pycountry's ISO 3166-2 table (read once, when a tag needs it)."""
    return {str(s.code)[3:]: str(s.name) for s in pycountry.subdivisions if str(s.code).startswith("US-")}


# A country's name before the short name of one of its national bodies ("the US Senate", "the U.S.
# military"): a description that mentions the country. Not a body's full proper name ("U.S.
# Securities and Exchange Commission", "Japan Airlines"), where the country is part of the name.
_COUNTRY_BODY = re.compile(
    r"(?:[Tt]he\s+)?(?P<country>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:Senate|Congress|House|military|government"
    r"|Army|Navy|Justice Department|State Department|Treasury|embassy|Supreme Court)"
)


def count_countries_of_bodies(
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    display: dict[Place, str],
    *,
    scores: dict[Place, float],
    counts: dict[Place, int],
) -> None:
    """The country named before a national body's short name ("the US Senate") is mentioned there:
    counted as a place, while the body stays an actor."""
    for mention in mentions:
        match = _COUNTRY_BODY.fullmatch(mention.text) if mention.label == "ORG" else None
        candidates = gazetteer.candidates(match.group("country")) if match else ()
        if not candidates or candidates[0].kind != "country":
            continue
        place = candidates[0]
        display.setdefault(place, place.name)
        scores[place] = scores.get(place, 0.0) + 1.0 + (1.0 - mention.position)
        counts[place] = counts.get(place, 0) + 1
