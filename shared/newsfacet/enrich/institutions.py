"""Institutional actors the way news writes them: "the Afghan government", "China's commerce
ministry", "Germany's defence ministry", "Vietnam's coast guard", "Forest Hill police".

The model rarely tags these (the body is a lower-case noun), so they are found by pattern: a
country, a demonym or (for police forces) any capitalised name, then a government body. Each
becomes an organisation mention under a canonical name: the country's demonym and the body in title
case ("Chinese Commerce Ministry", "Afghan Government"), or the name and the force ("Forest Hill
Police"); the place in it stays a place mention as well.

Companies are found the same way where news lists them under their kind ("apps like Chime, Dave
and Earnin", "rivals such as Lyft") or names their kind beside them ("Robinhood, the trading app"):
the model often takes such a name for a person or misses it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Final

from newsfacet.enrich.gazetteer import Gazetteer
from newsfacet.enrich.geo_aliases import DEMONYMS
from newsfacet.enrich.mentions import Mention, mention_at
from newsfacet.enrich.names import list_item_spans

# Bodies of a state, after a country or demonym: "government", "commerce ministry", "army".
_STATE_BODY = (
    r"(?:[a-z]+\s+)?ministry|government|coast\s+guard|army|navy|air\s+force|armed\s+forces"
    r"|military|parliament|supreme\s+court|central\s+bank|foreign\s+office|cabinet"
)
# Forces of a place or an organisation, after any capitalised name: "Forest Hill police".
_FORCE_BODY = r"police(?:\s+department|\s+force)?|sheriff['’]s\s+(?:office|department)|fire\s+department"
_INSTITUTION = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}?)(?:['’]s)?\s+"
    rf"(?P<body>{_STATE_BODY}|{_FORCE_BODY})(?![\w-])"
)
_FORCE = re.compile(_FORCE_BODY)
_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An|In|On|At|For|By)\s+")
# The first demonym written for each country ("Afghan" for AF).
_COUNTRY_DEMONYM: Final[dict[str, str]] = {}
for _word, _iso in DEMONYMS.items():
    _COUNTRY_DEMONYM.setdefault(_iso, _word)


# Nouns that say the names listed or set beside them are companies.
_COMPANY_KIND = (
    r"(?i:compan(?:y|ies)|firms?|start-?ups?|apps?|banks?|neobanks?|fintechs?|services|platforms?|brands?"
    r"|retailers?|rivals?|competitors?|lenders?|carmakers?|automakers?|airlines?|giants?|chains?)"
)
_COMPANY_NAME = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}"
_COMPANY_LIST = re.compile(
    rf"\b{_COMPANY_KIND}\s+(?:like|such\s+as|including)\s+"
    rf"(?P<names>{_COMPANY_NAME}(?:,\s+{_COMPANY_NAME})*(?:,?\s+(?:and|or)\s+{_COMPANY_NAME})?)"
)
# "Robinhood, the trading app, ...": the name opens its sentence or clause, the kind closes the
# apposition.
_COMPANY_APPOSITIVE = re.compile(
    rf"(?:^|(?<=[.;:!?]\s)|(?<=\band\s)|(?<=\bbut\s))(?P<name>{_COMPANY_NAME}),\s+(?:a|an|the)\s+"
    rf"(?:[a-z-]+\s+){{0,2}}{_COMPANY_KIND}(?=[,;.])",
    re.MULTILINE,
)


def company_mentions(title: str, text: str) -> list[Mention]:
    """Organisation mentions for the companies an article lists under their kind or sets beside
    it (see the module docstring)."""
    found = []
    for source, origin in ((0, title), (1, text)):
        spans = [(m.start("name"), m.end("name")) for m in _COMPANY_APPOSITIVE.finditer(origin)]
        for match in _COMPANY_LIST.finditer(origin):
            spans += list_item_spans(origin, match.start("names"), match.end("names"))
        found += [mention_at(origin, start, end, "ORG", in_title=source == 0) for start, end in spans]
    return found


def institution_mentions(title: str, text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Organisation mentions for the institutions named in the title and body."""
    return [
        mention for source, origin in ((0, title), (1, text)) for mention in _found(origin, source, gazetteer)
    ]


def _found(origin: str, source: int, gazetteer: Gazetteer) -> Iterator[Mention]:
    for match in _INSTITUTION.finditer(origin):
        name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", match.group("name"))).rstrip(".")
        body = " ".join(match.group("body").split()).replace("’", "'")
        canonical = _canonical(name, body, gazetteer)
        if canonical is None:
            continue
        mention = mention_at(origin, match.start("name"), match.end(), "ORG", in_title=source == 0)
        yield dataclasses.replace(mention, text=canonical)


def _canonical(name: str, body: str, gazetteer: Gazetteer) -> str | None:
    titled = body.title().replace("'S", "'s")
    country = gazetteer.demonym_country(name) if not name.endswith("s") else None
    if country is None:
        places = gazetteer.candidates(name)
        if places and places[0].kind == "country" and places[0].country_code:
            country = places[0].country_code
    if country is not None:
        # Coast guards go by the country's name ("Japan Coast Guard"), other bodies by its
        # demonym ("Chinese Commerce Ministry"), however the article wrote it.
        written_as_country = gazetteer.demonym_country(name) is None
        if body == "coast guard" and written_as_country:
            return f"{name} {titled}"
        return f"{_COUNTRY_DEMONYM.get(country, name)} {titled}"
    if _FORCE.fullmatch(body) and name[:1].isupper() and len(name) > 1:
        return f"{name} {titled}"
    return None
